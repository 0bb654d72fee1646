//! Decisions by vote: opening (chairs, coordinators), casting the organisation's vote
//! (checked on the server every time), hand-over to the alternate, closing with the result,
//! and the jobs that carry the question, the reminder and the result to people.

use super::Ctx;
use super::meetings::Actor;
use super::outbox::chair_recipients;
use super::people::Access;
use crate::domain::jobs::{DecisionJob, DecisionMsg, Job, Outgoing};
use crate::domain::vote::{self, Choices, DraftError, Refusal, Seat, Secrecy, Tally, Vote};
use crate::domain::{AppError, AppResult, MembershipView, Organisation, Role};
use crate::storage::votes::{Ballot, Cast, Caster};
use crate::storage::{Tx, jobs, memberships, reference, votes};
use chrono::{DateTime, Duration, Utc};

/// What the chair asks.
#[derive(Debug, Clone)]
pub struct VoteDraft {
    pub mechanism_id: i64,
    pub meeting_id: Option<i64>,
    pub question: String,
    pub choices: Choices,
    pub secrecy: Secrecy,
    pub open_for: Duration,
    /// The share of member organisations needed; the cluster's setting when `None`.
    pub quorum_percent: Option<u8>,
}

/// The member organisations of a mechanism (observers excluded) with an active focal point
/// or alternate.
pub async fn member_organisations(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<Organisation>> {
    let mut orgs: Vec<Organisation> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role.is_single_seat() && !m.organisation.observer)
        .map(|m| m.organisation)
        .collect();
    orgs.sort_by_key(|o| o.acronym.to_lowercase());
    orgs.dedup_by_key(|o| o.id);
    Ok(orgs)
}

/// Opens a vote: checks the draft, fixes the electorate, and plans the question (now), the
/// reminder and the closing.
pub async fn open(ctx: &Ctx, actor: Actor<'_>, draft: VoteDraft) -> AppResult<Result<Vote, DraftError>> {
    if !actor.may_manage(draft.mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    reference::mechanism_by_id(&ctx.db, draft.mechanism_id).await?.ok_or(AppError::NotFound)?;
    let question = match vote::parse_question(&draft.question) {
        Ok(q) => q,
        Err(e) => return Ok(Err(e)),
    };
    if let Choices::Labels(labels) = &draft.choices
        && let Err(e) = vote::parse_options(&labels.join("\n"))
    {
        return Ok(Err(e));
    }
    if let Err(e) = vote::check_open_for(draft.open_for) {
        return Ok(Err(e));
    }
    let quorum_percent = draft.quorum_percent.unwrap_or(ctx.vote_quorum_percent);
    if let Err(e) = vote::check_quorum(quorum_percent) {
        return Ok(Err(e));
    }
    if let Some(meeting_id) = draft.meeting_id {
        let m = super::meetings::get(ctx, meeting_id).await?;
        if m.mechanism.id != draft.mechanism_id {
            return Err(AppError::NotFound);
        }
        if m.cancelled {
            return Err(AppError::MeetingCancelled);
        }
    }
    let electorate: Vec<i64> = member_organisations(ctx, draft.mechanism_id).await?.iter().map(|o| o.id).collect();
    if electorate.is_empty() {
        return Ok(Err(DraftError::NoElectorate));
    }
    let now = ctx.clock.now();
    let closes_at = now + draft.open_for;
    let alternate_from = vote::reminder_at(now, closes_at);
    // The vote and the jobs that open, remind and close it are written together.
    let mut tx = ctx.db.begin().await?;
    let id = votes::insert_in(
        &mut tx,
        votes::NewVote {
            mechanism_id: draft.mechanism_id,
            meeting_id: draft.meeting_id,
            question: &question,
            choices: &draft.choices,
            secrecy: draft.secrecy,
            quorum_percent,
            opens_at: now,
            alternate_from,
            closes_at,
            created_by: actor.person_id(),
            electorate: &electorate,
        },
    )
    .await?;
    plan_jobs(&mut tx, id, now, alternate_from, closes_at, now).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Ok(get(ctx, id).await?))
}

