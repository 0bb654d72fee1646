//! What the features of the chat layer share, below all of them: the turn of conversation,
//! the dialogue store, button data, formatting, the command menu and what a rendered
//! message is. Nothing here knows a feature.

pub mod alert_agenda;
pub mod callback;
pub mod charts;
pub mod fault;
pub mod followup;
pub mod format;
pub mod guard;
pub mod menu;
pub mod outgoing;
pub mod reuse;
pub mod stale;
pub mod state;
pub mod turn;
pub mod votes;

use crate::i18n::I18n;
use crate::services::Ctx;
use std::sync::Arc;

pub use callback::{CallbackData, Cancel};
pub use state::{BotDialogue, DialogStep, DialogueExt, State};
pub use turn::{ButtonResult, HandlerError, HandlerResult, Turn, button, edit_or_send, kb};

/// What every handler receives.
#[derive(Clone)]
pub struct App {
    pub ctx: Ctx,
    pub i18n: Arc<I18n>,
    /// Public base address of the bot's HTTP server (calendar feed links), when it has one.
    pub public_url: Option<url::Url>,
    /// The one budget of sends under Telegram's limits, shared by replies (served first) and
    /// scheduled messages.
    pub pacer: Arc<crate::scheduler::pacer::Pacer>,
}

/// How many times a reply that meets a 429 waits and tries again before giving up.
const REPLY_ATTEMPTS: usize = 6;

/// Sends a reply (or an edit) through the pacer, before the scheduled sends waiting; a 429
/// pauses everyone for its `retry_after`, then the reply is sent — never dropped for it.
pub async fn paced<T, F, Fut>(app: &App, chat: teloxide::types::ChatId, request: F) -> Result<T, teloxide::RequestError>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, teloxide::RequestError>>,
{
    let mut attempt = 0;
    loop {
        let slot = app.pacer.acquire_reply(chat.0).await;
        let result = request().await;
        drop(slot);
        match result {
            Err(teloxide::RequestError::RetryAfter(secs)) if attempt + 1 < REPLY_ATTEMPTS => {
                attempt += 1;
                app.pacer.back_off(secs.duration());
                tracing::info!(chat = chat.0, wait = ?secs.duration(), "reply met a 429; it waits and is sent");
            }
            other => return other,
        }
    }
}
