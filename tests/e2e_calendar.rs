//! /calendar end to end: the member gets their feed link in the chat, the feed (served by the
//! bot's own HTTP server) is parsed back and follows a moved meeting, the button rotates the
//! link, and after /leave the same link serves an empty calendar.

use crate::{fake_bot_api, harness};

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Language, ManualClock, Role};
use cluster_bot::i18n::{CalendarMsg, MainMsg};
use cluster_bot::observability::ReadinessOptions;
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::membership;
use fake_bot_api::{FakeOptions, FakeUser};
use harness::{TestBot, button, start_time};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};

/// The feed address in a /calendar answer.
fn link(text: &str) -> String {
    text.lines().find(|l| l.starts_with("http")).unwrap_or_else(|| panic!("no link in {text}")).trim().to_string()
}

async fn fetch(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// (uid, start, sequence) of each event.
fn events(ics: &str) -> Vec<(String, DateTime<Utc>, u32)> {
    let cal: icalendar::Calendar = ics.parse().unwrap();
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            let Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(start))) = e.get_start() else {
                panic!("start in UTC expected: {ics}")
            };
            (e.get_uid().unwrap().to_string(), start, e.get_sequence().unwrap_or(0))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_subscribes_once_sees_a_moved_meeting_rotates_the_link_and_leaves() {
    let mut app =
        TestBot::start_http(FakeOptions::default(), ManualClock::new(start_time()), false, ReadinessOptions::default())
            .await;
    let awa = FakeUser::new(201, "Awa").language("en");
    app.member(&awa, "NRC", "CPN", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: start_time() + Duration::days(10),
        duration_minutes: 120,
        place: Some("UNHCR".into()),
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let m = svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);

    let shown = app.send(&awa, "/calendar").await;
    let text = shown.text.clone().unwrap();
    let url = link(&text);
    assert!(url.starts_with(&format!("{}cal/", app.http_base())) && url.ends_with(".ics"), "{url}");
    assert!(text.contains("From URL"), "how to subscribe is explained: {text}");
    let (status, body) = fetch(&url).await;
    assert_eq!(status, 200);
    assert_eq!(events(&body), vec![(m.uid.clone(), m.starts_at, 0)]);
    // Asking again does not show it again (only its hash is kept); the link keeps working.
    let again = app.send(&awa, "/calendrier").await;
    assert_eq!(again.text.clone().unwrap(), app.t(Language::En, CalendarMsg::CalendarLinkKept.into()));
    assert!(again.button_data().iter().any(|d| d == "cal:rot"), "with the button for a new one");
    assert_eq!(fetch(&url).await.0, 200);
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT secret_hash FROM calendar_feeds").fetch_all(app.ctx.db.pool()).await.unwrap();
    let secret = url.rsplit('/').next().unwrap().trim_end_matches(".ics");
    assert_eq!(stored, [cluster_bot::domain::invitation::sha256_hex(secret)], "the secret is not stored");

    // The meeting moves: the subscribed feed moves it.
    let later = m.starts_at + Duration::hours(26);
    svc::reschedule(&app.ctx, Actor::CommandLine, m.id, later, None).await.unwrap();
    assert_eq!(events(&fetch(&url).await.1), vec![(m.uid.clone(), later, 1)]);

    // The button makes a new link; the old one stops working at once.
    let rotated = app.press_expect_edit(&awa, shown.message_id, &button(&shown, "cal:rot")).await;
    let new_url = link(rotated.text.as_deref().unwrap());
    assert_ne!(new_url, url);
    assert!(rotated.text.unwrap().contains("old link no longer works"));
    assert_eq!(fetch(&url).await.0, 404);
    assert_eq!(events(&fetch(&new_url).await.1), vec![(m.uid.clone(), later, 1)]);

    // Awa leaves the CPN through /leave: her link still answers, with nothing in it.
    let ask = app.send(&awa, "/leave").await;
    let done = app.press_expect_edit(&awa, ask.message_id, &button(&ask, "leave:y:")).await;
    assert!(done.text.unwrap().starts_with("You have left"));
    let (status, body) = fetch(&new_url).await;
    assert_eq!(status, 200);
    assert!(events(&body).is_empty(), "{body}");
    assert!(body.contains("BEGIN:VCALENDAR"), "still a calendar: {body}");
    // And /calendar is for members only.
    assert_eq!(app.send(&awa, "/calendar").await.text.unwrap(), app.t(Language::En, MainMsg::NotAMember.into()));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_public_address_calendar_says_it_is_unavailable() {
    let mut app = TestBot::start().await;
    let issa = FakeUser::new(301, "Issa").language("fr");
    app.member(&issa, "IRC", "CR-GAO", Role::Focal).await;
    let reply = app.send(&issa, "/calendar").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, CalendarMsg::CalendarUnavailable.into()));
    // A stranger is told the command is for members.
    let stranger = FakeUser::new(999, "X").language("en");
    assert_eq!(app.send(&stranger, "/calendar").await.text.unwrap(), app.t(Language::En, MainMsg::NotAMember.into()));
    app.stop().await;
}

/// The content lines of a calendar file, unfolded (RFC 5545 §3.1), that start with `name`.
fn lines_of(ics: &str, name: &str) -> Vec<String> {
    ics.replace("\r\n ", "").lines().filter(|l| l.starts_with(name)).map(str::to_string).collect()
}

