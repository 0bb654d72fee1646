//! What one person can make the bot queue by pressing again and again is bounded: charts
//! (📊) and hand-overs of an attendance answer are refused past their limit with the wait, in
//! the person's language, and nothing more is queued. A chart is checked again when it is
//! sent, like every delivery: a chair who lost the seat meanwhile gets nothing, and the audit
//! trail says why.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::figures::ChartRequest;
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::meeting::{MeetingKind, RsvpAnswer};
use cluster_bot::domain::{Clock, Language, Role};
use cluster_bot::i18n::{ChartsMsg, MainMsg};
use cluster_bot::services::meetings::Actor as AdminActor;
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::{admin, audit, membership};
use cluster_bot::storage::jobs;
use fake_bot_api::FakeUser;
use harness::TestBot;

async fn chart_jobs(app: &TestBot) -> usize {
    jobs::all(&app.ctx.db).await.unwrap().iter().filter(|j| j.idempotency_key.starts_with("chart:")).count()
}

#[tokio::test]
async fn charts_pressed_too_often_are_refused_with_the_wait() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(901, "Chair").language("en");
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let mopti = membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    let help = app.send(&chair, "/help").await;
    let data = format!("ch:a:{}", mopti.id);
    let coming = app.t(Language::En, ChartsMsg::ChartComing.into());
    for _ in 0..9 {
        let (answer, _) = app.press(&chair, help.message_id, &data).await;
        assert_eq!(answer.str_param("text"), Some(coming.as_str()));
    }
    let (answer, _) = app.press(&chair, help.message_id, &data).await;
    let refused = app.t(Language::En, MainMsg::PressedTooOften { minutes: 10 }.into());
    assert_eq!(answer.str_param("text"), Some(refused.as_str()));
    assert_eq!(chart_jobs(&app).await, 9, "nothing queued past the limit");
    // Ten minutes later the window has passed.
    app.advance(Duration::minutes(10) + Duration::seconds(1));
    let (answer, _) = app.press(&chair, help.message_id, &data).await;
    assert_eq!(answer.str_param("text"), Some(coming.as_str()));
}

#[tokio::test]
async fn an_attendance_answer_handed_over_again_and_again_is_refused_past_three_an_hour() {
    let app = TestBot::start().await;
    let focal = FakeUser::new(911, "Focal").language("fr");
    let alternate = FakeUser::new(912, "Alt").language("en");
    app.member(&FakeUser::new(910, "Chair").language("en"), "UNHCR", "CPN", Role::Chair).await;
    app.member(&focal, "NRC", "CPN", Role::Focal).await;
    app.member(&alternate, "NRC", "CPN", Role::Alternate).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + Duration::days(5),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let m = meetings::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    app.settle().await;
    let help = app.send(&focal, "/help").await;
    let (hand, attend) = (format!("r:{}:{}:h", m.id, nrc.id), format!("r:{}:{}:a", m.id, nrc.id));
    for _ in 0..3 {
        app.press(&focal, help.message_id, &hand).await;
        app.advance(Duration::seconds(2));
        app.press(&focal, help.message_id, &attend).await;
        app.advance(Duration::seconds(2));
    }
    let (answer, _) = app.press(&focal, help.message_id, &hand).await;
    let refused = app.t(Language::Fr, MainMsg::PressedTooOften { minutes: 60 }.into());
    assert_eq!(answer.str_param("text"), Some(refused.as_str()));
    let kept = cluster_bot::storage::meetings::answer(&app.ctx.db, m.id, nrc.id).await.unwrap();
    assert_eq!(kept, Some(RsvpAnswer::Focal), "the answer stays as it was");
    app.settle().await;
    let asked = jobs::all(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.idempotency_key.starts_with(&format!("m{}:handover:", m.id)))
        .count();
    assert_eq!(asked, 3, "the alternate was asked three times, not more");
    // An hour later it may be handed over again.
    app.advance(Duration::hours(1) + Duration::seconds(1));
    let (answer, _) = app.press(&focal, help.message_id, &hand).await;
    assert_ne!(answer.str_param("text"), Some(refused.as_str()));
}

#[tokio::test]
async fn a_chart_is_checked_again_when_it_is_sent() {
    let app = TestBot::start().await;
    let chair = FakeUser::new(921, "Chair").language("en");
    app.member(&chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    cluster_bot::services::people::add_coordinator(&app.ctx, 929, "Coordo").await.unwrap();
    let mopti = membership::mechanism(&app.ctx, "CR-MOPTI").await.unwrap();
    let person = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, chair.id).await.unwrap().unwrap();
    // Queued while chair, due later; the seat ends meanwhile.
    let job = Job::Deliver {
        person_id: person.id,
        message: Outgoing::Chart { chart: ChartRequest::Attendance { mechanism_id: mopti.id } },
    };
    let now = app.clock.now();
    jobs::enqueue(&app.ctx.db, "chart:late", &job, now + Duration::minutes(5), now).await.unwrap();
    admin::remove_chair(&app.ctx, AdminActor::CommandLine, chair.id, &mopti).await.unwrap();
    app.advance(Duration::minutes(6));
    app.settle().await;
    assert!(app.fake.sent_to(chair.id).iter().all(|s| s.method != "sendPhoto"), "no chart sent");
    let trail = audit::since(&app.ctx, AdminActor::CommandLine, now - Duration::days(1)).await.unwrap();
    assert!(
        trail.iter().any(|e| e.detail.as_deref().is_some_and(|d| d.contains("chart_not_allowed"))),
        "the audit trail says why: {trail:?}"
    );
}
