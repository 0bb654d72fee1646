//! Displacement alerts through the service, on a real SQLite database with the migrations and
//! an injected clock: raise in a cercle of Mopti, validation by the CMP chair only, who is
//! present from the last approved 4W, one commitment, the reminder after 48 h, closing, and the
//! CSV export with its HXL row from the command line.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cluster_bot::domain::ManualClock;
use cluster_bot::domain::alert::{AlertCause, AlertProblem, AlertState, Commitment, Households};
use cluster_bot::domain::fourw::Pcode;
use cluster_bot::services::Ctx;
use cluster_bot::services::alerts::{self, AlertError, AlertInput};
use cluster_bot::storage::Db;
use std::sync::Arc;

struct Seeded {
    chair: i64,
    raiser: i64,
    focal_a: i64,
    focal_b: i64,
    stranger: i64,
    org_a: i64,
    org_b: i64,
}

async fn exec(db: &Db, sql: &str) -> i64 {
    sqlx::query(sql).execute(db.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}")).last_insert_rowid()
}

async fn person(db: &Db, tg: i64, name: &str) -> i64 {
    exec(
        db,
        &format!(
            "INSERT INTO people (telegram_id, display_name, language, created_at) VALUES ({tg}, '{name}', 'fr', 0)"
        ),
    )
    .await
}

async fn member(db: &Db, person: i64, org: i64, mech: &str, role: &str) {
    exec(
        db,
        &format!(
            "INSERT INTO memberships (person_id, organisation_id, mechanism_id, role, status, principles_accepted_at, started_at)
             SELECT {person}, {org}, id, '{role}', 'active', 0, 0 FROM mechanisms WHERE code = '{mech}'"
        ),
    )
    .await;
}

/// A 4W submission of `org` for November 2026 with one protection line in Bandiagara (ML0501).
async fn fourw_line(db: &Db, org: i64, approved: bool) {
    let approved_at = if approved { "1764547200" } else { "NULL" };
    let sub = exec(
        db,
        &format!(
            "INSERT INTO fourw_submissions (organisation_id, mechanism_id, month, submitted_at, approved_at)
             SELECT {org}, id, '2026-11', 0, {approved_at} FROM mechanisms WHERE code = 'CR-MOPTI'"
        ),
    )
    .await;
    exec(
        db,
        &format!(
            "INSERT INTO fourw_lines (submission_id, position, sector_code, activity_code, region_pcode, cercle_pcode,
                 status, start_date, end_date, girls, boys, women, men, disabled)
             VALUES ({sub}, 1, 'PRO', 'PRO-MON', 'ML05', 'ML0501', 'ongoing', '2026-11-01', '2026-11-30', 1, 1, 1, 1, 0)"
        ),
    )
    .await;
}

async fn seed(db: &Db) -> Seeded {
    let orgs: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM organisations ORDER BY id LIMIT 5").fetch_all(db.pool()).await.unwrap();
    let chair = person(db, 1001, "Awa").await;
    let raiser = person(db, 1002, "Moussa").await;
    let focal_a = person(db, 1003, "Fatou").await;
    let focal_b = person(db, 1004, "Ibrahim").await;
    let stranger = person(db, 1005, "Inconnu").await;
    member(db, chair, orgs[0], "CMP", "chair").await;
    member(db, raiser, orgs[1], "CR-MOPTI", "focal").await;
    member(db, focal_a, orgs[2], "CR-MOPTI", "focal").await;
    member(db, focal_b, orgs[3], "CR-MOPTI", "focal").await;
    fourw_line(db, orgs[2], true).await;
    fourw_line(db, orgs[3], true).await;
    // Submitted but not approved: not counted as present.
    fourw_line(db, orgs[4], false).await;
    Seeded { chair, raiser, focal_a, focal_b, stranger, org_a: orgs[2], org_b: orgs[3] }
}

fn input(households: u32) -> AlertInput {
    AlertInput {
        pcode: Pcode::parse("ml0501").unwrap(),
        movement_date: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
        households: Households::new(households).unwrap(),
        cause: AlertCause::ArmedConflict,
        verified: false,
        source_nameable: false,
        source: Some("chef de village".into()),
    }
}

async fn setup(dir: &tempfile::TempDir) -> (Ctx, Arc<ManualClock>, Seeded) {
    let db = Db::connect(&dir.path().join("a.db").display().to_string()).await.unwrap();
    let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()));
    let ctx = Ctx::new(db, clock.clone(), chrono_tz::Africa::Bamako, Duration::days(14));
    let s = seed(&ctx.db).await;
    (ctx, clock, s)
}

