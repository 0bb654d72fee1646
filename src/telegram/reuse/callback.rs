//! Button data of reuse requests: a party approves or refuses (the "♻️" that starts a
//! request is `shared::reuse::ReuseButton`).

use crate::domain::sensitivity::Party;
use crate::telegram::shared::callback::{CallbackData, id, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    Approve { request: i64, party: Party },
    Refuse { request: i64, party: Party },
}

fn party_code(p: Party) -> &'static str {
    match p {
        Party::Source => "s",
        Party::Coordinator => "c",
    }
}

fn party_of(code: &str) -> Option<Party> {
    match code {
        "s" => Some(Party::Source),
        "c" => Some(Party::Coordinator),
        _ => None,
    }
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::Approve { request, party } => format!("ru:a:{request}:{}", party_code(party)),
            Cb::Refuse { request, party } => format!("ru:x:{request}:{}", party_code(party)),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["ru", "a", r, p] => Cb::Approve { request: id(r)?, party: party_of(p)? },
            ["ru", "x", r, p] => Cb::Refuse { request: id(r)?, party: party_of(p)? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_forgeries() {
        for cb in
            [Cb::Approve { request: 7, party: Party::Source }, Cb::Refuse { request: 9, party: Party::Coordinator }]
        {
            assert_eq!(Cb::decode(&cb.encode()), Some(cb));
        }
        for bad in ["ru:a:7", "ru:a:7:z", "ru:a:x:s", "ru:q:7:s"] {
            assert_eq!(Cb::decode(bad), None, "{bad}");
        }
    }
}
