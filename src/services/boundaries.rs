//! Loading a boundary table (OCHA COD-AB, CSV or XLSX) as a new version beside the others.

use super::Ctx;
use crate::domain::boundaries::TableError;
use crate::domain::boundaries::{Detected, read_table};
use crate::domain::{AppError, AppResult};
use crate::storage::boundaries as store;
use crate::xlsx::{self, Bound, Cell, Limits, Sheet, Workbook, XlsxError};
use std::sync::atomic::AtomicBool;

/// What an import found and loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub label: String,
    /// The sheet read (XLSX), if any.
    pub sheet: Option<String>,
    pub detected: Detected,
}

/// A table of text cells: the header and the rows.
pub type TextTable = (Vec<String>, Vec<Vec<String>>);

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Error => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Cell::Number(f) | Cell::Date(f) => f.to_string(),
        Cell::Bool(b) => b.to_string(),
    }
}

fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The bounds a boundary table is read under: COD-AB tables have a few thousand rows and a
/// few dozen columns; these leave room for the largest while refusing what would not fit.
pub const LIMITS: Limits = Limits {
    file_bytes: 32 * 1024 * 1024,
    part_bytes: 64 * 1024 * 1024,
    total_bytes: 128 * 1024 * 1024,
    parts: 1_000,
    rows: 100_000,
    columns: 200,
    cells: 1_000_000,
    cell_chars: 32_767,
    shared_strings: 1_000_000,
    text_bytes: 64 * 1024 * 1024,
};

fn refused(e: XlsxError) -> AppError {
    AppError::Boundaries(TableError::Refused(e.to_string()))
}

/// A sheet as a text table from its first used row and column (the header) on. Each row is
/// as wide as its last cell; the cells of the table (blank ones included) stay within
/// `LIMITS.cells`.
fn sheet_table(sheet: &Sheet) -> Result<TextTable, XlsxError> {
    let Some((first, last)) = sheet.row_span() else { return Ok((Vec::new(), Vec::new())) };
    let left = sheet.cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
    let mut widths = vec![0usize; usize::try_from(last - first).unwrap_or(0) + 1];
    for (r, c, _) in &sheet.cells {
        let w = &mut widths[usize::try_from(r - first).unwrap_or(0)];
        *w = (*w).max(usize::try_from(c - left).unwrap_or(0) + 1);
    }
    let area = widths.iter().try_fold(0usize, |a, w| a.checked_add(*w)).unwrap_or(usize::MAX);
    if area > LIMITS.cells {
        return Err(XlsxError::Exceeded { bound: Bound::Cells, limit: Bound::Cells.limit(&LIMITS), cell: None });
    }
    let mut rows: Vec<Vec<String>> = widths.iter().map(|w| vec![String::new(); *w]).collect();
    for (r, c, v) in &sheet.cells {
        rows[usize::try_from(r - first).unwrap_or(0)][usize::try_from(c - left).unwrap_or(0)] = cell_text(v);
    }
    let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
    Ok((header, rows))
}

/// The sheet with the most P-code columns in its header (the first sheet on a tie).
fn read_workbook(bytes: &[u8], cancel: &AtomicBool) -> Result<(String, TextTable), XlsxError> {
    let mut book = Workbook::open(bytes, LIMITS, cancel)?;
    let mut best: Option<(usize, String, TextTable)> = None;
    for name in book.sheet_names() {
        let Some(sheet) = book.sheet(&name)? else { continue };
        if sheet.cells.is_empty() {
            continue;
        }
        let (header, rows) = sheet_table(&sheet)?;
        let score = header.iter().filter(|h| h.to_ascii_lowercase().contains("pcode")).count();
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, name.clone(), (header, rows)));
        }
    }
    let (_, name, table) = best.ok_or_else(|| XlsxError::NotXlsx("the workbook has no sheet with cells".into()))?;
    Ok((name, table))
}

/// A CSV as a text table, within the same bounds as a workbook (cells, length of a cell).
fn read_csv(bytes: &[u8]) -> AppResult<TextTable> {
    let bad = |e: String| AppError::Boundaries(TableError::NoColumns(e));
    let text = std::str::from_utf8(bytes).map_err(|_| bad("(the file is neither UTF-8 CSV nor XLSX)".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    let over = |bound: Bound, row: usize| {
        refused(XlsxError::Exceeded {
            bound,
            limit: bound.limit(&LIMITS),
            cell: Some(format!("row {}", row.saturating_add(1))),
        })
    };
    for rec in reader.records() {
        let rec = rec.map_err(|e| bad(format!("(CSV: {e})")))?;
        cells = cells.saturating_add(rec.len());
        if cells > LIMITS.cells {
            return Err(over(Bound::Cells, rows.len()));
        }
        if rows.len() >= usize::try_from(LIMITS.rows).unwrap_or(usize::MAX) {
            return Err(over(Bound::Rows, rows.len()));
        }
        if rec.len() > usize::try_from(LIMITS.columns).unwrap_or(usize::MAX) {
            return Err(over(Bound::Columns, rows.len()));
        }
        if rec.iter().any(|f| f.chars().count() > LIMITS.cell_chars) {
            return Err(over(Bound::CellChars, rows.len()));
        }
        rows.push(rec.iter().map(str::to_string).collect::<Vec<_>>());
    }
    if rows.is_empty() {
        return Err(bad("(the file is empty)".into()));
    }
    let header = rows.remove(0);
    Ok((header, rows))
}

/// Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or the XLSX sheet with the most
/// P-code columns (COD-AB workbooks have one sheet per level), under [`LIMITS`]. `cancel`
/// stops the reading of a workbook when set.
pub fn read_text_table_with(bytes: &[u8], cancel: &AtomicBool) -> AppResult<(Option<String>, TextTable)> {
    if bytes.len() > LIMITS.file_bytes {
        return Err(refused(XlsxError::Exceeded {
            bound: Bound::FileBytes,
            limit: Bound::FileBytes.limit(&LIMITS),
            cell: None,
        }));
    }
    if is_xlsx(bytes) {
        let (name, table) = read_workbook(bytes, cancel).map_err(refused)?;
        return Ok((Some(name), table));
    }
    Ok((None, read_csv(bytes)?))
}

/// [`read_text_table_with`] without a way to stop it (for callers that run it themselves).
pub fn read_text_table(bytes: &[u8]) -> AppResult<(Option<String>, TextTable)> {
    read_text_table_with(bytes, &AtomicBool::new(false))
}

/// Imports a table as the version `label`, which becomes the one offered in new reports.
pub async fn import(ctx: &Ctx, bytes: &[u8], label: &str, source: &str) -> AppResult<Imported> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 {
        return Err(AppError::TextTooLong { max: 40 });
    }
    // Off the async runtime and under a time limit, like a file sent in the chat.
    let read = xlsx::off_runtime(bytes.to_vec(), |bytes, cancel| Ok(read_text_table_with(bytes, cancel))).await;
    let (sheet, (header, rows)) = read.map_err(refused)??;
    let detected = read_table(&header, &rows)?;
    if !store::import(&ctx.db, label, source, &detected.units, ctx.clock.now()).await? {
        return Err(AppError::NotAllowed);
    }
    Ok(Imported { label: label.to_string(), sheet, detected })
}
