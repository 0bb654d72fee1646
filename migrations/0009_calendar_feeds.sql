-- A personal calendar feed (/cal/<secret>.ics) per person. The secret is random (32 bytes,
-- URL-safe base64) and stored as is so that /calendar can show the same link again;
-- rotating it replaces it and the old link stops working at once.
CREATE TABLE calendar_feeds (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    secret     TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
