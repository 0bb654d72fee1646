//! The 5W spreadsheet round trip at the service level (real SQLite, real migrations, real
//! XLSX files): the template (drop-downs as Excel data validation, instructions in the
//! member's language, lines so far, identification), reading a filled template back with
//! every problem by row and column, and the refusals.

use crate::fivew;

use cluster_bot::domain::AppError;
use cluster_bot::domain::fivew::{CellError, SheetColumn};
use cluster_bot::domain::fourw::{LineError, PersonalData, PopulationGroup, ReportingMonth};
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::I18n;
use cluster_bot::services::sheet::{self, Read, Refusal};
use fivew::{Typed, data_text, fill, lists, pick, sheet_rows, t};

fn october() -> ReportingMonth {
    ReportingMonth::parse("2026-10").unwrap()
}

/// A complete row as picked from the drop-downs: one Mopti line of protection monitoring.
fn row(l: &[Vec<String>], n: usize) -> Vec<(usize, Typed)> {
    use SheetColumn as C;
    vec![
        (C::Sector.index(), pick(&l[0], "PRO —")),
        (C::Activity.index(), pick(&l[1], "PRO-MON")),
        (C::Region.index(), pick(&l[2], "ML05")),
        (C::Cercle.index(), pick(&l[3], if n.is_multiple_of(2) { "ML0507" } else { "ML0503" })),
        (C::Status.index(), t(&l[5][1])),
        (C::Population.index(), t(&l[6][0])),
        (C::Modality.index(), pick(&l[7], "PRO-GRP")),
        (C::Start.index(), Typed::Date(2026, 10, 1)),
        (C::End.index(), Typed::Date(2026, 10, 31)),
        (C::Girls.index(), Typed::Number(n as f64)),
        (C::Boys.index(), Typed::Number(2.0)),
        (C::Women.index(), Typed::Number(3.0)),
        (C::Men.index(), Typed::Number(4.0)),
        (C::ElderlyWomen.index(), Typed::Number(5.0)),
        (C::ElderlyMen.index(), Typed::Number(6.0)),
        (C::Disabled.index(), Typed::Number(1.0)),
        (C::TargetedWomen.index(), Typed::Number(10.0)),
        (C::Donor.index(), t("ECHO")),
        (C::PlanCode.index(), t("HMLI-26/P-HR-RL/012345")),
        (C::Remarks.index(), t("Séances au marché")),
    ]
}

#[tokio::test]
async fn the_template_has_drop_downs_instructions_in_the_members_language_and_its_identity() {
    let w = fivew::world().await;
    let i18n = I18n::load().unwrap();
    let bytes = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::Fr).await.unwrap();
    // Real Excel data validation on the lines sheet: eight lists, whole numbers, dates, lengths.
    let parts = fivew::xlsx_parts(&bytes);
    let sheet1 = &parts["xl/worksheets/sheet1.xml"];
    // The 2021 boundaries have no communes: no commune list (the 2023-style import adds one).
    assert_eq!(
        sheet1.matches("type=\"list\"").count(),
        7,
        "sector, activity, region, cercle, status, population, modality"
    );
    assert!(
        sheet1.contains("type=\"whole\"") && sheet1.contains("type=\"date\"") && sheet1.contains("type=\"textLength\"")
    );
    assert!(sheet1.contains("lists!$B$1:$B$32"), "the activity list names the catalogue's 32 activities");
    assert_eq!(parts["xl/workbook.xml"].matches("state=\"hidden\"").count(), 2, "lists and meta are hidden");

    let header = &sheet_rows(&bytes, "4W")[0];
    assert_eq!(data_text(&header[0]), "Secteur");
    assert_eq!(data_text(&header[SheetColumn::ElderlyWomen.index()]), "Femmes âgées (60 ans et +) atteintes");
    let l = lists(&bytes);
    assert!(l[0].contains(&"PRO — Protection générale".to_string()), "{:?}", l[0]);
    assert!(l[1].contains(&"PRO-MON — Monitoring de protection".to_string()));
    assert_eq!(l[2].len(), 10, "the regions of the 2021 boundaries");
    assert_eq!(l[6][0], "Personnes déplacées internes (PDI)");
    let instructions: Vec<String> = sheet_rows(&bytes, "Instructions").iter().map(|r| data_text(&r[0])).collect();
    assert!(instructions[0].contains("NRC") && instructions[0].contains("10/2026"), "{instructions:?}");
    assert!(instructions.iter().any(|l| l.contains("0-17") && l.contains("60")), "the age cut-offs are stated");
    let meta: Vec<String> = sheet_rows(&bytes, "meta").iter().map(|r| data_text(&r[0])).collect();
    assert_eq!(meta[1], w.org.to_string());
    assert_eq!(meta[3], "2026-10");

    // The alternate gets it in English; someone of another organisation does not get it.
    let en = sheet::template(&w.ctx, &i18n, &w.alternate, w.org, w.mechanism, october(), Language::En).await.unwrap();
    let instructions: Vec<String> = sheet_rows(&en, "Instructions").iter().map(|r| data_text(&r[0])).collect();
    assert!(instructions[1].starts_with("Fill in one row"), "{instructions:?}");
    assert!(matches!(
        sheet::template(&w.ctx, &i18n, &w.chair, w.org, w.mechanism, october(), Language::Fr).await,
        Err(AppError::NotAllowed)
    ));
}

