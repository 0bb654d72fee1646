//! Decisions by vote through the real services, storage and scheduler (deliveries recorded
//! instead of sent): one vote per member organisation, the alternate after a hand-over, the
//! observer refused, a double tap counted once, the reminder, the closing and its result.

use crate::decisions_world as world;

use chrono::Duration;
use cluster_bot::domain::jobs::{DecisionMsg, Outgoing};
use cluster_bot::domain::vote::{Choices, DraftError, Refusal, Secrecy};
use cluster_bot::domain::{AppError, Role};
use cluster_bot::services::meetings::Actor;
use cluster_bot::services::votes::{self, VoteDraft};
use cluster_bot::storage::votes::Cast;
use world::World;

struct Cpn {
    chair: i64,
    nrc: i64,
    unicef: i64,
    unicef_alt: i64,
    irc: i64,
    cicr: i64,
    mech: i64,
}

async fn cpn(w: &World) -> Cpn {
    Cpn {
        chair: w.member("Awa Traoré", "UNHCR", "CPN", Role::Chair).await,
        nrc: w.member("Jon Berg", "NRC", "CPN", Role::Focal).await,
        unicef: w.member("Fanta Diallo", "UNICEF", "CPN", Role::Focal).await,
        unicef_alt: w.member("Issa Maïga", "UNICEF", "CPN", Role::Alternate).await,
        irc: w.member("Mary Doe", "IRC", "CPN", Role::Focal).await,
        cicr: w.member("Marc Keller", "CICR", "CPN", Role::Focal).await,
        mech: w.mechanism_id("CPN").await,
    }
}

fn draft(mech: i64) -> VoteDraft {
    VoteDraft {
        mechanism_id: mech,
        meeting_id: None,
        question: "Adopter le projet de note de plaidoyer ?".into(),
        choices: Choices::YesNoAbstain,
        secrecy: Secrecy::Open,
        open_for: Duration::hours(48),
        quorum_percent: None,
    }
}

fn recipients(sent: &[(i64, Outgoing)], f: impl Fn(&DecisionMsg) -> bool) -> Vec<i64> {
    let mut v: Vec<i64> =
        sent.iter().filter(|(_, m)| matches!(m, Outgoing::Decision(d) if f(d))).map(|(p, _)| *p).collect();
    v.sort_unstable();
    v
}

fn sorted(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v
}

