//! Charts in the chat and the monthly digest, through the fake Bot API server: after the 4W
//! deadline the chair and the coordinators get the matrix followed by the chart of reach by
//! region and sector (sendPhoto, protected, caption in their language); "📊" under /attendance,
//! /export, /wherewho and /missing queues the chart through the delivery path; a forged "📊"
//! is refused; on the 10th every coordinator gets the bilingual digest as a PDF they may
//! forward, and nobody else does.

use crate::{fake_bot_api, figures_data, harness};

use chrono::{Duration, NaiveDate};
use cluster_bot::domain::Language;
use cluster_bot::domain::Role;
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::domain::meeting::RsvpAnswer;
use cluster_bot::i18n::{ChartsMsg, MainMsg};
use cluster_bot::storage::reference;
use cluster_bot::storage::reports::{self as store, NewSubmission};
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};

fn line(month: ReportingMonth, sector: &str, activity: &str, cercle: &str, women: u32, girls: u32) -> Line {
    Line {
        sector: sector.into(),
        activity: activity.into(),
        region: "ML05".into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: month.first_day(),
        end: month.last_day(),
        reached: Reached { girls, boys: 0, women, men: 0, elderly_women: 0, elderly_men: 0, disabled: 0 },
        partner: None,
        donor: Some("ECHO".into()),
        remarks: None,
        population: None,
        modality: None,
        targeted: Default::default(),
        commune: None,
        plan_code: None,
        boundaries: String::new(),
    }
}

async fn seed(app: &TestBot, org: &str, person_id: i64, month: &str, lines: &[Line]) {
    let o = reference::organisation_by_acronym(&app.ctx.db, org).await.unwrap().unwrap();
    let m = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let s = NewSubmission {
        organisation_id: o.id,
        mechanism_id: m.id,
        month: ReportingMonth::parse(month).unwrap(),
        lines,
        no_activity: false,
        late: false,
        person_id,
        now: harness::start_time(),
        boundaries: "2021",
    };
    store::submit(&app.ctx.db, s).await.unwrap();
}

/// The PNG's width and height, after decoding all of it.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    (info.width, info.height)
}

fn photos(app: &TestBot, user: &FakeUser) -> Vec<SentMessage> {
    app.fake.sent_to(user.id).into_iter().filter(|s| s.method == "sendPhoto").collect()
}

fn check_photo(p: &SentMessage) {
    assert!(p.protect_content, "a chart is protected like its data");
    let bytes = p.document_bytes.as_ref().expect("the picture was uploaded");
    assert!(bytes.len() < 200 * 1024);
    let (w, _) = png_size(bytes);
    assert!(w <= 1080, "width {w}");
}

