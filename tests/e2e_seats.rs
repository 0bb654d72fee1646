//! Seats and who holds them, end to end (the real bot against the fake Bot API server): a
//! chair who takes a seat by their own link, one organisation per person in a mechanism,
//! invitations revoked with their issuer's rights, and dialogs opened for a seat since lost.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::vote::{Choices, Secrecy};
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::MainMsg;
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::votes::{self, VoteDraft};
use cluster_bot::services::{admin, membership, people, reports};
use cluster_bot::storage::{memberships, people as people_store};
use fake_bot_api::{FakeUser, SentMessage};
use harness::TestBot;

fn text(msg: &SentMessage) -> String {
    msg.text.clone().unwrap_or_default()
}

async fn coordinator(app: &TestBot, id: i64, name: &str) -> FakeUser {
    people::add_coordinator(&app.ctx, id, name).await.unwrap();
    FakeUser::new(id, name).language("fr")
}

async fn roles(app: &TestBot, user: &FakeUser) -> Vec<(String, String, Role)> {
    let Some(p) = people_store::by_telegram_id(&app.ctx.db, user.id).await.unwrap() else {
        return vec![];
    };
    let mut all: Vec<_> = memberships::active_for_person(&app.ctx.db, p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.organisation.acronym, m.mechanism.code, m.role))
        .collect();
    all.sort_by_key(|(o, m, r)| (o.clone(), m.clone(), r.as_str()));
    all
}

/// Makes an invitation link in the chat with /invite (mechanism, organisation, role) and
/// returns its code.
async fn invite_in_chat(app: &TestBot, user: &FakeUser, mech: &str, org: &str, role: &str) -> String {
    let m = membership::mechanism(&app.ctx, mech).await.unwrap();
    let pick = app.send(user, "/invite").await;
    app.press_expect_edit(user, pick.message_id, &format!("inv:m:{}", m.id)).await;
    let roles = app.send(user, org).await;
    let link = app.press_expect_edit(user, roles.message_id, &format!("inv:r:{role}")).await;
    let t = text(&link);
    t.split("start=").nth(1).unwrap_or_else(|| panic!("no link in {t}")).split_whitespace().next().unwrap().into()
}

/// Runs the joining dialog up to Accept; returns the last message (welcome or refusal).
async fn redeem(app: &TestBot, user: &FakeUser, code: &str) -> SentMessage {
    let preview = app.send(user, &format!("/start {code}")).await;
    if !preview.button_data().iter().any(|d| d == "join:name") {
        return preview;
    }
    let principles = app.press_expect_edit(user, preview.message_id, "join:name").await;
    app.press_expect_edit(user, principles.message_id, "join:yes").await
}

/// Every message sent to the user after the first `before`.
fn since(app: &TestBot, user: &FakeUser, before: usize) -> Vec<String> {
    app.fake.sent_to(user.id).iter().skip(before).map(text).collect()
}

