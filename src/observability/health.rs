//! What `/readyz` looks at: the scheduler loop ran recently, and the Bot API answers (or has
//! not been failing for long). Monotonic time: these are intervals, not dates.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct ReadinessOptions {
    /// The scheduler loop must have run within this (it runs at least every poll interval).
    pub scheduler_max_age: Duration,
    /// The Bot API may fail this long before the bot counts as not ready.
    pub bot_api_outage: Duration,
}

impl Default for ReadinessOptions {
    fn default() -> Self {
        Self { scheduler_max_age: Duration::from_secs(60), bot_api_outage: Duration::from_secs(120) }
    }
}

/// How Bot API calls have been going.
#[derive(Debug, Clone, Default)]
pub struct BotApiState {
    /// When the last call succeeded (the bot's clock).
    pub last_ok_at: Option<DateTime<Utc>>,
    last_ok: Option<Instant>,
    /// Since when every call has failed.
    failing_since: Option<Instant>,
    last_persisted: Option<Instant>,
}

impl BotApiState {
    pub fn failing_for(&self) -> Option<Duration> {
        self.failing_since.map(|t| t.elapsed())
    }
}

#[derive(Debug, Default)]
pub struct Health {
    scheduler_last_run: Mutex<Option<Instant>>,
    bot_api: Mutex<BotApiState>,
}

/// One part's verdict, as `/readyz` shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Check {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Check {
    fn ok() -> Self {
        Check { ok: true, detail: None }
    }
    fn failed(detail: String) -> Self {
        Check { ok: false, detail: Some(detail) }
    }
}

/// The body of `/readyz`: ready when every part is.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Readiness {
    pub ready: bool,
    pub database: Check,
    pub scheduler: Check,
    pub bot_api: Check,
}

impl Readiness {
    /// The names of the parts that failed.
    pub fn failed(&self) -> Vec<&'static str> {
        [("database", &self.database), ("scheduler", &self.scheduler), ("bot_api", &self.bot_api)]
            .into_iter()
            .filter(|(_, c)| !c.ok)
            .map(|(n, _)| n)
            .collect()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How often the last successful Bot API call is written to the database (for `status`).
const PERSIST_EVERY: Duration = Duration::from_secs(30);

impl Health {
    /// The scheduler loop finished a round.
    pub fn scheduler_ran(&self) {
        *lock(&self.scheduler_last_run) = Some(Instant::now());
    }

    pub fn scheduler_age(&self) -> Option<Duration> {
        lock(&self.scheduler_last_run).map(|t| t.elapsed())
    }

    /// A Bot API call succeeded at `at`. True when it is time to persist it.
    pub fn bot_api_ok(&self, at: DateTime<Utc>) -> bool {
        let mut st = lock(&self.bot_api);
        let now = Instant::now();
        st.last_ok = Some(now);
        st.last_ok_at = Some(at);
        st.failing_since = None;
        let persist = st.last_persisted.is_none_or(|p| now.duration_since(p) >= PERSIST_EVERY);
        if persist {
            st.last_persisted = Some(now);
        }
        persist
    }

    /// A Bot API call failed (unreachable, timeout, 5xx). True when this starts an outage.
    pub fn bot_api_failed(&self) -> bool {
        let mut st = lock(&self.bot_api);
        if st.failing_since.is_none() {
            st.failing_since = Some(Instant::now());
            return true;
        }
        false
    }

    pub fn bot_api(&self) -> BotApiState {
        lock(&self.bot_api).clone()
    }

    /// The verdict, given whether the database answered.
    pub fn readiness(&self, database: Result<(), String>, opts: &ReadinessOptions) -> Readiness {
        let database = match database {
            Ok(()) => Check::ok(),
            Err(e) => Check::failed(format!("the database does not answer: {e}")),
        };
        let scheduler = match self.scheduler_age() {
            None => Check::failed("the scheduler loop has not run yet".into()),
            Some(age) if age > opts.scheduler_max_age => {
                Check::failed(format!("the scheduler loop last ran {}s ago", age.as_secs()))
            }
            Some(_) => Check::ok(),
        };
        let bot_api = match self.bot_api().failing_for() {
            Some(d) if d > opts.bot_api_outage => {
                Check::failed(format!("Bot API calls have been failing for {}s", d.as_secs()))
            }
            _ => Check::ok(),
        };
        Readiness { ready: database.ok && scheduler.ok && bot_api.ok, database, scheduler, bot_api }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_names_the_failed_part() {
        let h = Health::default();
        let opts = ReadinessOptions { scheduler_max_age: Duration::from_secs(60), bot_api_outage: Duration::ZERO };
        let r = h.readiness(Ok(()), &opts);
        assert!(!r.ready);
        assert_eq!(r.failed(), vec!["scheduler"]);
        h.scheduler_ran();
        assert!(h.readiness(Ok(()), &opts).ready);
        assert!(h.bot_api_failed());
        assert!(!h.bot_api_failed(), "the outage started once");
        std::thread::sleep(Duration::from_millis(5));
        let r = h.readiness(Err("locked".into()), &opts);
        assert_eq!(r.failed(), vec!["database", "bot_api"]);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["ready"], false);
        assert!(json["bot_api"]["detail"].as_str().unwrap().contains("failing for"));
        assert!(json["scheduler"].get("detail").is_none());
        let at = DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z").unwrap().to_utc();
        assert!(h.bot_api_ok(at), "the first success is persisted");
        assert!(!h.bot_api_ok(at), "the next ones only every 30 s");
        assert!(h.readiness(Ok(()), &opts).ready);
        assert_eq!(h.bot_api().last_ok_at, Some(at));
    }
}
