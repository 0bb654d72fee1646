//! Charts and the monthly digest from real data (migrated SQLite, storage, services): the PNGs
//! decode, are at most 1,080 px wide and under 200 KB, are not blank (several distinct colours
//! in the plot area, the palette's colours where bars or cells are drawn), carry captions with
//! their figures in French and English; the digest PDF opens (header, pages, end marker).

use crate::figures_data;

use chrono::{DateTime, Duration};
use cluster_bot::charts::{self, Chart, palette};
use cluster_bot::domain::figures::MinutesShare;
use cluster_bot::domain::fourw::ReportingMonth;
use cluster_bot::domain::meeting::RsvpAnswer;
use cluster_bot::domain::{Language, ManualClock};
use cluster_bot::i18n::I18n;
use cluster_bot::services::{Ctx, figures, wherewho};
use cluster_bot::storage::Db;
use std::collections::HashSet;
use std::sync::Arc;

struct Decoded {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

fn decode(chart: &Chart) -> Decoded {
    let mut reader = png::Decoder::new(std::io::Cursor::new(&chart.png)).read_info().expect("a PNG");
    let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut rgb).expect("PNG pixels");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!((info.width, info.height), (chart.width, chart.height));
    rgb.truncate(info.buffer_size());
    Decoded { width: info.width, height: info.height, rgb }
}

impl Decoded {
    /// The distinct colours below the title (the plot area).
    fn colours_below(&self, top: u32) -> HashSet<[u8; 3]> {
        let mut out = HashSet::new();
        for y in top..self.height {
            for x in 0..self.width {
                let i = ((y * self.width + x) * 3) as usize;
                out.insert([self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]);
            }
        }
        out
    }
}

/// The checks every chart must pass; returns the colours of its plot area.
fn check(chart: &Chart) -> HashSet<[u8; 3]> {
    // CHARTS_OUT=dir keeps the pictures to look at them.
    if let Ok(dir) = std::env::var("CHARTS_OUT") {
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        std::fs::write(format!("{dir}/chart-{n:02}-{}.png", chart.height), &chart.png).unwrap();
    }
    assert!(chart.png.len() < 200 * 1024, "{} bytes", chart.png.len());
    let d = decode(chart);
    assert!(d.width <= 1080 && d.width >= 600, "width {}", d.width);
    assert!(d.height >= 200 && d.height <= 2400, "height {}", d.height);
    let colours = d.colours_below(60);
    assert!(colours.len() >= 6, "only {} colours: blank?", colours.len());
    assert!(!chart.caption.trim().is_empty() && chart.caption.chars().count() <= 1024);
    colours
}

fn rgb(c: plotters::style::RGBColor) -> [u8; 3] {
    [c.0, c.1, c.2]
}

async fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.unwrap();
    (dir, db)
}

fn ctx(db: &Db, now: &str) -> Ctx {
    let clock = ManualClock::new(DateTime::parse_from_rfc3339(now).unwrap().to_utc());
    Ctx::new(db.clone(), Arc::new(clock), chrono_tz::Africa::Bamako, Duration::days(14))
}

fn oct() -> ReportingMonth {
    ReportingMonth::parse("2026-10").unwrap()
}

