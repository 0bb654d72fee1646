//! /me and /members.

use crate::domain::MembershipView;
use crate::i18n::MainMsg;
use crate::services::member_list;
use crate::services::membership;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};

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

/// The member list as a protected spreadsheet, with what `/members` shows the person.
pub(super) async fn send_members_xlsx(turn: &mut Turn<'_>) -> ButtonResult {
    let list = match membership::visible_members(&turn.app.ctx, &turn.access).await {
        Ok(list) => list,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let h = member_list::Headings::new(turn.lang(), &turn.app.i18n);
    let rows = member_list::rows(&list, &h, turn.lang(), turn.app.ctx.tz);
    let bytes = match member_list::to_xlsx(&rows, &h.sheet) {
        Ok(b) => b,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let name = format!("cluster-protection-{}.xlsx", h.sheet.to_lowercase());
    turn.send_file(bytes, name, turn.t(MainMsg::MembersXlsxCaption), None, true).await?;
    Ok(None)
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
    // Protected like what comes from the cluster; the spreadsheet a press away.
    let k = kb(vec![vec![button(turn.t(MainMsg::BtnMembersXlsx), super::callback::Cb::MembersXlsx)]]);
    turn.say_long_protected_with(lines, Some(k)).await?;
    Ok(())
}
