//! Meetings: creation (one-off or monthly), reschedule and cancel, the organisation's answer,
//! reminders and summaries (as jobs); attendance is in [`super::attendance`].

use super::Ctx;
use super::outbox::{chair_recipients, dedup, deliver};
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::meeting::{
    self, MeetingKind, MonthlyRule, RsvpAnswer, Timing, check_notice, invitation_due, reminder_roles, reminders_due,
    summary_due,
};
use crate::domain::minutes::{MINUTES_REMINDER_HOURS, minutes_deadline};
use crate::domain::{AppError, AppResult, Mechanism, Meeting, MembershipView, Organisation, Role};
use crate::storage::{Tx, jobs, meetings, memberships, reference};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rand::RngCore;

pub use super::attendance::{ABSENCES_FLAGGED, attendance_sheet, attendance_stats, past_meetings, save_attendance};

/// Who acts: the command line (a trusted administrator) or a person.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    CommandLine,
    Person(&'a Access),
}

impl Actor<'_> {
    pub fn person_id(&self) -> Option<i64> {
        match self {
            Actor::CommandLine => None,
            Actor::Person(a) => Some(a.person.id),
        }
    }

    /// Chairs manage their mechanisms' meetings; coordinators and the command line all.
    pub fn may_manage(&self, mechanism_id: i64) -> bool {
        match self {
            Actor::CommandLine => true,
            Actor::Person(a) => a.coordinator || a.chairs(mechanism_id),
        }
    }
}

#[derive(Debug, Clone)]
pub struct MeetingDraft {
    pub mechanism_id: i64,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub place: Option<String>,
    pub agenda: Option<String>,
    pub kind: MeetingKind,
    pub monthly: bool,
}

/// A place or an agenda: trimmed, within `max` characters, no personal data (invitations
/// go to every member of the mechanism and into their calendars).
fn clean(text: Option<&str>, max: usize) -> AppResult<Option<String>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) if t.chars().count() > max => Err(AppError::TextTooLong { max }),
        Some(t) => match crate::domain::personal_data::detect(t) {
            Some(kind) => Err(AppError::PersonalData(kind)),
            None => Ok(Some(t.to_string())),
        },
    }
}

/// Checks a draft against the rules, without saving anything.
pub fn validate(ctx: &Ctx, draft: &MeetingDraft) -> AppResult<()> {
    clean(draft.place.as_deref(), meeting::MAX_PLACE_CHARS)?;
    clean(draft.agenda.as_deref(), meeting::MAX_AGENDA_CHARS)?;
    let timing =
        Timing { starts_at: draft.starts_at, duration: Duration::minutes(draft.duration_minutes), kind: draft.kind };
    check_notice(ctx.clock.now(), &timing)?;
    Ok(())
}

/// The mechanisms whose meetings a person manages.
pub async fn managed_mechanisms(ctx: &Ctx, access: &Access) -> AppResult<Vec<Mechanism>> {
    if access.coordinator {
        reference::mechanisms(&ctx.db).await
    } else {
        memberships::chaired_mechanisms(&ctx.db, access.person.id).await
    }
}

pub(crate) fn new_uid() -> String {
    let mut b = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut b);
    format!("meeting-{}@cluster-bot", b.iter().map(|x| format!("{x:02x}")).collect::<String>())
}

/// Creates a meeting (and, when monthly, the next occurrences of its series) and queues
/// its invitations, reminders and summary.
pub async fn create(ctx: &Ctx, actor: Actor<'_>, draft: MeetingDraft) -> AppResult<Vec<Meeting>> {
    if !actor.may_manage(draft.mechanism_id) {
        return Err(AppError::NotAllowed);
    }
    reference::mechanism_by_id(&ctx.db, draft.mechanism_id).await?.ok_or(AppError::NotFound)?;
    validate(ctx, &draft)?;
    let place = clean(draft.place.as_deref(), meeting::MAX_PLACE_CHARS)?;
    let agenda = clean(draft.agenda.as_deref(), meeting::MAX_AGENDA_CHARS)?;
    let now = ctx.clock.now();
    let mut starts = vec![draft.starts_at];
    let mut series_id = None;
    // The meetings, their series and every job that carries them out are written together.
    let mut tx = ctx.db.begin().await?;
    if draft.monthly {
        let local = draft.starts_at.with_timezone(&ctx.tz);
        let rule = MonthlyRule::from_first(local.date_naive(), local.time());
        series_id = Some(meetings::insert_series_in(&mut tx, draft.mechanism_id, &rule, now).await?);
        starts.extend(rule.occurrences(ctx.tz, draft.starts_at, meeting::SERIES_OCCURRENCES - 1));
    }
    let mut created = Vec::new();
    for starts_at in starts {
        let id = meetings::insert_in(
            &mut tx,
            meetings::NewMeeting {
                uid: &new_uid(),
                mechanism_id: draft.mechanism_id,
                series_id,
                starts_at,
                duration_minutes: draft.duration_minutes,
                place: place.as_deref(),
                agenda: agenda.as_deref(),
                kind: draft.kind,
                created_by: actor.person_id(),
                created_at: now,
            },
        )
        .await?;
        let m = meetings::by_id_in(&mut tx, id).await?.ok_or(AppError::MeetingNotFound(id))?;
        schedule_jobs(ctx, &mut tx, &m, m.invitations_sent_at.is_none()).await?;
        created.push(m);
    }
    plan_series_extensions(ctx, &mut tx, &created).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(created)
}

