//! 4W review, through the fake Bot API server: the chair returns a line with a
//! comment, the focal point and alternate are told, the focal point corrects the line in the
//! /report dialog and resubmits, the line is "corrected"; a focal point cannot return lines;
//! forged buttons have no effect. Then /wherewho and the who-does-what-where sheet of /export.

use crate::{fake_bot_api, harness};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::{DecisionsMsg, MainMsg, Msg, ReportMsg, SensitivityMsg};
use cluster_bot::storage::reference;
use cluster_bot::storage::reports::{self as store, NewSubmission};
use fake_bot_api::FakeUser;
use harness::TestBot;

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) -> i64 {
    app.member(user, org, mech, role).await
}

fn en(app: &TestBot, msg: Msg) -> String {
    app.t(Language::En, msg)
}

fn october(activity: &str, cercle: &str, women: u32) -> Line {
    Line {
        sector: "PRO".into(),
        activity: activity.into(),
        region: "ML05".into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        reached: Reached { girls: 0, boys: 0, women, men: 0, disabled: 0, ..Default::default() },
        partner: Some("AMSS".into()),
        donor: Some("ECHO".into()),
        remarks: Some("RAS".into()),
        population: Some(cluster_bot::domain::fourw::PopulationGroup::Idp),
        modality: Some("PRO-IND".into()),
        plan_code: Some("HMLI-26".into()),
        ..Default::default()
    }
}

async fn seed(app: &TestBot, org: &str, person_id: i64, lines: &[Line]) {
    let o = reference::organisation_by_acronym(&app.ctx.db, org).await.unwrap().unwrap();
    let m = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    store::submit(
        &app.ctx.db,
        NewSubmission {
            organisation_id: o.id,
            mechanism_id: m.id,
            month: ReportingMonth::parse("2026-10").unwrap(),
            lines,
            no_activity: false,
            late: false,
            person_id,
            now: harness::start_time(),
            boundaries: "2021",
        },
    )
    .await
    .unwrap();
}

async fn october_lines(app: &TestBot) -> Vec<store::ReviewLine> {
    store::review_lines(&app.ctx.db, ReportingMonth::parse("2026-10").unwrap(), None).await.unwrap()
}

