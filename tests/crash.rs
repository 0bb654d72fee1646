//! Crashes in the middle of sending. A job claimed but never marked leaving is simply run
//! again; a job marked leaving sends again only the parts whose answer (message id) was not
//! recorded. The bot process killed with SIGKILL in the middle of a 200-invitee broadcast,
//! then started again: nobody is missing, and the duplicates are at most the requests that
//! had left without their answer being recorded.
//!
//! `CLUSTER_CRASH_TRIALS=3 cargo test --test crash -- --nocapture` repeats the SIGKILL trial
//! and prints each run's figures (BENCHMARKS.md).

use crate::{fake_bot_api, harness};

use chrono::Duration as Days;
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Role, SystemClock};
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::{Ctx, people};
use cluster_bot::storage::{Db, jobs};
use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use harness::TestBot;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");
const RECIPIENTS: i64 = 200;
const FIRST_CHAT: i64 = 70_000;

fn spawn_bot(db: &Path, api: &url::Url) -> Child {
    Command::new(BIN)
        .env("DATABASE_URL", db)
        .env("TELOXIDE_TOKEN", "123:TEST")
        .env("TELOXIDE_API_URL", api.as_str())
        .env("RUST_LOG", std::env::var("CLUSTER_CRASH_LOG").map_or("warn", |_| "info,cluster_bot=debug"))
        .stdout(Stdio::null())
        .stderr(match std::env::var("CLUSTER_CRASH_LOG") {
            Ok(path) => Stdio::from(std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap()),
            Err(_) => Stdio::null(),
        })
        .spawn()
        .unwrap()
}

async fn prepare(db_path: &Path) {
    let db = Db::connect(&db_path.display().to_string()).await.unwrap();
    let ctx = Ctx::new(db.clone(), Arc::new(SystemClock), chrono_tz::Africa::Bamako, chrono::Duration::days(14));
    for i in 0..RECIPIENTS / 2 {
        sqlx::query("INSERT INTO organisations (acronym, full_name, kind, observer) VALUES (?, ?, 'other', 0)")
            .bind(format!("ORG{i:03}"))
            .bind(format!("Organisation {i}"))
            .execute(db.pool())
            .await
            .unwrap();
    }
    let gao = membership::mechanism(&ctx, "CR-GAO").await.unwrap();
    for i in 0..RECIPIENTS {
        let org = membership::organisation(&ctx, &format!("ORG{:03}", i / 2)).await.unwrap();
        let role = if i % 2 == 0 { Role::Focal } else { Role::Alternate };
        let issued = membership::issue_invitation(&ctx, Issuer::CommandLine, &org, &gao, role, false).await.unwrap();
        let person = people::identify(&ctx, FIRST_CHAT + i, "Member", None, Some("fr")).await.unwrap();
        let inv = membership::open_invitation(&ctx, issued.code.as_str()).await.unwrap();
        membership::accept_invitation(&ctx, &person, inv.id, None).await.unwrap();
    }
    db.close().await;
}

/// What the killed process left, read from its database before the restart.
#[derive(Debug, Default)]
struct AtKill {
    delivered: usize,
    /// Jobs claimed (running).
    claimed: i64,
    /// Running, marked leaving, and no answer recorded: the requests that may have arrived.
    in_doubt: i64,
}

async fn left_at_kill(db_path: &Path, delivered: usize) -> AtKill {
    let db = Db::connect(&db_path.display().to_string()).await.unwrap();
    let (claimed, in_doubt): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(leaving_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM job_sends s WHERE s.job_id = j.id)), 0)
         FROM jobs j WHERE status = 'running' AND kind = 'deliver'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    db.close().await;
    AtKill { delivered, claimed, in_doubt }
}

struct Trial {
    at_kill: AtKill,
    /// Deliveries per second before the kill (first to last).
    rate: f64,
    missing: usize,
    duplicated: usize,
    too_many_requests: u64,
}