/// Queues the jobs of a vote: the question at `opens_at`, the reminder (and the alternate's
/// turn) at `alternate_from`, the closing at `closes_at` — each once per key, so planning
/// again only adds what is missing.
pub(crate) async fn plan_jobs(
    tx: &mut Tx,
    vote_id: i64,
    opens_at: DateTime<Utc>,
    alternate_from: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let plan = [
        ("opened", DecisionJob::VoteOpened { vote_id }, opens_at),
        ("remind", DecisionJob::VoteReminder { vote_id }, alternate_from),
        ("close", DecisionJob::VoteClose { vote_id }, closes_at),
    ];
    let mut queued = 0;
    for (name, job, at) in plan {
        queued +=
            usize::from(jobs::enqueue_in(tx, &format!("vote{vote_id}:{name}"), &Job::Decision(job), at, now).await?);
    }
    Ok(queued)
}

/// Queues the closing of a vote if it is missing (see [`plan_jobs`]).
pub(crate) async fn plan_closing(
    tx: &mut Tx,
    vote_id: i64,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let job = Job::Decision(DecisionJob::VoteClose { vote_id });
    Ok(usize::from(jobs::enqueue_in(tx, &format!("vote{vote_id}:close"), &job, closes_at, now).await?))
}

pub async fn get(ctx: &Ctx, vote_id: i64) -> AppResult<Vote> {
    votes::by_id(&ctx.db, vote_id).await?.ok_or(AppError::NotFound)
}

/// The seats through which a person may vote in this vote's mechanism (focal point or
/// alternate, observers included so that they can be told why not).
fn seats<'a>(access: &'a Access, v: &Vote) -> impl Iterator<Item = &'a MembershipView> {
    let mech = v.mechanism.id;
    access.memberships.iter().filter(move |m| m.mechanism.id == mech && m.role.is_single_seat())
}

async fn seat_facts(ctx: &Ctx, v: &Vote, ms: &MembershipView, electorate: &[i64]) -> AppResult<Seat> {
    let org = ms.organisation.id;
    Ok(Seat {
        role: ms.role,
        observer: ms.organisation.observer,
        in_electorate: electorate.contains(&org),
        handed_over: votes::handed_over(&ctx.db, v.id, org).await?,
        has_focal: memberships::seat_holder(&ctx.db, org, v.mechanism.id, Role::Focal).await?.is_some(),
        focal_voted: votes::focal_voted(&ctx.db, v.id, org).await?,
    })
}

/// For showing the question to a person: each organisation they hold a seat for in the
/// mechanism, and whether they may vote for it now (buttons only then).
pub async fn standing(ctx: &Ctx, access: &Access, v: &Vote) -> AppResult<Vec<(Organisation, Result<(), Refusal>)>> {
    let electorate = votes::electorate(&ctx.db, v.id).await?;
    let now = ctx.clock.now();
    let mut out = Vec::new();
    for ms in seats(access, v) {
        let seat = seat_facts(ctx, v, ms, &electorate).await?;
        let verdict = if v.closed_at.is_some() {
            Err(Refusal::Closed)
        } else {
            vote::may_cast(now, v.closes_at, v.alternate_from, seat)
        };
        out.push((ms.organisation.clone(), verdict));
    }
    Ok(out)
}

/// Casts (or changes) the organisation's vote. Every rule is checked here, whatever the
/// button said: pressing twice is one vote.
pub async fn cast(
    ctx: &Ctx,
    access: &Access,
    vote_id: i64,
    organisation_id: i64,
    choice: usize,
) -> AppResult<Result<Cast, Refusal>> {
    let v = get(ctx, vote_id).await?;
    let Some(ms) =
        seats(access, &v).filter(|m| m.organisation.id == organisation_id).min_by_key(|m| m.role != Role::Focal)
    else {
        return Ok(Err(Refusal::NoSeat));
    };
    if choice >= v.choices.len() {
        return Ok(Err(Refusal::NoSuchOption));
    }
    let now = ctx.clock.now();
    if v.closed_at.is_some() {
        return Ok(Err(Refusal::Closed));
    }
    let electorate = votes::electorate(&ctx.db, v.id).await?;
    let seat = seat_facts(ctx, &v, ms, &electorate).await?;
    if let Err(r) = vote::may_cast(now, v.closes_at, v.alternate_from, seat) {
        return Ok(Err(r));
    }
    // A secret vote records the seat that voted, never the person.
    let person = (v.secrecy == Secrecy::Open).then_some(access.person.id);
    let by = Caster { seat: ms.role, person };
    votes::cast(&ctx.db, v.id, organisation_id, choice, by, now).await
}

