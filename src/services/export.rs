//! 4W: the consolidated matrix as a table, written as CSV (UTF-8 with BOM, so that
//! Excel opens it correctly) or XLSX, with a header row, an HXL hashtag row and a totals row.

use crate::domain::fourw::ReportingMonth;
use crate::domain::{AppError, AppResult, Language};
use crate::i18n::{I18n, Msg, ReportMsg};
use crate::storage::reports::MatrixRow;
use crate::storage::{Db, from_ts, reports};
use chrono_tz::Tz;

/// One column: its id (used for the translated header) and its HXL hashtag.
pub const COLUMNS: &[(&str, &str)] = &[
    ("org", "#org"),
    ("impl", "#org+impl"),
    ("sector", "#sector+code"),
    ("activity", "#activity"),
    ("adm1-name", "#adm1+name"),
    ("adm1-code", "#adm1+code"),
    ("adm2-name", "#adm2+name"),
    ("adm2-code", "#adm2+code"),
    ("status", "#status"),
    ("start", "#date+start"),
    ("end", "#date+end"),
    ("girls", "#reached+f+children"),
    ("boys", "#reached+m+children"),
    ("women", "#reached+f+adults"),
    ("men", "#reached+m+adults"),
    ("total", "#reached+total"),
    ("disabled", "#reached+disabled"),
    ("donor", "#org+funder"),
    ("reported", "#date+reported"),
    ("mechanism", "#meta+mechanism"),
    ("remarks", "#meta+remarks"),
    ("late", "#meta+late"),
];

/// The index of the first count column (girls) and the number of count columns (to total).
const FIRST_COUNT: usize = 11;
const COUNTS: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(i64),
}

impl Cell {
    fn as_text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
        }
    }
}

/// The matrix ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub hxl: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Vec<Cell>,
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

pub fn table(rows: &[MatrixRow], lang: Language, i18n: &I18n, tz: Tz) -> Table {
    let t = |m: Msg| i18n.render(lang, &m);
    let header = COLUMNS.iter().map(|(id, _)| t(ReportMsg::FwColumn { column: (*id).to_string() }.into())).collect();
    let hxl = COLUMNS.iter().map(|(_, tag)| (*tag).to_string()).collect();
    let text = |s: &str| Cell::Text(s.to_string());
    let opt = |s: &Option<String>| Cell::Text(s.clone().unwrap_or_default());
    let mut totals = vec![0i64; COUNTS];
    let body: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let counts = [r.girls, r.boys, r.women, r.men, r.girls + r.boys + r.women + r.men, r.disabled];
            for (sum, n) in totals.iter_mut().zip(counts) {
                *sum += n;
            }
            let mut row = vec![
                text(&r.org),
                opt(&r.implementing_partner),
                text(&r.sector_code),
                text(match lang {
                    Language::Fr => &r.activity_fr,
                    Language::En => &r.activity_en,
                }),
                text(&r.region_name),
                text(&r.region_pcode),
                text(&r.cercle_name),
                text(&r.cercle_pcode),
                Cell::Text(t(ReportMsg::FwStatus { status: r.status.clone() }.into())),
                text(&r.start_date),
                text(&r.end_date),
            ];
            row.extend(counts.into_iter().map(Cell::Int));
            row.extend([
                opt(&r.donor),
                Cell::Text(from_ts(r.submitted_at).with_timezone(&tz).format("%Y-%m-%d").to_string()),
                text(&r.mechanism),
                opt(&r.remarks),
                Cell::Text(t(ReportMsg::FwYesNo { yes: r.late }.into())),
            ]);
            row
        })
        .collect();
    let mut total_row = vec![Cell::Text(String::new()); COLUMNS.len()];
    total_row[0] = Cell::Text(t(ReportMsg::FwTotal.into()));
    for (i, sum) in totals.into_iter().enumerate() {
        total_row[FIRST_COUNT + i] = Cell::Int(sum);
    }
    Table { header, hxl, rows: body, totals: total_row }
}

/// The matrix of a month (one mechanism or all) from the database.
pub async fn month_table(
    db: &Db,
    month: ReportingMonth,
    mechanism: Option<i64>,
    lang: Language,
    i18n: &I18n,
    tz: Tz,
) -> AppResult<Table> {
    let rows = reports::matrix(db, month, mechanism).await?;
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
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut write = |rec: Vec<String>| w.write_record(rec.iter().map(|c| csv_safe(c))).map_err(AppError::internal);
        write(table.header.clone())?;
        write(table.hxl.clone())?;
        for row in &table.rows {
            write(row.iter().map(Cell::as_text).collect())?;
        }
        write(table.totals.iter().map(Cell::as_text).collect())?;
        w.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

/// An extra sheet of the workbook (e.g. who does what where).
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// XLSX: the matrix on a first sheet "4W" (header, HXL row, lines, totals), then any extra sheets.
pub fn to_xlsx(table: &Table, extra: &[Sheet]) -> AppResult<Vec<u8>> {
    use rust_xlsxwriter::{Format as XFormat, Workbook, Worksheet};
    let bold = XFormat::new().set_bold();
    let write_row = |ws: &mut Worksheet, r: u32, cells: &[Cell], fmt: Option<&XFormat>| -> AppResult<()> {
        for (c, cell) in cells.iter().enumerate() {
            let c = u16::try_from(c).map_err(AppError::internal)?;
            match (cell, fmt) {
                (Cell::Text(s), Some(f)) => ws.write_string_with_format(r, c, s, f).map(|_| ()),
                (Cell::Text(s), None) => ws.write_string(r, c, s).map(|_| ()),
                (Cell::Int(n), Some(f)) => ws.write_number_with_format(r, c, *n as f64, f).map(|_| ()),
                (Cell::Int(n), None) => ws.write_number(r, c, *n as f64).map(|_| ()),
            }
            .map_err(AppError::internal)?;
        }
        Ok(())
    };
    let mut wb = Workbook::new();
    // Rows are written in order: the sheet streams to a temporary file instead of holding every
    // cell in memory (50,000 lines: ~300 MiB peak without this).
    let ws = wb.add_worksheet_with_constant_memory().map_err(AppError::internal)?;
    ws.set_name("4W").map_err(AppError::internal)?;
    let texts = |v: &[String]| v.iter().map(|s| Cell::Text(s.clone())).collect::<Vec<_>>();
    write_row(ws, 0, &texts(&table.header), Some(&bold))?;
    write_row(ws, 1, &texts(&table.hxl), None)?;
    for (i, row) in table.rows.iter().enumerate() {
        write_row(ws, 2 + i as u32, row, None)?;
    }
    write_row(ws, 2 + table.rows.len() as u32, &table.totals, Some(&bold))?;
    ws.set_freeze_panes(2, 0).map_err(AppError::internal)?;
    for sheet in extra {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name).map_err(AppError::internal)?;
        for (i, row) in sheet.rows.iter().enumerate() {
            write_row(ws, i as u32, row, if i == 0 { Some(&bold) } else { None })?;
        }
    }
    wb.save_to_buffer().map_err(AppError::internal)
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
