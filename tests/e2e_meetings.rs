//! Meetings end to end: the real dispatcher and scheduler against the fake Bot API server,
//! a real SQLite file, and a clock the tests move.

use crate::{fake_bot_api, harness};

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::meeting::{MeetingKind, RsvpAnswer, TimingError};
use cluster_bot::domain::{AppError, Clock, Language, Meeting, Role};
use cluster_bot::i18n::MeetingsMsg;
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership::{self};
use cluster_bot::storage::{meetings as store, people as people_store};
use fake_bot_api::{FakeOptions, FakeUser};
use harness::TestBot;

async fn member(app: &TestBot, user: &FakeUser, org: &str, mech: &str, role: Role) {
    app.member(user, org, mech, role).await;
}

struct Cast {
    chair: FakeUser,
    nrc_focal: FakeUser,
    nrc_alt: FakeUser,
    irc_focal: FakeUser,
    cicr_focal: FakeUser,
}

async fn cast(app: &TestBot) -> Cast {
    let c = Cast {
        chair: FakeUser::new(100, "Chair").language("en"),
        nrc_focal: FakeUser::new(201, "Awa").language("fr"),
        nrc_alt: FakeUser::new(202, "Binta").language("en"),
        irc_focal: FakeUser::new(301, "Issa").language("en"),
        cicr_focal: FakeUser::new(401, "Claire").language("fr"),
    };
    member(app, &c.chair, "UNHCR", "CPN", Role::Chair).await;
    member(app, &c.nrc_focal, "NRC", "CPN", Role::Focal).await;
    member(app, &c.nrc_alt, "NRC", "CPN", Role::Alternate).await;
    member(app, &c.irc_focal, "IRC", "CPN", Role::Focal).await;
    member(app, &c.cicr_focal, "CICR", "CPN", Role::Focal).await;
    c
}

async fn create(app: &TestBot, ahead: Duration, kind: MeetingKind) -> Result<Meeting, AppError> {
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: app.clock.now() + ahead,
        duration_minutes: 120,
        place: Some("Bureau UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table\n2. Matrice 4W".into()),
        kind,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.map(|mut v| v.remove(0))
}

