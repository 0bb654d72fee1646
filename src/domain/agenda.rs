//! Agenda items proposed by members: one line each, decided by the chair.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const MAX_ITEM_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum ItemStatus {
    Proposed,
    Accepted,
    Declined,
}

/// Where an item comes from: a member's proposal, or the chair's tap on a
/// who-does-what-where gap or duplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum ItemSource {
    Member,
    Wherewho,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub organisation_id: Option<i64>,
    pub organisation: Option<String>,
    pub proposed_by: Option<i64>,
    pub text: String,
    pub source: ItemSource,
    pub status: ItemStatus,
    pub proposed_at: DateTime<Utc>,
}

/// Why a proposal or a decision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AgendaRefusal {
    #[error("the item is empty")]
    Empty,
    #[error("an item is one line of at most {MAX_ITEM_CHARS} characters")]
    TooLong,
    #[error("this item is already proposed for this meeting")]
    Duplicate,
    #[error("the invitation has gone out: the agenda is closed")]
    InvitationSent,
    #[error("the chair has already decided on this item")]
    AlreadyDecided,
    #[error("the item contains personal data ({0})")]
    PersonalData(super::personal_data::PersonalData),
}

/// One line, 1 to 200 characters, spaces collapsed.
pub fn parse_item(raw: &str) -> Result<String, AgendaRefusal> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(AgendaRefusal::Empty);
    }
    if t.chars().count() > MAX_ITEM_CHARS || t.chars().any(char::is_control) {
        return Err(AgendaRefusal::TooLong);
    }
    // The agenda goes to every member of the mechanism and into their calendars.
    if let Some(kind) = super::personal_data::detect(&t) {
        return Err(AgendaRefusal::PersonalData(kind));
    }
    Ok(t)
}

/// The agenda the invitation shows: the chair's lines, then the accepted items.
pub fn full_agenda(base: Option<&str>, accepted: &[AgendaItem]) -> Option<String> {
    let mut lines: Vec<String> = base
        .map(|b| b.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
        .unwrap_or_default();
    for item in accepted.iter().filter(|i| i.status == ItemStatus::Accepted) {
        let line = match &item.organisation {
            Some(org) => format!("{} ({org})", item.text),
            None => item.text.clone(),
        };
        // Applying it twice changes nothing (the invitation's text and its calendar file).
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, org: Option<&str>, status: ItemStatus) -> AgendaItem {
        AgendaItem {
            id: 1,
            meeting_id: 1,
            organisation_id: None,
            organisation: org.map(String::from),
            proposed_by: None,
            text: text.into(),
            source: ItemSource::Member,
            status,
            proposed_at: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn items_are_one_short_line() {
        assert_eq!(parse_item("  Point  sur\n les retours "), Ok("Point sur les retours".into()));
        assert_eq!(parse_item(" \n"), Err(AgendaRefusal::Empty));
        assert_eq!(parse_item(&"x".repeat(201)), Err(AgendaRefusal::TooLong));
    }

    #[test]
    fn accepted_items_follow_the_chairs_agenda() {
        let items = [
            item("Retours à Ménaka", Some("NRC"), ItemStatus::Accepted),
            item("Hors sujet", Some("X"), ItemStatus::Declined),
        ];
        assert_eq!(
            full_agenda(Some("1. 4W\n\n2. Divers"), &items).unwrap(),
            "1. 4W\n2. Divers\nRetours à Ménaka (NRC)"
        );
        assert_eq!(full_agenda(None, &items[1..]), None);
        let once = full_agenda(Some("1. 4W"), &items).unwrap();
        assert_eq!(full_agenda(Some(&once), &items).unwrap(), once);
    }
}
