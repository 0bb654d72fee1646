//! One running bot per database: the bot holds an advisory lock (`flock`) on `<database>.lock`
//! for as long as it runs. A second bot started on the same file is refused at once; the
//! commands of the command line do not take the lock and keep working beside the bot. The
//! kernel releases the lock when the process ends, however it ends (a SIGKILL included), so a
//! crash never leaves a stale lock behind.

use sqlx::sqlite::SqliteConnectOptions;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The lock, held until dropped.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another cluster-bot is already running on this database (lock {path} is held by process {holder}); \
         stop it first — the command-line commands work beside it"
    )]
    Held { path: PathBuf, holder: String },
    #[error("cannot open the lock file {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// The database file behind `database_url`, or `None` for an in-memory database.
pub fn database_file(database_url: &str) -> Option<PathBuf> {
    let options = if database_url.starts_with("sqlite:") {
        SqliteConnectOptions::from_str(database_url).ok()?
    } else {
        SqliteConnectOptions::new().filename(database_url)
    };
    let file = options.get_filename();
    let name = file.to_string_lossy();
    let memory = name.is_empty()
        || name == ":memory:"
        || name.starts_with("file::memory:")
        || name.starts_with("file:sqlx-in-memory")
        || name.contains("mode=memory");
    (!memory).then(|| file.to_path_buf())
}

/// Takes the lock of the database at `database_url` (nothing to lock for an in-memory one).
pub fn lock(database_url: &str) -> Result<Option<InstanceLock>, LockError> {
    match database_file(database_url) {
        Some(db) => lock_file(&lock_path(&db)).map(Some),
        None => Ok(None),
    }
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn lock_file(path: &Path) -> Result<InstanceLock, LockError> {
    let io = |source| LockError::Io { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(path).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            return Err(LockError::Held { path: path.to_path_buf(), holder: holder.unwrap_or_else(|| "?".into()) });
        }
        Err(TryLockError::Error(e)) => return Err(io(e)),
    }
    // The holder's process id, for the message of a second start (informative only).
    file.set_len(0).map_err(io)?;
    writeln!(file, "{}", std::process::id()).map_err(io)?;
    Ok(InstanceLock { _file: file, path: path.to_path_buf() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_database_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("bot.db").display().to_string();
        let first = lock(&url).unwrap().expect("a file database is locked");
        assert!(first.path.ends_with("bot.db.lock"));
        let err = lock(&url).unwrap_err();
        assert!(err.to_string().contains("already running"), "{err}");
        assert!(err.to_string().contains(&std::process::id().to_string()), "{err}");
        drop(first);
        assert!(lock(&url).unwrap().is_some(), "free again once the holder is gone");
        assert!(lock(&format!("sqlite://{}", dir.path().join("other.db").display())).unwrap().is_some());
    }

    #[test]
    fn memory_databases_have_no_file() {
        assert_eq!(database_file("sqlite::memory:"), None);
        assert_eq!(database_file(":memory:"), None);
        assert_eq!(database_file("sqlite:data/bot.db").as_deref(), Some(Path::new("data/bot.db")));
    }
}
