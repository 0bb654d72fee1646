//! Reuse requests: a member asks to use a document or minutes outside the mechanism, giving
//! the purpose and the audience. The source organisation (its focal point or alternate) and a
//! coordinator are each asked; only when both approve is the requester told yes, and a
//! refusal by either ends the request with its reason. Every message goes through the one
//! delivery path and is checked again when sent (`may_receive`).

use super::Ctx;
use super::access::Withheld;
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::sensitivity::{self, ClassRefusal, Party, ReuseMsg, ReuseState};
use crate::domain::{AppError, AppResult, MembershipView, Role};
use crate::storage::reuse::{self as store, Answer, NewRequest, Request};
use crate::storage::sensitivity::Item;
use crate::storage::{jobs, meetings, minutes, people, reference};
use chrono::{DateTime, Utc};

/// What a request is about, as it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemLabel {
    Document { title: String },
    Minutes { mechanism: String, at: DateTime<Utc> },
}

/// A request with what the parties and the lists show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestView {
    pub request: Request,
    pub answers: Vec<Answer>,
    pub item: ItemLabel,
    pub source: String,
    pub requester: String,
}

/// The mechanisms an item belongs to.
pub async fn item_mechanisms(ctx: &Ctx, item: Item) -> AppResult<Vec<i64>> {
    match item {
        Item::Document(id) => minutes::document_mechanisms(&ctx.db, id).await,
        Item::Minutes(id) => {
            let Some(mn) = minutes::by_id(&ctx.db, id).await? else { return Ok(vec![]) };
            Ok(meetings::by_id(&ctx.db, mn.meeting_id).await?.map(|m| vec![m.mechanism.id]).unwrap_or_default())
        }
    }
}

async fn label(ctx: &Ctx, item: Item) -> AppResult<ItemLabel> {
    Ok(match item {
        Item::Document(id) => {
            let doc = crate::storage::library::by_id(&ctx.db, id).await?.ok_or(AppError::NotFound)?;
            ItemLabel::Document { title: doc.title }
        }
        Item::Minutes(id) => {
            let mn = minutes::by_id(&ctx.db, id).await?.ok_or(AppError::NotFound)?;
            let m = meetings::by_id(&ctx.db, mn.meeting_id).await?.ok_or(AppError::NotFound)?;
            ItemLabel::Minutes { mechanism: m.mechanism.code.clone(), at: m.starts_at }
        }
    })
}

/// The item as the person may ask to reuse it: they see it (its mechanism's library) and
/// its class lets them receive it; it has a source organisation.
pub async fn reusable(ctx: &Ctx, access: &Access, item: Item) -> AppResult<(ItemLabel, i64)> {
    let mechs = item_mechanisms(ctx, item).await?;
    if mechs.is_empty() {
        return Err(AppError::NotFound);
    }
    let visible: Vec<i64> = super::library::visible_mechanisms(ctx, access).await?.into_iter().map(|m| m.id).collect();
    if !access.coordinator && !mechs.iter().any(|m| visible.contains(m)) {
        return Err(AppError::NotAllowed);
    }
    super::sensitivity::require_allowed(ctx, access, item, &mechs).await?;
    let source = crate::storage::sensitivity::source(&ctx.db, item).await?.ok_or(ClassRefusal::NoSource)?;
    Ok((label(ctx, item).await?, source))
}

