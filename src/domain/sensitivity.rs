//! Sensitivity of a shared item (document, minutes) and requests to reuse one outside the
//! mechanism: who may receive an item of a class, and how a reuse request is decided.

use super::personal_data::{self, PersonalData};
use serde::{Deserialize, Serialize};

/// The class of a document or minutes, chosen when it is shared.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::Display,
    strum::AsRefStr,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Sensitivity {
    /// The members of the mechanism (and the coordinators).
    #[default]
    Internal,
    /// Only the seats of the named organisations, and the coordinators.
    Restricted,
    /// May be forwarded: sent without protection.
    Public,
}

impl Sensitivity {
    /// A short code for button data.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Self> {
        use strum::IntoEnumIterator;
        Sensitivity::iter().find(|s| s.code() == code)
    }

    /// Whether the item is sent with protect_content (no forwarding, no saving).
    pub fn protected(self) -> bool {
        self != Sensitivity::Public
    }
}

/// An item's class with the organisations a restricted item is meant for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Class {
    pub sensitivity: Sensitivity,
    pub organisations: Vec<i64>,
}

/// May someone who is already allowed to receive the mechanism's items (a member, or a
/// coordinator) receive one of this class? `seat_orgs` are the organisations whose seat
/// they hold in the item's mechanisms.
pub fn class_allows(class: &Class, coordinator: bool, seat_orgs: &[i64]) -> bool {
    match class.sensitivity {
        Sensitivity::Internal | Sensitivity::Public => true,
        Sensitivity::Restricted => coordinator || seat_orgs.iter().any(|o| class.organisations.contains(o)),
    }
}

/// Refusals about an item's class and its reuse (each told to the person, translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum ClassRefusal {
    #[error("this item is restricted to other organisations")]
    Restricted,
    #[error("a restricted item names at least one member organisation of its mechanisms")]
    NoOrganisations,
    #[error("this item has no source organisation recorded: its reuse cannot be asked")]
    NoSource,
    #[error("this request is not yours to answer")]
    NotParty,
    #[error("this request is already decided")]
    Decided,
    #[error("your side has already answered this request")]
    AlreadyAnswered,
    #[error("the source must be a member organisation of the mechanism")]
    SourceNotMember,
}

impl From<AnswerError> for ClassRefusal {
    fn from(e: AnswerError) -> Self {
        match e {
            AnswerError::Decided => ClassRefusal::Decided,
            AnswerError::AlreadyAnswered => ClassRefusal::AlreadyAnswered,
        }
    }
}

/// The longest purpose or audience line of a reuse request.
pub const MAX_REUSE_LINE: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("the line is empty")]
    Empty,
    #[error("the line is longer than {MAX_REUSE_LINE} characters or has several lines")]
    TooLong,
    #[error("the line contains personal data ({0})")]
    PersonalData(PersonalData),
}

/// A purpose, audience or refusal reason: one line, 1 to 200 characters, no personal data.
pub fn parse_line(raw: &str) -> Result<String, LineError> {
    if raw.trim().contains('\n') {
        return Err(LineError::TooLong);
    }
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(LineError::Empty);
    }
    if t.chars().count() > MAX_REUSE_LINE || t.chars().any(char::is_control) {
        return Err(LineError::TooLong);
    }
    if let Some(kind) = personal_data::detect(&t) {
        return Err(LineError::PersonalData(kind));
    }
    Ok(t)
}

/// Who answers a reuse request.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::Display, strum::AsRefStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The source organisation's focal point or alternate.
    Source,
    /// Any coordinator (the first answer counts).
    Coordinator,
}

/// Where a reuse request stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::Display, strum::AsRefStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ReuseState {
    Pending,
    Approved,
    Refused,
}

/// The answers given so far: `Some(true)` approved, `Some(false)` refused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answers {
    pub source: Option<bool>,
    pub coordinator: Option<bool>,
}

impl Answers {
    pub fn of(&self, party: Party) -> Option<bool> {
        match party {
            Party::Source => self.source,
            Party::Coordinator => self.coordinator,
        }
    }