/// Queues the jobs of a meeting for its current time and sequence.
pub(crate) async fn schedule_jobs(ctx: &Ctx, tx: &mut Tx, m: &Meeting, invitations: bool) -> AppResult<()> {
    let now = ctx.clock.now();
    let t = m.timing();
    let prefix = format!("m{}:s{}", m.id, m.sequence);
    if invitations {
        let at = invitation_due(now, &t, ctx.invitation_lead);
        jobs::enqueue_in(tx, &format!("{prefix}:invitations"), &Job::FanOutInvitations { meeting_id: m.id }, at, now)
            .await?;
    }
    for (hours, at) in reminders_due(now, &t) {
        let job = Job::FanOutReminders { meeting_id: m.id, hours };
        jobs::enqueue_in(tx, &format!("{prefix}:remind{hours}h"), &job, at, now).await?;
    }
    if let Some(at) = summary_due(now, &t) {
        jobs::enqueue_in(tx, &format!("{prefix}:summary"), &Job::FanOutSummary { meeting_id: m.id }, at, now).await?;
    }
    schedule_minutes_jobs(ctx, tx, m).await?;
    super::tour::schedule_in(ctx, tx, m).await?;
    Ok(())
}

/// Queues again what a meeting still needs (after a start, when a change may have been
/// interrupted by an older version): before it starts, its invitations (if not sent),
/// reminders, summary and the chair's minutes reminders; once it has started, only the minutes
/// reminders while its minutes are not shared. Each job once per key: nothing is doubled.
pub(crate) async fn replan_jobs(ctx: &Ctx, tx: &mut Tx, m: &Meeting, minutes_shared: bool) -> AppResult<()> {
    if m.cancelled {
        return Ok(());
    }
    if m.starts_at > ctx.clock.now() {
        schedule_jobs(ctx, tx, m, m.invitations_sent_at.is_none()).await?;
        plan_series_extensions(ctx, tx, std::slice::from_ref(m)).await
    } else if !minutes_shared {
        schedule_minutes_jobs(ctx, tx, m).await
    } else {
        Ok(())
    }
}

/// Queues the chair's reminders (+24 h, +48 h) and the overdue notice (+72 h) of a meeting.
async fn schedule_minutes_jobs(ctx: &Ctx, tx: &mut Tx, m: &Meeting) -> AppResult<()> {
    let now = ctx.clock.now();
    let end = m.ends_at();
    for hours in MINUTES_REMINDER_HOURS {
        let key = format!("min:m{}:s{}:{hours}h", m.id, m.sequence);
        let job = Job::MinutesReminder { meeting_id: m.id, hours };
        jobs::enqueue_in(tx, &key, &job, end + Duration::hours(hours), now).await?;
    }
    let key = format!("min:m{}:s{}:overdue", m.id, m.sequence);
    jobs::enqueue_in(tx, &key, &Job::MinutesOverdue { meeting_id: m.id }, minutes_deadline(end), now).await?;
    Ok(())
}

pub async fn get(ctx: &Ctx, meeting_id: i64) -> AppResult<Meeting> {
    meetings::by_id(&ctx.db, meeting_id).await?.ok_or(AppError::MeetingNotFound(meeting_id))
}

/// A meeting the actor manages (chair of its mechanism, coordinator, command line).
pub async fn managed(ctx: &Ctx, actor: Actor<'_>, meeting_id: i64) -> AppResult<Meeting> {
    let m = get(ctx, meeting_id).await?;
    if actor.may_manage(m.mechanism.id) { Ok(m) } else { Err(AppError::NotAllowed) }
}

