//! Minutes in the chat: /minutes (share, or receive again), /missing, /actions, /share.

use super::callback::Cb;
use super::handlers::{BotDialogue, HandlerError, HandlerResult, Turn, button, kb};
use super::meeting_text as text;
use super::state::State;
use crate::domain::minutes::MAX_MINUTES_TEXT;
use crate::domain::{AppError, MenuRole};
use crate::i18n::Msg;
use crate::services::meetings::Actor;
use crate::services::minutes::{self as svc, MinutesContent};
use crate::storage::reference;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, MessageId};

const MEETINGS_SHOWN: i64 = 10;

fn date_of(turn: &Turn<'_>, m: &crate::domain::Meeting) -> String {
    m.starts_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y").to_string()
}

/// /minutes: chairs and coordinators share; members receive past minutes again.
pub(super) async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    if turn.access.menu_role() >= MenuRole::Chair {
        let list = svc::shareable_meetings(&turn.app.ctx, &turn.access, MEETINGS_SHOWN).await?;
        if list.is_empty() {
            turn.say(Msg::MnNoMeetings).await?;
            return Ok(());
        }
        dialogue.update(State::MinutesPick).await?;
        let mut rows: Vec<Vec<InlineKeyboardButton>> = list
            .iter()
            .map(|(m, has)| {
                let label = turn.t(Msg::BtnMnMeeting {
                    has: *has,
                    date: date_of(turn, m),
                    mechanism: m.mechanism.code.clone(),
                });
                vec![button(label, Cb::MnMeeting(m.id))]
            })
            .collect();
        rows.push(vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
        turn.say_with(turn.t(Msg::MnChooseMeeting), kb(rows)).await?;
        return Ok(());
    }
    let available = svc::available_minutes(&turn.app.ctx, &turn.access, svc::LISTED_PER_MECHANISM).await?;
    if available.is_empty() {
        turn.say(Msg::MnAvailableNone).await?;
        return Ok(());
    }
    let rows = available
        .iter()
        .map(|(m, mn)| {
            let label =
                turn.t(Msg::BtnMnMeeting { has: true, date: date_of(turn, m), mechanism: m.mechanism.code.clone() });
            vec![button(label, Cb::MnResend(mn.id))]
        })
        .collect();
    turn.say_with(turn.t(Msg::MnAvailableHeader), kb(rows)).await?;
    Ok(())
}

async fn ask_actions(turn: &Turn<'_>, prefix: Option<String>) -> HandlerResult {
    let q = turn.t(Msg::MnAskActions);
    let text = match prefix {
        Some(p) => format!("{p}\n{q}"),
        None => q,
    };
    let k = kb(vec![vec![button(turn.t(Msg::BtnSkip), Cb::MnSkip)], vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]]);
    turn.say_with(text, k).await?;
    Ok(())
}

async fn summary(
    turn: &Turn<'_>,
    meeting_id: i64,
    content: &MinutesContent,
    actions: Option<&str>,
    edit: Option<MessageId>,
) -> HandlerResult {
    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
    let content_text = match content {
        MinutesContent::Document { file_name, .. } => {
            turn.t(Msg::MnContentDocument { name: file_name.clone().unwrap_or_else(|| "—".into()) })
        }
        MinutesContent::Text(t) => turn.t(Msg::MnContentText { chars: t.chars().count() }),
    };
    let actions_text = match actions {
        Some(a) => {
            let resolved = svc::resolve_actions(&turn.app.ctx, a).await?;
            resolved
                .iter()
                .map(|(what, org, due)| format!("\n• {what} — {} — {}", org.acronym, due.format("%d/%m/%Y")))
                .collect::<String>()
        }
        None => "—".into(),
    };
    let body = turn.t(Msg::MnSummary {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: text::meeting_when(turn.app, turn.lang(), &m),
        content: content_text,
        actions: actions_text,
    });
    let k = kb(vec![vec![button(turn.t(Msg::BtnShare), Cb::MnShare), button(turn.t(Msg::BtnCancel), Cb::Cancel)]]);
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, body).reply_markup(k).await?;
        }
        None => {
            turn.say_with(body, k).await?;
        }
    }
    Ok(())
}

