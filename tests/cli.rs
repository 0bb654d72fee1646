//! The binary itself: command-line administration, and the bot process run against the
//! fake Bot API server, stopped with SIGTERM and started again.

use crate::fake_bot_api;

use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn admin_commands_create_the_database_and_print_links() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub-dir-less.db");
    assert!(!db.exists());
    let out = cli(&db, &["admin", "add-coordinator", "--telegram-id", "42", "--name", "Awa Coordo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists(), "the database file is created when missing");
    assert!(stdout(&out).contains("is now a coordinator"));
    let again = cli(&db, &["admin", "add-coordinator", "--telegram-id", "42", "--name", "Awa Coordo"]);
    assert!(again.status.success() && stdout(&again).contains("already"));

    let out = cli(&db, &["invite", "--org", "NRC", "--mechanism", "CPN", "--role", "focal"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = stdout(&out).lines().next().unwrap().to_string();
    assert!(first.starts_with("https://t.me/") && first.contains("?start="), "{first}");
    let code = first.split("start=").nth(1).unwrap();
    assert_eq!(code.len(), 22);
}

#[test]
fn command_line_errors_are_one_line_and_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    for (args, reason) in [
        (vec!["invite", "--org", "NOPE", "--mechanism", "CPN", "--role", "focal"], "unknown organisation 'NOPE'"),
        (vec!["invite", "--org", "NRC", "--mechanism", "XX", "--role", "focal"], "unknown mechanism 'XX'"),
        (vec!["invite", "--org", "NRC", "--mechanism", "CPN", "--role", "boss"], "unknown role 'boss'"),
        (vec!["admin", "add-coordinator", "--telegram-id", "-5", "--name", "X"], "positive Telegram user id"),
        (vec!["admin", "add-coordinator", "--telegram-id", "5", "--name", &"x".repeat(101)], "longer than 100"),
    ] {
        let out = cli(&db, &args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(reason), "{args:?}: {err}");
    }
    // A second focal point is refused without --replace.
    assert!(cli(&db, &["invite", "--org", "NRC", "--mechanism", "CPN", "--role", "focal"]).status.success());
}

#[test]
fn running_without_a_token_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&dir.path().join("t.db"), &["run"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("TELOXIDE_TOKEN is not set"), "{err}");
    assert!(!err.contains("panicked"));
}

fn spawn_bot(db: &Path, api: &url::Url) -> Child {
    Command::new(BIN)
        .env("DATABASE_URL", db)
        .env("TELOXIDE_TOKEN", "123:TEST")
        .env("TELOXIDE_API_URL", api.as_str())
        .env("RUST_LOG", "debug,hyper=info,hyper_util=info,reqwest=info,sqlx=info")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(db.with_extension("log")).unwrap())
        .spawn()
        .unwrap()
}

