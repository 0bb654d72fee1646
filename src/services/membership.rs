//! Joining by invitation, leaving, and who sees whom.

use super::Ctx;
use super::people::Access;
use crate::domain::audit::AuditAction;
use crate::domain::jobs::Outgoing;
use crate::domain::{
    AppError, AppResult, DisplayName, Invitation, InvitationCode, InvitationProblem, Mechanism, MembershipView,
    Organisation, PendingInvitation, Person, Role, check_invitation,
};
use crate::storage::{audit, invitations, memberships, people, reference, settings};
use chrono::{DateTime, Utc};

/// Who asks for an invitation link: the command line (a trusted administrator) or a person.
pub enum Issuer<'a> {
    CommandLine,
    Person(&'a Access),
}

#[derive(Debug, Clone)]
pub struct IssuedInvitation {
    pub code: InvitationCode,
    pub link: String,
    pub organisation: Organisation,
    pub mechanism: Mechanism,
    pub role: Role,
    pub expires_at: DateTime<Utc>,
    /// The current holder of the seat, who will be replaced on acceptance.
    pub replaces: Option<String>,
}

pub async fn organisation(ctx: &Ctx, acronym: &str) -> AppResult<Organisation> {
    reference::organisation_by_acronym(&ctx.db, acronym)
        .await?
        .ok_or_else(|| AppError::UnknownOrganisation(acronym.trim().to_string()))
}

pub async fn mechanism(ctx: &Ctx, code: &str) -> AppResult<Mechanism> {
    reference::mechanism_by_code(&ctx.db, code)
        .await?
        .ok_or_else(|| AppError::UnknownMechanism(code.trim().to_string()))
}

/// The mechanisms a person may make invitations for: all for coordinators, their own for chairs.
pub async fn invitable_mechanisms(ctx: &Ctx, access: &Access) -> AppResult<Vec<Mechanism>> {
    if access.coordinator {
        reference::mechanisms(&ctx.db).await
    } else {
        memberships::chaired_mechanisms(&ctx.db, access.person.id).await
    }
}

/// Roles a person may invite: chairs invite focal points and alternates; coordinators, chairs too.
pub fn invitable_roles(access: &Access) -> &'static [Role] {
    if access.coordinator { &Role::ALL } else { &[Role::Focal, Role::Alternate] }
}

pub async fn seat_holder(
    ctx: &Ctx,
    org: &Organisation,
    mech: &Mechanism,
    role: Role,
) -> AppResult<Option<MembershipView>> {
    if !role.is_single_seat() {
        return Ok(None);
    }
    memberships::seat_holder(&ctx.db, org.id, mech.id, role).await
}

/// Whether a person may make this invitation now: coordinators any; chairs a focal point or
/// alternate of their mechanism, never a replacement.
fn may_issue(access: &Access, mechanism_id: i64, role: Role, replace: bool) -> bool {
    access.coordinator || (access.chairs(mechanism_id) && role.is_single_seat() && !replace)
}

/// Revokes the pending invitations a person made that they could no longer make now (their
/// chair or coordinator role ended): each is recorded in the audit (by `by`, the person who
/// ended the role; `None`: the command line) and the coordinators are told in one message.
pub async fn revoke_beyond_rights(ctx: &Ctx, person_id: i64, by: Option<i64>) -> AppResult<Vec<PendingInvitation>> {
    let now = ctx.clock.now();
    let theirs: Vec<PendingInvitation> =
        invitations::pending(&ctx.db, now).await?.into_iter().filter(|i| i.issued_by_id == Some(person_id)).collect();
    let Some(person) = people::by_id(&ctx.db, person_id).await?.filter(|_| !theirs.is_empty()) else {
        return Ok(vec![]);
    };
    let access = super::people::access(ctx, person).await?;
    let mut revoked = Vec::new();
    for inv in theirs {
        if may_issue(&access, inv.mechanism_id, inv.role, inv.replace_existing)
            || !invitations::revoke(&ctx.db, inv.id, by, now).await?
        {
            continue;
        }
        let entry = audit::NewEntry {
            actor_id: by,
            subject_id: Some(person_id),
            mechanism_id: Some(inv.mechanism_id),
            organisation_id: reference::organisation_by_acronym(&ctx.db, &inv.organisation).await?.map(|o| o.id),
            detail: Some(format!("{} #{} (its issuer may no longer invite)", inv.role, inv.id)),
        };
        audit::record(&ctx.db, AuditAction::InvitationRevoked, entry, now).await?;
        revoked.push(inv);
    }
    if let Some(first) = revoked.first() {
        let invitation_ids: Vec<i64> = revoked.iter().map(|i| i.id).collect();
        for c in people::coordinators(&ctx.db).await?.into_iter().filter(|c| c.id != person_id) {
            let key = format!("invrevoked:p{person_id}:i{}:n{}:to{}", first.id, revoked.len(), c.id);
            let msg = Outgoing::InvitationsRevoked { issuer_id: person_id, invitation_ids: invitation_ids.clone() };
            super::outbox::deliver(ctx, key, c.id, msg).await?;
        }
        ctx.wake.notify_one();
    }
    Ok(revoked)
}