    /// The state these answers make: approved only when both approved, refused by either.
    pub fn state(&self) -> ReuseState {
        match (self.source, self.coordinator) {
            (Some(false), _) | (_, Some(false)) => ReuseState::Refused,
            (Some(true), Some(true)) => ReuseState::Approved,
            _ => ReuseState::Pending,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the request is already decided")]
    Decided,
    #[error("this party has already answered")]
    AlreadyAnswered,
}

/// Records a party's answer; a decided request and a second answer of a party are refused.
pub fn answer(current: Answers, party: Party, approve: bool) -> Result<Answers, AnswerError> {
    if current.state() != ReuseState::Pending {
        return Err(AnswerError::Decided);
    }
    if current.of(party).is_some() {
        return Err(AnswerError::AlreadyAnswered);
    }
    let mut next = current;
    match party {
        Party::Source => next.source = Some(approve),
        Party::Coordinator => next.coordinator = Some(approve),
    }
    Ok(next)
}

/// Messages about a reuse request to one person, rendered when sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reuse_msg", rename_all = "snake_case")]
pub enum ReuseMsg {
    /// To a party (the source organisation's seat, or a coordinator), with Approve / Refuse.
    Ask { request_id: i64, party: Party },
    /// To the requester: the outcome.
    Decided { request_id: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn classes_round_trip_and_only_public_is_unprotected() {
        for s in Sensitivity::iter() {
            assert_eq!(s.to_string().parse::<Sensitivity>(), Ok(s));
            assert_eq!(Sensitivity::from_code(s.code()), Some(s));
            assert_eq!(s.protected(), s != Sensitivity::Public);
        }
        assert_eq!(Sensitivity::default(), Sensitivity::Internal);
        assert_eq!(Sensitivity::from_code(9), None);
    }

    #[test]
    fn restricted_reaches_the_named_organisations_and_coordinators_only() {
        let (nrc, drc, irc) = (1, 2, 3);
        let c = Class { sensitivity: Sensitivity::Restricted, organisations: vec![nrc, drc] };
        assert!(class_allows(&c, false, &[nrc]));
        assert!(class_allows(&c, false, &[irc, drc]));
        assert!(!class_allows(&c, false, &[irc]));
        assert!(!class_allows(&c, false, &[]));
        assert!(class_allows(&c, true, &[]));
        for s in [Sensitivity::Internal, Sensitivity::Public] {
            assert!(class_allows(&Class { sensitivity: s, organisations: vec![] }, false, &[irc]));
        }
    }

    #[test]
    fn approved_only_when_both_approve_and_refused_by_either() {
        let a = Answers::default();
        assert_eq!(a.state(), ReuseState::Pending);
        let s = answer(a, Party::Source, true).unwrap();
        assert_eq!(s.state(), ReuseState::Pending);
        assert_eq!(answer(s, Party::Source, false), Err(AnswerError::AlreadyAnswered));
        let both = answer(s, Party::Coordinator, true).unwrap();
        assert_eq!(both.state(), ReuseState::Approved);
        assert_eq!(answer(both, Party::Coordinator, false), Err(AnswerError::Decided));
        let c = answer(a, Party::Coordinator, true).unwrap();
        assert_eq!(c.state(), ReuseState::Pending);
        let refused = answer(c, Party::Source, false).unwrap();
        assert_eq!(refused.state(), ReuseState::Refused);
        let first = answer(a, Party::Coordinator, false).unwrap();
        assert_eq!(first.state(), ReuseState::Refused);
        assert_eq!(answer(first, Party::Source, true), Err(AnswerError::Decided));
    }

    #[test]
    fn lines_are_checked() {
        assert_eq!(parse_line("  Rapport  bailleur "), Ok("Rapport bailleur".into()));
        assert_eq!(parse_line(" "), Err(LineError::Empty));
        assert_eq!(parse_line(&"x".repeat(201)), Err(LineError::TooLong));
        assert_eq!(parse_line("a\nb"), Err(LineError::TooLong));
        assert!(matches!(parse_line("Appeler 76 12 34 56"), Err(LineError::PersonalData(_))));
    }
}
