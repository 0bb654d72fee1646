-- Default reference data: coordination mechanisms, organisations (members and partners of the
-- 2017 terms of reference), OCHA COD-AB admin units (regions and cercles), 4W sectors.
-- Idempotent: every INSERT ends with ON CONFLICT DO NOTHING, so existing rows (possibly edited
-- by coordinators) are never overwritten and running this twice changes nothing.

-- Coordination mechanisms (product.md, "Coordination mechanisms"). Parents before children.
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('CPN', 'Cluster Protection national', 'National Protection Cluster', 'national', NULL, 10) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GCS', 'Groupe consultatif stratégique', 'Strategic advisory group (SAG)', 'advisory', 'CPN', 20) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('CR-GAO', 'Cluster régional Gao (y compris Ménaka)', 'Regional cluster Gao (including Ménaka)', 'regional', 'CPN', 30) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('CR-MOPTI', 'Cluster régional Mopti', 'Regional cluster Mopti', 'regional', 'CPN', 40) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('CR-TOMBOUCTOU', 'Cluster régional Tombouctou', 'Regional cluster Tombouctou', 'regional', 'CPN', 50) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-PE', 'Sous-cluster Protection de l''enfance', 'Child protection sub-cluster', 'subcluster', NULL, 60) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-PE-GAO', 'Sous-cluster Protection de l''enfance Gao', 'Child protection sub-cluster Gao', 'subcluster', 'SC-PE', 70) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-PE-MOPTI', 'Sous-cluster Protection de l''enfance Mopti', 'Child protection sub-cluster Mopti', 'subcluster', 'SC-PE', 80) ON CONFLICT DO NOTHING;
-- 47 characters in French; kept unabbreviated for consistency with Gao and Mopti.
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-PE-TOMBOUCTOU', 'Sous-cluster Protection de l''enfance Tombouctou', 'Child protection sub-cluster Tombouctou', 'subcluster', 'SC-PE', 90) ON CONFLICT DO NOTHING;
-- 48 characters in French (name as specified).
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-VBG', 'Sous-cluster Violences basées sur le genre (VBG)', 'Gender-based violence (GBV) sub-cluster', 'subcluster', NULL, 100) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-VBG-GAO', 'Sous-cluster VBG Gao', 'GBV sub-cluster Gao', 'subcluster', 'SC-VBG', 110) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-VBG-MOPTI', 'Sous-cluster VBG Mopti', 'GBV sub-cluster Mopti', 'subcluster', 'SC-VBG', 120) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('SC-VBG-TOMBOUCTOU', 'Sous-cluster VBG Tombouctou', 'GBV sub-cluster Tombouctou', 'subcluster', 'SC-VBG', 130) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GT-MINES', 'GT Lutte anti-mines humanitaire', 'WG Humanitarian mine action', 'working_group', NULL, 140) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GT-JUSTICE', 'GT Accès à la justice et état de droit', 'WG Access to justice and rule of law', 'working_group', NULL, 150) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('CMP', 'Commission mouvement de population', 'Population movement commission', 'commission', NULL, 160) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GT-COHESION-GAO', 'GT Cohésion sociale Gao', 'Social cohesion WG Gao', 'working_group', NULL, 170) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GT-COHESION-MOPTI', 'GT Cohésion sociale Mopti', 'Social cohesion WG Mopti', 'working_group', NULL, 180) ON CONFLICT DO NOTHING;
INSERT INTO mechanisms (code, name_fr, name_en, kind, parent_code, sort_order) VALUES ('GT-COHESION-TOMBOUCTOU', 'GT Cohésion sociale Tombouctou', 'Social cohesion WG Tombouctou', 'working_group', NULL, 190) ON CONFLICT DO NOTHING;

