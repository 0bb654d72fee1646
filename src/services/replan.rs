//! At start, the scheduler queues again what a consistent database implies but lacks: the
//! jobs of open votes (above all their closing) and of meetings to come or whose minutes are
//! still awaited. Every change writes its rows and its jobs in one transaction, so nothing
//! should be missing; this covers a database written by an older version, or restored from a
//! backup taken between two steps. Planning is idempotent (one job per key): on a consistent
//! database it adds nothing.

use super::Ctx;
use crate::domain::AppResult;
use crate::domain::minutes::minutes_deadline;
use crate::storage::{meetings, minutes, votes};
use chrono::Duration;

/// How far back a meeting may have started and still await its minutes (72 h after its end,
/// for a meeting of at most a day).
const MINUTES_LOOKBACK_DAYS: i64 = 4;

/// What was missing and has been queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replanned {
    /// Jobs queued for votes not yet closed.
    pub vote_jobs: usize,
    /// Jobs queued for meetings.
    pub meeting_jobs: u64,
}

pub async fn at_start(ctx: &Ctx) -> AppResult<Replanned> {
    let now = ctx.clock.now();
    let mut out = Replanned::default();
    for v in votes::unclosed(&ctx.db).await? {
        let mut tx = ctx.db.begin().await?;
        // The question is asked again only while its job cannot have been purged since.
        let opens_at = v.opens_at;
        let queued = if now - opens_at < ctx.retention.finished_jobs {
            super::votes::plan_jobs(&mut tx, v.id, opens_at, v.alternate_from, v.closes_at, now).await?
        } else {
            super::votes::plan_closing(&mut tx, v.id, v.closes_at, now).await?
        };
        tx.commit().await?;
        out.vote_jobs += queued;
    }
    let from = now - Duration::days(MINUTES_LOOKBACK_DAYS);
    for m in meetings::between(&ctx.db, None, from, now + Duration::days(3650), false).await? {
        if m.starts_at <= now && minutes_deadline(m.ends_at()) < now {
            continue;
        }
        let shared = m.starts_at <= now && minutes::for_meeting(&ctx.db, m.id).await?.is_some();
        let mut tx = ctx.db.begin().await?;
        let before: i64 = crate::storage::jobs::last_id_in(&mut tx).await?;
        super::meetings::replan_jobs(ctx, &mut tx, &m, shared).await?;
        out.meeting_jobs += crate::storage::jobs::last_id_in(&mut tx).await?.saturating_sub(before).unsigned_abs();
        tx.commit().await?;
    }
    Ok(out)
}
