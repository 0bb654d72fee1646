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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeUser {
    pub id: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub language_code: Option<String>,
}

impl FakeUser {
    pub fn new(id: i64, first_name: &str) -> Self {
        Self { id, first_name: first_name.into(), last_name: None, username: None, language_code: None }
    }
    pub fn last_name(mut self, v: &str) -> Self {
        self.last_name = Some(v.into());
        self
    }
    pub fn username(mut self, v: &str) -> Self {
        self.username = Some(v.into());
        self
    }
    pub fn language(mut self, v: &str) -> Self {
        self.language_code = Some(v.into());
        self
    }
    /// The Bot API `User` object.
    pub fn user_json(&self) -> Value {
        let mut u = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        put_opt(&mut u, "last_name", &self.last_name);
        put_opt(&mut u, "username", &self.username);
        put_opt(&mut u, "language_code", &self.language_code);
        u
    }
    /// The Bot API private `Chat` object.
    pub fn chat_json(&self) -> Value {
        let mut c = json!({"id": self.id, "type": "private", "first_name": self.first_name});
        put_opt(&mut c, "last_name", &self.last_name);
        put_opt(&mut c, "username", &self.username);
        c
    }
}

fn put_opt(obj: &mut Value, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        obj[key] = json!(v);
    }
}

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

// ----- state logic -----

impl St {
    fn next_msg_id(&mut self, chat_id: i64) -> i64 {
        let n = self.next_message_id.entry(chat_id).or_insert(0);
        *n += 1;
        *n
    }