/// Makes a single-use invitation link bound to an organisation, a mechanism and a role.
/// A taken focal point or alternate seat is refused unless `replace` is asked by a coordinator
/// (or the command line): replacing is always explicit.
pub async fn issue_invitation(
    ctx: &Ctx,
    issuer: Issuer<'_>,
    org: &Organisation,
    mech: &Mechanism,
    role: Role,
    replace: bool,
) -> AppResult<IssuedInvitation> {
    let created_by = match issuer {
        Issuer::CommandLine => None,
        Issuer::Person(access) => {
            if !may_issue(access, mech.id, role, replace) {
                return Err(AppError::NotAllowed);
            }
            Some(access.person.id)
        }
    };
    let holder = seat_holder(ctx, org, mech, role).await?;
    if let Some(h) = &holder
        && !replace
    {
        return Err(AppError::SeatTaken {
            org: org.acronym.clone(),
            mechanism: mech.code.clone(),
            role,
            holder: h.person_name.clone(),
        });
    }
    let code = InvitationCode::generate();
    let now = ctx.clock.now();
    let expires_at = now + ctx.invitation_ttl;
    let invitation_id = invitations::insert(
        &ctx.db,
        invitations::NewInvitation {
            code_hash: &code.hash(),
            organisation_id: org.id,
            mechanism_id: mech.id,
            role,
            replace_existing: replace && holder.is_some(),
            created_by,
            created_at: now,
            expires_at,
        },
    )
    .await?;
    let entry = audit::NewEntry {
        actor_id: created_by,
        subject_id: None,
        mechanism_id: Some(mech.id),
        organisation_id: Some(org.id),
        detail: Some(format!("{role} #{invitation_id}{}", if replace && holder.is_some() { " (replace)" } else { "" })),
    };
    audit::record(&ctx.db, AuditAction::InvitationIssued, entry, now).await?;
    let username = settings::get(&ctx.db, settings::BOT_USERNAME).await?;
    Ok(IssuedInvitation {
        link: code.link(username.as_deref()),
        code,
        organisation: org.clone(),
        mechanism: mech.clone(),
        role,
        expires_at,
        replaces: holder.map(|h| h.person_name),
    })
}

fn problem(p: InvitationProblem) -> AppError {
    match p {
        InvitationProblem::Unknown => AppError::InvitationUnknown,
        InvitationProblem::Expired => AppError::InvitationExpired,
        InvitationProblem::Used => AppError::InvitationUsed,
    }
}

/// Reads an invitation from the code typed or carried by the link; refuses unknown, expired, used.
pub async fn open_invitation(ctx: &Ctx, raw_code: &str) -> AppResult<Invitation> {
    let code = InvitationCode::parse(raw_code).ok_or(AppError::InvitationUnknown)?;
    let inv = invitations::by_hash(&ctx.db, &code.hash()).await?.ok_or(AppError::InvitationUnknown)?;
    check_invitation(ctx.clock.now(), inv.expires_at, inv.used_at).map_err(problem)?;
    Ok(inv)
}