#[tokio::test]
async fn thirty_five_rows_come_back_with_two_errors_then_clean_and_are_submitted() {
    let w = fivew::world().await;
    let i18n = I18n::load().unwrap();
    let template = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::Fr).await.unwrap();
    let l = lists(&template);
    let mut rows: Vec<Vec<(usize, Typed)>> = (1..=35).map(|n| row(&l, n)).collect();
    // Excel row 12 is the 11th line: its end before its start; row 30: a phone in the remarks.
    rows[10].retain(|(c, _)| *c != SheetColumn::End.index());
    rows[10].push((SheetColumn::End.index(), Typed::Date(2026, 9, 30)));
    rows[10].retain(|(c, _)| *c != SheetColumn::Start.index());
    rows[10].push((SheetColumn::Start.index(), Typed::Date(2026, 10, 5)));
    rows[28].retain(|(c, _)| *c != SheetColumn::Remarks.index());
    rows[28].push((SheetColumn::Remarks.index(), t("Contacter Moussa au 76 12 34 56")));
    let filled = fill(&template, &rows, None);
    match sheet::read(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), &filled).await.unwrap() {
        Read::Errors { errors, rows } => {
            assert_eq!(rows, 35);
            let found: Vec<(u32, SheetColumn, CellError)> =
                errors.into_iter().map(|e| (e.row, e.column, e.error)).collect();
            assert_eq!(
                found,
                [
                    (12, SheetColumn::End, CellError::Line(LineError::EndBeforeStart)),
                    (30, SheetColumn::Remarks, CellError::Line(LineError::PersonalData(PersonalData::Phone))),
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    // Nothing was saved.
    assert!(cluster_bot::services::reports::existing(&w.ctx, w.org, w.mechanism, october()).await.unwrap().is_none());

    rows[10] = row(&l, 11);
    rows[28] = row(&l, 29);
    let fixed = fill(&template, &rows, None);
    let Read::Lines(lines) = sheet::read(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), &fixed).await.unwrap()
    else {
        panic!("the fixed file is accepted")
    };
    assert_eq!(lines.len(), 35);
    let first = &lines[0];
    assert_eq!((first.sector.as_str(), first.activity.as_str()), ("PRO", "PRO-MON"));
    assert_eq!((first.region.as_str(), first.cercle.as_str()), ("ML05", "ML0503"));
    assert_eq!(first.population, Some(PopulationGroup::Idp));
    assert_eq!(first.modality.as_deref(), Some("PRO-GRP"));
    assert_eq!(first.reached.counts().as_array(), [1, 2, 3, 4, 5, 6]);
    assert_eq!((first.reached.disabled, first.targeted.women), (1, 10));
    assert_eq!(first.plan_code.as_deref(), Some("HMLI-26/P-HR-RL/012345"));
    assert_eq!(first.boundaries, "2021");
    let done = cluster_bot::services::reports::submit(&w.ctx, &w.focal, w.org, w.mechanism, october(), &lines, false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.lines, 35);
    let (_, stored) =
        cluster_bot::services::reports::existing(&w.ctx, w.org, w.mechanism, october()).await.unwrap().unwrap();
    assert_eq!(stored, lines, "the lines read are the lines stored");

    // The next template carries the lines so far.
    let again = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::Fr).await.unwrap();
    let shown = sheet_rows(&again, "4W");
    assert_eq!(shown.len(), 36);
    assert_eq!(data_text(&shown[1][SheetColumn::Activity.index()]), "PRO-MON — Monitoring de protection");
    let back = fill(&again, &[], None);
    assert_eq!(
        sheet::read(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), &back).await.unwrap(),
        Read::Refused(Refusal::Empty)
    );
}