    fn push_update(&mut self, kind: &str, payload: Value) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        self.updates.push_back(json!({ "update_id": id, kind: payload }));
        id
    }

    fn confirm(&mut self, offset: i64) {
        if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            while self.updates.len() > keep {
                self.updates.pop_front();
            }
        } else {
            self.updates.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
        }
    }

    fn bot_user(&self) -> Value {
        json!({"id": self.opts.bot_id, "is_bot": true, "first_name": self.opts.bot_first_name,
               "username": self.opts.bot_username})
    }

    fn chat_json(&self, chat_id: i64) -> Value {
        match self.chats.get(&chat_id) {
            Some(c) => c.clone(),
            None if chat_id > 0 => {
                json!({"id": chat_id, "type": "private", "first_name": format!("User {chat_id}")})
            }
            None => {
                json!({"id": chat_id, "type": "supergroup", "title": format!("Chat {chat_id}")})
            }
        }
    }

    fn process(&mut self, method: &str, p: &Value, files: &[UploadedFile], now: Instant) -> Reply {
        let chat = chat_id_of(p);
        if let Some(c) = chat {
            if self.opts.blocked_chats.contains(&c) {
                return Reply::err(403, "Forbidden: bot was blocked by the user");
            }
            if self.opts.missing_chats.contains(&c) {
                return Reply::err(400, "Bad Request: chat not found");
            }
        }
        if SEND_METHODS.contains(&method) {
            return self.send(method, chat, p, files, now);
        }
        match method {
            "getMe" => {
                let mut me = self.bot_user();
                for k in [
                    "can_join_groups",
                    "can_read_all_group_messages",
                    "supports_inline_queries",
                    "can_connect_to_business",
                    "has_main_web_app",
                ] {
                    me[k] = json!(k == "can_join_groups");
                }
                Reply::ok(me)
            }
            "getFile" => {
                let id = p["file_id"].as_str().unwrap_or_default();
                match self.file_bytes.get(id) {
                    Some(bytes) => Reply::ok(json!({"file_id": id, "file_unique_id": format!("u{id}"),
                                                    "file_size": bytes.len(), "file_path": format!("documents/{id}")})),
                    None => Reply::err(400, "Bad Request: invalid file_id"),
                }
            }
            "getWebhookInfo" => {
                let url = self.webhook.as_ref().map(|w| w.0.clone()).unwrap_or_default();
                Reply::ok(json!({"url": url, "has_custom_certificate": false,
                                 "pending_update_count": self.updates.len()}))
            }
            "setWebhook" => match p["url"].as_str() {
                Some(url) if url.starts_with("http") => {
                    self.webhook = Some((url.to_string(), p["secret_token"].as_str().map(String::from)));
                    Reply::ok(json!(true))
                }
                Some("") => {
                    self.webhook = None;
                    Reply::ok(json!(true))
                }
                _ => Reply::err(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"),
            },
            "deleteWebhook" => {
                self.webhook = None;
                Reply::ok(json!(true))
            }
            "editMessageText" | "editMessageCaption" | "editMessageReplyMarkup" => self.edit(method, chat, p, now),
            "deleteMessage" => {
                let (Some(c), Some(id)) = (chat, p["message_id"].as_i64()) else {
                    return Reply::err(400, "Bad Request: message to delete not found");
                };
                if self.messages.remove(&(c, id)).is_none() {
                    return Reply::err(400, "Bad Request: message to delete not found");
                }
                self.sent.push(sent_entry(method, c, id, p, None, now));
                Reply::ok(json!(true))
            }
            "answerCallbackQuery" => match p["callback_query_id"].as_str() {
                Some(id) if self.callback_ids.contains(id) => Reply::ok(json!(true)),
                _ => {
                    Reply::err(400, "Bad Request: query is too old and response timeout expired or query id is invalid")
                }
            },
            "setMyCommands" => {
                self.commands.insert(commands_key(p), p["commands"].clone());
                Reply::ok(json!(true))
            }
            "deleteMyCommands" => {
                self.commands.remove(&commands_key(p));
                Reply::ok(json!(true))
            }
            "getMyCommands" => Reply::ok(self.commands.get(&commands_key(p)).cloned().unwrap_or(json!([]))),
            _ => Reply::ok(json!(true)),
        }
    }

    fn send(&mut self, method: &str, chat: Option<i64>, p: &Value, files: &[UploadedFile], now: Instant) -> Reply {
        self.send_attempts += 1;
        if let Some(n) = self.opts.fail_every_nth_send
            && n > 0
            && self.send_attempts.is_multiple_of(n)
        {
            return Reply::server_error(self.opts.server_error_http_status);
        }
        let Some(chat_id) = chat else {
            return Reply::err(400, "Bad Request: chat not found");
        };
        if self.opts.enforce_limits
            && let Some(retry_after) = self.check_limits(chat_id, now)
        {
            self.too_many += 1;
            return Reply::too_many(retry_after);
        }
        let mut content = Map::new();
        let mut doc: Option<(String, Option<String>, Option<Vec<u8>>)> = None;
        match method {
            "sendMessage" => match p["text"].as_str() {
                Some(t) if t.encode_utf16().count() > TEXT_LIMIT => return Reply::err(400, TEXT_TOO_LONG),
                Some(t) if !t.trim().is_empty() => {
                    content.insert("text".into(), json!(t));
                }
                _ => return Reply::err(400, "Bad Request: message text is empty"),
            },
            "sendDocument" | "sendPhoto" => {
                let field = if method == "sendDocument" { "document" } else { "photo" };
                let Some(reference) = p[field].as_str() else {
                    return Reply::err(400, &format!("Bad Request: there is no {field} in the request"));
                };
                let (file_id, name, bytes) = match files.iter().find(|f| f.field == field) {
                    Some(f) => {
                        self.counter += 1;
                        let id = format!("FAKE{}{:06}", field.to_uppercase(), self.counter);
                        self.files_by_id.insert(id.clone(), (f.file_name.clone(), f.bytes.len()));
                        self.file_bytes.insert(id.clone(), f.bytes.clone());
                        (id, f.file_name.clone(), Some(f.bytes.clone()))
                    }
                    None => {
                        let known = self.files_by_id.get(reference).cloned();
                        (reference.to_string(), known.and_then(|k| k.0), None)
                    }
                };
                let size = bytes.as_ref().map(Vec::len).or_else(|| self.files_by_id.get(&file_id).map(|k| k.1));
                let mut meta = json!({"file_id": file_id, "file_unique_id": format!("u{file_id}"),
                                      "file_size": size.unwrap_or(0)});
                if method == "sendPhoto" {
                    meta["width"] = json!(640);
                    meta["height"] = json!(480);
                    content.insert("photo".into(), json!([meta]));
                } else {
                    put_opt(&mut meta, "file_name", &name);
                    content.insert("document".into(), meta);
                }
                if let Some(c) = p["caption"].as_str() {
                    if c.encode_utf16().count() > CAPTION_LIMIT {
                        return Reply::err(400, CAPTION_TOO_LONG);
                    }
                    content.insert("caption".into(), json!(c));
                }
                doc = Some((file_id, name, bytes));
            }
            _ => {
                let src = format!("{}/{}", p["from_chat_id"], p["message_id"]);
                content.insert("text".into(), json!(format!("({method} of {src})")));
            }
        }
        if let Some(m) = inline_markup(p) {
            content.insert("reply_markup".into(), m);
        }
        if p["protect_content"].as_bool() == Some(true) {
            content.insert("has_protected_content".into(), json!(true));
        }
        let message_id = self.next_msg_id(chat_id);
        let mut msg = json!({"message_id": message_id, "date": unix_now(),
                             "chat": self.chat_json(chat_id), "from": self.bot_user()});
        msg.as_object_mut().expect("object").extend(content);
        self.messages.insert((chat_id, message_id), msg.clone());
        let mut entry = sent_entry(method, chat_id, message_id, p, msg.get("text").or(msg.get("caption")), now);
        if let Some((id, name, bytes)) = doc {
            (entry.document_file_id, entry.document_name, entry.document_bytes) = (Some(id), name, bytes);
        }
        self.sent.push(entry);
        if self.opts.enforce_limits {
            self.global_window.push_back(now);
            self.chat_windows.entry(chat_id).or_default().push_back(now);
        }
        if method == "copyMessage" { Reply::ok(json!({"message_id": message_id})) } else { Reply::ok(msg) }
    }

    fn edit(&mut self, method: &str, chat: Option<i64>, p: &Value, now: Instant) -> Reply {
        if p.get("inline_message_id").is_some() {
            return Reply::ok(json!(true));
        }
        let (Some(c), Some(id)) = (chat, p["message_id"].as_i64()) else {
            return Reply::err(400, "Bad Request: message to edit not found");
        };
        let Some(msg) = self.messages.get_mut(&(c, id)) else {
            return Reply::err(400, "Bad Request: message to edit not found");
        };
        let new_markup = inline_markup(p);
        // editMessageCaption changes a document's caption as editMessageText changes a text.
        let field = if method == "editMessageCaption" { "caption" } else { "text" };
        let changes_text = method != "editMessageReplyMarkup";
        let new_text = if changes_text {
            let Some(t) = p[field].as_str().filter(|t| !t.trim().is_empty()) else {
                return Reply::err(400, "Bad Request: message text is empty");
            };
            let (limit, refusal) =
                if field == "caption" { (CAPTION_LIMIT, CAPTION_TOO_LONG) } else { (TEXT_LIMIT, TEXT_TOO_LONG) };
            if t.encode_utf16().count() > limit {
                return Reply::err(400, refusal);
            }
            if msg.get(field).is_none() {
                return Reply::err(400, "Bad Request: there is no text in the message to edit");
            }
            json!(t)
        } else {
            msg.get(field).cloned().or_else(|| msg.get("caption").cloned()).unwrap_or(Value::Null)
        };
        if msg.get(field) == Some(&new_text) && msg.get("reply_markup") == new_markup.as_ref() {
            return Reply::err(400, NOT_MODIFIED);
        }
        let obj = msg.as_object_mut().expect("object");
        if changes_text {
            obj.insert(field.into(), new_text);
            obj.remove("entities");
            obj.remove("caption_entities");
        }
        match new_markup {
            Some(m) => obj.insert("reply_markup".into(), m),
            None => obj.remove("reply_markup"),
        };
        obj.insert("edit_date".into(), json!(unix_now()));
        let msg = msg.clone();
        let shown = msg.get("text").or_else(|| msg.get("caption"));
        self.sent.push(sent_entry(method, c, id, p, shown, now));
        Reply::ok(msg)
    }

    /// `Some(retry_after_secs)` if a send to `chat` now would exceed a limit.
    fn check_limits(&mut self, chat: i64, now: Instant) -> Option<u64> {
        let (global, per_chat) = (self.opts.global_per_sec, self.opts.per_chat_per_sec);
        let mut wait = Duration::ZERO;
        for (w, limit) in [(&mut self.global_window, global), (self.chat_windows.entry(chat).or_default(), per_chat)] {
            while w.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1)) {
                w.pop_front();
            }
            if limit > 0 && w.len() >= limit {
                wait = wait.max((w[w.len() - limit] + Duration::from_secs(1)).saturating_duration_since(now));
            }
        }
        (!wait.is_zero()).then(|| (wait.as_secs_f64().ceil() as u64).max(1))
    }
}

