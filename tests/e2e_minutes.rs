//! Minutes end to end: the 72-hour rule, confidential distribution, late joiners, action
//! points, shared documents — through the fake Bot API server with a clock the tests move.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{AppError, Clock, Language, Meeting, Role};
use cluster_bot::i18n::{MainMsg, MeetingsMsg, MinutesMsg};
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self};
use cluster_bot::services::minutes::{self as svc, MinutesContent};
use fake_bot_api::{FakeUser, SentMessage};
use harness::{TestBot, button};
use serde_json::json;

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) {
    app.member(user, org, mech, role).await;
}

struct Cast {
    chair: FakeUser,
    focal: FakeUser,
    alternate: FakeUser,
    other_mechanism: FakeUser,
    coordinator: FakeUser,
    stranger: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(1, "Chair").language("en"),
        focal: FakeUser::new(2, "Focal").language("fr"),
        alternate: FakeUser::new(3, "Alt").language("en"),
        other_mechanism: FakeUser::new(4, "Other").language("en"),
        coordinator: FakeUser::new(5, "Coordo").language("fr"),
        stranger: FakeUser::new(6, "Stranger").language("en"),
    };
    member(app, &c.chair, "UNHCR", "SC-VBG", Role::Chair).await;
    member(app, &c.focal, "NRC", "SC-VBG", Role::Focal).await;
    member(app, &c.alternate, "NRC", "SC-VBG", Role::Alternate).await;
    member(app, &c.other_mechanism, "IRC", "SC-PE", Role::Focal).await;
    cluster_bot::services::people::add_coordinator(&app.ctx, c.coordinator.id, "Coordo").await.unwrap();
    app.send(&c.stranger, "/start").await;
    c
}

/// A meeting of SC-VBG that has just ended (created 3 days ahead, then the clock moves on).
async fn ended_meeting(app: &TestBot) -> Meeting {
    let mech = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: mech.id,
        starts_at: app.clock.now() + Duration::days(3),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let m = meetings_svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    app.advance(Duration::days(3) + Duration::hours(1));
    app.settle().await;
    m
}

/// The user sends a document (as Telegram would: already uploaded, with a file_id).
fn send_document(app: &TestBot, user: &FakeUser, file_id: &str, name: &str, caption: Option<&str>) {
    let mut msg = json!({
        "message_id": 9000 + app.fake.requests().len() as i64,
        "date": 1_700_000_000,
        "chat": user.chat_json(),
        "from": user.user_json(),
        "document": {"file_id": file_id, "file_unique_id": format!("u-{file_id}"), "file_name": name,
                     "mime_type": "application/pdf", "file_size": 12345},
    });
    if let Some(c) = caption {
        msg["caption"] = json!(c);
    }
    app.fake.inject_update("message", msg);
}

fn protected_to(app: &TestBot, chat: i64) -> Vec<SentMessage> {
    app.fake.sent_to(chat).into_iter().filter(|s| s.is_send() && s.protect_content).collect()
}

