//! The screens of /admin that show and lead somewhere: mechanisms, members, pending
//! invitations, chairs, coordinators and the observer policy, paged where lists grow.

use super::callback::{Cb, Purpose};
use super::{actor, back, or_refuse, page_row, paged, show};
use crate::domain::{MembershipView, Role};
use crate::i18n::AdminMsg;
use crate::services::admin;
use crate::telegram::shared::format::local_time;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{ButtonResult, Turn, button, kb};
use std::collections::BTreeSet;
use teloxide::types::MessageId;

/// The mechanisms the person administers, to pick one.
pub(super) async fn mechanisms(turn: &Turn<'_>, purpose: Purpose, edit: Option<MessageId>) -> ButtonResult {
    let list = or_refuse!(turn, admin::mechanisms(&turn.app.ctx, actor(turn)).await);
    let text = turn.t(if list.is_empty() { AdminMsg::AdmNoMechanism } else { AdminMsg::AdmPickMechanism });
    let buttons = list
        .iter()
        .map(|m| {
            let to = match purpose {
                Purpose::Members => Cb::Members { mechanism_id: m.id, page: 0 },
                Purpose::Chairs => Cb::Chairs(m.id),
            };
            button(m.code.clone(), to)
        })
        .collect();
    let mut rows = rows_of(buttons, 3);
    rows.push(vec![back(turn, Cb::Menu)]);
    show(turn, edit, text, kb(rows)).await?;
    Ok(None)
}

fn member_line(turn: &Turn<'_>, m: &MembershipView) -> String {
    turn.t(AdminMsg::AdmMemberLine { name: m.person_name.clone(), org: m.organisation.acronym.clone(), role: m.role })
}

/// One page of a mechanism's members; coordinators get a "remove" button per seat.
pub(super) async fn members(turn: &Turn<'_>, mechanism_id: i64, page: u16, edit: Option<MessageId>) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let mech = or_refuse!(turn, admin::mechanism(ctx, actor(turn), mechanism_id).await);
    let all = or_refuse!(turn, admin::members(ctx, actor(turn), Some(&mech)).await);
    let (shown, page, pages) = paged(&all, page);
    let mut lines = vec![if all.is_empty() {
        turn.t(AdminMsg::AdmMembersNone { mechanism: mech.code.clone() })
    } else {
        turn.t(AdminMsg::AdmMembersHeader { mechanism: mech.code.clone(), count: all.len(), page: page + 1, pages })
    }];
    lines.extend(shown.iter().map(|m| member_line(turn, m)));
    let mut rows = vec![];
    if turn.access.coordinator {
        for m in shown {
            let label = AdminMsg::BtnAdmRemove { name: m.person_name.clone(), org: m.organisation.acronym.clone() };
            rows.push(vec![button(turn.t(label), Cb::AskRemove(m.id))]);
        }
    }
    rows.extend(page_row(turn, page, pages, |p| Cb::Members { mechanism_id, page: p }));
    rows.push(vec![back(turn, Cb::Mechanisms(Purpose::Members))]);
    show(turn, edit, lines.join("\n"), kb(rows)).await?;
    Ok(None)
}

/// One page of the pending invitations the person may see, each with its "revoke" button.
pub(super) async fn invitations(turn: &Turn<'_>, page: u16, edit: Option<MessageId>) -> ButtonResult {
    let all = or_refuse!(turn, admin::pending_invitations(&turn.app.ctx, actor(turn)).await);
    let (shown, page, pages) = paged(&all, page);
    let mut lines = vec![if all.is_empty() {
        turn.t(AdminMsg::AdmInvitationsNone)
    } else {
        turn.t(AdminMsg::AdmInvitationsHeader { count: all.len(), page: page + 1, pages })
    }];
    let mut rows = vec![];
    for inv in shown {
        lines.push(turn.t(AdminMsg::AdmInvitationLine {
            id: inv.id,
            org: inv.organisation.clone(),
            mechanism: inv.mechanism.clone(),
            role: inv.role,
            by: inv.issued_by.clone().unwrap_or_else(|| turn.t(AdminMsg::AdmIssuedByCommandLine)),
            expires: local_time(turn.app, inv.expires_at),
        }));
        if admin::may_revoke(actor(turn), inv) {
            rows.push(button(turn.t(AdminMsg::BtnAdmRevoke { id: inv.id }), Cb::AskRevoke(inv.id)));
        }
    }
    let mut rows = rows_of(rows, 2);
    rows.extend(page_row(turn, page, pages, Cb::Invitations));
    rows.push(vec![back(turn, Cb::Menu)]);
    show(turn, edit, lines.join("\n"), kb(rows)).await?;
    Ok(None)
}

/// The chairs of a mechanism, each with a "remove" button, and "add a chair".
pub(super) async fn chairs(turn: &Turn<'_>, mechanism_id: i64, edit: Option<MessageId>) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let mech = or_refuse!(turn, admin::mechanism(ctx, actor(turn), mechanism_id).await);
    let all = or_refuse!(turn, admin::members(ctx, actor(turn), Some(&mech)).await);
    let chairs: Vec<&MembershipView> = all.iter().filter(|m| m.role == Role::Chair).collect();
    let mut lines = vec![turn.t(AdminMsg::AdmChairsHeader { mechanism: mech.code.clone(), count: chairs.len() })];
    let mut rows = vec![];
    for c in &chairs {
        lines.push(turn.t(AdminMsg::AdmChairLine { name: c.person_name.clone(), org: c.organisation.acronym.clone() }));
        rows.push(vec![button(
            turn.t(AdminMsg::BtnAdmRemoveChair { name: c.person_name.clone() }),
            Cb::AskRemoveChair(c.id),
        )]);
    }
    rows.push(vec![button(turn.t(AdminMsg::BtnAdmAddChair), Cb::ChairCandidates { mechanism_id, page: 0 })]);
    rows.push(vec![back(turn, Cb::Mechanisms(Purpose::Chairs))]);
    show(turn, edit, lines.join("\n"), kb(rows)).await?;
    Ok(None)
}