-- Organisations: "Membres" (observer 0) and "Partenaires" (observer 1) at the end of the
-- terms of reference. acronym = the name as written there, stray spaces removed.
-- full_name repeats the acronym where the full name is not known with confidence.
-- Members
-- ABA ROLI: unsure: US-based NGO (not Malian), so international_ngo rather than national_ngo
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ABA ROLI', 'American Bar Association Rule of Law Initiative (ABA ROLI)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- ACFS: unsure: full name and kind unknown
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ACFS', 'ACFS', 'other', 0) ON CONFLICT DO NOTHING;
-- ACORD: "ACFS, ACORD" in the source are two organisations; ACORD is a pan-African international NGO
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ACORD', 'ACORD - Agency for Cooperation and Research in Development', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ACTED', 'Agence d''aide à la coopération technique et au développement (ACTED)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- AEN: fairly sure: AEN is the French name of Norwegian Church Aid, active in Mali (mine action, GBV)
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AEN', 'Aide de l''Église norvégienne (AEN / Norwegian Church Aid)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- AJDM: unsure: full name unknown; assumed a Malian association
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AJDM', 'AJDM', 'national_ngo', 0) ON CONFLICT DO NOTHING;
-- AME: unsure: full name unknown; assumed a Malian association
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AME', 'AME', 'national_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AMSS', 'Association malienne pour la survie au Sahel (AMSS)', 'national_ngo', 0) ON CONFLICT DO NOTHING;
-- ARGA-MALI: Malian chapter of a regional network
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ARGA-MALI', 'Alliance pour refonder la gouvernance en Afrique - Mali (ARGA-Mali)', 'national_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('CRS', 'Catholic Relief Services (CRS)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('DCA', 'DanChurchAid (DCA)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- DEMESO: Malian NGO (legal aid); full name not expanded
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('DEMESO', 'DEMESO', 'national_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('DNDS/MSAH', 'Direction nationale du développement social / Ministère de la Solidarité et de l''Action humanitaire', 'government', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('DNPEF', 'Direction nationale de la promotion de l''enfant et de la famille (DNPEF)', 'government', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('DRC/DDG', 'Danish Refugee Council / Danish Demining Group (DRC/DDG)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('HANDICAP INTERNATIONAL', 'Handicap International', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- IAMANEH/MALI: Malian NGO affiliated with IAMANEH Switzerland
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('IAMANEH/MALI', 'IAMANEH Mali (International Association for Maternal and Neonatal Health)', 'national_ngo', 0) ON CONFLICT DO NOTHING;
-- IDLO: intergovernmental organisation, neither UN agency nor NGO
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('IDLO', 'International Development Law Organization (IDLO)', 'other', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('IEDA RELIEF', 'International Emergency and Development Aid (IEDA Relief)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('IMC', 'International Medical Corps (IMC)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('INTERNATIONAL ALERT', 'International Alert', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('IRC', 'International Rescue Committee (IRC)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- ISLAMIC RELIEF-MALI: Mali office of Islamic Relief Worldwide, counted as international
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ISLAMIC RELIEF-MALI', 'Islamic Relief Mali', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('MAG', 'Mines Advisory Group (MAG)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('MERCY CORPS', 'Mercy Corps', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- MJDH: unsure: full name unknown; assumed a Malian association
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('MJDH', 'MJDH', 'national_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('HCHR (MINUSMA-HR)', 'Haut-Commissariat des Nations Unies aux droits de l''homme - Division des droits de l''homme de la MINUSMA', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('NRC', 'Norwegian Refugee Council', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('OCHA', 'Bureau de la coordination des affaires humanitaires des Nations Unies (OCHA)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('OIM', 'Organisation internationale pour les migrations (OIM)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('OXFAM', 'Oxfam', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('PAM', 'Programme alimentaire mondial (PAM)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('PLAN MALI', 'Plan International Mali', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('PNUD', 'Programme des Nations Unies pour le développement (PNUD)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('SAVE THE CHILDREN', 'Save the Children', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- SECOURS ISLAMIC FRANCE: acronym kept as written in the source ("ISLAMIC"); the real name is "Islamique"
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('SECOURS ISLAMIC FRANCE', 'Secours Islamique France', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('SFCG', 'Search for Common Ground (SFCG)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- SINISANUMAN: Malian NGO; full name not expanded
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('SINISANUMAN', 'SINISANUMAN', 'national_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('SOLIDARITE INTERNATIONALE', 'Solidarités International', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('TDH', 'Terre des hommes (TDH)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('UNFPA', 'Fonds des Nations Unies pour la population (UNFPA)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('UNHCR', 'Haut Commissariat des Nations Unies pour les réfugiés (UNHCR)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('UNICEF', 'Fonds des Nations Unies pour l''enfance (UNICEF)', 'un_agency', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('UNWOMEN', 'ONU Femmes (UN Women)', 'un_agency', 0) ON CONFLICT DO NOTHING;
-- WANEP: unsure: regional West African network with a Malian national chapter; national or international?
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('WANEP', 'West Africa Network for Peacebuilding (WANEP)', 'other', 0) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('WV', 'World Vision (WV)', 'international_ngo', 0) ON CONFLICT DO NOTHING;
-- Partners (observers by default)
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AMBASSADE ROYALE DE DANEMARK', 'Ambassade royale du Danemark', 'donor', 1) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AMBASSADE PAYS BAS', 'Ambassade du Royaume des Pays-Bas', 'donor', 1) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('CICR', 'Comité international de la Croix-Rouge', 'red_cross', 1) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('COOPERATION ESPAGNOLE', 'Coopération espagnole (AECID)', 'donor', 1) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('ECHO', 'Protection civile et opérations d''aide humanitaire européennes, Commission européenne (ECHO)', 'donor', 1) ON CONFLICT DO NOTHING;
-- MINUSMA: source: "MINUSMA (POC, CP, CA, DH, WP)", i.e. its protection of civilians, child protection, civil affairs, human rights and women protection sections
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('MINUSMA', 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali (MINUSMA)', 'un_agency', 1) ON CONFLICT DO NOTHING;
INSERT INTO organisations (acronym, full_name, kind, observer) VALUES ('AMBASSADE DE SUISSE', 'Ambassade de Suisse', 'donor', 1) ON CONFLICT DO NOTHING;

-- OCHA COD-AB administrative units, generated from ../shared/data/mali-pcodes-adm1-adm2.csv
-- (accents restored). Regions (level 1, parent NULL: the CSV's parent MLI is the country) first.
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML01', 1, 'Kayes', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML02', 1, 'Koulikoro', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML03', 1, 'Sikasso', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML04', 1, 'Ségou', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML05', 1, 'Mopti', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML06', 1, 'Tombouctou', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML07', 1, 'Gao', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML08', 1, 'Kidal', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML09', 1, 'Bamako', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML10', 1, 'Ménaka', NULL, '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0101', 2, 'Bafoulabe', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0102', 2, 'Diéma', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0103', 2, 'Kayes', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0104', 2, 'Kéniéba', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0105', 2, 'Kita', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0106', 2, 'Nioro', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0107', 2, 'Yélimané', 'ML01', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0201', 2, 'Banamba', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0202', 2, 'Dioila', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0203', 2, 'Kangaba', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0204', 2, 'Kati', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0205', 2, 'Kolokani', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0206', 2, 'Koulikoro', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0207', 2, 'Nara', 'ML02', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0301', 2, 'Bougouni', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0302', 2, 'Kadiolo', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0303', 2, 'Kolondieba', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0304', 2, 'Koutiala', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0305', 2, 'Sikasso', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0306', 2, 'Yanfolila', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0307', 2, 'Yorosso', 'ML03', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0401', 2, 'Baraouéli', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0402', 2, 'Bla', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0403', 2, 'Macina', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0404', 2, 'Niono', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0405', 2, 'San', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0406', 2, 'Ségou', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0407', 2, 'Tominian', 'ML04', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0501', 2, 'Bandiagara', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0502', 2, 'Bankass', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0503', 2, 'Djenné', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0504', 2, 'Douentza', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0505', 2, 'Koro', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0506', 2, 'Mopti', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0507', 2, 'Ténenkou', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0508', 2, 'Youwarou', 'ML05', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0601', 2, 'Diré', 'ML06', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0602', 2, 'Goundam', 'ML06', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0603', 2, 'Gourma-Rharous', 'ML06', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0604', 2, 'Niafunké', 'ML06', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0605', 2, 'Tombouctou', 'ML06', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0701', 2, 'Ansongo', 'ML07', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0702', 2, 'Bourem', 'ML07', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0703', 2, 'Gao', 'ML07', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0801', 2, 'Abeïbara', 'ML08', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0802', 2, 'Kidal', 'ML08', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0803', 2, 'Tessalit', 'ML08', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0804', 2, 'Tin-Essako', 'ML08', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML0901', 2, 'Bamako', 'ML09', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML1001', 2, 'Ménaka', 'ML10', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML1002', 2, 'Andéramboukane', 'ML10', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML1003', 2, 'Inékar', 'ML10', '2021-12-20') ON CONFLICT DO NOTHING;
INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES ('ML1004', 2, 'Tidermène', 'ML10', '2021-12-20') ON CONFLICT DO NOTHING;

-- 4W sectors (OCHA/HDX codes).
INSERT INTO sectors (code, name_fr, name_en) VALUES ('PRO', 'Protection générale', 'General protection') ON CONFLICT DO NOTHING;
INSERT INTO sectors (code, name_fr, name_en) VALUES ('PRO-CPN', 'Protection de l''enfance', 'Child protection') ON CONFLICT DO NOTHING;
INSERT INTO sectors (code, name_fr, name_en) VALUES ('PRO-GBV', 'Violences basées sur le genre (VBG)', 'Gender-based violence (GBV)') ON CONFLICT DO NOTHING;
INSERT INTO sectors (code, name_fr, name_en) VALUES ('PRO-HLP', 'Logement, terre et biens (LTB)', 'Housing, land and property (HLP)') ON CONFLICT DO NOTHING;
INSERT INTO sectors (code, name_fr, name_en) VALUES ('PRO-MIN', 'Lutte anti-mines', 'Mine action') ON CONFLICT DO NOTHING;
