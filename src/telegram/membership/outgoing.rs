//! Membership's scheduled messages, rendered for one person when they are sent: a seat that
//! ended (to its former holder, in their language) and a member who joined, left, was removed
//! or replaced (to the chairs, or the coordinators), and the pending invitations revoked when
//! their issuer's rights ended (to the coordinators).

use crate::domain::Person;
use crate::domain::jobs::{Outgoing, RoleChange};
use crate::i18n::AccessMsg;
use crate::storage::{people, reference};
use crate::telegram::shared::App;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let lang = person.language;
    let db = &app.ctx.db;
    if let Outgoing::MembersJoined { mechanism_id, from, to } = message {
        let Some(mech) = reference::mechanism_by_id(db, *mechanism_id).await? else {
            return Ok(Err("mechanism unknown".into()));
        };
        let (from, to) = (crate::storage::from_ts_pub(*from), crate::storage::from_ts_pub(*to));
        let joined: Vec<String> = crate::storage::audit::since(db, from)
            .await?
            .into_iter()
            .filter(|e| e.at < to && e.action == "joined" && e.mechanism.as_deref() == Some(mech.code.as_str()))
            .filter(|e| e.subject_telegram_id != Some(person.telegram_id))
            .map(|e| format!("{} ({})", e.subject.unwrap_or_default(), e.organisation.unwrap_or_default()))
            .collect();
        if joined.is_empty() {
            return Ok(Err("nobody joined in the period".into()));
        }
        // Within Telegram's 4,096 characters: the first names, then how many more.
        let mut names = String::new();
        for (i, n) in joined.iter().enumerate() {
            if names.chars().count() + n.chars().count() > 3500 {
                names.push_str(&format!(" … (+{})", joined.len() - i));
                break;
            }
            if i > 0 {
                names.push_str(", ");
            }
            names.push_str(n);
        }
        let msg = AccessMsg::MembersJoined { mechanism: mech.name(lang).to_string(), count: joined.len(), names };
        return Ok(Ok(Rendered::text(app.i18n.render(lang, msg))));
    }
    if let Outgoing::InvitationsRevoked { issuer_id, invitation_ids } = message {
        let issuer = people::by_id(db, *issuer_id).await?.map(|p| p.display_name).unwrap_or_default();
        let mut list = Vec::new();
        for id in invitation_ids.iter().take(50) {
            if let Some(inv) = crate::storage::invitations::by_id(db, *id).await? {
                list.push(format!("n° {id} {} — {}", inv.organisation.acronym, inv.mechanism.code));
            }
        }
        if invitation_ids.len() > list.len() {
            list.push(format!("… (+{})", invitation_ids.len() - list.len()));
        }
        let msg = AccessMsg::InvitationsRevoked { issuer, count: invitation_ids.len(), list: list.join(", ") };
        return Ok(Ok(Rendered::text(app.i18n.render(lang, msg))));
    }
    if let Outgoing::RoleChanged { change } = message {
        let msg = match change {
            RoleChange::CoordinatorAdded => AccessMsg::RoleCoordinatorAdded,
            RoleChange::CoordinatorRemoved => AccessMsg::RoleCoordinatorRemoved,
            RoleChange::ChairAdded { mechanism_id } => {
                let Some(mech) = reference::mechanism_by_id(db, *mechanism_id).await? else {
                    return Ok(Err("mechanism unknown".into()));
                };
                AccessMsg::RoleChairAdded { mechanism: mech.name(lang).to_string() }
            }
        };
        return Ok(Ok(Rendered::text(app.i18n.render(lang, msg))));
    }
    let (mechanism_id, organisation_id) = match message {
        Outgoing::SeatEnded { mechanism_id, organisation_id, .. }
        | Outgoing::MemberChanged { mechanism_id, organisation_id, .. } => (*mechanism_id, *organisation_id),
        other => return Ok(Err(format!("not a membership message: {}", other.kind()))),
    };
    let (Some(mech), Some(org)) = (
        reference::mechanism_by_id(db, mechanism_id).await?,
        reference::organisation_by_id(db, organisation_id).await?,
    ) else {
        return Ok(Err("mechanism or organisation unknown".into()));
    };
    let (mechanism, org) = (mech.name(lang).to_string(), org.acronym);
    let msg = match message {
        Outgoing::SeatEnded { role, change, .. } => {
            AccessMsg::SeatEnded { org, mechanism, role: *role, change: change.clone() }
        }
        Outgoing::MemberChanged { person_id, role, change, .. } => {
            // Someone erased since: "a former member", never the placeholder of the erasure.
            let name = match people::by_id(db, *person_id).await? {
                Some(p) if p.telegram_id > 0 => p.display_name,
                _ => app.i18n.render(lang, AccessMsg::FormerMember),
            };
            AccessMsg::MemberChanged { name, org, mechanism, role: *role, change: change.clone() }
        }
        _ => unreachable!("matched above"),
    };
    Ok(Ok(Rendered::text(app.i18n.render(lang, msg))))
}
