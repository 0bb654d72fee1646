//! Moving and cancelling a meeting from /meetings (chairs and coordinators).

use super::Step;
use super::callback::Cb;
use super::new_meeting::{check_date, date_keyboard, time_keyboard};
use crate::domain::AppError;
use crate::domain::meeting::{local_to_utc, parse_date, parse_time};
use crate::i18n::{MainMsg, MeetingsMsg};
use crate::services::meetings::{self as svc, Actor};
use crate::telegram::shared::format::{self};
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use chrono::{NaiveDate, NaiveTime};
use teloxide::types::MessageId;

pub(super) async fn start_move(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    message_id: MessageId,
) -> ButtonResult {
    let m = match svc::managed(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(m) => m,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    dialogue.set(Step::MoveMeeting { meeting_id, date: None, time: None }).await?;
    let q = turn.t(MeetingsMsg::MoveChooseDate { mechanism: m.mechanism.name(turn.lang()).to_string() });
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
    dialogue.set(Step::MoveMeeting { meeting_id, date, time }).await?;
    match (date, time) {
        (None, _) => {
            let q = turn.t(MeetingsMsg::MoveChooseDate { mechanism: m.mechanism.name(turn.lang()).to_string() });
            edit_or_send(turn, edit, q, Some(date_keyboard(turn, true))).await
        }
        (Some(_), None) => edit_or_send(turn, edit, turn.t(MeetingsMsg::NmChooseTime), Some(time_keyboard(turn))).await,
        (Some(d), Some(t)) => {
            let starts_at = local_to_utc(turn.app.ctx.tz, d, t).ok_or("time zone gap")?;
            let q = turn.t(MeetingsMsg::MoveConfirm {
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                when: format::when(turn.app, turn.lang(), starts_at, m.duration_minutes),
            });
            let k = kb(vec![vec![
                button(turn.t(MeetingsMsg::BtnMoveConfirm), Cb::MoveConfirm),
                button(turn.t(MainMsg::BtnCancel), Cancel),
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
                turn.say_with(turn.t(MeetingsMsg::NmBadDate), date_keyboard(turn, true)).await?;
                Ok(())
            }
        },
        Some(d) => match parse_time(input) {
            Some(t) => move_step(turn, dialogue, meeting_id, Some(d), Some(t), None).await,
            None => {
                turn.say_with(turn.t(MeetingsMsg::NmBadTime), time_keyboard(turn)).await?;
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
) -> ButtonResult {
    let starts_at = local_to_utc(turn.app.ctx.tz, date, time).ok_or("time zone gap")?;
    match svc::reschedule(&turn.app.ctx, Actor::Person(&turn.access), meeting_id, starts_at, None).await {
        Ok(m) => {
            dialogue.exit().await?;
            let done = turn.t(MeetingsMsg::MeetingMovedDone { when: format::meeting_when(turn.app, turn.lang(), &m) });
            turn.edit(message_id, done, None).await?;
            Ok(None)
        }
        Err(e @ AppError::Timing(_)) => {
            // Refused (e.g. less than 48 h ahead): say why and ask the date again.
            dialogue.set(Step::MoveMeeting { meeting_id, date: None, time: None }).await?;
            let text = format!("{}\n{}", turn.t(turn.refusal(&e)), turn.t(MeetingsMsg::NmChooseDate));
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
) -> ButtonResult {
    let m = match svc::managed(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(m) => m,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    dialogue.set(Step::CancelMeeting { meeting_id }).await?;
    let q = turn.t(MeetingsMsg::CancelMeetingConfirm {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: format::meeting_when(turn.app, turn.lang(), &m),
    });
    let k = kb(vec![vec![
        button(turn.t(MeetingsMsg::BtnConfirmCancelMeeting), Cb::MeetingCancelYes(meeting_id)),
        button(turn.t(MainMsg::BtnKeep), Cancel),
    ]]);
    edit_or_send(turn, Some(message_id), q, Some(k)).await?;
    Ok(None)
}

pub(super) async fn do_cancel(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    message_id: MessageId,
) -> ButtonResult {
    dialogue.exit().await?;
    match svc::cancel(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(_) => {
            turn.edit(message_id, turn.t(MeetingsMsg::MeetingCancelledDone), None).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
