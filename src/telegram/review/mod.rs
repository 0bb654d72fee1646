//! The 4W for chairs and coordinators: /review (return a line with a comment, approve a
//! submission), /lock and /unlock, /wherewho, /export, and the post-deadline matrix.

mod approve;
pub mod callback;
mod export;
mod lines;
pub mod outgoing;
mod wherewho;

use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "review";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    /// The chair is typing the comment of a line being returned.
    ReturnComment { line_id: i64 },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// /review [YYYY-MM]
pub async fn review(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    lines::review(turn, args).await
}

/// /lock [YYYY-MM] and /unlock YYYY-MM (coordinators)
pub async fn lock(turn: &mut Turn<'_>, args: &[&str], lock: bool) -> HandlerResult {
    approve::lock(turn, args, lock).await
}

/// /wherewho [YYYY-MM]
pub async fn where_who(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    wherewho::where_who(turn, args).await
}

/// /export [YYYY-MM]
pub async fn export(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    export::export(turn, args).await
}

/// A message while the chair is typing a return comment.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    match (state.step::<Step>(), msg.text()) {
        (Step::ReturnComment { line_id }, Some(text)) => lines::return_comment(turn, dialogue, line_id, text).await,
        _ => turn.hint().await,
    }
}

/// A pressed button of this feature. Returns a short notice when the press had no effect.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    _state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    match cb {
        Cb::ReviewPage { month, mechanism, page } => {
            lines::page_pressed(turn, month, mechanism, page, message_id).await
        }
        Cb::FwReturn(line_id) => lines::return_pressed(turn, dialogue, line_id).await,
        Cb::GapToAgenda { mechanism, month, rank } => wherewho::gap_to_agenda(turn, mechanism, month, rank).await,
        Cb::FwApprove(submission_id) => approve::approve_pressed(turn, submission_id).await,
        Cb::ExportShared { month, mechanism } => export::shared_pressed(turn, month, mechanism).await,
    }
}
