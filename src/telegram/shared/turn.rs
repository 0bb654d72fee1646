//! One turn of conversation and the pieces every feature uses to answer: keyboards, long
//! texts split to Telegram's limit, and the translation of a refusal.

use super::callback::CallbackData;
use super::menu;
use super::{App, paced};
use crate::domain::meeting::TimingError;
use crate::domain::minutes::ActionLineError;
use crate::domain::{AppError, Language, MenuRole, NameError};
use crate::i18n::{AccessMsg, FivewMsg, MainMsg, MeetingsMsg, MinutesMsg, Msg};
use crate::services::people::{self, Access};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, MessageId};

pub type HandlerError = Box<dyn std::error::Error + Send + Sync + 'static>;
pub type HandlerResult = Result<(), HandlerError>;
/// What a button press answers: nothing, or a short notice shown on the button.
pub type ButtonResult = Result<Option<Msg>, HandlerError>;

/// Telegram's own limit on a message's text, with room for a few characters.
pub const TELEGRAM_TEXT_LIMIT: usize = 4000;
/// How much of a typed organisation acronym is repeated back.
pub const MAX_TYPED_ACRONYM: usize = 60;

/// One turn of conversation: who is talking, in which chat and language.
pub struct Turn<'a> {
    /// Private: every request of a feature goes through the methods below, which wait for the
    /// pacer (one budget with the scheduled sends) and retry after a 429.
    bot: &'a Bot,
    pub app: &'a App,
    pub chat: ChatId,
    pub access: Access,
}

