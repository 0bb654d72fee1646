//! The binary run as a service: HTTP server on CLUSTER_LISTEN, the container's healthcheck
//! command, JSON logs with job and update ids (and never the token or a name), a clean stop.

use crate::fake_bot_api;

use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread")]
async fn json_logs_health_check_and_clean_stop() {
    let fake = FakeBotApi::start(FakeOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("svc.db");
    let log = dir.path().join("svc.log");
    let coordinator = Command::new(BIN)
        .args(["admin", "add-coordinator", "--telegram-id", "42", "--name", "Awa Traoré"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(coordinator.status.success());
    let listen = format!("127.0.0.1:{}", free_port());
    let healthcheck = || {
        Command::new(BIN).arg("healthcheck").env("CLUSTER_LISTEN", &listen).env("DATABASE_URL", &db).output().unwrap()
    };
    let down = healthcheck();
    assert!(!down.status.success(), "nothing listens yet");
    assert_eq!(String::from_utf8_lossy(&down.stderr).trim_end().lines().count(), 1);

    let mut bot = Command::new(BIN)
        .env("DATABASE_URL", &db)
        .env("TELOXIDE_TOKEN", "123:SECRET-TOKEN")
        .env("TELOXIDE_API_URL", fake.url().as_str())
        .env("CLUSTER_LISTEN", &listen)
        .env("CLUSTER_LOG_FORMAT", "json")
        .env("RUST_LOG", "info,cluster_bot=debug")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !healthcheck().status.success() {
        assert!(started.elapsed() < Duration::from_secs(30), "the health check never passed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A user writes; a meeting planned from the command line runs its fan-out jobs.
    let awa = FakeUser::new(42, "Awa").language("fr");
    fake.send_text(&awa, "/start");
    fake.wait_for(|r| r.chat_id() == Some(42) && r.method == "sendMessage", Duration::from_secs(10)).await.unwrap();
    let start = (chrono::Utc::now() + chrono::Duration::days(3)).with_timezone(&chrono_tz::Africa::Bamako);
    let created = Command::new(BIN)
        .args(["meeting", "create", "--mechanism", "CPN", "--start", &start.format("%Y-%m-%d %H:%M").to_string()])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let deadline = Instant::now() + Duration::from_secs(15);
    while !std::fs::read_to_string(&log).unwrap().contains("fan_out_invitations") {
        assert!(Instant::now() < deadline, "the invitation fan-out did not run");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    assert!(Command::new("kill").args(["-TERM", &bot.id().to_string()]).status().unwrap().success());
    let status = bot.wait().unwrap();
    assert!(status.success(), "exit status 0 after SIGTERM: {status:?}");
    assert!(!healthcheck().status.success(), "the server stopped with the bot");

    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l}")))
        .collect();
    let job = lines
        .iter()
        .find(|l| l["fields"]["kind"] == "fan_out_invitations")
        .unwrap_or_else(|| panic!("no scheduler line for the fan-out: {text}"));
    assert!(job["fields"]["job_id"].as_i64().is_some() && job["fields"]["outcome"] == "done", "{job}");
    let update = lines
        .iter()
        .find(|l| l["fields"]["message"] == "update handled")
        .unwrap_or_else(|| panic!("no handler line: {text}"));
    assert!(update["span"]["update_id"].as_u64().is_some(), "{update}");
    assert!(lines.iter().any(|l| l["fields"]["message"] == "HTTP server listening"), "{text}");
    for secret in ["SECRET-TOKEN", "Awa", "Traoré"] {
        assert!(!text.contains(secret), "{secret} appears in the logs:\n{text}");
    }
}

#[test]
fn a_public_address_without_https_is_refused_at_start_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("svc.db");
    let out = Command::new(BIN)
        .arg("run")
        .env("DATABASE_URL", &db)
        .env("TELOXIDE_TOKEN", "123:TEST")
        .env("TELOXIDE_API_URL", "http://127.0.0.1:9/")
        .env("CLUSTER_LISTEN", format!("127.0.0.1:{}", free_port()))
        .env("CLUSTER_PUBLIC_URL", "http://bot.example.org/")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CLUSTER_PUBLIC_URL must be an https address such as https://bot.example.org/ (http only for 127.0.0.1 or localhost), not http://bot.example.org/"),
        "{err}"
    );
    assert!(!db.exists(), "nothing was started");
}
