//! A fake Telegram Bot API server for end-to-end tests and benchmarks.
//!
//! Start it with [`FakeBotApi::start`], point a `teloxide::Bot` at it with
//! `bot.set_api_url(server.url())`, inject user activity with
//! [`FakeBotApi::send_text`] / [`FakeBotApi::press_button`] (served to the bot
//! through long polling `getUpdates`) and inspect what the bot did with
//! [`FakeBotApi::requests`], [`FakeBotApi::sent_to`], [`FakeBotApi::wait_for`].
//!
//! Include it with `#[path = "support/fake_bot_api.rs"] mod fake_bot_api;`.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// Webhook mode: the registered webhook receives the updates instead of getUpdates.
#[path = "fake_webhook.rs"]
mod webhook;

/// Parsing request bodies (JSON, forms, multipart uploads).
#[path = "fake_multipart.rs"]
mod multipart;
use multipart::parse_body;

/// What each method does to the recorded chats.
#[path = "fake_state.rs"]
mod state;
#[allow(unused_imports)]
use state::*;

/// Routing a method call, its answer, file downloads.
#[path = "fake_http.rs"]
mod http;
#[allow(unused_imports)]
use http::*;

/// Methods that deliver a new message and count for limits and delivery accounting.
/// Telegram's limits, in UTF-16 code units as Telegram counts them.
pub const TEXT_LIMIT: usize = 4096;
pub const CAPTION_LIMIT: usize = 1024;
pub const TEXT_TOO_LONG: &str = "Bad Request: message is too long";
pub const CAPTION_TOO_LONG: &str = "Bad Request: message caption is too long";

pub const SEND_METHODS: &[&str] = &["sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"];

const NOT_MODIFIED: &str = "Bad Request: message is not modified: specified new message content \
    and reply markup are exactly the same as a current content and reply markup of the message";

/// Configuration; everything can also be changed at run time with [`FakeBotApi::configure`].
#[derive(Clone, Debug)]
pub struct FakeOptions {
    pub bot_id: i64,
    pub bot_username: String,
    pub bot_first_name: String,
    /// Enforce Telegram-like flood limits (strict sliding 1 s windows) on [`SEND_METHODS`].
    pub enforce_limits: bool,
    pub global_per_sec: usize,
    pub per_chat_per_sec: usize,
    /// Answer every Nth send attempt (counted over [`SEND_METHODS`]) with a server error.
    pub fail_every_nth_send: Option<u64>,
    /// HTTP status used for injected server errors / unreachability. teloxide sleeps 10 s
    /// after any 5xx response before reporting the error; use 200 for fast tests.
    pub server_error_http_status: u16,
    /// Chats answering 403 "Forbidden: bot was blocked by the user" to every method.
    pub blocked_chats: Vec<i64>,
    /// Chats answering 400 "Bad Request: chat not found" to every method.
    pub missing_chats: Vec<i64>,
    /// Delay before answering any method except getUpdates. The request is processed
    /// (and delivered) first, only the answer is late — like a lost response.
    pub response_delay: Duration,
    /// Simulate Telegram being unreachable: new connections are closed immediately and
    /// requests on already open connections get a 502 with `Connection: close`.
    pub unreachable: bool,
    /// Delay before a request (other than getUpdates) is even looked at: a client that gives
    /// up first cancels it, and it is never processed — a timeout with nothing delivered.
    pub stall: Duration,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            bot_id: 123,
            bot_username: "cluster_test_bot".into(),
            bot_first_name: "Cluster Test Bot".into(),
            enforce_limits: false,
            global_per_sec: 30,
            per_chat_per_sec: 1,
            fail_every_nth_send: None,
            server_error_http_status: 502,
            blocked_chats: Vec::new(),
            missing_chats: Vec::new(),
            response_delay: Duration::ZERO,
            unreachable: false,
            stall: Duration::ZERO,
        }
    }
}

/// A simulated Telegram user (private chat id == user id).
#[path = "fake_user.rs"]
mod user;
pub use user::FakeUser;
use user::put_opt;

