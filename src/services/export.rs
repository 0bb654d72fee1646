//! The consolidated 4W (5W) matrix as a table, written as CSV (UTF-8 with BOM, so that Excel
//! opens it correctly) or XLSX, with a header row, an HXL hashtag row and a totals row. The
//! month is streamed from the database to the file, row by row.

use crate::domain::fourw::{ActivityStatus, PopulationGroup, ReportingMonth};
use crate::domain::suppression::{self, Shown};
use crate::domain::{AppError, AppResult, Language};
use crate::i18n::{FivewMsg, I18n, Msg, ReportMsg};
use crate::storage::matrix::{self, MatrixRow};
use crate::storage::{Db, from_ts};
use chrono_tz::Tz;
use std::collections::HashMap;

/// One column: its id (used for the translated header) and its HXL hashtag. The age groups
/// state their cut-offs; organisations are tagged by their role; statuses and population
/// groups are codes (HXL's status vocabulary, HDX's population groups) beside their label.
pub const COLUMNS: &[(&str, &str)] = &[
    ("org", "#org+prog"),
    ("impl", "#org+impl"),
    ("donor", "#org+funder"),
    ("mechanism", "#meta+mechanism"),
    ("sector", "#sector+cluster+code"),
    ("activity-code", "#activity+code"),
    ("activity", "#activity+name"),
    ("modality-code", "#modality+code"),
    ("modality", "#modality+name"),
    ("population-code", "#group+code"),
    ("population", "#group+name"),
    ("adm1-name", "#adm1+name"),
    ("adm1-code", "#adm1+code"),
    ("adm2-name", "#adm2+name"),
    ("adm2-code", "#adm2+code"),
    ("adm3-name", "#adm3+name"),
    ("adm3-code", "#adm3+code"),
    ("boundaries", "#meta+boundaries"),
    ("status-code", "#status+code"),
    ("status", "#status+name"),
    ("start", "#date+start"),
    ("end", "#date+end"),
    ("girls", "#reached+f+children+age0_17"),
    ("boys", "#reached+m+children+age0_17"),
    ("women", "#reached+f+adults+age18_59"),
    ("men", "#reached+m+adults+age18_59"),
    ("elderly-women", "#reached+f+elderly+age60plus"),
    ("elderly-men", "#reached+m+elderly+age60plus"),
    ("total", "#reached+total"),
    ("disabled", "#reached+disabled"),
    ("t-girls", "#targeted+f+children+age0_17"),
    ("t-boys", "#targeted+m+children+age0_17"),
    ("t-women", "#targeted+f+adults+age18_59"),
    ("t-men", "#targeted+m+adults+age18_59"),
    ("t-elderly-women", "#targeted+f+elderly+age60plus"),
    ("t-elderly-men", "#targeted+m+elderly+age60plus"),
    ("t-total", "#targeted+total"),
    ("plan-code", "#activity+project+code"),
    ("reported", "#date+reported"),
    ("review", "#meta+review"),
    ("approved", "#meta+approved"),
    ("remarks", "#description+remarks"),
    ("late", "#meta+late"),
];

/// The index of the first count column (girls reached) and the number of count columns
/// (reached ×6, total, disabled, targeted ×6, total).
const FIRST_COUNT: usize = 22;
const COUNTS: usize = 15;
/// Within the count columns: the groups that add up to a total (reached, targeted) and the
/// count that stands alone (persons with disabilities among those reached).
const GROUPS: [(std::ops::Range<usize>, usize); 2] = [(0..6, 6), (8..14, 14)];
const DISABLED: usize = 7;

/// Who an export is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The chairs and coordinators: exact figures (an XLSX says so).
    Internal,
    /// Beyond them: the small numbers of gender-based violence and child protection lines
    /// shown as "<threshold>", and what would give them away hidden ("x").
    Shared { threshold: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(i64),
}

/// A cell borrowed from a row or from the labels (the streaming export copies nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellRef<'a> {
    Text(&'a str),
    Int(i64),
}

impl CellRef<'_> {
    fn owned(self) -> Cell {
        match self {
            CellRef::Text(t) => Cell::Text(t.to_string()),
            CellRef::Int(n) => Cell::Int(n),
        }
    }
}

impl Cell {
    fn as_ref(&self) -> CellRef<'_> {
        match self {
            Cell::Text(t) => CellRef::Text(t),
            Cell::Int(n) => CellRef::Int(*n),
        }
    }
}

