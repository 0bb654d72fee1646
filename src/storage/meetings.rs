//! Meetings, series, answers, invitation messages and attendance.

use super::reference::MechRow;
use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::meeting::{MeetingKind, MonthlyRule, RsvpAnswer};
use crate::domain::{AppResult, Meeting, Role};
use chrono::{DateTime, Datelike, Utc};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

#[derive(FromRow)]
struct MeetingRow {
    id: i64,
    uid: String,
    series_id: Option<i64>,
    starts_at: i64,
    duration_minutes: i64,
    place: Option<String>,
    agenda: Option<String>,
    kind: String,
    status: String,
    sequence: i64,
    invitations_sent_at: Option<i64>,
    m_id: i64,
    m_code: String,
    m_name_fr: String,
    m_name_en: String,
}

impl From<MeetingRow> for Meeting {
    fn from(r: MeetingRow) -> Self {
        Meeting {
            id: r.id,
            uid: r.uid,
            mechanism: MechRow { id: r.m_id, code: r.m_code, name_fr: r.m_name_fr, name_en: r.m_name_en }.into(),
            series_id: r.series_id,
            starts_at: from_ts(r.starts_at),
            duration_minutes: r.duration_minutes,
            place: r.place,
            agenda: r.agenda,
            kind: MeetingKind::parse(&r.kind).unwrap_or(MeetingKind::Regular),
            cancelled: r.status == "cancelled",
            sequence: r.sequence,
            invitations_sent_at: r.invitations_sent_at.map(from_ts),
        }
    }
}

const SELECT: &str = "SELECT mt.id, mt.uid, mt.series_id, mt.starts_at, mt.duration_minutes, mt.place, mt.agenda,
        mt.kind, mt.status, mt.sequence, mt.invitations_sent_at,
        m.id AS m_id, m.code AS m_code, m.name_fr AS m_name_fr, m.name_en AS m_name_en
    FROM meetings mt JOIN mechanisms m ON m.id = mt.mechanism_id";

pub struct NewMeeting<'a> {
    pub uid: &'a str,
    pub mechanism_id: i64,
    pub series_id: Option<i64>,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub place: Option<&'a str>,
    pub agenda: Option<&'a str>,
    pub kind: MeetingKind,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_series(db: &Db, mechanism_id: i64, rule: &MonthlyRule, now: DateTime<Utc>) -> AppResult<i64> {
    insert_series_on(&mut *db.pool.acquire().await.map_err(internal)?, mechanism_id, rule, now).await
}

/// [`insert_series`] inside a use case's transaction.
pub async fn insert_series_in(
    tx: &mut Tx,
    mechanism_id: i64,
    rule: &MonthlyRule,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    insert_series_on(tx.conn(), mechanism_id, rule, now).await
}

