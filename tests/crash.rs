//! The bot process killed with SIGKILL in the middle of a 300-recipient broadcast, then
//! started again: nobody is missing; duplicates are limited to the messages in flight.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;

use cluster_bot::domain::{Role, SystemClock};
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::{Ctx, people};
use cluster_bot::storage::Db;
use fake_bot_api::{FakeBotApi, FakeOptions};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");
const RECIPIENTS: i64 = 300;

fn spawn_bot(db: &Path, api: &url::Url) -> Child {
    Command::new(BIN)
        .env("DATABASE_URL", db)
        .env("TELOXIDE_TOKEN", "123:TEST")
        .env("TELOXIDE_API_URL", api.as_str())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn prepare(db_path: &Path) {
    let db = Db::connect(&db_path.display().to_string()).await.unwrap();
    let ctx = Ctx::new(db.clone(), Arc::new(SystemClock), chrono_tz::Africa::Bamako, chrono::Duration::days(14));
    for i in 0..RECIPIENTS / 2 {
        sqlx::query("INSERT INTO organisations (acronym, full_name, kind, observer) VALUES (?, ?, 'other', 0)")
            .bind(format!("ORG{i:03}"))
            .bind(format!("Organisation {i}"))
            .execute(db.pool())
            .await
            .unwrap();
    }
    let gao = membership::mechanism(&ctx, "CR-GAO").await.unwrap();
    for i in 0..RECIPIENTS {
        let org = membership::organisation(&ctx, &format!("ORG{:03}", i / 2)).await.unwrap();
        let role = if i % 2 == 0 { Role::Focal } else { Role::Alternate };
        let issued = membership::issue_invitation(&ctx, Issuer::CommandLine, &org, &gao, role, false).await.unwrap();
        let person = people::identify(&ctx, 70_000 + i, "Member", None, Some("fr")).await.unwrap();
        let inv = membership::open_invitation(&ctx, issued.code.as_str()).await.unwrap();
        membership::accept_invitation(&ctx, &person, inv.id, None).await.unwrap();
    }
    db.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_in_the_middle_of_a_broadcast_loses_nobody() {
    let fake = FakeBotApi::start(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    prepare(&db).await;
    let mut bot = spawn_bot(&db, &fake.url());
    fake.wait_for(
        |r| r.method == "setMyCommands" && r.str_param("language_code") == Some("en"),
        Duration::from_secs(20),
    )
    .await
    .unwrap();
    let start = (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%d %H:%M").to_string();
    let out = Command::new(BIN)
        .args(["meeting", "create", "--mechanism", "CR-GAO", "--start", &start])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Kill the bot once about a third of the invitations are out.
    let deadline = Instant::now() + Duration::from_secs(60);
    while fake.delivered_count() < (RECIPIENTS / 3) as usize {
        assert!(Instant::now() < deadline, "the broadcast did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Command::new("kill").args(["-KILL", &bot.id().to_string()]).status().unwrap();
    bot.wait().unwrap();
    let at_kill = fake.delivered_count();

    let mut bot = spawn_bot(&db, &fake.url());
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let per_chat = fake.delivered_per_chat();
        let reached = (0..RECIPIENTS).filter(|i| per_chat.get(&(70_000 + i)).copied().unwrap_or(0) >= 1).count();
        if reached == RECIPIENTS as usize {
            break;
        }
        assert!(Instant::now() < deadline, "{reached} of {RECIPIENTS} reached after the restart");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let per_chat = fake.delivered_per_chat();
    let duplicated: Vec<i64> =
        (0..RECIPIENTS).map(|i| 70_000 + i).filter(|c| per_chat.get(c).copied().unwrap_or(0) > 1).collect();
    eprintln!(
        "SIGKILL after {at_kill} of {RECIPIENTS} invitations; after restart: 0 missing, {} duplicated (in flight at the kill), {} 429s",
        duplicated.len(),
        fake.too_many_requests_count()
    );
    // At most the messages in flight: the scheduler runs at most 64 deliveries at once.
    assert!(duplicated.len() <= 64, "{} duplicates", duplicated.len());
    assert!(per_chat.values().all(|n| *n <= 2), "nobody gets more than one duplicate");
    Command::new("kill").args(["-TERM", &bot.id().to_string()]).status().unwrap();
    assert_eq!(bot.wait().unwrap().code(), Some(0));
}
