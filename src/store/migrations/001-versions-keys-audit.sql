-- Providers and their immutable versions. `providers.latest_version` is the row an append
-- locks (SELECT … FOR UPDATE) to compare-and-set the next version number.
CREATE TABLE providers (
  provider_id    text PRIMARY KEY,
  latest_version integer NOT NULL CHECK (latest_version >= 0)
);

-- Bodies are bytea: the UTF-8 bytes exactly as submitted (text would refuse NUL and
-- would be subject to the database's encoding).
CREATE TABLE versions (
  provider_id  text    NOT NULL REFERENCES providers (provider_id),
  version      integer NOT NULL CHECK (version > 0),
  submitted_at text    NOT NULL,
  hash         text    NOT NULL,
  submitted_by text,
  body         bytea   NOT NULL,
  PRIMARY KEY (provider_id, version)
);

-- API keys: the whole record as JSON (hashes only, never tokens).
CREATE TABLE api_keys (
  id       text      PRIMARY KEY,
  position bigserial NOT NULL,
  record   jsonb     NOT NULL
);

-- The audit trail, append-only; seq is assigned 1, 2, 3… under a transaction lock. `json`
-- (not jsonb) keeps each entry's text, key order included, as appended.
CREATE TABLE audit_entries (
  seq   bigint PRIMARY KEY,
  entry json   NOT NULL
);

-- Analyses of latest versions remembered between starts: a cache, never the record.
CREATE TABLE analyses (
  provider_id text    PRIMARY KEY,
  cache_key   text    NOT NULL,
  version     integer NOT NULL,
  analysis    text    NOT NULL
);

-- Rate-limit counters shared by every replica. Unlogged: losing them in a crash of the
-- database only resets the current minute's counts.
CREATE UNLOGGED TABLE rate_limit_hits (
  client_key text        PRIMARY KEY,
  hits       integer     NOT NULL,
  reset_at   timestamptz NOT NULL
);