#[tokio::test]
async fn a_chair_takes_their_organisations_seat_by_their_own_link_and_the_coordinators_are_told() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let chair = FakeUser::new(2, "Mariam").language("en");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    // The digest of that first join is out of the way.
    app.advance(Duration::minutes(11));
    app.settle().await;
    let before = app.fake.sent_to(coordo.id).len();

    // UNHCR has no focal point in CPN: the chair makes the link and uses it.
    let code = invite_in_chat(&app, &chair, "CPN", "UNHCR", "f").await;
    let done = redeem(&app, &chair, &code).await;
    assert!(text(&done).starts_with("Welcome! You are UNHCR's focal point for"), "{}", text(&done));
    assert_eq!(
        roles(&app, &chair).await,
        [("UNHCR".into(), "CPN".into(), Role::Chair), ("UNHCR".into(), "CPN".into(), Role::Focal)]
    );

    // The coordinators are told of the join, though the only chair is the one who joined.
    app.advance(Duration::minutes(11));
    app.settle().await;
    let told = since(&app, &coordo, before);
    assert!(told.iter().any(|t| t.contains("Mariam (UNHCR)")), "the coordinator is told: {told:?}");

    // The chair now votes for UNHCR.
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let unhcr = membership::organisation(&app.ctx, "UNHCR").await.unwrap();
    let draft = VoteDraft {
        mechanism_id: cpn.id,
        meeting_id: None,
        question: "Adopter le plan de travail ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(48),
        quorum_percent: None,
    };
    let v = votes::open(&app.ctx, Actor::CommandLine, draft).await.unwrap().unwrap();
    app.settle().await;
    let question = app
        .fake
        .sent_to(chair.id)
        .into_iter()
        .rev()
        .find(|s| s.button_data().iter().any(|d| d.starts_with(&format!("dc:b:{}:{}:", v.id, unhcr.id))))
        .expect("the chair is asked to vote for UNHCR");
    let (answer, _) = app.press(&chair, question.message_id, &format!("dc:b:{}:{}:0", v.id, unhcr.id)).await;
    assert!(answer.str_param("text").is_none_or(|t| !t.contains("not")), "{:?}", answer.params);
    assert_eq!(votes::ballot_of(&app.ctx, v.id, unhcr.id).await.unwrap(), Some(0));

    // Answers a meeting's invitation for UNHCR.
    let meeting = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + Duration::days(5),
        duration_minutes: 60,
        place: Some("UNHCR, Bamako".into()),
        agenda: None,
        kind: cluster_bot::domain::meeting::MeetingKind::Regular,
        monthly: false,
    };
    let m = meetings::create(&app.ctx, Actor::CommandLine, meeting).await.unwrap()[0].id;
    app.settle().await;
    let attend = format!("r:{m}:{}:a", unhcr.id);
    let inv = app
        .fake
        .sent_to(chair.id)
        .into_iter()
        .rev()
        .find(|s| s.button_data().contains(&attend))
        .expect("the chair gets UNHCR's invitation");
    app.press(&chair, inv.message_id, &attend).await;
    let access = people::access(&app.ctx, people_store::by_telegram_id(&app.ctx.db, chair.id).await.unwrap().unwrap())
        .await
        .unwrap();
    let mine = meetings::upcoming_for(&app.ctx, &access).await.unwrap();
    assert!(mine.iter().any(|x| x.meeting.id == m && x.organisation.id == unhcr.id && x.answer.is_some()), "{mine:?}");

    // And reports UNHCR's 4W.
    assert!(reports::reporting_seats(&access).iter().any(|(o, me)| o.id == unhcr.id && me.id == cpn.id));
    let report = app.send(&chair, "/report").await;
    let month = report.button_data().into_iter().find(|d| d.starts_with("fw:mo:")).expect("a month to pick");
    let next = app.press_expect_edit(&chair, report.message_id, &month).await;
    assert!(text(&next).contains("UNHCR") && text(&next).contains("CPN"), "{}", text(&next));
    app.stop().await;
}

#[tokio::test]
async fn a_seat_of_another_organisation_refuses_an_invitation_which_stays_unused() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let chair = FakeUser::new(2, "Mariam").language("en");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let focal = FakeUser::new(3, "Moussa").language("fr");
    app.member(&focal, "IRC", "CPN", Role::Focal).await;
    app.advance(Duration::minutes(11));
    app.settle().await;

    // The chair's link for NRC: neither the chair (UNHCR) nor IRC's focal point may use it.
    let code = invite_in_chat(&app, &chair, "CPN", "NRC", "f").await;
    let refused = redeem(&app, &chair, &code).await;
    let why = MainMsg::JoinOtherOrganisation { org: "NRC".into(), mechanism: "CPN".into(), other: "UNHCR".into() };
    assert_eq!(text(&refused), app.t(Language::En, why.into()));
    let refused = redeem(&app, &focal, &code).await;
    let why = MainMsg::JoinOtherOrganisation { org: "NRC".into(), mechanism: "CPN".into(), other: "IRC".into() };
    assert_eq!(text(&refused), app.t(Language::Fr, why.into()));
    assert_eq!(roles(&app, &focal).await, [("IRC".into(), "CPN".into(), Role::Focal)]);
    let pending = admin::pending_invitations(&app.ctx, Actor::CommandLine).await.unwrap();
    assert!(pending.iter().any(|i| i.organisation == "NRC" && i.mechanism == "CPN"), "still unused");

    // Refused even when the dialog had started before the seat was taken.
    let code_b = invite_in_chat(&app, &chair, "CPN", "OXFAM", "a").await;
    let late = FakeUser::new(4, "Awa").language("en");
    let preview = app.send(&late, &format!("/start {code_b}")).await;
    let principles = app.press_expect_edit(&late, preview.message_id, "join:name").await;
    app.member(&late, "DRC/DDG", "CPN", Role::Focal).await;
    let refused = app.press_expect_edit(&late, principles.message_id, "join:yes").await;
    let why = MainMsg::JoinOtherOrganisation { org: "OXFAM".into(), mechanism: "CPN".into(), other: "DRC/DDG".into() };
    assert_eq!(text(&refused), app.t(Language::En, why.into()));
    assert_eq!(roles(&app, &late).await, [("DRC/DDG".into(), "CPN".into(), Role::Focal)]);

    // Someone without a seat in CPN uses the NRC link: the chair and the coordinators are told.
    app.advance(Duration::minutes(11));
    app.settle().await;
    let (coordo_before, chair_before) = (app.fake.sent_to(coordo.id).len(), app.fake.sent_to(chair.id).len());
    let newcomer = FakeUser::new(5, "Fatou").language("fr");
    let done = redeem(&app, &newcomer, &code).await;
    assert!(text(&done).starts_with("Bienvenue"), "{}", text(&done));
    assert_eq!(roles(&app, &newcomer).await, [("NRC".into(), "CPN".into(), Role::Focal)]);
    app.advance(Duration::minutes(11));
    app.settle().await;
    assert!(since(&app, &coordo, coordo_before).iter().any(|t| t.contains("Fatou (NRC)")), "coordinator told");
    assert!(since(&app, &chair, chair_before).iter().any(|t| t.contains("Fatou (NRC)")), "chair told");
    app.stop().await;
}

