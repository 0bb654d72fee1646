//! Membership in the chat: /start (and joining by a link), /help, /language, /me, /members,
//! /invite and /leave.

pub mod callback;
mod invite;
mod join;
mod leave;
pub mod outgoing;
mod profile;

use crate::domain::{AppError, DisplayName, Language, MenuRole, Role};
use crate::i18n::MainMsg;
use crate::services::people::DialogFor;
use crate::services::{membership, people};
use crate::storage::reference;
use crate::telegram::shared::stale::ended_if_lost;
use crate::telegram::shared::turn::MAX_TYPED_ACRONYM;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn, button, kb};
use callback::Cb;
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

pub const FEATURE: &str = "membership";

/// The steps of the joining, invitation and leaving dialogs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    /// Joining: waiting for the name other members will see.
    JoinName {
        invitation_id: i64,
    },
    /// Joining: the principles are shown, waiting for Accept or Decline.
    JoinPrinciples {
        invitation_id: i64,
        name: Option<String>,
    },
    InviteMechanism,
    InviteOrganisation {
        mechanism_id: i64,
        page: u16,
    },
    InviteRole {
        mechanism_id: i64,
        organisation_id: i64,
    },
    InviteReplace {
        mechanism_id: i64,
        organisation_id: i64,
        role: Role,
    },
    LeaveChoose,
    LeaveConfirm {
        membership_id: i64,
    },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

/// /start, with an invitation code or without.
pub async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue, args: &[&str]) -> HandlerResult {
    match args.first() {
        Some(code) => join::start_join(turn, dialogue, code).await?,
        None if turn.access.is_member() => {
            turn.say(MainMsg::WelcomeMember { name: turn.access.person.display_name.clone() }).await?;
        }
        None => {
            turn.say(MainMsg::WelcomeUnknown).await?;
        }
    }
    Ok(())
}

/// /help: what the person's widest role may do.
pub async fn help(turn: &mut Turn<'_>) -> HandlerResult {
    let msg = match turn.access.menu_role() {
        MenuRole::Unknown => MainMsg::HelpUnknown,
        MenuRole::Member => MainMsg::HelpMember,
        MenuRole::Chair => MainMsg::HelpChair,
        MenuRole::Coordinator => MainMsg::HelpCoordinator,
    };
    turn.say(msg).await?;
    Ok(())
}

/// /language: French or English, with buttons.
pub async fn language(turn: &mut Turn<'_>) -> HandlerResult {
    let k = kb(vec![vec![
        button(turn.t(MainMsg::BtnFrench), Cb::Lang(Language::Fr)),
        button(turn.t(MainMsg::BtnEnglish), Cb::Lang(Language::En)),
    ]]);
    turn.say_with(turn.t(MainMsg::LanguageChoose), k).await?;
    Ok(())
}

pub async fn me(turn: &mut Turn<'_>) -> HandlerResult {
    profile::show_me(turn).await
}

pub async fn members(turn: &mut Turn<'_>) -> HandlerResult {
    profile::show_members(turn).await
}

pub async fn invite(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    invite::start_invite(turn, dialogue).await
}

pub async fn leave(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    leave::start_leave(turn, dialogue).await
}

/// What an invitation dialog was opened for: the right to invite in its mechanism (checked
/// again at every step).
fn opened_for(step: &Step) -> Option<DialogFor> {
    match step {
        Step::InviteOrganisation { mechanism_id, .. }
        | Step::InviteRole { mechanism_id, .. }
        | Step::InviteReplace { mechanism_id, .. } => Some(DialogFor::Chair { mechanism_id: *mechanism_id }),
        _ => None,
    }
}

/// A message while one of this feature's dialogs is in progress.
pub async fn on_message(turn: &mut Turn<'_>, dialogue: &BotDialogue, state: &State, msg: &Message) -> HandlerResult {
    if ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(());
    }
    let Some(text) = msg.text() else {
        return turn.hint().await;
    };
    match state.step::<Step>() {
        Step::JoinName { invitation_id } => match DisplayName::parse(text) {
            Ok(name) => join::ask_principles(turn, dialogue, invitation_id, Some(name.into_inner()), None).await?,
            Err(e) => {
                let why = turn.refusal(&AppError::InvalidName(e));
                let k = kb(vec![vec![button(
                    turn.t(MainMsg::BtnUseName { name: turn.access.person.display_name.clone() }),
                    Cb::JoinUseName,
                )]]);
                turn.say_with(format!("{}\n{}", turn.t(why), turn.t(MainMsg::JoinAskNameAgain)), k).await?;
            }
        },
        Step::InviteOrganisation { mechanism_id, page } => {
            if text.chars().count() > MAX_TYPED_ACRONYM {
                turn.say(MainMsg::TextTooLong { max: MAX_TYPED_ACRONYM }).await?;
                return Ok(());
            }
            match membership::organisation(&turn.app.ctx, text).await {
                Ok(org) => invite::invite_pick_org(turn, dialogue, mechanism_id, org.id, None).await?,
                Err(e) => {
                    let why = turn.t(turn.refusal(&e));
                    let (text, k) = invite::org_page(turn, mechanism_id, page).await?;
                    turn.say_with(format!("{why}\n{text}"), k).await?;
                }
            }
        }
        // The other steps expect a button.
        _ => {
            turn.say(MainMsg::FreeTextHint).await?;
        }
    }
    Ok(())
}

