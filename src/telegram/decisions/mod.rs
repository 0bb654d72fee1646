//! Decisions by vote in the chat: /vote (chairs, coordinators), the ballot and hand-over
//! buttons (every rule checked again by the services), /decisions, and the votes' scheduled
//! messages (question, reminder, hand-over, result).

mod ballot;
pub mod callback;
mod lists;
pub mod outgoing;
pub mod register;
mod vote;

use crate::domain::vote::Choices;
use crate::i18n::MainMsg;
use crate::services::people::DialogFor;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "decisions";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    Vote(Box<VoteDraft>),
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// The /vote dialog so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteDraft {
    pub step: VoteStep,
    pub mechanism_id: Option<i64>,
    pub question: Option<String>,
    pub choices: Option<Choices>,
    pub hours: Option<i64>,
    pub secret: Option<bool>,
    /// `Some(None)`: no meeting chosen on purpose.
    pub meeting_id: Option<Option<i64>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteStep {
    #[default]
    Mechanism,
    Question,
    Kind,
    Options,
    Duration,
    Secrecy,
    Meeting,
    Confirm,
}

/// /vote
pub async fn vote(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    vote::start(turn, dialogue).await
}

/// /decisions
pub async fn decisions(turn: &mut Turn<'_>) -> HandlerResult {
    lists::decisions(turn).await
}

/// What the vote dialog was opened for, once its mechanism is chosen.
fn opened_for(step: &Step) -> Option<DialogFor> {
    match step {
        Step::Vote(d) => d.mechanism_id.map(|mechanism_id| DialogFor::Chair { mechanism_id }),
        Step::None => None,
    }
}

/// A message while one of this feature's dialogs is in progress.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let Some(text) = msg.text() else {
        return turn.hint().await;
    };
    if ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(());
    }
    match state.step::<Step>() {
        Step::Vote(draft) => vote::on_text(turn, dialogue, *draft, text).await,
        Step::None => turn.hint().await,
    }
}

/// A pressed button of this feature. Every rule is checked again by the services.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    match (cb, state.step::<Step>()) {
        (Cb::Ballot { vote, org, choice }, _) => ballot::cast(turn, vote, org, choice, message_id).await,
        (Cb::Handover { vote, org }, _) => ballot::hand_over(turn, vote, org, message_id).await,
        (Cb::RegisterXlsx, _) => lists::send_xlsx(turn).await,
        (
            cb @ (Cb::VoteMechanism(_)
            | Cb::VoteYesNo(_)
            | Cb::VoteHours(_)
            | Cb::VoteSecret(_)
            | Cb::VoteMeeting(_)
            | Cb::VoteConfirm),
            Step::Vote(draft),
        ) => {
            let opened_for = draft.mechanism_id.map(|mechanism_id| DialogFor::Chair { mechanism_id });
            if ended_if_lost(turn, dialogue, opened_for).await? {
                return Ok(Some(MainMsg::DialogSeatLost.into()));
            }
            vote::on_button(turn, dialogue, *draft, cb, message_id).await
        }
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
