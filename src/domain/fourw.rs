//! The 4W (Who does What, Where and When): reporting months, P-codes, line fields and their
//! validation. Pure: no database, no Telegram.

pub use super::fivew::{Counts, PopulationGroup};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Sanity cap on one count of people reached by one line.
pub const MAX_COUNT: u32 = 1_000_000;
pub const MAX_PARTNER_CHARS: usize = 100;
pub const MAX_DONOR_CHARS: usize = 100;
pub const MAX_REMARKS_CHARS: usize = 500;
pub const MAX_COMMENT_CHARS: usize = 500;
/// At most this many lines in one submission, however they are entered (typed, copied from
/// last month, read from a spreadsheet): the spreadsheet's 500 rows set the measure.
pub const MAX_LINES: usize = 500;
/// Default deadline: the 5th of the month after the reported one.
pub const DEFAULT_DEADLINE_DAY: u32 = 5;

/// A reporting month, written YYYY-MM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReportingMonth {
    pub year: i32,
    pub month: u32,
}

impl ReportingMonth {
    /// Parses "2026-11" (exactly four digits, a dash, two digits; month 01 to 12).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let bad = || format!("the month must be written YYYY-MM (e.g. 2026-11), not \"{raw}\"");
        let b = raw.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = raw[..4].parse().map_err(|_| bad())?;
        let month: u32 = raw[5..].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || year < 2000 {
            return Err(bad());
        }
        Ok(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year(), month: date.month() }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid date")
    }

    pub fn next(self) -> Self {
        Self::of(self.first_day() + Months::new(1))
    }

    pub fn previous(self) -> Self {
        Self::of(self.first_day() - Months::new(1))
    }

    /// The month open for reporting on a given day: the previous calendar month.
    pub fn open_on(today: NaiveDate) -> Self {
        Self::of(today).previous()
    }

    /// The day the window for this month opens (the 1st of the next month).
    pub fn window_opens(self) -> NaiveDate {
        self.next().first_day()
    }

    /// The deadline (day `deadline_day` of the next month, clamped to its length).
    pub fn deadline(self, deadline_day: u32) -> NaiveDate {
        let next = self.next();
        let day = deadline_day.clamp(1, next.last_day().day());
        NaiveDate::from_ymd_opt(next.year, next.month, day).expect("valid day")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Self::of(date) == self
    }
}

impl fmt::Display for ReportingMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// An OCHA P-code of Mali: ML + 2 digits (region) or ML + 4 digits (cercle).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Pcode(String);

impl Pcode {
    pub fn parse(raw: &str) -> Option<Self> {
        let up = raw.trim().to_ascii_uppercase();
        let digits = up.strip_prefix("ML")?;
        if (digits.len() == 2 || digits.len() == 4) && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(Self(up))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 1 for a region, 2 for a cercle.
    pub fn level(&self) -> u8 {
        if self.0.len() == 4 { 1 } else { 2 }
    }

    /// The region a cercle's P-code belongs to (by construction of the code).
    pub fn region_prefix(&self) -> &str {
        &self.0[..4]
    }
}

impl fmt::Display for Pcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A name folded for comparison: no accents, lower case, one space between words,
/// hyphens and apostrophes as spaces ("Ténenkou" = "tenenkou", "Gourma-Rharous" = "gourma rharous").
pub fn fold_name(raw: &str) -> String {
    let stripped: String = raw
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '-' || c == '\'' || c == '’' || c == '_' { ' ' } else { c })
        .collect();
    stripped.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds a unit among `(pcode, name)` candidates by typed name or P-code.
pub fn match_unit<'a>(typed: &str, candidates: &'a [(String, String)]) -> Option<&'a (String, String)> {
    if let Some(code) = Pcode::parse(typed) {
        return candidates.iter().find(|(p, _)| p == code.as_str());
    }
    // Codes of other shapes (a commune's ML + 6 digits, another country's) match as typed,
    // in any case.
    let trimmed = typed.trim();
    if let Some(found) = candidates.iter().find(|(p, _)| p.eq_ignore_ascii_case(trimmed)) {
        return Some(found);
    }
    let folded = fold_name(typed);
    if folded.is_empty() {
        return None;
    }
    candidates.iter().find(|(_, name)| fold_name(name) == folded)
}

