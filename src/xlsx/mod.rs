//! A bounded reader of XLSX workbooks, for every spreadsheet a person uploads or an
//! administrator imports. An XLSX is a zip of XML parts; a small upload can unzip to gigabytes
//! or name a cell at XFD1048576, so nothing here trusts what the file says about itself:
//! every part is inflated through a counter (per part and in total), the sheet XML is read
//! as a stream and only the cells that hold a value are kept (sparse, never a rows × columns
//! grid), and each of the [`Limits`] is checked before the memory it guards is taken.
//! Numbers stay numbers; turning them into dates is [`serial_date`], checked. No storage,
//! no Telegram.

mod cells;
mod parts;
mod run;

pub use run::{PARSE_TIMEOUT, off_runtime};

use std::cell::Cell as Counter;
use std::io::{Cursor, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use zip::ZipArchive;

/// The bounds a workbook is read under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file as sent (compressed).
    pub file_bytes: usize,
    /// One part once unzipped, counted while inflating.
    pub part_bytes: u64,
    /// All the parts read, once unzipped.
    pub total_bytes: u64,
    /// Entries in the zip.
    pub parts: usize,
    /// The last row (1-based) a cell with a value may be in.
    pub rows: u32,
    /// The last column (1-based) a cell with a value may be in.
    pub columns: u32,
    /// Cells with a value, over every sheet read.
    pub cells: usize,
    /// Characters of one cell (Excel's own limit is 32,767).
    pub cell_chars: usize,
    /// Entries of the shared-strings table.
    pub shared_strings: usize,
    /// Bytes of text kept over every cell read (a shared string counts each time it is used).
    pub text_bytes: usize,
}

/// Which of the [`Limits`] a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    FileBytes,
    PartBytes,
    TotalBytes,
    Parts,
    Rows,
    Columns,
    Cells,
    CellChars,
    SharedStrings,
    TextBytes,
}

impl Bound {
    /// A stable name (used as the message selector).
    pub fn id(self) -> &'static str {
        match self {
            Bound::FileBytes => "file-bytes",
            Bound::PartBytes => "part-bytes",
            Bound::TotalBytes => "total-bytes",
            Bound::Parts => "parts",
            Bound::Rows => "rows",
            Bound::Columns => "columns",
            Bound::Cells => "cells",
            Bound::CellChars => "cell-chars",
            Bound::SharedStrings => "shared-strings",
            Bound::TextBytes => "text-bytes",
        }
    }

    /// The limit of `limits` this bound is about.
    pub fn limit(self, limits: &Limits) -> u64 {
        let n = |v: usize| u64::try_from(v).unwrap_or(u64::MAX);
        match self {
            Bound::FileBytes => n(limits.file_bytes),
            Bound::PartBytes => limits.part_bytes,
            Bound::TotalBytes => limits.total_bytes,
            Bound::Parts => n(limits.parts),
            Bound::Rows => u64::from(limits.rows),
            Bound::Columns => u64::from(limits.columns),
            Bound::Cells => n(limits.cells),
            Bound::CellChars => n(limits.cell_chars),
            Bound::SharedStrings => n(limits.shared_strings),
            Bound::TextBytes => n(limits.text_bytes),
        }
    }
}

/// Why a workbook was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    #[error("not a readable XLSX workbook ({0})")]
    NotXlsx(String),
    #[error("{}", exceeded_text(*bound, *limit, cell.as_deref()))]
    Exceeded { bound: Bound, limit: u64, cell: Option<String> },
    #[error("reading the file took longer than {secs} s")]
    TooSlow { secs: u64 },
    #[error("the file reader failed")]
    Failed,
}

fn exceeded_text(bound: Bound, limit: u64, cell: Option<&str>) -> String {
    let mib = limit / (1024 * 1024);
    let at = cell.map(|c| format!(" (cell {c})")).unwrap_or_default();
    match bound {
        Bound::FileBytes => format!("the file is larger than {mib} MiB"),
        Bound::PartBytes => format!("a part of the workbook unzips to more than {mib} MiB"),
        Bound::TotalBytes => format!("the workbook unzips to more than {mib} MiB"),
        Bound::Parts => format!("the zip holds more than {limit} entries"),
        Bound::Rows => format!("a cell is below row {limit}{at}"),
        Bound::Columns => format!("a cell is right of column {}{at}", column_name(limit.saturating_sub(1))),
        Bound::Cells => format!("more than {limit} cells hold a value"),
        Bound::CellChars => format!("a cell holds more than {limit} characters{at}"),
        Bound::SharedStrings => format!("the shared-strings table has more than {limit} entries"),
        Bound::TextBytes => format!("the cells hold more than {mib} MiB of text"),
    }
}

