//! What every button's data has in common: at most 64 bytes, parsed strictly; anything that
//! does not decode is treated as a forged or stale button. Each feature has its own `Cb`
//! type; the router tries them in turn.

pub const MAX_CALLBACK_BYTES: usize = 64;

/// Button data of one feature.
pub trait CallbackData: Sized {
    fn encode(&self) -> String;
    fn decode(data: &str) -> Option<Self>;
}

/// The "Cancel" button of any dialog: the router ends the dialog in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancel;

impl CallbackData for Cancel {
    fn encode(&self) -> String {
        "cancel".into()
    }

    fn decode(data: &str) -> Option<Self> {
        (data == "cancel").then_some(Cancel)
    }
}

/// Splits button data into its parts, refusing oversize data.
pub fn parts(data: &str) -> Option<Vec<&str>> {
    (data.len() <= MAX_CALLBACK_BYTES).then(|| data.split(':').collect())
}

/// A decimal number without sign or leading zeros ("0" itself is fine).
pub fn num(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || (s.len() > 1 && s.starts_with('0')) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A strictly positive decimal id without sign or leading zeros.
pub fn id(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 19 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_strict() {
        assert_eq!(num("0"), Some(0));
        assert_eq!(num("007"), None);
        assert_eq!(id("0"), None);
        assert_eq!(id("-1"), None);
        assert_eq!(id("9223372036854775807"), Some(i64::MAX));
        assert_eq!(id("9223372036854775808"), None);
        assert_eq!(Cancel::decode("cancel"), Some(Cancel));
        assert!(parts(&"x".repeat(65)).is_none());
    }
}
