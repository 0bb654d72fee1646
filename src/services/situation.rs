//! Situation items: posted by a member organisation of a regional cluster (its seat checked),
//! validated or refused by the regional chair (or a coordinator), then sent to the national
//! cluster's chairs, put on the national cluster's next agenda and counted in the digest —
//! marked "not verified" when so, the organisation named only when it allowed it.

use super::Ctx;
use super::outbox::{chair_recipients, deliver};
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::situation::{ItemState, SharedItem, SituationJob, SituationMsg, TextError, Theme, check_text};
use crate::domain::{AppError, AppResult, Mechanism, Meeting, Organisation};
use crate::storage::situation::{self as store, Item, NewItem};
use crate::storage::{jobs, reference};
use chrono::{DateTime, Utc};

/// The national cluster, where validated items go.
pub const NATIONAL: &str = "CPN";

/// The regional clusters where the person holds a seat, with the organisation of that seat.
pub async fn regional_seats(ctx: &Ctx, access: &Access) -> AppResult<Vec<(Mechanism, Organisation)>> {
    let mut out: Vec<(Mechanism, Organisation)> = Vec::new();
    for seat in &access.memberships {
        if seat.mechanism.code.starts_with("CR-")
            && store::is_regional(&ctx.db, seat.mechanism.id).await?
            && !out.iter().any(|(m, _)| m.id == seat.mechanism.id)
        {
            out.push((seat.mechanism.clone(), seat.organisation.clone()));
        }
    }
    Ok(out)
}

/// The cercles offered as buttons for a regional cluster: (P-code, name).
pub async fn cercles(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<(String, String)>> {
    store::cercles(&ctx.db, mechanism_id).await
}

/// Whether a P-code (cercle or commune) lies in the regional cluster's regions.
pub async fn place_ok(ctx: &Ctx, mechanism_id: i64, pcode: &str) -> AppResult<bool> {
    store::place_in(&ctx.db, mechanism_id, pcode).await
}

/// An item ready to be posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub mechanism_id: i64,
    pub pcode: String,
    pub theme: Theme,
    pub text: String,
    pub verified: bool,
    pub source_nameable: bool,
}

/// Why an item is not posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No seat in a regional cluster (or not in this one).
    NotRegional,
    /// The place is not a cercle or commune of the regional cluster's regions.
    Place,
    Text(TextError),
}

/// Posts an item: the row and the job that sends it to the regional chairs, together.
pub async fn post(ctx: &Ctx, access: &Access, draft: &Draft) -> AppResult<Result<i64, Refusal>> {
    let seats = regional_seats(ctx, access).await?;
    let Some((_, org)) = seats.iter().find(|(m, _)| m.id == draft.mechanism_id) else {
        return Ok(Err(Refusal::NotRegional));
    };
    if !place_ok(ctx, draft.mechanism_id, &draft.pcode).await? {
        return Ok(Err(Refusal::Place));
    }
    let text = match check_text(&draft.text) {
        Ok(t) => t,
        Err(e) => return Ok(Err(Refusal::Text(e))),
    };
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let id = store::insert_in(
        &mut tx,
        NewItem {
            mechanism_id: draft.mechanism_id,
            pcode: &draft.pcode,
            theme: draft.theme,
            text: &text,
            verified: draft.verified,
            source_nameable: draft.source_nameable,
            organisation_id: org.id,
            posted_by: access.person.id,
            now,
        },
    )
    .await?;
    let job = Job::Situation(SituationJob::Posted { item_id: id });
    jobs::enqueue_in(&mut tx, &format!("situation{id}:posted"), &job, now, now).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Ok(id))
}

/// Why a decision is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecideRefusal {
    AlreadyDecided,
}

/// The regional chair (or a coordinator) validates or refuses a pending item; a validated
/// item's job to the national cluster is queued in the same transaction.
pub async fn decide(
    ctx: &Ctx,
    access: &Access,
    item_id: i64,
    validate: bool,
) -> AppResult<Result<Item, DecideRefusal>> {
    let item = store::by_id(&ctx.db, item_id).await?.ok_or(AppError::NotFound)?;
    if !(access.coordinator || access.chairs(item.mechanism_id)) {
        return Err(AppError::NotAllowed);
    }
    let now = ctx.clock.now();
    let state = if validate { ItemState::Validated } else { ItemState::Refused };
    let mut tx = ctx.db.begin().await?;
    if !store::decide_in(&mut tx, item_id, state, access.person.id, now).await? {
        return Ok(Err(DecideRefusal::AlreadyDecided));
    }
    if validate {
        let job = Job::Situation(SituationJob::Validated { item_id });
        jobs::enqueue_in(&mut tx, &format!("situation{item_id}:validated"), &job, now, now).await?;
    }
    if let Some(person_id) = item.posted_by {
        let told = Job::Deliver { person_id, message: Outgoing::Situation(SituationMsg::Decided { item_id }) };
        jobs::enqueue_in(&mut tx, &format!("situation{item_id}:decided:p{person_id}"), &told, now, now).await?;
    }
    let item = store::by_id_in(&mut tx, item_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Ok(item))
}

