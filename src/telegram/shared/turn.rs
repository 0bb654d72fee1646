//! One turn of conversation and the pieces every feature uses to answer: keyboards, long
//! texts split to Telegram's limit, and the translation of a refusal.

use super::App;
use super::callback::CallbackData;
use super::menu;
use crate::domain::meeting::TimingError;
use crate::domain::minutes::ActionLineError;
use crate::domain::{AppError, Language, MenuRole, NameError};
use crate::i18n::Msg;
use crate::services::people::{self, Access};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

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
    pub bot: &'a Bot,
    pub app: &'a App,
    pub chat: ChatId,
    pub access: Access,
}

impl Turn<'_> {
    pub fn lang(&self) -> Language {
        self.access.person.language
    }

    pub fn t(&self, msg: Msg) -> String {
        self.app.i18n.render(self.lang(), &msg)
    }

    pub async fn say(&self, msg: Msg) -> Result<Message, teloxide::RequestError> {
        self.bot.send_message(self.chat, self.t(msg)).await
    }

    pub async fn say_with(&self, text: String, kb: InlineKeyboardMarkup) -> Result<Message, teloxide::RequestError> {
        self.bot.send_message(self.chat, text).reply_markup(kb).await
    }

    /// Sends a long text in pieces that fit Telegram's limit, one line never split.
    pub async fn say_long(&self, lines: Vec<String>) -> Result<(), teloxide::RequestError> {
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
        for (i, chunk) in chunks.into_iter().enumerate() {
            if i > 0 {
                // Stay within one message per second in a private chat.
                tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
            }
            self.bot.send_message(self.chat, chunk).await?;
        }
        Ok(())
    }

    /// Tells the user why something was refused; internal errors are logged, not shown.
    pub fn refusal(&self, err: &AppError) -> Msg {
        match err {
            AppError::UnknownOrganisation(text) => {
                Msg::InviteUnknownOrganisation { text: text.chars().take(MAX_TYPED_ACRONYM).collect() }
            }
            AppError::UnknownMechanism(_) | AppError::InvalidRole(_) | AppError::NotFound => Msg::ButtonExpired,
            AppError::InvitationUnknown => Msg::JoinCodeUnknown,
            AppError::InvitationExpired => Msg::JoinCodeExpired,
            AppError::InvitationUsed => Msg::JoinCodeUsed,
            AppError::SeatTaken { org, mechanism, role, holder } => Msg::JoinSeatTaken {
                org: org.clone(),
                mechanism: mechanism.clone(),
                role: *role,
                holder: holder.clone(),
            },
            AppError::AlreadyMember { org, mechanism, role } => {
                Msg::JoinAlreadyMember { org: org.clone(), mechanism: mechanism.clone(), role: *role }
            }
            AppError::InvalidName(NameError::Empty) => Msg::NameEmpty,
            AppError::InvalidName(NameError::TooLong) => Msg::NameTooLong { max: crate::domain::text::MAX_NAME_CHARS },
            AppError::InvalidName(NameError::ControlCharacters) => Msg::NameInvalid,
            AppError::Timing(TimingError::NoticeTooShort { hours_ahead }) => {
                Msg::MeetingTooSoon { hours: *hours_ahead }
            }
            AppError::Timing(TimingError::InThePast) => Msg::MeetingInPast,
            AppError::Timing(TimingError::BadDuration) => Msg::MeetingBadDuration,
            AppError::TextTooLong { max } => Msg::TextTooLong { max: *max },
            AppError::MeetingNotFound(_) => Msg::MeetingNotFound,
            AppError::MeetingCancelled => Msg::MeetingIsCancelled,
            AppError::AnswersClosed => Msg::AnswersClosed,
            AppError::NotInvited => Msg::NotInvited,
            AppError::NoAlternate => Msg::NoAlternate,
            AppError::MinutesAlreadyShared => Msg::MinutesAlreadyShared,
            AppError::MeetingNotEnded => Msg::MeetingNotEnded,
            AppError::ActionLine(ActionLineError::Shape { line }) => Msg::MnActionBadLine { line: *line },
            AppError::ActionLine(ActionLineError::What { line }) => Msg::MnActionBadWhat { line: *line },
            AppError::ActionLine(ActionLineError::Date { line, date }) => {
                Msg::MnActionBadDate { line: *line, date: date.clone() }
            }
            AppError::ActionLine(ActionLineError::TooMany) => Msg::MnActionTooMany,
            AppError::ActionOrganisation { line, acronym } => {
                Msg::MnActionBadOrg { line: *line, org: acronym.chars().take(40).collect() }
            }
            AppError::NotAMember => Msg::NotAMember,
            AppError::NotAllowed => Msg::NotAllowed,
            AppError::Internal(e) => {
                tracing::error!(error = %e, chat = self.chat.0, "internal error");
                Msg::InternalError
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
    match edit {
        Some(id) => {
            let mut req = turn.bot.edit_message_text(turn.chat, id, text);
            if let Some(k) = k {
                req = req.reply_markup(k);
            }
            req.await?;
        }
        None => {
            let mut req = turn.bot.send_message(turn.chat, text);
            if let Some(k) = k {
                req = req.reply_markup(k);
            }
            req.await?;
        }
    }
    Ok(())
}

/// Buttons laid out `per_row` to a row.
pub fn rows_of(buttons: Vec<InlineKeyboardButton>, per_row: usize) -> Vec<Vec<InlineKeyboardButton>> {
    buttons.chunks(per_row).map(<[InlineKeyboardButton]>::to_vec).collect()
}
