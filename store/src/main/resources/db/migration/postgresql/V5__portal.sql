-- Web portal accounts, PostgreSQL flavour. Kept in step with ../sqlite/V5__portal.sql, which
-- explains the columns.
CREATE TABLE portal_account (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    authority       TEXT,
    password_hash   TEXT    NOT NULL,
    totp_secret     TEXT    NOT NULL,
    totp_last_step  BIGINT  NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    log_index       BIGINT  NOT NULL REFERENCES log_entry (idx)
);
