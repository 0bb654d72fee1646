//! Minutes within 72 hours, their confidential distribution, and the follow-up plan of
//! recommendations (action points). Documents shared by chat are in `documents.rs`.

use super::Ctx;
use super::meetings::{Actor, get};
use super::outbox::{chair_recipients, deliver};
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing, PRIORITY_RESEND};
use crate::domain::memory::{DecisionLineError, FollowUpRef, Outcome};
use crate::domain::minutes::{
    ACTION_REMINDER_DAYS_BEFORE, MAX_MINUTES_TEXT, minutes_deadline, on_time, parse_action_points,
};
use crate::domain::personal_data::{self, PersonalData};
use crate::domain::{AppError, AppResult, Mechanism, Meeting, Organisation, Role};
use crate::storage::minutes::{ActionRow, MinutesRow, NewAction, NewMinutes};
use crate::storage::{Tx, jobs, memberships, minutes, people, reference};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// What the chair sends as minutes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MinutesContent {
    /// A document already uploaded to Telegram (its file_id is reused for every member).
    Document {
        file_id: String,
        file_name: Option<String>,
    },
    Text(String),
}

/// Past meetings of the mechanisms a person manages, those without minutes first.
pub async fn shareable_meetings(ctx: &Ctx, access: &Access, limit: i64) -> AppResult<Vec<(Meeting, bool)>> {
    let mut out = Vec::new();
    for m in super::meetings::past_meetings(ctx, access, limit).await? {
        let has = minutes::for_meeting(&ctx.db, m.id).await?.is_some();
        out.push((m, has));
    }
    out.sort_by_key(|(m, has)| (*has, std::cmp::Reverse(m.starts_at)));
    Ok(out)
}

/// The meeting whose minutes may be shared now: managed, ended, not cancelled, none yet.
pub async fn check_shareable(ctx: &Ctx, actor: Actor<'_>, meeting_id: i64) -> AppResult<Meeting> {
    let m = super::meetings::managed(ctx, actor, meeting_id).await?;
    if m.cancelled {
        return Err(AppError::MeetingCancelled);
    }
    if ctx.clock.now() < m.ends_at() {
        return Err(AppError::MeetingNotEnded);
    }
    if minutes::for_meeting(&ctx.db, m.id).await?.is_some() {
        return Err(AppError::MinutesAlreadyShared);
    }
    Ok(m)
}

/// Parses typed action points and finds their organisations. Action points are shared
/// beyond the minutes (reminders, /actions): personal data in them is refused.
pub async fn resolve_actions(ctx: &Ctx, text: &str) -> AppResult<Vec<(String, Organisation, NaiveDate)>> {
    let mut out = Vec::new();
    for (i, d) in parse_action_points(text)?.into_iter().enumerate() {
        if let Some(kind) = personal_data::detect(&d.what) {
            return Err(AppError::PersonalData(kind));
        }
        let org = reference::organisation_by_acronym(&ctx.db, &d.organisation)
            .await?
            .ok_or_else(|| AppError::ActionOrganisation { line: i + 1, acronym: d.organisation.clone() })?;
        out.push((d.what, org, d.due));
    }
    Ok(out)
}

/// Minutes text is internal and may need a name or a number: personal data in it is not
/// refused, but the chair is warned and asked to confirm (the dialog asks this first).
pub fn minutes_text_warning(content: &MinutesContent) -> Option<PersonalData> {
    match content {
        MinutesContent::Text(t) => personal_data::detect(t),
        MinutesContent::Document { .. } => None,
    }
}

/// Shares the minutes: stored with their action points, distributed to the mechanism's
/// members through the scheduler; the reminders left for the chair are cancelled.
pub async fn share(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    content: &MinutesContent,
    actions_text: Option<&str>,
) -> AppResult<i64> {
    // Without decisions there is no decision line that could fail.
    let done = share_with(ctx, actor, meeting_id, content, actions_text, &MinutesExtras::default()).await?;
    done.map_err(AppError::internal)
}