/// The focal point hands the vote over to the organisation's alternate, who is told.
pub async fn hand_over(
    ctx: &Ctx,
    access: &Access,
    vote_id: i64,
    organisation_id: i64,
) -> AppResult<Result<bool, Refusal>> {
    let v = get(ctx, vote_id).await?;
    let now = ctx.clock.now();
    let focal = seats(access, &v).any(|m| m.organisation.id == organisation_id && m.role == Role::Focal);
    if !focal || !v.is_open(now) {
        return Ok(Err(Refusal::CannotHandOver));
    }
    let alternate = memberships::seat_holder(&ctx.db, organisation_id, v.mechanism.id, Role::Alternate)
        .await?
        .ok_or(AppError::NoAlternate)?;
    let new = votes::hand_over(&ctx.db, v.id, organisation_id, access.person.id, now).await?;
    if new {
        let key = format!("vote{}:handover:o{organisation_id}", v.id);
        let msg = DecisionMsg::VoteHandover { vote_id: v.id, organisation_id };
        deliver(ctx, key, alternate.person_id, msg).await?;
        ctx.wake.notify_one();
    }
    Ok(Ok(new))
}

/// The organisation's current choice, if it voted.
pub async fn ballot_of(ctx: &Ctx, vote_id: i64, organisation_id: i64) -> AppResult<Option<usize>> {
    votes::ballot_of(&ctx.db, vote_id, organisation_id).await
}

/// The count so far (or the recorded result once closed).
pub async fn tally(ctx: &Ctx, v: &Vote) -> AppResult<Tally> {
    if let Some(t) = &v.result {
        return Ok(t.clone());
    }
    let electorate = votes::electorate(&ctx.db, v.id).await?;
    let ballots: Vec<usize> = votes::ballots(&ctx.db, v.id)
        .await?
        .into_iter()
        .filter(|b| electorate.contains(&b.organisation_id))
        .map(|b| b.choice as usize)
        .collect();
    Ok(vote::tally(v.choices.len(), &ballots, electorate.len(), v.quorum_percent))
}

/// Which organisation chose what: for the mechanism's chairs and the coordinators, and only
/// when the vote is open (not secret).
pub async fn breakdown(ctx: &Ctx, access: &Access, v: &Vote) -> AppResult<Vec<Ballot>> {
    if v.secrecy != Secrecy::Open || !(access.coordinator || access.chairs(v.mechanism.id)) {
        return Err(AppError::NotAllowed);
    }
    votes::ballots(&ctx.db, v.id).await
}

