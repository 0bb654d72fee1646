-- Who may see what: the audit trail of administration and distribution, the observer policy
-- of each mechanism, revoked invitations, why and by whom a membership ended, erased people,
-- and job priorities (time-critical messages before bulk ones, re-sends last).

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor_id        INTEGER REFERENCES people(id),            -- NULL: the command line or the bot itself
    action          TEXT NOT NULL,
    subject_id      INTEGER REFERENCES people(id),
    mechanism_id    INTEGER REFERENCES mechanisms(id),
    organisation_id INTEGER REFERENCES organisations(id),
    detail          TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_subject ON audit_log (subject_id, at);

-- Whether the members of observer organisations receive the mechanism's minutes and
-- documents. The product specification: yes, except the strategic advisory group.
ALTER TABLE mechanisms ADD COLUMN observers_receive INTEGER NOT NULL DEFAULT 1 CHECK (observers_receive IN (0, 1));
UPDATE mechanisms SET observers_receive = 0 WHERE code = 'GCS';

ALTER TABLE invitations ADD COLUMN revoked_at INTEGER;
ALTER TABLE invitations ADD COLUMN revoked_by INTEGER REFERENCES people(id);

-- 'left', 'removed', 'replaced' or 'erased' (the status column keeps its three values).
ALTER TABLE memberships ADD COLUMN end_reason TEXT;
ALTER TABLE memberships ADD COLUMN ended_by INTEGER REFERENCES people(id);

ALTER TABLE people ADD COLUMN erased_at INTEGER;

ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_due_priority ON jobs (priority DESC, run_at, id) WHERE status = 'pending';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE status IN ('done', 'failed', 'skipped', 'cancelled');

-- The history kept so far becomes the start of the trail.
INSERT INTO audit_log (at, actor_id, action, subject_id, mechanism_id, organisation_id, detail)
    SELECT started_at, NULL, 'joined', person_id, mechanism_id, organisation_id, role FROM memberships;
INSERT INTO audit_log (at, actor_id, action, subject_id, mechanism_id, organisation_id, detail)
    SELECT ended_at, NULL, status, person_id, mechanism_id, organisation_id, role FROM memberships
    WHERE status IN ('left', 'replaced') AND ended_at IS NOT NULL;
INSERT INTO audit_log (at, actor_id, action, subject_id, mechanism_id, organisation_id, detail)
    SELECT created_at, created_by, 'invitation_issued', NULL, mechanism_id, organisation_id, role || ' #' || id
    FROM invitations;
INSERT INTO audit_log (at, actor_id, action, subject_id, mechanism_id, organisation_id, detail)
    SELECT added_at, NULL, 'coordinator_added', person_id, NULL, NULL, NULL FROM coordinators;
UPDATE memberships SET end_reason = status WHERE status IN ('left', 'replaced');
