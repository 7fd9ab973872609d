-- Results certifications, SQLite flavour. Kept in step with ../postgresql/V7__certification.sql.
-- One row per certification of an authority's results of an election, written with its
-- RESULTS_CERTIFIED log entry in one transaction, only when no custody incident of the authority is
-- open and no audit discrepancy of it is unresolved. An authority's results of an election are
-- certified once: a second certification is refused (the unique index keeps that true even between
-- two workspaces' users racing). Append-only, like every record that the log points to.
CREATE TABLE results_certification (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    election_id  INTEGER NOT NULL REFERENCES election (id),
    authority    TEXT    NOT NULL,
    certified_by TEXT    NOT NULL,
    certified_at INTEGER NOT NULL,
    log_index    INTEGER NOT NULL REFERENCES log_entry (idx)
);

CREATE UNIQUE INDEX results_certification_once ON results_certification (election_id, authority);

CREATE TRIGGER results_certification_no_update BEFORE UPDATE ON results_certification
BEGIN SELECT RAISE(ABORT, 'results certifications are append-only'); END;
CREATE TRIGGER results_certification_no_delete BEFORE DELETE ON results_certification
BEGIN SELECT RAISE(ABORT, 'results certifications are append-only'); END;
