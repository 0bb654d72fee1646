//! /minutes: chairs and coordinators share the minutes of a past meeting (a document or a
//! text, then the action points); members receive past minutes again; /share's document.

use super::Step;
use super::callback::Cb;
use super::share::Choice;
use crate::domain::minutes::MAX_MINUTES_TEXT;
use crate::domain::{AppError, MenuRole};
use crate::i18n::{MainMsg, MeetingsMsg, MinutesMsg};
use crate::services::meetings::Actor;
use crate::services::minutes::{self as svc, MinutesContent};
use crate::telegram::shared::format;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerError, HandlerResult, Turn, button, edit_or_send, kb,
};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, MessageId};

const MEETINGS_SHOWN: i64 = 10;

pub(super) fn date_of(turn: &Turn<'_>, m: &crate::domain::Meeting) -> String {
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
            turn.say(MinutesMsg::MnNoMeetings).await?;
            return Ok(());
        }
        dialogue.set(Step::MinutesPick).await?;
        let mut rows: Vec<Vec<InlineKeyboardButton>> = list
            .iter()
            .map(|(m, has)| {
                let label = turn.t(MinutesMsg::BtnMnMeeting {
                    has: *has,
                    date: date_of(turn, m),
                    mechanism: m.mechanism.code.clone(),
                });
                vec![button(label, Cb::MnMeeting(m.id))]
            })
            .collect();
        rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cancel)]);
        turn.say_with(turn.t(MinutesMsg::MnChooseMeeting), kb(rows)).await?;
        return Ok(());
    }
    let available = svc::available_minutes(&turn.app.ctx, &turn.access, svc::LISTED_PER_MECHANISM).await?;
    if available.is_empty() {
        turn.say(MinutesMsg::MnAvailableNone).await?;
        return Ok(());
    }
    let rows = available
        .iter()
        .map(|(m, mn)| {
            let label = turn.t(MinutesMsg::BtnMnMeeting {
                has: true,
                date: date_of(turn, m),
                mechanism: m.mechanism.code.clone(),
            });
            vec![button(label, Cb::MnResend(mn.id))]
        })
        .collect();
    turn.say_with(turn.t(MinutesMsg::MnAvailableHeader), kb(rows)).await?;
    Ok(())
}

pub(super) async fn ask_actions(turn: &Turn<'_>, prefix: Option<String>) -> HandlerResult {
    let q = turn.t(MinutesMsg::MnAskActions);
    let text = match prefix {
        Some(p) => format!("{p}\n{q}"),
        None => q,
    };
    let k = kb(vec![
        vec![button(turn.t(MeetingsMsg::BtnSkip), Cb::MnSkip)],
        vec![button(turn.t(MainMsg::BtnCancel), Cancel)],
    ]);
    turn.say_with(text, k).await?;
    Ok(())
}

