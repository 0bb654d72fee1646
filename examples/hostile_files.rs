//! Writes the hostile spreadsheets of the tests to a folder, or reads one the way the boundary
//! import (or the template reader) does, printing the outcome, the time taken and the peak
//! memory of the process (VmHWM from /proc/self/status). One file per run, so that the peak
//! is that file's.
//!
//! ```text
//! cargo run --example hostile_files -- write /tmp/hostile
//! cargo run --example hostile_files -- import /tmp/hostile/bomb.xlsx
//! cargo run --example hostile_files -- template /tmp/hostile/giant.xlsx
//! /usr/bin/time -v target/debug/cluster-bot pcodes import /tmp/hostile/bomb.xlsx --version x
//! ```

#[path = "../tests/support/hostile_xlsx.rs"]
mod hostile;

use cluster_bot::services::{boundaries, sheet};
use cluster_bot::xlsx::Workbook;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "?".into())
}

fn files() -> Vec<(&'static str, Vec<u8>)> {
    let far = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        hostile::text_cell("A1", "admin1Pcode"),
        hostile::text_cell("XFD1048576", "x")
    );
    let long = format!(r#"<row r="2">{}</row>"#, hostile::text_cell("B2", &"x".repeat(10 << 20)));
    vec![
        ("bomb.xlsx", hostile::bomb(&["adm3"], 1024, None)),
        ("bomb-lying.xlsx", hostile::bomb(&["adm3"], 1024, Some(1_000))),
        ("bomb-upload.xlsx", hostile::bomb(&["4W"], 512, None)),
        ("giant.xlsx", hostile::book(&[("adm3", far)])),
        ("long-string.xlsx", hostile::book(&[("adm3", long)])),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["write", dir] => {
            std::fs::create_dir_all(dir).expect("the folder");
            for (name, bytes) in files() {
                let path = std::path::Path::new(dir).join(name);
                std::fs::write(&path, &bytes).expect("written");
                println!("{}\t{} bytes", path.display(), bytes.len());
            }
        }
        ["import", file] => {
            let bytes = std::fs::read(file).expect("the file");
            let start = Instant::now();
            let out = boundaries::read_text_table(&bytes);
            let took = start.elapsed();
            let outcome = match out {
                Ok((sheet, (header, rows))) => {
                    format!("read: sheet {sheet:?}, {} columns, {} rows", header.len(), rows.len())
                }
                Err(e) => format!("refused: {e}"),
            };
            println!("{file}\t{outcome}\t{} ms\tVmHWM {}", took.as_millis(), vm_hwm());
        }
        ["template", file] => {
            let bytes = std::fs::read(file).expect("the file");
            let start = Instant::now();
            let cancel = AtomicBool::new(false);
            let out = Workbook::open(&bytes, sheet::LIMITS, &cancel).and_then(|mut b| {
                let mut cells = 0;
                for name in b.sheet_names() {
                    cells += b.sheet(&name)?.map_or(0, |s| s.cells.len());
                }
                Ok(cells)
            });
            let took = start.elapsed();
            let outcome = match out {
                Ok(cells) => format!("read: {cells} cells"),
                Err(e) => format!("refused: {e}"),
            };
            println!("{file}\t{outcome}\t{} ms\tVmHWM {}", took.as_millis(), vm_hwm());
        }
        // How the file fared before the bounded reader: calamine's dense grid, for comparison.
        ["calamine", file] => {
            use calamine::Reader;
            let bytes = std::fs::read(file).expect("the file");
            let start = Instant::now();
            let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
            let names = book.sheet_names();
            let cells: usize = names
                .iter()
                .filter_map(|n| book.worksheet_range(n).ok())
                .map(|r| r.get_size().0 * r.get_size().1)
                .sum();
            println!("{file}\tcalamine: {cells} cells\t{} ms\tVmHWM {}", start.elapsed().as_millis(), vm_hwm());
        }
        _ => eprintln!("usage: hostile_files write DIR | import FILE | template FILE | calamine FILE"),
    }
}
