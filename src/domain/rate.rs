//! Limits on what one person can make the bot queue by pressing buttons again and again:
//! every press of a 📊 queues a chart to draw and send, every hand-over of an attendance
//! answer a message to the alternate. Past the limit the press is refused with the wait, and
//! nothing is queued.

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// At most this many in any `window`.
    pub max: i64,
    pub window: Duration,
}

/// Charts one person may have queued in ten minutes (the 📊 of a month's reach is three).
pub const CHARTS: RateLimit = RateLimit { max: 9, window: Duration::minutes(10) };
/// Times an organisation's attendance answer may be handed over to its alternate in an hour.
pub const HANDOVERS: RateLimit = RateLimit { max: 3, window: Duration::hours(1) };

impl RateLimit {
    /// `None` when one more is allowed; else how long until the oldest leaves the window.
    pub fn wait(self, now: DateTime<Utc>, recent: i64, oldest: Option<DateTime<Utc>>) -> Option<Duration> {
        if recent < self.max {
            return None;
        }
        let until = oldest.unwrap_or(now) + self.window;
        Some((until - now).max(Duration::seconds(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_until_the_oldest_leaves_the_window() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z").unwrap().to_utc();
        assert_eq!(HANDOVERS.wait(now, 2, Some(now)), None);
        assert_eq!(HANDOVERS.wait(now, 3, Some(now - Duration::minutes(45))), Some(Duration::minutes(15)));
        assert_eq!(HANDOVERS.wait(now, 5, Some(now - Duration::hours(2))), Some(Duration::seconds(1)));
    }
}
