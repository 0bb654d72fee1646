//! Button data of /admin. Every button is checked again on the server when pressed: who is
//! pressing, whether the seat, invitation or person still exists, and, for a confirmation,
//! that it is the one the dialog is waiting for.

use crate::telegram::shared::callback::{CallbackData, id, num, parts};
use serde::{Deserialize, Serialize};

/// What a mechanism is picked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Members,
    Chairs,
}

/// A change, asked for and then confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Remove the holder of this seat from its mechanism (all their seats there).
    RemoveHere(i64),
    /// Remove the holder of this seat from the whole cluster.
    RemoveEverywhere(i64),
    Revoke(i64),
    /// Make the holder of this seat chair of its mechanism, for the seat's organisation.
    AddChair(i64),
    /// End this chair seat.
    RemoveChair(i64),
    AddCoordinator(i64),
    RemoveCoordinator(i64),
    Observers {
        mechanism_id: i64,
        receive: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    Menu,
    Mechanisms(Purpose),
    Members { mechanism_id: i64, page: u16 },
    AskRemove(i64),
    Invitations(u16),
    AskRevoke(i64),
    Chairs(i64),
    ChairCandidates { mechanism_id: i64, page: u16 },
    AskAddChair(i64),
    AskRemoveChair(i64),
    Coordinators,
    CoordinatorCandidates(u16),
    AskAddCoordinator(i64),
    AskRemoveCoordinator(i64),
    Observers,
    AskObservers(i64),
    Yes(Action),
    No,
}

fn page(s: &str) -> Option<u16> {
    u16::try_from(num(s)?).ok()
}

impl Action {
    fn encode(self) -> String {
        match self {
            Action::RemoveHere(s) => format!("rm:{s}"),
            Action::RemoveEverywhere(s) => format!("ra:{s}"),
            Action::Revoke(i) => format!("rv:{i}"),
            Action::AddChair(s) => format!("ca:{s}"),
            Action::RemoveChair(s) => format!("cr:{s}"),
            Action::AddCoordinator(p) => format!("ka:{p}"),
            Action::RemoveCoordinator(p) => format!("kr:{p}"),
            Action::Observers { mechanism_id, receive } => format!("ob:{mechanism_id}:{}", u8::from(receive)),
        }
    }

