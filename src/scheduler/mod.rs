//! The persisted job scheduler. Jobs live in SQLite; one loop claims the due ones atomically
//! (`UPDATE … RETURNING`), runs them, then acknowledges them. It sleeps until the next due
//! job, or until woken (in-process), and polls so that jobs written by another process (the
//! command line) start within a few seconds. Cron rules queue their next occurrence once,
//! by idempotency key.

pub mod pacer;
pub mod spacing;

use crate::domain::AppResult;
use crate::domain::jobs::Job;
use crate::services::Ctx;
use crate::storage::jobs::{self, ClaimedJob};
use chrono::{DateTime, Utc};
use futures::FutureExt;
use futures::future::BoxFuture;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How a job ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Try again later (network error, timeout, 5xx, 429).
    Retry {
        after: Option<Duration>,
        error: String,
    },
    /// Will never succeed (e.g. the bot was blocked): recorded, not retried.
    Failed(String),
    /// Not worth doing any more (e.g. a reminder for a meeting that has started).
    Skipped(String),
}

/// Runs one job. Implemented by the Telegram layer (deliveries) and the services (fan-outs).
pub trait Runner: Send + Sync + 'static {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome>;

    /// How many jobs it can start within `horizon` (the deliveries the pacer can let go);
    /// `None`: no limit of its own. The scheduler claims no more than this ahead, so that
    /// few jobs are claimed and waiting when the process dies.
    fn capacity(&self, _horizon: Duration) -> Option<usize> {
        None
    }
}

#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    /// Upper bound of a sleep: jobs queued by another process start within this.
    pub poll: Duration,
    /// Most jobs claimed (and held, running) at once.
    pub batch: i64,
    pub concurrency: usize,
    /// Claim only what the runner can start within this (see [`Runner::capacity`]).
    pub claim_ahead: Duration,
    pub lease_secs: i64,
    pub max_attempts: i64,
    /// Cron rules (name, expression with seconds, in the cluster's zone).
    pub cron: Vec<CronRule>,
}

impl Default for SchedulerOptions {
    fn default() -> Self {
        Self {
            poll: Duration::from_secs(5),
            batch: 200,
            concurrency: 64,
            claim_ahead: Duration::from_secs(2),
            lease_secs: 600,
            max_attempts: 25,
            cron: vec![CronRule::monthly_nudge(DEFAULT_NUDGE_CRON).expect("valid default")],
        }
    }
}

/// The 20th of each month at 09:00: chairs without a meeting next month are nudged.
pub const DEFAULT_NUDGE_CRON: &str = "0 0 9 20 * *";

#[derive(Debug, Clone)]
pub struct CronRule {
    pub name: &'static str,
    pub schedule: cron::Schedule,
    /// Makes the job for an occurrence (local time in the cluster's zone).
    pub make: fn(DateTime<chrono_tz::Tz>) -> Job,
}

impl CronRule {
    pub fn monthly_nudge(expr: &str) -> Result<Self, String> {
        let schedule = cron::Schedule::from_str(expr).map_err(|e| format!("invalid cron expression '{expr}': {e}"))?;
        Ok(Self {
            name: "monthly_nudge",
            schedule,
            make: |at| {
                use chrono::Datelike;
                let (y, m) = if at.month() == 12 { (at.year() + 1, 1) } else { (at.year(), at.month() + 1) };
                Job::MonthlyNudge { year: y, month: m }
            },
        })
    }

    /// The 4W window of the previous month opens (reminders, then the later stages are planned).
    pub fn fourw_cycle(expr: &str) -> Result<Self, String> {
        let schedule = cron::Schedule::from_str(expr).map_err(|e| format!("invalid cron expression '{expr}': {e}"))?;
        Ok(Self {
            name: "fourw_cycle",
            schedule,
            make: |at| {
                use chrono::Datelike;
                let (y, m) = if at.month() == 1 { (at.year() - 1, 12) } else { (at.year(), at.month() - 1) };
                Job::Fourw(crate::domain::jobs::FourwJob::Open { year: y, month: m })
            },
        })
    }
}

/// Every night at 03:00: dialogues and finished jobs past their retention are deleted.
pub const DEFAULT_PURGE_CRON: &str = "0 0 3 * * *";

impl CronRule {
    pub fn daily_purge(expr: &str) -> Result<Self, String> {
        let schedule = cron::Schedule::from_str(expr).map_err(|e| format!("invalid cron expression '{expr}': {e}"))?;
        Ok(Self { name: "purge", schedule, make: |_| Job::Purge })
    }
}

