//! Hostile spreadsheets against the two readers of uploaded and imported files (the 4W/5W
//! template read back, and the boundary table import): huge dimensions, zip bombs (honest
//! and lying headers), huge and negative numbers, formulas, 10 MB strings, truncated or
//! corrupt zips and random bytes. Each gives a clean error naming the bound, never a panic,
//! and the reading thread's peak memory (a counting allocator) stays small.

use crate::{fivew, hostile_xlsx as hostile};

use cluster_bot::domain::AppError;
use cluster_bot::domain::Language;
use cluster_bot::domain::boundaries::TableError;
use cluster_bot::domain::fivew::{CellError, SheetColumn};
use cluster_bot::domain::fourw::{LineError, ReportingMonth};
use cluster_bot::i18n::I18n;
use cluster_bot::services::{boundaries, sheet};
use cluster_bot::xlsx::{Bound, Cell, Limits, Sheet, Workbook, XlsxError};
use hostile::{book, peak_of, text_cell};
use proptest::prelude::*;
use std::sync::atomic::AtomicBool;

#[global_allocator]
static ALLOC: hostile::Counting = hostile::Counting;

const MB: usize = 1 << 20;
/// The most a hostile file may make the reading thread hold (the boundary import keeps up
/// to 64 MiB of cell text before refusing).
const MAX_PEAK: usize = 96 * MB;

/// Every sheet of a workbook, read under `limits`, with the peak memory it took.
fn read_all(bytes: &[u8], limits: Limits) -> (Result<Vec<Sheet>, XlsxError>, usize) {
    peak_of(|| {
        let cancel = AtomicBool::new(false);
        let mut book = Workbook::open(bytes, limits, &cancel)?;
        let mut out = Vec::new();
        for name in book.sheet_names() {
            out.extend(book.sheet(&name)?);
        }
        Ok(out)
    })
}

/// Read as a template and as a boundary table: both results, each within [`MAX_PEAK`].
fn both(bytes: &[u8]) -> (Result<Vec<Sheet>, XlsxError>, Result<Vec<Sheet>, XlsxError>) {
    let (template, peak) = read_all(bytes, sheet::LIMITS);
    assert!(peak < MAX_PEAK, "template reader peak {peak} B");
    let (table, peak) = read_all(bytes, boundaries::LIMITS);
    assert!(peak < MAX_PEAK, "table reader peak {peak} B");
    let (_, peak) = peak_of(|| boundaries::read_text_table(bytes));
    assert!(peak < MAX_PEAK, "boundary import peak {peak} B");
    (template, table)
}

fn bound_of<T: std::fmt::Debug>(r: &Result<T, XlsxError>) -> (Bound, u64, Option<String>) {
    match r {
        Err(XlsxError::Exceeded { bound, limit, cell }) => (*bound, *limit, cell.clone()),
        other => panic!("expected a bound, got {other:?}"),
    }
}