async fn insert_series_on(
    c: &mut SqliteConnection,
    mechanism_id: i64,
    rule: &MonthlyRule,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    sqlx::query_scalar(
        "INSERT INTO meeting_series (mechanism_id, weekday, nth, local_time, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(mechanism_id)
    .bind(rule.weekday.num_days_from_monday() as i64)
    .bind(rule.nth as i64)
    .bind(rule.local_time.format("%H:%M").to_string())
    .bind(ts(now))
    .fetch_one(&mut *c)
    .await
    .map_err(internal)
}

pub async fn insert(db: &Db, m: NewMeeting<'_>) -> AppResult<i64> {
    insert_on(&mut *db.pool.acquire().await.map_err(internal)?, m).await
}

/// [`insert`] inside a use case's transaction.
pub async fn insert_in(tx: &mut Tx, m: NewMeeting<'_>) -> AppResult<i64> {
    insert_on(tx.conn(), m).await
}

async fn insert_on(c: &mut SqliteConnection, m: NewMeeting<'_>) -> AppResult<i64> {
    sqlx::query_scalar(
        "INSERT INTO meetings (uid, mechanism_id, series_id, starts_at, duration_minutes, place, agenda, kind, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(m.uid)
    .bind(m.mechanism_id)
    .bind(m.series_id)
    .bind(ts(m.starts_at))
    .bind(m.duration_minutes)
    .bind(m.place)
    .bind(m.agenda)
    .bind(m.kind.as_str())
    .bind(m.created_by)
    .bind(ts(m.created_at))
    .fetch_one(&mut *c)
    .await
    .map_err(internal)
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Meeting>> {
    by_id_on(&mut *db.pool.acquire().await.map_err(internal)?, id).await
}

/// [`by_id`] inside a use case's transaction.
pub async fn by_id_in(tx: &mut Tx, id: i64) -> AppResult<Option<Meeting>> {
    by_id_on(tx.conn(), id).await
}

async fn by_id_on(c: &mut SqliteConnection, id: i64) -> AppResult<Option<Meeting>> {
    let row: Option<MeetingRow> = sqlx::query_as(&format!("{SELECT} WHERE mt.id = ?"))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

/// Scheduled meetings starting in [from, to), optionally of one mechanism.
pub async fn between(
    db: &Db,
    mechanism_id: Option<i64>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    include_cancelled: bool,
) -> AppResult<Vec<Meeting>> {
    let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE mt.starts_at >= ? AND mt.starts_at < ? AND (? IS NULL OR mt.mechanism_id = ?)
         AND (? OR mt.status = 'scheduled') ORDER BY mt.starts_at, mt.id"
    ))
    .bind(ts(from))
    .bind(ts(to))
    .bind(mechanism_id)
    .bind(mechanism_id)
    .bind(include_cancelled)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// The last meetings of a mechanism that have ended by `now`, newest first.
pub async fn past(db: &Db, mechanism_id: i64, now: DateTime<Utc>, limit: i64) -> AppResult<Vec<Meeting>> {
    let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE mt.mechanism_id = ? AND mt.status = 'scheduled' AND mt.starts_at + mt.duration_minutes * 60 <= ?
         ORDER BY mt.starts_at DESC LIMIT ?"
    ))
    .bind(mechanism_id)
    .bind(ts(now))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Moves a meeting and raises its SEQUENCE. Returns the new sequence.
pub async fn reschedule(db: &Db, id: i64, starts_at: DateTime<Utc>, duration_minutes: i64) -> AppResult<i64> {
    reschedule_on(&mut *db.pool.acquire().await.map_err(internal)?, id, starts_at, duration_minutes).await
}

/// [`reschedule`] inside a use case's transaction.
pub async fn reschedule_in(tx: &mut Tx, id: i64, starts_at: DateTime<Utc>, duration_minutes: i64) -> AppResult<i64> {
    reschedule_on(tx.conn(), id, starts_at, duration_minutes).await
}

async fn reschedule_on(
    c: &mut SqliteConnection,
    id: i64,
    starts_at: DateTime<Utc>,
    duration_minutes: i64,
) -> AppResult<i64> {
    sqlx::query_scalar(
        "UPDATE meetings SET starts_at = ?, duration_minutes = ?, sequence = sequence + 1 WHERE id = ? RETURNING sequence",
    )
    .bind(ts(starts_at))
    .bind(duration_minutes)
    .bind(id)
    .fetch_one(&mut *c)
    .await
    .map_err(internal)
}

pub async fn cancel(db: &Db, id: i64) -> AppResult<i64> {
    cancel_on(&mut *db.pool.acquire().await.map_err(internal)?, id).await
}

/// [`cancel`] inside a use case's transaction.
pub async fn cancel_in(tx: &mut Tx, id: i64) -> AppResult<i64> {
    cancel_on(tx.conn(), id).await
}

async fn cancel_on(c: &mut SqliteConnection, id: i64) -> AppResult<i64> {
    sqlx::query_scalar(
        "UPDATE meetings SET status = 'cancelled', sequence = sequence + 1 WHERE id = ? RETURNING sequence",
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await
    .map_err(internal)
}

pub async fn mark_invitations_sent(db: &Db, id: i64, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query("UPDATE meetings SET invitations_sent_at = COALESCE(invitations_sent_at, ?) WHERE id = ?")
        .bind(ts(now))
        .bind(id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

/// Mechanisms (of those given) with a scheduled meeting in [from, to).
pub async fn mechanisms_with_meetings(db: &Db, from: DateTime<Utc>, to: DateTime<Utc>) -> AppResult<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT DISTINCT mechanism_id FROM meetings WHERE status = 'scheduled' AND starts_at >= ? AND starts_at < ?",
    )
    .bind(ts(from))
    .bind(ts(to))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

// ------------------------------------------------------------ answers

pub async fn answer(db: &Db, meeting_id: i64, organisation_id: i64) -> AppResult<Option<RsvpAnswer>> {
    let a: Option<String> = sqlx::query_scalar("SELECT answer FROM rsvps WHERE meeting_id = ? AND organisation_id = ?")
        .bind(meeting_id)
        .bind(organisation_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(a.as_deref().and_then(RsvpAnswer::parse))
}

pub async fn answers(db: &Db, meeting_id: i64) -> AppResult<Vec<(i64, RsvpAnswer)>> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT organisation_id, answer FROM rsvps WHERE meeting_id = ?")
        .bind(meeting_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().filter_map(|(o, a)| RsvpAnswer::parse(&a).map(|a| (o, a))).collect())
}

/// Records the organisation's answer. Returns the previous one.
pub async fn set_answer(
    db: &Db,
    meeting_id: i64,
    organisation_id: i64,
    answer: RsvpAnswer,
    by: i64,
    now: DateTime<Utc>,
) -> AppResult<Option<RsvpAnswer>> {
    let mut tx = super::write_tx(db).await?;
    let before: Option<String> =
        sqlx::query_scalar("SELECT answer FROM rsvps WHERE meeting_id = ? AND organisation_id = ?")
            .bind(meeting_id)
            .bind(organisation_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(internal)?;
    sqlx::query(
        "INSERT INTO rsvps (meeting_id, organisation_id, answer, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET answer = excluded.answer,
            answered_by = excluded.answered_by, answered_at = excluded.answered_at",
    )
    .bind(meeting_id)
    .bind(organisation_id)
    .bind(answer.as_str())
    .bind(by)
    .bind(ts(now))
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(before.as_deref().and_then(RsvpAnswer::parse))
}

// ------------------------------------------------------------ invitation messages

#[derive(Debug, Clone, FromRow)]
pub struct InvitationMessage {
    pub person_id: i64,
    pub organisation_id: i64,
    pub role: String,
    pub chat_id: i64,
    pub message_id: i64,
    pub with_document: bool,
}

impl InvitationMessage {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Focal)
    }
}

#[allow(clippy::too_many_arguments)]
pub async fn record_invitation_message(
    db: &Db,
    meeting_id: i64,
    person_id: i64,
    organisation_id: i64,
    role: Role,
    chat_id: i64,
    message_id: i64,
    with_document: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO invitation_messages (meeting_id, person_id, organisation_id, role, chat_id, message_id, with_document, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id, person_id, organisation_id) DO UPDATE SET message_id = excluded.message_id,
            chat_id = excluded.chat_id, with_document = excluded.with_document, sent_at = excluded.sent_at, role = excluded.role",
    )
    .bind(meeting_id)
    .bind(person_id)
    .bind(organisation_id)
    .bind(role.as_str())
    .bind(chat_id)
    .bind(message_id)
    .bind(with_document)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

pub async fn invitation_messages(
    db: &Db,
    meeting_id: i64,
    organisation_id: Option<i64>,
) -> AppResult<Vec<InvitationMessage>> {
    sqlx::query_as(
        "SELECT person_id, organisation_id, role, chat_id, message_id, with_document FROM invitation_messages
         WHERE meeting_id = ? AND (? IS NULL OR organisation_id = ?) ORDER BY person_id",
    )
    .bind(meeting_id)
    .bind(organisation_id)
    .bind(organisation_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

// ------------------------------------------------------------ attendance

pub async fn set_attendance(
    db: &Db,
    meeting_id: i64,
    marks: &[(i64, bool)],
    by: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut tx = super::write_tx(db).await?;
    for (org, present) in marks {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, organisation_id, present, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET present = excluded.present,
                marked_by = excluded.marked_by, marked_at = excluded.marked_at",
        )
        .bind(meeting_id)
        .bind(org)
        .bind(present)
        .bind(by)
        .bind(ts(now))
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    Ok(())
}

pub async fn attendance(db: &Db, meeting_id: i64) -> AppResult<Vec<(i64, bool)>> {
    sqlx::query_as("SELECT organisation_id, present FROM attendance WHERE meeting_id = ?")
        .bind(meeting_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

/// Attendance of one organisation over the marked meetings of a mechanism, oldest first.
pub async fn attendance_history(db: &Db, mechanism_id: i64, organisation_id: i64, limit: i64) -> AppResult<Vec<bool>> {
    let mut rows: Vec<bool> = sqlx::query_scalar(
        "SELECT a.present FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id
         WHERE mt.mechanism_id = ? AND a.organisation_id = ? AND mt.status = 'scheduled'
         ORDER BY mt.starts_at DESC LIMIT ?",
    )
    .bind(mechanism_id)
    .bind(organisation_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    rows.reverse();
    Ok(rows)
}

/// Helper for the year and month of a UTC time in a zone (used by nudges).
pub fn year_month(at: DateTime<chrono_tz::Tz>) -> (i32, u32) {
    (at.year(), at.month())
}
