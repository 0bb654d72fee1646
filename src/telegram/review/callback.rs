//! Button data of the review: returning a line of a submitted 4W, approving a submission.

use crate::telegram::shared::callback::{CallbackData, id, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The chair returns a line (its id) to its organisation.
    FwReturn(i64),
    /// The chair approves a submission (its id).
    FwApprove(i64),
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::FwReturn(l) => format!("fw:ret:{l}"),
            Cb::FwApprove(s) => format!("fw:apr:{s}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["fw", "ret", l] => Cb::FwReturn(id(l)?),
            ["fw", "apr", s] => Cb::FwApprove(id(s)?),
            _ => return None,
        })
    }
}
