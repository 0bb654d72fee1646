//! /invite: a chair or coordinator makes a single-use link for a seat, with buttons.

use super::Step;
use super::callback::Cb;
use crate::domain::{AppError, MenuRole, Role};
use crate::i18n::MainMsg;
use crate::services::membership::{self, Issuer};
use crate::storage::reference;
use crate::telegram::shared::{BotDialogue, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb};
use crate::telegram::shared::{ButtonResult, Cancel, HandlerError};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

const ORGS_PER_PAGE: usize = 12;

pub(super) async fn start_invite(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !turn.access.is_member() {
        turn.say(MainMsg::NotAMember).await?;
        return Ok(());
    }
    if turn.access.menu_role() < MenuRole::Chair {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let mechanisms = membership::invitable_mechanisms(&turn.app.ctx, &turn.access).await?;
    if mechanisms.is_empty() {
        turn.say(MainMsg::InviteNoMechanism).await?;
        return Ok(());
    }
    dialogue.set(Step::InviteMechanism).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = mechanisms
        .iter()
        .map(|m| vec![button(format!("{} — {}", m.code, m.name(turn.lang())), Cb::InviteMechanism(m.id))])
        .collect();
    rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cancel)]);
    turn.say_with(turn.t(MainMsg::InviteChooseMechanism), kb(rows)).await?;
    Ok(())
}

pub(super) async fn org_page(
    turn: &Turn<'_>,
    mechanism_id: i64,
    page: u16,
) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let mech = reference::mechanism_by_id(&turn.app.ctx.db, mechanism_id).await?.ok_or(AppError::NotFound)?;
    let orgs = reference::organisations(&turn.app.ctx.db).await?;
    let pages = orgs.len().div_ceil(ORGS_PER_PAGE).max(1);
    let page = usize::from(page) % pages;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = orgs
        .iter()
        .skip(page * ORGS_PER_PAGE)
        .take(ORGS_PER_PAGE)
        .collect::<Vec<_>>()
        .chunks(3)
        .map(|chunk| chunk.iter().map(|o| button(o.acronym.clone(), Cb::InviteOrganisation(o.id))).collect())
        .collect();
    let next = u16::try_from((page + 1) % pages).unwrap_or(0);
    rows.push(vec![button(turn.t(MainMsg::BtnMore), Cb::InvitePage(next)), button(turn.t(MainMsg::BtnCancel), Cancel)]);
    Ok((turn.t(MainMsg::InviteChooseOrganisation { mechanism: mech.name(turn.lang()).to_string() }), kb(rows)))
}

pub(super) async fn invite_pick_org(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    organisation_id: i64,
    edit: Option<MessageId>,
) -> HandlerResult {
    let db = &turn.app.ctx.db;
    let (Some(mech), Some(org)) = (
        reference::mechanism_by_id(db, mechanism_id).await?,
        reference::organisation_by_id(db, organisation_id).await?,
    ) else {
        turn.say(MainMsg::ButtonExpired).await?;
        return Ok(());
    };
    dialogue.set(Step::InviteRole { mechanism_id, organisation_id }).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = vec![
        membership::invitable_roles(&turn.access)
            .iter()
            .map(|r| button(turn.t(MainMsg::BtnRole { role: *r }), Cb::InviteRole(*r)))
            .collect(),
    ];
    rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cancel)]);
    let text =
        turn.t(MainMsg::InviteChooseRole { org: org.acronym.clone(), mechanism: mech.name(turn.lang()).to_string() });
    edit_or_send(turn, edit, text, Some(kb(rows))).await?;
    Ok(())
}

pub(super) async fn issue_link(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    organisation_id: i64,
    role: Role,
    replace: bool,
    message_id: MessageId,
) -> ButtonResult {
    let db = &turn.app.ctx.db;
    let (Some(mech), Some(org)) = (
        reference::mechanism_by_id(db, mechanism_id).await?,
        reference::organisation_by_id(db, organisation_id).await?,
    ) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let mech_name = mech.name(turn.lang()).to_string();
    match membership::issue_invitation(&turn.app.ctx, Issuer::Person(&turn.access), &org, &mech, role, replace).await {
        Ok(issued) => {
            dialogue.exit().await?;
            let expires = issued.expires_at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y %H:%M").to_string();
            let mut text = turn.t(MainMsg::InviteLink {
                link: issued.link.clone(),
                org: org.acronym.clone(),
                mechanism: mech_name,
                role,
                expires,
            });
            if let Some(holder) = issued.replaces {
                text.push('\n');
                text.push_str(&turn.t(MainMsg::InviteLinkReplaces { holder }));
            }
            turn.edit(message_id, text, None).await?;
            Ok(None)
        }
        Err(AppError::SeatTaken { holder, .. }) if turn.access.coordinator => {
            dialogue.set(Step::InviteReplace { mechanism_id, organisation_id, role }).await?;
            let text =
                turn.t(MainMsg::InviteAskReplace { org: org.acronym.clone(), mechanism: mech_name, role, holder });
            let k = kb(vec![vec![
                button(turn.t(MainMsg::BtnReplace), Cb::InviteReplace),
                button(turn.t(MainMsg::BtnCancel), Cancel),
            ]]);
            turn.edit(message_id, text, Some(k)).await?;
            Ok(None)
        }
        Err(AppError::SeatTaken { holder, .. }) => {
            dialogue.exit().await?;
            let text =
                turn.t(MainMsg::InviteSeatTaken { org: org.acronym.clone(), mechanism: mech_name, role, holder });
            turn.edit(message_id, text, None).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// The mechanism was chosen: the organisations, a page at a time.
pub(super) async fn pick_mechanism(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    message_id: MessageId,
) -> ButtonResult {
    let allowed = membership::invitable_mechanisms(&turn.app.ctx, &turn.access).await?;
    if !allowed.iter().any(|m| m.id == mechanism_id) {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    show_page(turn, dialogue, mechanism_id, 0, message_id).await
}

pub(super) async fn show_page(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mechanism_id: i64,
    page: u16,
    message_id: MessageId,
) -> ButtonResult {
    dialogue.set(Step::InviteOrganisation { mechanism_id, page }).await?;
    let (text, k) = org_page(turn, mechanism_id, page).await?;
    turn.edit(message_id, text, Some(k)).await?;
    Ok(None)
}
