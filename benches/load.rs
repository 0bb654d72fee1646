//! Load benchmarks (prints its figures; nothing is asserted):
//!   updates   — 10,000 RSVP button presses from 1,000 members: updates per second, p50 and
//!               p99 handling latency (and unloaded latency), against the real bot process
//!   memory    — resident memory of the bot process idle with 5,000 members, and its peak
//!               during the updates benchmark
//!   scheduler — 100,000 pending jobs: time to find and claim the due ones, compared with 1,000
//!   export    — the 4W matrix with 50,000 lines to XLSX (and CSV) through the command line:
//!               time and peak memory
//!   sheet     — the 4W spreadsheet template: writing it, and reading back 500 filled rows
//! Run: `cargo bench --bench load` (all) or `cargo bench --bench load -- scheduler`.

#[path = "../tests/support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/members.rs"]
mod members;

use chrono::{Duration as CDuration, Utc};
use cluster_bot::domain::SystemClock;
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::services::Ctx;
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::storage::{Db, jobs};
use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn rss_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

async fn ctx_for(path: &Path) -> Ctx {
    let db = Db::connect(&path.display().to_string()).await.unwrap();
    Ctx::new(db, Arc::new(SystemClock), chrono_tz::Africa::Bamako, CDuration::days(14))
}

