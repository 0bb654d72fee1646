//! Administration by coordinators at the service level (real SQLite, real migrations):
//! removing people, chairs, coordinators (never the last), invitations listed and revoked,
//! the observer policy, erasure, purge — and the audit trail that records each of them.

use crate::world;

use chrono::Duration;
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::{AppError, Clock, Role};
use cluster_bot::services::admin::{self, Revoke};
use cluster_bot::services::meetings::Actor;
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::{audit, retention};
use cluster_bot::storage::{dialogues, jobs, memberships, people};
use world::World;

fn actions(entries: &[cluster_bot::domain::audit::AuditEntry]) -> Vec<String> {
    entries.iter().map(|e| e.action.clone()).collect()
}

#[tokio::test]
async fn a_coordinator_removes_a_focal_point_and_the_audit_shows_who_when() {
    let w = World::new().await;
    w.coordinator(1, "Awa Coordo").await;
    let seat = w.join(10, "Moussa Focal", "NRC", "CPN", Role::Focal).await;
    w.join(10, "Moussa Focal", "NRC", "CR-GAO", Role::Focal).await;
    let coordo = w.access(1).await;
    let cpn = w.mech("CPN").await;

    w.clock.advance(Duration::minutes(5));
    let removal = admin::remove_member(&w.ctx, Actor::Person(&coordo), 10, Some(&cpn)).await.unwrap();
    assert_eq!(removal.ended.len(), 1);
    assert_eq!(removal.ended[0].id, seat.id);
    assert!(!removal.coordinator_removed);
    let left: Vec<String> = w.access(10).await.memberships.iter().map(|m| m.mechanism.code.clone()).collect();
    assert_eq!(left, ["CR-GAO"], "only the CPN seat ended");
    // Removing again: nothing to remove.
    assert!(matches!(
        admin::remove_member(&w.ctx, Actor::Person(&coordo), 10, Some(&cpn)).await,
        Err(AppError::NotFound)
    ));

    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    let removed = trail.iter().find(|e| e.action == "removed").expect("the removal is recorded");
    assert_eq!(removed.actor.as_deref(), Some("Awa Coordo"));
    assert_eq!(removed.subject.as_deref(), Some("Moussa Focal"));
    assert_eq!(removed.subject_telegram_id, Some(10));
    assert_eq!(removed.mechanism.as_deref(), Some("CPN"));
    assert_eq!(removed.organisation.as_deref(), Some("NRC"));
    assert_eq!(removed.at, w.clock.now());
    let joined = trail.iter().filter(|e| e.action == "joined").count();
    assert_eq!(joined, 2, "{:?}", actions(&trail));
    assert!(trail.iter().any(|e| e.action == "invitation_issued" && e.mechanism.as_deref() == Some("CR-GAO")));

    // From the cluster altogether: the other seat too.
    let all = admin::remove_member(&w.ctx, Actor::Person(&coordo), 10, None).await.unwrap();
    assert_eq!(all.ended.len(), 1);
    assert!(w.access(10).await.memberships.is_empty());
}