/// Moves a meeting: the 48 h rule applies again to a regular meeting; invitees already
/// invited are told (with the updated calendar file); the old jobs are cancelled.
pub async fn reschedule(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    starts_at: DateTime<Utc>,
    duration_minutes: Option<i64>,
) -> AppResult<Meeting> {
    let m = managed(ctx, actor, meeting_id).await?;
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    let now = ctx.clock.now();
    if m.starts_at <= now {
        return Err(AppError::AnswersClosed);
    }
    let duration_minutes = duration_minutes.unwrap_or(m.duration_minutes);
    check_notice(now, &Timing { starts_at, duration: Duration::minutes(duration_minutes), kind: m.kind })?;
    // The move, the end of the old jobs and the new ones are written together.
    let mut tx = ctx.db.begin().await?;
    jobs::cancel_meeting_jobs_in(&mut tx, m.id, now).await?;
    meetings::reschedule_in(&mut tx, m.id, starts_at, duration_minutes).await?;
    let moved = meetings::by_id_in(&mut tx, m.id).await?.ok_or(AppError::MeetingNotFound(m.id))?;
    let invited = moved.invitations_sent_at.is_some();
    if invited {
        let key = format!("m{}:s{}:changed", moved.id, moved.sequence);
        jobs::enqueue_in(&mut tx, &key, &Job::FanOutChange { meeting_id: moved.id, cancelled: false }, now, now)
            .await?;
    }
    schedule_jobs(ctx, &mut tx, &moved, !invited).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(moved)
}

/// Cancels a meeting: its pending jobs are cancelled and those invited are told.
pub async fn cancel(ctx: &Ctx, actor: Actor<'_>, meeting_id: i64) -> AppResult<Meeting> {
    let m = managed(ctx, actor, meeting_id).await?;
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    jobs::cancel_meeting_jobs_in(&mut tx, m.id, now).await?;
    meetings::cancel_in(&mut tx, m.id).await?;
    let cancelled = meetings::by_id_in(&mut tx, m.id).await?.ok_or(AppError::MeetingNotFound(m.id))?;
    if cancelled.invitations_sent_at.is_some() {
        let key = format!("m{}:s{}:changed", cancelled.id, cancelled.sequence);
        jobs::enqueue_in(&mut tx, &key, &Job::FanOutChange { meeting_id: cancelled.id, cancelled: true }, now, now)
            .await?;
    }
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(cancelled)
}

/// Meetings starting from `from`, optionally of one mechanism (command line, chairs).
pub async fn list(ctx: &Ctx, mechanism_id: Option<i64>, from: DateTime<Utc>) -> AppResult<Vec<Meeting>> {
    meetings::between(&ctx.db, mechanism_id, from, from + Duration::days(3650), true).await
}

/// The focal points and alternates invited to a meeting: the active ones of its mechanism.
pub async fn invitees(ctx: &Ctx, m: &Meeting) -> AppResult<Vec<MembershipView>> {
    Ok(memberships::active_in_mechanism(&ctx.db, m.mechanism.id)
        .await?
        .into_iter()
        .filter(|ms| ms.role.is_single_seat())
        .collect())
}

/// What a member sees in /meetings: upcoming meetings of their mechanisms with their
/// organisation's answer.
#[derive(Debug, Clone)]
pub struct MyMeeting {
    pub meeting: Meeting,
    pub organisation: Organisation,
    pub role: Role,
    pub answer: Option<RsvpAnswer>,
}

pub async fn upcoming_for(ctx: &Ctx, access: &Access) -> AppResult<Vec<MyMeeting>> {
    access.require_member()?;
    let now = ctx.clock.now();
    let mut out = Vec::new();
    for ms in access.memberships.iter().filter(|m| m.role.is_single_seat()) {
        for m in meetings::between(&ctx.db, Some(ms.mechanism.id), now, now + Duration::days(62), false).await? {
            let answer = meetings::answer(&ctx.db, m.id, ms.organisation.id).await?;
            out.push(MyMeeting { meeting: m, organisation: ms.organisation.clone(), role: ms.role, answer });
        }
    }
    out.sort_by_key(|x| (x.meeting.starts_at, x.meeting.id));
    Ok(out)
}

