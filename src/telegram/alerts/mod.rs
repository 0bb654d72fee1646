//! /alert (/alerte): a member raises a displacement alert by buttons (region, cercle or a typed
//! P-code, date, households, cause, verified, source), the CMP chair (or a coordinator)
//! validates or refuses it in one tap and later closes it; present organisations answer with
//! Assess / Respond / Cannot. Every rule is checked again by `services::alerts`. Also the
//! alerts' scheduled messages (`outgoing.rs`).

pub mod callback;
mod decide;
mod dialog;
pub mod outgoing;
mod text;

use crate::domain::alert::AlertCause;
use crate::i18n::{AlertsMsg, MainMsg};
use crate::services::alerts as svc;
use crate::services::people::DialogFor;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "alerts";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    Raise(Box<Draft>),
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// The raise dialog so far (persisted after every step, so a restart loses nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub step: DraftStep,
    pub region: Option<String>,
    pub pcode: Option<String>,
    pub date: Option<NaiveDate>,
    pub households: Option<u32>,
    pub cause: Option<AlertCause>,
    pub verified: Option<bool>,
    /// Not nameable unless the member says so.
    pub nameable: bool,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftStep {
    #[default]
    Region,
    Cercle,
    Date,
    Households,
    Cause,
    Verified,
    Nameable,
    Source,
    Confirm,
}

/// /alert: the CMP chair and the coordinators see the open alerts with their buttons (and may
/// raise one if they sit somewhere); any other member starts the raise dialog; strangers are
/// told who may.
pub async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if svc::may_decide(&turn.app.ctx, turn.access.person.id).await? {
        return decide::menu(turn).await;
    }
    if !turn.access.is_member() {
        turn.say(AlertsMsg::AlNotMember).await?;
        return Ok(());
    }
    dialog::begin(turn, dialogue, None).await
}

/// A message while the raise dialog is in progress.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let (Some(text), Step::Raise(draft)) = (msg.text(), state.step::<Step>()) else {
        return turn.hint().await;
    };
    if ended_if_lost(turn, dialogue, Some(DialogFor::Member)).await? {
        return Ok(());
    }
    dialog::on_text(turn, dialogue, *draft, text).await
}

/// A pressed button of this feature.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    match (cb, state.step::<Step>()) {
        (Cb::Validate(id), _) => decide::validate(turn, id, message_id).await,
        (Cb::Refuse(id), _) => decide::refuse(turn, id, message_id).await,
        (Cb::Close(id), _) => decide::close(turn, id, message_id).await,
        (Cb::Commit { alert, org, commitment }, _) => decide::commit(turn, alert, org, commitment, message_id).await,
        (Cb::New, _) => {
            if !turn.access.is_member() {
                return Ok(Some(AlertsMsg::AlNotMember.into()));
            }
            dialog::begin(turn, dialogue, Some(message_id)).await?;
            Ok(None)
        }
        (_, Step::Raise(draft)) => {
            // A member who has left every mechanism since the dialog opened raises nothing.
            if ended_if_lost(turn, dialogue, Some(DialogFor::Member)).await? {
                return Ok(Some(MainMsg::DialogSeatLost.into()));
            }
            dialog::on_button(turn, dialogue, *draft, cb, message_id).await
        }
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