/// The callback data of the button whose label contains `label`.
fn labelled(msg: &SentMessage, label: &str) -> String {
    let rows = msg.reply_markup.as_ref().and_then(|m| m["inline_keyboard"].as_array()).cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        .find(|b| b["text"].as_str().is_some_and(|t| t.contains(label)))
        .and_then(|b| b["callback_data"].as_str().map(String::from))
        .unwrap_or_else(|| panic!("no button '{label}' in {:?}", msg.reply_markup))
}

async fn pending_id(app: &TestBot, org: &str) -> Option<i64> {
    let all = admin::pending_invitations(&app.ctx, Actor::CommandLine).await.unwrap();
    all.iter().find(|i| i.organisation == org).map(|i| i.id)
}

#[tokio::test]
async fn a_removed_chairs_invitations_are_revoked_and_chairs_cannot_revoke_a_coordinators() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let chair = FakeUser::new(2, "Mariam").language("en");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let nrc_code = invite_in_chat(&app, &chair, "CPN", "NRC", "f").await;
    let irc_code = invite_in_chat(&app, &chair, "CPN", "IRC", "a").await;
    let oxfam_code = invite_in_chat(&app, &coordo, "CPN", "OXFAM", "f").await;
    let oxfam = pending_id(&app, "OXFAM").await.unwrap();

    // The chair sees the coordinator's invitation without a revoke button, and a forged
    // press is refused at both steps.
    let menu = app.send(&chair, "/admin").await;
    let list = app.press_expect_edit(&chair, menu.message_id, "adm:il:0").await;
    assert!(text(&list).contains(&format!("#{oxfam} OXFAM")), "{}", text(&list));
    assert!(!list.button_data().contains(&format!("adm:rv:{oxfam}")), "{:?}", list.button_data());
    assert!(list.button_data().contains(&format!("adm:rv:{}", pending_id(&app, "NRC").await.unwrap())));
    let not_allowed = app.t(Language::En, MainMsg::NotAllowed.into());
    let (answer, _) = app.press(&chair, menu.message_id, &format!("adm:rv:{oxfam}")).await;
    assert_eq!(answer.str_param("text"), Some(not_allowed.as_str()));
    let (answer, _) = app.press(&chair, menu.message_id, &format!("adm:y:rv:{oxfam}")).await;
    assert!(answer.str_param("text").is_some(), "refused: {:?}", answer.params);
    let err = admin::revoke_invitation(
        &app.ctx,
        Actor::Person(
            &people::access(&app.ctx, people_store::by_telegram_id(&app.ctx.db, chair.id).await.unwrap().unwrap())
                .await
                .unwrap(),
        ),
        admin::Revoke::Id(oxfam),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, cluster_bot::domain::AppError::NotAllowed), "{err}");
    assert_eq!(pending_id(&app, "OXFAM").await, Some(oxfam));

    // The coordinator removes the chair: the chair's two invitations are revoked, not the
    // coordinator's; the audit and the coordinators say so.
    app.settle().await;
    let before = app.fake.sent_to(coordo.id).len();
    let menu = app.send(&coordo, "/admin").await;
    let chairs = app.press_expect_edit(&coordo, menu.message_id, &format!("adm:cl:{}", cpn.id)).await;
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&chairs, "❌ Mariam")).await;
    app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui, confirmer")).await;
    assert_eq!(pending_id(&app, "NRC").await, None);
    assert_eq!(pending_id(&app, "IRC").await, None);
    assert_eq!(pending_id(&app, "OXFAM").await, Some(oxfam));
    let stranger = FakeUser::new(50, "Newcomer").language("fr");
    for code in [&nrc_code, &irc_code] {
        let answer = app.send(&stranger, &format!("/start {code}")).await;
        assert_eq!(text(&answer), app.t(Language::Fr, MainMsg::JoinCodeExpired.into()));
    }
    let trail = cluster_bot::services::audit::since(&app.ctx, Actor::CommandLine, app.clock.now() - Duration::days(1))
        .await
        .unwrap();
    let revoked: Vec<_> = trail
        .iter()
        .filter(|e| e.action == "invitation_revoked" && e.detail.as_deref().is_some_and(|d| d.contains("issuer")))
        .collect();
    assert_eq!(revoked.len(), 2, "{trail:?}");
    assert!(revoked.iter().all(|e| e.actor.as_deref() == Some("Coordo")), "{revoked:?}");
    app.settle().await;
    let told = since(&app, &coordo, before);
    assert!(
        told.iter().any(|t| t.contains("Mariam") && t.contains("NRC — CPN") && t.contains("IRC — CPN")),
        "the coordinators are told: {told:?}"
    );
    // The coordinator's link still works.
    let done = redeem(&app, &stranger, &oxfam_code).await;
    assert!(text(&done).starts_with("Bienvenue"), "{}", text(&done));
    app.stop().await;
}

