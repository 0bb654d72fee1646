//! The monthly 4W in the chat: the /report dialog (month, organisation, lines one by one,
//! review, submit, "same as last month", "no activity", "work in a spreadsheet"), the
//! correction of a returned line, and the cycle's reminders, return and approval notices.

mod buttons;
pub mod callback;
mod dialog;
mod draft;
pub mod outgoing;
mod review;
mod sheet;
mod steps;

use crate::i18n::{FivewMsg, MainMsg};
use crate::services::people::DialogFor;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use draft::ReportDraft;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "report";

/// The /report dialog: its draft, persisted at every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dialog {
    #[default]
    None,
    Report(Box<ReportDraft>),
}

impl DialogStep for Dialog {
    const FEATURE: &'static str = FEATURE;
}

/// /report
pub async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    dialog::start(turn, dialogue).await
}

/// /cancel during the dialog: ask before discarding the draft.
pub async fn ask_cancel(turn: &Turn<'_>) -> HandlerResult {
    dialog::ask_cancel(turn, None).await
}

/// The seat the draft was opened for (organisation and mechanism), once chosen: a dialog
/// whose person no longer holds it acts on nothing, reads nothing more, and ends.
fn opened_for(state: &State) -> Option<DialogFor> {
    let Dialog::Report(draft) = state.step::<Dialog>() else { return None };
    Some(DialogFor::Reporting { organisation_id: draft.org_id?, mechanism_id: draft.mechanism_id? })
}

/// A message while the dialog is in progress.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    if ended_if_lost(turn, dialogue, opened_for(state)).await? {
        return Ok(());
    }
    match (state.step::<Dialog>(), msg.text()) {
        (Dialog::Report(draft), _) if msg.document().is_some() => {
            sheet::file_received(turn, dialogue, *draft, msg.document().expect("checked")).await
        }
        (Dialog::Report(draft), Some(_)) if draft.step == draft::Step::Sheet => {
            turn.say(FivewMsg::FwSheetWaiting).await?;
            Ok(())
        }
        (Dialog::Report(draft), Some(text)) => steps::text(turn, dialogue, *draft, text).await,
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
    if !matches!(cb, Cb::FwFix(_)) && ended_if_lost(turn, dialogue, opened_for(state)).await? {
        return Ok(Some(MainMsg::DialogSeatLost.into()));
    }
    match (cb, state.step::<Dialog>()) {
        (Cb::FwFix(line_id), _) => buttons::fix_pressed(turn, dialogue, line_id).await,
        (cb, Dialog::Report(draft)) => buttons::button_press(turn, dialogue, *draft, cb, message_id).await,
        // A button from another step, an old message, or forged data: no effect.
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