#[tokio::test]
async fn fourw_charts_show_reach_by_region_and_sector_sex_and_age_and_the_trend() {
    let (_dir, db) = db().await;
    let written = figures_data::seed_fourw(&db, oct(), 600, 12, 2, 1).await;
    assert_eq!(written, 600);
    figures_data::seed_fourw(&db, ReportingMonth::parse("2026-08").unwrap(), 100, 5, 1, 1).await;
    let ctx = ctx(&db, "2026-11-10T09:00:00Z");
    let reach = figures::reach(&ctx, oct(), None).await.unwrap();
    assert_eq!(reach.regions().len(), 5, "{:?}", reach.regions());
    assert!(reach.sectors().len() >= 3);
    assert_eq!(reach.history.len(), 7);
    assert_eq!(reach.history[6].1, reach.total());
    assert!(reach.history[4].1 > 0 && reach.history[5].1 == 0, "{:?}", reach.history);
    let i18n = I18n::load().unwrap();
    for lang in Language::ALL {
        let chart = charts::fourw::reach_by_region_sector(&reach, lang, &i18n).unwrap();
        let colours = check(&chart);
        // Stacked bars: one colour per sector, from the palette.
        for c in &palette::SERIES[..reach.sectors().len().min(3)] {
            assert!(colours.contains(&rgb(*c)), "{lang:?}: sector colour {c:?} missing");
        }
        let total = cluster_bot::i18n::number(lang, reach.total());
        assert!(chart.caption.contains(&total), "{}", chart.caption);
        assert!(chart.caption.contains("Mopti"), "{}", chart.caption);

        let chart = charts::fourw::reach_by_sex_age(&reach, lang, &i18n).unwrap();
        let colours = check(&chart);
        for c in [palette::ORANGE, palette::SKY_BLUE, palette::VERMILLION, palette::BLUE] {
            assert!(colours.contains(&rgb(c)), "{lang:?}: group colour {c:?} missing");
        }
        let girls = cluster_bot::i18n::number(lang, reach.sex_age.girls);
        assert!(chart.caption.contains(&girls), "{}", chart.caption);

        let chart = charts::fourw::reach_trend(&reach, lang, &i18n).unwrap();
        let colours = check(&chart);
        assert!(colours.contains(&rgb(palette::BLUE)) && colours.contains(&rgb(palette::SKY_BLUE)));
        assert!(chart.caption.contains("10/2026") && chart.caption.contains("04/2026"), "{}", chart.caption);
    }
    let fr = charts::fourw::reach_by_sex_age(&reach, Language::Fr, &i18n).unwrap().caption;
    let en = charts::fourw::reach_by_sex_age(&reach, Language::En, &i18n).unwrap().caption;
    assert!(fr.contains("Filles") && en.contains("Girls"), "{fr} / {en}");
}

#[tokio::test]
async fn an_empty_month_draws_a_chart_that_says_so() {
    let (_dir, db) = db().await;
    let ctx = ctx(&db, "2026-11-10T09:00:00Z");
    let reach = figures::reach(&ctx, oct(), None).await.unwrap();
    assert_eq!(reach.total(), 0);
    let i18n = I18n::load().unwrap();
    let chart = charts::fourw::reach_by_region_sector(&reach, Language::En, &i18n).unwrap();
    assert!(decode(&chart).width <= 1080);
    assert!(chart.caption.contains(": 0 people"), "{}", chart.caption);
}

#[tokio::test]
async fn who_does_what_where_is_a_heat_map_with_the_gaps_marked() {
    let (_dir, db) = db().await;
    figures_data::seed_fourw(&db, oct(), 300, 6, 1, 1).await;
    let ww = wherewho::of_month(&db, oct(), None).await.unwrap();
    assert!(!ww.gaps.is_empty() && !ww.presence.is_empty());
    let i18n = I18n::load().unwrap();
    for lang in Language::ALL {
        let chart = charts::grids::who_where(&ww, oct(), lang, &i18n).unwrap();
        let colours = check(&chart);
        assert!(colours.contains(&rgb(palette::VERMILLION)), "gaps are marked in vermillion");
        let gaps = cluster_bot::i18n::number(lang, ww.gaps.len() as i64);
        assert!(chart.caption.contains(&format!("{gaps} ")), "{}", chart.caption);
    }
}

