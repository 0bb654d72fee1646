//! 4W: who reports for which organisation and mechanism, submissions, "same as last
//! month", and the monthly reporting cycle (reminders to non-submitters, the post-deadline matrix).

use super::Ctx;
use super::outbox::deliver;
use super::people::Access;
use crate::domain::fourw::{DEFAULT_DEADLINE_DAY, Line, LineError, MAX_LINES, ReportingMonth};
use crate::domain::jobs::{FourwJob, FourwMsg, Job, Outgoing};
use crate::domain::{AppError, AppResult, Mechanism, Organisation, Role};
use crate::storage::reports::{self as store, NewSubmission, Submission};
use crate::storage::{jobs, memberships, people, reference};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

/// When, in the cluster's zone, the cycle's messages go out.
pub const CYCLE_HOUR: u32 = 8;
/// The cron rule that opens the window of the previous month (1st of each month, 08:00).
pub const DEFAULT_CYCLE_CRON: &str = "0 0 8 1 * *";

/// The deadline day: `CLUSTER_4W_DEADLINE_DAY` (1 to 28), default the 5th.
pub fn deadline_day() -> u32 {
    std::env::var("CLUSTER_4W_DEADLINE_DAY")
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|d| (1..=28).contains(d))
        .unwrap_or(DEFAULT_DEADLINE_DAY)
}

pub fn today(ctx: &Ctx) -> NaiveDate {
    ctx.clock.now().with_timezone(&ctx.tz).date_naive()
}

/// The month open for reporting today (the previous calendar month).
pub fn open_month(ctx: &Ctx) -> ReportingMonth {
    ReportingMonth::open_on(today(ctx))
}

/// A report for `month` made today is late when the deadline day has passed.
pub fn is_late(ctx: &Ctx, month: ReportingMonth) -> bool {
    today(ctx) > month.deadline(deadline_day())
}

/// The (organisation, mechanism) pairs a person reports for: those where they are focal point
/// or alternate of an organisation that reports (observers only when set to).
pub fn reporting_seats(access: &Access) -> Vec<(Organisation, Mechanism)> {
    let mut seats: Vec<(Organisation, Mechanism)> = Vec::new();
    for m in &access.memberships {
        if matches!(m.role, Role::Focal | Role::Alternate)
            && m.organisation.reports_fourw()
            && !seats.iter().any(|(o, me)| o.id == m.organisation.id && me.id == m.mechanism.id)
        {
            seats.push((m.organisation.clone(), m.mechanism.clone()));
        }
    }
    seats
}

fn require_seat(access: &Access, org: i64, mechanism: i64) -> AppResult<()> {
    if reporting_seats(access).iter().any(|(o, m)| o.id == org && m.id == mechanism) {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

/// The chairs of the mechanism and the coordinators review and export.
pub fn may_review(access: &Access, mechanism_id: Option<i64>) -> bool {
    access.coordinator
        || match mechanism_id {
            Some(id) => access.chairs(id),
            None => access.memberships.iter().any(|m| m.role == Role::Chair),
        }
}

pub async fn existing(
    ctx: &Ctx,
    org: i64,
    mechanism: i64,
    month: ReportingMonth,
) -> AppResult<Option<(Submission, Vec<Line>)>> {
    match store::submission(&ctx.db, org, mechanism, month).await? {
        Some(s) => {
            let lines = store::lines(&ctx.db, s.id).await?;
            Ok(Some((s, lines)))
        }
        None => Ok(None),
    }
}

/// The months a report can be made for today: the open one and the one before (late).
pub fn reportable_months(ctx: &Ctx) -> [ReportingMonth; 2] {
    let open = open_month(ctx);
    [open, open.previous()]
}

/// Last month's lines copied to this month: at most [`MAX_LINES`] of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub lines: Vec<Line>,
    /// How many lines last month had (more than `lines` when the cap left some out).
    pub last_month: usize,
}

/// Last month's lines of the organisation in the mechanism, moved to `month` (dates shifted),
/// the first [`MAX_LINES`] only.
pub async fn same_as_last_month(ctx: &Ctx, org: i64, mechanism: i64, month: ReportingMonth) -> AppResult<Copied> {
    let prev = month.previous();
    let all = match existing(ctx, org, mechanism, prev).await? {
        Some((_, lines)) => lines,
        None => vec![],
    };
    let lines = all.iter().take(MAX_LINES).map(|l| l.shifted_to(prev, month)).collect();
    Ok(Copied { lines, last_month: all.len() })
}

/// A submitted line reopened for correction: its submission's lines and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopened {
    pub organisation_id: i64,
    pub mechanism_id: i64,
    pub month: ReportingMonth,
    pub status: crate::domain::fourw::ReviewStatus,
    pub lines: Vec<Line>,
    pub index: usize,
}