/// What the person pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// "I will attend" (focal point) / "I will attend in place of the focal point" (alternate).
    Attend,
    /// "My alternate will attend" (focal point only).
    HandOver,
    /// "We cannot attend".
    Decline,
}

#[derive(Debug, Clone)]
pub struct Answered {
    pub meeting: Meeting,
    pub organisation: Organisation,
    pub answer: RsvpAnswer,
    pub changed: bool,
}

/// Records an organisation's answer. Only its focal point and alternate may answer, until
/// the meeting starts; pressing twice is one answer.
pub async fn answer(
    ctx: &Ctx,
    access: &Access,
    meeting_id: i64,
    organisation_id: i64,
    choice: Choice,
) -> AppResult<Answered> {
    let m = get(ctx, meeting_id).await?;
    let ms = access
        .memberships
        .iter()
        .find(|ms| {
            ms.mechanism.id == m.mechanism.id && ms.organisation.id == organisation_id && ms.role.is_single_seat()
        })
        .ok_or(AppError::NotInvited)?;
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    let now = ctx.clock.now();
    if !meeting::answers_open(now, &m.timing()) {
        return Err(AppError::AnswersClosed);
    }
    let answer = match (ms.role, choice) {
        (_, Choice::Decline) => RsvpAnswer::Declined,
        (Role::Focal, Choice::Attend) => RsvpAnswer::Focal,
        (Role::Alternate, Choice::Attend) => RsvpAnswer::Alternate,
        (Role::Focal, Choice::HandOver) => {
            if memberships::seat_holder(&ctx.db, organisation_id, m.mechanism.id, Role::Alternate).await?.is_none() {
                return Err(AppError::NoAlternate);
            }
            RsvpAnswer::Handover
        }
        _ => return Err(AppError::NotAllowed),
    };
    let handover_prefix = format!("m{}:handover:o{}:", m.id, organisation_id);
    if answer == RsvpAnswer::Handover
        && meetings::answer(&ctx.db, m.id, organisation_id).await? != Some(RsvpAnswer::Handover)
    {
        // Each hand-over tells the alternate: toggling it again and again would flood them.
        super::outbox::within(ctx, &handover_prefix, crate::domain::rate::HANDOVERS).await?;
    }
    let before = meetings::set_answer(&ctx.db, m.id, organisation_id, answer, access.person.id, now).await?;
    let changed = before != Some(answer);
    if changed && answer == RsvpAnswer::Handover {
        let alternate = memberships::seat_holder(&ctx.db, organisation_id, m.mechanism.id, Role::Alternate).await?;
        if let Some(alt) = alternate {
            let key = format!("{handover_prefix}t{}", now.timestamp());
            let job = Job::Deliver {
                person_id: alt.person_id,
                message: Outgoing::HandoverRequest { meeting_id: m.id, organisation_id },
            };
            jobs::enqueue(&ctx.db, &key, &job, now, now).await?;
            ctx.wake.notify_one();
        }
    }
    Ok(Answered { meeting: m, organisation: ms.organisation.clone(), answer, changed })
}

/// The chair's view 24 h before: attending, declined, no answer — by organisation.
#[derive(Debug, Clone, Default)]
pub struct RsvpSummary {
    pub attending: Vec<(Organisation, RsvpAnswer)>,
    pub declined: Vec<Organisation>,
    pub no_answer: Vec<Organisation>,
}

pub async fn rsvp_summary(ctx: &Ctx, m: &Meeting) -> AppResult<RsvpSummary> {
    let answers = meetings::answers(&ctx.db, m.id).await?;
    let mut orgs: Vec<Organisation> = invitees(ctx, m).await?.into_iter().map(|ms| ms.organisation).collect();
    orgs.sort_by(|a, b| (a.observer, &a.acronym).cmp(&(b.observer, &b.acronym)));
    orgs.dedup_by_key(|o| o.id);
    let mut s = RsvpSummary::default();
    for org in orgs {
        match answers.iter().find(|(o, _)| *o == org.id).map(|(_, a)| *a) {
            Some(RsvpAnswer::Declined) => s.declined.push(org),
            Some(a) if a.attending() => s.attending.push((org, a)),
            _ => s.no_answer.push(org),
        }
    }
    Ok(s)
}