/// Refuses an invitation to someone who holds a seat of another organisation in its
/// mechanism (one person speaks for one organisation there); the invitation stays unused.
pub async fn may_redeem(ctx: &Ctx, person: &Person, inv: &Invitation) -> AppResult<()> {
    let seats = memberships::active_for_person(&ctx.db, person.id).await?;
    match seats.iter().find(|m| m.mechanism.id == inv.mechanism.id && m.organisation.id != inv.organisation.id) {
        Some(other) => Err(AppError::SeatOfAnotherOrganisation {
            org: inv.organisation.acronym.clone(),
            mechanism: inv.mechanism.code.clone(),
            other: other.organisation.acronym.clone(),
        }),
        None => Ok(()),
    }
}

/// Re-reads an invitation by id (the join dialog keeps only the id) and checks it again.
pub async fn invitation_still_valid(ctx: &Ctx, invitation_id: i64) -> AppResult<Invitation> {
    let inv = invitations::by_id(&ctx.db, invitation_id).await?.ok_or(AppError::InvitationUnknown)?;
    check_invitation(ctx.clock.now(), inv.expires_at, inv.used_at).map_err(problem)?;
    Ok(inv)
}

/// The person accepts the cluster's principles: the invitation is used and the membership active.
pub async fn accept_invitation(
    ctx: &Ctx,
    person: &Person,
    invitation_id: i64,
    name: Option<&DisplayName>,
) -> AppResult<MembershipView> {
    let inv = invitation_still_valid(ctx, invitation_id).await?;
    if let Some(name) = name {
        people::set_display_name(&ctx.db, person.id, name).await?;
    }
    let now = ctx.clock.now();
    let replaced_seat = match inv.replace_existing {
        true => memberships::seat_holder(&ctx.db, inv.organisation.id, inv.mechanism.id, inv.role).await?,
        false => None,
    };
    let (id, replaced) = memberships::accept_invitation(&ctx.db, &inv, person, now).await?;
    let seat = |subject_id| audit::NewEntry {
        actor_id: None,
        subject_id: Some(subject_id),
        mechanism_id: Some(inv.mechanism.id),
        organisation_id: Some(inv.organisation.id),
        detail: Some(inv.role.as_str().to_string()),
    };
    for old in replaced.iter().copied() {
        audit::record(&ctx.db, AuditAction::Replaced, seat(old), now).await?;
    }
    audit::record(&ctx.db, AuditAction::Joined, seat(person.id), now).await?;
    let view = memberships::by_id_active(&ctx.db, id).await?.ok_or(AppError::NotFound)?;
    super::seats::invite_newcomer(ctx, &view).await?;
    if let Some(old) = replaced_seat.filter(|s| replaced.contains(&s.person_id)) {
        super::seats::announce(ctx, &old, "replaced").await?;
    }
    super::seats::announce(ctx, &view, "joined").await?;
    Ok(view)
}

/// Ends one of the person's own memberships.
pub async fn leave(ctx: &Ctx, access: &Access, membership_id: i64) -> AppResult<MembershipView> {
    let m = access.memberships.iter().find(|m| m.id == membership_id).cloned().ok_or(AppError::NotFound)?;
    let now = ctx.clock.now();
    if memberships::leave(&ctx.db, membership_id, access.person.id, now).await? {
        let entry = audit::NewEntry {
            actor_id: Some(access.person.id),
            subject_id: Some(access.person.id),
            mechanism_id: Some(m.mechanism.id),
            organisation_id: Some(m.organisation.id),
            detail: Some(m.role.as_str().to_string()),
        };
        audit::record(&ctx.db, AuditAction::Left, entry, now).await?;
        super::seats::announce(ctx, &m, "left").await?;
        revoke_beyond_rights(ctx, access.person.id, Some(access.person.id)).await?;
        Ok(m)
    } else {
        Err(AppError::NotFound)
    }
}

/// Members a person may see: coordinators see everyone; members see the people of their mechanisms.
pub async fn visible_members(ctx: &Ctx, access: &Access) -> AppResult<Vec<MembershipView>> {
    access.require_member()?;
    if access.coordinator {
        return memberships::all_active(&ctx.db).await;
    }
    let mut mech_ids: Vec<i64> = access.memberships.iter().map(|m| m.mechanism.id).collect();
    mech_ids.sort_unstable();
    mech_ids.dedup();
    let mut all = Vec::new();
    for id in mech_ids {
        all.extend(memberships::active_in_mechanism(&ctx.db, id).await?);
    }
    Ok(all)
}
