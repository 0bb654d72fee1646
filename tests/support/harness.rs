//! Starts the real bot (real dispatcher, real SQLite file, real migrations) against the
//! tests' fake Bot API server, with a manual clock.
#![allow(dead_code)]

use super::fake_bot_api::{FakeBotApi, FakeOptions, FakeUser, Recorded, SentMessage};
use chrono::{DateTime, Utc};
use cluster_bot::domain::{Language, ManualClock};
use cluster_bot::i18n::{I18n, Msg};
use cluster_bot::observability::ReadinessOptions;
use cluster_bot::services::Ctx;
use cluster_bot::storage::Db;
use cluster_bot::telegram::{self, BotOptions, HttpOptions, RunningBot};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub const WAIT: Duration = Duration::from_secs(10);

pub struct TestBot {
    pub fake: FakeBotApi,
    pub clock: ManualClock,
    pub ctx: Ctx,
    pub i18n: Arc<I18n>,
    pub db_path: PathBuf,
    /// The HTTP server (and webhook) options, when the test wants them.
    pub http: Option<HttpOptions>,
    _dir: tempfile::TempDir,
    running: Option<RunningBot>,
}

pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-02T09:00:00Z").unwrap().to_utc()
}

impl TestBot {
    pub async fn start() -> Self {
        Self::start_with(FakeOptions::default()).await
    }

    pub async fn start_with(options: FakeOptions) -> Self {
        Self::start_with_clock(options, ManualClock::new(start_time())).await
    }

    /// With a clock running at real speed (for retries and backoffs), still movable.
    pub async fn start_running(options: FakeOptions) -> Self {
        Self::start_with_clock(options, ManualClock::running(start_time())).await
    }

    pub async fn start_with_clock(options: FakeOptions, clock: ManualClock) -> Self {
        Self::start_full(options, clock, None).await
    }