/// Status of a 4W activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    #[default]
    Ongoing,
    Completed,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 3] = [ActivityStatus::Planned, ActivityStatus::Ongoing, ActivityStatus::Completed];

    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::Ongoing => "ongoing",
            ActivityStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Review status of a submission or of one of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Submitted,
    Returned,
    Corrected,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Submitted => "submitted",
            ReviewStatus::Returned => "returned",
            ReviewStatus::Corrected => "corrected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ReviewStatus::Submitted, ReviewStatus::Returned, ReviewStatus::Corrected].into_iter().find(|x| x.as_str() == s)
    }
}

/// Why a typed answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("not a date (dd/mm/yyyy)")]
    BadDate,
    #[error("the end is before the start")]
    EndBeforeStart,
    #[error("the dates do not cover the reporting month")]
    OutsideMonth,
    #[error("not a whole number from 0 to {max}")]
    BadCount { max: u32 },
    #[error("more persons with disabilities ({disabled}) than people reached ({total})")]
    DisabledAboveTotal { disabled: u32, total: u32 },
    #[error("unknown place")]
    UnknownPlace,
    #[error("this cercle is not in the region")]
    CercleNotInRegion,
    #[error("the text is too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("the text is empty")]
    Empty,
    #[error("the text looks like personal data ({0})")]
    PersonalData(PersonalData),
}

pub use super::personal_data::PersonalData;

/// A date typed as dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd.
pub fn parse_date(raw: &str) -> Result<NaiveDate, LineError> {
    let t = raw.trim();
    for fmt in ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt)
            && d.year() >= 2000
            && d.year() <= 2100
        {
            return Ok(d);
        }
    }
    Err(LineError::BadDate)
}

/// The dates of a line: the end not before the start, and the period overlapping the month.
pub fn check_dates(start: NaiveDate, end: NaiveDate, month: ReportingMonth) -> Result<(), LineError> {
    if end < start {
        return Err(LineError::EndBeforeStart);
    }
    if start > month.last_day() || end < month.first_day() {
        return Err(LineError::OutsideMonth);
    }
    Ok(())
}

/// A count: a whole number from 0 to [`MAX_COUNT`] (spaces as thousands separators allowed).
pub fn parse_count(raw: &str) -> Result<u32, LineError> {
    let bad = LineError::BadCount { max: MAX_COUNT };
    let digits: String = raw.trim().chars().filter(|c| *c != ' ' && *c != '\u{a0}' && *c != '\u{202f}').collect();
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad);
    }
    let n: u32 = digits.parse().map_err(|_| bad.clone())?;
    if n > MAX_COUNT { Err(bad) } else { Ok(n) }
}

/// Persons with disabilities are some of those reached, never more.
pub fn check_disabled(disabled: u32, total: u32) -> Result<(), LineError> {
    if disabled > total { Err(LineError::DisabledAboveTotal { disabled, total }) } else { Ok(()) }
}

/// Looks for personal data (see [`super::personal_data`]).
pub fn personal_data(text: &str) -> Option<PersonalData> {
    super::personal_data::detect(text)
}

/// Optional free text of a line: trimmed, one line, within `max` characters, no personal data.
pub fn check_free_text(raw: &str, max: usize) -> Result<String, LineError> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(LineError::Empty);
    }
    if text.chars().count() > max {
        return Err(LineError::TooLong { max });
    }
    if let Some(kind) = personal_data(&text) {
        return Err(LineError::PersonalData(kind));
    }
    Ok(text)
}

/// People reached by a line: girls and boys (0–17), women and men (18–59), elderly women and
/// men (60+), and among them persons with disabilities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    pub girls: u32,
    pub boys: u32,
    pub women: u32,
    pub men: u32,
    #[serde(default)]
    pub elderly_women: u32,
    #[serde(default)]
    pub elderly_men: u32,
    pub disabled: u32,
}

impl Reached {
    pub fn total(&self) -> u64 {
        self.counts().total()
    }

    pub fn counts(&self) -> Counts {
        Counts {
            girls: self.girls,
            boys: self.boys,
            women: self.women,
            men: self.men,
            elderly_women: self.elderly_women,
            elderly_men: self.elderly_men,
        }
    }

    pub fn from_counts(c: Counts, disabled: u32) -> Self {
        Self {
            girls: c.girls,
            boys: c.boys,
            women: c.women,
            men: c.men,
            elderly_women: c.elderly_women,
            elderly_men: c.elderly_men,
            disabled,
        }
    }
}