#[tokio::test]
async fn a_removed_coordinators_invitations_are_revoked() {
    let mut app = TestBot::start().await;
    let coordo = coordinator(&app, 1, "Coordo").await;
    let other = coordinator(&app, 3, "Kadi").await;
    let code = invite_in_chat(&app, &other, "CR-GAO", "NRC", "c").await;
    assert!(pending_id(&app, "NRC").await.is_some());

    let before = app.fake.sent_to(coordo.id).len();
    let menu = app.send(&coordo, "/admin").await;
    let list = app.press_expect_edit(&coordo, menu.message_id, "adm:kl").await;
    let ask = app.press_expect_edit(&coordo, menu.message_id, &labelled(&list, "❌ Kadi")).await;
    app.press_expect_edit(&coordo, menu.message_id, &labelled(&ask, "Oui")).await;
    assert_eq!(pending_id(&app, "NRC").await, None, "the chair invitation Kadi made is revoked");
    let answer = app.send(&FakeUser::new(50, "Newcomer").language("fr"), &format!("/start {code}")).await;
    assert_eq!(text(&answer), app.t(Language::Fr, MainMsg::JoinCodeExpired.into()));
    app.settle().await;
    let told = since(&app, &coordo, before);
    assert!(told.iter().any(|t| t.contains("Kadi") && t.contains("NRC — CR-GAO")), "{told:?}");
    app.stop().await;
}

#[tokio::test]
async fn a_former_focal_point_can_neither_read_nor_submit_the_4w_through_an_old_dialog() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(10, "Awa").language("en");
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    let lost = app.t(Language::En, MainMsg::DialogSeatLost.into());

    // A line half entered, then the seat ends: the next press acts on nothing and ends the dialog.
    let q = app.send(&focal, "/report").await;
    let start = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    let sector_q = app.press_expect_edit(&focal, start.message_id, "fw:add").await;
    let mopti = membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    admin::remove_member(&app.ctx, Actor::CommandLine, focal.id, Some(&mopti)).await.unwrap();
    app.settle().await;
    let (answer, after) = app.press(&focal, sector_q.message_id, "fw:sec:0").await;
    assert_eq!(answer.str_param("text"), Some(lost.as_str()));
    assert_eq!(after.iter().map(text).collect::<Vec<_>>(), [lost.as_str()], "no question asked");
    let reply = app.send(&focal, "Mopti").await;
    assert_eq!(text(&reply), app.t(Language::En, MainMsg::FreeTextHint.into()), "the dialog ended");

    // Joined again, a dialog at its start; removed again: neither "same as last month" (a
    // read) nor "no activity" (a submission) does anything.
    app.member(&focal, "NRC", "CR-MOPTI", Role::Focal).await;
    let q = app.send(&focal, "/report").await;
    let start = app.press_expect_edit(&focal, q.message_id, "fw:mo:202610").await;
    admin::remove_member(&app.ctx, Actor::CommandLine, focal.id, Some(&mopti)).await.unwrap();
    app.settle().await;
    for press in ["fw:copy", "fw:none"] {
        let (answer, _) = app.press(&focal, start.message_id, press).await;
        let expected =
            if press == "fw:copy" { lost.clone() } else { app.t(Language::En, MainMsg::ButtonExpired.into()) };
        assert_eq!(answer.str_param("text"), Some(expected.as_str()), "{press}");
    }
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let month = cluster_bot::domain::fourw::ReportingMonth::parse("2026-10").unwrap();
    assert!(reports::existing(&app.ctx, nrc.id, mopti.id, month).await.unwrap().is_none(), "nothing submitted");
    app.stop().await;
}

