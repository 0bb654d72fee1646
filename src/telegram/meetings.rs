//! Meetings in the chat: /meetings (answers, and moving or cancelling for chairs),
//! /newmeeting, answers to invitations, /attendance.

use super::callback::Cb;
use super::handlers::{BotDialogue, HandlerError, HandlerResult, Turn, button, kb};
use super::meeting_text as text;
use super::state::{NmDraft, NmStep, State};
use crate::domain::meeting::{self, MeetingKind, local_to_utc, parse_date, parse_duration, parse_time};
use crate::domain::{AppError, Meeting, MenuRole, Role};
use crate::i18n::Msg;
use crate::services::meetings::{self as svc, Actor, Choice, MeetingDraft};
use crate::storage::{meetings as store, reference};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, MessageId};

const DATE_BUTTONS: i64 = 14;
const TIME_BUTTONS: [u16; 6] = [8 * 60, 9 * 60, 10 * 60, 11 * 60, 14 * 60, 15 * 60];
const DURATION_BUTTONS: [u16; 4] = [60, 90, 120, 180];
const MANAGED_SHOWN: usize = 8;

fn ymd(d: NaiveDate) -> u32 {
    (d.year() as u32) * 10000 + d.month() * 100 + d.day()
}

fn from_ymd(v: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((v / 10000) as i32, (v / 100) % 100, v % 100)
}

