//! A scheduled message rendered for one person: what the features' renderers produce and the
//! one delivery path (`telegram::delivery`) sends.

use crate::domain::{AppResult, Role};
use teloxide::types::InlineKeyboardMarkup;

/// What goes with the text.
#[derive(Debug, Clone)]
pub enum Attachment {
    None,
    /// A file already on Telegram's servers, re-sent by its file_id (no upload per member).
    FileId(String),
    /// A file made for this person (an export, a meeting's calendar file).
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// A picture made for this person (a chart), sent as a photo with the text as caption.
    Photo(Vec<u8>),
}

/// What to record once the message went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receipt {
    /// Who received which minutes.
    Minutes(i64),
    /// Who received which shared document.
    Document(i64),
    /// The message carrying the answer buttons of (meeting, organisation, role).
    Invitation { meeting_id: i64, organisation_id: i64, role: Role },
}

/// One message to one person, in their language.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    pub keyboard: Option<InlineKeyboardMarkup>,
    pub attachment: Attachment,
    /// Sent with protect_content: no forwarding, no saving.
    pub protect: bool,
    pub receipt: Option<Receipt>,
    /// Sent right after this one (a chart after the figures it shows). If it fails, it is
    /// logged and not retried: the message itself went out.
    pub then: Option<Box<Rendered>>,
}

impl Rendered {
    pub fn text(text: String) -> Self {
        Self { text, keyboard: None, attachment: Attachment::None, protect: false, receipt: None, then: None }
    }

    pub fn with_keyboard(mut self, k: InlineKeyboardMarkup) -> Self {
        self.keyboard = Some(k);
        self
    }

    pub fn with(mut self, attachment: Attachment) -> Self {
        self.attachment = attachment;
        self
    }

    pub fn protected(mut self) -> Self {
        self.protect = true;
        self
    }

    pub fn then(mut self, next: Rendered) -> Self {
        self.then = Some(Box::new(next));
        self
    }

    pub fn with_receipt(mut self, receipt: Receipt) -> Self {
        self.receipt = Some(receipt);
        self
    }
}

/// A rendering: the message, or why it is no longer worth sending (the job is skipped and the
/// reason recorded); an error is retried.
pub type RenderResult = AppResult<Result<Rendered, String>>;
