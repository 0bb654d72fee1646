-- Displacement alerts raised to the Commission mouvement de population (CMP): where (a cercle's
-- P-code), when, how many households, why, whether verified and whether the source may be named;
-- validated or refused by the CMP chair (or a coordinator), then closed. The organisations present
-- in the cercle (last approved 4W) are asked to commit; their answers are kept per organisation.
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    pcode           TEXT NOT NULL REFERENCES admin_units(pcode),
    movement_date   TEXT NOT NULL,
    households      INTEGER NOT NULL CHECK (households BETWEEN 1 AND 100000),
    cause           TEXT NOT NULL CHECK (cause IN ('armed_conflict', 'intercommunal_violence', 'flood', 'drought', 'eviction', 'other')),
    verified        INTEGER NOT NULL CHECK (verified IN (0, 1)),
    source_nameable INTEGER NOT NULL DEFAULT 0 CHECK (source_nameable IN (0, 1)),
    source          TEXT CHECK (source IS NULL OR length(source) BETWEEN 1 AND 200),
    state           TEXT NOT NULL DEFAULT 'raised' CHECK (state IN ('raised', 'validated', 'refused', 'closed')),
    raised_by       INTEGER NOT NULL REFERENCES people(id),
    raised_at       INTEGER NOT NULL,
    decided_by      INTEGER REFERENCES people(id),
    decided_at      INTEGER,
    closed_by       INTEGER REFERENCES people(id),
    closed_at       INTEGER
);

CREATE INDEX alerts_state ON alerts (state, raised_at);

CREATE TABLE alert_commitments (
    alert_id        INTEGER NOT NULL REFERENCES alerts(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    requested_at    INTEGER NOT NULL,
    commitment      TEXT CHECK (commitment IS NULL OR commitment IN ('assess', 'respond', 'cannot')),
    answered_by     INTEGER REFERENCES people(id),
    answered_at     INTEGER,
    reminded_at     INTEGER,
    PRIMARY KEY (alert_id, organisation_id)
);
