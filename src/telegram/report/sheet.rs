//! "Work in a spreadsheet" in /report: the bot sends the organisation's template for the
//! month; the person sends the filled file back; the bot downloads it, checks every row and
//! answers with the rows in error or the review to submit. Nothing is saved before submitting.

use super::dialog::{ask, names, save};
use super::draft::{ReportDraft, Step};
use crate::domain::fivew::{CellError, RowError};
use crate::domain::fourw::{LineError, PersonalData};
use crate::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use crate::services::sheet::{self, Read, Refusal};
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::{BotDialogue, ButtonResult, HandlerResult, Turn};
use crate::xlsx::{self, Bound};
use teloxide::types::Document;

/// At most this many row problems are listed in one answer.
const SHOWN_ERRORS: usize = 40;

/// "Work in a spreadsheet" pressed: the template, with its lines so far, as a document.
pub(super) async fn send_template(turn: &mut Turn<'_>, dialogue: &BotDialogue, mut d: ReportDraft) -> ButtonResult {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let ctx = &turn.app.ctx;
    let bytes = match sheet::template(ctx, &turn.app.i18n, &turn.access, org, mech, month, turn.lang()).await {
        Ok(b) => b,
        Err(e @ crate::domain::AppError::Internal(_)) => return Err(e.into()),
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let (org_name, mech_code) = names(turn, &d).await?;
    d.step = Step::Sheet;
    save(dialogue, &d).await?;
    let caption = turn.t(FivewMsg::FwSheetCaption {
        org: org_name.clone(),
        mechanism: mech_code.clone(),
        month: month_label(month),
        rows: sheet::MAX_ROWS,
        mb: sheet::MAX_BYTES / (1024 * 1024),
    });
    let name = sheet::file_name(&org_name, &mech_code, month);
    turn.send_file(bytes, name, caption, None, false).await?;
    Ok(None)
}

fn refusal(r: &Refusal) -> Msg {
    let (reason, max, org, month) = match r {
        Refusal::NotSpreadsheet => ("not-spreadsheet", 0, String::new(), String::new()),
        Refusal::TooLarge { max_bytes } => ("too-large", max_bytes / (1024 * 1024), String::new(), String::new()),
        Refusal::TooManyRows { max } => ("too-many-rows", *max, String::new(), String::new()),
        Refusal::NotTemplate => ("not-template", 0, String::new(), String::new()),
        Refusal::OtherTemplate { org, mechanism, month } => {
            let month = crate::domain::fourw::ReportingMonth::parse(month).map(month_label).unwrap_or(month.clone());
            ("other-template", 0, format!("{org} — {mechanism}"), month)
        }
        Refusal::Empty => ("empty", 0, String::new(), String::new()),
        Refusal::Bound { bound, limit, cell } => return bound_refusal(*bound, *limit, cell.as_deref()),
        Refusal::TooSlow { secs } => {
            return FivewMsg::FwSheetBound { bound: "time", max: *secs, column: String::new(), cell: String::new() }
                .into();
        }
    };
    FivewMsg::FwSheetRefused { reason, max, org, month }.into()
}

/// A file past one of the bounds it is read under: which one, its limit, the cell at fault.
fn bound_refusal(bound: Bound, limit: u64, cell: Option<&str>) -> Msg {
    let mb = |b: u64| b / (1024 * 1024);
    let (id, max) = match bound {
        Bound::FileBytes | Bound::PartBytes | Bound::TotalBytes | Bound::TextBytes => (bound.id(), mb(limit)),
        Bound::CellChars if cell.is_none() => ("string-chars", limit),
        _ => (bound.id(), limit),
    };
    let column = if bound == Bound::Columns { xlsx::column_name(limit.saturating_sub(1)) } else { String::new() };
    FivewMsg::FwSheetBound { bound: id, max, column, cell: cell.unwrap_or_default().to_string() }.into()
}

fn reason(e: &CellError) -> Msg {
    let (reason, max) = match e {
        CellError::Missing => ("missing", 0),
        CellError::NotInList => ("not-in-list", 0),
        CellError::ActivityNotInSector => ("activity-not-in-sector", 0),
        CellError::ModalityNotInSector => ("modality-not-in-sector", 0),
        CellError::CommuneNotInCercle => ("commune-not-in-cercle", 0),
        CellError::NotADate => ("not-a-date", 0),
        CellError::Line(l) => match l {
            LineError::BadDate => ("bad-date", 0),
            LineError::EndBeforeStart => ("end-before-start", 0),
            LineError::OutsideMonth => ("outside-month", 0),
            LineError::BadCount { .. } => ("bad-count", 0),
            LineError::DisabledAboveTotal { .. } => ("disabled-above-total", 0),
            LineError::UnknownPlace => ("unknown-place", 0),
            LineError::CercleNotInRegion => ("cercle-not-in-region", 0),
            LineError::TooLong { max } => ("too-long", *max),
            LineError::Empty => ("missing", 0),
            LineError::PersonalData(PersonalData::Phone) => ("phone", 0),
            LineError::PersonalData(PersonalData::Email) => ("email", 0),
        },
    };
    FivewMsg::FwCellReason { reason, max }.into()
}

fn error_line(turn: &Turn<'_>, e: &RowError) -> String {
    turn.t(FivewMsg::FwSheetErrorLine {
        row: e.row,
        column: turn.t(ReportMsg::FwColumn { column: e.column.id().to_string() }),
        reason: turn.t(reason(&e.error)),
    })
}

/// A document sent during /report: downloaded (unless too large), read and checked.
pub(super) async fn file_received(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut d: ReportDraft,
    doc: &Document,
) -> HandlerResult {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return turn.hint().await;
    };
    if doc.file.size as usize > sheet::MAX_BYTES {
        turn.say(refusal(&Refusal::TooLarge { max_bytes: sheet::MAX_BYTES })).await?;
        return Ok(());
    }
    let bytes = turn.download(&doc.file.id, doc.file.size as usize).await?;
    let ctx = &turn.app.ctx;
    let read = match sheet::read(ctx, &turn.app.i18n, &turn.access, org, mech, month, &bytes).await {
        Ok(r) => r,
        Err(e @ crate::domain::AppError::Internal(_)) => return Err(e.into()),
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    match read {
        Read::Refused(r) => {
            turn.say(refusal(&r)).await?;
        }
        Read::Errors { errors, rows } => {
            let shown = errors.len().min(SHOWN_ERRORS);
            let mut text = vec![turn.t(FivewMsg::FwSheetErrors { count: errors.len(), rows, shown })];
            text.extend(errors.iter().take(SHOWN_ERRORS).map(|e| error_line(turn, e)));
            turn.say_long(text).await?;
        }
        Read::Lines(lines) => {
            let n = lines.len();
            d.lines = lines;
            d.page = 0;
            d.changed();
            d.editing = None;
            d.step = Step::Review;
            let prefix = turn.t(FivewMsg::FwSheetRead { lines: n });
            ask(turn, dialogue, &d, Some(prefix), None).await?;
        }
    }
    Ok(())
}
