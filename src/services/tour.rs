//! Tour de table before a meeting (per mechanism, off unless turned on): 48 h before, each
//! member organisation's focal point and alternate are asked for a short update; 2 h before,
//! the chairs get the updates collected and the organisations that did not answer. Uses the
//! storage only (the meetings' use cases call [`schedule_in`] when they plan a meeting's jobs).

use super::Ctx;
use super::meetings::Actor;
use super::outbox::{chair_recipients, deliver};
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::tour::{self, AnswerError, Recorded, Refusal, TourJob, TourMsg};
use crate::domain::{AppError, AppResult, Mechanism, Meeting, Organisation};
use crate::storage::tour::Update;
use crate::storage::{Tx, jobs, meetings, memberships, reference};
use chrono::Duration;

/// Plans the request and the collection of a meeting whose mechanism does a tour de table
/// (inside the transaction that writes the meeting and its other jobs; keys carry the
/// meeting's sequence, so a moved meeting gets new ones once the old are cancelled).
pub(crate) async fn schedule_in(ctx: &Ctx, tx: &mut Tx, m: &Meeting) -> AppResult<()> {
    if m.cancelled || !crate::storage::tour::enabled_in(tx, m.mechanism.id).await? {
        return Ok(());
    }
    let now = ctx.clock.now();
    let Some((ask, collect)) = tour::plan(now, m.starts_at) else { return Ok(()) };
    let prefix = format!("tour:m{}:s{}", m.id, m.sequence);
    jobs::enqueue_in(tx, &format!("{prefix}:ask"), &Job::Tour(TourJob::Ask { meeting_id: m.id }), ask, now).await?;
    let job = Job::Tour(TourJob::Collect { meeting_id: m.id });
    jobs::enqueue_in(tx, &format!("{prefix}:collect"), &job, collect, now).await?;
    Ok(())
}

/// The mechanisms whose tour de table a person may switch, with its state.
pub async fn settings(ctx: &Ctx, access: &Access) -> AppResult<Vec<(Mechanism, bool)>> {
    let mechs = if access.coordinator {
        reference::mechanisms(&ctx.db).await?
    } else {
        memberships::chaired_mechanisms(&ctx.db, access.person.id).await?
    };
    let mut out = Vec::new();
    for m in mechs {
        let on = crate::storage::tour::enabled(&ctx.db, m.id).await?;
        out.push((m, on));
    }
    Ok(out)
}

/// Turns a mechanism's tour de table on or off (its chair, a coordinator, the command line).
/// Turned on, the coming meetings get their jobs at once; turned off, the planned jobs find
/// it off when they run and send nothing. Returns whether it changed.
pub async fn set(ctx: &Ctx, actor: Actor<'_>, mechanism_id: i64, on: bool) -> AppResult<bool> {
    if !actor.may_manage(mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    reference::mechanism_by_id(&ctx.db, mechanism_id).await?.ok_or(AppError::NotFound)?;
    let now = ctx.clock.now();
    let coming = meetings::between(&ctx.db, Some(mechanism_id), now, now + Duration::days(3650), false).await?;
    let mut tx = ctx.db.begin().await?;
    let before = crate::storage::tour::set_in(&mut tx, mechanism_id, on, actor.person_id(), now).await?;
    if on {
        for m in &coming {
            schedule_in(ctx, &mut tx, m).await?;
        }
    }
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(before != on)
}

/// The member organisations asked for an update: those with an active focal point or
/// alternate in the meeting's mechanism (members first, then observers, by acronym).
async fn organisations(ctx: &Ctx, m: &Meeting) -> AppResult<Vec<Organisation>> {
    let mut orgs: Vec<Organisation> = memberships::active_in_mechanism(&ctx.db, m.mechanism.id)
        .await?
        .into_iter()
        .filter(|ms| ms.role.is_single_seat())
        .map(|ms| ms.organisation)
        .collect();
    orgs.sort_by(|a, b| (a.observer, &a.acronym).cmp(&(b.observer, &b.acronym)));
    orgs.dedup_by_key(|o| o.id);
    Ok(orgs)
}

async fn meeting(ctx: &Ctx, meeting_id: i64) -> AppResult<Meeting> {
    meetings::by_id(&ctx.db, meeting_id).await?.ok_or(AppError::MeetingNotFound(meeting_id))
}

/// Whether the round is still worth a message: the meeting stands, the mechanism still does a
/// tour de table. `Some(reason)` when not.
async fn obsolete(ctx: &Ctx, m: &Meeting) -> AppResult<Option<&'static str>> {
    if m.cancelled {
        return Ok(Some("meeting cancelled"));
    }
    if !crate::storage::tour::enabled(&ctx.db, m.mechanism.id).await? {
        return Ok(Some("tour de table turned off"));
    }
    Ok(None)
}

