//! /newmeeting: mechanism, date, time, duration, place, agenda, kind and recurrence with
//! buttons (or typed), then a summary to confirm.

use super::callback::Cb;
use super::{NmDraft, NmStep, Step};
use crate::domain::AppError;
use crate::domain::meeting::{self, MeetingKind, local_to_utc, parse_date, parse_duration, parse_time};
use crate::i18n::{MainMsg, MeetingsMsg, Msg};
use crate::services::meetings::{self as svc, Actor, MeetingDraft};
use crate::storage::reference;
use crate::telegram::shared::format::{self, from_ymd, ymd};
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use teloxide::types::{InlineKeyboardButton, MessageId};

pub(super) const DATE_BUTTONS: i64 = 14;
pub(super) const TIME_BUTTONS: [u16; 6] = [8 * 60, 9 * 60, 10 * 60, 11 * 60, 14 * 60, 15 * 60];
const DURATION_BUTTONS: [u16; 4] = [60, 90, 120, 180];

pub(super) fn date_keyboard(turn: &Turn<'_>, with_cancel: bool) -> teloxide::types::InlineKeyboardMarkup {
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    let buttons: Vec<InlineKeyboardButton> = (1..=DATE_BUTTONS)
        .filter_map(|i| today.checked_add_signed(Duration::days(i)))
        .map(|d| {
            let label = turn.t(MeetingsMsg::BtnTodayPlus {
                weekday: format::weekday_code(d.weekday()).to_string(),
                date: d.format("%d/%m").to_string(),
            });
            button(label, Cb::NmDate(ymd(d)))
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    if with_cancel {
        rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cancel)]);
    }
    kb(rows)
}

pub(super) fn time_keyboard(turn: &Turn<'_>) -> teloxide::types::InlineKeyboardMarkup {
    let row = |times: &[u16]| {
        times.iter().map(|m| button(format!("{:02}:{:02}", m / 60, m % 60), Cb::NmTime(*m))).collect::<Vec<_>>()
    };
    kb(vec![row(&TIME_BUTTONS[..3]), row(&TIME_BUTTONS[3..]), vec![button(turn.t(MainMsg::BtnCancel), Cancel)]])
}

/// Sends (or edits to) the question of the draft's current step.
pub(super) async fn ask_step(
    turn: &Turn<'_>,
    draft: &NmDraft,
    edit: Option<MessageId>,
    prefix: Option<String>,
) -> HandlerResult {
    let cancel = || vec![button(turn.t(MainMsg::BtnCancel), Cancel)];
    let (question, k) = match draft.step {
        NmStep::Mechanism => {
            let mechs = svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
            let mut rows: Vec<Vec<InlineKeyboardButton>> = mechs
                .iter()
                .map(|m| vec![button(format!("{} — {}", m.code, m.name(turn.lang())), Cb::NmMechanism(m.id))])
                .collect();
            rows.push(cancel());
            (turn.t(MeetingsMsg::NmChooseMechanism), kb(rows))
        }
        NmStep::Date => (turn.t(MeetingsMsg::NmChooseDate), date_keyboard(turn, true)),
        NmStep::Time => (turn.t(MeetingsMsg::NmChooseTime), time_keyboard(turn)),
        NmStep::Duration => {
            let row = DURATION_BUTTONS
                .iter()
                .map(|m| button(format!("{}h{:02}", m / 60, m % 60), Cb::NmDuration(*m)))
                .collect::<Vec<_>>();
            (turn.t(MeetingsMsg::NmChooseDuration), kb(vec![row, cancel()]))
        }
        NmStep::Place => (turn.t(MeetingsMsg::NmAskPlace), kb(vec![cancel()])),
        NmStep::Agenda => (
            turn.t(MeetingsMsg::NmAskAgenda),
            kb(vec![vec![button(turn.t(MeetingsMsg::BtnSkip), Cb::NmSkip)], cancel()]),
        ),
        NmStep::Kind => (
            turn.t(MeetingsMsg::NmChooseKind),
            kb(vec![
                vec![
                    button(turn.t(MeetingsMsg::BtnRegular), Cb::NmAdHoc(false)),
                    button(turn.t(MeetingsMsg::BtnAdhoc), Cb::NmAdHoc(true)),
                ],
                cancel(),
            ]),
        ),
        NmStep::Recurrence => (
            turn.t(MeetingsMsg::NmChooseRecurrence),
            kb(vec![
                vec![
                    button(turn.t(MeetingsMsg::BtnOnce), Cb::NmMonthly(false)),
                    button(turn.t(MeetingsMsg::BtnMonthly), Cb::NmMonthly(true)),
                ],
                cancel(),
            ]),
        ),
        NmStep::Confirm => {
            let draft_m = to_draft(turn, draft).ok_or("incomplete draft")?;
            let mech = reference::mechanism_by_id(&turn.app.ctx.db, draft_m.mechanism_id).await?.ok_or("mechanism")?;
            let none = || turn.t(MeetingsMsg::MeetingNoneGiven);
            let summary = turn.t(MeetingsMsg::NmSummary {
                mechanism: mech.name(turn.lang()).to_string(),
                when: format::when(turn.app, turn.lang(), draft_m.starts_at, draft_m.duration_minutes),
                place: draft_m.place.clone().unwrap_or_else(none),
                agenda: draft_m.agenda.clone().unwrap_or_else(none),
                adhoc: draft_m.kind == MeetingKind::AdHoc,
                monthly: draft_m.monthly,
            });
            (summary, kb(vec![vec![button(turn.t(MeetingsMsg::BtnCreate), Cb::NmCreate)], cancel()]))
        }
    };
    let text = match prefix {
        Some(p) => format!("{p}\n{question}"),
        None => question,
    };
    edit_or_send(turn, edit, text, Some(k)).await
}

