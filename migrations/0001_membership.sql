-- Membership model: mechanisms, organisations, people, memberships, coordinators,
-- invitation codes, reference data (admin units, 4W sectors), persisted dialogues.
-- All timestamps are INTEGER unix seconds (UTC).

CREATE TABLE mechanisms (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name_fr     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('national', 'advisory', 'regional', 'subcluster', 'working_group', 'commission')),
    parent_code TEXT REFERENCES mechanisms(code),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organisations (
    id        INTEGER PRIMARY KEY,
    acronym   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('un_agency', 'international_ngo', 'national_ngo', 'government', 'donor', 'red_cross', 'other')),
    observer  INTEGER NOT NULL DEFAULT 0 CHECK (observer IN (0, 1))
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    telegram_id     INTEGER NOT NULL UNIQUE,
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    language        TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    language_chosen INTEGER NOT NULL DEFAULT 0 CHECK (language_chosen IN (0, 1)),
    menu_role       TEXT,
    created_at      INTEGER NOT NULL
);

CREATE TABLE coordinators (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    added_at  INTEGER NOT NULL
);

CREATE TABLE invitations (
    id               INTEGER PRIMARY KEY,
    code_hash        TEXT NOT NULL UNIQUE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
    mechanism_id     INTEGER NOT NULL REFERENCES mechanisms(id),
    role             TEXT NOT NULL CHECK (role IN ('focal', 'alternate', 'chair')),
    replace_existing INTEGER NOT NULL DEFAULT 0 CHECK (replace_existing IN (0, 1)),
    created_by       INTEGER REFERENCES people(id),
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER,
    used_by          INTEGER REFERENCES people(id)
);

CREATE TABLE memberships (
    id                     INTEGER PRIMARY KEY,
    person_id              INTEGER NOT NULL REFERENCES people(id),
    organisation_id        INTEGER NOT NULL REFERENCES organisations(id),
    mechanism_id           INTEGER NOT NULL REFERENCES mechanisms(id),
    role                   TEXT NOT NULL CHECK (role IN ('focal', 'alternate', 'chair')),
    status                 TEXT NOT NULL CHECK (status IN ('active', 'left', 'replaced')),
    principles_accepted_at INTEGER NOT NULL,
    invitation_id          INTEGER REFERENCES invitations(id),
    started_at             INTEGER NOT NULL,
    ended_at               INTEGER
);

-- At most one active focal point and one active alternate per organisation per mechanism.
CREATE UNIQUE INDEX memberships_one_per_slot
    ON memberships (organisation_id, mechanism_id, role)
    WHERE status = 'active' AND role IN ('focal', 'alternate');
-- A person holds a given role in a mechanism at most once at a time.
CREATE UNIQUE INDEX memberships_person_role
    ON memberships (person_id, mechanism_id, role)
    WHERE status = 'active';
CREATE INDEX memberships_person ON memberships (person_id, status);
CREATE INDEX memberships_mechanism ON memberships (mechanism_id, status);

-- OCHA COD-AB administrative units (level 1 regions, level 2 cercles).
CREATE TABLE admin_units (
    pcode        TEXT PRIMARY KEY,
    level        INTEGER NOT NULL CHECK (level IN (1, 2)),
    name         TEXT NOT NULL,
    parent_pcode TEXT REFERENCES admin_units(pcode),
    valid_from   TEXT NOT NULL
);

-- 4W sectors (OCHA/HDX codes).
CREATE TABLE sectors (
    code    TEXT PRIMARY KEY,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL
);

-- teloxide dialogue state, one row per chat, JSON encoded.
CREATE TABLE dialogues (
    chat_id    INTEGER PRIMARY KEY,
    state      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Small key/value facts (e.g. the bot username from the last getMe).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
