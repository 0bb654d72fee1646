//! Approval and lock: a chair approves a submission (its focal point and alternate are told),
//! and coordinators lock a month (after which nothing is submitted, returned or approved in it
//! until a coordinator unlocks it). Above `reports` (the chairs are told of corrections there).

use super::Ctx;
use super::people::Access;
use super::reports::{may_review, reporters};
use crate::domain::fourw::ReportingMonth;
use crate::domain::jobs::{FourwMsg, Outgoing};
use crate::domain::{AppError, AppResult};
use crate::storage::approval::{self as store, Via};

async fn deliver(ctx: &Ctx, key: String, person_id: i64, msg: FourwMsg) -> AppResult<bool> {
    super::outbox::deliver(ctx, key, person_id, Outgoing::Fourw(msg)).await
}

/// The chair of the submission's mechanism (or a coordinator) approves it. Refused while lines
/// are returned, in a locked month, or when already approved (`NotFound`).
pub async fn approve(ctx: &Ctx, access: &Access, submission_id: i64) -> AppResult<()> {
    let (org, mechanism, month, approved) =
        store::submission_key(&ctx.db, submission_id).await?.ok_or(AppError::NotFound)?;
    if !may_review(access, Some(mechanism)) {
        return Err(AppError::NotAllowed);
    }
    let month = ReportingMonth::parse(&month).map_err(AppError::internal)?;
    if store::is_locked(&ctx.db, month).await? {
        return Err(AppError::MonthLocked { month: month.to_string() });
    }
    if approved.is_some() {
        return Err(AppError::NotFound);
    }
    if store::has_returned_lines(&ctx.db, submission_id).await? {
        return Err(AppError::ReturnedLinesPending);
    }
    if !store::approve(&ctx.db, submission_id, access.person.id, ctx.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let people = reporters(ctx, mechanism)
        .await?
        .into_iter()
        .find(|(o, _)| o.id == org)
        .map(|(_, people)| people)
        .unwrap_or_default();
    let stamp = ctx.clock.now().timestamp();
    let mut queued = false;
    for person in people {
        let key = format!("fw:approved:s{submission_id}:p{person}:t{stamp}");
        queued |= deliver(ctx, key, person, FourwMsg::Approved { submission_id }).await?;
    }
    if queued {
        ctx.wake.notify_one();
    }
    Ok(())
}

/// Who locks or unlocks.
pub enum Locker<'a> {
    Person(&'a Access),
    CommandLine,
}

/// Locks (or unlocks) a month: coordinators only, or the command line. Returns false when it
/// already was so; every change is recorded.
pub async fn set_lock(ctx: &Ctx, who: Locker<'_>, month: ReportingMonth, lock: bool) -> AppResult<bool> {
    let (person, via) = match who {
        Locker::Person(access) if access.coordinator => (Some(access.person.id), Via::Chat),
        Locker::Person(_) => return Err(AppError::NotAllowed),
        Locker::CommandLine => (None, Via::CommandLine),
    };
    store::set_lock(&ctx.db, month, lock, person, via, ctx.clock.now()).await
}

pub async fn is_locked(ctx: &Ctx, month: ReportingMonth) -> AppResult<bool> {
    store::is_locked(&ctx.db, month).await
}