#[tokio::test]
async fn attendance_grid_shows_the_last_six_meetings_with_alternates_and_excuses() {
    let (_dir, db) = db().await;
    let first = DateTime::parse_from_rfc3339("2026-05-12T09:00:00Z").unwrap().to_utc();
    for i in 0..8 {
        let marks = [
            ("NRC", Some(true), Some(RsvpAnswer::Focal)),
            ("IRC", Some(i % 2 == 0), Some(if i % 2 == 0 { RsvpAnswer::Alternate } else { RsvpAnswer::Focal })),
            ("DRC/DDG", Some(false), Some(RsvpAnswer::Declined)),
            ("UNHCR", if i < 7 { Some(true) } else { None }, None),
        ];
        figures_data::held_meeting(&db, "CPN", first + Duration::days(28 * i), &marks, None).await;
    }
    let ctx = ctx(&db, "2026-12-20T09:00:00Z");
    let cpn = cluster_bot::storage::reference::mechanism_by_code(&db, "CPN").await.unwrap().unwrap();
    let grid = figures::attendance_grid(&ctx, cpn.id).await.unwrap();
    assert_eq!(grid.meetings.len(), 6);
    assert!(grid.meetings.windows(2).all(|w| w[0] < w[1]), "oldest first");
    use cluster_bot::domain::figures::AttendanceMark::*;
    let row = |org: &str| grid.rows.iter().find(|(o, _)| o == org).unwrap().1.clone();
    assert_eq!(row("DRC/DDG"), vec![Excused; 6]);
    assert_eq!(row("IRC"), vec![Alternate, Absent, Alternate, Absent, Alternate, Absent]);
    assert_eq!(row("UNHCR"), vec![Present, Present, Present, Present, Present, Unknown]);
    let i18n = I18n::load().unwrap();
    let chart = charts::grids::attendance(&grid, ctx.tz, Language::Fr, &i18n).unwrap();
    let colours = check(&chart);
    for c in [palette::BLUE, palette::SKY_BLUE, palette::VERMILLION, palette::YELLOW] {
        assert!(colours.contains(&rgb(c)), "status colour {c:?} missing");
    }
    assert!(chart.caption.contains("NRC 6/6") && chart.caption.contains("IRC 3/6"), "{}", chart.caption);
    assert!(chart.caption.contains("UNHCR 5/5"), "{}", chart.caption);
}

#[test]
fn minutes_chart_has_one_bar_per_mechanism_and_says_the_shares() {
    let shares = vec![
        MinutesShare { mechanism: "CPN".into(), on_time: 5, meetings: 6 },
        MinutesShare { mechanism: "CR-GAO".into(), on_time: 0, meetings: 2 },
        MinutesShare { mechanism: "SC-VBG".into(), on_time: 3, meetings: 3 },
    ];
    let i18n = I18n::load().unwrap();
    let chart = charts::minutes::minutes_shares(&shares, 6, Language::En, &i18n).unwrap();
    let colours = check(&chart);
    assert!(colours.contains(&rgb(palette::GREEN)) && colours.contains(&rgb(palette::VERMILLION)));
    assert!(chart.caption.contains("CPN 83 % (5/6)") && chart.caption.contains("73 % (8/11)"), "{}", chart.caption);
    let empty = charts::minutes::minutes_shares(&[], 6, Language::Fr, &i18n).unwrap();
    assert!(decode(&empty).width <= 1080);
}

