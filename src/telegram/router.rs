//! The router: maps a command or a pressed button to the feature that owns it, and a message
//! in a dialog to the feature whose dialog is in progress. Nothing else happens here.

use super::shared::callback::{CallbackData, Cancel};
use super::shared::charts::ChartButton;
use super::shared::reuse::ReuseButton;
use super::shared::turn::turn_for;
use super::shared::{App, BotDialogue, HandlerResult, State, Turn};
use super::{
    admin, alerts, calendar, charts, decisions, forget, library, meetings, membership, minutes, report, reuse, review,
    situation, tour,
};
use crate::domain::Language;
use crate::i18n::MainMsg;
use teloxide::prelude::*;
use teloxide::types::{Me, MessageId};
use teloxide::utils::command::parse_command;

/// Every command, with its French aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
enum Command {
    Start,
    Help,
    #[strum(serialize = "language", serialize = "langue")]
    Language,
    Me,
    Members,
    Invite,
    Leave,
    Cancel,
    #[strum(serialize = "meetings", serialize = "reunions")]
    Meetings,
    NewMeeting,
    #[strum(serialize = "attendance", serialize = "presences")]
    Attendance,
    #[strum(serialize = "minutes", serialize = "cr")]
    Minutes,
    Missing,
    Actions,
    Share,
    #[strum(serialize = "report", serialize = "rapport")]
    Report,
    #[strum(serialize = "export", serialize = "exporter")]
    Export,
    #[strum(serialize = "review", serialize = "revue")]
    Review,
    #[strum(serialize = "wherewho", serialize = "quiouquoi")]
    WhereWho,
    #[strum(serialize = "calendar", serialize = "calendrier")]
    Calendar,
    Vote,
    Decisions,
    Participation,
    #[strum(serialize = "lock", serialize = "verrouiller")]
    Lock,
    #[strum(serialize = "unlock", serialize = "deverrouiller")]
    Unlock,
    #[strum(serialize = "admin", serialize = "gestion")]
    Admin,
    #[strum(serialize = "forget", serialize = "oublier")]
    Forget,
    #[strum(serialize = "docs", serialize = "documents")]
    Docs,
    #[strum(serialize = "alert", serialize = "alerte")]
    Alert,
    Tour,
    Situation,
    #[strum(serialize = "reuse", serialize = "reutiliser")]
    Reuse,
}

impl Command {
    /// Commands that answer with information and start no dialog: a dialog in progress is
    /// kept (a half-typed 4W or meeting is not lost by a look at /help or /meetings).
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
                | Command::Calendar
                | Command::Decisions
                | Command::Docs
                | Command::Reuse
                | Command::Participation
        )
    }
}

/// A pressed button's data, decoded by the feature that owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Cancel,
    Membership(membership::callback::Cb),
    Meetings(meetings::callback::Cb),
    Minutes(minutes::callback::Cb),
    Report(report::callback::Cb),
    Review(review::callback::Cb),
    Calendar(calendar::callback::Cb),
    Chart(ChartButton),
    Decisions(decisions::callback::Cb),
    Admin(admin::callback::Cb),
    Forget(forget::callback::Cb),
    Library(library::callback::Cb),
    Alerts(alerts::callback::Cb),
    Tour(tour::callback::Cb),
    Situation(situation::callback::Cb),
    ReuseItem(ReuseButton),
    Reuse(reuse::callback::Cb),
}

