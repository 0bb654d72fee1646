//! What the bot does with each message and button press.

use super::App;
use super::callback::Cb;
use super::meetings;
use super::menu;
use super::minutes;
use super::state::{DialogueStore, State};
use crate::domain::meeting::TimingError;
use crate::domain::minutes::ActionLineError;
use crate::domain::{AppError, DisplayName, Language, MembershipView, MenuRole, NameError, Role};
use crate::i18n::Msg;
use crate::services::membership::{self, Issuer};
use crate::services::people::{self, Access};
use crate::storage::reference;
use teloxide::dispatching::dialogue::Dialogue;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Me, MessageId};
use teloxide::utils::command::parse_command;

pub type BotDialogue = Dialogue<State, DialogueStore>;
pub type HandlerError = Box<dyn std::error::Error + Send + Sync + 'static>;
pub type HandlerResult = Result<(), HandlerError>;

/// Telegram's own limit on a message's text.
const TELEGRAM_TEXT_LIMIT: usize = 4000;
const ORGS_PER_PAGE: usize = 12;
const MAX_TYPED_ACRONYM: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Start,
    Help,
    Language,
    Me,
    Members,
    Invite,
    Leave,
    Cancel,
    Meetings,
    NewMeeting,
    Attendance,
    // Minutes (issue 4)
    Minutes,
    Missing,
    Actions,
    Share,
    // 4W (issue 5)
    Report,
    Export,
    // 4W review (issue 5)
    Review,
    WhereWho,
}

impl Command {
    /// Commands that answer with information and start no dialog.
    fn only_shows(self) -> bool {
        matches!(
            self,
            Command::Help
                | Command::Language
                | Command::Me
                | Command::Members
                | Command::Meetings
                | Command::Missing
                | Command::Actions
                | Command::WhereWho
        )
    }

    fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "start" => Command::Start,
            "help" => Command::Help,
            "language" | "langue" => Command::Language,
            "me" => Command::Me,
            "members" => Command::Members,
            "invite" => Command::Invite,
            "leave" => Command::Leave,
            "cancel" => Command::Cancel,
            "meetings" | "reunions" => Command::Meetings,
            "newmeeting" => Command::NewMeeting,
            "attendance" | "presences" => Command::Attendance,
            "minutes" | "cr" => Command::Minutes,
            "missing" => Command::Missing,
            "actions" => Command::Actions,
            "share" => Command::Share,
            // 4W (issue 5)
            "report" | "rapport" => Command::Report,
            "export" | "exporter" => Command::Export,
            // 4W review (issue 5)
            "review" | "revue" => Command::Review,
            "wherewho" | "quiouquoi" => Command::WhereWho,
            _ => return None,
        })
    }
}

/// One turn of conversation: who is talking, in which chat and language.
pub(super) struct Turn<'a> {
    pub(super) bot: &'a Bot,
    pub(super) app: &'a App,
    pub(super) chat: ChatId,
    pub(super) access: Access,
}

impl Turn<'_> {
    pub(super) fn lang(&self) -> Language {
        self.access.person.language
    }

    pub(super) fn t(&self, msg: Msg) -> String {
        self.app.i18n.render(self.lang(), &msg)
    }

    pub(super) async fn say(&self, msg: Msg) -> Result<Message, teloxide::RequestError> {
        self.bot.send_message(self.chat, self.t(msg)).await
    }

    pub(super) async fn say_with(
        &self,
        text: String,
        kb: InlineKeyboardMarkup,
    ) -> Result<Message, teloxide::RequestError> {
        self.bot.send_message(self.chat, text).reply_markup(kb).await
    }

    /// Sends a long text in pieces that fit Telegram's limit, one line never split.
    pub(super) async fn say_long(&self, lines: Vec<String>) -> Result<(), teloxide::RequestError> {
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
    pub(super) fn refusal(&self, err: &AppError) -> Msg {
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
            AppError::NotAllowed | AppError::MonthLocked { .. } | AppError::ReturnedLinesPending => Msg::NotAllowed,
            AppError::Boundaries(_) => Msg::NotAllowed,
            AppError::Internal(e) => {
                tracing::error!(error = %e, chat = self.chat.0, "internal error");
                Msg::InternalError
            }
        }
    }

    /// Re-reads the person's roles (after joining or leaving) and refreshes their menu.
    pub(super) async fn reload(&mut self) -> Result<(), AppError> {
        let person =
            crate::storage::people::by_id(&self.app.ctx.db, self.access.person.id).await?.ok_or(AppError::NotFound)?;
        self.access = people::access(&self.app.ctx, person).await?;
        self.refresh_menu(false).await;
        Ok(())
    }

    /// Publishes the person's command menu when their widest role changed (or when forced).
    pub(super) async fn refresh_menu(&mut self, force: bool) {
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

async fn turn_for<'a>(
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

pub(super) fn kb(rows: Vec<Vec<InlineKeyboardButton>>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows)
}

