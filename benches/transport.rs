//! Webhook against long polling, in the same run: the real bot process (release build) against
//! the fake Bot API server, 1,000 members pressing RSVP buttons. For each mode: updates per
//! second with 5,000 presses injected at once, end-to-end latency (injection → the bot's
//! answerCallbackQuery reaching the server) one press at a time and under that load, and the
//! bot's own handling time (p99 bucket of `cluster_update_handling_seconds` from /metrics).
//! Run: `cargo bench --bench transport` (or `-- 2000` for a shorter run).

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/members.rs"]
mod members;

use chrono::{Duration as CDuration, Utc};
use cluster_bot::domain::SystemClock;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::services::Ctx;
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::storage::Db;
use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");
const MEMBERS: i64 = 1_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// 500 organisations with a focal point and an alternate in CR-GAO, and a meeting in 10 days.
/// Returns (telegram id, organisation id) of each member and the meeting id.
async fn setup(db: &Path) -> (Vec<(i64, i64)>, i64) {
    let database = Db::connect(&db.display().to_string()).await.unwrap();
    let ctx = Ctx::new(database, Arc::new(SystemClock), chrono_tz::Africa::Bamako, CDuration::days(14));
    let members = members::populate_gao(&ctx, MEMBERS / 2, 2_000_000).await;
    let gao = cluster_bot::storage::reference::mechanism_by_code(&ctx.db, "CR-GAO").await.unwrap().unwrap().id;
    let draft = MeetingDraft {
        mechanism_id: gao,
        starts_at: Utc::now() + CDuration::days(10),
        duration_minutes: 120,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let meeting = meetings_svc::create(&ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    ctx.db.close().await;
    (members, meeting.id)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The upper bound of the bucket holding the p-th quantile of a Prometheus histogram.
fn histogram_quantile(metrics: &str, name: &str, p: f64) -> Option<f64> {
    let buckets: Vec<(f64, f64)> = metrics
        .lines()
        .filter(|l| l.starts_with(&format!("{name}_bucket{{kind=\"callback_query\"")))
        .filter_map(|l| {
            let le = l.split("le=\"").nth(1)?.split('"').next()?;
            let count: f64 = l.rsplit(' ').next()?.parse().ok()?;
            Some((if le == "+Inf" { f64::INFINITY } else { le.parse().ok()? }, count))
        })
        .collect();
    let total = buckets.last()?.1;
    buckets.iter().find(|(_, c)| *c >= total * p).map(|(le, _)| *le)
}

async fn run(mode: &str, presses: usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("transport.db");
    let (members, meeting) = setup(&db).await;
    let fake = FakeBotApi::start(FakeOptions::default()).await;
    let port = free_port();
    let mut cmd = Command::new(BIN);
    cmd.env("DATABASE_URL", &db)
        .env("TELOXIDE_TOKEN", "123:BENCH")
        .env("TELOXIDE_API_URL", fake.url().as_str())
        .env("CLUSTER_LISTEN", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if mode == "webhook" {
        cmd.env("CLUSTER_WEBHOOK_URL", format!("http://127.0.0.1:{port}/telegram/hook"));
    }
    let mut bot = cmd.spawn().unwrap();
    fake.wait_for(
        |r| r.method == "setMyCommands" && r.str_param("language_code") == Some("en"),
        Duration::from_secs(30),
    )
    .await
    .unwrap();
    if mode == "webhook" {
        fake.wait_for(|r| r.method == "setWebhook", Duration::from_secs(30)).await.unwrap();
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let users: Vec<(FakeUser, i64)> = members.iter().map(|(tg, org)| (FakeUser::new(*tg, "Member"), *org)).collect();
    let data = |org: i64, n: usize| format!("r:{meeting}:{org}:{}", if n.is_multiple_of(2) { "a" } else { "d" });
    let answered = |q: &str| {
        let q = q.to_string();
        move |r: &fake_bot_api::Recorded| {
            r.method == "answerCallbackQuery" && r.str_param("callback_query_id") == Some(q.as_str())
        }
    };

    // One press at a time.
    let mut alone = Vec::new();
    for (i, (u, org)) in users.iter().take(200).enumerate() {
        let t0 = Instant::now();
        let (_, q) = fake.press_button_query(u, 1, &data(*org, i));
        let rec = fake.wait_for(answered(&q), Duration::from_secs(30)).await.unwrap();
        alone.push(rec.received_at - t0);
    }
    alone.sort();

    // Many at once.
    let before = fake.requests_for("answerCallbackQuery").len();
    let mut sent: HashMap<String, Instant> = HashMap::new();
    let started = Instant::now();
    'inject: for round in 0.. {
        for (u, org) in &users {
            if sent.len() == presses {
                break 'inject;
            }
            let (_, q) = fake.press_button_query(u, 1, &data(*org, round + 1));
            sent.insert(q, Instant::now());
        }
    }
    while fake.requests_for("answerCallbackQuery").len() - before < presses {
        assert!(started.elapsed() < Duration::from_secs(900), "{mode}: not all presses were answered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let answers: Vec<(Instant, Duration)> = fake
        .requests_for("answerCallbackQuery")
        .into_iter()
        .filter_map(|r| sent.get(r.str_param("callback_query_id")?).map(|t0| (r.received_at, r.received_at - *t0)))
        .collect();
    let last = answers.iter().map(|(at, _)| *at).max().unwrap();
    let mut loaded: Vec<Duration> = answers.iter().map(|(_, l)| *l).collect();
    loaded.sort();
    let secs = (last - started).as_secs_f64();
    let metrics = reqwest::get(format!("http://127.0.0.1:{port}/metrics")).await.unwrap().text().await.unwrap();
    let p99 = histogram_quantile(&metrics, "cluster_update_handling_seconds", 0.99).unwrap_or(f64::NAN);
    let p50 = histogram_quantile(&metrics, "cluster_update_handling_seconds", 0.5).unwrap_or(f64::NAN);
    println!(
        "| {mode} | {:.0} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | ≤ {:.1} ms | ≤ {:.1} ms |",
        loaded.len() as f64 / secs,
        percentile(&alone, 0.5).as_secs_f64() * 1e3,
        percentile(&alone, 0.99).as_secs_f64() * 1e3,
        percentile(&loaded, 0.5).as_secs_f64() * 1e3,
        percentile(&loaded, 0.99).as_secs_f64() * 1e3,
        p50 * 1e3,
        p99 * 1e3,
    );
    Command::new("kill").args(["-TERM", &bot.id().to_string()]).status().unwrap();
    let _ = bot.wait();
}

fn main() {
    let presses: usize =
        std::env::args().skip(1).find(|a| !a.starts_with("--")).and_then(|a| a.parse().ok()).unwrap_or(5_000);
    println!("# webhook vs long polling — {presses} presses from {MEMBERS} members, same run\n");
    println!(
        "| mode | updates/s ({presses} at once) | e2e p50 alone | e2e p99 alone | e2e p50 loaded | e2e p99 loaded | handling p50 | handling p99 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        for mode in ["polling", "webhook", "polling", "webhook"] {
            run(mode, presses).await;
        }
    });
}
