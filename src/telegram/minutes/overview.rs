//! /missing (meetings without minutes, and the 72-hour compliance) and /actions (the
//! follow-up plan).

use super::callback::Cb;
use crate::domain::MenuRole;
use crate::i18n::{ChartsMsg, MainMsg, MinutesMsg};
use crate::services::minutes as svc;
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format;
use crate::telegram::shared::{HandlerResult, Turn, button, kb};
use teloxide::types::InlineKeyboardButton;

/// /missing: meetings without minutes, and the 72-hour compliance per mechanism.
pub(super) async fn missing(turn: &mut Turn<'_>) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let lang = turn.lang();
    let fmt = |d: chrono::DateTime<chrono::Utc>| d.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string();
    let list = svc::missing(&turn.app.ctx, &turn.access).await?;
    let mut lines = Vec::new();
    if list.is_empty() {
        lines.push(turn.t(MinutesMsg::MissingNone));
    } else {
        lines.push(turn.t(MinutesMsg::MissingHeader));
        for x in &list {
            lines.push(turn.t(MinutesMsg::MissingLine {
                mechanism: x.meeting.mechanism.name(lang).to_string(),
                when: format::meeting_when(turn.app, lang, &x.meeting),
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
            figures.push(turn.t(MinutesMsg::ComplianceLine {
                mechanism: mech.name(lang).to_string(),
                percent,
                on_time: c.on_time,
                total: c.meetings,
            }));
        }
    }
    lines.push(turn.t(MinutesMsg::ComplianceHeader));
    if figures.is_empty() {
        lines.push(turn.t(MinutesMsg::ComplianceNone));
    }
    let charted = !figures.is_empty();
    lines.extend(figures);
    turn.say_long(lines).await?;
    if charted {
        let chart = crate::domain::figures::ChartRequest::Minutes;
        let button = chart_button(&turn.app.i18n, lang, chart, "");
        turn.say_with(turn.t(ChartsMsg::ChartOffer), kb(vec![vec![button]])).await?;
    }
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
        turn.say(MinutesMsg::ActionsNone).await?;
        return Ok(());
    }
    let today = turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive();
    let mut lines = Vec::new();
    let mut markable = Vec::new();
    for (mech, rows) in &plan {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(turn.t(MinutesMsg::ActionsHeader { mechanism: mech.name(turn.lang()).to_string() }));
        for a in rows {
            let late = !a.is_done() && !a.dropped && a.due().is_some_and(|d| d < today);
            let status = if a.is_done() {
                "done"
            } else if a.dropped {
                "dropped"
            } else if late {
                "late"
            } else {
                "open"
            };
            lines.push(turn.t(MinutesMsg::ActionsLine {
                status: status.into(),
                id: a.id,
                what: a.what.clone(),
                org: a.acronym.clone(),
                due: a.due().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
            }));
            // What each meeting marked for it, across meetings.
            let history = crate::services::followup::action_history(&turn.app.ctx, a.id).await?;
            if !history.is_empty() {
                let history = crate::telegram::shared::followup::history_text(turn.app, turn.lang(), &history);
                lines.push(turn.t(crate::i18n::MemoryMsg::FuActionsHistory { history }));
            }
            if !a.is_done() && !a.dropped && svc::may_mark(&turn.access, a) {
                markable.push(a.id);
            }
        }
    }
    let buttons: Vec<InlineKeyboardButton> = markable
        .iter()
        .take(24)
        .map(|id| button(turn.t(MinutesMsg::BtnActionMark { id: *id }), Cb::ActionDone(*id)))
        .collect();
    let rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(3).map(|c| c.to_vec()).collect();
    let text = lines.join("\n");
    // The follow-up plan comes from the internal minutes: protected like them.
    if text.len() < 4000 {
        turn.say_protected(text, Some(kb(rows))).await?;
    } else {
        turn.say_long_protected(lines).await?;
    }
    Ok(())
}
