//! Monthly series that never run out: as each occurrence starts, the series is topped up so
//! that the next six stay scheduled, until the chair stops it. Stopping keeps the meetings
//! already scheduled (their invitations may be out); the chair cancels those one by one.

use super::Ctx;
use super::meetings::{Actor, new_uid, plan_series_extensions, schedule_jobs};
use crate::domain::meeting::SERIES_OCCURRENCES;
use crate::domain::{AppError, AppResult};
use crate::storage::series::Series;
use crate::storage::{jobs, meetings, series};

pub async fn get_series(ctx: &Ctx, series_id: i64) -> AppResult<Series> {
    series::by_id(&ctx.db, series_id).await?.ok_or(AppError::NotFound)
}

/// Creates the occurrences missing for the series to have `SERIES_OCCURRENCES` ahead, each
/// like the series' first meeting, with its invitations, reminders and own top-up planned.
/// `Err(reason)` inside `Ok` when the series is stopped.
pub async fn extend(ctx: &Ctx, series_id: i64) -> AppResult<Result<usize, String>> {
    // Read and written in one write transaction: two top-ups at once cannot both add.
    let mut tx = ctx.db.begin().await?;
    let s = series::by_id_in(&mut tx, series_id).await?.ok_or(AppError::NotFound)?;
    if s.stopped_at.is_some() {
        return Ok(Err("series stopped".into()));
    }
    let all = series::meetings_in(&mut tx, s.id).await?;
    let (Some((first_id, _)), Some((_, last_start))) = (all.first().copied(), all.last().copied()) else {
        return Ok(Err("series without meetings".into()));
    };
    let now = ctx.clock.now();
    let ahead = all.iter().filter(|(_, at)| *at > now).count() as u32;
    let missing = SERIES_OCCURRENCES.saturating_sub(ahead);
    if missing == 0 {
        return Ok(Ok(0));
    }
    let template = meetings::by_id_in(&mut tx, first_id).await?.ok_or(AppError::MeetingNotFound(first_id))?;
    let mut created = Vec::new();
    for starts_at in s.rule.occurrences(ctx.tz, last_start.max(now), missing) {
        let id = meetings::insert_in(
            &mut tx,
            meetings::NewMeeting {
                uid: &new_uid(),
                mechanism_id: s.mechanism_id,
                series_id: Some(s.id),
                starts_at,
                duration_minutes: template.duration_minutes,
                place: template.place.as_deref(),
                agenda: template.agenda.as_deref(),
                kind: template.kind,
                created_by: None,
                created_at: now,
            },
        )
        .await?;
        let m = meetings::by_id_in(&mut tx, id).await?.ok_or(AppError::MeetingNotFound(id))?;
        schedule_jobs(ctx, &mut tx, &m, true).await?;
        created.push(m);
    }
    plan_series_extensions(ctx, &mut tx, &created).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Ok(created.len()))
}

/// The chair (or a coordinator) stops a series: no new occurrences. Returns false when it
/// was already stopped.
pub async fn stop(ctx: &Ctx, actor: Actor<'_>, series_id: i64) -> AppResult<bool> {
    let s = get_series(ctx, series_id).await?;
    if !actor.may_manage(s.mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    let stopped = series::stop(&ctx.db, s.id, actor.person_id(), ctx.clock.now()).await?;
    if stopped {
        jobs::cancel_by_key_prefix(&ctx.db, &format!("series{}:extend:", s.id), ctx.clock.now()).await?;
    }
    Ok(stopped)
}