/// The calendar file sent to a chat with its invitation: made for them (uploaded, not re-sent
/// by file_id) and protected.
fn invitation_file(app: &TestBot, chat: i64) -> String {
    let sent: Vec<_> = app.fake.sent_to(chat).into_iter().filter(|s| s.method == "sendDocument").collect();
    assert_eq!(sent.len(), 1, "one invitation to {chat}");
    let inv = &sent[0];
    assert!(inv.protect_content, "the invitation and its file are protected");
    assert!(inv.document_name.as_deref().is_some_and(|n| n.ends_with(".ics")), "{inv:?}");
    String::from_utf8(inv.document_bytes.clone().expect("made for this recipient, not re-sent")).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_invitation_file_names_the_chair_and_its_recipient_only_and_newcomers_get_no_former_names() {
    let mut app = TestBot::start().await;
    let chair = FakeUser::new(100, "Aminata").language("fr");
    let awa = FakeUser::new(201, "Awa").language("fr");
    let binta = FakeUser::new(202, "Binta").language("en");
    let issa = FakeUser::new(301, "Issa").language("en");
    let claire = FakeUser::new(401, "Claire").language("fr");
    app.member(&chair, "UNHCR", "CPN", Role::Chair).await;
    app.member(&awa, "NRC", "CPN", Role::Focal).await;
    app.member(&binta, "NRC", "CPN", Role::Alternate).await;
    app.member(&issa, "IRC", "CPN", Role::Focal).await;
    app.member(&claire, "CICR", "CPN", Role::Focal).await;
    let cpn = membership::mechanism(&app.ctx, "CPN").await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: cpn.id,
        starts_at: start_time() + Duration::days(3),
        duration_minutes: 120,
        place: Some("UNHCR".into()),
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    let m = svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0);
    app.settle().await;

    let everyone = ["Aminata", "Awa", "Binta", "Issa", "Claire"];
    for (user, attendee, role) in [
        (&awa, "Awa (NRC)", "REQ-PARTICIPANT"),
        (&binta, "Binta (NRC)", "OPT-PARTICIPANT"),
        (&issa, "Issa (IRC)", "REQ-PARTICIPANT"),
        (&claire, "Claire (CICR)", "NON-PARTICIPANT"),
    ] {
        let ics = invitation_file(&app, user.id);
        assert!(ics.contains(&format!("UID:{}", m.uid)), "{ics}");
        let organiser = lines_of(&ics, "ORGANIZER");
        assert_eq!(organiser.len(), 1, "{ics}");
        assert!(organiser[0].contains("CN=CPN — Aminata:"), "the chair organises: {ics}");
        let attendees = lines_of(&ics, "ATTENDEE");
        assert_eq!(attendees.len(), 1, "the recipient only: {ics}");
        assert!(attendees[0].contains(&format!("CN={attendee};")) && attendees[0].contains(role), "{ics}");
        for other in everyone.iter().filter(|n| **n != "Aminata" && !attendee.starts_with(**n)) {
            assert!(!ics.contains(other), "{other} is not in {}'s file: {ics}", user.first_name);
        }
    }

    // Issa leaves; a newcomer takes IRC's seat and is invited at once: their file does not
    // carry the name of the person who left, nor anyone else's.
    let ask = app.send(&issa, "/leave").await;
    app.press_expect_edit(&issa, ask.message_id, &button(&ask, "leave:y:")).await;
    let moussa = FakeUser::new(302, "Moussa").language("fr");
    app.member(&moussa, "IRC", "CPN", Role::Focal).await;
    app.settle().await;
    let ics = invitation_file(&app, moussa.id);
    let attendees = lines_of(&ics, "ATTENDEE");
    assert!(attendees.len() == 1 && attendees[0].contains("CN=Moussa (IRC);"), "{ics}");
    for other in ["Issa", "Awa", "Binta", "Claire"] {
        assert!(!ics.contains(other), "{other} is not in the newcomer's file: {ics}");
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_stored_in_clear_by_an_older_version_is_hashed_and_its_link_still_works() {
    let mut app =
        TestBot::start_http(FakeOptions::default(), ManualClock::new(start_time()), false, ReadinessOptions::default())
            .await;
    let issa = FakeUser::new(301, "Issa").language("fr");
    let person = app.member(&issa, "IRC", "CR-GAO", Role::Focal).await;
    app.stop().await;

    // The database as an older version left it: the table of 0009 with the secret in clear,
    // and migration 0015 not applied yet.
    let secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    assert_eq!(secret.len(), cluster_bot::services::calendar_feed::SECRET_LEN);
    {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.db_path.display())).await.unwrap();
        sqlx::raw_sql(
            "DROP TABLE calendar_feeds;
             CREATE TABLE calendar_feeds (
                 person_id  INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
                 secret     TEXT NOT NULL UNIQUE,
                 created_at INTEGER NOT NULL
             );
             DELETE FROM _sqlx_migrations WHERE version = 15;",
        )
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO calendar_feeds (person_id, secret, created_at) VALUES (?, ?, 0)")
            .bind(person)
            .bind(secret)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    }
    app.restart().await;

    // The link already subscribed still opens the holder's calendar; the clear secret is gone.
    let (status, body) = fetch(&format!("{}cal/{secret}.ics", app.http_base())).await;
    assert_eq!(status, 200);
    assert!(body.contains("BEGIN:VCALENDAR"), "{body}");
    let rows: Vec<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT secret_hash, legacy_secret FROM calendar_feeds")
            .fetch_all(app.ctx.db.pool())
            .await
            .unwrap();
    assert_eq!(rows, [(Some(cluster_bot::domain::invitation::sha256_hex(secret)), None)]);
    // /calendar does not make a new link over it.
    let reply = app.send(&issa, "/calendar").await;
    assert_eq!(reply.text.unwrap(), app.t(Language::Fr, CalendarMsg::CalendarLinkKept.into()));
    app.stop().await;
}
