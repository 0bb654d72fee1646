//! The 5W additions to a 4W line ("for whom" and "how"): population group, modality, age
//! groups with stated cut-offs, people targeted as well as reached, commune, response-plan
//! code; and the rules that turn one spreadsheet row into a line, shared with the dialog
//! (dates, counts, free text and personal data come from [`super::fourw`]). Pure.

use super::fourw::{
    self, ActivityStatus, Line, LineError, MAX_DONOR_CHARS, MAX_PARTNER_CHARS, MAX_REMARKS_CHARS, ReportingMonth,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoEnumIterator};

/// The age cut-offs, stated in the dialog, the template and the export.
pub const CHILDREN_AGES: &str = "0-17";
pub const ADULTS_AGES: &str = "18-59";
pub const ELDERLY_AGES: &str = "60+";
/// A response-plan or project code (e.g. an HRP project code "HMLI-26/P-HR-RL/012345").
pub const MAX_PLAN_CODE_CHARS: usize = 40;

/// Who a line's activity is for, with the codes HDX uses for population groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
pub enum PopulationGroup {
    #[serde(rename = "IDP")]
    Idp,
    #[serde(rename = "HST")]
    Host,
    #[serde(rename = "RET")]
    Returnees,
    #[serde(rename = "REF")]
    Refugees,
    #[serde(rename = "OTH")]
    Other,
}

impl PopulationGroup {
    pub fn code(self) -> &'static str {
        match self {
            PopulationGroup::Idp => "IDP",
            PopulationGroup::Host => "HST",
            PopulationGroup::Returnees => "RET",
            PopulationGroup::Refugees => "REF",
            PopulationGroup::Other => "OTH",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        Self::iter().find(|g| g.code().eq_ignore_ascii_case(code))
    }

    pub fn all() -> Vec<Self> {
        Self::iter().collect()
    }
}

/// A count per sex and age group (children 0–17, adults 18–59, elderly 60+).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub girls: u32,
    pub boys: u32,
    pub women: u32,
    pub men: u32,
    pub elderly_women: u32,
    pub elderly_men: u32,
}

impl Counts {
    pub fn as_array(&self) -> [u32; 6] {
        [self.girls, self.boys, self.women, self.men, self.elderly_women, self.elderly_men]
    }

    pub fn from_array(a: [u32; 6]) -> Self {
        Self { girls: a[0], boys: a[1], women: a[2], men: a[3], elderly_women: a[4], elderly_men: a[5] }
    }

    pub fn total(&self) -> u64 {
        self.as_array().iter().map(|n| u64::from(*n)).sum()
    }
}

/// The columns of the spreadsheet template, in order. The header shows them translated
/// (`fw-column` ids); reading back uses the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, strum::AsRefStr)]
#[strum(serialize_all = "kebab-case")]
pub enum SheetColumn {
    Sector,
    Activity,
    Region,
    Cercle,
    Commune,
    Status,
    Population,
    Modality,
    Start,
    End,
    Girls,
    Boys,
    Women,
    Men,
    ElderlyWomen,
    ElderlyMen,
    Disabled,
    TargetedGirls,
    TargetedBoys,
    TargetedWomen,
    TargetedMen,
    TargetedElderlyWomen,
    TargetedElderlyMen,
    Impl,
    Donor,
    PlanCode,
    Remarks,
}

impl SheetColumn {
    pub fn all() -> Vec<Self> {
        Self::iter().collect()
    }

    /// 0-based position in the sheet.
    pub fn index(self) -> usize {
        Self::iter().position(|c| c == self).unwrap_or(0)
    }

    /// The column letter as Excel shows it (the template has fewer than 26 columns).
    pub fn letter(self) -> char {
        (b'A' + self.index() as u8) as char
    }

