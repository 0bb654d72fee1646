//! Displacement alerts and the commitments asked of the organisations present where the
//! people moved: one aggregate, one module.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::alert::{AlertCause, AlertInput, AlertState, Commitment};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

/// A new alert as a member raised it: what they entered, and who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlert {
    pub input: AlertInput,
    pub raised_by: i64,
}

/// A stored alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: i64,
    pub pcode: String,
    pub movement_date: NaiveDate,
    pub households: u32,
    pub cause: AlertCause,
    pub verified: bool,
    pub source_nameable: bool,
    pub source: Option<String>,
    pub state: AlertState,
    pub raised_by: i64,
    pub raised_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct AlertRow {
    id: i64,
    pcode: String,
    movement_date: String,
    households: i64,
    cause: String,
    verified: i64,
    source_nameable: i64,
    source: Option<String>,
    state: String,
    raised_by: i64,
    raised_at: i64,
    decided_at: Option<i64>,
    closed_at: Option<i64>,
}

impl From<AlertRow> for Alert {
    fn from(r: AlertRow) -> Self {
        Alert {
            id: r.id,
            pcode: r.pcode,
            movement_date: r.movement_date.parse().unwrap_or_default(),
            households: u32::try_from(r.households).unwrap_or(0),
            cause: r.cause.parse().unwrap_or(AlertCause::Other),
            verified: r.verified != 0,
            source_nameable: r.source_nameable != 0,
            source: r.source,
            state: r.state.parse().unwrap_or(AlertState::Raised),
            raised_by: r.raised_by,
            raised_at: from_ts(r.raised_at),
            decided_at: r.decided_at.map(from_ts),
            closed_at: r.closed_at.map(from_ts),
        }
    }
}

const COLUMNS: &str = "id, pcode, movement_date, households, cause, verified, source_nameable, source, state,
    raised_by, raised_at, decided_at, closed_at";

/// Stores a raised alert in the caller's transaction; returns its id.
pub async fn insert_in(tx: &mut Tx, alert: &NewAlert, at: DateTime<Utc>) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO alerts (pcode, movement_date, households, cause, verified, source_nameable, source,
                             raised_by, raised_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
    )
    .bind(alert.input.pcode.as_str())
    .bind(alert.input.movement_date.to_string())
    .bind(i64::from(alert.input.households.get()))
    .bind(alert.input.cause.as_ref())
    .bind(alert.input.verified)
    .bind(alert.input.source_nameable)
    .bind(&alert.input.source)
    .bind(alert.raised_by)
    .bind(ts(at))
    .fetch_one(tx.conn())
    .await
    .map_err(internal)?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> AppResult<Option<Alert>> {
    let sql = format!("SELECT {COLUMNS} FROM alerts WHERE id = ?1");
    let row: Option<AlertRow> = sqlx::query_as(&sql).bind(id).fetch_optional(db.pool()).await.map_err(internal)?;
    Ok(row.map(Alert::from))
}

/// The same read inside a transaction, so a state change sees what it changes.
pub async fn get_in(tx: &mut Tx, id: i64) -> AppResult<Option<Alert>> {
    let sql = format!("SELECT {COLUMNS} FROM alerts WHERE id = ?1");
    let row: Option<AlertRow> = sqlx::query_as(&sql).bind(id).fetch_optional(tx.conn()).await.map_err(internal)?;
    Ok(row.map(Alert::from))
}

/// Moves an alert from `from` to `to`, recording who did it; false when it was no longer in
/// `from` (someone else decided first), so a second tap changes nothing.
pub async fn set_state_in(
    tx: &mut Tx,
    id: i64,
    from: AlertState,
    to: AlertState,
    by: i64,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let sql = if to == AlertState::Closed {
        "UPDATE alerts SET state = ?3, closed_by = ?4, closed_at = ?5 WHERE id = ?1 AND state = ?2"
    } else {
        "UPDATE alerts SET state = ?3, decided_by = ?4, decided_at = ?5 WHERE id = ?1 AND state = ?2"
    };
    let done = sqlx::query(sql)
        .bind(id)
        .bind(from.as_ref())
        .bind(to.as_ref())
        .bind(by)
        .bind(ts(at))
        .execute(tx.conn())
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// All alerts, or only the open ones (raised or validated), oldest first.
pub async fn list(db: &Db, open_only: bool) -> AppResult<Vec<Alert>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM alerts WHERE (?1 = 0 OR state IN ('raised', 'validated'))
         ORDER BY raised_at, id"
    );
    let rows: Vec<AlertRow> = sqlx::query_as(&sql).bind(open_only).fetch_all(db.pool()).await.map_err(internal)?;
    Ok(rows.into_iter().map(Alert::from).collect())
}

/// Records that an organisation was asked to commit (once per alert and organisation).
pub async fn request_commitment_in(
    tx: &mut Tx,
    alert_id: i64,
    organisation_id: i64,
    at: DateTime<Utc>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO alert_commitments (alert_id, organisation_id, requested_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
    )
    .bind(alert_id)
    .bind(organisation_id)
    .bind(ts(at))
    .execute(tx.conn())
    .await
    .map_err(internal)?;
    Ok(())
}

