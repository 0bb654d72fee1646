//! The bot at a glance, from the database (works while the bot runs): the queue, recent
//! failures with their reasons, the last successful Bot API call, members per mechanism and
//! the next planned reminders. Also refreshes the gauges that `/metrics` reads from the database.

use super::Ctx;
use crate::domain::AppResult;
use crate::domain::jobs::Job;
use crate::observability::metrics::names;
use crate::storage::jobs::{self, QueueCounts};
use crate::storage::{from_ts_pub, meetings, memberships, settings};
use chrono::{DateTime, Duration, Utc};

/// A job that failed for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub job_id: i64,
    pub kind: String,
    /// For a delivery: the kind of message and its recipient (person id).
    pub message: Option<&'static str>,
    pub person_id: Option<i64>,
    pub at: Option<DateTime<Utc>>,
    pub attempts: i64,
    pub reason: String,
}

/// A planned job (reminders, invitations, summaries, nudges…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub job_id: i64,
    pub kind: String,
    pub at: DateTime<Utc>,
    /// The meeting it belongs to: mechanism code and start.
    pub meeting: Option<(String, DateTime<Utc>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub now: DateTime<Utc>,
    pub queue: QueueCounts,
    pub failures: Vec<Failure>,
    pub bot_api_last_ok: Option<DateTime<Utc>>,
    /// (mechanism code, role, active members).
    pub members: Vec<(String, String, i64)>,
    pub next: Vec<Planned>,
}

/// Kinds of planned work shown as "next reminders" (everything but single deliveries).
const PLANNED_KINDS: &[&str] = &[
    "fan_out_invitations",
    "fan_out_reminders",
    "fan_out_summary",
    "minutes_reminder",
    "minutes_overdue",
    "action_reminder",
    "monthly_nudge",
    "fourw",
];

pub async fn status(ctx: &Ctx, failures: i64, planned: i64) -> AppResult<Status> {
    let now = ctx.clock.now();
    let queue = jobs::queue_counts(&ctx.db, now).await?;
    let failures = jobs::failed_since(&ctx.db, now - Duration::hours(24), failures)
        .await?
        .into_iter()
        .map(|j| {
            let (message, person_id) = match serde_json::from_str::<Job>(&j.payload) {
                Ok(Job::Deliver { person_id, message }) => (Some(message.kind()), Some(person_id)),
                _ => (None, None),
            };
            Failure {
                job_id: j.id,
                kind: j.kind,
                message,
                person_id,
                at: j.finished_at.map(from_ts_pub),
                attempts: j.attempts,
                reason: j.last_error.unwrap_or_default(),
            }
        })
        .collect();
    let bot_api_last_ok = settings::get(&ctx.db, settings::BOT_API_LAST_OK)
        .await?
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.to_utc());
    let members = memberships::counts_by_mechanism(&ctx.db).await?;
    let mut next = Vec::new();
    for j in jobs::next_pending(&ctx.db, PLANNED_KINDS, planned).await? {
        let meeting = match serde_json::from_str::<Job>(&j.payload).ok().and_then(|job| job.meeting_id()) {
            Some(id) => meetings::by_id(&ctx.db, id).await?.map(|m| (m.mechanism.code, m.starts_at)),
            None => None,
        };
        next.push(Planned { job_id: j.id, kind: j.kind, at: from_ts_pub(j.run_at), meeting });
    }
    Ok(Status { now, queue, failures, bot_api_last_ok, members, next })
}

/// A Bot API call succeeded: readiness knows at once, the database (for `status`) at most
/// every 30 s.
pub async fn bot_api_ok(ctx: &Ctx) {
    let now = ctx.clock.now();
    if ctx.telemetry.health.bot_api_ok(now)
        && let Err(e) = settings::set(&ctx.db, settings::BOT_API_LAST_OK, &now.to_rfc3339()).await
    {
        tracing::warn!(error = %e, "could not record the last successful Bot API call");
    }
}

/// Sets the gauges read from the database (queue by state, oldest due job, members), just
/// before `/metrics` renders them.
pub async fn refresh_metrics(ctx: &Ctx) -> AppResult<()> {
    let t = &ctx.telemetry;
    let now = ctx.clock.now();
    let q = jobs::queue_counts(&ctx.db, now).await?;
    for (state, n) in [
        ("due", q.due),
        ("scheduled", q.scheduled),
        ("retrying", q.retrying),
        ("running", q.running),
        ("failed_24h", q.failed_24h),
    ] {
        t.set_gauge(names::JOBS, &[("state", state)], n as f64);
    }
    let oldest = q.oldest_due.map(|at| (now.timestamp() - at).max(0) as f64).unwrap_or(0.0);
    t.set_gauge(names::OLDEST_DUE, &[], oldest);
    for (mechanism, role, n) in memberships::counts_by_mechanism(&ctx.db).await? {
        t.set_gauge(names::MEMBERS, &[("mechanism", &mechanism), ("role", &role)], n as f64);
    }
    let api = t.health.bot_api();
    if let Some(at) = api.last_ok_at {
        t.set_gauge(names::BOT_API_LAST_OK, &[], at.timestamp() as f64);
    }
    t.set_gauge(names::BOT_API_UP, &[], if api.failing_for().is_some() { 0.0 } else { 1.0 });
    if let Some(age) = t.health.scheduler_age() {
        t.set_gauge(names::SCHEDULER_LAST_RUN, &[], age.as_secs_f64());
    }
    Ok(())
}