/// The people a party is asked through: the source organisation's focal points and
/// alternates in the item's mechanisms, or every coordinator.
async fn party_people(ctx: &Ctx, request: &Request, party: Party) -> AppResult<Vec<i64>> {
    let mut ids = Vec::new();
    match party {
        Party::Source => {
            for m in item_mechanisms(ctx, request.item).await? {
                for role in [Role::Focal, Role::Alternate] {
                    let holder =
                        crate::storage::memberships::seat_holder(&ctx.db, request.source_organisation_id, m, role)
                            .await?;
                    ids.extend(holder.map(|h| h.person_id));
                }
            }
        }
        Party::Coordinator => ids.extend(people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id)),
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Opens a request and asks both parties, in one transaction. Returns its id.
pub async fn open(ctx: &Ctx, access: &Access, item: Item, purpose: &str, audience: &str) -> AppResult<i64> {
    access.require_member()?;
    let (_, source) = reusable(ctx, access, item).await?;
    let purpose = sensitivity::parse_line(purpose).map_err(line_error)?;
    let audience = sensitivity::parse_line(audience).map_err(line_error)?;
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let new = NewRequest {
        item,
        requester_id: access.person.id,
        source_organisation_id: source,
        purpose: &purpose,
        audience: &audience,
        now,
    };
    let id = store::insert_in(&mut tx, new).await?;
    let request = Request {
        id,
        item,
        requester_id: access.person.id,
        source_organisation_id: source,
        purpose,
        audience,
        state: ReuseState::Pending,
        created_at: now,
    };
    for party in [Party::Source, Party::Coordinator] {
        for person_id in party_people(ctx, &request, party).await? {
            let key = format!("reuse:r{id}:{party}:p{person_id}");
            let message = Outgoing::Reuse(ReuseMsg::Ask { request_id: id, party });
            jobs::enqueue_in(&mut tx, &key, &Job::Deliver { person_id, message }, now, now).await?;
        }
    }
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(id)
}

/// A purpose, audience or reason refused, as the use cases' error.
pub fn line_error(e: sensitivity::LineError) -> AppError {
    match e {
        sensitivity::LineError::PersonalData(kind) => AppError::PersonalData(kind),
        _ => AppError::TextTooLong { max: sensitivity::MAX_REUSE_LINE },
    }
}

/// Whether the person answers for this party now.
fn is_party(request: &Request, party: Party, coordinator: bool, seats: &[MembershipView], mechs: &[i64]) -> bool {
    match party {
        Party::Coordinator => coordinator,
        Party::Source => seats.iter().any(|s| {
            s.organisation.id == request.source_organisation_id
                && mechs.contains(&s.mechanism.id)
                && matches!(s.role, Role::Focal | Role::Alternate)
        }),
    }
}

/// The request, if the person may answer it for the party now (still pending, not yet
/// answered by that party).
pub async fn answerable(ctx: &Ctx, access: &Access, request_id: i64, party: Party) -> AppResult<RequestView> {
    let view = view(ctx, request_id).await?;
    let mechs = item_mechanisms(ctx, view.request.item).await?;
    if !is_party(&view.request, party, access.coordinator, &access.memberships, &mechs) {
        return Err(ClassRefusal::NotParty.into());
    }
    sensitivity::answer(store::summary(&view.answers), party, true).map_err(ClassRefusal::from)?;
    Ok(view)
}

/// Records a party's answer (a refusal with its reason); tells the requester once the
/// request is decided. Returns the request's state.
pub async fn answer(
    ctx: &Ctx,
    access: &Access,
    request_id: i64,
    party: Party,
    approve: bool,
    reason: Option<&str>,
) -> AppResult<ReuseState> {
    let view = answerable(ctx, access, request_id, party).await?;
    let reason = match (approve, reason) {
        (false, Some(r)) => Some(sensitivity::parse_line(r).map_err(line_error)?),
        _ => None,
    };
    let next = sensitivity::answer(store::summary(&view.answers), party, approve).map_err(ClassRefusal::from)?;
    let state = next.state();
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let a = Answer { party, person_id: access.person.id, approved: approve, reason };
    if !store::answer_in(&mut tx, request_id, &a, state, now).await? {
        return Err(ClassRefusal::AlreadyAnswered.into());
    }
    if state != ReuseState::Pending {
        let key = format!("reuse:r{request_id}:decided");
        let message = Outgoing::Reuse(ReuseMsg::Decided { request_id });
        jobs::enqueue_in(&mut tx, &key, &Job::Deliver { person_id: view.request.requester_id, message }, now, now)
            .await?;
    }
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(state)
}

pub async fn view(ctx: &Ctx, request_id: i64) -> AppResult<RequestView> {
    let request = store::by_id(&ctx.db, request_id).await?.ok_or(AppError::NotFound)?;
    let answers = store::answers(&ctx.db, request_id).await?;
    let item = label(ctx, request.item).await?;
    let source = reference::organisation_by_id(&ctx.db, request.source_organisation_id)
        .await?
        .map(|o| o.acronym)
        .unwrap_or_default();
    let requester = people::by_id(&ctx.db, request.requester_id).await?.map(|p| p.display_name).unwrap_or_default();
    Ok(RequestView { request, answers, item, source, requester })
}

/// The requests a person is party to: their own, their organisations' (as source), every
/// request for a coordinator.
pub async fn list_for(ctx: &Ctx, access: &Access) -> AppResult<Vec<RequestView>> {
    access.require_member()?;
    let orgs: Vec<i64> = access
        .memberships
        .iter()
        .filter(|s| matches!(s.role, Role::Focal | Role::Alternate))
        .map(|s| s.organisation.id)
        .collect();
    let mut out = Vec::new();
    for r in store::concerning(&ctx.db, access.person.id, &orgs, access.coordinator).await? {
        out.push(view(ctx, r.id).await?);
    }
    Ok(out)
}

/// Every request (the command line).
pub async fn list_all(ctx: &Ctx) -> AppResult<Vec<RequestView>> {
    let mut out = Vec::new();
    for r in store::all(&ctx.db).await? {
        out.push(view(ctx, r.id).await?);
    }
    Ok(out)
}

/// The send-time check of the reuse messages: a party's question only to whoever is that
/// party now, the outcome only to the requester.
pub async fn may_receive(
    ctx: &Ctx,
    person_id: i64,
    coordinator: bool,
    seats: &[MembershipView],
    msg: &ReuseMsg,
) -> AppResult<Option<Withheld>> {
    let id = match msg {
        ReuseMsg::Ask { request_id, .. } | ReuseMsg::Decided { request_id } => *request_id,
    };
    let Some(request) = store::by_id(&ctx.db, id).await? else { return Ok(Some(Withheld::Unknown)) };
    Ok(match msg {
        ReuseMsg::Ask { party, .. } => {
            let mechs = item_mechanisms(ctx, request.item).await?;
            (!is_party(&request, *party, coordinator, seats, &mechs)).then_some(Withheld::NotParty)
        }
        ReuseMsg::Decided { .. } => (request.requester_id != person_id).then_some(Withheld::NotParty),
    })
}
