//! The /report dialog's draft: where the dialog is, the line being entered and the lines so
//! far; persisted at every step with the dialogue state.

use crate::domain::fourw::{ActivityStatus, Counts, Line, PopulationGroup, Reached, ReportingMonth};
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
    /// Asked only when the cercle has communes in the newest boundary version.
    Commune,
    Status,
    Population,
    Modality,
    StartDate,
    EndDate,
    Girls,
    Boys,
    Women,
    Men,
    ElderlyWomen,
    ElderlyMen,
    Disabled,
    Targeted,
    Partner,
    Donor,
    PlanCode,
    Remarks,
    Review,
    /// The template was sent: waiting for the filled file.
    Sheet,
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
    // 5W
    #[serde(default)]
    pub population: Option<PopulationGroup>,
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub elderly_women: Option<u32>,
    #[serde(default)]
    pub elderly_men: Option<u32>,
    #[serde(default)]
    pub targeted: Option<Counts>,
    #[serde(default)]
    pub commune: Option<String>,
    #[serde(default)]
    pub plan_code: Option<String>,
    /// The boundary version of a line being edited (empty: the newest, set on submit).
    #[serde(default)]
    pub boundaries: String,
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
            population: l.population,
            modality: l.modality.clone(),
            elderly_women: Some(l.reached.elderly_women),
            elderly_men: Some(l.reached.elderly_men),
            targeted: Some(l.targeted),
            commune: l.commune.clone(),
            plan_code: l.plan_code.clone(),
            boundaries: l.boundaries.clone(),
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
                elderly_women: self.elderly_women.unwrap_or(0),
                elderly_men: self.elderly_men.unwrap_or(0),
                disabled: self.disabled?,
            },
            partner: self.partner.clone(),
            donor: self.donor.clone(),
            remarks: self.remarks.clone(),
            population: self.population,
            modality: self.modality.clone(),
            targeted: self.targeted.unwrap_or_default(),
            commune: self.commune.clone(),
            plan_code: self.plan_code.clone(),
            boundaries: self.boundaries.clone(),
        })
    }

    pub(super) fn total(&self) -> u64 {
        [self.girls, self.boys, self.women, self.men, self.elderly_women, self.elderly_men]
            .iter()
            .map(|n| u64::from(n.unwrap_or(0)))
            .sum()
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
    /// Changes at every change of `lines`; the review's buttons carry it, so that a button of
    /// an older review never acts on lines the person has not seen.
    #[serde(default)]
    pub version: u32,
    /// The page of the review shown (of [`super::review::PAGE_LINES`] lines).
    #[serde(default)]
    pub page: usize,
    /// The page of the commune buttons shown (of [`super::steps::COMMUNES_PER_PAGE`]).
    #[serde(default)]
    pub commune_page: u16,
}

impl ReportDraft {
    /// A new draft. Its version starts at random, so that the buttons of a review of an
    /// earlier draft (an earlier /report) never match this one's.
    pub(super) fn new() -> Self {
        Self { version: rand::random::<u32>() >> 1, ..Self::default() }
    }

    /// The lines changed: older reviews are out of date.
    pub(super) fn changed(&mut self) {
        self.version = self.version.wrapping_add(1);
    }
}

pub(super) fn pcode_num(p: &str) -> Option<u16> {
    p.strip_prefix("ML")?.parse().ok()
}

/// A commune P-code as its buttons carry it: ML + 6 digits (ML050701 → 50701).
pub(super) fn commune_num(p: &str) -> Option<u32> {
    let digits = p.strip_prefix("ML").filter(|d| d.len() == 6)?;
    digits.parse().ok()
}

pub(super) fn commune_code(n: u32) -> String {
    format!("ML{n:06}")
}

pub(super) fn region_code(n: u16) -> String {
    format!("ML{n:02}")
}

pub(super) fn cercle_code(n: u16) -> String {
    format!("ML{n:04}")
}
