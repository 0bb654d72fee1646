//! Administration by coordinators (and the command line): who is in which mechanism,
//! removing a person, chairs, coordinators, pending invitations, the observer policy.
//! Every change is written to the audit trail with who did it and when.

use super::Ctx;
use super::meetings::Actor;
use crate::domain::audit::AuditAction;
use crate::domain::jobs::{Outgoing, RoleChange};
use crate::domain::{
    AppError, AppResult, InvitationCode, Mechanism, MembershipView, Organisation, PendingInvitation, Person, Role,
};
use crate::storage::{audit, invitations, memberships, people, reference};

/// Tells a person of a role someone else granted or ended (in their language, when sent).
async fn tell_role(ctx: &Ctx, person_id: i64, change: RoleChange) -> AppResult<()> {
    let stamp = ctx.clock.now().timestamp();
    let key = format!("role:{change:?}:p{person_id}:t{stamp}");
    if super::outbox::deliver(ctx, key, person_id, Outgoing::RoleChanged { change }).await? {
        ctx.wake.notify_one();
    }
    Ok(())
}

/// Coordinators and the command line administer; returns the acting person's id (None for
/// the command line).
pub fn require_coordinator(actor: Actor<'_>) -> AppResult<Option<i64>> {
    match actor {
        Actor::CommandLine => Ok(None),
        Actor::Person(a) if a.coordinator => Ok(Some(a.person.id)),
        Actor::Person(_) => Err(AppError::NotAllowed),
    }
}

fn actor_id(actor: Actor<'_>) -> Option<i64> {
    match actor {
        Actor::CommandLine => None,
        Actor::Person(a) => Some(a.person.id),
    }
}

/// Who may revoke a pending invitation: coordinators and the command line any; chairs those
/// of their mechanisms, except the ones a coordinator made.
pub fn may_revoke(actor: Actor<'_>, inv: &PendingInvitation) -> bool {
    match actor {
        Actor::CommandLine => true,
        Actor::Person(a) => a.coordinator || (a.chairs(inv.mechanism_id) && !inv.issued_by_coordinator),
    }
}

/// Coordinators and the command line see every mechanism; chairs the ones they chair.
fn may_see(actor: Actor<'_>, mechanism_id: i64) -> bool {
    match actor {
        Actor::CommandLine => true,
        Actor::Person(a) => a.coordinator || a.chairs(mechanism_id),
    }
}

pub async fn person(ctx: &Ctx, telegram_id: i64) -> AppResult<Person> {
    people::by_telegram_id(&ctx.db, telegram_id)
        .await?
        .filter(|p| p.telegram_id > 0)
        .ok_or(AppError::UnknownPerson(telegram_id))
}

/// The active members of one mechanism, or of all the actor may see.
pub async fn members(ctx: &Ctx, actor: Actor<'_>, mechanism: Option<&Mechanism>) -> AppResult<Vec<MembershipView>> {
    match mechanism {
        Some(m) if may_see(actor, m.id) => memberships::active_in_mechanism(&ctx.db, m.id).await,
        Some(_) => Err(AppError::NotAllowed),
        None => {
            let all = memberships::all_active(&ctx.db).await?;
            let visible: Vec<MembershipView> = all.into_iter().filter(|m| may_see(actor, m.mechanism.id)).collect();
            if visible.is_empty()
                && matches!(actor, Actor::Person(a) if !a.coordinator && a.memberships.iter().all(|m| m.role != Role::Chair))
            {
                return Err(AppError::NotAllowed);
            }
            Ok(visible)
        }
    }
}

/// Whether observers receive the mechanism's minutes and documents.
pub async fn observers_receive(ctx: &Ctx, mechanism: &Mechanism) -> AppResult<bool> {
    reference::observers_receive(&ctx.db, mechanism.id).await
}

/// Sets the observer policy of a mechanism (coordinators).
pub async fn set_observers_receive(ctx: &Ctx, actor: Actor<'_>, mechanism: &Mechanism, receive: bool) -> AppResult<()> {
    let by = require_coordinator(actor)?;
    reference::set_observers_receive(&ctx.db, mechanism.id, receive).await?;
    let entry = audit::NewEntry {
        actor_id: by,
        mechanism_id: Some(mechanism.id),
        detail: Some(format!("observers receive minutes and documents: {}", if receive { "yes" } else { "no" })),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::ObserverPolicy, entry, ctx.clock.now()).await
}

