//! Loading a boundary table (OCHA COD-AB, CSV or XLSX) as a new version beside the others.

use super::Ctx;
use crate::domain::boundaries::{Detected, read_table};
use crate::domain::{AppError, AppResult};
use crate::storage::boundaries as store;
use calamine::{Data, Reader};

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

fn data_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
    }
}

fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or the XLSX sheet with the most
/// P-code columns (COD-AB workbooks have one sheet per level).
pub fn read_text_table(bytes: &[u8]) -> AppResult<(Option<String>, TextTable)> {
    let bad = |e: String| AppError::Boundaries(crate::domain::boundaries::TableError::NoColumns(e));
    if is_xlsx(bytes) {
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(|e| bad(format!("(not a readable workbook: {e})")))?;
        let mut best: Option<(usize, String, TextTable)> = None;
        for name in book.sheet_names() {
            let Ok(range) = book.worksheet_range(&name) else { continue };
            let mut rows = range.rows().map(|r| r.iter().map(data_text).collect::<Vec<_>>());
            let Some(header) = rows.next() else { continue };
            let score = header.iter().filter(|h| h.to_ascii_lowercase().contains("pcode")).count();
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, name.clone(), (header, rows.collect())));
            }
        }
        let (_, name, table) = best.ok_or_else(|| bad("(the workbook has no sheet)".into()))?;
        return Ok((Some(name), table));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| bad("(the file is neither UTF-8 CSV nor XLSX)".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| bad(format!("(CSV: {e})")))?;
        rows.push(rec.iter().map(str::to_string).collect::<Vec<_>>());
    }
    if rows.is_empty() {
        return Err(bad("(the file is empty)".into()));
    }
    let header = rows.remove(0);
    Ok((None, (header, rows)))
}

/// Imports a table as the version `label`, which becomes the one offered in new reports.
pub async fn import(ctx: &Ctx, bytes: &[u8], label: &str, source: &str) -> AppResult<Imported> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 {
        return Err(AppError::TextTooLong { max: 40 });
    }
    let (sheet, (header, rows)) = read_text_table(bytes)?;
    let detected = read_table(&header, &rows)?;
    if !store::import(&ctx.db, label, source, &detected.units, ctx.clock.now()).await? {
        return Err(AppError::NotAllowed);
    }
    Ok(Imported { label: label.to_string(), sheet, detected })
}
