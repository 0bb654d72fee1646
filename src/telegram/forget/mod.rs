//! /forget (/oublier): a person asks the bot to forget them. The bot says what will end and
//! what stays, asks Yes / No, and on Yes erases them (`services::retention::forget_me`). Open
//! to anyone who has written to the bot, member or not.

pub mod callback;

use crate::i18n::AccessMsg;
use crate::services::retention;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};
use callback::Cb;
use teloxide::types::MessageId;

pub async fn ask(turn: &mut Turn<'_>) -> HandlerResult {
    let seats: Vec<String> =
        turn.access.memberships.iter().map(|m| format!("{} — {}", m.organisation.acronym, m.mechanism.code)).collect();
    let seats = if seats.is_empty() { "none".to_string() } else { seats.join(", ") };
    let keyboard = kb(vec![vec![
        button(turn.t(AccessMsg::BtnForgetYes), Cb::Yes),
        button(turn.t(AccessMsg::BtnForgetNo), Cb::No),
    ]]);
    turn.say_with(turn.t(AccessMsg::ForgetAsk { seats }), keyboard).await?;
    Ok(())
}

pub async fn on_button(turn: &mut Turn<'_>, cb: Cb, message_id: MessageId) -> ButtonResult {
    match cb {
        Cb::No => {
            turn.edit(message_id, turn.t(AccessMsg::ForgetKept), None).await?;
            Ok(None)
        }
        Cb::Yes => {
            // The answer is written before the erasure, in the person's language.
            let done = turn.t(AccessMsg::ForgetDone);
            match retention::forget_me(&turn.app.ctx, &turn.access.person).await {
                Ok(_) => {
                    turn.edit(message_id, done, None).await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
    }
}