#[tokio::test]
async fn one_vote_per_member_organisation_from_question_to_result() {
    let w = World::new().await;
    let c = cpn(&w).await;
    let chair = w.access(c.chair).await;
    let v = votes::open(&w.ctx, Actor::Person(&chair), draft(c.mech)).await.unwrap().unwrap();
    // Electorate: NRC, UNICEF, IRC (the observer CICR and the chair's UNHCR seat excluded).
    let t = votes::tally(&w.ctx, &v).await.unwrap();
    assert_eq!((t.electorate, t.quorum_needed), (3, 2), "the quorum is half of 3, rounded up");
    assert_eq!(v.quorum_percent, 50);

    w.run_due().await;
    let sent = w.take_sent();
    let everyone = sorted(vec![c.chair, c.nrc, c.unicef, c.unicef_alt, c.irc, c.cicr]);
    assert_eq!(recipients(&sent, |d| matches!(d, DecisionMsg::VoteQuestion { .. })), everyone);

    let (nrc_org, unicef_org, cicr_org) =
        (w.organisation_id("NRC").await, w.organisation_id("UNICEF").await, w.organisation_id("CICR").await);
    let nrc = w.access(c.nrc).await;
    assert_eq!(votes::cast(&w.ctx, &nrc, v.id, nrc_org, 0).await.unwrap(), Ok(Cast::First));
    // A double tap counts once.
    assert_eq!(votes::cast(&w.ctx, &nrc, v.id, nrc_org, 0).await.unwrap(), Ok(Cast::Same));
    // Not for another organisation, not an option that does not exist.
    assert_eq!(votes::cast(&w.ctx, &nrc, v.id, unicef_org, 0).await.unwrap(), Err(Refusal::NoSeat));
    assert_eq!(votes::cast(&w.ctx, &nrc, v.id, nrc_org, 3).await.unwrap(), Err(Refusal::NoSuchOption));

    // The alternate waits for the hand-over (or for the reminder time).
    let alt = w.access(c.unicef_alt).await;
    assert_eq!(
        votes::cast(&w.ctx, &alt, v.id, unicef_org, 1).await.unwrap(),
        Err(Refusal::AlternateNotYet(v.alternate_from))
    );
    assert_eq!(votes::hand_over(&w.ctx, &alt, v.id, unicef_org).await.unwrap(), Err(Refusal::CannotHandOver));
    let unicef = w.access(c.unicef).await;
    assert_eq!(votes::hand_over(&w.ctx, &unicef, v.id, unicef_org).await.unwrap(), Ok(true));
    assert_eq!(votes::hand_over(&w.ctx, &unicef, v.id, unicef_org).await.unwrap(), Ok(false), "once");
    w.run_due().await;
    assert_eq!(recipients(&w.take_sent(), |d| matches!(d, DecisionMsg::VoteHandover { .. })), vec![c.unicef_alt]);
    assert_eq!(votes::cast(&w.ctx, &alt, v.id, unicef_org, 1).await.unwrap(), Ok(Cast::First));
    // The organisation may change its vote until closing (one ballot still).
    assert_eq!(votes::cast(&w.ctx, &unicef, v.id, unicef_org, 2).await.unwrap(), Ok(Cast::Changed { from: 1 }));
    // The focal point's vote stands: the alternate cannot overwrite it, even after the hand-over.
    assert_eq!(votes::cast(&w.ctx, &alt, v.id, unicef_org, 0).await.unwrap(), Err(Refusal::FocalVoted));
    assert_eq!(votes::standing(&w.ctx, &alt, &v).await.unwrap()[0].1, Err(Refusal::FocalVoted));
    assert_eq!(votes::ballot_of(&w.ctx, v.id, unicef_org).await.unwrap(), Some(2));

    // The observer sees the question but cannot vote; the chair's seat is no vote.
    let cicr = w.access(c.cicr).await;
    let standing = votes::standing(&w.ctx, &cicr, &v).await.unwrap();
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].1, Err(Refusal::Observer));
    assert_eq!(votes::cast(&w.ctx, &cicr, v.id, cicr_org, 0).await.unwrap(), Err(Refusal::Observer));
    let unhcr = w.organisation_id("UNHCR").await;
    assert_eq!(votes::cast(&w.ctx, &chair, v.id, unhcr, 0).await.unwrap(), Err(Refusal::NoSeat));
    assert!(votes::standing(&w.ctx, &nrc, &v).await.unwrap()[0].1.is_ok());

    // Open vote: the chair sees who chose what; a member does not.
    let b = votes::breakdown(&w.ctx, &chair, &v).await.unwrap();
    assert_eq!(b.iter().map(|b| (b.acronym.as_str(), b.choice)).collect::<Vec<_>>(), [("NRC", 0), ("UNICEF", 2)]);
    assert!(matches!(votes::breakdown(&w.ctx, &nrc, &v).await, Err(AppError::NotAllowed)));

    // 24 h before closing: the reminder goes to the organisation that has not voted (IRC).
    w.advance(Duration::hours(23)).await;
    // (The chair's notice of the members who joined may go out meanwhile; no vote message does.)
    let early = w.take_sent();
    assert!(recipients(&early, |_| true).is_empty(), "{early:?}");
    w.advance(Duration::hours(1)).await;
    assert_eq!(recipients(&w.take_sent(), |d| matches!(d, DecisionMsg::VoteReminder { .. })), vec![c.irc]);

    // Closing: the result to every member and the chair; recorded once.
    w.advance(Duration::hours(24)).await;
    let sent = w.take_sent();
    assert_eq!(recipients(&sent, |d| matches!(d, DecisionMsg::VoteResult { .. })), everyone);
    let closed = votes::get(&w.ctx, v.id).await.unwrap();
    let result = closed.result.clone().expect("recorded");
    assert_eq!(result.counts, vec![1, 0, 1]);
    assert_eq!((result.voted, result.electorate, result.quorum_met), (2, 3, true));
    assert_eq!(result.turnout_percent(), 66);
    assert_eq!(votes::cast(&w.ctx, &nrc, v.id, nrc_org, 1).await.unwrap(), Err(Refusal::Closed));
    let (_, again) = votes::close(&w.ctx, v.id).await.unwrap();
    assert!(!again, "the result is recorded once");

    // /decisions: members see their mechanisms' votes; the result is kept.
    let seen = votes::decisions(&w.ctx, &nrc, 10).await.unwrap();
    assert_eq!(seen.iter().map(|v| v.id).collect::<Vec<_>>(), vec![v.id]);
    assert_eq!(seen[0].result.as_ref(), Some(&result));
}

#[tokio::test]
async fn the_alternate_votes_when_the_focal_point_has_not_by_the_reminder_time() {
    let w = World::new().await;
    let c = cpn(&w).await;
    let chair = w.access(c.chair).await;
    let short = VoteDraft { open_for: Duration::hours(6), secrecy: Secrecy::Secret, ..draft(c.mech) };
    let v = votes::open(&w.ctx, Actor::Person(&chair), short).await.unwrap().unwrap();
    assert_eq!(v.alternate_from, w.now() + Duration::hours(3), "halfway for a short vote");
    let unicef_org = w.organisation_id("UNICEF").await;
    let alt = w.access(c.unicef_alt).await;
    assert!(votes::cast(&w.ctx, &alt, v.id, unicef_org, 0).await.unwrap().is_err());
    w.advance(Duration::hours(3)).await;
    // The reminder at halfway reaches the focal point and the alternate of each organisation
    // that has not voted.
    let reminded = recipients(&w.take_sent(), |d| matches!(d, DecisionMsg::VoteReminder { .. }));
    assert_eq!(reminded, sorted(vec![c.nrc, c.unicef, c.unicef_alt, c.irc]));
    assert_eq!(votes::cast(&w.ctx, &alt, v.id, unicef_org, 0).await.unwrap(), Ok(Cast::First));
    // Secret: nobody sees who chose what, not even the chair.
    assert!(matches!(votes::breakdown(&w.ctx, &chair, &v).await, Err(AppError::NotAllowed)));
    w.advance(Duration::hours(3)).await;
    let result = votes::get(&w.ctx, v.id).await.unwrap().result.unwrap();
    assert_eq!((result.voted, result.quorum_needed, result.quorum_met), (1, 2, false));
}