/// A file part of a multipart request (`field` is the parameter referencing it, e.g. "document").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadedFile {
    pub field: String,
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Error { http_status: u16, error_code: u16, description: String, retry_after: Option<u64> },
}

/// One request as received by the server.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// Increasing over the server's lifetime (see [`FakeBotApi::mark`]).
    pub seq: u64,
    pub method: String,
    /// JSON body; for multipart the text fields (JSON-looking values parsed) and
    /// `"attach://…"` references left as they were (see `files`).
    pub params: Value,
    pub files: Vec<UploadedFile>,
    pub received_at: Instant,
    pub outcome: Outcome,
}

impl Recorded {
    pub fn is_ok(&self) -> bool {
        self.outcome == Outcome::Ok
    }
    pub fn error_code(&self) -> Option<u16> {
        match &self.outcome {
            Outcome::Ok => None,
            Outcome::Error { error_code, .. } => Some(*error_code),
        }
    }
    pub fn chat_id(&self) -> Option<i64> {
        chat_id_of(&self.params)
    }
    pub fn str_param(&self, key: &str) -> Option<&str> {
        self.params.get(key).and_then(Value::as_str)
    }
}

/// A successfully delivered send / edit / delete, as the chat would see it.
#[derive(Clone, Debug)]
pub struct SentMessage {
    pub method: String,
    pub chat_id: i64,
    pub message_id: i64,
    /// Text for text messages, caption for documents/photos.
    pub text: Option<String>,
    pub reply_markup: Option<Value>,
    pub parse_mode: Option<String>,
    pub protect_content: bool,
    pub document_file_id: Option<String>,
    pub document_name: Option<String>,
    /// Only for uploaded documents (not for re-sent file ids).
    pub document_bytes: Option<Vec<u8>>,
    pub at: Instant,
}

impl SentMessage {
    pub fn is_send(&self) -> bool {
        SEND_METHODS.contains(&self.method.as_str())
    }
    /// `callback_data` of every inline button, row by row.
    pub fn button_data(&self) -> Vec<String> {
        let rows = self.reply_markup.as_ref().and_then(|m| m["inline_keyboard"].as_array());
        rows.into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|b| b["callback_data"].as_str().map(String::from))
            .collect()
    }
}

/// Handle to a running fake server; cheap to clone. The server stops when the
/// last clone is dropped or on [`FakeBotApi::shutdown`].
#[derive(Clone)]
pub struct FakeBotApi {
    inner: Arc<Handle>,
}

struct Handle {
    shared: Arc<Shared>,
    addr: SocketAddr,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.shared.shutdown.send_replace(true);
    }
}

struct Shared {
    state: Mutex<St>,
    updates_changed: Notify,
    recorded_changed: Notify,
    shutdown: watch::Sender<bool>,
}

