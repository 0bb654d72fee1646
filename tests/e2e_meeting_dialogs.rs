//! The meeting dialogs in the chat: /newmeeting (with a wrong answer at every typed step and
//! a restart in the middle), /meetings (answering, moving, cancelling), /attendance, and the
//! monthly nudge.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::{MeetingKind, RsvpAnswer};
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{MainMsg, MeetingsMsg};
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self};
use cluster_bot::storage::meetings as store;
use fake_bot_api::FakeUser;
use harness::{TestBot, button};

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) {
    app.member(user, org, mech, role).await;
}

#[tokio::test]
async fn a_chair_creates_a_monthly_meeting_in_the_chat_despite_wrong_answers_and_a_restart() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(1, "Chair").language("en");
    let focal = FakeUser::new(2, "Focal").language("fr");
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    member(&app, &focal, "NRC", "CR-MOPTI", Role::Focal).await;

    // The chair chairs one mechanism: the dialog starts at the date.
    let q = app.send(&chair, "/newmeeting").await;
    assert_eq!(q.text.as_deref(), Some(app.t(Language::En, MeetingsMsg::NmChooseDate.into()).as_str()));
    assert!(q.button_data().iter().filter(|d| d.starts_with("nm:d:")).count() >= 7, "buttons for the coming days");
    let bad = app.send(&chair, "31/02/2027").await;
    assert!(bad.text.unwrap().starts_with(&app.t(Language::En, MeetingsMsg::NmBadDate.into())));
    let bad = app.send(&chair, "01/01/2020").await;
    assert!(bad.text.unwrap().starts_with(&app.t(Language::En, MeetingsMsg::MeetingInPast.into())));
    // Today is Monday 2 November 2026 (the harness's clock): the first Tuesday after next is the 10th.
    let q = app.send(&chair, "10/11/2026").await;
    assert_eq!(q.text.as_deref(), Some(app.t(Language::En, MeetingsMsg::NmChooseTime.into()).as_str()));
    let bad = app.send(&chair, "25:00").await;
    assert!(bad.text.unwrap().starts_with(&app.t(Language::En, MeetingsMsg::NmBadTime.into())));
    app.send(&chair, "10:00").await;
    app.restart().await; // the draft survives
    let bad = app.send(&chair, "five hours").await;
    assert!(bad.text.unwrap().starts_with(&app.t(Language::En, MeetingsMsg::NmBadDuration.into())));
    let place_q = app.send(&chair, "1h30").await;
    assert_eq!(place_q.text.as_deref(), Some(app.t(Language::En, MeetingsMsg::NmAskPlace.into()).as_str()));
    let bad = app.send(&chair, &"x".repeat(301)).await;
    assert!(bad.text.unwrap().starts_with(&app.t(Language::En, MainMsg::TextTooLong { max: 300 }.into())));
    let agenda_q = app.send(&chair, "Mopti, bureau du cluster").await;
    let kind_q = app.press_expect_edit(&chair, agenda_q.message_id, "nm:s").await;
    let rec_q = app.press_expect_edit(&chair, kind_q.message_id, "nm:k:r").await;
    let summary = app.press_expect_edit(&chair, rec_q.message_id, "nm:r:1").await;
    let text = summary.text.unwrap();
    assert!(text.contains("Tue 10/11/2026 at 10:00 (90 min)") && text.contains("monthly"), "{text}");
    let done = app.press_expect_edit(&chair, summary.message_id, "nm:ok").await;
    assert!(done.text.unwrap().starts_with("✅ Meeting created (6 occurrence(s)), first on Tue 10/11/2026"));

    let mopti = membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    let all = svc::list(&app.ctx, Some(mopti.id), app.clock.now()).await.unwrap();
    let local: Vec<String> = all.iter().map(|m| m.starts_at.format("%Y-%m-%d %H:%M").to_string()).collect();
    assert_eq!(local[..3], ["2026-11-10 10:00", "2026-12-08 10:00", "2027-01-12 10:00"], "second Tuesday each month");
    assert!(all.iter().all(|m| m.place.as_deref() == Some("Mopti, bureau du cluster") && m.agenda.is_none()));
    // The invitation goes out 7 days before: 3 November at 10:00.
    assert!(done_invites(&app, &focal).is_empty());
    app.advance(Duration::days(1) + Duration::hours(1));
    app.settle().await;
    app.fake.wait_for_message_to(focal.id, "Invitation — réunion mensuelle", harness::WAIT).await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn a_regular_meeting_too_soon_is_refused_in_the_chat_and_the_date_asked_again() {
    let mut app = TestBot::start().await;
    let coordo = FakeUser::new(1, "Coordo").language("fr");
    cluster_bot::services::people::add_coordinator(&app.ctx, 1, "Coordo").await.unwrap();
    let q = app.send(&coordo, "/newmeeting").await;
    assert!(q.button_data().len() > 19, "coordinators choose among every mechanism");
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let date_q = app.press_expect_edit(&coordo, q.message_id, &format!("nm:m:{}", cpn.id)).await;
    // Tomorrow (3 November 2026) at 08:00: 23 hours ahead.
    let time_q = app.press_expect_edit(&coordo, date_q.message_id, "nm:d:20261103").await;
    let dur_q = app.press_expect_edit(&coordo, time_q.message_id, "nm:t:480").await;
    app.press_expect_edit(&coordo, dur_q.message_id, "nm:l:60").await;
    let agenda_q = app.send(&coordo, "https://meet.example.org/cpn").await;
    let kind_q = app.send(&coordo, "Point sur la situation à Ménaka").await;
    assert_eq!(agenda_q.text.as_deref(), Some(app.t(Language::Fr, MeetingsMsg::NmAskAgenda.into()).as_str()));
    let refused = app.press_expect_edit(&coordo, kind_q.message_id, "nm:k:r").await;
    let text = refused.text.unwrap();
    assert!(text.starts_with(&app.t(Language::Fr, MeetingsMsg::MeetingTooSoon { hours: 23 }.into())), "{text}");
    assert!(text.ends_with(&app.t(Language::Fr, MeetingsMsg::NmChooseDate.into())));
    // An ad-hoc meeting at the same time is allowed.
    let time_q = app.press_expect_edit(&coordo, refused.message_id, "nm:d:20261103").await;
    let dur_q = app.press_expect_edit(&coordo, time_q.message_id, "nm:t:480").await;
    let place_q = app.press_expect_edit(&coordo, dur_q.message_id, "nm:l:60").await;
    assert_eq!(place_q.text.as_deref(), Some(app.t(Language::Fr, MeetingsMsg::NmAskPlace.into()).as_str()));
    let kind_q = app.send(&coordo, "Salle 2").await;
    let kind_q = app.press_expect_edit(&coordo, kind_q.message_id, "nm:s").await;
    let summary = app.press_expect_edit(&coordo, kind_q.message_id, "nm:k:a").await;
    assert!(summary.text.unwrap().contains("Réunion ad hoc"));
    app.press_expect_edit(&coordo, summary.message_id, "nm:ok").await;
    let created = svc::list(&app.ctx, Some(cpn.id), app.clock.now()).await.unwrap();
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].kind, MeetingKind::AdHoc);
    // A focal point cannot open the dialog.
    let focal = FakeUser::new(2, "Focal").language("en");
    member(&app, &focal, "NRC", "CPN", Role::Focal).await;
    // Joining after the ad-hoc meeting's invitations went out, they are invited at once.
    app.settle().await;
    assert_eq!(app.fake.sent_to(focal.id).iter().filter(|s| s.method == "sendDocument").count(), 1);
    assert_eq!(app.send(&focal, "/newmeeting").await.text.unwrap(), app.t(Language::En, MainMsg::NotAllowed.into()));
    let (answer, changed) = app.press(&focal, 1, &format!("nm:m:{}", cpn.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::ButtonExpired.into()).as_str()));
    assert!(changed.is_empty());
    app.stop().await;
}

