-- Cosigned checkpoints, PostgreSQL flavour. Kept in step with ../sqlite/V6__cosignatures.sql, which
-- explains the table.
CREATE TABLE log_cosignature (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    direction   TEXT   NOT NULL CHECK (direction IN ('given', 'received')),
    origin      TEXT   NOT NULL,
    tree_size   BIGINT NOT NULL,
    root_hash   TEXT   NOT NULL,
    note        TEXT   NOT NULL,
    cosigner    TEXT   NOT NULL,
    cosigned_at BIGINT NOT NULL,
    saved_at    BIGINT NOT NULL,
    log_index   BIGINT NOT NULL REFERENCES log_entry (idx)
);

CREATE INDEX log_cosignature_by_origin ON log_cosignature (origin, tree_size);

CREATE TRIGGER log_cosignature_append_only BEFORE UPDATE OR DELETE ON log_cosignature
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
