-- Observations of providers by reviewers, their numbered responses and withdrawal markers.
-- Written so that running it again changes nothing (IF NOT EXISTS, OR REPLACE).

-- One row per provider with observations: the row an append locks and bumps to number the
-- next observation (a provider may have observations and no declaration).
CREATE TABLE IF NOT EXISTS observation_counters (
  provider_id text    PRIMARY KEY,
  latest_id   integer NOT NULL CHECK (latest_id > 0)
);

-- The observation as recorded (body, organisation, time, key id), numbered 1, 2, 3… per
-- provider. `json` keeps the text as written. Never updated nor deleted (trigger below).
CREATE TABLE IF NOT EXISTS observations (
  provider_id text    NOT NULL REFERENCES observation_counters (provider_id),
  id          integer NOT NULL CHECK (id > 0),
  record      json    NOT NULL,
  PRIMARY KEY (provider_id, id)
);

-- A provider's answers, numbered 1, 2, 3… per observation; never changed.
CREATE TABLE IF NOT EXISTS observation_responses (
  provider_id    text    NOT NULL,
  observation_id integer NOT NULL,
  id             integer NOT NULL CHECK (id > 0),
  record         json    NOT NULL,
  PRIMARY KEY (provider_id, observation_id, id),
  FOREIGN KEY (provider_id, observation_id) REFERENCES observations (provider_id, id)
);

-- The withdrawal marker beside an observation: at most one, the first one kept.
CREATE TABLE IF NOT EXISTS observation_withdrawals (
  provider_id    text    NOT NULL,
  observation_id integer NOT NULL,
  record         json    NOT NULL,
  PRIMARY KEY (provider_id, observation_id),
  FOREIGN KEY (provider_id, observation_id) REFERENCES observations (provider_id, id)
);

-- What was recorded stays recorded: refuse UPDATE and DELETE of the append-only tables.
CREATE OR REPLACE FUNCTION retention_atlas_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME;
END;
$$;

DROP TRIGGER IF EXISTS observations_append_only ON observations;
CREATE TRIGGER observations_append_only BEFORE UPDATE OR DELETE ON observations
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS observation_responses_append_only ON observation_responses;
CREATE TRIGGER observation_responses_append_only BEFORE UPDATE OR DELETE ON observation_responses
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS observation_withdrawals_append_only ON observation_withdrawals;
CREATE TRIGGER observation_withdrawals_append_only BEFORE UPDATE OR DELETE ON observation_withdrawals
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
