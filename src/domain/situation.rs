//! Protection situation items: a member organisation of a regional cluster reports what it
//! sees in a cercle or commune (a theme, one paragraph, verified or not, whether its name may
//! be given); the regional chair validates; validated items go to the national cluster (its
//! chair, its next meeting's agenda, the monthly digest), marked "not verified" when so and
//! without the organisation's name unless it allowed it. Pure types and rules.

use super::Language;
use super::personal_data::{self, PersonalData};
use serde::{Deserialize, Serialize};

/// The longest paragraph, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// The themes of the cluster's work (its terms of reference and sub-clusters).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumIter, strum::EnumString, strum::AsRefStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Theme {
    /// Forced displacement, returns (the population movement commission).
    PopulationMovement,
    /// Incidents of protection, violations of human rights.
    HumanRights,
    GenderBasedViolence,
    ChildProtection,
    /// Humanitarian mine action: mines and explosive remnants.
    MineAction,
    AccessToJustice,
    SocialCohesion,
    Other,
}

impl Theme {
    /// A short number for button data.
    pub fn code(self) -> u8 {
        use strum::IntoEnumIterator;
        Theme::iter().position(|t| t == self).map_or(0, |i| i as u8 + 1)
    }

    pub fn from_code(code: u8) -> Option<Self> {
        use strum::IntoEnumIterator;
        Theme::iter().nth(usize::from(code).checked_sub(1)?)
    }

    /// The theme's name in the cluster's words (the glossary).
    pub fn name(self, lang: Language) -> &'static str {
        let (fr, en) = match self {
            Theme::PopulationMovement => ("Mouvement de population", "Population movement"),
            Theme::HumanRights => ("Violations des droits humains", "Human rights violations"),
            Theme::GenderBasedViolence => ("Violences basées sur le genre (VBG)", "Gender-based violence (GBV)"),
            Theme::ChildProtection => ("Protection de l'enfance", "Child protection"),
            Theme::MineAction => ("Lutte anti-mines humanitaire", "Humanitarian mine action"),
            Theme::AccessToJustice => ("Accès à la justice et état de droit", "Access to justice and rule of law"),
            Theme::SocialCohesion => ("Cohésion sociale", "Social cohesion"),
            Theme::Other => ("Autre", "Other"),
        };
        if lang == Language::Fr { fr } else { en }
    }
}

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::AsRefStr)]
#[strum(serialize_all = "snake_case")]
pub enum ItemState {
    Pending,
    Validated,
    Refused,
}

/// Why a paragraph is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    Empty,
    TooLong,
    /// More than one paragraph (a line break).
    NotOneParagraph,
    PersonalData(PersonalData),
}

/// The paragraph as it is kept (trimmed), or why it is refused.
pub fn check_text(text: &str) -> Result<String, TextError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TextError::Empty);
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(TextError::TooLong);
    }
    if text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(TextError::NotOneParagraph);
    }
    if let Some(kind) = personal_data::detect(text) {
        return Err(TextError::PersonalData(kind));
    }
    Ok(text.to_string())
}

/// An item as the national cluster sees it: the organisation only when it may be named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedItem {
    pub id: i64,
    /// The regional cluster's code (CR-GAO).
    pub mechanism: String,
    pub pcode: String,
    pub place: String,
    pub theme: Theme,
    pub text: String,
    pub verified: bool,
    /// `None` unless the organisation allowed its name to be given.
    pub source: Option<String>,
}

impl SharedItem {
    /// Its line on the national cluster's agenda (the agenda is one text for every reader: the
    /// theme in both working languages, "not verified" too).
    pub fn agenda_line(&self) -> String {
        let mut line = format!(
            "[{}] {} ({}) — {} / {}",
            self.mechanism,
            self.place,
            self.pcode,
            self.theme.name(Language::Fr),
            self.theme.name(Language::En)
        );
        if !self.verified {
            line.push_str(" — NON VÉRIFIÉ / NOT VERIFIED");
        }
        if let Some(org) = &self.source {
            line.push_str(&format!(" ({org})"));
        }
        line
    }
}

/// The fan-outs of situation items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "situation", rename_all = "snake_case")]
pub enum SituationJob {
    /// Posted: to the regional cluster's chairs, with Validate / Refuse.
    Posted { item_id: i64 },
    /// Validated: to the national cluster's chairs; the poster is told.
    Validated { item_id: i64 },
}

/// The messages of situation items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "situation_msg", rename_all = "snake_case")]
pub enum SituationMsg {
    /// To a regional chair: the item with Validate / Refuse.
    ToValidate { item_id: i64 },
    /// To a national chair: the validated item, without its source unless allowed.
    ToNational { item_id: i64 },
    /// To the member who posted it: validated or not retained.
    Decided { item_id: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn themes_have_short_codes_both_ways() {
        for t in Theme::iter() {
            assert_eq!(Theme::from_code(t.code()), Some(t));
            assert!(!t.name(Language::Fr).is_empty() && !t.name(Language::En).is_empty());
        }
        assert_eq!(Theme::from_code(0), None);
        assert_eq!(Theme::from_code(99), None);
    }

    #[test]
    fn a_paragraph_is_one_paragraph_of_at_most_a_thousand_characters_without_personal_data() {
        assert_eq!(check_text("  Des familles arrivent à Ansongo.  "), Ok("Des familles arrivent à Ansongo.".into()));
        assert_eq!(check_text("   "), Err(TextError::Empty));
        assert_eq!(check_text(&"a".repeat(1001)), Err(TextError::TooLong));
        assert!(check_text(&"a".repeat(1000)).is_ok());
        assert_eq!(check_text("Un.\n\nDeux."), Err(TextError::NotOneParagraph));
        assert_eq!(check_text("Appeler le 76 12 34 56"), Err(TextError::PersonalData(PersonalData::Phone)));
    }

    #[test]
    fn the_agenda_line_says_not_verified_and_names_the_source_only_when_allowed() {
        let mut item = SharedItem {
            id: 1,
            mechanism: "CR-GAO".into(),
            pcode: "ML0701".into(),
            place: "Ansongo".into(),
            theme: Theme::PopulationMovement,
            text: "…".into(),
            verified: false,
            source: None,
        };
        let line = item.agenda_line();
        assert!(line.contains("NOT VERIFIED") && line.contains("Ansongo") && !line.contains("NRC"), "{line}");
        item.verified = true;
        item.source = Some("NRC".into());
        let line = item.agenda_line();
        assert!(!line.contains("VERIFIED") && line.ends_with("(NRC)"), "{line}");
    }
}
