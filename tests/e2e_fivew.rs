//! The 5W through the fake Bot API server, as the "done when" tells it: a 2023-style
//! boundary table imported on the command line; a focal point downloads the template in the
//! chat, fills 35 rows, sends it back, is told that row 12 ends before it starts and row 30
//! has a phone number, fixes them, submits; the chair approves (the focal point and alternate
//! are told); the coordinator locks the month; the export has the new columns, HXL tags and
//! the P-codes of the 2023 version. Also: files refused with their reason.

use crate::{fake_bot_api, fivew, harness};

use cluster_bot::domain::fivew::SheetColumn as C;
use cluster_bot::domain::fourw::ReportingMonth;
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use cluster_bot::storage::reports as store;
use fake_bot_api::{FakeUser, SentMessage};
use fivew::{Typed, data_text, fill, lists, pick, sheet_rows, t};
use harness::{TestBot, button};

const COD_AB_2023: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cod-ab-2023-shaped.csv");
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn en(app: &TestBot, msg: impl Into<Msg>) -> String {
    app.t(Language::En, msg.into())
}

/// One row as picked from the template's drop-downs (2023 boundaries: Mopti is ML25).
fn row(l: &[Vec<String>], n: usize) -> Vec<(usize, Typed)> {
    vec![
        (C::Sector.index(), pick(&l[0], "PRO-GBV")),
        (C::Activity.index(), pick(&l[1], "GBV-PSS")),
        (C::Region.index(), pick(&l[2], "ML25")),
        (C::Cercle.index(), pick(&l[3], "ML2501")),
        (C::Commune.index(), pick(&l[4], "ML250101")),
        (C::Status.index(), t(&l[5][1])),
        (C::Population.index(), t(&l[6][n % 5])),
        (C::Modality.index(), pick(&l[7], "GBV-GRP")),
        (C::Start.index(), Typed::Date(2026, 10, 1)),
        (C::End.index(), Typed::Date(2026, 10, 31)),
        (C::Girls.index(), Typed::Number(n as f64)),
        (C::Boys.index(), Typed::Number(0.0)),
        (C::Women.index(), Typed::Number(10.0)),
        (C::Men.index(), Typed::Number(0.0)),
        (C::ElderlyWomen.index(), Typed::Number(3.0)),
        (C::ElderlyMen.index(), Typed::Number(1.0)),
        (C::Disabled.index(), Typed::Number(2.0)),
        (C::TargetedWomen.index(), Typed::Number(15.0)),
        (C::Remarks.index(), t("Espace sûr du quartier")),
    ]
}

fn set(mut r: Vec<(usize, Typed)>, col: C, v: Typed) -> Vec<(usize, Typed)> {
    r.retain(|(c, _)| *c != col.index());
    r.push((col.index(), v));
    r
}

/// Sends a file and waits for the bot's answer.
async fn send_file(app: &TestBot, user: &FakeUser, name: &str, bytes: Vec<u8>) -> SentMessage {
    let before = app.fake.requests().last().map(|r| r.seq).unwrap_or(0);
    app.fake.send_document(user, name, XLSX, bytes);
    app.next_reply(user.id, before).await
}

/// /report → October → "work in a spreadsheet": the template document.
async fn template(app: &TestBot, user: &FakeUser) -> Vec<u8> {
    let q = app.send(user, "/report").await;
    let start = app.press_expect_edit(user, q.message_id, "fw:mo:202610").await;
    let (answer, after) = app.press(user, start.message_id, &button(&start, "fw:sheet")).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    let doc = after.into_iter().find(|s| s.method == "sendDocument").expect("the template is sent");
    let name = doc.document_name.clone().unwrap_or_default();
    assert!(name.starts_with("4W_") && name.ends_with("_CR-MOPTI_2026-10.xlsx"), "{name}");
    assert!(doc.text.as_deref().unwrap_or_default().contains("at most 500 rows and 2 MB"), "{:?}", doc.text);
    doc.document_bytes.expect("uploaded")
}

