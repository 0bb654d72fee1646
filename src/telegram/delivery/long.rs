//! Texts longer than Telegram takes: a message's text is split into several messages, in
//! order, the first one carrying the buttons (its id is what the receipts record and what
//! answers edit, and the buttons stay under the meeting's or the document's main lines); a
//! caption is cut at its limit and the rest follows as messages. The bot sends plain text
//! (no parse mode), so a cut can never break an entity; it never falls inside a character,
//! a surrogate pair or an emoji sequence, and prefers a line break or a space
//! (`domain::text::split_first`).

use super::TelegramRunner;
use super::send::Requests;
use crate::domain::text::{CAPTION_MAX_UTF16, MESSAGE_MAX_UTF16, split_first, split_to_limit};
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

/// How many 429s a piece that follows a sent message waits out before it is given up.
const FOLLOWING_ATTEMPTS: usize = 6;

/// A caption that fits, and the rest of the text in pieces that fit a message.
pub(super) fn caption_and_rest(text: &str) -> (String, Vec<String>) {
    let (caption, rest) = split_first(text, CAPTION_MAX_UTF16);
    (caption.to_string(), split_to_limit(rest, MESSAGE_MAX_UTF16))
}

impl TelegramRunner {
    /// A text in as many messages as it needs; returns the id of the first (with the buttons).
    pub(super) async fn send_text(
        &self,
        chat: ChatId,
        text: &str,
        keyboard: Option<&InlineKeyboardMarkup>,
        protect: bool,
        requests: &mut Requests<'_>,
    ) -> Result<MessageId, RequestError> {
        let mut pieces = split_to_limit(text, MESSAGE_MAX_UTF16).into_iter();
        // An empty text is sent as it is: Telegram's refusal is the honest outcome.
        let first = pieces.next().unwrap_or_else(|| text.to_string());
        let mut req = self.bot.send_message(chat, first).protect_content(protect);
        if let Some(kb) = keyboard {
            req = req.reply_markup(kb.clone());
        }
        let msg = self.paced(chat, requests, req).await?;
        self.send_following(chat, requests, pieces.collect(), protect).await;
        Ok(msg.id())
    }

    /// The pieces that follow a message already sent, each at its turn. A 429 is waited out
    /// here: failing the delivery would send again what already went out.
    /// Each piece is a part of the delivery of its own (see `send::Requests`).
    pub(super) async fn send_following(
        &self,
        chat: ChatId,
        requests: &mut Requests<'_>,
        pieces: Vec<String>,
        protect: bool,
    ) {
        for piece in pieces {
            let mut attempt = 0;
            loop {
                let req = self.bot.send_message(chat, piece.clone()).protect_content(protect);
                match self.paced(chat, requests, req).await {
                    Ok(_) => break,
                    Err(RequestError::RetryAfter(secs)) if attempt + 1 < FOLLOWING_ATTEMPTS => {
                        attempt += 1;
                        self.pacer.back_off(secs.duration());
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, chat = chat.0, "the rest of a long message was not sent");
                        return;
                    }
                }
            }
        }
    }
}
