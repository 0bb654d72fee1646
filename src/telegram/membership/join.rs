//! Joining by an invitation link: the name other members will see, then the principles.

use super::Step;
use super::callback::Cb;
use crate::domain::DisplayName;
use crate::i18n::MainMsg;
use crate::services::membership;
use crate::telegram::shared::{BotDialogue, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb};
use teloxide::types::MessageId;

pub(super) async fn start_join(turn: &mut Turn<'_>, dialogue: &BotDialogue, code: &str) -> HandlerResult {
    let opened = match membership::open_invitation(&turn.app.ctx, code).await {
        Ok(inv) => membership::may_redeem(&turn.app.ctx, &turn.access.person, &inv).await.map(|()| inv),
        Err(e) => Err(e),
    };
    match opened {
        Ok(inv) => {
            dialogue.set(Step::JoinName { invitation_id: inv.id }).await?;
            let text = turn.t(MainMsg::JoinPreview {
                org: inv.organisation.acronym.clone(),
                org_name: inv.organisation.full_name.clone(),
                mechanism: inv.mechanism.name(turn.lang()).to_string(),
                role: inv.role,
                observer: inv.organisation.observer,
            });
            let k = kb(vec![vec![button(
                turn.t(MainMsg::BtnUseName { name: turn.access.person.display_name.clone() }),
                Cb::JoinUseName,
            )]]);
            turn.say_with(text, k).await?;
        }
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}

pub(super) async fn ask_principles(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    invitation_id: i64,
    name: Option<String>,
    edit: Option<MessageId>,
) -> HandlerResult {
    // The invitation may have expired or been used meanwhile.
    if let Err(e) = membership::invitation_still_valid(&turn.app.ctx, invitation_id).await {
        dialogue.exit().await?;
        turn.say(turn.refusal(&e)).await?;
        return Ok(());
    }
    dialogue.set(Step::JoinPrinciples { invitation_id, name }).await?;
    let text = turn.t(MainMsg::JoinPrinciples);
    let k = kb(vec![vec![
        button(turn.t(MainMsg::BtnAccept), Cb::JoinAccept),
        button(turn.t(MainMsg::BtnDecline), Cb::JoinDecline),
    ]]);
    edit_or_send(turn, edit, text, Some(k)).await?;
    Ok(())
}

/// Accept pressed: the seat is taken (or the reason it cannot be).
pub(super) async fn accept(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    invitation_id: i64,
    name: Option<String>,
    message_id: MessageId,
) -> HandlerResult {
    let name = name.as_deref().map(DisplayName::parse).transpose().ok().flatten();
    let result = membership::accept_invitation(&turn.app.ctx, &turn.access.person, invitation_id, name.as_ref()).await;
    dialogue.exit().await?;
    let text = match result {
        Ok(m) => {
            turn.reload().await.ok();
            turn.t(MainMsg::JoinAccepted {
                org: m.organisation.acronym.clone(),
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                role: m.role,
            })
        }
        Err(e) => turn.t(turn.refusal(&e)),
    };
    turn.edit(message_id, text, None).await?;
    Ok(())
}