impl CronRule {
    /// The digest of the previous month goes to the coordinators.
    pub fn monthly_digest(expr: &str) -> Result<Self, String> {
        let schedule = cron::Schedule::from_str(expr).map_err(|e| format!("invalid cron expression '{expr}': {e}"))?;
        Ok(Self {
            name: "monthly_digest",
            schedule,
            make: |at| {
                use chrono::Datelike;
                let (year, month) = if at.month() == 1 { (at.year() - 1, 12) } else { (at.year(), at.month() - 1) };
                Job::MonthlyDigest { year, month }
            },
        })
    }
}

/// The 10th of each month at 08:00: the digest of the previous month.
pub const DEFAULT_DIGEST_CRON: &str = "0 0 8 10 * *";

/// A short, stable label for why a delivery failed for good (the metrics' `reason`).
fn failure_reason(error: &str) -> &'static str {
    let head = error.split(':').next().unwrap_or_default();
    ["blocked", "not_started", "deactivated", "other"].into_iter().find(|r| *r == head).unwrap_or("refused")
}

/// Exponential backoff: 2 s, 4 s, 8 s … up to 10 minutes.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(1, 20) as u32 - 1;
    Duration::from_secs(2u64.saturating_pow(exp + 1).min(600))
}

pub struct Scheduler {
    ctx: Ctx,
    runner: Arc<dyn Runner>,
    opts: SchedulerOptions,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TickReport {
    pub ran: usize,
    pub done: usize,
    pub retried: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Scheduler {
    pub fn new(ctx: Ctx, runner: Arc<dyn Runner>, opts: SchedulerOptions) -> Self {
        Self { ctx, runner, opts }
    }

    /// Queues the next occurrence of every cron rule (idempotent).
    pub async fn plan_cron(&self) -> AppResult<()> {
        let now = self.ctx.clock.now();
        for rule in &self.opts.cron {
            if let Some(next) = rule.schedule.after(&now.with_timezone(&self.ctx.tz)).next() {
                let key = format!("cron:{}:{}", rule.name, next.timestamp());
                jobs::enqueue(&self.ctx.db, &key, &(rule.make)(next), next.with_timezone(&Utc), now).await?;
            }
        }
        Ok(())
    }

    /// How many jobs may be claimed and running at once now.
    fn claim_limit(&self) -> usize {
        let cap = usize::try_from(self.opts.batch).unwrap_or(0).min(self.opts.concurrency);
        let cap = match self.runner.capacity(self.opts.claim_ahead) {
            Some(n) => cap.min(n),
            None => cap,
        };
        cap.max(1)
    }

    /// Runs every job due now until none is due. Jobs are claimed as places free up, never
    /// more than [`Self::claim_limit`] at once: what is claimed is what will be sent within
    /// the next seconds, not a long queue waiting at the pacer.
    pub async fn run_due(&self) -> AppResult<TickReport> {
        let mut report = TickReport::default();
        // Each job runs as its own task, so that it keeps going (and keeps its database
        // connection moving) while this loop waits for a claim. Dropping the set (the loop
        // aborted, as a crash would) aborts them.
        let mut running = tokio::task::JoinSet::new();
        let exec = Exec { ctx: self.ctx.clone(), runner: self.runner.clone(), max_attempts: self.opts.max_attempts };
        // When a claim found fewer jobs than it could take, the queue is drained: look again
        // when the jobs in hand are done (a fan-out queues more) or a second has passed.
        let mut drained_at: Option<tokio::time::Instant> = None;
        loop {
            let limit = self.claim_limit();
            let drained = drained_at.is_some_and(|at| at.elapsed() < Duration::from_secs(1));
            let refill = running.is_empty() || (!drained && running.len() <= limit / 2);
            let room = limit.saturating_sub(running.len());
            if refill && room > 0 {
                let now = self.ctx.clock.now();
                jobs::release_expired(&self.ctx.db, now).await?;
                let want = i64::try_from(room).unwrap_or(i64::MAX);
                let batch = jobs::claim_due(&self.ctx.db, now, self.opts.lease_secs, want).await?;
                drained_at = (batch.len() < room).then(tokio::time::Instant::now);
                if batch.is_empty() && running.is_empty() {
                    return Ok(report);
                }
                for job in batch {
                    running.spawn(exec.clone().execute(job));
                }
            }
            let next = match drained_at {
                Some(_) if !running.is_empty() => {
                    match tokio::time::timeout(Duration::from_secs(1), running.join_next()).await {
                        Ok(next) => next,
                        Err(_) => continue,
                    }
                }
                _ => running.join_next().await,
            };
            if let Some(joined) = next {
                let o = match joined {
                    Ok(o) => o,
                    Err(e) => {
                        // Panics are caught in `execute`: only a cancelled task ends here; the
                        // job stays running and its lease makes it due again.
                        tracing::error!(error = %e, "a job's task ended abnormally");
                        continue;
                    }
                };
                report.ran += 1;
                match o {
                    Outcome::Done => report.done += 1,
                    Outcome::Retry { .. } => report.retried += 1,
                    Outcome::Failed(_) => report.failed += 1,
                    Outcome::Skipped(_) => report.skipped += 1,
                }
            }
        }
    }
}

/// Runs one claimed job and acknowledges it (a task of its own).
#[derive(Clone)]
struct Exec {
    ctx: Ctx,
    runner: Arc<dyn Runner>,
    max_attempts: i64,
}

impl Exec {
    async fn execute(self, job: ClaimedJob) -> Outcome {
        let (id, attempts, key) = (job.id, job.attempts, job.key.clone());
        let kind = job.job.kind();
        let message = match &job.job {
            Job::Deliver { message, .. } => Some(message.kind()),
            _ => None,
        };
        // A job that panics fails for good: run again, it would most likely panic again, and
        // it must not take the scheduler (or the jobs beside it) down with it.
        let outcome = match std::panic::AssertUnwindSafe(self.runner.run(job)).catch_unwind().await {
            Ok(outcome) => outcome,
            Err(_) => {
                tracing::error!(job_id = id, job = %key, kind, "a job panicked; it is marked failed");
                self.ctx.telemetry.count(crate::observability::metrics::names::PANICS, &[("where", "job")], 1);
                Outcome::Failed("the job panicked".into())
            }
        };
        let now = self.ctx.clock.now();
        let db = &self.ctx.db;
        let (acked, label) = match &outcome {
            Outcome::Done => {
                tracing::debug!(job_id = id, job = %key, kind, outcome = "done", "job done");
                (jobs::mark_done(db, id, now).await, "done")
            }
            Outcome::Skipped(reason) => {
                tracing::info!(job_id = id, job = %key, kind, outcome = "skipped", %reason, "job skipped");
                (jobs::mark_skipped(db, id, reason, now).await, "skipped")
            }
            Outcome::Failed(error) => {
                tracing::warn!(job_id = id, job = %key, kind, outcome = "failed", %error, "job failed for good");
                (jobs::mark_failed(db, id, error, now).await, "failed")
            }
            Outcome::Retry { error, .. } if attempts >= self.max_attempts => {
                tracing::warn!(job_id = id, job = %key, kind, outcome = "failed", %error, attempts, "job gave up after too many attempts");
                (jobs::mark_failed(db, id, &format!("gave up after {attempts} attempts: {error}"), now).await, "failed")
            }
            Outcome::Retry { after, error } => {
                let wait = after.unwrap_or_else(|| backoff(attempts));
                tracing::info!(job_id = id, job = %key, kind, outcome = "retry", %error, ?wait, "job will be retried");
                let at = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::seconds(60));
                (jobs::retry_at(db, id, at, error).await, "retry")
            }
        };
        if let Err(e) = acked {
            // The job stays running; its lease expires and it runs again.
            tracing::error!(job_id = id, job = %key, kind, error = %e, "could not acknowledge a job");
        }
        self.observe(kind, message, &outcome, label).await;
        outcome
    }

    /// Counts the job in the metrics; a delivery also tells how the Bot API is doing.
    async fn observe(&self, kind: &'static str, message: Option<&'static str>, outcome: &Outcome, label: &str) {
        use crate::observability::metrics::names;
        let t = &self.ctx.telemetry;
        t.count(names::JOBS_RUN, &[("kind", kind), ("outcome", label)], 1);
        let Some(message) = message else { return };
        t.count(names::MESSAGES, &[("kind", message), ("outcome", if label == "done" { "sent" } else { label })], 1);
        if label == "failed" {
            let reason = match outcome {
                Outcome::Failed(e) => failure_reason(e),
                _ => "gave_up",
            };
            t.count(names::DELIVERY_FAILURES, &[("reason", reason)], 1);
        }
        match outcome {
            // The Bot API answered (even a refusal or a 429 is an answer).
            Outcome::Done | Outcome::Failed(_) | Outcome::Retry { after: Some(_), .. } => {
                if let Outcome::Retry { after: Some(wait), .. } = outcome {
                    // The delivery path asks for a set delay only after a 429 (its retry_after).
                    t.too_many_requests(*wait);
                }
                crate::services::status::bot_api_ok(&self.ctx).await;
            }
            Outcome::Retry { after: None, .. } => {
                if t.health.bot_api_failed() {
                    tracing::warn!(kind, "deliveries are failing: the Bot API does not answer");
                }
            }
            Outcome::Skipped(_) => {}
        }
    }
}

impl Scheduler {
    /// Starts the loop in the background. Jobs left running by a dead process are due again.
    pub async fn spawn(self) -> AppResult<SchedulerHandle> {
        let orphans = jobs::release_orphans(&self.ctx.db).await?;
        if orphans != jobs::Orphans::default() {
            // Those never marked leaving had sent nothing; of those in doubt, only the parts
            // whose answer was not recorded are sent again (and may arrive twice).
            tracing::warn!(
                released = orphans.released,
                in_doubt = orphans.in_doubt,
                "jobs interrupted by the last stop are due again"
            );
        }
        let replanned = crate::services::replan::at_start(&self.ctx).await?;
        if replanned != crate::services::replan::Replanned::default() {
            tracing::warn!(
                vote_jobs = replanned.vote_jobs,
                meeting_jobs = replanned.meeting_jobs,
                "jobs missing from the database were planned again"
            );
        }
        let (stop_tx, mut stop_rx) = watch::channel(false);
        let wake = self.ctx.wake.clone();
        let task = tokio::spawn(async move {
            loop {
                if let Err(e) = self.plan_cron().await {
                    tracing::error!(error = %e, "could not plan cron jobs");
                }
                if let Err(e) = self.run_due().await {
                    tracing::error!(error = %e, "scheduler tick failed");
                } else {
                    self.ctx.telemetry.health.scheduler_ran();
                }
                self.ctx.telemetry.upkeep();
                let sleep = match jobs::next_run_at(&self.ctx.db).await {
                    Ok(Some(at)) => (at - self.ctx.clock.now()).to_std().unwrap_or(Duration::ZERO).min(self.opts.poll),
                    _ => self.opts.poll,
                };
                let notified = wake.notified();
                tokio::select! {
                    _ = tokio::time::sleep(sleep.max(Duration::from_millis(5))) => {}
                    _ = notified => {}
                    _ = stop_rx.changed() => break,
                }
                if *stop_rx.borrow() {
                    break;
                }
            }
        });
        Ok(SchedulerHandle { stop: stop_tx, task })
    }
}

pub struct SchedulerHandle {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl SchedulerHandle {
    /// Stops after the jobs in flight are acknowledged (or, if they take longer than
    /// 20 seconds, abandons them: their leases make them due again at the next start).
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let abort = self.task.abort_handle();
        if tokio::time::timeout(Duration::from_secs(20), self.task).await.is_err() {
            tracing::warn!("jobs in flight did not finish in time; they will run again at the next start");
            abort.abort();
        }
    }