fn invitations_to(app: &TestBot, chat: i64) -> Vec<fake_bot_api::SentMessage> {
    app.fake.sent_to(chat).into_iter().filter(|s| s.method == "sendDocument").collect()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

#[tokio::test]
async fn invitations_go_out_at_the_lead_or_at_once_and_regular_meetings_need_48_hours() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;

    // 10 days ahead: nothing yet; 7 days before, every focal point and alternate is invited.
    let far = create(&app, Duration::days(10), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    assert!(invitations_to(&app, c.nrc_focal.id).is_empty(), "not before the lead");
    app.advance(Duration::days(3) - Duration::minutes(1));
    app.settle().await;
    assert!(invitations_to(&app, c.nrc_focal.id).is_empty());
    app.advance(Duration::minutes(1));
    app.settle().await;
    for u in [&c.nrc_focal, &c.nrc_alt, &c.irc_focal, &c.cicr_focal] {
        assert_eq!(invitations_to(&app, u.id).len(), 1, "{} invited once", u.first_name);
    }
    assert!(invitations_to(&app, c.chair.id).is_empty(), "the chair is not an invitee");
    let fr = invitations_to(&app, c.nrc_focal.id).remove(0);
    let caption = fr.text.clone().unwrap();
    assert!(caption.starts_with("📅 Invitation — réunion mensuelle : Cluster Protection national"), "{caption}");
    assert!(caption.contains("Bureau UNHCR, Bamako") && caption.contains("point focal"), "{caption}");
    assert_eq!(
        fr.button_data(),
        [
            format!("r:{}:{}:a", far.id, org_id(&app, "NRC").await),
            format!("r:{}:{}:h", far.id, org_id(&app, "NRC").await),
            format!("r:{}:{}:d", far.id, org_id(&app, "NRC").await)
        ]
    );
    let alt = invitations_to(&app, c.nrc_alt.id).remove(0);
    assert!(alt.text.as_deref().unwrap().contains("as alternate"));
    assert_eq!(alt.button_data().len(), 2, "alternate: attend in place, or cannot attend");
    let obs = invitations_to(&app, c.cicr_focal.id).remove(0);
    assert!(obs.text.as_deref().unwrap().contains("CICR (observateur)"));

    // The calendar file: made for each invitee (never re-sent by file_id), protected; stable
    // UID, SEQUENCE 0.
    let uploads: Vec<_> = app.fake.requests_for("sendDocument").into_iter().filter(|r| !r.files.is_empty()).collect();
    assert_eq!(uploads.len(), 4, "one file per invitee");
    assert!(app.fake.requests_for("sendDocument").iter().all(|r| r.params["protect_content"] == true));
    let ics = String::from_utf8(uploads[0].files[0].bytes.clone()).unwrap();
    assert!(ics.contains(&format!("UID:{}", far.uid)) && ics.contains("SEQUENCE:0"), "{ics}");

    // 3 days ahead: at once.
    let soon = create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    assert_eq!(invitations_to(&app, c.irc_focal.id).len(), 2);
    assert!(store::by_id(&app.ctx.db, soon.id).await.unwrap().unwrap().invitations_sent_at.is_some());

    // Regular 47 h ahead: refused with the reason. Ad hoc 47 h: sent, and says ad hoc.
    let refused = create(&app, Duration::hours(47), MeetingKind::Regular).await.unwrap_err();
    assert!(matches!(refused, AppError::Timing(TimingError::NoticeTooShort { hours_ahead: 47 })), "{refused}");
    create(&app, Duration::hours(47), MeetingKind::AdHoc).await.unwrap();
    app.settle().await;
    let last = invitations_to(&app, c.irc_focal.id).pop().unwrap();
    assert!(last.text.unwrap().starts_with("📅 Invitation — AD-HOC meeting"));
    app.stop().await;
}

async fn org_id(app: &TestBot, acronym: &str) -> i64 {
    membership::organisation(&app.ctx, acronym).await.unwrap().id
}

#[tokio::test]
async fn reminders_fire_once_to_those_who_have_not_declined_and_the_chair_gets_the_summary() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    // IRC declines; NRC's focal point will attend; CICR does not answer.
    let irc_inv = invitations_to(&app, c.irc_focal.id).remove(0);
    app.press(&c.irc_focal, irc_inv.message_id, irc_inv.button_data().last().unwrap()).await;
    let nrc_inv = invitations_to(&app, c.nrc_focal.id).remove(0);
    app.press(&c.nrc_focal, nrc_inv.message_id, &nrc_inv.button_data()[0]).await;

    app.advance(Duration::days(2)); // 24 h before
    app.settle().await;
    let reminders = |u: &FakeUser| {
        app.fake.sent_to(u.id).into_iter().filter(|s| s.text.as_deref().is_some_and(|t| t.starts_with("⏰"))).count()
    };
    assert_eq!(reminders(&c.nrc_focal), 1);
    assert_eq!(reminders(&c.nrc_alt), 0, "NRC's focal point attends: only they are reminded");
    assert_eq!(reminders(&c.irc_focal), 0, "IRC declined");
    assert_eq!(reminders(&c.cicr_focal), 1, "no answer: reminded");
    let summary = app.fake.wait_for_message_to(c.chair.id, "📋 Answers for", harness::WAIT).await.unwrap();
    let text = summary.text.unwrap();
    assert!(text.contains("✅ Attending (1): NRC"), "{text}");
    assert!(text.contains("❌ Not attending (1): IRC"), "{text}");
    assert!(text.contains("❔ No answer (1): CICR (obs.)"), "{text}");

    app.advance(Duration::hours(22)); // 2 h before
    app.settle().await;
    assert_eq!(reminders(&c.nrc_focal), 2);
    assert_eq!(reminders(&c.cicr_focal), 2);
    app.advance(Duration::hours(1));
    app.settle().await;
    assert_eq!(reminders(&c.nrc_focal), 2, "each reminder fires once");
    assert!(app.fake.duplicate_deliveries().is_empty(), "{:?}", app.fake.duplicate_deliveries());
    let done = app.jobs_with_status("done").await;
    assert_eq!(done.iter().filter(|(_, k)| k.starts_with(&format!("m{}:s0:remind", m.id))).count(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_restart_between_scheduling_and_the_due_time_still_sends_exactly_once() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    create(&app, Duration::days(10), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    app.restart().await;
    app.advance(Duration::days(3));
    app.settle().await;
    app.restart().await;
    app.settle().await;
    for u in [&c.nrc_focal, &c.nrc_alt, &c.irc_focal, &c.cicr_focal] {
        assert_eq!(invitations_to(&app, u.id).len(), 1, "{}", u.first_name);
    }
    assert!(app.fake.duplicate_deliveries().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_job_due_while_the_bot_was_down_runs_at_start_unless_obsolete() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    app.stop().await;
    // Down from 3 days before until 1 hour after the start: the invitation went out, both
    // reminders and the summary are now obsolete.
    app.clock.advance(Duration::days(3) + Duration::hours(1));
    app.restart().await;
    app.settle().await;
    assert_eq!(
        app.fake.sent_to(c.nrc_focal.id).iter().filter(|s| s.text.as_deref().unwrap_or("").starts_with("⏰")).count(),
        0
    );
    let skipped = app.jobs_with_status("skipped").await;
    let prefix = format!("m{}:s0:", m.id);
    assert!(skipped.iter().any(|(_, k)| k == &format!("{prefix}remind24h")), "{skipped:?}");
    assert!(skipped.iter().any(|(_, k)| k == &format!("{prefix}remind2h")), "{skipped:?}");
    assert!(skipped.iter().any(|(_, k)| k == &format!("{prefix}summary")), "{skipped:?}");
    app.stop().await;
}

#[tokio::test]
async fn the_focal_point_hands_over_and_the_alternate_confirms() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    let nrc = org_id(&app, "NRC").await;
    let inv = invitations_to(&app, c.nrc_focal.id).remove(0);
    let (answer, _) = app.press(&c.nrc_focal, inv.message_id, &format!("r:{}:{nrc}:h", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::Fr, MeetingsMsg::RsvpRecorded.into()).as_str()));
    assert_eq!(store::answer(&app.ctx.db, m.id, nrc).await.unwrap(), Some(RsvpAnswer::Handover));
    let request =
        app.fake.wait_for_message_to(c.nrc_alt.id, "asks you to attend in their place", harness::WAIT).await.unwrap();
    assert!(request.text.as_deref().unwrap().starts_with("👥 Awa, focal point of NRC"));
    let (answer, _) = app.press(&c.nrc_alt, request.message_id, &format!("r:{}:{nrc}:a", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MeetingsMsg::RsvpRecorded.into()).as_str()));
    assert_eq!(store::answer(&app.ctx.db, m.id, nrc).await.unwrap(), Some(RsvpAnswer::Alternate));
    // Both invitation messages now show the answer.
    let focal_view = app.fake.bot_message(c.nrc_focal.id, inv.message_id).unwrap();
    assert!(focal_view["caption"].as_str().unwrap().contains("le/la suppléant(e) participera"), "{focal_view}");
    let alt_inv = invitations_to(&app, c.nrc_alt.id).remove(0);
    let alt_view = app.fake.bot_message(c.nrc_alt.id, alt_inv.message_id).unwrap();
    assert!(alt_view["caption"].as_str().unwrap().contains("the alternate will attend"));
    // An organisation without an alternate cannot hand over.
    let irc = org_id(&app, "IRC").await;
    let irc_inv = invitations_to(&app, c.irc_focal.id).remove(0);
    let (answer, _) = app.press(&c.irc_focal, irc_inv.message_id, &format!("r:{}:{irc}:h", m.id)).await;
    assert_eq!(answer.str_param("text"), Some(app.t(Language::En, MeetingsMsg::NoAlternate.into()).as_str()));
    assert_eq!(store::answer(&app.ctx.db, m.id, irc).await.unwrap(), None);
    app.stop().await;
}

#[tokio::test]
async fn double_taps_forged_and_foreign_answers() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    let nrc = org_id(&app, "NRC").await;
    let inv = invitations_to(&app, c.nrc_focal.id).remove(0);
    let data = format!("r:{}:{nrc}:a", m.id);
    app.press(&c.nrc_focal, inv.message_id, &data).await;
    let edits_after_first =
        app.fake.sent_to(c.nrc_focal.id).iter().filter(|s| s.method == "editMessageCaption").count();
    let (again, _) = app.press(&c.nrc_focal, inv.message_id, &data).await;
    assert_eq!(again.str_param("text"), Some(app.t(Language::Fr, MeetingsMsg::RsvpRecorded.into()).as_str()));
    let edits = app.fake.sent_to(c.nrc_focal.id).iter().filter(|s| s.method == "editMessageCaption").count();
    assert_eq!(edits, edits_after_first, "pressing twice is one answer");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rsvps WHERE meeting_id = ?")
        .bind(m.id)
        .fetch_one(app.ctx.db.pool())
        .await
        .unwrap();
    assert_eq!(rows, 1);

    // IRC's focal point answering for NRC, a stranger, a meeting that does not exist.
    let irc_inv = invitations_to(&app, c.irc_focal.id).remove(0);
    let (foreign, _) = app.press(&c.irc_focal, irc_inv.message_id, &format!("r:{}:{nrc}:d", m.id)).await;
    assert_eq!(foreign.str_param("text"), Some(app.t(Language::En, MeetingsMsg::NotInvited.into()).as_str()));
    let stranger = FakeUser::new(999, "Stranger").language("en");
    app.send(&stranger, "/start").await;
    let (s, _) = app.press(&stranger, 1, &format!("r:{}:{nrc}:d", m.id)).await;
    assert_eq!(s.str_param("text"), Some(app.t(Language::En, MeetingsMsg::NotInvited.into()).as_str()));
    let (gone, _) = app.press(&c.nrc_focal, inv.message_id, &format!("r:987654:{nrc}:d")).await;
    assert_eq!(gone.str_param("text"), Some(app.t(Language::Fr, MeetingsMsg::MeetingNotFound.into()).as_str()));
    assert_eq!(store::answer(&app.ctx.db, m.id, nrc).await.unwrap(), Some(RsvpAnswer::Focal));

    // Answers close when the meeting starts.
    app.advance(Duration::days(3));
    let (late, _) = app.press(&c.nrc_focal, inv.message_id, &format!("r:{}:{nrc}:d", m.id)).await;
    assert_eq!(late.str_param("text"), Some(app.t(Language::Fr, MeetingsMsg::AnswersClosed.into()).as_str()));
    app.stop().await;
}

