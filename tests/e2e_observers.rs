//! The observer policy covers every internal matter of a mechanism, not only its minutes: in
//! the strategic advisory group (GCS, observers kept out by default) an observer organisation's
//! focal point receives neither the vote's question nor its result, does not find the vote in
//! /decisions nor the action points in /actions, and is not reminded of an action point — all
//! checked again when each message is sent. In CPN, whose policy lets observers in, the same
//! observer gets the question (without a ballot).

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::jobs::{DecisionMsg, Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::vote::{Choices, Secrecy};
use cluster_bot::domain::{Clock, Role};
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::minutes::{self, MinutesContent};
use cluster_bot::services::votes::{self, VoteDraft};
use cluster_bot::services::{audit, membership};
use cluster_bot::storage::jobs;
use fake_bot_api::FakeUser;
use harness::TestBot;

const QUESTION: &str = "Valider la stratégie de plaidoyer 2027 ?";

fn received(app: &TestBot, user: &FakeUser, needle: &str) -> usize {
    app.fake.sent_to(user.id).iter().filter(|s| s.text.as_deref().is_some_and(|t| t.contains(needle))).count()
}

fn draft(mechanism_id: i64) -> VoteDraft {
    VoteDraft {
        mechanism_id,
        meeting_id: None,
        question: QUESTION.into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(48),
        quorum_percent: None,
    }
}

#[tokio::test]
async fn observers_see_nothing_internal_of_a_mechanism_that_keeps_them_out() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(951, "Chair").language("fr");
    let member = FakeUser::new(952, "Membre").language("fr");
    let observer = FakeUser::new(953, "Observateur").language("fr");
    app.member(&chair, "UNHCR", "GCS", Role::Chair).await;
    app.member(&member, "NRC", "GCS", Role::Focal).await;
    app.member(&observer, "CICR", "GCS", Role::Focal).await;
    app.member(&observer, "CICR", "CPN", Role::Focal).await;
    app.member(&FakeUser::new(954, "Autre").language("fr"), "IRC", "CPN", Role::Focal).await;
    let gcs = membership::mechanism(&app.ctx, "GCS").await.unwrap();
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();

    // A vote in GCS: the member is asked, the observer is not; then the result.
    let v = votes::open(&app.ctx, Actor::CommandLine, draft(gcs.id)).await.unwrap().unwrap();
    app.settle().await;
    assert_eq!(received(&app, &member, QUESTION), 1);
    assert_eq!(received(&app, &observer, QUESTION), 0, "no question to the observer in GCS");
    let decisions = app.send(&observer, "/decisions").await;
    assert!(!decisions.text.unwrap_or_default().contains(QUESTION), "nor in /decisions");
    // Even queued by hand (as an older version of the bot did), it is withheld at sending.
    let person = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, observer.id).await.unwrap().unwrap();
    let job =
        Job::Deliver { person_id: person.id, message: Outgoing::Decision(DecisionMsg::VoteResult { vote_id: v.id }) };
    let now = app.clock.now();
    jobs::enqueue(&app.ctx.db, "old:result", &job, now, now).await.unwrap();
    app.advance(Duration::hours(49));
    app.settle().await;
    assert_eq!(received(&app, &observer, QUESTION), 0, "no result either");
    assert!(received(&app, &member, QUESTION) >= 2, "the member got the result");
    let trail = audit::since(&app.ctx, Actor::CommandLine, now - Duration::days(1)).await.unwrap();
    assert!(trail.iter().any(|e| e.detail.as_deref().is_some_and(|d| d.contains("observer_excluded"))), "{trail:?}");

    // An action point for the observer organisation in GCS minutes: not in /actions, not reminded.
    let start = app.clock.now() + Duration::days(3);
    let meeting = MeetingDraft {
        mechanism_id: gcs.id,
        starts_at: start,
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let m = meetings::create(&app.ctx, Actor::CommandLine, meeting).await.unwrap().remove(0);
    app.advance(Duration::days(3) + Duration::hours(2));
    app.settle().await;
    let due = (app.clock.now() + Duration::days(10)).with_timezone(&chrono_tz::Africa::Bamako).format("%d/%m/%Y");
    let actions = format!("Note sur l'accès humanitaire — CICR — {due}\nCartographie des acteurs — NRC — {due}");
    minutes::share(&app.ctx, Actor::CommandLine, m.id, &MinutesContent::Text("PV".into()), Some(&actions))
        .await
        .unwrap();
    app.settle().await;
    app.advance(Duration::days(8));
    app.settle().await;
    assert_eq!(received(&app, &observer, "Note sur l'accès humanitaire"), 0, "no reminder to the observer");
    assert!(received(&app, &member, "Cartographie des acteurs") >= 1, "the member is reminded");
    let plan = app.send(&observer, "/actions").await;
    assert!(!plan.text.unwrap_or_default().contains("Note sur l'accès"), "nor in /actions");

    // In CPN observers are let in: the same observer gets the question, without a ballot.
    votes::open(
        &app.ctx,
        Actor::CommandLine,
        VoteDraft { question: "Adopter le plan de travail ?".into(), ..draft(cpn.id) },
    )
    .await
    .unwrap()
    .unwrap();
    app.settle().await;
    let cpn_q = app
        .fake
        .sent_to(observer.id)
        .into_iter()
        .find(|s| s.text.as_deref().is_some_and(|t| t.contains("Adopter le plan de travail")))
        .expect("the question reaches the observer in CPN");
    assert!(cpn_q.button_data().iter().all(|d| !d.starts_with("dc:b:")), "without a ballot");
    app.stop().await;
}
