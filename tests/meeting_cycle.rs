//! The meeting cycle through the real services, storage and scheduler (deliveries recorded
//! instead of sent): agenda items from members, monthly series that never run out, the
//! participation review, and catching up after a downtime.

use crate::decisions_world as world;

use chrono::{Datelike, Duration};
use cluster_bot::domain::agenda::{AgendaRefusal, ItemSource, ItemStatus};
use cluster_bot::domain::jobs::{DecisionMsg, FourwJob, FourwMsg, Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::participation::AbsenceChoice;
use cluster_bot::domain::vote::{Choices, Secrecy};
use cluster_bot::domain::{AppError, Role};
use cluster_bot::services::meetings::{self as meetings, Actor, MeetingDraft};
use cluster_bot::services::{agenda, calendar, participation, series, votes};
use world::World;

fn draft(mech: i64, w: &World, days: i64, monthly: bool) -> MeetingDraft {
    MeetingDraft {
        mechanism_id: mech,
        starts_at: w.now() + Duration::days(days),
        duration_minutes: 120,
        place: Some("UNHCR, Bamako".into()),
        agenda: Some("1. Tour de table\n2. 4W".into()),
        kind: MeetingKind::Regular,
        monthly,
    }
}

/// The recipient of a calendar file in these tests (NRC's focal point).
fn jon() -> calendar::Recipient {
    calendar::Recipient {
        person_id: 2,
        name: "Jon Berg".into(),
        organisation: "NRC".into(),
        observer: false,
        role: Role::Focal,
    }
}

#[tokio::test]
async fn members_propose_agenda_items_until_the_invitation_and_the_chair_decides() {
    let w = World::new().await;
    let chair = w.member("Awa Traoré", "UNHCR", "CPN", Role::Chair).await;
    let nrc = w.member("Jon Berg", "NRC", "CPN", Role::Focal).await;
    let outsider = w.member("Ali", "IRC", "GCS", Role::Focal).await;
    let mech = w.mechanism_id("CPN").await;
    let chair_a = w.access(chair).await;
    // Ten days ahead: the invitation goes out 7 days before, so members have 3 days.
    let m = meetings::create(&w.ctx, Actor::Person(&chair_a), draft(mech, &w, 10, false)).await.unwrap().remove(0);
    let nrc_a = w.access(nrc).await;
    let item =
        agenda::propose(&w.ctx, &nrc_a, m.id, "  Retours à Ménaka :\n point de situation ").await.unwrap().unwrap();
    assert_eq!((item.text.as_str(), item.status), ("Retours à Ménaka : point de situation", ItemStatus::Proposed));
    assert_eq!(item.organisation.as_deref(), Some("NRC"));
    let dup = agenda::propose(&w.ctx, &nrc_a, m.id, "retours à ménaka : point de situation").await.unwrap();
    assert_eq!(dup.unwrap_err(), AgendaRefusal::Duplicate);
    assert_eq!(agenda::propose(&w.ctx, &nrc_a, m.id, " ").await.unwrap().unwrap_err(), AgendaRefusal::Empty);
    assert_eq!(
        agenda::propose(&w.ctx, &nrc_a, m.id, &"x".repeat(201)).await.unwrap().unwrap_err(),
        AgendaRefusal::TooLong
    );
    let outsider_a = w.access(outsider).await;
    assert!(matches!(agenda::propose(&w.ctx, &outsider_a, m.id, "Autre").await, Err(AppError::NotInvited)));
    let other = agenda::propose(&w.ctx, &nrc_a, m.id, "Hors sujet").await.unwrap().unwrap();
    w.run_due().await;
    let to_chair: Vec<i64> = w
        .take_sent()
        .into_iter()
        .filter(|(_, m)| matches!(m, Outgoing::Decision(DecisionMsg::AgendaProposed { .. })))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(to_chair, vec![chair, chair], "the chair is told of each proposal");

    // Only the chair decides, once.
    assert!(matches!(agenda::decide(&w.ctx, Actor::Person(&nrc_a), item.id, true).await, Err(AppError::NotAllowed)));
    let accepted = agenda::decide(&w.ctx, Actor::Person(&chair_a), item.id, true).await.unwrap().unwrap();
    assert_eq!(accepted.status, ItemStatus::Accepted);
    let again = agenda::decide(&w.ctx, Actor::Person(&chair_a), item.id, false).await.unwrap();
    assert_eq!(again.unwrap_err(), AgendaRefusal::AlreadyDecided);
    agenda::decide(&w.ctx, Actor::Person(&chair_a), other.id, false).await.unwrap().unwrap();
    w.run_due().await;
    let told: Vec<i64> = w
        .take_sent()
        .into_iter()
        .filter(|(_, m)| matches!(m, Outgoing::Decision(DecisionMsg::AgendaDecided { .. })))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(told, vec![nrc, nrc]);
    // The chair adds a who-does-what-where gap in one tap.
    let gap =
        agenda::add_by_chair(&w.ctx, Actor::Person(&chair_a), m.id, "Gap 4W : PRO-GBV, Ansongo", ItemSource::Wherewho)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(gap.status, ItemStatus::Accepted);
    assert_eq!(agenda::next_open_meeting(&w.ctx, mech).await.unwrap().map(|x| x.id), Some(m.id));

    // The invitation's agenda and calendar file carry the accepted items, not the declined.
    let full = agenda::full_agenda(&w.ctx, &m).await.unwrap().unwrap();
    assert_eq!(full, "1. Tour de table\n2. 4W\nRetours à Ménaka : point de situation (NRC)\nGap 4W : PRO-GBV, Ansongo");
    let ics = calendar::invitation_ics(&w.ctx, &m, &jon()).await.unwrap();
    assert!(ics.contains("Retours à Ménaka") && !ics.contains("Hors sujet"), "{ics}");

    // Once the invitation is out, the agenda is closed.
    w.advance(Duration::days(3)).await;
    assert!(w.take_sent().iter().any(|(_, m)| matches!(m, Outgoing::Invitation { .. })));
    let late = agenda::propose(&w.ctx, &nrc_a, m.id, "Trop tard").await.unwrap();
    assert_eq!(late.unwrap_err(), AgendaRefusal::InvitationSent);
    assert_eq!(agenda::next_open_meeting(&w.ctx, mech).await.unwrap(), None);
}

#[tokio::test]
async fn a_monthly_series_always_has_the_next_six_until_the_chair_stops_it() {
    let w = World::new().await;
    let chair = w.member("Awa Traoré", "UNHCR", "CPN", Role::Chair).await;
    let nrc = w.member("Jon Berg", "NRC", "CPN", Role::Focal).await;
    let mech = w.mechanism_id("CPN").await;
    let chair_a = w.access(chair).await;
    let created = meetings::create(&w.ctx, Actor::Person(&chair_a), draft(mech, &w, 8, true)).await.unwrap();
    assert_eq!(created.len(), 6);
    let series_id = created[0].series_id.unwrap();
    let ahead = |w: &World| {
        let (ctx, now) = (w.ctx.clone(), w.now());
        async move {
            meetings::list(&ctx, Some(mech), now)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.series_id == Some(series_id))
                .count()
        }
    };
    // The first occurrence starts: a seventh is created, so six stay ahead.
    w.advance(Duration::days(8) + Duration::minutes(1)).await;
    assert_eq!(ahead(&w).await, 6);
    let all = meetings::list(&w.ctx, Some(mech), w.now() - Duration::days(30)).await.unwrap();
    assert_eq!(all.len(), 7);
    let last = all.last().unwrap();
    let rule_day = created[0].starts_at.with_timezone(&chrono_tz::Africa::Bamako).weekday();
    assert_eq!(last.starts_at.with_timezone(&chrono_tz::Africa::Bamako).weekday(), rule_day);
    assert!(last.starts_at > created[5].starts_at);
    assert_eq!(last.agenda, created[0].agenda);
    // The calendar file of an occurrence carries the monthly rule.
    let ics = calendar::invitation_ics(&w.ctx, &created[1], &jon()).await.unwrap();
    assert!(ics.contains("RRULE:FREQ=MONTHLY;BYDAY="), "{ics}");

    // A member cannot stop it; the chair can, once; then no more occurrences.
    let nrc_a = w.access(nrc).await;
    assert!(matches!(series::stop(&w.ctx, Actor::Person(&nrc_a), series_id).await, Err(AppError::NotAllowed)));
    assert!(series::stop(&w.ctx, Actor::Person(&chair_a), series_id).await.unwrap());
    assert!(!series::stop(&w.ctx, Actor::Person(&chair_a), series_id).await.unwrap());
    w.advance(Duration::days(40)).await;
    assert_eq!(ahead(&w).await, 5, "stopped: the scheduled ones stay, no new one");
    assert_eq!(series::extend(&w.ctx, series_id).await.unwrap(), Err("series stopped".to_string()));
    let ics = calendar::invitation_ics(&w.ctx, &created[2], &jon()).await.unwrap();
    assert!(ics.contains(";UNTIL="), "a stopped series ends: {ics}");
}

