//! Situation items of the regional clusters, the regions each covers and the places offered.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::situation::{ItemState, Theme};
use chrono::{DateTime, Utc};
use sqlx::{FromRow, SqliteConnection};

/// One item as stored, with the names needed to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub mechanism_id: i64,
    pub mechanism: String,
    pub pcode: String,
    pub place: String,
    pub theme: Theme,
    pub text: String,
    pub verified: bool,
    pub source_nameable: bool,
    pub organisation_id: i64,
    pub organisation: String,
    pub posted_by: Option<i64>,
    pub state: ItemState,
    pub validated_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    mechanism_id: i64,
    mechanism: String,
    pcode: String,
    place: String,
    theme: String,
    text: String,
    verified: bool,
    source_nameable: bool,
    organisation_id: i64,
    organisation: String,
    posted_by: Option<i64>,
    state: String,
    validated_at: Option<i64>,
}

impl From<Row> for Item {
    fn from(r: Row) -> Self {
        Item {
            id: r.id,
            mechanism_id: r.mechanism_id,
            mechanism: r.mechanism,
            pcode: r.pcode,
            place: r.place,
            theme: r.theme.parse().unwrap_or(Theme::Other),
            text: r.text,
            verified: r.verified,
            source_nameable: r.source_nameable,
            organisation_id: r.organisation_id,
            organisation: r.organisation,
            posted_by: r.posted_by,
            state: r.state.parse().unwrap_or(ItemState::Pending),
            validated_at: r.validated_at.map(from_ts),
        }
    }
}

const SELECT: &str = "SELECT s.id, s.mechanism_id, m.code AS mechanism, s.pcode, u.name AS place, s.theme, s.text,
        s.verified, s.source_nameable, s.organisation_id, o.acronym AS organisation, s.posted_by, s.state,
        s.validated_at
    FROM situation_items s
    JOIN mechanisms m ON m.id = s.mechanism_id
    JOIN admin_units u ON u.pcode = s.pcode
    JOIN organisations o ON o.id = s.organisation_id";

/// A new item, pending.
pub struct NewItem<'a> {
    pub mechanism_id: i64,
    pub pcode: &'a str,
    pub theme: Theme,
    pub text: &'a str,
    pub verified: bool,
    pub source_nameable: bool,
    pub organisation_id: i64,
    pub posted_by: i64,
    pub now: DateTime<Utc>,
}

pub async fn insert_in(tx: &mut Tx, n: NewItem<'_>) -> AppResult<i64> {
    sqlx::query_scalar(
        "INSERT INTO situation_items (mechanism_id, pcode, theme, text, verified, source_nameable,
             organisation_id, posted_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
    )
    .bind(n.mechanism_id)
    .bind(n.pcode)
    .bind(n.theme.as_ref())
    .bind(n.text)
    .bind(n.verified)
    .bind(n.source_nameable)
    .bind(n.organisation_id)
    .bind(n.posted_by)
    .bind(ts(n.now))
    .fetch_one(tx.conn())
    .await
    .map_err(internal)
}

async fn by_id_on(conn: &mut SqliteConnection, id: i64) -> AppResult<Option<Item>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE s.id = ?1")).bind(id).fetch_optional(conn).await.map_err(internal)?;
    Ok(row.map(Item::from))
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Item>> {
    let mut conn = db.pool.acquire().await.map_err(internal)?;
    by_id_on(&mut conn, id).await
}

pub async fn by_id_in(tx: &mut Tx, id: i64) -> AppResult<Option<Item>> {
    by_id_on(tx.conn(), id).await
}

/// Decides a pending item; `false` when it was no longer pending (decided already).
pub async fn decide_in(tx: &mut Tx, id: i64, state: ItemState, by: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE situation_items SET state = ?2, validated_by = ?3, validated_at = ?4
         WHERE id = ?1 AND state = 'pending'",
    )
    .bind(id)
    .bind(state.as_ref())
    .bind(by)
    .bind(ts(now))
    .execute(tx.conn())
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// The items validated within `[from, to)`, oldest first.
pub async fn validated_between(db: &Db, from: DateTime<Utc>, to: DateTime<Utc>) -> AppResult<Vec<Item>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.state = 'validated' AND s.validated_at >= ?1 AND s.validated_at < ?2
         ORDER BY s.validated_at, s.id"
    ))
    .bind(ts(from))
    .bind(ts(to))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Item::from).collect())
}

/// When the agenda of the mechanism's last meeting (not cancelled) before `before` closed: its
/// invitations sent, or else its start.
pub async fn previous_agenda_closed(
    db: &Db,
    mechanism_id: i64,
    before: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let at: Option<i64> = sqlx::query_scalar(
        "SELECT COALESCE(invitations_sent_at, starts_at) FROM meetings
         WHERE mechanism_id = ?1 AND starts_at < ?2 AND status = 'scheduled'
         ORDER BY starts_at DESC LIMIT 1",
    )
    .bind(mechanism_id)
    .bind(ts(before))
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    Ok(at.map(from_ts))
}

/// The cercles of the regions a regional cluster covers: (P-code, name), in P-code order.
pub async fn cercles(db: &Db, mechanism_id: i64) -> AppResult<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT u.pcode, u.name FROM admin_units u
         JOIN situation_regions r ON r.region_pcode = u.parent_pcode
         WHERE r.mechanism_id = ?1 AND u.level = 2 ORDER BY u.pcode",
    )
    .bind(mechanism_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Whether a P-code is a cercle or a commune of a region the regional cluster covers.
pub async fn place_in(db: &Db, mechanism_id: i64, pcode: &str) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(
        "WITH RECURSIVE up(pcode, parent, level) AS (
             SELECT pcode, parent_pcode, level FROM admin_units WHERE pcode = ?2 AND level IN (2, 3)
             UNION ALL SELECT a.pcode, a.parent_pcode, a.level FROM admin_units a JOIN up ON a.pcode = up.parent)
         SELECT COUNT(*) FROM up JOIN situation_regions r ON r.region_pcode = up.pcode WHERE r.mechanism_id = ?1",
    )
    .bind(mechanism_id)
    .bind(pcode)
    .fetch_one(&db.pool)
    .await
    .map_err(internal)?;
    Ok(n > 0)
}

/// Whether a mechanism is a regional cluster that items may come from.
pub async fn is_regional(db: &Db, mechanism_id: i64) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM situation_regions WHERE mechanism_id = ?1")
        .bind(mechanism_id)
        .fetch_one(&db.pool)
        .await
        .map_err(internal)?;
    Ok(n > 0)
}

/// The name of a place by its P-code.
pub async fn place_name(db: &Db, pcode: &str) -> AppResult<Option<String>> {
    sqlx::query_scalar("SELECT name FROM admin_units WHERE pcode = ?1")
        .bind(pcode)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}
