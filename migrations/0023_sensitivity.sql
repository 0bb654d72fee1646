-- Sensitivity per item: every document and minutes carries a class. Internal (the default)
-- goes to the members of the mechanism; restricted only to the seats of the named
-- organisations and the coordinators; public may be forwarded (sent without protection).
-- The source organisation is the one whose consent a reuse of the item needs.
ALTER TABLE documents ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'internal'
    CHECK (sensitivity IN ('internal', 'restricted', 'public'));
ALTER TABLE documents ADD COLUMN source_organisation_id INTEGER REFERENCES organisations(id);
ALTER TABLE minutes ADD COLUMN sensitivity TEXT NOT NULL DEFAULT 'internal'
    CHECK (sensitivity IN ('internal', 'restricted', 'public'));
ALTER TABLE minutes ADD COLUMN source_organisation_id INTEGER REFERENCES organisations(id);

CREATE TABLE document_restricted_orgs (
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (document_id, organisation_id)
);

CREATE TABLE minutes_restricted_orgs (
    minutes_id      INTEGER NOT NULL REFERENCES minutes(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (minutes_id, organisation_id)
);

-- A member asks to reuse a document or minutes outside the mechanism: the purpose and the
-- audience, one line each. The source organisation and a coordinator each answer once; the
-- request is approved only when both approved, refused as soon as either refuses.
CREATE TABLE reuse_requests (
    id                     INTEGER PRIMARY KEY,
    document_id            INTEGER REFERENCES documents(id),
    minutes_id             INTEGER REFERENCES minutes(id),
    requester_id           INTEGER NOT NULL REFERENCES people(id),
    source_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    purpose                TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    audience               TEXT NOT NULL CHECK (length(audience) BETWEEN 1 AND 200),
    state                  TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
    created_at             INTEGER NOT NULL,
    decided_at             INTEGER,
    CHECK ((document_id IS NULL) != (minutes_id IS NULL))
);
CREATE INDEX reuse_requests_requester ON reuse_requests (requester_id);

-- One answer per party: the first coordinator's answer counts.
CREATE TABLE reuse_answers (
    request_id  INTEGER NOT NULL REFERENCES reuse_requests(id),
    party       TEXT NOT NULL CHECK (party IN ('source', 'coordinator')),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    approved    INTEGER NOT NULL CHECK (approved IN (0, 1)),
    reason      TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (request_id, party)
);