/// Prepares 200 members, starts the bot, queues the invitations, kills the bot once
/// `kill_after` invitations are delivered, starts it again and counts.
async fn sigkill_trial(kill_after: usize) -> Trial {
    let fake = FakeBotApi::start(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    prepare(&db).await;
    let mut bot = spawn_bot(&db, &fake.url());
    fake.wait_for(
        |r| r.method == "setMyCommands" && r.str_param("language_code") == Some("en"),
        Duration::from_secs(20),
    )
    .await
    .unwrap();
    let start = (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%d %H:%M").to_string();
    let out = Command::new(BIN)
        .args(["meeting", "create", "--mechanism", "CR-GAO", "--start", &start])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let deadline = Instant::now() + Duration::from_secs(60);
    while fake.delivered_count() < kill_after {
        assert!(Instant::now() < deadline, "the broadcast did not start");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Command::new("kill").args(["-KILL", &bot.id().to_string()]).status().unwrap();
    bot.wait().unwrap();
    let at_kill = left_at_kill(&db, fake.delivered_count()).await;
    let times: Vec<tokio::time::Instant> = fake.all_sent().into_iter().filter(|s| s.is_send()).map(|s| s.at).collect();
    let span = times.last().zip(times.first()).map(|(l, f)| (*l - *f).as_secs_f64()).unwrap_or_default();
    let rate = if span > 0.0 { (times.len() as f64 - 1.0) / span } else { 0.0 };

    let mut bot = spawn_bot(&db, &fake.url());
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let per_chat = fake.delivered_per_chat();
        let reached = (0..RECIPIENTS).filter(|i| per_chat.get(&(FIRST_CHAT + i)).copied().unwrap_or(0) >= 1).count();
        if reached == RECIPIENTS as usize {
            break;
        }
        assert!(Instant::now() < deadline, "{reached} of {RECIPIENTS} reached after the restart");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Anything still due would show as a late duplicate.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let per_chat = fake.delivered_per_chat();
    let count = |i: i64| per_chat.get(&(FIRST_CHAT + i)).copied().unwrap_or(0);
    let missing = (0..RECIPIENTS).filter(|i| count(*i) == 0).count();
    let duplicated = (0..RECIPIENTS).filter(|i| count(*i) > 1).count();
    assert!(per_chat.values().all(|n| *n <= 2), "nobody gets more than one duplicate");
    Command::new("kill").args(["-TERM", &bot.id().to_string()]).status().unwrap();
    assert_eq!(bot.wait().unwrap().code(), Some(0));
    Trial { at_kill, rate, missing, duplicated, too_many_requests: fake.too_many_requests_count() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_in_the_middle_of_a_broadcast_loses_nobody_and_repeats_only_what_had_left() {
    let trials: usize = std::env::var("CLUSTER_CRASH_TRIALS").ok().and_then(|n| n.parse().ok()).unwrap_or(1);
    for n in 0..trials.max(1) {
        // Killed at a different point of the broadcast each time.
        let kill_after = (RECIPIENTS as usize / 3 + 37 * n) % (RECIPIENTS as usize - 20);
        let t = sigkill_trial(kill_after.max(20)).await;
        eprintln!(
            "trial {}: SIGKILL after {} of {RECIPIENTS} invitations ({:.1}/s), {} jobs claimed, {} requests in doubt; \
             after restart: {} missing, {} duplicated, {} 429s",
            n + 1,
            t.at_kill.delivered,
            t.rate,
            t.at_kill.claimed,
            t.at_kill.in_doubt,
            t.missing,
            t.duplicated,
            t.too_many_requests
        );
        assert_eq!(t.missing, 0, "nobody is missing");
        let in_doubt = usize::try_from(t.at_kill.in_doubt).unwrap();
        assert!(t.duplicated <= in_doubt, "{} duplicates but {in_doubt} requests in doubt", t.duplicated);
        // Claimed ahead: what the pacer sends in about two seconds, not the whole broadcast.
        assert!(t.at_kill.claimed <= 60, "{} jobs claimed at once", t.at_kill.claimed);
    }
}

// ---------------------------------------------------------------- deterministic

async fn meeting(app: &TestBot, agenda: Option<String>) -> i64 {
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: gao.id,
        starts_at: app.clock.now() + Days::days(10),
        duration_minutes: 90,
        place: None,
        agenda,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap()[0].id
}

/// Puts an invitation job in the state a killed process leaves it in: claimed (running),
/// marked leaving or not, with the answers already recorded for some of its parts.
async fn left_running(
    app: &TestBot,
    key: &str,
    person_id: i64,
    message: Outgoing,
    leaving: bool,
    answered: &[(i64, i64)],
) -> i64 {
    let now = app.clock.now();
    // Due tomorrow: the running scheduler leaves it alone until it is marked running.
    jobs::enqueue(&app.ctx.db, key, &Job::Deliver { person_id, message }, now + Days::days(1), now).await.unwrap();
    let id: i64 = sqlx::query_scalar(
        "UPDATE jobs SET status = 'running', attempts = 1, run_at = ?1, lease_until = ?1 + 600,
             leaving_at = CASE WHEN ?2 THEN ?1 END
         WHERE idempotency_key = ?3 AND status = 'pending' RETURNING id",
    )
    .bind(now.timestamp())
    .bind(leaving)
    .bind(key)
    .fetch_one(app.ctx.db.pool())
    .await
    .unwrap();
    let chat: i64 = sqlx::query_scalar("SELECT telegram_id FROM people WHERE id = ?")
        .bind(person_id)
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    for (part, message_id) in answered {
        cluster_bot::storage::job_sends::record(&app.ctx.db, id, *part, chat, *message_id, now).await.unwrap();
    }
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_crash_only_the_parts_without_an_answer_are_sent_again() {
    let mut app = TestBot::start_with(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let orgs: Vec<_> = cluster_bot::storage::reference::organisations(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| !o.observer)
        .take(2)
        .collect();
    let users: Vec<FakeUser> = (0..4).map(|i| FakeUser::new(61_000 + i, "Member").language("fr")).collect();
    let mut seats = vec![];
    for (i, u) in users.iter().enumerate() {
        let (org, role) = (&orgs[i / 2], if i % 2 == 0 { Role::Focal } else { Role::Alternate });
        seats.push((app.member(u, &org.acronym, "CR-GAO", role).await, org.id, role));
    }
    // One meeting whose invitation is one request (the calendar file, the text as its caption),
    // one whose agenda makes it two (the file with the start of the text as its caption and
    // the buttons, then the rest of the text).
    let short = meeting(&app, None).await;
    let long =
        meeting(&app, Some(format!("Point de situation. {}", "Analyse des tendances de protection. ".repeat(30))))
            .await;
    let invitation =
        |meeting_id: i64, i: usize| Outgoing::Invitation { meeting_id, organisation_id: seats[i].1, role: seats[i].2 };
    // 0: claimed, waiting at the pacer when the process died: never left.
    let never_left = left_running(&app, "crash:never-left", seats[0].0, invitation(short, 0), false, &[]).await;
    // 1: left and answered, the answer recorded, but the job not yet acknowledged.
    let answered = left_running(&app, "crash:answered", seats[1].0, invitation(short, 1), true, &[(0, 4242)]).await;
    // 2: left, no answer recorded: it may or may not have arrived.
    let in_doubt = left_running(&app, "crash:in-doubt", seats[2].0, invitation(short, 2), true, &[]).await;
    // 3: two requests, the first answered and recorded, the second not.
    let half = left_running(&app, "crash:half", seats[3].0, invitation(long, 3), true, &[(0, 4343)]).await;
    assert!(app.fake.all_sent().is_empty(), "nothing was sent before the restart");

    app.restart().await;
    app.settle().await;

    let sent = |i: usize| app.fake.sent_to(users[i].id);
    assert_eq!(sent(0).len(), 1, "claimed but never leaving: sent once");
    assert_eq!(sent(0)[0].method, "sendDocument");
    assert!(sent(1).is_empty(), "its answer is recorded: not sent again");
    assert_eq!(sent(2).len(), 1, "left without a recorded answer: sent again (at least once)");
    let methods: Vec<String> = sent(3).into_iter().map(|s| s.method).collect();
    assert_eq!(methods, ["sendMessage"], "only the rest of the text, the file had been answered");
    let rest = sent(3)[0].text.clone().unwrap_or_default();
    assert!(rest.contains("Analyse des tendances de protection"), "the rest of the agenda: {rest}");

    let done = |id: i64| {
        let db = app.ctx.db.clone();
        async move { jobs::all(&db).await.unwrap().into_iter().find(|j| j.id == id).unwrap().status }
    };
    for id in [never_left, answered, in_doubt, half] {
        assert_eq!(done(id).await, "done");
    }
    // The message with the buttons is known (to update it when the answer changes), also for
    // the job that sent nothing this time.
    let recorded = cluster_bot::storage::meetings::invitation_messages(&app.ctx.db, short, None).await.unwrap();
    let of = |person: i64| recorded.iter().find(|m| m.person_id == person).map(|m| m.message_id);
    assert_eq!(of(seats[1].0), Some(4242));
    assert_eq!(of(seats[0].0), Some(sent(0)[0].message_id));
    let recorded = cluster_bot::storage::meetings::invitation_messages(&app.ctx.db, long, None).await.unwrap();
    assert_eq!(recorded.iter().find(|m| m.person_id == seats[3].0).map(|m| m.message_id), Some(4343));
    // Each answer of this run is recorded too.
    let parts: Vec<(i64, i64)> = cluster_bot::storage::job_sends::of_job(&app.ctx.db, half).await.unwrap();
    assert_eq!(parts, [(0, 4343), (1, sent(3)[0].message_id)]);
    app.stop().await;
}
