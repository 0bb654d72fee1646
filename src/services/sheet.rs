//! The spreadsheet round trip: the XLSX template of an organisation for a month (its lines so
//! far, drop-down lists as real Excel data validation, instructions in the member's language,
//! the organisation and month identified in the file), and reading a filled template back
//! with the dialog's rules, every problem reported by row and column. Nothing is saved here:
//! the lines read go to [`super::reports::submit`] when the person submits.

use super::Ctx;
use super::people::Access;
use crate::domain::fivew::{self, CellValue, Choices, RowError, SheetColumn, coded_label};
use crate::domain::fourw::{ActivityStatus, Line, PopulationGroup, ReportingMonth};
use crate::domain::{AppError, AppResult, Language, Mechanism, Organisation};
use crate::i18n::{FivewMsg, I18n, Msg, ReportMsg};
use crate::storage::{boundaries, modalities, reference, reports};
use crate::xlsx::{self, Bound, Limits, Sheet, XlsxError};
use rust_xlsxwriter::{DataValidation, DataValidationRule, ExcelDateTime, Format, Formula, Workbook, Worksheet};

/// At most this many rows of lines in a template sent back: the cap of a submission.
pub const MAX_ROWS: usize = crate::domain::fourw::MAX_LINES;
/// At most this many bytes in a file sent back.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The first cell of the "meta" sheet: marks a file as one of our templates.
const MARK: &str = "cluster-bot 4W template v1";
const SHEET: &str = "4W";
const META: &str = "meta";
const LISTS: &str = "lists";

/// Why a file sent back was not read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotSpreadsheet,
    TooLarge {
        max_bytes: usize,
    },
    TooManyRows {
        max: usize,
    },
    /// A workbook, but not one of our templates (or its "meta" sheet was changed).
    NotTemplate,
    /// The template of another organisation, mechanism or month.
    OtherTemplate {
        org: String,
        mechanism: String,
        month: String,
    },
    /// The template has no line.
    Empty,
    /// Past one of the bounds a file is read under ([`LIMITS`]); `cell` names the cell at fault
    /// when there is one.
    Bound {
        bound: Bound,
        limit: u64,
        cell: Option<String>,
    },
    /// Reading the file took longer than [`xlsx::PARSE_TIMEOUT`].
    TooSlow {
        secs: u64,
    },
}

/// What reading a file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Refused(Refusal),
    /// Rows in error: row (as Excel numbers it), column, reason.
    Errors {
        errors: Vec<RowError>,
        rows: usize,
    },
    Lines(Vec<Line>),
}

fn seat(access: &Access, org: i64, mechanism: i64) -> AppResult<(Organisation, Mechanism)> {
    super::reports::reporting_seats(access)
        .into_iter()
        .find(|(o, m)| o.id == org && m.id == mechanism)
        .ok_or(AppError::NotAllowed)
}

/// What a row may name, with the labels of both languages (a file may be filled in either).
pub async fn choices(ctx: &Ctx, i18n: &I18n) -> AppResult<Choices> {
    let both =
        |fr: &str, en: &str, code: &str| vec![coded_label(code, fr), coded_label(code, en), fr.into(), en.into()];
    let version = boundaries::current(&ctx.db).await?;
    let units = boundaries::units_of(&ctx.db, &version).await?;
    let render = |m: &dyn Fn() -> Msg| Language::ALL.iter().map(|l| i18n.render(*l, m())).collect::<Vec<_>>();
    Ok(Choices {
        sectors: reports::sectors(&ctx.db)
            .await?
            .into_iter()
            .map(|s| (s.code.clone(), both(&s.name_fr, &s.name_en, &s.code)))
            .collect(),
        activities: reports::activities(&ctx.db, None)
            .await?
            .into_iter()
            .map(|a| (a.code.clone(), a.sector_code.clone(), both(&a.name_fr, &a.name_en, &a.code)))
            .collect(),
        modalities: modalities::list(&ctx.db, None)
            .await?
            .into_iter()
            .map(|m| (m.code.clone(), m.sector_code.clone(), both(&m.name_fr, &m.name_en, &m.code)))
            .collect(),
        units: units
            .into_iter()
            .map(|u| {
                let labels = vec![coded_label(&u.pcode, &u.name), u.name.clone()];
                (u.pcode, u.parent, u.level, labels)
            })
            .collect(),
        statuses: ActivityStatus::ALL
            .into_iter()
            .map(|s| {
                let mut labels = render(&|| ReportMsg::FwStatus { status: s.as_str().into() }.into());
                labels.push(s.hxl().into());
                (s, labels)
            })
            .collect(),
        populations: PopulationGroup::all()
            .into_iter()
            .map(|g| {
                let mut labels = render(&|| FivewMsg::FwPopulation { group: g.code().into() }.into());
                labels.extend(labels.clone().iter().map(|l| coded_label(g.code(), l)));
                (g, labels)
            })
            .collect(),
        boundaries: version,
    })
}