    /// With the HTTP server on a free local port; in webhook mode when `webhook` is true
    /// (Telegram — the fake server — then POSTs updates to it).
    pub async fn start_http(
        options: FakeOptions,
        clock: ManualClock,
        webhook: bool,
        readiness: ReadinessOptions,
    ) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let listen: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
        let webhook_url = webhook.then(|| url::Url::parse(&format!("http://{listen}/telegram/hook")).unwrap());
        Self::start_full(options, clock, Some(HttpOptions { listen, webhook_url, readiness, metrics_token: None }))
            .await
    }

    async fn start_full(options: FakeOptions, clock: ManualClock, http: Option<HttpOptions>) -> Self {
        let fake = FakeBotApi::start(options).await;
        let dir = tempfile::tempdir().unwrap();
        let db_path = dir.path().join("cluster-bot.db");
        let ctx = Self::context(&db_path, &clock).await;
        let mut bot = TestBot {
            fake,
            clock,
            ctx,
            i18n: Arc::new(I18n::load().unwrap()),
            db_path,
            http,
            _dir: dir,
            running: None,
        };
        bot.run().await;
        bot
    }

    async fn context(db_path: &std::path::Path, clock: &ManualClock) -> Ctx {
        let db = Db::connect(&format!("sqlite://{}", db_path.display())).await.unwrap();
        Ctx::new(db, Arc::new(clock.clone()), chrono_tz::Africa::Bamako, chrono::Duration::days(14))
    }

    async fn run(&mut self) {
        let mut opts = BotOptions::new("123:TEST".into(), Some(self.fake.url()));
        opts.poll_timeout = Duration::from_secs(1);
        opts.request_timeout = Duration::from_secs(6);
        // Jobs queued by the tests' own service calls are picked up quickly.
        opts.scheduler.poll = Duration::from_millis(200);
        opts.http = self.http.clone();
        opts.public_url = self.http.as_ref().map(|h| url::Url::parse(&format!("http://{}/", h.listen)).unwrap());
        opts.probe_every = Duration::from_millis(200);
        self.running = Some(telegram::start(opts, self.ctx.clone(), self.i18n.clone()).await.unwrap());
    }

    pub async fn stop(&mut self) {
        if let Some(bot) = self.running.take() {
            tokio::time::timeout(Duration::from_secs(40), bot.shutdown()).await.expect("the bot stops");
        }
        tokio::time::timeout(Duration::from_secs(20), self.ctx.db.close()).await.expect("the database closes");
    }

    /// Stops the bot, closes the database and starts everything again on the same file.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.ctx = Self::context(&self.db_path, &self.clock).await;
        self.run().await;
    }

    /// `http://127.0.0.1:PORT/` of the bot's HTTP server.
    pub fn http_base(&self) -> String {
        format!("http://{}/", self.http.as_ref().expect("started with start_http").listen)
    }

    pub fn t(&self, lang: Language, msg: Msg) -> String {
        self.i18n.render(lang, &msg)
    }

    fn last_seq(&self) -> u64 {
        self.fake.requests().last().map(|r| r.seq).unwrap_or(0)
    }

    /// Sends a text and waits for the bot's next message (or edit) in that chat.
    pub async fn send(&self, user: &FakeUser, text: &str) -> SentMessage {
        let before = self.last_seq();
        self.fake.send_text(user, text);
        self.next_reply(user.id, before).await
    }

    /// Sends `text` and waits for the bot's first `count` new messages in the chat (a command
    /// that answers in several messages).
    pub async fn send_expect(&self, user: &FakeUser, text: &str, count: usize) -> Vec<SentMessage> {
        let sent_before = self.fake.sent_to(user.id).len();
        self.fake.send_text(user, text);
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let new: Vec<SentMessage> = self
                .fake
                .sent_to(user.id)
                .into_iter()
                .skip(sent_before)
                .filter(|s| matches!(s.method.as_str(), "sendMessage" | "sendDocument"))
                .collect();
            if new.len() >= count {
                return new.into_iter().take(count).collect();
            }
            assert!(std::time::Instant::now() < deadline, "{text}: {} of {count} messages: {new:?}", new.len());
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// The first message or edit to `chat` recorded after request `after`.
    pub async fn next_reply(&self, chat: i64, after: u64) -> SentMessage {
        let rec = self
            .fake
            .wait_for(
                |r| {
                    r.seq > after
                        && r.is_ok()
                        && r.chat_id() == Some(chat)
                        && matches!(r.method.as_str(), "sendMessage" | "editMessageText" | "sendDocument")
                },
                WAIT,
            )
            .await
            .unwrap_or_else(|e| panic!("no reply in chat {chat}: {e}"));
        let message_id = rec
            .params
            .get("message_id")
            .and_then(|v| v.as_i64())
            .or_else(|| {
                // a new message: find it among the deliveries by text
                let text = rec.str_param("text").unwrap_or_default().to_string();
                self.fake.sent_to(chat).iter().rev().find(|s| s.text.as_deref() == Some(&text)).map(|s| s.message_id)
            })
            .unwrap();
        self.fake
            .sent_to(chat)
            .into_iter()
            .rev()
            .find(|s| s.message_id == message_id && s.method == rec.method)
            .unwrap()
    }

    /// Presses a button and waits for the press to be answered; returns the answer and
    /// any message or edit the bot made in the chat meanwhile.
    pub async fn press(&self, user: &FakeUser, message_id: i64, data: &str) -> (Recorded, Vec<SentMessage>) {
        let before = self.last_seq();
        let sent_before = self.fake.sent_to(user.id).len();
        self.fake.press_button(user, message_id, data);
        let answer = self
            .fake
            .wait_for(|r| r.seq > before && r.method == "answerCallbackQuery", WAIT)
            .await
            .unwrap_or_else(|e| panic!("button {data} not answered: {e}"));
        let after: Vec<SentMessage> = self.fake.sent_to(user.id).into_iter().skip(sent_before).collect();
        (answer, after)
    }

    /// Presses a button expected to edit the message; returns the edited message.
    pub async fn press_expect_edit(&self, user: &FakeUser, message_id: i64, data: &str) -> SentMessage {
        let (answer, after) = self.press(user, message_id, data).await;
        assert!(answer.str_param("text").is_none(), "press of {data} was refused: {:?}", answer.params);
        after
            .into_iter()
            .rev()
            .find(|s| s.method == "editMessageText" || s.method == "sendMessage")
            .unwrap_or_else(|| panic!("press of {data} changed nothing"))
    }
}

