//! What each request of a delivery made: the message id Telegram answered with, per part
//! (the requests of one delivery numbered in order from 0). Written as soon as the answer is
//! in, so that a job run again after a crash (or a retry) sends only the parts without one.

use super::{Db, internal, ts};
use crate::domain::AppResult;
use chrono::{DateTime, Utc};

/// Records that part `part` of job `job_id` was answered with `message_id` (kept once: the
/// first answer of a part is the one the recipient saw).
pub async fn record(
    db: &Db,
    job_id: i64,
    part: i64,
    chat_id: i64,
    message_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO job_sends (job_id, part, chat_id, message_id, sent_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (job_id, part) DO NOTHING",
    )
    .bind(job_id)
    .bind(part)
    .bind(chat_id)
    .bind(message_id)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// The parts of a job already answered, as (part, message id), in order.
pub async fn of_job(db: &Db, job_id: i64) -> AppResult<Vec<(i64, i64)>> {
    sqlx::query_as("SELECT part, message_id FROM job_sends WHERE job_id = ? ORDER BY part")
        .bind(job_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}