impl XlsxError {
    fn exceeded(bound: Bound, limits: &Limits, cell: Option<String>) -> Self {
        XlsxError::Exceeded { bound, limit: bound.limit(limits), cell }
    }

    fn corrupt(what: impl std::fmt::Display) -> Self {
        XlsxError::NotXlsx(what.to_string())
    }
}

pub type XlsxResult<T> = Result<T, XlsxError>;

/// One cell's value. Empty cells are not kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A number shown with a date format: the Excel serial (1900 system, days since 1899-12-30).
    Date(f64),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error,
}

/// The cells of one sheet that hold a value, sorted by row then column (0-based).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    pub cells: Vec<(u32, u32, Cell)>,
}

impl Sheet {
    pub fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.binary_search_by_key(&(row, col), |(r, c, _)| (*r, *c)).ok().map(|i| &self.cells[i].2)
    }

    /// The first and last rows with a value (0-based).
    pub fn row_span(&self) -> Option<(u32, u32)> {
        Some((self.cells.first()?.0, self.cells.last()?.0))
    }
}

/// The name Excel gives a column (0-based): 0 → A, 16383 → XFD.
pub fn column_name(col: u64) -> String {
    let mut n = col.saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The name of a cell (0-based row and column): (0, 0) → A1.
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_name(u64::from(col)), u64::from(row) + 1)
}

/// The last Excel serial that is a date (9999-12-31).
pub const LAST_SERIAL: f64 = 2_958_465.0;

/// The date of an Excel serial (1900 system), or `None` outside 1900-01-01 … 9999-12-31 or
/// when not a finite number.
pub fn serial_date(serial: f64) -> Option<chrono::NaiveDate> {
    if !serial.is_finite() || !(1.0..LAST_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    // Checked just above: a whole number of days from 1 to 2,958,465, exact as an i64.
    let days = serial.floor() as i64;
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(chrono::Duration::try_days(days)?)
}

/// What the reader shares with the part readers: the inflated total, the first bound that
/// tripped and the cancel flag (set when the time is up).
struct Budget<'a> {
    limits: Limits,
    inflated: Counter<u64>,
    tripped: Counter<Option<Bound>>,
    cancel: &'a AtomicBool,
}

/// A part as it inflates: counts its bytes and the workbook's, refuses past the limits (the
/// zip's declared sizes are not trusted) and stops once cancelled.
struct Bounded<'b, 'a, R> {
    inner: R,
    read: u64,
    budget: &'b Budget<'a>,
}

impl<R: Read> Read for Bounded<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.budget.cancel.load(Ordering::Relaxed) {
            return Err(std::io::Error::other("cancelled"));
        }
        // Never ask for more than one byte past the part's limit.
        let room = self.budget.limits.part_bytes.saturating_sub(self.read).saturating_add(1);
        let want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        self.read = self.read.saturating_add(n64);
        let total = self.budget.inflated.get().saturating_add(n64);
        self.budget.inflated.set(total);
        let over = if self.read > self.budget.limits.part_bytes {
            Some(Bound::PartBytes)
        } else if total > self.budget.limits.total_bytes {
            Some(Bound::TotalBytes)
        } else {
            None
        };
        if let Some(b) = over {
            self.budget.tripped.set(Some(b));
            return Err(std::io::Error::other("bound"));
        }
        Ok(n)
    }
}

/// An open workbook: its sheets' names, shared strings and date styles; sheets are read on
/// demand.
pub struct Workbook<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: Budget<'a>,
    /// (sheet name, part path), in the workbook's order.
    sheets: Vec<(String, String)>,
    shared: Vec<String>,
    /// For each cell style (`s` attribute): does it show a date?
    date_styles: Vec<bool>,
    date1904: bool,
    cells_kept: usize,
    text_kept: usize,
}