/// The label a drop-down offers for a value, in `lang` (the first labels are "CODE — fr",
/// "CODE — en" for catalogue entries, "CODE — name" for places, "fr", "en" for statuses).
fn offered(labels: &[String], lang: Language, coded: bool) -> String {
    let i = match (coded, lang) {
        (true, Language::Fr) | (false, Language::Fr) => 0,
        (true, Language::En) | (false, Language::En) => 1,
    };
    labels.get(i).or_else(|| labels.first()).cloned().unwrap_or_default()
}

fn x(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::internal(e)
}

/// The lists of the drop-downs, in `lang`, one column each on the hidden "lists" sheet.
fn lists(c: &Choices, lang: Language) -> Vec<(SheetColumn, Vec<String>)> {
    let units = |level: u8| c.units.iter().filter(|u| u.2 == level).map(|u| u.3[0].clone()).collect::<Vec<_>>();
    vec![
        (SheetColumn::Sector, c.sectors.iter().map(|s| offered(&s.1, lang, true)).collect()),
        (SheetColumn::Activity, c.activities.iter().map(|a| offered(&a.2, lang, true)).collect()),
        (SheetColumn::Region, units(1)),
        (SheetColumn::Cercle, units(2)),
        (SheetColumn::Commune, units(3)),
        (SheetColumn::Status, c.statuses.iter().map(|s| offered(&s.1, lang, false)).collect()),
        (SheetColumn::Population, c.populations.iter().map(|p| offered(&p.1, lang, false)).collect()),
        (SheetColumn::Modality, c.modalities.iter().map(|m| offered(&m.2, lang, true)).collect()),
    ]
}

fn excel_date(d: chrono::NaiveDate) -> AppResult<ExcelDateTime> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(x)
}

/// The line's cells as the template shows them.
fn line_cells(l: &Line, c: &Choices, lang: Language) -> Vec<(SheetColumn, String)> {
    let label = |code: &str, items: &[(String, Vec<String>)]| {
        items.iter().find(|i| i.0 == code).map(|i| offered(&i.1, lang, true)).unwrap_or_else(|| code.to_string())
    };
    let label3 = |code: &str, items: &[(String, String, Vec<String>)]| {
        items.iter().find(|i| i.0 == code).map(|i| offered(&i.2, lang, true)).unwrap_or_else(|| code.to_string())
    };
    let unit = |code: &str| c.units.iter().find(|u| u.0 == code).map(|u| u.3[0].clone()).unwrap_or(code.to_string());
    let status = c.statuses.iter().find(|s| s.0 == l.status).map(|s| offered(&s.1, lang, false)).unwrap_or_default();
    let population = l
        .population
        .and_then(|g| c.populations.iter().find(|p| p.0 == g))
        .map(|p| offered(&p.1, lang, false))
        .unwrap_or_default();
    let mut out = vec![
        (SheetColumn::Sector, label(&l.sector, &c.sectors)),
        (SheetColumn::Activity, label3(&l.activity, &c.activities)),
        (SheetColumn::Region, unit(&l.region)),
        (SheetColumn::Cercle, unit(&l.cercle)),
        (SheetColumn::Status, status),
        (SheetColumn::Population, population),
    ];
    if let Some(m) = &l.modality {
        out.push((SheetColumn::Modality, label3(m, &c.modalities)));
    }
    if let Some(commune) = &l.commune {
        out.push((SheetColumn::Commune, unit(commune)));
    }
    for (col, v) in [
        (SheetColumn::Impl, &l.partner),
        (SheetColumn::Donor, &l.donor),
        (SheetColumn::PlanCode, &l.plan_code),
        (SheetColumn::Remarks, &l.remarks),
    ] {
        if let Some(v) = v {
            out.push((col, v.clone()));
        }
    }
    out
}

