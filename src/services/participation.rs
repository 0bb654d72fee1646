//! Participation reviewed: per organisation of a mechanism over the last six months,
//! attendance, answers given on time, votes cast and 4W submitted; the chair's choice after
//! an organisation's third absence in a row is recorded.

use super::Ctx;
use super::meetings::{ABSENCES_FLAGGED, Actor};
use super::people::Access;
use crate::domain::fourw::ReportingMonth;
use crate::domain::meeting::absent_in_a_row;
use crate::domain::participation::{ANSWER_NOTICE_HOURS, AbsenceChoice, Participation, REVIEW_MONTHS};
use crate::domain::{AppError, AppResult, Mechanism, Organisation};
use crate::storage::{meetings, memberships, participation as store, reference, votes};
use chrono::Months;
use std::str::FromStr;

/// The mechanisms whose participation a person may review: chairs theirs, coordinators all.
pub async fn reviewable(ctx: &Ctx, access: &Access) -> AppResult<Vec<Mechanism>> {
    super::meetings::managed_mechanisms(ctx, access).await
}

/// The organisations of a mechanism (members first, then observers), each once.
async fn organisations(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<Organisation>> {
    let mut orgs: Vec<Organisation> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role.is_single_seat())
        .map(|m| m.organisation)
        .collect();
    orgs.sort_by_key(|o| (o.observer, o.acronym.to_lowercase()));
    orgs.dedup_by_key(|o| o.id);
    Ok(orgs)
}

/// The review of one mechanism over the last six months (chairs of it, coordinators).
pub async fn review(ctx: &Ctx, actor: Actor<'_>, mechanism_id: i64) -> AppResult<Vec<Participation>> {
    if !actor.may_manage(mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    reference::mechanism_by_id(&ctx.db, mechanism_id).await?.ok_or(AppError::NotFound)?;
    let now = ctx.clock.now();
    let from = now.checked_sub_months(Months::new(REVIEW_MONTHS)).unwrap_or(now);
    // The reporting months whose 4W was due in the window: the six before the current one.
    let current = ReportingMonth::of(now.with_timezone(&ctx.tz).date_naive());
    let last = current.previous();
    let first = (1..REVIEW_MONTHS).fold(last, |m, _| m.previous());
    let mut out = Vec::new();
    for org in organisations(ctx, mechanism_id).await? {
        let (marked, present) = store::attendance(&ctx.db, mechanism_id, org.id, from, now).await?;
        let notice = ANSWER_NOTICE_HOURS * 3600;
        let (invited, on_time) = store::answers(&ctx.db, mechanism_id, org.id, from, now, notice).await?;
        let (cast, entitled) = votes::participation(&ctx.db, mechanism_id, org.id, from, now).await?;
        let fourw = if org.observer {
            0
        } else {
            store::fourw_submitted(&ctx.db, mechanism_id, org.id, &first.to_string(), &last.to_string()).await?
        };
        let history = meetings::attendance_history(&ctx.db, mechanism_id, org.id, ABSENCES_FLAGGED as i64).await?;
        let last_choice = store::last_absence_choice(&ctx.db, mechanism_id, org.id)
            .await?
            .and_then(|(c, _)| AbsenceChoice::from_str(&c).ok());
        out.push(Participation {
            fourw_expected: if org.observer { 0 } else { REVIEW_MONTHS },
            organisation: org,
            meetings_marked: marked as u32,
            present: present as u32,
            invited: invited as u32,
            answered_on_time: on_time as u32,
            votes_entitled: entitled as u32,
            votes_cast: cast as u32,
            fourw_submitted: fourw as u32,
            absent_in_a_row: absent_in_a_row(&history, ABSENCES_FLAGGED),
            last_choice,
        });
    }
    Ok(out)
}

/// Records what the chair chose for an organisation flagged for repeated absences.
pub async fn record_absence_choice(
    ctx: &Ctx,
    actor: Actor<'_>,
    mechanism_id: i64,
    organisation_id: i64,
    choice: AbsenceChoice,
) -> AppResult<()> {
    if !actor.may_manage(mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    let org = reference::organisation_by_id(&ctx.db, organisation_id).await?.ok_or(AppError::NotFound)?;
    if org.observer {
        return Err(AppError::NotAllowed);
    }
    let now = ctx.clock.now();
    store::record_absence_choice(&ctx.db, mechanism_id, org.id, choice.as_ref(), actor.person_id(), now).await?;
    Ok(())
}