#[tokio::test]
async fn only_coordinators_administer() {
    let w = World::new().await;
    w.coordinator(1, "Awa Coordo").await;
    w.join(20, "Chair Gao", "UNHCR", "CR-GAO", Role::Chair).await;
    w.join(21, "Focal Gao", "NRC", "CR-GAO", Role::Focal).await;
    let chair = w.access(20).await;
    let gao = w.mech("CR-GAO").await;
    let focal = w.access(21).await;
    for actor in [Actor::Person(&chair), Actor::Person(&focal)] {
        assert!(matches!(admin::remove_member(&w.ctx, actor, 21, Some(&gao)).await, Err(AppError::NotAllowed)));
        assert!(matches!(admin::add_chair(&w.ctx, actor, 21, &gao, None).await, Err(AppError::NotAllowed)));
        assert!(matches!(admin::remove_coordinator(&w.ctx, actor, 1).await, Err(AppError::NotAllowed)));
        assert!(matches!(admin::set_observers_receive(&w.ctx, actor, &gao, false).await, Err(AppError::NotAllowed)));
        assert!(matches!(retention::erase_person(&w.ctx, actor, 21).await, Err(AppError::NotAllowed)));
        assert!(matches!(audit::since(&w.ctx, actor, w.clock.now()).await, Err(AppError::NotAllowed)));
    }
    // A chair sees the members and invitations of the mechanisms they chair, not others'.
    let seen = admin::members(&w.ctx, Actor::Person(&chair), None).await.unwrap();
    assert!(seen.iter().all(|m| m.mechanism.code == "CR-GAO") && seen.len() == 2);
    let cpn = w.mech("CPN").await;
    assert!(matches!(admin::members(&w.ctx, Actor::Person(&chair), Some(&cpn)).await, Err(AppError::NotAllowed)));
    assert!(matches!(admin::members(&w.ctx, Actor::Person(&focal), None).await, Err(AppError::NotAllowed)));
    assert!(matches!(admin::pending_invitations(&w.ctx, Actor::Person(&focal)).await, Err(AppError::NotAllowed)));
    // Unknown people are named as such.
    assert!(matches!(
        admin::remove_member(&w.ctx, Actor::CommandLine, 999, None).await,
        Err(AppError::UnknownPerson(999))
    ));
}

#[tokio::test]
async fn the_last_coordinator_is_never_removed() {
    let w = World::new().await;
    w.coordinator(1, "Awa").await;
    assert!(matches!(admin::remove_coordinator(&w.ctx, Actor::CommandLine, 1).await, Err(AppError::LastCoordinator)));
    // Not by removing them from the cluster, nor by erasing them.
    assert!(matches!(admin::remove_member(&w.ctx, Actor::CommandLine, 1, None).await, Err(AppError::LastCoordinator)));
    assert!(matches!(retention::erase_person(&w.ctx, Actor::CommandLine, 1).await, Err(AppError::LastCoordinator)));
    admin::add_coordinator(&w.ctx, Actor::CommandLine, 2, "Binta").await.unwrap();
    let binta = w.access(2).await;
    let (awa, _) = admin::remove_coordinator(&w.ctx, Actor::Person(&binta), 1).await.unwrap();
    assert_eq!(awa.display_name, "Awa");
    assert!(!people::is_coordinator(&w.ctx.db, awa.id).await.unwrap());
    assert!(matches!(admin::remove_coordinator(&w.ctx, Actor::CommandLine, 1).await, Err(AppError::NotFound)));
    assert!(matches!(admin::remove_coordinator(&w.ctx, Actor::CommandLine, 2).await, Err(AppError::LastCoordinator)));
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    let removed: Vec<_> = trail.iter().filter(|e| e.action == "coordinator_removed").collect();
    assert_eq!(removed.len(), 1);
    assert_eq!((removed[0].actor.as_deref(), removed[0].subject.as_deref()), (Some("Binta"), Some("Awa")));
    assert!(trail.iter().any(|e| e.action == "coordinator_added" && e.subject.as_deref() == Some("Binta")));
}

#[tokio::test]
async fn chairs_are_added_and_removed() {
    let w = World::new().await;
    w.join(30, "Fatou", "NRC", "CPN", Role::Focal).await;
    let gao = w.mech("CR-GAO").await;
    let seat = admin::add_chair(&w.ctx, Actor::CommandLine, 30, &gao, None).await.unwrap();
    assert_eq!(
        (seat.role, seat.organisation.acronym.as_str(), seat.mechanism.code.as_str()),
        (Role::Chair, "NRC", "CR-GAO")
    );
    assert!(matches!(
        admin::add_chair(&w.ctx, Actor::CommandLine, 30, &gao, None).await,
        Err(AppError::AlreadyMember { role: Role::Chair, .. })
    ));
    // Someone who never joined (never accepted the principles) cannot be made chair.
    w.person(31, "Stranger").await;
    assert!(matches!(admin::add_chair(&w.ctx, Actor::CommandLine, 31, &gao, None).await, Err(AppError::NotAMember)));
    // Seats for two organisations: the organisation must be named.
    w.join(32, "Two Hats", "NRC", "CPN", Role::Alternate).await;
    w.join(32, "Two Hats", "DRC/DDG", "CR-GAO", Role::Focal).await;
    assert!(matches!(
        admin::add_chair(&w.ctx, Actor::CommandLine, 32, &gao, None).await,
        Err(AppError::OrganisationNeeded)
    ));
    let drc = membership::organisation(&w.ctx, "DRC/DDG").await.unwrap();
    admin::add_chair(&w.ctx, Actor::CommandLine, 32, &w.mech("SC-PE").await, Some(&drc)).await.unwrap();

    let ended = admin::remove_chair(&w.ctx, Actor::CommandLine, 30, &gao).await.unwrap();
    assert_eq!(ended.0.id, seat.id);
    assert!(memberships::by_id_active(&w.ctx.db, seat.id).await.unwrap().is_none());
    assert!(matches!(admin::remove_chair(&w.ctx, Actor::CommandLine, 30, &gao).await, Err(AppError::NotFound)));
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "chair_added").count(), 2);
    assert_eq!(trail.iter().filter(|e| e.action == "chair_removed").count(), 1);
}