impl Turn<'_> {
    pub fn lang(&self) -> Language {
        self.access.person.language
    }

    pub fn t(&self, msg: impl Into<Msg>) -> String {
        self.app.i18n.render(self.lang(), msg)
    }

    pub async fn say(&self, msg: impl Into<Msg>) -> Result<Message, teloxide::RequestError> {
        let text = self.t(msg);
        paced(self.app, self.chat, || self.bot.send_message(self.chat, text.clone()).into_future()).await
    }

    /// A message the dialog did not ask for: the hint to use the buttons or a command.
    pub async fn hint(&self) -> HandlerResult {
        self.say(MainMsg::FreeTextHint).await?;
        Ok(())
    }

    pub async fn say_with(&self, text: String, kb: InlineKeyboardMarkup) -> Result<Message, teloxide::RequestError> {
        paced(self.app, self.chat, || {
            self.bot.send_message(self.chat, text.clone()).reply_markup(kb.clone()).into_future()
        })
        .await
    }

    /// A text that must not be forwarded or saved (what comes from internal minutes).
    pub async fn say_protected(
        &self,
        text: String,
        kb: Option<InlineKeyboardMarkup>,
    ) -> Result<Message, teloxide::RequestError> {
        paced(self.app, self.chat, || {
            let mut req = self.bot.send_message(self.chat, text.clone()).protect_content(true);
            if let Some(k) = &kb {
                req = req.reply_markup(k.clone());
            }
            req.into_future()
        })
        .await
    }

    /// Like [`Self::say_long`], every piece protected.
    pub async fn say_long_protected(&self, lines: Vec<String>) -> Result<(), teloxide::RequestError> {
        self.say_long_protected_with(lines, None).await
    }

    /// Like [`Self::say_long_protected`], the buttons under the last piece.
    pub async fn say_long_protected_with(
        &self,
        lines: Vec<String>,
        kb: Option<InlineKeyboardMarkup>,
    ) -> Result<(), teloxide::RequestError> {
        let chunks = chunks_of(lines);
        let last = chunks.len().saturating_sub(1);
        for (i, chunk) in chunks.into_iter().enumerate() {
            self.say_protected(chunk, if i == last { kb.clone() } else { None }).await?;
        }
        Ok(())
    }

    /// Sends a long text in pieces that fit Telegram's limit, one line never split.
    pub async fn say_long(&self, lines: Vec<String>) -> Result<(), teloxide::RequestError> {
        let chunks = chunks_of(lines);
        // The pacer keeps the pieces within one message per second in the chat.
        for chunk in chunks {
            paced(self.app, self.chat, || self.bot.send_message(self.chat, chunk.clone()).into_future()).await?;
        }
        Ok(())
    }

    /// Edits one of the bot's messages in this chat (text, and buttons when given).
    pub async fn edit(
        &self,
        id: MessageId,
        text: String,
        k: Option<InlineKeyboardMarkup>,
    ) -> Result<(), teloxide::RequestError> {
        self.edit_in(self.chat, id, text, k).await
    }

    /// Edits one of the bot's messages in any chat (an invitation another seat holder answered).
    pub async fn edit_in(
        &self,
        chat: ChatId,
        id: MessageId,
        text: String,
        k: Option<InlineKeyboardMarkup>,
    ) -> Result<(), teloxide::RequestError> {
        let text = clip(text, TEXT_MAX_UTF16);
        let edited = paced(self.app, chat, || {
            let mut req = self.bot.edit_message_text(chat, id, text.clone());
            if let Some(k) = &k {
                req = req.reply_markup(k.clone());
            }
            req.into_future()
        })
        .await;
        match edited {
            // A second press of the same button: the message already shows this.
            Err(teloxide::RequestError::Api(teloxide::ApiError::MessageNotModified)) => Ok(()),
            other => other.map(|_| ()),
        }
    }

    /// Edits the caption (and buttons) of a message that carries a file, in any chat.
    pub async fn edit_caption_in(
        &self,
        chat: ChatId,
        id: MessageId,
        caption: String,
        k: InlineKeyboardMarkup,
    ) -> Result<(), teloxide::RequestError> {
        let caption = clip(caption, CAPTION_MAX_UTF16);
        paced(self.app, chat, || {
            self.bot.edit_message_caption(chat, id).caption(caption.clone()).reply_markup(k.clone()).into_future()
        })
        .await
        .map(|_| ())
    }

    /// Sends a file with its caption; `protect` for what comes from the cluster's data.
    pub async fn send_file(
        &self,
        bytes: Vec<u8>,
        name: String,
        caption: String,
        k: Option<InlineKeyboardMarkup>,
        protect: bool,
    ) -> Result<Message, teloxide::RequestError> {
        let caption = clip(caption, CAPTION_MAX_UTF16);
        paced(self.app, self.chat, || {
            let mut req = self
                .bot
                .send_document(self.chat, InputFile::memory(bytes.clone()).file_name(name.clone()))
                .caption(caption.clone())
                .protect_content(protect);
            if let Some(k) = &k {
                req = req.reply_markup(k.clone());
            }
            req.into_future()
        })
        .await
    }

    /// Downloads a file the person sent (getFile, then the download).
    pub async fn download(&self, file_id: &teloxide::types::FileId, size: usize) -> Result<Vec<u8>, HandlerError> {
        use teloxide::net::Download;
        let file = self.bot.get_file(file_id.clone()).await?;
        let mut bytes = Vec::with_capacity(size);
        self.bot.download_file(&file.path, &mut bytes).await?;
        Ok(bytes)
    }

    /// Tells the user why something was refused; internal errors are logged, not shown.
    pub fn refusal(&self, err: &AppError) -> Msg {
        match err {
            AppError::UnknownOrganisation(text) => {
                MainMsg::InviteUnknownOrganisation { text: text.chars().take(MAX_TYPED_ACRONYM).collect() }.into()
            }
            AppError::UnknownMechanism(_) | AppError::InvalidRole(_) | AppError::NotFound => {
                MainMsg::ButtonExpired.into()
            }
            AppError::InvitationUnknown => MainMsg::JoinCodeUnknown.into(),
            AppError::InvitationExpired => MainMsg::JoinCodeExpired.into(),
            AppError::InvitationUsed => MainMsg::JoinCodeUsed.into(),
            AppError::SeatTaken { org, mechanism, role, holder } => MainMsg::JoinSeatTaken {
                org: org.clone(),
                mechanism: mechanism.clone(),
                role: *role,
                holder: holder.clone(),
            }
            .into(),
            AppError::AlreadyMember { org, mechanism, role } => {
                MainMsg::JoinAlreadyMember { org: org.clone(), mechanism: mechanism.clone(), role: *role }.into()
            }
            AppError::SeatOfAnotherOrganisation { org, mechanism, other } => {
                MainMsg::JoinOtherOrganisation { org: org.clone(), mechanism: mechanism.clone(), other: other.clone() }
                    .into()
            }
            AppError::InvalidName(NameError::Empty) => MainMsg::NameEmpty.into(),
            AppError::InvalidName(NameError::TooLong) => {
                MainMsg::NameTooLong { max: crate::domain::text::MAX_NAME_CHARS }.into()
            }
            AppError::InvalidName(NameError::ControlCharacters | NameError::InvisibleCharacters) => {
                MainMsg::NameInvalid.into()
            }
            AppError::InvalidName(NameError::PersonalData(kind)) => {
                MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into()
            }
            AppError::Timing(TimingError::NoticeTooShort { hours_ahead }) => {
                MeetingsMsg::MeetingTooSoon { hours: *hours_ahead }.into()
            }
            AppError::Timing(TimingError::InThePast) => MeetingsMsg::MeetingInPast.into(),
            AppError::Timing(TimingError::BadDuration) => MeetingsMsg::MeetingBadDuration.into(),
            AppError::TextTooLong { max } => MainMsg::TextTooLong { max: *max }.into(),
            AppError::MeetingNotFound(_) => MeetingsMsg::MeetingNotFound.into(),
            AppError::MeetingCancelled => MeetingsMsg::MeetingIsCancelled.into(),
            AppError::AnswersClosed => MeetingsMsg::AnswersClosed.into(),
            AppError::NotInvited => MeetingsMsg::NotInvited.into(),
            AppError::NoAlternate => MeetingsMsg::NoAlternate.into(),
            AppError::MinutesAlreadyShared => MinutesMsg::MinutesAlreadyShared.into(),
            AppError::MeetingNotEnded => MinutesMsg::MeetingNotEnded.into(),
            AppError::ActionLine(ActionLineError::Shape { line }) => MinutesMsg::MnActionBadLine { line: *line }.into(),
            AppError::ActionLine(ActionLineError::What { line }) => MinutesMsg::MnActionBadWhat { line: *line }.into(),
            AppError::ActionLine(ActionLineError::Date { line, date }) => {
                MinutesMsg::MnActionBadDate { line: *line, date: date.clone() }.into()
            }
            AppError::ActionLine(ActionLineError::TooMany) => MinutesMsg::MnActionTooMany.into(),
            AppError::ActionOrganisation { line, acronym } => {
                MinutesMsg::MnActionBadOrg { line: *line, org: acronym.chars().take(40).collect() }.into()
            }
            AppError::NotAMember => MainMsg::NotAMember.into(),
            AppError::PersonalData(kind) => MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into(),
            AppError::LastCoordinator => AccessMsg::LastCoordinator.into(),
            AppError::TooManyRequests { wait_secs } => AccessMsg::ResendTooSoon { seconds: *wait_secs }.into(),
            AppError::RateLimited { wait_secs } => {
                MainMsg::PressedTooOften { minutes: wait_secs.saturating_add(59) / 60 }.into()
            }
            // Command-line refusals: the chat offers no way to make them.
            AppError::UnknownPerson(_) | AppError::OrganisationNeeded | AppError::MemberAlwaysReports { .. } => {
                MainMsg::NotAllowed.into()
            }
            AppError::NotAllowed | AppError::Boundaries(_) => MainMsg::NotAllowed.into(),
            AppError::Class(why) => crate::i18n::SensitivityMsg::SnRefused { why: why.as_ref().to_string() }.into(),
            AppError::MonthLocked { month } => FivewMsg::FwMonthLocked {
                month: crate::domain::fourw::ReportingMonth::parse(month)
                    .map(super::format::month_label)
                    .unwrap_or_else(|_| month.clone()),
            }
            .into(),
            AppError::ReturnedLinesPending => FivewMsg::FwReturnedPending.into(),
            AppError::TooManyLines { max } => FivewMsg::FwLinesCap { max: *max }.into(),
            AppError::NotReopenable { month } => FivewMsg::FwFixRefused {
                month: crate::domain::fourw::ReportingMonth::parse(month)
                    .map(super::format::month_label)
                    .unwrap_or_else(|_| month.clone()),
            }
            .into(),
            AppError::Internal(e) => {
                tracing::error!(error = %e, chat = self.chat.0, "internal error");
                MainMsg::InternalError.into()
            }
        }
    }

    /// Re-reads the person's roles (after joining or leaving) and refreshes their menu.
    pub async fn reload(&mut self) -> Result<(), AppError> {
        let person =
            crate::storage::people::by_id(&self.app.ctx.db, self.access.person.id).await?.ok_or(AppError::NotFound)?;
        self.access = people::access(&self.app.ctx, person).await?;
        self.refresh_menu(false).await;
        Ok(())
    }

    /// Publishes the person's command menu when their widest role changed (or when forced).
    pub async fn refresh_menu(&mut self, force: bool) {
        let wanted = self.access.menu_role();
        let current = self.access.person.menu_role.unwrap_or(MenuRole::Unknown);
        if !force && wanted == current {
            return;
        }
        match menu::publish_for_chat(self.bot, &self.app.i18n, self.chat, self.lang(), wanted).await {
            Ok(()) => {
                if let Err(e) = people::record_menu_role(&self.app.ctx, &self.access.person, wanted).await {
                    tracing::warn!(error = %e, "could not record the menu role");
                } else {
                    self.access.person.menu_role = Some(wanted);
                }
            }
            Err(e) => tracing::warn!(error = %e, "could not publish the command menu"),
        }
    }
}

