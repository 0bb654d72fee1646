//! Changes that write domain rows and the jobs carrying them out are kept together or not at
//! all: a fault injected between the steps (a trigger that makes the later insert fail, as a
//! crash or a full disk would) leaves nothing half done, and the same change succeeds once the
//! fault is gone. At start, the scheduler plans again what a consistent database implies but
//! lacks. Write transactions that read first take the write lock at once (no SQLITE_BUSY under
//! concurrent writers).

use crate::{fake_bot_api, harness};

use chrono::Duration;
use cluster_bot::domain::meeting::{MeetingKind, RsvpAnswer};
use cluster_bot::domain::vote::{Choices, Secrecy};
use cluster_bot::domain::{Clock, Meeting, Role};
use cluster_bot::services::meetings::{self as meetings_svc, Actor, MeetingDraft};
use cluster_bot::services::minutes::{self as minutes_svc, MinutesContent};
use cluster_bot::services::votes::{self as votes_svc, VoteDraft};
use cluster_bot::services::{membership, replan};
use fake_bot_api::FakeUser;
use harness::TestBot;

struct Cast {
    chair: FakeUser,
    focal: FakeUser,
    alternate: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(11, "Chair").language("en"),
        focal: FakeUser::new(12, "Focal").language("fr"),
        alternate: FakeUser::new(13, "Alt").language("en"),
    };
    app.member(&c.chair, "UNHCR", "SC-VBG", Role::Chair).await;
    app.member(&c.focal, "NRC", "SC-VBG", Role::Focal).await;
    app.member(&c.alternate, "NRC", "SC-VBG", Role::Alternate).await;
    c
}

