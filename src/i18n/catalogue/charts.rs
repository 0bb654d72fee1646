//! Charts and the monthly digest: titles, labels, captions (`locales/*/charts.ftl`). Numbers
//! are given already written for the language (`i18n::number`); every variant can be iterated
//! with empty fields (the catalogue tests render each one).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumIter, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum ChartsMsg {
    // Shared
    ChartMonth { month: u32, year: i32 },
    ChartNoData,
    ChartPeople,
    ChartTotal,
    ChartOther,
    ChartMore { count: String },
    // 4W: reach by region and sector, by sex and age, the month against the previous six
    ChartReachTitle { month: String },
    ChartReachCaption { month: String, total: String, regions: String, sectors: String },
    ChartGroup { group: String },
    ChartSexAgeTitle { month: String },
    ChartSexAgeCaption { month: String, total: String, groups: String, disabled: String },
    ChartTrendTitle { month: String },
    ChartTrendCaption { month: String, total: String, average: String, months: String },
    // Who does what where
    ChartWhoWhereTitle { month: String },
    ChartWhoWhereCaption { month: String, orgs: String, cells: String, gaps: String, duplications: String },
    ChartWhoWhereLegend,
    // Attendance
    ChartAttendanceTitle { mechanism: String },
    ChartAttendanceCaption { mechanism: String, meetings: String, orgs: String, rates: String },
    ChartStatus { status: String },
    ChartStatusLetter { status: String },
    // Minutes
    ChartMinutesTitle { months: String },
    ChartMinutesCaption { months: String, overall: String, list: String },
    ChartMinutesBar { on_time: String, meetings: String },
    // The monthly digest
    DigestTitle { month: String },
    DigestSubtitle { date: String },
    DigestMeetingsHeading,
    DigestMeetingLine { mechanism: String, date: String, present: String, invited: String },
    DigestMeetingsNone,
    DigestMeetingsSummary { meetings: String, present: String, marked: String },
    DigestMinutesHeading,
    DigestMinutesLine { on_time: String, meetings: String, percent: String },
    DigestMinutesNone,
    DigestActionsHeading,
    DigestActionsLine { count: String, open: String },
    DigestReachHeading,
    DigestSmallNumbers { threshold: String },
    DigestSituationsHeading,
    DigestSituationsLine { count: String, unverified: String },
    DigestSituationLine { mechanism: String, place: String, theme: String, verified: bool },
    DigestGapsHeading,
    DigestGapsLine { gaps: String, duplications: String },
    DigestDuplicationLine { place: String, activity: String, orgs: String },
    DigestMissingHeading,
    DigestMissingLine { mechanism: String, orgs: String },
    DigestMissingNone,
    DigestFooter,
    DigestDocumentCaption { month: String },
    // In the chat
    BtnChart { scope: String },
    ChartOffer,
    ChartComing,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;
    use crate::i18n::{I18n, number};

    #[test]
    fn numbers_months_and_statuses_are_written_per_language() {
        assert_eq!(number(Language::En, 1234567), "1,234,567");
        assert_eq!(number(Language::Fr, 12345), "12\u{202f}345");
        assert_eq!(number(Language::En, 999), "999");
        assert_eq!(number(Language::En, -1000), "-1,000");
        let i18n = I18n::load().unwrap();
        let oct = ChartsMsg::ChartMonth { month: 10, year: 2026 };
        assert_eq!(i18n.render(Language::Fr, &oct), "octobre 2026");
        assert_eq!(i18n.render(Language::En, &oct), "October 2026");
        let status = ChartsMsg::ChartStatus { status: "excused".into() };
        assert_eq!(i18n.render(Language::Fr, &status), "excusé");
        assert_eq!(i18n.render(Language::En, status), "excused");
    }
}
