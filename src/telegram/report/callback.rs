//! Button data of the /report dialog and the correction of a returned line.

use crate::domain::fourw::{ActivityStatus, MAX_LINES};
use crate::telegram::shared::callback::{CallbackData, id, num, parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cb {
    /// A reporting month as yyyymm.
    FwMonth(u32),
    FwSeat {
        org: i64,
        mech: i64,
    },
    FwAdd,
    FwCopy,
    FwNone,
    /// A sector, by its position in the list of sectors.
    FwSector(u8),
    FwActivity(i64),
    /// A region P-code without "ML" (ML05 → 5).
    FwRegion(u16),
    /// A cercle P-code without "ML" (ML0507 → 507).
    FwCercle(u16),
    /// A commune P-code without "ML" (ML050701 → 50701).
    FwCommune(u32),
    /// Another page of the commune buttons.
    FwCommunePage(u16),
    FwStatus(ActivityStatus),
    /// A date as yyyymmdd.
    FwDate(u32),
    FwCount(u32),
    FwSkip,
    FwKeep,
    /// Edit a line (its index) of the review that showed draft `version`.
    FwEdit {
        line: u16,
        version: u32,
    },
    /// Delete a line (its index) of the review that showed draft `version`.
    FwDelete {
        line: u16,
        version: u32,
    },
    /// Submit the draft as the review showed it (its version).
    FwSubmit(u32),
    /// Another page of the review of draft `version`.
    FwPage {
        page: u16,
        version: u32,
    },
    FwCancel,
    FwDiscard(bool),
    /// The focal point opens /report on a returned line (its id).
    FwFix(i64),
    /// "Work in a spreadsheet": send the template.
    FwSheet,
    /// A population group, by its position in the list of groups.
    FwPop(u8),
    /// A modality (its id).
    FwModality(i64),
    /// "Same as above": the previous line's answer to this step.
    FwSame,
    /// People targeted: the same as those reached.
    FwSameReached,
}

fn status_code(s: ActivityStatus) -> &'static str {
    match s {
        ActivityStatus::Planned => "p",
        ActivityStatus::Ongoing => "o",
        ActivityStatus::Completed => "c",
    }
}

fn status_from(code: &str) -> Option<ActivityStatus> {
    match code {
        "p" => Some(ActivityStatus::Planned),
        "o" => Some(ActivityStatus::Ongoing),
        "c" => Some(ActivityStatus::Completed),
        _ => None,
    }
}

/// A line index (or a page number): below the cap of lines of a submission.
fn line(s: &str) -> Option<u16> {
    u16::try_from(num(s)?).ok().filter(|i| usize::from(*i) < MAX_LINES)
}

fn version(s: &str) -> Option<u32> {
    u32::try_from(num(s)?).ok()
}

impl CallbackData for Cb {
    fn encode(&self) -> String {
        match *self {
            Cb::FwMonth(m) => format!("fw:mo:{m}"),
            Cb::FwSeat { org, mech } => format!("fw:s:{org}:{mech}"),
            Cb::FwAdd => "fw:add".into(),
            Cb::FwCopy => "fw:copy".into(),
            Cb::FwNone => "fw:none".into(),
            Cb::FwSector(i) => format!("fw:sec:{i}"),
            Cb::FwActivity(a) => format!("fw:act:{a}"),
            Cb::FwRegion(r) => format!("fw:reg:{r}"),
            Cb::FwCercle(c) => format!("fw:cer:{c}"),
            Cb::FwCommune(c) => format!("fw:com:{c}"),
            Cb::FwCommunePage(p) => format!("fw:cpg:{p}"),
            Cb::FwStatus(s) => format!("fw:st:{}", status_code(s)),
            Cb::FwDate(d) => format!("fw:d:{d}"),
            Cb::FwCount(n) => format!("fw:n:{n}"),
            Cb::FwSkip => "fw:skip".into(),
            Cb::FwKeep => "fw:keep".into(),
            Cb::FwEdit { line, version } => format!("fw:ed:{line}:{version}"),
            Cb::FwDelete { line, version } => format!("fw:del:{line}:{version}"),
            Cb::FwSubmit(version) => format!("fw:sub:{version}"),
            Cb::FwPage { page, version } => format!("fw:pg:{page}:{version}"),
            Cb::FwCancel => "fw:cx".into(),
            Cb::FwDiscard(yes) => format!("fw:cx:{}", if yes { "y" } else { "n" }),
            Cb::FwFix(l) => format!("fw:fix:{l}"),
            Cb::FwSheet => "fw:sheet".into(),
            Cb::FwPop(i) => format!("fw:pop:{i}"),
            Cb::FwModality(m) => format!("fw:mod:{m}"),
            Cb::FwSame => "fw:same".into(),
            Cb::FwSameReached => "fw:tgr".into(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(match parts.as_slice() {
            ["fw", "mo", m] => Cb::FwMonth(
                u32::try_from(num(m)?)
                    .ok()
                    .filter(|m| (200001..=299912).contains(m) && (1..=12).contains(&(m % 100)))?,
            ),
            ["fw", "s", o, m] => Cb::FwSeat { org: id(o)?, mech: id(m)? },
            ["fw", "add"] => Cb::FwAdd,
            ["fw", "copy"] => Cb::FwCopy,
            ["fw", "none"] => Cb::FwNone,
            ["fw", "sec", i] => Cb::FwSector(u8::try_from(num(i)?).ok()?),
            ["fw", "act", a] => Cb::FwActivity(id(a)?),
            ["fw", "reg", r] => Cb::FwRegion(u16::try_from(num(r)?).ok().filter(|r| *r < 100)?),
            ["fw", "cer", c] => Cb::FwCercle(u16::try_from(num(c)?).ok().filter(|c| (100..10000).contains(c))?),
            ["fw", "com", c] => Cb::FwCommune(u32::try_from(num(c)?).ok().filter(|c| (10_000..1_000_000).contains(c))?),
            ["fw", "cpg", p] => Cb::FwCommunePage(line(p)?),
            ["fw", "st", s] => Cb::FwStatus(status_from(s)?),
            ["fw", "d", d] => Cb::FwDate(u32::try_from(num(d)?).ok().filter(|d| (20000101..=21001231).contains(d))?),
            ["fw", "n", n] => {
                Cb::FwCount(u32::try_from(num(n)?).ok().filter(|n| *n <= crate::domain::fourw::MAX_COUNT)?)
            }
            ["fw", "skip"] => Cb::FwSkip,
            ["fw", "keep"] => Cb::FwKeep,
            ["fw", "ed", i, v] => Cb::FwEdit { line: line(i)?, version: version(v)? },
            ["fw", "del", i, v] => Cb::FwDelete { line: line(i)?, version: version(v)? },
            ["fw", "sub", v] => Cb::FwSubmit(version(v)?),
            ["fw", "pg", p, v] => Cb::FwPage { page: line(p)?, version: version(v)? },
            ["fw", "cx"] => Cb::FwCancel,
            ["fw", "cx", "y"] => Cb::FwDiscard(true),
            ["fw", "cx", "n"] => Cb::FwDiscard(false),
            ["fw", "fix", l] => Cb::FwFix(id(l)?),
            ["fw", "sheet"] => Cb::FwSheet,
            ["fw", "pop", i] => Cb::FwPop(u8::try_from(num(i)?).ok()?),
            ["fw", "mod", m] => Cb::FwModality(id(m)?),
            ["fw", "same"] => Cb::FwSame,
            ["fw", "tgr"] => Cb::FwSameReached,
            _ => return None,
        })
    }
}
