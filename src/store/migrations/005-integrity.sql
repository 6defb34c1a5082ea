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

-- The append-only triggers (UPDATE and DELETE of a row, TRUNCATE of the table) are made for
-- every table of the declared list in src/store/postgres-roles.ts after the migrations run,
-- so a table added later is protected by naming it there.
