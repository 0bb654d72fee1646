//! Fairness benchmark: one meeting invitation to N invitees (default 1,000) while 20 other
//! members each send a command (`/help`) every second (the next as soon as answered, at
//! most one a second) and 50 strangers (not members) send one every second without
//! waiting, against the fake Bot API server enforcing Telegram's limits (30 messages/s
//! overall, 1/s per chat, strict 1 s windows). Replies and scheduled sends share one pacer
//! (members' replies first, scheduled sends keep at least half while due; strangers within
//! a small budget of their own), so the figures to watch are the 429s (target 0), the
//! broadcast's duration, the members' reply latency, and the strangers' replies dropped.
//!
//! Run: `cargo bench --bench fairness` (1,000 invitees) or `cargo bench --bench fairness -- 200`.
//! Results: BENCHMARKS.md. The clock runs at real speed (`TestBot::start_running`).

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "../tests/support/harness.rs"]
mod harness;

use std::time::Duration;

use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Mechanism, Organisation, Role};
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self, Issuer};
use fake_bot_api::{FakeOptions, FakeUser};
use harness::TestBot;
use tokio::time::Instant;

const FIRST_CHAT: i64 = 10_000;
const FIRST_MEMBER: i64 = 500;
const MEMBERS: usize = 20;
const FIRST_STRANGER: i64 = 900;
const STRANGERS: usize = 50;
const EVERY: Duration = Duration::from_secs(1);
const DEFAULT_INVITEES: usize = 1_000;
const TIMEOUT: Duration = Duration::from_secs(300);

fn main() {
    let invitees = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(|a| a.parse::<usize>().unwrap_or_else(|_| panic!("invalid invitee count {a:?}")))
        .unwrap_or(DEFAULT_INVITEES);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(run(invitees));
    runtime.shutdown_timeout(Duration::from_secs(1));
}