pub async fn get(ctx: &Ctx, item_id: i64) -> AppResult<Item> {
    store::by_id(&ctx.db, item_id).await?.ok_or(AppError::NotFound)
}

/// An item as the national cluster sees it: the organisation only when it may be named.
pub fn shared(item: &Item) -> SharedItem {
    SharedItem {
        id: item.id,
        mechanism: item.mechanism.clone(),
        pcode: item.pcode.clone(),
        place: item.place.clone(),
        theme: item.theme,
        text: item.text.clone(),
        verified: item.verified,
        source: item.source_nameable.then(|| item.organisation.clone()),
    }
}

/// The fan-outs: a posted item to the regional chairs, a validated one to the national chairs.
pub async fn fan_out(ctx: &Ctx, job: &SituationJob) -> AppResult<Result<usize, String>> {
    let (item_id, to_national) = match job {
        SituationJob::Posted { item_id } => (*item_id, false),
        SituationJob::Validated { item_id } => (*item_id, true),
    };
    let Some(item) = store::by_id(&ctx.db, item_id).await? else { return Ok(Err("item gone".into())) };
    let (mechanism_id, msg, name) = if to_national {
        let Some(cpn) = reference::mechanism_by_code(&ctx.db, NATIONAL).await? else {
            return Ok(Err("no national cluster".into()));
        };
        (cpn.id, SituationMsg::ToNational { item_id }, "national")
    } else {
        (item.mechanism_id, SituationMsg::ToValidate { item_id }, "validate")
    };
    let mut queued = 0;
    for person_id in chair_recipients(ctx, mechanism_id).await? {
        let key = format!("situation{item_id}:{name}:p{person_id}");
        queued += usize::from(deliver(ctx, key, person_id, Outgoing::Situation(msg.clone())).await?);
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// Who posted an item, and in which regional cluster (to tell them of the decision only while
/// they still sit there).
pub async fn poster(ctx: &Ctx, item_id: i64) -> AppResult<Option<(Option<i64>, i64)>> {
    Ok(store::by_id(&ctx.db, item_id).await?.map(|i| (i.posted_by, i.mechanism_id)))
}

/// The mechanism a message is meant for the chair of (checked again at sending).
pub async fn recipient_mechanism(ctx: &Ctx, msg: &SituationMsg) -> AppResult<Option<i64>> {
    Ok(match msg {
        SituationMsg::Decided { .. } => None,
        SituationMsg::ToValidate { item_id } => store::by_id(&ctx.db, *item_id).await?.map(|i| i.mechanism_id),
        SituationMsg::ToNational { item_id } => match store::by_id(&ctx.db, *item_id).await? {
            Some(_) => reference::mechanism_by_code(&ctx.db, NATIONAL).await?.map(|m| m.id),
            None => None,
        },
    })
}

/// The agenda lines of a national cluster meeting (none for another mechanism's): the items
/// validated after the previous meeting's invitations went out (or it began) and before this
/// one's go out (or it begins) — each item is on one agenda, the next after its validation.
pub async fn agenda_lines(ctx: &Ctx, m: &Meeting) -> AppResult<Vec<String>> {
    if m.mechanism.code != NATIONAL {
        return Ok(Vec::new());
    }
    let from = store::previous_agenda_closed(&ctx.db, m.mechanism.id, m.starts_at).await?.unwrap_or_default();
    let to = m.invitations_sent_at.unwrap_or(m.starts_at);
    Ok(store::validated_between(&ctx.db, from, to).await?.iter().map(|i| shared(i).agenda_line()).collect())
}

/// The items validated within `[from, to)`, as the national cluster sees them (the digest).
pub async fn validated_between(ctx: &Ctx, from: DateTime<Utc>, to: DateTime<Utc>) -> AppResult<Vec<SharedItem>> {
    Ok(store::validated_between(&ctx.db, from, to).await?.iter().map(shared).collect())
}

/// The name of a place by its P-code.
pub async fn place_name(ctx: &Ctx, pcode: &str) -> AppResult<Option<String>> {
    store::place_name(&ctx.db, pcode).await
}
