//! Button data of votes, agenda items, participation and monthly series.

use crate::domain::participation::AbsenceChoice;
use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// /vote: the mechanism.
    VoteMechanism(i64),
    /// /vote: yes / no / abstain (true) or own options (false).
    VoteYesNo(bool),
    /// /vote: how long it stays open, in hours.
    VoteHours(u16),
    /// /vote: secret (true) or open (false).
    VoteSecret(bool),
    /// /vote: attached to this meeting, or none (0).
    VoteMeeting(i64),
    VoteConfirm,
    /// A ballot: vote, organisation, option index.
    Ballot {
        vote: i64,
        org: i64,
        choice: u8,
    },
    /// The focal point hands the vote over to the alternate.
    Handover {
        vote: i64,
        org: i64,
    },
    /// "Propose an item" for a meeting.
    Propose(i64),
    /// The chair accepts (true) or declines an agenda item.
    Decide {
        item: i64,
        accept: bool,
    },
    /// A who-does-what-where gap (its rank) of a month (yyyymm) and mechanism to the agenda.
    Gap {
        mechanism: i64,
        month: u32,
        rank: u8,
    },
    /// /participation: the mechanism.
    Participation(i64),
    /// What the chair chooses for an organisation absent 3 times in a row.
    Absence {
        mechanism: i64,
        org: i64,
        choice: AbsenceChoice,
    },
    /// Stop a monthly series (asks first), then confirmed.
    StopSeries(i64),
    StopSeriesYes(i64),
}

fn choice_code(c: AbsenceChoice) -> &'static str {
    match c {
        AbsenceChoice::Contact => "c",
        AbsenceChoice::ProposeObserver => "o",
        AbsenceChoice::Keep => "k",
    }
}

fn choice_from(code: &str) -> Option<AbsenceChoice> {
    Some(match code {
        "c" => AbsenceChoice::Contact,
        "o" => AbsenceChoice::ProposeObserver,
        "k" => AbsenceChoice::Keep,
        _ => return None,
    })
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

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::VoteMechanism(m) => format!("dc:vm:{m}"),
            Cb::VoteYesNo(y) => format!("dc:vk:{}", flag(y)),
            Cb::VoteHours(h) => format!("dc:vh:{h}"),
            Cb::VoteSecret(s) => format!("dc:vs:{}", flag(s)),
            Cb::VoteMeeting(m) => format!("dc:vg:{m}"),
            Cb::VoteConfirm => "dc:vok".into(),
            Cb::Ballot { vote, org, choice } => format!("dc:b:{vote}:{org}:{choice}"),
            Cb::Handover { vote, org } => format!("dc:h:{vote}:{org}"),
            Cb::Propose(m) => format!("dc:p:{m}"),
            Cb::Decide { item, accept } => format!("dc:d:{item}:{}", flag(accept)),
            Cb::Gap { mechanism, month, rank } => format!("dc:g:{mechanism}:{month}:{rank}"),
            Cb::Participation(m) => format!("dc:pm:{m}"),
            Cb::Absence { mechanism, org, choice } => format!("dc:a:{mechanism}:{org}:{}", choice_code(choice)),
            Cb::StopSeries(s) => format!("dc:ss:{s}"),
            Cb::StopSeriesYes(s) => format!("dc:sy:{s}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["dc", "vm", m] => Cb::VoteMechanism(id(m)?),
            ["dc", "vk", y] => Cb::VoteYesNo(bool_from(y)?),
            ["dc", "vh", h] => Cb::VoteHours(u16::try_from(num(h)?).ok().filter(|h| (1..=720).contains(h))?),
            ["dc", "vs", s] => Cb::VoteSecret(bool_from(s)?),
            ["dc", "vg", "0"] => Cb::VoteMeeting(0),
            ["dc", "vg", m] => Cb::VoteMeeting(id(m)?),
            ["dc", "vok"] => Cb::VoteConfirm,
            ["dc", "b", v, o, c] => {
                Cb::Ballot { vote: id(v)?, org: id(o)?, choice: u8::try_from(num(c)?).ok().filter(|c| *c < 6)? }
            }
            ["dc", "h", v, o] => Cb::Handover { vote: id(v)?, org: id(o)? },
            ["dc", "p", m] => Cb::Propose(id(m)?),
            ["dc", "d", i, a] => Cb::Decide { item: id(i)?, accept: bool_from(a)? },
            ["dc", "g", m, month, r] => Cb::Gap {
                mechanism: id(m)?,
                month: u32::try_from(num(month)?)
                    .ok()
                    .filter(|v| (190001..=299912).contains(v) && (1..=12).contains(&(v % 100)))?,
                rank: u8::try_from(num(r)?).ok().filter(|r| *r < 5)?,
            },
            ["dc", "pm", m] => Cb::Participation(id(m)?),
            ["dc", "a", m, o, c] => Cb::Absence { mechanism: id(m)?, org: id(o)?, choice: choice_from(c)? },
            ["dc", "ss", s] => Cb::StopSeries(id(s)?),
            ["dc", "sy", s] => Cb::StopSeriesYes(id(s)?),
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
            Cb::VoteMechanism(12),
            Cb::VoteYesNo(true),
            Cb::VoteHours(48),
            Cb::VoteSecret(false),
            Cb::VoteMeeting(0),
            Cb::VoteMeeting(7),
            Cb::VoteConfirm,
            Cb::Ballot { vote: i64::MAX, org: i64::MAX, choice: 5 },
            Cb::Handover { vote: 3, org: 4 },
            Cb::Propose(9),
            Cb::Decide { item: 2, accept: false },
            Cb::Gap { mechanism: 1, month: 202611, rank: 4 },
            Cb::Participation(1),
            Cb::Absence { mechanism: 1, org: 2, choice: AbsenceChoice::ProposeObserver },
            Cb::StopSeries(5),
            Cb::StopSeriesYes(5),
        ];
        for cb in all {
            let data = cb.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
        for forged in [
            "dc:b:1:2:6",
            "dc:b:1:2:-1",
            "dc:b:0:2:1",
            "dc:vh:0",
            "dc:vh:721",
            "dc:g:1:202613:0",
            "dc:a:1:2:x",
            "dc:vk:2",
            "dc",
        ] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
    }
}
