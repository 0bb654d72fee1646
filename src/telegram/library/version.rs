//! A new version of a library document sent in the chat: "🆕" under a document (coordinators
//! and its mechanisms' chairs) asks for the file; the next document the person sends is filed
//! as its new version and goes to the members. The service checks who may, again, at the end.

use crate::domain::AppError;
use crate::i18n::{MainMsg, MinutesMsg};
use crate::services::library;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogStep, DialogueExt, HandlerResult, State, Turn, button, kb,
};
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;

pub const FEATURE: &str = "library";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    /// The file of a new version of this document is awaited.
    AwaitVersion { document_id: i64 },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// "🆕" pressed: the document must be current and the person one who manages it.
pub(super) async fn ask(turn: &mut Turn<'_>, dialogue: &BotDialogue, document_id: i64) -> ButtonResult {
    let doc = match library::managed(&turn.app.ctx, &turn.access, document_id).await {
        Ok(d) => d,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    dialogue.set(Step::AwaitVersion { document_id }).await?;
    let k = kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]]);
    turn.say_with(turn.t(MinutesMsg::LibSendNewVersion { title: doc.title }), k).await?;
    Ok(None)
}

/// The file of the new version (anything else is asked again).
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let Step::AwaitVersion { document_id } = state.step::<Step>() else {
        return turn.hint().await;
    };
    let Some(doc) = msg.document() else {
        let title = match library::managed(&turn.app.ctx, &turn.access, document_id).await {
            Ok(d) => d.title,
            Err(e) => {
                dialogue.exit().await?;
                turn.say(turn.refusal(&e)).await?;
                return Ok(());
            }
        };
        turn.say(MinutesMsg::LibSendNewVersion { title }).await?;
        return Ok(());
    };
    let caption = msg.caption();
    let filed = library::new_version(
        &turn.app.ctx,
        &turn.access,
        document_id,
        &doc.file.id.0,
        doc.file_name.as_deref(),
        caption,
    )
    .await;
    match filed {
        Ok((_, d)) => {
            dialogue.exit().await?;
            turn.say(MinutesMsg::LibNewVersionDone { title: d.title, version: d.version }).await?;
        }
        // A caption too long or with personal data: the file is asked again, with the reason.
        Err(e @ (AppError::TextTooLong { .. } | AppError::PersonalData(_))) => {
            turn.say(turn.refusal(&e)).await?;
        }
        Err(e) => {
            dialogue.exit().await?;
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}