async fn member(app: &TestBot, user: &FakeUser, org: &Organisation, mech: &Mechanism, role: Role) {
    let issued = membership::issue_invitation(&app.ctx, Issuer::CommandLine, org, mech, role, false).await.unwrap();
    let lang = user.language_code.as_deref();
    let person =
        cluster_bot::services::people::identify(&app.ctx, user.id, &user.first_name, None, lang).await.unwrap();
    let inv = membership::open_invitation(&app.ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(&app.ctx, &person, inv.id, None).await.unwrap();
}

/// One focal point and one alternate per organisation and mechanism: ⌈N/2⌉ organisations.
async fn organisations(app: &TestBot, needed: usize) -> Vec<Organisation> {
    let seeded = cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap();
    for i in 1..=needed.saturating_sub(seeded.len()) {
        sqlx::query("INSERT INTO organisations (acronym, full_name, kind, observer) VALUES (?, ?, 'other', 0)")
            .bind(format!("BENCH-{i:03}"))
            .bind(format!("Benchmark organisation {i}"))
            .execute(app.ctx.db.pool())
            .await
            .unwrap();
    }
    let all = cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap();
    all.into_iter().take(needed).collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default()
}

async fn run(invitees: usize) {
    let mut app = TestBot::start_running(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let orgs = organisations(&app, invitees.div_ceil(2).max(MEMBERS / 2)).await;
    let mut invited = Vec::with_capacity(invitees);
    for i in 0..invitees {
        let role = if i % 2 == 0 { Role::Focal } else { Role::Alternate };
        let user = FakeUser::new(FIRST_CHAT + i as i64, "Member").language(if i % 2 == 0 { "fr" } else { "en" });
        member(&app, &user, &orgs[i / 2], &gao, role).await;
        invited.push(user);
    }
    // The 20 members who use the bot meanwhile are of another mechanism (not invited).
    let mut talkers = Vec::with_capacity(MEMBERS);
    for i in 0..MEMBERS {
        let role = if i % 2 == 0 { Role::Focal } else { Role::Alternate };
        let user = FakeUser::new(FIRST_MEMBER + i as i64, "Talker").language("fr");
        member(&app, &user, &orgs[i / 2], &cpn, role).await;
        talkers.push(user);
    }
    app.fake.clear_records();
    eprintln!("[fairness] {invitees} invitees and {MEMBERS} members ready; creating the meeting");

    let draft = MeetingDraft {
        mechanism_id: gao.id,
        starts_at: app.clock.now() + chrono::Duration::days(3),
        duration_minutes: 90,
        place: Some("Gao".into()),
        agenda: Some("Benchmark".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let t0 = Instant::now();
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();
    let invited_ids: std::collections::HashSet<i64> = invited.iter().map(|u| u.id).collect();
    let delivered = |app: &TestBot| app.fake.all_sent().iter().filter(|s| invited_ids.contains(&s.chat_id)).count();

    // Each member sends /help every 2 s (staggered), until the broadcast is over.
    let done = std::sync::atomic::AtomicBool::new(false);
    let talk = |user: FakeUser, offset: Duration| {
        let (app, done) = (&app, &done);
        async move {
            tokio::time::sleep(offset).await;
            let mut latencies = vec![];
            let mut lost = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let next = Instant::now() + EVERY;
                let before = app.fake.sent_to(user.id).len();
                let asked = Instant::now();
                app.fake.send_text(&user, "/help");
                loop {
                    let sent = app.fake.sent_to(user.id);
                    if sent.len() > before {
                        latencies.push(sent[before].at - asked);
                        break;
                    }
                    if asked.elapsed() > Duration::from_secs(30) {
                        lost += 1;
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                tokio::time::sleep_until(next).await;
            }
            (latencies, lost)
        }
    };
    // Each stranger sends /help every second, answered or not.
    let pester = |user: FakeUser, offset: Duration| {
        let (app, done) = (&app, &done);
        async move {
            tokio::time::sleep(offset).await;
            let mut asked = 0usize;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let next = Instant::now() + EVERY;
                app.fake.send_text(&user, "/help");
                asked += 1;
                tokio::time::sleep_until(next).await;
            }
            asked
        }
    };
    let strangers: Vec<FakeUser> =
        (0..STRANGERS).map(|i| FakeUser::new(FIRST_STRANGER + i as i64, "Stranger").language("en")).collect();
    let strangers_run = futures::future::join_all(
        strangers.iter().enumerate().map(|(i, u)| pester(u.clone(), EVERY * i as u32 / STRANGERS as u32)),
    );
    let talkers_run = futures::future::join_all(
        talkers.iter().enumerate().map(|(i, u)| talk(u.clone(), EVERY * i as u32 / MEMBERS as u32)),
    );
    let watch = async {
        while delivered(&app) < invitees && t0.elapsed() < TIMEOUT {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let elapsed = t0.elapsed();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        elapsed
    };
    let (results, asked, elapsed) = tokio::join!(talkers_run, strangers_run, watch);
    // Let the last answers land before counting the strangers'.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let asked: usize = asked.iter().sum();
    let served: usize = strangers.iter().map(|u| app.fake.sent_to(u.id).len()).sum();

    let mut latencies: Vec<Duration> = results.iter().flat_map(|(l, _)| l.iter().copied()).collect();
    latencies.sort();
    let lost: usize = results.iter().map(|(_, n)| n).sum();
    let sent = app.fake.all_sent();
    let mut at: Vec<Instant> = sent.iter().filter(|s| invited_ids.contains(&s.chat_id)).map(|s| s.at).collect();
    at.sort();
    let span = match (at.first(), at.last()) {
        (Some(f), Some(l)) => *l - *f,
        _ => Duration::ZERO,
    };
    let rate = if span.is_zero() { 0.0 } else { (at.len().saturating_sub(1)) as f64 / span.as_secs_f64() };
    let mut all_at: Vec<Instant> = sent.iter().filter(|s| s.is_send()).map(|s| s.at).collect();
    all_at.sort();
    let mut max_window = 0;
    let mut start = 0;
    for (end, t) in all_at.iter().enumerate() {
        while *t - all_at[start] >= Duration::from_secs(1) {
            start += 1;
        }
        max_window = max_window.max(end + 1 - start);
    }
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1e3);
    println!();
    println!(
        "Fairness: invitation to {invitees} invitees while {MEMBERS} members and {STRANGERS} strangers send /help every second"
    );
    println!("| measure | value |");
    println!("|---|---|");
    println!("| invitations delivered | {} / {invitees} in {:.1} s |", at.len(), elapsed.as_secs_f64());
    println!("| broadcast rate (first → last invitation) | {rate:.1} msg/s |");
    println!("| 429 Too Many Requests | {} |", app.fake.too_many_requests_count());
    println!("| max sends in any 1 s window (limit 30) | {max_window} |");
    println!("| replies to members | {} ({lost} not received within 30 s) |", latencies.len());
    println!(
        "| members' reply latency p50 / p95 / p99 / max | {} / {} / {} / {} |",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default())
    );
    println!(
        "| strangers' messages answered / dropped unanswered | {served} / {} (of {asked}) |",
        asked.saturating_sub(served)
    );
    let per_chat = app.fake.delivered_per_chat();
    let twice = invited.iter().filter(|u| per_chat.get(&u.id).copied().unwrap_or(0) > 1).count();
    println!("| invitees with more than one invitation | {twice} |");
    println!();
    let _ = tokio::time::timeout(Duration::from_secs(20), app.stop()).await;
}