/// One complete 4W (5W) line, as stored (codes, not names). The 5W fields default for lines
/// kept in a dialog from before they existed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub sector: String,
    pub activity: String,
    pub region: String,
    pub cercle: String,
    pub status: ActivityStatus,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub reached: Reached,
    pub partner: Option<String>,
    pub donor: Option<String>,
    pub remarks: Option<String>,
    #[serde(default)]
    pub population: Option<PopulationGroup>,
    /// A modality code of the line's sector.
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub targeted: Counts,
    #[serde(default)]
    pub commune: Option<String>,
    /// A response-plan or project code.
    #[serde(default)]
    pub plan_code: Option<String>,
    /// The label of the boundary version the P-codes belong to (empty: the newest, set on submit).
    #[serde(default)]
    pub boundaries: String,
}

impl Line {
    /// Checks a whole line again (used on submit and on "same as last month" copies).
    pub fn check(&self, month: ReportingMonth) -> Result<(), LineError> {
        check_dates(self.start, self.end, month)?;
        for n in self.reached.counts().as_array().into_iter().chain(self.targeted.as_array()) {
            if n > MAX_COUNT {
                return Err(LineError::BadCount { max: MAX_COUNT });
            }
        }
        check_disabled(self.reached.disabled, u32::try_from(self.reached.total()).unwrap_or(u32::MAX))?;
        for (text, max) in [
            (&self.partner, MAX_PARTNER_CHARS),
            (&self.donor, MAX_DONOR_CHARS),
            (&self.remarks, MAX_REMARKS_CHARS),
            (&self.plan_code, super::fivew::MAX_PLAN_CODE_CHARS),
        ] {
            if let Some(t) = text {
                check_free_text(t, max)?;
            }
        }
        if !self.cercle.starts_with(&self.region) || self.cercle.len() != self.region.len() + 2 {
            return Err(LineError::CercleNotInRegion);
        }
        Ok(())
    }

