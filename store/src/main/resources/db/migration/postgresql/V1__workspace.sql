-- The workspace schema, PostgreSQL flavour. Kept in step with ../sqlite/V1__workspace.sql: the same
-- tables and columns; only the types of generated ids and of bytes differ.
-- Times are milliseconds since 1970-01-01 UTC; hashes and fingerprints are lower-case hex.

CREATE TABLE election (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    definition_id  TEXT   NOT NULL,
    title          TEXT   NOT NULL,
    election_date  TEXT   NOT NULL,
    source_name    TEXT   NOT NULL,
    format         TEXT   NOT NULL,
    fingerprint    TEXT   NOT NULL UNIQUE,
    definition     BYTEA  NOT NULL,
    bulwark_json   BYTEA,
    cvr_dictionary BYTEA  NOT NULL,
    imported_at    BIGINT NOT NULL,
    imported_by    TEXT   NOT NULL
);

CREATE TABLE cvr_file (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id    BIGINT NOT NULL REFERENCES election (id),
    sha256         TEXT   NOT NULL UNIQUE,
    source_name    TEXT   NOT NULL,
    format         TEXT   NOT NULL,
    counting_group TEXT   NOT NULL,
    cvr_count      BIGINT NOT NULL,
    imported_at    BIGINT NOT NULL,
    imported_by    TEXT   NOT NULL
);

CREATE INDEX cvr_file_election ON cvr_file (election_id);

-- One row per ballot. position is a random permutation of 1..n within the file, assigned at import;
-- rows are written in position order from an unlogged temporary table, so neither keys nor heap
-- order follow the order in which ballots were cast. No per-CVR time is stored.
CREATE TABLE cvr (
    file_id  BIGINT NOT NULL REFERENCES cvr_file (id),
    position BIGINT NOT NULL,
    record   BYTEA  NOT NULL,
    PRIMARY KEY (file_id, position)
);

CREATE TABLE results (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id     BIGINT NOT NULL REFERENCES election (id),
    saved_at        BIGINT NOT NULL,
    ballots_counted BIGINT NOT NULL,
    cvr_files       INTEGER NOT NULL,
    contests        INTEGER NOT NULL,
    err_json        BYTEA  NOT NULL
);

CREATE INDEX results_election ON results (election_id);
