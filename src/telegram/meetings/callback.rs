//! Button data of answers to invitations, /newmeeting, moving and cancelling, /attendance.

use crate::domain::participation::AbsenceChoice;
use crate::services::meetings::Choice;
use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
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
    /// "Propose an item" for a meeting.
    ProposeItem(i64),
    /// The chair accepts (true) or declines an agenda item.
    ItemDecide {
        item: i64,
        accept: bool,
    },
    /// Stop a monthly series (asks first), then confirmed.
    StopSeries(i64),
    StopSeriesYes(i64),
    /// /participation: the mechanism.
    PartMechanism(i64),
    /// What the chair chooses for an organisation absent 3 times in a row.
    Absence {
        mechanism: i64,
        org: i64,
        choice: AbsenceChoice,
    },
}

fn absence_code(c: AbsenceChoice) -> &'static str {
    match c {
        AbsenceChoice::Contact => "c",
        AbsenceChoice::ProposeObserver => "o",
        AbsenceChoice::Keep => "k",
    }
}

fn absence_from(code: &str) -> Option<AbsenceChoice> {
    Some(match code {
        "c" => AbsenceChoice::Contact,
        "o" => AbsenceChoice::ProposeObserver,
        "k" => AbsenceChoice::Keep,
        _ => return None,
    })
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

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
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
            Cb::ProposeItem(m) => format!("ag:p:{m}"),
            Cb::ItemDecide { item, accept } => format!("ag:d:{item}:{}", u8::from(accept)),
            Cb::StopSeries(s) => format!("ss:{s}"),
            Cb::StopSeriesYes(s) => format!("sy:{s}"),
            Cb::PartMechanism(m) => format!("pa:m:{m}"),
            Cb::Absence { mechanism, org, choice } => format!("pa:a:{mechanism}:{org}:{}", absence_code(choice)),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
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
            ["ag", "p", m] => Cb::ProposeItem(id(m)?),
            ["ag", "d", i, "1"] => Cb::ItemDecide { item: id(i)?, accept: true },
            ["ag", "d", i, "0"] => Cb::ItemDecide { item: id(i)?, accept: false },
            ["ss", s] => Cb::StopSeries(id(s)?),
            ["sy", s] => Cb::StopSeriesYes(id(s)?),
            ["pa", "m", m] => Cb::PartMechanism(id(m)?),
            ["pa", "a", m, o, c] => Cb::Absence { mechanism: id(m)?, org: id(o)?, choice: absence_from(c)? },
            _ => return None,
        })
    }
}