#[tokio::test]
async fn pending_invitations_are_listed_and_revoked() {
    let w = World::new().await;
    w.coordinator(1, "Awa").await;
    let coordo = w.access(1).await;
    let (nrc, cpn) = (membership::organisation(&w.ctx, "NRC").await.unwrap(), w.mech("CPN").await);
    let a =
        membership::issue_invitation(&w.ctx, Issuer::Person(&coordo), &nrc, &cpn, Role::Focal, false).await.unwrap();
    let b =
        membership::issue_invitation(&w.ctx, Issuer::CommandLine, &nrc, &cpn, Role::Alternate, false).await.unwrap();
    let pending = admin::pending_invitations(&w.ctx, Actor::Person(&coordo)).await.unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(pending[0].issued_by.as_deref(), Some("Awa"));
    assert_eq!(pending[1].issued_by, None, "made on the command line");
    assert_eq!(pending[0].expires_at, w.clock.now() + Duration::days(14));

    let revoked =
        admin::revoke_invitation(&w.ctx, Actor::Person(&coordo), Revoke::Code(a.code.as_str())).await.unwrap();
    assert_eq!(revoked.id, pending[0].id);
    assert!(matches!(membership::open_invitation(&w.ctx, a.code.as_str()).await, Err(AppError::InvitationExpired)));
    assert!(matches!(
        admin::revoke_invitation(&w.ctx, Actor::CommandLine, Revoke::Code(a.code.as_str())).await,
        Err(AppError::InvitationExpired)
    ));
    assert!(matches!(
        admin::revoke_invitation(&w.ctx, Actor::CommandLine, Revoke::Code("not-a-code")).await,
        Err(AppError::InvitationUnknown)
    ));
    // A used invitation cannot be revoked.
    let inv = membership::open_invitation(&w.ctx, b.code.as_str()).await.unwrap();
    let p = w.person(40, "Joiner").await;
    membership::accept_invitation(&w.ctx, &p, inv.id, None).await.unwrap();
    assert!(matches!(
        admin::revoke_invitation(&w.ctx, Actor::CommandLine, Revoke::Id(inv.id)).await,
        Err(AppError::InvitationUsed)
    ));
    assert!(admin::pending_invitations(&w.ctx, Actor::CommandLine).await.unwrap().is_empty());
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    let rev = trail.iter().find(|e| e.action == "invitation_revoked").unwrap();
    assert_eq!((rev.actor.as_deref(), rev.mechanism.as_deref()), (Some("Awa"), Some("CPN")));
}

#[tokio::test]
async fn the_observer_policy_defaults_to_the_specification_and_can_be_changed() {
    let w = World::new().await;
    let (gcs, cpn) = (w.mech("GCS").await, w.mech("CPN").await);
    assert!(!admin::observers_receive(&w.ctx, &gcs).await.unwrap(), "the strategic advisory group: no");
    assert!(admin::observers_receive(&w.ctx, &cpn).await.unwrap(), "elsewhere: yes");
    admin::set_observers_receive(&w.ctx, Actor::CommandLine, &cpn, false).await.unwrap();
    assert!(!admin::observers_receive(&w.ctx, &cpn).await.unwrap());
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "observer_policy" && e.mechanism.as_deref() == Some("CPN")));
}