#[tokio::test]
async fn only_the_mechanisms_members_receive_the_minutes_protected_in_their_language() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = ended_meeting(&app).await;

    let pick = app.send(&c.chair, "/minutes").await;
    let ask = app.press_expect_edit(&c.chair, pick.message_id, &format!("mn:m:{}", m.id)).await;
    assert_eq!(ask.text.as_deref(), Some(app.t(Language::En, MinutesMsg::MnSendContent.into()).as_str()));
    let before = app.fake.mark();
    send_document(&app, &c.chair, "FILE-PV-1", "PV SC-VBG.pdf", None);
    let actions_q = app.next_reply(c.chair.id, before).await;
    assert!(actions_q.text.unwrap().starts_with(&app.t(Language::En, MinutesMsg::MnAskActions.into())));
    // A wrong action line: explained, asked again.
    let again = app.send(&c.chair, "Partager la cartographie — NOPE — 15/11/2026").await;
    assert!(again.text.unwrap().starts_with("Line 1: unknown organisation \"NOPE\""));
    let again = app.send(&c.chair, "Partager la cartographie — NRC — 31/11/2026").await;
    assert!(again.text.unwrap().starts_with("Line 1: \"31/11/2026\" is not a date"));
    let decisions_q =
        app.send(&c.chair, "Partager la cartographie — NRC — 20/11/2026\nFormation VBG - IRC - 25/11/2026").await;
    // Then the decisions for the register: none here.
    let summary = app.press_expect_edit(&c.chair, decisions_q.message_id, "mn:ds").await;
    let text = summary.text.unwrap();
    assert!(
        text.contains("document \"PV SC-VBG.pdf\"") && text.contains("• Partager la cartographie — NRC — 20/11/2026"),
        "{text}"
    );
    let done = app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    assert!(done.text.unwrap().starts_with("✅ Minutes shared"));
    app.settle().await;

    for (u, label) in [
        (&c.chair, "🔒 Internal — do not forward"),
        (&c.focal, "🔒 Interne — ne pas diffuser"),
        (&c.alternate, "🔒 Internal — do not forward"),
        (&c.coordinator, "🔒 Interne — ne pas diffuser"),
    ] {
        let got = protected_to(&app, u.id);
        assert_eq!(got.len(), 1, "{} gets the minutes once", u.first_name);
        assert_eq!(got[0].document_file_id.as_deref(), Some("FILE-PV-1"), "the chair's file, not re-uploaded");
        assert!(got[0].text.as_deref().unwrap().starts_with(label));
    }
    assert!(app.fake.sent_to(c.other_mechanism.id).iter().all(|s| s.document_file_id.is_none()), "another mechanism");
    assert!(app.fake.sent_to(c.stranger.id).iter().all(|s| s.document_file_id.is_none()), "a non-member");
    assert!(
        app.fake.requests_for("sendDocument").iter().all(|r| r.files.is_empty() || r.chat_id() != Some(c.focal.id))
    );
    // Who received which minutes, and when, is recorded.
    let receipts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM receipts").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(receipts, 4);
    // Sharing twice is refused.
    let err =
        svc::share(&app.ctx, Actor::CommandLine, m.id, &MinutesContent::Text("v2".into()), None).await.unwrap_err();
    assert!(matches!(err, AppError::MinutesAlreadyShared));
    app.stop().await;
}

#[tokio::test]
async fn a_focal_point_cannot_share_and_minutes_of_a_future_meeting_are_refused() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let mech = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: mech.id,
        starts_at: app.clock.now() + Duration::days(3),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let future = meetings_svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    let err = svc::share(&app.ctx, Actor::CommandLine, future.id, &MinutesContent::Text("PV".into()), None).await;
    assert!(matches!(err, Err(AppError::MeetingNotEnded)));
    // In the chat: the future meeting is not offered, and a forged button is refused.
    let pick = app.send(&c.chair, "/minutes").await;
    assert_eq!(pick.text.as_deref(), Some(app.t(Language::En, MinutesMsg::MnNoMeetings.into()).as_str()));
    app.send(&c.chair, "/minutes").await;
    app.fake.clear_records();
    let m = ended_meeting(&app).await;
    let pick = app.send(&c.chair, "/minutes").await;
    let (answer, _) = app.press(&c.chair, pick.message_id, &format!("mn:m:{}", future.id + 1000)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MeetingsMsg::MeetingNotFound.into()).as_str()));
    // The focal point's /minutes only lists what can be received; forging the chair's button fails.
    let theirs = app.send(&c.focal, "/minutes").await;
    assert_eq!(theirs.text.as_deref(), Some(app.t(Language::Fr, MinutesMsg::MnAvailableNone.into()).as_str()));
    let (answer, changed) = app.press(&c.focal, theirs.message_id, &format!("mn:m:{}", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::Fr, MainMsg::ButtonExpired.into()).as_str()));
    assert!(changed.is_empty());
    let access = cluster_bot::services::people::access(
        &app.ctx,
        cluster_bot::storage::people::by_telegram_id(&app.ctx.db, c.focal.id).await.unwrap().unwrap(),
    )
    .await
    .unwrap();
    let err = svc::share(&app.ctx, Actor::Person(&access), m.id, &MinutesContent::Text("PV".into()), None).await;
    assert!(matches!(err, Err(AppError::NotAllowed)));
    app.stop().await;
}

