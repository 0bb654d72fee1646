//! Sending a rendered message: a text (split when too long), or a file with the text as its
//! caption (cut at the caption's limit, the rest following as messages, see `long.rs`).
//! Every request waits for its turn at the pacer (the first one before the recipient is
//! checked, see `deliver`). The requests of a delivery are its parts, numbered in order: each
//! answer's message id is recorded as soon as it comes (`job_sends`), and a part answered in
//! an earlier run of the job is not sent again.

use super::TelegramRunner;
use super::long::caption_and_rest;
use crate::scheduler::pacer::Slot;
use crate::storage::job_sends;
use crate::telegram::shared::outgoing::{Attachment, Rendered};
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{FileId, InputFile, MessageId};

/// The requests of one delivery: the pacer's turn already taken for the first one, and the
/// parts answered in an earlier run of the job.
pub(super) struct Requests<'a> {
    held: Option<Slot<'a>>,
    job_id: i64,
    answered: Vec<(i64, i64)>,
    next_part: i64,
}

impl<'a> Requests<'a> {
    pub(super) fn new(job_id: i64, slot: Slot<'a>, answered: Vec<(i64, i64)>) -> Self {
        Self { held: Some(slot), job_id, answered, next_part: 0 }
    }
}

/// A request's message: sent now, or answered in an earlier run (only its id is known).
pub(super) enum Sent {
    Now(Box<Message>),
    Before(MessageId),
}

impl Sent {
    pub(super) fn id(&self) -> MessageId {
        match self {
            Sent::Now(m) => m.id,
            Sent::Before(id) => *id,
        }
    }
}

impl TelegramRunner {
    /// Sends the message. The first request sent uses the caller's turn at the pacer (taken
    /// before the send-time check); every other request (the file after a long text, a
    /// follow-up) waits for its own. Returns the id of the message that carries the buttons,
    /// and whether it is a document (its text is then a caption).
    pub(super) async fn send(
        &self,
        chat: ChatId,
        r: &Rendered,
        requests: &mut Requests<'_>,
    ) -> Result<(MessageId, bool), RequestError> {
        let sent = self.send_one(chat, r, requests).await?;
        if let Some(next) = &r.then
            && let Err(e) = Box::pin(self.send_one(chat, next, requests)).await
        {
            // The message itself went out; sending it again for its follow-up would repeat it.
            tracing::warn!(error = %e, chat = chat.0, "follow-up not sent");
        }
        Ok(sent)
    }

    /// The next part at its turn: the slot already held, or a new one, freed when answered;
    /// the answer's message id is recorded at once. A part answered in an earlier run is not
    /// sent again.
    pub(super) async fn paced(
        &self,
        chat: ChatId,
        requests: &mut Requests<'_>,
        request: impl std::future::IntoFuture<Output = Result<Message, RequestError>>,
    ) -> Result<Sent, RequestError> {
        let part = requests.next_part;
        requests.next_part = part.saturating_add(1);
        if let Some((_, id)) = requests.answered.iter().find(|(p, _)| *p == part) {
            return Ok(Sent::Before(MessageId(i32::try_from(*id).unwrap_or_default())));
        }
        let slot = match requests.held.take() {
            Some(slot) => slot,
            None => {
                let slot = self.pacer.acquire(chat.0).await;
                self.spacing.wait().await;
                slot
            }
        };
        let answer = request.await;
        drop(slot);
        // A failed request keeps its number: tried again, it is the same part.
        let msg = answer.inspect_err(|_| requests.next_part = part)?;
        let (db, now) = (&self.app.ctx.db, self.app.ctx.clock.now());
        if let Err(e) = job_sends::record(db, requests.job_id, part, chat.0, i64::from(msg.id.0), now).await {
            // Sent all the same; only a crash before the job is acknowledged would repeat it.
            tracing::error!(error = %e, job_id = requests.job_id, part, "could not record a sent message");
        }
        Ok(Sent::Now(Box::new(msg)))
    }

    async fn send_one(
        &self,
        chat: ChatId,
        r: &Rendered,
        requests: &mut Requests<'_>,
    ) -> Result<(MessageId, bool), RequestError> {
        match &r.attachment {
            Attachment::None => {
                self.send_text(chat, &r.text, r.keyboard.as_ref(), r.protect, requests).await.map(|id| (id, false))
            }
            Attachment::FileId(id) => self.send_file(chat, r, InputFile::file_id(FileId(id.clone())), requests).await,
            Attachment::Bytes { name, bytes } => {
                self.send_file(chat, r, InputFile::memory(bytes.clone()).file_name(name.clone()), requests).await
            }
            Attachment::Photo(bytes) => self.send_photo(chat, r, InputFile::memory(bytes.clone()), requests).await,
        }
    }

    /// A picture with the text as its caption (the rest of a long text follows).
    async fn send_photo(
        &self,
        chat: ChatId,
        r: &Rendered,
        photo: InputFile,
        requests: &mut Requests<'_>,
    ) -> Result<(MessageId, bool), RequestError> {
        let photo = photo.file_name("chart.png");
        let (caption, rest) = caption_and_rest(&r.text);
        let mut req = self.bot.send_photo(chat, photo).caption(caption).protect_content(r.protect);
        if let Some(kb) = &r.keyboard {
            req = req.reply_markup(kb.clone());
        }
        let msg = self.paced(chat, requests, req).await?;
        self.send_following(chat, requests, rest, r.protect).await;
        Ok((msg.id(), true))
    }

    /// A file (already on Telegram's servers, or made for this person) with the text as its
    /// caption (the rest of a long text follows).
    async fn send_file(
        &self,
        chat: ChatId,
        r: &Rendered,
        file: InputFile,
        requests: &mut Requests<'_>,
    ) -> Result<(MessageId, bool), RequestError> {
        let (caption, rest) = caption_and_rest(&r.text);
        let mut req = self.bot.send_document(chat, file).caption(caption).protect_content(r.protect);
        if let Some(kb) = &r.keyboard {
            req = req.reply_markup(kb.clone());
        }
        let msg = self.paced(chat, requests, req).await?;
        self.send_following(chat, requests, rest, r.protect).await;
        Ok((msg.id(), true))
    }
}