/// The matrix ready to be written (used where a month is small: one mechanism in the chat).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub hxl: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Vec<Cell>,
    /// The sheet that says whether the figures are exact or may be shared (XLSX only).
    pub note: Option<Sheet>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// Every translated word a row needs, rendered once per export (not once per row).
pub struct Labels {
    lang: Language,
    header: Vec<String>,
    status: HashMap<&'static str, (String, &'static str)>,
    population: HashMap<&'static str, String>,
    review: HashMap<&'static str, String>,
    yes: String,
    no: String,
    total: String,
    tz: Tz,
    dates: HashMap<i64, String>,
    audience: Audience,
    small: String,
    hidden: String,
    note: String,
    note_sheet: String,
}

impl Labels {
    pub fn new(lang: Language, i18n: &I18n, tz: Tz) -> Self {
        Self::for_audience(lang, i18n, tz, Audience::Internal)
    }

    pub fn for_audience(lang: Language, i18n: &I18n, tz: Tz, audience: Audience) -> Self {
        let t = |m: Msg| i18n.render(lang, &m);
        let threshold = match audience {
            Audience::Internal => suppression::DEFAULT_THRESHOLD,
            Audience::Shared { threshold } => threshold,
        };
        let shared = if matches!(audience, Audience::Shared { .. }) { "yes" } else { "no" };
        Self {
            audience,
            small: format!("<{threshold}"),
            hidden: "x".into(),
            note: t(ReportMsg::FwExportNote { shared, threshold }.into()),
            note_sheet: t(ReportMsg::FwExportNoteSheet.into()),
            lang,
            header: COLUMNS.iter().map(|(id, _)| t(ReportMsg::FwColumn { column: (*id).to_string() }.into())).collect(),
            status: ActivityStatus::ALL
                .into_iter()
                .map(|s| (s.as_str(), (t(ReportMsg::FwStatus { status: s.as_str().to_string() }.into()), s.hxl())))
                .collect(),
            population: PopulationGroup::all()
                .into_iter()
                .map(|g| (g.code(), t(FivewMsg::FwPopulation { group: g.code().to_string() }.into())))
                .collect(),
            review: ["submitted", "returned", "corrected"]
                .into_iter()
                .map(|r| (r, t(ReportMsg::FwReviewStatus { status: r.to_string() }.into())))
                .collect(),
            yes: t(ReportMsg::FwYesNo { yes: true }.into()),
            no: t(ReportMsg::FwYesNo { yes: false }.into()),
            total: t(ReportMsg::FwTotal.into()),
            tz,
            dates: HashMap::new(),
        }
    }

    /// Renders the date of a submission once (its lines share it).
    fn see_date(&mut self, at: i64) {
        let tz = self.tz;
        self.dates.entry(at).or_insert_with(|| from_ts(at).with_timezone(&tz).format("%Y-%m-%d").to_string());
    }
}

/// The cells of one line, in [`COLUMNS`] order (`see_date` called for it before).
fn row_cells<'a>(r: &'a MatrixRow, l: &'a Labels) -> Vec<CellRef<'a>> {
    let text = |s: &'a str| CellRef::Text(s);
    let opt = |s: &'a Option<String>| CellRef::Text(s.as_deref().unwrap_or(""));
    let (status, status_hxl) = l.status.get(r.status.as_str()).map(|(a, b)| (a.as_str(), *b)).unwrap_or(("", ""));
    let population = r.population_group.as_deref().unwrap_or("");
    let reached = r.reached();
    let targeted = r.targeted();
    let mut out = Vec::with_capacity(COLUMNS.len());
    out.extend([
        text(&r.org),
        opt(&r.implementing_partner),
        opt(&r.donor),
        text(&r.mechanism),
        text(&r.sector_code),
        text(&r.activity_code),
        text(match l.lang {
            Language::Fr => &r.activity_fr,
            Language::En => &r.activity_en,
        }),
        opt(&r.modality_code),
        opt(match l.lang {
            Language::Fr => &r.modality_fr,
            Language::En => &r.modality_en,
        }),
        text(population),
        text(l.population.get(population).map(String::as_str).unwrap_or("")),
        text(&r.region_name),
        text(&r.region_pcode),
        text(&r.cercle_name),
        text(&r.cercle_pcode),
        opt(&r.commune_name),
        opt(&r.commune_pcode),
        text(&r.admin_version),
        text(status_hxl),
        text(status),
        text(&r.start_date),
        text(&r.end_date),
    ]);
    out.extend(reached.iter().map(|n| CellRef::Int(*n)));
    out.extend([CellRef::Int(reached.iter().sum()), CellRef::Int(r.disabled)]);
    out.extend(targeted.iter().map(|n| CellRef::Int(*n)));
    out.push(CellRef::Int(targeted.iter().sum()));
    out.extend([
        opt(&r.plan_code),
        text(l.dates.get(&r.submitted_at).map(String::as_str).unwrap_or("")),
        text(l.review.get(r.review_status.as_str()).map(String::as_str).unwrap_or(&r.review_status)),
        text(if r.approved { &l.yes } else { &l.no }),
        opt(&r.remarks),
        text(if r.late { &l.yes } else { &l.no }),
    ]);
    out
}