fn sigterm_and_wait(child: &mut Child) -> (std::process::ExitStatus, Duration) {
    let started = Instant::now();
    let ok = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, started.elapsed());
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the bot did not stop after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn done_when_coordinator_invites_and_a_new_user_joins_then_restart() {
    let fake = FakeBotApi::start(FakeOptions::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bot.db");
    let wait = Duration::from_secs(20);

    assert!(cli(&db, &["admin", "add-coordinator", "--telegram-id", "1000", "--name", "Coordo"]).status.success());
    let mut bot = spawn_bot(&db, &fake.url());
    if let Err(e) =
        fake.wait_for(|r| r.method == "setMyCommands" && r.str_param("language_code") == Some("en"), wait).await
    {
        panic!("{e}\n{}", std::fs::read_to_string(db.with_extension("log")).unwrap_or_default());
    }

    // The link carries the username from the bot's last getMe.
    let out = cli(&db, &["invite", "--org", "NRC", "--mechanism", "CPN", "--role", "focal"]);
    let link = stdout(&out).lines().next().unwrap().to_string();
    assert!(link.starts_with("https://t.me/cluster_test_bot?start="), "{link}");
    let code = link.split("start=").nth(1).unwrap().to_string();

    let user = FakeUser::new(2000, "Aminata").language("en");
    let mark = fake.mark();
    fake.send_text(&user, &format!("/start {code}"));
    let preview =
        fake.wait_for(|r| r.seq >= mark && r.method == "sendMessage" && r.chat_id() == Some(2000), wait).await.unwrap();
    assert!(preview.str_param("text").unwrap().contains("NRC"));
    let preview_id = fake.sent_to(2000).last().unwrap().message_id;
    let mark = fake.mark();
    fake.press_button(&user, preview_id, "join:name");
    fake.wait_for(|r| r.seq >= mark && r.method == "answerCallbackQuery", wait).await.unwrap();
    let mark = fake.mark();
    fake.press_button(&user, preview_id, "join:yes");
    fake.wait_for(|r| r.seq >= mark && r.method == "answerCallbackQuery", wait).await.unwrap();
    fake.wait_for_message_to(2000, "Welcome! You are NRC's focal point", wait).await.unwrap();

    // A meeting created from the command line (another process) is picked up by the running
    // bot within its polling interval, and the invitation reaches the new member.
    let start = (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%d %H:%M").to_string();
    let out = cli(&db, &["meeting", "create", "--mechanism", "CPN", "--start", &start, "--place", "UNHCR"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let created = Instant::now();
    fake.wait_for(|r| r.method == "sendDocument" && r.chat_id() == Some(2000), Duration::from_secs(15)).await.unwrap();
    eprintln!("invitation delivered {:?} after the command line created the meeting", created.elapsed());

    let (status, took) = sigterm_and_wait(&mut bot);
    assert_eq!(status.code(), Some(0), "SIGTERM stops the bot cleanly");
    eprintln!("stopped {took:?} after SIGTERM");

    let mut bot = spawn_bot(&db, &fake.url());
    let mark = fake.mark();
    fake.send_text(&user, "/me");
    let me =
        fake.wait_for(|r| r.seq >= mark && r.method == "sendMessage" && r.chat_id() == Some(2000), wait).await.unwrap();
    let text = me.str_param("text").unwrap();
    assert!(text.contains("NRC") && text.contains("focal point"), "{text}");
    let (status, _) = sigterm_and_wait(&mut bot);
    assert_eq!(status.code(), Some(0));
}

fn in_days(days: i64, hours: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days) + chrono::Duration::hours(hours))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn meetings_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let out = cli(
        &db,
        &[
            "meeting",
            "create",
            "--mechanism",
            "CR-GAO",
            "--start",
            &in_days(10, 0),
            "--minutes",
            "90",
            "--place",
            "Gao, bureau OCHA",
            "--agenda",
            "4W",
            "--monthly",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<i64> = stdout(&out).lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(ids.len(), 6, "a monthly series creates the next occurrences");

    let list = cli(&db, &["meeting", "list", "--mechanism", "CR-GAO"]);
    assert!(list.status.success());
    assert_eq!(stdout(&list).lines().count(), 6);
    assert!(stdout(&list).contains("Gao, bureau OCHA"));

    // The 48-hour rule, an ad-hoc exception, and bad input: one line, non-zero.
    let soon = in_days(1, 23);
    for (args, reason) in [
        (vec!["meeting", "create", "--mechanism", "CPN", "--start", soon.as_str()], "48 hours"),
        (vec!["meeting", "create", "--mechanism", "CPN", "--start", "08/12/2026 10:00"], "YYYY-MM-DD HH:MM"),
        (vec!["meeting", "create", "--mechanism", "CPN", "--start", "2026-02-30 10:00"], "YYYY-MM-DD HH:MM"),
        (vec!["meeting", "create", "--mechanism", "NOPE", "--start", soon.as_str()], "unknown mechanism"),
        (vec!["meeting", "create", "--mechanism", "CPN", "--start", "2020-01-01 10:00", "--adhoc"], "past"),
        (vec!["meeting", "create", "--mechanism", "CPN", "--start", &in_days(5, 0), "--minutes", "5"], "duration"),
        (vec!["meeting", "reschedule", "--id", "999", "--start", &in_days(5, 0)], "does not exist"),
    ] {
        let out = cli(&db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(reason), "{args:?}: {err}");
    }
    let adhoc = cli(&db, &["meeting", "create", "--mechanism", "CPN", "--start", &soon, "--adhoc"]);
    assert!(adhoc.status.success(), "{}", stderr(&adhoc));

    let id = ids[0].to_string();
    let moved = cli(&db, &["meeting", "reschedule", "--id", &id, "--start", &in_days(12, 0)]);
    assert!(moved.status.success(), "{}", stderr(&moved));
    let refused = cli(&db, &["meeting", "reschedule", "--id", &id, "--start", &in_days(1, 0)]);
    assert!(!refused.status.success() && stderr(&refused).contains("48 hours"));
    let cancelled = cli(&db, &["meeting", "cancel", "--id", &id]);
    assert!(cancelled.status.success() && stdout(&cancelled).contains("(cancelled)"));
    let again = cli(&db, &["meeting", "cancel", "--id", &id]);
    assert!(!again.status.success() && stderr(&again).contains("cancelled"));
}

#[test]
fn minutes_compliance_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = cli(&db, &["minutes", "compliance"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("no meeting ended in the last 6 month(s)"));
    let bad = cli(&db, &["minutes", "compliance", "--months", "0"]);
    assert!(!bad.status.success() && stderr(&bad).contains("--months must be between 1 and 60"));
    let missing = cli(&db, &["minutes", "missing"]);
    assert!(missing.status.success() && stdout(&missing).is_empty());
}