#[tokio::test]
async fn participation_is_reviewed_per_organisation_and_the_chairs_choice_recorded() {
    let w = World::new().await;
    let chair = w.member("Awa Traoré", "UNHCR", "CPN", Role::Chair).await;
    let nrc = w.member("Jon Berg", "NRC", "CPN", Role::Focal).await;
    w.member("Fanta Diallo", "UNICEF", "CPN", Role::Focal).await;
    w.member("Marc Keller", "CICR", "CPN", Role::Focal).await;
    let mech = w.mechanism_id("CPN").await;
    let (nrc_org, unicef_org) = (w.organisation_id("NRC").await, w.organisation_id("UNICEF").await);
    let chair_a = w.access(chair).await;
    let nrc_a = w.access(nrc).await;
    // Three meetings: NRC answers on time and attends; UNICEF never answers and is absent.
    for _ in 0..3 {
        let m = meetings::create(&w.ctx, Actor::Person(&chair_a), draft(mech, &w, 10, false)).await.unwrap().remove(0);
        w.advance(Duration::days(3)).await;
        meetings::answer(&w.ctx, &nrc_a, m.id, nrc_org, meetings::Choice::Attend).await.unwrap();
        w.advance(Duration::days(7) + Duration::hours(3)).await;
        meetings::save_attendance(&w.ctx, Actor::Person(&chair_a), m.id, &[(nrc_org, true), (unicef_org, false)])
            .await
            .unwrap();
    }
    // One vote, cast by NRC only.
    let vd = votes::VoteDraft {
        mechanism_id: mech,
        meeting_id: None,
        question: "Adopter le plan de travail ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Secret,
        open_for: Duration::hours(24),
        quorum_percent: None,
    };
    let v = votes::open(&w.ctx, Actor::Person(&chair_a), vd).await.unwrap().unwrap();
    votes::cast(&w.ctx, &nrc_a, v.id, nrc_org, 0).await.unwrap().unwrap();
    w.advance(Duration::days(2)).await;
    // NRC submitted last month's 4W.
    let last_month = {
        let d = w.now().with_timezone(&chrono_tz::Africa::Bamako).date_naive();
        let prev = d.with_day(1).unwrap().pred_opt().unwrap();
        format!("{:04}-{:02}", prev.year(), prev.month())
    };
    sqlx::query(
        "INSERT INTO fourw_submissions (organisation_id, mechanism_id, month, submitted_at) VALUES (?, ?, ?, 0)",
    )
    .bind(nrc_org)
    .bind(mech)
    .bind(&last_month)
    .execute(w.ctx.db.pool())
    .await
    .unwrap();

    assert!(matches!(participation::review(&w.ctx, Actor::Person(&nrc_a), mech).await, Err(AppError::NotAllowed)));
    let review = participation::review(&w.ctx, Actor::Person(&chair_a), mech).await.unwrap();
    let by = |acr: &str| review.iter().find(|p| p.organisation.acronym == acr).unwrap().clone();
    let n = by("NRC");
    assert_eq!((n.meetings_marked, n.present, n.attendance_percent()), (3, 3, Some(100)));
    assert_eq!((n.invited, n.answered_on_time), (3, 3));
    assert_eq!((n.votes_entitled, n.votes_cast), (1, 1));
    assert_eq!((n.fourw_expected, n.fourw_submitted), (6, 1));
    assert!(!n.absent_in_a_row);
    let u = by("UNICEF");
    assert_eq!((u.present, u.attendance_percent(), u.answered_on_time, u.votes_cast), (0, Some(0), 0, 0));
    assert!(u.absent_in_a_row, "three absences in a row are flagged");
    assert_eq!(review.last().unwrap().organisation.acronym, "CICR", "observers last");
    assert_eq!(by("CICR").fourw_expected, 0);

    // The chair's choice is recorded (observers cannot be the subject of one).
    participation::record_absence_choice(&w.ctx, Actor::Person(&chair_a), mech, unicef_org, AbsenceChoice::Contact)
        .await
        .unwrap();
    let cicr = w.organisation_id("CICR").await;
    let refused =
        participation::record_absence_choice(&w.ctx, Actor::Person(&chair_a), mech, cicr, AbsenceChoice::Keep).await;
    assert!(matches!(refused, Err(AppError::NotAllowed)));
    let review = participation::review(&w.ctx, Actor::Person(&chair_a), mech).await.unwrap();
    let u = review.iter().find(|p| p.organisation.id == unicef_org).unwrap();
    assert_eq!(u.last_choice, Some(AbsenceChoice::Contact));
}

