//! Chart and digest benchmark (prints its figures; nothing is asserted): a month of 5,000 4W
//! lines (and six earlier months of 5,000 lines each for the trend), 40 organisations at the
//! last 6 meetings of a mechanism, minutes of 19 mechanisms. For each chart: the time to read
//! its figures from SQLite and to draw and encode the PNG (median of 5), the PNG's size, and the
//! peak resident memory of the process while drawing it (VmHWM, reset before each chart through
//! /proc/self/clear_refs). Then the same for the digest PDF (both languages).
//! Run: `cargo bench --bench charts`.

#[path = "../tests/support/figures_data.rs"]
mod figures_data;

use chrono::{DateTime, Duration};
use cluster_bot::charts::{self, Chart};
use cluster_bot::domain::fourw::ReportingMonth;
use cluster_bot::domain::meeting::RsvpAnswer;
use cluster_bot::domain::{Language, ManualClock};
use cluster_bot::i18n::I18n;
use cluster_bot::services::{Ctx, figures, wherewho};
use cluster_bot::storage::{Db, reference};
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Resets the peak resident memory to the current one (Linux).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

const RUNS: usize = 5;

async fn measure<F, Fut>(name: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = (StdDuration, StdDuration, usize)>,
{
    let before = status_kib("VmRSS:");
    reset_peak();
    let mut read = Vec::new();
    let mut draw = Vec::new();
    let mut bytes = 0;
    for _ in 0..RUNS {
        let (r, d, b) = f().await;
        read.push(r);
        draw.push(d);
        bytes = b;
    }
    let peak = status_kib("VmHWM:");
    read.sort();
    draw.sort();
    let (r, d) = (read[RUNS / 2], draw[RUNS / 2]);
    println!(
        "| {name} | {:.1} | {:.1} | {:.1} | {} KB | {:.1} MiB (+{:.1}) |",
        r.as_secs_f64() * 1000.0,
        d.as_secs_f64() * 1000.0,
        (r + d).as_secs_f64() * 1000.0,
        bytes / 1024,
        peak as f64 / 1024.0,
        peak.saturating_sub(before) as f64 / 1024.0
    );
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, StdDuration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("bench.db").display())).await.unwrap();
    let month = ReportingMonth::parse("2026-10").unwrap();
    let started = Instant::now();
    let mut m = month;
    for _ in 0..7 {
        figures_data::seed_fourw(&db, m, 5_000, 25, 4, 1).await;
        m = m.previous();
    }
    let first = DateTime::parse_from_rfc3339("2026-05-12T09:00:00Z").unwrap().to_utc();
    let orgs: Vec<String> =
        reference::organisations(&db).await.unwrap().into_iter().take(40).map(|o| o.acronym).collect();
    for i in 0..6 {
        let marks: Vec<(&str, Option<bool>, Option<RsvpAnswer>)> = orgs
            .iter()
            .enumerate()
            .map(|(k, o)| {
                (
                    o.as_str(),
                    Some((k + i) % 4 != 0),
                    Some(if k % 3 == 0 { RsvpAnswer::Alternate } else { RsvpAnswer::Focal }),
                )
            })
            .collect();
        for mech in ["CPN", "CR-GAO", "CR-MOPTI"] {
            let after = Some(Duration::hours(24 + 20 * i as i64));
            figures_data::held_meeting(&db, mech, first + Duration::days(28 * i as i64), &marks, after).await;
        }
    }
    eprintln!("seeded 35,000 4W lines and 18 meetings in {:?}", started.elapsed());

    let clock = ManualClock::new(DateTime::parse_from_rfc3339("2026-11-10T08:00:00Z").unwrap().to_utc());
    let ctx = Ctx::new(db.clone(), Arc::new(clock), chrono_tz::Africa::Bamako, Duration::days(14));
    let i18n = I18n::load().unwrap();
    let lang = Language::Fr;
    let cpn = reference::mechanism_by_code(&db, "CPN").await.unwrap().unwrap();
    println!("| chart | read figures (ms) | draw + PNG (ms) | total (ms) | PNG | peak RSS (growth) |");
    println!("|---|---|---|---|---|---|");
    type Draw = fn(&cluster_bot::domain::figures::Reach, Language, &I18n) -> cluster_bot::domain::AppResult<Chart>;
    let fourw: [(&str, Draw); 3] = [
        ("4W by region × sector", charts::fourw::reach_by_region_sector),
        ("4W by sex and age", charts::fourw::reach_by_sex_age),
        ("4W month vs previous 6", charts::fourw::reach_trend),
    ];
    for (name, draw) in fourw {
        measure(name, || async {
            let t = Instant::now();
            let reach = figures::reach(&ctx, month, None).await.unwrap();
            let read = t.elapsed();
            let (chart, d) = timed(|| draw(&reach, lang, &i18n).unwrap());
            (read, d, chart.png.len())
        })
        .await;
    }
    measure("who does what where", || async {
        let t = Instant::now();
        let ww = wherewho::of_month(&db, month, None).await.unwrap();
        let read = t.elapsed();
        let (chart, d) = timed(|| charts::grids::who_where(&ww, month, lang, &i18n).unwrap());
        (read, d, chart.png.len())
    })
    .await;
    measure("attendance (40 organisations × 6 meetings)", || async {
        let t = Instant::now();
        let grid = figures::attendance_grid(&ctx, cpn.id).await.unwrap();
        let read = t.elapsed();
        let (chart, d) = timed(|| charts::grids::attendance(&grid, ctx.tz, lang, &i18n).unwrap());
        (read, d, chart.png.len())
    })
    .await;
    measure("minutes within 72 h (6 months)", || async {
        let t = Instant::now();
        let shares = figures::minutes_shares(&ctx, 6).await.unwrap();
        let read = t.elapsed();
        let (chart, d) = timed(|| charts::minutes::minutes_shares(&shares, 6, lang, &i18n).unwrap());
        (read, d, chart.png.len())
    })
    .await;
    measure("digest PDF (fr + en pages)", || async {
        let t = Instant::now();
        let digest = figures::digest(&ctx, month).await.unwrap();
        let read = t.elapsed();
        let (pdf, d) = timed(|| charts::digest::pdf(&digest, &Language::ALL, ctx.tz, &i18n).unwrap());
        (read, d, pdf.len())
    })
    .await;
}
