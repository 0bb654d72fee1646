//! /attendance: who was present, pre-filled from the answers, saved by the chair.

use super::Step;
use super::callback::Cb;
use crate::domain::MenuRole;
use crate::i18n::{MainMsg, MeetingsMsg};
use crate::services::meetings::{self as svc, Actor};
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format::{self};
use crate::telegram::shared::{BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, kb};
use teloxide::types::{InlineKeyboardButton, MessageId};

pub(super) async fn start_attendance(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let past = svc::past_meetings(&turn.app.ctx, &turn.access, 8).await?;
    if past.is_empty() {
        turn.say(MeetingsMsg::AttNoMeetings).await?;
        return Ok(());
    }
    dialogue.set(Step::AttendanceChoose).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = past
        .iter()
        .map(|m| {
            let date = m.starts_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y").to_string();
            let label = turn.t(MeetingsMsg::BtnAttMeeting { date, mechanism: m.mechanism.code.clone() });
            vec![button(label, Cb::AttMeeting(m.id))]
        })
        .collect();
    // The grid of the last meetings, one "📊" per mechanism listed.
    let mut mechanisms: Vec<&crate::domain::Mechanism> = past.iter().map(|m| &m.mechanism).collect();
    mechanisms.sort_by_key(|m| m.id);
    mechanisms.dedup_by_key(|m| m.id);
    for mech in mechanisms {
        let chart = crate::domain::figures::ChartRequest::Attendance { mechanism_id: mech.id };
        rows.push(vec![chart_button(&turn.app.i18n, turn.lang(), chart, &mech.code)]);
    }
    rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cancel)]);
    turn.say_with(turn.t(MeetingsMsg::AttChooseMeeting), kb(rows)).await?;
    Ok(())
}

pub(super) async fn show_sheet(
    turn: &Turn<'_>,
    meeting_id: i64,
    present: &[i64],
    message_id: MessageId,
) -> ButtonResult {
    let (m, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
        Ok(x) => x,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let buttons: Vec<InlineKeyboardButton> = sheet
        .iter()
        .map(|(o, _)| {
            let label = turn.t(MeetingsMsg::BtnAttOrg {
                present: present.contains(&o.id),
                org: if o.observer { format!("{} (obs.)", o.acronym) } else { o.acronym.clone() },
            });
            button(label, Cb::AttToggle(o.id))
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    rows.push(vec![button(turn.t(MeetingsMsg::BtnSave), Cb::AttSave), button(turn.t(MainMsg::BtnCancel), Cancel)]);
    let text = turn.t(MeetingsMsg::AttSheet {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: format::meeting_when(turn.app, turn.lang(), &m),
    });
    turn.edit(message_id, text, Some(kb(rows))).await?;
    Ok(None)
}

pub(super) async fn attendance_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    step: Step,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    match (step, cb) {
        (Step::AttendanceChoose, Cb::AttMeeting(meeting_id)) => {
            let (_, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            let present: Vec<i64> = sheet.iter().filter(|(_, p)| *p).map(|(o, _)| o.id).collect();
            dialogue.set(Step::Attendance { meeting_id, present: present.clone() }).await?;
            show_sheet(turn, meeting_id, &present, message_id).await
        }
        (Step::Attendance { meeting_id, mut present }, Cb::AttToggle(org)) => {
            let (_, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            if !sheet.iter().any(|(o, _)| o.id == org) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            if let Some(i) = present.iter().position(|p| *p == org) {
                present.remove(i);
            } else {
                present.push(org);
            }
            dialogue.set(Step::Attendance { meeting_id, present: present.clone() }).await?;
            show_sheet(turn, meeting_id, &present, message_id).await
        }
        (Step::Attendance { meeting_id, present }, Cb::AttSave) => {
            let (m, sheet) = match svc::attendance_sheet(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(x) => x,
                Err(e) => return Ok(Some(turn.refusal(&e))),
            };
            let marks: Vec<(i64, bool)> = sheet.iter().map(|(o, _)| (o.id, present.contains(&o.id))).collect();
            if let Err(e) = svc::save_attendance(&turn.app.ctx, Actor::Person(&turn.access), meeting_id, &marks).await {
                return Ok(Some(turn.refusal(&e)));
            }
            dialogue.exit().await?;
            let members = sheet.iter().filter(|(o, _)| !o.observer);
            let total = members.clone().count();
            let here = members.filter(|(o, _)| present.contains(&o.id)).count();
            let mut lines = vec![
                turn.t(MeetingsMsg::AttSaved { present: here, total }),
                String::new(),
                turn.t(MeetingsMsg::AttStatsHeader),
            ];
            let stats = svc::attendance_stats(&turn.app.ctx, m.mechanism.id, 6).await?;
            let line = |(o, p, t): &(crate::domain::Organisation, usize, usize)| {
                turn.t(MeetingsMsg::AttStatsLine { org: o.acronym.clone(), present: *p, total: *t })
            };
            lines.extend(stats.iter().filter(|s| !s.0.observer).map(line));
            if stats.iter().any(|s| s.0.observer) {
                lines.push(turn.t(MeetingsMsg::AttStatsObservers));
                lines.extend(stats.iter().filter(|s| s.0.observer).map(line));
            }
            turn.edit(message_id, lines.join("\n"), None).await?;
            Ok(None)
        }
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
