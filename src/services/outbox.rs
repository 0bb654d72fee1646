//! What every use case that sends something needs: who receives what is meant for the chair,
//! and queueing one message to one person. Below the other services; imports none of them.

use super::Ctx;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::{AppResult, Person, Role};
use crate::storage::{jobs, memberships, people};

/// Who receives what is meant for the chair: the mechanism's chairs, or the coordinators
/// when it has none.
pub async fn chair_recipients(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<i64>> {
    let chairs: Vec<i64> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Chair)
        .map(|m| m.person_id)
        .collect();
    if !chairs.is_empty() {
        return Ok(dedup(chairs));
    }
    Ok(people::coordinators(&ctx.db).await?.into_iter().map(|p: Person| p.id).collect())
}

pub fn dedup(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Refuses with [`crate::domain::AppError::RateLimited`] when the jobs whose key starts with `prefix`,
/// queued within the limit's window, have reached it; else how many there are.
pub async fn within(ctx: &Ctx, prefix: &str, limit: crate::domain::rate::RateLimit) -> AppResult<i64> {
    let now = ctx.clock.now();
    let since = now - limit.window;
    let recent = jobs::count_by_key_prefix_since(&ctx.db, prefix, since).await?;
    if recent < limit.max {
        return Ok(recent);
    }
    let oldest = jobs::oldest_by_key_prefix_since(&ctx.db, prefix, since).await?;
    match limit.wait(now, recent, oldest) {
        None => Ok(recent),
        Some(wait) => Err(crate::domain::AppError::RateLimited { wait_secs: wait.num_seconds().max(1) }),
    }
}

/// Queues one message to one person, now (once per idempotency key).
pub async fn deliver(ctx: &Ctx, key: String, person_id: i64, message: Outgoing) -> AppResult<bool> {
    let now = ctx.clock.now();
    jobs::enqueue(&ctx.db, &key, &Job::Deliver { person_id, message }, now, now).await
}
