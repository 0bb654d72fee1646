//! Button data of joining, invitations, leaving and the language.

use crate::domain::{Language, Role};
use crate::telegram::shared::callback::{CallbackData, id, parts};

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
    /// The member list as a spreadsheet.
    MembersXlsx,
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

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
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
            Cb::MembersXlsx => "mem:x".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["lang", l] => Cb::Lang(Language::parse(l)?),
            ["join", "name"] => Cb::JoinUseName,
            ["join", "yes"] => Cb::JoinAccept,
            ["join", "no"] => Cb::JoinDecline,
            ["inv", "m", m] => Cb::InviteMechanism(id(m)?),
            ["inv", "o", o] => Cb::InviteOrganisation(id(o)?),
            ["inv", "p", p] => Cb::InvitePage(u16::try_from(id(p).or((*p == "0").then_some(0))?).ok()?),
            ["inv", "r", r] => Cb::InviteRole(role_from(r)?),
            ["inv", "x"] => Cb::InviteReplace,
            ["leave", "p", m] => Cb::LeavePick(id(m)?),
            ["leave", "y", m] => Cb::LeaveYes(id(m)?),
            ["leave", "n"] => Cb::LeaveNo,
            ["mem", "x"] => Cb::MembersXlsx,
            _ => return None,
        })
    }
}
