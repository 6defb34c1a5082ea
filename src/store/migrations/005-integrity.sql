-- History is verified and cannot be rewritten by the service.
-- Written so that running it again changes nothing.

-- A version's recorded hash is the SHA-256 of its bytes: a row whose hash does not match its
-- body is refused. NOT VALID: rows stored before this migration are not re-hashed here (a
-- damaged one would stop every replica from starting); `retention-atlas verify` checks them,
-- and every read checks each body it serves.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'versions_hash_matches_body') THEN
    ALTER TABLE versions ADD CONSTRAINT versions_hash_matches_body
      CHECK (hash = 'sha256:' || encode(sha256(body), 'hex')) NOT VALID;
  END IF;
END;
$$;

-- Versions and the audit trail join the observations as append-only: UPDATE, DELETE and
-- TRUNCATE are refused on every one of them (TRUNCATE fires no row trigger, hence the
-- statement triggers). With a separate owner role (DATABASE_MIGRATION_URL) the runtime role
-- also lacks the privileges and cannot disable these triggers; see docs/operations.md.
CREATE OR REPLACE FUNCTION retention_atlas_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME;
END;
$$;

DROP TRIGGER IF EXISTS versions_append_only ON versions;
CREATE TRIGGER versions_append_only BEFORE UPDATE OR DELETE ON versions
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION retention_atlas_append_only();

DROP TRIGGER IF EXISTS versions_no_truncate ON versions;
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions
  FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS observations_no_truncate ON observations;
CREATE TRIGGER observations_no_truncate BEFORE TRUNCATE ON observations
  FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS observation_responses_no_truncate ON observation_responses;
CREATE TRIGGER observation_responses_no_truncate BEFORE TRUNCATE ON observation_responses
  FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only();
DROP TRIGGER IF EXISTS observation_withdrawals_no_truncate ON observation_withdrawals;
CREATE TRIGGER observation_withdrawals_no_truncate BEFORE TRUNCATE ON observation_withdrawals
  FOR EACH STATEMENT EXECUTE FUNCTION retention_atlas_append_only();
