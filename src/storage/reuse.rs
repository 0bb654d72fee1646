//! Requests to reuse a document or minutes outside the mechanism, and the answers of the
//! source organisation and of a coordinator.

use super::sensitivity::Item;
use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::sensitivity::{Answers, Party, ReuseState};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: i64,
    pub item: Item,
    pub requester_id: i64,
    pub source_organisation_id: i64,
    pub purpose: String,
    pub audience: String,
    pub state: ReuseState,
    pub created_at: DateTime<Utc>,
}

/// One party's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub party: Party,
    pub person_id: i64,
    pub approved: bool,
    pub reason: Option<String>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    document_id: Option<i64>,
    minutes_id: Option<i64>,
    requester_id: i64,
    source_organisation_id: i64,
    purpose: String,
    audience: String,
    state: String,
    created_at: i64,
}

impl From<Row> for Request {
    fn from(r: Row) -> Self {
        Request {
            id: r.id,
            item: match (r.document_id, r.minutes_id) {
                (Some(d), _) => Item::Document(d),
                (None, m) => Item::Minutes(m.unwrap_or_default()),
            },
            requester_id: r.requester_id,
            source_organisation_id: r.source_organisation_id,
            purpose: r.purpose,
            audience: r.audience,
            state: r.state.parse().unwrap_or(ReuseState::Pending),
            created_at: from_ts(r.created_at),
        }
    }
}

const COLUMNS: &str =
    "id, document_id, minutes_id, requester_id, source_organisation_id, purpose, audience, state, created_at";

pub struct NewRequest<'a> {
    pub item: Item,
    pub requester_id: i64,
    pub source_organisation_id: i64,
    pub purpose: &'a str,
    pub audience: &'a str,
    pub now: DateTime<Utc>,
}

pub async fn insert_in(tx: &mut Tx, r: NewRequest<'_>) -> AppResult<i64> {
    let (doc, min) = match r.item {
        Item::Document(d) => (Some(d), None),
        Item::Minutes(m) => (None, Some(m)),
    };
    sqlx::query_scalar(
        "INSERT INTO reuse_requests (document_id, minutes_id, requester_id, source_organisation_id, purpose,
                                     audience, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(doc)
    .bind(min)
    .bind(r.requester_id)
    .bind(r.source_organisation_id)
    .bind(r.purpose)
    .bind(r.audience)
    .bind(ts(r.now))
    .fetch_one(tx.conn())
    .await
    .map_err(internal)
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Request>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM reuse_requests WHERE id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn answers(db: &Db, id: i64) -> AppResult<Vec<Answer>> {
    let rows: Vec<(String, i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT party, person_id, approved, reason FROM reuse_answers WHERE request_id = ? ORDER BY answered_at",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .filter_map(|(party, person_id, approved, reason)| {
            Some(Answer { party: party.parse().ok()?, person_id, approved: approved != 0, reason })
        })
        .collect())
}

/// The answers as the state machine sees them.
pub fn summary(answers: &[Answer]) -> Answers {
    let of = |p: Party| answers.iter().find(|a| a.party == p).map(|a| a.approved);
    Answers { source: of(Party::Source), coordinator: of(Party::Coordinator) }
}

/// Records a party's answer and the request's new state, in the caller's transaction.
/// Returns false when that party had already answered (the first answer counts).
pub async fn answer_in(tx: &mut Tx, id: i64, a: &Answer, state: ReuseState, now: DateTime<Utc>) -> AppResult<bool> {
    let c = tx.conn();
    let done = sqlx::query(
        "INSERT OR IGNORE INTO reuse_answers (request_id, party, person_id, approved, reason, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(a.party.as_ref())
    .bind(a.person_id)
    .bind(i64::from(a.approved))
    .bind(a.reason.as_deref())
    .bind(ts(now))
    .execute(&mut *c)
    .await
    .map_err(internal)?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let decided = (state != ReuseState::Pending).then(|| ts(now));
    sqlx::query("UPDATE reuse_requests SET state = ?, decided_at = ? WHERE id = ? AND state = 'pending'")
        .bind(state.as_ref())
        .bind(decided)
        .bind(id)
        .execute(&mut *c)
        .await
        .map_err(internal)?;
    Ok(true)
}

/// Requests that concern a person: made by them, from one of the organisations, or every
/// request for a coordinator; newest first.
pub async fn concerning(db: &Db, person_id: i64, organisations: &[i64], coordinator: bool) -> AppResult<Vec<Request>> {
    let json = serde_json::to_string(organisations).unwrap_or_else(|_| "[]".into());
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reuse_requests
         WHERE ?3 OR requester_id = ?1 OR source_organisation_id IN (SELECT value FROM json_each(?2))
         ORDER BY created_at DESC, id DESC LIMIT 50"
    ))
    .bind(person_id)
    .bind(json)
    .bind(coordinator)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Every request, newest first (the command line).
pub async fn all(db: &Db) -> AppResult<Vec<Request>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM reuse_requests ORDER BY created_at DESC, id DESC"))
            .fetch_all(&db.pool)
            .await
            .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}
