-- The 5W line (population group, modality, elderly apart, people targeted, commune, plan
-- code), admin boundaries as versioned data, approval of submissions and month locks.

-- Boundary versions (OCHA COD-AB tables), side by side. New reports use the newest (highest
-- `seq`); a line keeps the version it was reported with.
CREATE TABLE admin_versions (
    label       TEXT PRIMARY KEY CHECK (length(label) BETWEEN 1 AND 40),
    seq         INTEGER NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);

CREATE TABLE admin_boundaries (
    version      TEXT NOT NULL REFERENCES admin_versions(label),
    pcode        TEXT NOT NULL CHECK (length(pcode) BETWEEN 2 AND 20),
    level        INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    parent_pcode TEXT,
    PRIMARY KEY (version, pcode)
);
CREATE INDEX admin_boundaries_level ON admin_boundaries (version, level, parent_pcode);

-- The shipped table (2021 COD-AB, from 0002_seed) is the first version.
INSERT INTO admin_versions (label, seq, source, imported_at)
    VALUES ('2021', 1, 'OCHA COD-AB Mali, valid from 2021-12-20 (shipped)', 0);
INSERT INTO admin_boundaries (version, pcode, level, name, parent_pcode)
    SELECT '2021', pcode, level, name, parent_pcode FROM admin_units;

-- Modalities per sector, extendable like the activity catalogue (`cluster-bot modality add`).
CREATE TABLE fourw_modalities (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    sector_code TEXT NOT NULL REFERENCES sectors(code),
    name_fr     TEXT NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 120),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fourw_modalities_sector ON fourw_modalities (sector_code, active, sort_order);

INSERT INTO fourw_modalities (code, sector_code, name_fr, name_en, sort_order) VALUES
    ('PRO-IND',  'PRO', 'Individuelle, en présentiel', 'Individual, in person', 10),
    ('PRO-GRP',  'PRO', 'Séance de groupe ou communautaire', 'Group or community session', 20),
    ('PRO-MOB',  'PRO', 'Équipe mobile', 'Mobile team', 30),
    ('PRO-REM',  'PRO', 'À distance (téléphone, ligne verte)', 'Remote (phone, hotline)', 40),
    ('PRO-CASH', 'PRO', 'Espèces ou coupons pour la protection', 'Cash or vouchers for protection', 50),
    ('CPN-IND',  'PRO-CPN', 'Individuelle, en présentiel', 'Individual, in person', 10),
    ('CPN-GRP',  'PRO-CPN', 'Séance de groupe ou communautaire', 'Group or community session', 20),
    ('CPN-MOB',  'PRO-CPN', 'Équipe mobile', 'Mobile team', 30),
    ('CPN-REM',  'PRO-CPN', 'À distance (téléphone, ligne verte)', 'Remote (phone, hotline)', 40),
    ('CPN-CASH', 'PRO-CPN', 'Espèces ou coupons pour la protection', 'Cash or vouchers for protection', 50),
    ('GBV-IND',  'PRO-GBV', 'Individuelle, en présentiel', 'Individual, in person', 10),
    ('GBV-GRP',  'PRO-GBV', 'Séance de groupe ou communautaire', 'Group or community session', 20),
    ('GBV-MOB',  'PRO-GBV', 'Équipe mobile', 'Mobile team', 30),
    ('GBV-REM',  'PRO-GBV', 'À distance (téléphone, ligne verte)', 'Remote (phone, hotline)', 40),
    ('GBV-INK',  'PRO-GBV', 'En nature (kits)', 'In kind (kits)', 50),
    ('GBV-CASH', 'PRO-GBV', 'Espèces ou coupons pour la protection', 'Cash or vouchers for protection', 60),
    ('HLP-IND',  'PRO-HLP', 'Individuelle, en présentiel', 'Individual, in person', 10),
    ('HLP-GRP',  'PRO-HLP', 'Séance de groupe ou communautaire', 'Group or community session', 20),
    ('HLP-MOB',  'PRO-HLP', 'Équipe mobile', 'Mobile team', 30),
    ('HLP-REM',  'PRO-HLP', 'À distance (téléphone, ligne verte)', 'Remote (phone, hotline)', 40),
    ('MIN-IND',  'PRO-MIN', 'Individuelle, en présentiel', 'Individual, in person', 10),
    ('MIN-GRP',  'PRO-MIN', 'Séance de groupe ou communautaire', 'Group or community session', 20),
    ('MIN-MOB',  'PRO-MIN', 'Équipe mobile', 'Mobile team', 30),
    ('MIN-INK',  'PRO-MIN', 'En nature (matériel, prothèses)', 'In kind (equipment, prostheses)', 40);