#[tokio::test]
async fn erasure_replaces_the_identity_ends_seats_and_keeps_the_counts() {
    let w = World::new().await;
    w.coordinator(1, "Awa").await;
    let seat = w.join(50, "Aminata Traoré", "NRC", "CPN", Role::Focal).await;
    let minutes_id = w.minutes("CPN").await;
    // A receipt and a pending delivery to the person.
    cluster_bot::storage::minutes::record_receipt(&w.ctx.db, Some(minutes_id), None, seat.person_id, 7, w.clock.now())
        .await
        .unwrap();
    let job = Job::Deliver { person_id: seat.person_id, message: Outgoing::Minutes { minutes_id } };
    jobs::enqueue(&w.ctx.db, "later", &job, w.clock.now() + Duration::hours(1), w.clock.now()).await.unwrap();
    dialogues::put(&w.ctx.db, 50, "{}", w.clock.now()).await.unwrap();

    let erased = retention::erase_person(&w.ctx, Actor::CommandLine, 50).await.unwrap();
    assert_eq!(erased.seats_ended, 1);
    assert_eq!(erased.deliveries_cancelled, 1);
    assert!(erased.person.display_name.starts_with("[erased #"));
    assert!(erased.person.telegram_id < 0);
    assert!(people::by_telegram_id(&w.ctx.db, 50).await.unwrap().is_none(), "the Telegram id is gone");
    assert!(dialogues::get(&w.ctx.db, 50).await.unwrap().is_none());
    assert!(memberships::by_id_active(&w.ctx.db, seat.id).await.unwrap().is_none());
    // The counts stay: one receipt of those minutes.
    assert_eq!(cluster_bot::storage::minutes::minutes_receipts(&w.ctx.db, minutes_id).await.unwrap().len(), 1);
    // No name, no Telegram id left in what the audit shows.
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(30)).await.unwrap();
    for e in &trail {
        assert!(e.subject.as_deref() != Some("Aminata Traoré"), "{e:?}");
        assert_ne!(e.subject_telegram_id, Some(50));
    }
    assert!(trail.iter().any(|e| e.action == "erased"));
    // Someone who writes to the bot with that Telegram id later is a new person.
    let again = w.person(50, "Aminata").await;
    assert_ne!(again.id, seat.person_id);
    assert!(matches!(
        retention::erase_person(&w.ctx, Actor::CommandLine, 404).await,
        Err(AppError::UnknownPerson(404))
    ));
}

#[tokio::test]
async fn old_dialogues_and_old_finished_jobs_are_purged() {
    let w = World::new().await;
    let t0 = w.clock.now();
    dialogues::put(&w.ctx.db, 1, "{}", t0).await.unwrap();
    dialogues::put(&w.ctx.db, 2, "{}", t0 + Duration::days(20)).await.unwrap();
    for (key, at) in [("old", t0), ("recent", t0 + Duration::days(60))] {
        let job = Job::Deliver { person_id: 1, message: Outgoing::RsvpSummary { meeting_id: 1 } };
        jobs::enqueue(&w.ctx.db, key, &job, at, at).await.unwrap();
        let claimed = jobs::claim_due(&w.ctx.db, at, 60, 10).await.unwrap();
        jobs::mark_done(&w.ctx.db, claimed[0].id, at).await.unwrap();
    }
    let pending = Job::Deliver { person_id: 1, message: Outgoing::RsvpSummary { meeting_id: 2 } };
    jobs::enqueue(&w.ctx.db, "pending", &pending, t0 + Duration::days(400), t0).await.unwrap();

    w.clock.set(t0 + Duration::days(35));
    let purged = retention::purge(&w.ctx).await.unwrap();
    assert_eq!((purged.dialogues, purged.jobs), (1, 0), "30 days for dialogues; jobs are still within 90");
    w.clock.set(t0 + Duration::days(95));
    let purged = retention::purge(&w.ctx).await.unwrap();
    assert_eq!((purged.dialogues, purged.jobs), (1, 1));
    let keys: Vec<String> = jobs::all(&w.ctx.db).await.unwrap().into_iter().map(|j| j.idempotency_key).collect();
    assert_eq!(keys, ["recent", "pending"], "recent and pending jobs stay");
    // Configurable.
    let short = w.ctx.clone().with_retention(retention::Retention {
        dialogues: Duration::days(1),
        finished_jobs: Duration::days(1),
        ..Default::default()
    });
    assert_eq!(retention::purge(&short).await.unwrap().jobs, 1);
}

