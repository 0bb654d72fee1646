//! Minutes, shared documents, receipts and action points.

use super::{Db, Tx, from_ts, internal, is_unique_violation, ts};
use crate::domain::{AppError, AppResult};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MinutesRow {
    pub id: i64,
    pub meeting_id: i64,
    pub file_id: Option<String>,
    pub file_name: Option<String>,
    pub body: Option<String>,
    pub shared_at: i64,
}

impl MinutesRow {
    pub fn shared_at(&self) -> DateTime<Utc> {
        from_ts(self.shared_at)
    }
}

pub struct NewMinutes<'a> {
    pub meeting_id: i64,
    pub file_id: Option<&'a str>,
    pub file_name: Option<&'a str>,
    pub body: Option<&'a str>,
    pub shared_by: Option<i64>,
}

pub struct NewAction<'a> {
    pub what: &'a str,
    pub organisation_id: i64,
    pub due: NaiveDate,
}

/// Stores the minutes and their action points together. Minutes already shared for the
/// meeting are refused.
pub async fn insert(
    db: &Db,
    m: NewMinutes<'_>,
    actions: &[NewAction<'_>],
    now: DateTime<Utc>,
) -> AppResult<(i64, Vec<i64>)> {
    let mut tx = super::write_tx(db).await?;
    let out = insert_on(&mut tx, m, actions, now).await?;
    tx.commit().await.map_err(internal)?;
    Ok(out)
}

/// [`insert`] inside a use case's transaction.
pub async fn insert_in(
    tx: &mut Tx,
    m: NewMinutes<'_>,
    actions: &[NewAction<'_>],
    now: DateTime<Utc>,
) -> AppResult<(i64, Vec<i64>)> {
    insert_on(tx.conn(), m, actions, now).await
}

async fn insert_on(
    c: &mut SqliteConnection,
    m: NewMinutes<'_>,
    actions: &[NewAction<'_>],
    now: DateTime<Utc>,
) -> AppResult<(i64, Vec<i64>)> {
    let inserted = sqlx::query_scalar(
        "INSERT INTO minutes (meeting_id, file_id, file_name, body, shared_by, shared_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(m.meeting_id)
    .bind(m.file_id)
    .bind(m.file_name)
    .bind(m.body)
    .bind(m.shared_by)
    .bind(ts(now))
    .fetch_one(&mut *c)
    .await;
    let id: i64 = match inserted {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(AppError::MinutesAlreadyShared),
        Err(e) => return Err(internal(e)),
    };
    let mut ids = Vec::new();
    for a in actions {
        let aid: i64 = sqlx::query_scalar(
            "INSERT INTO action_points (meeting_id, what, organisation_id, due_date, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(m.meeting_id)
        .bind(a.what)
        .bind(a.organisation_id)
        .bind(a.due.format("%Y-%m-%d").to_string())
        .bind(ts(now))
        .fetch_one(&mut *c)
        .await
        .map_err(internal)?;
        ids.push(aid);
    }
    Ok((id, ids))
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<MinutesRow>> {
    sqlx::query_as("SELECT id, meeting_id, file_id, file_name, body, shared_at FROM minutes WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn for_meeting(db: &Db, meeting_id: i64) -> AppResult<Option<MinutesRow>> {
    for_meeting_on(&mut *db.pool.acquire().await.map_err(internal)?, meeting_id).await
}

/// [`for_meeting`] inside a use case's transaction.
pub async fn for_meeting_in(tx: &mut Tx, meeting_id: i64) -> AppResult<Option<MinutesRow>> {
    for_meeting_on(tx.conn(), meeting_id).await
}

async fn for_meeting_on(c: &mut SqliteConnection, meeting_id: i64) -> AppResult<Option<MinutesRow>> {
    sqlx::query_as("SELECT id, meeting_id, file_id, file_name, body, shared_at FROM minutes WHERE meeting_id = ?")
        .bind(meeting_id)
        .fetch_optional(&mut *c)
        .await
        .map_err(internal)
}

/// The latest minutes of a mechanism, newest meeting first.
pub async fn latest_for_mechanism(db: &Db, mechanism_id: i64, limit: i64) -> AppResult<Vec<MinutesRow>> {
    sqlx::query_as(
        "SELECT mn.id, mn.meeting_id, mn.file_id, mn.file_name, mn.body, mn.shared_at FROM minutes mn
         JOIN meetings mt ON mt.id = mn.meeting_id WHERE mt.mechanism_id = ? ORDER BY mt.starts_at DESC LIMIT ?",
    )
    .bind(mechanism_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

pub async fn mark_overdue(db: &Db, meeting_id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query("UPDATE meetings SET minutes_overdue_at = ? WHERE id = ? AND minutes_overdue_at IS NULL")
        .bind(ts(now))
        .bind(meeting_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Ended, not cancelled meetings of a mechanism in [from, until) with their minutes' share time.
pub async fn meetings_with_minutes(
    db: &Db,
    mechanism_id: i64,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> AppResult<Vec<(i64, i64, i64, Option<i64>, Option<i64>)>> {
    // (meeting id, starts_at, duration minutes, minutes shared_at, overdue_at)
    sqlx::query_as(
        "SELECT mt.id, mt.starts_at, mt.duration_minutes, mn.shared_at, mt.minutes_overdue_at FROM meetings mt
         LEFT JOIN minutes mn ON mn.meeting_id = mt.id
         WHERE mt.mechanism_id = ? AND mt.status = 'scheduled' AND mt.starts_at >= ?
           AND mt.starts_at + mt.duration_minutes * 60 <= ?
         ORDER BY mt.starts_at",
    )
    .bind(mechanism_id)
    .bind(ts(from))
    .bind(ts(until))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

// ------------------------------------------------------------ documents

pub async fn insert_document(
    db: &Db,
    file_id: &str,
    file_name: Option<&str>,
    caption: Option<&str>,
    mechanisms: &[i64],
    shared_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let mut tx = super::write_tx(db).await?;
    let out = insert_document_on(&mut tx, file_id, file_name, caption, mechanisms, shared_by, now).await?;
    tx.commit().await.map_err(internal)?;
    Ok(out)
}

/// [`insert_document`] inside a use case's transaction.
pub async fn insert_document_in(
    tx: &mut Tx,
    file_id: &str,
    file_name: Option<&str>,
    caption: Option<&str>,
    mechanisms: &[i64],
    shared_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    insert_document_on(tx.conn(), file_id, file_name, caption, mechanisms, shared_by, now).await
}

async fn insert_document_on(
    c: &mut SqliteConnection,
    file_id: &str,
    file_name: Option<&str>,
    caption: Option<&str>,
    mechanisms: &[i64],
    shared_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO documents (file_id, file_name, caption, shared_by, shared_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(file_id)
    .bind(file_name)
    .bind(caption)
    .bind(shared_by)
    .bind(ts(now))
    .fetch_one(&mut *c)
    .await
    .map_err(internal)?;
    for m in mechanisms {
        sqlx::query("INSERT INTO document_mechanisms (document_id, mechanism_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(m)
            .execute(&mut *c)
            .await
            .map_err(internal)?;
    }
    Ok(id)
}

#[derive(Debug, Clone, FromRow)]
pub struct DocumentRow {
    pub id: i64,
    pub file_id: String,
    pub file_name: Option<String>,
    pub caption: Option<String>,
    /// Who shared it in the chat (none: filed from the command line, or the sharer erased).
    pub shared_by: Option<i64>,
}

pub async fn document(db: &Db, id: i64) -> AppResult<Option<DocumentRow>> {
    sqlx::query_as("SELECT id, file_id, file_name, caption, shared_by FROM documents WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn document_mechanisms(db: &Db, id: i64) -> AppResult<Vec<i64>> {
    sqlx::query_scalar("SELECT mechanism_id FROM document_mechanisms WHERE document_id = ? ORDER BY mechanism_id")
        .bind(id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

// ------------------------------------------------------------ receipts

/// Records that a person received minutes or a document in this message (once per message:
/// a delivery run again after a crash records the same message again).
pub async fn record_receipt(
    db: &Db,
    minutes_id: Option<i64>,
    document_id: Option<i64>,
    person_id: i64,
    message_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO receipts (minutes_id, document_id, person_id, message_id, received_at)
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM receipts
             WHERE person_id = ?3 AND message_id = ?4 AND minutes_id IS ?1 AND document_id IS ?2)",
    )
    .bind(minutes_id)
    .bind(document_id)
    .bind(person_id)
    .bind(message_id)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// Who received these minutes: (person id, received at), in order.
pub async fn minutes_receipts(db: &Db, minutes_id: i64) -> AppResult<Vec<(i64, i64)>> {
    sqlx::query_as("SELECT person_id, received_at FROM receipts WHERE minutes_id = ? ORDER BY id")
        .bind(minutes_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

// ------------------------------------------------------------ action points

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ActionRow {
    pub id: i64,
    pub meeting_id: i64,
    pub mechanism_id: i64,
    pub what: String,
    pub organisation_id: i64,
    pub acronym: String,
    pub due_date: String,
    pub status: String,
    /// Given up at a meeting's follow-up (the status stays open).
    pub dropped: bool,
}

impl ActionRow {
    pub fn due(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&self.due_date, "%Y-%m-%d").ok()
    }

    pub fn is_done(&self) -> bool {
        self.status == "done"
    }
}

const ACTION_SELECT: &str = "SELECT a.id, a.meeting_id, mt.mechanism_id, a.what, a.organisation_id, o.acronym,
        a.due_date, a.status, a.dropped_at IS NOT NULL AS dropped
    FROM action_points a JOIN meetings mt ON mt.id = a.meeting_id JOIN organisations o ON o.id = a.organisation_id";

pub async fn action(db: &Db, id: i64) -> AppResult<Option<ActionRow>> {
    sqlx::query_as(&format!("{ACTION_SELECT} WHERE a.id = ?")).bind(id).fetch_optional(&db.pool).await.map_err(internal)
}

pub async fn actions_of_mechanism(db: &Db, mechanism_id: i64) -> AppResult<Vec<ActionRow>> {
    sqlx::query_as(&format!("{ACTION_SELECT} WHERE mt.mechanism_id = ? ORDER BY a.status DESC, a.due_date, a.id"))
        .bind(mechanism_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

pub async fn mark_action_done(db: &Db, id: i64, by: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE action_points SET status = 'done', done_by = ?, done_at = ? WHERE id = ? AND status = 'open'",
    )
    .bind(by)
    .bind(ts(now))
    .bind(id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the receipts (who received which minutes or document) older than `before`.
pub async fn purge_receipts_older_than(db: &Db, before: DateTime<Utc>) -> AppResult<u64> {
    let done = sqlx::query("DELETE FROM receipts WHERE received_at < ?")
        .bind(ts(before))
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected())
}
