-- Tour de table before a meeting: whether a mechanism asks its member organisations for a short
-- update (off unless its chair or a coordinator turns it on), and each organisation's update for
-- a meeting (one per organisation: a second answer replaces the first). The text went through the
-- personal-data check before it was written; "nothing new" has no text.
CREATE TABLE tour_settings (
    mechanism_id INTEGER PRIMARY KEY REFERENCES mechanisms(id),
    enabled      INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    changed_by   INTEGER REFERENCES people(id),
    changed_at   INTEGER NOT NULL
);

CREATE TABLE tour_updates (
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    body            TEXT CHECK (body IS NULL OR length(body) BETWEEN 1 AND 600),
    answered_by     INTEGER REFERENCES people(id),
    answered_at     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);
