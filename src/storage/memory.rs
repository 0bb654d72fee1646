//! The register of decisions recorded with the minutes, and what each meeting's minutes marked
//! for the points of its follow-up.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::memory::{FollowUpRef, Outcome, RecordedDecision};
use crate::domain::{AppError, AppResult, Mechanism};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;
use std::str::FromStr;

pub struct NewDecision<'a> {
    pub what: &'a str,
    pub organisation_id: Option<i64>,
    pub review: Option<NaiveDate>,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Stores the decisions recorded with a meeting's minutes; returns their ids in order.
pub async fn insert_decisions_in(
    tx: &mut Tx,
    mechanism_id: i64,
    meeting_id: i64,
    decisions: &[NewDecision<'_>],
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<Vec<i64>> {
    let c = tx.conn();
    let mut ids = Vec::new();
    for d in decisions {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO recorded_decisions (mechanism_id, meeting_id, what, organisation_id, review_date, recorded_by, recorded_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(mechanism_id)
        .bind(meeting_id)
        .bind(d.what)
        .bind(d.organisation_id)
        .bind(d.review.map(day))
        .bind(recorded_by)
        .bind(ts(now))
        .fetch_one(&mut *c)
        .await
        .map_err(internal)?;
        ids.push(id);
    }
    Ok(ids)
}

/// Records what a meeting's minutes marked for each point of its follow-up: a done action
/// point is done, a dropped one no longer comes back; a carried one stays open.
pub async fn record_follow_ups_in(
    tx: &mut Tx,
    meeting_id: i64,
    marks: &[(FollowUpRef, Outcome)],
    marked_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let c: &mut SqliteConnection = tx.conn();
    for (item, outcome) in marks {
        let (action, decision) = match item {
            FollowUpRef::Action(a) => (Some(*a), None),
            FollowUpRef::Decision(d) => (None, Some(*d)),
        };
        sqlx::query(
            "INSERT OR IGNORE INTO follow_ups (meeting_id, action_point_id, decision_id, outcome, marked_by, marked_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(meeting_id)
        .bind(action)
        .bind(decision)
        .bind(outcome.as_str())
        .bind(marked_by)
        .bind(ts(now))
        .execute(&mut *c)
        .await
        .map_err(internal)?;
        let Some(action) = action else { continue };
        let update = match outcome {
            Outcome::Done => sqlx::query(
                "UPDATE action_points SET status = 'done', done_by = ?, done_at = ? WHERE id = ? AND status = 'open'",
            )
            .bind(marked_by),
            Outcome::Dropped => {
                sqlx::query("UPDATE action_points SET dropped_at = ? WHERE id = ? AND dropped_at IS NULL")
            }
            Outcome::Carried => continue,
        };
        update.bind(ts(now)).bind(action).execute(&mut *c).await.map_err(internal)?;
    }
    Ok(())
}

#[derive(FromRow)]
struct DecisionRow {
    id: i64,
    mechanism_id: i64,
    code: String,
    name_fr: String,
    name_en: String,
    meeting_id: i64,
    starts_at: i64,
    what: String,
    acronym: Option<String>,
    review_date: Option<String>,
    recorded_at: i64,
    outcome: Option<String>,
}

impl From<DecisionRow> for RecordedDecision {
    fn from(r: DecisionRow) -> Self {
        RecordedDecision {
            id: r.id,
            mechanism: Mechanism { id: r.mechanism_id, code: r.code, name_fr: r.name_fr, name_en: r.name_en },
            meeting_id: r.meeting_id,
            meeting_starts_at: from_ts(r.starts_at),
            what: r.what,
            organisation: r.acronym,
            review_date: r.review_date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            recorded_at: from_ts(r.recorded_at),
            outcome: r.outcome.and_then(|o| Outcome::from_str(&o).ok()),
        }
    }
}

const DECISION_SELECT: &str = "SELECT d.id, d.mechanism_id, k.code, k.name_fr, k.name_en, d.meeting_id, mt.starts_at,
        d.what, o.acronym, d.review_date, d.recorded_at,
        (SELECT f.outcome FROM follow_ups f WHERE f.decision_id = d.id ORDER BY f.marked_at DESC, f.id DESC LIMIT 1) AS outcome
    FROM recorded_decisions d JOIN mechanisms k ON k.id = d.mechanism_id JOIN meetings mt ON mt.id = d.meeting_id
    LEFT JOIN organisations o ON o.id = d.organisation_id";

pub async fn decision(db: &Db, id: i64) -> AppResult<Option<RecordedDecision>> {
    let row: Option<DecisionRow> = sqlx::query_as(&format!("{DECISION_SELECT} WHERE d.id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

/// The recorded decisions of these mechanisms, newest meeting first.
pub async fn decisions_of_mechanisms(db: &Db, mechanism_ids: &[i64], limit: i64) -> AppResult<Vec<RecordedDecision>> {
    if mechanism_ids.is_empty() {
        return Ok(vec![]);
    }
    let ids = serde_json::to_string(mechanism_ids).map_err(AppError::internal)?;
    let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
        "{DECISION_SELECT} WHERE d.mechanism_id IN (SELECT value FROM json_each(?))
         ORDER BY mt.starts_at DESC, d.id DESC LIMIT ?"
    ))
    .bind(ids)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Decisions of a mechanism recorded at meetings before `before`, whose review date is on
/// or before `review_by`, that no meeting has settled (marked done or dropped).
pub async fn decisions_due(
    db: &Db,
    mechanism_id: i64,
    before: DateTime<Utc>,
    review_by: NaiveDate,
) -> AppResult<Vec<RecordedDecision>> {
    let rows: Vec<DecisionRow> = sqlx::query_as(&format!(
        "{DECISION_SELECT} WHERE d.mechanism_id = ? AND mt.starts_at < ? AND d.review_date IS NOT NULL
           AND d.review_date <= ?
           AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.decision_id = d.id AND f.outcome != 'carried')
         ORDER BY d.review_date, d.id"
    ))
    .bind(mechanism_id)
    .bind(ts(before))
    .bind(day(review_by))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// An open action point of a mechanism, with the start of the meeting that set it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct OpenAction {
    pub id: i64,
    pub what: String,
    pub acronym: String,
    pub due_date: String,
    pub starts_at: i64,
}

/// Action points of a mechanism set at meetings before `before`, still open and not dropped.
pub async fn open_actions_before(db: &Db, mechanism_id: i64, before: DateTime<Utc>) -> AppResult<Vec<OpenAction>> {
    sqlx::query_as(
        "SELECT a.id, a.what, o.acronym, a.due_date, mt.starts_at FROM action_points a
         JOIN meetings mt ON mt.id = a.meeting_id JOIN organisations o ON o.id = a.organisation_id
         WHERE mt.mechanism_id = ? AND mt.starts_at < ? AND a.status = 'open' AND a.dropped_at IS NULL
         ORDER BY a.due_date, a.id",
    )
    .bind(mechanism_id)
    .bind(ts(before))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// What meetings marked for a point, in the order of the meetings: (meeting start, outcome).
pub async fn history(db: &Db, item: FollowUpRef) -> AppResult<Vec<(DateTime<Utc>, Outcome)>> {
    let (column, id) = match item {
        FollowUpRef::Action(a) => ("action_point_id", a),
        FollowUpRef::Decision(d) => ("decision_id", d),
    };
    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT mt.starts_at, f.outcome FROM follow_ups f JOIN meetings mt ON mt.id = f.meeting_id
         WHERE f.{column} = ? ORDER BY mt.starts_at, f.id"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().filter_map(|(at, o)| Outcome::from_str(&o).ok().map(|o| (from_ts(at), o))).collect())
}

/// Whether an action point was dropped at a meeting.
pub async fn action_dropped(db: &Db, action_id: i64) -> AppResult<bool> {
    let dropped: Option<Option<i64>> = sqlx::query_scalar("SELECT dropped_at FROM action_points WHERE id = ?")
        .bind(action_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(dropped.flatten().is_some())
}

/// The register of a period, every mechanism: votes closed in [from, until) and decisions
/// recorded at meetings held then, as (mechanism code, what was decided), in order.
pub async fn register_between(db: &Db, from: DateTime<Utc>, until: DateTime<Utc>) -> AppResult<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT code, what FROM (
             SELECT k.code, v.question AS what, v.closed_at AS at, 0 AS kind, v.id FROM votes v
             JOIN mechanisms k ON k.id = v.mechanism_id WHERE v.closed_at >= ?1 AND v.closed_at < ?2
             UNION ALL
             SELECT k.code, d.what, mt.starts_at AS at, 1 AS kind, d.id FROM recorded_decisions d
             JOIN mechanisms k ON k.id = d.mechanism_id JOIN meetings mt ON mt.id = d.meeting_id
             WHERE mt.starts_at >= ?1 AND mt.starts_at < ?2)
         ORDER BY at, kind, id",
    )
    .bind(ts(from))
    .bind(ts(until))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}
