//! The audit trail (`audit_log`), read together with the receipts of minutes and documents.

use super::{Db, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::audit::{AuditAction, AuditEntry};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// One thing that happened, as written.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub mechanism_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub detail: Option<String>,
}

pub async fn record(db: &Db, action: AuditAction, entry: NewEntry, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_id, mechanism_id, organisation_id, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ts(now))
    .bind(entry.actor_id)
    .bind(action.as_ref())
    .bind(entry.subject_id)
    .bind(entry.mechanism_id)
    .bind(entry.organisation_id)
    .bind(entry.detail)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

#[derive(FromRow)]
struct Row {
    at: i64,
    action: String,
    actor: Option<String>,
    subject: Option<String>,
    subject_tg: Option<i64>,
    mechanism: Option<String>,
    organisation: Option<String>,
    detail: Option<String>,
}

/// Everything recorded from `since` on, oldest first: the audit log and the receipts.
pub async fn since(db: &Db, since: DateTime<Utc>) -> AppResult<Vec<AuditEntry>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.at, a.action, ap.display_name AS actor, sp.display_name AS subject, sp.telegram_id AS subject_tg,
                m.code AS mechanism, o.acronym AS organisation, a.detail
         FROM audit_log a
         LEFT JOIN people ap ON ap.id = a.actor_id
         LEFT JOIN people sp ON sp.id = a.subject_id
         LEFT JOIN mechanisms m ON m.id = a.mechanism_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
         WHERE a.at >= ?1
         UNION ALL
         SELECT r.received_at AS at,
                CASE WHEN r.minutes_id IS NOT NULL THEN 'received_minutes' ELSE 'received_document' END AS action,
                NULL AS actor, sp.display_name AS subject, sp.telegram_id AS subject_tg,
                m.code AS mechanism, NULL AS organisation,
                CASE WHEN r.minutes_id IS NOT NULL THEN 'minutes #' || r.minutes_id
                     ELSE 'document #' || r.document_id END AS detail
         FROM receipts r
         JOIN people sp ON sp.id = r.person_id
         LEFT JOIN minutes mn ON mn.id = r.minutes_id
         LEFT JOIN meetings mt ON mt.id = mn.meeting_id
         LEFT JOIN mechanisms m ON m.id = mt.mechanism_id
         WHERE r.received_at >= ?1
         ORDER BY at, action",
    )
    .bind(ts(since))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            at: from_ts(r.at),
            action: r.action,
            actor: r.actor,
            subject: r.subject,
            subject_telegram_id: r.subject_tg,
            mechanism: r.mechanism,
            organisation: r.organisation,
            detail: r.detail,
        })
        .collect())
}

/// Deletes the audit lines older than `before`. Returns how many.
pub async fn purge_older_than(db: &Db, before: DateTime<Utc>) -> AppResult<u64> {
    let done =
        sqlx::query("DELETE FROM audit_log WHERE at < ?").bind(ts(before)).execute(&db.pool).await.map_err(internal)?;
    Ok(done.rows_affected())
}