    /// Stops at once, as a crash would (jobs in flight stay running until the next start).
    pub fn abort(self) {
        self.task.abort();
    }

    /// Resolves when the scheduler loop has ended without being asked to (a panic), with
    /// what ended it. Not to be awaited again once it has resolved.
    pub async fn ended(&mut self) -> String {
        match (&mut self.task).await {
            Ok(()) => "the scheduler loop returned".into(),
            Err(e) if e.is_panic() => "the scheduler loop panicked".into(),
            Err(_) => "the scheduler loop was cancelled".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(backoff(1), Duration::from_secs(2));
        assert_eq!(backoff(2), Duration::from_secs(4));
        assert_eq!(backoff(5), Duration::from_secs(32));
        assert_eq!(backoff(30), Duration::from_secs(600));
    }

    #[test]
    fn nudge_cron_is_the_twentieth_for_next_month() {
        let rule = CronRule::monthly_nudge(DEFAULT_NUDGE_CRON).unwrap();
        let tz = chrono_tz::Africa::Bamako;
        let now = DateTime::parse_from_rfc3339("2026-12-21T00:00:00Z").unwrap().with_timezone(&tz);
        let next = rule.schedule.after(&now).next().unwrap();
        assert_eq!(next.to_rfc3339(), "2027-01-20T09:00:00+00:00");
        assert_eq!((rule.make)(next), Job::MonthlyNudge { year: 2027, month: 2 });
        assert!(CronRule::monthly_nudge("every day").is_err());
    }

    #[test]
    fn digest_cron_is_the_tenth_for_the_previous_month() {
        let rule = CronRule::monthly_digest(DEFAULT_DIGEST_CRON).unwrap();
        let tz = chrono_tz::Africa::Bamako;
        let now = DateTime::parse_from_rfc3339("2026-12-21T00:00:00Z").unwrap().with_timezone(&tz);
        let next = rule.schedule.after(&now).next().unwrap();
        assert_eq!(next.to_rfc3339(), "2027-01-10T08:00:00+00:00");
        assert_eq!((rule.make)(next), Job::MonthlyDigest { year: 2026, month: 12 });
        assert!(CronRule::monthly_digest("on the 10th").is_err());
    }
}
