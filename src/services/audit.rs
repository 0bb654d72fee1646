//! The audit trail, read back: who joined, left, was removed or replaced, which invitations
//! were issued and revoked, who received which minutes, documents and exports.

use super::Ctx;
use super::meetings::Actor;
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::domain::{AppResult, Mechanism};
use crate::storage::audit;
use chrono::{DateTime, Utc};

/// Everything recorded from `since` on, oldest first (coordinators and the command line).
pub async fn since(ctx: &Ctx, actor: Actor<'_>, since: DateTime<Utc>) -> AppResult<Vec<AuditEntry>> {
    super::admin::require_coordinator(actor)?;
    audit::since(&ctx.db, since).await
}

/// Records that an export of the 4W matrix left the bot (a file written or sent).
pub async fn record_export(ctx: &Ctx, actor: Actor<'_>, what: &str, mechanism: Option<&Mechanism>) -> AppResult<()> {
    let actor_id = match actor {
        Actor::CommandLine => None,
        Actor::Person(a) => Some(a.person.id),
    };
    let entry = audit::NewEntry {
        actor_id,
        subject_id: actor_id,
        mechanism_id: mechanism.map(|m| m.id),
        detail: Some(what.to_string()),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::Exported, entry, ctx.clock.now()).await
}

/// Records that a person received an export (e.g. the 4W matrix sent after the deadline).
pub async fn record_export_received(ctx: &Ctx, person_id: i64, mechanism_id: Option<i64>, what: &str) -> AppResult<()> {
    let entry = audit::NewEntry {
        subject_id: Some(person_id),
        mechanism_id,
        detail: Some(what.to_string()),
        ..Default::default()
    };
    audit::record(&ctx.db, AuditAction::Exported, entry, ctx.clock.now()).await
}
