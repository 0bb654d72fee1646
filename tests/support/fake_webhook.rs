//! The fake server's webhook mode: once the bot calls setWebhook, queued updates are POSTed to
//! it (with the secret token header) instead of being served by getUpdates.

use super::{FakeBotApi, FakeUser, Shared, unix_now};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

impl FakeBotApi {
    /// The webhook the bot registered: (URL, secret token).
    pub fn webhook(&self) -> Option<(String, Option<String>)> {
        self.with(|st| st.webhook.clone())
    }

    /// Webhook POSTs made so far: (update_id, HTTP status; 0 when the bot did not answer).
    pub fn webhook_posts(&self) -> Vec<(i64, u16)> {
        self.with(|st| st.webhook_posts.clone())
    }

    /// POSTs an update straight to the registered webhook with the given secret header (or
    /// none), as someone other than Telegram could; returns the HTTP status.
    pub async fn post_to_webhook(&self, update: Value, secret: Option<&str>) -> u16 {
        let (url, _) = self.webhook().expect("no webhook registered");
        let mut req = reqwest::Client::new().post(url).json(&update);
        if let Some(s) = secret {
            req = req.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        req.send().await.map(|r| r.status().as_u16()).unwrap_or(0)
    }

    /// A private text message from `user` as a raw update (not queued), for `post_to_webhook`.
    pub fn text_update(&self, user: &FakeUser, text: &str) -> Value {
        self.with(|st| {
            let message_id = st.next_msg_id(user.id);
            let id = st.next_update_id;
            st.next_update_id += 1;
            json!({"update_id": id, "message": {"message_id": message_id, "date": unix_now(),
                   "chat": user.chat_json(), "from": user.user_json(), "text": text}})
        })
    }
}

/// While a webhook is set, POSTs queued updates to it one at a time, in order, with the secret
/// token header, as Telegram does; an update is dropped from the queue once answered 2xx and
/// tried again 50 ms later otherwise.
pub(super) async fn push_updates(shared: Arc<Shared>) {
    let client = reqwest::Client::new();
    let mut stop = shared.shutdown.subscribe();
    loop {
        let notified = shared.updates_changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let next = {
            let st = shared.lock();
            match (&st.webhook, st.updates.front()) {
                (Some((url, secret)), Some(update)) => Some((url.clone(), secret.clone(), update.clone())),
                _ => None,
            }
        };
        let Some((url, secret, update)) = next else {
            tokio::select! {
                _ = &mut notified => {}
                // A webhook set meanwhile is seen within 50 ms.
                _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                _ = stop.wait_for(|s| *s) => return,
            }
            continue;
        };
        let id = update["update_id"].as_i64().unwrap_or(0);
        let mut req = client.post(&url).json(&update);
        if let Some(s) = &secret {
            req = req.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        let status = req.send().await.map(|r| r.status().as_u16()).unwrap_or(0);
        {
            let mut st = shared.lock();
            st.webhook_posts.push((id, status));
            if (200..300).contains(&status) && st.updates.front().and_then(|u| u["update_id"].as_i64()) == Some(id) {
                st.updates.pop_front();
            }
        }
        shared.recorded_changed.notify_waiters();
        if !(200..300).contains(&status) {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                _ = stop.wait_for(|s| *s) => return,
            }
        }
    }
}

impl FakeBotApi {
    /// Waits until at least `n` messages were delivered to `chat`.
    pub async fn wait_until_sent(&self, chat: i64, n: usize, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, |st| {
            (st.sent.iter().filter(|s| s.is_send() && s.chat_id == chat).count() >= n).then_some(())
        })
        .await
    }
}
