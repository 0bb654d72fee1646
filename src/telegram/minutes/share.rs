//! /share (coordinators): a document to the members of one or more mechanisms.

use super::Step;
use crate::i18n::Msg;
use crate::telegram::shared::{BotDialogue, Cancel, DialogueExt, HandlerResult, Turn, button, kb};

/// /share (coordinators): a document to one or more mechanisms.
pub(super) async fn start_share(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !turn.access.coordinator {
        turn.say(if turn.access.is_member() { Msg::NotAllowed } else { Msg::NotAMember }).await?;
        return Ok(());
    }
    dialogue.set(Step::ShareAwaitDocument).await?;
    let k = kb(vec![vec![button(turn.t(Msg::BtnCancel), Cancel)]]);
    turn.say_with(turn.t(Msg::ShareSendDocument), k).await?;
    Ok(())
}
