//! The bot as a process, as Docker or systemd run it: a handler that panics is answered and
//! the next member is served at once; a dispatcher ended by a panic makes the process exit
//! non-zero (so that it is restarted); a second bot on the same database is refused while the
//! command line keeps working; what teloxide cannot parse is never logged with its content.
//! Faults are injected into the debug build through `CLUSTER_INJECT_FAULT`.

use crate::fake_bot_api;

use fake_bot_api::{FakeBotApi, FakeOptions, FakeUser};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cluster-bot");
/// The injected panic's text (src/telegram/shared/fault.rs).
const PANIC_TEXT: &str = "💥 injected panic";

struct Bot {
    child: Child,
    log: PathBuf,
}

impl Bot {
    fn start(db: &Path, api: &url::Url, fault: Option<&str>) -> Bot {
        let log = db.with_extension(format!("{}.log", std::process::id() ^ rand_suffix()));
        let mut cmd = Command::new(BIN);
        cmd.env("DATABASE_URL", db)
            .env("TELOXIDE_TOKEN", "123:TEST")
            .env("TELOXIDE_API_URL", api.as_str())
            .env("RUST_LOG", "debug,hyper=info,hyper_util=info,reqwest=info,h2=info,rustls=info")
            .env_remove("CLUSTER_LOG_FORMAT")
            .stdout(Stdio::null())
            .stderr(Stdio::from(std::fs::File::create(&log).unwrap()));
        match fault {
            Some(f) => cmd.env("CLUSTER_INJECT_FAULT", f),
            None => cmd.env_remove("CLUSTER_INJECT_FAULT"),
        };
        Bot { child: cmd.spawn().unwrap(), log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    async fn exited_within(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }

    async fn terminate(mut self) -> ExitStatus {
        Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        match self.exited_within(Duration::from_secs(30)).await {
            Some(status) => status,
            None => {
                let _ = self.child.kill();
                panic!("the bot did not stop on SIGTERM; log:\n{}", self.log());
            }
        }
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
}

/// Waits until the bot has connected and published its menus.
async fn connected(fake: &FakeBotApi, since: u64) {
    fake.wait_for(
        |r| r.seq >= since && r.method == "setMyCommands" && r.str_param("language_code") == Some("en"),
        Duration::from_secs(30),
    )
    .await
    .unwrap();
}

async fn fake() -> FakeBotApi {
    FakeBotApi::start(FakeOptions { enforce_limits: true, ..FakeOptions::default() }).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_is_answered_and_everyone_is_served_after_it() {
    let fake = fake().await;
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Bot::start(&dir.path().join("bot.db"), &fake.url(), Some("handler-panic"));
    connected(&fake, 0).await;

    let awa = FakeUser::new(501, "Awa").last_name("Secretname").language("fr");
    let john = FakeUser::new(502, "John").language("en");
    fake.send_text(&awa, PANIC_TEXT);
    let told = fake.wait_for_message_to(awa.id, "rien n'a été enregistré", Duration::from_secs(20)).await;
    assert!(told.is_ok(), "{told:?}\n{}", bot.log());

    // The next member is answered at once, and so is the one whose handler panicked.
    fake.send_text(&john, "/help");
    fake.wait_for_message_to(john.id, "/language", Duration::from_secs(10)).await.unwrap();
    fake.send_text(&awa, "/help");
    fake.wait_for_message_to(awa.id, "Ce que vous pouvez faire", Duration::from_secs(10)).await.unwrap();
    assert!(bot.running(), "the bot goes on");

    let log = bot.log();
    assert!(log.contains("an update handler panicked"), "{log}");
    assert!(log.contains("injected fault: the handler panics"), "the panic's place and kind: {log}");
    assert!(!log.contains("Secretname"), "no name in the log: {log}");
    assert!(!log.contains(PANIC_TEXT), "no message text in the log: {log}");
    let status = bot.terminate().await;
    assert_eq!(status.code(), Some(0), "SIGTERM still stops it cleanly");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_teloxide_cannot_read_is_dropped_without_its_content() {
    let fake = fake().await;
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Bot::start(&dir.path().join("bot.db"), &fake.url(), None);
    connected(&fake, 0).await;

    // A message whose id is not a number: teloxide keeps it as an unreadable update.
    let who = FakeUser::new(601, "Mariam").last_name("Hiddenname").language("en");
    fake.inject_update(
        "message",
        json!({"message_id": "not-a-number", "date": 1, "chat": who.chat_json(), "from": who.user_json(),
               "text": "the victim lives at SECRET-ADDRESS-42"}),
    );
    fake.send_text(&who, "/help");
    fake.wait_for_message_to(who.id, "/language", Duration::from_secs(20)).await.unwrap();
    assert!(bot.running());
    assert_eq!(fake.pending_updates(), 0, "the unreadable update was confirmed, not fetched again forever");

    let log = bot.log();
    assert!(log.contains("could not be read"), "{log}");
    assert!(!log.contains("SECRET-ADDRESS-42"), "the text is never logged: {log}");
    assert!(!log.contains("Hiddenname"), "nor the name: {log}");
    assert_eq!(bot.terminate().await.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispatcher_ended_by_a_panic_makes_the_process_exit_non_zero() {
    let fake = fake().await;
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Bot::start(&dir.path().join("bot.db"), &fake.url(), Some("dispatcher-panic"));
    connected(&fake, 0).await;
    fake.send_text(&FakeUser::new(701, "Someone"), "/help");
    let status = bot.exited_within(Duration::from_secs(30)).await;
    let log = bot.log();
    let status = status.unwrap_or_else(|| panic!("still running after the dispatcher panicked:\n{log}"));
    assert!(!status.success(), "{status:?}");
    assert!(log.contains("the dispatcher panicked"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_bot_on_the_same_database_is_refused_and_the_command_line_still_works() {
    let fake = fake().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bot.db");
    let first = Bot::start(&db, &fake.url(), None);
    connected(&fake, 0).await;

    let mut second = Bot::start(&db, &fake.url(), None);
    let status = second.exited_within(Duration::from_secs(20)).await.expect("the second bot stops at once");
    assert!(!status.success());
    let said = second.log();
    assert!(said.contains("another cluster-bot is already running on this database"), "{said}");
    assert!(said.contains(&first.child.id().to_string()), "names the process holding it: {said}");

    let status = Command::new(BIN).arg("status").env("DATABASE_URL", &db).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let out = Command::new(BIN)
        .args(["admin", "add-coordinator", "--telegram-id", "900", "--name", "Awa Traoré"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    assert_eq!(first.terminate().await.code(), Some(0));
    let since = fake.mark();
    let mut third = Bot::start(&db, &fake.url(), None);
    connected(&fake, since).await;
    assert!(third.running(), "once the first has stopped, a bot starts on the file");
    assert_eq!(third.terminate().await.code(), Some(0));
}
