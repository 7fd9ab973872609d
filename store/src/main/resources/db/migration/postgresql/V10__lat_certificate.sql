-- L&A certificates, PostgreSQL flavour. Kept in step with ../sqlite/V10__lat_certificate.sql, which
-- explains the table.
CREATE TABLE custody_lat_certificate (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lat_id        BIGINT NOT NULL REFERENCES custody_lat (id),
    observers     TEXT   NOT NULL,
    warnings      TEXT   NOT NULL,
    pdf           BYTEA  NOT NULL,
    pdf_sha256    TEXT   NOT NULL,
    attached_at   BIGINT NOT NULL,
    attached_by   TEXT   NOT NULL,
    log_index     BIGINT NOT NULL REFERENCES log_entry (idx)
);

CREATE INDEX custody_lat_certificate_lat ON custody_lat_certificate (lat_id, id);

CREATE TRIGGER custody_lat_certificate_append_only BEFORE UPDATE OR DELETE ON custody_lat_certificate
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