#[tokio::test]
async fn the_chair_returns_a_line_and_the_focal_point_corrects_it() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(40, "NrcFocal").language("en");
    let alternate = FakeUser::new(41, "NrcAlt").language("fr");
    let drc = FakeUser::new(42, "DrcFocal").language("en");
    let chair = FakeUser::new(43, "Chair").language("en");
    let focal_id = member(&app, &focal, "NRC", "CR-MOPTI", Role::Focal).await;
    member(&app, &alternate, "NRC", "CR-MOPTI", Role::Alternate).await;
    let drc_id = member(&app, &drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    seed(&app, "NRC", focal_id, &[october("PRO-MON", "ML0507", 10), october("PRO-REF", "ML0503", 20)]).await;
    seed(&app, "DRC/DDG", drc_id, &[october("PRO-MON", "ML0507", 7)]).await;

    // A focal point may not review: refused with a translated message, and its ↩ press has no effect.
    let refused = app.send(&focal, "/review").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));
    let lines = october_lines(&app).await;
    let nrc2 = lines.iter().find(|l| l.org == "NRC" && l.position == 1).unwrap().clone();
    let (answer, after) = app.press(&focal, refused.message_id, &format!("fw:ret:{}", nrc2.id)).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));
    assert!(after.is_empty());
    assert!(october_lines(&app).await.iter().all(|l| l.review_status == "submitted"));

    // The chair's list: three lines, a ↩ button each.
    let list = app.send(&chair, "/review").await;
    let text = list.text.clone().unwrap();
    assert!(text.starts_with("4W review of 10/2026 — CR-MOPTI: 3 line(s) (3 shown)."), "{text}");
    assert!(text.contains("3. NRC (line 2) — Referral — Djenné (ML0503) — 20 people — submitted"), "{text}");
    let data = list.button_data();
    assert_eq!(data.iter().filter(|d| d.starts_with("fw:ret:")).count(), 3, "{data:?}");
    assert!(data.contains(&format!("fw:ret:{}", nrc2.id)));

    // Forged buttons: no effect.
    for forged in ["fw:ret:999999", "fw:fix:999999", "fw:ret:abc"] {
        let (answer, after) = app.press(&chair, list.message_id, forged).await;
        assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::ButtonExpired.into()).as_str()), "{forged}");
        assert!(after.is_empty(), "{forged}");
    }

    // ↩ on NRC's line 2, then a comment with a phone number (refused), then a good one.
    let (answer, after) = app.press(&chair, list.message_id, &format!("fw:ret:{}", nrc2.id)).await;
    assert!(answer.str_param("text").is_none());
    let ask = after.last().unwrap().text.clone().unwrap();
    assert_eq!(
        ask,
        en(
            &app,
            ReportMsg::FwReturnAskComment {
                org: "NRC".into(),
                line: 2,
                activity: "Referral".into(),
                cercle: "Djenné".into(),
                max: 500
            }
            .into()
        )
    );
    let why = app.send(&chair, "Call Moussa on 76 12 34 56").await;
    assert_eq!(why.text.as_deref(), Some(en(&app, ReportMsg::FwPersonalData { kind: "phone".into() }.into()).as_str()));
    assert_eq!(october_lines(&app).await.iter().filter(|l| l.review_status == "returned").count(), 0);
    let done = app.send(&chair, "Women counted twice: 12, not 20?").await;
    assert_eq!(
        done.text.as_deref(),
        Some(en(&app, ReportMsg::FwReturnDone { org: "NRC".into(), line: 2 }.into()).as_str())
    );
    let returned = store::review_line(&app.ctx.db, nrc2.id).await.unwrap().unwrap();
    assert_eq!(returned.review_status, "returned");
    assert_eq!(returned.return_comment.as_deref(), Some("Women counted twice: 12, not 20?"));
    let nrc = reference::organisation_by_acronym(&app.ctx.db, "NRC").await.unwrap().unwrap();
    let sub = store::submission(&app.ctx.db, nrc.id, nrc2.mechanism_id, ReportingMonth::parse("2026-10").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sub.status.as_str(), "returned");
    // Returned once: pressing ↩ again on the old list has no effect.
    let (answer, _) = app.press(&chair, list.message_id, &format!("fw:ret:{}", nrc2.id)).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::ButtonExpired.into()).as_str()));

    // The focal point and the alternate are told (each in their language), DRC/DDG is not.
    app.settle().await;
    let notice_of = |u: &FakeUser| {
        app.fake
            .sent_to(u.id)
            .into_iter()
            .filter(|s| s.text.as_deref().is_some_and(|t| t.starts_with("↩")))
            .collect::<Vec<_>>()
    };
    let mech_en = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap().name_en;
    let notices = notice_of(&focal);
    assert_eq!(notices.len(), 1);
    let expected = format!(
        "{}\n{}",
        en(
            &app,
            ReportMsg::FwReturnedNotice { month: "10/2026".into(), org: "NRC".into(), mechanism: mech_en, line: 2 }
                .into()
        ),
        en(
            &app,
            ReportMsg::FwReturnedWhat {
                activity: "Referral".into(),
                cercle: "Djenné".into(),
                comment: "Women counted twice: 12, not 20?".into(),
            }
            .into()
        )
    );
    assert_eq!(notices[0].text.as_deref(), Some(expected.as_str()));
    assert!(expected.contains("Comment: Women counted twice: 12, not 20?"), "{expected}");
    assert_eq!(notices[0].button_data(), [format!("fw:fix:{}", nrc2.id)]);
    let fr = notice_of(&alternate);
    assert_eq!(fr.len(), 1);
    assert!(fr[0].text.as_deref().unwrap().starts_with("↩ La ligne 2 de la matrice 4W de 10/2026 (NRC,"), "{fr:?}");
    assert!(notice_of(&drc).is_empty());

    // The DRC/DDG focal point cannot open NRC's line.
    let (answer, _) = app.press(&drc, notices[0].message_id, &format!("fw:fix:{}", nrc2.id)).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));

    // The focal point opens the line from the notice, keeps everything but the women, submits.
    let (answer, after) = app.press(&focal, notices[0].message_id, &format!("fw:fix:{}", nrc2.id)).await;
    assert!(answer.str_param("text").is_none());
    let mut q = after.last().unwrap().clone();
    assert_eq!(q.text.as_deref(), Some(en(&app, ReportMsg::FwAskSector.into()).as_str()));
    let women = en(&app, ReportMsg::FwAskCount { field: "women".into() }.into());
    let mut steps = 0;
    while q.text.as_deref() != Some(women.as_str()) {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
        steps += 1;
        assert!(steps < 20, "never reached the women: {:?}", q.text);
    }
    q = app.send(&focal, "12").await;
    while !q.text.as_deref().unwrap_or_default().starts_with("4W matrix of NRC") {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
        steps += 1;
        assert!(steps < 40, "never reached the review: {:?}", q.text);
    }
    let done = app.press_expect_edit(&focal, q.message_id, &harness::button(&q, "fw:sub:")).await;
    assert_eq!(
        done.text.as_deref(),
        Some(en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 2, late: false }.into()).as_str())
    );

    // The corrected line is "corrected" (with the chair's comment kept); the other NRC line and
    // DRC/DDG's stay "submitted"; the submission is "corrected".
    let lines = october_lines(&app).await;
    let nrc_lines: Vec<_> = lines.iter().filter(|l| l.org == "NRC").collect();
    assert_eq!(nrc_lines.len(), 2);
    assert_eq!((nrc_lines[0].review_status.as_str(), nrc_lines[0].total), ("submitted", 10));
    assert_eq!((nrc_lines[1].review_status.as_str(), nrc_lines[1].total), ("corrected", 12));
    assert_eq!(nrc_lines[1].return_comment.as_deref(), Some("Women counted twice: 12, not 20?"));
    assert!(lines.iter().filter(|l| l.org != "NRC").all(|l| l.review_status == "submitted"));
    let s = store::submission(&app.ctx.db, nrc.id, nrc2.mechanism_id, ReportingMonth::parse("2026-10").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.status.as_str(), "corrected");
    // The chair is told that a corrected line came back.
    app.settle().await;
    let told = en(
        &app,
        cluster_bot::i18n::FivewMsg::FwCorrectedNotice {
            org: "NRC".into(),
            mechanism: "Regional cluster Mopti".into(),
            month: "10/2026".into(),
            lines: 1,
        }
        .into(),
    );
    assert!(app.fake.sent_to(chair.id).iter().any(|s| s.text.as_deref() == Some(told.as_str())), "{told}");
    let list = app.send(&chair, "/review 2026-10").await;
    assert!(list.text.unwrap().contains("3. NRC (line 2) — Referral — Djenné (ML0503) — 12 people — corrected"));
    let bad = app.send(&chair, "/review octobre").await;
    assert_eq!(
        bad.text.as_deref(),
        Some(en(&app, ReportMsg::FwBadMonthFor { command: "review".into() }.into()).as_str())
    );
}

