//! Monthly series: their rule, whether the chair stopped them, their meetings.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::meeting::MonthlyRule;
use chrono::{DateTime, NaiveTime, Utc, Weekday};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

#[derive(FromRow)]
struct SeriesRow {
    id: i64,
    mechanism_id: i64,
    weekday: i64,
    nth: i64,
    local_time: String,
    stopped_at: Option<i64>,
}

/// A monthly series as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub id: i64,
    pub mechanism_id: i64,
    pub rule: MonthlyRule,
    pub stopped_at: Option<DateTime<Utc>>,
}

fn weekday(n: i64) -> Weekday {
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        [n.clamp(0, 6) as usize]
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Series>> {
    by_id_on(&mut *db.pool.acquire().await.map_err(internal)?, id).await
}

/// [`by_id`] inside a use case's transaction.
pub async fn by_id_in(tx: &mut Tx, id: i64) -> AppResult<Option<Series>> {
    by_id_on(tx.conn(), id).await
}

async fn by_id_on(c: &mut SqliteConnection, id: i64) -> AppResult<Option<Series>> {
    let row: Option<SeriesRow> = sqlx::query_as(
        "SELECT id, mechanism_id, weekday, nth, local_time, stopped_at FROM meeting_series WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await
    .map_err(internal)?;
    Ok(row.map(|r| Series {
        id: r.id,
        mechanism_id: r.mechanism_id,
        rule: MonthlyRule {
            weekday: weekday(r.weekday),
            nth: r.nth as i8,
            local_time: NaiveTime::parse_from_str(&r.local_time, "%H:%M").unwrap_or(NaiveTime::MIN),
        },
        stopped_at: r.stopped_at.map(from_ts),
    }))
}

/// Stops a series once. Returns true when it was running.
pub async fn stop(db: &Db, id: i64, by: Option<i64>, now: DateTime<Utc>) -> AppResult<bool> {
    let done =
        sqlx::query("UPDATE meeting_series SET stopped_at = ?, stopped_by = ? WHERE id = ? AND stopped_at IS NULL")
            .bind(ts(now))
            .bind(by)
            .bind(id)
            .execute(&db.pool)
            .await
            .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// The ids of the series' meetings, by start (cancelled ones included: they keep their month).
pub async fn meetings(db: &Db, id: i64) -> AppResult<Vec<(i64, DateTime<Utc>)>> {
    meetings_on(&mut *db.pool.acquire().await.map_err(internal)?, id).await
}

/// [`meetings`] inside a use case's transaction.
pub async fn meetings_in(tx: &mut Tx, id: i64) -> AppResult<Vec<(i64, DateTime<Utc>)>> {
    meetings_on(tx.conn(), id).await
}

async fn meetings_on(c: &mut SqliteConnection, id: i64) -> AppResult<Vec<(i64, DateTime<Utc>)>> {
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, starts_at FROM meetings WHERE series_id = ? ORDER BY starts_at, id")
            .bind(id)
            .fetch_all(&mut *c)
            .await
            .map_err(internal)?;
    Ok(rows.into_iter().map(|(id, at)| (id, from_ts(at))).collect())
}
