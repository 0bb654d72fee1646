//! The cluster's memory: the register of decisions (votes closed, decisions the chair records
//! with the minutes) and the follow-up carried from one meeting to the next (open action
//! points and decisions due for review), as pure types and rules.

use super::meeting::parse_date;
use super::minutes::MAX_ACTION_TEXT;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A recorded decision's text is at most as long as an action point's.
pub const MAX_DECISION_TEXT: usize = MAX_ACTION_TEXT;
pub const MAX_DECISIONS: usize = 30;

/// The scheduler's jobs of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "memory", rename_all = "snake_case")]
pub enum MemoryJob {
    /// On a recorded decision's review date: remind the chairs of its mechanism.
    ReviewDue { decision_id: i64 },
}

/// The register's messages to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "memory", rename_all = "snake_case")]
pub enum MemoryMsg {
    /// To a chair: a decision of their mechanism is due for review today.
    ReviewDue { decision_id: i64 },
}

/// A decision as typed by the chair: "what; ORG; review dd/mm/yyyy" (organisation and
/// review date optional, in either order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionDraft {
    pub what: String,
    pub organisation: Option<String>,
    pub review: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionLineError {
    #[error("line {line}: expected \"what; organisation; review dd/mm/yyyy\"")]
    Shape { line: usize },
    #[error("line {line}: the decision is empty or longer than 300 characters")]
    What { line: usize },
    #[error("line {line}: \"{date}\" is not a date dd/mm/yyyy")]
    Date { line: usize, date: String },
    #[error("line {line}: the review date {date} is in the past")]
    Past { line: usize, date: String },
    #[error("line {line}: unknown organisation \"{acronym}\"")]
    Organisation { line: usize, acronym: String },
    #[error("line {line}: personal data ({kind}) is not kept in the register")]
    PersonalData { line: usize, kind: String },
    #[error("too many decisions (at most {MAX_DECISIONS})")]
    TooMany,
}

/// The words that may stand before a review date.
const REVIEW_WORDS: [&str; 6] = ["révision", "revision", "review", "revoir", "revue", "le"];

fn strip_review_word(part: &str) -> (bool, &str) {
    let mut rest = part.trim();
    let mut had = false;
    for w in REVIEW_WORDS {
        if rest.len() >= w.len() && rest.is_char_boundary(w.len()) && rest[..w.len()].eq_ignore_ascii_case(w) {
            rest = rest[w.len()..].trim_start_matches([':', ' ']).trim();
            had = true;
        }
    }
    (had, rest)
}

/// Parses one decision per line; a review date before `today` is refused. Separators: ";",
/// "|" or an em or en dash.
pub fn parse_decisions(text: &str, today: NaiveDate) -> Result<Vec<DecisionDraft>, DecisionLineError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim().trim_start_matches(['•', '*', '-']).trim();
        if raw.is_empty() {
            continue;
        }
        let normalised = raw.replace(['—', '–', '|', ';'], "\u{1}");
        let parts: Vec<&str> = normalised.split('\u{1}').map(str::trim).collect();
        let Some((what, rest)) = parts.split_first() else { return Err(DecisionLineError::Shape { line }) };
        if what.is_empty() || what.chars().count() > MAX_DECISION_TEXT {
            return Err(DecisionLineError::What { line });
        }
        if rest.len() > 2 {
            return Err(DecisionLineError::Shape { line });
        }
        let mut draft = DecisionDraft { what: what.to_string(), organisation: None, review: None };
        for part in rest.iter().filter(|p| !p.is_empty()) {
            let (had_word, candidate) = strip_review_word(part);
            let looks_like_date = candidate.bytes().any(|b| b.is_ascii_digit()) && candidate.contains(['/', '-', '.']);
            if had_word || looks_like_date {
                let shown: String = candidate.chars().take(20).collect();
                let date = parse_date(candidate).ok_or(DecisionLineError::Date { line, date: shown.clone() })?;
                if date < today {
                    return Err(DecisionLineError::Past { line, date: shown });
                }
                if draft.review.replace(date).is_some() {
                    return Err(DecisionLineError::Shape { line });
                }
            } else if draft.organisation.replace(part.to_string()).is_some() {
                return Err(DecisionLineError::Shape { line });
            }
        }
        out.push(draft);
        if out.len() > MAX_DECISIONS {
            return Err(DecisionLineError::TooMany);
        }
    }
    Ok(out)
}

/// What the chair marks for a point of the follow-up at a meeting's minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::AsRefStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    /// Still open: it comes back on the next meeting's follow-up.
    Carried,
    /// Given up: it no longer comes back.
    Dropped,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Done, Outcome::Carried, Outcome::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Carried => "carried",
            Outcome::Dropped => "dropped",
        }
    }

    /// One letter, for button data.
    pub fn letter(self) -> char {
        match self {
            Outcome::Done => 'd',
            Outcome::Carried => 'c',
            Outcome::Dropped => 'x',
        }
    }

    pub fn from_letter(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| s.len() == 1 && s.starts_with(o.letter()))
    }

    /// Whether the point is settled (it no longer comes back on a follow-up).
    pub fn settles(self) -> bool {
        self != Outcome::Carried
    }
}

