//! /situation: a member of a regional cluster reports a protection situation by buttons —
//! the regional cluster (when they sit in several), the cercle (or a typed P-code of a cercle
//! or commune), the theme, one paragraph, verified or not (required), whether the source may
//! be named (default no), then a summary to send. The regional chair validates or refuses with
//! the buttons of the message they receive (`outgoing.rs`); every rule is checked again by
//! `services::situation`.

pub mod callback;
pub mod outgoing;

use crate::domain::AppError;
use crate::domain::situation::{MAX_TEXT_CHARS, TextError, Theme, check_text};
use crate::i18n::{MainMsg, Msg, SituationsMsg as T};
use crate::services::people::DialogFor;
use crate::services::situation::{self as svc, DecideRefusal, Draft as Posted, Refusal};
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, DialogStep, DialogueExt, HandlerResult, State, Turn, button, edit_or_send, kb,
};
use callback::Cb;
use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "situation";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    Draft(Box<Draft>),
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// The /situation dialog so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub stage: Stage,
    pub mechanism_id: Option<i64>,
    pub pcode: Option<String>,
    pub theme: Option<u8>,
    pub text: Option<String>,
    pub verified: Option<bool>,
    pub source: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    #[default]
    Mechanism,
    Place,
    Theme,
    Text,
    Verified,
    Source,
    Confirm,
}

/// /situation
pub async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    let seats = svc::regional_seats(&turn.app.ctx, &turn.access).await?;
    match seats.as_slice() {
        [] => {
            turn.say(T::StNotRegional).await?;
        }
        [(only, _)] => {
            let draft = Draft { stage: Stage::Place, mechanism_id: Some(only.id), ..Draft::default() };
            ask(turn, dialogue, draft, None).await?;
        }
        many => {
            let buttons = many.iter().map(|(m, _)| button(m.code.clone(), Cb::Mechanism(m.id))).collect();
            dialogue.set(Step::Draft(Box::default())).await?;
            turn.say_with(turn.t(T::StChooseMechanism), kb(rows_of(buttons, 3))).await?;
        }
    }
    Ok(())
}

async fn place_label(turn: &Turn<'_>, pcode: &str) -> Result<String, AppError> {
    let name = svc::place_name(&turn.app.ctx, pcode).await?.unwrap_or_default();
    Ok(format!("{name} ({pcode})"))
}

/// Saves the draft and asks what its stage needs (editing the pressed button's message).
async fn ask(turn: &Turn<'_>, dialogue: &BotDialogue, draft: Draft, edit: Option<MessageId>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let Some(mech_id) = draft.mechanism_id else { return Ok(()) };
    let mech = crate::storage::reference::mechanism_by_id(&ctx.db, mech_id).await?.ok_or(AppError::NotFound)?;
    let lang = turn.lang();
    let (text, keyboard) = match draft.stage {
        Stage::Mechanism => return Ok(()),
        Stage::Place => {
            let buttons = svc::cercles(ctx, mech_id)
                .await?
                .into_iter()
                .filter_map(|(pcode, name)| Some(button(name, Cb::place(&pcode)?)))
                .collect();
            (turn.t(T::StChoosePlace { mechanism: mech.code.clone() }), Some(kb(rows_of(buttons, 3))))
        }
        Stage::Theme => {
            let place = place_label(turn, draft.pcode.as_deref().unwrap_or_default()).await?;
            let buttons = Theme::iter().map(|t| button(t.name(lang).to_string(), Cb::Theme(t.code()))).collect();
            (turn.t(T::StChooseTheme { place }), Some(kb(rows_of(buttons, 2))))
        }
        Stage::Text => (turn.t(T::StAskText { max: MAX_TEXT_CHARS }), None),
        Stage::Verified => (
            turn.t(T::StChooseVerified),
            Some(kb(vec![vec![
                button(turn.t(T::BtnStVerified), Cb::Verified(true)),
                button(turn.t(T::BtnStNotVerified), Cb::Verified(false)),
            ]])),
        ),
        Stage::Source => (
            turn.t(T::StChooseSource),
            Some(kb(vec![
                vec![button(turn.t(T::BtnStSourceNo), Cb::Source(false))],
                vec![button(turn.t(T::BtnStSourceYes), Cb::Source(true))],
            ])),
        ),
        Stage::Confirm => {
            let theme = draft.theme.and_then(Theme::from_code).unwrap_or(Theme::Other);
            let text = turn.t(T::StSummary {
                mechanism: mech.code.clone(),
                place: place_label(turn, draft.pcode.as_deref().unwrap_or_default()).await?,
                theme: theme.name(lang).to_string(),
                text: draft.text.clone().unwrap_or_default(),
                verified: draft.verified.unwrap_or(false),
                source: draft.source.unwrap_or(false),
            });
            (text, Some(kb(vec![vec![button(turn.t(T::BtnStPost), Cb::Post)]])))
        }
    };
    dialogue.set(Step::Draft(Box::new(draft))).await?;
    edit_or_send(turn, edit, text, keyboard).await
}

fn text_refusal(e: TextError, length: usize) -> Msg {
    match e {
        TextError::Empty => T::StTextEmpty.into(),
        TextError::TooLong => T::StTextTooLong { max: MAX_TEXT_CHARS, length }.into(),
        TextError::NotOneParagraph => T::StTextParagraph.into(),
        TextError::PersonalData(kind) => MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into(),
    }
}

/// The seat the dialog was opened for, once its regional cluster is chosen: a member who has
/// left it meanwhile posts nothing (the service would refuse at the end; this says so at once).
fn opened_for(draft: &Draft) -> Option<DialogFor> {
    draft.mechanism_id.map(|mechanism_id| DialogFor::SeatIn { mechanism_id })
}