/// A document or a text in the minutes or share dialogs. Returns false when the state does
/// not expect one.
pub(super) async fn on_input(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    msg: &Message,
) -> Result<bool, HandlerError> {
    let document = msg.document().map(|d| (d.file.id.0.clone(), d.file_name.clone()));
    let typed = msg.text().map(str::to_string);
    match state {
        State::MinutesContent { meeting_id } => {
            let content = match (document, typed) {
                (Some((file_id, file_name)), _) => MinutesContent::Document { file_id, file_name },
                (None, Some(t)) if t.chars().count() > MAX_MINUTES_TEXT => {
                    turn.say(Msg::TextTooLong { max: MAX_MINUTES_TEXT }).await?;
                    return Ok(true);
                }
                (None, Some(t)) if !t.trim().is_empty() => MinutesContent::Text(t.trim().to_string()),
                _ => {
                    turn.say(Msg::MnContentExpected).await?;
                    return Ok(true);
                }
            };
            dialogue.update(State::MinutesActions { meeting_id: *meeting_id, content }).await?;
            ask_actions(turn, None).await?;
            Ok(true)
        }
        State::MinutesActions { meeting_id, content } => {
            let Some(t) = typed else {
                ask_actions(turn, None).await?;
                return Ok(true);
            };
            match svc::resolve_actions(&turn.app.ctx, &t).await {
                Ok(list) if list.is_empty() => ask_actions(turn, None).await?,
                Ok(_) => {
                    dialogue
                        .update(State::MinutesConfirm {
                            meeting_id: *meeting_id,
                            content: content.clone(),
                            actions: Some(t.clone()),
                        })
                        .await?;
                    summary(turn, *meeting_id, content, Some(&t), None).await?;
                }
                Err(
                    e @ (AppError::ActionLine(_) | AppError::ActionOrganisation { .. } | AppError::PersonalData(_)),
                ) => {
                    ask_actions(turn, Some(turn.t(turn.refusal(&e)))).await?;
                }
                Err(e) => return Err(e.into()),
            }
            Ok(true)
        }
        State::ShareAwaitDocument => {
            let Some((file_id, file_name)) = document else {
                turn.say(Msg::ShareSendDocument).await?;
                return Ok(true);
            };
            let caption = msg.caption().map(|c| c.chars().take(500).collect::<String>());
            let next = State::ShareMechanisms { file_id, file_name, caption, selected: vec![] };
            dialogue.update(next.clone()).await?;
            show_mechanism_picker(turn, &[], None).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

async fn show_mechanism_picker(turn: &Turn<'_>, selected: &[i64], edit: Option<MessageId>) -> HandlerResult {
    let mechs = reference::mechanisms(&turn.app.ctx.db).await?;
    let buttons: Vec<InlineKeyboardButton> = mechs
        .iter()
        .map(|m| {
            button(
                turn.t(Msg::BtnToggleMech { on: selected.contains(&m.id), code: m.code.clone() }),
                Cb::ShareToggle(m.id),
            )
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    rows.push(vec![button(turn.t(Msg::BtnSend), Cb::ShareSend), button(turn.t(Msg::BtnCancel), Cb::Cancel)]);
    let q = turn.t(Msg::ShareChooseMechanisms);
    match edit {
        Some(id) => {
            turn.bot.edit_message_text(turn.chat, id, q).reply_markup(kb(rows)).await?;
        }
        None => {
            turn.say_with(q, kb(rows)).await?;
        }
    }
    Ok(())
}

pub(super) async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: State,
    cb: Cb,
    message_id: MessageId,
) -> Result<Option<Msg>, HandlerError> {
    match (cb, state) {
        (Cb::MnMeeting(meeting_id), State::MinutesPick) => {
            match svc::check_shareable(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(_) => {
                    dialogue.update(State::MinutesContent { meeting_id }).await?;
                    let k = kb(vec![vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]]);
                    turn.bot
                        .edit_message_text(turn.chat, message_id, turn.t(Msg::MnSendContent))
                        .reply_markup(k)
                        .await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
        (Cb::MnSkip, State::MinutesActions { meeting_id, content }) => {
            dialogue.update(State::MinutesConfirm { meeting_id, content: content.clone(), actions: None }).await?;
            summary(turn, meeting_id, &content, None, Some(message_id)).await?;
            Ok(None)
        }
        (Cb::MnShare, State::MinutesConfirm { meeting_id, content, actions }) => {
            match svc::share(&turn.app.ctx, Actor::Person(&turn.access), meeting_id, &content, actions.as_deref()).await
            {
                Ok(_) => {
                    dialogue.exit().await?;
                    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
                    let count = svc::mechanism_recipients(&turn.app.ctx, m.mechanism.id).await?.len();
                    turn.bot.edit_message_text(turn.chat, message_id, turn.t(Msg::MnShared { count })).await?;
                    Ok(None)
                }
                Err(e) => {
                    dialogue.exit().await?;
                    Ok(Some(turn.refusal(&e)))
                }
            }
        }
        (Cb::MnResend(minutes_id), _) => match svc::resend(&turn.app.ctx, &turn.access, minutes_id).await {
            Ok(()) => Ok(Some(Msg::MnResent)),
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        (Cb::ActionDone(action_id), _) => match svc::mark_done(&turn.app.ctx, &turn.access, action_id).await {
            Ok(a) => {
                let _ =
                    turn.bot.edit_message_text(turn.chat, message_id, turn.t(Msg::ActionDone { what: a.what })).await;
                Ok(None)
            }
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        (Cb::ShareToggle(mech), State::ShareMechanisms { file_id, file_name, caption, mut selected }) => {
            if reference::mechanism_by_id(&turn.app.ctx.db, mech).await?.is_none() {
                return Ok(Some(Msg::ButtonExpired));
            }
            match selected.iter().position(|m| *m == mech) {
                Some(i) => {
                    selected.remove(i);
                }
                None => selected.push(mech),
            }
            dialogue.update(State::ShareMechanisms { file_id, file_name, caption, selected: selected.clone() }).await?;
            show_mechanism_picker(turn, &selected, Some(message_id)).await?;
            Ok(None)
        }
        (Cb::ShareSend, State::ShareMechanisms { file_id, file_name, caption, selected }) => {
            if selected.is_empty() {
                return Ok(Some(Msg::ShareNothingSelected));
            }
            match svc::share_document(
                &turn.app.ctx,
                &turn.access,
                &file_id,
                file_name.as_deref(),
                caption.as_deref(),
                &selected,
            )
            .await
            {
                Ok(_) => {
                    dialogue.exit().await?;
                    let mut everyone = Vec::new();
                    for m in &selected {
                        everyone.extend(svc::mechanism_recipients(&turn.app.ctx, *m).await?);
                    }
                    everyone.sort_unstable();
                    everyone.dedup();
                    turn.bot
                        .edit_message_text(turn.chat, message_id, turn.t(Msg::ShareDone { count: everyone.len() }))
                        .await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
        _ => Ok(Some(Msg::ButtonExpired)),
    }
}

/// /missing: meetings without minutes, and the 72-hour compliance per mechanism.
pub(super) async fn missing(turn: &mut Turn<'_>) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let lang = turn.lang();
    let fmt = |d: chrono::DateTime<chrono::Utc>| d.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string();
    let list = svc::missing(&turn.app.ctx, &turn.access).await?;
    let mut lines = Vec::new();
    if list.is_empty() {
        lines.push(turn.t(Msg::MissingNone));
    } else {
        lines.push(turn.t(Msg::MissingHeader));
        for x in &list {
            lines.push(turn.t(Msg::MissingLine {
                mechanism: x.meeting.mechanism.name(lang).to_string(),
                when: text::meeting_when(turn.app, lang, &x.meeting),
                overdue: x.overdue,
                deadline: fmt(x.deadline),
            }));
        }
    }
    lines.push(String::new());
    let mut figures = Vec::new();
    for mech in crate::services::meetings::managed_mechanisms(&turn.app.ctx, &turn.access).await? {
        let c = svc::compliance(&turn.app.ctx, mech.id, 6).await?;
        if let Some(percent) = c.percent() {
            figures.push(turn.t(Msg::ComplianceLine {
                mechanism: mech.name(lang).to_string(),
                percent,
                on_time: c.on_time,
                total: c.meetings,
            }));
        }
    }
    lines.push(turn.t(Msg::ComplianceHeader));
    if figures.is_empty() {
        lines.push(turn.t(Msg::ComplianceNone));
    }
    lines.extend(figures);
    turn.say_long(lines).await?;
    Ok(())
}

/// /actions: the follow-up plan of the person's mechanisms, with buttons for what they may mark.
pub(super) async fn actions(turn: &mut Turn<'_>) -> HandlerResult {
    let plan = match svc::action_plan(&turn.app.ctx, &turn.access).await {
        Ok(p) => p,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    if plan.is_empty() {
        turn.say(Msg::ActionsNone).await?;
        return Ok(());
    }
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    let mut lines = Vec::new();
    let mut markable = Vec::new();
    for (mech, rows) in &plan {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(turn.t(Msg::ActionsHeader { mechanism: mech.name(turn.lang()).to_string() }));
        for a in rows {
            let late = !a.is_done() && a.due().is_some_and(|d| d < today);
            let status = if a.is_done() {
                "done"
            } else if late {
                "late"
            } else {
                "open"
            };
            lines.push(turn.t(Msg::ActionsLine {
                status: status.into(),
                id: a.id,
                what: a.what.clone(),
                org: a.acronym.clone(),
                due: a.due().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
            }));
            if !a.is_done() && svc::may_mark(&turn.access, a) {
                markable.push(a.id);
            }
        }
    }
    let buttons: Vec<InlineKeyboardButton> = markable
        .iter()
        .take(24)
        .map(|id| button(turn.t(Msg::BtnActionMark { id: *id }), Cb::ActionDone(*id)))
        .collect();
    let rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(3).map(|c| c.to_vec()).collect();
    let text = lines.join("\n");
    if text.len() < 4000 {
        turn.say_with(text, kb(rows)).await?;
    } else {
        turn.say_long(lines).await?;
    }
    Ok(())
}

/// /share (coordinators): a document to one or more mechanisms.
pub(super) async fn start_share(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !turn.access.coordinator {
        turn.say(if turn.access.is_member() { Msg::NotAllowed } else { Msg::NotAMember }).await?;
        return Ok(());
    }
    dialogue.update(State::ShareAwaitDocument).await?;
    let k = kb(vec![vec![button(turn.t(Msg::BtnCancel), Cb::Cancel)]]);
    turn.say_with(turn.t(Msg::ShareSendDocument), k).await?;
    Ok(())
}