#[tokio::test]
async fn wherewho_shows_gaps_and_duplications_and_the_export_has_the_sheet() {
    let app = TestBot::start().await;
    let nrc = FakeUser::new(50, "NrcFocal").language("en");
    let drc = FakeUser::new(51, "DrcFocal").language("en");
    let chair = FakeUser::new(52, "Chair").language("en");
    let nrc_id = member(&app, &nrc, "NRC", "CR-MOPTI", Role::Focal).await;
    let drc_id = member(&app, &drc, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    seed(&app, "NRC", nrc_id, &[october("PRO-MON", "ML0507", 10), october("PRO-REF", "ML0503", 20)]).await;
    seed(&app, "DRC/DDG", drc_id, &[october("PRO-MON", "ML0507", 7)]).await;
    // Mopti has 8 cercles; protection (PRO) is reported in 2 of them: 6 gaps.
    let mopti_cercles = store::units(&app.ctx.db, Some("ML05")).await.unwrap();
    assert_eq!(mopti_cercles.len(), 8);
    let first_gap = mopti_cercles.iter().find(|(p, _)| p != "ML0503" && p != "ML0507").unwrap().clone();

    let refused = app.send(&nrc, "/wherewho").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));

    let reply = app.send(&chair, "/wherewho 2026-10").await;
    let text = reply.text.unwrap();
    let expected_header = en(
        &app,
        ReportMsg::FwWwHeader {
            month: "10/2026".into(),
            scope: "CR-MOPTI".into(),
            orgs: 2,
            cells: 2,
            gaps: 6,
            duplications: 1,
        }
        .into(),
    );
    assert!(text.starts_with(&expected_header), "{text}");
    assert!(text.contains(&en(&app, ReportMsg::FwWwGapsTitle { shown: 5, count: 6 }.into())), "{text}");
    assert!(text.contains(&format!("— {} ({}), Mopti (ML05): nothing in PRO\n", first_gap.1, first_gap.0)), "{text}");
    assert!(text.ends_with("— Ténenkou (ML0507), Mopti (ML05): Protection monitoring by DRC/DDG, NRC"), "{text}");
    assert!(!text.contains("Referral by"), "{text}");
    // Then a gap goes to the agenda of the next meeting in one tap (none is open here).
    let hint_text = en(&app, DecisionsMsg::DcGapHint.into());
    app.fake
        .wait_for(|r| r.method == "sendMessage" && r.str_param("text") == Some(hint_text.as_str()), harness::WAIT)
        .await
        .unwrap();
    let hint = app.fake.sent_to(chair.id).into_iter().rev().find(|s| s.text.as_deref() == Some(&hint_text)).unwrap();
    assert_eq!(hint.button_data().len(), 5, "one button per gap shown");
    let (answer, _) = app.press(&chair, hint.message_id, &hint.button_data()[0]).await;
    assert_eq!(answer.str_param("text"), Some(en(&app, DecisionsMsg::DcNoOpenMeeting.into()).as_str()));
    let empty = app.send(&chair, "/wherewho 2026-09").await;
    assert_eq!(
        empty.text.as_deref(),
        Some(en(&app, ReportMsg::FwWwNone { month: "09/2026".into(), scope: "CR-MOPTI".into() }.into()).as_str())
    );

    // /export: the workbook has the "Who-What-Where" sheet with the same findings.
    let mark = app.fake.mark();
    app.fake.send_text(&chair, "/export 2026-10");
    app.fake
        .wait_for(
            |r| r.seq >= mark && r.method == "sendDocument" && r.chat_id() == Some(chair.id) && r.is_ok(),
            harness::WAIT,
        )
        .await
        .unwrap();
    let doc = app.fake.sent_to(chair.id).into_iter().rev().find(|s| s.method == "sendDocument").unwrap();
    let bytes = doc.document_bytes.unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["4W", "Who-What-Where", "Read me"]);
    let range = wb.worksheet_range("Who-What-Where").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(rows[0][0], "Kind");
    assert_eq!(rows[0][3], "Cercle P-code");
    let kinds = |k: &str| rows.iter().filter(|r| r[0] == k).count();
    assert_eq!((kinds("active"), kinds("gap"), kinds("duplication")), (2, 6, 1));
    let dup = rows.iter().find(|r| r[0] == "duplication").unwrap();
    assert_eq!(dup[1..5], ["ML05", "Mopti", "ML0507", "Ténenkou"]);
    assert_eq!(dup[6], "Protection monitoring (PRO-MON)");
    assert_eq!(dup[7], "DRC/DDG, NRC");
    assert_eq!(dup[8], "2");
    let active = rows.iter().find(|r| r[0] == "active" && r[3] == "ML0507").unwrap();
    assert_eq!((active[5].as_str(), active[7].as_str()), ("PRO", "DRC/DDG, NRC"));
}