fn count_starting(app: &TestBot, chat: i64, prefix: &str) -> usize {
    app.fake
        .sent_to(chat)
        .into_iter()
        .filter(|s| s.is_send() && s.text.as_deref().unwrap_or("").starts_with(prefix))
        .count()
}

#[tokio::test]
async fn the_72_hour_rule_reminds_twice_then_tells_the_coordinators_once_and_stops_when_shared() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = ended_meeting(&app).await; // now: 1 hour after the start, i.e. at the end
    app.advance(Duration::hours(24) - Duration::minutes(1));
    app.settle().await;
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 0);
    app.advance(Duration::minutes(1));
    app.settle().await;
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 1, "+24 h");
    app.advance(Duration::hours(24));
    app.settle().await;
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 2, "+48 h");
    app.restart().await;
    app.advance(Duration::hours(24));
    app.settle().await;
    assert_eq!(count_starting(&app, c.coordinator.id, "⚠️ En retard"), 1, "+72 h: the coordinators are told");
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 2);
    app.advance(Duration::days(3));
    app.settle().await;
    assert_eq!(count_starting(&app, c.coordinator.id, "⚠️ En retard"), 1, "once");
    let missing = app.send(&c.chair, "/missing").await.text.unwrap();
    assert!(missing.contains("⚠️ overdue") && missing.contains("0% (0/1)"), "{missing}");

    // Another meeting: minutes shared at +30 h stop what is left.
    let m2 = ended_meeting(&app).await;
    app.advance(Duration::hours(30));
    app.settle().await;
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 3);
    svc::share(&app.ctx, Actor::CommandLine, m2.id, &MinutesContent::Text("Compte rendu…".into()), None).await.unwrap();
    app.settle().await;
    app.advance(Duration::days(3));
    app.settle().await;
    assert_eq!(count_starting(&app, c.chair.id, "📝"), 3, "no +48 h reminder after sharing");
    assert_eq!(count_starting(&app, c.coordinator.id, "⚠️ En retard"), 1, "no overdue notice after sharing");
    let compliance = svc::compliance(&app.ctx, m.mechanism.id, 6).await.unwrap();
    assert_eq!((compliance.on_time, compliance.meetings, compliance.percent()), (1, 2, Some(50)));
    assert!(app.fake.duplicate_deliveries().is_empty(), "{:?}", app.fake.duplicate_deliveries());
    app.stop().await;
}

