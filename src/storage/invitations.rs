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
        o.id AS o_id, o.acronym AS o_acronym, o.full_name AS o_full_name, o.kind AS o_kind, o.observer AS o_observer,
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