impl<'a> Workbook<'a> {
    /// Opens a workbook: the zip's directory, the workbook part, its relationships, the styles
    /// and the shared strings, each under the limits. `cancel` stops the reading when set.
    pub fn open(bytes: &'a [u8], limits: Limits, cancel: &'a AtomicBool) -> XlsxResult<Self> {
        if bytes.len() > limits.file_bytes {
            return Err(XlsxError::exceeded(Bound::FileBytes, &limits, None));
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(XlsxError::corrupt("not a zip archive"));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(XlsxError::corrupt)?;
        if archive.len() > limits.parts {
            return Err(XlsxError::exceeded(Bound::Parts, &limits, None));
        }
        let budget = Budget { limits, inflated: Counter::new(0), tripped: Counter::new(None), cancel };
        let mut book = Workbook {
            archive,
            budget,
            sheets: Vec::new(),
            shared: Vec::new(),
            date_styles: Vec::new(),
            date1904: false,
            cells_kept: 0,
            text_kept: 0,
        };
        let workbook = book.part("xl/workbook.xml", |r, _| parts::workbook(r))?;
        let Some((names, date1904)) = workbook else {
            return Err(XlsxError::corrupt("no xl/workbook.xml"));
        };
        let targets = book.part("xl/_rels/workbook.xml.rels", |r, _| parts::relationships(r))?.unwrap_or_default();
        book.date1904 = date1904;
        book.sheets = names
            .into_iter()
            .filter_map(|(name, rid)| {
                let target = targets.iter().find(|(id, _)| *id == rid)?;
                Some((name, parts::resolve("xl/", &target.1)))
            })
            .collect();
        book.date_styles = book.part("xl/styles.xml", |r, _| parts::date_styles(r))?.unwrap_or_default();
        book.shared = book.part("xl/sharedStrings.xml", parts::shared_strings)?.unwrap_or_default();
        Ok(book)
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The cells of the sheet `name` that hold a value, or `None` without such a sheet.
    pub fn sheet(&mut self, name: &str) -> XlsxResult<Option<Sheet>> {
        let Some(path) = self.sheets.iter().find(|(n, _)| n == name).map(|(_, p)| p.clone()) else {
            return Ok(None);
        };
        let mut kept = (self.cells_kept, self.text_kept);
        let shared = std::mem::take(&mut self.shared);
        let styles = std::mem::take(&mut self.date_styles);
        let ctx = cells::SheetCtx { shared: &shared, date_styles: &styles, date1904: self.date1904 };
        let read = self.part(&path, |r, limits| cells::read(r, limits, &ctx, &mut kept));
        self.shared = shared;
        self.date_styles = styles;
        (self.cells_kept, self.text_kept) = kept;
        let Some(mut cells) = read? else { return Ok(None) };
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        // A cell written twice: the last one counts, as in Excel.
        cells.reverse();
        cells.dedup_by_key(|(r, c, _)| (*r, *c));
        cells.reverse();
        Ok(Some(Sheet { name: name.to_string(), cells }))
    }

    /// Reads the part at `path` (found without regard to case) through the bounded reader.
    fn part<T>(
        &mut self,
        path: &str,
        parse: impl FnOnce(&mut dyn std::io::BufRead, &Limits) -> XlsxResult<T>,
    ) -> XlsxResult<Option<T>> {
        let index = self.archive.index_for_name(path).or_else(|| {
            let wanted = path.to_ascii_lowercase();
            self.archive.file_names().position(|n| n.is_ok_and(|n| n.to_ascii_lowercase() == wanted))
        });
        let Some(index) = index else { return Ok(None) };
        let budget = &self.budget;
        let file = self.archive.by_index(index).map_err(XlsxError::corrupt)?;
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, Bounded { inner: file, read: 0, budget });
        let out = parse(&mut reader, &budget.limits);
        if let Some(bound) = budget.tripped.get() {
            return Err(XlsxError::exceeded(bound, &budget.limits, None));
        }
        if budget.cancel.load(Ordering::Relaxed) {
            return Err(XlsxError::TooSlow { secs: PARSE_TIMEOUT.as_secs() });
        }
        out.map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_serials() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16383), "XFD");
        assert_eq!(cell_name(1_048_575, 16383), "XFD1048576");
        assert_eq!(serial_date(46_296.0), chrono::NaiveDate::from_ymd_opt(2026, 10, 1));
        assert_eq!(serial_date(LAST_SERIAL), chrono::NaiveDate::from_ymd_opt(9999, 12, 31));
        for bad in [1e20, -1e20, -1.0, 0.5, f64::NAN, f64::INFINITY, LAST_SERIAL + 1.0] {
            assert_eq!(serial_date(bad), None, "{bad}");
        }
    }
}