/// Presses a "📊" and waits for `count` photos to arrive; returns them.
async fn press_chart(
    app: &TestBot,
    user: &FakeUser,
    msg: &SentMessage,
    prefix: &str,
    count: usize,
) -> Vec<SentMessage> {
    let before = photos(app, user).len();
    let data = button(msg, prefix);
    let (answer, _) = app.press(user, msg.message_id, &data).await;
    let coming = app.t(user_lang(user), ChartsMsg::ChartComing.into());
    assert_eq!(answer.str_param("text"), Some(coming.as_str()));
    app.settle().await;
    let deadline = std::time::Instant::now() + harness::WAIT;
    while photos(app, user).len() < before + count {
        assert!(std::time::Instant::now() < deadline, "no chart after pressing {data}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    photos(app, user).into_iter().skip(before).collect()
}

fn user_lang(u: &FakeUser) -> Language {
    Language::from_client(u.language_code.as_deref())
}

#[tokio::test]
async fn after_the_deadline_the_chair_gets_the_matrix_with_its_chart_and_taps_for_the_attendance_grid() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(40, "Chair").language("en");
    let coordo = FakeUser::new(41, "Coordo").language("fr");
    let nrc = FakeUser::new(42, "NrcFocal").language("en");
    let drc = FakeUser::new(43, "DrcFocal").language("fr");
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let nrc_id = app.member(&nrc, "NRC", "CR-MOPTI", Role::Focal).await;
    app.member(&drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    cluster_bot::services::people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    let nov = ReportingMonth::parse("2026-11").unwrap();
    let lines = [line(nov, "PRO", "PRO-MON", "ML0507", 1200, 300), line(nov, "PRO-GBV", "GBV-CM", "ML0501", 400, 0)];
    seed(&app, "NRC", nrc_id, "2026-11", &lines).await;
    // Two meetings already held, with attendance and answers.
    let start = harness::start_time() - Duration::days(40);
    for (i, (nrc_mark, drc_answer)) in
        [(true, RsvpAnswer::Declined), (false, RsvpAnswer::Focal)].into_iter().enumerate()
    {
        let marks = [("NRC", Some(nrc_mark), None), ("DRC/DDG", Some(false), Some(drc_answer))];
        figures_data::held_meeting(&app.ctx.db, "CR-MOPTI", start + Duration::days(14 * i as i64), &marks, None).await;
    }

    // 1 December 08:00: the window of November opens; 6 December 08:00: the matrix goes out.
    app.advance(Duration::days(29) - Duration::hours(1));
    app.settle().await;
    app.settle().await;
    app.advance(Duration::days(5));
    app.settle().await;
    app.settle().await;
    for (u, start) in [
        (&chair, "4W November 2026: 1,900 people reached"),
        (&coordo, "4W novembre 2026 : 1\u{202f}900 personnes atteintes"),
    ] {
        let sent = app.fake.sent_to(u.id);
        let matrix = sent
            .iter()
            .position(|s| s.method == "sendDocument" && s.document_name.as_deref() == Some("4W_2026-11_CR-MOPTI.xlsx"));
        let chart = sent.iter().position(|s| s.method == "sendPhoto");
        let (Some(matrix), Some(chart)) = (matrix, chart) else { panic!("matrix and chart expected: {sent:?}") };
        assert!(chart > matrix, "the chart follows the matrix");
        let photo = &sent[chart];
        check_photo(photo);
        let caption = photo.text.clone().unwrap();
        assert!(caption.starts_with(start), "{caption}");
        assert!(caption.contains("Mopti") && caption.contains("PRO-GBV"), "{caption}");
    }
    for u in [&nrc, &drc] {
        assert!(photos(&app, u).is_empty(), "focal points get no matrix chart");
    }

    // /attendance: one "📊" per mechanism; the grid of the last meetings comes as a photo.
    let list = app.send(&chair, "/attendance").await;
    let grid = press_chart(&app, &chair, &list, "ch:a:", 1).await;
    check_photo(&grid[0]);
    let caption = grid[0].text.clone().unwrap();
    assert!(caption.starts_with("Attendance CR-MOPTI, last 2 meetings"), "{caption}");
    assert!(caption.contains("NRC 1/2") && caption.contains("DRC/DDG 0/2"), "{caption}");

    // A forged "📊" from a focal point is refused, and nothing is sent.
    let forged = button(&list, "ch:a:");
    let (answer, _) = app.press(&nrc, list.message_id, &forged).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    app.settle().await;
    assert!(photos(&app, &nrc).is_empty());

    // /export: the "📊" under the spreadsheet sends the three 4W charts.
    let before = app.fake.sent_to(chair.id).len();
    let mark = app.fake.mark();
    app.fake.send_text(&chair, "/export 2026-11");
    app.fake
        .wait_for(
            |r| r.seq >= mark && r.method == "sendDocument" && r.chat_id() == Some(chair.id) && r.is_ok(),
            harness::WAIT,
        )
        .await
        .unwrap();
    let doc = app.fake.sent_to(chair.id).into_iter().skip(before).find(|s| s.method == "sendDocument").unwrap();
    let three = press_chart(&app, &chair, &doc, "ch:r:2026-11:", 3).await;
    let captions: Vec<String> = three.iter().map(|p| p.text.clone().unwrap()).collect();
    three.iter().for_each(check_photo);
    assert!(captions.iter().any(|c| c.contains("Girls 300")), "{captions:?}");
    assert!(captions.iter().any(|c| c.contains("average of the previous 6 months")), "{captions:?}");
}

#[tokio::test]
async fn on_the_tenth_every_coordinator_gets_the_bilingual_digest_to_forward() {
    let app = TestBot::start().await;
    let fr = FakeUser::new(50, "Awa").language("fr");
    let en = FakeUser::new(51, "Jane").language("en");
    let chair = FakeUser::new(52, "Chair").language("en");
    let focal = FakeUser::new(53, "Focal").language("fr");
    for (u, lang) in [(&fr, Language::Fr), (&en, Language::En)] {
        let (p, _) = cluster_bot::services::people::add_coordinator(&app.ctx, u.id, &u.first_name).await.unwrap();
        cluster_bot::storage::people::set_language(&app.ctx.db, p.id, lang).await.unwrap();
    }
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let focal_id = app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    let oct = ReportingMonth::parse("2026-10").unwrap();
    seed(&app, "NRC", focal_id, "2026-10", &[line(oct, "PRO", "PRO-MON", "ML0507", 50, 10)]).await;
    let held = NaiveDate::from_ymd_opt(2026, 10, 13).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc();
    let marks = [("NRC", Some(true), Some(RsvpAnswer::Focal))];
    figures_data::held_meeting(&app.ctx.db, "CR-MOPTI", held, &marks, Some(Duration::hours(30))).await;

    // 10 November 08:00 in Bamako: the digest of October.
    app.advance(Duration::days(8) - Duration::hours(1));
    app.settle().await;
    app.settle().await;
    for (u, caption) in
        [(&fr, "Synthèse du Cluster Protection — octobre 2026."), (&en, "Protection Cluster digest — October 2026.")]
    {
        let docs: Vec<SentMessage> =
            app.fake.sent_to(u.id).into_iter().filter(|s| s.method == "sendDocument").collect();
        assert_eq!(docs.len(), 1, "one digest");
        let d = &docs[0];
        assert!(!d.protect_content, "the digest may be forwarded");
        assert_eq!(d.document_name.as_deref(), Some("cluster-protection-mali-2026-10.pdf"));
        assert!(d.text.as_deref().unwrap().starts_with(caption), "{:?}", d.text);
        let pdf = d.document_bytes.as_ref().unwrap();
        assert!(pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"));
        let text = String::from_utf8_lossy(pdf);
        assert_eq!(
            text.matches("/Type /Page").count() - text.matches("/Type /Pages").count(),
            2,
            "one page per language"
        );
    }
    for u in [&chair, &focal] {
        assert!(app.fake.sent_to(u.id).iter().all(|s| s.method != "sendDocument"), "only coordinators get the digest");
    }

    // /wherewho and /missing offer their charts too.
    app.fake.send_text(&chair, "/wherewho");
    let offer = wait_offer(&app, &chair, 0).await;
    let ww = press_chart(&app, &chair, &offer, "ch:w:2026-10:", 1).await;
    check_photo(&ww[0]);
    assert!(
        ww[0].text.as_deref().unwrap().starts_with("Who does what where, October 2026: 1 active organisations"),
        "{:?}",
        ww[0].text
    );
    app.fake.send_text(&chair, "/missing");
    let offer = wait_offer(&app, &chair, 1).await;
    let minutes = press_chart(&app, &chair, &offer, "ch:m", 1).await;
    check_photo(&minutes[0]);
    assert!(minutes[0].text.as_deref().unwrap().contains("CR-MOPTI 100 % (1/1)"), "{:?}", minutes[0].text);
}

/// Waits for a new "See it as a chart:" message with its "📊" button (after `seen` of them).
async fn wait_offer(app: &TestBot, user: &FakeUser, seen: usize) -> SentMessage {
    let offer = app.t(user_lang(user), ChartsMsg::ChartOffer.into());
    let deadline = std::time::Instant::now() + harness::WAIT;
    loop {
        let offers: Vec<SentMessage> =
            app.fake.sent_to(user.id).into_iter().filter(|s| s.text.as_deref() == Some(offer.as_str())).collect();
        if offers.len() > seen {
            return offers[seen].clone();
        }
        assert!(std::time::Instant::now() < deadline, "no chart offer");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
