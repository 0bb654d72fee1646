//! 4W: the /report dialog through the fake Bot API server (a wrong answer at every
//! typed step, a restart in the middle, review, edit, delete, submit, /cancel), "same as last
//! month", "no activity", late submissions, and the reporting cycle (reminders only to
//! non-submitters, the post-deadline matrix to the chair and the coordinators).

use crate::{fake_bot_api, harness};

use chrono::{Duration, NaiveDate};
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::domain::{Language, Role};
use cluster_bot::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use cluster_bot::storage::reference;
use cluster_bot::storage::reports::{self as store, NewSubmission};
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) {
    app.member(user, org, mech, role).await;
}

fn en(app: &TestBot, msg: Msg) -> String {
    app.t(Language::En, msg)
}

async fn submission_lines(app: &TestBot, org: &str, mech: &str, month: &str) -> Option<(store::Submission, Vec<Line>)> {
    let o = reference::organisation_by_acronym(&app.ctx.db, org).await.unwrap().unwrap();
    let m = reference::mechanism_by_code(&app.ctx.db, mech).await.unwrap().unwrap();
    let s = store::submission(&app.ctx.db, o.id, m.id, ReportingMonth::parse(month).unwrap()).await.unwrap()?;
    let lines = store::lines(&app.ctx.db, s.id).await.unwrap();
    Some((s, lines))
}

/// Sends a wrong answer and checks that the explanation comes with the same question again.
async fn wrong(app: &TestBot, user: &FakeUser, text: &str, why: Msg, question: &str) {
    let reply = app.send(user, text).await;
    let got = reply.text.unwrap();
    assert!(got.starts_with(&en(app, why)), "after {text:?}: {got}");
    assert!(got.ends_with(question), "the same question again after {text:?}: {got}");
}

