//! /share (coordinators): a document to the members of one or more mechanisms.

use super::Step;
use crate::i18n::{MainMsg, MinutesMsg};
use crate::telegram::shared::{BotDialogue, Cancel, DialogueExt, HandlerResult, Turn, button, kb};

/// /share (coordinators): a document to one or more mechanisms.
pub(super) async fn start_share(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !turn.access.coordinator {
        turn.say(if turn.access.is_member() { MainMsg::NotAllowed } else { MainMsg::NotAMember }).await?;
        return Ok(());
    }
    dialogue.set(Step::ShareAwaitDocument).await?;
    let k = kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]]);
    turn.say_with(turn.t(MinutesMsg::ShareSendDocument), k).await?;
    Ok(())
}
