//! Personal calendar feed secrets (one per person).

use super::{Db, internal, ts};
use crate::domain::AppResult;
use chrono::{DateTime, Utc};

/// The person's current secret, if they have one.
pub async fn secret_of(db: &Db, person_id: i64) -> AppResult<Option<String>> {
    sqlx::query_scalar("SELECT secret FROM calendar_feeds WHERE person_id = ?")
        .bind(person_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// Sets (or replaces) the person's secret.
pub async fn set_secret(db: &Db, person_id: i64, secret: &str, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO calendar_feeds (person_id, secret, created_at) VALUES (?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at",
    )
    .bind(person_id)
    .bind(secret)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// Whose feed a secret opens.
pub async fn person_of(db: &Db, secret: &str) -> AppResult<Option<i64>> {
    sqlx::query_scalar("SELECT person_id FROM calendar_feeds WHERE secret = ?")
        .bind(secret)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}