/// Pages of a PDF: its page objects.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[tokio::test]
async fn the_digest_of_a_month_is_a_pdf_with_one_page_per_language() {
    let (_dir, db) = db().await;
    figures_data::seed_fourw(&db, oct(), 400, 10, 2, 1).await;
    let start = DateTime::parse_from_rfc3339("2026-10-14T09:00:00Z").unwrap().to_utc();
    let marks = [("NRC", Some(true), None), ("IRC", Some(false), Some(RsvpAnswer::Declined))];
    figures_data::held_meeting(&db, "CPN", start, &marks, Some(Duration::hours(20))).await;
    figures_data::held_meeting(&db, "CR-GAO", start + Duration::days(7), &marks, Some(Duration::hours(100))).await;
    let ctx = ctx(&db, "2026-11-10T09:00:00Z");
    figures_data::member(&ctx, 501, "IRC", "SC-VBG", cluster_bot::domain::Role::Focal).await;
    let digest = figures::digest(&ctx, oct()).await.unwrap();
    assert_eq!(digest.meetings.len(), 2);
    assert_eq!(digest.minutes, (1, 2));
    assert_eq!(digest.actions, (2, 2));
    assert!(digest.gaps > 0);
    assert_eq!(digest.missing, vec![("SC-VBG".to_string(), vec!["IRC".to_string()])]);
    let i18n = I18n::load().unwrap();
    let both = charts::digest::pdf(&digest, &[Language::Fr, Language::En], ctx.tz, &i18n).unwrap();
    assert!(both.starts_with(b"%PDF-"));
    assert!(both.trim_ascii_end().ends_with(b"%%EOF"));
    assert_eq!(pdf_pages(&both), 2);
    let fr = charts::digest::pdf(&digest, &[Language::Fr], ctx.tz, &i18n).unwrap();
    assert_eq!(pdf_pages(&fr), 1, "the digest fits on one page");
    assert!(fr.len() < 1_500_000, "{} bytes", fr.len());
    if let Ok(dir) = std::env::var("CHARTS_OUT") {
        std::fs::write(format!("{dir}/digest.pdf"), &both).unwrap();
        for lang in Language::ALL {
            let c = charts::fourw::reach_by_region_sector(&digest.reach, lang, &i18n).unwrap();
            std::fs::write(format!("{dir}/reach-{}.png", lang.code()), &c.png).unwrap();
        }
    }
}

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn cli(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

#[tokio::test]
async fn the_command_line_writes_the_digest_and_refuses_bad_input_in_one_line() {
    let (dir, db) = db().await;
    figures_data::seed_fourw(&db, oct(), 200, 5, 1, 1).await;
    db.close().await;
    let path = dir.path().join("t.db");
    let out = dir.path().join("digest.pdf");
    let o = out.to_str().unwrap();
    let run = cli(&path, &["digest", "--month", "2026-10", "--lang", "fr", "--output", o]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf_pages(&pdf) == 1);
    let run = cli(&path, &["digest", "--month", "2026-10", "--lang", "both", "--output", o]);
    assert!(run.status.success());
    assert_eq!(pdf_pages(&std::fs::read(&out).unwrap()), 2);
    for (args, expected) in [
        (["--month", "2026-13", "--lang", "fr"], "YYYY-MM"),
        (["--month", "2999-01", "--lang", "fr"], "finished month"),
        (["--month", "2026-10", "--lang", "de"], "fr, en or both"),
    ] {
        let mut all = vec!["digest"];
        all.extend(args);
        all.extend(["--output", o]);
        let run = cli(&path, &all);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success() && err.contains(expected) && err.trim().lines().count() == 1, "{err}");
    }
}

#[tokio::test]
async fn the_monthly_digest_job_queues_one_delivery_per_coordinator_once() {
    use cluster_bot::domain::jobs::{Job, Outgoing};
    let (_dir, db) = db().await;
    let ctx = ctx(&db, "2026-11-10T08:00:00Z");
    let (awa, _) = cluster_bot::services::people::add_coordinator(&ctx, 1001, "Awa").await.unwrap();
    let (moussa, _) = cluster_bot::services::people::add_coordinator(&ctx, 1002, "Moussa").await.unwrap();
    let job = Job::MonthlyDigest { year: 2026, month: 10 };
    let queued = cluster_bot::services::dispatch::fan_out(&ctx, &job).await.unwrap();
    assert_eq!(queued, Ok(2));
    assert_eq!(cluster_bot::services::dispatch::fan_out(&ctx, &job).await.unwrap(), Ok(0), "queued once");
    let mut to: Vec<i64> = cluster_bot::storage::jobs::all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|j| match serde_json::from_str::<Job>(&j.payload).unwrap() {
            Job::Deliver { person_id, message: Outgoing::Digest { year: 2026, month: 10 } } => Some(person_id),
            _ => None,
        })
        .collect();
    to.sort();
    assert_eq!(to, vec![awa.id, moussa.id]);
    let bad = Job::MonthlyDigest { year: 2026, month: 13 };
    assert!(cluster_bot::services::dispatch::fan_out(&ctx, &bad).await.unwrap().is_err());
}