pub async fn turn_for<'a>(
    bot: &'a Bot,
    app: &'a App,
    chat: ChatId,
    user: &teloxide::types::User,
) -> Result<Turn<'a>, AppError> {
    let telegram_id = i64::try_from(user.id.0).map_err(|_| AppError::NotFound)?;
    let person = people::identify(
        &app.ctx,
        telegram_id,
        &user.first_name,
        user.last_name.as_deref(),
        user.language_code.as_deref(),
    )
    .await?;
    let access = people::access(&app.ctx, person).await?;
    let mut turn = Turn { bot, app, chat, access };
    turn.refresh_menu(false).await;
    Ok(turn)
}

pub fn kb(rows: Vec<Vec<InlineKeyboardButton>>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows)
}

pub fn button(text: String, cb: impl CallbackData) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(text, cb.encode())
}

/// Edits a message (a button's) or, without one, sends a new message.
pub async fn edit_or_send(
    turn: &Turn<'_>,
    edit: Option<MessageId>,
    text: String,
    k: Option<InlineKeyboardMarkup>,
) -> HandlerResult {
    let text = clip(text, TEXT_MAX_UTF16);
    match edit {
        Some(id) => turn.edit(id, text, k).await?,
        None => {
            paced(turn.app, turn.chat, || {
                let mut req = turn.bot.send_message(turn.chat, text.clone());
                if let Some(k) = &k {
                    req = req.reply_markup(k.clone());
                }
                req.into_future()
            })
            .await?;
        }
    }
    Ok(())
}

