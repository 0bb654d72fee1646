//! The library's words: the types of document, a title, and how a list is paged.

use super::personal_data::{self, PersonalData};

/// How many documents a page of the library shows.
pub const PAGE: usize = 8;
pub const MAX_TITLE_CHARS: usize = 120;
/// The largest file the command line files (Telegram's bots may upload up to 50 MB; the
/// library keeps its copies small).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumString,
    strum::Display,
    strum::AsRefStr,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum DocType {
    Minutes,
    Strategy,
    AdvocacyNote,
    WorkPlan,
    Assessment,
    Tor,
    FourwMatrix,
    Other,
}

impl DocType {
    /// A short code for button data.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Self> {
        use strum::IntoEnumIterator;
        DocType::iter().find(|t| t.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TitleError {
    #[error("the title is empty")]
    Empty,
    #[error("the title is longer than {MAX_TITLE_CHARS} characters")]
    TooLong,
    #[error("the title contains personal data ({0})")]
    PersonalData(PersonalData),
}

/// A title: one line, 1 to 120 characters, no personal data.
pub fn parse_title(raw: &str) -> Result<String, TitleError> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Err(TitleError::Empty);
    }
    if t.chars().count() > MAX_TITLE_CHARS || t.chars().any(char::is_control) {
        return Err(TitleError::TooLong);
    }
    if let Some(kind) = personal_data::detect(&t) {
        return Err(TitleError::PersonalData(kind));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn types_round_trip_by_name_and_code() {
        for t in DocType::iter() {
            assert_eq!(t.to_string().parse::<DocType>(), Ok(t));
            assert_eq!(DocType::from_code(t.code()), Some(t));
        }
        assert_eq!("work-plan".parse::<DocType>(), Ok(DocType::WorkPlan));
        assert_eq!(DocType::from_code(200), None);
    }

    #[test]
    fn titles_are_checked() {
        assert_eq!(parse_title("  Stratégie  2027 "), Ok("Stratégie 2027".into()));
        assert_eq!(parse_title(" "), Err(TitleError::Empty));
        assert_eq!(parse_title(&"x".repeat(121)), Err(TitleError::TooLong));
        assert!(matches!(parse_title("Appeler 76 12 34 56"), Err(TitleError::PersonalData(_))));
    }
}