fn sent_entry(
    method: &str,
    chat_id: i64,
    message_id: i64,
    p: &Value,
    text: Option<&Value>,
    at: Instant,
) -> SentMessage {
    SentMessage {
        method: method.into(),
        chat_id,
        message_id,
        text: text.and_then(Value::as_str).map(String::from),
        reply_markup: p.get("reply_markup").cloned(),
        parse_mode: p["parse_mode"].as_str().map(String::from),
        protect_content: p["protect_content"].as_bool().unwrap_or(false),
        document_file_id: None,
        document_name: None,
        document_bytes: None,
        at,
    }
}

/// The reply_markup as Telegram echoes it in a Message: only inline keyboards.
fn inline_markup(p: &Value) -> Option<Value> {
    p.get("reply_markup").filter(|m| m.get("inline_keyboard").is_some()).cloned()
}

fn commands_key(p: &Value) -> String {
    format!("{}|{}", p.get("scope").unwrap_or(&json!({"type": "default"})), p["language_code"].as_str().unwrap_or(""))
}

fn chat_id_of(p: &Value) -> Option<i64> {
    match p.get("chat_id")? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(1)
}

// ----- HTTP layer -----

struct Reply {
    status: u16,
    body: Value,
    close: bool,
}

impl Reply {
    fn ok(result: Value) -> Self {
        Reply { status: 200, body: json!({"ok": true, "result": result}), close: false }
    }
    fn err(code: u16, description: &str) -> Self {
        Reply { status: code, body: json!({"ok": false, "error_code": code, "description": description}), close: false }
    }
    fn too_many(retry_after: u64) -> Self {
        let mut r = Reply::err(429, &format!("Too Many Requests: retry after {retry_after}"));
        r.body["parameters"] = json!({"retry_after": retry_after});
        r
    }
    fn server_error(http_status: u16) -> Self {
        let mut r = Reply::err(502, "Bad Gateway");
        r.status = http_status;
        r
    }
    fn outcome(&self) -> Outcome {
        if self.body["ok"] == json!(true) {
            return Outcome::Ok;
        }
        Outcome::Error {
            http_status: self.status,
            error_code: self.body["error_code"].as_u64().unwrap_or(0) as u16,
            description: self.body["description"].as_str().unwrap_or("").into(),
            retry_after: self.body["parameters"]["retry_after"].as_u64(),
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = (status, axum::Json(self.body)).into_response();
        if self.close {
            resp.headers_mut().insert(header::CONNECTION, header::HeaderValue::from_static("close"));
        }
        resp
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    Path((token, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let received_at = Instant::now();
    // teloxide sends PascalCase names ("SendMessage"); Telegram is case-insensitive.
    let mut chars = method.chars();
    let method: String = chars.next().map(|c| c.to_ascii_lowercase()).into_iter().chain(chars).collect();
    if !token.starts_with("bot") {
        return Reply::err(404, "Not Found");
    }
    let (params, files) = parse_body(&headers, &body);
    let stall = shared.lock().opts.stall;
    if method != "getUpdates" && !stall.is_zero() {
        // If the client times out meanwhile, this future is dropped: nothing is processed.
        tokio::time::sleep(stall).await;
    }
    let (unreachable, err_status, delay) = {
        let st = shared.lock();
        (st.opts.unreachable, st.opts.server_error_http_status, st.opts.response_delay)
    };
    let reply = if unreachable {
        Reply { close: true, ..Reply::server_error(err_status) }
    } else if method == "getUpdates" && shared.lock().webhook.is_some() {
        Reply::err(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        )
    } else if method == "getUpdates" {
        get_updates(&shared, &params).await
    } else {
        shared.lock().process(&method, &params, &files, received_at)
    };
    {
        let mut st = shared.lock();
        let seq = st.next_seq;
        st.next_seq += 1;
        let outcome = reply.outcome();
        st.recorded.push(Recorded { seq, method: method.clone(), params, files, received_at, outcome });
    }
    shared.recorded_changed.notify_waiters();
    if method != "getUpdates" && !delay.is_zero() {
        let mut stop = shared.shutdown.subscribe();
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = stop.wait_for(|s| *s) => {}
        }
    }
    reply
}

/// A file download, as `api.telegram.org/file/bot<token>/<file_path>` serves it.
async fn download(State(shared): State<Arc<Shared>>, Path((token, path)): Path<(String, String)>) -> Response {
    if !token.starts_with("bot") {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    let mut st = shared.lock();
    st.downloads.push(path.clone());
    let id = path.strip_prefix("documents/").unwrap_or(&path);
    match st.file_bytes.get(id) {
        Some(bytes) => (StatusCode::OK, bytes.clone()).into_response(),
        None => (StatusCode::NOT_FOUND, "Not Found").into_response(),
    }
}

async fn get_updates(shared: &Shared, p: &Value) -> Reply {
    let offset = p["offset"].as_i64();
    let limit = p["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let deadline = Instant::now() + Duration::from_secs(p["timeout"].as_u64().unwrap_or(0));
    let mut stop = shared.shutdown.subscribe();
    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        {
            let mut st = shared.lock();
            if let Some(off) = offset {
                st.confirm(off);
            }
            let batch: Vec<Value> = st.updates.iter().take(limit).cloned().collect();
            if !batch.is_empty() || *stop.borrow() || Instant::now() >= deadline {
                return Reply::ok(Value::Array(batch));
            }
        }
        tokio::select! {
            _ = &mut notified => {}
            _ = tokio::time::sleep_until(deadline) => {}
            _ = stop.wait_for(|s| *s) => {}
        }
    }
}

fn parse_body(headers: &HeaderMap, body: &[u8]) -> (Value, Vec<UploadedFile>) {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if ct.starts_with("multipart/form-data")
        && let Some(b) = ct.split(';').find_map(|s| s.trim().strip_prefix("boundary="))
    {
        return parse_multipart(body, b.trim_matches('"'));
    }
    if ct.starts_with("application/x-www-form-urlencoded") {
        let map = url::form_urlencoded::parse(body)
            .map(|(k, v)| {
                let v = field_value(&k, &v);
                (k.into_owned(), v)
            })
            .collect();
        return (Value::Object(map), Vec::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => (v, Vec::new()),
        _ => (json!({}), Vec::new()),
    }
}

/// Multipart text fields arrive as strings; parse the JSON-looking ones (numbers,
/// booleans, objects) except for fields that are always strings.
fn field_value(key: &str, raw: &str) -> Value {
    const STRINGS: &[&str] = &[
        "text",
        "caption",
        "parse_mode",
        "document",
        "photo",
        "callback_query_id",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
    ];
    if STRINGS.contains(&key) {
        return json!(raw);
    }
    serde_json::from_str(raw).unwrap_or_else(|_| json!(raw))
}

fn parse_multipart(body: &[u8], boundary: &str) -> (Value, Vec<UploadedFile>) {
    let delim = format!("--{boundary}").into_bytes();
    let (mut fields, mut files) = (Map::new(), Vec::new());
    let mut pos = match find(body, &delim, 0) {
        Some(p) => p + delim.len(),
        None => return (Value::Object(fields), files),
    };
    while !body[pos..].starts_with(b"--") {
        let start = pos + if body[pos..].starts_with(b"\r\n") { 2 } else { 0 };
        let Some(next) = find(body, &delim, start) else {
            break;
        };
        let part = body[start..next].strip_suffix(b"\r\n").unwrap_or(&body[start..next]);
        pos = next + delim.len();
        let Some(hdr_end) = find(part, b"\r\n\r\n", 0) else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..hdr_end]);
        let content = &part[hdr_end + 4..];
        let Some(disp) = head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition")) else {
            continue;
        };
        let Some(name) = disposition_param(disp, "name") else {
            continue;
        };
        match disposition_param(disp, "filename") {
            Some(file_name) => {
                files.push(UploadedFile { field: name, file_name: Some(file_name), bytes: content.to_vec() })
            }
            None => {
                let v = field_value(&name, &String::from_utf8_lossy(content));
                fields.insert(name, v);
            }
        }
    }
    // resolve "attach://<part name>" references to the referencing field name
    for (key, v) in &fields {
        if let Some(id) = v.as_str().and_then(|s| s.strip_prefix("attach://"))
            && let Some(f) = files.iter_mut().find(|f| f.field == id)
        {
            f.field = key.clone();
        }
    }
    (Value::Object(fields), files)
}

/// `name="x"; filename="y.csv"` parameter lookup honouring quotes and backslash escapes.
fn disposition_param(line: &str, key: &str) -> Option<String> {
    let (mut segments, mut cur, mut quoted, mut escaped) = (Vec::new(), String::new(), false, false);
    for ch in line.chars() {
        match ch {
            _ if escaped => {
                cur.push(ch);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => segments.push(std::mem::take(&mut cur)),
            _ => cur.push(ch),
        }
    }
    segments.push(cur);
    segments.iter().find_map(|s| {
        let (k, v) = s.trim().split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
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
