//! Running it as a service: the calendar feed over HTTP (parsed back, moved, rotated, emptied
//! for a former member), `/readyz` and `/metrics` following real deliveries against the fake
//! Bot API server, and `cluster-bot status` explaining a failed delivery.

use crate::{fake_bot_api, harness};

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, Role};
use cluster_bot::http::{HttpServer, HttpState, router};
use cluster_bot::observability::ReadinessOptions;
use cluster_bot::services::meetings::{self as svc, Actor, MeetingDraft};
use cluster_bot::services::{calendar_feed, membership, people};
use cluster_bot::storage::jobs;
use fake_bot_api::{FakeOptions, FakeUser};
use harness::TestBot;
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};

async fn serve(app: &TestBot, readiness: ReadinessOptions) -> (HttpServer, url::Url) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let server =
        HttpServer::spawn(listener, router(HttpState { ctx: app.ctx.clone(), readiness, metrics_token: None }))
            .unwrap();
    let base = url::Url::parse(&format!("http://{}/", server.addr)).unwrap();
    (server, base)
}

async fn get(url: &str) -> (u16, String, String) {
    let r = reqwest::get(url).await.unwrap();
    let status = r.status().as_u16();
    let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, ct, r.text().await.unwrap())
}

/// (uid, start, sequence, cancelled) of every event of a feed, parsed back.
fn events(ics: &str) -> Vec<(String, DateTime<Utc>, u32, bool)> {
    let cal: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("not a calendar: {e}\n{ics}"));
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            let start = match e.get_start() {
                Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
                other => panic!("unexpected start {other:?}"),
            };
            let cancelled = e.get_status() == Some(icalendar::EventStatus::Cancelled);
            (e.get_uid().unwrap().to_string(), start, e.get_sequence().unwrap_or(0), cancelled)
        })
        .collect()
}

