//! The `.ics` file (RFC 5545) that comes with an invitation, so that the meeting lands in
//! the phone's calendar (and Outlook's): the organiser (the mechanism, with its chair's name),
//! the recipient as the only attendee with their role, two display alarms (1 day and 2 hours
//! before), a link when the place is one, and for a monthly series the monthly rule (the phone
//! imports a series). One UID per meeting (per series for a series' occurrences); SEQUENCE
//! raised on changes.
//!
//! The file is made for each recipient when their message is sent, never cached: it carries
//! no roster, so that nobody receives the names of the other members (or of people who left).

use super::Ctx;
use crate::domain::meeting::MonthlyRule;
use crate::domain::{AppResult, Language, Meeting, Role};
use crate::storage::{memberships, series};
use chrono::{DateTime, Duration, Utc, Weekday};
use icalendar::{Alarm, Calendar, Component, EventLike, EventStatus, Property, Trigger};

/// An attendee's part in the meeting (RFC 5545 `ROLE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendeeRole {
    Chair,
    /// A member organisation's focal point.
    Required,
    /// A member organisation's alternate (attends when the focal point hands over).
    Optional,
    /// An observer.
    NonParticipant,
}

impl AttendeeRole {
    fn ical(self) -> &'static str {
        match self {
            AttendeeRole::Chair => "CHAIR",
            AttendeeRole::Required => "REQ-PARTICIPANT",
            AttendeeRole::Optional => "OPT-PARTICIPANT",
            AttendeeRole::NonParticipant => "NON-PARTICIPANT",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub person_id: i64,
    pub role: AttendeeRole,
}

/// The series a meeting belongs to, as the calendar file shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInfo {
    pub uid: String,
    pub rule: MonthlyRule,
    /// The occurrence's place in the series (0 for the first): the series' SEQUENCE, so that
    /// each later invitation updates the series on the phone.
    pub index: u32,
    /// The occurrence's start as the rule planned it (RECURRENCE-ID of a changed occurrence).
    pub planned_start: DateTime<Utc>,
    /// The last occurrence once the chair stopped the series.
    pub until: Option<DateTime<Utc>>,
}

/// What the file carries besides the meeting itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarInfo {
    /// The chairs' names (the organiser is the mechanism, with these names).
    pub chairs: Vec<String>,
    pub attendees: Vec<Attendee>,
    pub series: Option<SeriesInfo>,
    /// The agenda with the accepted items (the meeting's own agenda when `None`).
    pub agenda: Option<String>,
}

/// The reminders a phone shows: 1 day and 2 hours before.
pub const ALARMS: [Duration; 2] = [Duration::days(1), Duration::hours(2)];

/// A name safe inside a quoted parameter value (no double quotes, no control characters).
fn param_text(s: &str) -> String {
    s.chars().filter(|c| *c != '"' && !c.is_control()).collect()
}

fn byday(rule: &MonthlyRule) -> String {
    let day = match rule.weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    };
    format!("{}{day}", rule.nth)
}

fn ical_utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The place as a link, when it is one (an online meeting).
pub fn place_link(place: &str) -> Option<url::Url> {
    url::Url::parse(place.trim()).ok().filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// The event of a meeting with what the services know about it.
fn meeting_event_with(meeting: &Meeting, dtstamp: DateTime<Utc>, info: &CalendarInfo) -> icalendar::Event {
    let summary = if meeting.mechanism.name_fr == meeting.mechanism.name_en {
        meeting.mechanism.name(Language::Fr).to_string()
    } else {
        format!("{} / {}", meeting.mechanism.name(Language::Fr), meeting.mechanism.name(Language::En))
    };
    let changed = meeting.cancelled || meeting.sequence > 0;
    let mut event = icalendar::Event::new();
    match &info.series {
        Some(s) => {
            event.uid(&s.uid);
            if changed {
                // One occurrence moved or cancelled: an exception to the series.
                event.append_property(Property::new("RECURRENCE-ID", ical_utc(s.planned_start)));
                event.sequence(u32::try_from(meeting.sequence).unwrap_or(0) + s.index);
            } else {
                let until = s.until.map(|u| format!(";UNTIL={}", ical_utc(u))).unwrap_or_default();
                event.append_property(Property::new("RRULE", format!("FREQ=MONTHLY;BYDAY={}{until}", byday(&s.rule))));
                event.sequence(s.index);
            }
        }
        None => {
            event.uid(&meeting.uid).sequence(u32::try_from(meeting.sequence).unwrap_or(0));
        }
    }
    event.timestamp(dtstamp).summary(&summary).starts(meeting.starts_at).ends(meeting.ends_at());
    if let Some(place) = &meeting.place {
        event.location(place);
        if let Some(link) = place_link(place) {
            event.url(link.as_str());
        }
    }
    if let Some(agenda) = info.agenda.as_ref().or(meeting.agenda.as_ref()) {
        event.description(agenda);
    }
    let organiser = match info.chairs.as_slice() {
        [] => meeting.mechanism.code.clone(),
        chairs => format!("{} — {}", meeting.mechanism.code, chairs.join(", ")),
    };
    event.append_property(
        Property::new("ORGANIZER", format!("urn:x-cluster-bot:mechanism:{}", meeting.mechanism.code))
            .add_parameter("CN", &param_text(&organiser))
            .done(),
    );
    for a in &info.attendees {
        event.append_multi_property(
            Property::new("ATTENDEE", format!("urn:x-cluster-bot:person:{}", a.person_id))
                .add_parameter("CN", &param_text(&a.name))
                .add_parameter("ROLE", a.role.ical())
                .add_parameter("CUTYPE", "INDIVIDUAL")
                .done(),
        );
    }
    event.status(if meeting.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    if !meeting.cancelled {
        for before in ALARMS {
            event.alarm(Alarm::display(&summary, Trigger::before_start(before)));
        }
    }
    event.done()
}

/// The calendar file of a meeting with what the services know about it.
pub fn meeting_ics_with(meeting: &Meeting, dtstamp: DateTime<Utc>, info: &CalendarInfo) -> String {
    let mut cal = calendar(if meeting.cancelled { "CANCEL" } else { "PUBLISH" });
    cal.push(meeting_event_with(meeting, dtstamp, info));
    cal.done().to_string()
}

/// A subscribed calendar (a personal feed): every meeting given, cancelled ones marked so.
/// Clients refresh it by themselves; UID and SEQUENCE let them update moved meetings.
pub fn feed_ics(meetings: &[Meeting], dtstamp: DateTime<Utc>, name: &str) -> String {
    let mut cal = calendar("PUBLISH");
    cal.append_property(Property::new("X-WR-CALNAME", name));
    cal.append_property(Property::new("REFRESH-INTERVAL;VALUE=DURATION", "PT1H"));
    cal.append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    for m in meetings {
        cal.push(meeting_event_with(m, dtstamp, &CalendarInfo::default()));
    }
    cal.done().to_string()
}

fn calendar(method: &str) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Protection Cluster Mali//cluster-bot//FR"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", method));
    cal
}

/// The calendar file of a meeting on its own (no series, no attendees).
pub fn meeting_ics(meeting: &Meeting, dtstamp: DateTime<Utc>) -> String {
    meeting_ics_with(meeting, dtstamp, &CalendarInfo::default())
}

/// The person a calendar file is made for, with the seat they are invited through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub person_id: i64,
    pub name: String,
    pub organisation: String,
    pub observer: bool,
    pub role: Role,
}