/// What the chair adds to the minutes besides the action points: the decisions recorded
/// ("what; ORG; review dd/mm/yyyy" lines), what they marked for the follow-up, and the class
/// (internal when `None`).
#[derive(Debug, Clone, Default)]
pub struct MinutesExtras<'a> {
    pub decisions: Option<&'a str>,
    pub follow_up: &'a [(FollowUpRef, Option<Outcome>)],
    pub class: Option<&'a crate::domain::sensitivity::Class>,
    /// The organisation the chair names as the source (a member organisation of the
    /// mechanism); otherwise the one the sharer sits for, else the chair's.
    pub source: Option<i64>,
}

/// The source organisation of minutes of this mechanism: the one named (which must be a member
/// organisation of it), else the one the sharer sits for, else the chair's organisation.
pub async fn minutes_source(
    ctx: &Ctx,
    actor: Actor<'_>,
    mechanism_id: i64,
    named: Option<i64>,
) -> AppResult<Option<crate::domain::Organisation>> {
    let members = super::sensitivity::member_organisations(ctx, &[mechanism_id]).await?;
    if let Some(o) = named {
        return match members.into_iter().find(|m| m.id == o) {
            Some(org) => Ok(Some(org)),
            None => Err(crate::domain::sensitivity::ClassRefusal::SourceNotMember.into()),
        };
    }
    let chair_org = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .find(|s| s.role == Role::Chair)
        .map(|s| s.organisation.id);
    let id = match actor {
        Actor::CommandLine => None,
        Actor::Person(a) => source_seat(a, &[mechanism_id]),
    }
    .or(chair_org);
    Ok(id.and_then(|id| members.into_iter().find(|m| m.id == id)))
}

/// The organisation a person sits for in these mechanisms (chair seats first): the source
/// of what they share.
pub fn source_seat(access: &Access, mechanism_ids: &[i64]) -> Option<i64> {
    let mut seats: Vec<_> = access.memberships.iter().filter(|s| mechanism_ids.contains(&s.mechanism.id)).collect();
    seats.sort_by_key(|s| s.role != Role::Chair);
    seats.first().map(|s| s.organisation.id)
}

/// Shares minutes with their class (internal, restricted to organisations, or public); the
/// chair's organisation is their source.
pub async fn share_classed(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    content: &MinutesContent,
    actions_text: Option<&str>,
    class: &crate::domain::sensitivity::Class,
) -> AppResult<i64> {
    let extras = MinutesExtras { class: Some(class), ..Default::default() };
    share_with(ctx, actor, meeting_id, content, actions_text, &extras).await?.map_err(AppError::internal)
}

