-- The read model's compact summary of each remembered analysis (a few kilobytes of JSON),
-- so a starting replica reads these instead of parsing every analysis. Written with its
-- analysis (same key, same version); NULL for analyses remembered before this column.
ALTER TABLE analyses ADD COLUMN IF NOT EXISTS summary text;
