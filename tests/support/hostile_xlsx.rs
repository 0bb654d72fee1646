//! Hostile XLSX files made in the test code: a zip written by hand (so its headers can lie),
//! workbooks from raw sheet XML, zip bombs whose deflate stream repeats one block (a few KB
//! that inflate to gigabytes), and a counting allocator that gives the peak memory a
//! thread took while reading.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts what each thread holds, and its peak.
pub struct Counting;

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn add(n: usize) {
    let _ = HELD.try_with(|h| {
        let now = h.get().saturating_add(n);
        h.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn sub(n: usize) {
    let _ = HELD.try_with(|h| h.set(h.get().saturating_sub(n)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        sub(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        sub(layout.size());
        add(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` and gives its result with the most memory this thread held above what it held
/// before (allocations of other threads are not counted).
pub fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = HELD.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(Cell::get).saturating_sub(base))
}

/// One entry of a zip written by hand.
pub struct Entry {
    pub name: String,
    /// Already deflated when `deflated`, else stored as is.
    pub data: Vec<u8>,
    pub deflated: bool,
    pub crc: u32,
    /// What the headers say the entry unzips to.
    pub declared_size: u32,
}

pub fn crc(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// An honest deflated entry.
pub fn entry(name: &str, data: &[u8]) -> Entry {
    Entry {
        name: name.into(),
        data: deflate(data),
        deflated: true,
        crc: crc(data),
        declared_size: u32::try_from(data.len()).unwrap_or(u32::MAX),
    }
}

/// The zip archive of `entries` (local headers, data, central directory, end record).
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: usize| u16::try_from(v).unwrap().to_le_bytes();
    for e in entries {
        let offset = u32::try_from(out.len()).unwrap();
        let method: u16 = if e.deflated { 8 } else { 0 };
        let compressed = u32::try_from(e.data.len()).unwrap();
        let mut common = Vec::new();
        common.extend(20u16.to_le_bytes()); // version needed
        common.extend(0u16.to_le_bytes()); // flags
        common.extend(method.to_le_bytes());
        common.extend(0u32.to_le_bytes()); // time, date
        common.extend(e.crc.to_le_bytes());
        common.extend(compressed.to_le_bytes());
        common.extend(e.declared_size.to_le_bytes());
        common.extend(u16le(e.name.len()));
        common.extend(0u16.to_le_bytes()); // extra
        out.extend(b"PK\x03\x04");
        out.extend(&common);
        out.extend(e.name.as_bytes());
        out.extend(&e.data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes()); // version made by
        central.extend(&common);
        central.extend(0u16.to_le_bytes()); // comment
        central.extend(0u16.to_le_bytes()); // disk
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).unwrap();
    let cd_size = u32::try_from(central.len()).unwrap();
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend(0u32.to_le_bytes()); // disks
    out.extend(u16le(entries.len()));
    out.extend(u16le(entries.len()));
    out.extend(cd_size.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub const WORKBOOK_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
pub const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The workbook and relationship parts for sheets named `names` (sheet1.xml, sheet2.xml …).
pub fn workbook_parts(names: &[&str]) -> Vec<Entry> {
    let sheets: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!(r#"<sheet name="{n}" sheetId="{}" r:id="rId{}"/>"#, i + 1, i + 1))
        .collect();
    let rels: String = names
        .iter()
        .enumerate()
        .map(|(i, _)| {
            format!(
                r#"<Relationship Id="rId{}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{}.xml"/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    // Style 1 shows dates (dd/mm/yyyy).
    let styles = format!(
        r#"<styleSheet xmlns="{WORKBOOK_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#
    );
    let overrides: String = (1..=names.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    vec![
        entry(
            "[Content_Types].xml",
            format!(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#).as_bytes(),
        ),
        entry(
            "_rels/.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes(),
        ),
        entry(
            "xl/workbook.xml",
            format!(r#"<workbook xmlns="{WORKBOOK_NS}" xmlns:r="{REL_NS}"><sheets>{sheets}</sheets></workbook>"#)
                .as_bytes(),
        ),
        entry(
            "xl/_rels/workbook.xml.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).as_bytes(),
        ),
        entry("xl/styles.xml", styles.as_bytes()),
    ]
}

/// A sheet part from the XML inside `<sheetData>`.
pub fn sheet_xml(rows: &str) -> Vec<u8> {
    format!(r#"<worksheet xmlns="{WORKBOOK_NS}"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()
}

/// An inline-string cell.
pub fn text_cell(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A workbook of the named sheets with their `<sheetData>` XML.
pub fn book(sheets: &[(&str, String)]) -> Vec<u8> {
    let names: Vec<&str> = sheets.iter().map(|(n, _)| *n).collect();
    let mut entries = workbook_parts(&names);
    for (i, (_, rows)) in sheets.iter().enumerate() {
        entries.push(entry(&format!("xl/worksheets/sheet{}.xml", i + 1), &sheet_xml(rows)));
    }
    zip(&entries)
}

/// A raw deflate stream of `prefix` then `unit` repeated `repeats × per_block` times, made
/// by compressing one block and repeating its bytes: each block only refers back to the
/// same repeated text, so the copies decode the same wherever they stand.
pub fn bomb_stream(prefix: &[u8], unit: &[u8], per_block: usize, repeats: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let block: Vec<u8> = unit.repeat(per_block);
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(1 << 20);
    let mut first = prefix.to_vec();
    first.extend(&block);
    first.extend(&block);
    c.compress_vec(&first, &mut out, FlushCompress::Sync).unwrap();
    let mut one = Vec::with_capacity(1 << 20);
    c.compress_vec(&block, &mut one, FlushCompress::Sync).unwrap();
    for _ in 0..repeats {
        out.extend(&one);
    }
    let mut end = Vec::with_capacity(64);
    c.compress_vec(&[], &mut end, FlushCompress::Finish).unwrap();
    out.extend(end);
    out
}

/// A zip-bomb entry: a `<sheetData>` of `mib` MiB of empty elements in a few KB. The headers
/// declare `declared` bytes (the true size when `None`, else a lie).
pub fn bomb_entry(name: &str, mib: usize, declared: Option<u32>) -> Entry {
    // 1 KiB elements (the parser's cost is per element; the bounds are per byte).
    let unit = format!(r#"<x a="{}"/>"#, "a".repeat(1024 - 9)).into_bytes();
    let per_block = (1 << 20) / unit.len();
    let prefix = format!(r#"<worksheet xmlns="{WORKBOOK_NS}"><sheetData>"#).into_bytes();
    let data = bomb_stream(&prefix, &unit, per_block, mib);
    let size = u32::try_from(prefix.len() + (mib + 2) * per_block * unit.len()).unwrap_or(u32::MAX);
    // The true checksum, so that a part read to its end is not refused for it.
    let mut crc = flate2::Crc::new();
    crc.update(&prefix);
    let block = unit.repeat(per_block);
    for _ in 0..mib + 2 {
        crc.update(&block);
    }
    Entry { name: name.into(), data, deflated: true, crc: crc.sum(), declared_size: declared.unwrap_or(size) }
}

/// A workbook whose sheets (named `names`) are each a zip bomb of `mib` MiB.
pub fn bomb(names: &[&str], mib: usize, declared: Option<u32>) -> Vec<u8> {
    let mut entries = workbook_parts(names);
    for i in 0..names.len() {
        entries.push(bomb_entry(&format!("xl/worksheets/sheet{}.xml", i + 1), mib, declared));
    }
    zip(&entries)
}
