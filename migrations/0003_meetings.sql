-- Meetings, answers (RSVP), attendance, and the persisted job scheduler.

CREATE TABLE meeting_series (
    id               INTEGER PRIMARY KEY,
    mechanism_id     INTEGER NOT NULL REFERENCES mechanisms(id),
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6), -- 0 = Monday
    nth              INTEGER NOT NULL CHECK (nth IN (-1, 1, 2, 3, 4)),
    local_time       TEXT NOT NULL,                                    -- HH:MM in the cluster's zone
    created_at       INTEGER NOT NULL
);

CREATE TABLE meetings (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,                 -- iCalendar UID, stable
    mechanism_id        INTEGER NOT NULL REFERENCES mechanisms(id),
    series_id           INTEGER REFERENCES meeting_series(id),
    starts_at           INTEGER NOT NULL,
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
    place               TEXT CHECK (place IS NULL OR length(place) <= 300),
    agenda              TEXT CHECK (agenda IS NULL OR length(agenda) <= 1500),
    kind                TEXT NOT NULL CHECK (kind IN ('regular', 'adhoc')),
    status              TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    sequence            INTEGER NOT NULL DEFAULT 0,           -- iCalendar SEQUENCE, raised on changes
    invitations_sent_at INTEGER,                              -- when the invitation fan-out ran
    ics_file_id         TEXT,                                 -- Telegram file_id of the current .ics
    ics_sequence        INTEGER,                              -- the SEQUENCE that file carries
    created_by          INTEGER REFERENCES people(id),
    created_at          INTEGER NOT NULL
);
CREATE INDEX meetings_mechanism_start ON meetings (mechanism_id, starts_at);
CREATE INDEX meetings_start ON meetings (starts_at);

-- The organisation's answer is what counts.
CREATE TABLE rsvps (
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    answer          TEXT NOT NULL CHECK (answer IN ('focal', 'alternate', 'handover', 'declined')),
    answered_by     INTEGER NOT NULL REFERENCES people(id),
    answered_at     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);

-- Each invitation message sent, so it can be edited to show the current answer.
CREATE TABLE invitation_messages (
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    person_id       INTEGER NOT NULL REFERENCES people(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role            TEXT NOT NULL CHECK (role IN ('focal', 'alternate')),
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    with_document   INTEGER NOT NULL DEFAULT 0,
    sent_at         INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, person_id, organisation_id)
);

CREATE TABLE attendance (
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    present         INTEGER NOT NULL CHECK (present IN (0, 1)),
    marked_by       INTEGER REFERENCES people(id),
    marked_at       INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);

-- Persisted jobs. A job is claimed atomically (pending → running, with a lease), executed,
-- then acknowledged (done / failed / skipped) or put back (pending, later run_at).
CREATE TABLE jobs (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    run_at          INTEGER NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    group_key       TEXT,                 -- e.g. 'meeting:12' to cancel a meeting's jobs at once
    lease_until     INTEGER,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE status = 'pending';
CREATE INDEX jobs_running ON jobs (lease_until) WHERE status = 'running';
CREATE INDEX jobs_group ON jobs (group_key, status);

-- Per-recipient delivery failures that will not be retried (blocked, never started, deactivated).
CREATE TABLE delivery_failures (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES jobs(id),
    meeting_id  INTEGER REFERENCES meetings(id),
    person_id   INTEGER REFERENCES people(id),
    chat_id     INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    at          INTEGER NOT NULL
);
