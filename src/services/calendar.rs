//! The `.ics` file (RFC 5545) that comes with an invitation, so that the meeting lands in
//! the phone's calendar. One UID per meeting; SEQUENCE raised on every change.

use crate::domain::{Language, Meeting};
use icalendar::{Calendar, Component, EventLike, EventStatus, Property};

/// The calendar file for a meeting. Its summary carries the mechanism's name in both
/// languages, so that one uploaded file serves every invitee.
pub fn meeting_ics(meeting: &Meeting, dtstamp: chrono::DateTime<chrono::Utc>) -> String {
    let mut cal = calendar(if meeting.cancelled { "CANCEL" } else { "PUBLISH" });
    cal.push(meeting_event(meeting, dtstamp));
    cal.done().to_string()
}

/// A subscribed calendar (a personal feed): every meeting given, cancelled ones marked so.
/// Clients refresh it by themselves; UID and SEQUENCE let them update moved meetings.
pub fn feed_ics(meetings: &[Meeting], dtstamp: chrono::DateTime<chrono::Utc>, name: &str) -> String {
    let mut cal = calendar("PUBLISH");
    cal.append_property(Property::new("X-WR-CALNAME", name));
    cal.append_property(Property::new("REFRESH-INTERVAL;VALUE=DURATION", "PT1H"));
    cal.append_property(Property::new("X-PUBLISHED-TTL", "PT1H"));
    for m in meetings {
        cal.push(meeting_event(m, dtstamp));
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

fn meeting_event(meeting: &Meeting, dtstamp: chrono::DateTime<chrono::Utc>) -> icalendar::Event {
    let summary = if meeting.mechanism.name_fr == meeting.mechanism.name_en {
        meeting.mechanism.name(Language::Fr).to_string()
    } else {
        format!("{} / {}", meeting.mechanism.name(Language::Fr), meeting.mechanism.name(Language::En))
    };
    let mut event = icalendar::Event::new();
    event
        .uid(&meeting.uid)
        .sequence(u32::try_from(meeting.sequence).unwrap_or(0))
        .timestamp(dtstamp)
        .summary(&summary)
        .starts(meeting.starts_at)
        .ends(meeting.ends_at());
    if let Some(place) = &meeting.place {
        event.location(place);
    }
    if let Some(agenda) = &meeting.agenda {
        event.description(agenda);
    }
    event.status(if meeting.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    event.done()
}

/// A file name for the invitation's calendar file.
pub fn ics_file_name(meeting: &Meeting) -> String {
    format!("{}-{}.ics", meeting.mechanism.code.to_ascii_lowercase(), meeting.starts_at.format("%Y%m%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Mechanism;
    use crate::domain::meeting::MeetingKind;

    fn meeting(sequence: i64, cancelled: bool) -> Meeting {
        Meeting {
            id: 7,
            uid: "meeting-abc@cluster-bot".into(),
            mechanism: Mechanism {
                id: 1,
                code: "CPN".into(),
                name_fr: "Cluster Protection national".into(),
                name_en: "National Protection Cluster".into(),
            },
            series_id: None,
            starts_at: chrono::DateTime::parse_from_rfc3339("2026-12-08T10:00:00Z").unwrap().to_utc(),
            duration_minutes: 120,
            place: Some("Bureau UNHCR, Bamako; salle 2".into()),
            agenda: Some("1. Tour de table\n2. 4W".into()),
            kind: MeetingKind::Regular,
            cancelled,
            sequence,
            invitations_sent_at: None,
            ics_file_id: None,
            ics_sequence: None,
        }
    }

    #[test]
    fn ics_has_stable_uid_sequence_and_crlf_lines() {
        let stamp = chrono::DateTime::parse_from_rfc3339("2026-12-01T08:00:00Z").unwrap().to_utc();
        let ics = meeting_ics(&meeting(0, false), stamp);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("\r\nUID:meeting-abc@cluster-bot\r\n"));
        assert!(ics.contains("\r\nSEQUENCE:0\r\n"));
        assert!(ics.contains("\r\nDTSTART:20261208T100000Z\r\n"));
        assert!(ics.contains("\r\nDTEND:20261208T120000Z\r\n"));
        assert!(ics.contains("\r\nDTSTAMP:20261201T080000Z\r\n"));
        assert!(ics.contains("LOCATION:Bureau UNHCR\\, Bamako\\; salle 2"), "text is escaped: {ics}");
        assert!(ics.contains("STATUS:CONFIRMED"));
        assert!(ics.lines().all(|l| l.len() <= 75), "lines are folded");
        let moved = meeting_ics(&meeting(1, true), stamp);
        assert!(moved.contains("\r\nUID:meeting-abc@cluster-bot\r\n") && moved.contains("\r\nSEQUENCE:1\r\n"));
        assert!(moved.contains("STATUS:CANCELLED") && moved.contains("METHOD:CANCEL"));
        assert!(moved.contains("SUMMARY:Cluster Protection national / National Protection Cluster"), "{moved}");
    }
}
