//! What the features of the chat layer share, below all of them: the turn of conversation,
//! the dialogue store, button data, formatting, the command menu and what a rendered
//! message is. Nothing here knows a feature.

pub mod callback;
pub mod format;
pub mod menu;
pub mod outgoing;
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
}