/// The callback data of the first button whose data starts with `prefix`.
pub fn button(msg: &SentMessage, prefix: &str) -> String {
    msg.button_data()
        .into_iter()
        .find(|d| d.starts_with(prefix))
        .unwrap_or_else(|| panic!("no button {prefix}* in {:?}", msg.reply_markup))
}

impl TestBot {
    /// Moves the clock and wakes the scheduler.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
        self.ctx.wake.notify_one();
    }

    /// Waits until no job is due or running (the scheduler has caught up with the clock).
    pub async fn settle(&self) {
        use cluster_bot::domain::Clock;
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            self.ctx.wake.notify_one();
            let now = self.clock.now().timestamp();
            let busy: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR status = 'running'",
            )
            .bind(now)
            .fetch_one(self.ctx.db.pool())
            .await
            .unwrap();
            if busy == 0 {
                // Let the last acknowledgements and edits land.
                tokio::time::sleep(Duration::from_millis(50)).await;
                return;
            }
            assert!(std::time::Instant::now() < deadline, "the scheduler did not settle: {busy} jobs busy");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Jobs with the given status, as (kind, key).
    pub async fn jobs_with_status(&self, status: &str) -> Vec<(String, String)> {
        cluster_bot::storage::jobs::all(&self.ctx.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|j| j.status == status)
            .map(|j| (j.kind, j.idempotency_key))
            .collect()
    }
}

impl TestBot {
    /// Makes `user` a member through the real services (invitation issued and accepted, no
    /// chat), in their client's language. Returns their person id.
    pub async fn member(
        &self,
        user: &super::fake_bot_api::FakeUser,
        org: &str,
        mech: &str,
        role: cluster_bot::domain::Role,
    ) -> i64 {
        use cluster_bot::services::membership::{self, Issuer};
        let o = membership::organisation(&self.ctx, org).await.unwrap();
        let m = membership::mechanism(&self.ctx, mech).await.unwrap();
        let issued = membership::issue_invitation(&self.ctx, Issuer::CommandLine, &o, &m, role, false).await.unwrap();
        let person = cluster_bot::services::people::identify(
            &self.ctx,
            user.id,
            &user.first_name,
            None,
            user.language_code.as_deref(),
        )
        .await
        .unwrap();
        let inv = membership::open_invitation(&self.ctx, issued.code.as_str()).await.unwrap();
        membership::accept_invitation(&self.ctx, &person, inv.id, None).await.unwrap();
        person.id
    }
}

impl TestBot {
    /// A regular one-hour meeting of `mech` in Bamako, `days` from now, created from the command
    /// line (its invitations are queued at once). Returns its id.
    pub async fn meeting_in(&self, mech: &str, days: i64) -> i64 {
        use cluster_bot::domain::Clock;
        use cluster_bot::domain::meeting::MeetingKind;
        use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
        let m = cluster_bot::services::membership::mechanism(&self.ctx, mech).await.unwrap();
        let draft = MeetingDraft {
            mechanism_id: m.id,
            starts_at: self.clock.now() + chrono::Duration::days(days),
            duration_minutes: 60,
            place: Some("Bamako".into()),
            agenda: None,
            kind: MeetingKind::Regular,
            monthly: false,
        };
        meetings::create(&self.ctx, Actor::CommandLine, draft).await.unwrap()[0].id
    }

    /// The chair's /minutes dialog for a meeting that has ended, up to its summary: the meeting
    /// chosen, the title typed, the text-only step skipped and no decision recorded. Returns the
    /// summary (with its class and "share" buttons).
    pub async fn minutes_summary(
        &self,
        chair: &super::fake_bot_api::FakeUser,
        meeting: i64,
        title: &str,
    ) -> SentMessage {
        let pick = self.send(chair, "/minutes").await;
        self.press_expect_edit(chair, pick.message_id, &format!("mn:m:{meeting}")).await;
        let ask = self.send(chair, title).await;
        self.press_expect_edit(chair, ask.message_id, "mn:s").await;
        self.press_expect_edit(chair, ask.message_id, "mn:ds").await
    }
}
