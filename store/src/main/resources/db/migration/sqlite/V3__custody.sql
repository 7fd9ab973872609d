-- Custody (issue 5), SQLite flavour. Kept in step with ../postgresql/V3__custody.sql.
-- Records are append-only (triggers refuse UPDATE and DELETE): a change or a correction is a new row,
-- and every row points at the log entry written in its transaction. custody_asset_now is the one
-- derived table: each asset as it stands (location after its last transfer) and its readiness bits,
-- maintained in the same transaction as the records, so the statewide readiness matrix is one
-- GROUP BY over it instead of a replay of a million events. log_index is the index of the row's log
-- entry, but not a foreign key: a transaction recording many actions numbers their log entries as it
-- goes and appends them all at once before it commits, and a key checked at commit would make each
-- appended entry scan the custody tables for rows that refer to it.

CREATE TABLE custody_registry (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    model       TEXT    NOT NULL,
    version     TEXT    NOT NULL,
    vendor      TEXT    NOT NULL,
    eac_number  TEXT    NOT NULL,
    approved_on TEXT    NOT NULL,
    conditions  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('approved', 'conditional', 'withdrawn')),
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT    NOT NULL,
    log_index   INTEGER NOT NULL
);
CREATE INDEX custody_registry_version ON custody_registry (model, version, id);

-- Components and seal points of a registry entry, in the order given.
CREATE TABLE custody_registry_part (
    entry_id    INTEGER NOT NULL REFERENCES custody_registry (id),
    position    INTEGER NOT NULL,
    part        TEXT    NOT NULL CHECK (part IN ('software', 'firmware', 'seal-point')),
    name        TEXT    NOT NULL,
    fingerprint TEXT,
    PRIMARY KEY (entry_id, position)
);

CREATE TABLE custody_asset (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tag         TEXT    NOT NULL,
    serial      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    version     TEXT,
    authority   TEXT    NOT NULL,
    location    TEXT    NOT NULL,
    custodian   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    corrects    INTEGER REFERENCES custody_asset (id),
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT    NOT NULL,
    log_index   INTEGER NOT NULL
);
CREATE INDEX custody_asset_tag ON custody_asset (tag, id);

CREATE TABLE custody_asset_now (
    tag        TEXT    PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES custody_asset (id),
    serial     TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    version    TEXT,
    authority  TEXT    NOT NULL,
    location   TEXT    NOT NULL,
    custodian  TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    failed     INTEGER NOT NULL
);
CREATE INDEX custody_asset_now_readiness ON custody_asset_now (kind, status, authority, failed);
CREATE INDEX custody_asset_now_serial ON custody_asset_now (serial);
CREATE INDEX custody_asset_now_version ON custody_asset_now (model, version);

CREATE TABLE custody_seal_range (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    authority    TEXT    NOT NULL,
    first_number INTEGER NOT NULL,
    last_number  INTEGER NOT NULL,
    issued_at    INTEGER NOT NULL,
    log_index    INTEGER NOT NULL
);
CREATE INDEX custody_seal_range_first ON custody_seal_range (first_number);

-- The timeline of every asset. kind: applied, verified, broken, transferred, memory, lat, record. Columns
-- unused by a kind are NULL; a memory access keeps its action, person1 (who), reason (purpose), place (device tag).
CREATE TABLE custody_event (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    tag            TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    at             INTEGER NOT NULL,
    point          TEXT,
    seal_number    INTEGER,
    observed       INTEGER,
    intact         INTEGER,
    polling_place  INTEGER,
    place          TEXT,
    action         TEXT,
    reason         TEXT,
    person1        TEXT,
    party1         TEXT,
    person2        TEXT,
    party2         TEXT,
    transfer_id    INTEGER,
    lat_id         INTEGER,
    asset_record   INTEGER REFERENCES custody_asset (id),
    log_index      INTEGER NOT NULL
);
CREATE INDEX custody_event_tag ON custody_event (tag, id);
-- A seal number is applied once only: the database refuses a second application too.
CREATE UNIQUE INDEX custody_event_seal_once ON custody_event (seal_number) WHERE kind = 'applied';

CREATE TABLE custody_transfer (
    id          INTEGER PRIMARY KEY,
    from_person TEXT    NOT NULL,
    from_place  TEXT    NOT NULL,
    to_person   TEXT    NOT NULL,
    to_place    TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    condition   TEXT    NOT NULL,
    changes     TEXT,
    seals       TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    log_index   INTEGER NOT NULL
);

CREATE TABLE custody_lat (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT    NOT NULL,
    serial        TEXT    NOT NULL,
    model         TEXT    NOT NULL,
    software      TEXT    NOT NULL,
    election      TEXT    NOT NULL,
    lat_date      TEXT    NOT NULL,
    passed        INTEGER NOT NULL,
    record        BLOB    NOT NULL,
    file_sha256   TEXT    NOT NULL,
    log_index     INTEGER NOT NULL
);

CREATE TABLE custody_incident (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    authority   TEXT    NOT NULL,
    tag         TEXT,
    description TEXT    NOT NULL,
    opened_at   INTEGER NOT NULL,
    opened_by   TEXT    NOT NULL,
    log_index   INTEGER NOT NULL
);
CREATE INDEX custody_incident_authority ON custody_incident (authority, id);

CREATE TABLE custody_incident_action (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id INTEGER NOT NULL REFERENCES custody_incident (id),
    action      TEXT    NOT NULL CHECK (action IN ('assign', 'resolve')),
    person      TEXT    NOT NULL,
    note        TEXT,
    at          INTEGER NOT NULL,
    log_index   INTEGER NOT NULL
);
CREATE INDEX custody_incident_action_incident ON custody_incident_action (incident_id, id);

CREATE TRIGGER custody_registry_no_update BEFORE UPDATE ON custody_registry BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_registry_no_delete BEFORE DELETE ON custody_registry BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_registry_part_no_update BEFORE UPDATE ON custody_registry_part BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_registry_part_no_delete BEFORE DELETE ON custody_registry_part BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_asset_no_update BEFORE UPDATE ON custody_asset BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_asset_no_delete BEFORE DELETE ON custody_asset BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_seal_range_no_update BEFORE UPDATE ON custody_seal_range BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_seal_range_no_delete BEFORE DELETE ON custody_seal_range BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_transfer_no_update BEFORE UPDATE ON custody_transfer BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_transfer_no_delete BEFORE DELETE ON custody_transfer BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_lat_no_update BEFORE UPDATE ON custody_lat BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_lat_no_delete BEFORE DELETE ON custody_lat BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_incident_no_update BEFORE UPDATE ON custody_incident BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_incident_no_delete BEFORE DELETE ON custody_incident BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_incident_action_no_update BEFORE UPDATE ON custody_incident_action BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_incident_action_no_delete BEFORE DELETE ON custody_incident_action BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
