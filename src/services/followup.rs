//! The follow-up a meeting carries on its agenda: the open action points of its mechanism set
//! at earlier meetings (late ones marked) and the recorded decisions due for review by its
//! day; each with what earlier meetings marked for it. What the chair marks at the minutes
//! is written with them (`register::record_in`).

use super::Ctx;
use crate::domain::memory::{FollowUpItem, FollowUpRef, Outcome};
use crate::domain::{AppResult, Meeting};
use crate::storage::{from_ts_pub, memory};
use chrono::NaiveDate;

/// The follow-up of a meeting, action points first (by due date), then decisions.
pub async fn for_meeting(ctx: &Ctx, m: &Meeting) -> AppResult<Vec<FollowUpItem>> {
    let day = m.starts_at.with_timezone(&ctx.tz).date_naive();
    let mut out = Vec::new();
    for a in memory::open_actions_before(&ctx.db, m.mechanism.id, m.starts_at).await? {
        let due = NaiveDate::parse_from_str(&a.due_date, "%Y-%m-%d").ok();
        let item = FollowUpRef::Action(a.id);
        out.push(FollowUpItem {
            item,
            what: a.what,
            organisation: Some(a.acronym),
            date: due,
            late: due.is_some_and(|d| d < day),
            from_meeting: from_ts_pub(a.starts_at),
            history: memory::history(&ctx.db, item).await?,
        });
    }
    for d in memory::decisions_due(&ctx.db, m.mechanism.id, m.starts_at, day).await? {
        let item = FollowUpRef::Decision(d.id);
        out.push(FollowUpItem {
            item,
            what: d.what,
            organisation: d.organisation,
            date: d.review_date,
            late: false,
            from_meeting: d.meeting_starts_at,
            history: memory::history(&ctx.db, item).await?,
        });
    }
    Ok(out)
}

/// Keeps the marks whose point is still on the meeting's follow-up (a button pressed twice,
/// forged, or a point settled meanwhile from /actions is left out).
pub async fn valid_marks(
    ctx: &Ctx,
    m: &Meeting,
    marks: &[(FollowUpRef, Option<Outcome>)],
) -> AppResult<Vec<(FollowUpRef, Outcome)>> {
    let current: Vec<FollowUpRef> = for_meeting(ctx, m).await?.into_iter().map(|i| i.item).collect();
    let mut out: Vec<(FollowUpRef, Outcome)> = Vec::new();
    for (item, outcome) in marks {
        if let Some(o) = outcome
            && current.contains(item)
            && !out.iter().any(|(i, _)| i == item)
        {
            out.push((*item, *o));
        }
    }
    Ok(out)
}

/// What meetings marked for an action point, for the follow-up plan.
pub async fn action_history(ctx: &Ctx, action_id: i64) -> AppResult<Vec<(chrono::DateTime<chrono::Utc>, Outcome)>> {
    memory::history(&ctx.db, FollowUpRef::Action(action_id)).await
}
