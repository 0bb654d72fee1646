//! Seats and who holds them, end to end (the real bot against the fake Bot API server): a
//! chair who takes a seat by their own link, one organisation per person in a mechanism,
//! invitations revoked with their issuer's rights, and dialogs opened for a seat since lost.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/harness.rs"]
mod harness;

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
