//! Who may receive what, decided when it is sent (service level, real SQLite): seats held
//! now, chairs, coordinators, the observer policy; meeting changes to current seat holders;
//! re-sends of minutes limited; time-critical jobs claimed before bulk ones; personal data
//! refused in agendas, places, action points and captions.

use crate::world;

use chrono::Duration;
use cluster_bot::domain::jobs::{Job, Outgoing, PRIORITY_RESEND};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::personal_data::PersonalData;
use cluster_bot::domain::{AppError, Clock, Role};
use cluster_bot::services::access::{Withheld, check_delivery, may_receive};
use cluster_bot::services::admin;
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::minutes::{self, MinutesContent, Resent};
use cluster_bot::services::{audit, seats};
use cluster_bot::storage::jobs;
use world::World;

#[tokio::test]
async fn a_removed_focal_point_may_receive_nothing_more() {
    let w = World::new().await;
    w.coordinator(1, "Coordo").await;
    let focal = w.join(10, "Focal", "NRC", "CPN", Role::Focal).await;
    let minutes_id = w.minutes("CPN").await;
    let meeting_id = w.meeting("CPN").await;
    let (p, org) = (focal.person_id, focal.organisation.id);
    let minutes = Outgoing::Minutes { minutes_id };
    let invitation = Outgoing::Invitation { meeting_id, organisation_id: org, role: Role::Focal };
    let changed = Outgoing::MeetingChanged { meeting_id, organisation_id: org, cancelled: false };
    let reminder = Outgoing::Reminder { meeting_id, organisation_id: org, hours: 24 };
    for msg in [&minutes, &invitation, &changed, &reminder] {
        assert_eq!(may_receive(&w.ctx, p, msg).await.unwrap(), None, "{msg:?}");
    }
    // The alternate's invitation is not the focal point's.
    let as_alternate = Outgoing::Invitation { meeting_id, organisation_id: org, role: Role::Alternate };
    assert_eq!(may_receive(&w.ctx, p, &as_alternate).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));

    admin::remove_member(&w.ctx, Actor::CommandLine, 10, None).await.unwrap();
    assert_eq!(may_receive(&w.ctx, p, &minutes).await.unwrap(), Some(Withheld::NotMember));
    for msg in [&invitation, &changed, &reminder] {
        assert_eq!(may_receive(&w.ctx, p, msg).await.unwrap(), Some(Withheld::NoLongerHoldsSeat), "{msg:?}");
    }
    // The delivery path's check records what it withheld.
    assert_eq!(check_delivery(&w.ctx, 77, p, &minutes).await.unwrap(), Some(Withheld::NotMember));
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(30)).await.unwrap();
    let withheld = trail.iter().find(|e| e.action == "delivery_withheld").expect("recorded");
    assert_eq!(withheld.subject.as_deref(), Some("Focal"));
    let detail = withheld.detail.as_deref().unwrap();
    assert!(detail.contains(&format!("minutes #{minutes_id}")) && detail.contains("job 77"), "{detail}");
}

#[tokio::test]
async fn chair_messages_need_the_chair_or_a_coordinator() {
    let w = World::new().await;
    w.coordinator(1, "Coordo").await;
    let chair = w.join(20, "Chair", "UNHCR", "CPN", Role::Chair).await;
    let focal = w.join(21, "Focal", "NRC", "CPN", Role::Focal).await;
    let coordo = cluster_bot::storage::people::by_telegram_id(&w.ctx.db, 1).await.unwrap().unwrap();
    let meeting_id = w.meeting("CPN").await;
    let cpn = w.mech("CPN").await;
    let summary = Outgoing::RsvpSummary { meeting_id };
    let nudge = Outgoing::MonthlyNudge { mechanism_id: cpn.id, year: 2026, month: 12 };
    for msg in [&summary, &nudge] {
        assert_eq!(may_receive(&w.ctx, chair.person_id, msg).await.unwrap(), None);
        assert_eq!(may_receive(&w.ctx, coordo.id, msg).await.unwrap(), None);
        assert_eq!(may_receive(&w.ctx, focal.person_id, msg).await.unwrap(), Some(Withheld::NotChair));
    }
    let overdue = Outgoing::MinutesOverdue { meeting_id };
    assert_eq!(may_receive(&w.ctx, chair.person_id, &overdue).await.unwrap(), Some(Withheld::NotCoordinator));
    assert_eq!(may_receive(&w.ctx, coordo.id, &overdue).await.unwrap(), None);
    admin::remove_chair(&w.ctx, Actor::CommandLine, 20, &cpn).await.unwrap();
    assert_eq!(may_receive(&w.ctx, chair.person_id, &summary).await.unwrap(), Some(Withheld::NotChair));
    assert_eq!(may_receive(&w.ctx, 9999, &summary).await.unwrap(), Some(Withheld::NoSuchPerson));
}