/// The exact export is protected and says so; its 📤 button sends the version to share (not
/// protected, small numbers of GBV lines hidden); a forged scope is refused.
#[tokio::test]
async fn the_export_button_sends_the_version_to_share() {
    let app = TestBot::start().await;
    let nrc = FakeUser::new(60, "NrcFocal").language("en");
    let chair = FakeUser::new(62, "Chair").language("en");
    let nrc_id = member(&app, &nrc, "NRC", "CR-MOPTI", Role::Focal).await;
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let gbv = Line { sector: "PRO-GBV".into(), ..october("GBV-CM", "ML0503", 3) };
    seed(&app, "NRC", nrc_id, &[october("PRO-MON", "ML0507", 10), gbv]).await;
    let first_sheet = |bytes: Vec<u8>| -> Vec<String> {
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range_at(0).unwrap().unwrap();
        range.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect()
    };

    let mark = app.fake.mark();
    app.fake.send_text(&chair, "/export 2026-10");
    app.fake
        .wait_for(|r| r.seq >= mark && r.method == "sendDocument" && r.chat_id() == Some(chair.id), harness::WAIT)
        .await
        .unwrap();
    let doc = app.fake.sent_to(chair.id).into_iter().rev().find(|s| s.method == "sendDocument").unwrap();
    assert!(doc.protect_content, "the exact figures are not forwardable");
    let internal = SensitivityMsg::SnLabel { class: "internal".into(), orgs: String::new() };
    assert!(doc.text.as_deref().is_some_and(|t| t.starts_with(&en(&app, internal.into()))), "{:?}", doc.text);
    let exact = first_sheet(doc.document_bytes.clone().unwrap());
    assert!(exact.iter().any(|c| c == "3") && !exact.iter().any(|c| c == "<5"), "{exact:?}");
    let share = harness::button(&doc, "fw:xs:");

    let (answer, after) = app.press(&chair, doc.message_id, &share).await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    let shared = after.into_iter().find(|s| s.method == "sendDocument").expect("the version to share");
    assert!(!shared.protect_content, "the version to share may be forwarded");
    let public = SensitivityMsg::SnLabel { class: "public".into(), orgs: String::new() };
    assert!(shared.text.as_deref().is_some_and(|t| t.starts_with(&en(&app, public.into()))), "{:?}", shared.text);
    let cells = first_sheet(shared.document_bytes.clone().unwrap());
    assert!(cells.iter().any(|c| c == "<5"), "the 3 women of the GBV line: {cells:?}");
    assert!(cells.iter().any(|c| c == "10"), "the monitoring line is exact");

    // The button of another scope, or of someone who is no chair, does nothing.
    let (refused, after) = app.press(&chair, doc.message_id, "fw:xs:202610:0").await;
    assert_eq!(refused.str_param("text"), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));
    assert!(after.iter().all(|s| s.method != "sendDocument"));
    let (refused, _) = app.press(&nrc, doc.message_id, &share).await;
    assert!(refused.str_param("text").is_some());
    let (forged, _) = app.press(&chair, doc.message_id, "fw:xs:202613:0").await;
    assert!(forged.str_param("text").is_some());
}