    fn decode(parts: &[&str]) -> Option<Self> {
        Some(match parts {
            ["rm", s] => Action::RemoveHere(id(s)?),
            ["ra", s] => Action::RemoveEverywhere(id(s)?),
            ["rv", i] => Action::Revoke(id(i)?),
            ["ca", s] => Action::AddChair(id(s)?),
            ["cr", s] => Action::RemoveChair(id(s)?),
            ["ka", p] => Action::AddCoordinator(id(p)?),
            ["kr", p] => Action::RemoveCoordinator(id(p)?),
            ["ob", m, "0"] => Action::Observers { mechanism_id: id(m)?, receive: false },
            ["ob", m, "1"] => Action::Observers { mechanism_id: id(m)?, receive: true },
            _ => return None,
        })
    }
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::Menu => "adm:menu".into(),
            Cb::Mechanisms(Purpose::Members) => "adm:mx:m".into(),
            Cb::Mechanisms(Purpose::Chairs) => "adm:mx:c".into(),
            Cb::Members { mechanism_id, page } => format!("adm:ml:{mechanism_id}:{page}"),
            Cb::AskRemove(s) => format!("adm:rm:{s}"),
            Cb::Invitations(p) => format!("adm:il:{p}"),
            Cb::AskRevoke(i) => format!("adm:rv:{i}"),
            Cb::Chairs(m) => format!("adm:cl:{m}"),
            Cb::ChairCandidates { mechanism_id, page } => format!("adm:cc:{mechanism_id}:{page}"),
            Cb::AskAddChair(s) => format!("adm:ca:{s}"),
            Cb::AskRemoveChair(s) => format!("adm:cr:{s}"),
            Cb::Coordinators => "adm:kl".into(),
            Cb::CoordinatorCandidates(p) => format!("adm:kc:{p}"),
            Cb::AskAddCoordinator(p) => format!("adm:ka:{p}"),
            Cb::AskRemoveCoordinator(p) => format!("adm:kr:{p}"),
            Cb::Observers => "adm:ol".into(),
            Cb::AskObservers(m) => format!("adm:ot:{m}"),
            Cb::Yes(a) => format!("adm:y:{}", a.encode()),
            Cb::No => "adm:n".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["adm", "menu"] => Cb::Menu,
            ["adm", "mx", "m"] => Cb::Mechanisms(Purpose::Members),
            ["adm", "mx", "c"] => Cb::Mechanisms(Purpose::Chairs),
            ["adm", "ml", m, p] => Cb::Members { mechanism_id: id(m)?, page: page(p)? },
            ["adm", "rm", s] => Cb::AskRemove(id(s)?),
            ["adm", "il", p] => Cb::Invitations(page(p)?),
            ["adm", "rv", i] => Cb::AskRevoke(id(i)?),
            ["adm", "cl", m] => Cb::Chairs(id(m)?),
            ["adm", "cc", m, p] => Cb::ChairCandidates { mechanism_id: id(m)?, page: page(p)? },
            ["adm", "ca", s] => Cb::AskAddChair(id(s)?),
            ["adm", "cr", s] => Cb::AskRemoveChair(id(s)?),
            ["adm", "kl"] => Cb::Coordinators,
            ["adm", "kc", p] => Cb::CoordinatorCandidates(page(p)?),
            ["adm", "ka", p] => Cb::AskAddCoordinator(id(p)?),
            ["adm", "kr", p] => Cb::AskRemoveCoordinator(id(p)?),
            ["adm", "ol"] => Cb::Observers,
            ["adm", "ot", m] => Cb::AskObservers(id(m)?),
            ["adm", "y", rest @ ..] => Cb::Yes(Action::decode(rest)?),
            ["adm", "n"] => Cb::No,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_within_64_bytes_and_rejects_forgeries() {
        let big = i64::MAX;
        let all = [
            Cb::Menu,
            Cb::Mechanisms(Purpose::Members),
            Cb::Mechanisms(Purpose::Chairs),
            Cb::Members { mechanism_id: big, page: u16::MAX },
            Cb::AskRemove(big),
            Cb::Invitations(0),
            Cb::AskRevoke(big),
            Cb::Chairs(big),
            Cb::ChairCandidates { mechanism_id: big, page: 3 },
            Cb::AskAddChair(big),
            Cb::AskRemoveChair(big),
            Cb::Coordinators,
            Cb::CoordinatorCandidates(2),
            Cb::AskAddCoordinator(big),
            Cb::AskRemoveCoordinator(big),
            Cb::Observers,
            Cb::AskObservers(big),
            Cb::Yes(Action::RemoveHere(big)),
            Cb::Yes(Action::RemoveEverywhere(big)),
            Cb::Yes(Action::Revoke(big)),
            Cb::Yes(Action::AddChair(big)),
            Cb::Yes(Action::RemoveChair(big)),
            Cb::Yes(Action::AddCoordinator(big)),
            Cb::Yes(Action::RemoveCoordinator(big)),
            Cb::Yes(Action::Observers { mechanism_id: big, receive: true }),
            Cb::No,
        ];
        for cb in all {
            let data = cb.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
        for bad in [
            "adm",
            "adm:rm:0",
            "adm:rm:-1",
            "adm:rm:01",
            "adm:ml:1",
            "adm:ml:1:70000",
            "adm:y",
            "adm:y:rm",
            "adm:y:ob:1:2",
            "adm:y:zz:1",
            "adm:mx:x",
            "adm:n:1",
        ] {
            assert_eq!(Cb::decode(bad), None, "{bad}");
        }
    }
}
