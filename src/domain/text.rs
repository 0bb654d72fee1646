//! Free text that reaches the database only after being parsed.

use std::fmt;

pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("the name contains control characters")]
    ControlCharacters,
}

/// A person's name as other members see it: 1 to 100 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, NameError> {
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(NameError::Empty);
        }
        if collapsed.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if collapsed.chars().any(char::is_control) {
            return Err(NameError::ControlCharacters);
        }
        Ok(Self(collapsed))
    }

    /// A name from a Telegram profile, shortened rather than refused (it is not typed by the user).
    pub fn from_profile(first: &str, last: Option<&str>) -> Self {
        let full = match last {
            Some(l) if !l.trim().is_empty() => format!("{first} {l}"),
            _ => first.to_string(),
        };
        let cleaned: String = full
            .chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let cut: String = cleaned.chars().take(MAX_NAME_CHARS).collect();
        if cut.is_empty() { Self("?".into()) } else { Self(cut) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(DisplayName::parse("  Awa   Traoré ").unwrap().as_str(), "Awa Traoré");
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(DisplayName::parse(""), Err(NameError::Empty));
        assert_eq!(DisplayName::parse("   \n "), Err(NameError::Empty));
        assert_eq!(DisplayName::parse(&"é".repeat(101)), Err(NameError::TooLong));
        assert!(DisplayName::parse(&"é".repeat(100)).is_ok());
        assert_eq!(DisplayName::parse("a\u{0007}b"), Err(NameError::ControlCharacters));
    }

    #[test]
    fn profile_names_are_never_refused() {
        assert_eq!(DisplayName::from_profile("Awa", Some("Traoré")).as_str(), "Awa Traoré");
        assert_eq!(DisplayName::from_profile("Awa", Some(" ")).as_str(), "Awa");
        assert_eq!(DisplayName::from_profile(&"x".repeat(64), Some(&"y".repeat(64))).as_str().chars().count(), 100);
        assert_eq!(DisplayName::from_profile("\u{0007}", None).as_str(), "?");
    }
}
