//! 4W (issue 5): the /report dialog (month, organisation, lines one by one, review, submit,
//! "same as last month", "no activity"), /export in chat, and the delivery of the cycle's
//! reminders and post-deadline matrix.

use super::callback::Cb;
use super::delivery::{TelegramRunner, is_transient, permanent_reason};
use super::handlers::{BotDialogue, HandlerError, HandlerResult, Turn, button, kb};
use super::state::State;
use crate::domain::fourw::{
    self, ActivityStatus, Line, LineError, MAX_DONOR_CHARS, MAX_PARTNER_CHARS, MAX_REMARKS_CHARS, Reached,
    ReportingMonth, match_unit,
};
use crate::domain::jobs::FourwMsg;
use crate::domain::{Language, Person};
use crate::i18n::Msg;
use crate::scheduler::Outcome;
use crate::services::{export, reports as svc, wherewho};
use crate::storage::{people, reference, reports as store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, MessageId};
use teloxide::{ApiError, RequestError};

/// Telegram's limit on a document caption.
const CAPTION_LIMIT: usize = 1024;

/// Where the /report dialog is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    Month,
    Seat,
    Start,
    Sector,
    Activity,
    Region,
    Cercle,
    Status,
    StartDate,
    EndDate,
    Girls,
    Boys,
    Women,
    Men,
    Disabled,
    Partner,
    Donor,
    Remarks,
    Review,
}

/// The line being entered (or edited).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub sector: Option<String>,
    pub activity: Option<String>,
    pub region: Option<String>,
    pub cercle: Option<String>,
    pub status: Option<ActivityStatus>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub girls: Option<u32>,
    pub boys: Option<u32>,
    pub women: Option<u32>,
    pub men: Option<u32>,
    pub disabled: Option<u32>,
    pub partner: Option<String>,
    pub donor: Option<String>,
    pub remarks: Option<String>,
}

impl LineDraft {
    fn from_line(l: &Line) -> Self {
        Self {
            sector: Some(l.sector.clone()),
            activity: Some(l.activity.clone()),
            region: Some(l.region.clone()),
            cercle: Some(l.cercle.clone()),
            status: Some(l.status),
            start: Some(l.start),
            end: Some(l.end),
            girls: Some(l.reached.girls),
            boys: Some(l.reached.boys),
            women: Some(l.reached.women),
            men: Some(l.reached.men),
            disabled: Some(l.reached.disabled),
            partner: l.partner.clone(),
            donor: l.donor.clone(),
            remarks: l.remarks.clone(),
        }
    }

    fn to_line(&self) -> Option<Line> {
        Some(Line {
            sector: self.sector.clone()?,
            activity: self.activity.clone()?,
            region: self.region.clone()?,
            cercle: self.cercle.clone()?,
            status: self.status?,
            start: self.start?,
            end: self.end?,
            reached: Reached {
                girls: self.girls?,
                boys: self.boys?,
                women: self.women?,
                men: self.men?,
                disabled: self.disabled?,
                ..Default::default()
            },
            partner: self.partner.clone(),
            donor: self.donor.clone(),
            remarks: self.remarks.clone(),
            ..Default::default()
        })
    }

    fn total(&self) -> u64 {
        [self.girls, self.boys, self.women, self.men].iter().map(|n| u64::from(n.unwrap_or(0))).sum()
    }
}

/// The /report dialog so far; persisted at every step with the dialogue state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDraft {
    pub step: Step,
    pub month: Option<ReportingMonth>,
    pub org_id: Option<i64>,
    pub mechanism_id: Option<i64>,
    pub lines: Vec<Line>,
    pub line: LineDraft,
    /// The index of the line being edited (replaced when done).
    pub editing: Option<usize>,
    /// The submission's review status when the dialog started ("none" when new).
    pub submitted: String,
}

fn month_label(m: ReportingMonth) -> String {
    format!("{:02}/{}", m.month, m.year)
}

fn date_label(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn pcode_num(p: &str) -> Option<u16> {
    p.strip_prefix("ML")?.parse().ok()
}

fn region_code(n: u16) -> String {
    format!("ML{n:02}")
}

fn cercle_code(n: u16) -> String {
    format!("ML{n:04}")
}

fn line_error(e: &LineError, draft: &ReportDraft) -> Msg {
    match e {
        LineError::BadDate => Msg::FwBadDate,
        LineError::EndBeforeStart => {
            Msg::FwEndBeforeStart { start: draft.line.start.map(date_label).unwrap_or_default() }
        }
        LineError::OutsideMonth => Msg::FwOutsideMonth { month: draft.month.map(month_label).unwrap_or_default() },
        LineError::BadCount { max } => Msg::FwBadCount { max: *max },
        LineError::DisabledAboveTotal { disabled, total } => {
            Msg::FwDisabledAboveTotal { disabled: *disabled, total: u64::from(*total) }
        }
        LineError::UnknownPlace => Msg::FwUnknownPlace,
        LineError::CercleNotInRegion => Msg::FwCercleNotInRegion { region: String::new() },
        LineError::TooLong { max } => Msg::TextTooLong { max: *max },
        LineError::Empty => Msg::FreeTextHint,
        LineError::PersonalData(kind) => Msg::FwPersonalData { kind: kind.as_str().to_string() },
    }
}

async fn save(dialogue: &BotDialogue, draft: &ReportDraft) -> Result<(), HandlerError> {
    dialogue.update(State::Report(Box::new(draft.clone()))).await?;
    Ok(())
}

/// Shows the question of the current step (editing the message when given), after saving.
async fn ask(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    draft: &ReportDraft,
    prefix: Option<String>,
    edit: Option<MessageId>,
) -> HandlerResult {
    save(dialogue, draft).await?;
    let (question, k) = question(turn, draft).await?;
    let text = match prefix {
        Some(p) => format!("{p}\n{question}"),
        None => question,
    };
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, text).reply_markup(k).await?;
        }
        None => {
            turn.say_with(text, k).await?;
        }
    }
    Ok(())
}

