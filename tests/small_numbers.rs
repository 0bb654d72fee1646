//! Small numbers: `cluster-bot export 4w --to-share` shows the counts of people below the
//! threshold in gender-based violence and child protection lines as "<5", hides ("x") what
//! would give them away in the line and in the totals, and says so in the workbook; the
//! internal export keeps the exact figures and says that too.

use calamine::Reader;
use chrono::NaiveDate;
use cluster_bot::domain::fivew::Counts;
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::storage::reports::{self, NewSubmission};
use cluster_bot::storage::{Db, people, reference};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn cli(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(BIN);
    c.args(args).env("DATABASE_URL", db).env_remove("TELOXIDE_TOKEN").env("RUST_LOG", "warn");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn line(activity: &str, sector: &str, cercle: &str, r: [u32; 5], t: [u32; 4]) -> Line {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    Line {
        sector: sector.into(),
        activity: activity.into(),
        region: "ML05".into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: d("2026-10-01"),
        end: d("2026-10-31"),
        reached: Reached { girls: r[0], boys: r[1], women: r[2], men: r[3], disabled: r[4], ..Default::default() },
        targeted: Counts { girls: t[0], boys: t[1], women: t[2], men: t[3], ..Default::default() },
        ..Default::default()
    }
}

/// NRC reports a GBV line in Djenné with 3 girls and 2 persons with disabilities, and a
/// monitoring line; DRC a child protection line with 4 boys.
async fn seed(path: &Path) {
    let db = Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let name = cluster_bot::domain::DisplayName::parse("Awa").unwrap();
    let person = people::get_or_create(&db, 77, &name, cluster_bot::domain::Language::Fr, now).await.unwrap();
    let nrc = reference::organisation_by_acronym(&db, "NRC").await.unwrap().unwrap();
    let drc = reference::organisation_by_acronym(&db, "DRC/DDG").await.unwrap().unwrap();
    let mopti = reference::mechanism_by_code(&db, "CR-MOPTI").await.unwrap().unwrap();
    let nrc_lines = [
        line("GBV-CM", "PRO-GBV", "ML0503", [3, 0, 12, 7, 2], [10, 0, 20, 10]),
        line("PRO-MON", "PRO", "ML0507", [10, 12, 30, 25, 4], [0, 0, 0, 0]),
    ];
    let drc_lines = [line("CPN-CM", "PRO-CPN", "ML0507", [20, 4, 0, 0, 0], [20, 20, 0, 0])];
    for (org, lines) in [(nrc.id, &nrc_lines[..]), (drc.id, &drc_lines[..])] {
        reports::submit(
            &db,
            NewSubmission {
                organisation_id: org,
                mechanism_id: mopti.id,
                month: ReportingMonth::parse("2026-10").unwrap(),
                lines,
                no_activity: false,
                late: false,
                person_id: person.id,
                now,
                boundaries: "2021",
            },
        )
        .await
        .unwrap();
    }
    db.close().await;
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}

fn export(db: &Path, format: &str, extra: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let out_file = db.with_file_name(format!("4w-{}.{format}", extra.len() + env.len()));
    let mut args =
        vec!["export", "4w", "--month", "2026-10", "--format", format, "--output", out_file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = cli(db, &args, env);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(&out_file).unwrap()
}

const REACHED: [&str; 7] = [
    "#reached+f+children+age0_17",
    "#reached+m+children+age0_17",
    "#reached+f+adults+age18_59",
    "#reached+m+adults+age18_59",
    "#reached+f+elderly+age60plus",
    "#reached+m+elderly+age60plus",
    "#reached+total",
];

fn masked(cell: &str) -> bool {
    cell == "x" || cell.starts_with('<')
}

/// No count that is masked stands alone in its line's group or in its column with the total:
/// either none is masked or at least two, so no masked value is the difference of shown ones.
fn assert_unrecoverable(rows: &[Vec<String>]) {
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    let counts: Vec<usize> = (0..rows[1].len())
        .filter(|i| rows[1][*i].starts_with("#reached") || rows[1][*i].starts_with("#targeted"))
        .collect();
    assert_eq!(counts.len(), 15);
    for c in &counts {
        let n = rows[2..].iter().filter(|r| masked(&r[*c])).count();
        assert_ne!(
            n,
            1,
            "column {} has one masked cell: {:?}",
            rows[1][*c],
            rows.iter().map(|r| &r[*c]).collect::<Vec<_>>()
        );
    }
    for r in &rows[2..] {
        let n = REACHED.iter().filter(|t| masked(&r[col(t)])).count();
        assert_ne!(n, 1, "a line's reached group has one masked cell: {r:?}");
    }
}

#[tokio::test]
async fn the_export_to_share_hides_small_numbers_and_what_would_give_them_away() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    seed(&db).await;

    // Internal: exact figures.
    let rows = csv_rows(&export(&db, "csv", &[], &[]));
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    let gbv = rows.iter().position(|r| r[col("#sector+cluster+code")] == "PRO-GBV").unwrap();
    let cpn = rows.iter().position(|r| r[col("#sector+cluster+code")] == "PRO-CPN").unwrap();
    let mon = rows.iter().position(|r| r[col("#sector+cluster+code")] == "PRO").unwrap();
    assert_eq!(rows[gbv][col(REACHED[0])], "3");
    assert_eq!(rows[gbv][col("#reached+disabled")], "2");
    let total = rows.len() - 1;
    assert_eq!(rows[total][col(REACHED[0])], "33");

    // To share: the small counts of the sensitive lines are "<5", the others exact.
    let rows = csv_rows(&export(&db, "csv", &["--to-share"], &[]));
    assert_eq!(rows[gbv][col(REACHED[0])], "<5", "3 girls");
    assert_eq!(rows[gbv][col("#reached+disabled")], "<5");
    assert_eq!(rows[gbv][col(REACHED[2])], "12");
    assert_eq!(rows[gbv][col(REACHED[3])], "x", "the smallest other count of the group, so 3 is not 22 − 12 − 7");
    assert_eq!(rows[gbv][col(REACHED[6])], "22", "the line's total is still shown");
    assert_eq!(rows[cpn][col(REACHED[1])], "<5", "4 boys in a child protection line");
    assert_eq!(rows[mon][col("#reached+disabled")], "4", "a monitoring line is not sensitive");
    assert_eq!(rows[mon][col(REACHED[0])], "10");
    // No cell of a sensitive line shows a number from 1 to 4.
    for r in [gbv, cpn] {
        for tag in rows[1].iter().filter(|t| t.starts_with("#reached") || t.starts_with("#targeted")) {
            let v = &rows[r][col(tag)];
            assert!(!matches!(v.parse::<i64>(), Ok(1..=4)), "{tag} = {v}");
        }
    }
    // The totals: a column with one masked cell has its total hidden too.
    assert_eq!(rows[cpn][col(REACHED[0])], "x", "the 20 girls beside the 4 boys, so 4 is not 24 − 20");
    assert_eq!(rows[total][col(REACHED[1])], "x", "boys: one masked cell, its total would give it");
    assert_eq!(rows[total][col(REACHED[3])], "x", "men: likewise");
    assert_eq!(rows[total][col(REACHED[0])], "33", "girls: two masked cells, neither can be told from the total");
    assert_eq!(rows[total][col("#reached+disabled")], "x");
    assert_eq!(rows[total][col(REACHED[2])], "42", "women: nothing masked, exact");
    assert_unrecoverable(&rows);

    // The threshold is a setting.
    let rows = csv_rows(&export(&db, "csv", &["--to-share"], &[("CLUSTER_SMALL_NUMBERS_THRESHOLD", "10")]));
    assert_eq!(rows[gbv][col(REACHED[3])], "<10", "7 men under a threshold of 10");
    assert_eq!(rows[gbv][col(REACHED[2])], "12");
    assert_unrecoverable(&rows);
    let bad = cli(
        &db,
        &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", "/dev/null"],
        &[("CLUSTER_SMALL_NUMBERS_THRESHOLD", "0")],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("CLUSTER_SMALL_NUMBERS_THRESHOLD"));
}

fn sheet_text(bytes: Vec<u8>, name_hint: &[&str]) -> String {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    let name = names.iter().find(|n| name_hint.contains(&n.as_str())).unwrap_or_else(|| panic!("{names:?}")).clone();
    let range = book.worksheet_range(&name).unwrap();
    range.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn the_workbook_says_whether_its_figures_are_exact_or_may_be_shared() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    seed(&db).await;
    let internal = sheet_text(export(&db, "xlsx", &[], &[]), &["Lisez-moi", "Read me"]);
    assert!(internal.contains("exact"), "{internal}");
    let shared = sheet_text(export(&db, "xlsx", &["--to-share", "--lang", "en"], &[]), &["Read me"]);
    assert!(shared.contains("<5") && shared.contains("x"), "{shared}");
    assert!(!shared.contains("exact figures"), "{shared}");
    // The first sheet of the shared workbook holds no small number of a sensitive line.
    let bytes = export(&db, "xlsx", &["--to-share"], &[]);
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let first = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = first.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.iter().any(|c| c == "<5"), "{cells:?}");
}