/// A point of the follow-up: an action point or a recorded decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpRef {
    Action(i64),
    Decision(i64),
}

/// A point on a meeting's follow-up, with what earlier meetings marked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpItem {
    pub item: FollowUpRef,
    pub what: String,
    /// The organisation that follows up (always one for an action point).
    pub organisation: Option<String>,
    /// The action point's due date, or the decision's review date.
    pub date: Option<NaiveDate>,
    /// An action point past its due date on the day of the meeting.
    pub late: bool,
    /// When the meeting that set it started.
    pub from_meeting: DateTime<Utc>,
    /// What earlier meetings marked, in order: (meeting start, outcome).
    pub history: Vec<(DateTime<Utc>, Outcome)>,
}

/// A decision the chair recorded with the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedDecision {
    pub id: i64,
    pub mechanism: super::Mechanism,
    pub meeting_id: i64,
    pub meeting_starts_at: DateTime<Utc>,
    pub what: String,
    pub organisation: Option<String>,
    pub review_date: Option<NaiveDate>,
    pub recorded_at: DateTime<Utc>,
    /// The last outcome marked at a meeting's follow-up, if any.
    pub outcome: Option<Outcome>,
}

/// One entry of the register: a closed vote or a recorded decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterEntry {
    Vote(super::vote::Vote),
    Recorded(RecordedDecision),
}

impl RegisterEntry {
    /// When the decision was taken (the vote's closing, the decision's meeting).
    pub fn date(&self) -> DateTime<Utc> {
        match self {
            RegisterEntry::Vote(v) => v.closed_at.unwrap_or(v.closes_at),
            RegisterEntry::Recorded(d) => d.meeting_starts_at,
        }
    }

    pub fn mechanism(&self) -> &super::Mechanism {
        match self {
            RegisterEntry::Vote(v) => &v.mechanism,
            RegisterEntry::Recorded(d) => &d.mechanism,
        }
    }
}

/// Newest first; on the same time, votes before recorded decisions, then by id.
pub fn sort_register(entries: &mut [RegisterEntry]) {
    let key = |e: &RegisterEntry| match e {
        RegisterEntry::Vote(v) => (std::cmp::Reverse(e.date()), 0, std::cmp::Reverse(v.id)),
        RegisterEntry::Recorded(d) => (std::cmp::Reverse(e.date()), 1, std::cmp::Reverse(d.id)),
    };
    entries.sort_by_key(key);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn decisions_one_per_line_with_optional_organisation_and_review() {
        let today = day(2026, 11, 10);
        let parsed =
            parse_decisions("Adopter le plan de contingence; UNHCR; review 15/01/2027\n• Créer un groupe de travail\nRevoir les TdR | révision 2027-02-01", today)
                .unwrap();
        assert_eq!(parsed.len(), 3);
        assert_eq!(parsed[0].organisation.as_deref(), Some("UNHCR"));
        assert_eq!(parsed[0].review, Some(day(2027, 1, 15)));
        assert_eq!(
            parsed[1],
            DecisionDraft { what: "Créer un groupe de travail".into(), organisation: None, review: None }
        );
        assert_eq!(parsed[2].review, Some(day(2027, 2, 1)));
        assert_eq!(parsed[2].organisation, None);
    }

    #[test]
    fn bad_decision_lines_say_which_line() {
        let today = day(2026, 11, 10);
        assert_eq!(
            parse_decisions("ok\nx; NRC; review 32/01/2027", today),
            Err(DecisionLineError::Date { line: 2, date: "32/01/2027".into() })
        );
        assert_eq!(
            parse_decisions("x; 01/10/2026", today),
            Err(DecisionLineError::Past { line: 1, date: "01/10/2026".into() })
        );
        assert_eq!(parse_decisions("; NRC", today), Err(DecisionLineError::What { line: 1 }));
        assert_eq!(parse_decisions("a; NRC; IRC", today), Err(DecisionLineError::Shape { line: 1 }));
        assert_eq!(parse_decisions("a; b; c; d", today), Err(DecisionLineError::Shape { line: 1 }));
        let long = format!("{}; NRC", "x".repeat(301));
        assert_eq!(parse_decisions(&long, today), Err(DecisionLineError::What { line: 1 }));
        assert_eq!(parse_decisions(&"a\n".repeat(31), today), Err(DecisionLineError::TooMany));
    }

    #[test]
    fn outcomes_round_trip_through_their_letter() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::from_letter(&o.letter().to_string()), Some(o));
        }
        assert_eq!(Outcome::from_letter("dd"), None);
        assert!(!Outcome::Carried.settles() && Outcome::Done.settles() && Outcome::Dropped.settles());
    }
}
