//! The tour de table: whether a mechanism does one, and the organisations' updates per meeting.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteConnection;

/// Whether the mechanism asks for updates before its meetings (off when never set).
pub async fn enabled(db: &Db, mechanism_id: i64) -> AppResult<bool> {
    enabled_on(&mut *db.pool.acquire().await.map_err(internal)?, mechanism_id).await
}

/// [`enabled`] inside a use case's transaction.
pub async fn enabled_in(tx: &mut Tx, mechanism_id: i64) -> AppResult<bool> {
    enabled_on(tx.conn(), mechanism_id).await
}

async fn enabled_on(c: &mut SqliteConnection, mechanism_id: i64) -> AppResult<bool> {
    let v: Option<bool> = sqlx::query_scalar("SELECT enabled FROM tour_settings WHERE mechanism_id = ?")
        .bind(mechanism_id)
        .fetch_optional(&mut *c)
        .await
        .map_err(internal)?;
    Ok(v.unwrap_or(false))
}

/// Turns the tour de table on or off; returns whether it was on before.
pub async fn set_in(tx: &mut Tx, mechanism_id: i64, on: bool, by: Option<i64>, now: DateTime<Utc>) -> AppResult<bool> {
    let before = enabled_on(tx.conn(), mechanism_id).await?;
    sqlx::query(
        "INSERT INTO tour_settings (mechanism_id, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (mechanism_id) DO UPDATE SET enabled = excluded.enabled,
           changed_by = excluded.changed_by, changed_at = excluded.changed_at",
    )
    .bind(mechanism_id)
    .bind(on)
    .bind(by)
    .bind(ts(now))
    .execute(tx.conn())
    .await
    .map_err(internal)?;
    Ok(before)
}

/// One organisation's answer: its text, or `None` for "nothing new".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub organisation_id: i64,
    pub body: Option<String>,
    pub answered_at: DateTime<Utc>,
}

/// Records an organisation's answer, replacing an earlier one; returns whether there was one.
pub async fn answer(
    db: &Db,
    meeting_id: i64,
    organisation_id: i64,
    body: Option<&str>,
    person_id: i64,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let mut tx = db.begin().await?;
    let before: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM tour_updates WHERE meeting_id = ? AND organisation_id = ?")
            .bind(meeting_id)
            .bind(organisation_id)
            .fetch_optional(tx.conn())
            .await
            .map_err(internal)?;
    sqlx::query(
        "INSERT INTO tour_updates (meeting_id, organisation_id, body, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET body = excluded.body,
           answered_by = excluded.answered_by, answered_at = excluded.answered_at",
    )
    .bind(meeting_id)
    .bind(organisation_id)
    .bind(body)
    .bind(person_id)
    .bind(ts(now))
    .execute(tx.conn())
    .await
    .map_err(internal)?;
    tx.commit().await?;
    Ok(before.is_some())
}

/// The organisation's answer for the meeting, if any.
pub async fn update_of(db: &Db, meeting_id: i64, organisation_id: i64) -> AppResult<Option<Update>> {
    Ok(updates(db, meeting_id).await?.into_iter().find(|u| u.organisation_id == organisation_id))
}

/// Every answer for the meeting.
pub async fn updates(db: &Db, meeting_id: i64) -> AppResult<Vec<Update>> {
    let rows: Vec<(i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT organisation_id, body, answered_at FROM tour_updates WHERE meeting_id = ? ORDER BY organisation_id",
    )
    .bind(meeting_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|(organisation_id, body, at)| Update { organisation_id, body, answered_at: from_ts(at) })
        .collect())
}
