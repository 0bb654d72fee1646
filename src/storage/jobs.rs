//! The job table: enqueue idempotently, claim due jobs atomically, acknowledge.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::jobs::Job;
use chrono::{DateTime, Utc};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub id: i64,
    pub priority: i64,
    pub job: Job,
    pub run_at: DateTime<Utc>,
    pub attempts: i64,
    pub key: String,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    payload: String,
    run_at: i64,
    attempts: i64,
    idempotency_key: String,
    priority: i64,
}

fn group_of(job: &Job) -> Option<String> {
    job.meeting_id().map(|m| format!("meeting:{m}"))
}

/// Queues a job unless one with the same key exists. Returns true when it was queued.
pub async fn enqueue(db: &Db, key: &str, job: &Job, run_at: DateTime<Utc>, now: DateTime<Utc>) -> AppResult<bool> {
    enqueue_with_priority(db, key, job, job.priority(), run_at, now).await
}

/// [`enqueue`] inside a use case's transaction.
pub async fn enqueue_in(
    tx: &mut Tx,
    key: &str,
    job: &Job,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    enqueue_with_priority_on(tx.conn(), key, job, job.priority(), run_at, now).await
}

/// Queues a job with a priority of its own (e.g. a re-send, after everything else due).
pub async fn enqueue_with_priority(
    db: &Db,
    key: &str,
    job: &Job,
    priority: i64,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    enqueue_with_priority_on(&mut *db.pool.acquire().await.map_err(internal)?, key, job, priority, run_at, now).await
}

/// [`enqueue_with_priority`] inside a use case's transaction.
pub async fn enqueue_with_priority_in(
    tx: &mut Tx,
    key: &str,
    job: &Job,
    priority: i64,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    enqueue_with_priority_on(tx.conn(), key, job, priority, run_at, now).await
}

async fn enqueue_with_priority_on(
    c: &mut SqliteConnection,
    key: &str,
    job: &Job,
    priority: i64,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let payload = serde_json::to_string(job).map_err(crate::domain::AppError::internal)?;
    let done = sqlx::query(
        "INSERT INTO jobs (kind, payload, run_at, idempotency_key, group_key, created_at, priority)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(job.kind())
    .bind(payload)
    .bind(ts(run_at))
    .bind(key)
    .bind(group_of(job))
    .bind(ts(now))
    .bind(priority)
    .execute(&mut *c)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// The highest job id so far, inside a transaction (to count what a step queued).
pub async fn last_id_in(tx: &mut Tx) -> AppResult<i64> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM jobs").fetch_one(tx.conn()).await.map_err(internal)
}

/// Claims up to `limit` due jobs (pending → running) in one statement.
pub async fn claim_due(db: &Db, now: DateTime<Utc>, lease_secs: i64, limit: i64) -> AppResult<Vec<ClaimedJob>> {
    let rows: Vec<Row> = sqlx::query_as(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?
         WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= ?
                      ORDER BY priority DESC, run_at, id LIMIT ?)
         RETURNING id, payload, run_at, attempts, idempotency_key, priority",
    )
    .bind(ts(now) + lease_secs)
    .bind(ts(now))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        match serde_json::from_str::<Job>(&r.payload) {
            Ok(job) => out.push(ClaimedJob {
                id: r.id,
                priority: r.priority,
                job,
                run_at: from_ts(r.run_at),
                attempts: r.attempts,
                key: r.idempotency_key,
            }),
            Err(e) => {
                // A payload this version cannot read: fail it, visibly, rather than loop.
                finish(db, r.id, "failed", Some(&format!("unreadable payload: {e}")), now).await?;
            }
        }
    }
    out.sort_by_key(|j| (std::cmp::Reverse(j.priority), j.run_at, j.id));
    Ok(out)
}

