//! May this person receive this message now? Asked by the delivery path at the moment of
//! sending (a job may have been queued hours before, or before a restart): a message meant
//! for a seat needs that seat held now; one meant for a chair needs the chair (or a
//! coordinator); minutes and documents need an active seat in the mechanism, and observers
//! receive them only where the mechanism's policy lets them. A refusal is recorded in the
//! audit trail and the message is never sent.

use super::Ctx;
use crate::domain::alert::AlertMsg;
use crate::domain::audit::AuditAction;
use crate::domain::jobs::{DecisionMsg, FourwMsg, Outgoing};
use crate::domain::memory::MemoryMsg;
use crate::domain::sensitivity::class_allows;
use crate::domain::tour::TourMsg;
use crate::domain::{AppResult, MembershipView, Role};
use crate::storage::sensitivity::{self, Item};
use crate::storage::{agenda, approval, audit, meetings, memberships, minutes, people, reference, reports, votes};

/// Why a delivery is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr, strum::Display)]
#[strum(serialize_all = "snake_case")]
pub enum Withheld {
    /// The person is unknown or was erased.
    NoSuchPerson,
    /// The seat the message is addressed to is no longer theirs.
    NoLongerHoldsSeat,
    /// Meant for the chair: they are neither chair of the mechanism nor coordinator.
    NotChair,
    /// Meant for the coordinators.
    NotCoordinator,
    /// Minutes or documents: no active seat in the mechanism.
    NotMember,
    /// Minutes or documents: only as an observer, and the mechanism keeps them from observers.
    ObserverExcluded,
    /// A chart of figures the person may no longer see (seat, chair or coordinator lost).
    ChartNotAllowed,
    /// A restricted item: the person's organisation is not among those it is meant for.
    Restricted,
    /// A reuse request: the person is no longer the party it was asked of.
    NotParty,
    /// What the message is about no longer exists.
    Unknown,
}

/// What a seat-addressed message needs: this organisation's seat in this mechanism.
struct Seat {
    mechanism_id: i64,
    organisation_id: i64,
    roles: &'static [Role],
}

const FOCAL_OR_ALTERNATE: &[Role] = &[Role::Focal, Role::Alternate];
const ANY_ROLE: &[Role] = &[Role::Focal, Role::Alternate, Role::Chair];

