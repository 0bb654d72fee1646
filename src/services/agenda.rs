//! Agenda items: members propose from the meeting's creation until its invitation goes out;
//! the chair accepts or declines each; accepted items are in the invitation's agenda. The
//! chair can also add an item at once (from a who-does-what-where gap or duplication).

use super::Ctx;
use super::meetings::{Actor, get, managed};
use super::outbox::chair_recipients;
use super::people::Access;
use crate::domain::agenda::{self, AgendaItem, AgendaRefusal, ItemSource, ItemStatus};
use crate::domain::jobs::{DecisionMsg, Job, Outgoing};
use crate::domain::{AppError, AppResult, Meeting};
use crate::storage::{agenda as store, jobs};

fn open_for_items(ctx: &Ctx, m: &Meeting) -> AppResult<Result<(), AgendaRefusal>> {
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    if m.starts_at <= ctx.clock.now() {
        return Err(AppError::AnswersClosed);
    }
    Ok(if m.invitations_sent_at.is_some() { Err(AgendaRefusal::InvitationSent) } else { Ok(()) })
}

async fn deliver(ctx: &Ctx, key: String, person_id: i64, msg: DecisionMsg) -> AppResult<bool> {
    let now = ctx.clock.now();
    jobs::enqueue(&ctx.db, &key, &Job::Deliver { person_id, message: Outgoing::Decision(msg) }, now, now).await
}

/// A member (focal point or alternate of the meeting's mechanism) proposes one line for the
/// agenda; the chair is told, with accept / decline.
pub async fn propose(
    ctx: &Ctx,
    access: &Access,
    meeting_id: i64,
    text: &str,
) -> AppResult<Result<AgendaItem, AgendaRefusal>> {
    let m = get(ctx, meeting_id).await?;
    let seat = access
        .memberships
        .iter()
        .filter(|ms| ms.mechanism.id == m.mechanism.id && ms.role.is_single_seat())
        .min_by_key(|ms| ms.organisation.observer)
        .ok_or(AppError::NotInvited)?;
    if let Err(r) = open_for_items(ctx, &m)? {
        return Ok(Err(r));
    }
    let text = match agenda::parse_item(text) {
        Ok(t) => t,
        Err(r) => return Ok(Err(r)),
    };
    let now = ctx.clock.now();
    let new = store::NewItem {
        meeting_id: m.id,
        organisation_id: Some(seat.organisation.id),
        proposed_by: Some(access.person.id),
        text: &text,
        source: ItemSource::Member,
        status: ItemStatus::Proposed,
        now,
    };
    let Some(id) = store::insert(&ctx.db, new).await? else {
        return Ok(Err(AgendaRefusal::Duplicate));
    };
    for chair in chair_recipients(ctx, m.mechanism.id).await? {
        deliver(ctx, format!("agenda{id}:proposed:p{chair}"), chair, DecisionMsg::AgendaProposed { item_id: id })
            .await?;
    }
    ctx.wake.notify_one();
    Ok(Ok(item(ctx, id).await?))
}

pub async fn item(ctx: &Ctx, item_id: i64) -> AppResult<AgendaItem> {
    store::by_id(&ctx.db, item_id).await?.ok_or(AppError::NotFound)
}

/// The chair accepts or declines a proposed item (until the invitation goes out); the member
/// who proposed it is told.
pub async fn decide(
    ctx: &Ctx,
    actor: Actor<'_>,
    item_id: i64,
    accept: bool,
) -> AppResult<Result<AgendaItem, AgendaRefusal>> {
    let it = item(ctx, item_id).await?;
    let m = managed(ctx, actor, it.meeting_id).await?;
    if it.status != ItemStatus::Proposed {
        return Ok(Err(AgendaRefusal::AlreadyDecided));
    }
    if let Err(r) = open_for_items(ctx, &m)? {
        return Ok(Err(r));
    }
    let status = if accept { ItemStatus::Accepted } else { ItemStatus::Declined };
    if !store::decide(&ctx.db, it.id, status, actor.person_id(), ctx.clock.now()).await? {
        return Ok(Err(AgendaRefusal::AlreadyDecided));
    }
    if let Some(proposer) = it.proposed_by {
        deliver(ctx, format!("agenda{}:decided", it.id), proposer, DecisionMsg::AgendaDecided { item_id: it.id })
            .await?;
        ctx.wake.notify_one();
    }
    Ok(Ok(item(ctx, item_id).await?))
}

/// The chair adds an item directly (accepted), e.g. a gap found by who-does-what-where; the
/// text is composed by the caller in the chair's language.
pub async fn add_by_chair(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    text: &str,
    source: ItemSource,
) -> AppResult<Result<AgendaItem, AgendaRefusal>> {
    let m = managed(ctx, actor, meeting_id).await?;
    if let Err(r) = open_for_items(ctx, &m)? {
        return Ok(Err(r));
    }
    let text = match agenda::parse_item(text) {
        Ok(t) => t,
        Err(r) => return Ok(Err(r)),
    };
    let new = store::NewItem {
        meeting_id: m.id,
        organisation_id: None,
        proposed_by: actor.person_id(),
        text: &text,
        source,
        status: ItemStatus::Accepted,
        now: ctx.clock.now(),
    };
    match store::insert(&ctx.db, new).await? {
        Some(id) => Ok(Ok(item(ctx, id).await?)),
        None => Ok(Err(AgendaRefusal::Duplicate)),
    }
}

/// The next meeting of a mechanism still open for agenda items (its invitation not yet out).
pub async fn next_open_meeting(ctx: &Ctx, mechanism_id: i64) -> AppResult<Option<Meeting>> {
    let now = ctx.clock.now();
    let upcoming = super::meetings::list(ctx, Some(mechanism_id), now).await?;
    Ok(upcoming.into_iter().find(|m| !m.cancelled && m.invitations_sent_at.is_none()))
}

/// Every item of a meeting (proposed, accepted, declined), in the order proposed.
pub async fn items(ctx: &Ctx, meeting_id: i64) -> AppResult<Vec<AgendaItem>> {
    store::of_meeting(&ctx.db, meeting_id).await
}

/// The agenda the invitation and the calendar file carry: the chair's agenda, then the
/// accepted items.
pub async fn full_agenda(ctx: &Ctx, m: &Meeting) -> AppResult<Option<String>> {
    let accepted = store::of_meeting(&ctx.db, m.id).await?;
    let situation = super::situation::agenda_lines(ctx, m).await?;
    Ok(agenda::full_agenda(m.agenda.as_deref(), &accepted).into_iter().chain(situation).reduce(|a, b| a + "\n" + &b))
}

/// The open displacement alerts a meeting's agenda carries (the CMP's meetings only), shown
/// under their own translated header by the invitation.
pub async fn open_alerts(ctx: &Ctx, m: &Meeting) -> AppResult<Vec<crate::storage::alerts::Alert>> {
    super::alerts::open_for_agenda(ctx, &m.mechanism).await
}