-- The lines are rebuilt: the old CHECK on persons with disabilities counted four age groups,
-- and a line may now name P-codes of another boundary version (checked against
-- admin_boundaries; admin_units stays the registry of every P-code ever offered).
CREATE TABLE fourw_lines_5w (
    id                   INTEGER PRIMARY KEY,
    submission_id        INTEGER NOT NULL REFERENCES fourw_submissions(id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    sector_code          TEXT NOT NULL REFERENCES sectors(code),
    activity_code        TEXT NOT NULL REFERENCES fourw_activities(code),
    admin_version        TEXT NOT NULL DEFAULT '2021' REFERENCES admin_versions(label),
    region_pcode         TEXT NOT NULL,
    cercle_pcode         TEXT NOT NULL,
    commune_pcode        TEXT,
    status               TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed')),
    start_date           TEXT NOT NULL,
    end_date             TEXT NOT NULL CHECK (end_date >= start_date),
    population_group     TEXT CHECK (population_group IS NULL OR population_group IN ('IDP', 'HST', 'RET', 'REF', 'OTH')),
    modality_code        TEXT REFERENCES fourw_modalities(code),
    girls                INTEGER NOT NULL CHECK (girls >= 0),
    boys                 INTEGER NOT NULL CHECK (boys >= 0),
    women                INTEGER NOT NULL CHECK (women >= 0),
    men                  INTEGER NOT NULL CHECK (men >= 0),
    elderly_women        INTEGER NOT NULL DEFAULT 0 CHECK (elderly_women >= 0),
    elderly_men          INTEGER NOT NULL DEFAULT 0 CHECK (elderly_men >= 0),
    disabled             INTEGER NOT NULL CHECK (disabled >= 0 AND disabled <= girls + boys + women + men + elderly_women + elderly_men),
    t_girls              INTEGER NOT NULL DEFAULT 0 CHECK (t_girls >= 0),
    t_boys               INTEGER NOT NULL DEFAULT 0 CHECK (t_boys >= 0),
    t_women              INTEGER NOT NULL DEFAULT 0 CHECK (t_women >= 0),
    t_men                INTEGER NOT NULL DEFAULT 0 CHECK (t_men >= 0),
    t_elderly_women      INTEGER NOT NULL DEFAULT 0 CHECK (t_elderly_women >= 0),
    t_elderly_men        INTEGER NOT NULL DEFAULT 0 CHECK (t_elderly_men >= 0),
    implementing_partner TEXT CHECK (implementing_partner IS NULL OR length(implementing_partner) <= 100),
    donor                TEXT CHECK (donor IS NULL OR length(donor) <= 100),
    plan_code            TEXT CHECK (plan_code IS NULL OR length(plan_code) <= 40),
    remarks              TEXT CHECK (remarks IS NULL OR length(remarks) <= 500),
    review_status        TEXT NOT NULL DEFAULT 'submitted' CHECK (review_status IN ('submitted', 'returned', 'corrected')),
    return_comment       TEXT CHECK (return_comment IS NULL OR length(return_comment) <= 500),
    FOREIGN KEY (admin_version, region_pcode) REFERENCES admin_boundaries(version, pcode),
    FOREIGN KEY (admin_version, cercle_pcode) REFERENCES admin_boundaries(version, pcode),
    FOREIGN KEY (admin_version, commune_pcode) REFERENCES admin_boundaries(version, pcode)
);
INSERT INTO fourw_lines_5w (id, submission_id, position, sector_code, activity_code, admin_version, region_pcode,
        cercle_pcode, status, start_date, end_date, girls, boys, women, men, disabled, implementing_partner, donor,
        remarks, review_status, return_comment)
    SELECT id, submission_id, position, sector_code, activity_code, '2021', region_pcode, cercle_pcode, status,
        start_date, end_date, girls, boys, women, men, disabled, implementing_partner, donor, remarks, review_status,
        return_comment
    FROM fourw_lines;
DROP TABLE fourw_lines;
ALTER TABLE fourw_lines_5w RENAME TO fourw_lines;
CREATE INDEX fourw_lines_submission ON fourw_lines (submission_id, position);

-- Approval by a chair (or a coordinator); cleared when the organisation submits again or a
-- line is returned.
ALTER TABLE fourw_submissions ADD COLUMN approved_at INTEGER;
ALTER TABLE fourw_submissions ADD COLUMN approved_by INTEGER REFERENCES people(id);

-- Locked months: nothing is submitted, returned or approved in them until a coordinator
-- unlocks. Every lock and unlock is recorded.
CREATE TABLE fourw_month_locks (
    month     TEXT PRIMARY KEY CHECK (length(month) = 7),
    locked_at INTEGER NOT NULL,
    locked_by INTEGER REFERENCES people(id)
);
CREATE TABLE fourw_lock_events (
    id        INTEGER PRIMARY KEY,
    month     TEXT NOT NULL CHECK (length(month) = 7),
    action    TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    person_id INTEGER REFERENCES people(id),
    via       TEXT NOT NULL CHECK (via IN ('chat', 'command_line')),
    at        INTEGER NOT NULL
);
CREATE INDEX fourw_lock_events_month ON fourw_lock_events (month, at);
