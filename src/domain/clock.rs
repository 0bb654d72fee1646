//! Time as a dependency: production uses the system clock, tests move a manual one.

use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock the tests move: frozen (only moves when told to), or running at real speed from
/// a chosen start (so that retries and backoffs happen) and still movable.
#[derive(Debug, Clone)]
pub struct ManualClock {
    state: Arc<Mutex<(DateTime<Utc>, Option<std::time::Instant>)>>,
}

impl ManualClock {
    /// A frozen clock.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self { state: Arc::new(Mutex::new((start, None))) }
    }

    /// A clock that runs at real speed from `start`.
    pub fn running(start: DateTime<Utc>) -> Self {
        Self { state: Arc::new(Mutex::new((start, Some(std::time::Instant::now())))) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (DateTime<Utc>, Option<std::time::Instant>)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set(&self, at: DateTime<Utc>) {
        let mut st = self.lock();
        st.0 = at;
        if st.1.is_some() {
            st.1 = Some(std::time::Instant::now());
        }
    }

    pub fn advance(&self, by: Duration) {
        self.lock().0 += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        let st = self.lock();
        match st.1 {
            None => st.0,
            Some(since) => st.0 + Duration::from_std(since.elapsed()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z").unwrap().to_utc();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::hours(47));
        assert_eq!(clock.now(), start + Duration::hours(47));
    }

    #[test]
    fn a_running_clock_moves_by_itself_and_when_told() {
        let start = DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z").unwrap().to_utc();
        let clock = ManualClock::running(start);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(clock.now() >= start + Duration::milliseconds(20));
        clock.advance(Duration::days(1));
        assert!(clock.now() >= start + Duration::days(1));
    }
}
