//! Typed callback data. Every button carries one of these, encoded in at most 64 bytes;
//! anything that does not decode is treated as a forged or stale button.

use crate::domain::{Language, Role};
use crate::services::meetings::Choice;
// 4W (issue 5)
use crate::domain::fourw::ActivityStatus;

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
    /// An organisation's answer to a meeting invitation.
    Rsvp {
        meeting: i64,
        org: i64,
        choice: Choice,
    },
    /// The same answer, given from the /meetings list (which is then redrawn).
    RsvpFromList {
        meeting: i64,
        org: i64,
        choice: Choice,
    },
    MeetingMove(i64),
    MeetingCancel(i64),
    MeetingCancelYes(i64),
    MoveConfirm,
    NmMechanism(i64),
    /// A date as yyyymmdd.
    NmDate(u32),
    /// A time as minutes after midnight.
    NmTime(u16),
    NmDuration(u16),
    NmSkip,
    NmAdHoc(bool),
    NmMonthly(bool),
    NmCreate,
    AttMeeting(i64),
    AttToggle(i64),
    AttSave,
    // Minutes (issue 4)
    ActionDone(i64),
    MnMeeting(i64),
    MnSkip,
    MnShare,
    MnResend(i64),
    ShareToggle(i64),
    ShareSend,
    // 4W (issue 5)
    /// A reporting month as yyyymm.
    FwMonth(u32),
    FwSeat {
        org: i64,
        mech: i64,
    },
    FwAdd,
    FwCopy,
    FwNone,
    /// A sector, by its position in the list of sectors.
    FwSector(u8),
    FwActivity(i64),
    /// A region P-code without "ML" (ML05 → 5).
    FwRegion(u16),
    /// A cercle P-code without "ML" (ML0507 → 507).
    FwCercle(u16),
    FwStatus(ActivityStatus),
    /// A date as yyyymmdd.
    FwDate(u32),
    FwCount(u32),
    FwSkip,
    FwKeep,
    FwEdit(u8),
    FwDelete(u8),
    FwSubmit,
    FwCancel,
    FwDiscard(bool),
    // 4W review (issue 5)
    /// The chair returns a line (its id) to its organisation.
    FwReturn(i64),
    /// The focal point opens /report on a returned line (its id).
    FwFix(i64),
}

// 4W (issue 5)
fn status_code(s: ActivityStatus) -> &'static str {
    match s {
        ActivityStatus::Planned => "p",
        ActivityStatus::Ongoing => "o",
        ActivityStatus::Completed => "c",
    }
}

fn status_from(code: &str) -> Option<ActivityStatus> {
    match code {
        "p" => Some(ActivityStatus::Planned),
        "o" => Some(ActivityStatus::Ongoing),
        "c" => Some(ActivityStatus::Completed),
        _ => None,
    }
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

fn choice_code(c: Choice) -> &'static str {
    match c {
        Choice::Attend => "a",
        Choice::HandOver => "h",
        Choice::Decline => "d",
    }
}

fn choice_from(code: &str) -> Option<Choice> {
    match code {
        "a" => Some(Choice::Attend),
        "h" => Some(Choice::HandOver),
        "d" => Some(Choice::Decline),
        _ => None,
    }
}