async fn meeting(app: &TestBot, mech: &str, ahead: Duration) -> cluster_bot::domain::Meeting {
    let m = membership::mechanism(&app.ctx, mech).await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: m.id,
        starts_at: app.clock.now() + ahead,
        duration_minutes: 60,
        place: Some("Gao".into()),
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

#[tokio::test]
async fn meetings_list_answers_and_the_chair_moves_and_cancels_from_the_chat() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(1, "Chair").language("en");
    let focal = FakeUser::new(2, "Focal").language("en");
    member(&app, &chair, "UNHCR", "CR-GAO", Role::Chair).await;
    member(&app, &focal, "NRC", "CR-GAO", Role::Focal).await;
    let m = meeting(&app, "CR-GAO", Duration::days(5)).await;
    app.settle().await;

    let list = app.send(&focal, "/meetings").await;
    assert!(list.text.as_deref().unwrap().contains("❔ no answer"), "{:?}", list.text);
    let (answer, changed) = app.press(&focal, list.message_id, &button(&list, "rl:")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MeetingsMsg::RsvpRecorded.into()).as_str()));
    let redrawn = changed.into_iter().rev().find(|s| s.message_id == list.message_id).expect("the list is redrawn");
    assert!(redrawn.text.unwrap().contains("✅ focal point"));
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    assert_eq!(store::answer(&app.ctx.db, m.id, nrc.id).await.unwrap(), Some(RsvpAnswer::Focal));
    // The invitation message shows the answer too.
    let inv = app.fake.sent_to(focal.id).into_iter().find(|s| s.method == "sendDocument").unwrap();
    let view = app.fake.bot_message(focal.id, inv.message_id).unwrap();
    assert!(view["caption"].as_str().unwrap().contains("the focal point will attend"));

    // The chair moves it to less than 48 h ahead: refused, asked again; then 6 days ahead.
    let list = app.send(&chair, "/meetings").await;
    let date_q = app.press_expect_edit(&chair, list.message_id, &format!("mm:{}", m.id)).await;
    let time_q = app.press_expect_edit(&chair, date_q.message_id, "nm:d:20261103").await;
    let confirm = app.press_expect_edit(&chair, time_q.message_id, "nm:t:600").await;
    let refused = app.press_expect_edit(&chair, confirm.message_id, "mv:ok").await;
    assert!(refused.text.unwrap().starts_with("A regular meeting needs at least 48 hours"));
    let time_q = app.send(&chair, "08/11/2026").await;
    let confirm = app.send(&chair, "09:30").await;
    let _ = time_q;
    let moved = app.press_expect_edit(&chair, confirm.message_id, "mv:ok").await;
    assert!(moved.text.unwrap().contains("Sun 08/11/2026 at 09:30"));
    app.settle().await;
    app.fake.wait_for_message_to(focal.id, "🔁 Meeting moved", harness::WAIT).await.unwrap();

    let list = app.send(&chair, "/meetings").await;
    let ask = app.press_expect_edit(&chair, list.message_id, &format!("mc:{}", m.id)).await;
    let done = app.press_expect_edit(&chair, ask.message_id, &format!("my:{}", m.id)).await;
    assert_eq!(done.text.unwrap(), app.t(Language::En, MeetingsMsg::MeetingCancelledDone.into()));
    app.settle().await;
    app.fake.wait_for_message_to(focal.id, "🚫 Meeting cancelled", harness::WAIT).await.unwrap();
    // The focal point cannot move or cancel.
    let (answer, _) = app.press(&focal, list.message_id, &format!("mc:{}", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    app.stop().await;
}

#[tokio::test]
async fn attendance_is_prefilled_from_answers_and_three_absences_in_a_row_are_flagged() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(1, "Chair").language("en");
    let nrc = FakeUser::new(2, "N").language("en");
    let irc = FakeUser::new(3, "I").language("en");
    let cicr = FakeUser::new(4, "C").language("en");
    member(&app, &chair, "UNHCR", "GT-MINES", Role::Chair).await;
    member(&app, &nrc, "NRC", "GT-MINES", Role::Focal).await;
    member(&app, &irc, "IRC", "GT-MINES", Role::Focal).await;
    member(&app, &cicr, "CICR", "GT-MINES", Role::Focal).await;
    let nrc_id = membership::organisation(&app.ctx, "NRC").await.unwrap().id;

    for round in 0..3 {
        let m = meeting(&app, "GT-MINES", Duration::days(3)).await;
        app.settle().await;
        let access = cluster_bot::services::people::access(
            &app.ctx,
            cluster_bot::storage::people::by_telegram_id(&app.ctx.db, nrc.id).await.unwrap().unwrap(),
        )
        .await
        .unwrap();
        svc::answer(&app.ctx, &access, m.id, nrc_id, svc::Choice::Attend).await.unwrap();
        app.advance(Duration::days(3) + Duration::hours(2));
        app.settle().await;

        let pick = app.send(&chair, "/attendance").await;
        let sheet = app.press_expect_edit(&chair, pick.message_id, &format!("at:m:{}", m.id)).await;
        let labels: Vec<String> = sheet.reply_markup.as_ref().unwrap()["inline_keyboard"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap().iter().map(|b| b["text"].as_str().unwrap().to_string()))
            .collect();
        assert!(labels.contains(&"✅ NRC".to_string()), "pre-filled from the answer: {labels:?}");
        assert!(labels.contains(&"⬜ IRC".to_string()) && labels.contains(&"⬜ CICR (obs.)".to_string()), "{labels:?}");
        let saved = app.press_expect_edit(&chair, sheet.message_id, "at:ok").await;
        let text = saved.text.unwrap();
        assert!(text.starts_with("Attendance saved: 1 organisation(s) present out of 2."), "{text}");
        assert!(text.contains(&format!("• NRC: {}/{}", round + 1, round + 1)), "{text}");
        assert!(text.contains("Observers (counted apart):\n• CICR: 0/"), "{text}");
        app.settle().await;
        let flags = app
            .fake
            .sent_to(chair.id)
            .into_iter()
            .filter(|s| s.text.as_deref().unwrap_or("").starts_with("⚠️ IRC was absent"))
            .count();
        assert_eq!(flags, usize::from(round == 2), "flagged after the third absence in a row (round {round})");
        let cicr_flags = app
            .fake
            .sent_to(chair.id)
            .into_iter()
            .filter(|s| s.text.as_deref().unwrap_or("").starts_with("⚠️ CICR"))
            .count();
        assert_eq!(cicr_flags, 0, "observers are not flagged");
    }
    // Toggling and forged toggles.
    let pick = app.send(&chair, "/attendance").await;
    let sheet = app.press_expect_edit(&chair, pick.message_id, &button(&pick, "at:m:")).await;
    let irc_id = membership::organisation(&app.ctx, "IRC").await.unwrap().id;
    let toggled = app.press_expect_edit(&chair, sheet.message_id, &format!("at:t:{irc_id}")).await;
    assert!(toggled.reply_markup.unwrap().to_string().contains("✅ IRC"));
    let (answer, _) = app.press(&chair, sheet.message_id, "at:t:999999").await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::ButtonExpired.into()).as_str()));
    assert_eq!(app.send(&nrc, "/attendance").await.text.unwrap(), app.t(Language::En, MainMsg::NotAllowed.into()));
    app.stop().await;
}

