-- The Atom feed reads the newest versions of all providers: one index scan, not a sort of every version.
CREATE INDEX IF NOT EXISTS versions_newest ON versions (submitted_at DESC, provider_id COLLATE "C", version DESC);
