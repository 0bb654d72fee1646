//! Decisions by vote, as pure rules: one vote per member organisation (its focal point, or
//! its alternate after a hand-over or once the alternate's time has come), observers
//! excluded, changes allowed until closing, a quorum stated as a share of the member
//! organisations, and the tally.

use super::Role;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 6;
pub const MAX_QUESTION_CHARS: usize = 300;
pub const MAX_OPTION_CHARS: usize = 60;
pub const MIN_OPEN: Duration = Duration::hours(1);
pub const MAX_OPEN: Duration = Duration::days(30);
/// The default quorum: half of the mechanism's member organisations.
pub const DEFAULT_QUORUM_PERCENT: u8 = 50;
/// Reminders go out this long before closing (halfway for shorter votes).
pub const REMINDER_BEFORE_CLOSING: Duration = Duration::hours(24);

/// What can be chosen: labelled options typed by the chair, or yes / no / abstain
/// (translated for each reader).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "labels", rename_all = "snake_case")]
pub enum Choices {
    YesNoAbstain,
    Labels(Vec<String>),
}

impl Choices {
    pub fn len(&self) -> usize {
        match self {
            Choices::YesNoAbstain => 3,
            Choices::Labels(l) => l.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Who sees how each organisation voted: only totals (secret) or, for the chair, the
/// choice of each organisation (open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum Secrecy {
    Secret,
    Open,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("the question is empty")]
    QuestionEmpty,
    #[error("the question is longer than {MAX_QUESTION_CHARS} characters")]
    QuestionTooLong,
    #[error("a vote needs {MIN_OPTIONS} to {MAX_OPTIONS} options")]
    OptionCount,
    #[error("option {0} is empty or longer than {MAX_OPTION_CHARS} characters")]
    OptionText(usize),
    #[error("two options are the same")]
    OptionTwice,
    #[error("a vote stays open between 1 hour and 30 days")]
    Duration,
    #[error("the quorum is a share between 1 and 100 per cent")]
    Quorum,
    #[error("the mechanism has no member organisation to vote")]
    NoElectorate,
    #[error("the question or an option contains personal data ({0})")]
    PersonalData(super::personal_data::PersonalData),
}

fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The question, one line, 1 to 300 characters.
pub fn parse_question(raw: &str) -> Result<String, DraftError> {
    let q = one_line(raw);
    if q.is_empty() {
        return Err(DraftError::QuestionEmpty);
    }
    if q.chars().count() > MAX_QUESTION_CHARS || q.chars().any(char::is_control) {
        return Err(DraftError::QuestionTooLong);
    }
    // The question goes to every member organisation of the mechanism and into the register.
    if let Some(kind) = super::personal_data::detect(&q) {
        return Err(DraftError::PersonalData(kind));
    }
    Ok(q)
}

/// Options typed one per line (or separated by `;`): 2 to 6, distinct, 1 to 60 characters.
pub fn parse_options(raw: &str) -> Result<Choices, DraftError> {
    let labels: Vec<String> = raw.split(['\n', ';']).map(one_line).filter(|l| !l.is_empty()).collect();
    if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&labels.len()) {
        return Err(DraftError::OptionCount);
    }
    for (i, l) in labels.iter().enumerate() {
        if l.chars().count() > MAX_OPTION_CHARS || l.chars().any(char::is_control) {
            return Err(DraftError::OptionText(i + 1));
        }
        if labels[..i].iter().any(|o| o.to_lowercase() == l.to_lowercase()) {
            return Err(DraftError::OptionTwice);
        }
        if let Some(kind) = super::personal_data::detect(l) {
            return Err(DraftError::PersonalData(kind));
        }
    }
    Ok(Choices::Labels(labels))
}

/// A closing delay typed as hours (`48h`, `48`) or days (`3d`, `3j`): 1 hour to 30 days.
pub fn parse_open_for(raw: &str) -> Result<Duration, DraftError> {
    let s = raw.trim().to_lowercase().replace(' ', "");
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s.as_str(), "h"),
    };
    if digits.is_empty() || digits.len() > 4 {
        return Err(DraftError::Duration);
    }
    let n: i64 = digits.parse().map_err(|_| DraftError::Duration)?;
    let d = match unit {
        "h" | "hours" | "heures" | "hour" | "heure" => Duration::hours(n),
        "d" | "j" | "days" | "jours" | "day" | "jour" => Duration::days(n),
        _ => return Err(DraftError::Duration),
    };
    check_open_for(d)?;
    Ok(d)
}

pub fn check_open_for(d: Duration) -> Result<(), DraftError> {
    if d < MIN_OPEN || d > MAX_OPEN { Err(DraftError::Duration) } else { Ok(()) }
}

pub fn check_quorum(percent: u8) -> Result<(), DraftError> {
    if (1..=100).contains(&percent) { Ok(()) } else { Err(DraftError::Quorum) }
}

