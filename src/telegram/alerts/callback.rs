//! Button data of /alert, of the validation request and of the commitment request. A region or
//! a cercle travels as the digits of its P-code (ML05 → 5, ML0501 → 501).

use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The /alert menu of a chair: raise a new alert.
    New,
    /// The raise dialog: the region (ML01–ML99).
    Region(u8),
    /// The raise dialog: the cercle (ML0101–ML9999).
    Cercle(u16),
    /// The raise dialog: the movement took place today.
    Today,
    /// The raise dialog: the cause, by its rank in the closed list.
    Cause(u8),
    Verified(bool),
    Nameable(bool),
    Send,
    /// To the CMP chair: one tap validates or refuses; close after validation.
    Validate(i64),
    Refuse(i64),
    Close(i64),
    /// A present organisation's answer: alert, organisation, commitment rank.
    Commit {
        alert: i64,
        org: i64,
        commitment: u8,
    },
}

fn flag(b: bool) -> u8 {
    u8::from(b)
}

fn bool_from(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Exactly `len` decimal digits, kept as a number.
fn digits(s: &str, len: usize) -> Option<u64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

impl Cb {
    pub fn region_pcode(n: u8) -> String {
        format!("ML{n:02}")
    }

    pub fn cercle_pcode(n: u16) -> String {
        format!("ML{n:04}")
    }

    /// The digits of a P-code (ML05 → 5), when it is one of ours.
    pub fn pcode_digits(pcode: &str) -> Option<u64> {
        pcode.strip_prefix("ML").and_then(|d| d.parse().ok())
    }
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::New => "al:new".into(),
            Cb::Region(r) => format!("al:r:{r:02}"),
            Cb::Cercle(c) => format!("al:c:{c:04}"),
            Cb::Today => "al:d".into(),
            Cb::Cause(c) => format!("al:k:{c}"),
            Cb::Verified(v) => format!("al:v:{}", flag(v)),
            Cb::Nameable(n) => format!("al:n:{}", flag(n)),
            Cb::Send => "al:ok".into(),
            Cb::Validate(a) => format!("al:y:{a}"),
            Cb::Refuse(a) => format!("al:x:{a}"),
            Cb::Close(a) => format!("al:z:{a}"),
            Cb::Commit { alert, org, commitment } => format!("al:m:{alert}:{org}:{commitment}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["al", "new"] => Cb::New,
            ["al", "r", r] => Cb::Region(u8::try_from(digits(r, 2)?).ok().filter(|r| *r > 0)?),
            ["al", "c", c] => Cb::Cercle(u16::try_from(digits(c, 4)?).ok().filter(|c| *c > 100)?),
            ["al", "d"] => Cb::Today,
            ["al", "k", c] => Cb::Cause(u8::try_from(num(c)?).ok().filter(|c| *c < 6)?),
            ["al", "v", v] => Cb::Verified(bool_from(v)?),
            ["al", "n", n] => Cb::Nameable(bool_from(n)?),
            ["al", "ok"] => Cb::Send,
            ["al", "y", a] => Cb::Validate(id(a)?),
            ["al", "x", a] => Cb::Refuse(id(a)?),
            ["al", "z", a] => Cb::Close(id(a)?),
            ["al", "m", a, o, c] => {
                Cb::Commit { alert: id(a)?, org: id(o)?, commitment: u8::try_from(num(c)?).ok().filter(|c| *c < 3)? }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_round_trips_within_64_bytes_and_forgeries_fail() {
        let all = [
            Cb::New,
            Cb::Region(5),
            Cb::Cercle(501),
            Cb::Today,
            Cb::Cause(5),
            Cb::Verified(true),
            Cb::Nameable(false),
            Cb::Send,
            Cb::Validate(i64::MAX),
            Cb::Refuse(3),
            Cb::Close(3),
            Cb::Commit { alert: i64::MAX, org: i64::MAX, commitment: 2 },
        ];
        for cb in all {
            let data = cb.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
        for forged in ["al:k:6", "al:m:1:2:3", "al:y:0", "al:y:-1", "al:r:5", "al:r:00", "al:c:50", "al:v:2", "al"] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
        assert_eq!(Cb::region_pcode(5), "ML05");
        assert_eq!(Cb::cercle_pcode(501), "ML0501");
        assert_eq!(Cb::pcode_digits("ML0501"), Some(501));
    }
}
