//! Agenda items of meetings.

use super::{Db, from_ts, internal, is_unique_violation, ts};
use crate::domain::agenda::{AgendaItem, ItemSource, ItemStatus};
use crate::domain::{AppError, AppResult};
use chrono::{DateTime, Utc};
use sqlx::FromRow;
use std::str::FromStr;

#[derive(FromRow)]
struct Row {
    id: i64,
    meeting_id: i64,
    organisation_id: Option<i64>,
    acronym: Option<String>,
    proposed_by: Option<i64>,
    text: String,
    source: String,
    status: String,
    proposed_at: i64,
}

impl TryFrom<Row> for AgendaItem {
    type Error = AppError;

    fn try_from(r: Row) -> AppResult<Self> {
        Ok(AgendaItem {
            id: r.id,
            meeting_id: r.meeting_id,
            organisation_id: r.organisation_id,
            organisation: r.acronym,
            proposed_by: r.proposed_by,
            text: r.text,
            source: ItemSource::from_str(&r.source).map_err(AppError::internal)?,
            status: ItemStatus::from_str(&r.status).map_err(AppError::internal)?,
            proposed_at: from_ts(r.proposed_at),
        })
    }
}

const SELECT: &str = "SELECT a.id, a.meeting_id, a.organisation_id, o.acronym, a.proposed_by, a.text, a.source,
        a.status, a.proposed_at
    FROM agenda_items a LEFT JOIN organisations o ON o.id = a.organisation_id";

pub struct NewItem<'a> {
    pub meeting_id: i64,
    pub organisation_id: Option<i64>,
    pub proposed_by: Option<i64>,
    pub text: &'a str,
    pub source: ItemSource,
    pub status: ItemStatus,
    pub now: DateTime<Utc>,
}

/// Saves an item; `None` when the same text is already proposed for the meeting.
pub async fn insert(db: &Db, item: NewItem<'_>) -> AppResult<Option<i64>> {
    let decided = (item.status != ItemStatus::Proposed).then_some(ts(item.now));
    let res = sqlx::query_scalar(
        "INSERT INTO agenda_items (meeting_id, organisation_id, proposed_by, text, source, status, proposed_at,
            decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(item.meeting_id)
    .bind(item.organisation_id)
    .bind(item.proposed_by)
    .bind(item.text)
    .bind(item.source.as_ref())
    .bind(item.status.as_ref())
    .bind(ts(item.now))
    .bind(decided.and(item.proposed_by))
    .bind(decided)
    .fetch_one(&db.pool)
    .await;
    match res {
        Ok(id) => Ok(Some(id)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(internal(e)),
    }
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<AgendaItem>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE a.id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    row.map(AgendaItem::try_from).transpose()
}

/// The items of a meeting, in the order proposed.
pub async fn of_meeting(db: &Db, meeting_id: i64) -> AppResult<Vec<AgendaItem>> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE a.meeting_id = ? ORDER BY a.proposed_at, a.id"))
        .bind(meeting_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    rows.into_iter().map(AgendaItem::try_from).collect()
}

/// Decides a proposed item once. Returns false when it was already decided.
pub async fn decide(db: &Db, id: i64, status: ItemStatus, by: Option<i64>, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE agenda_items SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'proposed'",
    )
    .bind(status.as_ref())
    .bind(by)
    .bind(ts(now))
    .bind(id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}
