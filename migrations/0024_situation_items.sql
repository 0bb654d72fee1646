-- Protection situation items posted by member organisations of a regional cluster, validated
-- by its chair, then passed to the national cluster (its chair, the next CPN agenda, the digest).

-- The regions each regional cluster covers (the cercles offered when an item is posted).
CREATE TABLE situation_regions (
    mechanism_id INTEGER NOT NULL REFERENCES mechanisms(id),
    region_pcode TEXT NOT NULL REFERENCES admin_units(pcode),
    PRIMARY KEY (mechanism_id, region_pcode)
);
INSERT INTO situation_regions (mechanism_id, region_pcode)
    SELECT m.id, r.pcode FROM mechanisms m JOIN admin_units r
    ON (m.code = 'CR-GAO' AND r.pcode IN ('ML07', 'ML10'))
    OR (m.code = 'CR-MOPTI' AND r.pcode = 'ML05')
    OR (m.code = 'CR-TOMBOUCTOU' AND r.pcode = 'ML06')
    ON CONFLICT DO NOTHING;

CREATE TABLE situation_items (
    id              INTEGER PRIMARY KEY,
    mechanism_id    INTEGER NOT NULL REFERENCES mechanisms(id),   -- the regional cluster
    pcode           TEXT NOT NULL REFERENCES admin_units(pcode),  -- cercle or commune
    theme           TEXT NOT NULL,
    text            TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    verified        INTEGER NOT NULL CHECK (verified IN (0, 1)),
    source_nameable INTEGER NOT NULL DEFAULT 0 CHECK (source_nameable IN (0, 1)),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    posted_by       INTEGER REFERENCES people(id),
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'validated', 'refused')),
    validated_by    INTEGER REFERENCES people(id),
    validated_at    INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX situation_items_validated ON situation_items (state, validated_at);