#[tokio::test]
async fn reschedule_and_cancel_tell_the_invitees_and_cancel_the_old_jobs() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    let m = create(&app, Duration::days(4), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    assert_eq!(invitations_to(&app, c.nrc_focal.id).len(), 1);

    // Moving a regular meeting to less than 48 h ahead is refused.
    let too_soon = app.clock.now() + Duration::hours(30);
    let err = svc::reschedule(&app.ctx, Actor::CommandLine, m.id, too_soon, None).await.unwrap_err();
    assert!(matches!(err, AppError::Timing(TimingError::NoticeTooShort { .. })));

    let new_start = app.clock.now() + Duration::days(6);
    let moved = svc::reschedule(&app.ctx, Actor::CommandLine, m.id, new_start, None).await.unwrap();
    assert_eq!(moved.sequence, 1);
    app.settle().await;
    let cancelled = app.jobs_with_status("cancelled").await;
    for k in ["remind24h", "remind2h", "summary"] {
        assert!(cancelled.iter().any(|(_, key)| key == &format!("m{}:s0:{k}", m.id)), "{k}: {cancelled:?}");
    }
    let notice = app.fake.wait_for_message_to(c.irc_focal.id, "🔁 Meeting moved", harness::WAIT).await.unwrap();
    assert_eq!(notice.method, "sendDocument", "the notice carries the updated calendar file");
    let upload = app.fake.requests_for("sendDocument").into_iter().rev().find(|r| !r.files.is_empty()).unwrap();
    let ics = String::from_utf8(upload.files[0].bytes.clone()).unwrap();
    assert!(ics.contains(&format!("UID:{}", m.uid)) && ics.contains("SEQUENCE:1"), "{ics}");

    // The old reminder time passes: nothing. The new one: one reminder.
    app.advance(Duration::days(3));
    app.settle().await;
    assert!(!app.fake.sent_to(c.irc_focal.id).iter().any(|s| s.text.as_deref().unwrap_or("").starts_with("⏰")));
    app.advance(Duration::days(2));
    app.settle().await;
    assert_eq!(
        app.fake.sent_to(c.irc_focal.id).iter().filter(|s| s.text.as_deref().unwrap_or("").starts_with("⏰")).count(),
        1
    );

    svc::cancel(&app.ctx, Actor::CommandLine, m.id).await.unwrap();
    app.settle().await;
    app.fake.wait_for_message_to(c.nrc_focal.id, "🚫 Réunion annulée", harness::WAIT).await.unwrap();
    app.advance(Duration::hours(23));
    app.settle().await;
    assert_eq!(
        app.fake.sent_to(c.irc_focal.id).iter().filter(|s| s.text.as_deref().unwrap_or("").starts_with("⏰")).count(),
        1
    );
    // A focal point cannot cancel.
    let access = cluster_bot::services::people::access(
        &app.ctx,
        people_store::by_telegram_id(&app.ctx.db, c.irc_focal.id).await.unwrap().unwrap(),
    )
    .await
    .unwrap();
    let other = create(&app, Duration::days(9), MeetingKind::Regular).await.unwrap();
    assert!(matches!(svc::cancel(&app.ctx, Actor::Person(&access), other.id).await, Err(AppError::NotAllowed)));
    app.stop().await;
}

