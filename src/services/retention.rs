//! What is not kept: a person's identity on request (erasure), old dialogues and old
//! finished jobs (purged on a schedule).

use super::Ctx;
use super::meetings::Actor;
use crate::domain::audit::AuditAction;
use crate::domain::{AppError, AppResult, Person};
use crate::storage::{audit, dialogues, jobs, memberships, people};
use chrono::Duration;

/// How long dialogues and finished jobs are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub dialogues: Duration,
    pub finished_jobs: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Self { dialogues: Duration::days(30), finished_jobs: Duration::days(90) }
    }
}

/// What a purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub dialogues: u64,
    pub jobs: u64,
}

/// Deletes dialogues untouched and jobs finished longer ago than the retention periods.
pub async fn purge(ctx: &Ctx) -> AppResult<Purged> {
    let now = ctx.clock.now();
    let purged = Purged {
        dialogues: dialogues::purge_older_than(&ctx.db, now - ctx.retention.dialogues).await?,
        jobs: jobs::purge_finished(&ctx.db, now - ctx.retention.finished_jobs).await?,
    };
    if purged != Purged::default() {
        let entry = audit::NewEntry {
            detail: Some(format!("{} dialogue(s), {} finished job(s)", purged.dialogues, purged.jobs)),
            ..Default::default()
        };
        audit::record(&ctx.db, AuditAction::Purged, entry, now).await?;
    }
    Ok(purged)
}

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    /// The person's row as it is now (anonymous).
    pub person: Person,
    pub seats_ended: usize,
    pub deliveries_cancelled: u64,
}

/// Erases a person (coordinators, the command line): their seats end, their pending
/// deliveries are cancelled, their name and Telegram id are replaced, their dialogue goes.
/// What the cluster counts (answers, attendance, receipts, 4W lines) stays, anonymous.
/// The last coordinator cannot be erased.
pub async fn erase_person(ctx: &Ctx, actor: Actor<'_>, telegram_id: i64) -> AppResult<Erased> {
    let by = super::admin::require_coordinator(actor)?;
    let person = people::by_telegram_id(&ctx.db, telegram_id).await?.ok_or(AppError::UnknownPerson(telegram_id))?;
    let now = ctx.clock.now();
    if people::is_coordinator(&ctx.db, person.id).await? && !people::remove_coordinator(&ctx.db, person.id).await? {
        return Err(AppError::NotFound);
    }
    let mut seats_ended = 0;
    for m in memberships::active_for_person(&ctx.db, person.id).await? {
        seats_ended += usize::from(memberships::end(&ctx.db, m.id, "erased", by, now).await?);
    }
    let deliveries_cancelled = jobs::cancel_deliveries_to(&ctx.db, person.id, now).await?;
    people::erase(&ctx.db, person.id, now).await?;
    let entry = audit::NewEntry {
        actor_id: by,
        subject_id: Some(person.id),
        detail: Some(format!("{seats_ended} seat(s) ended")),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::Erased, entry, now).await?;
    let person = people::by_id(&ctx.db, person.id).await?.ok_or(AppError::NotFound)?;
    Ok(Erased { person, seats_ended, deliveries_cancelled })
}
