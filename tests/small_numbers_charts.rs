//! Small numbers in the charts and the digest: what may leave the chairs and coordinators (the
//! digest, forwarded to the inter-cluster meeting) writes a count of gender-based violence or
//! child protection below the threshold as "<5" and hides ("x") what would give it away in the
//! totals; the charts the chairs and coordinators ask for keep the exact figures.

use chrono::{DateTime, Duration, NaiveDate};
use cluster_bot::charts;
use cluster_bot::domain::fivew::Counts;
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::domain::suppression::Shown;
use cluster_bot::domain::{Language, ManualClock};
use cluster_bot::i18n::I18n;
use cluster_bot::services::{Ctx, figures};
use cluster_bot::storage::reports::{self, NewSubmission};
use cluster_bot::storage::{Db, people, reference};
use std::sync::Arc;

fn line(sector: &str, region: &str, cercle: &str, women: u32) -> Line {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    Line {
        sector: sector.into(),
        activity: "PRO-MON".into(),
        region: region.into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: d("2026-10-01"),
        end: d("2026-10-31"),
        reached: Reached { women, ..Default::default() },
        targeted: Counts::default(),
        ..Default::default()
    }
}

fn oct() -> ReportingMonth {
    ReportingMonth::parse("2026-10").unwrap()
}

/// Mopti: 60 people in general protection, 3 GBV survivors in Djenné, 40 children; Gao: 50 in
/// general protection and 20 GBV survivors.
async fn seeded() -> (tempfile::TempDir, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let name = cluster_bot::domain::DisplayName::parse("Awa").unwrap();
    let person = people::get_or_create(&db, 77, &name, Language::Fr, now).await.unwrap();
    let nrc = reference::organisation_by_acronym(&db, "NRC").await.unwrap().unwrap();
    let mopti = reference::mechanism_by_code(&db, "CR-MOPTI").await.unwrap().unwrap();
    let lines = [
        line("PRO", "ML05", "ML0506", 60),
        line("PRO-GBV", "ML05", "ML0503", 3),
        line("PRO-CPN", "ML05", "ML0506", 40),
        line("PRO", "ML07", "ML0701", 50),
        line("PRO-GBV", "ML07", "ML0701", 20),
    ];
    let submission = NewSubmission {
        organisation_id: nrc.id,
        mechanism_id: mopti.id,
        month: oct(),
        lines: &lines,
        no_activity: false,
        late: false,
        person_id: person.id,
        now,
        boundaries: "2021",
    };
    reports::submit(&db, submission).await.unwrap();
    let clock = ManualClock::new(DateTime::parse_from_rfc3339("2026-11-10T09:00:00Z").unwrap().to_utc());
    (dir, Ctx::new(db, Arc::new(clock), chrono_tz::Africa::Bamako, Duration::days(14)))
}

#[tokio::test]
async fn the_digest_writes_a_small_gbv_count_as_below_the_threshold_and_its_totals_cannot_recover_it() {
    let (_dir, ctx) = seeded().await;
    let digest = figures::digest(&ctx, oct()).await.unwrap();
    assert_eq!(digest.small_numbers, Some(5), "the digest leaves the coordinators: small numbers apply");
    let table = digest.reach.shared(5);
    let sectors = digest.reach.sectors();
    let gbv = sectors.iter().position(|s| *s == "PRO-GBV").unwrap();
    assert_eq!(table.cells[0][gbv], Shown::Small, "Mopti's 3 GBV survivors: {table:?}");
    // Whatever is shown, no row and no column holds a single hidden value beside its total.
    for (r, row) in table.cells.iter().enumerate() {
        let hidden = row.iter().filter(|c| c.is_hidden()).count() + usize::from(table.row_totals[r].is_hidden());
        assert_ne!(hidden, 1, "{table:?}");
    }
    for c in 0..sectors.len() {
        let hidden =
            table.cells.iter().filter(|r| r[c].is_hidden()).count() + usize::from(table.column_totals[c].is_hidden());
        assert_ne!(hidden, 1, "{table:?}");
    }
    let i18n = I18n::load().unwrap();
    for lang in Language::ALL {
        let chart =
            charts::fourw::reach_by_region_sector_for(&digest.reach, digest.small_numbers, lang, &i18n).unwrap();
        let caption = &chart.caption;
        // GBV total 23 and child protection total 40 would give the 3 away (23 − 20, 103 − 60 − 40).
        assert!(caption.contains("PRO-GBV x") && caption.contains("PRO-CPN x"), "{caption}");
        assert!(!caption.contains("23") && !caption.contains(" 40"), "{caption}");
        assert!(caption.contains("Mopti 103") && caption.contains("Gao 70"), "{caption}");
        assert!(caption.contains("173"), "the grand total is two hidden values at least: {caption}");
    }
    let pdf = charts::digest::pdf(&digest, &[Language::Fr, Language::En], ctx.tz, &i18n).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[tokio::test]
async fn the_threshold_is_the_setting_and_the_chairs_charts_keep_the_exact_figures() {
    let (_dir, ctx) = seeded().await;
    let ctx = ctx.with_small_numbers(25);
    let digest = figures::digest(&ctx, oct()).await.unwrap();
    assert_eq!(digest.small_numbers, Some(25));
    let table = digest.reach.shared(25);
    let gbv = digest.reach.sectors().iter().position(|s| *s == "PRO-GBV").unwrap();
    assert_eq!(table.cells[1][gbv], Shown::Small, "Gao's 20 are below 25: {table:?}");
    let i18n = I18n::load().unwrap();
    let shared = charts::fourw::reach_by_region_sector_for(&digest.reach, Some(25), Language::En, &i18n).unwrap();
    assert!(shared.caption.contains("PRO-GBV <25") && shared.caption.contains("PRO x"), "{}", shared.caption);
    // A chair's or coordinator's chart (what `charts::draw` draws for them) is exact.
    let exact = charts::fourw::reach_by_region_sector(&digest.reach, Language::En, &i18n).unwrap();
    assert!(exact.caption.contains("PRO-GBV 23") && exact.caption.contains("PRO-CPN 40"), "{}", exact.caption);
}
