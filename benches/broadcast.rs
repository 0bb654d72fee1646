//! Broadcast benchmark: one meeting invitation to N invitees (default 1,000) of one mechanism,
//! sent by the real bot (real scheduler, pacer, SQLite file) to the fake Bot API server
//! enforcing Telegram's limits (30 messages/s overall, 1/s per chat, strict 1 s windows).
//!
//! Run: `cargo bench --bench broadcast` (1,000 invitees) or
//! `cargo bench --bench broadcast -- 200` (a quick run). Results: BENCHMARKS.md.
//!
//! Measured from `svc::create` (which queues the invitation fan-out for now) until the
//! fake server has delivered one message per invitee; then the scheduler is let idle and
//! every invitee's deliveries are counted (losses, duplicates). The harness' clock runs at
//! real speed (`TestBot::start_running`), so that a job put back after a 429 becomes due
//! again as it would in production.

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "../tests/support/harness.rs"]
mod harness;

use std::collections::HashMap;
use std::time::Duration;

use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Mechanism, Organisation, Role};
use cluster_bot::scheduler::pacer::Limits;
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self, Issuer};
use fake_bot_api::{FakeOptions, FakeUser};
use harness::TestBot;
use tokio::time::Instant;

const MECHANISM: &str = "CR-GAO";
const FIRST_CHAT: i64 = 10_000;
const DEFAULT_INVITEES: usize = 1_000;
/// Give up waiting for the deliveries after this long.
const TIMEOUT: Duration = Duration::from_secs(300);
/// Give up waiting for the bot to stop after this long (the figures are printed before).
const STOP_TIMEOUT: Duration = Duration::from_secs(20);
/// The fake server's (and Telegram's) overall limit, messages per second.
const CEILING: f64 = 30.0;

fn main() {
    let invitees = match invitee_count() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}\nusage: cargo bench --bench broadcast [-- INVITEES]");
            std::process::exit(2);
        }
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let complete = runtime.block_on(run(invitees));
    runtime.shutdown_timeout(Duration::from_secs(1));
    if !complete {
        std::process::exit(1);
    }
}

/// The first argument not starting with `--` (cargo adds `--bench`), default 1,000.
fn invitee_count() -> Result<usize, String> {
    match std::env::args().skip(1).find(|a| !a.starts_with("--")) {
        None => Ok(DEFAULT_INVITEES),
        Some(a) => match a.parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("invalid invitee count: {a:?}")),
        },
    }
}