/// How many counts of each column were hidden, for the totals row.
#[derive(Debug, Default)]
struct HiddenCounts([usize; COUNTS]);

/// In an export to share, the counts of a sensitive line are replaced by their marks.
fn suppress_line<'a>(cells: &mut [CellRef<'a>], sector: &str, labels: &'a Labels, seen: &mut HiddenCounts) {
    let Audience::Shared { threshold } = labels.audience else { return };
    if !suppression::is_sensitive_sector(sector) || cells.len() < FIRST_COUNT + COUNTS {
        return;
    }
    let counts = &mut cells[FIRST_COUNT..FIRST_COUNT + COUNTS];
    let value = |c: &CellRef<'_>| if let CellRef::Int(n) = c { *n } else { 0 };
    let values: Vec<i64> = counts.iter().map(value).collect();
    let mut shown: Vec<Shown> = values.iter().map(|n| Shown::Exact(*n)).collect();
    for (range, total) in GROUPS {
        let (cells, sum) = suppression::group(&values[range.clone()], values[total], threshold);
        shown[range].copy_from_slice(&cells);
        shown[total] = sum;
    }
    shown[DISABLED] = suppression::single(values[DISABLED], threshold);
    for (i, (cell, s)) in counts.iter_mut().zip(&shown).enumerate() {
        match s {
            Shown::Exact(_) => {}
            Shown::Small => *cell = CellRef::Text(&labels.small),
            Shown::Hidden => *cell = CellRef::Text(&labels.hidden),
        }
        seen.0[i] += usize::from(s.is_hidden());
    }
}

/// Sums the count columns of a row into `totals`.
fn add_totals(totals: &mut [i64; COUNTS], cells: &[CellRef<'_>]) {
    for (sum, c) in totals.iter_mut().zip(&cells[FIRST_COUNT..FIRST_COUNT + COUNTS]) {
        if let CellRef::Int(n) = c {
            *sum += n;
        }
    }
}

fn totals_row(labels: &Labels, totals: &[i64; COUNTS], hidden: &HiddenCounts) -> Vec<Cell> {
    let mut row = vec![Cell::Text(String::new()); COLUMNS.len()];
    row[0] = Cell::Text(labels.total.clone());
    let shown = match labels.audience {
        Audience::Internal => totals.iter().map(|n| Shown::Exact(*n)).collect(),
        Audience::Shared { threshold } => suppression::totals(totals, &hidden.0, &GROUPS, threshold),
    };
    for (i, s) in shown.iter().enumerate() {
        row[FIRST_COUNT + i] = match s {
            Shown::Exact(n) => Cell::Int(*n),
            Shown::Small => Cell::Text(labels.small.clone()),
            Shown::Hidden => Cell::Text(labels.hidden.clone()),
        };
    }
    row
}

/// The workbook's last sheet: whether its figures are exact (internal) or may be shared.
fn note_sheet(labels: &Labels) -> Sheet {
    Sheet {
        name: labels.note_sheet.clone(),
        rows: labels.note.lines().map(|l| vec![Cell::Text(l.trim().to_string())]).collect(),
    }
}

pub fn table(rows: &[MatrixRow], lang: Language, i18n: &I18n, tz: Tz) -> Table {
    table_for(rows, Labels::new(lang, i18n, tz))
}

/// The table for an audience (see [`Labels::for_audience`]).
pub fn table_for(rows: &[MatrixRow], mut labels: Labels) -> Table {
    let mut totals = [0i64; COUNTS];
    let mut hidden = HiddenCounts::default();
    for r in rows {
        labels.see_date(r.submitted_at);
    }
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = row_cells(r, &labels);
            add_totals(&mut totals, &cells);
            suppress_line(&mut cells, &r.sector_code, &labels, &mut hidden);
            cells.into_iter().map(CellRef::owned).collect()
        })
        .collect();
    Table {
        header: labels.header.clone(),
        hxl: COLUMNS.iter().map(|(_, tag)| (*tag).to_string()).collect(),
        totals: totals_row(&labels, &totals, &hidden),
        rows: body,
        note: Some(note_sheet(&labels)),
    }
}