/// Runs a tour de table job: queues the requests or the collected updates.
/// Returns `Err(reason)` inside `Ok` when the job is obsolete and was skipped.
pub async fn fan_out(ctx: &Ctx, job: &TourJob) -> AppResult<Result<usize, String>> {
    let m = meeting(ctx, job.meeting_id()).await?;
    if let Some(why) = obsolete(ctx, &m).await? {
        return Ok(Err(why.into()));
    }
    let mut queued = 0;
    match job {
        TourJob::Ask { .. } => {
            if !tour::answers_open(ctx.clock.now(), m.starts_at) {
                return Ok(Err("too late for a tour de table".into()));
            }
            // After a move, organisations that already answered are not asked again.
            let answered: Vec<i64> =
                crate::storage::tour::updates(&ctx.db, m.id).await?.iter().map(|u| u.organisation_id).collect();
            for ms in memberships::active_in_mechanism(&ctx.db, m.mechanism.id).await? {
                if !ms.role.is_single_seat() || answered.contains(&ms.organisation.id) {
                    continue;
                }
                let key = format!("tour:m{}:s{}:ask:p{}:o{}", m.id, m.sequence, ms.person_id, ms.organisation.id);
                let msg = Outgoing::Tour(TourMsg::Request { meeting_id: m.id, organisation_id: ms.organisation.id });
                queued += deliver(ctx, key, ms.person_id, msg).await? as usize;
            }
        }
        TourJob::Collect { .. } => {
            for person in chair_recipients(ctx, m.mechanism.id).await? {
                let key = format!("tour:m{}:s{}:collect:p{person}", m.id, m.sequence);
                queued +=
                    deliver(ctx, key, person, Outgoing::Tour(TourMsg::Collected { meeting_id: m.id })).await? as usize;
            }
        }
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// What the chair gets: each organisation's update ("nothing new" as `None`) and those that
/// did not answer.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub answered: Vec<(Organisation, Option<String>)>,
    pub silent: Vec<Organisation>,
}

pub async fn collection(ctx: &Ctx, meeting_id: i64) -> AppResult<(Meeting, Collection)> {
    let m = meeting(ctx, meeting_id).await?;
    let updates = crate::storage::tour::updates(&ctx.db, m.id).await?;
    let mut c = Collection::default();
    for org in organisations(ctx, &m).await? {
        match updates.iter().find(|u| u.organisation_id == org.id) {
            Some(u) => c.answered.push((org, u.body.clone())),
            None => c.silent.push(org),
        }
    }
    Ok((m, c))
}

/// A request as it stands for its recipient: the meeting, the organisation and its current
/// answer; `Err(reason)` when it is no longer worth sending.
pub async fn request(
    ctx: &Ctx,
    meeting_id: i64,
    organisation_id: i64,
) -> AppResult<Result<(Meeting, Organisation, Option<Update>), String>> {
    let m = meeting(ctx, meeting_id).await?;
    if let Some(why) = obsolete(ctx, &m).await? {
        return Ok(Err(why.into()));
    }
    if !tour::answers_open(ctx.clock.now(), m.starts_at) {
        return Ok(Err("the updates were collected".into()));
    }
    let Some(org) = reference::organisation_by_id(&ctx.db, organisation_id).await? else {
        return Ok(Err("organisation unknown".into()));
    };
    let current = crate::storage::tour::update_of(&ctx.db, m.id, org.id).await?;
    Ok(Ok((m, org, current)))
}

/// Whether this person may answer for this organisation now (its focal point or alternate
/// in the meeting's mechanism, before the collection). Returns the meeting, the organisation
/// and whether it has answered already.
pub async fn may_answer(
    ctx: &Ctx,
    access: &Access,
    meeting_id: i64,
    organisation_id: i64,
) -> AppResult<Result<(Meeting, Organisation, bool), Refusal>> {
    let Some(m) = meetings::by_id(&ctx.db, meeting_id).await? else { return Ok(Err(Refusal::NoSeat)) };
    let Some(seat) = access.memberships.iter().find(|ms| {
        ms.mechanism.id == m.mechanism.id && ms.organisation.id == organisation_id && ms.role.is_single_seat()
    }) else {
        return Ok(Err(Refusal::NoSeat));
    };
    if m.cancelled {
        return Ok(Err(Refusal::Cancelled));
    }
    if !crate::storage::tour::enabled(&ctx.db, m.mechanism.id).await? {
        return Ok(Err(Refusal::Off));
    }
    if !tour::answers_open(ctx.clock.now(), m.starts_at) {
        return Ok(Err(Refusal::Closed));
    }
    let answered = crate::storage::tour::update_of(&ctx.db, m.id, organisation_id).await?.is_some();
    Ok(Ok((m, seat.organisation.clone(), answered)))
}

/// Records an organisation's update (`None`: nothing new). Every rule is checked again here.
pub async fn answer(
    ctx: &Ctx,
    access: &Access,
    meeting_id: i64,
    organisation_id: i64,
    text: Option<&str>,
) -> AppResult<Result<(Organisation, Recorded), AnswerError>> {
    let (m, org, _) = match may_answer(ctx, access, meeting_id, organisation_id).await? {
        Ok(x) => x,
        Err(r) => return Ok(Err(AnswerError::Refused(r))),
    };
    let body = match text.map(tour::clean_update) {
        None => None,
        Some(Ok(body)) => Some(body),
        Some(Err(e)) => return Ok(Err(AnswerError::Invalid(e))),
    };
    let replaced =
        crate::storage::tour::answer(&ctx.db, m.id, org.id, body.as_deref(), access.person.id, ctx.clock.now()).await?;
    Ok(Ok((org, if replaced { Recorded::Replaced } else { Recorded::First })))
}