/// Reopens a submitted line for correction by its organisation's focal point or alternate:
/// only a line the chair returned, or one of a month still open for reporting, and never in a
/// locked month.
pub async fn reopen(ctx: &Ctx, access: &Access, line_id: i64) -> AppResult<Reopened> {
    let line = store::review_line(&ctx.db, line_id).await?.ok_or(AppError::NotFound)?;
    require_seat(access, line.organisation_id, line.mechanism_id)?;
    let month = ReportingMonth::parse(&line.month).map_err(AppError::internal)?;
    if crate::storage::approval::is_locked(&ctx.db, month).await? {
        return Err(AppError::MonthLocked { month: month.to_string() });
    }
    if line.review_status != "returned" && !reportable_months(ctx).contains(&month) {
        return Err(AppError::NotReopenable { month: month.to_string() });
    }
    let (s, lines) = existing(ctx, line.organisation_id, line.mechanism_id, month).await?.ok_or(AppError::NotFound)?;
    let index = usize::try_from(line.position).ok().filter(|i| *i < lines.len()).ok_or(AppError::NotFound)?;
    Ok(Reopened {
        organisation_id: line.organisation_id,
        mechanism_id: line.mechanism_id,
        month,
        status: s.status,
        lines,
        index,
    })
}

/// The outcome of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: i64,
    pub lines: usize,
    pub late: bool,
}

/// Submits the lines (or "no activity" when `lines` is empty and `no_activity`). Every line is
/// checked again; the first bad one is returned with its index.
pub async fn submit(
    ctx: &Ctx,
    access: &Access,
    org: i64,
    mechanism: i64,
    month: ReportingMonth,
    lines: &[Line],
    no_activity: bool,
) -> AppResult<Result<Submitted, (usize, LineError)>> {
    require_seat(access, org, mechanism)?;
    if month > open_month(ctx) {
        return Err(AppError::NotAllowed);
    }
    if !no_activity && lines.is_empty() {
        return Err(AppError::NotFound);
    }
    if lines.len() > MAX_LINES {
        return Err(AppError::TooManyLines { max: MAX_LINES });
    }
    if crate::storage::approval::is_locked(&ctx.db, month).await? {
        return Err(AppError::MonthLocked { month: month.to_string() });
    }
    let current = crate::storage::boundaries::current(&ctx.db).await?;
    let mut checked = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut l = l.clone();
        if l.boundaries.is_empty() {
            l.boundaries = current.clone();
        }
        if let Err(e) = l.check(month) {
            return Ok(Err((i, e)));
        }
        if store::activity_by_code(&ctx.db, &l.activity).await?.is_none_or(|a| a.sector_code != l.sector) {
            return Err(AppError::NotFound);
        }
        if let Some(m) = &l.modality
            && crate::storage::modalities::by_code(&ctx.db, m).await?.is_none_or(|m| m.sector_code != l.sector)
        {
            return Err(AppError::NotFound);
        }
        if let Err(e) = check_places(ctx, &l).await? {
            return Ok(Err((i, e)));
        }
        checked.push(l);
    }
    let late = is_late(ctx, month);
    let lines: &[Line] = if no_activity { &[] } else { &checked };
    let written = store::submit(
        &ctx.db,
        NewSubmission {
            organisation_id: org,
            mechanism_id: mechanism,
            month,
            lines,
            no_activity,
            late,
            person_id: access.person.id,
            now: ctx.clock.now(),
            boundaries: &current,
        },
    )
    .await?;
    if written.corrected > 0 {
        tell_chairs_corrected(ctx, mechanism, written.id, written.corrected).await?;
    }
    Ok(Ok(Submitted { id: written.id, lines: lines.len(), late }))
}

/// Tells the chairs of the mechanism (the coordinators when it has none) that corrected lines
/// came back.
async fn tell_chairs_corrected(ctx: &Ctx, mechanism: i64, submission_id: i64, lines: usize) -> AppResult<()> {
    // One notice per submission and chair an hour: corrections sent again and again do not
    // flood the chair (the review shows every corrected line anyway).
    let hour = ctx.clock.now().timestamp() / 3600;
    let mut queued = false;
    for person in super::outbox::chair_recipients(ctx, mechanism).await? {
        let key = format!("fw:corrected:s{submission_id}:p{person}:h{hour}");
        let msg = Outgoing::Fourw(FourwMsg::Corrected { submission_id, lines });
        queued |= super::outbox::deliver(ctx, key, person, msg).await?;
    }
    if queued {
        ctx.wake.notify_one();
    }
    Ok(())
}