#[tokio::test]
async fn an_alert_in_mopti_asks_both_present_organisations_records_one_and_reminds_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let (ctx, clock, s) = setup(&dir).await;

    // A stranger may not raise; a member may.
    assert!(matches!(alerts::raise(&ctx, s.stranger, input(120)).await, Err(AlertError::App(_))));
    let id = alerts::raise(&ctx, s.raiser, input(120)).await.unwrap();

    // Only the CMP chair (or a coordinator) validates: a member trying is refused, nothing changes.
    assert!(matches!(alerts::validate(&ctx, s.raiser, id).await, Err(AlertError::App(_))));
    assert_eq!(alerts::list(&ctx, true).await.unwrap()[0].state, AlertState::Raised);

    let v = alerts::validate(&ctx, s.chair, id).await.unwrap();
    assert_eq!(v.alert.state, AlertState::Validated);
    let present: Vec<i64> = v.present.iter().map(|p| p.organisation_id).collect();
    assert_eq!(present.len(), 2, "{:?}", v.present);
    assert!(present.contains(&s.org_a) && present.contains(&s.org_b));
    assert!(v.present.iter().all(|p| p.sectors == vec!["PRO".to_string()]));
    // A second tap changes nothing.
    assert!(matches!(alerts::validate(&ctx, s.chair, id).await, Err(AlertError::AlreadyDecided)));

    // One organisation commits; someone of no asked organisation cannot answer for one.
    alerts::commit(&ctx, s.focal_a, id, s.org_a, Commitment::Assess).await.unwrap();
    assert!(matches!(alerts::commit(&ctx, s.raiser, id, s.org_b, Commitment::Respond).await, Err(AlertError::App(_))));

    // Before 48 h nobody is reminded; after, only the one that has not answered, and once.
    clock.advance(Duration::hours(47));
    assert!(alerts::take_due_reminders(&ctx, id).await.unwrap().is_empty());
    clock.advance(Duration::hours(1));
    assert_eq!(alerts::take_due_reminders(&ctx, id).await.unwrap(), vec![s.org_b]);
    assert!(alerts::take_due_reminders(&ctx, id).await.unwrap().is_empty());

    // Closing: only the chair; the summary says who committed to what and who did not answer.
    assert!(matches!(alerts::close(&ctx, s.focal_b, id).await, Err(AlertError::App(_))));
    let (closed, asked) = alerts::close(&ctx, s.chair, id).await.unwrap();
    assert_eq!(closed.state, AlertState::Closed);
    let answers: Vec<(i64, Option<Commitment>)> = asked.iter().map(|a| (a.organisation_id, a.commitment)).collect();
    assert!(answers.contains(&(s.org_a, Some(Commitment::Assess))));
    assert!(answers.contains(&(s.org_b, None)));
    assert!(alerts::list(&ctx, true).await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_fields_are_refused_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (ctx, _clock, s) = setup(&dir).await;
    assert_eq!(Households::parse("0"), Err(AlertProblem::HouseholdsOutOfRange));
    assert_eq!(Households::parse("beaucoup"), Err(AlertProblem::HouseholdsNotANumber));
    let mut future = input(10);
    future.movement_date = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    assert!(matches!(
        alerts::raise(&ctx, s.raiser, future).await,
        Err(AlertError::Problem(AlertProblem::DateInFuture))
    ));
    let mut region = input(10);
    region.pcode = Pcode::parse("ML05").unwrap();
    assert!(matches!(alerts::raise(&ctx, s.raiser, region).await, Err(AlertError::UnknownCercle)));
    let mut unknown = input(10);
    unknown.pcode = Pcode::parse("ML0599").unwrap();
    assert!(matches!(alerts::raise(&ctx, s.raiser, unknown).await, Err(AlertError::UnknownCercle)));
    assert!(alerts::list(&ctx, false).await.unwrap().is_empty());
}

#[tokio::test]
async fn cli_lists_open_alerts_as_csv_with_the_hxl_row_and_hides_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let (ctx, _clock, s) = setup(&dir).await;
    let open = alerts::raise(&ctx, s.raiser, input(120)).await.unwrap();
    let refused = alerts::raise(&ctx, s.raiser, input(7)).await.unwrap();
    alerts::refuse(&ctx, s.chair, refused).await.unwrap();
    ctx.db.close().await;

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .args(["alert", "list", "--open", "--format", "csv"])
        .env("DATABASE_URL", format!("sqlite://{}", dir.path().join("a.db").display()))
        .env_remove("TELOXIDE_TOKEN")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for tag in ["#date", "#adm2+code", "#affected+hh", "#status", "#cause"] {
        assert!(lines[1].split(',').any(|c| c == tag), "{tag} missing: {}", lines[1]);
    }
    assert!(lines[2].starts_with(&format!("{open},2026-12-06,ML0501,120,armed_conflict,no,")), "{}", lines[2]);
    assert!(lines[2].ends_with(",validated") || lines[2].ends_with(",raised"), "{}", lines[2]);
    assert!(!text.contains("chef de village"), "the source may not be named: {text}");
}
