//! Who may see what, to the last message, end to end (the real bot against the fake Bot
//! API server): a focal point removed in the middle of a minutes distribution receives
//! nothing more — not the minutes, not a meeting change, not a 4W matrix — and the audit
//! trail shows the removal and what was withheld.

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::jobs::{FourwMsg, Job, Outgoing};
use cluster_bot::domain::{Clock, Role};
use cluster_bot::services::meetings::{self, Actor};
use cluster_bot::services::minutes::{self, MinutesContent};
use cluster_bot::services::{admin, audit, membership, people};
use cluster_bot::storage::{jobs, reference};
use fake_bot_api::FakeUser;
use harness::TestBot;

/// Messages with protected content sent to a chat, other than invitations with their calendar
/// file (minutes, documents).
fn protected(app: &TestBot, chat: i64) -> usize {
    let invitation = |s: &fake_bot_api::SentMessage| s.document_name.as_deref().is_some_and(|n| n.ends_with(".ics"));
    app.fake
        .sent_to(chat)
        .iter()
        .filter(|s| s.protect_content && s.method.starts_with("send") && !invitation(s))
        .count()
}

#[tokio::test]
async fn a_focal_point_removed_during_a_distribution_receives_nothing_more() {
    let mut app = TestBot::start().await;
    let coordinator = FakeUser::new(1, "Coordo").language("fr");
    people::add_coordinator(&app.ctx, coordinator.id, "Coordo").await.unwrap();
    let chair = FakeUser::new(2, "Chair").language("fr");
    app.member(&chair, "UNHCR", "SC-VBG", Role::Chair).await;
    // Every organisation's focal point and alternate: a distribution of over a hundred messages.
    let mut everyone = vec![];
    for (i, org) in reference::organisations(&app.ctx.db).await.unwrap().iter().enumerate() {
        if org.acronym == "NRC" {
            continue;
        }
        for (k, role) in [Role::Focal, Role::Alternate].into_iter().enumerate() {
            let user = FakeUser::new(100 + 2 * i as i64 + k as i64, "Member").language("fr");
            app.member(&user, &org.acronym, "SC-VBG", role).await;
            everyone.push(user);
        }
    }
    // The focal point who will be removed joined last: their minutes are queued last.
    let target = FakeUser::new(999, "Target").language("en");
    app.member(&target, "NRC", "SC-VBG", Role::Focal).await;
    app.member(&target, "NRC", "CR-GAO", Role::Chair).await;

    // A meeting that will end, and a later one whose invitations go out now.
    let past = app.meeting_in("SC-VBG", 2).await;
    let later = app.meeting_in("SC-VBG", 5).await;
    let another = app.meeting_in("SC-VBG", 6).await;
    app.settle().await;
    assert!(app.fake.sent_to(target.id).iter().any(|s| s.method == "sendDocument"), "the target was invited");
    app.advance(Duration::days(2) + Duration::hours(2));
    app.settle().await;

    // A 4W matrix for the chair of CR-GAO is waiting (e.g. after a 429), as is a change notice.
    let target_id = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, target.id).await.unwrap().unwrap().id;
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let now = app.clock.now();
    let matrix = Job::Deliver {
        person_id: target_id,
        message: Outgoing::Fourw(FourwMsg::Matrix { mechanism_id: gao.id, year: 2026, month: 10 }),
    };
    jobs::enqueue(&app.ctx.db, "matrix-for-target", &matrix, now + Duration::minutes(10), now).await.unwrap();
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let change = Job::Deliver {
        person_id: target_id,
        message: Outgoing::MeetingChanged { meeting_id: another, organisation_id: nrc.id, cancelled: false },
    };
    jobs::enqueue(&app.ctx.db, "change-for-target", &change, now + Duration::minutes(10), now).await.unwrap();
    let sent_before = app.fake.sent_to(target.id).len();

    // The minutes go out; a coordinator removes the target in the middle of it.
    let content = MinutesContent::Text("Compte rendu interne".into());
    minutes::share(&app.ctx, Actor::CommandLine, past, &content, None).await.unwrap();
    let started = std::time::Instant::now();
    while everyone.iter().filter(|u| protected(&app, u.id) > 0).count() < 5 {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the distribution did not start");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let coordo = {
        let p = cluster_bot::storage::people::by_telegram_id(&app.ctx.db, coordinator.id).await.unwrap().unwrap();
        people::access(&app.ctx, p).await.unwrap()
    };
    let removal = admin::remove_member(&app.ctx, Actor::Person(&coordo), target.id, None).await.unwrap();
    assert_eq!(removal.ended.len(), 2);
    let delivered_when_removed = everyone.iter().filter(|u| protected(&app, u.id) > 0).count();
    assert!(delivered_when_removed < everyone.len(), "the removal came in the middle of the distribution");
    app.settle().await;

    // The meeting is moved (its change goes to the current seat holders) and time passes.
    let m = meetings::get(&app.ctx, later).await.unwrap();
    meetings::reschedule(&app.ctx, Actor::CommandLine, later, m.starts_at + Duration::hours(2), None).await.unwrap();
    app.advance(Duration::minutes(15));
    app.settle().await;

    // Nothing more reached the removed focal point but the notice of each removal, in English.
    let after: Vec<String> =
        app.fake.sent_to(target.id)[sent_before..].iter().map(|s| s.text.clone().unwrap_or_default()).collect();
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(after.iter().all(|t| t.starts_with("You are no longer NRC's")), "{after:?}");
    assert_eq!(protected(&app, target.id), 0);
    for u in everyone.iter().chain([&chair, &coordinator]) {
        assert_eq!(protected(&app, u.id), 1, "{} received the minutes once", u.id);
    }
    let skipped = app.jobs_with_status("skipped").await;
    for key in ["matrix-for-target", "change-for-target"] {
        assert!(skipped.iter().any(|(_, k)| k == key), "{key} withheld: {skipped:?}");
    }
    let trail = audit::since(&app.ctx, Actor::CommandLine, now - Duration::days(1)).await.unwrap();
    let about_target: Vec<_> = trail.iter().filter(|e| e.subject_telegram_id == Some(target.id)).collect();
    assert_eq!(about_target.iter().filter(|e| e.action == "removed").count(), 2, "both seats");
    assert!(about_target.iter().all(|e| e.action != "received_minutes"));
    let withheld: Vec<&str> =
        about_target.iter().filter(|e| e.action == "delivery_withheld").filter_map(|e| e.detail.as_deref()).collect();
    assert!(withheld.iter().any(|d| d.starts_with("minutes #")), "{withheld:?}");
    assert!(withheld.iter().any(|d| d.starts_with("4W matrix")), "{withheld:?}");
    assert!(withheld.iter().any(|d| d.starts_with("meeting_changed")), "{withheld:?}");
    let removed = about_target.iter().find(|e| e.action == "removed").unwrap();
    assert_eq!(removed.actor.as_deref(), Some("Coordo"));
    assert!(trail.iter().filter(|e| e.action == "received_minutes").count() > 100);
    assert!(app.fake.duplicate_deliveries().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_reply_that_meets_a_429_waits_and_is_sent() {
    let mut app = TestBot::start().await;
    let user = FakeUser::new(42, "Awa").language("fr");
    app.member(&user, "NRC", "CPN", Role::Focal).await;
    app.send(&user, "/help").await;
    // The bot's own pace for this chat has passed.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    app.fake.set_enforce_limits(true);
    // Something else (outside the bot) just wrote to the chat: its one message per second is used.
    let other = teloxide::Bot::new("123:TEST").set_api_url(app.fake.url());
    use teloxide::prelude::Requester;
    other.send_message(teloxide::types::ChatId(user.id), "occupied").await.unwrap();
    let reply = app.send(&user, "/me").await;
    assert!(reply.text.is_some_and(|t| !t.is_empty()));
    assert!(app.fake.too_many_requests_count() >= 1, "the reply met a 429 first");
    let me = app.fake.sent_to(user.id).iter().filter(|s| s.method == "sendMessage").count();
    assert_eq!(me, 3, "help, the outside message, and the reply: nothing lost, nothing doubled");
    app.stop().await;
}

#[tokio::test]
async fn action_points_and_the_follow_up_plan_are_protected() {
    let mut app = TestBot::start().await;
    let focal = FakeUser::new(7, "Focal").language("fr");
    app.member(&focal, "NRC", "SC-VBG", Role::Focal).await;
    let past = app.meeting_in("SC-VBG", 3).await;
    app.advance(Duration::days(3) + Duration::hours(2));
    app.settle().await;
    // Due in ten days: reminded seven days from now, at 09:00.
    let due = (app.clock.now() + Duration::days(10)).with_timezone(&chrono_tz::Africa::Bamako).format("%d/%m/%Y");
    let actions = format!("Cartographie des services — NRC — {due}");
    let content = MinutesContent::Text("PV".into());
    minutes::share(&app.ctx, Actor::CommandLine, past, &content, Some(&actions)).await.unwrap();
    app.settle().await;
    app.advance(Duration::days(8));
    app.settle().await;
    let reminders: Vec<_> = app
        .fake
        .sent_to(focal.id)
        .into_iter()
        .filter(|s| s.text.as_deref().is_some_and(|t| t.contains("Cartographie")))
        .collect();
    assert!(!reminders.is_empty(), "the action point was reminded");
    assert!(reminders.iter().all(|s| s.protect_content), "action point reminders are protected");
    let plan = app.send(&focal, "/actions").await;
    assert!(plan.text.as_deref().unwrap().contains("Cartographie"));
    assert!(plan.protect_content, "/actions is protected");
    app.stop().await;
}

#[tokio::test]
async fn chairs_are_told_of_joins_in_one_message_and_of_leaves() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(2, "Chair").language("en");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    for (i, org) in ["NRC", "IRC", "DRC/DDG"].into_iter().enumerate() {
        let user = FakeUser::new(20 + i as i64, &format!("Joiner{i}")).language("fr");
        app.member(&user, org, "CPN", Role::Focal).await;
    }
    app.settle().await;
    let before = app.fake.sent_to(chair.id).len();
    app.advance(Duration::minutes(11));
    app.settle().await;
    let told: Vec<String> =
        app.fake.sent_to(chair.id)[before..].iter().map(|s| s.text.clone().unwrap_or_default()).collect();
    assert_eq!(told.len(), 1, "one message for the three joins: {told:?}");
    assert!(
        told[0].contains("3 new members") && told[0].contains("Joiner0 (NRC)") && told[0].contains("Joiner2 (DRC/DDG)"),
        "{told:?}"
    );
    // A focal point replaced: the chair is told, and the former focal point, in French.
    let nrc = membership::organisation(&app.ctx, "NRC").await.unwrap();
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let issued = membership::issue_invitation(&app.ctx, membership::Issuer::CommandLine, &nrc, &cpn, Role::Focal, true)
        .await
        .unwrap();
    let newcomer = FakeUser::new(30, "Newcomer").language("en");
    let p = people::identify(&app.ctx, newcomer.id, "Newcomer", None, Some("en")).await.unwrap();
    let inv = membership::open_invitation(&app.ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(&app.ctx, &p, inv.id, None).await.unwrap();
    app.settle().await;
    let last = |chat: i64| app.fake.sent_to(chat).last().and_then(|s| s.text.clone()).unwrap_or_default();
    assert!(last(chair.id).contains("Joiner0 (NRC, focal point) has been replaced"), "{}", last(chair.id));
    assert!(last(20).starts_with("Vous n'êtes plus point focal de NRC"), "{}", last(20));
    app.stop().await;
}
