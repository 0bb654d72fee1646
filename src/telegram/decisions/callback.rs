//! Button data of /vote and of the ballots.

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
    /// /decisions: the register as XLSX.
    RegisterXlsx,
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
            Cb::RegisterXlsx => "dc:rx".into(),
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
            ["dc", "rx"] => Cb::RegisterXlsx,
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
        ];
        for cb in all {
            let data = cb.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
        for forged in
            ["dc:b:1:2:6", "dc:b:1:2:-1", "dc:b:0:2:1", "dc:b:1:2:01", "dc:vh:0", "dc:vh:721", "dc:vk:2", "dc"]
        {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
    }
}