/// Buttons laid out `per_row` to a row.
pub fn rows_of(buttons: Vec<InlineKeyboardButton>, per_row: usize) -> Vec<Vec<InlineKeyboardButton>> {
    buttons.chunks(per_row).map(<[InlineKeyboardButton]>::to_vec).collect()
}

/// Telegram counts a text's length in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The lines joined, as many as fit in `limit` UTF-16 units, then "…".
pub fn fit_lines(lines: Vec<String>, limit: usize) -> String {
    let mut text = String::new();
    for l in lines {
        let sep = usize::from(!text.is_empty());
        if utf16_len(&text) + sep + utf16_len(&l) > limit.saturating_sub(2) {
            text.push_str("\n…");
            break;
        }
        if sep == 1 {
            text.push('\n');
        }
        text.push_str(&l);
    }
    text
}

/// A text cut to at most `limit` UTF-16 units (with "…" when cut), never inside a character:
/// the last guard before Telegram, which refuses longer texts.
pub fn clip(text: String, limit: usize) -> String {
    if utf16_len(&text) <= limit {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() + 1 > limit {
            break;
        }
        used += c.len_utf16();
        out.push(c);
    }
    out.push('…');
    out
}

/// Telegram's limits: a message's text and a caption, in UTF-16 units.
pub const TEXT_MAX_UTF16: usize = 4096;
pub const CAPTION_MAX_UTF16: usize = 1024;

/// Lines gathered into pieces that fit Telegram's limit, one line never split.
fn chunks_of(lines: Vec<String>) -> Vec<String> {
    let mut chunks: Vec<String> = vec![String::new()];
    for line in lines {
        let current = chunks.last_mut().expect("never empty");
        if !current.is_empty() && current.len() + line.len() + 1 > TELEGRAM_TEXT_LIMIT {
            chunks.push(String::new());
        }
        let current = chunks.last_mut().expect("never empty");
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_in_utf16_units_never_inside_a_character() {
        let emoji = "📄".repeat(3000); // two UTF-16 units each
        let cut = clip(emoji, TEXT_MAX_UTF16);
        assert!(utf16_len(&cut) <= TEXT_MAX_UTF16 && cut.ends_with('…'));
        assert_eq!(clip("short".into(), 10), "short");
        let lines: Vec<String> = (0..100).map(|i| format!("{i} {}", "é".repeat(80))).collect();
        let fitted = fit_lines(lines, 1000);
        assert!(utf16_len(&fitted) <= 1000 && fitted.ends_with("\n…"), "{fitted}");
        assert!(fitted.starts_with("0 é"));
    }
}
