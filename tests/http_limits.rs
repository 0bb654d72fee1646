//! The HTTP server's bounds: `/metrics` answers loopback, or others with the bearer token
//! (`CLUSTER_METRICS_TOKEN`); a connection that sends nothing is closed after the idle time;
//! no more connections are served at once than the limit (the next waits its turn); a forged
//! webhook POST is refused and counted in `cluster_http_refused_total`, not logged one by one.

use crate::{fake_bot_api, harness};

use cluster_bot::http::{HttpServer, HttpState, may_read_metrics, router};
use cluster_bot::observability::ReadinessOptions;
use harness::TestBot;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// This machine's address on its network interface (not loopback): the source of a request
/// to it is then that address, as for a Prometheus on another host.
fn interface_address() -> IpAddr {
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").unwrap();
    // No packet leaves: connecting a UDP socket only picks the route and its source address.
    probe.connect("192.0.2.1:9").expect("a network interface with a route (CI has one)");
    let ip = probe.local_addr().unwrap().ip();
    assert!(!ip.is_loopback() && !ip.is_unspecified(), "{ip}");
    ip
}

async fn status_of(url: &str, bearer: Option<&str>) -> u16 {
    let client = reqwest::Client::new();
    let mut req = client.get(url);
    if let Some(b) = bearer {
        req = req.bearer_auth(b);
    }
    req.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn metrics_answer_loopback_or_the_bearer_token_only() {
    let app = TestBot::start().await;
    for token in [Some(TOKEN.to_string()), None] {
        let listener = tokio::net::TcpListener::bind("0.0.0.0:0").await.unwrap();
        let state =
            HttpState { ctx: app.ctx.clone(), readiness: ReadinessOptions::default(), metrics_token: token.clone() };
        let server = HttpServer::spawn(listener, router(state)).unwrap();
        let port = server.addr.port();
        let outside = format!("http://{}/metrics", SocketAddr::new(interface_address(), port));
        let local = format!("http://127.0.0.1:{port}/metrics");
        assert_eq!(status_of(&local, None).await, 200, "loopback is answered");
        match token {
            Some(_) => {
                assert_eq!(status_of(&outside, None).await, 401);
                assert_eq!(status_of(&outside, Some("wrong-token-wrong-token")).await, 401);
                assert_eq!(status_of(&outside, Some(TOKEN)).await, 200);
            }
            None => assert_eq!(status_of(&outside, Some(TOKEN)).await, 403, "no token set: loopback only"),
        }
        assert_eq!(
            status_of(&format!("http://{}/healthz", SocketAddr::new(interface_address(), port)), None).await,
            200
        );
        server.shutdown().await;
    }
    let text = app.ctx.telemetry.render();
    assert!(text.contains("cluster_http_refused_total{route=\"metrics\"} 3"), "{text}");
    // The rule itself, for an address of another network and IPv6.
    let other: IpAddr = "10.1.2.3".parse().unwrap();
    assert!(!may_read_metrics(other, Some(b"Bearer x"), None));
    assert!(may_read_metrics("::1".parse().unwrap(), None, Some(TOKEN)));
    assert!(may_read_metrics("::ffff:127.0.0.1".parse().unwrap(), None, Some(TOKEN)));
}

/// Reads what the server sends until it closes the connection (or `within` passes).
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut got)).await;
    read.ok().map(|_| String::from_utf8_lossy(&got).into_owned())
}

#[tokio::test]
async fn idle_connections_are_closed_and_the_connections_are_limited() {
    let app = TestBot::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let state = HttpState { ctx: app.ctx.clone(), readiness: ReadinessOptions::default(), metrics_token: None };
    let idle = Duration::from_secs(2);
    let server = HttpServer::spawn_bounded(listener, router(state), 2, idle).unwrap();
    let addr = server.addr;

    // Two clients open a connection and never finish their request (slowloris).
    let started = Instant::now();
    let mut slow = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(s);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A third, complete request waits: both places are taken.
    let mut third = TcpStream::connect(addr).await.unwrap();
    third.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
    let early = read_until_closed(&mut third, Duration::from_millis(800)).await;
    assert!(early.is_none(), "answered beyond the limit: {early:?}");

    // The idle ones are closed after the idle time; then the third is served.
    for s in &mut slow {
        let closed = read_until_closed(s, idle * 3).await;
        assert!(closed.is_some(), "an idle connection is closed");
    }
    let answer = read_until_closed(&mut third, idle * 3).await.expect("served once a place is free");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(started.elapsed() >= idle, "not before the idle time");
    server.shutdown().await;
}

#[tokio::test]
async fn a_forged_webhook_post_is_refused_and_counted() {
    let clock = cluster_bot::domain::ManualClock::new(harness::start_time());
    let app = TestBot::start_http(fake_bot_api::FakeOptions::default(), clock, true, ReadinessOptions::default()).await;
    let forged = serde_json::json!({"update_id": 999, "message": {"message_id": 1, "date": 1,
        "chat": {"id": 5, "type": "private", "first_name": "X"}, "text": "/help"}});
    for _ in 0..3 {
        assert_eq!(app.fake.post_to_webhook(forged.clone(), Some("not-the-secret")).await, 403);
    }
    let text = app.ctx.telemetry.render();
    assert!(text.contains("cluster_http_refused_total{route=\"webhook\"} 3"), "{text}");
    assert!(app.fake.sent_to(5).is_empty(), "nothing handled");
}