pub(super) async fn summary(
    turn: &Turn<'_>,
    meeting_id: i64,
    content: &MinutesContent,
    actions: Option<&str>,
    extra: Option<String>,
    picks: &super::source::Picks,
    edit: Option<MessageId>,
) -> HandlerResult {
    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
    let content_text = match content {
        MinutesContent::Document { file_name, .. } => {
            turn.t(MinutesMsg::MnContentDocument { name: file_name.clone().unwrap_or_else(|| "—".into()) })
        }
        MinutesContent::Text(t) => turn.t(MinutesMsg::MnContentText { chars: t.chars().count() }),
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
    let mut body = turn.t(MinutesMsg::MnSummary {
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        when: format::meeting_when(turn.app, turn.lang(), &m),
        content: content_text,
        actions: actions_text,
    });
    // The decisions taken by vote at this meeting.
    let decisions = crate::telegram::shared::votes::decisions_of_meeting(turn.app, turn.lang(), m.id).await?;
    if !decisions.is_empty() {
        body = format!("{body}\n\n{}\n{}", turn.t(crate::i18n::DecisionsMsg::DcMinutesDecisions), decisions.join("\n"));
    }
    // The decisions recorded and the follow-up marked.
    if let Some(extra) = extra {
        body = format!("{body}\n\n{extra}");
    }
    // The class of the minutes (internal until another is chosen) and their source.
    let (question, mut rows) = super::source::rows(turn, m.mechanism.id, picks).await?;
    body = format!("{body}\n\n{question}");
    rows.push(vec![button(turn.t(MinutesMsg::BtnShare), Cb::MnShare), button(turn.t(MainMsg::BtnCancel), Cancel)]);
    edit_or_send(turn, edit, body, Some(kb(rows))).await?;
    Ok(())
}

/// A document or a text in the minutes or share dialogs. Returns false when the state does
/// not expect one.
pub(super) async fn on_input(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    step: &Step,
    msg: &Message,
) -> Result<bool, HandlerError> {
    let document = msg.document().map(|d| (d.file.id.0.clone(), d.file_name.clone()));
    let typed = msg.text().map(str::to_string);
    match step {
        Step::MinutesContent { meeting_id } | Step::MinutesPersonalData { meeting_id, .. } => {
            let content = match (document, typed) {
                (Some((file_id, file_name)), _) => MinutesContent::Document { file_id, file_name },
                (None, Some(t)) if t.chars().count() > MAX_MINUTES_TEXT => {
                    turn.say(MainMsg::TextTooLong { max: MAX_MINUTES_TEXT }).await?;
                    return Ok(true);
                }
                (None, Some(t)) if !t.trim().is_empty() => MinutesContent::Text(t.trim().to_string()),
                _ => {
                    turn.say(MinutesMsg::MnContentExpected).await?;
                    return Ok(true);
                }
            };
            // Minutes are internal and may need a name: personal data is not refused there,
            // but the chair confirms it is meant before anything is kept.
            if let Some(kind) = svc::minutes_text_warning(&content) {
                dialogue.set(Step::MinutesPersonalData { meeting_id: *meeting_id, content }).await?;
                let k = kb(vec![
                    vec![button(turn.t(MinutesMsg::BtnMnKeepText), Cb::MnKeepText)],
                    vec![button(turn.t(MainMsg::BtnCancel), Cancel)],
                ]);
                turn.say_with(turn.t(MinutesMsg::MnPersonalDataWarning { kind: kind.as_str().to_string() }), k).await?;
                return Ok(true);
            }
            dialogue.set(Step::MinutesActions { meeting_id: *meeting_id, content }).await?;
            ask_actions(turn, None).await?;
            Ok(true)
        }
        Step::MinutesActions { meeting_id, content } => {
            let Some(t) = typed else {
                ask_actions(turn, None).await?;
                return Ok(true);
            };
            match svc::resolve_actions(&turn.app.ctx, &t).await {
                Ok(list) if list.is_empty() => ask_actions(turn, None).await?,
                Ok(_) => {
                    dialogue
                        .set(Step::MinutesDecisions {
                            meeting_id: *meeting_id,
                            content: content.clone(),
                            actions: Some(t.clone()),
                        })
                        .await?;
                    super::followup::ask_decisions(turn, None, None).await?;
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
        Step::MinutesDecisions { meeting_id, content, actions } => {
            match typed {
                Some(t) => {
                    super::followup::on_decisions_text(turn, dialogue, *meeting_id, content, actions, &t).await?
                }
                None => super::followup::ask_decisions(turn, None, None).await?,
            }
            Ok(true)
        }
        Step::ShareAwaitDocument => {
            let Some((file_id, file_name)) = document else {
                turn.say(MinutesMsg::ShareSendDocument).await?;
                return Ok(true);
            };
            let caption = msg.caption().map(|c| c.chars().take(500).collect::<String>());
            // A chair of a single mechanism shares with it: it is chosen already.
            let chaired: Vec<i64> = turn
                .access
                .memberships
                .iter()
                .filter(|s| s.role == crate::domain::Role::Chair)
                .map(|s| s.mechanism.id)
                .collect();
            let selected = if !turn.access.coordinator && chaired.len() == 1 { chaired } else { vec![] };
            let next = Step::ShareMechanisms {
                file_id,
                file_name,
                caption,
                selected,
                doc_type: None,
                sensitivity: None,
                orgs: vec![],
                org_page: 0,
            };
            dialogue.set(next.clone()).await?;
            super::share::show_mechanism_picker(turn, &next, None).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub(super) async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    step: Step,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    match (cb, step) {
        (Cb::MnMeeting(meeting_id), Step::MinutesPick) => {
            match svc::check_shareable(&turn.app.ctx, Actor::Person(&turn.access), meeting_id).await {
                Ok(_) => {
                    dialogue.set(Step::MinutesContent { meeting_id }).await?;
                    let k = kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]]);
                    turn.edit(message_id, turn.t(MinutesMsg::MnSendContent), Some(k)).await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
        (Cb::MnKeepText, Step::MinutesPersonalData { meeting_id, content }) => {
            dialogue.set(Step::MinutesActions { meeting_id, content }).await?;
            turn.edit(message_id, turn.t(MinutesMsg::BtnMnKeepText), None).await?;
            ask_actions(turn, None).await?;
            Ok(None)
        }
        (Cb::MnSkip, Step::MinutesActions { meeting_id, content }) => {
            dialogue.set(Step::MinutesDecisions { meeting_id, content, actions: None }).await?;
            super::followup::ask_decisions(turn, None, Some(message_id)).await?;
            Ok(None)
        }
        (Cb::MnDecisionsSkip, Step::MinutesDecisions { meeting_id, content, actions }) => {
            super::followup::after_decisions(turn, dialogue, meeting_id, content, actions, None, Some(message_id))
                .await?;
            Ok(None)
        }
        (Cb::FollowUpMark(n, outcome), step @ Step::MinutesFollowUp { .. }) => {
            super::followup::mark(turn, dialogue, step, n, outcome, message_id).await
        }
        (Cb::FollowUpContinue, step @ Step::MinutesFollowUp { .. }) => {
            super::followup::proceed(turn, dialogue, step, message_id).await
        }
        (
            Cb::MnShare,
            Step::MinutesConfirm { meeting_id, content, actions, decisions, marks, sensitivity, orgs, source, .. },
        ) => {
            let follow_up: Vec<_> = marks.iter().map(|m| (m.item, m.outcome)).collect();
            let class = Choice { sensitivity, orgs, page: 0 }.class();
            let extras = svc::MinutesExtras {
                decisions: decisions.as_deref(),
                follow_up: &follow_up,
                class: Some(&class),
                source,
            };
            let shared = svc::share_with(
                &turn.app.ctx,
                Actor::Person(&turn.access),
                meeting_id,
                &content,
                actions.as_deref(),
                &extras,
            )
            .await;
            match shared {
                Ok(Err(line)) => {
                    // A review date passed meanwhile: the decisions are asked again.
                    dialogue.set(Step::MinutesDecisions { meeting_id, content, actions }).await?;
                    super::followup::ask_decisions(turn, Some(turn.t(super::followup::line_error(&line))), None)
                        .await?;
                    Ok(None)
                }
                Ok(Ok(minutes_id)) => {
                    dialogue.exit().await?;
                    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
                    let everyone = svc::mechanism_recipients(&turn.app.ctx, m.mechanism.id).await?;
                    let message = crate::domain::jobs::Outgoing::Minutes { minutes_id };
                    let count = svc::class_recipients(&turn.app.ctx, everyone, &message).await?.len();
                    turn.edit(message_id, turn.t(MinutesMsg::MnShared { count }), None).await?;
                    Ok(None)
                }
                // A restricted class without organisations: the chair chooses them and shares.
                Err(e @ AppError::Class(_)) => Ok(Some(turn.refusal(&e))),
                Err(e) => {
                    dialogue.exit().await?;
                    Ok(Some(turn.refusal(&e)))
                }
            }
        }
        (Cb::MnResend(minutes_id), _) => match svc::resend(&turn.app.ctx, &turn.access, minutes_id).await {
            Ok(()) => Ok(Some(MinutesMsg::MnResent.into())),
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        (Cb::ActionDone(action_id), _) => match svc::mark_done(&turn.app.ctx, &turn.access, action_id).await {
            Ok(a) => {
                let _ = turn.edit(message_id, turn.t(MinutesMsg::ActionDone { what: a.what }), None).await;
                Ok(None)
            }
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        (
            cb @ (Cb::ShareType(_)
            | Cb::ShareToggle(_)
            | Cb::ShareSend
            | Cb::Class(_)
            | Cb::ClassOrg(_)
            | Cb::ClassOrgPage(_)),
            step @ Step::ShareMechanisms { .. },
        ) => super::share::on_button(turn, dialogue, step, cb, message_id).await,
        (
            cb @ (Cb::Class(_) | Cb::ClassOrg(_) | Cb::ClassOrgPage(_) | Cb::SourcePage(_) | Cb::Source(_)),
            mut step @ Step::MinutesConfirm { .. },
        ) => {
            let Some((meeting_id, mut picks)) = super::source::Picks::of(&step) else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
            let applied = match super::source::apply(turn, &mut picks, cb, m.mechanism.id).await {
                Ok(false) => picks.choice.apply(turn, cb, &[m.mechanism.id]).await,
                other => other,
            };
            match applied {
                Ok(true) => {}
                Ok(false) => return Ok(Some(MainMsg::ButtonExpired.into())),
                Err(notice) => return Ok(Some(notice)),
            }
            picks.store(&mut step);
            dialogue.set(step.clone()).await?;
            super::followup::summary(turn, &step, Some(message_id)).await?;
            Ok(None)
        }
        _ => Ok(Some(MainMsg::ButtonExpired.into())),
    }
}
