-- The workspace's transparency log, SQLite flavour. Kept in step with ../postgresql/V2__ledger.sql.
-- log_entry holds the record: each entry's canonical bytes (docs/event-log.md) at its index. It is
-- append-only: the triggers refuse UPDATE and DELETE, and anything that gets around them is caught by
-- verification, which recomputes the Merkle root from the entries and compares it with every saved
-- checkpoint. log_tile holds the RFC 9162 hash tiles (C2SP tlog-tiles, height 8), derived from the
-- entries: a partial tile is rewritten as it fills.

CREATE TABLE log_entry (
    idx   INTEGER PRIMARY KEY,
    entry BLOB    NOT NULL
);

CREATE TRIGGER log_entry_no_update BEFORE UPDATE ON log_entry
BEGIN SELECT RAISE(ABORT, 'log entries are append-only'); END;
CREATE TRIGGER log_entry_no_delete BEFORE DELETE ON log_entry
BEGIN SELECT RAISE(ABORT, 'log entries are append-only'); END;

CREATE TABLE log_tile (
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    hashes BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Signed checkpoints of the workspace log (signed-note text) and cosignatures of them.
CREATE TABLE log_checkpoint (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    tree_size INTEGER NOT NULL,
    root_hash TEXT    NOT NULL,
    note      TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('signed', 'cosigned')),
    saved_at  INTEGER NOT NULL
);

CREATE TRIGGER log_checkpoint_no_update BEFORE UPDATE ON log_checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER log_checkpoint_no_delete BEFORE DELETE ON log_checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;

-- The trust registry as its history of changes, replayed through the admission rules on read.
CREATE TABLE trust_change (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    change      TEXT    NOT NULL CHECK (change IN ('root', 'admit', 'revoke')),
    fingerprint TEXT    NOT NULL,
    public_key  TEXT,
    by_key      TEXT,
    reason      TEXT,
    changed_at  INTEGER NOT NULL,
    log_index   INTEGER NOT NULL REFERENCES log_entry (idx)
);

CREATE TRIGGER trust_change_no_update BEFORE UPDATE ON trust_change
BEGIN SELECT RAISE(ABORT, 'trust registry changes are append-only'); END;
CREATE TRIGGER trust_change_no_delete BEFORE DELETE ON trust_change
BEGIN SELECT RAISE(ABORT, 'trust registry changes are append-only'); END;

-- Packages read into this workspace, by id: the replay guard of package verify --workspace.
CREATE TABLE imported_package (
    package_id  TEXT    PRIMARY KEY,
    imported_at INTEGER NOT NULL,
    log_index   INTEGER NOT NULL REFERENCES log_entry (idx)
);

-- The unit an election is held in, for the jurisdiction of its log events.
ALTER TABLE election ADD COLUMN scope TEXT;
