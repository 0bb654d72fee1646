//! Personal calendar feed secrets (one per person), kept only as their SHA-256.

use super::{Db, internal, ts};
use crate::domain::AppResult;
use crate::domain::invitation::sha256_hex;
use chrono::{DateTime, Utc};

/// Whether the person has a feed (its secret cannot be read back: it was shown once).
pub async fn has_feed(db: &Db, person_id: i64) -> AppResult<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT person_id FROM calendar_feeds WHERE person_id = ?")
        .bind(person_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(found.is_some())
}

/// Gives the person their first secret; false (and nothing changed) when they have one.
pub async fn create_secret(db: &Db, person_id: i64, secret: &str, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "INSERT INTO calendar_feeds (person_id, secret_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(person_id)
    .bind(sha256_hex(secret))
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Sets (or replaces) the person's secret; only its hash is stored.
pub async fn set_secret(db: &Db, person_id: i64, secret: &str, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO calendar_feeds (person_id, secret_hash, legacy_secret, created_at) VALUES (?, ?, NULL, ?)
         ON CONFLICT (person_id) DO UPDATE
         SET secret_hash = excluded.secret_hash, legacy_secret = NULL, created_at = excluded.created_at",
    )
    .bind(person_id)
    .bind(sha256_hex(secret))
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

/// Whose feed a secret opens.
pub async fn person_of(db: &Db, secret: &str) -> AppResult<Option<i64>> {
    sqlx::query_scalar("SELECT person_id FROM calendar_feeds WHERE secret_hash = ?")
        .bind(sha256_hex(secret))
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// Replaces the secrets stored in clear by an older version with their hash (run when the
/// database is opened, after the migrations). Returns how many were hashed.
pub async fn hash_legacy(db: &Db) -> AppResult<usize> {
    let legacy: Vec<(i64, String)> =
        sqlx::query_as("SELECT person_id, legacy_secret FROM calendar_feeds WHERE legacy_secret IS NOT NULL")
            .fetch_all(&db.pool)
            .await
            .map_err(internal)?;
    for (person_id, secret) in &legacy {
        sqlx::query("UPDATE calendar_feeds SET secret_hash = ?, legacy_secret = NULL WHERE person_id = ?")
            .bind(sha256_hex(secret))
            .bind(person_id)
            .execute(&db.pool)
            .await
            .map_err(internal)?;
    }
    Ok(legacy.len())
}
