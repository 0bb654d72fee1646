use super::reference::{MechRow, OrgRow};
use super::{Db, from_ts, internal, ts};
use crate::domain::{AppResult, Invitation, Role};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

pub struct NewInvitation<'a> {
    pub code_hash: &'a str,
    pub organisation_id: i64,
    pub mechanism_id: i64,
    pub role: Role,
    pub replace_existing: bool,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(db: &Db, inv: NewInvitation<'_>) -> AppResult<i64> {
    sqlx::query_scalar(
        "INSERT INTO invitations (code_hash, organisation_id, mechanism_id, role, replace_existing, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(inv.code_hash)
    .bind(inv.organisation_id)
    .bind(inv.mechanism_id)
    .bind(inv.role.as_str())
    .bind(inv.replace_existing)
    .bind(inv.created_by)
    .bind(ts(inv.created_at))
    .bind(ts(inv.expires_at))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}

#[derive(FromRow)]
struct InvRow {
    id: i64,
    role: String,
    replace_existing: bool,
    expires_at: i64,
    used_at: Option<i64>,
    o_id: i64,
    o_acronym: String,
    o_full_name: String,
    o_kind: String,
    o_observer: bool,
    o_observer_reports: bool,
    m_id: i64,
    m_code: String,
    m_name_fr: String,
    m_name_en: String,
}

impl InvRow {
    fn into_invitation(self) -> Invitation {
        Invitation {
            id: self.id,
            organisation: OrgRow {
                id: self.o_id,
                acronym: self.o_acronym,
                full_name: self.o_full_name,
                kind: self.o_kind,
                observer: self.o_observer,
                observer_reports: self.o_observer_reports,
            }
            .into(),
            mechanism: MechRow { id: self.m_id, code: self.m_code, name_fr: self.m_name_fr, name_en: self.m_name_en }
                .into(),
            role: Role::parse(&self.role).unwrap_or(Role::Focal),
            replace_existing: self.replace_existing,
            expires_at: from_ts(self.expires_at),
            used_at: self.used_at.map(from_ts),
        }
    }
}

const SELECT: &str = "SELECT i.id, i.role, i.replace_existing, i.expires_at, i.used_at,
        o.id AS o_id, o.acronym AS o_acronym, o.full_name AS o_full_name, o.kind AS o_kind, o.observer AS o_observer, o.observer_reports AS o_observer_reports,
        m.id AS m_id, m.code AS m_code, m.name_fr AS m_name_fr, m.name_en AS m_name_en
    FROM invitations i
    JOIN organisations o ON o.id = i.organisation_id
    JOIN mechanisms m ON m.id = i.mechanism_id";

pub async fn by_hash(db: &Db, code_hash: &str) -> AppResult<Option<Invitation>> {
    let row: Option<InvRow> = sqlx::query_as(&format!("{SELECT} WHERE i.code_hash = ?"))
        .bind(code_hash)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(InvRow::into_invitation))
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Invitation>> {
    let row: Option<InvRow> = sqlx::query_as(&format!("{SELECT} WHERE i.id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(InvRow::into_invitation))
}

#[derive(FromRow)]
struct PendingRow {
    id: i64,
    org: String,
    mech: String,
    mech_id: i64,
    role: String,
    replace_existing: bool,
    issued_by: Option<String>,
    issued_by_id: Option<i64>,
    issued_by_coordinator: bool,
    created_at: i64,
    expires_at: i64,
}

/// Invitations still usable at `now`, optionally of some mechanisms only.
pub async fn pending(db: &Db, now: DateTime<Utc>) -> AppResult<Vec<crate::domain::PendingInvitation>> {
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT i.id, o.acronym AS org, m.code AS mech, m.id AS mech_id, i.role, i.replace_existing,
                p.display_name AS issued_by, i.created_by AS issued_by_id,
                EXISTS (SELECT 1 FROM coordinators c WHERE c.person_id = i.created_by) AS issued_by_coordinator,
                i.created_at, i.expires_at
         FROM invitations i
         JOIN organisations o ON o.id = i.organisation_id
         JOIN mechanisms m ON m.id = i.mechanism_id
         LEFT JOIN people p ON p.id = i.created_by
         WHERE i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
         ORDER BY m.sort_order, i.created_at, i.id",
    )
    .bind(ts(now))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| crate::domain::PendingInvitation {
            id: r.id,
            organisation: r.org,
            mechanism: r.mech,
            mechanism_id: r.mech_id,
            role: Role::parse(&r.role).unwrap_or(Role::Focal),
            replace_existing: r.replace_existing,
            issued_by: r.issued_by,
            issued_by_id: r.issued_by_id,
            issued_by_coordinator: r.issued_by_coordinator,
            created_at: from_ts(r.created_at),
            expires_at: from_ts(r.expires_at),
        })
        .collect())
}

/// The id of the invitation with this code hash, whatever its state.
pub async fn id_by_hash(db: &Db, code_hash: &str) -> AppResult<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM invitations WHERE code_hash = ?")
        .bind(code_hash)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// Revokes an invitation still usable: it expires now and records who revoked it.
/// Returns false when it was already used, expired or revoked.
pub async fn revoke(db: &Db, id: i64, by: Option<i64>, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE invitations SET revoked_at = ?, revoked_by = ?, expires_at = MIN(expires_at, ?)
         WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
    )
    .bind(ts(now))
    .bind(by)
    .bind(ts(now))
    .bind(id)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Whether an invitation was revoked (to tell the person who opens its link).
pub async fn is_revoked(db: &Db, id: i64) -> AppResult<bool> {
    let at: Option<Option<i64>> = sqlx::query_scalar("SELECT revoked_at FROM invitations WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(matches!(at, Some(Some(_))))
}
