//! Attendance: the sheet of a past meeting (marked, or pre-filled from the answers), saving it
//! (an organisation absent from three meetings in a row is flagged to the chair), statistics.

use super::Ctx;
use super::meetings::{Actor, invitees, managed, managed_mechanisms};
use super::outbox::{chair_recipients, deliver};
use super::people::Access;
use crate::domain::jobs::Outgoing;
use crate::domain::meeting::{self, absent_in_a_row};
use crate::domain::{AppError, AppResult, Meeting, Organisation};
use crate::storage::{meetings, memberships, reference};

/// Past meetings of the mechanisms a person manages, newest first.
pub async fn past_meetings(ctx: &Ctx, access: &Access, limit: i64) -> AppResult<Vec<Meeting>> {
    let now = ctx.clock.now();
    let mut out = Vec::new();
    for mech in managed_mechanisms(ctx, access).await? {
        out.extend(meetings::past(&ctx.db, mech.id, now, limit).await?);
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.starts_at));
    out.truncate(limit as usize);
    Ok(out)
}

/// The attendance sheet of a past meeting: each invited organisation, present or not —
/// as marked, or pre-filled from the answers.
pub async fn attendance_sheet(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
) -> AppResult<(Meeting, Vec<(Organisation, bool)>)> {
    let m = managed(ctx, actor, meeting_id).await?;
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    if ctx.clock.now() < m.starts_at {
        return Err(AppError::Timing(meeting::TimingError::InThePast));
    }
    let marked = meetings::attendance(&ctx.db, m.id).await?;
    let answers = meetings::answers(&ctx.db, m.id).await?;
    let mut orgs: Vec<Organisation> = invitees(ctx, &m).await?.into_iter().map(|ms| ms.organisation).collect();
    for (org_id, _) in &marked {
        if !orgs.iter().any(|o| o.id == *org_id)
            && let Some(o) = reference::organisation_by_id(&ctx.db, *org_id).await?
        {
            orgs.push(o);
        }
    }
    orgs.sort_by(|a, b| (a.observer, &a.acronym).cmp(&(b.observer, &b.acronym)));
    orgs.dedup_by_key(|o| o.id);
    let sheet = orgs
        .into_iter()
        .map(|o| {
            let present = match marked.iter().find(|(id, _)| *id == o.id) {
                Some((_, p)) => *p,
                None => answers.iter().any(|(id, a)| *id == o.id && a.attending()),
            };
            (o, present)
        })
        .collect();
    Ok((m, sheet))
}

/// An organisation absent from this many consecutive meetings is flagged to the chair.
pub const ABSENCES_FLAGGED: usize = 3;

/// Saves the attendance; returns the organisations (not observers) now absent from
/// `ABSENCES_FLAGGED` meetings in a row, which are flagged to the chair.
pub async fn save_attendance(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    marks: &[(i64, bool)],
) -> AppResult<Vec<Organisation>> {
    let (m, _) = attendance_sheet(ctx, actor, meeting_id).await?;
    let by = actor.person_id();
    meetings::set_attendance(&ctx.db, m.id, marks, by.unwrap_or(0).max(0), ctx.clock.now())
        .await
        .or_else(|e| if by.is_none() { Ok(()) } else { Err(e) })?;
    let mut flagged = Vec::new();
    for (org_id, present) in marks {
        if *present {
            continue;
        }
        let Some(org) = reference::organisation_by_id(&ctx.db, *org_id).await? else { continue };
        if org.observer {
            continue;
        }
        let history = meetings::attendance_history(&ctx.db, m.mechanism.id, org.id, ABSENCES_FLAGGED as i64).await?;
        if absent_in_a_row(&history, ABSENCES_FLAGGED) {
            for chair in chair_recipients(ctx, m.mechanism.id).await? {
                let key = format!("absence:m{}:o{}:p{}", m.id, org.id, chair);
                let msg = Outgoing::AbsenceFlag {
                    mechanism_id: m.mechanism.id,
                    organisation_id: org.id,
                    meetings: ABSENCES_FLAGGED as i64,
                };
                deliver(ctx, key, chair, msg).await?;
            }
            flagged.push(org);
        }
    }
    ctx.wake.notify_one();
    Ok(flagged)
}

/// Attendance by organisation over the last `last` marked meetings of a mechanism:
/// (organisation, present, marked meetings). Observers are listed apart by the caller.
pub async fn attendance_stats(ctx: &Ctx, mechanism_id: i64, last: i64) -> AppResult<Vec<(Organisation, usize, usize)>> {
    let mut orgs: Vec<Organisation> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role.is_single_seat())
        .map(|m| m.organisation)
        .collect();
    orgs.sort_by(|a, b| (a.observer, &a.acronym).cmp(&(b.observer, &b.acronym)));
    orgs.dedup_by_key(|o| o.id);
    let mut out = Vec::new();
    for org in orgs {
        let h = meetings::attendance_history(&ctx.db, mechanism_id, org.id, last).await?;
        let present = h.iter().filter(|p| **p).count();
        out.push((org, present, h.len()));
    }
    Ok(out)
}
