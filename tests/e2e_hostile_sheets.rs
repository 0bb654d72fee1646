//! Hostile spreadsheets through the fake Bot API server: a focal point sends the template back
//! with 1E+20 as a start date and is told which cell; another sends a file with a cell at
//! XFD1048576 and is refused with the reason, in French; meanwhile a third member's /help is
//! answered, and afterwards the bot still reads a good file.

use crate::{fake_bot_api, fivew, harness, hostile_xlsx as hostile};

use cluster_bot::domain::fivew::SheetColumn as C;
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::{FivewMsg, ReportMsg};
use fake_bot_api::{FakeUser, SentMessage};
use fivew::{Typed, pick, t};
use harness::{TestBot, button};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn send_file(app: &TestBot, user: &FakeUser, name: &str, bytes: Vec<u8>) -> SentMessage {
    let before = app.fake.requests().last().map(|r| r.seq).unwrap_or(0);
    app.fake.send_document(user, name, XLSX, bytes);
    app.next_reply(user.id, before).await
}

/// /report → October → "work in a spreadsheet": the template document.
async fn template(app: &TestBot, user: &FakeUser) -> Vec<u8> {
    let q = app.send(user, "/report").await;
    let start = app.press_expect_edit(user, q.message_id, "fw:mo:202610").await;
    let (_, after) = app.press(user, start.message_id, &button(&start, "fw:sheet")).await;
    let doc = after.into_iter().find(|s| s.method == "sendDocument").expect("the template is sent");
    doc.document_bytes.expect("uploaded")
}

fn row(l: &[Vec<String>], start: Typed) -> Vec<(usize, Typed)> {
    vec![
        (C::Sector.index(), pick(&l[0], "PRO —")),
        (C::Activity.index(), pick(&l[1], "PRO-MON")),
        (C::Region.index(), pick(&l[2], "ML05")),
        (C::Cercle.index(), pick(&l[3], "ML0507")),
        (C::Status.index(), t(&l[5][1])),
        (C::Population.index(), t(&l[6][0])),
        (C::Modality.index(), pick(&l[7], "PRO-GRP")),
        (C::Start.index(), start),
        (C::End.index(), Typed::Date(2026, 10, 31)),
        (C::Girls.index(), Typed::Number(1.0)),
        (C::Boys.index(), Typed::Number(1.0)),
        (C::Women.index(), Typed::Number(1.0)),
        (C::Men.index(), Typed::Number(1.0)),
        (C::ElderlyWomen.index(), Typed::Number(0.0)),
        (C::ElderlyMen.index(), Typed::Number(0.0)),
    ]
}

#[tokio::test]
async fn hostile_files_get_a_clear_answer_and_the_bot_serves_everyone() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(40, "Awa").language("en");
    let drc = FakeUser::new(41, "Dee").language("fr");
    let other = FakeUser::new(42, "Oumar").language("en");
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    app.member(&other, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let help = app.send(&other, "/help").await.text.unwrap();

    // 1E+20 as the start date: a row error naming the cell.
    let tpl = template(&app, &focal).await;
    let l = fivew::lists(&tpl);
    let answer = send_file(&app, &focal, "4W.xlsx", fivew::fill(&tpl, &[row(&l, Typed::Number(1e20))], None)).await;
    let en = |m: FivewMsg| app.t(Language::En, m.into());
    let expected = [
        en(FivewMsg::FwSheetErrors { count: 1, rows: 1, shown: 1 }),
        en(FivewMsg::FwSheetErrorLine {
            row: 2,
            column: app.t(Language::En, ReportMsg::FwColumn { column: "start".into() }.into()),
            reason: en(FivewMsg::FwCellReason { reason: "not-a-date", max: 0 }),
        }),
    ];
    let text = answer.text.unwrap();
    assert_eq!(text, expected.join("\n"));
    assert!(text.contains("Row 2, column \"Start date\": this number is not a date"), "{text}");

    // A cell at XFD1048576 behind the right "meta": refused in French with the cell; /help
    // from someone else, sent right after, is answered.
    let tpl = template(&app, &drc).await;
    let meta: String = fivew::sheet_rows(&tpl, "meta")
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            let a = hostile::text_cell(&format!("A{}", r + 1), &fivew::data_text(&cells[0]));
            format!("<row r=\"{}\">{a}</row>", r + 1)
        })
        .collect();
    let far = format!(
        r#"<row r="2">{}</row><row r="1048576">{}</row>"#,
        hostile::text_cell("A2", "PRO"),
        hostile::text_cell("XFD1048576", "x")
    );
    let file = hostile::book(&[("4W", far), ("meta", meta)]);
    let before = app.fake.requests().last().map(|r| r.seq).unwrap_or(0);
    app.fake.send_document(&drc, "far.xlsx", XLSX, file);
    let again = app.send(&other, "/help").await;
    assert_eq!(again.text.unwrap(), help);
    let refused = app.next_reply(drc.id, before).await;
    let expected = app.t(
        Language::Fr,
        FivewMsg::FwSheetBound { bound: "rows", max: 5_000, column: String::new(), cell: "XFD1048576".into() }.into(),
    );
    assert_eq!(refused.text.as_deref(), Some(expected.as_str()));
    assert!(expected.contains("XFD1048576") && expected.contains("5000"), "{expected}");

    // A zip bomb, then a good file: the bot reads the good one.
    let answer = send_file(&app, &focal, "bomb.xlsx", hostile::bomb(&["4W"], 100, None)).await;
    assert_eq!(
        answer.text.unwrap(),
        en(FivewMsg::FwSheetRefused { reason: "not-template", max: 0, org: String::new(), month: String::new() })
    );
    let tpl = template(&app, &focal).await;
    let good = send_file(&app, &focal, "4W.xlsx", fivew::fill(&tpl, &[row(&l, Typed::Date(2026, 10, 1))], None)).await;
    assert!(good.text.unwrap().starts_with(&en(FivewMsg::FwSheetRead { lines: 1 })));
    app.stop().await;
}
