//! The fake Bot API server's state logic: what each method does to the recorded chats.

use super::*;

impl St {
    pub(super) fn next_msg_id(&mut self, chat_id: i64) -> i64 {
        let n = self.next_message_id.entry(chat_id).or_insert(0);
        *n += 1;
        *n
    }

    pub(super) fn push_update(&mut self, kind: &str, payload: Value) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        self.updates.push_back(json!({ "update_id": id, kind: payload }));
        id
    }

    pub(super) fn confirm(&mut self, offset: i64) {
        if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            while self.updates.len() > keep {
                self.updates.pop_front();
            }
        } else {
            self.updates.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
        }
    }

    pub(super) fn bot_user(&self) -> Value {
        json!({"id": self.opts.bot_id, "is_bot": true, "first_name": self.opts.bot_first_name,
               "username": self.opts.bot_username})
    }

    pub(super) fn chat_json(&self, chat_id: i64) -> Value {
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

    pub(super) fn process(&mut self, method: &str, p: &Value, files: &[UploadedFile], now: Instant) -> Reply {
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

    pub(super) fn send(
        &mut self,
        method: &str,
        chat: Option<i64>,
        p: &Value,
        files: &[UploadedFile],
        now: Instant,
    ) -> Reply {
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

    pub(super) fn edit(&mut self, method: &str, chat: Option<i64>, p: &Value, now: Instant) -> Reply {
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
    pub(super) fn check_limits(&mut self, chat: i64, now: Instant) -> Option<u64> {
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

pub(super) fn sent_entry(
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
pub(super) fn inline_markup(p: &Value) -> Option<Value> {
    p.get("reply_markup").filter(|m| m.get("inline_keyboard").is_some()).cloned()
}

pub(super) fn commands_key(p: &Value) -> String {
    format!("{}|{}", p.get("scope").unwrap_or(&json!({"type": "default"})), p["language_code"].as_str().unwrap_or(""))
}

pub(super) fn chat_id_of(p: &Value) -> Option<i64> {
    match p.get("chat_id")? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(1)
}