fn write_validations(ws: &mut Worksheet, lists: &[(SheetColumn, Vec<String>)]) -> AppResult<()> {
    let last = MAX_ROWS as u32;
    for (i, (col, values)) in lists.iter().enumerate() {
        if values.is_empty() {
            continue;
        }
        let letter = (b'A' + i as u8) as char;
        let range = format!("={LISTS}!${letter}$1:${letter}${}", values.len());
        let dv = DataValidation::new().allow_list_formula(Formula::new(range));
        let c = col.index() as u16;
        ws.add_data_validation(1, c, last, c, &dv).map_err(x)?;
    }
    let counts = DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 1_000_000));
    for col in SheetColumn::all() {
        let c = col.index() as u16;
        let id = col.id();
        if ["girls", "boys", "women", "men", "disabled"].iter().any(|k| id.ends_with(k)) {
            ws.add_data_validation(1, c, last, c, &counts).map_err(x)?;
        }
    }
    let dates = DataValidation::new().allow_date(DataValidationRule::Between(
        ExcelDateTime::from_ymd(2000, 1, 1).map_err(x)?,
        ExcelDateTime::from_ymd(2100, 12, 31).map_err(x)?,
    ));
    for col in [SheetColumn::Start, SheetColumn::End] {
        ws.add_data_validation(1, col.index() as u16, last, col.index() as u16, &dates).map_err(x)?;
    }
    for (col, max) in [
        (SheetColumn::Impl, fivew::MAX_PLAN_CODE_CHARS.max(crate::domain::fourw::MAX_PARTNER_CHARS)),
        (SheetColumn::Donor, crate::domain::fourw::MAX_DONOR_CHARS),
        (SheetColumn::PlanCode, fivew::MAX_PLAN_CODE_CHARS),
        (SheetColumn::Remarks, crate::domain::fourw::MAX_REMARKS_CHARS),
    ] {
        let dv = DataValidation::new().allow_text_length(DataValidationRule::LessThanOrEqualTo(max as u32));
        ws.add_data_validation(1, col.index() as u16, last, col.index() as u16, &dv).map_err(x)?;
    }
    Ok(())
}

/// The template of an organisation (in a mechanism) for a month, in `lang`, with its lines so
/// far. Only its focal point or alternate may have it.
pub async fn template(
    ctx: &Ctx,
    i18n: &I18n,
    access: &Access,
    org: i64,
    mechanism: i64,
    month: ReportingMonth,
    lang: Language,
) -> AppResult<Vec<u8>> {
    let (org, mech) = seat(access, org, mechanism)?;
    let c = choices(ctx, i18n).await?;
    let lines = match super::reports::existing(ctx, org.id, mech.id, month).await? {
        Some((_, lines)) => lines,
        None => super::reports::same_as_last_month(ctx, org.id, mech.id, month).await?.lines,
    };
    let lists = lists(&c, lang);
    let t = |m: Msg| i18n.render(lang, &m);
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    {
        let ws = wb.add_worksheet().set_name(SHEET).map_err(x)?;
        for col in SheetColumn::all() {
            let c = col.index() as u16;
            ws.write_string_with_format(0, c, t(ReportMsg::FwColumn { column: col.id().to_string() }.into()), &bold)
                .map_err(x)?;
            ws.set_column_width(c, 18).map_err(x)?;
        }
        ws.set_freeze_panes(1, 0).map_err(x)?;
        for (i, l) in lines.iter().enumerate().take(MAX_ROWS) {
            let row = i as u32 + 1;
            for (col, text) in line_cells(l, &c, lang) {
                ws.write_string(row, col.index() as u16, text).map_err(x)?;
            }
            ws.write_datetime_with_format(row, SheetColumn::Start.index() as u16, excel_date(l.start)?, &date)
                .map_err(x)?;
            ws.write_datetime_with_format(row, SheetColumn::End.index() as u16, excel_date(l.end)?, &date)
                .map_err(x)?;
            let reached = l.reached.counts().as_array();
            for (j, n) in reached.into_iter().chain([l.reached.disabled]).chain(l.targeted.as_array()).enumerate() {
                ws.write_number(row, (SheetColumn::Girls.index() + j) as u16, f64::from(n)).map_err(x)?;
            }
        }
        for col in [SheetColumn::Start, SheetColumn::End] {
            ws.set_column_format(col.index() as u16, &date).map_err(x)?;
        }
        write_validations(ws, &lists)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Instructions").map_err(x)?;
        let text = t(FivewMsg::FwSheetInstructions {
            org: org.acronym.clone(),
            mechanism: mech.name(lang).to_string(),
            month: format!("{:02}/{}", month.month, month.year),
            boundaries: c.boundaries.clone(),
            rows: MAX_ROWS,
        }
        .into());
        ws.set_column_width(0, 120).map_err(x)?;
        for (i, line) in text.lines().enumerate() {
            ws.write_string(i as u32, 0, line.trim()).map_err(x)?;
        }
    }
    {
        let ws = wb.add_worksheet().set_name(LISTS).map_err(x)?;
        for (i, (_, values)) in lists.iter().enumerate() {
            for (r, v) in values.iter().enumerate() {
                ws.write_string(r as u32, i as u16, v).map_err(x)?;
            }
        }
        ws.set_hidden(true);
    }
    {
        let ws = wb.add_worksheet().set_name(META).map_err(x)?;
        let rows = [
            (MARK.to_string(), String::new()),
            (org.id.to_string(), org.acronym.clone()),
            (mech.id.to_string(), mech.code.clone()),
            (month.to_string(), String::new()),
            (c.boundaries.clone(), String::new()),
        ];
        for (r, (a, b)) in rows.iter().enumerate() {
            ws.write_string(r as u32, 0, a).map_err(x)?;
            ws.write_string(r as u32, 1, b).map_err(x)?;
        }
        ws.set_hidden(true);
    }
    wb.save_to_buffer().map_err(x)
}