#[tokio::test]
async fn only_chairs_and_coordinators_open_votes_and_bad_drafts_are_refused() {
    let w = World::new().await;
    let c = cpn(&w).await;
    let nrc = w.access(c.nrc).await;
    assert!(matches!(votes::open(&w.ctx, Actor::Person(&nrc), draft(c.mech)).await, Err(AppError::NotAllowed)));
    let chair = w.access(c.chair).await;
    let other = w.mechanism_id("GCS").await;
    assert!(matches!(votes::open(&w.ctx, Actor::Person(&chair), draft(other)).await, Err(AppError::NotAllowed)));
    let refused = |d: VoteDraft| {
        let (ctx, chair) = (w.ctx.clone(), chair.clone());
        async move { votes::open(&ctx, Actor::Person(&chair), d).await.unwrap().unwrap_err() }
    };
    assert_eq!(refused(VoteDraft { question: "  ".into(), ..draft(c.mech) }).await, DraftError::QuestionEmpty);
    let one = Choices::Labels(vec!["Seule option".into()]);
    assert_eq!(refused(VoteDraft { choices: one, ..draft(c.mech) }).await, DraftError::OptionCount);
    assert_eq!(refused(VoteDraft { open_for: Duration::minutes(10), ..draft(c.mech) }).await, DraftError::Duration);
    assert_eq!(refused(VoteDraft { quorum_percent: Some(0), ..draft(c.mech) }).await, DraftError::Quorum);
    // A mechanism whose only members are observers has no electorate.
    w.member("Chef GT", "UNHCR", "GT-MINES", Role::Chair).await;
    w.member("Obs", "CICR", "GT-MINES", Role::Focal).await;
    let mines = w.mechanism_id("GT-MINES").await;
    let coordinator = w.member("Coord", "UNHCR", "GCS", Role::Focal).await;
    cluster_bot::storage::people::add_coordinator(&w.ctx.db, coordinator, w.now()).await.unwrap();
    let coord = w.access(coordinator).await;
    let res = votes::open(&w.ctx, Actor::Person(&coord), draft(mines)).await.unwrap();
    assert_eq!(res.unwrap_err(), DraftError::NoElectorate);
    // Coordinators may open votes anywhere; the quorum setting applies.
    let ctx = w.ctx.clone().with_vote_quorum(67);
    let v = votes::open(&ctx, Actor::Person(&coord), draft(c.mech)).await.unwrap().unwrap();
    assert_eq!(votes::tally(&ctx, &v).await.unwrap().quorum_needed, 3);
}

#[tokio::test]
async fn a_vote_belongs_to_a_meeting_of_its_mechanism() {
    let w = World::new().await;
    let c = cpn(&w).await;
    let chair = w.access(c.chair).await;
    let draft_meeting = |mech| cluster_bot::services::meetings::MeetingDraft {
        mechanism_id: mech,
        starts_at: w.now() + Duration::days(3),
        duration_minutes: 60,
        place: None,
        agenda: None,
        kind: cluster_bot::domain::meeting::MeetingKind::Regular,
        monthly: false,
    };
    let m = cluster_bot::services::meetings::create(&w.ctx, Actor::CommandLine, draft_meeting(c.mech)).await.unwrap();
    let gcs = w.mechanism_id("GCS").await;
    let other = cluster_bot::services::meetings::create(&w.ctx, Actor::CommandLine, draft_meeting(gcs)).await.unwrap();
    let with = |meeting_id| VoteDraft { meeting_id: Some(meeting_id), ..draft(c.mech) };
    let refused = votes::open(&w.ctx, Actor::Person(&chair), with(other[0].id)).await;
    assert!(matches!(refused, Err(AppError::NotFound)), "not a meeting of the vote's mechanism");
    let v = votes::open(&w.ctx, Actor::Person(&chair), with(m[0].id)).await.unwrap().unwrap();
    assert_eq!(votes::of_meeting(&w.ctx, m[0].id).await.unwrap().iter().map(|x| x.id).collect::<Vec<_>>(), vec![v.id]);
    assert!(votes::of_meeting(&w.ctx, other[0].id).await.unwrap().is_empty());
}
