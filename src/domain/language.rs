use serde::{Deserialize, Serialize};

/// The two working languages of the cluster. French is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    #[default]
    Fr,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Fr, Language::En];

    /// The default for a new user: `fr*` → French, `en*` → English, anything else → French.
    pub fn from_client(language_code: Option<&str>) -> Self {
        match language_code.map(|c| c.trim().to_ascii_lowercase()) {
            Some(c) if c.starts_with("en") => Language::En,
            _ => Language::Fr,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_language_defaults() {
        assert_eq!(Language::from_client(Some("fr")), Language::Fr);
        assert_eq!(Language::from_client(Some("fr-FR")), Language::Fr);
        assert_eq!(Language::from_client(Some("en-GB")), Language::En);
        assert_eq!(Language::from_client(Some("EN")), Language::En);
        assert_eq!(Language::from_client(Some("bm")), Language::Fr);
        assert_eq!(Language::from_client(Some("")), Language::Fr);
        assert_eq!(Language::from_client(None), Language::Fr);
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
        assert_eq!(Language::parse("de"), None);
    }
}
