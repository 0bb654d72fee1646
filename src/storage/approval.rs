//! Approval of submissions by a chair, and locked months (with the record of every lock and
//! unlock).

use super::{Db, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::fourw::ReportingMonth;
use chrono::{DateTime, Utc};

/// Marks a submission approved; false when it is gone or already approved.
pub async fn approve(db: &Db, submission_id: i64, person_id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE fourw_submissions SET approved_at = ?, approved_by = ? WHERE id = ? AND approved_at IS NULL",
    )
    .bind(ts(now))
    .bind(person_id)
    .bind(submission_id)
    .execute(&db.pool)
    .await
    .map_err(internal)?
    .rows_affected();
    Ok(done == 1)
}

/// (organisation, mechanism, month, approved at) of a submission.
pub async fn submission_key(db: &Db, submission_id: i64) -> AppResult<Option<(i64, i64, String, Option<i64>)>> {
    sqlx::query_as("SELECT organisation_id, mechanism_id, month, approved_at FROM fourw_submissions WHERE id = ?")
        .bind(submission_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// One submission of a month as the review shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReviewedSubmission {
    pub id: i64,
    pub org: String,
    pub mechanism_id: i64,
    pub approved: bool,
    pub returned: bool,
}

/// The submissions with lines of a month (optionally of one mechanism), in the review's order.
pub async fn submissions(db: &Db, month: ReportingMonth, mechanism: Option<i64>) -> AppResult<Vec<ReviewedSubmission>> {
    sqlx::query_as(
        "SELECT s.id, o.acronym AS org, s.mechanism_id, (s.approved_at IS NOT NULL) AS approved,
                EXISTS (SELECT 1 FROM fourw_lines l WHERE l.submission_id = s.id AND l.review_status = 'returned')
                    AS returned
         FROM fourw_submissions s JOIN organisations o ON o.id = s.organisation_id
         JOIN mechanisms m ON m.id = s.mechanism_id
         WHERE s.month = ?1 AND (?2 IS NULL OR s.mechanism_id = ?2) AND s.no_activity = 0
         ORDER BY m.sort_order, o.acronym COLLATE NOCASE",
    )
    .bind(month.to_string())
    .bind(mechanism)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Whether the organisation's lines of the month have returned lines still waiting.
pub async fn has_returned_lines(db: &Db, submission_id: i64) -> AppResult<bool> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM fourw_lines WHERE submission_id = ? AND review_status = 'returned'")
            .bind(submission_id)
            .fetch_one(&db.pool)
            .await
            .map_err(internal)?;
    Ok(n > 0)
}

/// Where a lock or unlock came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Chat,
    CommandLine,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Chat => "chat",
            Via::CommandLine => "command_line",
        }
    }
}

pub async fn is_locked(db: &Db, month: ReportingMonth) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM fourw_month_locks WHERE month = ?")
        .bind(month.to_string())
        .fetch_one(&db.pool)
        .await
        .map_err(internal)?;
    Ok(n > 0)
}

/// Locks or unlocks a month and records it; false when it already was so (nothing recorded).
pub async fn set_lock(
    db: &Db,
    month: ReportingMonth,
    lock: bool,
    person_id: Option<i64>,
    via: Via,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let mut tx = super::write_tx(db).await?;
    let changed = if lock {
        sqlx::query(
            "INSERT INTO fourw_month_locks (month, locked_at, locked_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(month.to_string())
        .bind(ts(now))
        .bind(person_id)
        .execute(&mut *tx)
        .await
    } else {
        sqlx::query("DELETE FROM fourw_month_locks WHERE month = ?").bind(month.to_string()).execute(&mut *tx).await
    }
    .map_err(internal)?
    .rows_affected()
        == 1;
    if changed {
        sqlx::query("INSERT INTO fourw_lock_events (month, action, person_id, via, at) VALUES (?, ?, ?, ?, ?)")
            .bind(month.to_string())
            .bind(if lock { "lock" } else { "unlock" })
            .bind(person_id)
            .bind(via.as_str())
            .bind(ts(now))
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    Ok(changed)
}

/// One recorded lock or unlock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockEvent {
    pub month: String,
    pub lock: bool,
    pub person_id: Option<i64>,
    pub via: String,
    pub at: DateTime<Utc>,
}

/// The record of a month's locks and unlocks, oldest first.
pub async fn lock_events(db: &Db, month: ReportingMonth) -> AppResult<Vec<LockEvent>> {
    let rows: Vec<(String, String, Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT month, action, person_id, via, at FROM fourw_lock_events WHERE month = ? ORDER BY at, id",
    )
    .bind(month.to_string())
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|(month, action, person_id, via, at)| LockEvent {
            month,
            lock: action == "lock",
            person_id,
            via,
            at: from_ts(at),
        })
        .collect())
}