/// Records an organisation's answer; false when it was not asked for this alert. A later
/// answer replaces an earlier one (an organisation may change its mind until the alert closes).
pub async fn answer(
    db: &Db,
    alert_id: i64,
    organisation_id: i64,
    commitment: Commitment,
    by: i64,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE alert_commitments SET commitment = ?3, answered_by = ?4, answered_at = ?5
         WHERE alert_id = ?1 AND organisation_id = ?2",
    )
    .bind(alert_id)
    .bind(organisation_id)
    .bind(commitment.as_ref())
    .bind(by)
    .bind(ts(at))
    .execute(db.pool())
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// One organisation asked for an alert, and its answer if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedOrganisation {
    pub organisation_id: i64,
    pub acronym: String,
    pub commitment: Option<Commitment>,
    pub requested_at: DateTime<Utc>,
    pub reminded_at: Option<DateTime<Utc>>,
}

#[derive(FromRow)]
struct AskedRow {
    organisation_id: i64,
    acronym: String,
    commitment: Option<String>,
    requested_at: i64,
    reminded_at: Option<i64>,
}

/// The organisations asked for an alert, by acronym.
pub async fn asked(db: &Db, alert_id: i64) -> AppResult<Vec<AskedOrganisation>> {
    let rows: Vec<AskedRow> = sqlx::query_as(
        "SELECT c.organisation_id, o.acronym, c.commitment, c.requested_at, c.reminded_at
         FROM alert_commitments c JOIN organisations o ON o.id = c.organisation_id
         WHERE c.alert_id = ?1 ORDER BY o.acronym",
    )
    .bind(alert_id)
    .fetch_all(db.pool())
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| AskedOrganisation {
            organisation_id: r.organisation_id,
            acronym: r.acronym,
            commitment: r.commitment.and_then(|c| c.parse().ok()),
            requested_at: from_ts(r.requested_at),
            reminded_at: r.reminded_at.map(from_ts),
        })
        .collect())
}

/// Marks the organisations asked at or before `asked_by` that have not answered as reminded, in
/// the caller's transaction; returns their ids (an organisation is reminded once).
pub async fn mark_reminded_in(
    tx: &mut Tx,
    alert_id: i64,
    asked_by: DateTime<Utc>,
    at: DateTime<Utc>,
) -> AppResult<Vec<i64>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "UPDATE alert_commitments SET reminded_at = ?2
         WHERE alert_id = ?1 AND commitment IS NULL AND reminded_at IS NULL AND requested_at <= ?3
         RETURNING organisation_id",
    )
    .bind(alert_id)
    .bind(ts(at))
    .bind(ts(asked_by))
    .fetch_all(tx.conn())
    .await
    .map_err(internal)?;
    Ok(ids)
}

/// True when the P-code is a known cercle (level 2).
pub async fn cercle_exists(db: &Db, pcode: &str) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM admin_units WHERE pcode = ?1 AND level = 2")
        .bind(pcode)
        .fetch_one(db.pool())
        .await
        .map_err(internal)?;
    Ok(n > 0)
}

/// One organisation present in a cercle, with the sectors of its lines there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentOrganisation {
    pub organisation_id: i64,
    pub acronym: String,
    /// Sector codes, sorted, without repeats.
    pub sectors: Vec<String>,
}

/// Who is present in a cercle: the organisations with a line there in the last month that has
/// an approved 4W submission with lines in that cercle, and the sectors of those lines.
pub async fn present_in_cercle(db: &Db, cercle_pcode: &str) -> AppResult<Vec<PresentOrganisation>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "WITH approved AS (
             SELECT s.organisation_id, s.month, l.sector_code FROM fourw_lines l
             JOIN fourw_submissions s ON s.id = l.submission_id
             WHERE l.cercle_pcode = ?1 AND s.approved_at IS NOT NULL AND s.no_activity = 0),
         last AS (SELECT MAX(month) AS month FROM approved)
         SELECT DISTINCT a.organisation_id, o.acronym, a.sector_code
         FROM approved a JOIN last ON a.month = last.month
         JOIN organisations o ON o.id = a.organisation_id
         ORDER BY o.acronym, a.sector_code",
    )
    .bind(cercle_pcode)
    .fetch_all(db.pool())
    .await
    .map_err(internal)?;
    let mut out: Vec<PresentOrganisation> = Vec::new();
    for (id, acronym, sector) in rows {
        match out.last_mut() {
            Some(last) if last.organisation_id == id => last.sectors.push(sector),
            _ => out.push(PresentOrganisation { organisation_id: id, acronym, sectors: vec![sector] }),
        }
    }
    Ok(out)
}

/// (P-code, name) of the regions (level 1), by P-code.
pub async fn regions(db: &Db) -> AppResult<Vec<(String, String)>> {
    sqlx::query_as("SELECT pcode, name FROM admin_units WHERE level = 1 ORDER BY pcode")
        .fetch_all(db.pool())
        .await
        .map_err(internal)
}

/// (P-code, name) of the cercles (level 2) of a region, by P-code.
pub async fn cercles_of(db: &Db, region_pcode: &str) -> AppResult<Vec<(String, String)>> {
    sqlx::query_as("SELECT pcode, name FROM admin_units WHERE level = 2 AND parent_pcode = ?1 ORDER BY pcode")
        .bind(region_pcode)
        .fetch_all(db.pool())
        .await
        .map_err(internal)
}

/// A cercle's name and its region's P-code and name.
pub async fn cercle_place(db: &Db, cercle_pcode: &str) -> AppResult<Option<(String, String, String)>> {
    sqlx::query_as(
        "SELECT c.name, r.pcode, r.name FROM admin_units c JOIN admin_units r ON r.pcode = c.parent_pcode
         WHERE c.pcode = ?1 AND c.level = 2",
    )
    .bind(cercle_pcode)
    .fetch_optional(db.pool())
    .await
    .map_err(internal)
}