/// The matrix of a month (one mechanism or all) from the database, in memory.
pub async fn month_table(
    db: &Db,
    month: ReportingMonth,
    mechanism: Option<i64>,
    lang: Language,
    i18n: &I18n,
    tz: Tz,
) -> AppResult<Table> {
    let rows = matrix::matrix(db, month, mechanism).await?;
    Ok(table(&rows, lang, i18n, tz))
}

/// CSV in UTF-8 with a byte-order mark (Excel then reads the accents right).
/// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return first) is neutralised with a leading apostrophe, as OWASP recommends
/// against CSV injection. Numbers (e.g. a negative one) are left alone.
pub fn csv_safe(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() { format!("'{cell}") } else { cell.to_string() }
}

pub fn to_csv(table: &Table) -> AppResult<Vec<u8>> {
    let mut w = CsvSink::new();
    w.text_row(&table.header)?;
    w.text_row(&table.hxl)?;
    for row in &table.rows {
        w.row(&row.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
    }
    w.row(&table.totals.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
    w.finish()
}

/// An extra sheet of the workbook (e.g. who does what where).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Where rows go: a CSV or the matrix sheet of a workbook.
trait Sink {
    fn row(&mut self, cells: &[CellRef<'_>]) -> AppResult<()>;
    fn text_row(&mut self, cells: &[String]) -> AppResult<()> {
        self.row(&cells.iter().map(|s| CellRef::Text(s)).collect::<Vec<_>>())
    }
}

struct CsvSink {
    w: csv::Writer<Vec<u8>>,
    /// Reused for numbers written as text.
    buf: String,
}

impl CsvSink {
    fn new() -> Self {
        Self { w: csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]), buf: String::new() }
    }

    fn finish(self) -> AppResult<Vec<u8>> {
        self.w.into_inner().map_err(|e| AppError::internal(e.to_string()))
    }
}

impl Sink for CsvSink {
    fn row(&mut self, cells: &[CellRef<'_>]) -> AppResult<()> {
        use std::fmt::Write;
        for c in cells {
            match c {
                CellRef::Text(t) => self.w.write_field(csv_safe(t)),
                CellRef::Int(n) => {
                    self.buf.clear();
                    let _ = write!(self.buf, "{n}");
                    self.w.write_field(&self.buf)
                }
            }
            .map_err(AppError::internal)?;
        }
        self.w.write_record(None::<&[u8]>).map_err(AppError::internal)
    }
}

struct XlsxSink<'w> {
    ws: &'w mut rust_xlsxwriter::Worksheet,
    row: u32,
    bold: Option<rust_xlsxwriter::Format>,
}

impl Sink for XlsxSink<'_> {
    fn row(&mut self, cells: &[CellRef<'_>]) -> AppResult<()> {
        for (c, cell) in cells.iter().enumerate() {
            let c = c as u16;
            match (cell, &self.bold) {
                (CellRef::Text(""), None) => continue,
                (CellRef::Text(s), Some(f)) => self.ws.write_string_with_format(self.row, c, *s, f).map(|_| ()),
                (CellRef::Text(s), None) => self.ws.write_string(self.row, c, *s).map(|_| ()),
                (CellRef::Int(n), Some(f)) => self.ws.write_number_with_format(self.row, c, *n as f64, f).map(|_| ()),
                (CellRef::Int(n), None) => self.ws.write_number(self.row, c, *n as f64).map(|_| ()),
            }
            .map_err(AppError::internal)?;
        }
        self.row += 1;
        Ok(())
    }
}

fn write_sheet(ws: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<Cell>]) -> AppResult<()> {
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut sink = XlsxSink { ws, row: 0, bold: Some(bold) };
    for (i, row) in rows.iter().enumerate() {
        if i == 1 {
            sink.bold = None;
        }
        sink.row(&row.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
    }
    Ok(())
}

fn workbook() -> rust_xlsxwriter::Workbook {
    let mut wb = rust_xlsxwriter::Workbook::new();
    // Level 1 compresses almost as well as the default 6 at a fraction of the time.
    wb.set_zip_compression_level(1);
    wb
}

/// XLSX: the matrix on a first sheet "4W" (header, HXL row, lines, totals), then any extra sheets.
pub fn to_xlsx(table: &Table, extra: &[Sheet]) -> AppResult<Vec<u8>> {
    let mut rows = vec![
        table.header.iter().map(|s| Cell::Text(s.clone())).collect::<Vec<_>>(),
        table.hxl.iter().map(|s| Cell::Text(s.clone())).collect(),
    ];
    rows.extend(table.rows.iter().cloned());
    let mut wb = workbook();
    {
        let ws = wb.add_worksheet_with_constant_memory().map_err(AppError::internal)?;
        ws.set_name("4W").map_err(AppError::internal)?;
        write_sheet(ws, &rows[..1])?;
        let mut sink = XlsxSink { ws, row: 1, bold: None };
        for row in &rows[1..] {
            sink.row(&row.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
        }
        sink.bold = Some(rust_xlsxwriter::Format::new().set_bold());
        sink.row(&table.totals.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
        ws.set_freeze_panes(2, 0).map_err(AppError::internal)?;
    }
    for sheet in extra.iter().chain(&table.note) {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name).map_err(AppError::internal)?;
        write_sheet(ws, &sheet.rows)?;
    }
    wb.save_to_buffer().map_err(AppError::internal)
}

/// Something computed from the lines as they stream past (e.g. who does what where), which
/// then adds its sheets to the workbook.
pub trait Companion {
    fn see(&mut self, row: &MatrixRow);
    fn sheets(&mut self) -> Vec<Sheet>;
}

/// Streams a month straight from the database into a file, without holding it in memory.
/// Returns the bytes and the number of lines.
pub async fn stream_month(
    db: &Db,
    month: ReportingMonth,
    mechanism: Option<i64>,
    format: Format,
    labels: &mut Labels,
    companion: &mut dyn Companion,
) -> AppResult<(Vec<u8>, usize)> {
    let hxl: Vec<String> = COLUMNS.iter().map(|(_, tag)| (*tag).to_string()).collect();
    let header = labels.header.clone();
    let mut totals = [0i64; COUNTS];
    let mut hidden = HiddenCounts::default();
    let mut each = |sink: &mut dyn Sink, r: MatrixRow| {
        companion.see(&r);
        labels.see_date(r.submitted_at);
        let mut cells = row_cells(&r, labels);
        add_totals(&mut totals, &cells);
        suppress_line(&mut cells, &r.sector_code, labels, &mut hidden);
        sink.row(&cells)
    };
    match format {
        Format::Csv => {
            let mut sink = CsvSink::new();
            sink.text_row(&header)?;
            sink.text_row(&hxl)?;
            let n = matrix::for_each(db, month, mechanism, |r| each(&mut sink, r)).await?;
            let total = totals_row(labels, &totals, &hidden);
            sink.row(&total.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
            Ok((sink.finish()?, n))
        }
        Format::Xlsx => {
            let mut wb = workbook();
            let ws = wb.add_worksheet_with_constant_memory().map_err(AppError::internal)?;
            ws.set_name("4W").map_err(AppError::internal)?;
            let bold = rust_xlsxwriter::Format::new().set_bold();
            let mut sink = XlsxSink { ws, row: 0, bold: Some(bold.clone()) };
            sink.text_row(&header)?;
            sink.bold = None;
            sink.text_row(&hxl)?;
            let n = matrix::for_each(db, month, mechanism, |r| each(&mut sink, r)).await?;
            sink.bold = Some(bold);
            let total = totals_row(labels, &totals, &hidden);
            sink.row(&total.iter().map(Cell::as_ref).collect::<Vec<_>>())?;
            sink.ws.set_freeze_panes(2, 0).map_err(AppError::internal)?;
            for sheet in companion.sheets().into_iter().chain([note_sheet(labels)]) {
                let ws = wb.add_worksheet();
                ws.set_name(&sheet.name).map_err(AppError::internal)?;
                write_sheet(ws, &sheet.rows)?;
            }
            Ok((wb.save_to_buffer().map_err(AppError::internal)?, n))
        }
    }
}

/// The file name of an export: `4W_2026-11[_CPN].csv`.
pub fn file_name(month: ReportingMonth, mechanism: Option<&str>, format: Format) -> String {
    let ext = match format {
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
    };
    match mechanism {
        Some(code) => {
            format!("4W_{month}_{}.{ext}", code.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_"))
        }
        None => format!("4W_{month}.{ext}"),
    }
}