async fn updates_and_memory() {
    println!("\n## updates and memory (the real bot process against the fake Bot API server)");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db");
    let ctx = ctx_for(&db).await;
    let t = Instant::now();
    members::populate_gao(&ctx, 2_500, 1_000_000).await;
    let gao = cluster_bot::services::membership::mechanism(&ctx, "CR-GAO").await.unwrap();
    // Ten days ahead: the invitations are not due yet, answers are open.
    let draft = MeetingDraft {
        mechanism_id: gao.id,
        starts_at: Utc::now() + CDuration::days(10),
        duration_minutes: 120,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let meeting = meetings_svc::create(&ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    let orgs: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT p.telegram_id, m.organisation_id FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.status = 'active' ORDER BY p.telegram_id",
    )
    .fetch_all(ctx.db.pool())
    .await
    .unwrap();
    ctx.db.close().await;
    println!("setup: 5,000 members (2,500 organisations × focal point + alternate) in {:?}", t.elapsed());

    let fake = FakeBotApi::start(FakeOptions::default()).await;
    let mut bot = Command::new(BIN)
        .env("DATABASE_URL", &db)
        .env("TELOXIDE_TOKEN", "123:BENCH")
        .env("TELOXIDE_API_URL", fake.url().as_str())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = bot.id();
    fake.wait_for(
        |r| r.method == "setMyCommands" && r.str_param("language_code") == Some("en"),
        Duration::from_secs(30),
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let idle = rss_kib(pid, "VmRSS:");
    println!("memory: bot idle with 5,000 members: VmRSS {:.1} MiB", idle as f64 / 1024.0);

    // The 1,000 members who answer (500 organisations).
    let members: Vec<(FakeUser, i64)> =
        orgs.iter().take(1_000).map(|(tg, org)| (FakeUser::new(*tg, "Member"), *org)).collect();
    let data = |org: i64, n: usize| format!("r:{}:{org}:{}", meeting.id, if n.is_multiple_of(2) { "a" } else { "d" });

    // Unloaded latency: one press at a time.
    let mut unloaded = Vec::new();
    for (i, (u, org)) in members.iter().take(300).enumerate() {
        let t0 = tokio::time::Instant::now();
        let (_, q) = fake.press_button_query(u, 1, &data(*org, i));
        let rec = fake
            .wait_for(
                |r| r.method == "answerCallbackQuery" && r.str_param("callback_query_id") == Some(q.as_str()),
                Duration::from_secs(30),
            )
            .await
            .unwrap();
        unloaded.push(rec.received_at - t0);
    }
    unloaded.sort();

    // Throughput: 10,000 presses (10 per member) injected at once.
    let answered_before = fake.requests_for("answerCallbackQuery").len();
    let mut sent: HashMap<String, tokio::time::Instant> = HashMap::new();
    let started = tokio::time::Instant::now();
    for round in 0..10 {
        for (u, org) in &members {
            let (_, q) = fake.press_button_query(u, 1, &data(*org, round));
            sent.insert(q, tokio::time::Instant::now());
        }
    }
    let mut peak = 0;
    loop {
        peak = peak.max(rss_kib(pid, "VmRSS:"));
        let done = fake.requests_for("answerCallbackQuery").len() - answered_before;
        if done >= 10_000 {
            break;
        }
        if started.elapsed() > Duration::from_secs(600) {
            println!("updates: gave up after 600 s with {done} answered");
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let answers: Vec<_> = fake
        .requests_for("answerCallbackQuery")
        .into_iter()
        .filter_map(|r| sent.get(r.str_param("callback_query_id")?).map(|t0| (r.received_at, r.received_at - *t0)))
        .collect();
    let last = answers.iter().map(|(at, _)| *at).max().unwrap_or(started);
    let mut lat: Vec<Duration> = answers.iter().map(|(_, l)| *l).collect();
    lat.sort();
    let secs = (last - started).as_secs_f64();
    println!("updates: {} presses answered in {:.2} s → {:.0} updates/s", lat.len(), secs, lat.len() as f64 / secs);
    println!(
        "updates: latency under load (injected all at once, includes queueing): p50 {:?}, p99 {:?}",
        percentile(&lat, 0.5),
        percentile(&lat, 0.99)
    );
    println!(
        "updates: latency one at a time (300 presses): p50 {:?}, p99 {:?}",
        percentile(&unloaded, 0.5),
        percentile(&unloaded, 0.99)
    );
    println!(
        "memory: bot peak during the updates benchmark: VmRSS {:.1} MiB (VmHWM {:.1} MiB)",
        peak as f64 / 1024.0,
        rss_kib(pid, "VmHWM:") as f64 / 1024.0
    );
    Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    let _ = bot.wait();
}

async fn claim_timing(ctx: &Ctx, rounds: usize) -> (Duration, Duration) {
    let mut claims = Vec::new();
    let mut nexts = Vec::new();
    for r in 0..rounds {
        let now = Utc::now();
        for i in 0..200 {
            let job = Job::Deliver { person_id: i, message: Outgoing::RsvpSummary { meeting_id: i } };
            jobs::enqueue(&ctx.db, &format!("due:{r}:{i}"), &job, now - CDuration::seconds(1), now).await.unwrap();
        }
        let t = Instant::now();
        let claimed = jobs::claim_due(&ctx.db, now, 600, 200).await.unwrap();
        claims.push(t.elapsed());
        assert_eq!(claimed.len(), 200);
        for j in claimed {
            jobs::mark_done(&ctx.db, j.id, now).await.unwrap();
        }
        let t = Instant::now();
        jobs::next_run_at(&ctx.db).await.unwrap();
        nexts.push(t.elapsed());
    }
    claims.sort();
    nexts.sort();
    (percentile(&claims, 0.5), percentile(&nexts, 0.5))
}

async fn scheduler() {
    println!("\n## scheduler: finding and claiming due jobs among many pending ones");
    for pending in [1_000i64, 100_000] {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx_for(&dir.path().join("jobs.db")).await;
        let later = (Utc::now() + CDuration::days(30)).timestamp();
        let payload = serde_json::to_string(&Job::FanOutSummary { meeting_id: 1 }).unwrap();
        let mut tx = ctx.db.pool().begin().await.unwrap();
        for i in 0..pending {
            sqlx::query(
                "INSERT INTO jobs (kind, payload, run_at, idempotency_key, created_at) VALUES ('fan_out_summary', ?, ?, ?, 0)",
            )
            .bind(&payload)
            .bind(later + i)
            .bind(format!("pending:{i}"))
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let (claim, next) = claim_timing(&ctx, 20).await;
        println!(
            "scheduler: {pending:>7} pending jobs → claim 200 due jobs: median {claim:?}; next due time: median {next:?}"
        );
        ctx.db.close().await;
    }
}

fn run_measured(args: &[&str], db: &Path) -> (Duration, i64) {
    let t = Instant::now();
    let out = Command::new(BIN).args(args).env("DATABASE_URL", db).output().unwrap();
    let elapsed = t.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Peak resident memory of the (last) child, in KiB.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    (elapsed, usage.ru_maxrss)
}

async fn export() {
    println!("\n## export: the 4W matrix with 50,000 lines");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("export.db");
    let ctx = ctx_for(&db).await;
    let pool = ctx.db.pool();
    let orgs: Vec<i64> = sqlx::query_scalar("SELECT id FROM organisations ORDER BY id").fetch_all(pool).await.unwrap();
    let mechs: Vec<i64> = sqlx::query_scalar("SELECT id FROM mechanisms ORDER BY id").fetch_all(pool).await.unwrap();
    let activities: Vec<(String, String)> =
        sqlx::query_as("SELECT code, sector_code FROM fourw_activities").fetch_all(pool).await.unwrap();
    let cercles: Vec<(String, String)> =
        sqlx::query_as("SELECT pcode, parent_pcode FROM admin_units WHERE level = 2").fetch_all(pool).await.unwrap();
    let modalities: Vec<(String, String)> =
        sqlx::query_as("SELECT code, sector_code FROM fourw_modalities").fetch_all(pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    let mut n = 0;
    'outer: for org in &orgs {
        for mech in &mechs {
            let sub: i64 = sqlx::query_scalar(
                "INSERT INTO fourw_submissions (organisation_id, mechanism_id, month, submitted_at) VALUES (?, ?, '2026-10', 0) RETURNING id",
            )
            .bind(org)
            .bind(mech)
            .fetch_one(&mut *tx)
            .await
            .unwrap();
            for pos in 0..50 {
                let (code, sector) = &activities[n % activities.len()];
                let (cercle, region) = &cercles[n % cercles.len()];
                let modality = &modalities.iter().find(|(_, s)| s == sector).expect("a modality per sector").0;
                sqlx::query(
                    "INSERT INTO fourw_lines (submission_id, position, sector_code, activity_code, region_pcode, cercle_pcode,
                        status, start_date, end_date, population_group, modality_code, girls, boys, women, men,
                        elderly_women, elderly_men, disabled, t_girls, t_boys, t_women, t_men, t_elderly_women,
                        t_elderly_men, implementing_partner, donor, plan_code, remarks)
                     VALUES (?, ?, ?, ?, ?, ?, 'ongoing', '2026-10-01', '2026-10-31', 'IDP', ?, ?, ?, ?, ?, 3, 2, 1,
                        60, 50, 40, 30, 5, 5, 'AMSS', 'ECHO', 'HMLI-26/P-HR-RL/012345', 'Zone d''accès difficile')",
                )
                .bind(sub)
                .bind(pos)
                .bind(sector)
                .bind(code)
                .bind(region)
                .bind(cercle)
                .bind(modality)
                .bind((n % 50) as i64 + 1)
                .bind((n % 40) as i64 + 1)
                .bind((n % 30) as i64 + 1)
                .bind((n % 20) as i64 + 1)
                .execute(&mut *tx)
                .await
                .unwrap();
                n += 1;
                if n == 50_000 {
                    break 'outer;
                }
            }
        }
    }
    tx.commit().await.unwrap();
    ctx.db.close().await;
    let xlsx = dir.path().join("4w.xlsx");
    let (t, peak) = run_measured(
        &["export", "4w", "--month", "2026-10", "--format", "xlsx", "--output", xlsx.to_str().unwrap()],
        &db,
    );
    println!(
        "export: {n} lines → XLSX ({:.1} MiB) in {:.2} s, peak memory of the command {:.1} MiB",
        std::fs::metadata(&xlsx).unwrap().len() as f64 / 1048576.0,
        t.as_secs_f64(),
        peak as f64 / 1024.0
    );
    let csv = dir.path().join("4w.csv");
    let (t, _) = run_measured(
        &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", csv.to_str().unwrap()],
        &db,
    );
    println!(
        "export: {n} lines → CSV ({:.1} MiB) in {:.2} s",
        std::fs::metadata(&csv).unwrap().len() as f64 / 1048576.0,
        t.as_secs_f64()
    );
}

/// The spreadsheet round trip: a template for NRC in CR-MOPTI, then 500 rows typed in and read
/// back with every rule checked (median of 5 reads, in process).
async fn sheet() {
    use cluster_bot::domain::Role;
    use cluster_bot::domain::fivew::SheetColumn as C;
    use cluster_bot::domain::fourw::ReportingMonth;
    use cluster_bot::services::{membership, people, sheet};
    println!("\n## sheet: the 4W template and reading back 500 rows");
    let dir = tempfile::tempdir().unwrap();
    let ctx = ctx_for(&dir.path().join("sheet.db")).await;
    let person = people::identify(&ctx, 900, "Awa", None, Some("fr")).await.unwrap();
    let org = membership::organisation(&ctx, "NRC").await.unwrap();
    let mech = membership::mechanism(&ctx, "CR-MOPTI").await.unwrap();
    let issued = membership::issue_invitation(&ctx, membership::Issuer::CommandLine, &org, &mech, Role::Focal, false)
        .await
        .unwrap();
    let inv = membership::open_invitation(&ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(&ctx, &person, inv.id, None).await.unwrap();
    let access = people::access(&ctx, person).await.unwrap();
    let i18n = cluster_bot::i18n::I18n::load().unwrap();
    let month = ReportingMonth::parse("2026-10").unwrap();
    let t = Instant::now();
    let template =
        sheet::template(&ctx, &i18n, &access, org.id, mech.id, month, cluster_bot::domain::Language::Fr).await.unwrap();
    println!("sheet: template written in {:?} ({} KiB)", t.elapsed(), template.len() / 1024);
    let meta: Vec<(String, String)> = {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(template.clone())).unwrap();
        let range = book.worksheet_range("meta").unwrap();
        range.rows().map(|r| (r[0].to_string(), r.get(1).map(|d| d.to_string()).unwrap_or_default())).collect()
    };
    let mut wb = rust_xlsxwriter::Workbook::new();
    {
        let ws = wb.add_worksheet().set_name("4W").unwrap();
        let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        for r in 1..=500u32 {
            for (c, v) in [
                (C::Sector, "PRO — Protection générale"),
                (C::Activity, "PRO-MON — Monitoring de protection"),
                (C::Region, "ML05 — Mopti"),
                (C::Cercle, if r % 2 == 0 { "ML0507 — Ténenkou" } else { "ML0503 — Djenné" }),
                (C::Status, "en cours"),
                (C::Population, "Personnes déplacées internes (PDI)"),
                (C::Modality, "PRO-GRP — Séance de groupe ou communautaire"),
                (C::Donor, "ECHO"),
                (C::Remarks, "Séances au marché hebdomadaire, zone d'accès difficile"),
            ] {
                ws.write_string(r, c.index() as u16, v).unwrap();
            }
            for c in [C::Start, C::End] {
                let day = if c == C::Start { 1 } else { 31 };
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 10, day).unwrap();
                ws.write_datetime_with_format(r, c.index() as u16, d, &date).unwrap();
            }
            for c in C::Girls.index()..=C::TargetedElderlyMen.index() {
                ws.write_number(r, c as u16, f64::from(r % 7)).unwrap();
            }
        }
        let ws = wb.add_worksheet().set_name("meta").unwrap();
        for (i, (a, b)) in meta.iter().enumerate() {
            ws.write_string(i as u32, 0, a).unwrap();
            ws.write_string(i as u32, 1, b).unwrap();
        }
    }
    let filled = wb.save_to_buffer().unwrap();
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let read = sheet::read(&ctx, &i18n, &access, org.id, mech.id, month, &filled).await.unwrap();
        times.push(t.elapsed());
        match &read {
            sheet::Read::Lines(l) => assert_eq!(l.len(), 500, "every row read"),
            other => panic!("the rows are valid: {:?}", std::mem::discriminant(other)),
        }
    }
    times.sort();
    println!(
        "sheet: 500 rows ({} KiB) read and checked: median {:?}, max {:?}",
        filled.len() / 1024,
        percentile(&times, 0.5),
        times[times.len() - 1]
    );
}

fn main() {
    let which: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let all = which.is_empty();
    let want = |name: &str| all || which.iter().any(|w| w == name);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    println!(
        "# cluster-bot load benchmarks — {} cores, {cpu}",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0)
    );
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        if want("updates") || want("memory") {
            updates_and_memory().await;
        }
        if want("scheduler") {
            scheduler().await;
        }
        if want("export") {
            export().await;
        }
        if want("sheet") {
            sheet().await;
        }
    });
}