/// Same, for a recipient known by id (the result message to the chair).
pub async fn breakdown_for_person(ctx: &Ctx, person_id: i64, v: &Vote) -> AppResult<Option<Vec<Ballot>>> {
    let Some(person) = crate::storage::people::by_id(&ctx.db, person_id).await? else { return Ok(None) };
    let access = super::people::access(ctx, person).await?;
    match breakdown(ctx, &access, v).await {
        Ok(b) => Ok(Some(b)),
        Err(AppError::NotAllowed) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Closes a vote now (at its closing time) and records the result once. A secret vote's
/// choices by organisation are erased then: only its totals and who took part remain.
pub async fn close(ctx: &Ctx, vote_id: i64) -> AppResult<(Vote, bool)> {
    let v = get(ctx, vote_id).await?;
    if v.closed_at.is_some() {
        return Ok((v, false));
    }
    let (options, quorum) = (v.choices.len(), v.quorum_percent);
    let secret = v.secrecy == Secrecy::Secret;
    let recorded = votes::close(&ctx.db, v.id, secret, ctx.clock.now(), |electorate, choices| {
        vote::tally(options, choices, electorate, quorum)
    })
    .await?;
    Ok((get(ctx, vote_id).await?, recorded))
}

/// The decisions a person may see: the votes of their mechanisms (all for coordinators),
/// newest first.
pub async fn decisions(ctx: &Ctx, access: &Access, limit: i64) -> AppResult<Vec<Vote>> {
    access.require_member()?;
    let ids = super::people::internal_mechanisms(ctx, access).await?;
    votes::of_mechanisms(&ctx.db, &ids, limit).await
}

/// The votes attached to a meeting (shown in its minutes' summary).
pub async fn of_meeting(ctx: &Ctx, meeting_id: i64) -> AppResult<Vec<Vote>> {
    votes::of_meeting(&ctx.db, meeting_id).await
}

/// Everyone who receives the question and the result: every active member of the mechanism
/// (focal points, alternates, chairs, and observers where the mechanism's policy lets them
/// see its internal matters) and whoever receives what is meant for the chair (the
/// coordinators when it has none).
pub async fn audience(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<i64>> {
    let observers = reference::observers_receive(&ctx.db, mechanism_id).await?;
    let mut ids: Vec<i64> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| observers || m.role == Role::Chair || !m.organisation.observer)
        .map(|m| m.person_id)
        .collect();
    ids.extend(chair_recipients(ctx, mechanism_id).await?);
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

async fn deliver(ctx: &Ctx, key: String, person_id: i64, msg: DecisionMsg) -> AppResult<bool> {
    let now = ctx.clock.now();
    jobs::enqueue(&ctx.db, &key, &Job::Deliver { person_id, message: Outgoing::Decision(msg) }, now, now).await
}

/// Runs a vote or series job. `Err(reason)` inside `Ok` when it was obsolete.
pub async fn fan_out(ctx: &Ctx, job: &DecisionJob) -> AppResult<Result<usize, String>> {
    let now = ctx.clock.now();
    let mut queued = 0;
    match job {
        DecisionJob::VoteOpened { vote_id } => {
            let v = get(ctx, *vote_id).await?;
            if !v.is_open(now) {
                return Ok(Err("vote already closed".into()));
            }
            for person in audience(ctx, v.mechanism.id).await? {
                let key = format!("vote{}:question:p{person}", v.id);
                queued += deliver(ctx, key, person, DecisionMsg::VoteQuestion { vote_id: v.id }).await? as usize;
            }
        }
        DecisionJob::VoteReminder { vote_id } => {
            let v = get(ctx, *vote_id).await?;
            if !v.is_open(now) {
                return Ok(Err("vote already closed".into()));
            }
            let electorate = votes::electorate(&ctx.db, v.id).await?;
            let voted = votes::voters(&ctx.db, v.id).await?;
            for ms in memberships::active_in_mechanism(&ctx.db, v.mechanism.id).await? {
                let org = ms.organisation.id;
                if !ms.role.is_single_seat() || !electorate.contains(&org) || voted.contains(&org) {
                    continue;
                }
                let key = format!("vote{}:remind:p{}:o{org}", v.id, ms.person_id);
                let msg = DecisionMsg::VoteReminder { vote_id: v.id, organisation_id: org };
                queued += deliver(ctx, key, ms.person_id, msg).await? as usize;
            }
        }
        DecisionJob::VoteClose { vote_id } => {
            let (v, _) = close(ctx, *vote_id).await?;
            for person in audience(ctx, v.mechanism.id).await? {
                let key = format!("vote{}:result:p{person}", v.id);
                queued += deliver(ctx, key, person, DecisionMsg::VoteResult { vote_id: v.id }).await? as usize;
            }
        }
        DecisionJob::ExtendSeries { .. } => return Ok(Err("not a vote job".into())),
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}