/// [`share`] with the decisions, the follow-up and the class, all in the same transaction. A
/// decision line that no longer reads (a review date passed meanwhile) is `Ok(Err(..))`.
pub async fn share_with(
    ctx: &Ctx,
    actor: Actor<'_>,
    meeting_id: i64,
    content: &MinutesContent,
    actions_text: Option<&str>,
    extras: &MinutesExtras<'_>,
) -> AppResult<Result<i64, DecisionLineError>> {
    let m = check_shareable(ctx, actor, meeting_id).await?;
    let internal = crate::domain::sensitivity::Class::default();
    let class = super::sensitivity::check(ctx, extras.class.unwrap_or(&internal), &[m.mechanism.id]).await?;
    let source = minutes_source(ctx, actor, m.mechanism.id, extras.source).await?.map(|o| o.id);
    if let MinutesContent::Text(t) = content
        && (t.trim().is_empty() || t.chars().count() > MAX_MINUTES_TEXT)
    {
        return Err(AppError::TextTooLong { max: MAX_MINUTES_TEXT });
    }
    let actions = match actions_text {
        Some(t) => resolve_actions(ctx, t).await?,
        None => vec![],
    };
    let decisions = match extras.decisions {
        Some(t) => match super::register::resolve_decisions(ctx, t).await? {
            Ok(d) => d,
            Err(e) => return Ok(Err(e)),
        },
        None => vec![],
    };
    let marks = super::followup::valid_marks(ctx, &m, extras.follow_up).await?;
    let now = ctx.clock.now();
    let (file_id, file_name, body) = match content {
        MinutesContent::Document { file_id, file_name } => (Some(file_id.as_str()), file_name.as_deref(), None),
        MinutesContent::Text(t) => (None, None, Some(t.trim())),
    };
    let shared_by = match actor {
        Actor::CommandLine => None,
        Actor::Person(a) => Some(a.person.id),
    };
    let new_actions: Vec<NewAction> =
        actions.iter().map(|(what, org, due)| NewAction { what, organisation_id: org.id, due: *due }).collect();
    // The minutes, their action points, the end of the chair's reminders, the distribution
    // and the action reminders are written together or not at all.
    let mut tx = ctx.db.begin().await?;
    let (minutes_id, action_ids) = minutes::insert_in(
        &mut tx,
        NewMinutes { meeting_id: m.id, file_id, file_name, body, shared_by },
        &new_actions,
        now,
    )
    .await?;
    crate::storage::sensitivity::set_in(
        &mut tx,
        crate::storage::sensitivity::Item::Minutes(minutes_id),
        &class,
        source,
    )
    .await?;
    jobs::cancel_by_key_prefix_in(&mut tx, &format!("min:m{}:", m.id), now).await?;
    jobs::enqueue_in(
        &mut tx,
        &format!("minutes{minutes_id}:distribute"),
        &Job::DistributeMinutes { minutes_id },
        now,
        now,
    )
    .await?;
    for (id, (_, _, due)) in action_ids.iter().zip(&actions) {
        schedule_action_reminders(ctx, &mut tx, *id, *due).await?;
    }
    super::register::record_in(ctx, &mut tx, &m, shared_by, &decisions, &marks).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Ok(minutes_id))
}

/// Action points are reminded at 09:00 three days before their due date, and on it.
async fn schedule_action_reminders(ctx: &Ctx, tx: &mut Tx, action_id: i64, due: NaiveDate) -> AppResult<()> {
    let now = ctx.clock.now();
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    let before = Duration::try_days(ACTION_REMINDER_DAYS_BEFORE).and_then(|d| due.checked_sub_signed(d));
    for (due_today, day) in [(false, before), (true, Some(due))] {
        let Some(at) = day.and_then(|day| crate::domain::meeting::local_to_utc(ctx.tz, day, nine)) else { continue };
        if at < now {
            continue;
        }
        let key = format!("ap{action_id}:{}", if due_today { "due" } else { "before" });
        jobs::enqueue_in(tx, &key, &Job::ActionReminder { action_id, due_today }, at, now).await?;
    }
    Ok(())
}

/// Everyone who receives what a mechanism shares: its active members and the coordinators;
/// members of observer organisations only where the mechanism's policy lets them.
pub async fn mechanism_recipients(ctx: &Ctx, mechanism_id: i64) -> AppResult<Vec<i64>> {
    let observers = reference::observers_receive(&ctx.db, mechanism_id).await?;
    let mut ids: Vec<i64> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| observers || m.role == Role::Chair || !m.organisation.observer)
        .map(|m| m.person_id)
        .collect();
    ids.extend(people::coordinators(&ctx.db).await?.into_iter().map(|p| p.id));
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn msg_of(minutes_id: i64) -> Outgoing {
    Outgoing::Minutes { minutes_id }
}

