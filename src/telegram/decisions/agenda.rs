//! Agenda items: "propose an item" from /meetings (one typed line), the chair's accept /
//! decline, a who-does-what-where gap to the agenda in one tap; and stopping a monthly series.

use super::Step;
use super::callback::Cb;
use crate::domain::agenda::{AgendaRefusal, ItemSource, MAX_ITEM_CHARS};
use crate::domain::fourw::ReportingMonth;
use crate::domain::{AppError, Meeting};
use crate::i18n::Msg;
use crate::services::meetings::{self as meetings_svc, Actor};
use crate::services::{agenda as svc, series, wherewho};
use crate::telegram::shared::format::{month_label, short_date};
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb};
use teloxide::types::{InlineKeyboardButton, MessageId};

pub(super) fn refusal(r: AgendaRefusal) -> Msg {
    match r {
        AgendaRefusal::Empty => Msg::DcItemEmpty,
        AgendaRefusal::TooLong => Msg::DcItemTooLong { max: MAX_ITEM_CHARS },
        AgendaRefusal::Duplicate => Msg::DcItemDuplicate,
        AgendaRefusal::InvitationSent => Msg::DcItemClosed,
        AgendaRefusal::AlreadyDecided => Msg::DcItemDecided,
    }
}

/// The buttons /meetings adds: for a member, "propose an item" while the meeting's invitation
/// has not gone out (`manage` false); for those who manage it, "stop the series" (`manage`
/// true, shown once per series by the caller).
pub fn meeting_buttons(turn: &Turn<'_>, m: &Meeting, manage: bool) -> Vec<InlineKeyboardButton> {
    let mut out = Vec::new();
    if manage {
        if let Some(s) = m.series_id {
            out.push(button(turn.t(Msg::BtnDcStopSeries { id: s }), Cb::StopSeries(s)));
        }
    } else if !m.cancelled && m.invitations_sent_at.is_none() {
        out.push(button(turn.t(Msg::BtnDcPropose { date: short_date(turn.app, m) }), Cb::Propose(m.id)));
    }
    out
}

/// The "gap to the agenda" buttons of /wherewho for a mechanism the person manages.
pub fn gap_buttons(turn: &Turn<'_>, mechanism: i64, month: ReportingMonth, gaps: usize) -> Vec<InlineKeyboardButton> {
    let month = month.year as u32 * 100 + month.month;
    (0..gaps.min(5))
        .map(|rank| button(turn.t(Msg::BtnDcGap { n: rank + 1 }), Cb::Gap { mechanism, month, rank: rank as u8 }))
        .collect()
}

pub(super) async fn start_propose(turn: &mut Turn<'_>, dialogue: &BotDialogue, meeting_id: i64) -> ButtonResult {
    let m = match meetings_svc::get(&turn.app.ctx, meeting_id).await {
        Ok(m) => m,
        Err(_) => return Ok(Some(Msg::ButtonExpired)),
    };
    let member = turn.access.memberships.iter().any(|ms| ms.mechanism.id == m.mechanism.id && ms.role.is_single_seat());
    if !member {
        return Ok(Some(Msg::NotInvited));
    }
    if m.invitations_sent_at.is_some() {
        return Ok(Some(Msg::DcItemClosed));
    }
    dialogue.set(Step::Propose { meeting_id }).await?;
    turn.say(Msg::DcProposeAsk {
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
            turn.say(Msg::DcProposed).await?;
        }
        // Too long or empty: asked again; the other refusals end the dialog.
        Ok(Err(r @ (AgendaRefusal::Empty | AgendaRefusal::TooLong))) => {
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
                turn.t(Msg::DcAgendaAccepted { text: item.text })
            } else {
                turn.t(Msg::DcAgendaDeclined { text: item.text })
            };
            edit_or_send(turn, Some(message_id), text, None).await?;
            Ok(None)
        }
        Ok(Err(r)) => Ok(Some(refusal(r))),
        Err(AppError::NotFound) => Ok(Some(Msg::ButtonExpired)),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// A gap of /wherewho to the agenda of the mechanism's next meeting still open for items.
pub(super) async fn gap(turn: &mut Turn<'_>, mechanism: i64, month: u32, rank: u8) -> ButtonResult {
    let ctx = &turn.app.ctx;
    if !Actor::Person(&turn.access).may_manage(mechanism) {
        return Ok(Some(Msg::NotAllowed));
    }
    let Ok(rm) = ReportingMonth::parse(&format!("{:04}-{:02}", month / 100, month % 100)) else {
        return Ok(Some(Msg::ButtonExpired));
    };
    let ww = wherewho::of_month(&ctx.db, rm, Some(mechanism)).await?;
    let Some(g) = ww.gaps.get(usize::from(rank)) else { return Ok(Some(Msg::ButtonExpired)) };
    let Some(m) = svc::next_open_meeting(ctx, mechanism).await? else {
        return Ok(Some(Msg::DcNoOpenMeeting));
    };
    let place = crate::telegram::review::place_label(turn, &g.place);
    let text = turn.t(Msg::DcGapItem { month: month_label(rm), sector: g.sector.clone(), place });
    match svc::add_by_chair(ctx, Actor::Person(&turn.access), m.id, &text, ItemSource::Wherewho).await {
        Ok(Ok(_)) => {
            turn.say(Msg::DcGapAdded { date: short_date(turn.app, &m) }).await?;
            Ok(None)
        }
        Ok(Err(r)) => Ok(Some(refusal(r))),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

pub(super) async fn ask_stop_series(turn: &mut Turn<'_>, series_id: i64) -> ButtonResult {
    let rows = vec![vec![button(turn.t(Msg::BtnDcStopYes), Cb::StopSeriesYes(series_id))]];
    turn.say_with(turn.t(Msg::DcSeriesStopAsk), kb(rows)).await?;
    Ok(None)
}

pub(super) async fn stop_series(turn: &mut Turn<'_>, series_id: i64, message_id: MessageId) -> ButtonResult {
    match series::stop(&turn.app.ctx, Actor::Person(&turn.access), series_id).await {
        Ok(true) => {
            edit_or_send(turn, Some(message_id), turn.t(Msg::DcSeriesStopped), None).await?;
            Ok(None)
        }
        Ok(false) => Ok(Some(Msg::DcSeriesAlreadyStopped)),
        Err(AppError::NotFound) => Ok(Some(Msg::ButtonExpired)),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
