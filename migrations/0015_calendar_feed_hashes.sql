-- Calendar feed secrets are kept as their SHA-256 (hex), like invitation codes: a copy of
-- the database opens nobody's feed. SQLite has no SHA-256, so the secrets stored so far are
-- moved to `legacy_secret` here and hashed by the bot as it opens the database
-- (`storage::calendar_feeds::hash_legacy`): the links already subscribed keep working.
CREATE TABLE calendar_feeds_hashed (
    person_id     INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    secret_hash   TEXT UNIQUE,
    legacy_secret TEXT,
    created_at    INTEGER NOT NULL,
    CHECK (secret_hash IS NOT NULL OR legacy_secret IS NOT NULL)
);
INSERT INTO calendar_feeds_hashed (person_id, legacy_secret, created_at)
    SELECT person_id, secret, created_at FROM calendar_feeds;
DROP TABLE calendar_feeds;
ALTER TABLE calendar_feeds_hashed RENAME TO calendar_feeds;