async fn finish(db: &Db, id: i64, status: &str, error: Option<&str>, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query(
        "UPDATE jobs SET status = ?, last_error = COALESCE(?, last_error), finished_at = ?, lease_until = NULL
         WHERE id = ? AND status = 'running'",
    )
    .bind(status)
    .bind(error)
    .bind(ts(now))
    .bind(id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

pub async fn mark_done(db: &Db, id: i64, now: DateTime<Utc>) -> AppResult<()> {
    finish(db, id, "done", None, now).await
}

pub async fn mark_failed(db: &Db, id: i64, error: &str, now: DateTime<Utc>) -> AppResult<()> {
    finish(db, id, "failed", Some(error), now).await
}

pub async fn mark_skipped(db: &Db, id: i64, reason: &str, now: DateTime<Utc>) -> AppResult<()> {
    finish(db, id, "skipped", Some(reason), now).await
}

/// Marks a claimed delivery as leaving: its request goes out right after this is committed.
/// Returns false when the job is no longer claimed (then nothing must be sent).
pub async fn mark_leaving(db: &Db, id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query("UPDATE jobs SET leaving_at = ? WHERE id = ? AND status = 'running'")
        .bind(ts(now))
        .bind(id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Puts a job back to wait until `run_at`, keeping the error for whoever looks.
pub async fn retry_at(db: &Db, id: i64, run_at: DateTime<Utc>, error: &str) -> AppResult<()> {
    sqlx::query(
        "UPDATE jobs SET status = 'pending', run_at = ?, last_error = ?, lease_until = NULL, leaving_at = NULL
         WHERE id = ? AND status = 'running'",
    )
    .bind(ts(run_at))
    .bind(error)
    .bind(id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// What a process that died left running, released at start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Orphans {
    /// Claimed but never marked leaving: nothing of theirs reached Telegram.
    pub released: u64,
    /// Marked leaving: a request was out when the process died. The parts whose answer was
    /// recorded (`job_sends`) are not sent again; one without an answer may arrive twice.
    pub in_doubt: u64,
}

/// At start: jobs left running by a process that died are due again.
pub async fn release_orphans(db: &Db) -> AppResult<Orphans> {
    let mut tx = super::write_tx(db).await?;
    let release = |leaving: &str| {
        format!(
            "UPDATE jobs SET status = 'pending', lease_until = NULL, leaving_at = NULL
             WHERE status = 'running' AND leaving_at {leaving}"
        )
    };
    let released = sqlx::query(&release("IS NULL")).execute(&mut *tx).await.map_err(internal)?.rows_affected();
    let in_doubt = sqlx::query(&release("IS NOT NULL")).execute(&mut *tx).await.map_err(internal)?.rows_affected();
    tx.commit().await.map_err(internal)?;
    Ok(Orphans { released, in_doubt })
}

/// Jobs whose lease ran out (a stuck execution) are due again.
pub async fn release_expired(db: &Db, now: DateTime<Utc>) -> AppResult<u64> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'pending', lease_until = NULL, leaving_at = NULL
         WHERE status = 'running' AND lease_until <= ?",
    )
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected())
}

pub async fn next_run_at(db: &Db) -> AppResult<Option<DateTime<Utc>>> {
    let at: Option<i64> = sqlx::query_scalar("SELECT MIN(run_at) FROM jobs WHERE status = 'pending'")
        .fetch_one(&db.pool)
        .await
        .map_err(internal)?;
    Ok(at.map(from_ts))
}

/// Cancels the pending jobs of a meeting (rescheduled or cancelled). Returns how many.
pub async fn cancel_meeting_jobs(db: &Db, meeting_id: i64, now: DateTime<Utc>) -> AppResult<u64> {
    cancel_meeting_jobs_on(&mut *db.pool.acquire().await.map_err(internal)?, meeting_id, now).await
}

/// [`cancel_meeting_jobs`] inside a use case's transaction.
pub async fn cancel_meeting_jobs_in(tx: &mut Tx, meeting_id: i64, now: DateTime<Utc>) -> AppResult<u64> {
    cancel_meeting_jobs_on(tx.conn(), meeting_id, now).await
}

async fn cancel_meeting_jobs_on(c: &mut SqliteConnection, meeting_id: i64, now: DateTime<Utc>) -> AppResult<u64> {
    let done =
        sqlx::query("UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE group_key = ? AND status = 'pending'")
            .bind(ts(now))
            .bind(format!("meeting:{meeting_id}"))
            .execute(&mut *c)
            .await
            .map_err(internal)?;
    Ok(done.rows_affected())
}

#[derive(Debug, Clone, FromRow)]
pub struct JobRecord {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub run_at: i64,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub idempotency_key: String,
}

/// Every job, for tests and diagnostics.
pub async fn all(db: &Db) -> AppResult<Vec<JobRecord>> {
    sqlx::query_as(
        "SELECT id, kind, payload, run_at, status, attempts, last_error, idempotency_key FROM jobs ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

pub async fn record_failure(
    db: &Db,
    job_id: i64,
    meeting_id: Option<i64>,
    person_id: i64,
    chat_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    record_failure_for(db, job_id, meeting_id, person_id, chat_id, reason, None, now).await
}

/// [`record_failure`], counted in the notice `notice` (the chair's one message per broadcast).
#[allow(clippy::too_many_arguments)]
pub async fn record_failure_for(
    db: &Db,
    job_id: i64,
    meeting_id: Option<i64>,
    person_id: i64,
    chat_id: i64,
    reason: &str,
    notice: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO delivery_failures (job_id, meeting_id, person_id, chat_id, reason, notice, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(job_id)
    .bind(meeting_id)
    .bind(person_id)
    .bind(chat_id)
    .bind(reason)
    .bind(notice)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// The people whose delivery failed under the notice `notice`, and why (one row each).
pub async fn failures_of_notice(db: &Db, notice: &str) -> AppResult<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT person_id, MIN(reason) FROM delivery_failures
         WHERE notice = ? AND person_id IS NOT NULL GROUP BY person_id ORDER BY person_id",
    )
    .bind(notice)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Cancels the pending jobs whose key starts with `prefix` (e.g. a meeting's minutes reminders
/// once the minutes are shared). Returns how many.
pub async fn cancel_by_key_prefix(db: &Db, prefix: &str, now: DateTime<Utc>) -> AppResult<u64> {
    cancel_by_key_prefix_on(&mut *db.pool.acquire().await.map_err(internal)?, prefix, now).await
}

/// [`cancel_by_key_prefix`] inside a use case's transaction.
pub async fn cancel_by_key_prefix_in(tx: &mut Tx, prefix: &str, now: DateTime<Utc>) -> AppResult<u64> {
    cancel_by_key_prefix_on(tx.conn(), prefix, now).await
}

async fn cancel_by_key_prefix_on(c: &mut SqliteConnection, prefix: &str, now: DateTime<Utc>) -> AppResult<u64> {
    let pattern = format!("{}%", prefix.replace('%', "\\%").replace('_', "\\_"));
    let done = sqlx::query(
        "UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE status = 'pending' AND idempotency_key LIKE ? ESCAPE '\\'",
    )
    .bind(ts(now))
    .bind(pattern)
    .execute(&mut *c)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected())
}

/// Jobs queued under a key prefix since `since` (cancelled ones not counted): how many
/// re-sends a person asked for lately.
pub async fn count_by_key_prefix_since(db: &Db, prefix: &str, since: DateTime<Utc>) -> AppResult<i64> {
    let pattern = format!("{}%", prefix.replace('%', "\\%").replace('_', "\\_"));
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE idempotency_key LIKE ? ESCAPE '\\' AND created_at >= ? AND status != 'cancelled'",
    )
    .bind(pattern)
    .bind(ts(since))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

/// The oldest creation time of the jobs counted by [`count_by_key_prefix_since`].
pub async fn oldest_by_key_prefix_since(
    db: &Db,
    prefix: &str,
    since: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let pattern = format!("{}%", prefix.replace('%', "\\%").replace('_', "\\_"));
    let at: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(created_at) FROM jobs WHERE idempotency_key LIKE ? ESCAPE '\\' AND created_at >= ? AND status != 'cancelled'",
    )
    .bind(pattern)
    .bind(ts(since))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)?;
    Ok(at.map(from_ts))
}

/// Cancels the pending deliveries to a person (erased). Returns how many.
pub async fn cancel_deliveries_to(db: &Db, person_id: i64, now: DateTime<Utc>) -> AppResult<u64> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'cancelled', finished_at = ?
         WHERE status = 'pending' AND kind = 'deliver' AND json_extract(payload, '$.person_id') = ?",
    )
    .bind(ts(now))
    .bind(person_id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected())
}

/// Deletes jobs finished before `before` (with their failure records). Returns how many jobs.
pub async fn purge_finished(db: &Db, before: DateTime<Utc>) -> AppResult<u64> {
    let mut tx = super::write_tx(db).await?;
    sqlx::query(
        "DELETE FROM delivery_failures WHERE job_id IN (SELECT id FROM jobs
            WHERE status IN ('done', 'failed', 'skipped', 'cancelled') AND finished_at < ?)",
    )
    .bind(ts(before))
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    let done =
        sqlx::query("DELETE FROM jobs WHERE status IN ('done', 'failed', 'skipped', 'cancelled') AND finished_at < ?")
            .bind(ts(before))
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(done.rows_affected())
}