#[tokio::test]
async fn a_focal_point_reports_35_lines_by_spreadsheet_the_chair_approves_the_coordinator_locks() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(20, "Awa").language("en");
    let alternate = FakeUser::new(21, "Moussa").language("fr");
    let chair = FakeUser::new(22, "Chair").language("en");
    let coord = FakeUser::new(23, "Coord").language("en");
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&alternate, "NRC", "CR-MOPTI", Role::Alternate).await;
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    cluster_bot::services::people::add_coordinator(&app.ctx, coord.id, "Coord").await.unwrap();

    // The 2023-style boundaries, loaded on the command line while the bot runs.
    let out = fivew::cli(&app.db_path, &["pcodes", "import", COD_AB_2023, "--version", "2023"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let tpl = template(&app, &focal).await;
    let l = lists(&tpl);
    assert_eq!(l[2].len(), 20, "the 2023 regions are offered");
    let mut rows: Vec<_> = (1..=35).map(|n| row(&l, n)).collect();
    rows[10] = set(set(rows[10].clone(), C::Start, Typed::Date(2026, 10, 20)), C::End, Typed::Date(2026, 10, 2));
    rows[28] = set(rows[28].clone(), C::Remarks, t("Call Fatou on +223 76 12 34 56"));
    let answer = send_file(&app, &focal, "4W filled.xlsx", fill(&tpl, &rows, None)).await;
    let text = answer.text.unwrap();
    let expected = [
        en(&app, FivewMsg::FwSheetErrors { count: 2, rows: 35, shown: 2 }),
        en(
            &app,
            FivewMsg::FwSheetErrorLine {
                row: 12,
                column: en(&app, ReportMsg::FwColumn { column: "end".into() }),
                reason: en(&app, FivewMsg::FwCellReason { reason: "end-before-start", max: 0 }),
            },
        ),
        en(
            &app,
            FivewMsg::FwSheetErrorLine {
                row: 30,
                column: en(&app, ReportMsg::FwColumn { column: "remarks".into() }),
                reason: en(&app, FivewMsg::FwCellReason { reason: "phone", max: 0 }),
            },
        ),
    ];
    assert_eq!(text, expected.join("\n"));
    assert!(text.contains("Row 12, column \"End date\": the end is before the start"), "{text}");
    let o = cluster_bot::services::membership::organisation(&app.ctx, "NRC").await.unwrap();
    let m = cluster_bot::services::membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    let october = ReportingMonth::parse("2026-10").unwrap();
    assert!(store::submission(&app.ctx.db, o.id, m.id, october).await.unwrap().is_none(), "nothing saved");

    rows[10] = row(&l, 11);
    rows[28] = row(&l, 29);
    let review = send_file(&app, &focal, "4W fixed.xlsx", fill(&tpl, &rows, None)).await;
    let text = review.text.clone().unwrap();
    assert!(text.starts_with(&en(&app, FivewMsg::FwSheetRead { lines: 35 })), "{text}");
    assert!(text.contains("4W matrix of NRC — CR-MOPTI — 10/2026: 35 line(s)"), "{text}");
    let done = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:sub:")).await;
    assert!(
        done.text
            .unwrap()
            .starts_with(&en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 35, late: false }))
    );
    let sub = store::submission(&app.ctx.db, o.id, m.id, october).await.unwrap().unwrap();
    let lines = store::lines(&app.ctx.db, sub.id).await.unwrap();
    assert_eq!(lines.len(), 35);
    assert!(lines.iter().all(|l| l.boundaries == "2023" && l.commune.as_deref() == Some("ML250101")));

    // The chair approves from /review; the focal point and the alternate are told.
    let list = app.send(&chair, "/review").await;
    let approve = button(&list, "fw:apr:");
    let (answer, after) = app.press(&chair, list.message_id, &approve).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    assert!(after.iter().any(|s| s.text.as_deref()
        == Some(en(&app, FivewMsg::FwApproveDone { org: "NRC".into(), month: "10/2026".into() }).as_str())));
    app.settle().await;
    let notice = |user: &FakeUser, lang: Language| {
        let expected = app.t(
            lang,
            FivewMsg::FwApprovedNotice { org: "NRC".into(), mechanism: String::new(), month: "10/2026".into() }.into(),
        );
        let head = expected.split(" — ").next().unwrap().to_string();
        app.fake.sent_to(user.id).iter().any(|s| s.text.as_deref().is_some_and(|t| t.starts_with(&head)))
    };
    assert!(notice(&focal, Language::En) && notice(&alternate, Language::Fr), "focal point and alternate told");
    let (again, _) = app.press(&chair, list.message_id, &approve).await;
    assert_eq!(again.str_param("text"), Some(en(&app, MainMsg::ButtonExpired).as_str()), "approved once");

    // Only a coordinator locks; then the month is closed to changes.
    let refused = app.send(&chair, "/lock 2026-10").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, MainMsg::NotAllowed).as_str()));
    let locked = app.send(&coord, "/lock 2026-10").await;
    assert_eq!(
        locked.text.as_deref(),
        Some(en(&app, FivewMsg::FwLockDone { month: "10/2026".into(), locked: true, changed: true }).as_str())
    );
    let tpl = template(&app, &focal).await;
    let again = send_file(&app, &focal, "late.xlsx", fill(&tpl, &rows[..3], None)).await;
    let (answer, _) = app.press(&focal, again.message_id, &button(&again, "fw:sub:")).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, FivewMsg::FwMonthLocked { month: "10/2026".into() }).as_str()));
    assert_eq!(store::lines(&app.ctx.db, sub.id).await.unwrap().len(), 35, "the locked month is unchanged");

    // The export: new columns, HXL, the 2023 P-codes, approved.
    let file = app.db_path.with_file_name("4w.xlsx");
    let out = fivew::cli(
        &app.db_path,
        &["export", "4w", "--month", "2026-10", "--format", "xlsx", "--output", file.to_str().unwrap(), "--lang", "en"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sheet = sheet_rows(&std::fs::read(&file).unwrap(), "4W");
    let tags: Vec<String> = sheet[1].iter().map(data_text).collect();
    let col = |tag: &str| tags.iter().position(|t| t == tag).unwrap_or_else(|| panic!("{tag} in {tags:?}"));
    assert_eq!(data_text(&sheet[0][col("#reached+f+elderly+age60plus")]), "Elderly women (60+) reached");
    let first = &sheet[2];
    assert_eq!(data_text(&first[col("#adm1+code")]), "ML25");
    assert_eq!(data_text(&first[col("#adm2+code")]), "ML2501");
    assert_eq!(data_text(&first[col("#adm3+code")]), "ML250101");
    assert_eq!(data_text(&first[col("#meta+boundaries")]), "2023");
    assert_eq!(data_text(&first[col("#meta+approved")]), "yes");
    assert_eq!(data_text(&first[col("#modality+code")]), "GBV-GRP");
    assert_eq!(data_text(&first[col("#status+code")]), "active");
    assert_eq!(sheet.len(), 2 + 35 + 1);
    app.stop().await;
}

#[tokio::test]
async fn files_that_cannot_be_read_are_refused_with_the_reason() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(30, "Awa").language("en");
    let drc = FakeUser::new(31, "Dee").language("en");
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    let drc_template = template(&app, &drc).await;
    let tpl = template(&app, &focal).await;
    let refused = |reason: &'static str, max: usize, org: &str, month: &str| {
        en(&app, FivewMsg::FwSheetRefused { reason, max, org: org.into(), month: month.into() })
    };
    let a = send_file(&app, &focal, "notes.pdf", b"%PDF-1.4".to_vec()).await;
    assert_eq!(a.text.unwrap(), refused("not-spreadsheet", 0, "", ""));
    let l = lists(&tpl);
    let a = send_file(&app, &focal, "drc.xlsx", fill(&drc_template, &[row_2021(&l)], None)).await;
    assert_eq!(a.text.unwrap(), refused("other-template", 0, "DRC/DDG — CR-MOPTI", "10/2026"));
    let many: Vec<_> = (0..501).map(|_| row_2021(&l)).collect();
    let a = send_file(&app, &focal, "big.xlsx", fill(&tpl, &many, None)).await;
    assert_eq!(a.text.unwrap(), refused("too-many-rows", 500, "", ""));
    // Over 2 MB: refused from its size, without downloading it.
    let downloads = app.fake.downloads().len();
    let a = send_file(&app, &focal, "huge.xlsx", vec![b'P'; 2 * 1024 * 1024 + 1]).await;
    assert_eq!(a.text.unwrap(), refused("too-large", 2, "", ""));
    assert_eq!(app.fake.downloads().len(), downloads);
    // Text while the bot waits for the file.
    let a = app.send(&focal, "here it is").await;
    assert_eq!(a.text.unwrap(), en(&app, FivewMsg::FwSheetWaiting));
    app.stop().await;
}

/// A row with the 2021 boundaries (no commune: the commune list is empty).
fn row_2021(l: &[Vec<String>]) -> Vec<(usize, Typed)> {
    vec![
        (C::Sector.index(), pick(&l[0], "PRO —")),
        (C::Activity.index(), pick(&l[1], "PRO-MON")),
        (C::Region.index(), pick(&l[2], "ML05")),
        (C::Cercle.index(), pick(&l[3], "ML0507")),
        (C::Status.index(), t(&l[5][1])),
        (C::Population.index(), t(&l[6][0])),
        (C::Modality.index(), pick(&l[7], "PRO-GRP")),
        (C::Start.index(), Typed::Date(2026, 10, 1)),
        (C::End.index(), Typed::Date(2026, 10, 31)),
        (C::Girls.index(), Typed::Number(1.0)),
        (C::Boys.index(), Typed::Number(1.0)),
        (C::Women.index(), Typed::Number(1.0)),
        (C::Men.index(), Typed::Number(1.0)),
        (C::ElderlyWomen.index(), Typed::Number(0.0)),
        (C::ElderlyMen.index(), Typed::Number(0.0)),
    ]
}
