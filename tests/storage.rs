//! The database itself: pragmas, seeded reference data, and the rules it enforces.

use cluster_bot::storage::{Db, reference};

async fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&dir.path().join("s.db").display().to_string()).await.unwrap();
    (dir, db)
}

async fn count(db: &Db, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(db.pool()).await.unwrap()
}

#[tokio::test]
async fn sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout() {
    let (_dir, db) = db().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(db.pool()).await.unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(db.pool()).await.unwrap();
    assert_eq!(fk, 1);
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout").fetch_one(db.pool()).await.unwrap();
    assert!(busy >= 5000, "{busy}");
}

#[tokio::test]
async fn default_data_is_seeded_once() {
    let (_dir, db) = db().await;
    let counts = [("mechanisms", 19), ("organisations", 53), ("admin_units", 63), ("sectors", 5)];
    for (table, n) in counts {
        assert_eq!(count(&db, table).await, n, "{table}");
    }
    // Re-running the seed changes nothing.
    sqlx::raw_sql(include_str!("../migrations/0002_seed.sql")).execute(db.pool()).await.unwrap();
    cluster_bot::storage::MIGRATOR.run(db.pool()).await.unwrap();
    for (table, n) in counts {
        assert_eq!(count(&db, table).await, n, "{table} after a second seeding");
    }
    assert_eq!(reference::count_admin_units(&db, 1).await.unwrap(), 10);
    assert_eq!(reference::count_admin_units(&db, 2).await.unwrap(), 53);
    assert_eq!(reference::sector_codes(&db).await.unwrap(), ["PRO", "PRO-CPN", "PRO-GBV", "PRO-HLP", "PRO-MIN"]);
    let codes: Vec<String> = reference::mechanisms(&db).await.unwrap().into_iter().map(|m| m.code).collect();
    for code in [
        "CPN",
        "GCS",
        "CR-GAO",
        "CR-MOPTI",
        "CR-TOMBOUCTOU",
        "SC-PE",
        "SC-PE-GAO",
        "SC-VBG-TOMBOUCTOU",
        "GT-MINES",
        "GT-JUSTICE",
        "CMP",
        "GT-COHESION-GAO",
        "GT-COHESION-MOPTI",
        "GT-COHESION-TOMBOUCTOU",
    ] {
        assert!(codes.contains(&code.to_string()), "{code}");
    }
    let nrc = reference::organisation_by_acronym(&db, "nrc").await.unwrap().unwrap();
    assert!(!nrc.observer);
    let cicr = reference::organisation_by_acronym(&db, "CICR").await.unwrap().unwrap();
    assert!(cicr.observer, "partners are observers by default");
    assert!(reference::organisation_by_acronym(&db, "DRC/DDG").await.unwrap().is_some());
    // Names with their accents restored, P-codes as in the COD-AB.
    let menaka: String =
        sqlx::query_scalar("SELECT name FROM admin_units WHERE pcode = 'ML10'").fetch_one(db.pool()).await.unwrap();
    assert_eq!(menaka, "Ménaka");
    let orphans: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM admin_units c LEFT JOIN admin_units r ON r.pcode = c.parent_pcode WHERE c.level = 2 AND r.level IS NOT 1",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(orphans, 0, "every cercle belongs to a region");
}

#[tokio::test]
async fn the_database_allows_one_active_focal_point_per_organisation_and_mechanism() {
    let (_dir, db) = db().await;
    for (tg, name) in [(1, "A"), (2, "B")] {
        sqlx::query("INSERT INTO people (telegram_id, display_name, language, created_at) VALUES (?, ?, 'fr', 0)")
            .bind(tg)
            .bind(name)
            .execute(db.pool())
            .await
            .unwrap();
    }
    let insert = |person: i64, role: &'static str, status: &'static str| {
        sqlx::query(
            "INSERT INTO memberships (person_id, organisation_id, mechanism_id, role, status, principles_accepted_at, started_at)
             VALUES (?, (SELECT id FROM organisations WHERE acronym = 'NRC'), (SELECT id FROM mechanisms WHERE code = 'CPN'), ?, ?, 0, 0)",
        )
        .bind(person)
        .bind(role)
        .bind(status)
        .execute(db.pool())
    };
    insert(1, "focal", "active").await.unwrap();
    let second = insert(2, "focal", "active").await.unwrap_err();
    assert!(matches!(&second, sqlx::Error::Database(e) if e.is_unique_violation()), "{second}");
    insert(2, "alternate", "active").await.unwrap();
    assert!(insert(1, "alternate", "active").await.is_err(), "one alternate too");
    // A replaced focal point frees the seat; chairs may be several.
    insert(2, "focal", "replaced").await.unwrap();
    insert(1, "chair", "active").await.unwrap();
    insert(2, "chair", "active").await.unwrap();
    let bad_role = insert(1, "boss", "active").await;
    assert!(bad_role.is_err());
}
