//! Reference data: organisations, mechanisms (seeded by migration; read here).

use super::{Db, internal};
use crate::domain::{AppResult, Mechanism, OrgKind, Organisation};
use sqlx::FromRow;

#[derive(FromRow)]
pub(crate) struct OrgRow {
    pub id: i64,
    pub acronym: String,
    pub full_name: String,
    pub kind: String,
    pub observer: bool,
    pub observer_reports: bool,
}

impl From<OrgRow> for Organisation {
    fn from(r: OrgRow) -> Self {
        Organisation {
            id: r.id,
            acronym: r.acronym,
            full_name: r.full_name,
            kind: OrgKind::parse(&r.kind).unwrap_or(OrgKind::Other),
            observer: r.observer,
            observer_reports: r.observer_reports,
        }
    }
}

#[derive(FromRow)]
pub(crate) struct MechRow {
    pub id: i64,
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
}

impl From<MechRow> for Mechanism {
    fn from(r: MechRow) -> Self {
        Mechanism { id: r.id, code: r.code, name_fr: r.name_fr, name_en: r.name_en }
    }
}

pub async fn organisation_by_acronym(db: &Db, acronym: &str) -> AppResult<Option<Organisation>> {
    let row: Option<OrgRow> = sqlx::query_as(
        "SELECT id, acronym, full_name, kind, observer, observer_reports FROM organisations WHERE acronym = ? COLLATE NOCASE",
    )
    .bind(acronym.trim())
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn organisation_by_id(db: &Db, id: i64) -> AppResult<Option<Organisation>> {
    let row: Option<OrgRow> = sqlx::query_as(
        "SELECT id, acronym, full_name, kind, observer, observer_reports FROM organisations WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn organisations(db: &Db) -> AppResult<Vec<Organisation>> {
    let rows: Vec<OrgRow> = sqlx::query_as(
        "SELECT id, acronym, full_name, kind, observer, observer_reports FROM organisations ORDER BY observer, acronym COLLATE NOCASE",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn mechanism_by_code(db: &Db, code: &str) -> AppResult<Option<Mechanism>> {
    let row: Option<MechRow> =
        sqlx::query_as("SELECT id, code, name_fr, name_en FROM mechanisms WHERE code = ? COLLATE NOCASE")
            .bind(code.trim())
            .fetch_optional(&db.pool)
            .await
            .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn mechanism_by_id(db: &Db, id: i64) -> AppResult<Option<Mechanism>> {
    let row: Option<MechRow> = sqlx::query_as("SELECT id, code, name_fr, name_en FROM mechanisms WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn mechanisms(db: &Db) -> AppResult<Vec<Mechanism>> {
    let rows: Vec<MechRow> =
        sqlx::query_as("SELECT id, code, name_fr, name_en FROM mechanisms ORDER BY sort_order, code")
            .fetch_all(&db.pool)
            .await
            .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn count_admin_units(db: &Db, level: i64) -> AppResult<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM admin_units WHERE level = ?")
        .bind(level)
        .fetch_one(&db.pool)
        .await
        .map_err(internal)
}

pub async fn sector_codes(db: &Db) -> AppResult<Vec<String>> {
    sqlx::query_scalar("SELECT code FROM sectors ORDER BY code").fetch_all(&db.pool).await.map_err(internal)
}

/// Whether the members of observer organisations receive the mechanism's minutes and documents.
pub async fn observers_receive(db: &Db, mechanism_id: i64) -> AppResult<bool> {
    let v: Option<bool> = sqlx::query_scalar("SELECT observers_receive FROM mechanisms WHERE id = ?")
        .bind(mechanism_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(v.unwrap_or(false))
}

pub async fn set_observers_receive(db: &Db, mechanism_id: i64, receive: bool) -> AppResult<()> {
    sqlx::query("UPDATE mechanisms SET observers_receive = ? WHERE id = ?")
        .bind(receive)
        .bind(mechanism_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

/// Sets whether an observer organisation reports its 4W.
pub async fn set_observer_reports(db: &Db, organisation_id: i64, reports: bool) -> AppResult<()> {
    sqlx::query("UPDATE organisations SET observer_reports = ? WHERE id = ?")
        .bind(reports)
        .bind(organisation_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}
