-- Assessments of providers by reviewers (parts of a declaration, read as observations),
-- their numbered responses and withdrawal markers; campaigns and their revisions.
-- Written so that running it again changes nothing (IF NOT EXISTS, OR REPLACE).

-- One row per assessed provider: the row an append bumps to number the next assessment
-- (the only table of this file that is ever updated).
CREATE TABLE IF NOT EXISTS assessment_counters (
  provider_id text    PRIMARY KEY,
  latest_id   integer NOT NULL CHECK (latest_id > 0)
);

-- The assessment as recorded (the body exactly as submitted, organisation, time, key id),
-- numbered 1, 2, 3… per provider. `json` keeps the text as written.
CREATE TABLE IF NOT EXISTS assessments (
  provider_id text    NOT NULL REFERENCES assessment_counters (provider_id),
  id          integer NOT NULL CHECK (id > 0),
  record      json    NOT NULL,
  PRIMARY KEY (provider_id, id)
);

CREATE TABLE IF NOT EXISTS assessment_responses (
  provider_id   text    NOT NULL,
  assessment_id integer NOT NULL,
  id            integer NOT NULL CHECK (id > 0),
  record        json    NOT NULL,
  PRIMARY KEY (provider_id, assessment_id, id),
  FOREIGN KEY (provider_id, assessment_id) REFERENCES assessments (provider_id, id)
);

CREATE TABLE IF NOT EXISTS assessment_withdrawals (
  provider_id   text    NOT NULL,
  assessment_id integer NOT NULL,
  record        json    NOT NULL,
  PRIMARY KEY (provider_id, assessment_id),
  FOREIGN KEY (provider_id, assessment_id) REFERENCES assessments (provider_id, id)
);

-- A campaign as created; it changes only by revisions.
CREATE TABLE IF NOT EXISTS campaigns (
  id     text PRIMARY KEY,
  record json NOT NULL
);

-- Its revisions (amend or withdraw), numbered 1, 2, 3… per campaign.
CREATE TABLE IF NOT EXISTS campaign_revisions (
  campaign_id text    NOT NULL REFERENCES campaigns (id),
  n           integer NOT NULL CHECK (n > 0),
  record      json    NOT NULL,
  PRIMARY KEY (campaign_id, n)
);

-- What was recorded stays recorded (the function comes from 002-observations.sql).
DROP TRIGGER IF EXISTS assessments_append_only ON assessments;
CREATE TRIGGER assessments_append_only BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS assessment_responses_append_only ON assessment_responses;
CREATE TRIGGER assessment_responses_append_only BEFORE UPDATE OR DELETE ON assessment_responses
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS assessment_withdrawals_append_only ON assessment_withdrawals;
CREATE TRIGGER assessment_withdrawals_append_only BEFORE UPDATE OR DELETE ON assessment_withdrawals
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS campaigns_append_only ON campaigns;
CREATE TRIGGER campaigns_append_only BEFORE UPDATE OR DELETE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS campaign_revisions_append_only ON campaign_revisions;
CREATE TRIGGER campaign_revisions_append_only BEFORE UPDATE OR DELETE ON campaign_revisions
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
