//! Button data of the review: returning a line of a submitted 4W, approving a submission.

use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// The chair returns a line (its id) to its organisation.
    FwReturn(i64),
    /// A who-does-what-where gap (its rank) of a month (yyyymm) and mechanism, to the agenda
    /// of the mechanism's next meeting.
    GapToAgenda { mechanism: i64, month: u32, rank: u8 },
    /// The chair approves a submission (its id).
    FwApprove(i64),
    /// A page of /review: the month (yyyymm), the mechanism (0: all, for a coordinator).
    ReviewPage { month: u32, mechanism: i64, page: u16 },
    /// The export of a month (yyyymm) and mechanism (0: all), to share.
    ExportShared { month: u32, mechanism: i64 },
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::FwReturn(l) => format!("fw:ret:{l}"),
            Cb::GapToAgenda { mechanism, month, rank } => format!("fw:gap:{mechanism}:{month}:{rank}"),
            Cb::FwApprove(s) => format!("fw:apr:{s}"),
            Cb::ReviewPage { month, mechanism, page } => format!("fw:rp:{month}:{mechanism}:{page}"),
            Cb::ExportShared { month, mechanism } => format!("fw:xs:{month}:{mechanism}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["fw", "ret", l] => Cb::FwReturn(id(l)?),
            ["fw", "gap", m, month, r] => Cb::GapToAgenda {
                mechanism: id(m)?,
                month: yyyymm(month)?,
                rank: u8::try_from(num(r)?).ok().filter(|r| *r < 5)?,
            },
            ["fw", "apr", s] => Cb::FwApprove(id(s)?),
            ["fw", "rp", month, m, p] => Cb::ReviewPage {
                month: yyyymm(month)?,
                mechanism: i64::try_from(num(m)?).ok()?,
                page: u16::try_from(num(p)?).ok().filter(|p| *p < 10_000)?,
            },
            ["fw", "xs", month, m] => {
                Cb::ExportShared { month: yyyymm(month)?, mechanism: i64::try_from(num(m)?).ok()? }
            }
            _ => return None,
        })
    }
}

/// A month written yyyymm, from 1900 to 2999.
fn yyyymm(raw: &str) -> Option<u32> {
    u32::try_from(num(raw)?).ok().filter(|v| (190_001..=299_912).contains(v) && (1..=12).contains(&(v % 100)))
}