fn rows_of(buttons: Vec<InlineKeyboardButton>, per_row: usize) -> Vec<Vec<InlineKeyboardButton>> {
    buttons.chunks(per_row).map(<[InlineKeyboardButton]>::to_vec).collect()
}

async fn question(turn: &Turn<'_>, d: &ReportDraft) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let db = &turn.app.ctx.db;
    let lang = turn.lang();
    let month = d.month.unwrap_or_else(|| svc::open_month(&turn.app.ctx));
    let mut rows: Vec<Vec<InlineKeyboardButton>> = vec![];
    let keep = |value: Option<String>| value.map(|v| vec![button(turn.t(Msg::BtnFwKeep { value: v }), Cb::FwKeep)]);
    let editing = d.editing.is_some();
    let text = match d.step {
        Step::Month => {
            let open = svc::open_month(&turn.app.ctx);
            rows.push(
                [open, open.previous()]
                    .into_iter()
                    .map(|m| {
                        button(
                            turn.t(Msg::BtnFwMonth { month: month_label(m) }),
                            Cb::FwMonth(m.year as u32 * 100 + m.month),
                        )
                    })
                    .collect(),
            );
            turn.t(Msg::FwChooseMonth { month: month_label(open) })
        }
        Step::Seat => {
            for (o, m) in svc::reporting_seats(&turn.access) {
                rows.push(vec![button(
                    turn.t(Msg::BtnFwSeat { org: o.acronym.clone(), mechanism: m.code.clone() }),
                    Cb::FwSeat { org: o.id, mech: m.id },
                )]);
            }
            turn.t(Msg::FwChooseSeat)
        }
        Step::Start => {
            let (org, mech) = names(turn, d).await?;
            rows.push(vec![button(turn.t(Msg::BtnFwAddLine), Cb::FwAdd)]);
            rows.push(vec![button(turn.t(Msg::BtnFwSameAsLast), Cb::FwCopy)]);
            rows.push(vec![button(turn.t(Msg::BtnFwNoActivity), Cb::FwNone)]);
            turn.t(Msg::FwStart {
                org,
                mechanism: mech,
                month: month_label(month),
                submitted: d.submitted.clone(),
                lines: d.lines.len(),
            })
        }
        Step::Sector => {
            let sectors = store::sectors(db).await?;
            let buttons = sectors
                .iter()
                .enumerate()
                .map(|(i, s)| button(format!("{} — {}", s.code, s.name(lang)), Cb::FwSector(i as u8)))
                .collect();
            rows = rows_of(buttons, 1);
            if editing {
                rows.extend(keep(d.line.sector.clone()));
            }
            turn.t(Msg::FwAskSector)
        }
        Step::Activity => {
            let sector = d.line.sector.clone().unwrap_or_default();
            let list = store::activities(db, Some(&sector)).await?;
            rows = rows_of(list.iter().map(|a| button(a.name(lang).to_string(), Cb::FwActivity(a.id))).collect(), 1);
            if editing && d.line.activity.is_some() {
                let current = match &d.line.activity {
                    Some(code) => store::activity_by_code(db, code).await?.map(|a| a.name(lang).to_string()),
                    None => None,
                };
                rows.extend(keep(current));
            }
            turn.t(Msg::FwAskActivity { sector })
        }
        Step::Region => {
            let units = store::units(db, None).await?;
            let buttons =
                units.iter().filter_map(|(p, n)| Some(button(n.clone(), Cb::FwRegion(pcode_num(p)?)))).collect();
            rows = rows_of(buttons, 3);
            if editing {
                rows.extend(keep(unit_label(turn, &d.line.region).await?));
            }
            turn.t(Msg::FwAskRegion)
        }
        Step::Cercle => {
            let region = d.line.region.clone().unwrap_or_default();
            let units = store::units(db, Some(&region)).await?;
            let buttons =
                units.iter().filter_map(|(p, n)| Some(button(n.clone(), Cb::FwCercle(pcode_num(p)?)))).collect();
            rows = rows_of(buttons, 3);
            if editing && d.line.cercle.as_deref().is_some_and(|c| c.starts_with(&region)) {
                rows.extend(keep(unit_label(turn, &d.line.cercle).await?));
            }
            let name = store::unit_name(db, &region).await?.unwrap_or(region);
            turn.t(Msg::FwAskCercle { region: name })
        }
        Step::Status => {
            rows.push(
                ActivityStatus::ALL
                    .into_iter()
                    .map(|s| button(turn.t(Msg::BtnFwStatus { status: s.as_str().into() }), Cb::FwStatus(s)))
                    .collect(),
            );
            if editing {
                rows.extend(keep(d.line.status.map(|s| turn.t(Msg::FwStatus { status: s.as_str().into() }))));
            }
            turn.t(Msg::FwAskStatus)
        }
        Step::StartDate => {
            let first = month.first_day();
            rows.push(vec![button(turn.t(Msg::BtnFwFirstDay { date: date_label(first) }), Cb::FwDate(ymd(first)))]);
            if editing {
                rows.extend(keep(d.line.start.map(date_label)));
            }
            turn.t(Msg::FwAskStart { month: month_label(month) })
        }
        Step::EndDate => {
            let last = month.last_day();
            rows.push(vec![button(turn.t(Msg::BtnFwLastDay { date: date_label(last) }), Cb::FwDate(ymd(last)))]);
            if editing {
                rows.extend(keep(d.line.end.map(date_label)));
            }
            turn.t(Msg::FwAskEnd)
        }
        Step::Girls | Step::Boys | Step::Women | Step::Men => {
            let (field, current) = match d.step {
                Step::Girls => ("girls", d.line.girls),
                Step::Boys => ("boys", d.line.boys),
                Step::Women => ("women", d.line.women),
                _ => ("men", d.line.men),
            };
            rows.push(vec![button("0".into(), Cb::FwCount(0))]);
            if editing {
                rows.extend(keep(current.map(|n| n.to_string())));
            }
            turn.t(Msg::FwAskCount { field: field.into() })
        }
        Step::Disabled => {
            rows.push(vec![button("0".into(), Cb::FwCount(0))]);
            if editing && d.line.disabled.is_some_and(|n| u64::from(n) <= d.line.total()) {
                rows.extend(keep(d.line.disabled.map(|n| n.to_string())));
            }
            turn.t(Msg::FwAskDisabled { total: d.line.total() })
        }
        Step::Partner | Step::Donor | Step::Remarks => {
            let (msg, current) = match d.step {
                Step::Partner => (Msg::FwAskPartner, &d.line.partner),
                Step::Donor => (Msg::FwAskDonor, &d.line.donor),
                _ => (Msg::FwAskRemarks, &d.line.remarks),
            };
            rows.push(vec![button(turn.t(Msg::BtnSkip), Cb::FwSkip)]);
            if editing {
                rows.extend(keep(current.clone()));
            }
            turn.t(msg)
        }
        Step::Review => {
            let (org, mech) = names(turn, d).await?;
            let mut lines = vec![turn.t(Msg::FwReviewHeader {
                org,
                mechanism: mech,
                month: month_label(month),
                count: d.lines.len(),
            })];
            for (i, l) in d.lines.iter().enumerate() {
                let activity = store::activity_by_code(db, &l.activity)
                    .await?
                    .map(|a| a.name(lang).to_string())
                    .unwrap_or_else(|| l.activity.clone());
                let cercle = store::unit_name(db, &l.cercle).await?.unwrap_or_else(|| l.cercle.clone());
                lines.push(turn.t(Msg::FwReviewLine {
                    n: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    activity,
                    cercle,
                    status: turn.t(Msg::FwStatus { status: l.status.as_str().into() }),
                    period: format!("{} → {}", date_label(l.start), date_label(l.end)),
                    total: l.reached.total(),
                    disabled: l.reached.disabled,
                }));
                if i < 40 {
                    rows.push(vec![
                        button(turn.t(Msg::BtnFwEdit { n: i + 1 }), Cb::FwEdit(i as u8)),
                        button(turn.t(Msg::BtnFwDelete { n: i + 1 }), Cb::FwDelete(i as u8)),
                    ]);
                }
            }
            if d.lines.len() < 40 {
                rows.push(vec![button(turn.t(Msg::BtnFwAddAnother), Cb::FwAdd)]);
            }
            if !d.lines.is_empty() {
                rows.push(vec![button(turn.t(Msg::BtnFwSubmit), Cb::FwSubmit)]);
            }
            lines.join("\n")
        }
    };
    rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::FwCancel)]);
    Ok((text, kb(rows)))
}

