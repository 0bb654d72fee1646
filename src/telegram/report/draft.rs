//! The /report dialog's draft: where the dialog is, the line being entered and the lines so
//! far; persisted at every step with the dialogue state.

use crate::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where the /report dialog is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    Month,
    Seat,
    Start,
    Sector,
    Activity,
    Region,
    Cercle,
    Status,
    StartDate,
    EndDate,
    Girls,
    Boys,
    Women,
    Men,
    Disabled,
    Partner,
    Donor,
    Remarks,
    Review,
}

/// The line being entered (or edited).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub sector: Option<String>,
    pub activity: Option<String>,
    pub region: Option<String>,
    pub cercle: Option<String>,
    pub status: Option<ActivityStatus>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub girls: Option<u32>,
    pub boys: Option<u32>,
    pub women: Option<u32>,
    pub men: Option<u32>,
    pub disabled: Option<u32>,
    pub partner: Option<String>,
    pub donor: Option<String>,
    pub remarks: Option<String>,
}

impl LineDraft {
    pub(super) fn from_line(l: &Line) -> Self {
        Self {
            sector: Some(l.sector.clone()),
            activity: Some(l.activity.clone()),
            region: Some(l.region.clone()),
            cercle: Some(l.cercle.clone()),
            status: Some(l.status),
            start: Some(l.start),
            end: Some(l.end),
            girls: Some(l.reached.girls),
            boys: Some(l.reached.boys),
            women: Some(l.reached.women),
            men: Some(l.reached.men),
            disabled: Some(l.reached.disabled),
            partner: l.partner.clone(),
            donor: l.donor.clone(),
            remarks: l.remarks.clone(),
        }
    }

    pub(super) fn to_line(&self) -> Option<Line> {
        Some(Line {
            sector: self.sector.clone()?,
            activity: self.activity.clone()?,
            region: self.region.clone()?,
            cercle: self.cercle.clone()?,
            status: self.status?,
            start: self.start?,
            end: self.end?,
            reached: Reached {
                girls: self.girls?,
                boys: self.boys?,
                women: self.women?,
                men: self.men?,
                disabled: self.disabled?,
            },
            partner: self.partner.clone(),
            donor: self.donor.clone(),
            remarks: self.remarks.clone(),
        })
    }

    pub(super) fn total(&self) -> u64 {
        [self.girls, self.boys, self.women, self.men].iter().map(|n| u64::from(n.unwrap_or(0))).sum()
    }
}

/// The /report dialog so far; persisted at every step with the dialogue state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDraft {
    pub step: Step,
    pub month: Option<ReportingMonth>,
    pub org_id: Option<i64>,
    pub mechanism_id: Option<i64>,
    pub lines: Vec<Line>,
    pub line: LineDraft,
    /// The index of the line being edited (replaced when done).
    pub editing: Option<usize>,
    /// The submission's review status when the dialog started ("none" when new).
    pub submitted: String,
}

pub(super) fn pcode_num(p: &str) -> Option<u16> {
    p.strip_prefix("ML")?.parse().ok()
}

pub(super) fn region_code(n: u16) -> String {
    format!("ML{n:02}")
}

pub(super) fn cercle_code(n: u16) -> String {
    format!("ML{n:04}")
}