impl CallbackData for Button {
    fn encode(&self) -> String {
        match self {
            Button::Cancel => Cancel.encode(),
            Button::Membership(cb) => cb.encode(),
            Button::Meetings(cb) => cb.encode(),
            Button::Minutes(cb) => cb.encode(),
            Button::Report(cb) => cb.encode(),
            Button::Review(cb) => cb.encode(),
            Button::Calendar(cb) => cb.encode(),
            Button::Chart(cb) => cb.encode(),
            Button::Decisions(cb) => cb.encode(),
            Button::Admin(cb) => cb.encode(),
            Button::Forget(cb) => cb.encode(),
            Button::Library(cb) => cb.encode(),
            Button::Alerts(cb) => cb.encode(),
            Button::Tour(cb) => cb.encode(),
            Button::Situation(cb) => cb.encode(),
            Button::ReuseItem(cb) => cb.encode(),
            Button::Reuse(cb) => cb.encode(),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        Cancel::decode(data)
            .map(|_| Button::Cancel)
            .or_else(|| CallbackData::decode(data).map(Button::Membership))
            .or_else(|| CallbackData::decode(data).map(Button::Meetings))
            .or_else(|| CallbackData::decode(data).map(Button::Minutes))
            .or_else(|| CallbackData::decode(data).map(Button::Report))
            .or_else(|| CallbackData::decode(data).map(Button::Review))
            .or_else(|| CallbackData::decode(data).map(Button::Calendar))
            .or_else(|| CallbackData::decode(data).map(Button::Chart))
            .or_else(|| CallbackData::decode(data).map(Button::Decisions))
            .or_else(|| CallbackData::decode(data).map(Button::Admin))
            .or_else(|| CallbackData::decode(data).map(Button::Forget))
            .or_else(|| CallbackData::decode(data).map(Button::Library))
            .or_else(|| CallbackData::decode(data).map(Button::Alerts))
            .or_else(|| CallbackData::decode(data).map(Button::Tour))
            .or_else(|| CallbackData::decode(data).map(Button::Situation))
            .or_else(|| CallbackData::decode(data).map(Button::ReuseItem))
            .or_else(|| CallbackData::decode(data).map(Button::Reuse))
    }
}

/// Whether this update comes from a person who is neither a member nor joining with an
/// invitation and is past the strangers' budget: it is then dropped without an answer (and
/// counted), so that strangers can never hold back the members' replies and broadcasts.
fn over_strangers_budget(turn: &Turn<'_>, state: &State) -> bool {
    if turn.access.is_member() || state.feature() == Some(membership::FEATURE) {
        return false;
    }
    if turn.app.pacer.admit_stranger(turn.chat.0) {
        return false;
    }
    turn.app.ctx.telemetry.count(crate::observability::metrics::names::STRANGERS_DROPPED, &[], 1);
    tracing::info!(chat = turn.chat.0, "a message from a stranger past their budget was dropped");
    true
}

pub async fn on_message(bot: Bot, msg: Message, me: Me, dialogue: BotDialogue, app: App) -> HandlerResult {
    if !msg.chat.is_private() {
        return Ok(());
    }
    let Some(user) = msg.from.as_ref() else {
        return Ok(());
    };
    if super::shared::fault::injected() == Some(super::shared::fault::Fault::HandlerPanic)
        && msg.text() == Some(super::shared::fault::PANIC_TEXT)
    {
        panic!("injected fault: the handler panics");
    }
    let mut turn = match turn_for(&bot, &app, msg.chat.id, user).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "could not identify the user");
            let lang = Language::from_client(user.language_code.as_deref());
            let text = app.i18n.render(lang, &MainMsg::InternalError);
            super::shared::paced(&app, msg.chat.id, || bot.send_message(msg.chat.id, text.clone()).into_future())
                .await?;
            return Ok(());
        }
    };
    let state = dialogue.get().await.ok().flatten().unwrap_or_default();
    if over_strangers_budget(&turn, &state) {
        return Ok(());
    }
    let Some(text) = msg.text().filter(|t| t.starts_with('/')) else {
        return in_dialog(&mut turn, &dialogue, &state, &msg).await;
    };
    match parse_command(text, me.username()).and_then(|(name, args)| Some((name.parse().ok()?, args))) {
        Some((cmd, args)) => on_command(&mut turn, &dialogue, state, cmd, &args).await,
        None => {
            turn.say(MainMsg::UnknownCommand).await?;
            Ok(())
        }
    }
}

/// A message that is not a command goes to the feature whose dialog is in progress.
async fn in_dialog(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    match state.feature() {
        Some(membership::FEATURE) => membership::on_message(turn, dialogue, state, msg).await,
        Some(meetings::FEATURE) => meetings::on_message(turn, dialogue, state, msg).await,
        Some(minutes::FEATURE) => minutes::on_message(turn, dialogue, state, msg).await,
        Some(report::FEATURE) => report::on_message(turn, dialogue, state, msg).await,
        Some(review::FEATURE) => review::on_message(turn, dialogue, state, msg).await,
        Some(decisions::FEATURE) => decisions::on_message(turn, dialogue, state, msg).await,
        Some(admin::FEATURE) => admin::on_message(turn).await,
        Some(alerts::FEATURE) => alerts::on_message(turn, dialogue, state, msg).await,
        Some(tour::FEATURE) => tour::on_message(turn, dialogue, state, msg).await,
        Some(situation::FEATURE) => situation::on_message(turn, dialogue, state, msg).await,
        Some(reuse::FEATURE) => reuse::on_message(turn, dialogue, state, msg).await,
        Some(library::FEATURE) => library::on_message(turn, dialogue, state, msg).await,
        _ => turn.hint().await,
    }
}

