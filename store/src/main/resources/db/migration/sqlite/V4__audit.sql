-- Post-election audits, SQLite flavour. Kept in step with ../postgresql/V4__audit.sql.
-- Every table is append-only (triggers refuse UPDATE and DELETE): a correction is a new row, and
-- what counts is the latest row for its place. Each row names the log entry that records it.

CREATE TABLE audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    election_id INTEGER NOT NULL REFERENCES election (id),
    name        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('missouri', 'rla')),
    authority   TEXT    NOT NULL,
    settings    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    log_index   INTEGER NOT NULL
);

-- The public random seed; a later row replaces an earlier one only while no sample has been drawn.
CREATE TABLE audit_seed (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id   INTEGER NOT NULL REFERENCES audit (id),
    seed       TEXT    NOT NULL,
    entered_at INTEGER NOT NULL,
    log_index  INTEGER NOT NULL
);

CREATE TABLE audit_manifest (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id    INTEGER NOT NULL REFERENCES audit (id),
    source_name TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    content     BLOB    NOT NULL,
    ballots     INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    log_index   INTEGER NOT NULL
);

-- A round's draws in order, as "ticket:pick" separated by commas.
CREATE TABLE audit_round (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id  INTEGER NOT NULL REFERENCES audit (id),
    round     INTEGER NOT NULL,
    draws     TEXT    NOT NULL,
    opened_at INTEGER NOT NULL,
    log_index INTEGER NOT NULL,
    UNIQUE (audit_id, round)
);

CREATE TABLE audit_round_close (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id  INTEGER NOT NULL REFERENCES audit (id),
    round     INTEGER NOT NULL,
    outcome   TEXT    NOT NULL,
    risks     TEXT    NOT NULL,
    closed_at INTEGER NOT NULL,
    log_index INTEGER NOT NULL,
    UNIQUE (audit_id, round)
);

-- Hand counts (place "precinct P, contest C") and audit board readings (place "ballot N").
CREATE TABLE audit_entry (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id   INTEGER NOT NULL REFERENCES audit (id),
    place      TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('hand-count', 'ballot')),
    content    TEXT    NOT NULL,
    entered_by TEXT    NOT NULL,
    entered_at INTEGER NOT NULL,
    log_index  INTEGER NOT NULL
);

-- Discrepancies an entry showed when it was entered; superseded with the entry by a later one for the same place.
CREATE TABLE audit_discrepancy (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id    INTEGER NOT NULL REFERENCES audit_entry (id),
    key         TEXT    NOT NULL,
    description TEXT    NOT NULL
);

CREATE TABLE audit_resolution (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id    INTEGER NOT NULL REFERENCES audit (id),
    key         TEXT    NOT NULL,
    explanation TEXT    NOT NULL,
    resolved_by TEXT    NOT NULL,
    resolved_at INTEGER NOT NULL,
    log_index   INTEGER NOT NULL
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_seed_no_update BEFORE UPDATE ON audit_seed
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_seed_no_delete BEFORE DELETE ON audit_seed
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_manifest_no_update BEFORE UPDATE ON audit_manifest
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_manifest_no_delete BEFORE DELETE ON audit_manifest
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_round_no_update BEFORE UPDATE ON audit_round
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_round_no_delete BEFORE DELETE ON audit_round
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_round_close_no_update BEFORE UPDATE ON audit_round_close
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_round_close_no_delete BEFORE DELETE ON audit_round_close
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_discrepancy_no_update BEFORE UPDATE ON audit_discrepancy
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_discrepancy_no_delete BEFORE DELETE ON audit_discrepancy
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

CREATE TRIGGER audit_resolution_no_update BEFORE UPDATE ON audit_resolution
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_resolution_no_delete BEFORE DELETE ON audit_resolution
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
