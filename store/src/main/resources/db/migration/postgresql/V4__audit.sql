-- Post-election audits, PostgreSQL flavour. Kept in step with ../sqlite/V4__audit.sql,
-- which explains the tables.
--
-- Every table is append-only (triggers refuse UPDATE and DELETE): a correction is a new row, and
-- what counts is the latest row for its place. Each row names the log entry that records it.

CREATE TABLE audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id BIGINT  NOT NULL REFERENCES election (id),
    name        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('missouri', 'rla')),
    authority   TEXT    NOT NULL,
    settings    TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    log_index   BIGINT  NOT NULL
);

-- The public random seed; a later row replaces an earlier one only while no sample has been drawn.
CREATE TABLE audit_seed (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id   BIGINT  NOT NULL REFERENCES audit (id),
    seed       TEXT    NOT NULL,
    entered_at BIGINT NOT NULL,
    log_index  BIGINT  NOT NULL
);

CREATE TABLE audit_manifest (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id    BIGINT  NOT NULL REFERENCES audit (id),
    source_name TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    content     BYTEA   NOT NULL,
    ballots     BIGINT NOT NULL,
    imported_at BIGINT NOT NULL,
    log_index   BIGINT  NOT NULL
);

-- A round's draws in order, as "ticket:pick" separated by commas.
CREATE TABLE audit_round (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id  BIGINT  NOT NULL REFERENCES audit (id),
    round     INTEGER NOT NULL,
    draws     TEXT    NOT NULL,
    opened_at BIGINT NOT NULL,
    log_index BIGINT NOT NULL,
    UNIQUE (audit_id, round)
);

CREATE TABLE audit_round_close (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id  BIGINT  NOT NULL REFERENCES audit (id),
    round     INTEGER NOT NULL,
    outcome   TEXT    NOT NULL,
    risks     TEXT    NOT NULL,
    closed_at BIGINT NOT NULL,
    log_index BIGINT NOT NULL,
    UNIQUE (audit_id, round)
);

-- Hand counts (place "precinct P, contest C") and audit board readings (place "ballot N").
CREATE TABLE audit_entry (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id   BIGINT  NOT NULL REFERENCES audit (id),
    place      TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('hand-count', 'ballot')),
    content    TEXT    NOT NULL,
    entered_by TEXT    NOT NULL,
    entered_at BIGINT NOT NULL,
    log_index  BIGINT  NOT NULL
);

-- Discrepancies an entry showed when it was entered; superseded with the entry by a later one for the same place.
CREATE TABLE audit_discrepancy (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id    BIGINT  NOT NULL REFERENCES audit_entry (id),
    key         TEXT    NOT NULL,
    description TEXT    NOT NULL
);

CREATE TABLE audit_resolution (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id    BIGINT  NOT NULL REFERENCES audit (id),
    key         TEXT    NOT NULL,
    explanation TEXT    NOT NULL,
    resolved_by TEXT    NOT NULL,
    resolved_at BIGINT NOT NULL,
    log_index   BIGINT  NOT NULL
);

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_seed_append_only BEFORE UPDATE OR DELETE ON audit_seed
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_manifest_append_only BEFORE UPDATE OR DELETE ON audit_manifest
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_round_append_only BEFORE UPDATE OR DELETE ON audit_round
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_round_close_append_only BEFORE UPDATE OR DELETE ON audit_round_close
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_discrepancy_append_only BEFORE UPDATE OR DELETE ON audit_discrepancy
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TRIGGER audit_resolution_append_only BEFORE UPDATE OR DELETE ON audit_resolution
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