#[tokio::test]
async fn chairs_without_a_meeting_next_month_are_nudged_on_the_twentieth_once() {
    let mut app = TestBot::start().await;
    let gao_chair = FakeUser::new(1, "Gao").language("fr");
    let mopti_chair = FakeUser::new(2, "Mopti").language("en");
    member(&app, &gao_chair, "UNHCR", "CR-GAO", Role::Chair).await;
    member(&app, &mopti_chair, "NRC", "CR-MOPTI", Role::Chair).await;
    // Mopti has a meeting in December; Gao has none.
    let mopti = membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    let dec = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:00:00Z").unwrap().to_utc();
    let draft = MeetingDraft {
        mechanism_id: mopti.id,
        starts_at: dec,
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();
    // From 2 November to 20 November 09:00.
    app.advance(Duration::days(18));
    app.settle().await;
    app.advance(Duration::minutes(1));
    app.settle().await;
    let fake = app.fake.clone();
    let nudges = |u: &FakeUser| {
        fake.sent_to(u.id).into_iter().filter(|s| s.text.as_deref().unwrap_or("").starts_with("🗓")).count()
    };
    assert_eq!(nudges(&gao_chair), 1);
    assert_eq!(nudges(&mopti_chair), 0);
    let text = app
        .fake
        .sent_to(gao_chair.id)
        .into_iter()
        .find(|s| s.text.as_deref().unwrap_or("").starts_with("🗓"))
        .unwrap()
        .text
        .unwrap();
    assert!(text.contains("12/2026") && text.contains("/newmeeting"), "{text}");
    app.restart().await;
    app.advance(Duration::days(1));
    app.settle().await;
    assert_eq!(nudges(&gao_chair), 1, "once per occurrence, even across a restart");
    app.stop().await;
}

fn done_invites(app: &TestBot, u: &FakeUser) -> Vec<fake_bot_api::SentMessage> {
    app.fake.sent_to(u.id).into_iter().filter(|s| s.method == "sendDocument").collect()
}

#[tokio::test]
async fn a_look_at_help_or_meetings_does_not_lose_a_dialog_in_progress() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(1, "Chair").language("en");
    member(&app, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    app.send(&chair, "/newmeeting").await;
    app.send(&chair, "10/11/2026").await;
    app.send(&chair, "/help").await;
    app.send(&chair, "/meetings").await;
    // Still at the time step.
    let q = app.send(&chair, "10:00").await;
    assert_eq!(q.text.as_deref(), Some(app.t(Language::En, MeetingsMsg::NmChooseDuration.into()).as_str()));
    // A command that starts another dialog replaces it.
    app.send(&chair, "/attendance").await;
    assert_eq!(app.send(&chair, "90").await.text.unwrap(), app.t(Language::En, MainMsg::FreeTextHint.into()));
    app.stop().await;
}
