//! A simulated Telegram user, as the fake Bot API server shows it in updates.

use serde_json::{Value, json};

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

pub(super) fn put_opt(obj: &mut Value, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        obj[key] = json!(v);
    }
}
