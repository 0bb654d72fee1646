//! The questions of /admin (Yes/No, the step remembers which changes the buttons may make)
//! and the changes themselves, made by the services and reported in the same message.

use super::callback::{Action, Cb};
use super::{Step, actor, back, or_refuse, refused, show};
use crate::domain::Role;
use crate::i18n::{AdminMsg, MainMsg};
use crate::services::admin::{self, Revoke};
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogueExt, Turn, button, kb};
use teloxide::types::{InlineKeyboardButton, MessageId};

/// Asks the question with its Yes buttons (one per change offered) and a No.
async fn ask(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    text: String,
    yes: Vec<(AdminMsg, Action)>,
    message_id: MessageId,
) -> ButtonResult {
    dialogue.set(Step::Confirm { actions: yes.iter().map(|(_, a)| *a).collect() }).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> =
        yes.into_iter().map(|(label, a)| vec![button(turn.t(label), Cb::Yes(a))]).collect();
    rows.push(vec![button(turn.t(AdminMsg::BtnAdmNo), Cb::No)]);
    show(turn, Some(message_id), text, kb(rows)).await?;
    Ok(None)
}

pub(super) async fn ask_remove(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    seat: i64,
    message_id: MessageId,
) -> ButtonResult {
    let s = or_refuse!(turn, admin::seat(&turn.app.ctx, actor(turn), seat).await);
    let text = turn.t(AdminMsg::AdmConfirmRemove {
        name: s.person_name.clone(),
        org: s.organisation.acronym.clone(),
        mechanism: s.mechanism.code.clone(),
        role: s.role,
    });
    let yes = vec![
        (AdminMsg::BtnAdmRemoveHere { mechanism: s.mechanism.code.clone() }, Action::RemoveHere(seat)),
        (AdminMsg::BtnAdmRemoveEverywhere, Action::RemoveEverywhere(seat)),
    ];
    ask(turn, dialogue, text, yes, message_id).await
}