    /// The same line moved to another month: dates shifted by whole months, clamped.
    pub fn shifted_to(&self, from: ReportingMonth, to: ReportingMonth) -> Line {
        let months = (to.year - from.year) * 12 + to.month as i32 - from.month as i32;
        let shift = |d: NaiveDate| {
            if months >= 0 {
                d.checked_add_months(Months::new(months as u32)).unwrap_or(d)
            } else {
                d.checked_sub_months(Months::new((-months) as u32)).unwrap_or(d)
            }
        };
        Line { start: shift(self.start), end: shift(self.end), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_parse_strictly_and_know_their_window() {
        let m = ReportingMonth::parse("2026-11").unwrap();
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(m.first_day(), d("2026-11-01"));
        assert_eq!(m.last_day(), d("2026-11-30"));
        assert_eq!(m.window_opens(), d("2026-12-01"));
        assert_eq!(m.deadline(5), d("2026-12-05"));
        assert_eq!(ReportingMonth::parse("2026-12").unwrap().next().to_string(), "2027-01");
        assert_eq!(ReportingMonth::parse("2027-01").unwrap().previous().to_string(), "2026-12");
        assert_eq!(ReportingMonth::parse("2027-01").unwrap().deadline(31), d("2027-02-28"));
        assert_eq!(ReportingMonth::open_on(d("2026-11-02")).to_string(), "2026-10");
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "abcd-ef", "1999-05"] {
            assert!(ReportingMonth::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pcodes_and_names_match_without_accents_or_case() {
        assert_eq!(Pcode::parse(" ml0507 ").unwrap().as_str(), "ML0507");
        assert_eq!(Pcode::parse("ML05").unwrap().level(), 1);
        assert_eq!(Pcode::parse("ML0507").unwrap().level(), 2);
        assert_eq!(Pcode::parse("ML0507").unwrap().region_prefix(), "ML05");
        for bad in ["ML5", "ML050", "MX05", "ML05A7", "", "ML"] {
            assert!(Pcode::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(fold_name("  TÉNENKOU "), "tenenkou");
        assert_eq!(fold_name("Gourma-Rharous"), fold_name("gourma rharous"));
        let units = vec![("ML0507".to_string(), "Ténenkou".to_string()), ("ML0503".to_string(), "Djenné".to_string())];
        assert_eq!(match_unit("tenenkou", &units).unwrap().0, "ML0507");
        assert_eq!(match_unit("DJENNE", &units).unwrap().0, "ML0503");
        assert_eq!(match_unit("ml0503", &units).unwrap().1, "Djenné");
        assert!(match_unit("ML0601", &units).is_none());
        assert!(match_unit("Gao", &units).is_none());
        let communes = vec![("ML050701".to_string(), "Ségou Sud".to_string())];
        assert_eq!(match_unit(" ml050701 ", &communes).unwrap().1, "Ségou Sud");
        assert_eq!(match_unit("segou-sud", &communes).unwrap().0, "ML050701");
        assert!(match_unit("ML050702", &communes).is_none());
    }

    #[test]
    fn dates_must_be_real_ordered_and_in_the_month() {
        let m = ReportingMonth::parse("2026-10").unwrap();
        assert_eq!(parse_date("05/10/2026").unwrap(), d("2026-10-05"));
        assert_eq!(parse_date("2026-10-05").unwrap(), d("2026-10-05"));
        assert_eq!(parse_date("31/02/2026"), Err(LineError::BadDate));
        assert_eq!(parse_date("demain"), Err(LineError::BadDate));
        assert_eq!(check_dates(d("2026-10-10"), d("2026-10-09"), m), Err(LineError::EndBeforeStart));
        assert_eq!(check_dates(d("2026-11-01"), d("2026-11-30"), m), Err(LineError::OutsideMonth));
        assert_eq!(check_dates(d("2026-08-01"), d("2026-09-30"), m), Err(LineError::OutsideMonth));
        assert!(check_dates(d("2026-09-15"), d("2026-12-31"), m).is_ok(), "an activity spanning the month");
    }

    #[test]
    fn counts_are_whole_bounded_and_disabled_within_total() {
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count(" 1 200 "), Ok(1200));
        for bad in ["-1", "1.5", "douze", "", "1000001", "99999999999"] {
            assert_eq!(parse_count(bad), Err(LineError::BadCount { max: MAX_COUNT }), "{bad}");
        }
        assert!(check_disabled(3, 3).is_ok());
        assert_eq!(check_disabled(4, 3), Err(LineError::DisabledAboveTotal { disabled: 4, total: 3 }));
    }

    #[test]
    fn personal_data_is_refused_with_its_kind() {
        assert_eq!(personal_data("appeler le +223 76 12 34 56"), Some(PersonalData::Phone));
        assert_eq!(personal_data("tel 76123456"), Some(PersonalData::Phone));
        assert_eq!(personal_data("tel 76-12-34-56"), Some(PersonalData::Phone));
        assert_eq!(personal_data("contact: awa.traore@example.org."), Some(PersonalData::Email));
        assert_eq!(personal_data("120 femmes, 45 hommes, du 01/10/2026 au 31/10/2026"), None);
        assert_eq!(personal_data("ECHO 2026 / projet 12345"), None);
        assert_eq!(personal_data("@NRC_Mali sur Telegram"), None);
        assert_eq!(
            check_free_text("Voir Moussa au 66 77 88 99", 100),
            Err(LineError::PersonalData(PersonalData::Phone))
        );
        assert_eq!(check_free_text(&"x".repeat(101), 100), Err(LineError::TooLong { max: 100 }));
        assert_eq!(check_free_text("   ", 100), Err(LineError::Empty));
        assert_eq!(check_free_text("  ECHO   Mali ", 100).unwrap(), "ECHO Mali");
    }

    #[test]
    fn a_line_is_checked_as_a_whole_and_shifts_to_the_next_month() {
        let oct = ReportingMonth::parse("2026-10").unwrap();
        let line = Line {
            sector: "PRO".into(),
            activity: "PRO-MON".into(),
            region: "ML05".into(),
            cercle: "ML0507".into(),
            status: ActivityStatus::Ongoing,
            start: d("2026-10-01"),
            end: d("2026-10-31"),
            reached: Reached { girls: 1, boys: 2, women: 3, men: 4, disabled: 10, ..Default::default() },
            partner: None,
            donor: Some("ECHO".into()),
            remarks: None,
            ..Default::default()
        };
        assert!(line.check(oct).is_ok());
        let nov = line.shifted_to(oct, oct.next());
        assert_eq!((nov.start, nov.end), (d("2026-11-01"), d("2026-11-30")));
        assert_eq!(Line { cercle: "ML0601".into(), ..line.clone() }.check(oct), Err(LineError::CercleNotInRegion));
        let too_many = Reached { disabled: 11, ..line.reached };
        assert!(matches!(
            Line { reached: too_many, ..line.clone() }.check(oct),
            Err(LineError::DisabledAboveTotal { .. })
        ));
        assert_eq!(line.check(oct.next()), Err(LineError::OutsideMonth));
    }
}
