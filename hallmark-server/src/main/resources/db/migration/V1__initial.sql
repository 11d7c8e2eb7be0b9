-- Hallmark schema, version 1. One file for SQLite and PostgreSQL: only types and syntax both understand.
-- Conventions: instants are epoch milliseconds (BIGINT); booleans are INTEGER 0/1; sets of strings (scopes,
-- audiences, roles) are JSON arrays of strings sorted by code point (TEXT). Aggregates refer to each other by id
-- without foreign keys, so each can be written, purged and migrated on its own.

CREATE TABLE clients (
    client_id   TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    secret_hash TEXT,
    jwks        TEXT,
    first_party INTEGER NOT NULL CHECK (first_party IN (0, 1)),
    scopes      TEXT    NOT NULL,
    audiences   TEXT    NOT NULL,
    disabled    INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    created_at  BIGINT  NOT NULL
);

CREATE TABLE users (
    user_id       TEXT    NOT NULL PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    roles         TEXT    NOT NULL,
    disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    created_at    BIGINT  NOT NULL
);

-- Refresh tokens, by the SHA-256 hash of their value only.
CREATE TABLE refresh_tokens (
    token_hash  TEXT   NOT NULL PRIMARY KEY,
    family_id   TEXT   NOT NULL,
    client_id   TEXT   NOT NULL,
    user_id     TEXT,
    scope       TEXT   NOT NULL,
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    state       TEXT   NOT NULL CHECK (state IN ('ACTIVE', 'ROTATED', 'REVOKED')),
    replaced_by TEXT,
    rotated_at  BIGINT,
    revoked_at  BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_client ON refresh_tokens (client_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Access tokens the issuer signed, kept until they expire so they can be revoked and introspected.
CREATE TABLE access_tokens (
    jti        TEXT   NOT NULL PRIMARY KEY,
    client_id  TEXT   NOT NULL,
    user_id    TEXT,
    family_id  TEXT,
    scope      TEXT   NOT NULL,
    audience   TEXT,
    issued_at  BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX access_tokens_family ON access_tokens (family_id);
CREATE INDEX access_tokens_user ON access_tokens (user_id);
CREATE INDEX access_tokens_client ON access_tokens (client_id);
CREATE INDEX access_tokens_expires ON access_tokens (expires_at);

-- The revocation feed. feed_cursor comes from revocation_feed.last_cursor, read with a row lock by every
-- transaction that revokes, so cursors are assigned in commit order (a reader never sees cursor n+1 before n) and
-- never reused after old entries are purged.
CREATE TABLE revocations (
    feed_cursor BIGINT NOT NULL PRIMARY KEY,
    jti         TEXT   NOT NULL UNIQUE,
    expires_at  BIGINT NOT NULL,
    revoked_at  BIGINT NOT NULL
);
CREATE INDEX revocations_expires ON revocations (expires_at);

CREATE TABLE revocation_feed (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_cursor BIGINT  NOT NULL
);
INSERT INTO revocation_feed (id, last_cursor) VALUES (1, 0);

CREATE TABLE signing_keys (
    kid                   TEXT   NOT NULL PRIMARY KEY,
    alg                   TEXT   NOT NULL,
    public_jwk            TEXT   NOT NULL,
    encrypted_private_jwk TEXT   NOT NULL,
    state                 TEXT   NOT NULL CHECK (state IN ('PUBLISHED', 'ACTIVE', 'RETIRED')),
    created_at            BIGINT NOT NULL,
    activate_after        BIGINT NOT NULL,
    retired_at            BIGINT,
    delete_after          BIGINT
);
-- At most one active key, whatever races between instances.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (state) WHERE state = 'ACTIVE';

-- Login throttling: failures counted in a fixed window per key (an account, an IP address).
CREATE TABLE login_throttle (
    throttle_key TEXT    NOT NULL PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_end   BIGINT  NOT NULL
);
CREATE INDEX login_throttle_window ON login_throttle (window_end);