#[tokio::test]
async fn a_former_chairs_meeting_and_vote_dialogs_act_on_nothing() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(2, "Mariam").language("en");
    app.member(&chair, "UNHCR", "CR-GAO", Role::Chair).await;
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let lost = app.t(Language::En, MainMsg::DialogSeatLost.into());

    // A vote being written, and the chair removed: the question typed next opens nothing.
    app.member(&chair, "UNHCR", "CR-GAO", Role::Focal).await;
    app.send(&chair, "/vote").await;
    admin::remove_chair(&app.ctx, Actor::CommandLine, chair.id, &gao).await.unwrap();
    app.settle().await;
    let reply = app.send(&chair, "Adopter le plan de travail ?").await;
    assert_eq!(text(&reply), lost);
    let access = people::access(&app.ctx, people_store::by_telegram_id(&app.ctx.db, chair.id).await.unwrap().unwrap())
        .await
        .unwrap();
    assert!(votes::decisions(&app.ctx, &access, 10).await.unwrap().is_empty());
    let reply = app.send(&chair, "Adopter le plan de travail ?").await;
    assert_eq!(text(&reply), app.t(Language::En, MainMsg::FreeTextHint.into()), "the dialog ended");

    // A meeting being made: the date pressed next creates nothing.
    admin::add_chair(&app.ctx, Actor::CommandLine, chair.id, &gao, None).await.unwrap();
    app.settle().await;
    let dates = app.send(&chair, "/newmeeting").await;
    let date = dates.button_data().into_iter().find(|d| d.starts_with("nm:d:")).expect("a date to pick");
    admin::remove_chair(&app.ctx, Actor::CommandLine, chair.id, &gao).await.unwrap();
    app.settle().await;
    let (answer, after) = app.press(&chair, dates.message_id, &date).await;
    assert_eq!(answer.str_param("text"), Some(lost.as_str()));
    assert_eq!(after.last().map(text), Some(lost.clone()));
    assert!(after.iter().all(|s| s.method == "sendMessage"), "the question was not edited on: {after:?}");
    app.stop().await;
}

#[tokio::test]
async fn a_member_who_left_posts_no_situation_item_and_raises_no_alert_through_an_old_dialog() {
    let mut app = TestBot::start().await;
    let member = FakeUser::new(11, "Aminata").language("en");
    app.member(&member, "NRC", "CR-GAO", Role::Focal).await;
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let lost = app.t(Language::En, MainMsg::DialogSeatLost.into());
    let hint = app.t(Language::En, MainMsg::FreeTextHint.into());
    let count = |table: &'static str| {
        let db = app.ctx.db.clone();
        async move {
            let n: i64 =
                sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(db.pool()).await.unwrap();
            n
        }
    };

    // A situation item half written (place and theme chosen), then the seat ends: the paragraph
    // is not taken and the dialog ends with the notice.
    let places = app.send(&member, "/situation").await;
    let themes = app.press_expect_edit(&member, places.message_id, "st:p:0701").await;
    let theme = format!("st:t:{}", cluster_bot::domain::situation::Theme::ChildProtection.code());
    app.press_expect_edit(&member, themes.message_id, &theme).await;
    admin::remove_member(&app.ctx, Actor::CommandLine, member.id, Some(&gao)).await.unwrap();
    app.settle().await;
    let reply = app.send(&member, "Families arrive in Ansongo from the north.").await;
    assert_eq!(text(&reply), lost, "the paragraph is not taken");
    let again = app.send(&member, "Families arrive in Ansongo from the north.").await;
    assert_eq!(text(&again), hint, "the dialog ended");
    assert_eq!(count("situation_items").await, 0);

    // Joined again, an alert dialog opened; removed again: its buttons do nothing.
    app.member(&member, "NRC", "CR-GAO", Role::Focal).await;
    let alert_regions = app.send(&member, "/alert").await;
    admin::remove_member(&app.ctx, Actor::CommandLine, member.id, Some(&gao)).await.unwrap();
    app.settle().await;
    let region = alert_regions.button_data().into_iter().find(|d| d.starts_with("al:r:")).expect("region buttons");
    let (answer, after) = app.press(&member, alert_regions.message_id, &region).await;
    assert_eq!(answer.str_param("text"), Some(lost.as_str()));
    assert_eq!(after.iter().map(text).collect::<Vec<_>>(), [lost.as_str()], "no cercle asked");
    assert_eq!(count("alerts").await, 0);
    app.stop().await;
}