/// Sets whether an observer organisation reports its 4W (coordinators). Members always report.
pub async fn set_observer_reports(
    ctx: &Ctx,
    actor: Actor<'_>,
    acronym: &str,
    reports: bool,
) -> AppResult<Organisation> {
    let by = require_coordinator(actor)?;
    let org = reference::organisation_by_acronym(&ctx.db, acronym)
        .await?
        .ok_or_else(|| AppError::UnknownOrganisation(acronym.to_string()))?;
    if !org.observer {
        return Err(AppError::MemberAlwaysReports { org: org.acronym });
    }
    reference::set_observer_reports(&ctx.db, org.id, reports).await?;
    let entry = audit::NewEntry {
        actor_id: by,
        detail: Some(format!("{} reports its 4W: {}", org.acronym, if reports { "yes" } else { "no" })),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::ObserverPolicy, entry, ctx.clock.now()).await?;
    Ok(Organisation { observer_reports: reports, ..org })
}

/// What a removal did.
#[derive(Debug, Clone)]
pub struct Removal {
    pub person: Person,
    /// The seats that ended (to tell the person and the chairs of those mechanisms).
    pub ended: Vec<MembershipView>,
    pub coordinator_removed: bool,
    /// The pending invitations they had issued and may no longer issue, now revoked.
    pub revoked: Vec<PendingInvitation>,
}

/// Removes a person from one mechanism (every seat they hold there), or from the cluster
/// altogether (every seat, and the coordinator role — never the last coordinator).
pub async fn remove_member(
    ctx: &Ctx,
    actor: Actor<'_>,
    telegram_id: i64,
    mechanism: Option<&Mechanism>,
) -> AppResult<Removal> {
    let by = require_coordinator(actor)?;
    let person = person(ctx, telegram_id).await?;
    let now = ctx.clock.now();
    let seats: Vec<MembershipView> = memberships::active_for_person(&ctx.db, person.id)
        .await?
        .into_iter()
        .filter(|m| mechanism.is_none_or(|mech| mech.id == m.mechanism.id))
        .collect();
    let mut coordinator_removed = false;
    if mechanism.is_none() && people::is_coordinator(&ctx.db, person.id).await? {
        coordinator_removed = people::remove_coordinator(&ctx.db, person.id).await?;
        if coordinator_removed {
            let entry = audit::NewEntry { actor_id: by, subject_id: Some(person.id), ..Default::default() };
            audit::record(&ctx.db, AuditAction::CoordinatorRemoved, entry, now).await?;
            tell_role(ctx, person.id, RoleChange::CoordinatorRemoved).await?;
        }
    }
    if seats.is_empty() && !coordinator_removed {
        return Err(AppError::NotFound);
    }
    let mut ended = Vec::new();
    for m in seats {
        if memberships::end(&ctx.db, m.id, "removed", by, now).await? {
            let entry = audit::NewEntry {
                actor_id: by,
                subject_id: Some(person.id),
                mechanism_id: Some(m.mechanism.id),
                organisation_id: Some(m.organisation.id),
                detail: Some(m.role.as_str().to_string()),
            };
            audit::record(&ctx.db, AuditAction::Removed, entry, now).await?;
            super::seats::announce(ctx, &m, "removed").await?;
            ended.push(m);
        }
    }
    let revoked = super::membership::revoke_beyond_rights(ctx, person.id, by).await?;
    Ok(Removal { person, ended, coordinator_removed, revoked })
}

