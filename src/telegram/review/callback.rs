//! Button data of returning a line of a submitted 4W.

use crate::telegram::shared::callback::{CallbackData, id, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The chair returns a line (its id) to its organisation.
    FwReturn(i64),
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::FwReturn(l) => format!("fw:ret:{l}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["fw", "ret", l] => Cb::FwReturn(id(l)?),
            _ => return None,
        })
    }
}