#[tokio::test]
async fn distribution_survives_a_restart_and_a_late_joiner_gets_past_minutes() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = ended_meeting(&app).await;
    svc::share(&app.ctx, Actor::CommandLine, m.id, &MinutesContent::Text("1. Situation\n2. Cas".into()), None)
        .await
        .unwrap();
    // Stop before the scheduler distributes, start again: everyone gets them exactly once.
    app.restart().await;
    app.settle().await;
    for u in [&c.chair, &c.focal, &c.alternate, &c.coordinator] {
        let got = protected_to(&app, u.id);
        assert_eq!(got.len(), 1, "{}", u.first_name);
        assert!(got[0].text.as_deref().unwrap().ends_with("1. Situation\n2. Cas"));
    }
    // A new alternate of IRC joins SC-VBG later and asks for the minutes.
    let late = FakeUser::new(7, "Late").language("en");
    member(&app, &late, "IRC", "SC-VBG", Role::Alternate).await;
    assert!(protected_to(&app, late.id).is_empty());
    let list = app.send(&late, "/minutes").await;
    assert_eq!(list.text.as_deref(), Some(app.t(Language::En, MinutesMsg::MnAvailableHeader.into()).as_str()));
    let (answer, _) = app.press(&late, list.message_id, &button(&list, "mn:r:")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MinutesMsg::MnResent.into()).as_str()));
    app.settle().await;
    let got = protected_to(&app, late.id);
    assert_eq!(got.len(), 1);
    assert!(got[0].text.as_deref().unwrap().starts_with("🔒 Internal — do not forward\nMinutes — "));
    let receipts: Vec<i64> =
        sqlx::query_scalar("SELECT person_id FROM receipts ORDER BY id").fetch_all(app.ctx.db.pool()).await.unwrap();
    assert_eq!(receipts.len(), 5);
    // Someone from another mechanism cannot get them by forging the button.
    let (answer, _) = app.press(&c.other_mechanism, 1, &button(&list, "mn:r:")).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    app.stop().await;
}

#[tokio::test]
async fn action_points_are_reminded_before_and_on_the_due_date_and_marked_done() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = ended_meeting(&app).await; // 5 November 2026, 10:00
    svc::share(
        &app.ctx,
        Actor::CommandLine,
        m.id,
        &MinutesContent::Text("PV".into()),
        Some("Cartographie des services — NRC — 20/11/2026\nRapport — UNHCR — 10/11/2026"),
    )
    .await
    .unwrap();
    app.settle().await;
    // 17 November 09:00: three days before NRC's due date.
    let until = chrono::DateTime::parse_from_rfc3339("2026-11-17T09:00:00Z").unwrap().to_utc();
    app.advance(until - app.clock.now());
    app.settle().await;
    assert_eq!(count_starting(&app, c.focal.id, "📌"), 1);
    assert_eq!(count_starting(&app, c.alternate.id, "📌"), 1);
    let reminder = app
        .fake
        .sent_to(c.alternate.id)
        .into_iter()
        .rev()
        .find(|s| s.text.as_deref().unwrap_or("").starts_with("📌"))
        .unwrap();
    assert!(reminder.text.as_deref().unwrap().contains("due on 20/11/2026: Cartographie des services (NRC"));

    // /actions: the plan, with the late one (UNHCR's, due the 10th) marked.
    let plan = app.send(&c.focal, "/actions").await;
    let text = plan.text.clone().unwrap();
    assert!(text.contains("⏰") && text.contains("Rapport — UNHCR — 10/11/2026 (en retard)"), "{text}");
    assert_eq!(plan.button_data().len(), 1, "the focal point may mark only NRC's");
    // IRC's focal point of another mechanism cannot mark it.
    let (answer, _) = app.press(&c.other_mechanism, 1, &reminder.button_data()[0]).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MainMsg::NotAllowed.into()).as_str()));
    let done = app.press_expect_edit(&c.alternate, reminder.message_id, &reminder.button_data()[0]).await;
    assert_eq!(done.text.unwrap(), "✅ Done: Cartographie des services");
    // Done: no reminder on the due date.
    app.advance(Duration::days(3));
    app.settle().await;
    assert_eq!(count_starting(&app, c.focal.id, "📌"), 1);
    let plan = app.send(&c.chair, "/actions").await.text.unwrap();
    assert!(plan.contains("✅ no.") && plan.contains("Cartographie des services"), "{plan}");
    app.stop().await;
}