#[tokio::test]
async fn observers_report_their_4w_only_when_the_cluster_sets_them_to() {
    use cluster_bot::services::reports;
    let w = World::new().await;
    w.coordinator(1, "Awa Coordo").await;
    w.join(20, "Focal CICR", "CICR", "CPN", Role::Focal).await;
    w.join(21, "Focal NRC", "NRC", "CPN", Role::Focal).await;
    let cpn = w.mech("CPN").await;
    let reporting = |acronyms: Vec<(cluster_bot::domain::Organisation, Vec<i64>)>| {
        let mut v: Vec<String> = acronyms.into_iter().map(|(o, _)| o.acronym).collect();
        v.sort();
        v
    };

    // By default the observer neither reports nor is counted as missing.
    assert!(reports::reporting_seats(&w.access(20).await).is_empty());
    assert_eq!(reports::reporting_seats(&w.access(21).await).len(), 1);
    assert_eq!(reporting(reports::reporters(&w.ctx, cpn.id).await.unwrap()), ["NRC"]);

    // Only a coordinator may change it, and only for an observer.
    let focal = w.access(21).await;
    assert!(matches!(
        admin::set_observer_reports(&w.ctx, Actor::Person(&focal), "CICR", true).await,
        Err(AppError::NotAllowed)
    ));
    assert!(matches!(
        admin::set_observer_reports(&w.ctx, Actor::CommandLine, "NRC", false).await,
        Err(AppError::MemberAlwaysReports { .. })
    ));
    let coordo = w.access(1).await;
    let org = admin::set_observer_reports(&w.ctx, Actor::Person(&coordo), "cicr", true).await.unwrap();
    assert!(org.observer && org.observer_reports);
    assert_eq!(reports::reporting_seats(&w.access(20).await).len(), 1);
    assert_eq!(reporting(reports::reporters(&w.ctx, cpn.id).await.unwrap()), ["CICR", "NRC"]);
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    assert!(trail.iter().any(|e| e.detail.as_deref() == Some("CICR reports its 4W: yes")), "recorded");

    admin::set_observer_reports(&w.ctx, Actor::CommandLine, "CICR", false).await.unwrap();
    assert!(reports::reporting_seats(&w.access(20).await).is_empty());
}

#[tokio::test]
async fn erasing_a_coordinator_revokes_the_invitations_they_issued() {
    let w = World::new().await;
    w.coordinator(1, "Awa").await;
    w.coordinator(2, "Binta").await;
    let binta = w.access(2).await;
    let (nrc, cpn) = (membership::organisation(&w.ctx, "NRC").await.unwrap(), w.mech("CPN").await);
    let theirs =
        membership::issue_invitation(&w.ctx, Issuer::Person(&binta), &nrc, &cpn, Role::Focal, false).await.unwrap();
    let other =
        membership::issue_invitation(&w.ctx, Issuer::CommandLine, &nrc, &cpn, Role::Alternate, false).await.unwrap();

    retention::erase_person(&w.ctx, Actor::CommandLine, 2).await.unwrap();
    assert!(matches!(
        membership::open_invitation(&w.ctx, theirs.code.as_str()).await,
        Err(AppError::InvitationExpired)
    ));
    // An invitation someone else made stays usable.
    membership::open_invitation(&w.ctx, other.code.as_str()).await.unwrap();
    let pending = admin::pending_invitations(&w.ctx, Actor::CommandLine).await.unwrap();
    assert_eq!(pending.len(), 1);
    let trail = audit::since(&w.ctx, Actor::CommandLine, w.clock.now() - Duration::days(1)).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "invitation_revoked"), "{:?}", actions(&trail));
}
