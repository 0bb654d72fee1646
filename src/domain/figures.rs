//! The figures that charts and the monthly digest show, as plain values (computed by
//! `services::figures` from the database, drawn by `charts`).

use super::fourw::ReportingMonth;
use super::meeting::RsvpAnswer;
use chrono::{DateTime, NaiveDate, Utc};

/// People reached in one region and one sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionSector {
    pub region: String,
    pub sector: String,
    pub people: i64,
}

/// People reached by sex and age group (disabled people are counted among them too).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SexAge {
    pub girls: i64,
    pub boys: i64,
    pub women: i64,
    pub men: i64,
    pub disabled: i64,
}

impl SexAge {
    pub fn total(&self) -> i64 {
        self.girls + self.boys + self.women + self.men
    }
}

/// The 4W reach of a month: per region and sector, by sex and age, and the month against the
/// six before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub month: ReportingMonth,
    /// Regions in P-code order, sectors in code order; only cells with lines.
    pub cells: Vec<RegionSector>,
    pub sex_age: SexAge,
    /// Seven months, oldest first, the last being `month` (0 when nothing was reported).
    pub history: Vec<(ReportingMonth, i64)>,
}

impl Reach {
    pub fn total(&self) -> i64 {
        self.cells.iter().map(|c| c.people).sum()
    }

    /// The regions, in order, once each.
    pub fn regions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.cells {
            if !out.contains(&c.region.as_str()) {
                out.push(&c.region);
            }
        }
        out
    }

    /// The sectors, sorted, once each.
    pub fn sectors(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.cells.iter().map(|c| c.sector.as_str()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// People reached in a region (all sectors) or in a sector (all regions).
    pub fn by_region(&self, region: &str) -> i64 {
        self.cells.iter().filter(|c| c.region == region).map(|c| c.people).sum()
    }

    pub fn by_sector(&self, sector: &str) -> i64 {
        self.cells.iter().filter(|c| c.sector == sector).map(|c| c.people).sum()
    }

    /// The table regions × sectors as it may leave the chairs and coordinators: counts of
    /// gender-based violence and child protection below `threshold` shown as small, and what
    /// would give them away hidden.
    pub fn shared(&self, threshold: i64) -> super::suppression::Table {
        let (regions, sectors) = (self.regions(), self.sectors());
        let rows: Vec<Vec<i64>> = regions
            .iter()
            .map(|r| {
                sectors
                    .iter()
                    .map(|s| self.cells.iter().find(|c| c.region == *r && c.sector == *s).map_or(0, |c| c.people))
                    .collect()
            })
            .collect();
        let sensitive: Vec<bool> = sectors.iter().map(|s| super::suppression::is_sensitive_sector(s)).collect();
        super::suppression::table(&rows, &sensitive, threshold)
    }
}

/// How an organisation took part in one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum AttendanceMark {
    /// Present (the focal point, or nobody said who).
    Present,
    /// Present through the alternate.
    Alternate,
    /// Absent without having declined.
    Absent,
    /// Absent after declining the invitation.
    Excused,
    /// Attendance was not recorded for this organisation.
    Unknown,
}

impl AttendanceMark {
    /// From the recorded attendance (if any) and the organisation's answer (if any).
    pub fn of(present: Option<bool>, answer: Option<RsvpAnswer>) -> Self {
        match (present, answer) {
            (Some(true), Some(RsvpAnswer::Alternate)) => AttendanceMark::Alternate,
            (Some(true), _) => AttendanceMark::Present,
            (Some(false), Some(RsvpAnswer::Declined)) => AttendanceMark::Excused,
            (Some(false), _) => AttendanceMark::Absent,
            (None, _) => AttendanceMark::Unknown,
        }
    }

    pub fn attended(self) -> bool {
        matches!(self, AttendanceMark::Present | AttendanceMark::Alternate)
    }
}

/// Organisations × the last meetings of a mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceGrid {
    pub mechanism: String,
    /// Start of each meeting, oldest first.
    pub meetings: Vec<DateTime<Utc>>,
    /// Each organisation (observers last) with one mark per meeting.
    pub rows: Vec<(String, Vec<AttendanceMark>)>,
}

