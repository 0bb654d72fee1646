//! Votes, their electorate, the ballots (one per organisation) and hand-overs.

use super::reference::MechRow;
use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::vote::{Choices, Refusal, Secrecy, Tally, Vote};
use crate::domain::{AppError, AppResult, Role};
use chrono::{DateTime, Utc};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;
use std::str::FromStr;

#[derive(FromRow)]
struct VoteRow {
    id: i64,
    meeting_id: Option<i64>,
    question: String,
    choices: String,
    secrecy: String,
    quorum_percent: i64,
    opens_at: i64,
    alternate_from: i64,
    closes_at: i64,
    closed_at: Option<i64>,
    result: Option<String>,
    created_by: Option<i64>,
    m_id: i64,
    m_code: String,
    m_name_fr: String,
    m_name_en: String,
}

impl TryFrom<VoteRow> for Vote {
    type Error = AppError;

    fn try_from(r: VoteRow) -> AppResult<Vote> {
        Ok(Vote {
            id: r.id,
            mechanism: MechRow { id: r.m_id, code: r.m_code, name_fr: r.m_name_fr, name_en: r.m_name_en }.into(),
            meeting_id: r.meeting_id,
            question: r.question,
            choices: serde_json::from_str(&r.choices).map_err(AppError::internal)?,
            secrecy: Secrecy::from_str(&r.secrecy).map_err(AppError::internal)?,
            quorum_percent: u8::try_from(r.quorum_percent).map_err(AppError::internal)?,
            opens_at: from_ts(r.opens_at),
            alternate_from: from_ts(r.alternate_from),
            closes_at: from_ts(r.closes_at),
            closed_at: r.closed_at.map(from_ts),
            result: r.result.as_deref().map(serde_json::from_str).transpose().map_err(AppError::internal)?,
            created_by: r.created_by,
        })
    }
}

const SELECT: &str = "SELECT v.id, v.meeting_id, v.question, v.choices, v.secrecy, v.quorum_percent, v.opens_at,
        v.alternate_from, v.closes_at, v.closed_at, v.result, v.created_by,
        m.id AS m_id, m.code AS m_code, m.name_fr AS m_name_fr, m.name_en AS m_name_en
    FROM votes v JOIN mechanisms m ON m.id = v.mechanism_id";

pub struct NewVote<'a> {
    pub mechanism_id: i64,
    pub meeting_id: Option<i64>,
    pub question: &'a str,
    pub choices: &'a Choices,
    pub secrecy: Secrecy,
    pub quorum_percent: u8,
    pub opens_at: DateTime<Utc>,
    pub alternate_from: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub created_by: Option<i64>,
    /// The member organisations entitled to vote.
    pub electorate: &'a [i64],
}

/// Saves a vote and its electorate together.
pub async fn insert(db: &Db, v: NewVote<'_>) -> AppResult<i64> {
    let mut tx = super::write_tx(db).await?;
    let out = insert_on(&mut tx, v).await?;
    tx.commit().await.map_err(internal)?;
    Ok(out)
}

/// [`insert`] inside a use case's transaction.
pub async fn insert_in(tx: &mut Tx, v: NewVote<'_>) -> AppResult<i64> {
    insert_on(tx.conn(), v).await
}

async fn insert_on(c: &mut SqliteConnection, v: NewVote<'_>) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO votes (mechanism_id, meeting_id, question, choices, secrecy, quorum_percent, opens_at,
            alternate_from, closes_at, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(v.mechanism_id)
    .bind(v.meeting_id)
    .bind(v.question)
    .bind(serde_json::to_string(v.choices).map_err(AppError::internal)?)
    .bind(v.secrecy.as_ref())
    .bind(v.quorum_percent as i64)
    .bind(ts(v.opens_at))
    .bind(ts(v.alternate_from))
    .bind(ts(v.closes_at))
    .bind(v.created_by)
    .bind(ts(v.opens_at))
    .fetch_one(&mut *c)
    .await
    .map_err(internal)?;
    for org in v.electorate {
        sqlx::query("INSERT INTO vote_electorate (vote_id, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(org)
            .execute(&mut *c)
            .await
            .map_err(internal)?;
    }
    Ok(id)
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Vote>> {
    by_id_on(&mut *db.pool.acquire().await.map_err(internal)?, id).await
}

/// [`by_id`] inside a use case's transaction.
pub async fn by_id_in(tx: &mut Tx, id: i64) -> AppResult<Option<Vote>> {
    by_id_on(tx.conn(), id).await
}

async fn by_id_on(c: &mut SqliteConnection, id: i64) -> AppResult<Option<Vote>> {
    let row: Option<VoteRow> =
        sqlx::query_as(&format!("{SELECT} WHERE v.id = ?")).bind(id).fetch_optional(&mut *c).await.map_err(internal)?;
    row.map(Vote::try_from).transpose()
}

/// The votes whose result is not recorded yet (open, or past their closing time but not closed).
pub async fn unclosed(db: &Db) -> AppResult<Vec<Vote>> {
    let rows: Vec<VoteRow> = sqlx::query_as(&format!("{SELECT} WHERE v.closed_at IS NULL ORDER BY v.id"))
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    rows.into_iter().map(Vote::try_from).collect()
}

/// Votes of the given mechanisms, newest first (`limit` of them).
pub async fn of_mechanisms(db: &Db, mechanism_ids: &[i64], limit: i64) -> AppResult<Vec<Vote>> {
    if mechanism_ids.is_empty() {
        return Ok(vec![]);
    }
    let ids = serde_json::to_string(mechanism_ids).map_err(AppError::internal)?;
    let rows: Vec<VoteRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE v.mechanism_id IN (SELECT value FROM json_each(?)) ORDER BY v.closes_at DESC, v.id DESC LIMIT ?"
    ))
    .bind(ids)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    rows.into_iter().map(Vote::try_from).collect()
}