impl Recipient {
    fn attendee(&self) -> Attendee {
        let role = match self.role {
            Role::Chair => AttendeeRole::Chair,
            _ if self.observer => AttendeeRole::NonParticipant,
            Role::Focal => AttendeeRole::Required,
            Role::Alternate => AttendeeRole::Optional,
        };
        Attendee { name: format!("{} ({})", self.name, self.organisation), person_id: self.person_id, role }
    }
}

/// Gathers what the file of a meeting carries for one recipient: the chairs (the organiser),
/// the recipient as the only attendee, the series and the agenda with the accepted items.
pub async fn info(ctx: &Ctx, meeting: &Meeting, recipient: &Recipient) -> AppResult<CalendarInfo> {
    let chairs: Vec<String> = memberships::active_in_mechanism(&ctx.db, meeting.mechanism.id)
        .await?
        .into_iter()
        .filter(|ms| ms.role == Role::Chair)
        .map(|ms| ms.person_name)
        .collect();
    let attendees = vec![recipient.attendee()];
    let series = match meeting.series_id {
        Some(id) => series_info(ctx, id, meeting).await?,
        None => None,
    };
    let agenda = super::agenda::full_agenda(ctx, meeting).await?;
    Ok(CalendarInfo { chairs, attendees, series, agenda })
}

async fn series_info(ctx: &Ctx, series_id: i64, meeting: &Meeting) -> AppResult<Option<SeriesInfo>> {
    let Some(s) = series::by_id(&ctx.db, series_id).await? else { return Ok(None) };
    let all = series::meetings(&ctx.db, s.id).await?;
    let Some(first) = all.iter().map(|(_, at)| *at).min() else { return Ok(None) };
    // Occurrences are created in order, so the meeting's rank by id is its place in the rule.
    let mut ids: Vec<i64> = all.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    let Some(index) = ids.iter().position(|id| *id == meeting.id) else { return Ok(None) };
    let first_id = ids[0];
    let first_start = all.iter().find(|(id, _)| *id == first_id).map(|(_, at)| *at).unwrap_or(first);
    let planned_start = if index == 0 {
        first_start
    } else {
        let later = s.rule.occurrences(ctx.tz, first_start, index as u32);
        later.last().copied().unwrap_or(meeting.starts_at)
    };
    let until = match s.stopped_at {
        Some(_) => all.iter().map(|(_, at)| *at).max(),
        None => None,
    };
    Ok(Some(SeriesInfo {
        uid: format!("series-{}-{}@cluster-bot", s.id, first_start.format("%Y%m%d")),
        rule: s.rule,
        index: index as u32,
        planned_start,
        until,
    }))
}

/// The calendar file of a meeting as sent with one recipient's invitation (or change notice).
pub async fn invitation_ics(ctx: &Ctx, meeting: &Meeting, recipient: &Recipient) -> AppResult<String> {
    Ok(meeting_ics_with(meeting, ctx.clock.now(), &info(ctx, meeting, recipient).await?))
}

/// A file name for the invitation's calendar file.
pub fn ics_file_name(meeting: &Meeting) -> String {
    format!("{}-{}.ics", meeting.mechanism.code.to_ascii_lowercase(), meeting.starts_at.format("%Y%m%d"))
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