#[tokio::test]
async fn a_coordinator_shares_a_document_with_chosen_mechanisms_only() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    assert_eq!(app.send(&c.focal, "/share").await.text.unwrap(), app.t(Language::Fr, MainMsg::NotAllowed.into()));
    app.send(&c.coordinator, "/share").await;
    let before = app.fake.mark();
    send_document(&app, &c.coordinator, "FILE-OCHA-HNO", "HNO 2027.pdf", Some("Aperçu des besoins humanitaires"));
    let picker = app.next_reply(c.coordinator.id, before).await;
    let vbg = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let (nothing, _) = app.press(&c.coordinator, picker.message_id, "sh:ok").await;
    assert_eq!(nothing.str_param("text"), Some(app.t(Language::Fr, MinutesMsg::ShareNothingSelected.into()).as_str()));
    let picked = app.press_expect_edit(&c.coordinator, picker.message_id, &format!("sh:t:{}", vbg.id)).await;
    assert!(picked.reply_markup.unwrap().to_string().contains("✅ SC-VBG"));
    let done = app.press_expect_edit(&c.coordinator, picker.message_id, "sh:ok").await;
    assert!(done.text.unwrap().starts_with("✅ Document partagé"));
    app.settle().await;
    for u in [&c.chair, &c.focal, &c.alternate, &c.coordinator] {
        let got = protected_to(&app, u.id);
        assert_eq!(got.len(), 1, "{}", u.first_name);
        assert_eq!(got[0].document_file_id.as_deref(), Some("FILE-OCHA-HNO"));
        assert!(got[0].text.as_deref().unwrap().ends_with("Aperçu des besoins humanitaires"));
    }
    assert!(protected_to(&app, c.other_mechanism.id).is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_chair_shares_a_document_with_the_mechanism_they_chair_only() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let vbg = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let pe = membership::mechanism(&app.ctx, "SC-PE").await.unwrap();
    let expired = app.t(Language::En, MainMsg::ButtonExpired.into());

    app.send(&c.chair, "/share").await;
    let before = app.fake.mark();
    send_document(&app, &c.chair, "FILE-VBG-NOTE", "Note VBG.pdf", Some("Note de plaidoyer VBG"));
    let picker = app.next_reply(c.chair.id, before).await;
    // Only the mechanism they chair is offered, chosen already.
    let toggles: Vec<String> = picker.button_data().into_iter().filter(|d| d.starts_with("sh:t:")).collect();
    assert_eq!(toggles, [format!("sh:t:{}", vbg.id)], "{:?}", picker.reply_markup);
    assert!(picker.reply_markup.as_ref().unwrap().to_string().contains("✅ SC-VBG"));
    // A forged press for a mechanism they do not chair does nothing.
    let (answer, _) = app.press(&c.chair, picker.message_id, &format!("sh:t:{}", pe.id)).await;
    assert_eq!(answer.str_param("text"), Some(expired.as_str()));
    let done = app.press_expect_edit(&c.chair, picker.message_id, "sh:ok").await;
    assert!(done.text.unwrap().starts_with("✅"));
    app.settle().await;
    for u in [&c.chair, &c.focal, &c.alternate] {
        let got = protected_to(&app, u.id);
        assert_eq!(got.len(), 1, "{}", u.first_name);
        assert_eq!(got[0].document_file_id.as_deref(), Some("FILE-VBG-NOTE"));
        let lang = if u.id == c.focal.id { Language::Fr } else { Language::En };
        let caption = app.t(lang, MinutesMsg::DocumentCaption { chair: "SC-VBG".into() }.into());
        assert!(got[0].text.as_deref().unwrap().contains(&caption), "{:?}", got[0].text);
    }
    assert!(protected_to(&app, c.other_mechanism.id).is_empty(), "SC-PE is not the chair's");
    // Filed in the library of SC-VBG.
    let docs = app.send(&c.focal, "/docs").await;
    let types = app.press_expect_edit(&c.focal, docs.message_id, &format!("lib:m:{}", vbg.id)).await;
    let other = cluster_bot::domain::library::DocType::Other.code();
    assert!(types.button_data().contains(&format!("lib:t:{}:{other}:0", vbg.id)), "{:?}", types.reply_markup);
    app.stop().await;
}

