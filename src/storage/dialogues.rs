//! Persisted dialogue state, one JSON row per chat.

use super::{Db, internal, ts};
use crate::domain::AppResult;
use chrono::{DateTime, Utc};

pub async fn get(db: &Db, chat_id: i64) -> AppResult<Option<String>> {
    sqlx::query_scalar("SELECT state FROM dialogues WHERE chat_id = ?")
        .bind(chat_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn put(db: &Db, chat_id: i64, state: &str, now: DateTime<Utc>) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO dialogues (chat_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
    )
    .bind(chat_id)
    .bind(state)
    .bind(ts(now))
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}

pub async fn remove(db: &Db, chat_id: i64) -> AppResult<()> {
    sqlx::query("DELETE FROM dialogues WHERE chat_id = ?").bind(chat_id).execute(&db.pool).await.map_err(internal)?;
    Ok(())
}

/// Deletes the dialogues untouched since `before`. Returns how many.
pub async fn purge_older_than(db: &Db, before: DateTime<Utc>) -> AppResult<u64> {
    let done = sqlx::query("DELETE FROM dialogues WHERE updated_at < ?")
        .bind(ts(before))
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected())
}