    pub fn id(self) -> &'static str {
        match self {
            SheetColumn::Sector => "sector",
            SheetColumn::Activity => "activity",
            SheetColumn::Region => "adm1-name",
            SheetColumn::Cercle => "adm2-name",
            SheetColumn::Commune => "adm3-name",
            SheetColumn::Status => "status",
            SheetColumn::Population => "population",
            SheetColumn::Modality => "modality",
            SheetColumn::Start => "start",
            SheetColumn::End => "end",
            SheetColumn::Girls => "girls",
            SheetColumn::Boys => "boys",
            SheetColumn::Women => "women",
            SheetColumn::Men => "men",
            SheetColumn::ElderlyWomen => "elderly-women",
            SheetColumn::ElderlyMen => "elderly-men",
            SheetColumn::Disabled => "disabled",
            SheetColumn::TargetedGirls => "t-girls",
            SheetColumn::TargetedBoys => "t-boys",
            SheetColumn::TargetedWomen => "t-women",
            SheetColumn::TargetedMen => "t-men",
            SheetColumn::TargetedElderlyWomen => "t-elderly-women",
            SheetColumn::TargetedElderlyMen => "t-elderly-men",
            SheetColumn::Impl => "impl",
            SheetColumn::Donor => "donor",
            SheetColumn::PlanCode => "plan-code",
            SheetColumn::Remarks => "remarks",
        }
    }

    const REACHED: [SheetColumn; 6] = [
        SheetColumn::Girls,
        SheetColumn::Boys,
        SheetColumn::Women,
        SheetColumn::Men,
        SheetColumn::ElderlyWomen,
        SheetColumn::ElderlyMen,
    ];
    const TARGETED: [SheetColumn; 6] = [
        SheetColumn::TargetedGirls,
        SheetColumn::TargetedBoys,
        SheetColumn::TargetedWomen,
        SheetColumn::TargetedMen,
        SheetColumn::TargetedElderlyWomen,
        SheetColumn::TargetedElderlyMen,
    ];
}

/// Why a cell of a spreadsheet row was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CellError {
    #[error("this cell is required")]
    Missing,
    #[error("not one of the values of the drop-down list")]
    NotInList,
    #[error("this activity is not in the sector's catalogue")]
    ActivityNotInSector,
    #[error("this modality is not offered for the sector")]
    ModalityNotInSector,
    #[error("this commune is not in the cercle")]
    CommuneNotInCercle,
    /// A number in a date column that is no Excel date (negative, a fraction of a day, 1E+20…).
    #[error("this number is not a date")]
    NotADate,
    #[error("{0}")]
    Line(#[from] LineError),
}

/// One problem of one row: the spreadsheet row number (as Excel shows it), the column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: u32,
    pub column: SheetColumn,
    pub error: CellError,
}

/// A cell as read from a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl CellValue {
    fn text(&self) -> Option<String> {
        match self {
            CellValue::Empty => None,
            CellValue::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            CellValue::Number(n) => Some(n.to_string()),
            CellValue::Date(d) => Some(d.format("%d/%m/%Y").to_string()),
        }
    }
}

/// What a row may refer to: the catalogue, the modalities and the boundaries offered.
/// Each list holds (code, labels it may be written as).
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// (sector code, labels).
    pub sectors: Vec<(String, Vec<String>)>,
    /// (activity code, sector code, labels).
    pub activities: Vec<(String, String, Vec<String>)>,
    /// (modality code, sector code, labels).
    pub modalities: Vec<(String, String, Vec<String>)>,
    /// (P-code, parent P-code, level, labels) of the boundary version offered.
    pub units: Vec<(String, Option<String>, u8, Vec<String>)>,
    /// (status, labels).
    pub statuses: Vec<(ActivityStatus, Vec<String>)>,
    /// (group, labels).
    pub populations: Vec<(PopulationGroup, Vec<String>)>,
    /// The label of the boundary version the lines will carry.
    pub boundaries: String,
}

/// The label a drop-down shows for a coded value: "CODE — name".
pub fn coded_label(code: &str, name: &str) -> String {
    format!("{code} — {name}")
}

/// Finds a coded value written as its code, its "CODE — name" label or one of its names
/// (compared without accents or case).
fn find<'a, T>(
    raw: &str,
    items: &'a [T],
    code: impl Fn(&T) -> &str,
    labels: impl Fn(&T) -> &[String],
) -> Option<&'a T> {
    let head = raw.split(" — ").next().unwrap_or(raw).trim();
    items.iter().find(|i| code(i).eq_ignore_ascii_case(head)).or_else(|| {
        let folded = fourw::fold_name(raw);
        items.iter().find(|i| labels(i).iter().any(|l| fourw::fold_name(l) == folded))
    })
}

