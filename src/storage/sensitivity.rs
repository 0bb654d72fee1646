//! The class of documents and minutes (internal, restricted, public), the organisations a
//! restricted item is meant for, and the organisation an item comes from.

use super::{Db, Tx, internal};
use crate::domain::AppResult;
use crate::domain::sensitivity::{Class, Sensitivity};

/// Which kind of item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Document(i64),
    Minutes(i64),
}

impl Item {
    fn tables(self) -> (&'static str, &'static str, &'static str, i64) {
        match self {
            Item::Document(id) => ("documents", "document_restricted_orgs", "document_id", id),
            Item::Minutes(id) => ("minutes", "minutes_restricted_orgs", "minutes_id", id),
        }
    }
}

/// The class of an item (internal when the item is unknown).
pub async fn class(db: &Db, item: Item) -> AppResult<Class> {
    let (table, orgs, col, id) = item.tables();
    let s: Option<String> = sqlx::query_scalar(&format!("SELECT sensitivity FROM {table} WHERE id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    let sensitivity = s.and_then(|s| s.parse().ok()).unwrap_or_default();
    let organisations: Vec<i64> =
        sqlx::query_scalar(&format!("SELECT organisation_id FROM {orgs} WHERE {col} = ? ORDER BY organisation_id"))
            .bind(id)
            .fetch_all(&db.pool)
            .await
            .map_err(internal)?;
    Ok(Class { sensitivity, organisations })
}

/// The acronyms of a restricted item's organisations, in order.
pub async fn acronyms(db: &Db, organisations: &[i64]) -> AppResult<Vec<String>> {
    let json = serde_json::to_string(organisations).unwrap_or_else(|_| "[]".into());
    sqlx::query_scalar(
        "SELECT acronym FROM organisations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY acronym",
    )
    .bind(json)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Sets an item's class and source organisation, in the caller's transaction.
pub async fn set_in(tx: &mut Tx, item: Item, class: &Class, source: Option<i64>) -> AppResult<()> {
    let (table, orgs, col, id) = item.tables();
    let c = tx.conn();
    sqlx::query(&format!(
        "UPDATE {table} SET sensitivity = ?, source_organisation_id = COALESCE(?, source_organisation_id) WHERE id = ?"
    ))
    .bind(class.sensitivity.as_ref())
    .bind(source)
    .bind(id)
    .execute(&mut *c)
    .await
    .map_err(internal)?;
    sqlx::query(&format!("DELETE FROM {orgs} WHERE {col} = ?")).bind(id).execute(&mut *c).await.map_err(internal)?;
    if class.sensitivity == Sensitivity::Restricted {
        for o in &class.organisations {
            sqlx::query(&format!("INSERT OR IGNORE INTO {orgs} ({col}, organisation_id) VALUES (?, ?)"))
                .bind(id)
                .bind(o)
                .execute(&mut *c)
                .await
                .map_err(internal)?;
        }
    }
    Ok(())
}

/// The organisation the item comes from, when known.
pub async fn source(db: &Db, item: Item) -> AppResult<Option<i64>> {
    let (table, _, _, id) = item.tables();
    let s: Option<Option<i64>> =
        sqlx::query_scalar(&format!("SELECT source_organisation_id FROM {table} WHERE id = ?"))
            .bind(id)
            .fetch_optional(&db.pool)
            .await
            .map_err(internal)?;
    Ok(s.flatten())
}
