//! The only place with SQL. One module per aggregate; constraint violations become domain errors.

pub mod agenda;
pub mod alerts;
pub mod approval;
pub mod audit;
pub mod boundaries;
pub mod calendar_feeds;
pub mod dialogues;
pub mod figures;
pub mod instance;
pub mod invitations;
pub mod job_sends;
pub mod jobs;
pub mod library;
pub mod matrix;
pub mod meetings;
pub mod memberships;
pub mod memory;
pub mod minutes;
pub mod modalities;
pub mod participation;
pub mod people;
pub mod reference;
pub mod reports;
pub mod reuse;
pub mod sensitivity;
pub mod series;
pub mod settings;
pub mod situation;
pub mod tour;
pub mod votes;

use crate::domain::AppError;
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A handle on the database (cheap to clone).
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) pool: SqlitePool,
}

impl Db {
    /// Opens (creating the file when missing) and migrates the database.
    pub async fn connect(database_url: &str) -> anyhow::Result<Self> {
        let options = if database_url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(database_url)?
        } else {
            SqliteConnectOptions::new().filename(database_url)
        };
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Deleted and overwritten content is zeroed on disk (a closed secret vote's choices).
            .pragma("secure_delete", "on")
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        MIGRATOR.run(&pool).await?;
        let db = Self { pool };
        calendar_feeds::hash_legacy(&db).await?;
        Ok(db)
    }

    pub fn from_pool(pool: SqlitePool) -> Self {
        Self { pool }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Opens a write transaction for a use case that changes several things together.
    pub async fn begin(&self) -> crate::domain::AppResult<Tx> {
        Ok(Tx(write_tx(self).await?))
    }

    /// A consistent copy of the live database into a new file (`VACUUM INTO`), safe while
    /// the bot runs: readers and writers carry on (WAL).
    pub async fn backup_into(&self, path: &std::path::Path) -> anyhow::Result<()> {
        if path.exists() {
            anyhow::bail!("{} already exists; choose a new file name", path.display());
        }
        let target = path.to_str().ok_or_else(|| anyhow::anyhow!("the backup path is not valid UTF-8"))?;
        sqlx::query("VACUUM INTO ?").bind(target).execute(&self.pool).await?;
        Ok(())
    }

    /// True when the database answers a trivial query (readiness).
    pub async fn ping(&self) -> Result<(), String> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ()).map_err(|e| e.to_string())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A write transaction, begun with `BEGIN IMMEDIATE`: it takes SQLite's write lock at once, so
/// a transaction that reads before it writes never fails half-way with `SQLITE_BUSY` because
/// another writer went first (the busy timeout waits for the lock instead). What a use case
/// writes through it — domain rows and the jobs that carry them out — is kept together or not
/// at all: dropped without [`Tx::commit`], everything is rolled back.
pub struct Tx(sqlx::Transaction<'static, Sqlite>);

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tx")
    }
}

impl Tx {
    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.0
    }

    pub async fn commit(self) -> crate::domain::AppResult<()> {
        self.0.commit().await.map_err(internal)
    }
}

/// A write transaction on the pool, `BEGIN IMMEDIATE` (see [`Tx`]).
pub(crate) async fn write_tx(db: &Db) -> crate::domain::AppResult<sqlx::Transaction<'static, Sqlite>> {
    db.pool.begin_with("BEGIN IMMEDIATE").await.map_err(internal)
}

pub(crate) fn internal(e: sqlx::Error) -> AppError {
    AppError::internal(e)
}

pub(crate) fn ts(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// True when the error is the violation of a UNIQUE constraint or index.
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// Unix seconds to a UTC time (for the services that read raw rows).
pub fn from_ts_pub(secs: i64) -> DateTime<Utc> {
    from_ts(secs)
}

/// The 4W catalogues kept per sector (activities, modalities), extended the same way.
#[derive(Debug, Clone, Copy)]
pub enum SectorCatalogue {
    Activities,
    Modalities,
}

/// Adds an entry to a sector's catalogue, after the sector's last; false when the code exists
/// already, `NotFound` for an unknown sector.
pub async fn add_to_sector_catalogue(
    db: &Db,
    catalogue: SectorCatalogue,
    code: &str,
    sector: &str,
    name_fr: &str,
    name_en: &str,
) -> crate::domain::AppResult<bool> {
    let table = match catalogue {
        SectorCatalogue::Activities => "fourw_activities",
        SectorCatalogue::Modalities => "fourw_modalities",
    };
    let known: Option<String> = sqlx::query_scalar("SELECT code FROM sectors WHERE code = ?")
        .bind(sector)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)?;
    if known.is_none() {
        return Err(AppError::NotFound);
    }
    let result = sqlx::query(&format!(
        "INSERT INTO {table} (code, sector_code, name_fr, name_en, sort_order)
         VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 10 FROM {table} WHERE sector_code = ?))"
    ))
    .bind(code)
    .bind(sector)
    .bind(name_fr)
    .bind(name_en)
    .bind(sector)
    .execute(&db.pool)
    .await;
    match result {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(internal(e)),
    }
}
