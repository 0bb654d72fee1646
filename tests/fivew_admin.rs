//! The 5W administration (real SQLite, the real binary for the command line): admin
//! boundaries as versioned data (a 2023-reform-shaped table and the shipped 2021 one, CSV and
//! XLSX), approval by the chair with the notices it queues, month locks, and HXL hashtags
//! checked against the HXL dictionary.

use crate::fivew;

use chrono::NaiveDate;
use cluster_bot::domain::AppError;
use cluster_bot::domain::fourw::{ActivityStatus, Line, LineError, PopulationGroup, Reached, ReportingMonth};
use cluster_bot::domain::jobs::{FourwMsg, Job, Outgoing};
use cluster_bot::services::approval::{self, Locker};
use cluster_bot::services::reports;
use cluster_bot::storage::boundaries;
use fivew::cli;

const COD_AB_2023: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cod-ab-2023-shaped.csv");
const SHIPPED_2021: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mali-pcodes-2021.csv");

fn october() -> ReportingMonth {
    ReportingMonth::parse("2026-10").unwrap()
}

fn line(region: &str, cercle: &str, women: u32) -> Line {
    Line {
        sector: "PRO".into(),
        activity: "PRO-MON".into(),
        region: region.into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        reached: Reached { women, elderly_women: 2, disabled: 1, ..Default::default() },
        population: Some(PopulationGroup::Idp),
        modality: Some("PRO-GRP".into()),
        ..Default::default()
    }
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}

#[tokio::test]
async fn a_2023_boundary_table_is_imported_and_old_lines_keep_their_2021_pcodes() {
    let w = fivew::world().await;
    let done = reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &[line("ML05", "ML0507", 10)], false)
        .await
        .unwrap();
    assert!(done.is_ok(), "{done:?}");

    let out = stdout(&cli(&w.path, &["pcodes", "import", COD_AB_2023, "--version", "2023"]));
    assert!(out.contains("level 1: P-code column ADM1_PCODE, name column ADM1_FR"), "{out}");
    assert!(out.contains("level 3: P-code column ADM3_PCODE, name column ADM3_FR"), "{out}");
    assert!(out.contains("loaded version 2023: 20 level-1 unit(s), 146 level-2, 292 level-3"), "{out}");
    let list = stdout(&cli(&w.path, &["pcodes", "list"]));
    assert!(list.contains("1\t2021\t10/53/0") && list.contains("2\t2023\t20/146/292") && list.contains("(current)"));
    assert!(list.lines().last().unwrap().contains("2023"), "{list}");
    let again = cli(&w.path, &["pcodes", "import", COD_AB_2023, "--version", "2023"]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("exists already"));

    // New reports are offered the 2023 units; a 2021 P-code is no longer accepted in a new line.
    assert_eq!(boundaries::units(&w.ctx.db, None).await.unwrap().len(), 20);
    assert_eq!(boundaries::units(&w.ctx.db, Some("ML25")).await.unwrap()[0], ("ML2501".into(), "Mopti".into()));
    let drc = fivew::person(&w.ctx, 601, "Dee", "en").await;
    fivew::join(&w.ctx, &drc, "DRC/DDG", "CR-MOPTI", cluster_bot::domain::Role::Focal).await;
    let drc = fivew::access(&w.ctx, &drc).await;
    let drc_org = drc.memberships[0].organisation.id;
    let old = reports::submit(&w.ctx, &drc, drc_org, w.mechanism, october(), &[line("ML05", "ML0507", 1)], false)
        .await
        .unwrap();
    assert_eq!(old.unwrap_err(), (0, LineError::UnknownPlace));
    let mut new = line("ML25", "ML2502", 7);
    new.commune = Some("ML250201".into());
    let bad_commune = Line { commune: Some("ML210101".into()), ..new.clone() };
    let refused = reports::submit(&w.ctx, &drc, drc_org, w.mechanism, october(), &[bad_commune], false).await.unwrap();
    assert_eq!(refused.unwrap_err(), (0, LineError::UnknownPlace), "a commune of another cercle");
    reports::submit(&w.ctx, &drc, drc_org, w.mechanism, october(), &[new], false).await.unwrap().unwrap();

    // The export shows both, each line with the P-codes and version it was reported with.
    let file = w.path.with_file_name("4w.csv");
    let out =
        cli(&w.path, &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", file.to_str().unwrap()]);
    stdout(&out);
    let rows = csv_rows(&std::fs::read(&file).unwrap());
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    let by_org = |org: &str| rows.iter().find(|r| r[col("#org+prog")] == org).unwrap().clone();
    let drc_row = by_org("DRC/DDG");
    let nrc_row = by_org("NRC");
    assert_eq!(
        [&nrc_row[col("#adm1+code")], &nrc_row[col("#adm2+name")], &nrc_row[col("#meta+boundaries")]],
        ["ML05", "Ténenkou", "2021"]
    );
    assert_eq!(
        [&drc_row[col("#adm1+code")], &drc_row[col("#adm2+code")], &drc_row[col("#adm3+code")]],
        ["ML25", "ML2502", "ML250201"]
    );
    assert_eq!(drc_row[col("#adm3+name")], "Mopti 2 commune 1");
    assert_eq!(drc_row[col("#meta+boundaries")], "2023");
    assert_eq!(drc_row[col("#reached+f+elderly+age60plus")], "2");
    assert_eq!(drc_row[col("#group+code")], "IDP");
}