/// The number of organisations needed for the quorum: the share of the electorate, rounded up
/// (at least one).
pub fn quorum_needed(electorate: usize, percent: u8) -> usize {
    (electorate * percent as usize).div_ceil(100).max(1)
}

/// When the reminder to organisations that have not voted goes out, and from when the
/// alternate may vote although the focal point has not handed over: 24 h before closing, or
/// halfway for votes open 48 h or less.
pub fn reminder_at(opens_at: DateTime<Utc>, closes_at: DateTime<Utc>) -> DateTime<Utc> {
    (closes_at - REMINDER_BEFORE_CLOSING).max(opens_at + (closes_at - opens_at) / 2)
}

/// A vote of one mechanism, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub id: i64,
    pub mechanism: super::Mechanism,
    pub meeting_id: Option<i64>,
    pub question: String,
    pub choices: Choices,
    pub secrecy: Secrecy,
    pub quorum_percent: u8,
    pub opens_at: DateTime<Utc>,
    pub alternate_from: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Recorded at closing.
    pub result: Option<Tally>,
    pub created_by: Option<i64>,
}

impl Vote {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        now < self.closes_at && self.closed_at.is_none()
    }
}

/// Why a person's vote is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("observers do not vote")]
    Observer,
    #[error("only the focal point or the alternate of a member organisation votes")]
    NoSeat,
    #[error("the organisation was not a member when the vote opened")]
    NotInElectorate,
    #[error("the focal point votes; the alternate may vote after a hand-over or from {0}")]
    AlternateNotYet(DateTime<Utc>),
    #[error("the vote is closed")]
    Closed,
    #[error("no such option")]
    NoSuchOption,
    #[error("only the focal point hands over, and only while the vote is open")]
    CannotHandOver,
    #[error("the focal point has voted; only they change the organisation's vote")]
    FocalVoted,
}

/// The facts that decide whether someone may cast their organisation's vote now.
#[derive(Debug, Clone, Copy)]
pub struct Seat {
    pub role: Role,
    pub observer: bool,
    pub in_electorate: bool,
    /// The organisation's focal point handed this vote over to the alternate.
    pub handed_over: bool,
    /// The organisation has an active focal point in the mechanism.
    pub has_focal: bool,
    /// The organisation's current vote was cast by its focal point.
    pub focal_voted: bool,
}

/// One vote per organisation: the focal point; the alternate after a hand-over, when the
/// organisation has no focal point, or from `alternate_from` on, but never over a vote the
/// focal point cast. Observers never.
pub fn may_cast(
    now: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    alternate_from: DateTime<Utc>,
    seat: Seat,
) -> Result<(), Refusal> {
    if now >= closes_at {
        return Err(Refusal::Closed);
    }
    if seat.observer {
        return Err(Refusal::Observer);
    }
    if !seat.in_electorate {
        return Err(Refusal::NotInElectorate);
    }
    match seat.role {
        Role::Focal => Ok(()),
        Role::Alternate if seat.focal_voted => Err(Refusal::FocalVoted),
        Role::Alternate if seat.handed_over || !seat.has_focal || now >= alternate_from => Ok(()),
        Role::Alternate => Err(Refusal::AlternateNotYet(alternate_from)),
        Role::Chair => Err(Refusal::NoSeat),
    }
}

/// The result of a closed (or running) vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Votes per option, in the order of the options.
    pub counts: Vec<u32>,
    /// Organisations that voted.
    pub voted: u32,
    /// Member organisations entitled to vote.
    pub electorate: u32,
    pub quorum_needed: u32,
    pub quorum_met: bool,
}

impl Tally {
    pub fn turnout_percent(&self) -> u32 {
        (self.voted * 100).checked_div(self.electorate).unwrap_or(0)
    }

    /// The options with the most votes (several on a tie; none when nobody voted).
    pub fn leaders(&self) -> Vec<usize> {
        let max = self.counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            return vec![];
        }
        self.counts.iter().enumerate().filter(|(_, c)| **c == max).map(|(i, _)| i).collect()
    }
}