/// Makes `user` a member through the real services (no chat), in their client language.
async fn member(app: &TestBot, user: &FakeUser, org: &Organisation, mech: &Mechanism, role: Role) {
    let issued = membership::issue_invitation(&app.ctx, Issuer::CommandLine, org, mech, role, false).await.unwrap();
    let person = cluster_bot::services::people::identify(
        &app.ctx,
        user.id,
        &user.first_name,
        None,
        user.language_code.as_deref(),
    )
    .await
    .unwrap();
    let inv = membership::open_invitation(&app.ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(&app.ctx, &person, inv.id, None).await.unwrap();
}

/// An organisation has one focal point and one alternate per mechanism, so N invitees need
/// ⌈N/2⌉ organisations: the seeded ones plus `BENCH-nnn` organisations inserted here.
async fn organisations(app: &TestBot, needed: usize) -> Vec<Organisation> {
    let seeded = cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap();
    let mut tx = app.ctx.db.pool().begin().await.unwrap();
    for i in 1..=needed.saturating_sub(seeded.len()) {
        sqlx::query("INSERT INTO organisations (acronym, full_name, kind, observer) VALUES (?, ?, 'other', 0)")
            .bind(format!("BENCH-{i:03}"))
            .bind(format!("Benchmark organisation {i}"))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let all = cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap();
    assert!(all.len() >= needed, "{} organisations for {needed} needed", all.len());
    all.into_iter().take(needed).collect()
}

struct Report {
    invitees: usize,
    setup: Duration,
    /// `svc::create` itself (the meeting and its fan-out job written).
    create: Duration,
    /// From `svc::create` to the first delivery (fan-out of N jobs, first claim, upload).
    first_delivery: Duration,
    /// From `svc::create` to the N-th delivery.
    elapsed: Duration,
    timed_out: bool,
    delivered: usize,
    /// First to last delivery.
    span: Duration,
    max_in_window: usize,
    too_many: u64,
    /// Sends the server accepted while an earlier 429's `retry_after` was still running
    /// (Telegram asks for silence until then).
    sends_during_retry_after: usize,
    losses: usize,
    duplicated_invitees: usize,
    duplicate_texts: usize,
    /// Deliveries to chats that are not invitees (there should be none).
    strays: usize,
    send_requests: usize,
    uploads: usize,
    median_gap: Duration,
    p99_gap: Duration,
    max_gap: Duration,
    /// Gaps longer than 3 pacer intervals, and the time they add up to beyond the pacer's
    /// own interval.
    long_gaps: usize,
    long_gaps_excess: Duration,
    jobs: Vec<(String, i64)>,
}

impl Report {
    fn complete(&self) -> bool {
        !self.timed_out && self.losses == 0 && self.duplicated_invitees == 0 && self.duplicate_texts == 0
    }

    fn print(&self) {
        let s = |d: Duration| format!("{:.2} s", d.as_secs_f64());
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
        let rate = |n: usize, d: Duration| if d.is_zero() { 0.0 } else { n as f64 / d.as_secs_f64() };
        let span_rate = rate(self.delivered.saturating_sub(1), self.span);
        let elapsed_rate = rate(self.delivered, self.elapsed);
        let pacer = pacer_rate();
        let interval = 1e3 / pacer;
        let jobs = self.jobs.iter().map(|(st, n)| format!("{st} {n}")).collect::<Vec<_>>().join(", ");
        let rows: Vec<(&str, String)> = vec![
            ("invitees (one mechanism, half fr / half en)", self.invitees.to_string()),
            ("setup (organisations + members, not timed)", s(self.setup)),
            ("svc::create", ms(self.create)),
            ("create → first delivery", ms(self.first_delivery)),
            (
                "elapsed: create → last delivery",
                format!("{}{}", s(self.elapsed), if self.timed_out { " (TIMED OUT)" } else { "" }),
            ),
            ("delivered", format!("{} / {}", self.delivered, self.invitees)),
            ("first → last delivery", s(self.span)),
            (
                "achieved rate, (delivered − 1) / (first → last)",
                format!(
                    "{span_rate:.2} msg/s = {:.1} % of the {CEILING:.0}/s ceiling ({:.1} % of the pacer's {pacer:.1}/s)",
                    span_rate / CEILING * 100.0,
                    span_rate / pacer * 100.0
                ),
            ),
            (
                "achieved rate, delivered / elapsed",
                format!("{elapsed_rate:.2} msg/s = {:.1} % of the ceiling", elapsed_rate / CEILING * 100.0),
            ),
            ("ceiling (server: overall / per chat)", format!("{CEILING:.0} msg/s / 1 msg/s")),
            ("max sends in any 1 s sliding window", format!("{} (limit {CEILING:.0})", self.max_in_window)),
            ("429 Too Many Requests", self.too_many.to_string()),
            ("sends accepted during a 429's retry_after", self.sends_during_retry_after.to_string()),
            ("losses (invitees with 0 deliveries)", self.losses.to_string()),
            ("duplicates (invitees with > 1 delivery)", self.duplicated_invitees.to_string()),
            ("duplicate_deliveries() (same text twice to a chat)", self.duplicate_texts.to_string()),
            ("deliveries to non-invitees", self.strays.to_string()),
            ("send requests (incl. refused)", self.send_requests.to_string()),
            ("uploads (requests carrying a file)", self.uploads.to_string()),
            (
                "gap between deliveries: median / p99 / max",
                format!("{} / {} / {}", ms(self.median_gap), ms(self.p99_gap), ms(self.max_gap)),
            ),
            (
                "gaps > 3 pacer intervals, their time beyond 1 interval",
                format!(
                    "{} gaps > {:.0} ms, {} beyond {interval:.1} ms",
                    self.long_gaps,
                    3.0 * interval,
                    ms(self.long_gaps_excess)
                ),
            ),
            ("jobs at the end (status count)", jobs),
        ];
        let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        let vwidth = rows.iter().map(|(_, v)| v.chars().count()).max().unwrap_or(0);
        println!();
        println!(
            "Broadcast: one invitation to {} invitees, fake Bot API enforcing 30/s and 1/s per chat",
            self.invitees
        );
        println!("| {:<width$} | {:<vwidth$} |", "measure", "value");
        println!("|{}|{}|", "-".repeat(width + 2), "-".repeat(vwidth + 2));
        for (k, v) in &rows {
            println!("| {k:<width$} | {v:<vwidth$} |");
        }
        println!();
    }
}

/// Runs the broadcast, prints the report (before stopping the bot) and says whether every
/// invitee got exactly one invitation.
async fn run(invitees: usize) -> bool {
    let setup_start = Instant::now();
    let mut app = TestBot::start_running(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let mech = membership::mechanism(&app.ctx, MECHANISM).await.unwrap();
    let orgs = organisations(&app, invitees.div_ceil(2)).await;
    let mut users = Vec::with_capacity(invitees);
    for i in 0..invitees {
        let (role, lang) = if i % 2 == 0 { (Role::Focal, "fr") } else { (Role::Alternate, "en") };
        let org = &orgs[i / 2];
        let user = FakeUser::new(FIRST_CHAT + i as i64, "Member").language(lang);
        member(&app, &user, org, &mech, role).await;
        users.push(user);
    }
    let setup = setup_start.elapsed();
    app.fake.clear_records();
    eprintln!("[broadcast] {invitees} members ready in {:.1} s; creating the meeting", setup.as_secs_f64());

    let draft = MeetingDraft {
        mechanism_id: mech.id,
        starts_at: app.clock.now() + chrono::Duration::days(3),
        duration_minutes: 90,
        place: Some("Gao, bureau du cluster".into()),
        agenda: Some("Benchmark".into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let t0 = Instant::now();
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();
    let create = t0.elapsed();
    let mut timed_out = false;
    while app.fake.delivered_count() < invitees {
        if t0.elapsed() > TIMEOUT {
            timed_out = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let elapsed = t0.elapsed();
    eprintln!(
        "[broadcast] {} delivered after {:.1} s; waiting for the scheduler to idle",
        app.fake.delivered_count(),
        elapsed.as_secs_f64()
    );
    // Let the scheduler finish (acknowledgements, anything left to retry), then a little
    // more, so that a duplicate sent late would still be counted.
    let idle_deadline = Instant::now() + Duration::from_secs(30);
    while busy_jobs(&app).await > 0 && Instant::now() < idle_deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    eprintln!("[broadcast] idle; counting");

    let sent: Vec<_> = app.fake.all_sent().into_iter().filter(|s| s.is_send()).collect();
    let mut at: Vec<Instant> = sent.iter().map(|s| s.at).collect();
    at.sort();
    let per_chat: HashMap<i64, usize> = app.fake.delivered_per_chat();
    let count = |u: &FakeUser| per_chat.get(&u.id).copied().unwrap_or(0);
    let invitee_ids: std::collections::HashSet<i64> = users.iter().map(|u| u.id).collect();
    let mut gaps: Vec<Duration> = at.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort();
    let pct = |p: f64| gaps.get(((gaps.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default();
    let interval = Duration::from_secs_f64(1.0 / pacer_rate());
    let long: Vec<Duration> = gaps.iter().copied().filter(|g| *g > interval * 3).collect();
    let requests = app.fake.requests();
    let jobs: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM jobs WHERE kind = 'deliver' GROUP BY status ORDER BY status")
            .fetch_all(app.ctx.db.pool())
            .await
            .unwrap();
    let report = Report {
        invitees,
        setup,
        create,
        first_delivery: at.first().map(|f| *f - t0).unwrap_or_default(),
        elapsed,
        timed_out,
        delivered: sent.len(),
        span: match (at.first(), at.last()) {
            (Some(f), Some(l)) => *l - *f,
            _ => Duration::ZERO,
        },
        max_in_window: max_in_window(&at, Duration::from_secs(1)),
        too_many: app.fake.too_many_requests_count(),
        sends_during_retry_after: sends_during_retry_after(&requests),
        losses: users.iter().filter(|u| count(u) == 0).count(),
        duplicated_invitees: users.iter().filter(|u| count(u) > 1).count(),
        duplicate_texts: app.fake.duplicate_deliveries().len(),
        strays: sent.iter().filter(|s| !invitee_ids.contains(&s.chat_id)).count(),
        send_requests: requests.iter().filter(|r| fake_bot_api::SEND_METHODS.contains(&r.method.as_str())).count(),
        uploads: requests.iter().filter(|r| !r.files.is_empty()).count(),
        median_gap: pct(0.5),
        p99_gap: pct(0.99),
        max_gap: gaps.last().copied().unwrap_or_default(),
        long_gaps: long.len(),
        long_gaps_excess: long.iter().map(|g| *g - interval).sum(),
        jobs,
    };
    report.print();
    eprintln!("[broadcast] stopping the bot");
    if tokio::time::timeout(STOP_TIMEOUT, app.stop()).await.is_err() {
        let pool = app.ctx.db.pool();
        eprintln!(
            "[broadcast] the bot did not stop within {STOP_TIMEOUT:?}; leaving it (database pool closed: {}, \
             connections: {}, idle: {})",
            pool.is_closed(),
            pool.size(),
            pool.num_idle()
        );
    }
    report.complete()
}

/// Jobs due or running (as `TestBot::settle` counts them, without its 30 s assertion).
async fn busy_jobs(app: &TestBot) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR status = 'running'")
        .bind(app.clock.now().timestamp())
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap()
}

/// The pacer's overall rate (messages per second) as the bot is configured by default.
fn pacer_rate() -> f64 {
    Limits::default().scheduled_rate()
}

/// Accepted sends received while the `retry_after` of an earlier 429 was running.
fn sends_during_retry_after(requests: &[fake_bot_api::Recorded]) -> usize {
    let refusals: Vec<(Instant, Duration)> = requests
        .iter()
        .filter_map(|r| match &r.outcome {
            fake_bot_api::Outcome::Error { error_code: 429, retry_after, .. } => {
                Some((r.received_at, Duration::from_secs(retry_after.unwrap_or(1))))
            }
            _ => None,
        })
        .collect();
    requests
        .iter()
        .filter(|r| r.is_ok() && fake_bot_api::SEND_METHODS.contains(&r.method.as_str()))
        .filter(|r| refusals.iter().any(|(at, wait)| r.received_at > *at && r.received_at < *at + *wait))
        .count()
}

/// The most sends within any window `[t, t + width)`, as the server counts them.
fn max_in_window(sorted: &[Instant], width: Duration) -> usize {
    let mut best = 0;
    let mut start = 0;
    for (end, t) in sorted.iter().enumerate() {
        while *t - sorted[start] >= width {
            start += 1;
        }
        best = best.max(end + 1 - start);
    }
    best
}