#[tokio::test]
async fn observers_receive_minutes_where_the_policy_lets_them() {
    let w = World::new().await;
    let observer_gcs = w.join(30, "Donor GCS", "CICR", "GCS", Role::Focal).await;
    let observer_cpn = w.join(31, "Donor CPN", "CICR", "CPN", Role::Focal).await;
    let member_gcs = w.join(32, "Member GCS", "NRC", "GCS", Role::Focal).await;
    let gcs_minutes = Outgoing::Minutes { minutes_id: w.minutes("GCS").await };
    let cpn_minutes = Outgoing::Minutes { minutes_id: w.minutes("CPN").await };
    assert_eq!(
        may_receive(&w.ctx, observer_gcs.person_id, &gcs_minutes).await.unwrap(),
        Some(Withheld::ObserverExcluded)
    );
    assert_eq!(may_receive(&w.ctx, member_gcs.person_id, &gcs_minutes).await.unwrap(), None);
    assert_eq!(may_receive(&w.ctx, observer_cpn.person_id, &cpn_minutes).await.unwrap(), None);
    // The distribution follows the same policy.
    let gcs = w.mech("GCS").await;
    let recipients = minutes::mechanism_recipients(&w.ctx, gcs.id).await.unwrap();
    assert!(recipients.contains(&member_gcs.person_id) && !recipients.contains(&observer_gcs.person_id));
    admin::set_observers_receive(&w.ctx, Actor::CommandLine, &gcs, true).await.unwrap();
    assert_eq!(may_receive(&w.ctx, observer_gcs.person_id, &gcs_minutes).await.unwrap(), None);
    assert!(minutes::mechanism_recipients(&w.ctx, gcs.id).await.unwrap().contains(&observer_gcs.person_id));
}