pub(super) fn button(text: String, cb: Cb) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(text, cb.encode())
}

// ---------------------------------------------------------------- messages

pub async fn on_message(bot: Bot, msg: Message, me: Me, dialogue: BotDialogue, app: App) -> HandlerResult {
    if !msg.chat.is_private() {
        return Ok(());
    }
    let Some(user) = msg.from.as_ref() else {
        return Ok(());
    };
    let mut turn = match turn_for(&bot, &app, msg.chat.id, user).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "could not identify the user");
            let lang = Language::from_client(user.language_code.as_deref());
            bot.send_message(msg.chat.id, app.i18n.render(lang, &Msg::InternalError)).await?;
            return Ok(());
        }
    };
    let state = dialogue.get().await.ok().flatten().unwrap_or_default();
    let is_command = msg.text().is_some_and(|t| t.starts_with('/'));
    if !is_command && minutes::on_input(&mut turn, &dialogue, &state, &msg).await? {
        return Ok(());
    }
    let Some(text) = msg.text() else {
        turn.say(Msg::FreeTextHint).await?;
        return Ok(());
    };
    if text.starts_with('/') {
        let username = me.username();
        match parse_command(text, username) {
            Some((name, args)) => match Command::parse(name) {
                Some(cmd) => on_command(&mut turn, &dialogue, state, cmd, &args).await?,
                None => {
                    turn.say(Msg::UnknownCommand).await?;
                }
            },
            None => {
                turn.say(Msg::UnknownCommand).await?;
            }
        }
        return Ok(());
    }
    on_text(&mut turn, &dialogue, state, text).await
}

