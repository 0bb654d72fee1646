//! Button data of /tour and of the tour de table requests.

use crate::telegram::shared::callback::{CallbackData, id, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// /tour: turn the mechanism's tour de table on (true) or off (false).
    Switch { mechanism: i64, on: bool },
    /// The request: write the organisation's update for the meeting.
    Write { meeting: i64, org: i64 },
    /// The request: nothing new for the organisation.
    Nothing { meeting: i64, org: i64 },
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::Switch { mechanism, on } => format!("tr:s:{mechanism}:{}", u8::from(on)),
            Cb::Write { meeting, org } => format!("tr:w:{meeting}:{org}"),
            Cb::Nothing { meeting, org } => format!("tr:n:{meeting}:{org}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        Some(match parts(data)?.as_slice() {
            ["tr", "s", m, "1"] => Cb::Switch { mechanism: id(m)?, on: true },
            ["tr", "s", m, "0"] => Cb::Switch { mechanism: id(m)?, on: false },
            ["tr", "w", m, o] => Cb::Write { meeting: id(m)?, org: id(o)? },
            ["tr", "n", m, o] => Cb::Nothing { meeting: id(m)?, org: id(o)? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_round_trips_within_64_bytes_and_forgeries_fail() {
        for cb in [
            Cb::Switch { mechanism: 3, on: true },
            Cb::Switch { mechanism: 3, on: false },
            Cb::Write { meeting: i64::MAX, org: i64::MAX },
            Cb::Nothing { meeting: 1, org: 2 },
        ] {
            let data = cb.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
        for forged in ["tr:s:3:2", "tr:w:0:2", "tr:w:1:-2", "tr:n:1", "tr:w:01:2", "tr"] {
            assert_eq!(Cb::decode(forged), None, "{forged}");
        }
    }
}
