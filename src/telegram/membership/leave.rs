//! /leave: a member gives up a seat, after a confirmation.

use super::Step;
use super::callback::Cb;
use crate::domain::MembershipView;
use crate::i18n::MainMsg;
use crate::telegram::shared::{BotDialogue, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb};
use teloxide::types::{InlineKeyboardButton, MessageId};

pub(super) async fn start_leave(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    let list = turn.access.memberships.clone();
    match list.as_slice() {
        [] => {
            turn.say(MainMsg::LeaveNothing).await?;
        }
        [only] => ask_leave_confirmation(turn, dialogue, only, None).await?,
        many => {
            dialogue.set(Step::LeaveChoose).await?;
            let mut rows: Vec<Vec<InlineKeyboardButton>> = many
                .iter()
                .map(|m| {
                    vec![button(
                        turn.t(MainMsg::BtnMembership {
                            org: m.organisation.acronym.clone(),
                            mechanism: m.mechanism.code.clone(),
                            role: m.role,
                        }),
                        Cb::LeavePick(m.id),
                    )]
                })
                .collect();
            rows.push(vec![button(turn.t(MainMsg::BtnKeep), Cb::LeaveNo)]);
            turn.say_with(turn.t(MainMsg::LeaveChoose), kb(rows)).await?;
        }
    }
    Ok(())
}

pub(super) async fn ask_leave_confirmation(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    m: &MembershipView,
    edit: Option<MessageId>,
) -> HandlerResult {
    dialogue.set(Step::LeaveConfirm { membership_id: m.id }).await?;
    let text = turn.t(MainMsg::LeaveConfirm {
        org: m.organisation.acronym.clone(),
        mechanism: m.mechanism.name(turn.lang()).to_string(),
        role: m.role,
    });
    let k = kb(vec![vec![
        button(turn.t(MainMsg::BtnConfirmLeave), Cb::LeaveYes(m.id)),
        button(turn.t(MainMsg::BtnKeep), Cb::LeaveNo),
    ]]);
    edit_or_send(turn, edit, text, Some(k)).await?;
    Ok(())
}

/// The confirmation was pressed: the seat is given up.
pub(super) async fn confirm(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    membership_id: i64,
    message_id: MessageId,
) -> crate::telegram::shared::ButtonResult {
    let result = crate::services::membership::leave(&turn.app.ctx, &turn.access, membership_id).await;
    dialogue.exit().await?;
    match result {
        Ok(m) => {
            turn.reload().await.ok();
            let text = turn.t(MainMsg::LeaveDone {
                org: m.organisation.acronym.clone(),
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                role: m.role,
            });
            turn.edit(message_id, text, None).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
