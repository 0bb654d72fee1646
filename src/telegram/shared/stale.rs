//! A dialog opened for a seat or a role the person no longer holds acts on nothing: checked at
//! every step (a message or a press of one of its buttons), it ends with a notice.

use super::{BotDialogue, HandlerError, Turn};
use crate::i18n::MainMsg;
use crate::services::people::{DialogFor, still_holds};

/// Ends the dialog and says so when the person no longer holds what it was opened for;
/// returns whether it ended.
pub async fn ended_if_lost(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    what: Option<DialogFor>,
) -> Result<bool, HandlerError> {
    let Some(what) = what else { return Ok(false) };
    if still_holds(&turn.app.ctx, &turn.access, what).await? {
        return Ok(false);
    }
    dialogue.exit().await?;
    turn.say(MainMsg::DialogSeatLost).await?;
    Ok(true)
}