/// A message while the dialog is in progress: a typed P-code, or the paragraph.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let Step::Draft(draft) = state.step::<Step>() else {
        return turn.hint().await;
    };
    if ended_if_lost(turn, dialogue, opened_for(&draft)).await? {
        return Ok(());
    }
    let (Some(text), Some(mech_id)) = (msg.text(), draft.mechanism_id) else {
        return turn.hint().await;
    };
    match draft.stage {
        Stage::Place => {
            let pcode = text.trim().to_uppercase();
            if !svc::place_ok(&turn.app.ctx, mech_id, &pcode).await? {
                let mechanism = crate::storage::reference::mechanism_by_id(&turn.app.ctx.db, mech_id)
                    .await?
                    .map(|m| m.code)
                    .unwrap_or_default();
                turn.say(T::StPlaceUnknown { pcode: crate::telegram::shared::turn::clip(pcode, 40), mechanism })
                    .await?;
                return Ok(());
            }
            ask(turn, dialogue, Draft { stage: Stage::Theme, pcode: Some(pcode), ..*draft }, None).await
        }
        Stage::Text => match check_text(text) {
            Ok(t) => ask(turn, dialogue, Draft { stage: Stage::Verified, text: Some(t), ..*draft }, None).await,
            Err(e) => {
                turn.say(text_refusal(e, text.trim().chars().count())).await?;
                Ok(())
            }
        },
        _ => turn.hint().await,
    }
}

/// A pressed button of this feature.
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    if let Cb::Decide { item, validate } = cb {
        return decide(turn, item, validate, message_id).await;
    }
    let Step::Draft(draft) = state.step::<Step>() else { return Ok(Some(MainMsg::ButtonExpired.into())) };
    if ended_if_lost(turn, dialogue, opened_for(&draft)).await? {
        return Ok(Some(MainMsg::DialogSeatLost.into()));
    }
    let ctx = &turn.app.ctx;
    let next = match (cb, draft.stage) {
        (Cb::Mechanism(m), Stage::Mechanism) => {
            if !svc::regional_seats(ctx, &turn.access).await?.iter().any(|(mech, _)| mech.id == m) {
                return Ok(Some(T::StNotRegional.into()));
            }
            Draft { stage: Stage::Place, mechanism_id: Some(m), ..*draft }
        }
        (Cb::Place { digits, len }, Stage::Place) => {
            let pcode = Cb::pcode(digits, len);
            let Some(mech) = draft.mechanism_id else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            if !svc::place_ok(ctx, mech, &pcode).await? {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            Draft { stage: Stage::Theme, pcode: Some(pcode), ..*draft }
        }
        (Cb::Theme(t), Stage::Theme) => Draft { stage: Stage::Text, theme: Some(t), ..*draft },
        (Cb::Verified(v), Stage::Verified) => Draft { stage: Stage::Source, verified: Some(v), ..*draft },
        (Cb::Source(s), Stage::Source) => Draft { stage: Stage::Confirm, source: Some(s), ..*draft },
        (Cb::Post, Stage::Confirm) => return post(turn, dialogue, *draft, message_id).await,
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    };
    ask(turn, dialogue, next, Some(message_id)).await?;
    Ok(None)
}

async fn post(turn: &mut Turn<'_>, dialogue: &BotDialogue, draft: Draft, message_id: MessageId) -> ButtonResult {
    let (Some(mechanism_id), Some(pcode), Some(theme), Some(text), Some(verified)) = (
        draft.mechanism_id,
        draft.pcode.clone(),
        draft.theme.and_then(Theme::from_code),
        draft.text.clone(),
        draft.verified,
    ) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let posted = Posted { mechanism_id, pcode, theme, text, verified, source_nameable: draft.source.unwrap_or(false) };
    let refusal: Msg = match svc::post(&turn.app.ctx, &turn.access, &posted).await? {
        Ok(_) => {
            dialogue.exit().await?;
            let mechanism = crate::storage::reference::mechanism_by_id(&turn.app.ctx.db, mechanism_id)
                .await?
                .map(|m| m.code)
                .unwrap_or_default();
            turn.edit(message_id, turn.t(T::StPosted { mechanism }), None).await?;
            return Ok(None);
        }
        Err(Refusal::NotRegional) => T::StNotRegional.into(),
        Err(Refusal::Place) => MainMsg::ButtonExpired.into(),
        Err(Refusal::Text(e)) => text_refusal(e, posted.text.chars().count()),
    };
    dialogue.exit().await?;
    turn.say(refusal.clone()).await?;
    Ok(Some(refusal))
}

/// The regional chair's Validate / Refuse.
async fn decide(turn: &mut Turn<'_>, item_id: i64, validate: bool, message_id: MessageId) -> ButtonResult {
    let item = match svc::decide(&turn.app.ctx, &turn.access, item_id, validate).await {
        Ok(Ok(item)) => item,
        Ok(Err(DecideRefusal::AlreadyDecided)) => return Ok(Some(T::StAlreadyDecided.into())),
        Err(e @ (AppError::NotAllowed | AppError::NotFound)) => return Ok(Some(turn.refusal(&e))),
        Err(e) => return Err(e.into()),
    };
    let name = turn.access.person.display_name.clone();
    let done = if validate { turn.t(T::StValidatedBy { name }) } else { turn.t(T::StRefusedBy { name }) };
    let text = format!("{}\n\n{done}", outgoing::for_regional_chair(turn.app, turn.lang(), &item));
    turn.edit(message_id, text, None).await?;
    Ok(None)
}