/// Makes a person chair of a mechanism. They must have joined the cluster already (the
/// principles accepted then are kept); the organisation is theirs, or the one named when
/// they hold seats for several.
pub async fn add_chair(
    ctx: &Ctx,
    actor: Actor<'_>,
    telegram_id: i64,
    mechanism: &Mechanism,
    organisation: Option<&Organisation>,
) -> AppResult<MembershipView> {
    let by = require_coordinator(actor)?;
    let person = person(ctx, telegram_id).await?;
    let seats = memberships::active_for_person(&ctx.db, person.id).await?;
    let Some(accepted_at) = seats.iter().map(|s| s.accepted_at).min() else {
        return Err(AppError::NotAMember);
    };
    let org_id = match organisation {
        Some(o) => o.id,
        None => {
            let mut orgs: Vec<i64> = seats.iter().map(|s| s.organisation.id).collect();
            orgs.sort_unstable();
            orgs.dedup();
            match orgs.as_slice() {
                [one] => *one,
                _ => return Err(AppError::OrganisationNeeded),
            }
        }
    };
    let now = ctx.clock.now();
    let Some(id) = memberships::add_chair(&ctx.db, person.id, org_id, mechanism.id, accepted_at, now).await? else {
        let org = reference::organisation_by_id(&ctx.db, org_id).await?.map(|o| o.acronym).unwrap_or_default();
        return Err(AppError::AlreadyMember { org, mechanism: mechanism.code.clone(), role: Role::Chair });
    };
    let entry = audit::NewEntry {
        actor_id: by,
        subject_id: Some(person.id),
        mechanism_id: Some(mechanism.id),
        organisation_id: Some(org_id),
        detail: None,
    };
    audit::record(&ctx.db, AuditAction::ChairAdded, entry, now).await?;
    tell_role(ctx, person.id, RoleChange::ChairAdded { mechanism_id: mechanism.id }).await?;
    memberships::by_id_active(&ctx.db, id).await?.ok_or(AppError::NotFound)
}

/// Ends a person's chair of a mechanism; returns the seat and the invitations it revoked.
pub async fn remove_chair(
    ctx: &Ctx,
    actor: Actor<'_>,
    telegram_id: i64,
    mechanism: &Mechanism,
) -> AppResult<(MembershipView, Vec<PendingInvitation>)> {
    let by = require_coordinator(actor)?;
    let person = person(ctx, telegram_id).await?;
    let seat = memberships::active_for_person(&ctx.db, person.id)
        .await?
        .into_iter()
        .find(|m| m.mechanism.id == mechanism.id && m.role == Role::Chair)
        .ok_or(AppError::NotFound)?;
    let now = ctx.clock.now();
    if !memberships::end(&ctx.db, seat.id, "removed", by, now).await? {
        return Err(AppError::NotFound);
    }
    let entry = audit::NewEntry {
        actor_id: by,
        subject_id: Some(person.id),
        mechanism_id: Some(mechanism.id),
        organisation_id: Some(seat.organisation.id),
        detail: None,
    };
    audit::record(&ctx.db, AuditAction::ChairRemoved, entry, now).await?;
    super::seats::announce(ctx, &seat, "removed").await?;
    let revoked = super::membership::revoke_beyond_rights(ctx, person.id, by).await?;
    Ok((seat, revoked))
}

/// Makes a Telegram user a coordinator. Returns false when they already were.
pub async fn add_coordinator(ctx: &Ctx, actor: Actor<'_>, telegram_id: i64, name: &str) -> AppResult<(Person, bool)> {
    let by = require_coordinator(actor)?;
    let (person, added) = super::people::add_coordinator(ctx, telegram_id, name).await?;
    if added {
        let entry = audit::NewEntry { actor_id: by, subject_id: Some(person.id), ..Default::default() };
        audit::record(&ctx.db, AuditAction::CoordinatorAdded, entry, ctx.clock.now()).await?;
        tell_role(ctx, person.id, RoleChange::CoordinatorAdded).await?;
    }
    Ok((person, added))
}

/// Removes a coordinator (never the last one); returns them and the invitations it revoked.
pub async fn remove_coordinator(
    ctx: &Ctx,
    actor: Actor<'_>,
    telegram_id: i64,
) -> AppResult<(Person, Vec<PendingInvitation>)> {
    let by = require_coordinator(actor)?;
    let person = person(ctx, telegram_id).await?;
    if !people::remove_coordinator(&ctx.db, person.id).await? {
        return Err(AppError::NotFound);
    }
    let entry = audit::NewEntry { actor_id: by, subject_id: Some(person.id), ..Default::default() };
    audit::record(&ctx.db, AuditAction::CoordinatorRemoved, entry, ctx.clock.now()).await?;
    tell_role(ctx, person.id, RoleChange::CoordinatorRemoved).await?;
    let revoked = super::membership::revoke_beyond_rights(ctx, person.id, by).await?;
    Ok((person, revoked))
}

