//! /me and /members.

use crate::domain::MembershipView;
use crate::i18n::MainMsg;
use crate::services::membership;
use crate::telegram::shared::{HandlerResult, Turn};

pub(super) fn role_lines(turn: &Turn<'_>, list: &[MembershipView]) -> Vec<String> {
    list.iter()
        .map(|m| {
            turn.t(MainMsg::MeLine {
                org: m.organisation.acronym.clone(),
                mechanism: m.mechanism.name(turn.lang()).to_string(),
                role: m.role,
                observer: m.organisation.observer,
            })
        })
        .collect()
}

pub(super) async fn show_me(turn: &mut Turn<'_>) -> HandlerResult {
    if !turn.access.is_member() {
        turn.say(MainMsg::MeNoMembership).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(MainMsg::MeHeader { name: turn.access.person.display_name.clone() })];
    if turn.access.coordinator {
        lines.push(turn.t(MainMsg::MeCoordinator));
    }
    lines.extend(role_lines(turn, &turn.access.memberships));
    turn.say_long(lines).await?;
    Ok(())
}

pub(super) async fn show_members(turn: &mut Turn<'_>) -> HandlerResult {
    let list = match membership::visible_members(&turn.app.ctx, &turn.access).await {
        Ok(list) => list,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    if list.is_empty() {
        turn.say(MainMsg::MembersNone).await?;
        return Ok(());
    }
    let mut lines = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let mech = &list[i].mechanism;
        let group: Vec<&MembershipView> = list[i..].iter().take_while(|m| m.mechanism.id == mech.id).collect();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines
            .push(turn.t(MainMsg::MembersHeader { mechanism: mech.name(turn.lang()).to_string(), count: group.len() }));
        for m in &group {
            lines.push(turn.t(MainMsg::MembersLine {
                name: m.person_name.clone(),
                org: m.organisation.acronym.clone(),
                role: m.role,
                observer: m.organisation.observer,
            }));
        }
        i += group.len();
    }
    turn.say_long(lines).await?;
    Ok(())
}