/// Minutes shared within 72 hours, for one mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesShare {
    pub mechanism: String,
    pub on_time: usize,
    pub meetings: usize,
}

impl MinutesShare {
    pub fn percent(&self) -> u32 {
        percent(self.on_time, self.meetings)
    }
}

/// A rounded percentage (0 when there is nothing to count).
pub fn percent(part: usize, whole: usize) -> u32 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0) as u32
}

/// A meeting held in the digest's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMeeting {
    pub mechanism: String,
    pub starts_at: DateTime<Utc>,
    /// Organisations marked present, and organisations with a recorded mark.
    pub present: usize,
    pub marked: usize,
}

/// Everything the one-page digest of a month shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub month: ReportingMonth,
    pub produced: NaiveDate,
    pub meetings: Vec<HeldMeeting>,
    /// Minutes of the month's meetings: (within 72 h, meetings counted).
    pub minutes: (usize, usize),
    pub minutes_by_mechanism: Vec<MinutesShare>,
    /// Action points agreed at the month's meetings: (all, still open).
    pub actions: (i64, i64),
    pub reach: Reach,
    pub gaps: usize,
    /// Possible duplications: (place, activity in French, in English, organisations).
    pub duplications: Vec<(String, String, String, String)>,
    /// Organisations expected to report that did not, per mechanism code.
    pub missing: Vec<(String, Vec<String>)>,
    /// The month's register of decisions (votes closed, decisions recorded at its
    /// meetings): (mechanism code, what was decided).
    pub decisions: Vec<(String, String)>,
    /// `Some(threshold)` when the digest may leave the chairs and coordinators (it is meant to
    /// be forwarded): small counts of sensitive sectors are then kept from view.
    pub small_numbers: Option<i64>,
    /// Situation items the regional clusters' chairs validated in the month, as the national
    /// cluster sees them (the source only when it may be named).
    pub situations: Vec<super::situation::SharedItem>,
}

/// A chart someone asked for (the "📊" buttons, the post-deadline 4W message), drawn when it
/// is sent, in the recipient's language, after checking they may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "chart", rename_all = "snake_case")]
pub enum ChartRequest {
    /// 4W reach by region and sector (of one mechanism, or all for coordinators).
    Reach { year: i32, month: u32, mechanism_id: Option<i64> },
    /// 4W reach by sex and age group.
    SexAge { year: i32, month: u32, mechanism_id: Option<i64> },
    /// 4W reach of the month against the previous six.
    Trend { year: i32, month: u32, mechanism_id: Option<i64> },
    /// Who does what where: organisations per cercle × sector.
    WhoWhere { year: i32, month: u32, mechanism_id: Option<i64> },
    /// Attendance at the last meetings of a mechanism.
    Attendance { mechanism_id: i64 },
    /// Minutes within 72 h per mechanism (those the person manages).
    Minutes,
}

impl ChartRequest {
    /// The 4W month it shows, if it is a 4W chart.
    pub fn month(&self) -> Option<ReportingMonth> {
        match *self {
            ChartRequest::Reach { year, month, .. }
            | ChartRequest::SexAge { year, month, .. }
            | ChartRequest::Trend { year, month, .. }
            | ChartRequest::WhoWhere { year, month, .. } => {
                ReportingMonth::parse(&format!("{year:04}-{month:02}")).ok()
            }
            ChartRequest::Attendance { .. } | ChartRequest::Minutes => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_marks_combine_the_record_and_the_answer() {
        use AttendanceMark::*;
        assert_eq!(AttendanceMark::of(Some(true), Some(RsvpAnswer::Alternate)), Alternate);
        assert_eq!(AttendanceMark::of(Some(true), Some(RsvpAnswer::Declined)), Present);
        assert_eq!(AttendanceMark::of(Some(true), None), Present);
        assert_eq!(AttendanceMark::of(Some(false), Some(RsvpAnswer::Declined)), Excused);
        assert_eq!(AttendanceMark::of(Some(false), Some(RsvpAnswer::Focal)), Absent);
        assert_eq!(AttendanceMark::of(None, Some(RsvpAnswer::Focal)), Unknown);
        assert_eq!(Excused.as_ref(), "excused");
        assert!(Alternate.attended() && !Excused.attended());
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(0, 0), 0);
    }
}
