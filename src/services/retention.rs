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
    /// Dialogues untouched this long are deleted, and so are people who never held a seat
    /// and have not written for this long.
    pub dialogues: Duration,
    pub finished_jobs: Duration,
    /// The audit trail and the receipts (who received which minutes) older than this.
    pub records: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Self { dialogues: Duration::days(30), finished_jobs: Duration::days(90), records: Duration::days(730) }
    }
}

/// What a purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub dialogues: u64,
    pub jobs: u64,
    /// People who only ever wrote to the bot (no seat, not a coordinator), silent too long.
    pub strangers: u64,
    /// Audit lines and receipts older than the records' retention.
    pub records: u64,
}

/// Deletes dialogues untouched and jobs finished longer ago than the retention periods.
pub async fn purge(ctx: &Ctx) -> AppResult<Purged> {
    let now = ctx.clock.now();
    let purged = Purged {
        dialogues: dialogues::purge_older_than(&ctx.db, now - ctx.retention.dialogues).await?,
        jobs: jobs::purge_finished(&ctx.db, now - ctx.retention.finished_jobs).await?,
        strangers: people::purge_strangers(&ctx.db, now - ctx.retention.dialogues, now).await?,
        records: audit::purge_older_than(&ctx.db, now - ctx.retention.records).await?
            + crate::storage::minutes::purge_receipts_older_than(&ctx.db, now - ctx.retention.records).await?,
    };
    if purged != Purged::default() {
        let entry = audit::NewEntry {
            detail: Some(format!(
                "{} dialogue(s), {} finished job(s), {} person(s) without a seat, {} old record(s)",
                purged.dialogues, purged.jobs, purged.strangers, purged.records
            )),
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
    /// The pending invitations they had issued, now revoked.
    pub revoked: Vec<crate::domain::PendingInvitation>,
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
    // With their seats and roles gone, the invitations they issued are no longer theirs to give.
    let revoked = super::membership::revoke_beyond_rights(ctx, person.id, by).await?;
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
    Ok(Erased { person, seats_ended, deliveries_cancelled, revoked })
}

/// A person asks the bot to forget them (`/forget`): their seats end (the chairs of each
/// mechanism and every coordinator are told that "a former member" of the organisation
/// left), their pending messages are cancelled, their dialogue and calendar feed go, and
/// their name and Telegram id are replaced: receipts, answers and the audit trail keep only
/// "a former member" and the organisation. The last coordinator cannot be forgotten.
pub async fn forget_me(ctx: &Ctx, person: &Person) -> AppResult<Erased> {
    let now = ctx.clock.now();
    if people::is_coordinator(&ctx.db, person.id).await? && !people::remove_coordinator(&ctx.db, person.id).await? {
        return Err(AppError::LastCoordinator);
    }
    let seats = memberships::active_for_person(&ctx.db, person.id).await?;
    let mut seats_ended = 0;
    let mut organisations = Vec::new();
    for m in &seats {
        seats_ended += usize::from(memberships::end(&ctx.db, m.id, "erased", Some(person.id), now).await?);
        organisations.push(format!("{} {}", m.organisation.acronym, m.mechanism.code));
    }
    let revoked = super::membership::revoke_beyond_rights(ctx, person.id, Some(person.id)).await?;
    let deliveries_cancelled = jobs::cancel_deliveries_to(&ctx.db, person.id, now).await?;
    // The name goes before anyone is told: a message rendered at once (the scheduler may be
    // awake already) must say "a former member". Told after the cancellation above, which
    // would take these too.
    people::erase(&ctx.db, person.id, now).await?;
    let coordinators: Vec<i64> = people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id).collect();
    for m in &seats {
        super::seats::announce(ctx, m, "erased").await?;
        for c in coordinators.iter().copied().filter(|c| *c != person.id) {
            let msg = crate::domain::jobs::Outgoing::MemberChanged {
                mechanism_id: m.mechanism.id,
                person_id: person.id,
                organisation_id: m.organisation.id,
                role: m.role,
                change: "erased".into(),
            };
            super::outbox::deliver(ctx, format!("seat{}:erased:to{c}", m.id), c, msg).await?;
        }
    }
    let entry = audit::NewEntry {
        actor_id: Some(person.id),
        subject_id: Some(person.id),
        detail: Some(format!("asked by the person; {seats_ended} seat(s) ended: {}", organisations.join(", "))),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::Erased, entry, now).await?;
    ctx.wake.notify_one();
    let person = people::by_id(&ctx.db, person.id).await?.ok_or(AppError::NotFound)?;
    Ok(Erased { person, seats_ended, deliveries_cancelled, revoked })
}
