//! Webhook mode end to end: the real bot registers its webhook with the fake Bot API server,
//! which POSTs updates to the bot's own HTTP listener; requests without the secret token are
//! refused; the webhook stays registered across a graceful restart. And readiness in polling
//! mode while the fake server stops answering and comes back.

use crate::{fake_bot_api, harness};

use cluster_bot::domain::{ManualClock, Role};
use cluster_bot::observability::ReadinessOptions;
use fake_bot_api::{FakeOptions, FakeUser};
use harness::{TestBot, WAIT, start_time};
use std::time::Duration;

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .map(|v| v.trim().parse().unwrap())
        .unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn webhook_mode_end_to_end_with_secret_and_graceful_restart() {
    let mut app =
        TestBot::start_http(FakeOptions::default(), ManualClock::new(start_time()), true, ReadinessOptions::default())
            .await;
    let (url, secret) = app.fake.webhook().expect("the bot registered its webhook");
    assert!(url.ends_with("/telegram/hook"), "{url}");
    let secret = secret.expect("with a secret token");
    assert!(secret.len() >= 32, "a random secret: {secret}");

    // Updates come through the webhook, never through getUpdates.
    let awa = FakeUser::new(201, "Awa").language("fr");
    app.member(&awa, "NRC", "CPN", Role::Focal).await;
    let reply = app.send(&awa, "/me").await;
    assert!(reply.text.as_deref().unwrap_or_default().contains("NRC"), "{reply:?}");
    assert!(app.fake.requests_for("getUpdates").is_empty(), "no polling in webhook mode");
    assert!(app.fake.webhook_posts().iter().all(|(_, status)| *status == 200), "{:?}", app.fake.webhook_posts());

    // Someone else than Telegram: no secret, or a wrong one → 403, and nothing is handled.
    let issa = FakeUser::new(301, "Issa").language("en");
    let forged = app.fake.text_update(&issa, "/start");
    assert_eq!(app.fake.post_to_webhook(forged.clone(), None).await, 403);
    assert_eq!(app.fake.post_to_webhook(forged.clone(), Some("not-the-secret")).await, 403);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.fake.sent_to(issa.id).is_empty(), "a refused update is not handled");
    // With the secret, the same update is handled.
    assert_eq!(app.fake.post_to_webhook(forged, Some(&secret)).await, 200);
    app.fake.wait_for(|r| r.chat_id() == Some(issa.id) && r.method == "sendMessage", WAIT).await.unwrap();

    // Many updates from many chats: every one answered, each chat's in order.
    let users: Vec<FakeUser> = (0..10).map(|i| FakeUser::new(700 + i, "Member").language("en")).collect();
    for round in 0..3 {
        for u in &users {
            app.fake.send_text(u, if round == 1 { "/language" } else { "/help" });
        }
    }
    for u in &users {
        app.fake
            .wait_until_sent(u.id, 3, WAIT)
            .await
            .unwrap_or_else(|e| panic!("chat {} not answered three times: {e}", u.id));
        let sent = app.fake.sent_to(u.id);
        assert_eq!(sent[0].text, sent[2].text, "same command, same answer");
        assert_ne!(sent[0].text, sent[1].text, "the second answer is the /language one, in order");
    }

    // Health, readiness and metrics on the same listener as the webhook.
    let base = app.http_base();
    assert_eq!(get(&format!("{base}healthz")).await.0, 200);
    let (status, body) = get(&format!("{base}readyz")).await;
    assert_eq!(status, 200, "{body}");
    let (_, text) = get(&format!("{base}metrics")).await;
    assert!(metric(&text, r#"cluster_updates_handled_total{kind="message",outcome="ok"}"#) >= 32.0, "{text}");
    assert!(metric(&text, r#"cluster_update_handling_seconds_count{kind="message"}"#) >= 32.0, "{text}");
    assert!(metric(&text, "cluster_updates_last_received_timestamp_seconds") > 0.0, "{text}");

    // A graceful stop keeps the webhook; what arrives meanwhile is delivered after the restart.
    app.stop().await;
    assert!(app.fake.requests_for("deleteWebhook").is_empty());
    assert!(app.fake.webhook().is_some(), "the webhook stays registered");
    let binta = FakeUser::new(202, "Binta").language("en");
    app.fake.send_text(&binta, "/start");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.fake.webhook_posts().iter().any(|(_, s)| *s != 200), "Telegram could not deliver meanwhile");
    app.restart().await;
    let (_, new_secret) = app.fake.webhook().unwrap();
    assert_ne!(new_secret.as_deref(), Some(secret.as_str()), "a fresh secret at every start");
    app.fake.wait_for(|r| r.chat_id() == Some(binta.id) && r.method == "sendMessage", WAIT).await.unwrap();
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn readiness_turns_not_ready_when_telegram_stops_answering_and_ready_when_it_returns() {
    let readiness = ReadinessOptions { bot_api_outage: Duration::ZERO, ..ReadinessOptions::default() };
    let mut app = TestBot::start_http(FakeOptions::default(), ManualClock::new(start_time()), false, readiness).await;
    let readyz = format!("{}readyz", app.http_base());
    wait_status(&readyz, 200).await;
    app.fake.set_unreachable(true);
    let body = wait_status(&readyz, 503).await;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!((json["ready"].clone(), json["bot_api"]["ok"].clone()), (false.into(), false.into()), "{body}");
    assert!(json["bot_api"]["detail"].as_str().unwrap().contains("failing"), "{body}");
    assert_eq!(json["database"]["ok"], true);
    assert_eq!(json["scheduler"]["ok"], true);
    app.fake.set_unreachable(false);
    wait_status(&readyz, 200).await;
    // And the bot answers again.
    let awa = FakeUser::new(201, "Awa").language("fr");
    app.send(&awa, "/start").await;
    app.stop().await;
}

async fn wait_status(url: &str, want: u16) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = get(url).await;
        if status == want {
            return body;
        }
        assert!(std::time::Instant::now() < deadline, "{url} stayed {status}: {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
