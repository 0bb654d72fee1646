//! What participation is reviewed from: attendance, answers, 4W submissions per
//! organisation and mechanism over a window; the chair's choices after repeated absences.

use super::{Db, from_ts, internal, ts};
use crate::domain::AppResult;
use chrono::{DateTime, Utc};

/// (meetings marked, present) among the meetings of the mechanism that started in [from, to).
pub async fn attendance(
    db: &Db,
    mechanism_id: i64,
    organisation_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<(i64, i64)> {
    sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(a.present), 0) FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id
         WHERE mt.mechanism_id = ? AND a.organisation_id = ? AND mt.status = 'scheduled'
           AND mt.starts_at >= ? AND mt.starts_at < ?",
    )
    .bind(mechanism_id)
    .bind(organisation_id)
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

/// (meetings the organisation was invited to, answers given at least `notice_secs` before the
/// start) among the meetings that started in [from, to). Invited: the invitations went out
/// while the organisation held a focal point or alternate seat in the mechanism.
pub async fn answers(
    db: &Db,
    mechanism_id: i64,
    organisation_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    notice_secs: i64,
) -> AppResult<(i64, i64)> {
    sqlx::query_as(
        "SELECT COUNT(*), COUNT(CASE WHEN r.answered_at <= mt.starts_at - ? THEN 1 END)
         FROM meetings mt
         LEFT JOIN rsvps r ON r.meeting_id = mt.id AND r.organisation_id = ?
         WHERE mt.mechanism_id = ? AND mt.status = 'scheduled' AND mt.invitations_sent_at IS NOT NULL
           AND mt.starts_at >= ? AND mt.starts_at < ?
           AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.organisation_id = ? AND ms.mechanism_id = mt.mechanism_id
                AND ms.role IN ('focal', 'alternate') AND ms.started_at <= mt.invitations_sent_at
                AND (ms.ended_at IS NULL OR ms.ended_at > mt.invitations_sent_at))",
    )
    .bind(notice_secs)
    .bind(organisation_id)
    .bind(mechanism_id)
    .bind(ts(from))
    .bind(ts(to))
    .bind(organisation_id)
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

/// 4W submissions of the organisation in the mechanism for the months `from..=to` (`YYYY-MM`).
pub async fn fourw_submitted(db: &Db, mechanism_id: i64, organisation_id: i64, from: &str, to: &str) -> AppResult<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM fourw_submissions WHERE mechanism_id = ? AND organisation_id = ? AND month >= ? AND month <= ?",
    )
    .bind(mechanism_id)
    .bind(organisation_id)
    .bind(from)
    .bind(to)
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

/// Records the chair's choice after repeated absences.
pub async fn record_absence_choice(
    db: &Db,
    mechanism_id: i64,
    organisation_id: i64,
    choice: &str,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    sqlx::query_scalar(
        "INSERT INTO absence_decisions (mechanism_id, organisation_id, choice, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(mechanism_id)
    .bind(organisation_id)
    .bind(choice)
    .bind(by)
    .bind(ts(now))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

/// The latest choice recorded for an organisation in a mechanism: (choice, when).
pub async fn last_absence_choice(
    db: &Db,
    mechanism_id: i64,
    organisation_id: i64,
) -> AppResult<Option<(String, DateTime<Utc>)>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT choice, decided_at FROM absence_decisions WHERE mechanism_id = ? AND organisation_id = ?
         ORDER BY decided_at DESC, id DESC LIMIT 1",
    )
    .bind(mechanism_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    Ok(row.map(|(c, at)| (c, from_ts(at))))
}
