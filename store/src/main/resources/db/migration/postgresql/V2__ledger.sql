-- The workspace's transparency log, PostgreSQL flavour. Kept in step with ../sqlite/V2__ledger.sql,
-- which explains the tables.

CREATE TABLE log_entry (
    idx   BIGINT PRIMARY KEY,
    entry BYTEA  NOT NULL
);

CREATE FUNCTION bulwark_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TABLE log_tile (
    level  INTEGER NOT NULL,
    idx    BIGINT  NOT NULL,
    hashes BYTEA   NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE log_checkpoint (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tree_size BIGINT NOT NULL,
    root_hash TEXT   NOT NULL,
    note      TEXT   NOT NULL,
    kind      TEXT   NOT NULL CHECK (kind IN ('signed', 'cosigned')),
    saved_at  BIGINT NOT NULL
);

CREATE TRIGGER log_checkpoint_append_only BEFORE UPDATE OR DELETE ON log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TABLE trust_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change      TEXT   NOT NULL CHECK (change IN ('root', 'admit', 'revoke')),
    fingerprint TEXT   NOT NULL,
    public_key  TEXT,
    by_key      TEXT,
    reason      TEXT,
    changed_at  BIGINT NOT NULL,
    log_index   BIGINT NOT NULL REFERENCES log_entry (idx)
);

CREATE TRIGGER trust_change_append_only BEFORE UPDATE OR DELETE ON trust_change
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();

CREATE TABLE imported_package (
    package_id  TEXT   PRIMARY KEY,
    imported_at BIGINT NOT NULL,
    log_index   BIGINT NOT NULL REFERENCES log_entry (idx)
);

ALTER TABLE election ADD COLUMN scope TEXT;
