//! The tour de table before a meeting: /tour (chairs and coordinators switch it per
//! mechanism), the request's two buttons ("write my update", "nothing new"), the one-message
//! dialog of an update (its step persisted: a restart loses nothing), and the scheduled
//! messages (`outgoing.rs`). Every rule is checked again by `services::tour`.

pub mod callback;
pub mod outgoing;

use crate::domain::tour::{AnswerError, MAX_UPDATE_CHARS, Recorded, Refusal, UpdateError};
use crate::i18n::{MainMsg, Msg, TourText};
use crate::services::meetings::Actor;
use crate::services::people::DialogFor;
use crate::services::tour as svc;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogueExt, HandlerResult, State, Turn, button, kb};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

pub const FEATURE: &str = "tour";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    /// Waiting for the one message of this organisation's update for this meeting.
    Writing { meeting_id: i64, organisation_id: i64 },
}

impl crate::telegram::shared::DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

fn refusal(r: Refusal) -> Msg {
    match r {
        Refusal::NoSeat => TourText::TourRefusedNoSeat,
        Refusal::Cancelled => TourText::TourRefusedCancelled,
        Refusal::Closed => TourText::TourRefusedClosed,
        Refusal::Off => TourText::TourRefusedOff,
    }
    .into()
}

/// The /tour menu: each mechanism the person may switch, its state and its button.
async fn settings(turn: &Turn<'_>) -> Result<Option<(String, InlineKeyboardMarkup)>, crate::domain::AppError> {
    let list = svc::settings(&turn.app.ctx, &turn.access).await?;
    if list.is_empty() {
        return Ok(None);
    }
    let lang = turn.lang();
    let mut lines = vec![turn.t(TourText::TourSettings)];
    let mut rows = Vec::new();
    for (m, on) in list {
        let name = m.name(lang).to_string();
        lines.push(turn.t(TourText::TourSettingLine { mechanism: name.clone(), on }));
        let (label, cb) = if on {
            (TourText::BtnTourOff { mechanism: m.code.clone() }, Cb::Switch { mechanism: m.id, on: false })
        } else {
            (TourText::BtnTourOn { mechanism: m.code.clone() }, Cb::Switch { mechanism: m.id, on: true })
        };
        rows.push(vec![button(turn.t(label), cb)]);
    }
    Ok(Some((lines.join("\n"), kb(rows))))
}

/// /tour
pub async fn show(turn: &mut Turn<'_>) -> HandlerResult {
    match settings(turn).await? {
        Some((text, keyboard)) => {
            turn.say_with(text, keyboard).await?;
        }
        None => {
            turn.say(TourText::TourNoMechanism).await?;
        }
    }
    Ok(())
}

/// The message of an update, while the writing step is in progress.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let Step::Writing { meeting_id, organisation_id } = state.step::<Step>() else {
        return turn.hint().await;
    };
    if ended_if_lost(turn, dialogue, Some(DialogFor::SeatInMeeting { meeting_id })).await? {
        return Ok(());
    }
    let Some(text) = msg.text() else {
        turn.say(TourText::TourTextOnly).await?;
        return Ok(());
    };
    match svc::answer(&turn.app.ctx, &turn.access, meeting_id, organisation_id, Some(text)).await? {
        Ok((org, done)) => {
            dialogue.exit().await?;
            turn.say(match done {
                Recorded::First => TourText::TourRecorded { org: org.acronym },
                Recorded::Replaced => TourText::TourReplaced { org: org.acronym },
            })
            .await?;
        }
        Err(AnswerError::Refused(r)) => {
            dialogue.exit().await?;
            turn.say(refusal(r)).await?;
        }
        // The step stays: the corrected update is the next message.
        Err(AnswerError::Invalid(e)) => {
            let why: Msg = match e {
                UpdateError::Empty => TourText::TourEmpty.into(),
                UpdateError::TooLong { max } => MainMsg::TextTooLong { max }.into(),
                UpdateError::PersonalData(kind) => {
                    MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into()
                }
            };
            turn.say_long(vec![turn.t(why), turn.t(TourText::TourTryAgain)]).await?;
        }
    }
    Ok(())
}

/// A pressed button of this feature.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    _state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match cb {
        Cb::Switch { mechanism, on } => {
            match svc::set(ctx, Actor::Person(&turn.access), mechanism, on).await {
                Ok(_) => {}
                Err(e) => return Ok(Some(turn.refusal(&e))),
            }
            let name = crate::storage::reference::mechanism_by_id(&ctx.db, mechanism)
                .await?
                .map(|m| m.name(turn.lang()).to_string())
                .unwrap_or_default();
            if let Some((text, keyboard)) = settings(turn).await?
                && let Err(e) = turn.edit(message_id, text, Some(keyboard)).await
            {
                tracing::debug!(error = %e, "could not redraw the tour de table settings");
            }
            Ok(Some(
                if on {
                    TourText::TourTurnedOn { mechanism: name }
                } else {
                    TourText::TourTurnedOff { mechanism: name }
                }
                .into(),
            ))
        }
        Cb::Write { meeting, org } => match svc::may_answer(ctx, &turn.access, meeting, org).await? {
            Ok((m, o, answered)) => {
                dialogue.set(Step::Writing { meeting_id: m.id, organisation_id: o.id }).await?;
                turn.say(TourText::TourAskText { org: o.acronym, max: MAX_UPDATE_CHARS, replaces: answered }).await?;
                Ok(None)
            }
            Err(r) => Ok(Some(refusal(r))),
        },
        Cb::Nothing { meeting, org } => match svc::answer(ctx, &turn.access, meeting, org, None).await? {
            Ok((o, done)) => {
                // A dialog of an update for this same organisation ends: the answer is given.
                if turn_writing_for(dialogue, meeting, org).await {
                    dialogue.exit().await?;
                }
                let notice = match done {
                    Recorded::First => TourText::TourNothingRecorded { org: o.acronym },
                    Recorded::Replaced => TourText::TourNothingReplaced { org: o.acronym },
                };
                turn.say(notice).await?;
                Ok(None)
            }
            Err(AnswerError::Refused(r)) => Ok(Some(refusal(r))),
            Err(AnswerError::Invalid(_)) => Ok(Some(MainMsg::ButtonExpired.into())),
        },
    }
}

/// Whether the dialog in progress is the update of this organisation for this meeting.
async fn turn_writing_for(dialogue: &BotDialogue, meeting: i64, org: i64) -> bool {
    let state = dialogue.get().await.ok().flatten().unwrap_or_default();
    state.feature() == Some(FEATURE)
        && state.step::<Step>() == Step::Writing { meeting_id: meeting, organisation_id: org }
}