/// A pressed button of this feature. Returns a short notice when the press had no effect
/// (stale, forged or not allowed).
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let inviting = matches!(cb, Cb::InvitePage(_) | Cb::InviteOrganisation(_) | Cb::InviteRole(_) | Cb::InviteReplace);
    if inviting && ended_if_lost(turn, dialogue, opened_for(&state.step::<Step>())).await? {
        return Ok(Some(MainMsg::DialogSeatLost.into()));
    }
    match (cb, state.step::<Step>()) {
        (Cb::Lang(lang), _) => {
            if let Err(e) = people::set_language(&turn.app.ctx, &turn.access.person, lang).await {
                return Ok(Some(turn.refusal(&e)));
            }
            turn.access.person.language = lang;
            turn.edit(message_id, turn.t(MainMsg::LanguageSet), None).await?;
            turn.refresh_menu(turn.access.person.menu_role.is_some_and(|r| r != MenuRole::Unknown)).await;
        }
        (Cb::MembersXlsx, _) => return profile::send_members_xlsx(turn).await,
        (Cb::JoinUseName, Step::JoinName { invitation_id }) => {
            join::ask_principles(turn, dialogue, invitation_id, None, Some(message_id)).await?;
        }
        (Cb::JoinAccept, Step::JoinPrinciples { invitation_id, name }) => {
            join::accept(turn, dialogue, invitation_id, name, message_id).await?;
        }
        (Cb::JoinDecline, Step::JoinPrinciples { .. }) => {
            dialogue.exit().await?;
            turn.edit(message_id, turn.t(MainMsg::JoinDeclined), None).await?;
        }
        (Cb::InviteMechanism(mechanism_id), Step::InviteMechanism) => {
            return invite::pick_mechanism(turn, dialogue, mechanism_id, message_id).await;
        }
        (Cb::InvitePage(page), Step::InviteOrganisation { mechanism_id, .. }) => {
            return invite::show_page(turn, dialogue, mechanism_id, page, message_id).await;
        }
        (Cb::InviteOrganisation(org_id), Step::InviteOrganisation { mechanism_id, .. }) => {
            if reference::organisation_by_id(&turn.app.ctx.db, org_id).await?.is_none() {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            invite::invite_pick_org(turn, dialogue, mechanism_id, org_id, Some(message_id)).await?;
        }
        (Cb::InviteRole(role), Step::InviteRole { mechanism_id, organisation_id }) => {
            if !membership::invitable_roles(&turn.access).contains(&role) {
                return Ok(Some(MainMsg::NotAllowed.into()));
            }
            return invite::issue_link(turn, dialogue, mechanism_id, organisation_id, role, false, message_id).await;
        }
        (Cb::InviteReplace, Step::InviteReplace { mechanism_id, organisation_id, role }) => {
            return invite::issue_link(turn, dialogue, mechanism_id, organisation_id, role, true, message_id).await;
        }
        (Cb::LeavePick(membership_id), Step::LeaveChoose) => {
            let Some(m) = turn.access.memberships.iter().find(|m| m.id == membership_id).cloned() else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            leave::ask_leave_confirmation(turn, dialogue, &m, Some(message_id)).await?;
        }
        (Cb::LeaveYes(membership_id), Step::LeaveConfirm { membership_id: expected }) if membership_id == expected => {
            return leave::confirm(turn, dialogue, membership_id, message_id).await;
        }
        (Cb::LeaveNo, Step::LeaveConfirm { .. } | Step::LeaveChoose) => {
            dialogue.exit().await?;
            turn.edit(message_id, turn.t(MainMsg::LeaveKept), None).await?;
        }
        // A button from another step, an old message, or forged data: no effect.
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    }
    Ok(None)
}