#[tokio::test]
async fn every_rule_of_the_dialog_applies_to_a_row() {
    let w = fivew::world().await;
    let i18n = I18n::load().unwrap();
    let template = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::En).await.unwrap();
    let l = lists(&template);
    let set = |mut r: Vec<(usize, Typed)>, col: SheetColumn, v: Option<Typed>| {
        r.retain(|(c, _)| *c != col.index());
        if let Some(v) = v {
            r.push((col.index(), v));
        }
        r
    };
    use SheetColumn as C;
    type Row = Vec<(usize, Typed)>;
    let cases: Vec<(Row, SheetColumn, CellError)> = vec![
        (set(row(&l, 1), C::Activity, Some(t("GBV-DK"))), C::Activity, CellError::ActivityNotInSector),
        (set(row(&l, 1), C::Activity, Some(t("Knitting"))), C::Activity, CellError::NotInList),
        (set(row(&l, 1), C::Modality, Some(t("MIN-INK"))), C::Modality, CellError::ModalityNotInSector),
        (set(row(&l, 1), C::Cercle, Some(t("ML0701"))), C::Cercle, CellError::Line(LineError::CercleNotInRegion)),
        (set(row(&l, 1), C::Region, None), C::Region, CellError::Missing),
        (set(row(&l, 1), C::Population, Some(t("tourists"))), C::Population, CellError::NotInList),
        (
            set(row(&l, 1), C::Girls, Some(t("douze"))),
            C::Girls,
            CellError::Line(LineError::BadCount { max: 1_000_000 }),
        ),
        (
            set(row(&l, 1), C::Disabled, Some(Typed::Number(99.0))),
            C::Disabled,
            CellError::Line(LineError::DisabledAboveTotal { disabled: 99, total: 21 }),
        ),
        (set(row(&l, 1), C::Start, Some(t("31/02/2026"))), C::Start, CellError::Line(LineError::BadDate)),
        (
            set(set(row(&l, 1), C::Start, Some(Typed::Date(2026, 11, 2))), C::End, Some(Typed::Date(2026, 11, 30))),
            C::Start,
            CellError::Line(LineError::OutsideMonth),
        ),
        (
            set(row(&l, 1), C::Donor, Some(t("awa.traore@example.org"))),
            C::Donor,
            CellError::Line(LineError::PersonalData(PersonalData::Email)),
        ),
        (
            set(row(&l, 1), C::Remarks, Some(t(&"x".repeat(501)))),
            C::Remarks,
            CellError::Line(LineError::TooLong { max: 500 }),
        ),
    ];
    for (r, column, error) in cases {
        let filled = fill(&template, &[row(&l, 2), r], None);
        let read = sheet::read(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), &filled).await.unwrap();
        let Read::Errors { errors, .. } = read else { panic!("{column:?}: {read:?}") };
        let found: Vec<_> = errors.iter().map(|e| (e.row, e.column, e.error.clone())).collect();
        assert_eq!(found, [(3, column, error)], "row 2 is fine, row 3 has the problem");
    }
    // Labels of either language, codes and plain names are all understood.
    let mixed = vec![
        (C::Sector.index(), t("PRO")),
        (C::Activity.index(), t("Protection monitoring")),
        (C::Region.index(), t("mopti")),
        (C::Cercle.index(), t("TENENKOU")),
        (C::Status.index(), t("en cours")),
        (C::Population.index(), t("RET")),
        (C::Modality.index(), t("PRO-IND")),
        (C::Start.index(), t("01/10/2026")),
        (C::End.index(), t("2026-10-31")),
        (C::Girls.index(), Typed::Number(1.0)),
        (C::Boys.index(), t("0")),
        (C::Women.index(), t("1 200")),
        (C::Men.index(), Typed::Number(0.0)),
        (C::ElderlyWomen.index(), Typed::Number(0.0)),
        (C::ElderlyMen.index(), Typed::Number(0.0)),
    ];
    let filled = fill(&template, &[mixed], None);
    let Read::Lines(lines) =
        sheet::read(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), &filled).await.unwrap()
    else {
        panic!("plain names are understood")
    };
    assert_eq!((lines[0].cercle.as_str(), lines[0].reached.women), ("ML0507", 1200));
}