impl Choices {
    fn unit(&self, raw: &str, level: u8, parent: Option<&str>) -> Option<&(String, Option<String>, u8, Vec<String>)> {
        let candidates: Vec<_> = self
            .units
            .iter()
            .filter(|u| u.2 == level && (parent.is_none() || u.1.as_deref() == parent))
            .cloned()
            .collect();
        let found = find(raw, &candidates, |u| u.0.as_str(), |u| u.3.as_slice())?;
        self.units.iter().find(|u| u.0 == found.0 && u.2 == level)
    }
}

fn date_cell(v: &CellValue) -> Result<NaiveDate, CellError> {
    match v {
        CellValue::Date(d) => Ok(*d),
        CellValue::Empty => Err(CellError::Missing),
        CellValue::Number(_) => Err(CellError::NotADate),
        other => Ok(fourw::parse_date(&other.text().unwrap_or_default())?),
    }
}

fn count_cell(v: &CellValue, required: bool) -> Result<u32, CellError> {
    match v.text() {
        None if required => Err(CellError::Missing),
        None => Ok(0),
        Some(t) => Ok(fourw::parse_count(&t)?),
    }
}

fn text_cell(v: &CellValue, max: usize) -> Result<Option<String>, CellError> {
    match v.text() {
        None => Ok(None),
        Some(t) => Ok(Some(fourw::check_free_text(&t, max)?)),
    }
}