/// Invitations still usable: all for coordinators, those of their mechanisms for chairs.
pub async fn pending_invitations(ctx: &Ctx, actor: Actor<'_>) -> AppResult<Vec<PendingInvitation>> {
    if let Actor::Person(a) = actor
        && !a.coordinator
        && a.memberships.iter().all(|m| m.role != Role::Chair)
    {
        return Err(AppError::NotAllowed);
    }
    let all = invitations::pending(&ctx.db, ctx.clock.now()).await?;
    Ok(all.into_iter().filter(|i| may_see(actor, i.mechanism_id)).collect())
}

/// Which invitation to revoke: the code printed by `invite`, or its id (buttons).
pub enum Revoke<'a> {
    Code(&'a str),
    Id(i64),
}

/// Revokes an unused invitation (coordinators; chairs for their mechanisms, except those a
/// coordinator made). Its link then answers as expired.
pub async fn revoke_invitation(ctx: &Ctx, actor: Actor<'_>, which: Revoke<'_>) -> AppResult<PendingInvitation> {
    let id = match which {
        Revoke::Id(id) => id,
        Revoke::Code(raw) => {
            let code = InvitationCode::parse(raw).ok_or(AppError::InvitationUnknown)?;
            invitations::id_by_hash(&ctx.db, &code.hash()).await?.ok_or(AppError::InvitationUnknown)?
        }
    };
    let now = ctx.clock.now();
    let pending = invitations::pending(&ctx.db, now).await?;
    let Some(inv) = pending.into_iter().find(|i| i.id == id) else {
        let inv = invitations::by_id(&ctx.db, id).await?.ok_or(AppError::InvitationUnknown)?;
        return Err(if inv.used_at.is_some() { AppError::InvitationUsed } else { AppError::InvitationExpired });
    };
    if !may_revoke(actor, &inv) {
        return Err(AppError::NotAllowed);
    }
    if !invitations::revoke(&ctx.db, id, actor_id(actor), now).await? {
        return Err(AppError::InvitationExpired);
    }
    let entry = audit::NewEntry {
        actor_id: actor_id(actor),
        mechanism_id: Some(inv.mechanism_id),
        organisation_id: reference::organisation_by_acronym(&ctx.db, &inv.organisation).await?.map(|o| o.id),
        detail: Some(format!("{} #{}", inv.role, inv.id)),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::InvitationRevoked, entry, now).await?;
    Ok(inv)
}

/// The mechanisms an actor administers: every one for coordinators, the ones they chair for
/// chairs (nothing for others).
pub async fn mechanisms(ctx: &Ctx, actor: Actor<'_>) -> AppResult<Vec<Mechanism>> {
    let all = reference::mechanisms(&ctx.db).await?;
    Ok(all.into_iter().filter(|m| may_see(actor, m.id)).collect())
}

/// One mechanism by id, if the actor administers it.
pub async fn mechanism(ctx: &Ctx, actor: Actor<'_>, mechanism_id: i64) -> AppResult<Mechanism> {
    let m = reference::mechanism_by_id(&ctx.db, mechanism_id).await?.ok_or(AppError::NotFound)?;
    if may_see(actor, m.id) { Ok(m) } else { Err(AppError::NotAllowed) }
}

/// An active seat by id, if the actor administers its mechanism.
pub async fn seat(ctx: &Ctx, actor: Actor<'_>, membership_id: i64) -> AppResult<MembershipView> {
    let seat = memberships::by_id_active(&ctx.db, membership_id).await?.ok_or(AppError::NotFound)?;
    if may_see(actor, seat.mechanism.id) { Ok(seat) } else { Err(AppError::NotAllowed) }
}

/// The cluster's coordinators (coordinators and the command line).
pub async fn coordinators(ctx: &Ctx, actor: Actor<'_>) -> AppResult<Vec<Person>> {
    require_coordinator(actor)?;
    people::coordinators(&ctx.db).await
}

/// A person who has joined, by id (coordinators and the command line).
pub async fn person_by_id(ctx: &Ctx, actor: Actor<'_>, person_id: i64) -> AppResult<Person> {
    require_coordinator(actor)?;
    people::by_id(&ctx.db, person_id).await?.filter(|p| p.telegram_id > 0).ok_or(AppError::NotFound)
}
