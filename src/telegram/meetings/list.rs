//! /meetings (the person's upcoming meetings with answer buttons, and moving or cancelling for
//! chairs) and the answers to invitations.

use super::callback::Cb;
use super::outgoing;
use crate::domain::meeting::MeetingKind;
use crate::domain::{AppError, Meeting, MenuRole, Role};
use crate::i18n::MeetingsMsg;
use crate::services::meetings::{self as svc, Choice};
use crate::storage::meetings as store;
use crate::telegram::shared::format;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, edit_or_send, kb};
use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, MessageId};

const MANAGED_SHOWN: usize = 8;

pub(super) fn list_text_and_keyboard(
    turn: &Turn<'_>,
    mine: &[svc::MyMeeting],
    managed: &[Meeting],
) -> (String, teloxide::types::InlineKeyboardMarkup) {
    let lang = turn.lang();
    let mut lines = Vec::new();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    if mine.is_empty() && managed.is_empty() {
        lines.push(turn.t(MeetingsMsg::MeetingsNone));
    }
    if !mine.is_empty() {
        lines.push(turn.t(MeetingsMsg::MeetingsHeader));
        for x in mine {
            lines.push(turn.t(MeetingsMsg::MeetingsLine {
                when: format::meeting_when(turn.app, lang, &x.meeting),
                mechanism: x.meeting.mechanism.name(lang).to_string(),
                org: x.organisation.acronym.clone(),
                answer: format::answer_code(x.answer),
            }));
            let date = format::short_date(turn.app, &x.meeting);
            let cb = |choice| Cb::RsvpFromList { meeting: x.meeting.id, org: x.organisation.id, choice };
            let mut row = vec![button(turn.t(MeetingsMsg::BtnShortAttend { date: date.clone() }), cb(Choice::Attend))];
            if x.role == Role::Focal {
                row.push(button(turn.t(MeetingsMsg::BtnShortHandover { date: date.clone() }), cb(Choice::HandOver)));
            }
            row.push(button(turn.t(MeetingsMsg::BtnShortDecline { date }), cb(Choice::Decline)));
            rows.push(row);
            rows.extend(super::agenda::propose_button(turn, &x.meeting).map(|b| vec![b]));
        }
    }
    if !managed.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(turn.t(MeetingsMsg::MeetingsManageHeader));
        // One "stop the series" button per series, on its first meeting listed.
        let mut series_seen = Vec::new();
        for m in managed.iter().take(MANAGED_SHOWN) {
            lines.push(turn.t(MeetingsMsg::MeetingsManageLine {
                id: m.id,
                when: format::meeting_when(turn.app, lang, m),
                mechanism: m.mechanism.name(lang).to_string(),
                adhoc: m.kind == MeetingKind::AdHoc,
                cancelled: m.cancelled,
            }));
            if !m.cancelled {
                rows.push(vec![
                    button(turn.t(MeetingsMsg::BtnMove { id: m.id }), Cb::MeetingMove(m.id)),
                    button(turn.t(MeetingsMsg::BtnCancelMeeting { id: m.id }), Cb::MeetingCancel(m.id)),
                ]);
                let first_of_series = m.series_id.is_some_and(|s| !series_seen.contains(&s));
                series_seen.extend(m.series_id);
                if first_of_series {
                    rows.extend(m.series_id.map(|s| vec![super::agenda::stop_series_button(turn, s)]));
                }
            }
        }
    }
    (lines.join("\n"), kb(rows))
}

pub(super) async fn managed_upcoming(turn: &Turn<'_>) -> Result<Vec<Meeting>, AppError> {
    if turn.access.menu_role() < MenuRole::Chair {
        return Ok(vec![]);
    }
    let now = turn.app.ctx.clock.now();
    let mut out = Vec::new();
    for mech in svc::managed_mechanisms(&turn.app.ctx, &turn.access).await? {
        out.extend(store::between(&turn.app.ctx.db, Some(mech.id), now, now + Duration::days(62), false).await?);
    }
    out.sort_by_key(|m| (m.starts_at, m.id));
    Ok(out)
}

pub(super) async fn show_meetings(turn: &mut Turn<'_>, edit: Option<MessageId>) -> HandlerResult {
    if let Err(e) = turn.access.require_member() {
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    let mine = svc::upcoming_for(&turn.app.ctx, &turn.access).await?;
    let managed = managed_upcoming(turn).await?;
    let (text, k) = list_text_and_keyboard(turn, &mine, &managed);
    edit_or_send(turn, edit, text, Some(k)).await
}

// ---------------------------------------------------------------- answers

/// An answer from an invitation (or from /meetings): recorded for the organisation; every
/// invitation message of the organisation is edited to show it.
pub(super) async fn rsvp(
    turn: &mut Turn<'_>,
    meeting_id: i64,
    org_id: i64,
    choice: Choice,
    from_list: bool,
    message_id: MessageId,
) -> ButtonResult {
    let answered = match svc::answer(&turn.app.ctx, &turn.access, meeting_id, org_id, choice).await {
        Ok(a) => a,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    if !answered.changed {
        return Ok(Some(MeetingsMsg::RsvpRecorded.into()));
    }
    let m = &answered.meeting;
    let mut edited_pressed = false;
    for im in crate::services::seats::current_invitation_messages(&turn.app.ctx, m, org_id).await? {
        let Some(person) = crate::storage::people::by_id(&turn.app.ctx.db, im.person_id).await? else { continue };
        let lang = person.language;
        let body = outgoing::invitation_text(
            turn.app,
            lang,
            m,
            &answered.organisation.acronym,
            answered.organisation.observer,
            im.role(),
            Some(answered.answer),
        );
        let k = outgoing::rsvp_keyboard(turn.app, lang, m.id, org_id, im.role());
        let (chat, id) = (ChatId(im.chat_id), MessageId(im.message_id as i32));
        let result = if im.with_document {
            turn.edit_caption_in(chat, id, body, k).await
        } else {
            turn.edit_in(chat, id, body, Some(k)).await
        };
        if let Err(e) = result {
            tracing::info!(error = %e, "could not update an invitation message");
        }
        edited_pressed |= chat == turn.chat && id == message_id;
    }
    if from_list {
        show_meetings(turn, Some(message_id)).await?;
    } else if !edited_pressed {
        // A hand-over request: show the answer in place of the buttons.
        let status = turn.t(MeetingsMsg::AnswerStatus { answer: format::answer_code(Some(answered.answer)) });
        let _ = turn.edit(message_id, status, None).await;
    }
    Ok(Some(MeetingsMsg::RsvpRecorded.into()))
}
