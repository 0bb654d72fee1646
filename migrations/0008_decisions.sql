-- Decisions by vote, agenda items proposed by members, monthly series that can be stopped,
-- and the chair's choice after an organisation's third absence in a row.

CREATE TABLE votes (
    id             INTEGER PRIMARY KEY,
    mechanism_id   INTEGER NOT NULL REFERENCES mechanisms(id),
    meeting_id     INTEGER REFERENCES meetings(id),
    question       TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    choices        TEXT NOT NULL,                       -- JSON: yes/no/abstain or the labels
    secrecy        TEXT NOT NULL CHECK (secrecy IN ('secret', 'open')),
    quorum_percent INTEGER NOT NULL CHECK (quorum_percent BETWEEN 1 AND 100),
    opens_at       INTEGER NOT NULL,
    alternate_from INTEGER NOT NULL,                    -- the alternate may vote from then on
    closes_at      INTEGER NOT NULL CHECK (closes_at > opens_at),
    closed_at      INTEGER,                             -- when the result was recorded
    result         TEXT,                                -- JSON tally, recorded at closing
    created_by     INTEGER REFERENCES people(id),
    created_at     INTEGER NOT NULL
);
CREATE INDEX votes_mechanism ON votes (mechanism_id, closes_at);
CREATE INDEX votes_meeting ON votes (meeting_id);

-- The member organisations (observers excluded) entitled to vote, fixed when the vote opens.
CREATE TABLE vote_electorate (
    vote_id         INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (vote_id, organisation_id)
);

-- One ballot per organisation; changing it replaces the choice.
CREATE TABLE ballots (
    vote_id         INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    choice          INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 5),
    cast_by         INTEGER NOT NULL REFERENCES people(id),
    cast_at         INTEGER NOT NULL,
    changes         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (vote_id, organisation_id)
);

-- A focal point who handed a vote over to the organisation's alternate.
CREATE TABLE vote_handovers (
    vote_id         INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    by_person       INTEGER NOT NULL REFERENCES people(id),
    at              INTEGER NOT NULL,
    PRIMARY KEY (vote_id, organisation_id)
);

-- Agenda items proposed by members until the invitation goes out (or added by the chair
-- from a who-does-what-where gap); the chair accepts or declines each.
CREATE TABLE agenda_items (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    organisation_id INTEGER REFERENCES organisations(id),
    proposed_by     INTEGER REFERENCES people(id),
    text            TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    source          TEXT NOT NULL DEFAULT 'member' CHECK (source IN ('member', 'wherewho')),
    status          TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
    proposed_at     INTEGER NOT NULL,
    decided_by      INTEGER REFERENCES people(id),
    decided_at      INTEGER
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, status);
-- The same text is proposed once per meeting.
CREATE UNIQUE INDEX agenda_items_once ON agenda_items (meeting_id, lower(text));

-- A monthly series is extended continuously until its chair stops it.
ALTER TABLE meeting_series ADD COLUMN stopped_at INTEGER;
ALTER TABLE meeting_series ADD COLUMN stopped_by INTEGER REFERENCES people(id);

-- What the chair chose after an organisation's third absence in a row (terms of reference:
-- contact the organisation, propose observer status, or keep it as it is).
CREATE TABLE absence_decisions (
    id              INTEGER PRIMARY KEY,
    mechanism_id    INTEGER NOT NULL REFERENCES mechanisms(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    choice          TEXT NOT NULL CHECK (choice IN ('contact', 'propose_observer', 'keep')),
    decided_by      INTEGER REFERENCES people(id),
    decided_at      INTEGER NOT NULL
);
CREATE INDEX absence_decisions_org ON absence_decisions (mechanism_id, organisation_id, decided_at);
