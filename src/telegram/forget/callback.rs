//! Button data of /forget.

use crate::telegram::shared::callback::{CallbackData, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    Yes,
    No,
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match self {
            Cb::Yes => "fg:y".into(),
            Cb::No => "fg:n".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        match parts(data)?.as_slice() {
            ["fg", "y"] => Some(Cb::Yes),
            ["fg", "n"] => Some(Cb::No),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_others() {
        for cb in [Cb::Yes, Cb::No] {
            assert_eq!(Cb::decode(&cb.encode()), Some(cb));
        }
        assert_eq!(Cb::decode("fg:y:1"), None);
        assert_eq!(Cb::decode("fg"), None);
    }
}
