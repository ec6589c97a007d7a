-- Team mode: sign-in accounts, server sessions, and who acted from where in the audit trail.

-- One sign-in per person. The password is stored only as an argon2id PHC string.
CREATE TABLE accounts (
    person_id           INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE RESTRICT,
    login               TEXT NOT NULL COLLATE NOCASE UNIQUE,
    password_hash       TEXT NOT NULL,
    admin               INTEGER NOT NULL DEFAULT 0,   -- may manage accounts
    disabled            INTEGER NOT NULL DEFAULT 0,
    failed_count        INTEGER NOT NULL DEFAULT 0,   -- wrong passwords in a row
    locked_until        TEXT,                         -- set after too many failures
    must_change         INTEGER NOT NULL DEFAULT 0,   -- set by an administrator's reset
    last_login_at       TEXT,
    password_changed_at TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

-- Server sessions. Only the SHA-256 of the cookie value is stored, so a copy of the database opens no session.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    confirmed_at TEXT,                              -- last password confirmation (电子签名确认)
    client_addr  TEXT NOT NULL DEFAULT '',
    client_kind  TEXT NOT NULL DEFAULT ''           -- desktop / browser
);
CREATE INDEX sessions_person ON sessions(person_id);
CREATE INDEX sessions_seen ON sessions(last_seen_at);

-- Where an action came from. Entries written before this migration keep '' and their hashes stay valid.
ALTER TABLE audit_log ADD COLUMN client_addr TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN client_kind TEXT NOT NULL DEFAULT '';
