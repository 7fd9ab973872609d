-- Custody (issue 5), PostgreSQL flavour. Kept in step with ../sqlite/V3__custody.sql, which explains the tables.

CREATE TABLE custody_registry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model       TEXT    NOT NULL,
    version     TEXT    NOT NULL,
    vendor      TEXT    NOT NULL,
    eac_number  TEXT    NOT NULL,
    approved_on TEXT    NOT NULL,
    conditions  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('approved', 'conditional', 'withdrawn')),
    recorded_at BIGINT NOT NULL,
    recorded_by TEXT    NOT NULL,
    log_index   BIGINT NOT NULL
);
CREATE INDEX custody_registry_version ON custody_registry (model, version, id);

-- Components and seal points of a registry entry, in the order given.
CREATE TABLE custody_registry_part (
    entry_id    BIGINT NOT NULL REFERENCES custody_registry (id),
    position    BIGINT NOT NULL,
    part        TEXT    NOT NULL CHECK (part IN ('software', 'firmware', 'seal-point')),
    name        TEXT    NOT NULL,
    fingerprint TEXT,
    PRIMARY KEY (entry_id, position)
);

CREATE TABLE custody_asset (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    corrects    BIGINT REFERENCES custody_asset (id),
    recorded_at BIGINT NOT NULL,
    recorded_by TEXT    NOT NULL,
    log_index   BIGINT NOT NULL
);
CREATE INDEX custody_asset_tag ON custody_asset (tag, id);

CREATE TABLE custody_asset_now (
    tag        TEXT    PRIMARY KEY,
    record_id  BIGINT NOT NULL REFERENCES custody_asset (id),
    serial     TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    version    TEXT,
    authority  TEXT    NOT NULL,
    location   TEXT    NOT NULL,
    custodian  TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    failed     BIGINT NOT NULL
);
CREATE INDEX custody_asset_now_readiness ON custody_asset_now (kind, status, authority, failed);
CREATE INDEX custody_asset_now_serial ON custody_asset_now (serial);
CREATE INDEX custody_asset_now_version ON custody_asset_now (model, version);

CREATE TABLE custody_seal_range (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authority    TEXT    NOT NULL,
    first_number BIGINT NOT NULL,
    last_number  BIGINT NOT NULL,
    issued_at    BIGINT NOT NULL,
    log_index    BIGINT NOT NULL
);
CREATE INDEX custody_seal_range_first ON custody_seal_range (first_number);

-- The timeline of every asset. kind: applied, verified, broken, transferred, memory, lat, record.
CREATE TABLE custody_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tag            TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    at             BIGINT NOT NULL,
    point          TEXT,
    seal_number    BIGINT,
    observed       BIGINT,
    intact         BIGINT,
    polling_place  BIGINT,
    place          TEXT,
    action         TEXT,
    reason         TEXT,
    person1        TEXT,
    party1         TEXT,
    person2        TEXT,
    party2         TEXT,
    transfer_id    BIGINT,
    lat_id         BIGINT,
    asset_record   BIGINT REFERENCES custody_asset (id),
    log_index      BIGINT NOT NULL
);
CREATE INDEX custody_event_tag ON custody_event (tag, id);
-- A seal number is applied once only: the database refuses a second application too.
CREATE UNIQUE INDEX custody_event_seal_once ON custody_event (seal_number) WHERE kind = 'applied';

CREATE TABLE custody_transfer (
    id          BIGINT PRIMARY KEY,
    from_person TEXT    NOT NULL,
    from_place  TEXT    NOT NULL,
    to_person   TEXT    NOT NULL,
    to_place    TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    condition   TEXT    NOT NULL,
    changes     TEXT,
    seals       TEXT    NOT NULL,
    at          BIGINT NOT NULL,
    log_index   BIGINT NOT NULL
);

CREATE TABLE custody_lat (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT    NOT NULL,
    serial        TEXT    NOT NULL,
    model         TEXT    NOT NULL,
    software      TEXT    NOT NULL,
    election      TEXT    NOT NULL,
    lat_date      TEXT    NOT NULL,
    passed        BIGINT NOT NULL,
    record        BYTEA    NOT NULL,
    file_sha256   TEXT    NOT NULL,
    log_index     BIGINT NOT NULL
);

CREATE TABLE custody_incident (
    id          BIGINT PRIMARY KEY,
    kind        TEXT    NOT NULL,
    authority   TEXT    NOT NULL,
    tag         TEXT,
    description TEXT    NOT NULL,
    opened_at   BIGINT NOT NULL,
    opened_by   TEXT    NOT NULL,
    log_index   BIGINT NOT NULL
);
CREATE INDEX custody_incident_authority ON custody_incident (authority, id);

CREATE TABLE custody_incident_action (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES custody_incident (id),
    action      TEXT    NOT NULL CHECK (action IN ('assign', 'resolve')),
    person      TEXT    NOT NULL,
    note        TEXT,
    at          BIGINT NOT NULL,
    log_index   BIGINT NOT NULL
);
CREATE INDEX custody_incident_action_incident ON custody_incident_action (incident_id, id);

CREATE TRIGGER custody_registry_append_only BEFORE UPDATE OR DELETE ON custody_registry
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_registry_part_append_only BEFORE UPDATE OR DELETE ON custody_registry_part
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_asset_append_only BEFORE UPDATE OR DELETE ON custody_asset
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_seal_range_append_only BEFORE UPDATE OR DELETE ON custody_seal_range
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_event_append_only BEFORE UPDATE OR DELETE ON custody_event
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_transfer_append_only BEFORE UPDATE OR DELETE ON custody_transfer
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_lat_append_only BEFORE UPDATE OR DELETE ON custody_lat
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_incident_append_only BEFORE UPDATE OR DELETE ON custody_incident
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
CREATE TRIGGER custody_incident_action_append_only BEFORE UPDATE OR DELETE ON custody_incident_action
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
