-- Web portal accounts, SQLite flavour. Kept in step with ../postgresql/V5__portal.sql.
-- password_hash is an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash); totp_secret
-- is the RFC 6238 shared secret in base32, present for every account (required for administrators).
-- totp_last_step is the last time step accepted, so one code cannot be used twice. failed_attempts
-- and locked_until carry the sign-in lockout (growing delays) across restarts of the server.
-- Every account's creation is a log entry (log_index); sign-ins are logged too.
CREATE TABLE portal_account (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    authority       TEXT,
    password_hash   TEXT    NOT NULL,
    totp_secret     TEXT    NOT NULL,
    totp_last_step  INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    created_by      TEXT    NOT NULL,
    log_index       INTEGER NOT NULL REFERENCES log_entry (idx)
);