/// Turns one row (cells in [`SheetColumn`] order) into a line, with every problem found (not
/// only the first). `row` is the number Excel shows.
pub fn parse_row(
    row: u32,
    cells: &[CellValue],
    month: ReportingMonth,
    choices: &Choices,
) -> Result<Line, Vec<RowError>> {
    let mut errors = Vec::new();
    let empty = CellValue::Empty;
    let cell = |c: SheetColumn| cells.get(c.index()).unwrap_or(&empty);
    let mut fail = |column: SheetColumn, error: CellError| errors.push(RowError { row, column, error });
    let required = |c: SheetColumn| cell(c).text().ok_or(CellError::Missing);

    let sector = required(SheetColumn::Sector)
        .and_then(|t| find(&t, &choices.sectors, |s| s.0.as_str(), |s| s.1.as_slice()).ok_or(CellError::NotInList))
        .map(|s| s.0.clone());
    let activity = required(SheetColumn::Activity).and_then(|t| {
        let a = find(&t, &choices.activities, |a| a.0.as_str(), |a| a.2.as_slice()).ok_or(CellError::NotInList)?;
        match &sector {
            Ok(s) if *s != a.1 => Err(CellError::ActivityNotInSector),
            _ => Ok(a.0.clone()),
        }
    });
    let modality = required(SheetColumn::Modality).and_then(|t| {
        let m = find(&t, &choices.modalities, |m| m.0.as_str(), |m| m.2.as_slice()).ok_or(CellError::NotInList)?;
        match &sector {
            Ok(s) if *s != m.1 => Err(CellError::ModalityNotInSector),
            _ => Ok(m.0.clone()),
        }
    });
    let region = required(SheetColumn::Region)
        .and_then(|t| choices.unit(&t, 1, None).map(|u| u.0.clone()).ok_or(CellError::Line(LineError::UnknownPlace)));
    let cercle = required(SheetColumn::Cercle).and_then(|t| {
        let c = choices.unit(&t, 2, None).ok_or(CellError::Line(LineError::UnknownPlace))?;
        match &region {
            Ok(r) if c.1.as_deref() != Some(r.as_str()) => Err(CellError::Line(LineError::CercleNotInRegion)),
            _ => Ok(c.0.clone()),
        }
    });
    let commune = match cell(SheetColumn::Commune).text() {
        None => Ok(None),
        Some(t) => match choices.unit(&t, 3, None) {
            None => Err(CellError::Line(LineError::UnknownPlace)),
            Some(u) => match &cercle {
                Ok(c) if u.1.as_deref() != Some(c.as_str()) => Err(CellError::CommuneNotInCercle),
                _ => Ok(Some(u.0.clone())),
            },
        },
    };
    let status = required(SheetColumn::Status).and_then(|t| {
        find(&t, &choices.statuses, |s| s.0.as_str(), |s| s.1.as_slice()).map(|s| s.0).ok_or(CellError::NotInList)
    });
    let population = required(SheetColumn::Population).and_then(|t| {
        find(&t, &choices.populations, |p| p.0.code(), |p| p.1.as_slice()).map(|p| p.0).ok_or(CellError::NotInList)
    });
    let start = date_cell(cell(SheetColumn::Start));
    let end = date_cell(cell(SheetColumn::End));
    let mut reached = [0u32; 6];
    let mut targeted = [0u32; 6];
    let mut counts_ok = true;
    for (i, c) in SheetColumn::REACHED.into_iter().enumerate() {
        match count_cell(cell(c), true) {
            Ok(n) => reached[i] = n,
            Err(e) => {
                counts_ok = false;
                fail(c, e);
            }
        }
    }
    for (i, c) in SheetColumn::TARGETED.into_iter().enumerate() {
        match count_cell(cell(c), false) {
            Ok(n) => targeted[i] = n,
            Err(e) => fail(c, e),
        }
    }
    let disabled = count_cell(cell(SheetColumn::Disabled), false).and_then(|d| {
        let total = Counts::from_array(reached).total();
        if counts_ok {
            fourw::check_disabled(d, u32::try_from(total).unwrap_or(u32::MAX))?;
        }
        Ok(d)
    });
    let partner = text_cell(cell(SheetColumn::Impl), MAX_PARTNER_CHARS);
    let donor = text_cell(cell(SheetColumn::Donor), MAX_DONOR_CHARS);
    let plan_code = text_cell(cell(SheetColumn::PlanCode), MAX_PLAN_CODE_CHARS);
    let remarks = text_cell(cell(SheetColumn::Remarks), MAX_REMARKS_CHARS);
    if let (Ok(s), Ok(e)) = (&start, &end)
        && let Err(err) = fourw::check_dates(*s, *e, month)
    {
        let column = if err == LineError::EndBeforeStart { SheetColumn::End } else { SheetColumn::Start };
        fail(column, err.into());
    }
    macro_rules! take {
        ($v:expr, $col:expr) => {
            match $v {
                Ok(v) => Some(v),
                Err(e) => {
                    fail($col, e);
                    None
                }
            }
        };
    }
    // Every field is taken (and its error recorded) before the line is assembled.
    let sector = take!(sector, SheetColumn::Sector);
    let activity = take!(activity, SheetColumn::Activity);
    let region = take!(region, SheetColumn::Region);
    let cercle = take!(cercle, SheetColumn::Cercle);
    let commune = take!(commune, SheetColumn::Commune);
    let status = take!(status, SheetColumn::Status);
    let population = take!(population, SheetColumn::Population);
    let modality = take!(modality, SheetColumn::Modality);
    let start = take!(start, SheetColumn::Start);
    let end = take!(end, SheetColumn::End);
    let disabled = take!(disabled, SheetColumn::Disabled);
    let partner = take!(partner, SheetColumn::Impl);
    let donor = take!(donor, SheetColumn::Donor);
    let plan_code = take!(plan_code, SheetColumn::PlanCode);
    let remarks = take!(remarks, SheetColumn::Remarks);
    let line = (|| {
        Some(Line {
            sector: sector?,
            activity: activity?,
            region: region?,
            cercle: cercle?,
            status: status?,
            start: start?,
            end: end?,
            reached: fourw::Reached::from_counts(Counts::from_array(reached), disabled?),
            partner: partner?,
            donor: donor?,
            remarks: remarks?,
            population: Some(population?),
            modality: Some(modality?),
            targeted: Counts::from_array(targeted),
            commune: commune?,
            plan_code: plan_code?,
            boundaries: choices.boundaries.clone(),
        })
    })();
    match line {
        Some(l) if errors.is_empty() => match l.check(month) {
            Ok(()) => Ok(l),
            Err(e) => Err(vec![RowError { row, column: SheetColumn::Start, error: e.into() }]),
        },
        _ => {
            errors.sort_by_key(|e| e.column.index());
            errors.dedup_by(|a, b| a.column == b.column);
            Err(errors)
        }
    }
}

