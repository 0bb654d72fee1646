//! A worksheet's XML read as a stream: each `<c>` with a value becomes one kept cell, after
//! its position, its length and the running totals are checked against the limits.

use super::parts::{Text, attr, reader, reference, xml_error};
use super::{Bound, Cell, Limits, XlsxError, XlsxResult, cell_name};
use quick_xml::events::Event;
use std::io::BufRead;

/// The last row and column a cell reference may name (XFD1048576).
const MAX_ROW: u32 = 1_048_576;
const MAX_COL: u32 = 16_384;
/// Days between the 1904 and 1900 date systems.
const DAYS_1904: f64 = 1462.0;

/// What a sheet's cells refer to.
pub(super) struct SheetCtx<'s> {
    pub shared: &'s [String],
    pub date_styles: &'s [bool],
    pub date1904: bool,
}

/// A cell reference such as "AB12" as a 0-based (row, column).
fn parse_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for c in letters.chars() {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        col = col.checked_mul(26)?.checked_add(u32::from(c) - u32::from('A') + 1)?;
    }
    let row: u32 = digits.parse().ok()?;
    ((1..=MAX_ROW).contains(&row) && (1..=MAX_COL).contains(&col)).then(|| (row - 1, col - 1))
}

/// The cell being read.
struct Open {
    row: u32,
    col: u32,
    kind: String,
    style: Option<usize>,
    has_value: bool,
}

/// Turns a cell's type, style and raw text into its value (`None`: nothing to keep).
fn value(open: &Open, raw: String, ctx: &SheetCtx<'_>) -> XlsxResult<Option<Cell>> {
    if !open.has_value {
        return Ok(None);
    }
    let cell = match open.kind.as_str() {
        "s" => {
            let i: usize = raw.trim().parse().map_err(|_| XlsxError::corrupt("bad shared-string index"))?;
            let s = ctx.shared.get(i).ok_or_else(|| XlsxError::corrupt("shared-string index out of range"))?;
            Cell::Text(s.clone())
        }
        "inlineStr" | "str" | "d" => Cell::Text(raw),
        "b" => Cell::Bool(matches!(raw.trim(), "1") || raw.trim().eq_ignore_ascii_case("true")),
        "e" => Cell::Error,
        _ => match raw.trim().parse::<f64>() {
            Ok(n) if open.style.and_then(|s| ctx.date_styles.get(s)).copied().unwrap_or(false) => {
                Cell::Date(if ctx.date1904 { n + DAYS_1904 } else { n })
            }
            Ok(n) => Cell::Number(n),
            Err(_) => Cell::Text(raw),
        },
    };
    Ok(match &cell {
        Cell::Text(t) if t.is_empty() => None,
        _ => Some(cell),
    })
}

/// The cells with a value; `kept` carries (cells, text bytes) over the sheets of a workbook.
pub(super) fn read(
    r: &mut dyn BufRead,
    limits: &Limits,
    ctx: &SheetCtx<'_>,
    kept: &mut (usize, usize),
) -> XlsxResult<Vec<(u32, u32, Cell)>> {
    let mut reader = reader(r);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut text = Text::new(limits.cell_chars);
    // The row being read and the column of the next cell without a reference.
    let (mut row, mut next_col): (Option<u32>, u32) = (None, 0);
    let mut open: Option<Open> = None;
    let (mut in_v, mut in_is, mut in_t, mut in_phonetic) = (false, false, false, false);
    let exceeded = |b: Bound, at: Option<(u32, u32)>| XlsxError::exceeded(b, limits, at.map(|(r, c)| cell_name(r, c)));
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(xml_error)?;
        let start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    let r = match attr(&e, "r") {
                        Some(v) => v.trim().parse::<u32>().ok().filter(|r| (1..=MAX_ROW).contains(r)).map(|r| r - 1),
                        None => Some(row.map_or(0, |r| r.saturating_add(1))),
                    };
                    row = Some(r.ok_or_else(|| XlsxError::corrupt("bad row number"))?);
                    next_col = 0;
                }
                "c" => {
                    let (r, c) = match attr(&e, "r") {
                        Some(v) => parse_ref(v.trim()).ok_or_else(|| XlsxError::corrupt("bad cell reference"))?,
                        None if next_col < MAX_COL => (row.unwrap_or(0), next_col),
                        None => return Err(XlsxError::corrupt("bad cell reference")),
                    };
                    next_col = c.saturating_add(1);
                    text.take();
                    let cell = Open {
                        row: r,
                        col: c,
                        kind: attr(&e, "t").unwrap_or_default(),
                        style: attr(&e, "s").and_then(|s| s.trim().parse().ok()),
                        has_value: false,
                    };
                    open = start.then_some(cell);
                }
                "v" if start => {
                    if let Some(o) = open.as_mut() {
                        o.has_value = true;
                        in_v = true;
                    }
                }
                "is" if start => {
                    if let Some(o) = open.as_mut() {
                        o.has_value = true;
                        in_is = true;
                    }
                }
                "t" if start => in_t = in_is,
                "rPh" if start => in_phonetic = true,
                _ => {}
            },
            Event::Text(t) if in_v || (in_t && !in_phonetic) => {
                let at = open.as_ref().map(|o| (o.row, o.col));
                text.push(&t.xml10_content()).map_err(|b| exceeded(b, at))?;
            }
            Event::CData(t) if in_v || (in_t && !in_phonetic) => {
                let at = open.as_ref().map(|o| (o.row, o.col));
                text.push(&t.xml10_content()).map_err(|b| exceeded(b, at))?;
            }
            Event::GeneralRef(g) if in_v || (in_t && !in_phonetic) => {
                let at = open.as_ref().map(|o| (o.row, o.col));
                text.push(&reference(&g)?).map_err(|b| exceeded(b, at))?;
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" => in_v = false,
                "is" => in_is = false,
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                "c" => {
                    let Some(o) = open.take() else { continue };
                    (in_v, in_is, in_t, in_phonetic) = (false, false, false, false);
                    let Some(cell) = value(&o, text.take(), ctx)? else { continue };
                    let at = Some((o.row, o.col));
                    if o.row >= limits.rows {
                        return Err(exceeded(Bound::Rows, at));
                    }
                    if o.col >= limits.columns {
                        return Err(exceeded(Bound::Columns, at));
                    }
                    if kept.0 >= limits.cells {
                        return Err(exceeded(Bound::Cells, None));
                    }
                    let bytes = match &cell {
                        Cell::Text(t) => t.len(),
                        _ => 0,
                    };
                    let text_total = kept.1.saturating_add(bytes);
                    if text_total > limits.text_bytes {
                        return Err(exceeded(Bound::TextBytes, None));
                    }
                    *kept = (kept.0 + 1, text_total);
                    out.push((o.row, o.col, cell));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(parse_ref("A1"), Some((0, 0)));
        assert_eq!(parse_ref("aa10"), Some((9, 26)));
        assert_eq!(parse_ref("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "A", "1", "XFE1", "A0", "A1048577", "ABCD1", "A1B", "A99999999999"] {
            assert_eq!(parse_ref(bad), None, "{bad}");
        }
    }
}
