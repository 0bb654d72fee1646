//! Meetings in the chat: /meetings (answers, and moving or cancelling for chairs),
//! /newmeeting, answers to invitations, /attendance, and the meetings' scheduled messages.

mod agenda;
mod attendance;
pub mod callback;
mod change;
mod list;
mod new_meeting;
pub mod outgoing;
mod participation;

use crate::i18n::MainMsg;
use crate::services::people::DialogFor;
use crate::telegram::shared::format::from_ymd;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "meetings";

/// The steps of the meetings' dialogs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    NewMeeting(Box<NmDraft>),
    MoveMeeting {
        meeting_id: i64,
        date: Option<NaiveDate>,
        time: Option<NaiveTime>,
    },
    CancelMeeting {
        meeting_id: i64,
    },
    AttendanceChoose,
    Attendance {
        meeting_id: i64,
        present: Vec<i64>,
    },
    /// A member is typing an agenda item for this meeting.
    ProposeItem {
        meeting_id: i64,
    },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// The /newmeeting dialog so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NmDraft {
    pub step: NmStep,
    pub mechanism_id: Option<i64>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub duration: Option<i64>,
    pub place: Option<String>,
    pub agenda: Option<String>,
    pub adhoc: Option<bool>,
    pub monthly: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NmStep {
    #[default]
    Mechanism,
    Date,
    Time,
    Duration,
    Place,
    Agenda,
    Kind,
    Recurrence,
    Confirm,
}

/// /meetings
pub async fn show(turn: &mut Turn<'_>) -> HandlerResult {
    list::show_meetings(turn, None).await
}

/// /newmeeting
pub async fn new_meeting(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    new_meeting::start_new_meeting(turn, dialogue).await
}

/// /participation
pub async fn participation(turn: &mut Turn<'_>) -> HandlerResult {
    participation::show(turn, None).await
}

/// /attendance
pub async fn attendance(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    attendance::start_attendance(turn, dialogue).await
}

/// A message while one of this feature's dialogs is in progress.
/// What the dialog at this step was opened for (checked again at every step).
fn opened_for(step: &Step) -> Option<DialogFor> {
    match step {
        Step::NewMeeting(d) => d.mechanism_id.map(|mechanism_id| DialogFor::Chair { mechanism_id }),
        Step::MoveMeeting { meeting_id, .. }
        | Step::CancelMeeting { meeting_id }
        | Step::Attendance { meeting_id, .. } => Some(DialogFor::ChairOfMeeting { meeting_id: *meeting_id }),
        Step::ProposeItem { meeting_id } => Some(DialogFor::SeatInMeeting { meeting_id: *meeting_id }),
        Step::None | Step::AttendanceChoose => None,
    }
}

pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    if ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(());
    }
    let Some(text) = msg.text() else {
        return turn.hint().await;
    };
    match state.step::<Step>() {
        Step::NewMeeting(draft) => new_meeting::new_meeting_text(turn, dialogue, *draft, text).await,
        Step::ProposeItem { meeting_id } => agenda::proposed_text(turn, dialogue, meeting_id, text).await,
        Step::MoveMeeting { meeting_id, date, time: None } => {
            change::move_text(turn, dialogue, meeting_id, date, text).await
        }
        // The other steps expect a button.
        _ => turn.hint().await,
    }
}

/// A pressed button of this feature. Returns a short notice when the press had no effect.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    // The buttons of a dialog in progress (the others stand alone).
    let in_dialog = matches!(
        cb,
        Cb::MeetingCancelYes(_)
            | Cb::MoveConfirm
            | Cb::NmMechanism(_)
            | Cb::NmDate(_)
            | Cb::NmTime(_)
            | Cb::NmDuration(_)
            | Cb::NmSkip
            | Cb::NmAdHoc(_)
            | Cb::NmMonthly(_)
            | Cb::NmCreate
            | Cb::AttToggle(_)
            | Cb::AttSave
    );
    if in_dialog && ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(Some(MainMsg::DialogSeatLost.into()));
    }
    match (cb, state.step::<Step>()) {
        (Cb::Rsvp { meeting, org, choice }, _) => list::rsvp(turn, meeting, org, choice, false, message_id).await,
        (Cb::RsvpFromList { meeting, org, choice }, _) => {
            list::rsvp(turn, meeting, org, choice, true, message_id).await
        }
        (Cb::ProposeItem(m), _) => agenda::start_propose(turn, dialogue, m).await,
        (Cb::ItemDecide { item, accept }, _) => agenda::decide(turn, item, accept, message_id).await,
        (Cb::StopSeries(s), _) => agenda::ask_stop_series(turn, s).await,
        (Cb::StopSeriesYes(s), _) => agenda::stop_series(turn, s, message_id).await,
        (Cb::PartMechanism(m), _) => {
            participation::show(turn, Some(m)).await?;
            Ok(None)
        }
        (Cb::Absence { mechanism, org, choice }, _) => {
            participation::absence_choice(turn, mechanism, org, choice).await
        }
        (Cb::MeetingMove(id), _) => change::start_move(turn, dialogue, id, message_id).await,
        (Cb::MeetingCancel(id), _) => change::ask_cancel(turn, dialogue, id, message_id).await,
        (Cb::MeetingCancelYes(id), Step::CancelMeeting { meeting_id }) if id == meeting_id => {
            change::do_cancel(turn, dialogue, id, message_id).await
        }
        (Cb::NmDate(v), Step::MoveMeeting { meeting_id, .. }) => {
            change::move_step(turn, dialogue, meeting_id, from_ymd(v), None, Some(message_id)).await?;
            Ok(None)
        }
        (Cb::NmTime(t), Step::MoveMeeting { meeting_id, date: Some(d), .. }) => {
            let time = NaiveTime::from_hms_opt(u32::from(t / 60), u32::from(t % 60), 0);
            change::move_step(turn, dialogue, meeting_id, Some(d), time, Some(message_id)).await?;
            Ok(None)
        }
        (Cb::MoveConfirm, Step::MoveMeeting { meeting_id, date: Some(d), time: Some(t) }) => {
            change::confirm_move(turn, dialogue, meeting_id, d, t, message_id).await
        }
        (
            cb @ (Cb::NmMechanism(_)
            | Cb::NmDate(_)
            | Cb::NmTime(_)
            | Cb::NmDuration(_)
            | Cb::NmSkip
            | Cb::NmAdHoc(_)
            | Cb::NmMonthly(_)
            | Cb::NmCreate),
            Step::NewMeeting(draft),
        ) => new_meeting::new_meeting_button(turn, dialogue, *draft, cb, message_id).await,
        (cb @ (Cb::AttMeeting(_) | Cb::AttToggle(_) | Cb::AttSave), step) => {
            attendance::attendance_button(turn, dialogue, step, cb, message_id).await
        }
        // A button from another step, an old message, or forged data: no effect.
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