/// The region, cercle and commune of a line exist in its boundary version, each in its parent.
pub async fn check_places(ctx: &Ctx, l: &Line) -> AppResult<Result<(), LineError>> {
    let units = crate::storage::boundaries::units_of(&ctx.db, &l.boundaries).await?;
    let unit = |p: &str, level: u8| units.iter().find(|u| u.pcode == p && u.level == level);
    if unit(&l.region, 1).is_none() {
        return Ok(Err(LineError::UnknownPlace));
    }
    match unit(&l.cercle, 2) {
        None => return Ok(Err(LineError::UnknownPlace)),
        Some(c) if c.parent.as_deref() != Some(l.region.as_str()) => return Ok(Err(LineError::CercleNotInRegion)),
        Some(_) => {}
    }
    if let Some(commune) = &l.commune
        && unit(commune, 3).is_none_or(|c| c.parent.as_deref() != Some(l.cercle.as_str()))
    {
        return Ok(Err(LineError::UnknownPlace));
    }
    Ok(Ok(()))
}

/// Organisations expected to report in a mechanism: members (and observers set to report) with a focal
/// point or an alternate, with those people.
pub async fn reporters(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<(Organisation, Vec<i64>)>> {
    let mut out: Vec<(Organisation, Vec<i64>)> = Vec::new();
    for m in memberships::active_in_mechanism(&ctx.db, mechanism_id).await? {
        if !matches!(m.role, Role::Focal | Role::Alternate) || !m.organisation.reports_fourw() {
            continue;
        }
        match out.iter_mut().find(|(o, _)| o.id == m.organisation.id) {
            Some((_, people)) => people.push(m.person_id),
            None => out.push((m.organisation.clone(), vec![m.person_id])),
        }
    }
    Ok(out)
}

/// Organisations expected to report that have not (lines or "no activity").
pub async fn missing(ctx: &Ctx, mechanism_id: i64, month: ReportingMonth) -> AppResult<Vec<(Organisation, Vec<i64>)>> {
    let done = store::submitted_organisations(&ctx.db, mechanism_id, month).await?;
    Ok(reporters(ctx, mechanism_id).await?.into_iter().filter(|(o, _)| !done.contains(&o.id)).collect())
}

/// The chairs of a mechanism and the coordinators, once each.
pub async fn reviewers(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<i64>> {
    let mut ids: Vec<i64> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Chair)
        .map(|m| m.person_id)
        .collect();
    ids.extend(people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id));
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn local_at(ctx: &Ctx, day: NaiveDate, hour: u32) -> DateTime<Utc> {
    let naive = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("valid hour"));
    ctx.tz.from_local_datetime(&naive).earliest().map(|d| d.to_utc()).unwrap_or_else(|| ctx.clock.now())
}

/// The stages of the cycle of `month` and when they run.
pub fn cycle_plan(ctx: &Ctx, month: ReportingMonth) -> Vec<(FourwJob, DateTime<Utc>)> {
    let (year, m) = (month.year, month.month);
    let deadline = month.deadline(deadline_day());
    let before = (deadline - chrono::Duration::days(2)).max(month.window_opens());
    let mut plan = vec![];
    if before > month.window_opens() {
        plan.push((FourwJob::Remind { year, month: m, stage: "before".into() }, local_at(ctx, before, CYCLE_HOUR)));
    }
    plan.push((FourwJob::Remind { year, month: m, stage: "deadline".into() }, local_at(ctx, deadline, CYCLE_HOUR)));
    let after = deadline.succ_opt().unwrap_or(deadline);
    plan.push((FourwJob::AfterDeadline { year, month: m }, local_at(ctx, after, CYCLE_HOUR)));
    plan
}

/// After a downtime across several stages of the cycle, only the latest reminder already due
/// is sent; a reminder is relevant until the next stage is due.
fn reminder_relevant(ctx: &Ctx, month: ReportingMonth, stage: &str) -> bool {
    let mut stages = vec![("open".to_string(), local_at(ctx, month.window_opens(), CYCLE_HOUR))];
    for (job, at) in cycle_plan(ctx, month) {
        let name = match job {
            FourwJob::Remind { stage, .. } => stage,
            FourwJob::AfterDeadline { .. } => "after".into(),
            FourwJob::Open { .. } => continue,
        };
        stages.push((name, at));
    }
    let stages: Vec<(&str, DateTime<Utc>)> = stages.iter().map(|(n, at)| (n.as_str(), *at)).collect();
    crate::domain::catchup::still_relevant(&stages, stage, ctx.clock.now())
}

