//! The catalogue of outgoing messages, one enum per feature like `locales/{fr,en}/*.ftl`.
//! Each variant is one Fluent message id (its name in kebab-case); its fields are the
//! message's variables (a role as its code, a yes/no as "yes" or "no").

mod access;
mod admin;
mod alerts;
mod calendar;
mod charts;
mod decisions;
mod fivew;
mod main;
mod meetings;
mod memory;
mod minutes;
mod report;
mod sensitivity;
mod situation;
mod tour;

pub use access::AccessMsg;
pub use admin::AdminMsg;
pub use alerts::{AlertDetails, AlertsMsg};
pub use calendar::CalendarMsg;
pub use charts::ChartsMsg;
pub use decisions::DecisionsMsg;
pub use fivew::FivewMsg;
pub use main::MainMsg;
pub use meetings::MeetingsMsg;
pub use memory::MemoryMsg;
pub use minutes::MinutesMsg;
pub use report::ReportMsg;
pub use sensitivity::SensitivityMsg;
pub use situation::SituationsMsg;
pub use tour::TourText;
#[cfg(test)]
pub(super) use {
    access::AccessMsgDiscriminants, admin::AdminMsgDiscriminants, alerts::AlertsMsgDiscriminants,
    calendar::CalendarMsgDiscriminants, charts::ChartsMsgDiscriminants, decisions::DecisionsMsgDiscriminants,
    fivew::FivewMsgDiscriminants, main::MainMsgDiscriminants, meetings::MeetingsMsgDiscriminants,
    memory::MemoryMsgDiscriminants, minutes::MinutesMsgDiscriminants, report::ReportMsgDiscriminants,
    sensitivity::SensitivityMsgDiscriminants, situation::SituationsMsgDiscriminants, tour::TourTextDiscriminants,
};

use super::Args;
use fluent_bundle::FluentValue;
use serde::Serialize;

/// Any message of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Main(MainMsg),
    Meetings(MeetingsMsg),
    Minutes(MinutesMsg),
    Report(ReportMsg),
    Calendar(CalendarMsg),
    Access(AccessMsg),
    Charts(ChartsMsg),
    Decisions(DecisionsMsg),
    Fivew(FivewMsg),
    Admin(AdminMsg),
    Memory(MemoryMsg),
    Alerts(AlertsMsg),
    Tour(TourText),
    Situation(SituationsMsg),
    Sensitivity(SensitivityMsg),
}

macro_rules! feature_messages {
    ($($variant:ident($ty:ty)),*) => {
        $(
            impl From<$ty> for Msg {
                fn from(m: $ty) -> Self {
                    Msg::$variant(m)
                }
            }
            impl From<&$ty> for Msg {
                fn from(m: &$ty) -> Self {
                    Msg::$variant(m.clone())
                }
            }
        )*
    };
}

feature_messages!(
    Main(MainMsg),
    Meetings(MeetingsMsg),
    Minutes(MinutesMsg),
    Report(ReportMsg),
    Calendar(CalendarMsg),
    Access(AccessMsg),
    Charts(ChartsMsg),
    Decisions(DecisionsMsg),
    Fivew(FivewMsg),
    Admin(AdminMsg),
    Memory(MemoryMsg),
    Alerts(AlertsMsg),
    Tour(TourText),
    Situation(SituationsMsg),
    Sensitivity(SensitivityMsg)
);

impl From<&Msg> for Msg {
    fn from(m: &Msg) -> Self {
        m.clone()
    }
}

impl Msg {
    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        match self {
            Msg::Main(m) => m.into(),
            Msg::Meetings(m) => m.into(),
            Msg::Minutes(m) => m.into(),
            Msg::Report(m) => m.into(),
            Msg::Calendar(m) => m.into(),
            Msg::Access(m) => m.into(),
            Msg::Charts(m) => m.into(),
            Msg::Decisions(m) => m.into(),
            Msg::Fivew(m) => m.into(),
            Msg::Admin(m) => m.into(),
            Msg::Memory(m) => m.into(),
            Msg::Alerts(m) => m.into(),
            Msg::Tour(m) => m.into(),
            Msg::Situation(m) => m.into(),
            Msg::Sensitivity(m) => m.into(),
        }
    }

    /// The message's variables, from its fields.
    pub fn args(&self) -> Args<'static> {
        match self {
            Msg::Main(m) => args_of(m),
            Msg::Meetings(m) => args_of(m),
            Msg::Minutes(m) => args_of(m),
            Msg::Report(m) => args_of(m),
            Msg::Calendar(m) => args_of(m),
            Msg::Access(m) => args_of(m),
            Msg::Charts(m) => args_of(m),
            Msg::Decisions(m) => args_of(m),
            Msg::Fivew(m) => args_of(m),
            Msg::Admin(m) => args_of(m),
            Msg::Memory(m) => args_of(m),
            Msg::Alerts(m) => args_of(m),
            Msg::Tour(m) => args_of(m),
            Msg::Situation(m) => args_of(m),
            Msg::Sensitivity(m) => args_of(m),
        }
    }
}

/// The fields of a variant as Fluent arguments: texts and codes as strings, numbers as
/// numbers, yes/no as "yes" or "no".
fn args_of(m: &impl Serialize) -> Args<'static> {
    let mut args = Args::new();
    let fields = match serde_json::to_value(m) {
        // A variant with fields serialises as {"Variant": {field: value, ...}}.
        Ok(serde_json::Value::Object(outer)) => match outer.into_iter().next() {
            Some((_, serde_json::Value::Object(fields))) => fields,
            _ => return args,
        },
        _ => return args,
    };
    for (name, value) in fields {
        let value: FluentValue<'static> = match value {
            serde_json::Value::String(s) => s.into(),
            serde_json::Value::Bool(b) => if b { "yes" } else { "no" }.into(),
            serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => i.into(),
                (None, Some(u)) => u.into(),
                _ => n.as_f64().unwrap_or_default().into(),
            },
            other => other.to_string().into(),
        };
        args.set(name, value);
    }
    args
}
