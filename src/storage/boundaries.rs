//! Admin boundaries as versioned data: the versions (OCHA COD-AB tables) side by side, the
//! units of each, and the import of a new version.

use super::{Db, internal, is_unique_violation, ts};
use crate::domain::boundaries::Unit;
use crate::domain::{AppError, AppResult};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Version {
    pub label: String,
    pub seq: i64,
    pub source: String,
    pub imported_at: i64,
}

/// Every version, oldest first.
pub async fn versions(db: &Db) -> AppResult<Vec<Version>> {
    sqlx::query_as("SELECT label, seq, source, imported_at FROM admin_versions ORDER BY seq")
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

/// The label of the newest version: the one offered in new reports.
pub async fn current(db: &Db) -> AppResult<String> {
    sqlx::query_scalar("SELECT label FROM admin_versions ORDER BY seq DESC LIMIT 1")
        .fetch_one(&db.pool)
        .await
        .map_err(internal)
}

/// (P-code, name) of the regions of the newest version, or of the cercles of a region.
pub async fn units(db: &Db, parent: Option<&str>) -> AppResult<Vec<(String, String)>> {
    let (level, parent) = match parent {
        None => (1, None),
        Some(p) => (2, Some(p)),
    };
    sqlx::query_as(
        "SELECT pcode, name FROM admin_boundaries
         WHERE version = (SELECT label FROM admin_versions ORDER BY seq DESC LIMIT 1)
           AND level = ?1 AND (?2 IS NULL OR parent_pcode = ?2)
         ORDER BY pcode",
    )
    .bind(level)
    .bind(parent)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// (P-code, name) of the communes of the newest version: those of one cercle, or all.
pub async fn communes(db: &Db, cercle: Option<&str>) -> AppResult<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT pcode, name FROM admin_boundaries
         WHERE version = (SELECT label FROM admin_versions ORDER BY seq DESC LIMIT 1)
           AND level = 3 AND (?1 IS NULL OR parent_pcode = ?1)
         ORDER BY name, pcode",
    )
    .bind(cercle)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Every unit of a version.
pub async fn units_of(db: &Db, version: &str) -> AppResult<Vec<Unit>> {
    let rows: Vec<(String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT pcode, level, name, parent_pcode FROM admin_boundaries WHERE version = ? ORDER BY level, pcode",
    )
    .bind(version)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(|(pcode, level, name, parent)| Unit { pcode, level: level as u8, name, parent }).collect())
}

/// The name of a P-code in the newest version that has it.
pub async fn unit_name(db: &Db, pcode: &str) -> AppResult<Option<String>> {
    sqlx::query_scalar(
        "SELECT b.name FROM admin_boundaries b JOIN admin_versions v ON v.label = b.version
         WHERE b.pcode = ? ORDER BY v.seq DESC LIMIT 1",
    )
    .bind(pcode)
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)
}

/// Every cercle of the newest version with its region: (region P-code, region name, cercle
/// P-code, cercle name).
pub async fn cercles(db: &Db) -> AppResult<Vec<(String, String, String, String)>> {
    sqlx::query_as(
        "SELECT r.pcode, r.name, c.pcode, c.name FROM admin_boundaries c
         JOIN admin_boundaries r ON r.version = c.version AND r.pcode = c.parent_pcode
         WHERE c.level = 2 AND c.version = (SELECT label FROM admin_versions ORDER BY seq DESC LIMIT 1)
         ORDER BY c.pcode",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Loads a new version and makes it the newest. The units must be ordered parents first.
/// `Ok(false)` when the label exists already (nothing written).
pub async fn import(db: &Db, label: &str, source: &str, units: &[Unit], now: DateTime<Utc>) -> AppResult<bool> {
    let mut tx = super::write_tx(db).await?;
    let inserted = sqlx::query(
        "INSERT INTO admin_versions (label, seq, source, imported_at)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM admin_versions), ?, ?)",
    )
    .bind(label)
    .bind(source)
    .bind(ts(now))
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Ok(false),
        Err(e) => return Err(internal(e)),
    }
    for u in units {
        sqlx::query("INSERT INTO admin_boundaries (version, pcode, level, name, parent_pcode) VALUES (?, ?, ?, ?, ?)")
            .bind(label)
            .bind(&u.pcode)
            .bind(i64::from(u.level))
            .bind(&u.name)
            .bind(&u.parent)
            .execute(&mut *tx)
            .await
            .map_err(|e| if is_unique_violation(&e) { AppError::NotFound } else { internal(e) })?;
        // The registry of every P-code offered (regions and cercles), which older tables
        // reference; a code already known keeps its first name there.
        if u.level <= 2 {
            sqlx::query(
                "INSERT INTO admin_units (pcode, level, name, parent_pcode, valid_from) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(&u.pcode)
            .bind(i64::from(u.level))
            .bind(&u.name)
            .bind(&u.parent)
            .bind(label)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        }
    }
    tx.commit().await.map_err(internal)?;
    Ok(true)
}
