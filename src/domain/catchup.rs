//! Catching up after a downtime: reminders of one kind planned at several times (a 4W
//! window opening, then "two days left", then the deadline) are not all sent when the bot
//! comes back; only the latest one already due is still relevant.

use chrono::{DateTime, Utc};

/// `stages` are (name, due) in order. Returns the stage worth sending at `now`: the latest
/// one already due (the earlier ones are superseded); `None` before the first.
pub fn latest_due<'a>(stages: &[(&'a str, DateTime<Utc>)], now: DateTime<Utc>) -> Option<&'a str> {
    stages.iter().rev().find(|(_, at)| *at <= now).map(|(name, _)| *name)
}

/// Whether the reminder `stage` is still the one to send at `now`.
pub fn still_relevant(stages: &[(&str, DateTime<Utc>)], stage: &str, now: DateTime<Utc>) -> bool {
    match latest_due(stages, now) {
        Some(latest) => latest == stage,
        // Run early (a clock skew): nothing later is due, so it is the relevant one.
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn after_a_downtime_only_the_latest_due_reminder() {
        let stages = [
            ("open", at("2026-12-01T08:00:00Z")),
            ("before", at("2026-12-03T08:00:00Z")),
            ("deadline", at("2026-12-05T08:00:00Z")),
            ("after", at("2026-12-06T08:00:00Z")),
        ];
        assert_eq!(latest_due(&stages, at("2026-11-30T08:00:00Z")), None);
        assert_eq!(latest_due(&stages, at("2026-12-01T09:00:00Z")), Some("open"));
        assert_eq!(latest_due(&stages, at("2026-12-04T09:00:00Z")), Some("before"));
        // Down from the 1st to the 4th: "open" is superseded by "two days left".
        assert!(!still_relevant(&stages, "open", at("2026-12-04T09:00:00Z")));
        assert!(still_relevant(&stages, "before", at("2026-12-04T09:00:00Z")));
        // Once the deadline passed, its reminder is no longer relevant either.
        assert!(!still_relevant(&stages, "deadline", at("2026-12-06T09:00:00Z")));
        assert!(still_relevant(&stages, "open", at("2026-11-30T08:00:00Z")));
    }
}
