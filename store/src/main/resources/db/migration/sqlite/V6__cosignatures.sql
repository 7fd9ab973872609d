-- Cosigned checkpoints, SQLite flavour. Kept in step with ../postgresql/V6__cosignatures.sql.
-- 'given': a checkpoint of another authority's log that this workspace's key cosigned (the state
-- cosigning a county). 'received': a checkpoint of this workspace's own log, cosigned by another
-- authority and brought back; its root was the log's root at its size when it was stored, and log
-- verification checks that it still is. The note is the whole signed text, with every signature line.
-- Stored checkpoints of one origin must never contradict each other: a second root for the same size
-- is a split view and is refused before anything is stored.
CREATE TABLE log_cosignature (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    direction   TEXT    NOT NULL CHECK (direction IN ('given', 'received')),
    origin      TEXT    NOT NULL,
    tree_size   INTEGER NOT NULL,
    root_hash   TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    cosigner    TEXT    NOT NULL,
    cosigned_at INTEGER NOT NULL,
    saved_at    INTEGER NOT NULL,
    log_index   INTEGER NOT NULL REFERENCES log_entry (idx)
);

CREATE INDEX log_cosignature_by_origin ON log_cosignature (origin, tree_size);

CREATE TRIGGER log_cosignature_no_update BEFORE UPDATE ON log_cosignature
BEGIN SELECT RAISE(ABORT, 'cosigned checkpoints are append-only'); END;
CREATE TRIGGER log_cosignature_no_delete BEFORE DELETE ON log_cosignature
BEGIN SELECT RAISE(ABORT, 'cosigned checkpoints are append-only'); END;
