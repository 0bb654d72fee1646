use super::{Db, internal, ts};
use crate::domain::{AppResult, DisplayName, Language, MenuRole, Person};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

#[derive(FromRow)]
struct PersonRow {
    id: i64,
    telegram_id: i64,
    display_name: String,
    language: String,
    language_chosen: bool,
    menu_role: Option<String>,
}

impl From<PersonRow> for Person {
    fn from(r: PersonRow) -> Self {
        Person {
            id: r.id,
            telegram_id: r.telegram_id,
            display_name: r.display_name,
            language: Language::parse(&r.language).unwrap_or_default(),
            language_chosen: r.language_chosen,
            menu_role: r.menu_role.as_deref().and_then(MenuRole::parse),
        }
    }
}

const COLUMNS: &str = "id, telegram_id, display_name, language, language_chosen, menu_role";

pub async fn by_telegram_id(db: &Db, telegram_id: i64) -> AppResult<Option<Person>> {
    let row: Option<PersonRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM people WHERE telegram_id = ?"))
        .bind(telegram_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<Person>> {
    let row: Option<PersonRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM people WHERE id = ?"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(row.map(Into::into))
}

/// Finds the person with this Telegram id, creating them on first contact.
pub async fn get_or_create(
    db: &Db,
    telegram_id: i64,
    name: &DisplayName,
    language: Language,
    now: DateTime<Utc>,
) -> AppResult<Person> {
    let row: PersonRow = sqlx::query_as(&format!(
        "INSERT INTO people (telegram_id, display_name, language, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (telegram_id) DO UPDATE SET telegram_id = excluded.telegram_id
         RETURNING {COLUMNS}"
    ))
    .bind(telegram_id)
    .bind(name.as_str())
    .bind(language.code())
    .bind(ts(now))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)?;
    Ok(row.into())
}

/// Creates the person or renames them (used by the command line for coordinators).
pub async fn upsert_named(db: &Db, telegram_id: i64, name: &DisplayName, now: DateTime<Utc>) -> AppResult<Person> {
    let row: PersonRow = sqlx::query_as(&format!(
        "INSERT INTO people (telegram_id, display_name, language, created_at) VALUES (?, ?, 'fr', ?)
         ON CONFLICT (telegram_id) DO UPDATE SET display_name = excluded.display_name
         RETURNING {COLUMNS}"
    ))
    .bind(telegram_id)
    .bind(name.as_str())
    .bind(ts(now))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)?;
    Ok(row.into())
}

pub async fn set_language(db: &Db, person_id: i64, language: Language) -> AppResult<()> {
    sqlx::query("UPDATE people SET language = ?, language_chosen = 1 WHERE id = ?")
        .bind(language.code())
        .bind(person_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

/// The language taken from the Telegram client, not chosen by the person.
pub async fn set_default_language(db: &Db, person_id: i64, language: Language) -> AppResult<()> {
    sqlx::query("UPDATE people SET language = ? WHERE id = ? AND language_chosen = 0")
        .bind(language.code())
        .bind(person_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

pub async fn set_display_name(db: &Db, person_id: i64, name: &DisplayName) -> AppResult<()> {
    sqlx::query("UPDATE people SET display_name = ? WHERE id = ?")
        .bind(name.as_str())
        .bind(person_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

pub async fn set_menu_role(db: &Db, person_id: i64, role: MenuRole) -> AppResult<()> {
    sqlx::query("UPDATE people SET menu_role = ? WHERE id = ?")
        .bind(role.as_str())
        .bind(person_id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(())
}

pub async fn add_coordinator(db: &Db, person_id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query("INSERT INTO coordinators (person_id, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(person_id)
        .bind(ts(now))
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

pub async fn is_coordinator(db: &Db, person_id: i64) -> AppResult<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT person_id FROM coordinators WHERE person_id = ?")
        .bind(person_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    Ok(found.is_some())
}

pub async fn coordinators(db: &Db) -> AppResult<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!(
        "SELECT {} FROM people p JOIN coordinators c ON c.person_id = p.id ORDER BY p.display_name",
        COLUMNS.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Removes a coordinator unless they are the last one (checked in the same transaction).
/// `Ok(false)`: they were not a coordinator.
pub async fn remove_coordinator(db: &Db, person_id: i64) -> AppResult<bool> {
    let mut tx = super::write_tx(db).await?;
    let is: Option<i64> = sqlx::query_scalar("SELECT person_id FROM coordinators WHERE person_id = ?")
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
    if is.is_none() {
        return Ok(false);
    }
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM coordinators").fetch_one(&mut *tx).await.map_err(internal)?;
    if count <= 1 {
        return Err(crate::domain::AppError::LastCoordinator);
    }
    sqlx::query("DELETE FROM coordinators WHERE person_id = ?")
        .bind(person_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(true)
}

/// Erases a person's identity: their name and Telegram id are replaced, their dialogue and
/// the chats recorded for their invitation messages are deleted. Their records (answers,
/// receipts, 4W submissions) keep the person's row, now anonymous, so the counts stay.
pub async fn erase(db: &Db, person_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    let mut tx = super::write_tx(db).await?;
    let telegram_id: Option<i64> = sqlx::query_scalar("SELECT telegram_id FROM people WHERE id = ?")
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
    let Some(telegram_id) = telegram_id else {
        return Err(crate::domain::AppError::NotFound);
    };
    sqlx::query("DELETE FROM dialogues WHERE chat_id = ?")
        .bind(telegram_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    sqlx::query("DELETE FROM calendar_feeds WHERE person_id = ?")
        .bind(person_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    sqlx::query("DELETE FROM invitation_messages WHERE person_id = ?")
        .bind(person_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    sqlx::query("DELETE FROM job_sends WHERE chat_id = ?")
        .bind(telegram_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    sqlx::query("UPDATE delivery_failures SET chat_id = 0 WHERE person_id = ?")
        .bind(person_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    // Telegram user ids are positive: a negative id never meets a real user again.
    sqlx::query(
        "UPDATE people SET display_name = '[erased #' || id || ']', telegram_id = -id, menu_role = NULL, erased_at = ? WHERE id = ?",
    )
    .bind(ts(now))
    .bind(person_id)
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(())
}

/// Removes the people who never held a seat, are not coordinators, were first seen before
/// `before` and have no dialogue touched since: strangers who only wrote to the bot. One
/// still named by a record (an audit line, say) is made anonymous instead. Returns how many.
pub async fn purge_strangers(db: &Db, before: DateTime<Utc>, now: DateTime<Utc>) -> AppResult<u64> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT p.id FROM people p
         WHERE p.erased_at IS NULL AND p.telegram_id > 0 AND p.created_at < ?1
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM coordinators c WHERE c.person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM dialogues d WHERE d.chat_id = p.telegram_id AND d.updated_at >= ?1)",
    )
    .bind(ts(before))
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    let mut purged = 0;
    for id in ids {
        let deleted = sqlx::query("DELETE FROM people WHERE id = ?").bind(id).execute(&db.pool).await;
        match deleted {
            Ok(done) => purged += done.rows_affected(),
            // Still referenced (foreign keys): anonymous rather than deleted.
            Err(_) => {
                erase(db, id, now).await?;
                purged += 1;
            }
        }
    }
    Ok(purged)
}