/// The queue at a glance: counts by state at `now`.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromRow)]
pub struct QueueCounts {
    /// Pending and due now (not yet run, or due again).
    pub due: i64,
    /// Pending, planned for later, never tried.
    pub scheduled: i64,
    /// Pending, planned for later after a failed attempt.
    pub retrying: i64,
    pub running: i64,
    /// Failed for good in the last 24 hours.
    pub failed_24h: i64,
    /// `run_at` of the oldest due job (unix seconds).
    pub oldest_due: Option<i64>,
}

pub async fn queue_counts(db: &Db, now: DateTime<Utc>) -> AppResult<QueueCounts> {
    sqlx::query_as(
        "SELECT
            COALESCE(SUM(status = 'pending' AND run_at <= ?1), 0) AS due,
            COALESCE(SUM(status = 'pending' AND run_at > ?1 AND attempts = 0), 0) AS scheduled,
            COALESCE(SUM(status = 'pending' AND run_at > ?1 AND attempts > 0), 0) AS retrying,
            COALESCE(SUM(status = 'running'), 0) AS running,
            COALESCE(SUM(status = 'failed' AND finished_at >= ?1 - 86400), 0) AS failed_24h,
            MIN(CASE WHEN status = 'pending' AND run_at <= ?1 THEN run_at END) AS oldest_due
         FROM jobs WHERE status IN ('pending', 'running', 'failed')",
    )
    .bind(ts(now))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

#[derive(Debug, Clone, FromRow)]
pub struct FinishedJob {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub finished_at: Option<i64>,
}

/// Jobs that failed for good since `since`, newest first.
pub async fn failed_since(db: &Db, since: DateTime<Utc>, limit: i64) -> AppResult<Vec<FinishedJob>> {
    sqlx::query_as(
        "SELECT id, kind, payload, attempts, last_error, finished_at FROM jobs
         WHERE status = 'failed' AND finished_at >= ? ORDER BY finished_at DESC, id DESC LIMIT ?",
    )
    .bind(ts(since))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// The next pending jobs of the given kinds, soonest first.
pub async fn next_pending(db: &Db, kinds: &[&str], limit: i64) -> AppResult<Vec<JobRecord>> {
    let marks = vec!["?"; kinds.len()].join(", ");
    let sql = format!(
        "SELECT id, kind, payload, run_at, status, attempts, last_error, idempotency_key FROM jobs
         WHERE status = 'pending' AND kind IN ({marks}) ORDER BY run_at, id LIMIT ?"
    );
    let mut q = sqlx::query_as(&sql);
    for k in kinds {
        q = q.bind(*k);
    }
    q.bind(limit).fetch_all(&db.pool).await.map_err(internal)
}