#[tokio::test]
async fn minutes_text_with_a_phone_number_is_kept_only_once_the_chair_confirms() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = ended_meeting(&app).await;
    let en = Language::En;

    let pick = app.send(&c.chair, "/minutes").await;
    app.press_expect_edit(&c.chair, pick.message_id, &format!("mn:m:{}", m.id)).await;
    // A text with a number: warned, not refused, nothing kept yet.
    let warning = app.send(&c.chair, "Point 1 : le témoin (76 12 34 56) sera recontacté.").await;
    assert_eq!(
        warning.text.as_deref(),
        Some(app.t(en, MinutesMsg::MnPersonalDataWarning { kind: "phone".into() }.into()).as_str())
    );
    assert_eq!(button(&warning, "mn:k"), "mn:k");
    // The chair sends the corrected text instead: no warning, on to the action points.
    let actions_q = app.send(&c.chair, "Point 1 : le témoin sera recontacté par le service social.").await;
    assert!(actions_q.text.unwrap().starts_with(&app.t(en, MinutesMsg::MnAskActions.into())));
    // The old warning's button no longer applies.
    let (stale, _) = app.press(&c.chair, warning.message_id, "mn:k").await;
    assert_eq!(stale.str_param("text"), Some(app.t(en, MainMsg::ButtonExpired.into()).as_str()));
    // An action point is shared beyond the minutes' readers: personal data there is refused,
    // with a sentence that fits it (not the 4W's), and asked again.
    let again = app.send(&c.chair, "Rappeler le témoin au 76 12 34 56 — NRC — 20/11/2026").await;
    let refused = again.text.clone().unwrap();
    let sentence = app.t(en, MainMsg::PersonalDataRefused { kind: "phone".into() }.into());
    assert!(refused.starts_with(&sentence) && !sentence.contains("4W"), "{refused}");
    let decisions_q = app.press_expect_edit(&c.chair, again.message_id, "mn:s").await;
    let summary = app.press_expect_edit(&c.chair, decisions_q.message_id, "mn:ds").await;
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;
    let shared = protected_to(&app, c.focal.id);
    assert_eq!(shared.len(), 1);
    assert!(shared[0].text.as_deref().unwrap().contains("par le service social"), "the corrected text");
    assert!(!shared[0].text.as_deref().unwrap().contains("76 12"));

    // Another meeting: the chair keeps a number on purpose (an e-mail here) and confirms.
    let m2 = ended_meeting(&app).await;
    let pick = app.send(&c.chair, "/minutes").await;
    app.press_expect_edit(&c.chair, pick.message_id, &format!("mn:m:{}", m2.id)).await;
    let warning = app.send(&c.chair, "Contact du cluster : coordination@cluster-mali.org").await;
    assert_eq!(
        warning.text.as_deref(),
        Some(app.t(en, MinutesMsg::MnPersonalDataWarning { kind: "email".into() }.into()).as_str())
    );
    let (answer, after) = app.press(&c.chair, warning.message_id, "mn:k").await;
    assert!(answer.str_param("text").is_none(), "{:?}", answer.params);
    let actions_q = after.iter().rev().find(|s| s.is_send()).expect("asked for the action points");
    assert!(actions_q.text.as_deref().unwrap().starts_with(&app.t(en, MinutesMsg::MnAskActions.into())));
    let decisions_q = app.press_expect_edit(&c.chair, actions_q.message_id, "mn:s").await;
    let summary = app.press_expect_edit(&c.chair, decisions_q.message_id, "mn:ds").await;
    app.press_expect_edit(&c.chair, summary.message_id, "mn:ok").await;
    app.settle().await;
    let shared = protected_to(&app, c.focal.id);
    assert_eq!(shared.len(), 2);
    assert!(shared[1].text.as_deref().unwrap().contains("coordination@cluster-mali.org"), "kept as confirmed");

    app.stop().await;
}
