//! Tour de table before a meeting: when the member organisations are asked for their short
//! update and when the chair gets them collected, the bounds of an update, and the jobs and
//! messages of the feature.

use super::personal_data::{self, PersonalData};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The organisations are asked this long before the meeting.
pub const ASK_HOURS: i64 = 48;
/// The chair gets the updates collected this long before the meeting.
pub const COLLECT_HOURS: i64 = 2;
/// The longest update, in characters.
pub const MAX_UPDATE_CHARS: usize = 600;

/// When to ask and when to collect, for a meeting starting at `starts_at`. A meeting planned
/// less than 48 h ahead is asked at once, as long as there is still time before the collection;
/// none when the collection time has passed (too late for a round of updates).
pub fn plan(now: DateTime<Utc>, starts_at: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let collect = collect_at(starts_at);
    if collect <= now {
        return None;
    }
    Some(((starts_at - Duration::hours(ASK_HOURS)).max(now), collect))
}

/// When the chair gets the collected updates; answers close then.
pub fn collect_at(starts_at: DateTime<Utc>) -> DateTime<Utc> {
    starts_at - Duration::hours(COLLECT_HOURS)
}

/// Whether an organisation may still answer (until the collection is sent).
pub fn answers_open(now: DateTime<Utc>, starts_at: DateTime<Utc>) -> bool {
    now < collect_at(starts_at)
}

/// Why an update's text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateError {
    Empty,
    TooLong { max: usize },
    PersonalData(PersonalData),
}

/// A typed update: trimmed, not empty, within the bound, no personal data (the chair reads it
/// and may read it out at the meeting).
pub fn clean_update(text: &str) -> Result<String, UpdateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(UpdateError::Empty);
    }
    if t.chars().count() > MAX_UPDATE_CHARS {
        return Err(UpdateError::TooLong { max: MAX_UPDATE_CHARS });
    }
    if let Some(kind) = personal_data::detect(t) {
        return Err(UpdateError::PersonalData(kind));
    }
    Ok(t.to_string())
}

/// Why an organisation may not answer now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The person holds no focal point or alternate seat for this organisation in the meeting's
    /// mechanism (or the button was forged).
    NoSeat,
    /// The meeting was cancelled.
    Cancelled,
    /// The chair already has the updates (from 2 h before the meeting).
    Closed,
    /// The mechanism no longer does a tour de table.
    Off,
}

/// Why an answer was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Refused(Refusal),
    Invalid(UpdateError),
}

/// What an answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    First,
    Replaced,
}

/// The jobs of a meeting's tour de table (cancelled and planned again with the meeting's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "tour", rename_all = "snake_case")]
pub enum TourJob {
    /// Ask each member organisation (focal point and alternate) for its update.
    Ask { meeting_id: i64 },
    /// Send the chairs the updates collected, naming who did not answer.
    Collect { meeting_id: i64 },
}

impl TourJob {
    pub fn meeting_id(&self) -> i64 {
        match self {
            TourJob::Ask { meeting_id } | TourJob::Collect { meeting_id } => *meeting_id,
        }
    }
}

/// Tour de table messages to one person, rendered when sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "tour_msg", rename_all = "snake_case")]
pub enum TourMsg {
    /// To a focal point or alternate: the request, with "write my update" and "nothing new".
    Request { meeting_id: i64, organisation_id: i64 },
    /// To a chair (or the coordinators): the updates collected and who did not answer.
    Collected { meeting_id: i64 },
}

impl TourMsg {
    pub fn meeting_id(&self) -> i64 {
        match self {
            TourMsg::Request { meeting_id, .. } | TourMsg::Collected { meeting_id } => *meeting_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn asks_48_hours_before_or_at_once_and_collects_2_hours_before() {
        let starts = t("2026-11-10T09:00:00Z");
        assert_eq!(
            plan(t("2026-11-01T09:00:00Z"), starts),
            Some((t("2026-11-08T09:00:00Z"), t("2026-11-10T07:00:00Z")))
        );
        let now = t("2026-11-09T09:00:00Z");
        assert_eq!(plan(now, starts), Some((now, t("2026-11-10T07:00:00Z"))));
        assert_eq!(plan(t("2026-11-10T07:00:00Z"), starts), None);
        assert!(answers_open(t("2026-11-10T06:59:59Z"), starts));
        assert!(!answers_open(t("2026-11-10T07:00:00Z"), starts));
    }

    #[test]
    fn jobs_and_messages_round_trip_and_belong_to_their_meeting() {
        use crate::domain::jobs::{Job, Outgoing};
        let jobs = [
            Job::Tour(TourJob::Ask { meeting_id: 4 }),
            Job::Tour(TourJob::Collect { meeting_id: 4 }),
            Job::Deliver {
                person_id: 2,
                message: Outgoing::Tour(TourMsg::Request { meeting_id: 4, organisation_id: 7 }),
            },
            Job::Deliver { person_id: 3, message: Outgoing::Tour(TourMsg::Collected { meeting_id: 4 }) },
        ];
        for job in jobs {
            let json = serde_json::to_string(&job).unwrap();
            assert_eq!(serde_json::from_str::<Job>(&json).unwrap(), job, "{json}");
            assert_eq!(job.meeting_id(), Some(4), "{json}");
        }
    }

    #[test]
    fn an_update_is_bounded_and_free_of_personal_data() {
        assert_eq!(clean_update("  Distribution à Gao terminée. "), Ok("Distribution à Gao terminée.".into()));
        assert_eq!(clean_update("   "), Err(UpdateError::Empty));
        assert_eq!(clean_update(&"a".repeat(601)), Err(UpdateError::TooLong { max: 600 }));
        assert!(clean_update(&"é".repeat(600)).is_ok());
        assert!(matches!(clean_update("écrire à awa@example.org"), Err(UpdateError::PersonalData(_))));
    }
}
