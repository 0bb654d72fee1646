use super::{Db, internal};
use crate::domain::AppResult;

pub const BOT_USERNAME: &str = "bot_username";
/// RFC 3339 time of the last successful Bot API call (written at most every 30 s).
pub const BOT_API_LAST_OK: &str = "bot_api_last_ok";

pub async fn get(db: &Db, key: &str) -> AppResult<Option<String>> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(key)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn set(db: &Db, key: &str, value: &str) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(())
}