/// The boundary import's refusal text.
fn import_refusal(bytes: &[u8]) -> String {
    match boundaries::read_text_table(bytes) {
        Err(AppError::Boundaries(TableError::Refused(why))) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_cell_at_xfd1048576_is_refused_without_a_grid() {
    let rows = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        text_cell("A1", "admin1Pcode"),
        text_cell("XFD1048576", "far")
    );
    let file = book(&[("4W", rows)]);
    let (template, table) = both(&file);
    assert_eq!(bound_of(&template), (Bound::Rows, 5_000, Some("XFD1048576".into())));
    assert_eq!(bound_of(&table), (Bound::Rows, 100_000, Some("XFD1048576".into())));
    assert_eq!(import_refusal(&file), "a cell is below row 100000 (cell XFD1048576)");
    // Only far to the right.
    let file = book(&[("4W", format!(r#"<row r="1">{}{}</row>"#, text_cell("A1", "x"), text_cell("XFD1", "y")))]);
    let (template, table) = both(&file);
    assert_eq!(bound_of(&template), (Bound::Columns, 64, Some("XFD1".into())));
    assert_eq!(bound_of(&table), (Bound::Columns, 200, Some("XFD1".into())));
    // Empty styled cells far away hold no value: they are not kept, not refused.
    let file = book(&[("4W", format!(r#"<row r="1">{}<c r="XFD1048576" s="1"/></row>"#, text_cell("A1", "x")))]);
    let (template, _) = both(&file);
    assert_eq!(template.unwrap()[0].cells, [(0, 0, Cell::Text("x".into()))]);
}

#[test]
fn zip_bombs_are_refused_while_inflating_whatever_the_headers_say() {
    // 200 MiB of XML in a few hundred KB, with the true size in the headers.
    let file = hostile::bomb(&["4W"], 200, None);
    assert!(file.len() < sheet::MAX_BYTES, "{} B", file.len());
    let (template, table) = both(&file);
    assert_eq!(bound_of(&template).0, Bound::PartBytes);
    assert_eq!(bound_of(&table).0, Bound::PartBytes);
    assert_eq!(import_refusal(&file), "a part of the workbook unzips to more than 64 MiB");
    // The headers say 1,000 bytes: the inflating is counted, not the header believed.
    let lying = hostile::bomb(&["4W"], 200, Some(1_000));
    let (template, table) = both(&lying);
    for r in [template, table] {
        assert!(matches!(r, Err(XlsxError::Exceeded { bound: Bound::PartBytes, .. }) | Err(XlsxError::NotXlsx(_))));
    }
    // Parts each under the part limit, together over the total.
    let many = hostile::bomb(&["a", "b", "c", "d"], 13, None);
    let (template, _) = both(&many);
    assert_eq!(bound_of(&template), (Bound::TotalBytes, 48 * MB as u64, None));
    // More zip entries than any workbook has.
    let entries: Vec<_> = (0..1_001).map(|i| hostile::entry(&format!("x/{i}"), b"")).collect();
    let (template, _) = both(&hostile::zip(&entries));
    assert_eq!(bound_of(&template).0, Bound::Parts);
}

#[test]
fn long_strings_many_strings_and_many_cells_are_refused() {
    let ten_mb = "x".repeat(10 * MB);
    let inline = book(&[("4W", format!(r#"<row r="2">{}</row>"#, text_cell("B2", &ten_mb)))]);
    let (template, table) = both(&inline);
    assert_eq!(bound_of(&template), (Bound::CellChars, 32_767, Some("B2".into())));
    assert_eq!(bound_of(&table).0, Bound::CellChars);
    assert_eq!(import_refusal(&inline), "a cell holds more than 32767 characters (cell B2)");
    // The same string in the shared-strings table.
    let mut entries = hostile::workbook_parts(&["4W"]);
    entries.push(hostile::entry("xl/sharedStrings.xml", format!("<sst><si><t>{ten_mb}</t></si></sst>").as_bytes()));
    entries
        .push(hostile::entry("xl/worksheets/sheet1.xml", &hostile::sheet_xml(r#"<row><c t="s"><v>0</v></c></row>"#)));
    let (template, _) = both(&hostile::zip(&entries));
    assert_eq!(bound_of(&template), (Bound::CellChars, 32_767, None));
    // 100,001 shared strings.
    let mut entries = hostile::workbook_parts(&["4W"]);
    entries.push(hostile::entry("xl/sharedStrings.xml", format!("<sst>{}</sst>", "<si/>".repeat(100_001)).as_bytes()));
    let (template, table) = both(&hostile::zip(&entries));
    assert_eq!(bound_of(&template), (Bound::SharedStrings, 100_000, None));
    assert!(table.is_ok(), "the import allows more: {table:?}");
    // 120,000 numbers in 2,000 rows of 60 columns.
    let rows: String = (1..=2_000).map(|r| format!("<row r=\"{r}\">{}</row>", "<c><v>7</v></c>".repeat(60))).collect();
    let (template, table) = both(&book(&[("4W", rows)]));
    assert_eq!(bound_of(&template), (Bound::Cells, 100_000, None));
    assert_eq!(table.unwrap()[0].cells.len(), 120_000);
    // One shared string of 30,000 characters used in 60,000 cells: the text kept is bounded.
    let mut entries = hostile::workbook_parts(&["4W"]);
    let long = "y".repeat(30_000);
    entries.push(hostile::entry("xl/sharedStrings.xml", format!("<sst><si><t>{long}</t></si></sst>").as_bytes()));
    let rows: String =
        (1..=1_000).map(|r| format!("<row r=\"{r}\">{}</row>", r#"<c t="s"><v>0</v></c>"#.repeat(60))).collect();
    entries.push(hostile::entry("xl/worksheets/sheet1.xml", &hostile::sheet_xml(&rows)));
    let (template, _) = both(&hostile::zip(&entries));
    assert_eq!(bound_of(&template), (Bound::TextBytes, 32 * MB as u64, None));
}

#[test]
fn numbers_dates_and_formulas_are_read_as_values() {
    let rows = concat!(
        r#"<row r="1"><c r="A1"><v>1E+20</v></c><c r="B1" s="1"><v>-1E+20</v></c><c r="C1" s="1"><v>46296</v></c>"#,
        r#"<c r="D1"><v>1e400</v></c><c r="E1"><v>NaN?</v></c></row>"#,
        r#"<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2"><f>SUM(A3:A4)</f><v>3</v></c>"#,
        r#"<c r="C2" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c><c r="D2"><f>NOW()</f></c><c r="E2" t="b"><v>1</v></c></row>"#,
    );
    let (template, _) = both(&book(&[("4W", rows.to_string())]));
    let s = &template.unwrap()[0];
    assert_eq!(s.get(0, 0), Some(&Cell::Number(1e20)));
    assert_eq!(s.get(0, 1), Some(&Cell::Date(-1e20)));
    assert_eq!(s.get(0, 2), Some(&Cell::Date(46_296.0)));
    assert_eq!(s.get(0, 3), Some(&Cell::Number(f64::INFINITY)));
    assert_eq!(s.get(0, 4), Some(&Cell::Text("NaN?".into())));
    assert_eq!(s.get(1, 0), Some(&Cell::Error));
    assert_eq!(s.get(1, 1), Some(&Cell::Number(3.0)));
    assert_eq!(s.get(1, 2), Some(&Cell::Text("a&b".into())));
    assert_eq!(s.get(1, 3), None, "a formula without a cached value holds nothing");
    assert_eq!(s.get(1, 4), Some(&Cell::Bool(true)));
    for serial in [1e20, -1e20, f64::INFINITY, f64::NAN, -1.0] {
        assert_eq!(cluster_bot::xlsx::serial_date(serial), None);
    }
    // Through the boundary import: read as text, no panic on any of them.
    let (_, (header, _)) = boundaries::read_text_table(&book(&[("s", rows.to_string())])).unwrap();
    assert_eq!(header[0], "100000000000000000000");
}

#[test]
fn corrupt_truncated_and_random_files_are_not_workbooks() {
    let good = book(&[("4W", format!("<row>{}</row>", text_cell("A1", "x")))]);
    for cut in [4, 30, good.len() / 2, good.len() - 10] {
        let (template, table) = both(&good[..cut]);
        assert!(matches!(template, Err(XlsxError::NotXlsx(_))), "{cut}: {template:?}");
        assert!(matches!(table, Err(XlsxError::NotXlsx(_))), "{cut}: {table:?}");
    }
    let mut random = b"PK\x03\x04".to_vec();
    random.extend((0..5_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(matches!(both(&random).0, Err(XlsxError::NotXlsx(_))));
    let bad_xml = book(&[("4W", "<row><c r=\"A1\"><v>1</v></x></row>".into())]);
    assert!(matches!(both(&bad_xml).0, Err(XlsxError::NotXlsx(_))));
    let bad_ref = book(&[("4W", "<row><c r=\"ZZZZ1\"><v>1</v></c></row>".into())]);
    assert!(matches!(both(&bad_ref).0, Err(XlsxError::NotXlsx(_))));
    let bad_index = book(&[("4W", "<row><c t=\"s\"><v>99999999999</v></c></row>".into())]);
    assert!(matches!(both(&bad_index).0, Err(XlsxError::NotXlsx(_))));
}

/// Pieces of sheet XML, well-formed or not, to build random sheets from.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..2_000_000).prop_map(|r| format!("<row r=\"{r}\">")),
        Just("</row>".to_string()),
        ("[A-Z]{1,4}", 0u64..2_000_000, "(s|n|b|e|str|inlineStr|d)?", 0u8..3)
            .prop_map(|(c, r, t, s)| format!("<c r=\"{c}{r}\" t=\"{t}\" s=\"{s}\">")),
        Just("<c>".to_string()),
        Just("</c>".to_string()),
        any::<f64>().prop_map(|f| format!("<v>{f:e}</v>")),
        "[0-9eE+.-]{0,12}".prop_map(|v| format!("<v>{v}</v>")),
        ".{0,20}".prop_map(|t| format!("<is><t>{}</t></is>", t.replace('<', "&lt;").replace('&', "&amp;"))),
        Just("<f>SUM(A1:A9)</f>".to_string()),
        Just("&#0;&bogus;&#x110000;".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(mut bytes in proptest::collection::vec(any::<u8>(), 0..4_096), zip_head in any::<bool>()) {
        if zip_head {
            bytes.splice(0..0, b"PK\x03\x04".iter().copied());
        }
        let _ = both(&bytes);
    }

    #[test]
    fn random_sheets_never_panic(parts in proptest::collection::vec(fragment(), 0..60)) {
        let file = book(&[("4W", parts.concat()), ("meta", String::new())]);
        let (template, table) = both(&file);
        for sheets in [template, table].into_iter().flatten() {
            for s in sheets {
                prop_assert!(s.cells.iter().all(|(r, c, _)| *r < 100_000 && *c < 200));
            }
        }
    }

    #[test]
    fn damaged_workbooks_never_panic(changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>()) {
        let rows = format!("<row>{}<c><v>46296</v></c></row>", text_cell("A1", "admin1Pcode"));
        let mut file = book(&[("4W", rows)]);
        for (at, byte) in changes {
            let i = at.index(file.len());
            file[i] = byte;
        }
        let keep = file.len() - cut.index(file.len() / 4);
        let _ = both(&file[..keep]);
    }
}

fn october() -> ReportingMonth {
    ReportingMonth::parse("2026-10").unwrap()
}

#[tokio::test]
async fn the_template_reader_answers_every_hostile_file_with_a_row_error_or_a_refusal() {
    use fivew::{Typed, t};
    let w = fivew::world().await;
    let i18n = I18n::load().unwrap();
    let template = sheet::template(&w.ctx, &i18n, &w.focal, w.org, w.mechanism, october(), Language::En).await.unwrap();
    let read = |bytes: Vec<u8>| {
        let (w, i18n) = (&w, &i18n);
        async move { sheet::read(&w.ctx, i18n, &w.focal, w.org, w.mechanism, october(), &bytes).await.unwrap() }
    };
    let l = fivew::lists(&template);
    let row = |start: Typed, girls: Typed| {
        use SheetColumn as C;
        vec![
            (C::Sector.index(), fivew::pick(&l[0], "PRO —")),
            (C::Activity.index(), fivew::pick(&l[1], "PRO-MON")),
            (C::Region.index(), fivew::pick(&l[2], "ML05")),
            (C::Cercle.index(), fivew::pick(&l[3], "ML0507")),
            (C::Status.index(), t(&l[5][1])),
            (C::Population.index(), t(&l[6][0])),
            (C::Modality.index(), fivew::pick(&l[7], "PRO-GRP")),
            (C::Start.index(), start),
            (C::End.index(), Typed::Date(2026, 10, 31)),
            (C::Girls.index(), girls),
            (C::Boys.index(), Typed::Number(1.0)),
            (C::Women.index(), Typed::Number(1.0)),
            (C::Men.index(), Typed::Number(1.0)),
            (C::ElderlyWomen.index(), Typed::Number(0.0)),
            (C::ElderlyMen.index(), Typed::Number(0.0)),
        ]
    };
    // 1E+20 and -1E+20 as dates, 1E+20 as a count: row errors naming their cells.
    let rows = vec![
        row(Typed::Number(1e20), Typed::Number(1.0)),
        row(Typed::Number(-1e20), Typed::Number(1e20)),
        row(Typed::Date(2026, 10, 1), Typed::Number(1.0)),
    ];
    let found = match read(fivew::fill(&template, &rows, None)).await {
        sheet::Read::Errors { errors, rows } => {
            assert_eq!(rows, 3);
            errors.into_iter().map(|e| (e.row, e.column, e.error)).collect::<Vec<_>>()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(
        found,
        [
            (2, SheetColumn::Start, CellError::NotADate),
            (3, SheetColumn::Start, CellError::NotADate),
            (3, SheetColumn::Girls, CellError::Line(LineError::BadCount { max: 1_000_000 })),
        ]
    );
    // The template's own "meta", and a cell at XFD1048576 in the lines sheet.
    let meta: String = fivew::sheet_rows(&template, "meta")
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            format!("<row r=\"{}\">{}</row>", r + 1, text_cell(&format!("A{}", r + 1), &fivew::data_text(&cells[0])))
        })
        .collect();
    let far = format!(r#"<row r="1048576">{}</row>"#, text_cell("XFD1048576", "x"));
    assert_eq!(
        read(book(&[("4W", far), ("meta", meta.clone())])).await,
        sheet::Read::Refused(sheet::Refusal::Bound {
            bound: Bound::Rows,
            limit: 5_000,
            cell: Some("XFD1048576".into())
        })
    );
    // A bomb as the lines sheet, behind the right "meta".
    let mut entries = hostile::workbook_parts(&["4W", "meta"]);
    entries.push(hostile::bomb_entry("xl/worksheets/sheet1.xml", 100, None));
    entries.push(hostile::entry("xl/worksheets/sheet2.xml", &hostile::sheet_xml(&meta)));
    assert!(matches!(
        read(hostile::zip(&entries)).await,
        sheet::Read::Refused(sheet::Refusal::Bound { bound: Bound::PartBytes, limit, cell: None }) if limit == 16 * MB as u64
    ));
    // Not a template at all, even when far too large inside: not read past "meta".
    assert_eq!(read(hostile::bomb(&["4W"], 100, None)).await, sheet::Read::Refused(sheet::Refusal::NotTemplate));
    assert_eq!(read(b"PK\x03\x04garbage".to_vec()).await, sheet::Read::Refused(sheet::Refusal::NotSpreadsheet));
}

#[tokio::test]
async fn pcodes_import_refuses_a_zip_bomb_and_a_sparse_giant_sheet() {
    let w = fivew::world().await;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("bomb.xlsx", hostile::bomb(&["adm3"], 200, None), "a part of the workbook unzips to more than 64 MiB"),
        (
            "giant.xlsx",
            book(&[(
                "adm3",
                format!(
                    "<row r=\"1\">{}</row><row r=\"1048576\">{}</row>",
                    text_cell("A1", "admin1Pcode"),
                    text_cell("XFD1048576", "x")
                ),
            )]),
            "a cell is below row 100000 (cell XFD1048576)",
        ),
    ];
    let before = cluster_bot::storage::boundaries::versions(&w.ctx.db).await.unwrap().len();
    for (name, bytes, why) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = fivew::cli(&w.path, &["pcodes", "import", file.to_str().unwrap(), "--version", "hostile"]);
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("the file is refused: {why}")), "{name}: {err}");
    }
    assert_eq!(cluster_bot::storage::boundaries::versions(&w.ctx.db).await.unwrap().len(), before, "nothing loaded");
}

#[tokio::test]
async fn a_read_past_the_time_limit_is_given_up_and_its_thread_told_to_stop() {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    let stopped = Arc::new(AtomicBool::new(false));
    let seen = stopped.clone();
    let out = cluster_bot::xlsx::off_runtime(Vec::new(), move |_, cancel| {
        while !cancel.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        seen.store(true, Ordering::Relaxed);
        Ok(())
    })
    .await;
    assert_eq!(out, Err(XlsxError::TooSlow { secs: cluster_bot::xlsx::PARSE_TIMEOUT.as_secs() }));
    for _ in 0..200 {
        if stopped.load(Ordering::Relaxed) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the reading thread did not stop");
}
