//! Reuse requests: "♻️" under a document or minutes (in /docs or on the message) asks the
//! purpose and the audience, one line each; the source organisation and the coordinators are
//! asked with Approve / Refuse (a refusal asks a one-line reason); /reuse (/reutiliser) lists
//! the requests the person is party to.

pub mod callback;
pub mod outgoing;

use crate::domain::Language;
use crate::domain::sensitivity::{MAX_REUSE_LINE, Party, ReuseState, parse_line};
use crate::i18n::{MainMsg, Msg, SensitivityMsg};
use crate::services::reuse::{self as svc, ItemLabel};
use crate::storage::sensitivity::Item;
use crate::telegram::shared::reuse::ReuseButton;
use crate::telegram::shared::{
    App, BotDialogue, ButtonResult, Cancel, DialogStep, DialogueExt, HandlerResult, State, Turn, button, kb,
};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "reuse";

/// What a request is about, as the dialog keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Document(i64),
    Minutes(i64),
}

impl From<Target> for Item {
    fn from(t: Target) -> Self {
        match t {
            Target::Document(d) => Item::Document(d),
            Target::Minutes(m) => Item::Minutes(m),
        }
    }
}

impl From<Item> for Target {
    fn from(i: Item) -> Self {
        match i {
            Item::Document(d) => Target::Document(d),
            Item::Minutes(m) => Target::Minutes(m),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    Purpose {
        target: Target,
    },
    Audience {
        target: Target,
        purpose: String,
    },
    /// A party refuses: the one-line reason.
    Reason {
        request_id: i64,
        party: Party,
    },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

pub(crate) fn item_text(app: &App, lang: Language, item: &ItemLabel) -> String {
    match item {
        ItemLabel::Document { title } => title.clone(),
        ItemLabel::Minutes { mechanism, at } => app.i18n.render(
            lang,
            Msg::from(SensitivityMsg::RuItemMinutes {
                mechanism: mechanism.clone(),
                date: at.with_timezone(&app.ctx.tz).format("%d/%m/%Y").to_string(),
            }),
        ),
    }
}

/// /reuse: the requests the person is party to, with their state.
pub async fn list(turn: &mut Turn<'_>) -> HandlerResult {
    let views = match svc::list_for(&turn.app.ctx, &turn.access).await {
        Ok(v) => v,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    let hint = turn.t(SensitivityMsg::RuHint);
    if views.is_empty() {
        turn.say_long(vec![turn.t(SensitivityMsg::RuListNone), hint]).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(SensitivityMsg::RuListHeader)];
    for v in &views {
        lines.push(turn.t(SensitivityMsg::RuListLine {
            id: v.request.id,
            item: item_text(turn.app, turn.lang(), &v.item),
            state: v.request.state.to_string(),
            org: v.source.clone(),
            purpose: v.request.purpose.clone(),
        }));
    }
    lines.push(hint);
    turn.say_long(lines).await?;
    Ok(())
}

/// "♻️" pressed: ask the purpose, if the person may ask to reuse the item.
pub async fn on_reuse(turn: &mut Turn<'_>, dialogue: &BotDialogue, pressed: ReuseButton) -> ButtonResult {
    let item = pressed.0;
    match svc::reusable(&turn.app.ctx, &turn.access, item).await {
        Ok((label, _)) => {
            dialogue.set(Step::Purpose { target: item.into() }).await?;
            let text = turn.t(SensitivityMsg::RuAskPurpose {
                item: item_text(turn.app, turn.lang(), &label),
                max: MAX_REUSE_LINE,
            });
            turn.say_with(text, kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]])).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// A line typed in the reuse dialog: the purpose, the audience, or a refusal's reason.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    let typed = msg.text().unwrap_or_default();
    let step = state.step::<Step>();
    if matches!(step, Step::None) {
        return turn.hint().await;
    }
    let line = match parse_line(typed) {
        Ok(l) => l,
        Err(e) => {
            turn.say(turn.refusal(&svc::line_error(e))).await?;
            turn.say(SensitivityMsg::RuLineBad { max: MAX_REUSE_LINE }).await?;
            return Ok(());
        }
    };
    match step {
        Step::None => {}
        Step::Purpose { target } => {
            dialogue.set(Step::Audience { target, purpose: line }).await?;
            turn.say(SensitivityMsg::RuAskAudience { max: MAX_REUSE_LINE }).await?;
        }
        Step::Audience { target, purpose } => {
            let ctx = &turn.app.ctx;
            match svc::open(ctx, &turn.access, target.into(), &purpose, &line).await {
                Ok(id) => {
                    dialogue.exit().await?;
                    let org = svc::view(ctx, id).await?.source;
                    turn.say(SensitivityMsg::RuSent { org }).await?;
                }
                Err(e) => {
                    dialogue.exit().await?;
                    turn.say(turn.refusal(&e)).await?;
                }
            }
        }
        Step::Reason { request_id, party } => {
            let answered = svc::answer(&turn.app.ctx, &turn.access, request_id, party, false, Some(&line)).await;
            dialogue.exit().await?;
            match answered {
                Ok(_) => turn.say(SensitivityMsg::RuAnswered { approved: false }).await?,
                Err(e) => turn.say(turn.refusal(&e)).await?,
            };
        }
    }
    Ok(())
}

/// Approve or Refuse pressed by a party (checked again by the service).
pub async fn on_button(turn: &mut Turn<'_>, dialogue: &BotDialogue, cb: Cb, message_id: MessageId) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match cb {
        Cb::Approve { request, party } => match svc::answer(ctx, &turn.access, request, party, true, None).await {
            Ok(state) => {
                let text = turn.t(SensitivityMsg::RuAnswered { approved: true });
                let _ = turn.edit(message_id, text, None).await;
                debug_assert!(state != ReuseState::Refused);
                Ok(None)
            }
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        Cb::Refuse { request, party } => match svc::answerable(ctx, &turn.access, request, party).await {
            Ok(_) => {
                dialogue.set(Step::Reason { request_id: request, party }).await?;
                let k = kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]]);
                turn.say_with(turn.t(SensitivityMsg::RuAskReason { max: MAX_REUSE_LINE }), k).await?;
                Ok(None)
            }
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
    }
}