/// The closed votes attached to a meeting (for its minutes' summary).
pub async fn of_meeting(db: &Db, meeting_id: i64) -> AppResult<Vec<Vote>> {
    let rows: Vec<VoteRow> = sqlx::query_as(&format!("{SELECT} WHERE v.meeting_id = ? ORDER BY v.closes_at, v.id"))
        .bind(meeting_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    rows.into_iter().map(Vote::try_from).collect()
}

pub async fn electorate(db: &Db, vote_id: i64) -> AppResult<Vec<i64>> {
    sqlx::query_scalar("SELECT organisation_id FROM vote_electorate WHERE vote_id = ? ORDER BY organisation_id")
        .bind(vote_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

/// What an organisation's ballot held before a cast: nothing, or the previous choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cast {
    First,
    Same,
    Changed { from: usize },
}

/// Who casts a ballot: the seat (focal point or alternate) and, for an open vote only, the
/// person; a secret vote never records the person.
#[derive(Debug, Clone, Copy)]
pub struct Caster {
    pub seat: Role,
    pub person: Option<i64>,
}

fn seat_code(seat: Role) -> &'static str {
    if seat == Role::Alternate { "alternate" } else { "focal" }
}

/// Records an organisation's choice, in one statement per step of one transaction, only
/// while the vote is open at `now` and, for the alternate, only when the focal point has not
/// cast the organisation's vote (both checked again here, against the rows).
pub async fn cast(
    db: &Db,
    vote_id: i64,
    organisation_id: i64,
    choice: usize,
    by: Caster,
    now: DateTime<Utc>,
) -> AppResult<Result<Cast, Refusal>> {
    let mut tx = super::write_tx(db).await?;
    let open: Option<i64> =
        sqlx::query_scalar("SELECT id FROM votes WHERE id = ? AND closed_at IS NULL AND closes_at > ?")
            .bind(vote_id)
            .bind(ts(now))
            .fetch_optional(&mut *tx)
            .await
            .map_err(internal)?;
    if open.is_none() {
        return Ok(Err(Refusal::Closed));
    }
    let before: Option<(i64, String)> = sqlx::query_as(
        "SELECT choice, cast_seat FROM ballots WHERE vote_id = ? AND organisation_id = ? AND choice IS NOT NULL",
    )
    .bind(vote_id)
    .bind(organisation_id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?;
    if by.seat == Role::Alternate && before.as_ref().is_some_and(|(_, seat)| seat == "focal") {
        return Ok(Err(Refusal::FocalVoted));
    }
    let outcome = match before {
        None => Cast::First,
        Some((b, _)) if b as usize == choice => Cast::Same,
        Some((b, _)) => Cast::Changed { from: b as usize },
    };
    if outcome != Cast::Same {
        sqlx::query(
            "INSERT INTO ballots (vote_id, organisation_id, choice, cast_seat, cast_by, cast_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (vote_id, organisation_id) DO UPDATE SET choice = excluded.choice,
                cast_seat = excluded.cast_seat, cast_by = excluded.cast_by, cast_at = excluded.cast_at,
                changes = changes + 1",
        )
        .bind(vote_id)
        .bind(organisation_id)
        .bind(choice as i64)
        .bind(seat_code(by.seat))
        .bind(by.person)
        .bind(ts(now))
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    Ok(Ok(outcome))
}

/// One organisation's ballot, for the chair of an open vote and for tallying.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Ballot {
    pub organisation_id: i64,
    pub acronym: String,
    pub choice: i64,
    pub changes: i64,
}

/// The ballots that still hold a choice (none of a closed secret vote).
pub async fn ballots(db: &Db, vote_id: i64) -> AppResult<Vec<Ballot>> {
    sqlx::query_as(
        "SELECT b.organisation_id, o.acronym, b.choice, b.changes FROM ballots b
         JOIN organisations o ON o.id = b.organisation_id WHERE b.vote_id = ? AND b.choice IS NOT NULL
         ORDER BY o.acronym COLLATE NOCASE",
    )
    .bind(vote_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// The organisations that took part (kept after closing, secret or not).
pub async fn voters(db: &Db, vote_id: i64) -> AppResult<Vec<i64>> {
    sqlx::query_scalar("SELECT organisation_id FROM ballots WHERE vote_id = ? ORDER BY organisation_id")
        .bind(vote_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

pub async fn ballot_of(db: &Db, vote_id: i64, organisation_id: i64) -> AppResult<Option<usize>> {
    let c: Option<i64> = sqlx::query_scalar(
        "SELECT choice FROM ballots WHERE vote_id = ? AND organisation_id = ? AND choice IS NOT NULL",
    )
    .bind(vote_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    Ok(c.map(|c| c as usize))
}

/// Whether the organisation's current vote was cast by its focal point.
pub async fn focal_voted(db: &Db, vote_id: i64, organisation_id: i64) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ballots WHERE vote_id = ? AND organisation_id = ? AND cast_seat = 'focal'",
    )
    .bind(vote_id)
    .bind(organisation_id)
    .fetch_one(&db.pool)
    .await
    .map_err(internal)?;
    Ok(n > 0)
}

/// Records a hand-over once. Returns true when it is new.
pub async fn hand_over(db: &Db, vote_id: i64, organisation_id: i64, by: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "INSERT INTO vote_handovers (vote_id, organisation_id, by_person, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(vote_id)
    .bind(organisation_id)
    .bind(by)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

pub async fn handed_over(db: &Db, vote_id: i64, organisation_id: i64) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM vote_handovers WHERE vote_id = ? AND organisation_id = ?")
        .bind(vote_id)
        .bind(organisation_id)
        .fetch_one(&db.pool)
        .await
        .map_err(internal)?;
    Ok(n > 0)
}

/// Closes a vote once (the first closing wins) in one transaction: counts the ballots of the
/// electorate with `count` (electorate size, choices), records the result and, for a secret
/// vote, erases each organisation's choice, seat, person and time, keeping only which
/// organisations took part. Returns true when recorded now.
pub async fn close(
    db: &Db,
    vote_id: i64,
    secret: bool,
    now: DateTime<Utc>,
    count: impl FnOnce(usize, &[usize]) -> Tally,
) -> AppResult<bool> {
    let mut tx = super::write_tx(db).await?;
    let electorate: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM vote_electorate WHERE vote_id = ?")
        .bind(vote_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?;
    let choices: Vec<i64> = sqlx::query_scalar(
        "SELECT b.choice FROM ballots b
         JOIN vote_electorate e ON e.vote_id = b.vote_id AND e.organisation_id = b.organisation_id
         WHERE b.vote_id = ? AND b.choice IS NOT NULL",
    )
    .bind(vote_id)
    .fetch_all(&mut *tx)
    .await
    .map_err(internal)?;
    let choices: Vec<usize> = choices.into_iter().map(|c| c as usize).collect();
    let tally = count(electorate as usize, &choices);
    let done = sqlx::query("UPDATE votes SET closed_at = ?, result = ? WHERE id = ? AND closed_at IS NULL")
        .bind(ts(now))
        .bind(serde_json::to_string(&tally).map_err(AppError::internal)?)
        .bind(vote_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    if secret {
        sqlx::query(
            "UPDATE ballots SET choice = NULL, cast_seat = NULL, cast_by = NULL, cast_at = NULL, changes = 0
             WHERE vote_id = ?",
        )
        .bind(vote_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    if secret {
        // The erased choices must not linger in the write-ahead log either.
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&db.pool).await {
            tracing::warn!(error = %e, vote_id, "could not checkpoint after erasing a secret vote's choices");
        }
    }
    Ok(done.rows_affected() == 1)
}

/// Votes cast by an organisation in a mechanism among the votes that closed in [from, to),
/// and how many of those it was entitled to: (cast, entitled).
pub async fn participation(
    db: &Db,
    mechanism_id: i64,
    organisation_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<(i64, i64)> {
    sqlx::query_as(
        "SELECT COUNT(b.vote_id), COUNT(*) FROM votes v
         JOIN vote_electorate e ON e.vote_id = v.id AND e.organisation_id = ?
         LEFT JOIN ballots b ON b.vote_id = v.id AND b.organisation_id = e.organisation_id
         WHERE v.mechanism_id = ? AND v.closes_at >= ? AND v.closes_at < ?",
    )
    .bind(organisation_id)
    .bind(mechanism_id)
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}
