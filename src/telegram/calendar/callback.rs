//! Button data of /calendar.

use crate::telegram::shared::callback::{CallbackData, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// A new secret for the feed; the old link stops working.
    Rotate,
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match self {
            Cb::Rotate => "cal:rot".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        match parts(data)?.as_slice() {
            ["cal", "rot"] => Some(Cb::Rotate),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_others() {
        assert_eq!(Cb::decode(&Cb::Rotate.encode()), Some(Cb::Rotate));
        assert_eq!(Cb::decode("cal:rot:1"), None);
        assert_eq!(Cb::decode("cal"), None);
    }
}
