//! Button data of /situation and of the regional chair's decision.

use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The regional cluster (for a member with seats in several).
    Mechanism(i64),
    /// A cercle, by the digits of its P-code after "ML" (kept with their leading zeros).
    Place {
        digits: u32,
        len: u8,
    },
    /// A theme (see `Theme::code`).
    Theme(u8),
    Verified(bool),
    /// Whether the organisation may be named as the source.
    Source(bool),
    Post,
    /// The regional chair validates (true) or refuses an item.
    Decide {
        item: i64,
        validate: bool,
    },
}

impl Cb {
    /// The button of a cercle, when its P-code has the form "ML" and 2 to 8 digits.
    pub fn place(pcode: &str) -> Option<Self> {
        let digits = pcode.strip_prefix("ML")?;
        if !(2..=8).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Cb::Place { digits: digits.parse().ok()?, len: digits.len() as u8 })
    }

    pub fn pcode(digits: u32, len: u8) -> String {
        format!("ML{digits:0width$}", width = usize::from(len))
    }
}

fn flag(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::Mechanism(m) => format!("st:m:{m}"),
            Cb::Place { digits, len } => format!("st:p:{}", &Self::pcode(digits, len)[2..]),
            Cb::Theme(t) => format!("st:t:{t}"),
            Cb::Verified(v) => format!("st:v:{}", u8::from(v)),
            Cb::Source(s) => format!("st:s:{}", u8::from(s)),
            Cb::Post => "st:ok".into(),
            Cb::Decide { item, validate } => format!("st:d:{item}:{}", u8::from(validate)),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        Some(match parts(data)?.as_slice() {
            ["st", "m", m] => Cb::Mechanism(id(m)?),
            ["st", "p", p] => Cb::place(&format!("ML{p}"))?,
            ["st", "t", t] => Cb::Theme(
                u8::try_from(num(t)?).ok().filter(|t| crate::domain::situation::Theme::from_code(*t).is_some())?,
            ),
            ["st", "v", v] => Cb::Verified(flag(v)?),
            ["st", "s", s] => Cb::Source(flag(s)?),
            ["st", "ok"] => Cb::Post,
            ["st", "d", i, v] => Cb::Decide { item: id(i)?, validate: flag(v)? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_forgeries() {
        for cb in [
            Cb::Mechanism(3),
            Cb::place("ML0701").unwrap(),
            Cb::place("ML070101").unwrap(),
            Cb::Theme(1),
            Cb::Verified(false),
            Cb::Source(true),
            Cb::Post,
            Cb::Decide { item: 9, validate: false },
        ] {
            assert_eq!(Cb::decode(&cb.encode()), Some(cb));
        }
        assert_eq!(Cb::place("ML0701").unwrap().encode(), "st:p:0701");
        for forged in ["st:p:x1", "st:p:1", "st:t:0", "st:t:99", "st:v:2", "st:d:0:1", "st:d:5", "st:m:-1", "st"] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
    }
}
