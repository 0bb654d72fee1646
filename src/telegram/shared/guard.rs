//! The guard around every update handler: a handler that panics or fails never takes the
//! dispatcher down, the person is answered with a translated "something went wrong", and the
//! log line carries the update id and the kind of failure — never the update's text.

use super::App;
use crate::domain::Language;
use crate::i18n::MainMsg;
use crate::observability::logging::first_clause;
use futures::FutureExt;
use std::panic::AssertUnwindSafe;
use teloxide::prelude::*;
use teloxide::types::{CallbackQueryId, ChatId};

/// Who sent the update, enough to answer them when its handler fails.
#[derive(Debug, Clone)]
pub enum Sender {
    /// A message in a private chat.
    Chat { chat: ChatId, lang: Language },
    /// A pressed button (answered with a notice on the button, else a message).
    Button { query: CallbackQueryId, chat: Option<ChatId>, lang: Language },
    /// Nobody to answer (a group, a channel).
    Nobody,
}

impl Sender {
    pub fn of_message(msg: &Message) -> Self {
        match (&msg.from, msg.chat.is_private()) {
            (Some(user), true) => {
                Sender::Chat { chat: msg.chat.id, lang: Language::from_client(user.language_code.as_deref()) }
            }
            _ => Sender::Nobody,
        }
    }

    pub fn of_query(q: &CallbackQuery) -> Self {
        let chat = q.message.as_ref().map(|m| m.chat().id).filter(|c| c.is_user());
        Sender::Button { query: q.id.clone(), chat, lang: Language::from_client(q.from.language_code.as_deref()) }
    }
}

/// How a handler ended, as the log and the person are told of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Panicked,
    Failed,
}

/// A failure already logged and answered by [`guarded`]: the dispatcher's error handler
/// ([`quiet_errors`]) lets it pass, and the update is counted with the outcome "error".
#[derive(Debug, thiserror::Error)]
#[error("the update handler failed; logged and answered")]
pub struct Caught;

/// Runs `handler`; a panic or an error is caught, counted, logged without content and
/// answered. A panic never unwinds into the dispatcher, so its worker for the chat stays
/// alive and the next update of the chat is handled.
pub async fn guarded<F>(app: &App, bot: &Bot, sender: Sender, handler: F) -> Result<(), super::HandlerError>
where
    F: Future<Output = Result<(), super::HandlerError>>,
{
    let failure = match AssertUnwindSafe(handler).catch_unwind().await {
        Ok(Ok(())) => return Ok(()),
        Ok(Err(e)) => {
            let during_a_request = e.downcast_ref::<teloxide::RequestError>().is_some();
            tracing::error!(error = %describe(&*e), "an update handler failed");
            if during_a_request {
                // A request to Telegram failed: a second one to say so would most likely fail too.
                return Err(Caught.into());
            }
            Failure::Failed
        }
        Err(_) => {
            // The panic's message and place are printed by the panic hook (see
            // `crate::observability::logging`), without the update.
            tracing::error!("an update handler panicked; the person is told nothing was saved");
            app.ctx.telemetry.count(crate::observability::metrics::names::PANICS, &[("where", "handler")], 1);
            Failure::Panicked
        }
    };
    tell(app, bot, &sender, failure).await;
    Err(Caught.into())
}

/// The dispatcher's error handler: what [`guarded`] caught is already logged; anything else
/// is logged by its kind only.
pub fn quiet_errors() -> std::sync::Arc<impl teloxide::error_handlers::ErrorHandler<super::HandlerError>> {
    std::sync::Arc::new(|e: super::HandlerError| async move {
        if e.downcast_ref::<Caught>().is_none() {
            tracing::error!(error = %describe(&*e), "an update handler failed");
        }
    })
}

async fn tell(app: &App, bot: &Bot, sender: &Sender, failure: Failure) {
    let msg = match failure {
        Failure::Panicked => MainMsg::HandlerFailed,
        Failure::Failed => MainMsg::InternalError,
    };
    let (chat, lang) = match sender {
        Sender::Nobody => return,
        Sender::Chat { chat, lang } => (Some(*chat), *lang),
        Sender::Button { query, chat, lang } => {
            let text = app.i18n.render(*lang, &msg);
            // Already answered by the handler before it failed: then a message says it.
            if bot.answer_callback_query(query.clone()).text(text).show_alert(true).await.is_ok() {
                return;
            }
            (*chat, *lang)
        }
    };
    let Some(chat) = chat else { return };
    let text = app.i18n.render(lang, &msg);
    if let Err(e) = super::paced(app, chat, || bot.send_message(chat, text.clone()).into_future()).await {
        tracing::warn!(error = %describe(&e), chat = chat.0, "could not tell the person their update failed");
    }
}

/// What a handler's error is, without what it may quote: a Bot API error keeps Telegram's
/// description, a network error its kind, anything else its first clause (a JSON error would
/// otherwise carry the response body, which quotes the message).
pub fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(r) = e.downcast_ref::<teloxide::RequestError>() {
        return match r {
            teloxide::RequestError::Api(api) => format!("Bot API: {api}"),
            teloxide::RequestError::MigrateToChatId(_) => "the group became a supergroup".into(),
            teloxide::RequestError::RetryAfter(s) => format!("429, retry after {:?}", s.duration()),
            teloxide::RequestError::Network(n) if n.is_timeout() => "network: timed out".into(),
            teloxide::RequestError::Network(_) => "network error".into(),
            teloxide::RequestError::InvalidJson { .. } => "the Bot API's answer could not be read".into(),
            teloxide::RequestError::Io(_) => "input/output error".into(),
        };
    }
    first_clause(&e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_errors_keep_no_body() {
        let raw = "{\"ok\":true,\"result\":{\"text\":\"Awa Traoré\"}}".to_string();
        let source = serde_json::from_str::<u8>(&raw).unwrap_err();
        let e = teloxide::RequestError::InvalidJson { source: source.into(), raw: raw.into() };
        let said = describe(&e);
        assert!(!said.contains("Awa"), "{said}");
    }
}
