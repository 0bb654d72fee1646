//! Reading off the async runtime: on a blocking thread, a few at a time, under a time limit.

use super::{XlsxError, XlsxResult};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long reading one file may take before it is given up.
pub const PARSE_TIMEOUT: Duration = Duration::from_secs(10);

/// Files read at the same time; the others wait their turn (each may hold tens of MB).
static READERS: Semaphore = Semaphore::const_new(2);

/// Runs `read` on a blocking thread with its own copy of the bytes, within [`PARSE_TIMEOUT`].
/// When the time is up the cancel flag it is given is set, so the thread stops at its next
/// read of the file, and the caller gets [`XlsxError::TooSlow`] at once.
pub async fn off_runtime<T, F>(bytes: Vec<u8>, read: F) -> XlsxResult<T>
where
    T: Send + 'static,
    F: FnOnce(&[u8], &AtomicBool) -> XlsxResult<T> + Send + 'static,
{
    let turn = READERS.acquire().await.map_err(|_| XlsxError::Failed)?;
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = cancel.clone();
    // The turn goes with the thread: a reader given up on holds it until it has stopped.
    let task = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        read(&bytes, &flag)
    });
    match tokio::time::timeout(PARSE_TIMEOUT, task).await {
        Ok(Ok(out)) => out,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "the spreadsheet reader failed");
            Err(XlsxError::Failed)
        }
        Err(_) => {
            cancel.store(true, Ordering::Relaxed);
            Err(XlsxError::TooSlow { secs: PARSE_TIMEOUT.as_secs() })
        }
    }
}
