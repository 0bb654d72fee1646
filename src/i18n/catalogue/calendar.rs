//! The personal calendar feed (`locales/*/calendar.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum CalendarMsg {
    CmdCalendar,
    CalendarLink { url: String },
    CalendarLinkKept,
    CalendarRotated { url: String },
    CalendarUnavailable,
    BtnCalendarRotate,
}
