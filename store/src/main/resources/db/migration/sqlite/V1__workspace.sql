-- The workspace schema, SQLite flavour. Kept in step with ../postgresql/V1__workspace.sql: the same
-- tables and columns; only the types of generated ids and of bytes differ.
-- Times are milliseconds since 1970-01-01 UTC; hashes and fingerprints are lower-case hex.

CREATE TABLE election (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    definition_id  TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    election_date  TEXT    NOT NULL,
    source_name    TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    fingerprint    TEXT    NOT NULL UNIQUE,
    definition     BLOB    NOT NULL,
    bulwark_json   BLOB,
    cvr_dictionary BLOB    NOT NULL,
    imported_at    INTEGER NOT NULL,
    imported_by    TEXT    NOT NULL
);

CREATE TABLE cvr_file (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    election_id    INTEGER NOT NULL REFERENCES election (id),
    sha256         TEXT    NOT NULL UNIQUE,
    source_name    TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    counting_group TEXT    NOT NULL,
    cvr_count      INTEGER NOT NULL,
    imported_at    INTEGER NOT NULL,
    imported_by    TEXT    NOT NULL
);

CREATE INDEX cvr_file_election ON cvr_file (election_id);

-- One row per ballot. position is a random permutation of 1..n within the file, assigned at import,
-- and the table is clustered on it (WITHOUT ROWID), so neither keys nor storage order follow the
-- order in which ballots were cast. No per-CVR time is stored.
CREATE TABLE cvr (
    file_id  INTEGER NOT NULL REFERENCES cvr_file (id),
    position INTEGER NOT NULL,
    record   BLOB    NOT NULL,
    PRIMARY KEY (file_id, position)
) WITHOUT ROWID;

CREATE TABLE results (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    election_id    INTEGER NOT NULL REFERENCES election (id),
    saved_at       INTEGER NOT NULL,
    ballots_counted INTEGER NOT NULL,
    cvr_files      INTEGER NOT NULL,
    contests       INTEGER NOT NULL,
    err_json       BLOB    NOT NULL
);

CREATE INDEX results_election ON results (election_id);
