//! Participation reviewed per organisation and mechanism, and what the chair may do after an
//! organisation's third absence in a row (terms of reference).

use super::Organisation;
use serde::{Deserialize, Serialize};

/// How far back the review looks.
pub const REVIEW_MONTHS: u32 = 6;
/// An answer counts as on time when given at least this long before the meeting (in time for
/// the chair's summary).
pub const ANSWER_NOTICE_HOURS: i64 = 24;

/// The actions the terms of reference allow after repeated absences.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::AsRefStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum AbsenceChoice {
    /// Contact the organisation.
    Contact,
    /// Propose observer status.
    ProposeObserver,
    /// Keep it as a member, as it is.
    Keep,
}

/// One organisation's participation in one mechanism over the review window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    pub organisation: Organisation,
    /// Meetings whose attendance was marked, and those the organisation attended.
    pub meetings_marked: u32,
    pub present: u32,
    /// Meetings it was invited to, and answers given on time.
    pub invited: u32,
    pub answered_on_time: u32,
    /// Votes it was entitled to, and those it cast.
    pub votes_entitled: u32,
    pub votes_cast: u32,
    /// Reporting months in the window, and 4W submitted.
    pub fourw_expected: u32,
    pub fourw_submitted: u32,
    /// Absent from the last meetings in a row (flagged at 3).
    pub absent_in_a_row: bool,
    /// The chair's latest choice about it, if any.
    pub last_choice: Option<AbsenceChoice>,
}

impl Participation {
    /// Attendance rate in per cent (none when no attendance was marked).
    pub fn attendance_percent(&self) -> Option<u32> {
        (self.present * 100).checked_div(self.meetings_marked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn choices_round_trip() {
        use strum::IntoEnumIterator;
        for c in AbsenceChoice::iter() {
            assert_eq!(AbsenceChoice::from_str(c.as_ref()), Ok(c));
        }
        assert_eq!(AbsenceChoice::ProposeObserver.as_ref(), "propose_observer");
        assert!(AbsenceChoice::from_str("expel").is_err());
    }
}