#[tokio::test]
async fn a_blocked_recipient_is_reported_to_the_chair_not_retried() {
    let mut app = TestBot::start().await;
    let c = cast(&app).await;
    app.fake.block_chat(c.irc_focal.id);
    create(&app, Duration::days(3), MeetingKind::Regular).await.unwrap();
    app.settle().await;
    let report =
        app.fake.wait_for_message_to(c.chair.id, "Message not delivered to Issa (IRC)", harness::WAIT).await.unwrap();
    assert!(report.text.unwrap().contains("they blocked the bot"));
    let failed = cluster_bot::storage::jobs::all(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.status == "failed")
        .collect::<Vec<_>>();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].attempts, 1, "not retried");
    let attempts =
        app.fake.requests_for("sendDocument").into_iter().filter(|r| r.chat_id() == Some(c.irc_focal.id)).count();
    app.advance(Duration::hours(1));
    app.settle().await;
    assert_eq!(
        app.fake.requests_for("sendDocument").into_iter().filter(|r| r.chat_id() == Some(c.irc_focal.id)).count(),
        attempts
    );
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM delivery_failures").fetch_one(app.ctx.db.pool()).await.unwrap();
    assert_eq!(recorded, 1);
    // Everyone else got theirs.
    assert_eq!(invitations_to(&app, c.nrc_focal.id).len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_broadcast_to_a_hundred_invitees_provokes_no_429_from_a_strict_server() {
    let mut app = TestBot::start_with(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let orgs: Vec<String> = cluster_bot::storage::reference::organisations(&app.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .take(50)
        .map(|o| o.acronym)
        .collect();
    let mut users = vec![];
    for (i, org) in orgs.iter().enumerate() {
        for (j, role) in [Role::Focal, Role::Alternate].into_iter().enumerate() {
            let u = FakeUser::new(10_000 + (i * 2 + j) as i64, "Member").language(if j == 0 { "fr" } else { "en" });
            member(&app, &u, org, "CR-GAO", role).await;
            users.push(u);
        }
    }
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: gao.id,
        starts_at: app.clock.now() + Duration::days(3),
        duration_minutes: 90,
        place: None,
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap();
    app.settle().await;
    assert_eq!(app.fake.too_many_requests_count(), 0, "no 429");
    assert_eq!(app.fake.delivered_count(), 100);
    for u in &users {
        assert_eq!(app.fake.delivered_count_to(u.id), 1);
    }
    let _ = at("2026-01-01T00:00:00Z");
    app.stop().await;
}
