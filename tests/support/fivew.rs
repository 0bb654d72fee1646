//! Shared by the 5W tests: a database with a focal point, an alternate, a chair and a
//! coordinator; and filling a template the way a person would in Excel (a new workbook with
//! the template's header and "meta" sheet, and the rows typed in).
#![allow(dead_code)]

use calamine::{Data, Reader};
use chrono::{DateTime, Utc};
use cluster_bot::domain::{ManualClock, Role};
use cluster_bot::services::people::{self, Access};
use cluster_bot::services::{Ctx, membership};
use cluster_bot::storage::Db;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc()
}

pub struct World {
    pub ctx: Ctx,
    pub clock: ManualClock,
    pub path: PathBuf,
    pub focal: Access,
    pub alternate: Access,
    pub chair: Access,
    pub coordinator: Access,
    pub org: i64,
    pub mechanism: i64,
    _dir: tempfile::TempDir,
}

pub async fn person(ctx: &Ctx, telegram_id: i64, name: &str, lang: &str) -> cluster_bot::domain::Person {
    people::identify(ctx, telegram_id, name, None, Some(lang)).await.unwrap()
}

pub async fn join(ctx: &Ctx, p: &cluster_bot::domain::Person, org: &str, mech: &str, role: Role) {
    let o = membership::organisation(ctx, org).await.unwrap();
    let m = membership::mechanism(ctx, mech).await.unwrap();
    let issued = membership::issue_invitation(ctx, membership::Issuer::CommandLine, &o, &m, role, false).await.unwrap();
    let inv = membership::open_invitation(ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(ctx, p, inv.id, None).await.unwrap();
}

pub async fn access(ctx: &Ctx, p: &cluster_bot::domain::Person) -> Access {
    let p = cluster_bot::storage::people::by_id(&ctx.db, p.id).await.unwrap().unwrap();
    people::access(ctx, p).await.unwrap()
}

/// NRC in CR-MOPTI: focal point (fr), alternate (en); a chair of CR-MOPTI; a coordinator.
pub async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fivew.db");
    let db = Db::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let clock = ManualClock::new(now());
    let ctx = Ctx::new(db, Arc::new(clock.clone()), chrono_tz::Africa::Bamako, chrono::Duration::days(14));
    let focal = person(&ctx, 501, "Awa", "fr").await;
    let alternate = person(&ctx, 502, "John", "en").await;
    let chair = person(&ctx, 503, "Chair", "fr").await;
    join(&ctx, &focal, "NRC", "CR-MOPTI", Role::Focal).await;
    join(&ctx, &alternate, "NRC", "CR-MOPTI", Role::Alternate).await;
    join(&ctx, &chair, "UNHCR", "CR-MOPTI", Role::Chair).await;
    let (coord, _) = people::add_coordinator(&ctx, 504, "Coord").await.unwrap();
    let org = membership::organisation(&ctx, "NRC").await.unwrap().id;
    let mechanism = membership::mechanism(&ctx, "CR-MOPTI").await.unwrap().id;
    World {
        focal: access(&ctx, &focal).await,
        alternate: access(&ctx, &alternate).await,
        chair: access(&ctx, &chair).await,
        coordinator: access(&ctx, &coord).await,
        ctx,
        clock,
        path,
        org,
        mechanism,
        _dir: dir,
    }
}

/// A cell typed by the person.
#[derive(Debug, Clone)]
pub enum Typed {
    Text(String),
    Number(f64),
    Date(u16, u8, u8),
}

pub fn t(s: &str) -> Typed {
    Typed::Text(s.to_string())
}

/// The rows of a sheet of a workbook, as text.
pub fn sheet_rows(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

pub fn data_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// A workbook as the person sends it back: the template's header and identification, and the
/// rows given (row 2 onwards). `meta` overrides the identification when given.
pub fn fill(template: &[u8], rows: &[Vec<(usize, Typed)>], meta: Option<Vec<(String, String)>>) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let header = sheet_rows(template, "4W").remove(0);
    let meta = meta
        .unwrap_or_else(|| sheet_rows(template, "meta").iter().map(|r| (data_text(&r[0]), data_text(&r[1]))).collect());
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    {
        let ws = wb.add_worksheet().set_name("4W").unwrap();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, data_text(h)).unwrap();
        }
        for (i, row) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (c, v) in row {
                let c = *c as u16;
                match v {
                    Typed::Text(s) => ws.write_string(r, c, s).map(|_| ()),
                    Typed::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                    Typed::Date(y, m, d) => ws
                        .write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date)
                        .map(|_| ()),
                }
                .unwrap();
            }
        }
    }
    let ws = wb.add_worksheet().set_name("meta").unwrap();
    for (r, (a, b)) in meta.iter().enumerate() {
        ws.write_string(r as u32, 0, a).unwrap();
        ws.write_string(r as u32, 1, b).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// Runs the command line on the world's database.
pub fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

/// The files of an XLSX (a zip archive): name → content.
pub fn xlsx_parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.insert(name, s);
        }
    }
    out
}

/// The drop-down values of the template's hidden "lists" sheet, by column of that sheet.
pub fn lists(template: &[u8]) -> Vec<Vec<String>> {
    let rows = sheet_rows(template, "lists");
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(data_text).filter(|s| !s.is_empty()).collect())
        .collect()
}

/// The first drop-down value starting with `prefix`, as typed in the cell.
pub fn pick(list: &[String], prefix: &str) -> Typed {
    t(list.iter().find(|v| v.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix} not in {list:?}")))
}
