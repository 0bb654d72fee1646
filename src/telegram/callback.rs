//! Typed callback data. Every button carries one of these, encoded in at most 64 bytes;
//! anything that does not decode is treated as a forged or stale button.

use crate::domain::{Language, Role};

pub const MAX_CALLBACK_BYTES: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    Lang(Language),
    JoinUseName,
    JoinAccept,
    JoinDecline,
    InviteMechanism(i64),
    InviteOrganisation(i64),
    InvitePage(u16),
    InviteRole(Role),
    InviteReplace,
    LeavePick(i64),
    LeaveYes(i64),
    LeaveNo,
    Cancel,
}

fn role_code(r: Role) -> &'static str {
    match r {
        Role::Focal => "f",
        Role::Alternate => "a",
        Role::Chair => "c",
    }
}

fn role_from(code: &str) -> Option<Role> {
    match code {
        "f" => Some(Role::Focal),
        "a" => Some(Role::Alternate),
        "c" => Some(Role::Chair),
        _ => None,
    }
}

/// A strictly positive decimal id without sign or leading zeros.
fn id(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 19 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    s.parse().ok()
}

impl Cb {
    pub fn encode(self) -> String {
        match self {
            Cb::Lang(l) => format!("lang:{}", l.code()),
            Cb::JoinUseName => "join:name".into(),
            Cb::JoinAccept => "join:yes".into(),
            Cb::JoinDecline => "join:no".into(),
            Cb::InviteMechanism(m) => format!("inv:m:{m}"),
            Cb::InviteOrganisation(o) => format!("inv:o:{o}"),
            Cb::InvitePage(p) => format!("inv:p:{p}"),
            Cb::InviteRole(r) => format!("inv:r:{}", role_code(r)),
            Cb::InviteReplace => "inv:x".into(),
            Cb::LeavePick(m) => format!("leave:p:{m}"),
            Cb::LeaveYes(m) => format!("leave:y:{m}"),
            Cb::LeaveNo => "leave:n".into(),
            Cb::Cancel => "cancel".into(),
        }
    }

    pub fn decode(data: &str) -> Option<Self> {
        if data.len() > MAX_CALLBACK_BYTES {
            return None;
        }
        let parts: Vec<&str> = data.split(':').collect();
        Some(match parts.as_slice() {
            ["lang", l] => Cb::Lang(Language::parse(l)?),
            ["join", "name"] => Cb::JoinUseName,
            ["join", "yes"] => Cb::JoinAccept,
            ["join", "no"] => Cb::JoinDecline,
            ["inv", "m", m] => Cb::InviteMechanism(id(m)?),
            ["inv", "o", o] => Cb::InviteOrganisation(id(o)?),
            ["inv", "p", p] => {
                Cb::InvitePage(u16::try_from(id(p).or((*p == "0").then_some(0))?).ok()?)
            }
            ["inv", "r", r] => Cb::InviteRole(role_from(r)?),
            ["inv", "x"] => Cb::InviteReplace,
            ["leave", "p", m] => Cb::LeavePick(id(m)?),
            ["leave", "y", m] => Cb::LeaveYes(id(m)?),
            ["leave", "n"] => Cb::LeaveNo,
            ["cancel"] => Cb::Cancel,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_samples() -> Vec<Cb> {
        vec![
            Cb::Lang(Language::Fr),
            Cb::Lang(Language::En),
            Cb::JoinUseName,
            Cb::JoinAccept,
            Cb::JoinDecline,
            Cb::InviteMechanism(i64::MAX),
            Cb::InviteOrganisation(1),
            Cb::InvitePage(0),
            Cb::InvitePage(u16::MAX),
            Cb::InviteRole(Role::Focal),
            Cb::InviteRole(Role::Alternate),
            Cb::InviteRole(Role::Chair),
            Cb::InviteReplace,
            Cb::LeavePick(42),
            Cb::LeaveYes(i64::MAX),
            Cb::LeaveNo,
            Cb::Cancel,
        ]
    }

    #[test]
    fn round_trip_and_fit_in_64_bytes() {
        for cb in all_samples() {
            let s = cb.encode();
            assert!(s.len() <= MAX_CALLBACK_BYTES, "{s}");
            assert_eq!(Cb::decode(&s), Some(cb), "{s}");
        }
    }

    #[test]
    fn forged_data_is_rejected() {
        for bad in [
            "",
            "lang",
            "lang:de",
            "lang:fr:x",
            "join",
            "join:maybe",
            "inv:m:",
            "inv:m:-1",
            "inv:m:0",
            "inv:m:01",
            "inv:m:abc",
            "inv:m:99999999999999999999",
            "inv:r:z",
            "inv:p:70000",
            "leave:y:",
            "leave:y:1:2",
            "cancel:",
            "💥",
            "inv:o:1 ",
            &"x".repeat(65),
        ] {
            assert_eq!(Cb::decode(bad), None, "{bad:?}");
        }
    }
}