/// A decimal number without sign or leading zeros (0 allowed).
fn num(s: &str) -> Option<u64> {
    if s == "0" {
        return Some(0);
    }
    if s.is_empty() || s.len() > 19 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A strictly positive decimal id without sign or leading zeros.
fn id(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 19 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
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
            Cb::Rsvp { meeting, org, choice } => format!("r:{meeting}:{org}:{}", choice_code(choice)),
            Cb::RsvpFromList { meeting, org, choice } => format!("rl:{meeting}:{org}:{}", choice_code(choice)),
            Cb::MeetingMove(m) => format!("mm:{m}"),
            Cb::MeetingCancel(m) => format!("mc:{m}"),
            Cb::MeetingCancelYes(m) => format!("my:{m}"),
            Cb::MoveConfirm => "mv:ok".into(),
            Cb::NmMechanism(m) => format!("nm:m:{m}"),
            Cb::NmDate(d) => format!("nm:d:{d}"),
            Cb::NmTime(t) => format!("nm:t:{t}"),
            Cb::NmDuration(l) => format!("nm:l:{l}"),
            Cb::NmSkip => "nm:s".into(),
            Cb::NmAdHoc(a) => format!("nm:k:{}", if a { "a" } else { "r" }),
            Cb::NmMonthly(m) => format!("nm:r:{}", u8::from(m)),
            Cb::NmCreate => "nm:ok".into(),
            Cb::AttMeeting(m) => format!("at:m:{m}"),
            Cb::AttToggle(o) => format!("at:t:{o}"),
            Cb::AttSave => "at:ok".into(),
            Cb::ActionDone(a) => format!("ad:{a}"),
            Cb::MnMeeting(m) => format!("mn:m:{m}"),
            Cb::MnSkip => "mn:s".into(),
            Cb::MnShare => "mn:ok".into(),
            Cb::MnResend(m) => format!("mn:r:{m}"),
            Cb::ShareToggle(m) => format!("sh:t:{m}"),
            Cb::ShareSend => "sh:ok".into(),
            // 4W (issue 5)
            Cb::FwMonth(m) => format!("fw:mo:{m}"),
            Cb::FwSeat { org, mech } => format!("fw:s:{org}:{mech}"),
            Cb::FwAdd => "fw:add".into(),
            Cb::FwCopy => "fw:copy".into(),
            Cb::FwNone => "fw:none".into(),
            Cb::FwSector(i) => format!("fw:sec:{i}"),
            Cb::FwActivity(a) => format!("fw:act:{a}"),
            Cb::FwRegion(r) => format!("fw:reg:{r}"),
            Cb::FwCercle(c) => format!("fw:cer:{c}"),
            Cb::FwStatus(s) => format!("fw:st:{}", status_code(s)),
            Cb::FwDate(d) => format!("fw:d:{d}"),
            Cb::FwCount(n) => format!("fw:n:{n}"),
            Cb::FwSkip => "fw:skip".into(),
            Cb::FwKeep => "fw:keep".into(),
            Cb::FwEdit(i) => format!("fw:ed:{i}"),
            Cb::FwDelete(i) => format!("fw:del:{i}"),
            Cb::FwSubmit => "fw:sub".into(),
            Cb::FwCancel => "fw:cx".into(),
            Cb::FwDiscard(yes) => format!("fw:cx:{}", if yes { "y" } else { "n" }),
            // 4W review (issue 5)
            Cb::FwReturn(l) => format!("fw:ret:{l}"),
            Cb::FwFix(l) => format!("fw:fix:{l}"),
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
            ["inv", "p", p] => Cb::InvitePage(u16::try_from(id(p).or((*p == "0").then_some(0))?).ok()?),
            ["inv", "r", r] => Cb::InviteRole(role_from(r)?),
            ["inv", "x"] => Cb::InviteReplace,
            ["leave", "p", m] => Cb::LeavePick(id(m)?),
            ["leave", "y", m] => Cb::LeaveYes(id(m)?),
            ["leave", "n"] => Cb::LeaveNo,
            ["cancel"] => Cb::Cancel,
            ["r", m, o, c] => Cb::Rsvp { meeting: id(m)?, org: id(o)?, choice: choice_from(c)? },
            ["rl", m, o, c] => Cb::RsvpFromList { meeting: id(m)?, org: id(o)?, choice: choice_from(c)? },
            ["mm", m] => Cb::MeetingMove(id(m)?),
            ["mc", m] => Cb::MeetingCancel(id(m)?),
            ["my", m] => Cb::MeetingCancelYes(id(m)?),
            ["mv", "ok"] => Cb::MoveConfirm,
            ["nm", "m", m] => Cb::NmMechanism(id(m)?),
            ["nm", "d", d] => Cb::NmDate(u32::try_from(num(d)?).ok().filter(|d| (19000101..=29991231).contains(d))?),
            ["nm", "t", t] => Cb::NmTime(u16::try_from(num(t)?).ok().filter(|t| *t < 24 * 60)?),
            ["nm", "l", l] => Cb::NmDuration(u16::try_from(num(l)?).ok().filter(|l| (15..=720).contains(l))?),
            ["nm", "s"] => Cb::NmSkip,
            ["nm", "k", "a"] => Cb::NmAdHoc(true),
            ["nm", "k", "r"] => Cb::NmAdHoc(false),
            ["nm", "r", "1"] => Cb::NmMonthly(true),
            ["nm", "r", "0"] => Cb::NmMonthly(false),
            ["nm", "ok"] => Cb::NmCreate,
            ["at", "m", m] => Cb::AttMeeting(id(m)?),
            ["at", "t", o] => Cb::AttToggle(id(o)?),
            ["at", "ok"] => Cb::AttSave,
            ["ad", a] => Cb::ActionDone(id(a)?),
            ["mn", "m", m] => Cb::MnMeeting(id(m)?),
            ["mn", "s"] => Cb::MnSkip,
            ["mn", "ok"] => Cb::MnShare,
            ["mn", "r", m] => Cb::MnResend(id(m)?),
            ["sh", "t", m] => Cb::ShareToggle(id(m)?),
            ["sh", "ok"] => Cb::ShareSend,
            // 4W (issue 5)
            ["fw", "mo", m] => Cb::FwMonth(
                u32::try_from(num(m)?)
                    .ok()
                    .filter(|m| (200001..=299912).contains(m) && (1..=12).contains(&(m % 100)))?,
            ),
            ["fw", "s", o, m] => Cb::FwSeat { org: id(o)?, mech: id(m)? },
            ["fw", "add"] => Cb::FwAdd,
            ["fw", "copy"] => Cb::FwCopy,
            ["fw", "none"] => Cb::FwNone,
            ["fw", "sec", i] => Cb::FwSector(u8::try_from(num(i)?).ok()?),
            ["fw", "act", a] => Cb::FwActivity(id(a)?),
            ["fw", "reg", r] => Cb::FwRegion(u16::try_from(num(r)?).ok().filter(|r| *r < 100)?),
            ["fw", "cer", c] => Cb::FwCercle(u16::try_from(num(c)?).ok().filter(|c| (100..10000).contains(c))?),
            ["fw", "st", s] => Cb::FwStatus(status_from(s)?),
            ["fw", "d", d] => Cb::FwDate(u32::try_from(num(d)?).ok().filter(|d| (20000101..=21001231).contains(d))?),
            ["fw", "n", n] => {
                Cb::FwCount(u32::try_from(num(n)?).ok().filter(|n| *n <= crate::domain::fourw::MAX_COUNT)?)
            }
            ["fw", "skip"] => Cb::FwSkip,
            ["fw", "keep"] => Cb::FwKeep,
            ["fw", "ed", i] => Cb::FwEdit(u8::try_from(num(i)?).ok()?),
            ["fw", "del", i] => Cb::FwDelete(u8::try_from(num(i)?).ok()?),
            ["fw", "sub"] => Cb::FwSubmit,
            ["fw", "cx"] => Cb::FwCancel,
            ["fw", "cx", "y"] => Cb::FwDiscard(true),
            ["fw", "cx", "n"] => Cb::FwDiscard(false),
            // 4W review (issue 5)
            ["fw", "ret", l] => Cb::FwReturn(id(l)?),
            ["fw", "fix", l] => Cb::FwFix(id(l)?),
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
            Cb::Rsvp { meeting: i64::MAX, org: i64::MAX, choice: Choice::HandOver },
            Cb::Rsvp { meeting: 1, org: 2, choice: Choice::Attend },
            Cb::Rsvp { meeting: 1, org: 2, choice: Choice::Decline },
            Cb::RsvpFromList { meeting: i64::MAX, org: i64::MAX, choice: Choice::Decline },
            Cb::MeetingMove(i64::MAX),
            Cb::MeetingCancel(3),
            Cb::MeetingCancelYes(3),
            Cb::MoveConfirm,
            Cb::NmMechanism(19),
            Cb::NmDate(20261208),
            Cb::NmTime(0),
            Cb::NmTime(1439),
            Cb::NmDuration(90),
            Cb::NmSkip,
            Cb::NmAdHoc(true),
            Cb::NmAdHoc(false),
            Cb::NmMonthly(true),
            Cb::NmMonthly(false),
            Cb::NmCreate,
            Cb::AttMeeting(7),
            Cb::AttToggle(8),
            Cb::AttSave,
            Cb::ActionDone(i64::MAX),
            Cb::MnMeeting(4),
            Cb::MnSkip,
            Cb::MnShare,
            Cb::MnResend(5),
            Cb::ShareToggle(6),
            Cb::ShareSend,
            // 4W (issue 5)
            Cb::FwMonth(202610),
            Cb::FwSeat { org: i64::MAX, mech: i64::MAX },
            Cb::FwAdd,
            Cb::FwCopy,
            Cb::FwNone,
            Cb::FwSector(0),
            Cb::FwSector(255),
            Cb::FwActivity(i64::MAX),
            Cb::FwRegion(5),
            Cb::FwCercle(507),
            Cb::FwCercle(1004),
            Cb::FwStatus(ActivityStatus::Planned),
            Cb::FwStatus(ActivityStatus::Ongoing),
            Cb::FwStatus(ActivityStatus::Completed),
            Cb::FwDate(20261031),
            Cb::FwCount(0),
            Cb::FwCount(1_000_000),
            Cb::FwSkip,
            Cb::FwKeep,
            Cb::FwEdit(0),
            Cb::FwDelete(39),
            Cb::FwSubmit,
            Cb::FwCancel,
            Cb::FwDiscard(true),
            Cb::FwDiscard(false),
            // 4W review (issue 5)
            Cb::FwReturn(i64::MAX),
            Cb::FwFix(1),
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
            // 4W (issue 5)
            "fw:mo:202613",
            "fw:mo:2026",
            "fw:s:1",
            "fw:sec:256",
            "fw:reg:100",
            "fw:cer:50",
            "fw:st:x",
            "fw:d:20261301x",
            "fw:n:1000001",
            "fw:n:-1",
            "fw:ed:0300",
            "fw:cx:maybe",
            // 4W review (issue 5)
            "fw:ret:",
            "fw:ret:x",
            "fw:fix:-",
            "fw:fix:1:2",
        ] {
            assert_eq!(Cb::decode(bad), None, "{bad:?}");
        }
    }
}