#[derive(Default)]
struct St {
    opts: FakeOptions,
    updates: VecDeque<Value>,
    next_update_id: i64,
    next_message_id: HashMap<i64, i64>,
    chats: HashMap<i64, Value>,
    messages: HashMap<(i64, i64), Value>,
    callback_ids: HashSet<String>,
    counter: u64,
    files_by_id: HashMap<String, (Option<String>, usize)>,
    /// Files users sent (and the bot uploaded): file_id → bytes, for getFile and downloads.
    file_bytes: HashMap<String, Vec<u8>>,
    downloads: Vec<String>,
    commands: HashMap<String, Value>,
    recorded: Vec<Recorded>,
    sent: Vec<SentMessage>,
    send_attempts: u64,
    next_seq: u64,
    too_many: u64,
    global_window: VecDeque<Instant>,
    chat_windows: HashMap<i64, VecDeque<Instant>>,
    /// The webhook set by the bot (URL, secret token): updates are then POSTed to it.
    webhook: Option<(String, Option<String>)>,
    /// Every webhook POST made: (update_id, HTTP status, or 0 when the bot was unreachable).
    webhook_posts: Vec<(i64, u16)>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, St> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl FakeBotApi {
    /// Binds 127.0.0.1:0 and serves in a background task of the current runtime.
    pub async fn start(options: FakeOptions) -> FakeBotApi {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind fake Bot API");
        let addr = listener.local_addr().expect("local_addr");
        let st = St { opts: options, next_update_id: 1, ..St::default() };
        let shared = Arc::new(Shared {
            state: Mutex::new(st),
            updates_changed: Notify::new(),
            recorded_changed: Notify::new(),
            shutdown: watch::channel(false).0,
        });
        let app = axum::Router::new()
            .route("/{token}/{method}", axum::routing::any(handle))
            .route("/file/{token}/{*path}", axum::routing::get(download))
            .layer(DefaultBodyLimit::max(256 << 20))
            .with_state(shared.clone());
        let mut stop = shared.shutdown.subscribe();
        let gated = GatedListener { inner: listener, shared: shared.clone() };
        let task = tokio::spawn(async move {
            let _ = axum::serve(gated, app)
                .with_graceful_shutdown(async move {
                    let _ = stop.wait_for(|s| *s).await;
                })
                .await;
        });
        tokio::spawn(webhook::push_updates(shared.clone()));
        FakeBotApi { inner: Arc::new(Handle { shared, addr, task: Mutex::new(Some(task)) }) }
    }

    /// `http://127.0.0.1:PORT/`, for `bot.set_api_url(..)`.
    pub fn url(&self) -> url::Url {
        url::Url::parse(&format!("http://{}/", self.inner.addr)).expect("valid url")
    }

    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// Stops the server (pending long polls return immediately) and waits for it.
    pub async fn shutdown(&self) {
        self.shared().shutdown.send_replace(true);
        self.shared().updates_changed.notify_waiters();
        let task = self.inner.task.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(task) = task {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    fn shared(&self) -> &Shared {
        &self.inner.shared
    }

    fn with<R>(&self, f: impl FnOnce(&mut St) -> R) -> R {
        f(&mut self.shared().lock())
    }

    // ----- configuration / fault injection -----

    pub fn configure(&self, f: impl FnOnce(&mut FakeOptions)) {
        self.with(|st| f(&mut st.opts));
    }
    pub fn options(&self) -> FakeOptions {
        self.with(|st| st.opts.clone())
    }
    pub fn set_enforce_limits(&self, on: bool) {
        self.configure(|o| o.enforce_limits = on);
    }
    pub fn set_fail_every_nth_send(&self, n: Option<u64>) {
        self.configure(|o| o.fail_every_nth_send = n);
    }
    pub fn block_chat(&self, chat_id: i64) {
        self.configure(|o| o.blocked_chats.push(chat_id));
    }
    pub fn unblock_chat(&self, chat_id: i64) {
        self.configure(|o| o.blocked_chats.retain(|c| *c != chat_id));
    }
    pub fn set_chat_not_found(&self, chat_id: i64) {
        self.configure(|o| o.missing_chats.push(chat_id));
    }
    pub fn set_response_delay(&self, delay: Duration) {
        self.configure(|o| o.response_delay = delay);
    }
    pub fn set_unreachable(&self, on: bool) {
        self.configure(|o| o.unreachable = on);
    }

    // ----- injecting updates -----

    /// A private text message from `user`; "/cmd …" gets a bot_command entity.
    pub fn send_text(&self, user: &FakeUser, text: &str) -> i64 {
        let id = self.with(|st| {
            st.chats.insert(user.id, user.chat_json());
            let message_id = st.next_msg_id(user.id);
            let mut msg = json!({
                "message_id": message_id, "date": unix_now(), "chat": user.chat_json(),
                "from": user.user_json(), "text": text,
            });
            if text.starts_with('/') {
                let cmd = text.split_whitespace().next().unwrap_or(text);
                msg["entities"] = json!([{"type": "bot_command", "offset": 0,
                    "length": cmd.encode_utf16().count()}]);
            }
            st.push_update("message", msg)
        });
        self.shared().updates_changed.notify_waiters();
        id
    }

    /// A private message from `user` carrying a document (as a phone or computer sends a file);
    /// the bot may then fetch it with getFile and a download. Returns the file id.
    pub fn send_document(&self, user: &FakeUser, file_name: &str, mime_type: &str, bytes: Vec<u8>) -> String {
        self.send_document_captioned(user, file_name, mime_type, bytes, None)
    }

    /// A PDF sent by the user with a caption.
    pub fn send_document_with_caption(
        &self,
        user: &FakeUser,
        file_name: &str,
        bytes: Vec<u8>,
        caption: &str,
    ) -> String {
        self.send_document_captioned(user, file_name, "application/pdf", bytes, Some(caption))
    }

    fn send_document_captioned(
        &self,
        user: &FakeUser,
        file_name: &str,
        mime_type: &str,
        bytes: Vec<u8>,
        caption: Option<&str>,
    ) -> String {
        let file_id = self.with(|st| {
            st.chats.insert(user.id, user.chat_json());
            st.counter += 1;
            let file_id = format!("USERDOC{:06}", st.counter);
            st.files_by_id.insert(file_id.clone(), (Some(file_name.to_string()), bytes.len()));
            let size = bytes.len();
            st.file_bytes.insert(file_id.clone(), bytes);
            let message_id = st.next_msg_id(user.id);
            let msg = json!({
                "message_id": message_id, "date": unix_now(), "chat": user.chat_json(), "from": user.user_json(),
                "document": {"file_id": file_id, "file_unique_id": format!("u{file_id}"), "file_name": file_name,
                             "mime_type": mime_type, "file_size": size},
            });
            let mut msg = msg;
            if let Some(c) = caption {
                msg["caption"] = json!(c);
            }
            st.push_update("message", msg);
            file_id
        });
        self.shared().updates_changed.notify_waiters();
        file_id
    }

    /// Downloads served (`GET /file/bot<token>/<path>`), by file path.
    pub fn downloads(&self) -> Vec<String> {
        self.with(|st| st.downloads.clone())
    }

    /// A callback query for the bot's message `message_id` in `user`'s private chat.
    pub fn press_button(&self, user: &FakeUser, message_id: i64, data: &str) -> i64 {
        self.press_button_query(user, message_id, data).0
    }

    /// Like `press_button`, also returning the callback query id (to match its answer).
    pub fn press_button_query(&self, user: &FakeUser, message_id: i64, data: &str) -> (i64, String) {
        let (id, query_id) = self.with(|st| {
            st.chats.insert(user.id, user.chat_json());
            st.counter += 1;
            let query_id = format!("cbq{}", st.counter);
            st.callback_ids.insert(query_id.clone());
            let message = st.messages.get(&(user.id, message_id)).cloned().unwrap_or_else(
                // inaccessible message (e.g. deleted): date 0
                || json!({"message_id": message_id, "date": 0, "chat": user.chat_json()}),
            );
            let query = json!({
                "id": query_id, "from": user.user_json(), "message": message,
                "chat_instance": format!("ci{}", user.id), "data": data,
            });
            (st.push_update("callback_query", query), query_id)
        });
        self.shared().updates_changed.notify_waiters();
        (id, query_id)
    }

    /// Any other update, e.g. `inject_update("my_chat_member", json!({...}))`.
    pub fn inject_update(&self, kind: &str, payload: Value) -> i64 {
        let id = self.with(|st| st.push_update(kind, payload));
        self.shared().updates_changed.notify_waiters();
        id
    }

    /// Updates not yet confirmed by a getUpdates offset.
    pub fn pending_updates(&self) -> usize {
        self.with(|st| st.updates.len())
    }

    // ----- inspection -----

    pub fn requests(&self) -> Vec<Recorded> {
        self.with(|st| st.recorded.clone())
    }
    pub fn requests_for(&self, method: &str) -> Vec<Recorded> {
        self.with(|st| st.recorded.iter().filter(|r| r.method == method).cloned().collect())
    }
    /// Successful sends, edits and deletes in `chat_id`, in order.
    pub fn sent_to(&self, chat_id: i64) -> Vec<SentMessage> {
        self.with(|st| st.sent.iter().filter(|s| s.chat_id == chat_id).cloned().collect())
    }
    pub fn all_sent(&self) -> Vec<SentMessage> {
        self.with(|st| st.sent.clone())
    }
    /// Current state of a bot message (after edits), `None` if unknown or deleted.
    pub fn bot_message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.with(|st| st.messages.get(&(chat_id, message_id)).cloned())
    }
    pub fn too_many_requests_count(&self) -> u64 {
        self.with(|st| st.too_many)
    }
    /// Delivered messages ([`SEND_METHODS`]) over all chats.
    pub fn delivered_count(&self) -> usize {
        self.with(|st| st.sent.iter().filter(|s| s.is_send()).count())
    }
    pub fn delivered_count_to(&self, chat_id: i64) -> usize {
        self.with(|st| st.sent.iter().filter(|s| s.is_send() && s.chat_id == chat_id).count())
    }
    pub fn delivered_per_chat(&self) -> HashMap<i64, usize> {
        let mut m = HashMap::new();
        for s in self.all_sent().iter().filter(|s| s.is_send()) {
            *m.entry(s.chat_id).or_insert(0) += 1;
        }
        m
    }
    /// (chat_id, text, times) for every text delivered more than once to the same chat.
    pub fn duplicate_deliveries(&self) -> Vec<(i64, String, usize)> {
        let mut m: HashMap<(i64, String), usize> = HashMap::new();
        for s in self.all_sent().into_iter().filter(|s| s.is_send()) {
            if let Some(t) = s.text {
                *m.entry((s.chat_id, t)).or_insert(0) += 1;
            }
        }
        let mut d: Vec<_> = m.into_iter().filter(|(_, n)| *n > 1).map(|((c, t), n)| (c, t, n)).collect();
        d.sort();
        d
    }
    /// The `seq` the next recorded request will get: `wait_for(|r| r.seq >= mark && …)`
    /// ignores everything recorded before.
    pub fn mark(&self) -> u64 {
        self.with(|st| st.next_seq)
    }
    /// Forget recorded requests and deliveries (state such as messages is kept).
    pub fn clear_records(&self) {
        self.with(|st| {
            st.recorded.clear();
            st.sent.clear();
            st.too_many = 0;
        });
    }

    /// Waits (no polling) until some recorded request — including ones recorded
    /// before the call — satisfies `pred`.
    pub async fn wait_for(&self, pred: impl Fn(&Recorded) -> bool, timeout: Duration) -> Result<Recorded, String> {
        self.wait_until(timeout, |st| st.recorded.iter().find(|r| pred(r)).cloned()).await
    }

    /// Waits until a send or edit to `chat_id` whose text/caption contains `needle`
    /// was delivered (earlier deliveries count too).
    pub async fn wait_for_message_to(
        &self,
        chat_id: i64,
        needle: &str,
        timeout: Duration,
    ) -> Result<SentMessage, String> {
        self.wait_until(timeout, |st| {
            st.sent
                .iter()
                .find(|s| s.chat_id == chat_id && s.text.as_deref().is_some_and(|t| t.contains(needle)))
                .cloned()
        })
        .await
        .map_err(|e| format!("no message to {chat_id} containing {needle:?}: {e}"))
    }

    async fn wait_until<R>(&self, timeout: Duration, mut check: impl FnMut(&St) -> Option<R>) -> Result<R, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.shared().recorded_changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(r) = self.with(|st| check(st)) {
                return Ok(r);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let seen: Vec<String> = self.with(|st| {
                    st.recorded.iter().rev().take(20).rev().map(|r| format!("{} {:?}", r.method, r.params)).collect()
                });
                return Err(format!("timed out after {timeout:?}; last requests: {seen:#?}"));
            }
        }
    }
}

/// Drops new connections while the server is "unreachable".
struct GatedListener {
    inner: TcpListener,
    shared: Arc<Shared>,
}

impl axum::serve::Listener for GatedListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    if self.shared.lock().opts.unreachable {
                        drop(stream);
                        continue;
                    }
                    let _ = stream.set_nodelay(true);
                    return (stream, addr);
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}