#[tokio::test]
async fn after_a_downtime_only_the_latest_relevant_reminder_of_a_kind_is_sent() {
    let w = World::new().await;
    let chair = w.member("Awa Traoré", "UNHCR", "CPN", Role::Chair).await;
    let nrc = w.member("Jon Berg", "NRC", "CPN", Role::Focal).await;
    let mech = w.mechanism_id("CPN").await;
    let chair_a = w.access(chair).await;
    let m = meetings::create(&w.ctx, Actor::Person(&chair_a), draft(mech, &w, 10, false)).await.unwrap().remove(0);
    w.advance(Duration::days(3)).await;
    w.take_sent();
    // Down from before the 24 h reminder until after the 2 h one was due.
    w.clock.set(m.starts_at - Duration::minutes(90));
    w.run_due().await;
    let hours: Vec<i64> = w
        .take_sent()
        .into_iter()
        .filter_map(|(p, msg)| match msg {
            Outgoing::Reminder { hours, .. } if p == nrc => Some(hours),
            _ => None,
        })
        .collect();
    assert_eq!(hours, vec![2], "the 24 h reminder is superseded");
    assert!(w.jobs("skipped").await.iter().any(|k| k.ends_with(":remind24h")));

    // 4W: the window of December opens on 1 January; down until after "two days left".
    let now = w.now();
    let key = "cron:fourw_cycle:test";
    let open = Job::Fourw(FourwJob::Open { year: 2026, month: 12 });
    cluster_bot::storage::jobs::enqueue(&w.ctx.db, key, &open, now, now).await.unwrap();
    let before = cluster_bot::services::reports::cycle_plan(
        &w.ctx,
        cluster_bot::domain::fourw::ReportingMonth::parse("2026-12").unwrap(),
    )
    .into_iter()
    .find(|(j, _)| matches!(j, FourwJob::Remind { stage, .. } if stage == "before"))
    .unwrap()
    .1;
    w.clock.set(before + Duration::hours(1));
    w.run_due().await;
    let stages: Vec<String> = w
        .take_sent()
        .into_iter()
        .filter_map(|(p, msg)| match msg {
            Outgoing::Fourw(FourwMsg::Reminder { stage, .. }) if p == nrc => Some(stage),
            _ => None,
        })
        .collect();
    assert_eq!(stages, vec!["before".to_string()], "only the latest 4W reminder");
    assert!(w.jobs("skipped").await.contains(&key.to_string()), "the opening reminder was skipped");
}