async fn on_command(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: State,
    cmd: Command,
    args: &[&str],
) -> HandlerResult {
    if cmd == Command::Cancel {
        if state.feature() == Some(report::FEATURE) {
            // A 4W draft is worth a question before it is discarded.
            return report::ask_cancel(turn).await;
        }
        if state.is_idle() {
            turn.say(MainMsg::CancelNothing).await?;
        } else {
            dialogue.exit().await?;
            turn.say(MainMsg::CancelDone).await?;
        }
        return Ok(());
    }
    if !state.is_idle() && !cmd.only_shows() {
        dialogue.exit().await?;
    }
    match cmd {
        Command::Start => membership::start(turn, dialogue, args).await,
        Command::Help => membership::help(turn).await,
        Command::Language => membership::language(turn).await,
        Command::Me => membership::me(turn).await,
        Command::Members => membership::members(turn).await,
        Command::Invite => membership::invite(turn, dialogue).await,
        Command::Leave => membership::leave(turn, dialogue).await,
        Command::Meetings => meetings::show(turn).await,
        Command::NewMeeting => meetings::new_meeting(turn, dialogue).await,
        Command::Attendance => meetings::attendance(turn, dialogue).await,
        Command::Minutes => minutes::start(turn, dialogue).await,
        Command::Missing => minutes::missing(turn).await,
        Command::Actions => minutes::actions(turn).await,
        Command::Forget => forget::ask(turn).await,
        Command::Docs => library::show(turn).await,
        Command::Reuse => reuse::list(turn).await,
        Command::Share => minutes::share(turn, dialogue).await,
        Command::Report => report::start(turn, dialogue).await,
        Command::Export => review::export(turn, args).await,
        Command::Review => review::review(turn, args).await,
        Command::WhereWho => review::where_who(turn, args).await,
        Command::Calendar => calendar::show(turn).await,
        Command::Vote => decisions::vote(turn, dialogue).await,
        Command::Decisions => decisions::decisions(turn).await,
        Command::Participation => meetings::participation(turn).await,
        Command::Lock => review::lock(turn, args, true).await,
        Command::Unlock => review::lock(turn, args, false).await,
        Command::Admin => admin::start(turn).await,
        Command::Alert => alerts::start(turn, dialogue).await,
        Command::Tour => tour::show(turn).await,
        Command::Situation => situation::start(turn, dialogue).await,
        Command::Cancel => unreachable!("handled above"),
    }
}

pub async fn on_callback(bot: Bot, q: CallbackQuery, dialogue: BotDialogue, app: App) -> HandlerResult {
    let Some(message) = q.message.as_ref() else {
        bot.answer_callback_query(q.id.clone()).await?;
        return Ok(());
    };
    let (chat, message_id) = (message.chat().id, message.id());
    let mut turn = match turn_for(&bot, &app, chat, &q.from).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "could not identify the user");
            let lang = Language::from_client(q.from.language_code.as_deref());
            bot.answer_callback_query(q.id.clone()).text(app.i18n.render(lang, &MainMsg::InternalError)).await?;
            return Ok(());
        }
    };
    let state = dialogue.get().await.ok().flatten().unwrap_or_default();
    if over_strangers_budget(&turn, &state) {
        return Ok(());
    }
    let Some(pressed) = q.data.as_deref().and_then(Button::decode) else {
        bot.answer_callback_query(q.id.clone()).text(turn.t(MainMsg::ButtonExpired)).await?;
        return Ok(());
    };
    match on_button(&mut turn, &dialogue, &state, pressed, message_id).await {
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

/// A decoded button goes to its feature, which checks it against the dialog's step. Returns a
/// short notice when the press had no effect (stale, forged or not allowed).
async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    pressed: Button,
    message_id: MessageId,
) -> super::shared::ButtonResult {
    match pressed {
        Button::Cancel if !state.is_idle() => {
            dialogue.exit().await?;
            turn.edit(message_id, turn.t(MainMsg::CancelDone), None).await?;
            Ok(None)
        }
        Button::Cancel => Ok(Some(MainMsg::ButtonExpired.into())),
        Button::Membership(cb) => membership::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Meetings(cb) => meetings::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Minutes(cb) => minutes::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Report(cb) => report::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Review(cb) => review::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Calendar(cb) => calendar::on_button(turn, cb, message_id).await,
        Button::Chart(cb) => charts::on_button(turn, cb).await,
        Button::Decisions(cb) => decisions::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Admin(cb) => admin::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Forget(cb) => forget::on_button(turn, cb, message_id).await,
        Button::Library(cb) => library::on_button(turn, dialogue, cb, message_id).await,
        Button::Alerts(cb) => alerts::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Tour(cb) => tour::on_button(turn, dialogue, state, cb, message_id).await,
        Button::Situation(cb) => situation::on_button(turn, dialogue, state, cb, message_id).await,
        Button::ReuseItem(cb) => reuse::on_reuse(turn, dialogue, cb).await,
        Button::Reuse(cb) => reuse::on_button(turn, dialogue, cb, message_id).await,
    }
}

#[cfg(test)]
#[path = "router_tests.rs"]
mod tests;