async fn on_command(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: State,
    cmd: Command,
    args: &[&str],
) -> HandlerResult {
    // 4W (issue 5): /cancel asks before discarding a 4W draft.
    if cmd == Command::Cancel && matches!(state, State::Report(_)) {
        return super::report::ask_cancel(turn, None).await;
    }
    if cmd == Command::Cancel {
        if state == State::Idle {
            turn.say(Msg::CancelNothing).await?;
        } else {
            dialogue.exit().await?;
            turn.say(Msg::CancelDone).await?;
        }
        return Ok(());
    }
    // A command that only shows something leaves a dialog in progress as it is (a half-typed
    // 4W or meeting is not lost by a look at /help or /meetings); a command that starts another
    // dialog replaces it.
    if state != State::Idle && !cmd.only_shows() {
        dialogue.exit().await?;
    }
    match cmd {
        Command::Start => match args.first() {
            Some(code) => start_join(turn, dialogue, code).await?,
            None if turn.access.is_member() => {
                turn.say(Msg::WelcomeMember { name: turn.access.person.display_name.clone() }).await?;
            }
            None => {
                turn.say(Msg::WelcomeUnknown).await?;
            }
        },
        Command::Help => {
            let msg = match turn.access.menu_role() {
                MenuRole::Unknown => Msg::HelpUnknown,
                MenuRole::Member => Msg::HelpMember,
                MenuRole::Chair => Msg::HelpChair,
                MenuRole::Coordinator => Msg::HelpCoordinator,
            };
            turn.say(msg).await?;
        }
        Command::Language => {
            let k = kb(vec![vec![
                button(turn.t(Msg::BtnFrench), Cb::Lang(Language::Fr)),
                button(turn.t(Msg::BtnEnglish), Cb::Lang(Language::En)),
            ]]);
            turn.say_with(turn.t(Msg::LanguageChoose), k).await?;
        }
        Command::Me => show_me(turn).await?,
        Command::Members => show_members(turn).await?,
        Command::Invite => start_invite(turn, dialogue).await?,
        Command::Leave => start_leave(turn, dialogue).await?,
        Command::Meetings => meetings::show_meetings(turn, None).await?,
        Command::NewMeeting => meetings::start_new_meeting(turn, dialogue).await?,
        Command::Attendance => meetings::start_attendance(turn, dialogue).await?,
        Command::Minutes => minutes::start(turn, dialogue).await?,
        Command::Missing => minutes::missing(turn).await?,
        Command::Actions => minutes::actions(turn).await?,
        Command::Share => minutes::start_share(turn, dialogue).await?,
        // 4W (issue 5)
        Command::Report => super::report::start(turn, dialogue).await?,
        Command::Export => super::report::export(turn, args).await?,
        // 4W review (issue 5)
        Command::Review => super::report::review(turn, args).await?,
        Command::WhereWho => super::report::where_who(turn, args).await?,
        Command::Cancel => unreachable!("handled above"),
    }
    Ok(())
}

async fn on_text(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: State, text: &str) -> HandlerResult {
    match state {
        State::JoinName { invitation_id } => match DisplayName::parse(text) {
            Ok(name) => ask_principles(turn, dialogue, invitation_id, Some(name.into_inner()), None).await?,
            Err(e) => {
                let why = turn.refusal(&AppError::InvalidName(e));
                let k = kb(vec![vec![button(
                    turn.t(Msg::BtnUseName { name: turn.access.person.display_name.clone() }),
                    Cb::JoinUseName,
                )]]);
                turn.say_with(format!("{}\n{}", turn.t(why), turn.t(Msg::JoinAskNameAgain)), k).await?;
            }
        },
        State::InviteOrganisation { mechanism_id, page } => {
            if text.chars().count() > MAX_TYPED_ACRONYM {
                turn.say(Msg::TextTooLong { max: MAX_TYPED_ACRONYM }).await?;
                return Ok(());
            }
            match membership::organisation(&turn.app.ctx, text).await {
                Ok(org) => invite_pick_org(turn, dialogue, mechanism_id, org.id, None).await?,
                Err(e) => {
                    let why = turn.t(turn.refusal(&e));
                    let (text, k) = org_page(turn, mechanism_id, page).await?;
                    turn.say_with(format!("{why}\n{text}"), k).await?;
                }
            }
        }
        State::NewMeeting(draft) => meetings::new_meeting_text(turn, dialogue, *draft, text).await?,
        State::MoveMeeting { meeting_id, date, time: None } => {
            meetings::move_text(turn, dialogue, meeting_id, date, text).await?
        }
        State::Idle => {
            turn.say(Msg::FreeTextHint).await?;
        }
        // 4W (issue 5)
        State::Report(draft) => super::report::text(turn, dialogue, *draft, text).await?,
        // 4W review (issue 5)
        State::FwReturnComment { line_id } => super::report::return_comment(turn, dialogue, line_id, text).await?,
        // The other steps expect a button.
        _ => {
            turn.say(Msg::FreeTextHint).await?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- button presses

pub async fn on_callback(bot: Bot, q: CallbackQuery, dialogue: BotDialogue, app: App) -> HandlerResult {
    let Some(message) = q.message.as_ref() else {
        bot.answer_callback_query(q.id.clone()).await?;
        return Ok(());
    };
    let chat = message.chat().id;
    let message_id = message.id();
    let mut turn = match turn_for(&bot, &app, chat, &q.from).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "could not identify the user");
            let lang = Language::from_client(q.from.language_code.as_deref());
            bot.answer_callback_query(q.id.clone()).text(app.i18n.render(lang, &Msg::InternalError)).await?;
            return Ok(());
        }
    };
    let Some(cb) = q.data.as_deref().and_then(Cb::decode) else {
        bot.answer_callback_query(q.id.clone()).text(turn.t(Msg::ButtonExpired)).await?;
        return Ok(());
    };
    let state = dialogue.get().await.ok().flatten().unwrap_or_default();
    match handle_button(&mut turn, &dialogue, state, cb, message_id).await {
        Ok(None) => {
            bot.answer_callback_query(q.id.clone()).await?;
        }
        Ok(Some(notice)) => {
            bot.answer_callback_query(q.id.clone()).text(turn.t(notice)).await?;
        }
        Err(e) => {
            // Answer the press in any case, then report.
            let _ = bot.answer_callback_query(q.id.clone()).await;
            return Err(e);
        }
    }
    Ok(())
}