pub(super) fn to_draft(turn: &Turn<'_>, d: &NmDraft) -> Option<MeetingDraft> {
    Some(MeetingDraft {
        mechanism_id: d.mechanism_id?,
        starts_at: local_to_utc(turn.app.ctx.tz, d.date?, d.time?)?,
        duration_minutes: d.duration?,
        place: d.place.clone(),
        agenda: d.agenda.clone(),
        kind: if d.adhoc? { MeetingKind::AdHoc } else { MeetingKind::Regular },
        monthly: d.monthly.unwrap_or(false),
    })
}

pub(super) async fn start_new_meeting(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    let mechs = svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
    if mechs.is_empty() {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let mut draft = NmDraft::default();
    if let [only] = mechs.as_slice() {
        draft.mechanism_id = Some(only.id);
        draft.step = NmStep::Date;
    }
    dialogue.set(Step::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, None, None).await
}

/// Checks the date against the rules known so far: not in the past.
pub(super) fn check_date(turn: &Turn<'_>, date: NaiveDate) -> Result<(), Msg> {
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    if date < today { Err(MeetingsMsg::MeetingInPast.into()) } else { Ok(()) }
}

/// Typed answers in the /newmeeting dialog.
pub(super) async fn new_meeting_text(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut draft: NmDraft,
    input: &str,
) -> HandlerResult {
    let refuse = |msg: Msg| Some(turn.t(msg));
    let error = match draft.step {
        NmStep::Date => match parse_date(input) {
            Some(d) => match check_date(turn, d) {
                Ok(()) => {
                    draft.date = Some(d);
                    draft.step = NmStep::Time;
                    None
                }
                Err(m) => refuse(m),
            },
            None => refuse(MeetingsMsg::NmBadDate.into()),
        },
        NmStep::Time => match parse_time(input) {
            Some(t) => {
                draft.time = Some(t);
                draft.step = NmStep::Duration;
                None
            }
            None => refuse(MeetingsMsg::NmBadTime.into()),
        },
        NmStep::Duration => match parse_duration(input) {
            Some(d) => {
                draft.duration = Some(d.num_minutes());
                draft.step = NmStep::Place;
                None
            }
            None => refuse(MeetingsMsg::NmBadDuration.into()),
        },
        NmStep::Place | NmStep::Agenda => {
            let max = if draft.step == NmStep::Place { meeting::MAX_PLACE_CHARS } else { meeting::MAX_AGENDA_CHARS };
            let trimmed = input.trim();
            if trimmed.chars().count() > max {
                refuse(MainMsg::TextTooLong { max }.into())
            } else if trimmed.is_empty() {
                refuse(if draft.step == NmStep::Place {
                    MeetingsMsg::NmAskPlace.into()
                } else {
                    MeetingsMsg::NmAskAgenda.into()
                })
            } else {
                if draft.step == NmStep::Place {
                    draft.place = Some(trimmed.to_string());
                    draft.step = NmStep::Agenda;
                } else {
                    draft.agenda = Some(trimmed.to_string());
                    draft.step = NmStep::Kind;
                }
                None
            }
        }
        // Steps answered with buttons.
        _ => refuse(MainMsg::FreeTextHint.into()),
    };
    dialogue.set(Step::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, None, error).await
}

/// Button presses in the /newmeeting dialog.
pub(super) async fn new_meeting_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut draft: NmDraft,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let mut prefix = None;
    match (draft.step, cb) {
        (NmStep::Mechanism, Cb::NmMechanism(id)) => {
            let allowed = svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
            if !allowed.iter().any(|m| m.id == id) {
                return Ok(Some(MainMsg::NotAllowed.into()));
            }
            draft.mechanism_id = Some(id);
            draft.step = NmStep::Date;
        }
        (NmStep::Date, Cb::NmDate(v)) => {
            let Some(d) = from_ymd(v) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            match check_date(turn, d) {
                Ok(()) => {
                    draft.date = Some(d);
                    draft.step = NmStep::Time;
                }
                Err(m) => prefix = Some(turn.t(m)),
            }
        }
        (NmStep::Time, Cb::NmTime(minutes)) => {
            draft.time = NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0);
            draft.step = NmStep::Duration;
        }
        (NmStep::Duration, Cb::NmDuration(minutes)) => {
            draft.duration = Some(i64::from(minutes));
            draft.step = NmStep::Place;
        }
        (NmStep::Agenda, Cb::NmSkip) => {
            draft.agenda = None;
            draft.step = NmStep::Kind;
        }
        (NmStep::Kind, Cb::NmAdHoc(adhoc)) => {
            draft.adhoc = Some(adhoc);
            // The 48-hour rule, checked as soon as the kind is known.
            match to_draft(turn, &draft).map(|d| svc::validate(&turn.app.ctx, &d)) {
                Some(Err(e)) => {
                    prefix = Some(turn.t(turn.refusal(&e)));
                    draft.step = NmStep::Date;
                    draft.adhoc = None;
                }
                _ => draft.step = if adhoc { NmStep::Confirm } else { NmStep::Recurrence },
            }
            if adhoc {
                draft.monthly = Some(false);
            }
        }
        (NmStep::Recurrence, Cb::NmMonthly(monthly)) => {
            draft.monthly = Some(monthly);
            draft.step = NmStep::Confirm;
        }
        (NmStep::Confirm, Cb::NmCreate) => {
            let Some(d) = to_draft(turn, &draft) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            match svc::create(&turn.app.ctx, Actor::Person(&turn.access), d).await {
                Ok(created) => {
                    dialogue.exit().await?;
                    let first = &created[0];
                    let invite_at = meeting::invitation_due(
                        turn.app.ctx.clock.now(),
                        &first.timing(),
                        turn.app.ctx.invitation_lead,
                    );
                    let done = turn.t(MeetingsMsg::NmCreated {
                        count: created.len(),
                        when: format::meeting_when(turn.app, turn.lang(), first),
                        invite_at: invite_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string(),
                    });
                    turn.edit(message_id, done, None).await?;
                    return Ok(None);
                }
                Err(e @ AppError::Timing(_)) => {
                    prefix = Some(turn.t(turn.refusal(&e)));
                    draft.step = NmStep::Date;
                }
                Err(e) => return Ok(Some(turn.refusal(&e))),
            }
        }
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    }
    dialogue.set(Step::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, Some(message_id), prefix).await?;
    Ok(None)
}
