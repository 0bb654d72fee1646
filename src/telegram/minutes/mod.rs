//! Minutes in the chat: /minutes (share, or receive again), /missing, /actions, /share, and
//! the minutes' scheduled messages.

pub mod callback;
mod dialog;
mod followup;
pub mod outgoing;
mod overview;
mod share;
mod source;

use crate::i18n::MainMsg;
use crate::services::minutes::MinutesContent;
use crate::services::people::DialogFor;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "minutes";

/// The steps of the minutes and share dialogs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    MinutesPick,
    MinutesContent {
        meeting_id: i64,
    },
    /// The text seems to hold personal data: kept only once the chair confirms.
    MinutesPersonalData {
        meeting_id: i64,
        content: MinutesContent,
    },
    MinutesActions {
        meeting_id: i64,
        content: MinutesContent,
    },
    /// The decisions taken at the meeting, for the register.
    MinutesDecisions {
        meeting_id: i64,
        content: MinutesContent,
        actions: Option<String>,
    },
    /// The follow-up of earlier meetings: each point marked done, carried or dropped.
    MinutesFollowUp {
        meeting_id: i64,
        content: MinutesContent,
        actions: Option<String>,
        decisions: Option<String>,
        marks: Vec<FollowUpMark>,
    },
    MinutesConfirm {
        meeting_id: i64,
        content: MinutesContent,
        actions: Option<String>,
        #[serde(default)]
        decisions: Option<String>,
        #[serde(default)]
        marks: Vec<FollowUpMark>,
        /// The class chosen (`Sensitivity::code`); internal until chosen.
        #[serde(default)]
        sensitivity: Option<u8>,
        /// Restricted minutes' organisations.
        #[serde(default)]
        orgs: Vec<i64>,
        #[serde(default)]
        org_page: u8,
        /// The organisation the chair names as the source (their own until another is named).
        #[serde(default)]
        source: Option<i64>,
        /// The page of the source list while it is open.
        #[serde(default)]
        source_page: Option<u8>,
    },
    ShareAwaitDocument,
    ShareMechanisms {
        file_id: String,
        file_name: Option<String>,
        caption: Option<String>,
        selected: Vec<i64>,
        /// The library type chosen (its code); "other" until chosen.
        #[serde(default)]
        doc_type: Option<u8>,
        /// The class chosen (`Sensitivity::code`); internal until chosen.
        #[serde(default)]
        sensitivity: Option<u8>,
        /// A restricted document's organisations.
        #[serde(default)]
        orgs: Vec<i64>,
        /// The page of organisations shown.
        #[serde(default)]
        org_page: u8,
    },
}

/// A point of the meeting's follow-up and what the chair marked for it so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpMark {
    pub item: crate::domain::memory::FollowUpRef,
    pub outcome: Option<crate::domain::memory::Outcome>,
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// /minutes
pub async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    dialog::start(turn, dialogue).await
}

/// /missing
pub async fn missing(turn: &mut Turn<'_>) -> HandlerResult {
    overview::missing(turn).await
}

/// /actions
pub async fn actions(turn: &mut Turn<'_>) -> HandlerResult {
    overview::actions(turn).await
}

/// /share
pub async fn share(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    share::start_share(turn, dialogue).await
}

/// A message (text or document) while one of this feature's dialogs is in progress.
/// What the minutes dialog at this step was opened for (checked again at every step).
fn opened_for(step: &Step) -> Option<DialogFor> {
    match step {
        Step::MinutesContent { meeting_id }
        | Step::MinutesPersonalData { meeting_id, .. }
        | Step::MinutesActions { meeting_id, .. }
        | Step::MinutesDecisions { meeting_id, .. }
        | Step::MinutesFollowUp { meeting_id, .. }
        | Step::MinutesConfirm { meeting_id, .. } => Some(DialogFor::ChairOfMeeting { meeting_id: *meeting_id }),
        Step::None | Step::MinutesPick | Step::ShareAwaitDocument | Step::ShareMechanisms { .. } => None,
    }
}

pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    if ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(());
    }
    if !dialog::on_input(turn, dialogue, &state.step::<Step>(), msg).await? {
        // The other steps expect a button.
        turn.say(MainMsg::FreeTextHint).await?;
    }
    Ok(())
}

/// A pressed button of this feature. Returns a short notice when the press had no effect.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    if ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(Some(MainMsg::DialogSeatLost.into()));
    }
    dialog::on_button(turn, dialogue, state.step::<Step>(), cb, message_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stored_before_the_class_was_chosen_still_load() {
        let old = r#"{"ShareMechanisms":{"file_id":"F","file_name":null,"caption":null,"selected":[1],"doc_type":2}}"#;
        let step: Step = serde_json::from_str(old).unwrap();
        assert!(
            matches!(step, Step::ShareMechanisms { sensitivity: None, org_page: 0, ref orgs, .. } if orgs.is_empty())
        );
        let old = r#"{"MinutesConfirm":{"meeting_id":3,"content":{"Text":"PV"},"actions":null}}"#;
        let step: Step = serde_json::from_str(old).unwrap();
        assert!(matches!(step, Step::MinutesConfirm { meeting_id: 3, sensitivity: None, .. }));
    }
}
