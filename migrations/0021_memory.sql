-- The register of decisions and the follow-up carried from one meeting to the next.

-- Decisions the chair records with the minutes of a meeting (votes are in `votes`).
CREATE TABLE recorded_decisions (
    id              INTEGER PRIMARY KEY,
    mechanism_id    INTEGER NOT NULL REFERENCES mechanisms(id),
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    what            TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
    organisation_id INTEGER REFERENCES organisations(id),  -- who follows up, if anyone
    review_date     TEXT,                                  -- YYYY-MM-DD, in the cluster's zone
    recorded_by     INTEGER REFERENCES people(id),
    recorded_at     INTEGER NOT NULL
);
CREATE INDEX recorded_decisions_mechanism ON recorded_decisions (mechanism_id, recorded_at);
CREATE INDEX recorded_decisions_meeting ON recorded_decisions (meeting_id);

-- What the chair marked, at a meeting's minutes, for each point of its follow-up.
CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    action_point_id INTEGER REFERENCES action_points(id),
    decision_id     INTEGER REFERENCES recorded_decisions(id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('done', 'carried', 'dropped')),
    marked_by       INTEGER REFERENCES people(id),
    marked_at       INTEGER NOT NULL,
    CHECK ((action_point_id IS NULL) != (decision_id IS NULL))
);
CREATE UNIQUE INDEX follow_ups_action_once ON follow_ups (meeting_id, action_point_id) WHERE action_point_id IS NOT NULL;
CREATE UNIQUE INDEX follow_ups_decision_once ON follow_ups (meeting_id, decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX follow_ups_action ON follow_ups (action_point_id);
CREATE INDEX follow_ups_decision ON follow_ups (decision_id);

-- An action point dropped at a meeting stays 'open' in its status (that CHECK cannot change)
-- but no longer appears on the follow-up nor is reminded.
ALTER TABLE action_points ADD COLUMN dropped_at INTEGER;
