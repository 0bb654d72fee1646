//! The modalities of each sector (how an activity is delivered), extendable like the activity
//! catalogue.

use super::{Db, internal};
use crate::domain::{AppResult, Language};
use sqlx::FromRow;

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Modality {
    pub id: i64,
    pub code: String,
    pub sector_code: String,
    pub name_fr: String,
    pub name_en: String,
}

impl Modality {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.name_fr,
            Language::En => &self.name_en,
        }
    }
}

/// The active modalities (of one sector, or all), in the catalogue's order.
pub async fn list(db: &Db, sector: Option<&str>) -> AppResult<Vec<Modality>> {
    sqlx::query_as(
        "SELECT id, code, sector_code, name_fr, name_en FROM fourw_modalities
         WHERE active = 1 AND (?1 IS NULL OR sector_code = ?1) ORDER BY sector_code, sort_order, id",
    )
    .bind(sector)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

pub async fn by_code(db: &Db, code: &str) -> AppResult<Option<Modality>> {
    sqlx::query_as("SELECT id, code, sector_code, name_fr, name_en FROM fourw_modalities WHERE code = ?")
        .bind(code)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Modality>> {
    sqlx::query_as("SELECT id, code, sector_code, name_fr, name_en FROM fourw_modalities WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}
