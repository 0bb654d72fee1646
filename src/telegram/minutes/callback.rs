//! Button data of sharing minutes, receiving them again, action points, shared documents.

use crate::domain::memory::Outcome;
use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    ActionDone(i64),
    MnMeeting(i64),
    MnSkip,
    MnKeepText,
    MnShare,
    MnResend(i64),
    ShareToggle(i64),
    ShareSend,
    /// The document's type in the library (`DocType::code`).
    ShareType(u8),
    /// No decision to record.
    MnDecisionsSkip,
    /// The follow-up: the point at this place in the list gets this outcome.
    FollowUpMark(u8, Outcome),
    /// The follow-up is marked: on to the summary.
    FollowUpContinue,
    /// The class of the document or minutes being shared (`Sensitivity::code`).
    Class(u8),
    /// An organisation a restricted item is meant for (toggled).
    ClassOrg(i64),
    /// A page of the organisations.
    ClassOrgPage(u8),
    /// The list of organisations to name the minutes' source from, at this page.
    SourcePage(u8),
    /// This organisation is the minutes' source.
    Source(i64),
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::ActionDone(a) => format!("ad:{a}"),
            Cb::MnMeeting(m) => format!("mn:m:{m}"),
            Cb::MnSkip => "mn:s".into(),
            Cb::MnKeepText => "mn:k".into(),
            Cb::MnShare => "mn:ok".into(),
            Cb::MnResend(m) => format!("mn:r:{m}"),
            Cb::ShareToggle(m) => format!("sh:t:{m}"),
            Cb::ShareSend => "sh:ok".into(),
            Cb::ShareType(t) => format!("sh:y:{t}"),
            Cb::MnDecisionsSkip => "mn:ds".into(),
            Cb::FollowUpMark(n, o) => format!("mn:f:{n}:{}", o.letter()),
            Cb::FollowUpContinue => "mn:fc".into(),
            Cb::Class(c) => format!("sn:c:{c}"),
            Cb::ClassOrg(o) => format!("sn:o:{o}"),
            Cb::ClassOrgPage(p) => format!("sn:p:{p}"),
            Cb::SourcePage(p) => format!("sn:sp:{p}"),
            Cb::Source(o) => format!("sn:so:{o}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["ad", a] => Cb::ActionDone(id(a)?),
            ["mn", "m", m] => Cb::MnMeeting(id(m)?),
            ["mn", "s"] => Cb::MnSkip,
            ["mn", "k"] => Cb::MnKeepText,
            ["mn", "ok"] => Cb::MnShare,
            ["mn", "r", m] => Cb::MnResend(id(m)?),
            ["sh", "t", m] => Cb::ShareToggle(id(m)?),
            ["sh", "ok"] => Cb::ShareSend,
            ["sh", "y", t] => Cb::ShareType(
                u8::try_from(crate::telegram::shared::callback::num(t)?)
                    .ok()
                    .filter(|t| crate::domain::library::DocType::from_code(*t).is_some())?,
            ),
            ["mn", "ds"] => Cb::MnDecisionsSkip,
            ["mn", "f", n, o] => Cb::FollowUpMark(u8::try_from(num(n)?).ok()?, Outcome::from_letter(o)?),
            ["mn", "fc"] => Cb::FollowUpContinue,
            ["sn", "c", c] => Cb::Class(
                u8::try_from(crate::telegram::shared::callback::num(c)?)
                    .ok()
                    .filter(|c| crate::domain::sensitivity::Sensitivity::from_code(*c).is_some())?,
            ),
            ["sn", "o", o] => Cb::ClassOrg(id(o)?),
            ["sn", "p", p] => Cb::ClassOrgPage(u8::try_from(crate::telegram::shared::callback::num(p)?).ok()?),
            ["sn", "sp", p] => Cb::SourcePage(u8::try_from(num(p)?).ok()?),
            ["sn", "so", o] => Cb::Source(id(o)?),
            _ => return None,
        })
    }
}