/// Handles a decoded button. Returns a short notice for the button's answer when the press
/// had no effect (stale, forged or not allowed).
async fn handle_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: State,
    cb: Cb,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let (bot, chat) = (turn.bot, turn.chat);
    let edit = |text: String| bot.edit_message_text(chat, message_id, text);
    match (cb, state) {
        (Cb::Lang(lang), _) => {
            if let Err(e) = people::set_language(&turn.app.ctx, &turn.access.person, lang).await {
                return Ok(Some(turn.refusal(&e)));
            }
            turn.access.person.language = lang;
            edit(turn.t(Msg::LanguageSet)).await?;
            turn.refresh_menu(turn.access.person.menu_role.is_some_and(|r| r != MenuRole::Unknown)).await;
        }
        (Cb::JoinUseName, State::JoinName { invitation_id }) => {
            ask_principles(turn, dialogue, invitation_id, None, Some(message_id)).await?;
        }
        (Cb::JoinAccept, State::JoinPrinciples { invitation_id, name }) => {
            let name = name.as_deref().map(DisplayName::parse).transpose().ok().flatten();
            let result =
                membership::accept_invitation(&turn.app.ctx, &turn.access.person, invitation_id, name.as_ref()).await;
            dialogue.exit().await?;
            match result {
                Ok(m) => {
                    turn.reload().await.ok();
                    edit(turn.t(Msg::JoinAccepted {
                        org: m.organisation.acronym.clone(),
                        mechanism: m.mechanism.name(turn.lang()).to_string(),
                        role: m.role,
                    }))
                    .await?;
                }
                Err(e) => {
                    edit(turn.t(turn.refusal(&e))).await?;
                }
            }
        }
        (Cb::JoinDecline, State::JoinPrinciples { .. }) => {
            dialogue.exit().await?;
            edit(turn.t(Msg::JoinDeclined)).await?;
        }
        (Cb::InviteMechanism(mechanism_id), State::InviteMechanism) => {
            let allowed = membership::invitable_mechanisms(&turn.app.ctx, &turn.access).await?;
            if !allowed.iter().any(|m| m.id == mechanism_id) {
                return Ok(Some(Msg::NotAllowed));
            }
            dialogue.update(State::InviteOrganisation { mechanism_id, page: 0 }).await?;
            let (text, k) = org_page(turn, mechanism_id, 0).await?;
            edit(text).reply_markup(k).await?;
        }
        (Cb::InvitePage(page), State::InviteOrganisation { mechanism_id, .. }) => {
            dialogue.update(State::InviteOrganisation { mechanism_id, page }).await?;
            let (text, k) = org_page(turn, mechanism_id, page).await?;
            edit(text).reply_markup(k).await?;
        }
        (Cb::InviteOrganisation(org_id), State::InviteOrganisation { mechanism_id, .. }) => {
            if reference::organisation_by_id(&turn.app.ctx.db, org_id).await?.is_none() {
                return Ok(Some(Msg::ButtonExpired));
            }
            invite_pick_org(turn, dialogue, mechanism_id, org_id, Some(message_id)).await?;
        }
        (Cb::InviteRole(role), State::InviteRole { mechanism_id, organisation_id }) => {
            if !membership::invitable_roles(&turn.access).contains(&role) {
                return Ok(Some(Msg::NotAllowed));
            }
            return issue_link(turn, dialogue, mechanism_id, organisation_id, role, false, message_id).await;
        }
        (Cb::InviteReplace, State::InviteReplace { mechanism_id, organisation_id, role }) => {
            return issue_link(turn, dialogue, mechanism_id, organisation_id, role, true, message_id).await;
        }
        (Cb::LeavePick(membership_id), State::LeaveChoose) => {
            let Some(m) = turn.access.memberships.iter().find(|m| m.id == membership_id).cloned() else {
                return Ok(Some(Msg::ButtonExpired));
            };
            ask_leave_confirmation(turn, dialogue, &m, Some(message_id)).await?;
        }
        (Cb::LeaveYes(membership_id), State::LeaveConfirm { membership_id: expected }) if membership_id == expected => {
            let result = membership::leave(&turn.app.ctx, &turn.access, membership_id).await;
            dialogue.exit().await?;
            match result {
                Ok(m) => {
                    turn.reload().await.ok();
                    edit(turn.t(Msg::LeaveDone {
                        org: m.organisation.acronym.clone(),
                        mechanism: m.mechanism.name(turn.lang()).to_string(),
                        role: m.role,
                    }))
                    .await?;
                }
                Err(e) => return Ok(Some(turn.refusal(&e))),
            }
        }
        (Cb::LeaveNo, State::LeaveConfirm { .. } | State::LeaveChoose) => {
            dialogue.exit().await?;
            edit(turn.t(Msg::LeaveKept)).await?;
        }
        (Cb::Rsvp { meeting, org, choice }, _) => {
            return meetings::rsvp(turn, meeting, org, choice, false, message_id).await;
        }
        (Cb::RsvpFromList { meeting, org, choice }, _) => {
            return meetings::rsvp(turn, meeting, org, choice, true, message_id).await;
        }
        (Cb::MeetingMove(id), _) => return meetings::start_move(turn, dialogue, id, message_id).await,
        (Cb::MeetingCancel(id), _) => return meetings::ask_cancel(turn, dialogue, id, message_id).await,
        (Cb::MeetingCancelYes(id), State::CancelMeeting { meeting_id }) if id == meeting_id => {
            return meetings::do_cancel(turn, dialogue, id, message_id).await;
        }
        (Cb::NmDate(v), State::MoveMeeting { meeting_id, .. }) => {
            let date = chrono::NaiveDate::from_ymd_opt((v / 10000) as i32, (v / 100) % 100, v % 100);
            meetings::move_step(turn, dialogue, meeting_id, date, None, Some(message_id)).await?;
        }
        (Cb::NmTime(t), State::MoveMeeting { meeting_id, date: Some(d), .. }) => {
            let time = chrono::NaiveTime::from_hms_opt(u32::from(t / 60), u32::from(t % 60), 0);
            meetings::move_step(turn, dialogue, meeting_id, Some(d), time, Some(message_id)).await?;
        }
        (Cb::MoveConfirm, State::MoveMeeting { meeting_id, date: Some(d), time: Some(t) }) => {
            return meetings::confirm_move(turn, dialogue, meeting_id, d, t, message_id).await;
        }
        (
            cb @ (Cb::NmMechanism(_)
            | Cb::NmDate(_)
            | Cb::NmTime(_)
            | Cb::NmDuration(_)
            | Cb::NmSkip
            | Cb::NmAdHoc(_)
            | Cb::NmMonthly(_)
            | Cb::NmCreate),
            State::NewMeeting(draft),
        ) => return meetings::new_meeting_button(turn, dialogue, *draft, cb, message_id).await,
        (
            cb @ (Cb::AttMeeting(_) | Cb::AttToggle(_) | Cb::AttSave),
            state @ (State::AttendanceChoose | State::Attendance { .. }),
        ) => {
            return meetings::attendance_button(turn, dialogue, state, cb, message_id).await;
        }
        (
            cb @ (Cb::ActionDone(_)
            | Cb::MnMeeting(_)
            | Cb::MnSkip
            | Cb::MnShare
            | Cb::MnResend(_)
            | Cb::ShareToggle(_)
            | Cb::ShareSend),
            state,
        ) => return minutes::on_button(turn, dialogue, state, cb, message_id).await,
        // 4W (issue 5)
        (
            cb @ (Cb::FwMonth(_)
            | Cb::FwSeat { .. }
            | Cb::FwAdd
            | Cb::FwCopy
            | Cb::FwNone
            | Cb::FwSector(_)
            | Cb::FwActivity(_)
            | Cb::FwRegion(_)
            | Cb::FwCercle(_)
            | Cb::FwStatus(_)
            | Cb::FwDate(_)
            | Cb::FwCount(_)
            | Cb::FwSkip
            | Cb::FwKeep
            | Cb::FwEdit(_)
            | Cb::FwDelete(_)
            | Cb::FwSubmit
            | Cb::FwCancel
            | Cb::FwDiscard(_)),
            State::Report(draft),
        ) => return super::report::button_press(turn, dialogue, *draft, cb, message_id).await,
        (Cb::Cancel, state) if state != State::Idle => {
            dialogue.exit().await?;
            edit(turn.t(Msg::CancelDone)).await?;
        }
        // 4W review (issue 5)
        (Cb::FwReturn(line_id), _) => return super::report::return_pressed(turn, dialogue, line_id).await,
        (Cb::FwFix(line_id), _) => return super::report::fix_pressed(turn, dialogue, line_id).await,
        // A button from another step, an old message, or forged data: no effect.
        _ => return Ok(Some(Msg::ButtonExpired)),
    }
    Ok(None)
}

