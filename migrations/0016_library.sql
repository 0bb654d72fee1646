-- The library: every document shared is filed with a type, a title, its languages and a date;
-- a newer version replaces the older in lists (both kept); a retired document leaves the lists.
-- A document filed from the command line has no Telegram file yet: its bytes are kept here and
-- uploaded when someone asks for it.
ALTER TABLE documents ADD COLUMN doc_type TEXT NOT NULL DEFAULT 'other'
    CHECK (doc_type IN ('minutes', 'strategy', 'advocacy-note', 'work-plan', 'assessment', 'tor', 'fourw-matrix', 'other'));
ALTER TABLE documents ADD COLUMN title TEXT CHECK (title IS NULL OR length(title) BETWEEN 1 AND 120);
ALTER TABLE documents ADD COLUMN languages TEXT;
ALTER TABLE documents ADD COLUMN doc_date TEXT;
ALTER TABLE documents ADD COLUMN replaces_id INTEGER REFERENCES documents(id);
ALTER TABLE documents ADD COLUMN retired_at INTEGER;

CREATE INDEX documents_replaces ON documents (replaces_id);

CREATE TABLE document_contents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    bytes       BLOB NOT NULL CHECK (length(bytes) <= 20971520)
);