async fn meeting_in(app: &TestBot, days: i64) -> Meeting {
    let mech = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: mech.id,
        starts_at: app.clock.now() + Duration::days(days),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    meetings_svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

/// Makes every insert of a job whose key matches `pattern` (SQL LIKE) fail.
async fn inject_fault(app: &TestBot, pattern: &str) {
    let sql = format!(
        "CREATE TRIGGER injected_fault BEFORE INSERT ON jobs WHEN NEW.idempotency_key LIKE '{pattern}'
         BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
    );
    sqlx::query(&sql).execute(app.ctx.db.pool()).await.unwrap();
}

async fn remove_fault(app: &TestBot) {
    sqlx::query("DROP TRIGGER injected_fault").execute(app.ctx.db.pool()).await.unwrap();
}

async fn keys(app: &TestBot, status: &str, prefix: &str) -> Vec<String> {
    app.jobs_with_status(status).await.into_iter().map(|(_, k)| k).filter(|k| k.starts_with(prefix)).collect()
}

fn received(app: &TestBot, user: &FakeUser, needle: &str) -> usize {
    app.fake
        .sent_to(user.id)
        .into_iter()
        .filter(|s| s.is_send() && s.text.as_deref().unwrap_or("").contains(needle))
        .count()
}

#[tokio::test]
async fn minutes_interrupted_before_their_distribution_are_not_shared_then_shared_and_delivered() {
    let app = TestBot::start().await;
    let c = cast(&app).await;
    let m = meeting_in(&app, 3).await;
    app.advance(Duration::days(3) + Duration::hours(1));
    app.settle().await;
    let reminders = keys(&app, "pending", &format!("min:m{}:", m.id)).await;
    assert_eq!(reminders.len(), 3, "+24 h, +48 h and the overdue notice are planned: {reminders:?}");

    // The minutes are stored and the reminders cancelled, then queueing the distribution fails.
    inject_fault(&app, "minutes%:distribute").await;
    let text = MinutesContent::Text("Compte rendu de la réunion SC-VBG".into());
    let err = minutes_svc::share(&app.ctx, Actor::CommandLine, m.id, &text, Some("Rapport mensuel — NRC — 30/11/2026"))
        .await
        .unwrap_err();
    assert!(format!("{err:?}").contains("injected fault"), "{err:?}");
    assert!(
        cluster_bot::storage::minutes::for_meeting(&app.ctx.db, m.id).await.unwrap().is_none(),
        "minutes whose distribution was not queued are not shared"
    );
    assert_eq!(keys(&app, "pending", &format!("min:m{}:", m.id)).await, reminders, "the chair is still reminded");
    assert!(keys(&app, "pending", "ap").await.is_empty(), "no action point was kept");
    let shareable = minutes_svc::check_shareable(&app.ctx, Actor::CommandLine, m.id).await;
    assert!(shareable.is_ok(), "not 'already shared': {shareable:?}");

    // The +24 h reminder still reaches the chair.
    app.advance(Duration::hours(24));
    app.settle().await;
    assert_eq!(
        app.fake.sent_to(c.chair.id).iter().filter(|s| s.text.as_deref().unwrap_or("").starts_with("📝")).count(),
        1
    );

    // Without the fault the same sharing succeeds, and the members receive the minutes.
    remove_fault(&app).await;
    minutes_svc::share(&app.ctx, Actor::CommandLine, m.id, &text, Some("Rapport mensuel — NRC — 30/11/2026"))
        .await
        .unwrap();
    app.settle().await;
    for user in [&c.chair, &c.focal, &c.alternate] {
        assert_eq!(received(&app, user, "Compte rendu de la réunion SC-VBG"), 1, "user {}", user.id);
    }
    assert!(keys(&app, "pending", &format!("min:m{}:", m.id)).await.is_empty(), "the reminders are cancelled");
    assert_eq!(keys(&app, "pending", "ap").await.len(), 2, "the action point is reminded before and on its date");
}

fn vote_draft(mechanism_id: i64) -> VoteDraft {
    VoteDraft {
        mechanism_id,
        meeting_id: None,
        question: "Adopter la note de plaidoyer ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(48),
        quorum_percent: None,
    }
}

#[tokio::test]
async fn a_vote_is_never_left_without_its_closing_job() {
    let app = TestBot::start().await;
    let c = cast(&app).await;
    let mech = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    inject_fault(&app, "vote%:close").await;
    let err = votes_svc::open(&app.ctx, Actor::CommandLine, vote_draft(mech.id)).await.unwrap_err();
    assert!(format!("{err:?}").contains("injected fault"), "{err:?}");
    let votes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM votes").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(votes, 0, "no vote without its closing");
    assert!(keys(&app, "pending", "vote").await.is_empty(), "nor its question or reminder");
    app.settle().await;
    assert_eq!(received(&app, &c.focal, "Adopter la note de plaidoyer"), 0, "nobody was asked");

    remove_fault(&app).await;
    let v = votes_svc::open(&app.ctx, Actor::CommandLine, vote_draft(mech.id)).await.unwrap().unwrap();
    // The question is due at once, so the scheduler may already have claimed or sent it:
    // count the vote's jobs whatever their state.
    let prefix = format!("vote{}:", v.id);
    let mut planned: Vec<String> = cluster_bot::storage::jobs::all(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.idempotency_key)
        .filter(|k| k.strip_prefix(&prefix).is_some_and(|rest| !rest.contains(':')))
        .collect();
    planned.sort();
    let expected: Vec<String> = ["close", "opened", "remind"].iter().map(|s| format!("{prefix}{s}")).collect();
    assert_eq!(planned, expected, "question, reminder and closing");
}

#[tokio::test]
async fn a_move_or_a_cancellation_interrupted_keeps_the_meeting_and_its_jobs_as_they_were() {
    let app = TestBot::start().await;
    let c = cast(&app).await;
    let m = meeting_in(&app, 10).await;
    let before = keys(&app, "pending", &format!("m{}:", m.id)).await;
    assert!(before.iter().any(|k| k.ends_with(":invitations")), "{before:?}");

    // Moving writes the new sequence's jobs after cancelling the old ones and moving the row.
    inject_fault(&app, &format!("m{}:s1:%", m.id)).await;
    let later = m.starts_at + Duration::days(2);
    let err = meetings_svc::reschedule(&app.ctx, Actor::CommandLine, m.id, later, None).await.unwrap_err();
    assert!(format!("{err:?}").contains("injected fault"), "{err:?}");
    let kept = meetings_svc::get(&app.ctx, m.id).await.unwrap();
    assert_eq!((kept.starts_at, kept.sequence), (m.starts_at, m.sequence), "the meeting did not move");
    assert_eq!(keys(&app, "pending", &format!("m{}:", m.id)).await, before, "its jobs are all still planned");

    remove_fault(&app).await;
    let moved = meetings_svc::reschedule(&app.ctx, Actor::CommandLine, m.id, later, None).await.unwrap();
    assert_eq!(moved.starts_at, later);
    let after = keys(&app, "pending", &format!("m{}:s1:", m.id)).await;
    assert!(after.iter().any(|k| k.ends_with(":invitations")), "{after:?}");
    assert!(keys(&app, "pending", &format!("m{}:s0:", m.id)).await.is_empty(), "the old jobs are cancelled");

    // Cancelling: the announcement of the change is the last insert.
    app.advance(Duration::days(5));
    app.settle().await;
    assert!(app.fake.sent_to(c.focal.id).iter().any(|s| s.is_send()), "the invitation went out");
    inject_fault(&app, &format!("m{}:s2:changed", m.id)).await;
    let err = meetings_svc::cancel(&app.ctx, Actor::CommandLine, m.id).await.unwrap_err();
    assert!(format!("{err:?}").contains("injected fault"), "{err:?}");
    let kept = meetings_svc::get(&app.ctx, m.id).await.unwrap();
    assert!(!kept.cancelled, "not cancelled without telling those invited");
    assert!(!keys(&app, "pending", &format!("m{}:s1:remind", m.id)).await.is_empty(), "reminders kept");
    remove_fault(&app).await;
    let cancelled = meetings_svc::cancel(&app.ctx, Actor::CommandLine, m.id).await.unwrap();
    assert!(cancelled.cancelled);
    // Queued once; the scheduler may already have sent it (woken by the cancellation).
    let announced = cluster_bot::storage::jobs::all(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.idempotency_key.starts_with(&format!("m{}:s2:changed", m.id)) && j.status != "cancelled")
        .count();
    assert_eq!(announced, 1, "the cancellation is announced once");
}

#[tokio::test]
async fn at_start_the_scheduler_plans_again_a_missing_closing_and_missing_reminders() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let mech = membership::mechanism(&app.ctx, "SC-VBG").await.unwrap();
    let v = votes_svc::open(&app.ctx, Actor::CommandLine, vote_draft(mech.id)).await.unwrap().unwrap();
    let m = meeting_in(&app, 5).await;
    app.settle().await;
    // On a consistent database, planning again adds nothing.
    assert_eq!(replan::at_start(&app.ctx).await.unwrap(), replan::Replanned::default());

    // A database as an older version could leave it: the closing and the reminders gone.
    app.stop().await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path.display())).await.unwrap();
    let gone = sqlx::query("DELETE FROM jobs WHERE idempotency_key = ? OR idempotency_key LIKE ?")
        .bind(format!("vote{}:close", v.id))
        .bind(format!("m{}:s0:remind%", m.id))
        .execute(&pool)
        .await
        .unwrap()
        .rows_affected();
    assert_eq!(gone, 3, "the closing and the 24 h and 2 h reminders");
    pool.close().await;

    app.restart().await;
    assert_eq!(keys(&app, "pending", &format!("vote{}:close", v.id)).await.len(), 1, "the closing is back");
    assert_eq!(keys(&app, "pending", &format!("m{}:s0:remind", m.id)).await.len(), 2, "the reminders are back");

    // They run: the vote closes with its result, the members are reminded of the meeting.
    app.advance(Duration::hours(49));
    app.settle().await;
    let closed = votes_svc::get(&app.ctx, v.id).await.unwrap();
    assert!(closed.closed_at.is_some() && closed.result.is_some(), "closed with its result");
    app.advance(m.starts_at - app.clock.now() - Duration::hours(1));
    app.settle().await;
    let reminders = app.fake.sent_to(c.focal.id).into_iter().filter(|s| s.is_send()).count();
    assert!(reminders >= 3, "invitation, vote question and result, reminders: {reminders}");
    assert!(app.fake.duplicate_deliveries().is_empty(), "{:?}", app.fake.duplicate_deliveries());
    app.stop().await;
}