// ---------------------------------------------------------------- joining

async fn start_join(turn: &mut Turn<'_>, dialogue: &BotDialogue, code: &str) -> HandlerResult {
    match membership::open_invitation(&turn.app.ctx, code).await {
        Ok(inv) => {
            dialogue.update(State::JoinName { invitation_id: inv.id }).await?;
            let text = turn.t(Msg::JoinPreview {
                org: inv.organisation.acronym.clone(),
                org_name: inv.organisation.full_name.clone(),
                mechanism: inv.mechanism.name(turn.lang()).to_string(),
                role: inv.role,
                observer: inv.organisation.observer,
            });
            let k = kb(vec![vec![button(
                turn.t(Msg::BtnUseName { name: turn.access.person.display_name.clone() }),
                Cb::JoinUseName,
            )]]);
            turn.say_with(text, k).await?;
        }
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}

async fn ask_principles(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    invitation_id: i64,
    name: Option<String>,
    edit: Option<MessageId>,
) -> HandlerResult {
    // The invitation may have expired or been used meanwhile.
    if let Err(e) = membership::invitation_still_valid(&turn.app.ctx, invitation_id).await {
        dialogue.exit().await?;
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    dialogue.update(State::JoinPrinciples { invitation_id, name }).await?;
    let text = turn.t(Msg::JoinPrinciples);
    let k = kb(vec![vec![
        button(turn.t(Msg::BtnAccept), Cb::JoinAccept),
        button(turn.t(Msg::BtnDecline), Cb::JoinDecline),
    ]]);
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, text).reply_markup(k).await?;
        }
        None => {
            turn.say_with(text, k).await?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- profile and members

fn role_lines(turn: &Turn<'_>, list: &[MembershipView]) -> Vec<String> {
    list.iter()
        .map(|m| {
            turn.t(Msg::MeLine {
                org: m.organisation.acronym.clone(),
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                role: m.role,
                observer: m.organisation.observer,
            })
        })
        .collect()
}

async fn show_me(turn: &mut Turn<'_>) -> HandlerResult {
    if !turn.access.is_member() {
        turn.say(Msg::MeNoMembership).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(Msg::MeHeader { name: turn.access.person.display_name.clone() })];
    if turn.access.coordinator {
        lines.push(turn.t(Msg::MeCoordinator));
    }
    lines.extend(role_lines(turn, &turn.access.memberships));
    turn.say_long(lines).await?;
    Ok(())
}

async fn show_members(turn: &mut Turn<'_>) -> HandlerResult {
    let list = match membership::visible_members(&turn.app.ctx, &turn.access).await {
        Ok(list) => list,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    if list.is_empty() {
        turn.say(Msg::MembersNone).await?;
        return Ok(());
    }
    let mut lines = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let mech = &list[i].mechanism;
        let group: Vec<&MembershipView> = list[i..].iter().take_while(|m| m.mechanism.id == mech.id).collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(turn.t(Msg::MembersHeader { mechanism: mech.name(turn.lang()).to_string(), count: group.len() }));
        for m in &group {
            lines.push(turn.t(Msg::MembersLine {
                name: m.person_name.clone(),
                org: m.organisation.acronym.clone(),
                role: m.role,
                observer: m.organisation.observer,
            }));
        }
        i += group.len();
    }
    turn.say_long(lines).await?;
    Ok(())
}

// ---------------------------------------------------------------- invitations in chat

async fn start_invite(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !turn.access.is_member() {
        turn.say(Msg::NotAMember).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let mechanisms = membership::invitable_mechanisms(&turn.app.ctx, &turn.access).await?;
    if mechanisms.is_empty() {
        turn.say(Msg::InviteNoMechanism).await?;
        return Ok(());
    }
    dialogue.update(State::InviteMechanism).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = mechanisms
        .iter()
        .map(|m| vec![button(format!("{} — {}", m.code, m.name(turn.lang())), Cb::InviteMechanism(m.id))])
        .collect();
    rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    turn.say_with(turn.t(Msg::InviteChooseMechanism), kb(rows)).await?;
    Ok(())
}

async fn org_page(
    turn: &Turn<'_>,
    mechanism_id: i64,
    page: u16,
) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let mech = reference::mechanism_by_id(&turn.app.ctx.db, mechanism_id).await?.ok_or(AppError::NotFound)?;
    let orgs = reference::organisations(&turn.app.ctx.db).await?;
    let pages = orgs.len().div_ceil(ORGS_PER_PAGE).max(1);
    let page = usize::from(page) % pages;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = orgs
        .iter()
        .skip(page * ORGS_PER_PAGE)
        .take(ORGS_PER_PAGE)
        .collect::<Vec<_>>()
        .chunks(3)
        .map(|chunk| chunk.iter().map(|o| button(o.acronym.clone(), Cb::InviteOrganisation(o.id))).collect())
        .collect();
    let next = u16::try_from((page + 1) % pages).unwrap_or(0);
    rows.push(vec![button(turn.t(Msg::BtnMore), Cb::InvitePage(next)), button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    Ok((turn.t(Msg::InviteChooseOrganisation { mechanism: mech.name(turn.lang()).to_string() }), kb(rows)))
}

async fn invite_pick_org(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    organisation_id: i64,
    edit: Option<MessageId>,
) -> HandlerResult {
    let db = &turn.app.ctx.db;
    let (Some(mech), Some(org)) = (
        reference::mechanism_by_id(db, mechanism_id).await?,
        reference::organisation_by_id(db, organisation_id).await?,
    ) else {
        turn.say(Msg::ButtonExpired).await?;
        return Ok(());
    };
    dialogue.update(State::InviteRole { mechanism_id, organisation_id }).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = vec![
        membership::invitable_roles(&turn.access)
            .iter()
            .map(|r| button(turn.t(Msg::BtnRole { role: *r }), Cb::InviteRole(*r)))
            .collect(),
    ];
    rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    let text =
        turn.t(Msg::InviteChooseRole { org: org.acronym.clone(), mechanism: mech.name(turn.lang()).to_string() });
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, text).reply_markup(kb(rows)).await?;
        }
        None => {
            turn.say_with(text, kb(rows)).await?;
        }
    }
    Ok(())
}

async fn issue_link(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    organisation_id: i64,
    role: Role,
    replace: bool,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    let db = &turn.app.ctx.db;
    let (Some(mech), Some(org)) = (
        reference::mechanism_by_id(db, mechanism_id).await?,
        reference::organisation_by_id(db, organisation_id).await?,
    ) else {
        return Ok(Some(Msg::ButtonExpired));
    };
    let mech_name = mech.name(turn.lang()).to_string();
    match membership::issue_invitation(&turn.app.ctx, Issuer::Person(&turn.access), &org, &mech, role, replace).await {
        Ok(issued) => {
            dialogue.exit().await?;
            let expires = issued.expires_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string();
            let mut text = turn.t(Msg::InviteLink {
                link: issued.link.clone(),
                org: org.acronym.clone(),
                mechanism: mech_name,
                role,
                expires,
            });
            if let Some(holder) = issued.replaces {
                text.push('\n');
                text.push_str(&turn.t(Msg::InviteLinkReplaces { holder }));
            }
            turn.bot.edit_message_text(turn.chat, message_id, text).await?;
            Ok(None)
        }
        Err(AppError::SeatTaken { holder, .. }) if turn.access.coordinator => {
            dialogue.update(State::InviteReplace { mechanism_id, organisation_id, role }).await?;
            let text = turn.t(Msg::InviteAskReplace { org: org.acronym.clone(), mechanism: mech_name, role, holder });
            let k = kb(vec![vec![
                button(turn.t(Msg::BtnReplace), Cb::InviteReplace),
                button(turn.t(Msg::BtnCancel), Cb::Cancel),
            ]]);
            turn.bot.edit_message_text(turn.chat, message_id, text).reply_markup(k).await?;
            Ok(None)
        }
        Err(AppError::SeatTaken { holder, .. }) => {
            dialogue.exit().await?;
            let text = turn.t(Msg::InviteSeatTaken { org: org.acronym.clone(), mechanism: mech_name, role, holder });
            turn.bot.edit_message_text(turn.chat, message_id, text).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

// ---------------------------------------------------------------- leaving

async fn start_leave(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    let list = turn.access.memberships.clone();
    match list.as_slice() {
        [] => {
            turn.say(Msg::LeaveNothing).await?;
        }
        [only] => ask_leave_confirmation(turn, dialogue, only, None).await?,
        many => {
            dialogue.update(State::LeaveChoose).await?;
            let mut rows: Vec<Vec<InlineKeyboardButton>> = many
                .iter()
                .map(|m| {
                    vec![button(
                        turn.t(Msg::BtnMembership {
                            org: m.organisation.acronym.clone(),
                            mechanism: m.mechanism.code.clone(),
                            role: m.role,
                        }),
                        Cb::LeavePick(m.id),
                    )]
                })
                .collect();
            rows.push(vec![button(turn.t(Msg::BtnKeep), Cb::LeaveNo)]);
            turn.say_with(turn.t(Msg::LeaveChoose), kb(rows)).await?;
        }
    }
    Ok(())
}

async fn ask_leave_confirmation(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    m: &MembershipView,
    edit: Option<MessageId>,
) -> HandlerResult {
    dialogue.update(State::LeaveConfirm { membership_id: m.id }).await?;
    let text = turn.t(Msg::LeaveConfirm {
        org: m.organisation.acronym.clone(),
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        role: m.role,
    });
    let k = kb(vec![vec![
        button(turn.t(Msg::BtnConfirmLeave), Cb::LeaveYes(m.id)),
        button(turn.t(Msg::BtnKeep), Cb::LeaveNo),
    ]]);
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, text).reply_markup(k).await?;
        }
        None => {
            turn.say_with(text, k).await?;
        }
    }
    Ok(())
}