fn ymd(d: NaiveDate) -> u32 {
    use chrono::Datelike;
    d.year() as u32 * 10000 + d.month() * 100 + d.day()
}

async fn unit_label(turn: &Turn<'_>, pcode: &Option<String>) -> Result<Option<String>, HandlerError> {
    Ok(match pcode {
        Some(p) => store::unit_name(&turn.app.ctx.db, p).await?,
        None => None,
    })
}

async fn names(turn: &Turn<'_>, d: &ReportDraft) -> Result<(String, String), HandlerError> {
    let db = &turn.app.ctx.db;
    let org = match d.org_id {
        Some(id) => reference::organisation_by_id(db, id).await?.map(|o| o.acronym).unwrap_or_default(),
        None => String::new(),
    };
    let mech = match d.mechanism_id {
        Some(id) => reference::mechanism_by_id(db, id).await?.map(|m| m.code).unwrap_or_default(),
        None => String::new(),
    };
    Ok((org, mech))
}

// ---------------------------------------------------------------- /report

pub(super) async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if svc::reporting_seats(&turn.access).is_empty() {
        turn.say(Msg::FwNotReporter).await?;
        return Ok(());
    }
    ask(turn, dialogue, &ReportDraft::default(), None, None).await
}

/// After the month (and the seat when there are several): the start screen, or the review of
/// what was already submitted.
async fn open_seat(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    mut d: ReportDraft,
    edit: Option<MessageId>,
) -> HandlerResult {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return ask(turn, dialogue, &d, None, edit).await;
    };
    d.submitted = "none".into();
    if let Some((s, lines)) = svc::existing(&turn.app.ctx, org, mech, month).await? {
        d.submitted = s.status.as_str().into();
        d.lines = lines;
    }
    d.step = if d.lines.is_empty() { Step::Start } else { Step::Review };
    ask(turn, dialogue, &d, None, edit).await
}

/// /cancel during the dialog: ask before discarding the draft.
pub(super) async fn ask_cancel(turn: &Turn<'_>, edit: Option<MessageId>) -> HandlerResult {
    let k = kb(vec![vec![
        button(turn.t(Msg::BtnFwDiscard), Cb::FwDiscard(true)),
        button(turn.t(Msg::BtnFwContinue), Cb::FwDiscard(false)),
    ]]);
    let text = turn.t(Msg::FwCancelAsk);
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, text).reply_markup(k).await?;
        }
        None => {
            turn.say_with(text, k).await?;
        }
    }
    Ok(())
}