/// Those of the recipients a restricted item is meant for (the others are not queued; the
/// delivery path checks each one again when it sends).
pub async fn class_recipients(ctx: &Ctx, people: Vec<i64>, message: &Outgoing) -> AppResult<Vec<i64>> {
    let mut out = Vec::with_capacity(people.len());
    for p in people {
        if super::access::may_receive(ctx, p, message).await? != Some(super::access::Withheld::Restricted) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Runs the minutes' fan-out jobs. `Ok(Err(reason))` when the job had become pointless.
pub async fn fan_out(ctx: &Ctx, job: &Job) -> AppResult<Result<usize, String>> {
    let mut queued = 0;
    match job {
        Job::MinutesReminder { meeting_id, hours } => {
            let m = get(ctx, *meeting_id).await?;
            if m.cancelled || minutes::for_meeting(&ctx.db, m.id).await?.is_some() {
                return Ok(Err("minutes shared or meeting cancelled".into()));
            }
            for chair in chair_recipients(ctx, m.mechanism.id).await? {
                let key = format!("min:m{}:remind{hours}h:p{chair}", m.id);
                queued += usize::from(
                    deliver(ctx, key, chair, Outgoing::MinutesReminder { meeting_id: m.id, hours: *hours }).await?,
                );
            }
        }
        Job::MinutesOverdue { meeting_id } => {
            let m = get(ctx, *meeting_id).await?;
            if m.cancelled || minutes::for_meeting(&ctx.db, m.id).await?.is_some() {
                return Ok(Err("minutes shared or meeting cancelled".into()));
            }
            if !minutes::mark_overdue(&ctx.db, m.id, ctx.clock.now()).await? {
                return Ok(Err("already marked overdue".into()));
            }
            for c in people::coordinators(&ctx.db).await? {
                let key = format!("overdue:m{}:p{}", m.id, c.id);
                queued += usize::from(deliver(ctx, key, c.id, Outgoing::MinutesOverdue { meeting_id: m.id }).await?);
            }
        }
        Job::DistributeMinutes { minutes_id } => {
            let mn = minutes::by_id(&ctx.db, *minutes_id).await?.ok_or(AppError::NotFound)?;
            let m = get(ctx, mn.meeting_id).await?;
            for person in
                class_recipients(ctx, mechanism_recipients(ctx, m.mechanism.id).await?, &msg_of(mn.id)).await?
            {
                let key = format!("minutes{}:p{person}", mn.id);
                queued += usize::from(deliver(ctx, key, person, Outgoing::Minutes { minutes_id: mn.id }).await?);
            }
        }
        Job::DistributeDocument { document_id } => {
            let mut everyone = Vec::new();
            for mech in minutes::document_mechanisms(&ctx.db, *document_id).await? {
                everyone.extend(mechanism_recipients(ctx, mech).await?);
            }
            everyone.sort_unstable();
            everyone.dedup();
            let everyone = class_recipients(ctx, everyone, &Outgoing::Document { document_id: *document_id }).await?;
            for person in everyone {
                let key = format!("doc{document_id}:p{person}");
                queued +=
                    usize::from(deliver(ctx, key, person, Outgoing::Document { document_id: *document_id }).await?);
            }
        }
        Job::ActionReminder { action_id, due_today } => {
            let a = minutes::action(&ctx.db, *action_id).await?.ok_or(AppError::NotFound)?;
            if a.is_done() || a.dropped {
                return Ok(Err("action point done or dropped".into()));
            }
            for role in [Role::Focal, Role::Alternate] {
                if let Some(h) = memberships::seat_holder(&ctx.db, a.organisation_id, a.mechanism_id, role).await? {
                    let key = format!("ap{}:{}:p{}", a.id, if *due_today { "due" } else { "before" }, h.person_id);
                    let msg = Outgoing::ActionReminder { action_id: a.id, due_today: *due_today };
                    queued += usize::from(deliver(ctx, key, h.person_id, msg).await?);
                }
            }
        }
        _ => return Ok(Err("not a minutes job".into())),
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// The meeting a minutes-related delivery is about (for failure reports to the chair).
pub async fn meeting_of(ctx: &Ctx, message: &Outgoing) -> AppResult<Option<i64>> {
    Ok(match message {
        Outgoing::Minutes { minutes_id } => minutes::by_id(&ctx.db, *minutes_id).await?.map(|m| m.meeting_id),
        Outgoing::ActionReminder { action_id, .. } => minutes::action(&ctx.db, *action_id).await?.map(|a| a.meeting_id),
        other => other.meeting_id(),
    })
}

/// Minutes a member may ask for again: the latest of each of their mechanisms.
pub async fn available_minutes(
    ctx: &Ctx,
    access: &Access,
    per_mechanism: i64,
) -> AppResult<Vec<(Meeting, MinutesRow)>> {
    access.require_member()?;
    let mechs = super::people::internal_mechanisms(ctx, access).await?;
    let mut out = Vec::new();
    for mech in mechs {
        for mn in minutes::latest_for_mechanism(&ctx.db, mech, per_mechanism).await? {
            out.push((get(ctx, mn.meeting_id).await?, mn));
        }
    }
    out.sort_by_key(|(m, _)| std::cmp::Reverse(m.starts_at));
    Ok(out)
}

/// How many minutes of each mechanism `/minutes` lists (and may be sent again).
pub const LISTED_PER_MECHANISM: i64 = 3;

/// How often a person may ask for minutes again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResendLimits {
    /// The same minutes to the same person: once within this period (more presses are the same request).
    pub same_minutes: Duration,
    /// At most `per_person` re-sends to a person within `window`.
    pub per_person: i64,
    pub window: Duration,
}

impl Default for ResendLimits {
    fn default() -> Self {
        Self { same_minutes: Duration::hours(1), per_person: 3, window: Duration::minutes(10) }
    }
}

/// What became of a request to send minutes again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resent {
    Queued,
    /// The same request was already made lately: nothing more is queued.
    AlreadyQueued,
}

/// Sends minutes again to a member of the mechanism (a late joiner), protected and recorded.
/// Only the minutes `/minutes` lists; the same minutes once per period per person; a few
/// re-sends per person at a time, queued after everything else due (they cannot delay
/// others' invitations and reminders).
pub async fn resend(ctx: &Ctx, access: &Access, minutes_id: i64) -> AppResult<()> {
    resend_checked(ctx, access, minutes_id).await.map(|_| ())
}

pub async fn resend_checked(ctx: &Ctx, access: &Access, minutes_id: i64) -> AppResult<Resent> {
    let mn = minutes::by_id(&ctx.db, minutes_id).await?.ok_or(AppError::NotFound)?;
    let m = get(ctx, mn.meeting_id).await?;
    if !access.coordinator && !access.memberships.iter().any(|ms| ms.mechanism.id == m.mechanism.id) {
        return Err(AppError::NotAllowed);
    }
    super::sensitivity::require_allowed(
        ctx,
        access,
        crate::storage::sensitivity::Item::Minutes(mn.id),
        &[m.mechanism.id],
    )
    .await?;
    // Only what /minutes lists (older buttons have expired).
    let listed = available_minutes(ctx, access, LISTED_PER_MECHANISM).await?;
    let Some((_, mn)) = listed.into_iter().find(|(_, mn)| mn.id == minutes_id) else {
        return Err(AppError::NotFound);
    };
    let now = ctx.clock.now();
    let limits = ctx.resend;
    let person_prefix = format!("resend:p{}:", access.person.id);
    let same_prefix = format!("{person_prefix}mn{}:", mn.id);
    if jobs::count_by_key_prefix_since(&ctx.db, &same_prefix, now - limits.same_minutes).await? > 0 {
        return Ok(Resent::AlreadyQueued);
    }
    let since = now - limits.window;
    if jobs::count_by_key_prefix_since(&ctx.db, &person_prefix, since).await? >= limits.per_person {
        let oldest = jobs::oldest_by_key_prefix_since(&ctx.db, &person_prefix, since).await?.unwrap_or(now);
        let wait_secs = (oldest + limits.window - now).num_seconds().max(1);
        return Err(AppError::TooManyRequests { wait_secs });
    }
    let key = format!("{same_prefix}{}", now.timestamp());
    let job = Job::Deliver { person_id: access.person.id, message: Outgoing::Minutes { minutes_id: mn.id } };
    jobs::enqueue_with_priority(&ctx.db, &key, &job, PRIORITY_RESEND, now, now).await?;
    ctx.wake.notify_one();
    Ok(Resent::Queued)
}

/// A past meeting without minutes, for /missing.
#[derive(Debug, Clone)]
pub struct Missing {
    pub meeting: Meeting,
    pub deadline: DateTime<Utc>,
    pub overdue: bool,
}

pub async fn missing(ctx: &Ctx, access: &Access) -> AppResult<Vec<Missing>> {
    let now = ctx.clock.now();
    let mut out = Vec::new();
    for m in super::meetings::past_meetings(ctx, access, 50).await? {
        if minutes::for_meeting(&ctx.db, m.id).await?.is_none() {
            let deadline = minutes_deadline(m.ends_at());
            out.push(Missing { overdue: now > deadline, deadline, meeting: m });
        }
    }
    out.sort_by_key(|x| x.meeting.starts_at);
    Ok(out)
}

/// Share of meetings whose minutes went out within 72 h.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Compliance {
    /// Meetings counted: ended in the period, and either with minutes or past their deadline.
    pub meetings: usize,
    pub on_time: usize,
}

impl Compliance {
    pub fn percent(&self) -> Option<u32> {
        (self.meetings > 0).then(|| ((self.on_time * 100 + self.meetings / 2) / self.meetings) as u32)
    }
}

pub async fn compliance(ctx: &Ctx, mechanism_id: i64, months: u32) -> AppResult<Compliance> {
    let now = ctx.clock.now();
    let from = now - Duration::days(30 * i64::from(months));
    let mut c = Compliance::default();
    for (_, starts_at, minutes_len, shared_at, _) in
        minutes::meetings_with_minutes(&ctx.db, mechanism_id, from, now).await?
    {
        let ends = crate::storage::from_ts_pub(starts_at) + Duration::minutes(minutes_len);
        let shared = shared_at.map(crate::storage::from_ts_pub);
        if shared.is_none() && now <= minutes_deadline(ends) {
            continue; // still within its 72 hours
        }
        c.meetings += 1;
        c.on_time += usize::from(on_time(ends, shared));
    }
    Ok(c)
}

/// Compliance of every mechanism that had meetings in the period.
pub async fn compliance_all(ctx: &Ctx, months: u32) -> AppResult<Vec<(Mechanism, Compliance)>> {
    let mut out = Vec::new();
    for mech in reference::mechanisms(&ctx.db).await? {
        let c = compliance(ctx, mech.id, months).await?;
        if c.meetings > 0 {
            out.push((mech, c));
        }
    }
    Ok(out)
}

/// The follow-up plan of the mechanisms a person belongs to (coordinators: all).
pub async fn action_plan(ctx: &Ctx, access: &Access) -> AppResult<Vec<(Mechanism, Vec<ActionRow>)>> {
    access.require_member()?;
    let inside = super::people::internal_mechanisms(ctx, access).await?;
    let mechs: Vec<Mechanism> =
        reference::mechanisms(&ctx.db).await?.into_iter().filter(|m| inside.contains(&m.id)).collect();
    let mut out = Vec::new();
    for mech in mechs {
        let rows = minutes::actions_of_mechanism(&ctx.db, mech.id).await?;
        if !rows.is_empty() {
            out.push((mech, rows));
        }
    }
    Ok(out)
}

/// Who may mark an action point done: the responsible organisation's focal point or
/// alternate, the mechanism's chair, a coordinator.
pub fn may_mark(access: &Access, a: &ActionRow) -> bool {
    access.coordinator
        || access.memberships.iter().any(|m| {
            m.mechanism.id == a.mechanism_id
                && (m.role == Role::Chair || (m.organisation.id == a.organisation_id && m.role.is_single_seat()))
        })
}

pub async fn mark_done(ctx: &Ctx, access: &Access, action_id: i64) -> AppResult<ActionRow> {
    let a = minutes::action(&ctx.db, action_id).await?.ok_or(AppError::NotFound)?;
    if !may_mark(access, &a) {
        return Err(AppError::NotAllowed);
    }
    minutes::mark_action_done(&ctx.db, a.id, access.person.id, ctx.clock.now()).await?;
    minutes::action(&ctx.db, a.id).await?.ok_or(AppError::NotFound)
}
