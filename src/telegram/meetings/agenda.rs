//! Agenda items: "propose an item" from /meetings (one typed line) until the invitation goes
//! out, the chair's accept / decline (with the scheduled messages of both), and stopping a
//! monthly series.

use super::Step;
use super::callback::Cb;
use crate::domain::agenda::{AgendaRefusal, ItemStatus, MAX_ITEM_CHARS};
use crate::domain::jobs::DecisionMsg;
use crate::domain::{AppError, Meeting, Person};
use crate::i18n::{DecisionsMsg, MainMsg, MeetingsMsg, Msg};
use crate::services::meetings::{self as meetings_svc, Actor};
use crate::services::{agenda as svc, series};
use crate::telegram::shared::format::short_date;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{
    App, BotDialogue, ButtonResult, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use teloxide::types::{InlineKeyboardButton, MessageId};

pub(super) fn refusal(r: AgendaRefusal) -> Msg {
    match r {
        AgendaRefusal::Empty => DecisionsMsg::DcItemEmpty.into(),
        AgendaRefusal::TooLong => DecisionsMsg::DcItemTooLong { max: MAX_ITEM_CHARS }.into(),
        AgendaRefusal::Duplicate => DecisionsMsg::DcItemDuplicate.into(),
        AgendaRefusal::InvitationSent => DecisionsMsg::DcItemClosed.into(),
        AgendaRefusal::AlreadyDecided => DecisionsMsg::DcItemDecided.into(),
        AgendaRefusal::PersonalData(kind) => {
            crate::i18n::MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into()
        }
    }
}

/// "Propose an item" for a member's meeting whose invitation has not gone out.
pub(super) fn propose_button(turn: &Turn<'_>, m: &Meeting) -> Option<InlineKeyboardButton> {
    (!m.cancelled && m.invitations_sent_at.is_none())
        .then(|| button(turn.t(DecisionsMsg::BtnDcPropose { date: short_date(turn.app, m) }), Cb::ProposeItem(m.id)))
}

/// "Stop the series" for a series meeting managed by the person.
pub(super) fn stop_series_button(turn: &Turn<'_>, series_id: i64) -> InlineKeyboardButton {
    button(turn.t(DecisionsMsg::BtnDcStopSeries { id: series_id }), Cb::StopSeries(series_id))
}

pub(super) async fn start_propose(turn: &mut Turn<'_>, dialogue: &BotDialogue, meeting_id: i64) -> ButtonResult {
    let Ok(m) = meetings_svc::get(&turn.app.ctx, meeting_id).await else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let member = turn.access.memberships.iter().any(|ms| ms.mechanism.id == m.mechanism.id && ms.role.is_single_seat());
    if !member {
        return Ok(Some(MeetingsMsg::NotInvited.into()));
    }
    if m.invitations_sent_at.is_some() {
        return Ok(Some(DecisionsMsg::DcItemClosed.into()));
    }
    dialogue.set(Step::ProposeItem { meeting_id }).await?;
    turn.say(DecisionsMsg::DcProposeAsk {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        date: short_date(turn.app, &m),
        max: MAX_ITEM_CHARS,
    })
    .await?;
    Ok(None)
}

pub(super) async fn proposed_text(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    text: &str,
) -> HandlerResult {
    match svc::propose(&turn.app.ctx, &turn.access, meeting_id, text).await {
        Ok(Ok(_)) => {
            dialogue.exit().await?;
            turn.say(DecisionsMsg::DcProposed).await?;
        }
        // Too long or empty: asked again; the other refusals end the dialog.
        Ok(Err(r @ (AgendaRefusal::Empty | AgendaRefusal::TooLong | AgendaRefusal::PersonalData(_)))) => {
            turn.say(refusal(r)).await?;
        }
        Ok(Err(r)) => {
            dialogue.exit().await?;
            turn.say(refusal(r)).await?;
        }
        Err(e) => {
            dialogue.exit().await?;
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}

pub(super) async fn decide(turn: &mut Turn<'_>, item_id: i64, accept: bool, message_id: MessageId) -> ButtonResult {
    match svc::decide(&turn.app.ctx, Actor::Person(&turn.access), item_id, accept).await {
        Ok(Ok(item)) => {
            let text = if accept {
                turn.t(DecisionsMsg::DcAgendaAccepted { text: item.text })
            } else {
                turn.t(DecisionsMsg::DcAgendaDeclined { text: item.text })
            };
            edit_or_send(turn, Some(message_id), text, None).await?;
            Ok(None)
        }
        Ok(Err(r)) => Ok(Some(refusal(r))),
        Err(AppError::NotFound) => Ok(Some(MainMsg::ButtonExpired.into())),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

pub(super) async fn ask_stop_series(turn: &mut Turn<'_>, series_id: i64) -> ButtonResult {
    let rows = vec![vec![button(turn.t(DecisionsMsg::BtnDcStopYes), Cb::StopSeriesYes(series_id))]];
    turn.say_with(turn.t(DecisionsMsg::DcSeriesStopAsk), kb(rows)).await?;
    Ok(None)
}

pub(super) async fn stop_series(turn: &mut Turn<'_>, series_id: i64, message_id: MessageId) -> ButtonResult {
    match series::stop(&turn.app.ctx, Actor::Person(&turn.access), series_id).await {
        Ok(true) => {
            edit_or_send(turn, Some(message_id), turn.t(DecisionsMsg::DcSeriesStopped), None).await?;
            Ok(None)
        }
        Ok(false) => Ok(Some(DecisionsMsg::DcSeriesAlreadyStopped.into())),
        Err(AppError::NotFound) => Ok(Some(MainMsg::ButtonExpired.into())),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// A proposed item to the chair (accept / decline), or the chair's decision to the member.
pub(super) async fn render(app: &App, person: &Person, msg: &DecisionMsg) -> RenderResult {
    let lang = person.language;
    let t = |m: DecisionsMsg| app.i18n.render(lang, m);
    Ok(Ok(match msg {
        DecisionMsg::AgendaProposed { item_id } => {
            let item = svc::item(&app.ctx, *item_id).await?;
            if item.status != ItemStatus::Proposed {
                return Ok(Err("item already decided".into()));
            }
            let m = meetings_svc::get(&app.ctx, item.meeting_id).await?;
            let text = t(DecisionsMsg::DcAgendaProposed {
                org: item.organisation.clone().unwrap_or_default(),
                mechanism: m.mechanism.name(lang).to_string(),
                date: short_date(app, &m),
                text: item.text.clone(),
            });
            let rows = vec![vec![
                button(t(DecisionsMsg::BtnDcAccept), Cb::ItemDecide { item: item.id, accept: true }),
                button(t(DecisionsMsg::BtnDcDecline), Cb::ItemDecide { item: item.id, accept: false }),
            ]];
            Rendered::text(text).with_keyboard(kb(rows))
        }
        DecisionMsg::AgendaDecided { item_id } => {
            let item = svc::item(&app.ctx, *item_id).await?;
            let m = meetings_svc::get(&app.ctx, item.meeting_id).await?;
            Rendered::text(t(DecisionsMsg::DcAgendaDecided {
                accepted: item.status == ItemStatus::Accepted,
                mechanism: m.mechanism.name(lang).to_string(),
                date: short_date(app, &m),
                text: item.text,
            }))
        }
        _ => return Ok(Err("not an agenda message".into())),
    }))
}