/// Moves to the step after `d.step` in the line, finishing the line after the remarks.
fn advance(d: &mut ReportDraft) {
    d.step = match d.step {
        Step::Sector => Step::Activity,
        Step::Activity => Step::Region,
        Step::Region => Step::Cercle,
        Step::Cercle => Step::Status,
        Step::Status => Step::StartDate,
        Step::StartDate => Step::EndDate,
        Step::EndDate => Step::Girls,
        Step::Girls => Step::Boys,
        Step::Boys => Step::Women,
        Step::Women => Step::Men,
        Step::Men => Step::Disabled,
        Step::Disabled => Step::Partner,
        Step::Partner => Step::Donor,
        Step::Donor => Step::Remarks,
        Step::Remarks => {
            if let Some(line) = d.line.to_line() {
                match d.editing.take() {
                    Some(i) if i < d.lines.len() => d.lines[i] = line,
                    _ => d.lines.push(line),
                }
            }
            d.line = LineDraft::default();
            Step::Review
        }
        other => other,
    };
}

fn set_count(d: &mut ReportDraft, n: u32) -> Result<(), LineError> {
    match d.step {
        Step::Girls => d.line.girls = Some(n),
        Step::Boys => d.line.boys = Some(n),
        Step::Women => d.line.women = Some(n),
        Step::Men => d.line.men = Some(n),
        Step::Disabled => {
            fourw::check_disabled(n, u32::try_from(d.line.total()).unwrap_or(u32::MAX))?;
            d.line.disabled = Some(n);
        }
        _ => {}
    }
    Ok(())
}

fn set_date(d: &mut ReportDraft, date: NaiveDate) -> Result<(), LineError> {
    let month = d.month.ok_or(LineError::BadDate)?;
    match d.step {
        Step::StartDate => {
            if date > month.last_day() {
                return Err(LineError::OutsideMonth);
            }
            d.line.start = Some(date);
            // An end kept from an edit must still follow the start.
            if d.line.end.is_some_and(|e| e < date) {
                d.line.end = None;
            }
        }
        Step::EndDate => {
            let start = d.line.start.ok_or(LineError::BadDate)?;
            fourw::check_dates(start, date, month)?;
            d.line.end = Some(date);
        }
        _ => {}
    }
    Ok(())
}

pub(super) async fn text(turn: &mut Turn<'_>, dialogue: &BotDialogue, mut d: ReportDraft, text: &str) -> HandlerResult {
    let db = &turn.app.ctx.db;
    let result: Result<(), Msg> = match d.step {
        Step::Region => {
            let units = store::units(db, None).await?;
            match match_unit(text, &units) {
                Some((p, _)) => {
                    if d.line.region.as_deref() != Some(p) {
                        d.line.cercle = None;
                    }
                    d.line.region = Some(p.clone());
                    Ok(())
                }
                None => Err(Msg::FwUnknownPlace),
            }
        }
        Step::Cercle => {
            let region = d.line.region.clone().unwrap_or_default();
            let units = store::units(db, Some(&region)).await?;
            match match_unit(text, &units) {
                Some((p, _)) => {
                    d.line.cercle = Some(p.clone());
                    Ok(())
                }
                None => {
                    // A cercle of another region, or nothing known?
                    let mut elsewhere = false;
                    for (r, _) in store::units(db, None).await? {
                        if match_unit(text, &store::units(db, Some(&r)).await?).is_some() {
                            elsewhere = true;
                            break;
                        }
                    }
                    if elsewhere {
                        let name = store::unit_name(db, &region).await?.unwrap_or(region);
                        Err(Msg::FwCercleNotInRegion { region: name })
                    } else {
                        Err(Msg::FwUnknownPlace)
                    }
                }
            }
        }
        Step::StartDate | Step::EndDate => {
            fourw::parse_date(text).and_then(|date| set_date(&mut d, date)).map_err(|e| line_error(&e, &d))
        }
        Step::Girls | Step::Boys | Step::Women | Step::Men | Step::Disabled => {
            fourw::parse_count(text).and_then(|n| set_count(&mut d, n)).map_err(|e| line_error(&e, &d))
        }
        Step::Partner | Step::Donor | Step::Remarks => {
            let max = match d.step {
                Step::Partner => MAX_PARTNER_CHARS,
                Step::Donor => MAX_DONOR_CHARS,
                _ => MAX_REMARKS_CHARS,
            };
            match fourw::check_free_text(text, max) {
                Ok(t) => {
                    match d.step {
                        Step::Partner => d.line.partner = Some(t),
                        Step::Donor => d.line.donor = Some(t),
                        _ => d.line.remarks = Some(t),
                    }
                    Ok(())
                }
                Err(e) => Err(line_error(&e, &d)),
            }
        }
        // The other steps expect a button.
        _ => Err(Msg::FreeTextHint),
    };
    match result {
        Ok(()) => {
            advance(&mut d);
            ask(turn, dialogue, &d, None, None).await
        }
        Err(why) => ask(turn, dialogue, &d, Some(turn.t(why)), None).await,
    }
}