async fn deliveries(w: &World) -> Vec<(i64, Outgoing)> {
    jobs::all(&w.ctx.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.status == "pending")
        .filter_map(|j| match serde_json::from_str::<Job>(&j.payload).unwrap() {
            Job::Deliver { person_id, message } => Some((person_id, message)),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_meeting_change_goes_to_the_current_seat_holders() {
    let w = World::new().await;
    let focal = w.join(40, "Stays", "NRC", "CPN", Role::Focal).await;
    let leaver = w.join(41, "Leaves", "NRC", "CPN", Role::Alternate).await;
    let meeting_id = w.meeting("CPN").await;
    // The invitations go out (as the scheduler would: fan-out, then each message recorded).
    w.clock.advance(Duration::days(1));
    meetings::fan_out(&w.ctx, &Job::FanOutInvitations { meeting_id }).await.unwrap().unwrap();
    for seat in [&focal, &leaver] {
        cluster_bot::storage::meetings::record_invitation_message(
            &w.ctx.db,
            meeting_id,
            seat.person_id,
            seat.organisation.id,
            seat.role,
            seat.telegram_id,
            1,
            true,
            w.clock.now(),
        )
        .await
        .unwrap();
    }
    admin::remove_member(&w.ctx, Actor::CommandLine, 41, None).await.unwrap();
    let newcomer = w.join(42, "Newcomer", "DRC/DDG", "CPN", Role::Focal).await;
    // Joining after the invitations went out: the newcomer is invited at once.
    let queued = deliveries(&w).await;
    assert!(queued.iter().any(|(p, m)| *p == newcomer.person_id && matches!(m, Outgoing::Invitation { .. })));

    // Answer edits touch only the messages of current holders.
    let m = meetings::get(&w.ctx, meeting_id).await.unwrap();
    let editable = seats::current_invitation_messages(&w.ctx, &m, focal.organisation.id).await.unwrap();
    assert_eq!(editable.iter().map(|im| im.person_id).collect::<Vec<_>>(), [focal.person_id]);

    let start = m.starts_at + Duration::days(1);
    meetings::reschedule(&w.ctx, Actor::CommandLine, meeting_id, start, None).await.unwrap();
    cluster_bot::services::dispatch::fan_out(&w.ctx, &Job::FanOutChange { meeting_id, cancelled: false })
        .await
        .unwrap()
        .unwrap();
    let queued = deliveries(&w).await;
    let to = |p: i64| queued.iter().filter(|(q, _)| *q == p).map(|(_, m)| m.clone()).collect::<Vec<_>>();
    assert!(to(focal.person_id).iter().any(|m| matches!(m, Outgoing::MeetingChanged { .. })));
    // The former alternate was told of the removal, and gets nothing about the meeting.
    let about_meeting: Vec<Outgoing> =
        to(leaver.person_id).into_iter().filter(|m| !matches!(m, Outgoing::SeatEnded { .. })).collect();
    assert!(about_meeting.is_empty(), "the former alternate gets nothing: {about_meeting:?}");
    assert!(
        to(newcomer.person_id).iter().any(|m| matches!(m, Outgoing::Invitation { .. })),
        "the newcomer gets the (new) invitation"
    );
    // Cancelled: only those invited and still holding their seat are told.
    meetings::cancel(&w.ctx, Actor::CommandLine, meeting_id).await.unwrap();
    cluster_bot::services::dispatch::fan_out(&w.ctx, &Job::FanOutChange { meeting_id, cancelled: true })
        .await
        .unwrap()
        .unwrap();
    let cancelled: Vec<i64> = deliveries(&w)
        .await
        .into_iter()
        .filter(|(_, m)| matches!(m, Outgoing::MeetingChanged { cancelled: true, .. }))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(cancelled, [focal.person_id]);
}

#[tokio::test]
async fn minutes_are_sent_again_only_as_listed_once_per_person_and_at_a_polite_pace() {
    let w = World::new().await;
    w.join(50, "Late joiner", "NRC", "CPN", Role::Focal).await;
    let ids: Vec<i64> = {
        let mut v = vec![];
        for _ in 0..5 {
            v.push(w.minutes("CPN").await);
        }
        v
    };
    let other_mechanism = w.minutes("CR-GAO").await;
    let me = w.access(50).await;
    // The oldest two are not listed by /minutes (the latest three are); another mechanism's
    // are not the person's to ask for.
    for id in [ids[0], ids[1], 123_456] {
        assert!(matches!(minutes::resend_checked(&w.ctx, &me, id).await, Err(AppError::NotFound)), "{id}");
    }
    assert!(matches!(minutes::resend_checked(&w.ctx, &me, other_mechanism).await, Err(AppError::NotAllowed)));
    // 120 presses of one button: one delivery.
    for _ in 0..120 {
        minutes::resend_checked(&w.ctx, &me, ids[4]).await.unwrap();
    }
    let resends = |all: Vec<jobs::JobRecord>| {
        all.into_iter().filter(|j| j.idempotency_key.starts_with("resend:")).collect::<Vec<_>>()
    };
    assert_eq!(resends(jobs::all(&w.ctx.db).await.unwrap()).len(), 1);
    assert_eq!(minutes::resend_checked(&w.ctx, &me, ids[4]).await.unwrap(), Resent::AlreadyQueued);
    assert_eq!(minutes::resend_checked(&w.ctx, &me, ids[3]).await.unwrap(), Resent::Queued);
    assert_eq!(minutes::resend_checked(&w.ctx, &me, ids[2]).await.unwrap(), Resent::Queued);
    // Three re-sends within ten minutes: a fourth (the same minutes are allowed again after
    // a second here) is refused politely, with the wait; after the window it is accepted.
    let mut tight = w.ctx.clone();
    tight.resend.same_minutes = Duration::seconds(1);
    w.clock.advance(Duration::seconds(2));
    match minutes::resend_checked(&tight, &me, ids[4]).await {
        Err(AppError::TooManyRequests { wait_secs }) => assert!((590..=600).contains(&wait_secs), "{wait_secs}"),
        other => panic!("expected a polite refusal, got {other:?}"),
    }
    w.clock.advance(Duration::minutes(10));
    assert_eq!(minutes::resend_checked(&tight, &me, ids[4]).await.unwrap(), Resent::Queued);
    // Re-sends are claimed after everything else due.
    let all = resends(jobs::all(&w.ctx.db).await.unwrap());
    assert!(all.iter().all(|j| j.idempotency_key.starts_with("resend:p")));
    let claimed = jobs::claim_due(&w.ctx.db, w.clock.now(), 60, 1000).await.unwrap();
    let first_resend = claimed.iter().position(|j| j.key.starts_with("resend:")).unwrap();
    assert!(claimed[first_resend..].iter().all(|j| j.priority == PRIORITY_RESEND), "re-sends come last");
}

#[tokio::test]
async fn time_critical_jobs_are_claimed_before_bulk_ones() {
    let w = World::new().await;
    let now = w.clock.now();
    for i in 0..5 {
        let bulk = Job::Deliver { person_id: i, message: Outgoing::Minutes { minutes_id: 1 } };
        jobs::enqueue(&w.ctx.db, &format!("bulk{i}"), &bulk, now - Duration::minutes(10), now).await.unwrap();
    }
    let invitation = Job::Deliver {
        person_id: 9,
        message: Outgoing::Invitation { meeting_id: 1, organisation_id: 1, role: Role::Focal },
    };
    jobs::enqueue(&w.ctx.db, "urgent", &invitation, now, now).await.unwrap();
    let claimed = jobs::claim_due(&w.ctx.db, now, 60, 3).await.unwrap();
    assert_eq!(claimed[0].key, "urgent", "the invitation first although queued last");
    assert_eq!(claimed.len(), 3);
}

#[tokio::test]
async fn personal_data_is_refused_in_what_the_bot_shares() {
    let w = World::new().await;
    w.coordinator(1, "Coordo").await;
    let cpn = w.mech("CPN").await;
    let draft = |place: &str, agenda: &str| MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: w.clock.now() + Duration::days(7),
        duration_minutes: 60,
        place: Some(place.into()),
        agenda: Some(agenda.into()),
        kind: MeetingKind::Regular,
        monthly: false,
    };
    for (place, agenda, kind) in [
        ("Bamako", "Cas de Mme X, tel 76 - 12 - 34 - 56", PersonalData::Phone),
        ("chez awa [at] exemple.ml", "4W", PersonalData::Email),
        ("Bamako", "voir ７６１２３４５６", PersonalData::Phone),
    ] {
        match meetings::create(&w.ctx, Actor::CommandLine, draft(place, agenda)).await {
            Err(AppError::PersonalData(k)) => assert_eq!(k, kind),
            other => panic!("{place} / {agenda}: {other:?}"),
        }
    }
    // Dates and counts are fine.
    meetings::create(&w.ctx, Actor::CommandLine, draft("Bamako", "Bilan 2026-10-01 : 12 500 000 FCFA")).await.unwrap();
    match minutes::resolve_actions(&w.ctx, "Appeler le 76/12/34/56 — NRC — 15/12/2026").await {
        Err(AppError::PersonalData(PersonalData::Phone)) => {}
        other => panic!("{other:?}"),
    }
    let coordo = w.access(1).await;
    match cluster_bot::services::documents::share_document(
        &w.ctx,
        &coordo,
        "FILE",
        None,
        Some("écrire à a@b.ml;x"),
        &[cpn.id],
        cluster_bot::domain::library::DocType::Other,
        &Default::default(),
    )
    .await
    {
        Err(AppError::PersonalData(PersonalData::Email)) => {}
        other => panic!("{other:?}"),
    }
    // Minutes text: a warning (the dialog asks for confirmation), not a refusal.
    let text = MinutesContent::Text("Présents : Awa (76 12 34 56)".into());
    assert_eq!(minutes::minutes_text_warning(&text), Some(PersonalData::Phone));
    assert_eq!(minutes::minutes_text_warning(&MinutesContent::Text("RAS".into())), None);
}

#[tokio::test]
async fn votes_agenda_items_and_approvals_need_the_seat_when_sent() {
    use cluster_bot::domain::jobs::{DecisionMsg, FourwMsg};
    use cluster_bot::domain::vote::{Choices, Secrecy};
    use cluster_bot::services::{agenda, votes};
    let w = World::new().await;
    let chair = w.join(30, "Chair", "UNHCR", "CPN", Role::Chair).await;
    let focal = w.join(31, "Focal", "NRC", "CPN", Role::Focal).await;
    let outsider = w.join(32, "Outsider", "IRC", "CR-GAO", Role::Focal).await;
    let cpn = w.mech("CPN").await;
    let draft = votes::VoteDraft {
        mechanism_id: cpn.id,
        meeting_id: None,
        question: "Adopter la note de plaidoyer ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(48),
        quorum_percent: None,
    };
    let vote = votes::open(&w.ctx, Actor::CommandLine, draft).await.unwrap().unwrap();
    let meeting_id = w.meeting("CPN").await;
    let item = agenda::propose(&w.ctx, &w.access(31).await, meeting_id, "Retours à Ménaka").await.unwrap().unwrap();
    let nrc = focal.organisation.id;
    let question = Outgoing::Decision(DecisionMsg::VoteQuestion { vote_id: vote.id });
    let result = Outgoing::Decision(DecisionMsg::VoteResult { vote_id: vote.id });
    let reminder = Outgoing::Decision(DecisionMsg::VoteReminder { vote_id: vote.id, organisation_id: nrc });
    let handover = Outgoing::Decision(DecisionMsg::VoteHandover { vote_id: vote.id, organisation_id: nrc });
    let proposed = Outgoing::Decision(DecisionMsg::AgendaProposed { item_id: item.id });
    let decided = Outgoing::Decision(DecisionMsg::AgendaDecided { item_id: item.id });

    for msg in [&question, &result, &reminder, &decided] {
        assert_eq!(may_receive(&w.ctx, focal.person_id, msg).await.unwrap(), None, "{msg:?}");
    }
    // The hand-over request is the alternate's; the proposal is the chair's to decide.
    assert_eq!(may_receive(&w.ctx, focal.person_id, &handover).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
    assert_eq!(may_receive(&w.ctx, focal.person_id, &proposed).await.unwrap(), Some(Withheld::NotChair));
    assert_eq!(may_receive(&w.ctx, chair.person_id, &proposed).await.unwrap(), None);
    // Someone of another mechanism sees neither the question nor the result.
    for msg in [&question, &result] {
        assert_eq!(may_receive(&w.ctx, outsider.person_id, msg).await.unwrap(), Some(Withheld::NotMember));
    }

    // Removed while the messages wait in the queue: nothing more reaches them.
    admin::remove_member(&w.ctx, Actor::CommandLine, 31, None).await.unwrap();
    for msg in [&question, &result] {
        assert_eq!(may_receive(&w.ctx, focal.person_id, msg).await.unwrap(), Some(Withheld::NotMember), "{msg:?}");
    }
    for msg in [&reminder, &decided] {
        assert_eq!(may_receive(&w.ctx, focal.person_id, msg).await.unwrap(), Some(Withheld::NoLongerHoldsSeat));
    }
    // A chair who steps down no longer gets the proposals, nor the corrected 4W.
    admin::remove_chair(&w.ctx, Actor::CommandLine, 30, &cpn).await.unwrap();
    assert_eq!(may_receive(&w.ctx, chair.person_id, &proposed).await.unwrap(), Some(Withheld::NotChair));
    let unknown = Outgoing::Fourw(FourwMsg::Approved { submission_id: 9999 });
    assert_eq!(may_receive(&w.ctx, chair.person_id, &unknown).await.unwrap(), Some(Withheld::Unknown));
}