pub(super) async fn ask_revoke(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    id: i64,
    message_id: MessageId,
) -> ButtonResult {
    let pending = or_refuse!(turn, admin::pending_invitations(&turn.app.ctx, actor(turn)).await);
    let Some(inv) = pending.into_iter().find(|i| i.id == id) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    if !admin::may_revoke(actor(turn), &inv) {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    let text = turn.t(AdminMsg::AdmConfirmRevoke {
        id,
        org: inv.organisation.clone(),
        mechanism: inv.mechanism.clone(),
        role: inv.role,
    });
    ask(turn, dialogue, text, vec![(AdminMsg::BtnAdmYesRevoke, Action::Revoke(id))], message_id).await
}

/// Asks before making the holder of `seat` chair of its mechanism (`add`), or before ending
/// that chair (`seat` is then the chair's seat).
pub(super) async fn ask_chair(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    seat: i64,
    add: bool,
    message_id: MessageId,
) -> ButtonResult {
    let s = or_refuse!(turn, admin::seat(&turn.app.ctx, actor(turn), seat).await);
    if !add && s.role != Role::Chair {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    }
    let (name, org, mechanism) = (s.person_name, s.organisation.acronym, s.mechanism.code);
    let (text, action) = if add {
        (AdminMsg::AdmConfirmAddChair { name, org, mechanism }, Action::AddChair(seat))
    } else {
        (AdminMsg::AdmConfirmRemoveChair { name, org, mechanism }, Action::RemoveChair(seat))
    };
    ask(turn, dialogue, turn.t(text), vec![(AdminMsg::BtnAdmYesConfirm, action)], message_id).await
}

pub(super) async fn ask_coordinator(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    person_id: i64,
    add: bool,
    message_id: MessageId,
) -> ButtonResult {
    let p = or_refuse!(turn, admin::person_by_id(&turn.app.ctx, actor(turn), person_id).await);
    let name = p.display_name.clone();
    let (text, action) = if add {
        (AdminMsg::AdmConfirmAddCoordinator { name }, Action::AddCoordinator(person_id))
    } else {
        (AdminMsg::AdmConfirmRemoveCoordinator { name }, Action::RemoveCoordinator(person_id))
    };
    ask(turn, dialogue, turn.t(text), vec![(AdminMsg::BtnAdmYesConfirm, action)], message_id).await
}

pub(super) async fn ask_observers(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    message_id: MessageId,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let m = or_refuse!(turn, admin::mechanism(ctx, actor(turn), mechanism_id).await);
    let receive = !or_refuse!(turn, admin::observers_receive(ctx, &m).await);
    let text = turn.t(AdminMsg::AdmConfirmObservers { mechanism: m.code.clone(), receive });
    let yes = vec![(AdminMsg::BtnAdmYesConfirm, Action::Observers { mechanism_id, receive })];
    ask(turn, dialogue, text, yes, message_id).await
}

/// A confirmed change: made by its service (which checks the rights again), then reported
/// in the question's message; a refusal is shown there and on the button.
pub(super) async fn act(turn: &mut Turn<'_>, action: Action, message_id: MessageId) -> ButtonResult {
    let done = match change(turn, action).await {
        Ok(done) => done,
        Err(e) => return refused(turn, &e, message_id).await,
    };
    // Removing one's own coordinator role changes one's menu.
    if matches!(action, Action::RemoveCoordinator(_) | Action::RemoveEverywhere(_)) {
        turn.reload().await.ok();
    }
    let k = kb(vec![vec![back(turn, Cb::Menu)]]);
    show(turn, Some(message_id), turn.t(done), k).await?;
    Ok(None)
}

async fn change(turn: &Turn<'_>, action: Action) -> Result<AdminMsg, crate::domain::AppError> {
    let ctx = &turn.app.ctx;
    let by = actor(turn);
    Ok(match action {
        Action::RemoveHere(seat) => {
            let s = admin::seat(ctx, by, seat).await?;
            let r = admin::remove_member(ctx, by, s.telegram_id, Some(&s.mechanism)).await?;
            AdminMsg::AdmRemoved { name: s.person_name, mechanism: s.mechanism.code, seats: r.ended.len() }
        }
        Action::RemoveEverywhere(seat) => {
            let s = admin::seat(ctx, by, seat).await?;
            let r = admin::remove_member(ctx, by, s.telegram_id, None).await?;
            AdminMsg::AdmRemovedEverywhere {
                name: s.person_name,
                seats: r.ended.len(),
                coordinator: r.coordinator_removed,
            }
        }
        Action::Revoke(id) => {
            let inv = admin::revoke_invitation(ctx, by, Revoke::Id(id)).await?;
            AdminMsg::AdmRevoked { id, org: inv.organisation, mechanism: inv.mechanism, role: inv.role }
        }
        Action::AddChair(seat) => {
            let s = admin::seat(ctx, by, seat).await?;
            let c = admin::add_chair(ctx, by, s.telegram_id, &s.mechanism, Some(&s.organisation)).await?;
            AdminMsg::AdmChairAdded { name: c.person_name, org: c.organisation.acronym, mechanism: c.mechanism.code }
        }
        Action::RemoveChair(seat) => {
            let s = admin::seat(ctx, by, seat).await?;
            let (c, _revoked) = admin::remove_chair(ctx, by, s.telegram_id, &s.mechanism).await?;
            AdminMsg::AdmChairRemoved { name: c.person_name, org: c.organisation.acronym, mechanism: c.mechanism.code }
        }
        Action::AddCoordinator(person_id) => {
            let p = admin::person_by_id(ctx, by, person_id).await?;
            let (p, added) = admin::add_coordinator(ctx, by, p.telegram_id, &p.display_name).await?;
            AdminMsg::AdmCoordinatorAdded { name: p.display_name, added }
        }
        Action::RemoveCoordinator(person_id) => {
            let p = admin::person_by_id(ctx, by, person_id).await?;
            let (p, _revoked) = admin::remove_coordinator(ctx, by, p.telegram_id).await?;
            AdminMsg::AdmCoordinatorRemoved { name: p.display_name }
        }
        Action::Observers { mechanism_id, receive } => {
            let m = admin::mechanism(ctx, by, mechanism_id).await?;
            admin::set_observers_receive(ctx, by, &m, receive).await?;
            AdminMsg::AdmObserversSet { mechanism: m.code, receive }
        }
    })
}