#[tokio::test]
async fn files_that_are_not_this_template_are_refused_with_the_reason() {
    let w = fivew::world().await;
    let i18n = I18n::load().unwrap();
    let template = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::Fr).await.unwrap();
    let l = lists(&template);
    let read = |bytes: Vec<u8>| {
        let w = &w;
        let i18n = &i18n;
        async move { sheet::read(&w.ctx, i18n, &w.focal, w.org, w.mechanism, october(), &bytes).await.unwrap() }
    };
    assert_eq!(read(b"%PDF-1.4 not a spreadsheet".to_vec()).await, Read::Refused(Refusal::NotSpreadsheet));
    assert_eq!(read(b"PK\x03\x04 broken".to_vec()).await, Read::Refused(Refusal::NotSpreadsheet));
    let mut big = b"PK\x03\x04".to_vec();
    big.resize(sheet::MAX_BYTES + 1, 0);
    assert_eq!(read(big).await, Read::Refused(Refusal::TooLarge { max_bytes: sheet::MAX_BYTES }));
    let many: Vec<_> = (0..501).map(|n| row(&l, n)).collect();
    assert_eq!(read(fill(&template, &many, None)).await, Read::Refused(Refusal::TooManyRows { max: 500 }));
    let drc = cluster_bot::services::membership::organisation(&w.ctx, "DRC/DDG").await.unwrap();
    let meta = |org: String, name: &str, month: &str| {
        Some(vec![
            ("cluster-bot 4W template v1".into(), String::new()),
            (org, name.into()),
            (w.mechanism.to_string(), "CR-MOPTI".into()),
            (month.into(), String::new()),
        ])
    };
    assert_eq!(
        read(fill(&template, &[row(&l, 1)], meta(drc.id.to_string(), "DRC/DDG", "2026-10"))).await,
        Read::Refused(Refusal::OtherTemplate {
            org: "DRC/DDG".into(),
            mechanism: "CR-MOPTI".into(),
            month: "2026-10".into()
        })
    );
    assert!(matches!(
        read(fill(&template, &[row(&l, 1)], meta(w.org.to_string(), "NRC", "2026-09"))).await,
        Read::Refused(Refusal::OtherTemplate { month, .. }) if month == "2026-09"
    ));
    let foreign = fill(&template, &[row(&l, 1)], Some(vec![("my own sheet".into(), String::new())]));
    assert_eq!(read(foreign).await, Read::Refused(Refusal::NotTemplate));
    // Only the organisation's focal point or alternate may send it.
    let other = fivew::person(&w.ctx, 777, "Other", "fr").await;
    fivew::join(&w.ctx, &other, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    let other = fivew::access(&w.ctx, &other).await;
    assert!(matches!(
        sheet::read(&w.ctx, &i18n, &other, w.org, w.mechanism, october(), &template).await,
        Err(AppError::NotAllowed)
    ));
}
