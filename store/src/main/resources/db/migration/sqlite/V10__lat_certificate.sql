-- L&A certificates, SQLite flavour. Kept in step with ../postgresql/V10__lat_certificate.sql.
-- The certificate a device printed at its public L&A test (the PDF), attached to the device's L&A
-- record (custody_lat) with the observers who attended (one "name<TAB>party" per line) and the
-- warnings the test gave (one per line), written with its LAT_CERTIFICATE_ATTACHED log entry in one
-- transaction. Append-only: a corrected attachment is a new row, and the newest of a record holds.
CREATE TABLE custody_lat_certificate (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    lat_id        INTEGER NOT NULL REFERENCES custody_lat (id),
    observers     TEXT    NOT NULL,
    warnings      TEXT    NOT NULL,
    pdf           BLOB    NOT NULL,
    pdf_sha256    TEXT    NOT NULL,
    attached_at   INTEGER NOT NULL,
    attached_by   TEXT    NOT NULL,
    log_index     INTEGER NOT NULL REFERENCES log_entry (idx)
);

CREATE INDEX custody_lat_certificate_lat ON custody_lat_certificate (lat_id, id);

CREATE TRIGGER custody_lat_certificate_no_update BEFORE UPDATE ON custody_lat_certificate
BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
CREATE TRIGGER custody_lat_certificate_no_delete BEFORE DELETE ON custody_lat_certificate
BEGIN SELECT RAISE(ABORT, 'custody records are append-only'); END;