/// The mechanism's members who do not chair it, to pick the new chair.
pub(super) async fn chair_candidates(
    turn: &Turn<'_>,
    mechanism_id: i64,
    page: u16,
    edit: Option<MessageId>,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let mech = or_refuse!(turn, admin::mechanism(ctx, actor(turn), mechanism_id).await);
    let all = or_refuse!(turn, admin::members(ctx, actor(turn), Some(&mech)).await);
    let chairs: BTreeSet<i64> = all.iter().filter(|m| m.role == Role::Chair).map(|m| m.person_id).collect();
    let candidates: Vec<&MembershipView> = all.iter().filter(|m| !chairs.contains(&m.person_id)).collect();
    let (shown, page, pages) = paged(&candidates, page);
    let text = if candidates.is_empty() {
        turn.t(AdminMsg::AdmNoCandidate)
    } else {
        turn.t(AdminMsg::AdmPickChair { mechanism: mech.code.clone() })
    };
    let mut rows: Vec<_> = shown
        .iter()
        .map(|m| {
            let label = AdminMsg::BtnAdmPerson { name: m.person_name.clone(), org: m.organisation.acronym.clone() };
            vec![button(turn.t(label), Cb::AskAddChair(m.id))]
        })
        .collect();
    rows.extend(page_row(turn, page, pages, |p| Cb::ChairCandidates { mechanism_id, page: p }));
    rows.push(vec![back(turn, Cb::Chairs(mechanism_id))]);
    show(turn, edit, text, kb(rows)).await?;
    Ok(None)
}

/// The coordinators, each with a "remove" button, and "add a coordinator".
pub(super) async fn coordinators(turn: &Turn<'_>, edit: Option<MessageId>) -> ButtonResult {
    let list = or_refuse!(turn, admin::coordinators(&turn.app.ctx, actor(turn)).await);
    let mut lines = vec![turn.t(AdminMsg::AdmCoordinatorsHeader { count: list.len() })];
    let mut rows = vec![];
    for p in &list {
        lines.push(turn.t(AdminMsg::AdmCoordinatorLine { name: p.display_name.clone() }));
        let label = AdminMsg::BtnAdmRemoveCoordinator { name: p.display_name.clone() };
        rows.push(vec![button(turn.t(label), Cb::AskRemoveCoordinator(p.id))]);
    }
    rows.push(vec![button(turn.t(AdminMsg::BtnAdmAddCoordinator), Cb::CoordinatorCandidates(0))]);
    rows.push(vec![back(turn, Cb::Menu)]);
    show(turn, edit, lines.join("\n"), kb(rows)).await?;
    Ok(None)
}

/// The people who hold a seat and are not coordinators, to pick a new coordinator.
pub(super) async fn coordinator_candidates(turn: &Turn<'_>, page: u16, edit: Option<MessageId>) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let coordinators: BTreeSet<i64> =
        or_refuse!(turn, admin::coordinators(ctx, actor(turn)).await).iter().map(|p| p.id).collect();
    let mut seen = BTreeSet::new();
    let mut people: Vec<MembershipView> = or_refuse!(turn, admin::members(ctx, actor(turn), None).await)
        .into_iter()
        .filter(|m| !coordinators.contains(&m.person_id) && seen.insert(m.person_id))
        .collect();
    people.sort_by_key(|a| a.person_name.to_lowercase());
    let (shown, page, pages) = paged(&people, page);
    let text = if people.is_empty() {
        turn.t(AdminMsg::AdmNoCandidate)
    } else {
        turn.t(AdminMsg::AdmPickCoordinator { page: page + 1, pages })
    };
    let mut rows: Vec<_> = shown
        .iter()
        .map(|m| {
            let label = AdminMsg::BtnAdmPerson { name: m.person_name.clone(), org: m.organisation.acronym.clone() };
            vec![button(turn.t(label), Cb::AskAddCoordinator(m.person_id))]
        })
        .collect();
    rows.extend(page_row(turn, page, pages, Cb::CoordinatorCandidates));
    rows.push(vec![back(turn, Cb::Coordinators)]);
    show(turn, edit, text, kb(rows)).await?;
    Ok(None)
}

/// Each mechanism's observer policy, as a button that asks to change it.
pub(super) async fn observers(turn: &Turn<'_>, edit: Option<MessageId>) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let list = or_refuse!(turn, admin::mechanisms(ctx, actor(turn)).await);
    let mut buttons = vec![];
    for m in &list {
        let receive = or_refuse!(turn, admin::observers_receive(ctx, m).await);
        let label = AdminMsg::BtnAdmObserverPolicy { mechanism: m.code.clone(), receive };
        buttons.push(button(turn.t(label), Cb::AskObservers(m.id)));
    }
    let mut rows = rows_of(buttons, 2);
    rows.push(vec![back(turn, Cb::Menu)]);
    show(turn, edit, turn.t(AdminMsg::AdmObserversHeader), kb(rows)).await?;
    Ok(None)
}