/// Runs a 4W job of the cycle: queues the later stages and one delivery per person.
pub async fn fan_out(ctx: &Ctx, job: &FourwJob) -> AppResult<Result<usize, String>> {
    let now = ctx.clock.now();
    let mut queued = 0;
    match job {
        FourwJob::Open { year, month } => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            for (stage, at) in cycle_plan(ctx, rm) {
                let key = format!("fw:{rm}:{}", stage.key());
                jobs::enqueue(&ctx.db, &key, &Job::Fourw(stage), at, now).await?;
            }
            if !reminder_relevant(ctx, rm, "open") {
                return Ok(Err("superseded by a later 4W reminder".into()));
            }
            queued += remind(ctx, rm, "open").await?;
        }
        FourwJob::Remind { year, month, stage } => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            if !reminder_relevant(ctx, rm, stage) {
                return Ok(Err("superseded by a later 4W stage".into()));
            }
            queued += remind(ctx, rm, stage).await?;
        }
        FourwJob::AfterDeadline { year, month } => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            for mech in reference::mechanisms(&ctx.db).await? {
                if reporters(ctx, mech.id).await?.is_empty() {
                    continue;
                }
                for person in reviewers(ctx, mech.id).await? {
                    let key = format!("fw:{rm}:matrix:m{}:p{person}", mech.id);
                    let msg = FourwMsg::Matrix { mechanism_id: mech.id, year: *year, month: *month };
                    queued += deliver(ctx, key, person, Outgoing::Fourw(msg)).await? as usize;
                }
            }
        }
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

async fn remind(ctx: &Ctx, month: ReportingMonth, stage: &str) -> AppResult<usize> {
    let mut queued = 0;
    for mech in reference::mechanisms(&ctx.db).await? {
        for (org, people) in missing(ctx, mech.id, month).await? {
            for person in people {
                let key = format!("fw:{month}:remind:{stage}:m{}:o{}:p{person}", mech.id, org.id);
                let msg = FourwMsg::Reminder {
                    mechanism_id: mech.id,
                    organisation_id: org.id,
                    year: month.year,
                    month: month.month,
                    stage: stage.to_string(),
                };
                queued += deliver(ctx, key, person, Outgoing::Fourw(msg)).await? as usize;
            }
        }
    }
    Ok(queued)
}

// 4W review: the chair returns a line with a comment; the focal point and alternate
// of its organisation are told through the scheduler.

/// What a reviewer sees: every mechanism for a coordinator (`None`), else those they chair.
pub async fn review_scopes(ctx: &Ctx, access: &Access) -> AppResult<Vec<Option<Mechanism>>> {
    if access.coordinator {
        return Ok(vec![None]);
    }
    Ok(memberships::chaired_mechanisms(&ctx.db, access.person.id).await?.into_iter().map(Some).collect())
}

/// Returns a line to its organisation with a comment (checked: length, no personal data).
/// Only the chairs of the line's mechanism and the coordinators may; a line already returned
/// (or gone) is `NotFound`.
pub async fn return_line(
    ctx: &Ctx,
    access: &Access,
    line_id: i64,
    comment: &str,
) -> AppResult<Result<store::ReviewLine, LineError>> {
    let line = store::review_line(&ctx.db, line_id).await?.ok_or(AppError::NotFound)?;
    if !may_review(access, Some(line.mechanism_id)) {
        return Err(AppError::NotAllowed);
    }
    if line.review_status == "returned" {
        return Err(AppError::NotFound);
    }
    if let Ok(month) = ReportingMonth::parse(&line.month)
        && crate::storage::approval::is_locked(&ctx.db, month).await?
    {
        return Err(AppError::MonthLocked { month: line.month.clone() });
    }
    let comment = match crate::domain::fourw::check_free_text(comment, crate::domain::fourw::MAX_COMMENT_CHARS) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    if !store::return_line(&ctx.db, line_id, &comment).await? {
        return Err(AppError::NotFound);
    }
    let recipients = reporters(ctx, line.mechanism_id)
        .await?
        .into_iter()
        .find(|(o, _)| o.id == line.organisation_id)
        .map(|(_, people)| people)
        .unwrap_or_default();
    let mut queued = false;
    for person in recipients {
        let key = format!("fw:returned:l{line_id}:p{person}:t{}", ctx.clock.now().timestamp());
        queued |= deliver(ctx, key, person, Outgoing::Fourw(FourwMsg::Returned { line_id })).await?;
    }
    if queued {
        ctx.wake.notify_one();
    }
    Ok(Ok(store::ReviewLine { review_status: "returned".into(), return_comment: Some(comment), ..line }))
}