#[tokio::test]
async fn concurrent_read_then_write_transactions_wait_for_each_other_instead_of_failing() {
    let app = TestBot::start().await;
    let mut people = Vec::new();
    let orgs = ["NRC", "IRC", "DRC", "UNICEF", "OXFAM", "CARE", "IMC", "UNFPA"];
    let mut available = Vec::new();
    for o in cluster_bot::storage::reference::organisations(&app.ctx.db).await.unwrap() {
        if orgs.contains(&o.acronym.as_str()) || available.len() < 8 {
            available.push(o.acronym.clone());
        }
    }
    for (i, org) in available.iter().take(8).enumerate() {
        let user = FakeUser::new(100 + i as i64, "Focal").language("fr");
        let person = app.member(&user, org, "SC-VBG", Role::Focal).await;
        let org_id = membership::organisation(&app.ctx, org).await.unwrap().id;
        people.push((person, org_id));
    }
    let m = meeting_in(&app, 4).await;
    let now = app.clock.now();
    // Every answer reads the previous one, then writes: many at once, several times each.
    let mut tasks = Vec::new();
    for round in 0..6 {
        for (person, org) in people.clone() {
            let db = app.ctx.db.clone();
            let answer = if round % 2 == 0 { RsvpAnswer::Focal } else { RsvpAnswer::Declined };
            tasks.push(tokio::spawn(async move {
                cluster_bot::storage::meetings::set_answer(&db, m.id, org, answer, person, now).await
            }));
        }
    }
    let mut failures = Vec::new();
    for t in tasks {
        if let Err(e) = t.await.unwrap() {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{} of 48 writes failed: {:?}", failures.len(), failures.first());
}
