-- 4W (issue 5): activity catalogue per sector, monthly submissions and their lines.
-- Months are 'YYYY-MM' text; dates 'YYYY-MM-DD'; timestamps INTEGER unix seconds (UTC).

CREATE TABLE fourw_activities (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    sector_code TEXT NOT NULL REFERENCES sectors(code),
    name_fr     TEXT NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 120),
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fourw_activities_sector ON fourw_activities (sector_code, active, sort_order);

-- One submission per organisation, mechanism and month. `no_activity` = "nothing to report".
CREATE TABLE fourw_submissions (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    mechanism_id    INTEGER NOT NULL REFERENCES mechanisms(id),
    month           TEXT NOT NULL CHECK (length(month) = 7),
    status          TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'corrected')),
    no_activity     INTEGER NOT NULL DEFAULT 0 CHECK (no_activity IN (0, 1)),
    late            INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    submitted_by    INTEGER REFERENCES people(id),
    submitted_at    INTEGER NOT NULL,
    UNIQUE (organisation_id, mechanism_id, month)
);
CREATE INDEX fourw_submissions_month ON fourw_submissions (mechanism_id, month);

-- One activity of one organisation in one place for one month.
CREATE TABLE fourw_lines (
    id                   INTEGER PRIMARY KEY,
    submission_id        INTEGER NOT NULL REFERENCES fourw_submissions(id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    sector_code          TEXT NOT NULL REFERENCES sectors(code),
    activity_code        TEXT NOT NULL REFERENCES fourw_activities(code),
    region_pcode         TEXT NOT NULL REFERENCES admin_units(pcode),
    cercle_pcode         TEXT NOT NULL REFERENCES admin_units(pcode),
    status               TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed')),
    start_date           TEXT NOT NULL,
    end_date             TEXT NOT NULL CHECK (end_date >= start_date),
    girls                INTEGER NOT NULL CHECK (girls >= 0),
    boys                 INTEGER NOT NULL CHECK (boys >= 0),
    women                INTEGER NOT NULL CHECK (women >= 0),
    men                  INTEGER NOT NULL CHECK (men >= 0),
    disabled             INTEGER NOT NULL CHECK (disabled >= 0 AND disabled <= girls + boys + women + men),
    implementing_partner TEXT CHECK (implementing_partner IS NULL OR length(implementing_partner) <= 100),
    donor                TEXT CHECK (donor IS NULL OR length(donor) <= 100),
    remarks              TEXT CHECK (remarks IS NULL OR length(remarks) <= 500),
    review_status        TEXT NOT NULL DEFAULT 'submitted' CHECK (review_status IN ('submitted', 'returned', 'corrected')),
    return_comment       TEXT CHECK (return_comment IS NULL OR length(return_comment) <= 500)
);
CREATE INDEX fourw_lines_submission ON fourw_lines (submission_id, position);

-- The default catalogue (coordinators add more with `cluster-bot activity add`).
INSERT INTO fourw_activities (code, sector_code, name_fr, name_en, sort_order) VALUES
    ('PRO-MON',  'PRO', 'Monitoring de protection', 'Protection monitoring', 10),
    ('PRO-IPA',  'PRO', 'Assistance individuelle de protection', 'Individual protection assistance', 20),
    ('PRO-PSS',  'PRO', 'Soutien psychosocial', 'Psychosocial support', 30),
    ('PRO-LEG',  'PRO', 'Assistance juridique et documentation civile', 'Legal assistance and civil documentation', 40),
    ('PRO-AWR',  'PRO', 'Séances de sensibilisation', 'Awareness sessions', 50),
    ('PRO-CAP',  'PRO', 'Renforcement des capacités des acteurs', 'Capacity building of actors', 60),
    ('PRO-REF',  'PRO', 'Référencement', 'Referral', 70),
    ('PRO-CBP',  'PRO', 'Protection à base communautaire', 'Community-based protection', 80),
    ('CPN-CM',   'PRO-CPN', 'Gestion de cas', 'Case management', 10),
    ('CPN-FTR',  'PRO-CPN', 'Recherche et réunification familiales', 'Family tracing and reunification', 20),
    ('CPN-CFS',  'PRO-CPN', 'Espaces amis des enfants', 'Child-friendly spaces', 30),
    ('CPN-PSS',  'PRO-CPN', 'Soutien psychosocial aux enfants', 'Psychosocial support for children', 40),
    ('CPN-AWR',  'PRO-CPN', 'Séances de sensibilisation', 'Awareness sessions', 50),
    ('CPN-CAP',  'PRO-CPN', 'Renforcement des capacités des acteurs', 'Capacity building of actors', 60),
    ('CPN-REF',  'PRO-CPN', 'Référencement', 'Referral', 70),
    ('GBV-CM',   'PRO-GBV', 'Gestion de cas VBG', 'GBV case management', 10),
    ('GBV-PSS',  'PRO-GBV', 'Soutien psychosocial', 'Psychosocial support', 20),
    ('GBV-WGSS', 'PRO-GBV', 'Espaces sûrs pour femmes et filles', 'Safe spaces for women and girls', 30),
    ('GBV-DK',   'PRO-GBV', 'Distribution de kits de dignité', 'Dignity kits', 40),
    ('GBV-AWR',  'PRO-GBV', 'Séances de sensibilisation', 'Awareness sessions', 50),
    ('GBV-CAP',  'PRO-GBV', 'Renforcement des capacités des acteurs', 'Capacity building of actors', 60),
    ('GBV-REF',  'PRO-GBV', 'Référencement', 'Referral', 70),
    ('HLP-LEG',  'PRO-HLP', 'Assistance juridique logement, terre et biens', 'HLP legal assistance', 10),
    ('HLP-DOC',  'PRO-HLP', 'Documentation civile et foncière', 'Civil and land documentation', 20),
    ('HLP-MED',  'PRO-HLP', 'Médiation des conflits fonciers', 'Land dispute mediation', 30),
    ('HLP-AWR',  'PRO-HLP', 'Séances de sensibilisation', 'Awareness sessions', 40),
    ('HLP-CAP',  'PRO-HLP', 'Renforcement des capacités des acteurs', 'Capacity building of actors', 50),
    ('MIN-MRE',  'PRO-MIN', 'Éducation aux risques des mines', 'Mine risk education', 10),
    ('MIN-VA',   'PRO-MIN', 'Assistance aux victimes', 'Victim assistance', 20),
    ('MIN-SUR',  'PRO-MIN', 'Enquête non technique et marquage', 'Non-technical survey and marking', 30),
    ('MIN-CLR',  'PRO-MIN', 'Déminage et dépollution', 'Clearance', 40),
    ('MIN-CAP',  'PRO-MIN', 'Renforcement des capacités des acteurs', 'Capacity building of actors', 50);