async fn edit_or_send(
    turn: &Turn<'_>,
    edit: Option<MessageId>,
    text: String,
    k: Option<teloxide::types::InlineKeyboardMarkup>,
) -> HandlerResult {
    match edit {
        Some(id) => {
            let mut req = turn.bot.edit_message_text(turn.chat, id, text);
            if let Some(k) = k {
                req = req.reply_markup(k);
            }
            req.await?;
        }
        None => {
            let mut req = turn.bot.send_message(turn.chat, text);
            if let Some(k) = k {
                req = req.reply_markup(k);
            }
            req.await?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- /meetings

fn list_text_and_keyboard(
    turn: &Turn<'_>,
    mine: &[svc::MyMeeting],
    managed: &[Meeting],
) -> (String, teloxide::types::InlineKeyboardMarkup) {
    let lang = turn.lang();
    let mut lines = Vec::new();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    if mine.is_empty() && managed.is_empty() {
        lines.push(turn.t(Msg::MeetingsNone));
    }
    if !mine.is_empty() {
        lines.push(turn.t(Msg::MeetingsHeader));
        for x in mine {
            lines.push(turn.t(Msg::MeetingsLine {
                when: text::meeting_when(turn.app, lang, &x.meeting),
                mechanism: x.meeting.mechanism.name(lang).to_string(),
                org: x.organisation.acronym.clone(),
                answer: text::answer_code(x.answer),
            }));
            let date = text::short_date(turn.app, &x.meeting);
            let cb = |choice| Cb::RsvpFromList { meeting: x.meeting.id, org: x.organisation.id, choice };
            let mut row = vec![button(turn.t(Msg::BtnShortAttend { date: date.clone() }), cb(Choice::Attend))];
            if x.role == Role::Focal {
                row.push(button(turn.t(Msg::BtnShortHandover { date: date.clone() }), cb(Choice::HandOver)));
            }
            row.push(button(turn.t(Msg::BtnShortDecline { date }), cb(Choice::Decline)));
            rows.push(row);
        }
    }
    if !managed.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(turn.t(Msg::MeetingsManageHeader));
        for m in managed.iter().take(MANAGED_SHOWN) {
            lines.push(turn.t(Msg::MeetingsManageLine {
                id: m.id,
                when: text::meeting_when(turn.app, lang, m),
                mechanism: m.mechanism.name(lang).to_string(),
                adhoc: m.kind == MeetingKind::AdHoc,
                cancelled: m.cancelled,
            }));
            if !m.cancelled {
                rows.push(vec![
                    button(turn.t(Msg::BtnMove { id: m.id }), Cb::MeetingMove(m.id)),
                    button(turn.t(Msg::BtnCancelMeeting { id: m.id }), Cb::MeetingCancel(m.id)),
                ]);
            }
        }
    }
    (lines.join("\n"), kb(rows))
}

async fn managed_upcoming(turn: &Turn<'_>) -> Result<Vec<Meeting>, AppError> {
    if turn.access.menu_role() < MenuRole::Chair {
        return Ok(vec![]);
    }
    let now = turn.app.ctx.clock.now();
    let mut out = Vec::new();
    for mech in svc::managed_mechanisms(&turn.app.ctx, &turn.access).await? {
        out.extend(store::between(&turn.app.ctx.db, Some(mech.id), now, now + Duration::days(62), false).await?);
    }
    out.sort_by_key(|m| (m.starts_at, m.id));
    Ok(out)
}

pub(super) async fn show_meetings(turn: &mut Turn<'_>, edit: Option<MessageId>) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    let mine = svc::upcoming_for(&turn.app.ctx, &turn.access).await?;
    let managed = managed_upcoming(turn).await?;
    let (text, k) = list_text_and_keyboard(turn, &mine, &managed);
    edit_or_send(turn, edit, text, Some(k)).await
}

// ---------------------------------------------------------------- answers

/// An answer from an invitation (or from /meetings): recorded for the organisation; every
/// invitation message of the organisation is edited to show it.
pub(super) async fn rsvp(
    turn: &mut Turn<'_>,
    meeting_id: i64,
    org_id: i64,
    choice: Choice,
    from_list: bool,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let answered = match svc::answer(&turn.app.ctx, &turn.access, meeting_id, org_id, choice).await {
        Ok(a) => a,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    if !answered.changed {
        return Ok(Some(Msg::RsvpRecorded));
    }
    let m = &answered.meeting;
    let mut edited_pressed = false;
    for im in crate::services::seats::current_invitation_messages(&turn.app.ctx, m, org_id).await? {
        let Some(person) = crate::storage::people::by_id(&turn.app.ctx.db, im.person_id).await? else { continue };
        let lang = person.language;
        let body = text::invitation(
            turn.app,
            lang,
            m,
            &answered.organisation.acronym,
            answered.organisation.observer,
            im.role(),
            Some(answered.answer),
        );
        let k = text::rsvp_keyboard(turn.app, lang, m.id, org_id, im.role());
        let (chat, id) = (ChatId(im.chat_id), MessageId(im.message_id as i32));
        let result = if im.with_document {
            turn.bot.edit_message_caption(chat, id).caption(body).reply_markup(k).await.map(|_| ())
        } else {
            turn.bot.edit_message_text(chat, id, body).reply_markup(k).await.map(|_| ())
        };
        if let Err(e) = result {
            tracing::info!(error = %e, "could not update an invitation message");
        }
        edited_pressed |= chat == turn.chat && id == message_id;
    }
    if from_list {
        show_meetings(turn, Some(message_id)).await?;
    } else if !edited_pressed {
        // A hand-over request: show the answer in place of the buttons.
        let status = turn.t(Msg::AnswerStatus { answer: text::answer_code(Some(answered.answer)) });
        let _ = turn.bot.edit_message_text(turn.chat, message_id, status).await;
    }
    Ok(Some(Msg::RsvpRecorded))
}

// ---------------------------------------------------------------- /newmeeting

fn date_keyboard(turn: &Turn<'_>, with_cancel: bool) -> teloxide::types::InlineKeyboardMarkup {
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    let buttons: Vec<InlineKeyboardButton> = (1..=DATE_BUTTONS)
        .filter_map(|i| today.checked_add_signed(Duration::days(i)))
        .map(|d| {
            let label = turn.t(Msg::BtnTodayPlus {
                weekday: text::weekday_code(d.weekday()).to_string(),
                date: d.format("%d/%m").to_string(),
            });
            button(label, Cb::NmDate(ymd(d)))
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    if with_cancel {
        rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    }
    kb(rows)
}

fn time_keyboard(turn: &Turn<'_>) -> teloxide::types::InlineKeyboardMarkup {
    let row = |times: &[u16]| {
        times.iter().map(|m| button(format!("{:02}:{:02}", m / 60, m % 60), Cb::NmTime(*m))).collect::<Vec<_>>()
    };
    kb(vec![row(&TIME_BUTTONS[..3]), row(&TIME_BUTTONS[3..]), vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]])
}

/// Sends (or edits to) the question of the draft's current step.
async fn ask_step(turn: &Turn<'_>, draft: &NmDraft, edit: Option<MessageId>, prefix: Option<String>) -> HandlerResult {
    let cancel = || vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)];
    let (question, k) = match draft.step {
        NmStep::Mechanism => {
            let mechs = svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
            let mut rows: Vec<Vec<InlineKeyboardButton>> = mechs
                .iter()
                .map(|m| vec![button(format!("{} — {}", m.code, m.name(turn.lang())), Cb::NmMechanism(m.id))])
                .collect();
            rows.push(cancel());
            (turn.t(Msg::NmChooseMechanism), kb(rows))
        }
        NmStep::Date => (turn.t(Msg::NmChooseDate), date_keyboard(turn, true)),
        NmStep::Time => (turn.t(Msg::NmChooseTime), time_keyboard(turn)),
        NmStep::Duration => {
            let row = DURATION_BUTTONS
                .iter()
                .map(|m| button(format!("{}h{:02}", m / 60, m % 60), Cb::NmDuration(*m)))
                .collect::<Vec<_>>();
            (turn.t(Msg::NmChooseDuration), kb(vec![row, cancel()]))
        }
        NmStep::Place => (turn.t(Msg::NmAskPlace), kb(vec![cancel()])),
        NmStep::Agenda => {
            (turn.t(Msg::NmAskAgenda), kb(vec![vec![button(turn.t(Msg::BtnSkip), Cb::NmSkip)], cancel()]))
        }
        NmStep::Kind => (
            turn.t(Msg::NmChooseKind),
            kb(vec![
                vec![
                    button(turn.t(Msg::BtnRegular), Cb::NmAdHoc(false)),
                    button(turn.t(Msg::BtnAdhoc), Cb::NmAdHoc(true)),
                ],
                cancel(),
            ]),
        ),
        NmStep::Recurrence => (
            turn.t(Msg::NmChooseRecurrence),
            kb(vec![
                vec![
                    button(turn.t(Msg::BtnOnce), Cb::NmMonthly(false)),
                    button(turn.t(Msg::BtnMonthly), Cb::NmMonthly(true)),
                ],
                cancel(),
            ]),
        ),
        NmStep::Confirm => {
            let draft_m = to_draft(turn, draft).ok_or("incomplete draft")?;
            let mech = reference::mechanism_by_id(&turn.app.ctx.db, draft_m.mechanism_id).await?.ok_or("mechanism")?;
            let none = || turn.t(Msg::MeetingNoneGiven);
            let summary = turn.t(Msg::NmSummary {
                mechanism: mech.name(turn.lang()).to_string(),
                when: text::when(turn.app, turn.lang(), draft_m.starts_at, draft_m.duration_minutes),
                place: draft_m.place.clone().unwrap_or_else(none),
                agenda: draft_m.agenda.clone().unwrap_or_else(none),
                adhoc: draft_m.kind == MeetingKind::AdHoc,
                monthly: draft_m.monthly,
            });
            (summary, kb(vec![vec![button(turn.t(Msg::BtnCreate), Cb::NmCreate)], cancel()]))
        }
    };
    let text = match prefix {
        Some(p) => format!("{p}\n{question}"),
        None => question,
    };
    edit_or_send(turn, edit, text, Some(k)).await
}

fn to_draft(turn: &Turn<'_>, d: &NmDraft) -> Option<MeetingDraft> {
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
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let mut draft = NmDraft::default();
    if let [only] = mechs.as_slice() {
        draft.mechanism_id = Some(only.id);
        draft.step = NmStep::Date;
    }
    dialogue.update(State::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, None, None).await
}

/// Checks the date against the rules known so far: not in the past.
fn check_date(turn: &Turn<'_>, date: NaiveDate) -> Result<(), Msg> {
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    if date < today { Err(Msg::MeetingInPast) } else { Ok(()) }
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
            None => refuse(Msg::NmBadDate),
        },
        NmStep::Time => match parse_time(input) {
            Some(t) => {
                draft.time = Some(t);
                draft.step = NmStep::Duration;
                None
            }
            None => refuse(Msg::NmBadTime),
        },
        NmStep::Duration => match parse_duration(input) {
            Some(d) => {
                draft.duration = Some(d.num_minutes());
                draft.step = NmStep::Place;
                None
            }
            None => refuse(Msg::NmBadDuration),
        },
        NmStep::Place | NmStep::Agenda => {
            let max = if draft.step == NmStep::Place { meeting::MAX_PLACE_CHARS } else { meeting::MAX_AGENDA_CHARS };
            let trimmed = input.trim();
            if trimmed.chars().count() > max {
                refuse(Msg::TextTooLong { max })
            } else if trimmed.is_empty() {
                refuse(if draft.step == NmStep::Place { Msg::NmAskPlace } else { Msg::NmAskAgenda })
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
        _ => refuse(Msg::FreeTextHint),
    };
    dialogue.update(State::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, None, error).await
}

/// Button presses in the /newmeeting dialog.
pub(super) async fn new_meeting_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut draft: NmDraft,
    cb: Cb,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let mut prefix = None;
    match (draft.step, cb) {
        (NmStep::Mechanism, Cb::NmMechanism(id)) => {
            let allowed = svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
            if !allowed.iter().any(|m| m.id == id) {
                return Ok(Some(Msg::NotAllowed));
            }
            draft.mechanism_id = Some(id);
            draft.step = NmStep::Date;
        }
        (NmStep::Date, Cb::NmDate(v)) => {
            let Some(d) = from_ymd(v) else { return Ok(Some(Msg::ButtonExpired)) };
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
            let Some(d) = to_draft(turn, &draft) else { return Ok(Some(Msg::ButtonExpired)) };
            match svc::create(&turn.app.ctx, Actor::Person(&turn.access), d).await {
                Ok(created) => {
                    dialogue.exit().await?;
                    let first = &created[0];
                    let invite_at = meeting::invitation_due(
                        turn.app.ctx.clock.now(),
                        &first.timing(),
                        turn.app.ctx.invitation_lead,
                    );
                    let done = turn.t(Msg::NmCreated {
                        count: created.len(),
                        when: text::meeting_when(turn.app, turn.lang(), first),
                        invite_at: invite_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string(),
                    });
                    turn.bot.edit_message_text(turn.chat, message_id, done).await?;
                    return Ok(None);
                }
                Err(e @ AppError::Timing(_)) => {
                    prefix = Some(turn.t(turn.refusal(&e)));
                    draft.step = NmStep::Date;
                }
                Err(e) => return Ok(Some(turn.refusal(&e))),
            }
        }
        _ => return Ok(Some(Msg::ButtonExpired)),
    }
    dialogue.update(State::NewMeeting(Box::new(draft.clone()))).await?;
    ask_step(turn, &draft, Some(message_id), prefix).await?;
    Ok(None)
}

// ---------------------------------------------------------------- move and cancel

pub(super) async fn start_move(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let m = match svc::managed(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(m) => m,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    dialogue.update(State::MoveMeeting { meeting_id, date: None, time: None }).await?;
    let q = turn.t(Msg::MoveChooseDate { mechanism: m.mechanism.name(turn.lang()).to_string() });
    edit_or_send(turn, Some(message_id), q, Some(date_keyboard(turn, true))).await?;
    Ok(None)
}

pub(super) async fn move_step(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    date: Option<NaiveDate>,
    time: Option<NaiveTime>,
    edit: Option<MessageId>,
) -> HandlerResult {
    let m = svc::get(&turn.app.ctx, meeting_id).await?;
    dialogue.update(State::MoveMeeting { meeting_id, date, time }).await?;
    match (date, time) {
        (None, _) => {
            let q = turn.t(Msg::MoveChooseDate { mechanism: m.mechanism.name(turn.lang()).to_string() });
            edit_or_send(turn, edit, q, Some(date_keyboard(turn, true))).await
        }
        (Some(_), None) => edit_or_send(turn, edit, turn.t(Msg::NmChooseTime), Some(time_keyboard(turn))).await,
        (Some(d), Some(t)) => {
            let starts_at = local_to_utc(turn.app.ctx.tz, d, t).ok_or("time zone gap")?;
            let q = turn.t(Msg::MoveConfirm {
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                when: text::when(turn.app, turn.lang(), starts_at, m.duration_minutes),
            });
            let k = kb(vec![vec![
                button(turn.t(Msg::BtnMoveConfirm), Cb::MoveConfirm),
                button(turn.t(Msg::BtnCancel), Cb::Cancel),
            ]]);
            edit_or_send(turn, edit, q, Some(k)).await
        }
    }
}

pub(super) async fn move_text(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    date: Option<NaiveDate>,
    input: &str,
) -> HandlerResult {
    match date {
        None => match parse_date(input).map(|d| (d, check_date(turn, d))) {
            Some((d, Ok(()))) => move_step(turn, dialogue, meeting_id, Some(d), None, None).await,
            Some((_, Err(m))) => {
                turn.say(m).await?;
                Ok(())
            }
            None => {
                turn.say_with(turn.t(Msg::NmBadDate), date_keyboard(turn, true)).await?;
                Ok(())
            }
        },
        Some(d) => match parse_time(input) {
            Some(t) => move_step(turn, dialogue, meeting_id, Some(d), Some(t), None).await,
            None => {
                turn.say_with(turn.t(Msg::NmBadTime), time_keyboard(turn)).await?;
                Ok(())
            }
        },
    }
}

pub(super) async fn confirm_move(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    date: NaiveDate,
    time: NaiveTime,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let starts_at = local_to_utc(turn.app.ctx.tz, date, time).ok_or("time zone gap")?;
    match svc::reschedule(&turn.app.ctx, Actor::Person(&turn.access), meeting_id, starts_at, None).await {
        Ok(m) => {
            dialogue.exit().await?;
            let done = turn.t(Msg::MeetingMovedDone { when: text::meeting_when(turn.app, turn.lang(), &m) });
            turn.bot.edit_message_text(turn.chat, message_id, done).await?;
            Ok(None)
        }
        Err(e @ AppError::Timing(_)) => {
            // Refused (e.g. less than 48 h ahead): say why and ask the date again.
            dialogue.update(State::MoveMeeting { meeting_id, date: None, time: None }).await?;
            let text = format!("{}\n{}", turn.t(turn.refusal(&e)), turn.t(Msg::NmChooseDate));
            edit_or_send(turn, Some(message_id), text, Some(date_keyboard(turn, true))).await?;
            Ok(None)
        }
        Err(e) => {
            dialogue.exit().await?;
            Ok(Some(turn.refusal(&e)))
        }
    }
}

pub(super) async fn ask_cancel(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let m = match svc::managed(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(m) => m,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    dialogue.update(State::CancelMeeting { meeting_id }).await?;
    let q = turn.t(Msg::CancelMeetingConfirm {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: text::meeting_when(turn.app, turn.lang(), &m),
    });
    let k = kb(vec![vec![
        button(turn.t(Msg::BtnConfirmCancelMeeting), Cb::MeetingCancelYes(meeting_id)),
        button(turn.t(Msg::BtnKeep), Cb::Cancel),
    ]]);
    edit_or_send(turn, Some(message_id), q, Some(k)).await?;
    Ok(None)
}

pub(super) async fn do_cancel(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    dialogue.exit().await?;
    match svc::cancel(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(_) => {
            turn.bot.edit_message_text(turn.chat, message_id, turn.t(Msg::MeetingCancelledDone)).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

// ---------------------------------------------------------------- /attendance

pub(super) async fn start_attendance(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let past = svc::past_meetings(&turn.app.ctx, &turn.access, 8).await?;
    if past.is_empty() {
        turn.say(Msg::AttNoMeetings).await?;
        return Ok(());
    }
    dialogue.update(State::AttendanceChoose).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = past
        .iter()
        .map(|m| {
            let date = m.starts_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y").to_string();
            let label = turn.t(Msg::BtnAttMeeting { date, mechanism: m.mechanism.code.clone() });
            vec![button(label, Cb::AttMeeting(m.id))]
        })
        .collect();
    rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    turn.say_with(turn.t(Msg::AttChooseMeeting), kb(rows)).await?;
    Ok(())
}

async fn show_sheet(
    turn: &Turn<'_>,
    meeting_id: i64,
    present: &[i64],
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let (m, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(x) => x,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let buttons: Vec<InlineKeyboardButton> = sheet
        .iter()
        .map(|(o, _)| {
            let label = turn.t(Msg::BtnAttOrg {
                present: present.contains(&o.id),
                org: if o.observer { format!("{} (obs.)", o.acronym) } else { o.acronym.clone() },
            });
            button(label, Cb::AttToggle(o.id))
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    rows.push(vec![button(turn.t(Msg::BtnSave), Cb::AttSave), button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    let text = turn.t(Msg::AttSheet {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: text::meeting_when(turn.app, turn.lang(), &m),
    });
    turn.bot.edit_message_text(turn.chat, message_id, text).reply_markup(kb(rows)).await?;
    Ok(None)
}

pub(super) async fn attendance_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: State,
    cb: Cb,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    match (state, cb) {
        (State::AttendanceChoose, Cb::AttMeeting(meeting_id)) => {
            let (_, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            let present: Vec<i64> = sheet.iter().filter(|(_, p)| *p).map(|(o, _)| o.id).collect();
            dialogue.update(State::Attendance { meeting_id, present: present.clone() }).await?;
            show_sheet(turn, meeting_id, &present, message_id).await
        }
        (State::Attendance { meeting_id, mut present }, Cb::AttToggle(org)) => {
            let (_, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            if !sheet.iter().any(|(o, _)| o.id == org) {
                return Ok(Some(Msg::ButtonExpired));
            }
            if let Some(i) = present.iter().position(|p| *p == org) {
                present.remove(i);
            } else {
                present.push(org);
            }
            dialogue.update(State::Attendance { meeting_id, present: present.clone() }).await?;
            show_sheet(turn, meeting_id, &present, message_id).await
        }
        (State::Attendance { meeting_id, present }, Cb::AttSave) => {
            let (m, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            let marks: Vec<(i64, bool)> = sheet.iter().map(|(o, _)| (o.id, present.contains(&o.id))).collect();
            if let Err(e) = svc::save_attendance(&turn.app.ctx, Actor::Person(&turn.access), meeting_id, &marks).await {
                return Ok(Some(turn.refusal(&e)));
            }
            dialogue.exit().await?;
            let members = sheet.iter().filter(|(o, _)| !o.observer);
            let total = members.clone().count();
            let here = members.filter(|(o, _)| present.contains(&o.id)).count();
            let mut lines =
                vec![turn.t(Msg::AttSaved { present: here, total }), String::new(), turn.t(Msg::AttStatsHeader)];
            let stats = svc::attendance_stats(&turn.app.ctx, m.mechanism.id, 6).await?;
            let line = |(o, p, t): &(crate::domain::Organisation, usize, usize)| {
                turn.t(Msg::AttStatsLine { org: o.acronym.clone(), present: *p, total: *t })
            };
            lines.extend(stats.iter().filter(|s| !s.0.observer).map(line));
            if stats.iter().any(|s| s.0.observer) {
                lines.push(turn.t(Msg::AttStatsObservers));
                lines.extend(stats.iter().filter(|s| s.0.observer).map(line));
            }
            turn.bot.edit_message_text(turn.chat, message_id, lines.join("\n")).await?;
            Ok(None)
        }
        _ => Ok(Some(Msg::ButtonExpired)),
    }
}