pub(super) async fn button_press(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut d: ReportDraft,
    cb: Cb,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let db = &turn.app.ctx.db;
    let edit = Some(message_id);
    match (cb, d.step) {
        (Cb::FwCancel, _) => ask_cancel(turn, edit).await?,
        (Cb::FwDiscard(true), _) => {
            dialogue.exit().await?;
            turn.bot.edit_message_text(turn.chat, message_id, turn.t(Msg::CancelDone)).await?;
        }
        (Cb::FwDiscard(false), _) => ask(turn, dialogue, &d, None, edit).await?,
        (Cb::FwMonth(v), Step::Month) => {
            let open = svc::open_month(&turn.app.ctx);
            let Some(month) = [open, open.previous()].into_iter().find(|m| m.year as u32 * 100 + m.month == v) else {
                return Ok(Some(Msg::ButtonExpired));
            };
            d.month = Some(month);
            let seats = svc::reporting_seats(&turn.access);
            if let [(o, m)] = seats.as_slice() {
                d.org_id = Some(o.id);
                d.mechanism_id = Some(m.id);
                open_seat(turn, dialogue, d, edit).await?;
            } else {
                d.step = Step::Seat;
                ask(turn, dialogue, &d, None, edit).await?;
            }
        }
        (Cb::FwSeat { org, mech }, Step::Seat) => {
            if !svc::reporting_seats(&turn.access).iter().any(|(o, m)| o.id == org && m.id == mech) {
                return Ok(Some(Msg::NotAllowed));
            }
            d.org_id = Some(org);
            d.mechanism_id = Some(mech);
            open_seat(turn, dialogue, d, edit).await?;
        }
        (Cb::FwAdd, Step::Start | Step::Review) => {
            d.line = LineDraft::default();
            d.editing = None;
            d.step = Step::Sector;
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwCopy, Step::Start) => {
            let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
                return Ok(Some(Msg::ButtonExpired));
            };
            let copied = svc::same_as_last_month(&turn.app.ctx, org, mech, month).await?;
            if copied.is_empty() {
                let why = turn.t(Msg::FwNoLastMonth { month: month_label(month.previous()) });
                ask(turn, dialogue, &d, Some(why), edit).await?;
            } else {
                d.lines = copied;
                d.step = Step::Review;
                ask(turn, dialogue, &d, None, edit).await?;
            }
        }
        (Cb::FwNone, Step::Start) => return submit(turn, dialogue, d, true, message_id).await,
        (Cb::FwSubmit, Step::Review) => return submit(turn, dialogue, d, false, message_id).await,
        (Cb::FwEdit(i), Step::Review) if usize::from(i) < d.lines.len() => {
            d.line = LineDraft::from_line(&d.lines[usize::from(i)]);
            d.editing = Some(usize::from(i));
            d.step = Step::Sector;
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwDelete(i), Step::Review) if usize::from(i) < d.lines.len() => {
            d.lines.remove(usize::from(i));
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwSector(i), Step::Sector) => {
            let sectors = store::sectors(db).await?;
            let Some(s) = sectors.get(usize::from(i)) else { return Ok(Some(Msg::ButtonExpired)) };
            if d.line.sector.as_deref() != Some(&s.code) {
                d.line.activity = None;
            }
            d.line.sector = Some(s.code.clone());
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwActivity(id), Step::Activity) => {
            let Some(a) = store::activity_by_id(db, id).await? else { return Ok(Some(Msg::ButtonExpired)) };
            if d.line.sector.as_deref() != Some(&a.sector_code) {
                return Ok(Some(Msg::ButtonExpired));
            }
            d.line.activity = Some(a.code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwRegion(n), Step::Region) => {
            let code = region_code(n);
            if store::units(db, None).await?.iter().all(|(p, _)| *p != code) {
                return Ok(Some(Msg::ButtonExpired));
            }
            if d.line.region.as_deref() != Some(&code) {
                d.line.cercle = None;
            }
            d.line.region = Some(code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwCercle(n), Step::Cercle) => {
            let code = cercle_code(n);
            let region = d.line.region.clone().unwrap_or_default();
            if store::units(db, Some(&region)).await?.iter().all(|(p, _)| *p != code) {
                return Ok(Some(Msg::ButtonExpired));
            }
            d.line.cercle = Some(code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwStatus(s), Step::Status) => {
            d.line.status = Some(s);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwDate(v), Step::StartDate | Step::EndDate) => {
            let Some(date) = NaiveDate::from_ymd_opt((v / 10000) as i32, (v / 100) % 100, v % 100) else {
                return Ok(Some(Msg::ButtonExpired));
            };
            match set_date(&mut d, date) {
                Ok(()) => {
                    advance(&mut d);
                    ask(turn, dialogue, &d, None, edit).await?;
                }
                Err(e) => {
                    let why = turn.t(line_error(&e, &d));
                    ask(turn, dialogue, &d, Some(why), edit).await?;
                }
            }
        }
        (Cb::FwCount(n), Step::Girls | Step::Boys | Step::Women | Step::Men | Step::Disabled) => {
            match set_count(&mut d, n) {
                Ok(()) => {
                    advance(&mut d);
                    ask(turn, dialogue, &d, None, edit).await?;
                }
                Err(e) => {
                    let why = turn.t(line_error(&e, &d));
                    ask(turn, dialogue, &d, Some(why), edit).await?;
                }
            }
        }
        (Cb::FwSkip, Step::Partner | Step::Donor | Step::Remarks) => {
            match d.step {
                Step::Partner => d.line.partner = None,
                Step::Donor => d.line.donor = None,
                _ => d.line.remarks = None,
            }
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwKeep, step) if d.editing.is_some() && keepable(&d, step) => {
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        _ => return Ok(Some(Msg::ButtonExpired)),
    }
    Ok(None)
}

/// Whether the current value of a step may be kept as it is (it exists and is still valid).
fn keepable(d: &ReportDraft, step: Step) -> bool {
    let l = &d.line;
    match step {
        Step::Sector => l.sector.is_some(),
        Step::Activity => l.activity.is_some(),
        Step::Region => l.region.is_some(),
        Step::Cercle => l.cercle.as_deref().zip(l.region.as_deref()).is_some_and(|(c, r)| c.starts_with(r)),
        Step::Status => l.status.is_some(),
        Step::StartDate => l.start.is_some(),
        Step::EndDate => l.end.is_some(),
        Step::Girls => l.girls.is_some(),
        Step::Boys => l.boys.is_some(),
        Step::Women => l.women.is_some(),
        Step::Men => l.men.is_some(),
        Step::Disabled => l.disabled.is_some_and(|n| u64::from(n) <= l.total()),
        Step::Partner => l.partner.is_some(),
        Step::Donor => l.donor.is_some(),
        Step::Remarks => l.remarks.is_some(),
        _ => false,
    }
}

async fn submit(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    d: ReportDraft,
    no_activity: bool,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return Ok(Some(Msg::ButtonExpired));
    };
    let lines: &[Line] = if no_activity { &[] } else { &d.lines };
    match svc::submit(&turn.app.ctx, &turn.access, org, mech, month, lines, no_activity).await {
        Ok(Ok(done)) => {
            dialogue.exit().await?;
            let text = if no_activity {
                turn.t(Msg::FwNoActivityDone { month: month_label(month), late: done.late })
            } else {
                turn.t(Msg::FwSubmitted { month: month_label(month), count: done.lines, late: done.late })
            };
            turn.bot.edit_message_text(turn.chat, message_id, text).await?;
            Ok(None)
        }
        Ok(Err((i, e))) => {
            let why = format!("{} {}", turn.t(Msg::FwLineInvalid { n: i + 1 }), turn.t(line_error(&e, &d)));
            ask(turn, dialogue, &d, Some(why), Some(message_id)).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

// ---------------------------------------------------------------- /export

pub(super) async fn export(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let month = match args.first() {
        Some(raw) => match ReportingMonth::parse(raw) {
            Ok(m) => m,
            Err(_) => {
                turn.say(Msg::FwExportBadMonth).await?;
                return Ok(());
            }
        },
        None => svc::open_month(&turn.app.ctx),
    };
    let ctx = &turn.app.ctx;
    let scopes: Vec<Option<crate::domain::Mechanism>> = if turn.access.coordinator {
        vec![None]
    } else {
        crate::storage::memberships::chaired_mechanisms(&ctx.db, turn.access.person.id)
            .await?
            .into_iter()
            .map(Some)
            .collect()
    };
    for scope in scopes {
        let table =
            export::month_table(&ctx.db, month, scope.as_ref().map(|m| m.id), turn.lang(), &turn.app.i18n, ctx.tz)
                .await?;
        let ww = wherewho::of_month(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let bytes = export::to_xlsx(&table, &[wherewho::sheet(&ww, turn.lang(), &turn.app.i18n)])?;
        let name = export::file_name(month, scope.as_ref().map(|m| m.code.as_str()), export::Format::Xlsx);
        let scope_label = match &scope {
            Some(m) => m.code.clone(),
            None => turn.t(Msg::FwExportAll),
        };
        turn.bot
            .send_document(turn.chat, InputFile::memory(bytes).file_name(name))
            .caption(turn.t(Msg::FwExportCaption { month: month_label(month), scope: scope_label }))
            .protect_content(true)
            .await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- the cycle's deliveries

/// Sends one 4W message of the cycle to one person.
pub(super) async fn deliver(runner: &TelegramRunner, person_id: i64, msg: &FourwMsg) -> Outcome {
    let person = match people::by_id(&runner.app.ctx.db, person_id).await {
        Ok(Some(p)) => p,
        Ok(None) => return Outcome::Skipped("recipient unknown".into()),
        Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
    };
    let sent = match render_and_send(runner, &person, msg).await {
        Ok(Ok(())) => return Outcome::Done,
        Ok(Err(reason)) => return Outcome::Skipped(reason),
        Err(SendError::App(e)) => return Outcome::Retry { after: None, error: e.to_string() },
        Err(SendError::Telegram(e)) => e,
    };
    match sent {
        RequestError::RetryAfter(secs) => {
            runner.pacer.back_off(secs.duration());
            Outcome::Retry { after: Some(secs.duration()), error: "429 Too Many Requests".into() }
        }
        e if permanent_reason(&e).is_some() => Outcome::Failed(format!("{}: {e}", permanent_reason(&e).unwrap_or(""))),
        e if is_transient(&e) => Outcome::Retry { after: None, error: e.to_string() },
        RequestError::Api(ApiError::Unknown(e)) => Outcome::Retry { after: None, error: e },
        e => Outcome::Failed(e.to_string()),
    }
}

enum SendError {
    App(crate::domain::AppError),
    Telegram(RequestError),
}

impl From<crate::domain::AppError> for SendError {
    fn from(e: crate::domain::AppError) -> Self {
        SendError::App(e)
    }
}

impl From<RequestError> for SendError {
    fn from(e: RequestError) -> Self {
        SendError::Telegram(e)
    }
}

async fn render_and_send(
    runner: &TelegramRunner,
    person: &Person,
    msg: &FourwMsg,
) -> Result<Result<(), String>, SendError> {
    let app = &runner.app;
    let ctx = &app.ctx;
    let lang: Language = person.language;
    let t = |m: Msg| app.i18n.render(lang, &m);
    let chat = ChatId(person.telegram_id);
    match msg {
        FourwMsg::Reminder { mechanism_id, organisation_id, year, month, stage } => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            if store::submission(&ctx.db, *organisation_id, *mechanism_id, rm).await?.is_some() {
                return Ok(Err("the organisation has submitted meanwhile".into()));
            }
            let (Some(org), Some(mech)) = (
                reference::organisation_by_id(&ctx.db, *organisation_id).await?,
                reference::mechanism_by_id(&ctx.db, *mechanism_id).await?,
            ) else {
                return Ok(Err("unknown organisation or mechanism".into()));
            };
            let text = t(Msg::FwReminder {
                org: org.acronym,
                mechanism: mech.name(lang).to_string(),
                month: month_label(rm),
                deadline: date_label(rm.deadline(svc::deadline_day())),
                stage: match stage.as_str() {
                    "open" => "open",
                    "before" => "before",
                    _ => "deadline",
                },
            });
            runner.pacer.acquire(chat.0).await;
            runner.bot.send_message(chat, text).await?;
        }
        FourwMsg::Matrix { mechanism_id, year, month } => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            let Some(mech) = reference::mechanism_by_id(&ctx.db, *mechanism_id).await? else {
                return Ok(Err("unknown mechanism".into()));
            };
            let missing: Vec<String> =
                svc::missing(ctx, mech.id, rm).await?.into_iter().map(|(o, _)| o.acronym).collect();
            let list = if missing.is_empty() { t(Msg::FwMissingNone) } else { missing.join(", ") };
            let caption: String = t(Msg::FwMatrixCaption {
                month: month_label(rm),
                mechanism: mech.name(lang).to_string(),
                count: missing.len(),
                missing: list,
            })
            .chars()
            .take(CAPTION_LIMIT)
            .collect();
            let table = export::month_table(&ctx.db, rm, Some(mech.id), lang, &app.i18n, ctx.tz).await?;
            let ww = wherewho::of_month(&ctx.db, rm, Some(mech.id)).await?;
            let bytes = export::to_xlsx(&table, &[wherewho::sheet(&ww, lang, &app.i18n)])?;
            let name = export::file_name(rm, Some(&mech.code), export::Format::Xlsx);
            runner.pacer.acquire(chat.0).await;
            runner
                .bot
                .send_document(chat, InputFile::memory(bytes).file_name(name))
                .caption(caption)
                .protect_content(true)
                .await?;
        }
        // 4W review (issue 5)
        FourwMsg::Returned { line_id } => {
            let Some(line) = store::review_line(&ctx.db, *line_id).await? else {
                return Ok(Err("the line was replaced meanwhile".into()));
            };
            if line.review_status != "returned" {
                return Ok(Err("the line was corrected meanwhile".into()));
            }
            let Ok(rm) = ReportingMonth::parse(&line.month) else {
                return Ok(Err("invalid month".into()));
            };
            let mechanism = reference::mechanism_by_id(&ctx.db, line.mechanism_id)
                .await?
                .map(|m| m.name(lang).to_string())
                .unwrap_or_else(|| line.mechanism.clone());
            let text = format!(
                "{}\n{}",
                t(Msg::FwReturnedNotice {
                    month: month_label(rm),
                    org: line.org.clone(),
                    mechanism,
                    line: line.position + 1
                }),
                t(Msg::FwReturnedWhat {
                    activity: line.activity(lang).to_string(),
                    cercle: line.cercle_name.clone(),
                    comment: line.return_comment.clone().unwrap_or_default(),
                })
            );
            let k = kb(vec![vec![button(t(Msg::BtnFwFix { line: line.position + 1 }), Cb::FwFix(line.id))]]);
            runner.pacer.acquire(chat.0).await;
            runner.bot.send_message(chat, text).reply_markup(k).await?;
        }
        FourwMsg::Approved { .. } | FourwMsg::Corrected { .. } => {
            return Ok(Err("approval notices are not rendered in the chat yet".into()));
        }
    }
    Ok(Ok(()))
}

// ---------------------------------------------------------------- 4W review (issue 5)

/// At most this many lines (with their ↩ buttons) in one /review message.
const REVIEW_CAP: usize = 30;
/// At most this many gaps and duplications each in the /wherewho message.
const WHERE_WHO_CAP: usize = 5;

/// The month of /review or /wherewho: the one typed, else the open one. None after a reply.
async fn month_arg(turn: &Turn<'_>, args: &[&str], command: &str) -> Result<Option<ReportingMonth>, HandlerError> {
    Ok(match args.first() {
        Some(raw) => match ReportingMonth::parse(raw) {
            Ok(m) => Some(m),
            Err(_) => {
                turn.say(Msg::FwBadMonthFor { command: command.into() }).await?;
                None
            }
        },
        None => Some(svc::open_month(&turn.app.ctx)),
    })
}

fn scope_label(turn: &Turn<'_>, scope: &Option<crate::domain::Mechanism>) -> String {
    match scope {
        Some(m) => m.code.clone(),
        None => turn.t(Msg::FwExportAll),
    }
}

/// /review [YYYY-MM]: the month's lines of the chair's mechanisms (all for a coordinator), with
/// a ↩ button per line that can be returned.
pub(super) async fn review(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let Some(month) = month_arg(turn, args, "review").await? else { return Ok(()) };
    let ctx = &turn.app.ctx;
    for scope in svc::review_scopes(ctx, &turn.access).await? {
        let lines = store::review_lines(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let label = scope_label(turn, &scope);
        if lines.is_empty() {
            turn.say(Msg::FwReviewNone { month: month_label(month), scope: label }).await?;
            continue;
        }
        let shown = lines.len().min(REVIEW_CAP);
        let mut text = vec![turn.t(Msg::FwReviewHeaderList {
            month: month_label(month),
            scope: label,
            count: lines.len(),
            shown,
        })];
        let mut buttons = Vec::new();
        for (i, l) in lines.iter().take(REVIEW_CAP).enumerate() {
            text.push(turn.t(Msg::FwReviewItem {
                n: i + 1,
                org: l.org.clone(),
                line: l.position + 1,
                what: turn.t(Msg::FwReviewWhat {
                    activity: l.activity(turn.lang()).to_string(),
                    cercle: l.cercle_name.clone(),
                    pcode: l.cercle_pcode.clone(),
                }),
                total: l.total,
                status: turn.t(Msg::FwReviewStatus { status: l.review_status.clone() }),
            }));
            if l.review_status != "returned" {
                buttons.push(button(turn.t(Msg::BtnFwReturn { n: i + 1 }), Cb::FwReturn(l.id)));
            }
        }
        turn.say_with(text.join("\n"), kb(rows_of(buttons, 3))).await?;
    }
    Ok(())
}

/// ↩ pressed: checks the line and the reviewer, then asks for the comment.
pub(super) async fn return_pressed(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    line_id: i64,
) -> Result<Option<Msg>, HandlerError> {
    let Some(line) = store::review_line(&turn.app.ctx.db, line_id).await? else {
        return Ok(Some(Msg::ButtonExpired));
    };
    if !svc::may_review(&turn.access, Some(line.mechanism_id)) {
        return Ok(Some(Msg::NotAllowed));
    }
    if line.review_status == "returned" {
        return Ok(Some(Msg::ButtonExpired));
    }
    dialogue.update(State::FwReturnComment { line_id }).await?;
    let text = turn.t(Msg::FwReturnAskComment {
        org: line.org.clone(),
        line: line.position + 1,
        activity: line.activity(turn.lang()).to_string(),
        cercle: line.cercle_name.clone(),
        max: fourw::MAX_COMMENT_CHARS,
    });
    turn.say_with(text, kb(vec![vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]])).await?;
    Ok(None)
}

/// The comment typed: the line is returned and the organisation told (or the comment refused
/// with the reason, and asked again).
pub(super) async fn return_comment(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    line_id: i64,
    text: &str,
) -> HandlerResult {
    match svc::return_line(&turn.app.ctx, &turn.access, line_id, text).await {
        Ok(Ok(line)) => {
            dialogue.exit().await?;
            turn.say(Msg::FwReturnDone { org: line.org, line: line.position + 1 }).await?;
        }
        Ok(Err(e)) => {
            let why = match e {
                LineError::TooLong { max } => Msg::TextTooLong { max },
                LineError::PersonalData(kind) => Msg::FwPersonalData { kind: kind.as_str().to_string() },
                _ => Msg::FreeTextHint,
            };
            turn.say_with(turn.t(why), kb(vec![vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]])).await?;
        }
        Err(e) => {
            dialogue.exit().await?;
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}

/// "Correct line N" pressed by the focal point or alternate: /report opens on that line.
pub(super) async fn fix_pressed(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    line_id: i64,
) -> Result<Option<Msg>, HandlerError> {
    let Some(line) = store::review_line(&turn.app.ctx.db, line_id).await? else {
        return Ok(Some(Msg::ButtonExpired));
    };
    if !svc::reporting_seats(&turn.access)
        .iter()
        .any(|(o, m)| o.id == line.organisation_id && m.id == line.mechanism_id)
    {
        return Ok(Some(Msg::NotAllowed));
    }
    let Ok(month) = ReportingMonth::parse(&line.month) else { return Ok(Some(Msg::ButtonExpired)) };
    let Some((s, lines)) = svc::existing(&turn.app.ctx, line.organisation_id, line.mechanism_id, month).await? else {
        return Ok(Some(Msg::ButtonExpired));
    };
    let Some(index) = usize::try_from(line.position).ok().filter(|i| *i < lines.len()) else {
        return Ok(Some(Msg::ButtonExpired));
    };
    let d = ReportDraft {
        step: Step::Sector,
        month: Some(month),
        org_id: Some(line.organisation_id),
        mechanism_id: Some(line.mechanism_id),
        line: LineDraft::from_line(&lines[index]),
        lines,
        editing: Some(index),
        submitted: s.status.as_str().into(),
    };
    ask(turn, dialogue, &d, None, None).await?;
    Ok(None)
}

/// /wherewho [YYYY-MM]: counts, then the first gaps and possible duplications, with P-codes.
pub(super) async fn where_who(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let Some(month) = month_arg(turn, args, "wherewho").await? else { return Ok(()) };
    let ctx = &turn.app.ctx;
    for scope in svc::review_scopes(ctx, &turn.access).await? {
        let ww = wherewho::of_month(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let label = scope_label(turn, &scope);
        if ww.presence.is_empty() {
            turn.say(Msg::FwWwNone { month: month_label(month), scope: label }).await?;
            continue;
        }
        let mut text = vec![turn.t(Msg::FwWwHeader {
            month: month_label(month),
            scope: label,
            orgs: ww.organisations(),
            cells: ww.presence.len(),
            gaps: ww.gaps.len(),
            duplications: ww.duplications.len(),
        })];
        if !ww.gaps.is_empty() {
            let shown = ww.gaps.len().min(WHERE_WHO_CAP);
            text.push(turn.t(Msg::FwWwGapsTitle { shown, count: ww.gaps.len() }));
            for g in ww.gaps.iter().take(WHERE_WHO_CAP) {
                text.push(turn.t(Msg::FwWwGapLine { place: place_label(turn, &g.place), sector: g.sector.clone() }));
            }
        }
        if !ww.duplications.is_empty() {
            let shown = ww.duplications.len().min(WHERE_WHO_CAP);
            text.push(turn.t(Msg::FwWwDupsTitle { shown, count: ww.duplications.len() }));
            for d in ww.duplications.iter().take(WHERE_WHO_CAP) {
                text.push(turn.t(Msg::FwWwDupLine {
                    place: place_label(turn, &d.place),
                    activity: d.activity(turn.lang()).to_string(),
                    orgs: d.orgs.join(", "),
                }));
            }
        }
        turn.say_long(text).await?;
    }
    Ok(())
}

fn place_label(turn: &Turn<'_>, p: &wherewho::Place) -> String {
    turn.t(Msg::FwWwPlace {
        cercle: p.cercle.clone(),
        pcode: p.cercle_pcode.clone(),
        region: p.region.clone(),
        region_pcode: p.region_pcode.clone(),
    })
}