/// Counts the ballots (one option index per organisation).
pub fn tally(options: usize, ballots: &[usize], electorate: usize, quorum_percent: u8) -> Tally {
    let mut counts = vec![0u32; options];
    for b in ballots {
        if let Some(c) = counts.get_mut(*b) {
            *c += 1;
        }
    }
    let voted = counts.iter().sum::<u32>();
    let needed = quorum_needed(electorate, quorum_percent) as u32;
    Tally { counts, voted, electorate: electorate as u32, quorum_needed: needed, quorum_met: voted >= needed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn drafts_are_checked() {
        assert_eq!(parse_question("  Adopter la note  de plaidoyer ? "), Ok("Adopter la note de plaidoyer ?".into()));
        assert_eq!(parse_question(" \n "), Err(DraftError::QuestionEmpty));
        assert_eq!(parse_question(&"x".repeat(301)), Err(DraftError::QuestionTooLong));
        assert_eq!(parse_options("A\nB; C"), Ok(Choices::Labels(vec!["A".into(), "B".into(), "C".into()])));
        assert_eq!(parse_options("A"), Err(DraftError::OptionCount));
        assert_eq!(parse_options("1;2;3;4;5;6;7"), Err(DraftError::OptionCount));
        assert_eq!(parse_options("Oui\noui"), Err(DraftError::OptionTwice));
        assert_eq!(parse_options(&format!("A\n{}", "b".repeat(61))), Err(DraftError::OptionText(2)));
        assert_eq!(parse_open_for("48h"), Ok(Duration::hours(48)));
        assert_eq!(parse_open_for("48"), Ok(Duration::hours(48)));
        assert_eq!(parse_open_for("3 j"), Ok(Duration::days(3)));
        assert_eq!(parse_open_for("2d"), Ok(Duration::days(2)));
        for bad in ["0h", "31d", "abc", "", "-5h", "5x", "99999999h"] {
            assert_eq!(parse_open_for(bad), Err(DraftError::Duration), "{bad}");
        }
        assert!(check_quorum(0).is_err() && check_quorum(101).is_err() && check_quorum(50).is_ok());
    }

    #[test]
    fn quorum_is_a_share_rounded_up() {
        assert_eq!(quorum_needed(5, 50), 3);
        assert_eq!(quorum_needed(4, 50), 2);
        assert_eq!(quorum_needed(3, 67), 3);
        assert_eq!(quorum_needed(0, 50), 1);
    }

    #[test]
    fn reminder_24h_before_or_halfway() {
        let open = at("2026-12-01T10:00:00Z");
        assert_eq!(reminder_at(open, open + Duration::days(5)), at("2026-12-05T10:00:00Z"));
        assert_eq!(reminder_at(open, open + Duration::hours(48)), at("2026-12-02T10:00:00Z"));
        assert_eq!(reminder_at(open, open + Duration::hours(6)), at("2026-12-01T13:00:00Z"));
    }

    #[test]
    fn one_vote_per_organisation_focal_first() {
        let now = at("2026-12-01T10:00:00Z");
        let closes = at("2026-12-03T10:00:00Z");
        let alt_from = at("2026-12-02T10:00:00Z");
        let seat = |role, observer, handed_over| Seat {
            role,
            observer,
            in_electorate: true,
            handed_over,
            has_focal: true,
            focal_voted: false,
        };
        assert_eq!(may_cast(now, closes, alt_from, seat(Role::Focal, false, false)), Ok(()));
        assert_eq!(
            may_cast(now, closes, alt_from, seat(Role::Alternate, false, false)),
            Err(Refusal::AlternateNotYet(alt_from))
        );
        assert_eq!(may_cast(now, closes, alt_from, seat(Role::Alternate, false, true)), Ok(()));
        assert_eq!(may_cast(alt_from, closes, alt_from, seat(Role::Alternate, false, false)), Ok(()));
        let no_focal = Seat { has_focal: false, ..seat(Role::Alternate, false, false) };
        assert_eq!(may_cast(now, closes, alt_from, no_focal), Ok(()));
        assert_eq!(may_cast(now, closes, alt_from, seat(Role::Focal, true, false)), Err(Refusal::Observer));
        assert_eq!(may_cast(now, closes, alt_from, seat(Role::Chair, false, false)), Err(Refusal::NoSeat));
        assert_eq!(may_cast(closes, closes, alt_from, seat(Role::Focal, false, false)), Err(Refusal::Closed));
        let outsider = Seat { in_electorate: false, ..seat(Role::Focal, false, false) };
        assert_eq!(may_cast(now, closes, alt_from, outsider), Err(Refusal::NotInElectorate));
        // The alternate never overwrites the focal point's vote; the focal point may change it.
        let after_focal = |role| Seat { focal_voted: true, ..seat(role, false, true) };
        assert_eq!(may_cast(alt_from, closes, alt_from, after_focal(Role::Alternate)), Err(Refusal::FocalVoted));
        assert_eq!(may_cast(now, closes, alt_from, after_focal(Role::Focal)), Ok(()));
    }

    #[test]
    fn tally_counts_turnout_and_quorum() {
        let t = tally(3, &[0, 0, 2], 5, 50);
        assert_eq!(t.counts, vec![2, 0, 1]);
        assert_eq!((t.voted, t.electorate, t.quorum_needed, t.quorum_met), (3, 5, 3, true));
        assert_eq!(t.turnout_percent(), 60);
        assert_eq!(t.leaders(), vec![0]);
        let low = tally(2, &[1], 5, 50);
        assert!(!low.quorum_met);
        assert_eq!(tally(2, &[0, 1], 4, 50).leaders(), vec![0, 1]);
        assert!(tally(2, &[], 4, 50).leaders().is_empty());
        assert_eq!(tally(2, &[], 0, 50).turnout_percent(), 0);
    }
}