/// Runs a fan-out job: decides who receives what and queues one delivery per person.
/// Returns `Err(reason)` inside `Ok` when the job is obsolete and was skipped.
pub async fn fan_out(ctx: &Ctx, job: &Job) -> AppResult<Result<usize, String>> {
    let now = ctx.clock.now();
    let mut queued = 0;
    match job {
        Job::FanOutInvitations { meeting_id } => {
            let m = get(ctx, *meeting_id).await?;
            if m.cancelled {
                return Ok(Err("meeting cancelled".into()));
            }
            if meeting::is_obsolete(now, &m.timing()) {
                return Ok(Err("meeting already started".into()));
            }
            for ms in invitees(ctx, &m).await? {
                let key = format!("m{}:s{}:inv:p{}:o{}", m.id, m.sequence, ms.person_id, ms.organisation.id);
                let msg = Outgoing::Invitation { meeting_id: m.id, organisation_id: ms.organisation.id, role: ms.role };
                queued += deliver(ctx, key, ms.person_id, msg).await? as usize;
            }
            meetings::mark_invitations_sent(&ctx.db, m.id, now).await?;
        }
        Job::FanOutReminders { meeting_id, hours } => {
            let m = get(ctx, *meeting_id).await?;
            if m.cancelled {
                return Ok(Err("meeting cancelled".into()));
            }
            if meeting::is_obsolete(now, &m.timing()) {
                return Ok(Err("meeting already started".into()));
            }
            if meeting::reminder_superseded(now, &m.timing(), *hours) {
                return Ok(Err("superseded by a later reminder".into()));
            }
            let answers = meetings::answers(&ctx.db, m.id).await?;
            for ms in invitees(ctx, &m).await? {
                let answer = answers.iter().find(|(o, _)| *o == ms.organisation.id).map(|(_, a)| *a);
                if !reminder_roles(answer).contains(&ms.role) {
                    continue;
                }
                let key = format!("m{}:s{}:r{}h:p{}:o{}", m.id, m.sequence, hours, ms.person_id, ms.organisation.id);
                let msg = Outgoing::Reminder { meeting_id: m.id, organisation_id: ms.organisation.id, hours: *hours };
                queued += deliver(ctx, key, ms.person_id, msg).await? as usize;
            }
        }
        Job::FanOutSummary { meeting_id } => {
            let m = get(ctx, *meeting_id).await?;
            if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                return Ok(Err("meeting cancelled or started".into()));
            }
            for person in chair_recipients(ctx, m.mechanism.id).await? {
                let key = format!("m{}:s{}:summary:p{}", m.id, m.sequence, person);
                queued += deliver(ctx, key, person, Outgoing::RsvpSummary { meeting_id: m.id }).await? as usize;
            }
        }
        Job::MonthlyNudge { year, month } => {
            let Some(first) = NaiveDate::from_ymd_opt(*year, *month, 1) else {
                return Ok(Err("invalid month".into()));
            };
            let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
            let from = ctx.tz.from_local_datetime(&first.into()).earliest().map(|d| d.to_utc()).unwrap_or(now);
            let to = ctx.tz.from_local_datetime(&next.into()).earliest().map(|d| d.to_utc()).unwrap_or(now);
            let busy = meetings::mechanisms_with_meetings(&ctx.db, from, to).await?;
            for mech in reference::mechanisms(&ctx.db).await? {
                if busy.contains(&mech.id) {
                    continue;
                }
                let chairs: Vec<i64> = memberships::active_in_mechanism(&ctx.db, mech.id)
                    .await?
                    .into_iter()
                    .filter(|m| m.role == Role::Chair)
                    .map(|m| m.person_id)
                    .collect();
                for person in dedup(chairs) {
                    let key = format!("nudge:{year}-{month:02}:mech{}:p{person}", mech.id);
                    let msg = Outgoing::MonthlyNudge { mechanism_id: mech.id, year: *year, month: *month };
                    queued += deliver(ctx, key, person, msg).await? as usize;
                }
            }
        }
        other => return Ok(Err(format!("not a meetings fan-out job: {}", other.kind()))),
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// Plans the top-up of a monthly series at the start of each of its meetings (run by
/// `series::extend`, so that the series always has its next occurrences scheduled).
pub(crate) async fn plan_series_extensions(ctx: &Ctx, tx: &mut Tx, created: &[Meeting]) -> AppResult<()> {
    let now = ctx.clock.now();
    for m in created {
        let Some(series_id) = m.series_id else { continue };
        let key = format!("series{series_id}:extend:m{}", m.id);
        let job = Job::Decision(crate::domain::jobs::DecisionJob::ExtendSeries { series_id });
        jobs::enqueue_in(tx, &key, &job, m.starts_at, now).await?;
    }
    Ok(())
}
