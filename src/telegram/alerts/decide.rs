//! The CMP chair's (or a coordinator's) taps: validate, refuse, close, and the /alert menu of
//! open alerts; a present organisation's answer. The services check the rights again: a
//! forged button or one pressed by someone without the right changes nothing.

use super::callback::Cb;
use super::text;
use crate::domain::AppError;
use crate::domain::alert::{AlertState, Commitment};
use crate::i18n::{AlertsMsg, MainMsg, Msg};
use crate::services::alerts::{self as svc, AlertError};
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};
use strum::IntoEnumIterator;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

fn refusal(turn: &Turn<'_>, e: &AlertError) -> Msg {
    match e {
        AlertError::AlreadyDecided => AlertsMsg::AlAlreadyDecided.into(),
        AlertError::App(AppError::NotFound) | AlertError::UnknownCercle => MainMsg::ButtonExpired.into(),
        AlertError::App(AppError::NotAMember) => AlertsMsg::AlNotMember.into(),
        AlertError::App(e) => turn.refusal(e),
        AlertError::Problem(p) => super::dialog::problem(*p),
    }
}

/// The three answers of a present organisation, as buttons.
pub(super) fn commit_keyboard(
    app: &crate::telegram::shared::App,
    lang: crate::domain::Language,
    alert: i64,
    org: i64,
) -> InlineKeyboardMarkup {
    let row = Commitment::iter()
        .enumerate()
        .map(|(i, c)| button(text::commitment(app, lang, c), Cb::Commit { alert, org, commitment: i as u8 }))
        .collect();
    kb(vec![row])
}

/// The open alerts with their buttons (validate / refuse a raised one, close a validated one),
/// and a New button for those who may raise one.
pub(super) async fn menu(turn: &mut Turn<'_>) -> HandlerResult {
    let open = svc::list(&turn.app.ctx, true).await?;
    let mut rows = Vec::new();
    if turn.access.is_member() {
        rows.push(vec![button(turn.t(AlertsMsg::BtnAlNew), Cb::New)]);
    }
    for a in open.iter().rev().take(10) {
        rows.push(match a.state {
            AlertState::Raised => vec![
                button(turn.t(AlertsMsg::BtnAlValidateId { id: a.id }), Cb::Validate(a.id)),
                button(turn.t(AlertsMsg::BtnAlRefuseId { id: a.id }), Cb::Refuse(a.id)),
            ],
            _ => vec![button(turn.t(AlertsMsg::BtnAlCloseId { id: a.id }), Cb::Close(a.id))],
        });
    }
    let text = turn.t(AlertsMsg::AlMenu { open: open.len() });
    if rows.is_empty() {
        turn.say(AlertsMsg::AlMenu { open: 0 }).await?;
    } else {
        turn.say_with(text, kb(rows)).await?;
    }
    Ok(())
}

pub(super) async fn validate(turn: &mut Turn<'_>, id: i64, message_id: MessageId) -> ButtonResult {
    match svc::validate(&turn.app.ctx, turn.access.person.id, id).await {
        Ok(_) => {
            let close = kb(vec![vec![button(turn.t(AlertsMsg::BtnAlClose), Cb::Close(id))]]);
            turn.edit(message_id, turn.t(AlertsMsg::AlValidatedByYou { id }), Some(close)).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(refusal(turn, &e))),
    }
}

pub(super) async fn refuse(turn: &mut Turn<'_>, id: i64, message_id: MessageId) -> ButtonResult {
    match svc::refuse(&turn.app.ctx, turn.access.person.id, id).await {
        Ok(_) => {
            turn.edit(message_id, turn.t(AlertsMsg::AlRefusedByYou { id }), None).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(refusal(turn, &e))),
    }
}

pub(super) async fn close(turn: &mut Turn<'_>, id: i64, message_id: MessageId) -> ButtonResult {
    match svc::close(&turn.app.ctx, turn.access.person.id, id).await {
        Ok(_) => {
            turn.edit(message_id, turn.t(AlertsMsg::AlClosedByYou { id }), None).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(refusal(turn, &e))),
    }
}

pub(super) async fn commit(turn: &mut Turn<'_>, alert: i64, org: i64, rank: u8, message_id: MessageId) -> ButtonResult {
    let Some(c) = Commitment::iter().nth(usize::from(rank)) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
    let ctx = &turn.app.ctx;
    if let Err(e) = svc::commit(ctx, turn.access.person.id, alert, org, c).await {
        return Ok(Some(refusal(turn, &e)));
    }
    let acronym =
        crate::storage::reference::organisation_by_id(&ctx.db, org).await?.map(|o| o.acronym).unwrap_or_default();
    let name = text::commitment(turn.app, turn.lang(), c);
    let line = turn.t(AlertsMsg::AlCommitted { org: acronym, commitment: name });
    // The buttons stay: an organisation may change its answer until the alert closes.
    let keyboard = commit_keyboard(turn.app, turn.lang(), alert, org);
    turn.edit(message_id, line, Some(keyboard)).await?;
    Ok(None)
}