#[tokio::test]
async fn a_focal_point_reports_two_lines_despite_wrong_answers_and_a_restart() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(10, "Awa").language("en");
    member(&app, &focal, "NRC", "CR-MOPTI", Role::Focal).await;

    // Today is 2 November 2026: October is open.
    let q = app.send(&focal, "/report").await;
    assert_eq!(q.text.as_deref(), Some(en(&app, ReportMsg::FwChooseMonth { month: "10/2026".into() }.into()).as_str()));
    assert_eq!(q.button_data()[..2], ["fw:mo:202610", "fw:mo:202609"]);
    let start = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    assert!(start.text.unwrap().starts_with("4W matrix of NRC — CR-MOPTI — 10/2026\nNot submitted yet."));
    let sector_q = app.press_expect_edit(&focal, start.message_id, "fw:add").await;
    let sector_text = en(&app, ReportMsg::FwAskSector.into());
    assert_eq!(sector_q.text.as_deref(), Some(sector_text.as_str()));
    // A typed answer where a button is expected, a forged and a stale button: no effect.
    wrong(&app, &focal, "protection", MainMsg::FreeTextHint.into(), &sector_text).await;
    let (answer, _) = app.press(&focal, sector_q.message_id, "fw:sec:99").await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::ButtonExpired.into()).as_str()));
    let (answer, _) = app.press(&focal, sector_q.message_id, "fw:sub").await;
    assert_eq!(answer.str_param("text"), Some(en(&app, MainMsg::ButtonExpired.into()).as_str()));
    let activity_q = app.press_expect_edit(&focal, sector_q.message_id, "fw:sec:0").await;
    assert_eq!(
        activity_q.text.as_deref(),
        Some(en(&app, ReportMsg::FwAskActivity { sector: "PRO".into() }.into()).as_str())
    );
    let region_q = app.press_expect_edit(&focal, activity_q.message_id, &button(&activity_q, "fw:act:")).await;
    let region_text = en(&app, ReportMsg::FwAskRegion.into());
    assert_eq!(region_q.text.as_deref(), Some(region_text.as_str()));
    assert_eq!(region_q.button_data().iter().filter(|d| d.starts_with("fw:reg:")).count(), 10);
    wrong(&app, &focal, "Atlantis", ReportMsg::FwUnknownPlace.into(), &region_text).await;
    let cercle_q = app.send(&focal, "  MOPTI ").await;
    let cercle_text = en(&app, ReportMsg::FwAskCercle { region: "Mopti".into() }.into());
    assert_eq!(cercle_q.text.as_deref(), Some(cercle_text.as_str()));
    assert_eq!(cercle_q.button_data().iter().filter(|d| d.starts_with("fw:cer:")).count(), 8);
    wrong(&app, &focal, "Gao", ReportMsg::FwCercleNotInRegion { region: "Mopti".into() }.into(), &cercle_text).await;
    wrong(&app, &focal, "Nowhere", ReportMsg::FwUnknownPlace.into(), &cercle_text).await;
    let status_q = app.send(&focal, "TENENKOU").await;
    assert_eq!(status_q.text.as_deref(), Some(en(&app, ReportMsg::FwAskStatus.into()).as_str()));
    let pop_q = app.press_expect_edit(&focal, status_q.message_id, "fw:st:o").await;
    assert_eq!(pop_q.text.as_deref(), Some(en(&app, FivewMsg::FwAskPopulation.into()).as_str()));
    assert!(!pop_q.button_data().contains(&"fw:same".to_string()), "no line above yet");
    let modality_q = app.press_expect_edit(&focal, pop_q.message_id, "fw:pop:0").await;
    assert_eq!(
        modality_q.text.as_deref(),
        Some(en(&app, FivewMsg::FwAskModality { sector: "PRO".into() }.into()).as_str())
    );
    let start_q = app.press_expect_edit(&focal, modality_q.message_id, &button(&modality_q, "fw:mod:")).await;
    let start_text = en(&app, ReportMsg::FwAskStart { month: "10/2026".into() }.into());
    assert_eq!(start_q.text.as_deref(), Some(start_text.as_str()));
    wrong(&app, &focal, "31/02/2026", ReportMsg::FwBadDate.into(), &start_text).await;
    wrong(&app, &focal, "01/11/2026", ReportMsg::FwOutsideMonth { month: "10/2026".into() }.into(), &start_text).await;
    let end_q = app.send(&focal, "01/10/2026").await;
    let end_text = en(&app, ReportMsg::FwAskEnd.into());
    assert_eq!(end_q.text.as_deref(), Some(end_text.as_str()));

    app.restart().await; // the draft is kept

    wrong(&app, &focal, "30/09/2026", ReportMsg::FwEndBeforeStart { start: "01/10/2026".into() }.into(), &end_text)
        .await;
    wrong(&app, &focal, "someday", ReportMsg::FwBadDate.into(), &end_text).await;
    let girls_q = app.send(&focal, "31/10/2026").await;
    let girls_text = en(&app, ReportMsg::FwAskCount { field: "girls".into() }.into());
    assert_eq!(girls_q.text.as_deref(), Some(girls_text.as_str()));
    wrong(&app, &focal, "-3", ReportMsg::FwBadCount { max: 1_000_000 }.into(), &girls_text).await;
    wrong(&app, &focal, "twelve", ReportMsg::FwBadCount { max: 1_000_000 }.into(), &girls_text).await;
    wrong(&app, &focal, "2.5", ReportMsg::FwBadCount { max: 1_000_000 }.into(), &girls_text).await;
    app.send(&focal, "12").await;
    app.send(&focal, "8").await;
    app.send(&focal, "30").await;
    let elderly_q = app.send(&focal, "25").await;
    assert_eq!(
        elderly_q.text.as_deref(),
        Some(en(&app, ReportMsg::FwAskCount { field: "elderly-women".into() }.into()).as_str())
    );
    assert!(elderly_q.text.as_deref().unwrap_or_default().contains("(60+)"), "the cut-off is stated");
    app.send(&focal, "2").await;
    let disabled_q = app.send(&focal, "1").await;
    let disabled_text = en(&app, ReportMsg::FwAskDisabled { total: 78 }.into());
    assert_eq!(disabled_q.text.as_deref(), Some(disabled_text.as_str()));
    wrong(&app, &focal, "80", ReportMsg::FwDisabledAboveTotal { disabled: 80, total: 78 }.into(), &disabled_text).await;
    let targeted_q = app.send(&focal, "5").await;
    let targeted_text = en(&app, FivewMsg::FwAskTargeted.into());
    assert_eq!(targeted_q.text.as_deref(), Some(targeted_text.as_str()));
    wrong(&app, &focal, "10 20", FivewMsg::FwTargetedBad.into(), &targeted_text).await;
    let partner_q = app.send(&focal, "15 10 40 30 3 2").await;
    let partner_text = en(&app, ReportMsg::FwAskPartner.into());
    assert_eq!(partner_q.text.as_deref(), Some(partner_text.as_str()));
    wrong(&app, &focal, &"x".repeat(101), MainMsg::TextTooLong { max: 100 }.into(), &partner_text).await;
    let donor_q = app.send(&focal, "AMSS").await;
    let donor_text = en(&app, ReportMsg::FwAskDonor.into());
    assert_eq!(donor_q.text.as_deref(), Some(donor_text.as_str()));
    wrong(
        &app,
        &focal,
        "call +223 76 12 34 56",
        ReportMsg::FwPersonalData { kind: "phone".into() }.into(),
        &donor_text,
    )
    .await;
    let plan_q = app.send(&focal, "ECHO").await;
    assert_eq!(plan_q.text.as_deref(), Some(en(&app, FivewMsg::FwAskPlanCode { max: 40 }.into()).as_str()));
    let remarks_q = app.send(&focal, "HMLI-26/P-HR-RL/012345").await;
    let remarks_text = en(&app, ReportMsg::FwAskRemarks.into());
    wrong(
        &app,
        &focal,
        "write to awa.t@example.org",
        ReportMsg::FwPersonalData { kind: "email".into() }.into(),
        &remarks_text,
    )
    .await;
    let remarks_q = app.fake.sent_to(focal.id).into_iter().rev().find(|s| s.is_send()).unwrap_or(remarks_q);
    let review = app.press_expect_edit(&focal, remarks_q.message_id, "fw:skip").await;
    let text = review.text.clone().unwrap();
    assert!(text.contains("1. Protection monitoring — Ténenkou — ongoing — 01/10/2026 → 31/10/2026 — 78 people, of whom 5 with disabilities"), "{text}");

    // A second line, all with buttons: GBV, Gao / Gao, completed, the whole month, nobody.
    let q = app.press_expect_edit(&focal, review.message_id, "fw:add").await;
    let q = app.press_expect_edit(&focal, q.message_id, "fw:sec:2").await;
    let q = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:act:")).await;
    let q = app.press_expect_edit(&focal, q.message_id, "fw:reg:7").await;
    let q = app.press_expect_edit(&focal, q.message_id, "fw:cer:703").await;
    let q = app.press_expect_edit(&focal, q.message_id, "fw:st:c").await;
    // The population group of the line above, with one tap.
    let same = en(
        &app,
        FivewMsg::BtnFwSameAbove { value: en(&app, FivewMsg::FwPopulation { group: "IDP".into() }.into()) }.into(),
    );
    assert!(q.reply_markup.as_ref().is_some_and(|k| k.to_string().contains(&same)), "{:?}", q.reply_markup);
    let q = app.press_expect_edit(&focal, q.message_id, "fw:same").await;
    let q = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:mod:")).await;
    let q = app.press_expect_edit(&focal, q.message_id, "fw:d:20261001").await;
    let mut q = app.press_expect_edit(&focal, q.message_id, "fw:d:20261031").await;
    for _ in 0..7 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:n:0").await;
    }
    for _ in 0..5 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:skip").await;
    }
    assert!(q.text.clone().unwrap().contains("2. GBV case management — Gao — completed"));

    // Edit the second line: keep everything but the number of women.
    let mut q = app.press_expect_edit(&focal, q.message_id, &button(&q, "fw:ed:1:")).await;
    for _ in 0..11 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
    }
    assert_eq!(q.text.as_deref(), Some(en(&app, ReportMsg::FwAskCount { field: "women".into() }.into()).as_str()));
    app.send(&focal, "4").await;
    let mut q = app.fake.sent_to(focal.id).into_iter().rev().find(|s| s.is_send()).unwrap();
    for _ in 0..5 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:keep").await;
    }
    for _ in 0..4 {
        q = app.press_expect_edit(&focal, q.message_id, "fw:skip").await;
    }
    let text = q.text.clone().unwrap();
    assert!(text.contains("2. GBV case management — Gao — completed — 01/10/2026 → 31/10/2026 — 4 people"), "{text}");

    // /cancel asks first; continuing keeps the draft.
    let ask = app.send(&focal, "/cancel").await;
    assert_eq!(ask.text.as_deref(), Some(en(&app, ReportMsg::FwCancelAsk.into()).as_str()));
    let back = app.press_expect_edit(&focal, ask.message_id, "fw:cx:n").await;
    assert!(back.text.clone().unwrap().contains("2 line(s)"));

    let done = app.press_expect_edit(&focal, back.message_id, &button(&back, "fw:sub:")).await;
    assert_eq!(
        done.text.as_deref(),
        Some(en(&app, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 2, late: false }.into()).as_str())
    );
    let (s, lines) = submission_lines(&app, "NRC", "CR-MOPTI", "2026-10").await.unwrap();
    assert!(!s.late && !s.no_activity);
    assert_eq!(lines.len(), 2);
    let l = &lines[0];
    assert_eq!((l.sector.as_str(), l.activity.as_str()), ("PRO", "PRO-MON"));
    assert_eq!((l.region.as_str(), l.cercle.as_str()), ("ML05", "ML0507"));
    assert_eq!(l.status, ActivityStatus::Ongoing);
    assert_eq!(
        l.reached,
        Reached { girls: 12, boys: 8, women: 30, men: 25, elderly_women: 2, elderly_men: 1, disabled: 5 }
    );
    assert_eq!(l.targeted.as_array(), [15, 10, 40, 30, 3, 2]);
    assert_eq!(l.population, Some(cluster_bot::domain::fourw::PopulationGroup::Idp));
    assert_eq!((l.modality.as_deref(), l.plan_code.as_deref()), (Some("PRO-IND"), Some("HMLI-26/P-HR-RL/012345")));
    assert_eq!((lines[1].population, lines[1].modality.as_deref()), (l.population, Some("GBV-IND")));
    assert_eq!((l.partner.as_deref(), l.donor.as_deref(), l.remarks.as_deref()), (Some("AMSS"), Some("ECHO"), None));
    assert_eq!((lines[1].cercle.as_str(), lines[1].reached.women, lines[1].reached.total()), ("ML0703", 4, 4));

    // Opening /report again shows what was submitted, for review; /cancel then discards.
    let q = app.send(&focal, "/report").await;
    let review = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    assert!(review.text.unwrap().contains("2 line(s)"));
    let ask = app.send(&focal, "/cancel").await;
    let gone = app.press_expect_edit(&focal, ask.message_id, "fw:cx:y").await;
    assert_eq!(gone.text.as_deref(), Some(en(&app, MainMsg::CancelDone.into()).as_str()));
    let nothing = app.send(&focal, "/cancel").await;
    assert_eq!(nothing.text.as_deref(), Some(en(&app, MainMsg::CancelNothing.into()).as_str()));
    assert_eq!(submission_lines(&app, "NRC", "CR-MOPTI", "2026-10").await.unwrap().1.len(), 2, "still submitted");
    app.stop().await;
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[tokio::test]
async fn same_as_last_month_no_activity_late_and_refusals() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(20, "Moussa").language("fr");
    let alternate = FakeUser::new(21, "Fatou").language("en");
    let outsider = FakeUser::new(22, "Nobody").language("en");
    let chair = FakeUser::new(23, "Chair").language("en");
    member(&app, &focal, "NRC", "CR-MOPTI", Role::Focal).await;
    member(&app, &alternate, "DRC/DDG", "CR-MOPTI", Role::Alternate).await;
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    // September, submitted earlier.
    let nrc = reference::organisation_by_acronym(&app.ctx.db, "NRC").await.unwrap().unwrap();
    let mopti = reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap();
    let focal_id = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, focal.id).await.unwrap().unwrap().id;
    let sept = |activity: &str, cercle: &str| Line {
        sector: "PRO".into(),
        activity: activity.into(),
        region: "ML05".into(),
        cercle: cercle.into(),
        status: ActivityStatus::Ongoing,
        start: d("2026-09-01"),
        end: d("2026-09-30"),
        reached: Reached { girls: 1, boys: 2, women: 3, men: 4, disabled: 1, ..Default::default() },
        partner: None,
        donor: Some("ECHO".into()),
        remarks: None,
        ..Default::default()
    };
    store::submit(
        &app.ctx.db,
        NewSubmission {
            organisation_id: nrc.id,
            mechanism_id: mopti.id,
            month: ReportingMonth::parse("2026-09").unwrap(),
            lines: &[sept("PRO-MON", "ML0507"), sept("PRO-REF", "ML0503")],
            no_activity: false,
            late: false,
            person_id: focal_id,
            now: harness::start_time(),
            boundaries: "2021",
        },
    )
    .await
    .unwrap();

    // Someone who is not a focal point or alternate.
    let refused = app.send(&outsider, "/report").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, ReportMsg::FwNotReporter.into()).as_str()));
    let refused = app.send(&chair, "/report").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, ReportMsg::FwNotReporter.into()).as_str()));

    // "Same as last month", one line deleted, submitted.
    let q = app.send(&focal, "/report").await;
    let start = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    let review = app.press_expect_edit(&focal, start.message_id, "fw:copy").await;
    let text = review.text.clone().unwrap();
    assert!(text.contains("1. Monitoring de protection — Ténenkou — en cours — 01/10/2026 → 30/10/2026"), "{text}");
    assert!(text.contains("2. Référencement — Djenné"), "{text}");
    let review = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:del:1:")).await;
    assert!(!review.text.clone().unwrap().contains("Djenné"));
    let (answer, _) =
        app.press(&focal, review.message_id, &button(&review, "fw:del:0:").replace("fw:del:0:", "fw:del:5:")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::Fr, MainMsg::ButtonExpired.into()).as_str()));
    let done = app.press_expect_edit(&focal, review.message_id, &button(&review, "fw:sub:")).await;
    assert_eq!(
        done.text.as_deref(),
        Some(
            app.t(Language::Fr, ReportMsg::FwSubmitted { month: "10/2026".into(), count: 1, late: false }.into())
                .as_str()
        )
    );
    let (_, lines) = submission_lines(&app, "NRC", "CR-MOPTI", "2026-10").await.unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0].start, lines[0].end, lines[0].donor.as_deref()),
        (d("2026-10-01"), d("2026-10-30"), Some("ECHO"))
    );

    // "Same as last month" with nothing last month: told so, the dialog goes on.
    let q = app.send(&alternate, "/report").await;
    let start = app.press_expect_edit(&alternate, q.message_id, "fw:mo:202610").await;
    let again = app.press_expect_edit(&alternate, start.message_id, "fw:copy").await;
    assert!(again.text.unwrap().starts_with(&en(&app, ReportMsg::FwNoLastMonth { month: "09/2026".into() }.into())));

    // After the deadline (5 November), "no activity" in one tap, marked late.
    app.advance(Duration::days(5));
    let done = app.press_expect_edit(&alternate, again.message_id, "fw:none").await;
    assert_eq!(
        done.text.as_deref(),
        Some(en(&app, ReportMsg::FwNoActivityDone { month: "10/2026".into(), late: true }.into()).as_str())
    );
    let (s, lines) = submission_lines(&app, "DRC/DDG", "CR-MOPTI", "2026-10").await.unwrap();
    assert!(s.no_activity && s.late && lines.is_empty());
}