/// True when every cell of a row is empty (such rows are skipped).
pub fn is_blank(cells: &[CellValue]) -> bool {
    cells.iter().all(|c| c.text().is_none())
}

impl ActivityStatus {
    /// The status in HXL's vocabulary (planned / active / complete).
    pub fn hxl(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::Ongoing => "active",
            ActivityStatus::Completed => "complete",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Choices {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Choices {
            sectors: vec![("PRO".into(), l(&["PRO — Protection générale", "Protection générale"]))],
            activities: vec![("PRO-MON".into(), "PRO".into(), l(&["PRO-MON — Monitoring", "Monitoring"]))],
            modalities: vec![("PRO-IND".into(), "PRO".into(), l(&["PRO-IND — Individuelle"]))],
            units: vec![
                ("ML05".into(), None, 1, l(&["ML05 — Mopti", "Mopti"])),
                ("ML0507".into(), Some("ML05".into()), 2, l(&["ML0507 — Ténenkou", "Ténenkou"])),
            ],
            statuses: vec![(ActivityStatus::Ongoing, l(&["en cours", "ongoing", "active"]))],
            populations: vec![(PopulationGroup::Idp, l(&["PDI"]))],
            boundaries: "2021".into(),
        }
    }

    fn cells(overrides: &[(SheetColumn, CellValue)]) -> Vec<CellValue> {
        let text = |s: &str| CellValue::Text(s.into());
        let mut row = vec![CellValue::Empty; SheetColumn::all().len()];
        for (c, v) in [
            (SheetColumn::Sector, text("PRO — Protection générale")),
            (SheetColumn::Activity, text("monitoring")),
            (SheetColumn::Region, text("ML05")),
            (SheetColumn::Cercle, text("tenenkou")),
            (SheetColumn::Status, text("active")),
            (SheetColumn::Population, text("IDP")),
            (SheetColumn::Modality, text("PRO-IND")),
            (SheetColumn::Start, CellValue::Date(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())),
            (SheetColumn::End, text("31/10/2026")),
            (SheetColumn::Girls, CellValue::Number(1.0)),
            (SheetColumn::Boys, CellValue::Number(1.0)),
            (SheetColumn::Women, CellValue::Number(1.0)),
            (SheetColumn::Men, CellValue::Number(1.0)),
            (SheetColumn::ElderlyWomen, CellValue::Number(1.0)),
            (SheetColumn::ElderlyMen, CellValue::Number(1.0)),
        ]
        .into_iter()
        .chain(overrides.iter().cloned())
        {
            row[c.index()] = v;
        }
        row
    }

    #[test]
    fn a_row_becomes_a_line_or_every_problem_with_its_column() {
        let oct = ReportingMonth::parse("2026-10").unwrap();
        let line = parse_row(2, &cells(&[]), oct, &choices()).unwrap();
        assert_eq!((line.cercle.as_str(), line.reached.total(), line.boundaries.as_str()), ("ML0507", 6, "2021"));
        assert_eq!(line.population, Some(PopulationGroup::Idp));
        let errors = parse_row(
            7,
            &cells(&[
                (SheetColumn::Activity, CellValue::Empty),
                (SheetColumn::Girls, CellValue::Number(-1.0)),
                (SheetColumn::Remarks, CellValue::Text("mail a@b.org".into())),
            ]),
            oct,
            &choices(),
        )
        .unwrap_err();
        let found: Vec<_> = errors.iter().map(|e| (e.row, e.column)).collect();
        assert_eq!(found, [(7, SheetColumn::Activity), (7, SheetColumn::Girls), (7, SheetColumn::Remarks)]);
        assert_eq!(errors[0].error, CellError::Missing);
        assert!(is_blank(&[CellValue::Empty, CellValue::Text("  ".into())]));
        assert_eq!(SheetColumn::Remarks.letter(), 'A'.max((b'A' + SheetColumn::all().len() as u8 - 1) as char));
        assert_eq!(PopulationGroup::parse("hst"), Some(PopulationGroup::Host));
        assert_eq!(ActivityStatus::Completed.hxl(), "complete");
    }
}