/// `Ok(None)` when the person may receive the message now.
pub async fn may_receive(ctx: &Ctx, person_id: i64, message: &Outgoing) -> AppResult<Option<Withheld>> {
    let db = &ctx.db;
    let Some(person) = people::by_id(db, person_id).await? else {
        return Ok(Some(Withheld::NoSuchPerson));
    };
    if person.telegram_id <= 0 {
        return Ok(Some(Withheld::NoSuchPerson));
    }
    let coordinator = people::is_coordinator(db, person_id).await?;
    let seats = memberships::active_for_person(db, person_id).await?;
    let meeting_mechanism =
        |meeting_id: i64| async move { AppResult::Ok(meetings::by_id(db, meeting_id).await?.map(|m| m.mechanism.id)) };
    let seat_needed = match message {
        Outgoing::Invitation { meeting_id, organisation_id, role } => {
            let Some(mech) = meeting_mechanism(*meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            let roles: &'static [Role] = if *role == Role::Alternate { &[Role::Alternate] } else { &[Role::Focal] };
            Some(Seat { mechanism_id: mech, organisation_id: *organisation_id, roles })
        }
        Outgoing::Reminder { meeting_id, organisation_id, .. }
        | Outgoing::MeetingChanged { meeting_id, organisation_id, .. } => {
            let Some(mech) = meeting_mechanism(*meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: mech, organisation_id: *organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::HandoverRequest { meeting_id, organisation_id } => {
            let Some(mech) = meeting_mechanism(*meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: mech, organisation_id: *organisation_id, roles: &[Role::Alternate] })
        }
        Outgoing::ActionReminder { action_id, .. } => {
            let Some(a) = minutes::action(db, *action_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: a.mechanism_id, organisation_id: a.organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::Fourw(FourwMsg::Reminder { mechanism_id, organisation_id, .. }) => {
            Some(Seat { mechanism_id: *mechanism_id, organisation_id: *organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::Fourw(FourwMsg::Returned { line_id }) => {
            let Some(l) = reports::review_line(db, *line_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: l.mechanism_id, organisation_id: l.organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::Fourw(FourwMsg::Approved { submission_id }) => {
            let Some((org, mech, ..)) = approval::submission_key(db, *submission_id).await? else {
                return Ok(Some(Withheld::Unknown));
            };
            Some(Seat { mechanism_id: mech, organisation_id: org, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::Decision(DecisionMsg::VoteReminder { vote_id, organisation_id }) => {
            let Some(v) = votes::by_id(db, *vote_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: v.mechanism.id, organisation_id: *organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        Outgoing::Decision(DecisionMsg::VoteHandover { vote_id, organisation_id }) => {
            let Some(v) = votes::by_id(db, *vote_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: v.mechanism.id, organisation_id: *organisation_id, roles: &[Role::Alternate] })
        }
        // A tour de table request: to the organisation's focal point or alternate.
        Outgoing::Tour(TourMsg::Request { meeting_id, organisation_id }) => {
            let Some(mech) = meeting_mechanism(*meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            Some(Seat { mechanism_id: mech, organisation_id: *organisation_id, roles: FOCAL_OR_ALTERNATE })
        }
        // The answer to a proposal goes to whoever proposed it, while they still sit for
        // the organisation that proposed it.
        Outgoing::Decision(DecisionMsg::AgendaDecided { item_id }) => {
            let Some(item) = agenda::by_id(db, *item_id).await? else { return Ok(Some(Withheld::Unknown)) };
            let Some(mech) = meeting_mechanism(item.meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            match item.organisation_id {
                Some(org) => Some(Seat { mechanism_id: mech, organisation_id: org, roles: ANY_ROLE }),
                None => return Ok(Some(Withheld::Unknown)),
            }
        }
        // Alerts: the CMP chair, the mechanism's members, the present organisation's seat.
        Outgoing::Alert(msg) => {
            let why = match msg {
                AlertMsg::ValidationRequest { .. } | AlertMsg::Summary { .. } => Withheld::NotChair,
                AlertMsg::Alert { .. } | AlertMsg::Decided { .. } => Withheld::NotMember,
                AlertMsg::CommitmentRequest { .. } => Withheld::NoLongerHoldsSeat,
            };
            let ok = super::alerts::may_receive(ctx, coordinator, &seats, msg).await?;
            return Ok((!ok).then_some(why));
        }
        _ => None,
    };
    if let Some(seat) = seat_needed {
        let held = seats.iter().find(|s| {
            s.mechanism.id == seat.mechanism_id
                && s.organisation.id == seat.organisation_id
                && seat.roles.contains(&s.role)
        });
        let Some(held) = held else { return Ok(Some(Withheld::NoLongerHoldsSeat)) };
        // Action points are internal: an observer's reminder follows the observer policy.
        let internal = matches!(message, Outgoing::ActionReminder { .. });
        if internal && held.organisation.observer && !reference::observers_receive(db, held.mechanism.id).await? {
            return Ok(Some(Withheld::ObserverExcluded));
        }
        return Ok(None);
    }
    let chairs = |mechanism_id: i64| seats.iter().any(|s| s.mechanism.id == mechanism_id && s.role == Role::Chair);
    let for_chair = |mechanism_id: Option<i64>| match mechanism_id {
        None => Some(Withheld::Unknown),
        Some(m) if coordinator || chairs(m) => None,
        Some(_) => Some(Withheld::NotChair),
    };
    Ok(match message {
        Outgoing::RsvpSummary { meeting_id }
        | Outgoing::MinutesReminder { meeting_id, .. }
        | Outgoing::DeliveryFailed { meeting_id, .. } => for_chair(meeting_mechanism(*meeting_id).await?),
        Outgoing::DeliveryProblems { mechanism_id: Some(m), .. } => for_chair(Some(*m)),
        // The collected tour de table: to a chair of the meeting's mechanism (or a coordinator).
        Outgoing::Tour(TourMsg::Collected { meeting_id }) => for_chair(meeting_mechanism(*meeting_id).await?),
        Outgoing::DeliveryProblems { mechanism_id: None, .. } => (!coordinator).then_some(Withheld::NotCoordinator),
        Outgoing::MinutesOverdue { .. } | Outgoing::Digest { .. } | Outgoing::InvitationsRevoked { .. } => {
            (!coordinator).then_some(Withheld::NotCoordinator)
        }
        // A chart: the same rule as when its 📊 was pressed, asked again now.
        Outgoing::Chart { chart } => {
            let access = super::people::access(ctx, person.clone()).await?;
            (!super::figures::may_see(ctx, &access, chart).await?).then_some(Withheld::ChartNotAllowed)
        }
        // Told to the person themselves, about their own seat.
        Outgoing::SeatEnded { .. } | Outgoing::RoleChanged { .. } => None,
        Outgoing::AbsenceFlag { mechanism_id, .. }
        | Outgoing::MemberChanged { mechanism_id, .. }
        | Outgoing::MembersJoined { mechanism_id, .. }
        | Outgoing::MonthlyNudge { mechanism_id, .. }
        | Outgoing::Fourw(FourwMsg::Matrix { mechanism_id, .. }) => for_chair(Some(*mechanism_id)),
        Outgoing::Fourw(FourwMsg::Corrected { submission_id, .. }) => {
            for_chair(approval::submission_key(db, *submission_id).await?.map(|(_, mech, ..)| mech))
        }
        // A decision's review date: to whoever chairs its mechanism now.
        Outgoing::Memory(MemoryMsg::ReviewDue { decision_id }) => {
            for_chair(crate::storage::memory::decision(db, *decision_id).await?.map(|d| d.mechanism.id))
        }
        // A situation item: to the chairs of the mechanism it is for (regional, then national).
        Outgoing::Situation(crate::domain::situation::SituationMsg::Decided { item_id }) => {
            match super::situation::poster(ctx, *item_id).await? {
                None => Some(Withheld::Unknown),
                Some((by, mech)) if by == Some(person_id) && seats.iter().any(|s| s.mechanism.id == mech) => None,
                Some(_) => Some(Withheld::NoLongerHoldsSeat),
            }
        }
        Outgoing::Situation(msg) => for_chair(super::situation::recipient_mechanism(ctx, msg).await?),
        Outgoing::Decision(DecisionMsg::AgendaProposed { item_id }) => match agenda::by_id(db, *item_id).await? {
            Some(item) => for_chair(meeting_mechanism(item.meeting_id).await?),
            None => Some(Withheld::Unknown),
        },
        // A vote's question and result: to whoever sits in the mechanism (observers see them,
        // without a ballot, where the mechanism's policy lets them) and to the coordinators.
        Outgoing::Decision(DecisionMsg::VoteQuestion { vote_id } | DecisionMsg::VoteResult { vote_id }) => {
            match votes::by_id(db, *vote_id).await? {
                None => Some(Withheld::Unknown),
                Some(_) if coordinator => None,
                Some(v) => distribution_verdict(ctx, &seats, &[v.mechanism.id]).await?,
            }
        }
        Outgoing::Minutes { minutes_id } => {
            let Some(mn) = minutes::by_id(db, *minutes_id).await? else { return Ok(Some(Withheld::Unknown)) };
            let Some(mech) = meeting_mechanism(mn.meeting_id).await? else { return Ok(Some(Withheld::Unknown)) };
            let verdict = if coordinator { None } else { distribution_verdict(ctx, &seats, &[mech]).await? };
            match verdict {
                None => class_verdict(ctx, Item::Minutes(mn.id), coordinator, &seats, &[mech]).await?,
                refused => refused,
            }
        }
        Outgoing::Document { document_id } => {
            // The library: a regional cluster's documents are the national cluster's members'
            // too, and the other way round.
            let mechs = minutes::document_mechanisms(db, *document_id).await?;
            let mechs = crate::storage::library::with_related(db, &mechs).await?;
            if mechs.is_empty() {
                Some(Withheld::Unknown)
            } else {
                let verdict = if coordinator { None } else { distribution_verdict(ctx, &seats, &mechs).await? };
                match verdict {
                    None => class_verdict(ctx, Item::Document(*document_id), coordinator, &seats, &mechs).await?,
                    refused => refused,
                }
            }
        }
        Outgoing::Reuse(msg) => super::reuse::may_receive(ctx, person_id, coordinator, &seats, msg).await?,
        // Seat-addressed messages were answered above.
        _ => None,
    })
}

/// Minutes and documents: a restricted item reaches only the seats of its organisations
/// (in its mechanisms) and the coordinators.
async fn class_verdict(
    ctx: &Ctx,
    item: Item,
    coordinator: bool,
    seats: &[MembershipView],
    mechs: &[i64],
) -> AppResult<Option<Withheld>> {
    let class = sensitivity::class(&ctx.db, item).await?;
    let orgs: Vec<i64> = seats.iter().filter(|s| mechs.contains(&s.mechanism.id)).map(|s| s.organisation.id).collect();
    Ok((!class_allows(&class, coordinator, &orgs)).then_some(Withheld::Restricted))
}

/// Minutes and documents: an active seat in one of the mechanisms, as a member organisation,
/// as chair, or as an observer where the mechanism lets observers receive them.
async fn distribution_verdict(ctx: &Ctx, seats: &[MembershipView], mechs: &[i64]) -> AppResult<Option<Withheld>> {
    let mut observer_only = false;
    for s in seats.iter().filter(|s| mechs.contains(&s.mechanism.id)) {
        if s.role == Role::Chair || !s.organisation.observer {
            return Ok(None);
        }
        if reference::observers_receive(&ctx.db, s.mechanism.id).await? {
            return Ok(None);
        }
        observer_only = true;
    }
    Ok(Some(if observer_only { Withheld::ObserverExcluded } else { Withheld::NotMember }))
}

/// Checks a delivery at the moment of sending; a refusal is recorded in the audit trail.
/// Returns the reason when the message must not be sent.
pub async fn check_delivery(ctx: &Ctx, job_id: i64, person_id: i64, message: &Outgoing) -> AppResult<Option<Withheld>> {
    let verdict = may_receive(ctx, person_id, message).await?;
    if let Some(why) = verdict {
        let entry = audit::NewEntry {
            actor_id: None,
            subject_id: people::by_id(&ctx.db, person_id).await?.map(|p| p.id),
            mechanism_id: None,
            organisation_id: None,
            detail: Some(format!("{} (job {job_id}): {why}", message_kind(message))),
        };
        audit::record(&ctx.db, AuditAction::DeliveryWithheld, entry, ctx.clock.now()).await?;
    }
    Ok(verdict)
}

/// A short name of what a message is, for the audit trail.
pub fn message_kind(message: &Outgoing) -> String {
    match message {
        Outgoing::Minutes { minutes_id } => format!("minutes #{minutes_id}"),
        Outgoing::Document { document_id } => format!("document #{document_id}"),
        Outgoing::Fourw(FourwMsg::Matrix { mechanism_id, year, month }) => {
            format!("4W matrix {year}-{month:02} of mechanism {mechanism_id}")
        }
        other => {
            let json = serde_json::to_value(other).unwrap_or_default();
            let kind = json.get("msg").and_then(|v| v.as_str()).unwrap_or("message").to_string();
            match other.meeting_id() {
                Some(m) => format!("{kind} of meeting {m}"),
                None => kind,
            }
        }
    }
}