async fn meeting(app: &TestBot, mech: &str, starts_at: DateTime<Utc>) -> cluster_bot::domain::Meeting {
    let m = membership::mechanism(&app.ctx, mech).await.unwrap();
    let draft = MeetingDraft {
        mechanism_id: m.id,
        starts_at,
        duration_minutes: 90,
        place: Some("UNHCR, Bamako".into()),
        agenda: None,
        kind: MeetingKind::Regular,
        monthly: false,
    };
    svc::create(&app.ctx, Actor::CommandLine, draft).await.unwrap().remove(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn calendar_feed_is_parsed_back_follows_moves_rotates_and_empties_for_a_former_member() {
    let mut app = TestBot::start().await;
    let awa = FakeUser::new(201, "Awa").language("fr");
    let issa = FakeUser::new(301, "Issa").language("en");
    let awa_id = app.member(&awa, "NRC", "CPN", Role::Focal).await;
    app.member(&issa, "IRC", "CR-GAO", Role::Focal).await;
    let now = harness::start_time();
    let cpn = meeting(&app, "CPN", now + Duration::days(10)).await;
    let gao = meeting(&app, "CR-GAO", now + Duration::days(12)).await;
    let (server, base) = serve(&app, ReadinessOptions::default()).await;

    let secret = calendar_feed::first_secret(&app.ctx, awa_id).await.unwrap().expect("a first link");
    assert_eq!(secret.len(), calendar_feed::SECRET_LEN);
    assert_eq!(calendar_feed::first_secret(&app.ctx, awa_id).await.unwrap(), None, "made once, kept hashed");
    let url = calendar_feed::url(&base, &secret);
    let (status, ct, body) = get(&url).await;
    assert_eq!(status, 200, "{body}");
    assert!(ct.starts_with("text/calendar"), "{ct}");
    assert_eq!(events(&body), vec![(cpn.uid.clone(), cpn.starts_at, 0, false)], "only the CPN meeting: {body}");
    assert!(!body.contains(&gao.uid), "a meeting of another mechanism is not in the feed");

    // The meeting moves: the subscribed calendar sees the same event, later, with a higher SEQUENCE.
    let later = cpn.starts_at + Duration::days(2);
    svc::reschedule(&app.ctx, Actor::CommandLine, cpn.id, later, None).await.unwrap();
    let (_, _, body) = get(&url).await;
    assert_eq!(events(&body), vec![(cpn.uid.clone(), later, 1, false)], "{body}");
    // Cancelled: still there, marked cancelled, so that calendars drop it.
    svc::cancel(&app.ctx, Actor::CommandLine, cpn.id).await.unwrap();
    let (_, _, body) = get(&url).await;
    assert_eq!(events(&body), vec![(cpn.uid.clone(), later, 2, true)], "{body}");
    let next = meeting(&app, "CPN", now + Duration::days(20)).await;

    // Rotation: the old link stops working at once, the new one serves the same feed.
    let rotated = calendar_feed::rotate(&app.ctx, awa_id).await.unwrap();
    assert_ne!(rotated, secret);
    assert_eq!(get(&url).await.0, 404);
    let new_url = calendar_feed::url(&base, &rotated);
    let (status, _, body) = get(&new_url).await;
    assert_eq!(status, 200);
    assert_eq!(events(&body).len(), 2);
    assert!(events(&body).iter().any(|e| e.0 == next.uid));

    // Bad addresses are 404, not errors.
    for bad in
        ["cal/short.ics", "cal/../../etc/passwd", &format!("cal/{rotated}"), &format!("cal/{}.ics", "A".repeat(43))]
    {
        assert_eq!(get(&format!("{base}{bad}")).await.0, 404, "{bad}");
    }

    // Awa leaves the CPN: her feed still answers (the subscription keeps working) but is empty.
    let person = people::identify(&app.ctx, awa.id, "Awa", None, Some("fr")).await.unwrap();
    let access = people::access(&app.ctx, person).await.unwrap();
    let ms = access.memberships[0].id;
    membership::leave(&app.ctx, &access, ms).await.unwrap();
    let (status, _, body) = get(&new_url).await;
    assert_eq!(status, 200);
    assert!(events(&body).is_empty(), "a former member sees nothing: {body}");
    server.shutdown().await;
    app.stop().await;
}

fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .map(|v| v.trim().parse().unwrap())
        .unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn readiness_and_metrics_follow_deliveries_outages_and_429s() {
    let mut app = TestBot::start_running(FakeOptions::default()).await;
    let users: Vec<FakeUser> = (0..6).map(|i| FakeUser::new(500 + i, "Member").language("en")).collect();
    let mut ids = Vec::new();
    for (i, u) in users.iter().enumerate() {
        let org = ["NRC", "IRC", "DRC/DDG"][i / 2];
        ids.push(app.member(u, org, "CPN", if i % 2 == 0 { Role::Focal } else { Role::Alternate }).await);
    }
    // The nudges below are for chairs (checked at send time): the six also chair CR-GAO.
    let gao = membership::mechanism(&app.ctx, "CR-GAO").await.unwrap();
    for u in &users {
        let actor = cluster_bot::services::meetings::Actor::CommandLine;
        cluster_bot::services::admin::add_chair(&app.ctx, actor, u.id, &gao, None).await.unwrap();
    }
    let readiness = ReadinessOptions {
        scheduler_max_age: std::time::Duration::from_secs(60),
        bot_api_outage: std::time::Duration::ZERO,
    };
    let (server, base) = serve(&app, readiness).await;
    let (status, _, body) = get(&format!("{base}healthz")).await;
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    let (status, _, body) = get(&format!("{base}readyz")).await;
    assert_eq!(status, 200, "{body}");
    let (status, ct, text) = get(&format!("{base}metrics")).await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/plain; version=0.0.4"), "{ct}");
    assert_eq!(metric(&text, r#"cluster_members{mechanism="CPN",role="focal"}"#), 3.0, "{text}");
    assert_eq!(metric(&text, r#"cluster_members{mechanism="CPN",role="alternate"}"#), 3.0);

    // A broadcast: six nudges go out, counted by kind and outcome.
    let now = app.clock.now();
    let nudge = |person_id| Job::Deliver {
        person_id,
        message: Outgoing::MonthlyNudge { mechanism_id: gao.id, year: 2026, month: 12 },
    };
    for (i, id) in ids.iter().enumerate() {
        jobs::enqueue(&app.ctx.db, &format!("test:nudge:{i}"), &nudge(*id), now, now).await.unwrap();
    }
    app.settle().await;
    let (_, _, text) = get(&format!("{base}metrics")).await;
    assert_eq!(metric(&text, r#"cluster_messages_total{kind="monthly_nudge",outcome="sent"}"#), 6.0, "{text}");
    assert_eq!(metric(&text, r#"cluster_jobs{state="due"}"#), 0.0);
    assert!(metric(&text, "cluster_bot_api_last_success_timestamp_seconds") > 1.7e9, "{text}");

    // Telegram becomes unreachable: deliveries fail, /readyz names the Bot API.
    app.fake.set_unreachable(true);
    let now = app.clock.now();
    jobs::enqueue(&app.ctx.db, "test:nudge:outage", &nudge(ids[0]), now, now).await.unwrap();
    app.ctx.wake.notify_one();
    let body = wait_status(&format!("{base}readyz"), 503).await;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["ready"], false);
    assert_eq!(json["bot_api"]["ok"], false, "{body}");
    assert_eq!(json["database"]["ok"], true);
    assert_eq!(json["scheduler"]["ok"], true);
    let (_, _, text) = get(&format!("{base}metrics")).await;
    assert_eq!(metric(&text, "cluster_bot_api_up"), 0.0, "{text}");
    // The nudge is in flight, waiting for a retry, or due again.
    let stuck: f64 =
        ["running", "retrying", "due"].iter().map(|s| metric(&text, &format!("cluster_jobs{{state=\"{s}\"}}"))).sum();
    assert_eq!(stuck, 1.0, "{text}");
    // Back: the retry goes out and the bot is ready again.
    app.fake.set_unreachable(false);
    app.advance(Duration::minutes(5));
    wait_status(&format!("{base}readyz"), 200).await;
    app.settle().await;

    // 429s: the fake server allows 2 messages a second; the pacer sends faster, so Telegram
    // answers 429 with retry_after, counted with the time it asked for.
    app.fake.configure(|o| {
        o.enforce_limits = true;
        o.global_per_sec = 2;
    });
    let now = app.clock.now();
    for (i, id) in ids.iter().enumerate() {
        jobs::enqueue(&app.ctx.db, &format!("test:nudge:429:{i}"), &nudge(*id), now, now).await.unwrap();
    }
    app.ctx.wake.notify_one();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        app.settle().await;
        let (_, _, text) = get(&format!("{base}metrics")).await;
        if metric(&text, r#"cluster_messages_total{kind="monthly_nudge",outcome="sent"}"#) >= 13.0 {
            let too_many = metric(&text, "cluster_telegram_429_total");
            assert_eq!(too_many, app.fake.too_many_requests_count() as f64, "{text}");
            assert!(too_many >= 1.0, "{text}");
            assert!(metric(&text, "cluster_telegram_429_wait_seconds") >= too_many, "{text}");
            // Every 429 is a delivery put back for a retry.
            assert!(metric(&text, r#"cluster_messages_total{kind="monthly_nudge",outcome="retry"}"#) >= too_many);
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the nudges did not all go out: {text}");
        app.advance(Duration::seconds(2));
    }
    server.shutdown().await;
    app.stop().await;
}

async fn wait_status(url: &str, want: u16) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let (status, _, body) = get(url).await;
        if status == want {
            return body;
        }
        assert!(std::time::Instant::now() < deadline, "{url} stayed {status}: {body}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn status_explains_a_failed_delivery_while_the_bot_runs() {
    // The command line reads the system clock: the bot's clock starts from it too.
    let start = Utc::now();
    let mut app = TestBot::start_with_clock(FakeOptions::default(), cluster_bot::domain::ManualClock::new(start)).await;
    let awa = FakeUser::new(201, "Awa").language("fr");
    let issa = FakeUser::new(301, "Issa").language("en");
    let awa_id = app.member(&awa, "NRC", "CPN", Role::Focal).await;
    let issa_id = app.member(&issa, "IRC", "CPN", Role::Alternate).await;
    app.fake.block_chat(issa.id);
    let m = meeting(&app, "CPN", start + Duration::days(3)).await;
    app.settle().await;
    assert!(app.fake.delivered_count_to(awa.id) >= 1, "Awa is invited");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-bot"))
        .arg("status")
        .env("DATABASE_URL", &app.db_path)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains(&format!("invitation to person {issa_id}")), "{text}");
    assert!(text.contains("why: the person blocked the bot"), "{text}");
    assert!(text.contains("error: blocked: "), "{text}");
    assert!(!text.contains(&format!("to person {awa_id}")), "{text}");
    assert!(text.contains("Last successful Bot API call: 20"), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("CPN") && l.contains("1 /    1 /    0")), "{text}");
    assert!(
        text.contains(&format!(
            "fan_out_reminders     CPN meeting of {}",
            m.starts_at.with_timezone(&chrono_tz::Africa::Bamako).format("%Y-%m-%d %H:%M:%S")
        )),
        "{text}"
    );
    let failed = text.lines().find(|l| l.contains("failed (last 24 h)")).unwrap();
    assert!(failed.trim_end().ends_with('1'), "{failed}");
    app.stop().await;
}
