//! The scheduler's entry into the use cases: a fan-out job goes to the service that owns it,
//! and a delivery that will never succeed is recorded (and reported to the chair). Above the
//! other services.

use super::outbox::{chair_recipients, deliver};
use super::{Ctx, alerts, figures, meetings, minutes, register, reports, retention, seats, series, tour, votes};
use crate::domain::AppResult;
use crate::domain::jobs::{DecisionJob, FourwMsg, Job, Outgoing};
use crate::storage::{self, jobs};

/// Runs a fan-out job: decides who receives what and queues one delivery per person.
/// Returns `Err(reason)` inside `Ok` when the job is obsolete and was skipped.
pub async fn fan_out(ctx: &Ctx, job: &Job) -> AppResult<Result<usize, String>> {
    match job {
        Job::FanOutInvitations { .. }
        | Job::FanOutReminders { .. }
        | Job::FanOutSummary { .. }
        | Job::MonthlyNudge { .. } => meetings::fan_out(ctx, job).await,
        // Changes go to the current seat holders (newcomers get the invitation).
        Job::FanOutChange { meeting_id, cancelled } => {
            let queued = seats::fan_out_change(ctx, *meeting_id, *cancelled).await?;
            if queued > 0 {
                ctx.wake.notify_one();
            }
            Ok(Ok(queued))
        }
        Job::MinutesReminder { .. }
        | Job::MinutesOverdue { .. }
        | Job::DistributeMinutes { .. }
        | Job::DistributeDocument { .. }
        | Job::ActionReminder { .. } => minutes::fan_out(ctx, job).await,
        Job::Fourw(job) => reports::fan_out(ctx, job).await,
        Job::Purge => {
            let purged = retention::purge(ctx).await?;
            Ok(Ok((purged.dialogues + purged.jobs) as usize))
        }
        Job::MonthlyDigest { year, month } => figures::fan_out_digest(ctx, *year, *month).await,
        Job::Decision(DecisionJob::ExtendSeries { series_id }) => series::extend(ctx, *series_id).await,
        Job::Decision(job) => votes::fan_out(ctx, job).await,
        Job::Memory(job) => register::fan_out(ctx, job).await,
        Job::Alert(job) => alerts::fan_out(ctx, job).await,
        Job::Tour(job) => tour::fan_out(ctx, job).await,
        Job::Situation(job) => super::situation::fan_out(ctx, job).await,
        Job::Deliver { .. } => Ok(Err("not a fan-out job".into())),
    }
}

/// Records a delivery that will never succeed and tells the chair about it once.
pub async fn report_failed_delivery(
    ctx: &Ctx,
    job_id: i64,
    person_id: i64,
    chat_id: i64,
    message: &Outgoing,
    reason: &str,
) -> AppResult<()> {
    let now = ctx.clock.now();
    let meeting_id = minutes::meeting_of(ctx, message).await?;
    jobs::record_failure(&ctx.db, job_id, meeting_id, person_id, chat_id, reason, now).await?;
    // Only failures of what members must receive are reported (not failures of reports).
    let Some(meeting_id) = meeting_id else { return Ok(()) };
    if matches!(
        message,
        Outgoing::DeliveryFailed { .. }
            | Outgoing::RsvpSummary { .. }
            | Outgoing::MinutesReminder { .. }
            | Outgoing::MinutesOverdue { .. }
    ) {
        return Ok(());
    }
    let m = meetings::get(ctx, meeting_id).await?;
    for chair in chair_recipients(ctx, m.mechanism.id).await? {
        if chair == person_id {
            continue;
        }
        let key = format!("m{}:failed:p{}:to{}", m.id, person_id, chair);
        let msg = Outgoing::DeliveryFailed { meeting_id: m.id, person_id, reason: reason.to_string() };
        deliver(ctx, key, chair, msg).await?;
    }
    ctx.wake.notify_one();
    Ok(())
}

/// How long after the first refused delivery of a broadcast its notice goes out, so that it
/// counts the whole broadcast (a thousand sends take well under a minute).
pub const NOTICE_DELAY_MINUTES: i64 = 5;

/// The mechanism a message belongs to, when it has one (through its meeting, or its own).
async fn mechanism_of(ctx: &Ctx, message: &Outgoing, meeting_id: Option<i64>) -> AppResult<Option<i64>> {
    if let Some(meeting_id) = meeting_id {
        return Ok(Some(meetings::get(ctx, meeting_id).await?.mechanism.id));
    }
    Ok(match message {
        Outgoing::AbsenceFlag { mechanism_id, .. }
        | Outgoing::MonthlyNudge { mechanism_id, .. }
        | Outgoing::SeatEnded { mechanism_id, .. }
        | Outgoing::MemberChanged { mechanism_id, .. }
        | Outgoing::MembersJoined { mechanism_id, .. }
        | Outgoing::Fourw(FourwMsg::Matrix { mechanism_id, .. }) => Some(*mechanism_id),
        _ => None,
    })
}

/// Records a delivery Telegram refused for a reason other than the person (`reason`: e.g.
/// `too_long`, `entities`, `chat_not_found`, `refused`) and tells the chair of the mechanism
/// it belongs to (else the coordinators) in one notice per broadcast: every refusal of the
/// same kind of message for the same meeting or mechanism on the same day counts in it.
pub async fn report_refused_delivery(
    ctx: &Ctx,
    job_id: i64,
    person_id: i64,
    chat_id: i64,
    message: &Outgoing,
    reason: &str,
) -> AppResult<()> {
    let now = ctx.clock.now();
    // A notice that cannot be delivered is not told about (it would only make another).
    if matches!(message, Outgoing::DeliveryProblems { .. } | Outgoing::DeliveryFailed { .. }) {
        return jobs::record_failure(&ctx.db, job_id, None, person_id, chat_id, reason, now).await;
    }
    let meeting_id = minutes::meeting_of(ctx, message).await?;
    let mechanism_id = mechanism_of(ctx, message, meeting_id).await?;
    let kind = message.kind();
    let scope = match (meeting_id, mechanism_id) {
        (Some(m), _) => format!("m{m}"),
        (None, Some(k)) => format!("k{k}"),
        (None, None) => "all".to_string(),
    };
    let notice = format!("undelivered:{kind}:{scope}:{}", now.format("%Y-%m-%d"));
    jobs::record_failure_for(&ctx.db, job_id, meeting_id, person_id, chat_id, reason, Some(&notice), now).await?;
    let told = match mechanism_id {
        Some(k) => chair_recipients(ctx, k).await?,
        None => storage::people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id).collect(),
    };
    let due = now + chrono::Duration::minutes(NOTICE_DELAY_MINUTES);
    for chair in told.into_iter().filter(|c| *c != person_id) {
        let msg = Outgoing::DeliveryProblems { notice: notice.clone(), kind: kind.to_string(), mechanism_id };
        let key = format!("{notice}:to{chair}");
        jobs::enqueue(&ctx.db, &key, &Job::Deliver { person_id: chair, message: msg }, due, now).await?;
    }
    ctx.wake.notify_one();
    Ok(())
}
