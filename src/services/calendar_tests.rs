use super::*;
use crate::domain::Mechanism;
use crate::domain::meeting::MeetingKind;
use chrono::{NaiveDate, NaiveTime};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

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
        starts_at: at("2026-12-08T10:00:00Z"),
        duration_minutes: 120,
        place: Some("Bureau UNHCR, Bamako; salle 2".into()),
        agenda: Some("1. Tour de table\n2. 4W".into()),
        kind: MeetingKind::Regular,
        cancelled,
        sequence,
        invitations_sent_at: None,
    }
}

/// Parses a calendar file back with an independent parser (the `ical` crate).
fn parse(ics: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = cals.next().expect("one calendar").expect("a valid calendar");
    assert!(cals.next().is_none());
    cal
}

fn props<'a>(list: &'a [ical::property::Property], name: &str) -> Vec<&'a ical::property::Property> {
    list.iter().filter(|p| p.name == name).collect()
}

fn value(list: &[ical::property::Property], name: &str) -> Option<String> {
    props(list, name).first().and_then(|p| p.value.clone())
}

fn param(p: &ical::property::Property, key: &str) -> Option<String> {
    p.params.as_ref()?.iter().find(|(k, _)| k == key).map(|(_, v)| v.join(","))
}

#[test]
fn ics_has_stable_uid_sequence_and_crlf_lines() {
    let stamp = at("2026-12-01T08:00:00Z");
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
    assert!(!moved.contains("BEGIN:VALARM"), "no alarm for a cancelled meeting");
}

fn series_info(index: u32, until: Option<DateTime<Utc>>) -> CalendarInfo {
    let rule = MonthlyRule::from_first(
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
    );
    CalendarInfo {
        chairs: vec!["Awa Traoré".into()],
        attendees: vec![
            Attendee { name: "Awa Traoré (UNHCR)".into(), person_id: 1, role: AttendeeRole::Chair },
            Attendee { name: "Jon \"JJ\" Berg (NRC)".into(), person_id: 2, role: AttendeeRole::Required },
            Attendee { name: "Fanta Diallo (UNICEF)".into(), person_id: 3, role: AttendeeRole::Optional },
            Attendee { name: "Marc Keller (CICR)".into(), person_id: 4, role: AttendeeRole::NonParticipant },
        ],
        series: Some(SeriesInfo {
            uid: "series-3-20261208@cluster-bot".into(),
            rule,
            index,
            planned_start: at("2026-12-08T10:00:00Z"),
            until,
        }),
        agenda: Some("1. Tour de table\n2. 4W\nRetours à Ménaka (NRC)".into()),
    }
}

#[test]
fn a_series_occurrence_parses_back_with_organiser_attendees_alarms_and_the_monthly_rule() {
    let mut m = meeting(0, false);
    m.place = Some("https://meet.example.org/cpn-mensuel".into());
    let ics = meeting_ics_with(&m, at("2026-12-01T08:00:00Z"), &series_info(0, None));
    let cal = parse(&ics);
    assert_eq!(cal.events.len(), 1);
    let ev = &cal.events[0];
    let p = &ev.properties;
    assert_eq!(value(p, "UID").as_deref(), Some("series-3-20261208@cluster-bot"));
    assert_eq!(value(p, "URL").as_deref(), Some("https://meet.example.org/cpn-mensuel"));
    assert_eq!(value(p, "RRULE").as_deref(), Some("FREQ=MONTHLY;BYDAY=2TU"));
    assert!(props(p, "RECURRENCE-ID").is_empty());
    let organiser = props(p, "ORGANIZER");
    assert_eq!(organiser.len(), 1);
    assert_eq!(param(organiser[0], "CN").as_deref(), Some("CPN — Awa Traoré"));
    let attendees = props(p, "ATTENDEE");
    let roles: Vec<(String, String)> =
        attendees.iter().map(|a| (param(a, "CN").unwrap(), param(a, "ROLE").unwrap())).collect();
    assert_eq!(
        roles,
        [
            ("Awa Traoré (UNHCR)".to_string(), "CHAIR".to_string()),
            ("Jon JJ Berg (NRC)".into(), "REQ-PARTICIPANT".into()),
            ("Fanta Diallo (UNICEF)".into(), "OPT-PARTICIPANT".into()),
            ("Marc Keller (CICR)".into(), "NON-PARTICIPANT".into()),
        ]
    );
    assert!(value(p, "DESCRIPTION").unwrap().contains("Retours à Ménaka (NRC)"));
    let triggers: Vec<String> = ev.alarms.iter().map(|a| value(&a.properties, "TRIGGER").unwrap()).collect();
    // 1 day and 2 hours before the start (RFC 5545 durations in seconds).
    assert_eq!(triggers, ["-PT86400S", "-PT7200S"]);
    assert!(ev.alarms.iter().all(|a| value(&a.properties, "ACTION").as_deref() == Some("DISPLAY")));

    // A calendar expands the rule into the same dates as the bot's own series.
    let rrule = format!("DTSTART:{}\nRRULE:{}", value(p, "DTSTART").unwrap(), value(p, "RRULE").unwrap());
    let set: rrule::RRuleSet = rrule.parse().unwrap();
    let expanded: Vec<DateTime<Utc>> = set.all(6).dates.iter().map(|d| d.with_timezone(&Utc)).collect();
    let rule = series_info(0, None).series.unwrap().rule;
    let mut ours = vec![m.starts_at];
    ours.extend(rule.occurrences(chrono_tz::Africa::Bamako, m.starts_at, 5));
    assert_eq!(expanded, ours);
}

#[test]
fn a_stopped_series_ends_and_a_changed_occurrence_is_an_exception() {
    let ics = meeting_ics_with(
        &meeting(0, false),
        at("2026-12-01T08:00:00Z"),
        &series_info(2, Some(at("2027-05-11T10:00:00Z"))),
    );
    let cal = parse(&ics);
    let p = &cal.events[0].properties;
    assert_eq!(value(p, "RRULE").as_deref(), Some("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270511T100000Z"));
    assert_eq!(value(p, "SEQUENCE").as_deref(), Some("2"));

    let mut moved = meeting(1, false);
    moved.starts_at = at("2026-12-10T10:00:00Z");
    let ics = meeting_ics_with(&moved, at("2026-12-01T08:00:00Z"), &series_info(0, None));
    let p = &parse(&ics).events[0].properties;
    assert_eq!(value(p, "RECURRENCE-ID").as_deref(), Some("20261208T100000Z"));
    assert_eq!(value(p, "DTSTART").as_deref(), Some("20261210T100000Z"));
    assert!(props(p, "RRULE").is_empty());
    assert_eq!(value(p, "SEQUENCE").as_deref(), Some("1"));

    let ics = meeting_ics_with(&meeting(1, true), at("2026-12-01T08:00:00Z"), &series_info(0, None));
    let cal = parse(&ics);
    assert_eq!(value(&cal.properties, "METHOD").as_deref(), Some("CANCEL"));
    assert_eq!(value(&cal.events[0].properties, "STATUS").as_deref(), Some("CANCELLED"));
    assert!(cal.events[0].alarms.is_empty());
}

#[test]
fn only_web_links_are_urls() {
    assert!(place_link("https://meet.example.org/x").is_some());
    assert!(place_link("Bureau UNHCR, Bamako").is_none());
    assert!(place_link("javascript:alert(1)").is_none());
}