fn fourw_reminders(app: &TestBot, user: &FakeUser) -> Vec<String> {
    app.fake
        .sent_to(user.id)
        .into_iter()
        .filter_map(|s| s.text)
        .filter(|t| t.starts_with("⏰") && t.contains("4W"))
        .collect()
}

#[tokio::test]
async fn the_cycle_reminds_only_non_submitters_then_sends_the_matrix_to_chair_and_coordinators() {
    let app = TestBot::start().await;
    let nrc_focal = FakeUser::new(30, "NrcFocal").language("en");
    let nrc_alt = FakeUser::new(31, "NrcAlt").language("en");
    let drc_focal = FakeUser::new(32, "DrcFocal").language("fr");
    let chair = FakeUser::new(33, "Chair").language("en");
    let coordo = FakeUser::new(34, "Coordo").language("fr");
    let observer = FakeUser::new(35, "Observer").language("en");
    member(&app, &nrc_focal, "NRC", "CR-MOPTI", Role::Focal).await;
    member(&app, &nrc_alt, "NRC", "CR-MOPTI", Role::Alternate).await;
    member(&app, &drc_focal, "DRC/DDG", "CR-MOPTI", Role::Focal).await;
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    cluster_bot::services::people::add_coordinator(&app.ctx, coordo.id, "Coordo").await.unwrap();
    // An observer organisation (CICR, seeded as observer) is not expected to report.
    member(&app, &observer, "CICR", "CR-MOPTI", Role::Focal).await;

    // 1 December 2026, 08:00 in Bamako (UTC): November's window opens.
    app.advance(Duration::days(29) - Duration::hours(1));
    app.settle().await;
    app.settle().await;
    for u in [&nrc_focal, &nrc_alt] {
        assert_eq!(fourw_reminders(&app, u), [
            "⏰ 4W matrix of 11/2026 for NRC (Regional cluster Mopti): the reporting window is open (deadline: 05/12/2026). Send /report."
                .replace("Regional cluster Mopti", reference::mechanism_by_code(&app.ctx.db, "CR-MOPTI").await.unwrap().unwrap().name_en.as_str())
        ]);
    }
    assert_eq!(fourw_reminders(&app, &drc_focal).len(), 1);
    assert!(fourw_reminders(&app, &drc_focal)[0].contains("Matrice 4W de 11/2026 pour DRC/DDG"));
    assert!(fourw_reminders(&app, &observer).is_empty(), "observers are not reminded");
    assert!(fourw_reminders(&app, &chair).is_empty());

    // NRC reports "no activity" through its alternate.
    let q = app.send(&nrc_alt, "/report").await;
    let start = app.press_expect_edit(&nrc_alt, q.message_id, "fw:mo:202611").await;
    app.press_expect_edit(&nrc_alt, start.message_id, "fw:none").await;

    // 3 December (two days before) and 5 December (the deadline): only DRC/DDG is reminded.
    app.advance(Duration::days(2));
    app.settle().await;
    app.advance(Duration::days(2));
    app.settle().await;
    assert_eq!(fourw_reminders(&app, &nrc_focal).len(), 1);
    assert_eq!(fourw_reminders(&app, &nrc_alt).len(), 1);
    let drc = fourw_reminders(&app, &drc_focal);
    assert_eq!(drc.len(), 3, "{drc:?}");
    assert!(drc[1].contains("plus que deux jours") && drc[2].contains("c'est aujourd'hui la date limite"), "{drc:?}");
    assert!(app.fake.sent_to(chair.id).iter().all(|s| s.method != "sendDocument"), "no matrix before the deadline");

    // 6 December: the chair and the coordinators get the missing list and the matrix (XLSX, protected).
    app.advance(Duration::days(1));
    app.settle().await;
    app.settle().await;
    for (u, caption_start) in [(&chair, "4W matrix of 11/2026"), (&coordo, "Matrice 4W de 11/2026")] {
        // The coordinators also get the cluster's monthly digest (a PDF): only the matrices count here.
        let docs: Vec<_> = app
            .fake
            .sent_to(u.id)
            .into_iter()
            .filter(|s| s.method == "sendDocument" && s.document_name.as_deref().is_some_and(|n| n.ends_with(".xlsx")))
            .collect();
        assert_eq!(
            docs.len(),
            1,
            "one matrix (the only mechanism with reporters): {:?}",
            docs.iter().map(|d| (&d.document_name, &d.text)).collect::<Vec<_>>()
        );
        let doc = &docs[0];
        assert!(doc.protect_content);
        assert_eq!(doc.document_name.as_deref(), Some("4W_2026-11_CR-MOPTI.xlsx"));
        assert_eq!(&doc.document_bytes.as_ref().unwrap()[..2], b"PK");
        let caption = doc.text.clone().unwrap();
        assert!(caption.starts_with(caption_start), "{caption}");
        assert!(caption.ends_with("(1): DRC/DDG") || caption.ends_with("(1) : DRC/DDG"), "{caption}");
    }
    for u in [&nrc_focal, &drc_focal, &observer] {
        assert!(app.fake.sent_to(u.id).iter().all(|s| s.method != "sendDocument"));
    }

    // Late, after the deadline: accepted and marked late.
    let q = app.send(&drc_focal, "/report").await;
    let start = app.press_expect_edit(&drc_focal, q.message_id, "fw:mo:202611").await;
    let done = app.press_expect_edit(&drc_focal, start.message_id, "fw:none").await;
    assert!(done.text.unwrap().contains("marqué en retard"));

    // /export in chat for the chair: the XLSX of the open month, protected; refused to a focal point.
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
    let sent: Vec<_> = app.fake.sent_to(chair.id).into_iter().skip(before).collect();
    let doc = sent.iter().find(|s| s.method == "sendDocument").unwrap();
    assert!(doc.protect_content);
    assert_eq!(doc.text.as_deref(), Some("🏢 Internal — members of the mechanism\n4W matrix of 11/2026 — CR-MOPTI"));
    let refused = app.send(&nrc_focal, "/export").await;
    assert_eq!(refused.text.as_deref(), Some(en(&app, MainMsg::NotAllowed.into()).as_str()));
    let bad = app.send(&chair, "/export novembre").await;
    assert_eq!(bad.text.as_deref(), Some(en(&app, ReportMsg::FwExportBadMonth.into()).as_str()));
}
