//! Faults, through the fake Bot API server: server errors, 429s, timeouts, Telegram
//! unreachable, a busy database during a backup — and backup and restore.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{MainMsg, MeetingsMsg};
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self};
use fake_bot_api::{FakeOptions, FakeUser};
use harness::TestBot;
use std::time::Instant;

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) {
    app.member(user, org, mech, role).await;
}

/// `n` focal points and alternates in CR-GAO (two per organisation).
async fn crowd(app: &TestBot, n: usize) -> Vec<FakeUser> {
    let orgs: Vec<String> = cluster_bot::storage::reference::organisations(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.acronym)
        .collect();
    let mut users = vec![];
    for i in 0..n {
        let u = FakeUser::new(50_000 + i as i64, "Member").language(if i % 2 == 0 { "fr" } else { "en" });
        let role = if i % 2 == 0 { Role::Focal } else { Role::Alternate };
        member(app, &u, &orgs[i / 2], "CR-GAO", role).await;
        users.push(u);
    }
    users
}

async fn invite_gao(app: &TestBot) {
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: gao.id,
        starts_at: app.clock.now() + Duration::days(3),
        duration_minutes: 90,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();
}

/// Waits until every user got at least one delivery; then returns the deliveries per user.
async fn wait_delivered(app: &TestBot, users: &[FakeUser], secs: u64) -> Vec<usize> {
    let deadline = Instant::now() + std::time::Duration::from_secs(secs);
    let mut last_report = Instant::now();
    loop {
        app.ctx.wake.notify_one();
        let counts: Vec<usize> = users.iter().map(|u| app.fake.delivered_count_to(u.id)).collect();
        if counts.iter().all(|c| *c >= 1) {
            // Let anything still in flight land before counting duplicates.
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            return users.iter().map(|u| app.fake.delivered_count_to(u.id)).collect();
        }
        let missing = counts.iter().filter(|c| **c == 0).count();
        if last_report.elapsed() > std::time::Duration::from_secs(5) {
            eprintln!("{missing} of {} still waiting; {} 429s so far", users.len(), app.fake.too_many_requests_count());
            last_report = Instant::now();
        }
        assert!(Instant::now() < deadline, "{missing} of {} users still without their invitation", users.len());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fifth_send_answered_502_still_delivers_every_invitation_exactly_once() {
    // Status 200 with a 502 body: teloxide reports it at once (a real 502 makes it wait 10 s,
    // which the next test covers with fewer recipients).
    let opts = FakeOptions { fail_every_nth_send: Some(5), server_error_http_status: 200, ..FakeOptions::default() };
    let mut app = TestBot::start_running(opts).await;
    let users = crowd(&app, 60).await;
    invite_gao(&app).await;
    let counts = wait_delivered(&app, &users, 120).await;
    assert!(counts.iter().all(|c| *c == 1), "{counts:?}");
    let failed = app.fake.requests_for("sendDocument").iter().filter(|r| !r.is_ok()).count();
    assert!(failed >= 60 / 5, "the server did fail sends: {failed}");
    assert!(app.fake.duplicate_deliveries().is_empty());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_502_answers_are_retried() {
    let opts = FakeOptions { fail_every_nth_send: Some(5), ..FakeOptions::default() };
    let mut app = TestBot::start_running(opts).await;
    let users = crowd(&app, 10).await;
    invite_gao(&app).await;
    let counts = wait_delivered(&app, &users, 120).await;
    assert!(counts.iter().all(|c| *c == 1), "{counts:?}");
    assert!(app.fake.requests_for("sendDocument").iter().any(|r| r.error_code() == Some(502)));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_requests_are_waited_out_and_delivered_once() {
    // A server stricter than Telegram (10 per second overall): our pacer's 29/s provokes 429s.
    let opts = FakeOptions { enforce_limits: true, global_per_sec: 10, ..FakeOptions::default() };
    let mut app = TestBot::start_running(opts).await;
    let users = crowd(&app, 60).await;
    invite_gao(&app).await;
    let counts = wait_delivered(&app, &users, 120).await;
    assert!(counts.iter().all(|c| *c == 1), "{counts:?}");
    assert!(app.fake.too_many_requests_count() > 0, "429s were provoked");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_are_retried_without_duplicates() {
    // For a while every request stalls longer than the bot's 6-second timeout: the bot gives
    // up, nothing is processed, and the jobs are retried later.
    let mut app = TestBot::start_running(FakeOptions::default()).await;
    let users = crowd(&app, 8).await;
    app.fake.configure(|o| o.stall = std::time::Duration::from_secs(8));
    invite_gao(&app).await;
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;
    assert_eq!(app.fake.delivered_count(), 0, "nothing got through the stall");
    app.fake.configure(|o| o.stall = std::time::Duration::ZERO);
    let counts = wait_delivered(&app, &users, 120).await;
    assert!(counts.iter().all(|c| *c == 1), "{counts:?}");
    let timed_out: Vec<_> = cluster_bot::storage::jobs::all(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.kind == "deliver" && j.attempts > 1)
        .collect();
    assert!(!timed_out.is_empty(), "deliveries were retried after timing out");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_unreachable_for_a_while_the_bot_keeps_running_and_catches_up() {
    let mut app = TestBot::start_running(FakeOptions::default()).await;
    let users = crowd(&app, 10).await;
    app.fake.set_unreachable(true);
    invite_gao(&app).await;
    tokio::time::sleep(std::time::Duration::from_secs(8)).await;
    app.fake.set_unreachable(false);
    let counts = wait_delivered(&app, &users, 120).await;
    assert!(counts.iter().all(|c| *c == 1), "{counts:?}");
    // The dispatcher is alive: a member is answered.
    let reply = app.send(&users[1], "/help").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::En, MainMsg::HelpMember.into()));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_while_users_work_shows_them_no_error_and_restores_everything() {
    let mut app = TestBot::start_running(FakeOptions::default()).await;
    let users = crowd(&app, 20).await;
    invite_gao(&app).await;
    wait_delivered(&app, &users, 60).await;
    // Make the database bigger so that backups take a while, then back up in a loop while
    // members keep using the bot.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
         INSERT INTO settings (key, value) SELECT 'filler-' || i, hex(randomblob(200)) FROM n",
    )
    .execute(app.ctx.db.pool())
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = app.ctx.db.clone();
    let backups = dir.path().to_path_buf();
    let backing_up = tokio::spawn(async move {
        let mut n = 0;
        let started = Instant::now();
        while started.elapsed() < std::time::Duration::from_secs(3) {
            db.backup_into(&backups.join(format!("b{n}.db"))).await.unwrap();
            n += 1;
        }
        n
    });
    for u in users.iter().take(10) {
        let reply = app.send(u, "/meetings").await;
        let text = reply.text.unwrap();
        assert!(
            !text.contains(&app.t(Language::Fr, MainMsg::InternalError.into()))
                && !text.contains(&app.t(Language::En, MainMsg::InternalError.into()))
        );
        let inv = app.fake.sent_to(u.id).into_iter().find(|s| s.method == "sendDocument").unwrap();
        let (answer, _) = app.press(u, inv.message_id, &inv.button_data()[0]).await;
        assert!(
            matches!(answer.str_param("text"), Some(t) if t == app.t(Language::Fr, MeetingsMsg::RsvpRecorded.into()) || t == app.t(Language::En, MeetingsMsg::RsvpRecorded.into()))
        );
    }
    let made = backing_up.await.unwrap();
    assert!(made >= 1);

    // Restore: take a fresh backup, wipe the database, put the backup in its place, start.
    app.stop().await;
    let backup = dir.path().join("final.db");
    let db = cluster_bot::storage::Db::connect(&app.db_path.display().to_string()).await.unwrap();
    db.backup_into(&backup).await.unwrap();
    assert!(db.backup_into(&backup).await.is_err(), "never overwrites a file");
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", app.db_path.display()));
    }
    let wiped = cluster_bot::storage::Db::connect(&app.db_path.display().to_string()).await.unwrap();
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships").fetch_one(wiped.pool()).await.unwrap();
    assert_eq!(members, 0, "wiped");
    wiped.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", app.db_path.display()));
    }
    std::fs::copy(&backup, &app.db_path).unwrap();
    app.restart().await;
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE status = 'active'")
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    assert_eq!(members, 20);
    let meetings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM meetings").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(meetings, 1);
    let answers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rsvps").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(answers, 5, "one answer per organisation (10 members of 5 organisations)");
    let reply = app.send(&users[0], "/me").await;
    assert!(reply.text.unwrap().contains("point focal"));
    app.stop().await;
}