#[tokio::test]
async fn the_shipped_2021_table_and_an_xlsx_cod_ab_import_with_their_columns_detected() {
    let w = fivew::world().await;
    let out = stdout(&cli(&w.path, &["pcodes", "import", SHIPPED_2021, "--version", "2021-ocha"]));
    assert!(out.contains("columns: long form"), "{out}");
    assert!(out.contains("10 level-1 unit(s), 53 level-2, 0 level-3"), "{out}");

    // The same 2023 table as an XLSX workbook with HDX-style column names, next to an adm1 sheet.
    let text = std::fs::read_to_string(COD_AB_2023).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let adm1 = wb.add_worksheet().set_name("mli_adm1").unwrap();
    adm1.write_string(0, 0, "admin1Pcode").unwrap();
    let adm3 = wb.add_worksheet().set_name("mli_adm3").unwrap();
    let header = ["admin0Name_fr", "admin0Pcode", "admin1Name_fr", "admin1Pcode", "admin2Name_fr", "admin2Pcode"];
    for (c, h) in header.iter().enumerate() {
        adm3.write_string(0, c as u16, *h).unwrap();
    }
    for (r, l) in text.lines().skip(1).enumerate() {
        for (c, v) in l.split(',').take(6).enumerate() {
            adm3.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    let file = w.path.with_file_name("cod-ab.xlsx");
    std::fs::write(&file, wb.save_to_buffer().unwrap()).unwrap();
    let out = stdout(&cli(&w.path, &["pcodes", "import", file.to_str().unwrap(), "--version", "2023-xlsx"]));
    assert!(out.contains("sheet: mli_adm3"), "{out}");
    assert!(out.contains("level 2: P-code column admin2Pcode, name column admin2Name_fr"), "{out}");
    assert!(out.contains("20 level-1 unit(s), 146 level-2, 0 level-3"), "{out}");
    assert_eq!(boundaries::current(&w.ctx.db).await.unwrap(), "2023-xlsx");

    // A table without P-code columns: one line, non-zero, nothing loaded.
    let bad = w.path.with_file_name("bad.csv");
    std::fs::write(&bad, "region;name\nMopti;x\n").unwrap();
    let out = cli(&w.path, &["pcodes", "import", bad.to_str().unwrap(), "--version", "bad"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no P-code columns found") && err.contains("region, name"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
    assert_eq!(boundaries::versions(&w.ctx.db).await.unwrap().len(), 3);
}

/// The 4W messages queued for delivery: (person, message).
async fn queued(w: &fivew::World) -> Vec<(i64, FourwMsg)> {
    let payloads: Vec<String> = sqlx::query_scalar("SELECT payload FROM jobs WHERE kind = 'deliver' ORDER BY id")
        .fetch_all(w.ctx.db.pool())
        .await
        .unwrap();
    payloads
        .iter()
        .filter_map(|p| match serde_json::from_str::<Job>(p).unwrap() {
            Job::Deliver { person_id, message: Outgoing::Fourw(m) } => Some((person_id, m)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_chair_approves_is_told_of_corrections_and_a_coordinator_locks_the_month() {
    let w = fivew::world().await;
    let lines = [line("ML05", "ML0507", 10), line("ML05", "ML0503", 20)];
    let sub = reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &lines, false).await.unwrap().unwrap();
    let review = cluster_bot::storage::reports::review_lines(&w.ctx.db, october(), None).await.unwrap();
    reports::return_line(&w.ctx, &w.chair, review[1].id, "20 femmes ?").await.unwrap().unwrap();
    assert!(matches!(approval::approve(&w.ctx, &w.chair, sub.id).await, Err(AppError::ReturnedLinesPending)));
    // The focal point corrects: the chair is told.
    let fixed = [lines[0].clone(), line("ML05", "ML0503", 12)];
    reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &fixed, false).await.unwrap().unwrap();
    let chair = w.chair.person.id;
    assert!(queued(&w).await.contains(&(chair, FourwMsg::Corrected { submission_id: sub.id, lines: 1 })));
    // Neither the focal point nor another mechanism's chair approves; the chair does, once.
    assert!(matches!(approval::approve(&w.ctx, &w.focal, sub.id).await, Err(AppError::NotAllowed)));
    approval::approve(&w.ctx, &w.chair, sub.id).await.unwrap();
    assert!(matches!(approval::approve(&w.ctx, &w.chair, sub.id).await, Err(AppError::NotFound)));
    let told: Vec<i64> = queued(&w)
        .await
        .into_iter()
        .filter(|(_, m)| *m == FourwMsg::Approved { submission_id: sub.id })
        .map(|(p, _)| p)
        .collect();
    assert_eq!(told, [w.focal.person.id, w.alternate.person.id]);
    let matrix = cluster_bot::storage::matrix::matrix(&w.ctx.db, october(), None).await.unwrap();
    assert!(matrix.iter().all(|r| r.approved), "the matrix says which lines are approved");

    // Only coordinators lock; then nothing changes in the month.
    assert!(matches!(
        approval::set_lock(&w.ctx, Locker::Person(&w.chair), october(), true).await,
        Err(AppError::NotAllowed)
    ));
    assert!(approval::set_lock(&w.ctx, Locker::Person(&w.coordinator), october(), true).await.unwrap());
    assert!(!approval::set_lock(&w.ctx, Locker::Person(&w.coordinator), october(), true).await.unwrap());
    let late = reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &lines, false).await;
    assert!(matches!(late, Err(AppError::MonthLocked { month }) if month == "2026-10"));
    let review = cluster_bot::storage::reports::review_lines(&w.ctx.db, october(), None).await.unwrap();
    assert!(matches!(
        reports::return_line(&w.ctx, &w.chair, review[0].id, "encore ?").await,
        Err(AppError::MonthLocked { .. })
    ));
    let (_, still) = reports::existing(&w.ctx, w.org, w.mechanism, october()).await.unwrap().unwrap();
    assert_eq!(still, fixed.map(|l| Line { boundaries: "2021".into(), ..l }), "late edits do not rewrite the month");

    // The command line unlocks and locks again; every change is recorded.
    assert_eq!(stdout(&cli(&w.path, &["month", "unlock", "--month", "2026-10"])).trim(), "2026-10 unlocked");
    assert!(!approval::is_locked(&w.ctx, october()).await.unwrap());
    // Submitting again clears the approval.
    reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &lines, false).await.unwrap().unwrap();
    let matrix = cluster_bot::storage::matrix::matrix(&w.ctx.db, october(), None).await.unwrap();
    assert!(matrix.iter().all(|r| !r.approved));
    stdout(&cli(&w.path, &["month", "lock", "--month", "2026-10"]));
    let status = stdout(&cli(&w.path, &["month", "status", "--month", "2026-10"]));
    let events: Vec<&str> = status.lines().collect();
    assert_eq!(events[0], "2026-10: locked");
    assert!(events[1].contains("\tlock\tchat\tperson "), "{status}");
    assert!(events[2].contains("\tunlock\tcommand_line\t-"), "{status}");
    assert!(events[3].contains("\tlock\tcommand_line\t-"), "{status}");
    let bad = cli(&w.path, &["month", "lock", "--month", "2026-13"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM"));
}

/// Core hashtags of the HXL dictionary (HXL standard 1.1, hxlstandard.org/standard/dictionary).
const HXL_HASHTAGS: &[&str] = &[
    "#access",
    "#activity",
    "#adm1",
    "#adm2",
    "#adm3",
    "#adm4",
    "#adm5",
    "#affected",
    "#beneficiary",
    "#capacity",
    "#cause",
    "#channel",
    "#contact",
    "#country",
    "#crisis",
    "#currency",
    "#date",
    "#delivery",
    "#description",
    "#event",
    "#frequency",
    "#geo",
    "#group",
    "#impact",
    "#indicator",
    "#inneed",
    "#item",
    "#loc",
    "#meta",
    "#modality",
    "#need",
    "#operations",
    "#org",
    "#output",
    "#population",
    "#reached",
    "#region",
    "#respondee",
    "#sector",
    "#service",
    "#severity",
    "#status",
    "#subsector",
    "#targeted",
    "#value",
];

fn valid_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[tokio::test]
async fn the_export_hashtags_are_in_the_hxl_dictionary_and_the_values_in_their_vocabulary() {
    let w = fivew::world().await;
    let lines = [line("ML05", "ML0507", 10), Line { status: ActivityStatus::Completed, ..line("ML05", "ML0503", 3) }];
    reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &lines, false).await.unwrap().unwrap();
    let file = w.path.with_file_name("hxl.csv");
    stdout(&cli(
        &w.path,
        &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", file.to_str().unwrap()],
    ));
    let rows = csv_rows(&std::fs::read(&file).unwrap());
    let tags = &rows[1];
    for tag in tags {
        let mut parts = tag.split('+');
        let hashtag = parts.next().unwrap();
        assert!(HXL_HASHTAGS.contains(&hashtag), "{tag}: {hashtag} is not in the HXL dictionary");
        assert!(valid_name(&hashtag[1..]), "{tag}");
        for attribute in parts {
            assert!(valid_name(attribute), "{tag}: attribute +{attribute}");
        }
    }
    let distinct: std::collections::BTreeSet<_> = tags.iter().collect();
    assert_eq!(distinct.len(), tags.len(), "each column has its own tag");
    let col = |tag: &str| tags.iter().position(|t| t == tag).unwrap();
    let body = &rows[2..rows.len() - 1];
    for r in body {
        assert!(["planned", "active", "complete"].contains(&r[col("#status+code")].as_str()));
        assert!(["IDP", "HST", "RET", "REF", "OTH"].contains(&r[col("#group+code")].as_str()));
        for (i, t) in tags.iter().enumerate() {
            if t.starts_with("#reached") || t.starts_with("#targeted") {
                assert!(r[i].parse::<u64>().is_ok(), "{t} is a number: {}", r[i]);
            }
            if t.starts_with("#date") {
                assert!(NaiveDate::parse_from_str(&r[i], "%Y-%m-%d").is_ok(), "{t} is a date: {}", r[i]);
            }
        }
    }
    assert_eq!(body[1][col("#status+code")], "complete");
    assert_eq!(body[1][col("#status+name")], "achevé", "the label in the member's language beside the code");
}