#[tokio::test]
async fn a_requested_chart_is_drawn_only_for_who_may_see_it() {
    use cluster_bot::domain::figures::ChartRequest;
    use cluster_bot::domain::{AppError, Role};
    let (_dir, db) = db().await;
    figures_data::seed_fourw(&db, oct(), 100, 4, 2, 1).await;
    let start = DateTime::parse_from_rfc3339("2026-10-14T09:00:00Z").unwrap().to_utc();
    figures_data::held_meeting(&db, "CPN", start, &[("NRC", Some(true), None)], Some(Duration::hours(5))).await;
    let ctx = ctx(&db, "2026-11-10T09:00:00Z");
    let i18n = I18n::load().unwrap();
    let access = |id: i64| {
        let ctx = ctx.clone();
        async move {
            let person = cluster_bot::storage::people::by_id(&ctx.db, id).await.unwrap().unwrap();
            cluster_bot::services::people::access(&ctx, person).await.unwrap()
        }
    };
    let (coordinator, _) = cluster_bot::services::people::add_coordinator(&ctx, 2001, "Awa").await.unwrap();
    let chair = figures_data::member(&ctx, 2002, "UNHCR", "CPN", Role::Chair).await;
    let focal = figures_data::member(&ctx, 2003, "NRC", "CPN", Role::Focal).await;
    let cpn = cluster_bot::storage::reference::mechanism_by_code(&db, "CPN").await.unwrap().unwrap();
    let gao = cluster_bot::storage::reference::mechanism_by_code(&db, "CR-GAO").await.unwrap().unwrap();
    let all = ChartRequest::Reach { year: 2026, month: 10, mechanism_id: None };
    let of_cpn = ChartRequest::WhoWhere { year: 2026, month: 10, mechanism_id: Some(cpn.id) };
    let grid = ChartRequest::Attendance { mechanism_id: cpn.id };
    let other_grid = ChartRequest::Attendance { mechanism_id: gao.id };
    let cases = [
        (coordinator.id, all, true),
        (coordinator.id, other_grid, true),
        (chair, of_cpn, true),
        (chair, grid, true),
        (chair, ChartRequest::Minutes, true),
        (chair, all, false),
        (chair, other_grid, false),
        (focal, grid, false),
        (focal, of_cpn, false),
        (focal, ChartRequest::Minutes, false),
    ];
    for (person, request, allowed) in cases {
        let a = access(person).await;
        let drawn = charts::draw(&ctx, &a, &request, Language::En, &i18n).await;
        match (allowed, drawn) {
            (true, Ok(chart)) => {
                check(&chart);
            }
            (false, Err(AppError::NotAllowed)) => {}
            (_, other) => panic!("{person} {request:?}: {:?}", other.map(|c| c.caption)),
        }
    }
    let minutes = charts::draw(&ctx, &access(chair).await, &ChartRequest::Minutes, Language::En, &i18n).await.unwrap();
    assert!(minutes.caption.contains("CPN 100 % (1/1)") && !minutes.caption.contains("CR-GAO"), "{}", minutes.caption);
    let bad = ChartRequest::Reach { year: 2026, month: 13, mechanism_id: None };
    assert!(matches!(
        charts::draw(&ctx, &access(coordinator.id).await, &bad, Language::Fr, &i18n).await,
        Err(AppError::NotFound)
    ));
}
