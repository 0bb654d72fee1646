-- Minutes (internal, within 72 h), other shared documents, who received them, action points.

CREATE TABLE minutes (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id),
    file_id    TEXT,                                   -- a document uploaded by the chair
    file_name  TEXT,
    body       TEXT CHECK (body IS NULL OR length(body) <= 3500),
    shared_by  INTEGER REFERENCES people(id),
    shared_at  INTEGER NOT NULL,
    CHECK ((file_id IS NULL) != (body IS NULL))
);

CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    file_id   TEXT NOT NULL,
    file_name TEXT,
    caption   TEXT CHECK (caption IS NULL OR length(caption) <= 500),
    shared_by INTEGER REFERENCES people(id),
    shared_at INTEGER NOT NULL
);

CREATE TABLE document_mechanisms (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    mechanism_id INTEGER NOT NULL REFERENCES mechanisms(id),
    PRIMARY KEY (document_id, mechanism_id)
);

-- Who received which minutes or document, and when.
CREATE TABLE receipts (
    id          INTEGER PRIMARY KEY,
    minutes_id  INTEGER REFERENCES minutes(id),
    document_id INTEGER REFERENCES documents(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    message_id  INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    CHECK ((minutes_id IS NULL) != (document_id IS NULL))
);
CREATE INDEX receipts_minutes ON receipts (minutes_id, person_id);

-- The follow-up plan of recommendations.
CREATE TABLE action_points (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    what            TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    due_date        TEXT NOT NULL,                     -- YYYY-MM-DD, in the cluster's zone
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_by         INTEGER REFERENCES people(id),
    done_at         INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX action_points_meeting ON action_points (meeting_id);

ALTER TABLE meetings ADD COLUMN minutes_overdue_at INTEGER;
