-- Secret ballots stay secret. While a vote is open its ballot keeps the organisation's current
-- choice (so that it can be changed) and which of its seats cast it (the alternate may not
-- overwrite the focal point's vote); the person who cast it is kept for open votes only. When a
-- secret vote closes, choice, seat and time are erased: the totals (votes.result) and which
-- organisations took part (the ballot rows) remain.
CREATE TABLE ballots_new (
    vote_id         INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    choice          INTEGER CHECK (choice BETWEEN 0 AND 5),          -- NULL once a secret vote closed
    cast_seat       TEXT CHECK (cast_seat IN ('focal', 'alternate')), -- NULL once a secret vote closed
    cast_by         INTEGER REFERENCES people(id),                   -- open votes only
    cast_at         INTEGER,
    changes         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (vote_id, organisation_id),
    CHECK ((choice IS NULL) = (cast_seat IS NULL))
);

-- The seat of ballots already cast: the alternate's when the person held only that seat.
INSERT INTO ballots_new (vote_id, organisation_id, choice, cast_seat, cast_by, cast_at, changes)
SELECT b.vote_id, b.organisation_id, b.choice,
       CASE WHEN EXISTS (SELECT 1 FROM memberships ms JOIN votes v ON v.id = b.vote_id
                         WHERE ms.person_id = b.cast_by AND ms.organisation_id = b.organisation_id
                           AND ms.mechanism_id = v.mechanism_id AND ms.role = 'alternate')
             AND NOT EXISTS (SELECT 1 FROM memberships ms JOIN votes v ON v.id = b.vote_id
                         WHERE ms.person_id = b.cast_by AND ms.organisation_id = b.organisation_id
                           AND ms.mechanism_id = v.mechanism_id AND ms.role = 'focal')
            THEN 'alternate' ELSE 'focal' END,
       b.cast_by, b.cast_at, b.changes
FROM ballots b;

DROP TABLE ballots;
ALTER TABLE ballots_new RENAME TO ballots;

-- Secret votes: never the person; closed ones keep only who took part.
UPDATE ballots SET cast_by = NULL
WHERE vote_id IN (SELECT id FROM votes WHERE secrecy = 'secret');
UPDATE ballots SET choice = NULL, cast_seat = NULL, cast_at = NULL, changes = 0
WHERE vote_id IN (SELECT id FROM votes WHERE secrecy = 'secret' AND closed_at IS NOT NULL);

-- Calendar files are made for each recipient when sent (the chair as organiser, the recipient
-- as the only attendee); the file uploaded once per meeting version, which listed every
-- member, is no longer kept nor re-sent.
ALTER TABLE meetings DROP COLUMN ics_file_id;
ALTER TABLE meetings DROP COLUMN ics_sequence;
