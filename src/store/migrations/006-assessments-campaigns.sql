-- Assessments of providers by reviewers (parts of a declaration, read as observations),
-- their numbered responses and withdrawal markers; campaigns and their revisions.
-- Written so that running it again changes nothing (IF NOT EXISTS, OR REPLACE).

-- One row per assessed provider: the row an append bumps to number the next assessment
-- (the only table of this file whose rows are ever updated).
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

-- What was recorded stays recorded: the append-only triggers (UPDATE, DELETE, TRUNCATE refused)
-- are made for these tables from the declared list in src/store/postgres-roles.ts, which also
-- grants the runtime role SELECT and INSERT on them (and UPDATE on assessment_counters only).