/// The file name of a template: `4W_NRC_CR-MOPTI_2026-10.xlsx`.
pub fn file_name(org: &str, mechanism: &str, month: ReportingMonth) -> String {
    let clean = |s: &str| s.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_");
    format!("4W_{}_{}_{month}.xlsx", clean(org), clean(mechanism))
}

/// A cell as the row rules see it: numbers in the date columns (and numbers shown as dates)
/// become dates when they are Excel serials of a real day; any other number stays a number,
/// which the rules refuse as a date (naming its cell).
fn cell(d: &xlsx::Cell, col: SheetColumn) -> CellValue {
    let date = |f: f64| xlsx::serial_date(f).map(CellValue::Date).unwrap_or(CellValue::Number(f));
    match d {
        xlsx::Cell::Error => CellValue::Empty,
        xlsx::Cell::Text(s) => CellValue::Text(s.clone()),
        xlsx::Cell::Bool(b) => CellValue::Text(b.to_string()),
        xlsx::Cell::Date(f) => date(*f),
        xlsx::Cell::Number(f) if matches!(col, SheetColumn::Start | SheetColumn::End) => date(*f),
        xlsx::Cell::Number(f) => CellValue::Number(*f),
    }
}

fn text(d: Option<&xlsx::Cell>) -> String {
    match d {
        Some(xlsx::Cell::Text(s)) => s.trim().to_string(),
        Some(xlsx::Cell::Number(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        _ => String::new(),
    }
}

/// The bounds a file sent back is read under (a filled template of 500 lines unzips to well
/// under 1 MB and uses 27 columns).
pub const LIMITS: Limits = Limits {
    file_bytes: MAX_BYTES,
    part_bytes: 16 * 1024 * 1024,
    total_bytes: 48 * 1024 * 1024,
    parts: 1_000,
    rows: 5_000,
    columns: 64,
    cells: 100_000,
    cell_chars: 32_767,
    shared_strings: 100_000,
    text_bytes: 32 * 1024 * 1024,
};

impl Refusal {
    fn of(e: XlsxError) -> AppResult<Refusal> {
        Ok(match e {
            XlsxError::NotXlsx(_) => Refusal::NotSpreadsheet,
            XlsxError::Exceeded { bound: Bound::FileBytes, .. } => Refusal::TooLarge { max_bytes: MAX_BYTES },
            XlsxError::Exceeded { bound, limit, cell } => Refusal::Bound { bound, limit, cell },
            XlsxError::TooSlow { secs } => Refusal::TooSlow { secs },
            XlsxError::Failed => return Err(AppError::internal("the spreadsheet reader failed")),
        })
    }
}

/// The "meta" and "4W" sheets of a file, read off the async runtime under [`LIMITS`]; the
/// lines sheet is not read when "meta" does not mark the file as a template.
async fn sheets(bytes: &[u8]) -> Result<(Option<Sheet>, Option<Sheet>), XlsxError> {
    xlsx::off_runtime(bytes.to_vec(), |bytes, cancel| {
        let mut book = xlsx::Workbook::open(bytes, LIMITS, cancel)?;
        let meta = book.sheet(META)?;
        if meta.as_ref().is_none_or(|m| text(m.get(0, 0)) != MARK) {
            return Ok((meta, None));
        }
        Ok((meta, book.sheet(SHEET)?))
    })
    .await
}

/// Reads a filled template of the organisation for the month: refused as a whole (not a
/// spreadsheet, too large, past a bound, another template…), or every row checked.
pub async fn read(
    ctx: &Ctx,
    i18n: &I18n,
    access: &Access,
    org: i64,
    mechanism: i64,
    month: ReportingMonth,
    bytes: &[u8],
) -> AppResult<Read> {
    let (org, mech) = seat(access, org, mechanism)?;
    if bytes.len() > MAX_BYTES {
        return Ok(Read::Refused(Refusal::TooLarge { max_bytes: MAX_BYTES }));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(Read::Refused(Refusal::NotSpreadsheet));
    }
    let (meta, sheet) = match sheets(bytes).await {
        Ok(read) => read,
        Err(e) => return Ok(Read::Refused(Refusal::of(e)?)),
    };
    let (Some(meta), Some(sheet)) = (meta, sheet) else {
        return Ok(Read::Refused(Refusal::NotTemplate));
    };
    let at = |r: u32| (text(meta.get(r, 0)), text(meta.get(r, 1)));
    if at(0).0 != MARK {
        return Ok(Read::Refused(Refusal::NotTemplate));
    }
    let ((org_id, org_name), (mech_id, mech_code), (file_month, _)) = (at(1), at(2), at(3));
    if org_id != org.id.to_string() || mech_id != mech.id.to_string() || file_month != month.to_string() {
        return Ok(Read::Refused(Refusal::OtherTemplate { org: org_name, mechanism: mech_code, month: file_month }));
    }
    let columns = SheetColumn::all();
    // Row 1 is the header; the rows are those with a cell, numbered as Excel shows them.
    let mut numbers: Vec<u32> = sheet.cells.iter().map(|(r, _, _)| *r).filter(|r| *r >= 1).collect();
    numbers.dedup();
    let rows: Vec<(u32, Vec<CellValue>)> = numbers
        .into_iter()
        .map(|r| {
            let cells = columns.iter().map(|c| sheet.get(r, c.index() as u32).map(|d| cell(d, *c)));
            (r + 1, cells.map(|c| c.unwrap_or(CellValue::Empty)).collect())
        })
        .filter(|(_, cells): &(u32, Vec<CellValue>)| !fivew::is_blank(cells))
        .collect();
    if rows.len() > MAX_ROWS {
        return Ok(Read::Refused(Refusal::TooManyRows { max: MAX_ROWS }));
    }
    if rows.is_empty() {
        return Ok(Read::Refused(Refusal::Empty));
    }
    let c = choices(ctx, i18n).await?;
    let mut lines = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for (row, cells) in &rows {
        match fivew::parse_row(*row, cells, month, &c) {
            Ok(l) => lines.push(l),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() { Ok(Read::Lines(lines)) } else { Ok(Read::Errors { errors, rows: rows.len() }) }
}

/// The organisation and mechanism names of a seat (for messages).
pub async fn seat_names(ctx: &Ctx, org: i64, mechanism: i64) -> AppResult<Option<(Organisation, Mechanism)>> {
    Ok(
        match (
            reference::organisation_by_id(&ctx.db, org).await?,
            reference::mechanism_by_id(&ctx.db, mechanism).await?,
        ) {
            (Some(o), Some(m)) => Some((o, m)),
            _ => None,
        },
    )
}
