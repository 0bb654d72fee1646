//! Paces every request to Telegram within its limits, whatever the network does.
//!
//! Telegram counts messages when they *arrive*: at most 30 in any second overall, one per
//! second in a private chat. A request arrives somewhere between the moment it leaves and the
//! moment its answer comes back, so the pacer counts a request as taking its share of the
//! budget from the moment it is let go until one window after its answer:
//! - overall, a request leaves only while fewer than `per_window` others are in flight or
//!   were answered within the last `window` — then no window at the server can see more than
//!   `per_window`, however late or early each request lands;
//! - in a chat, a request leaves only when the chat has nothing in flight and its last answer
//!   is `per_chat` old.
//!
//! Slow answers therefore slow the pace instead of provoking 429s. Replies to people are
//! served first: scheduled sends may only use `scheduled_share` of the budget, and none while
//! a reply waits for a place.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests allowed in any `window` overall (Telegram accepts 30 per second).
    pub per_window: usize,
    pub window: Duration,
    /// How much of `per_window` scheduled sends may use; the rest is kept for replies.
    pub scheduled_share: usize,
    /// Time between the answer to a request in a chat and the next request there.
    pub per_chat: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_window: 29,
            window: Duration::from_millis(1010),
            scheduled_share: 26,
            per_chat: Duration::from_millis(1010),
        }
    }
}

impl Limits {
    /// The fastest steady rate of scheduled sends these limits allow (requests answered at once).
    pub fn scheduled_rate(&self) -> f64 {
        self.scheduled_share as f64 / self.window.as_secs_f64()
    }
}

#[derive(Debug, Default)]
struct Chat {
    busy: bool,
    free_at: Option<Instant>,
}

#[derive(Debug)]
struct State {
    in_flight: usize,
    /// When the recent requests were answered (those older than a window are dropped).
    answered: VecDeque<Instant>,
    chats: HashMap<i64, Chat>,
    /// After a 429, nobody sends before this.
    paused_until: Instant,
    replies_waiting: usize,
}

#[derive(Debug)]
pub struct Pacer {
    limits: Limits,
    state: Mutex<State>,
    changed: Notify,
}

/// The right to send one request. Dropping it (when the answer is in, or the request failed)
/// starts the chat's interval and the window in which it still counts.
#[must_use = "the slot is held until the request's answer is in"]
#[derive(Debug)]
pub struct Slot<'a> {
    pacer: &'a Pacer,
    chat: i64,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let now = Instant::now();
        {
            let mut st = self.pacer.lock();
            st.in_flight = st.in_flight.saturating_sub(1);
            st.answered.push_back(now);
            let chat = st.chats.entry(self.chat).or_default();
            chat.busy = false;
            chat.free_at = Some(now + self.pacer.limits.per_chat);
        }
        self.pacer.changed.notify_waiters();
    }
}

/// Counts a reply waiting for a place, also when its task is cancelled.
struct ReplyWaiting<'a>(&'a Pacer);

impl Drop for ReplyWaiting<'_> {
    fn drop(&mut self) {
        let mut st = self.0.lock();
        st.replies_waiting = st.replies_waiting.saturating_sub(1);
    }
}

enum Wait {
    /// Until something is answered (or a pause changes).
    Change,
    /// Until this time, or a change, whichever comes first.
    Until(Instant),
}

impl Pacer {
    pub fn new(limits: Limits) -> Self {
        let state = State {
            in_flight: 0,
            answered: VecDeque::new(),
            chats: HashMap::new(),
            paused_until: Instant::now(),
            replies_waiting: 0,
        };
        Self { limits, state: Mutex::new(state), changed: Notify::new() }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A scheduled send (invitations, reminders, minutes…).
    pub async fn acquire(&self, chat: i64) -> Slot<'_> {
        self.acquire_with(chat, false).await
    }

    /// An interactive reply (an answer to a command or a pressed button, an edit): same
    /// limits, served before the scheduled sends.
    pub async fn acquire_reply(&self, chat: i64) -> Slot<'_> {
        let _waiting = {
            self.lock().replies_waiting += 1;
            ReplyWaiting(self)
        };
        self.acquire_with(chat, true).await
    }

    async fn acquire_with(&self, chat: i64, reply: bool) -> Slot<'_> {
        loop {
            // Registered before looking, so that a change between the look and the wait is seen.
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let wait = match self.try_take(chat, reply) {
                Ok(()) => return Slot { pacer: self, chat },
                Err(wait) => wait,
            };
            match wait {
                Wait::Change => changed.await,
                Wait::Until(at) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(at) => {}
                        _ = changed => {}
                    }
                }
            }
        }
    }

    fn try_take(&self, chat: i64, reply: bool) -> Result<(), Wait> {
        let limits = self.limits;
        let mut st = self.lock();
        let now = Instant::now();
        while st.answered.front().is_some_and(|at| *at + limits.window <= now) {
            st.answered.pop_front();
        }
        if st.chats.len() > 50_000 {
            st.chats.retain(|_, c| c.busy || c.free_at.is_some_and(|at| at > now));
        }
        let c = st.chats.entry(chat).or_default();
        if c.busy {
            return Err(Wait::Change);
        }
        if let Some(at) = c.free_at.filter(|at| *at > now) {
            return Err(Wait::Until(at));
        }
        if st.paused_until > now {
            return Err(Wait::Until(st.paused_until));
        }
        let cap = if reply {
            limits.per_window
        } else if st.replies_waiting > 0 {
            0
        } else {
            limits.scheduled_share.min(limits.per_window)
        };
        if st.in_flight + st.answered.len() >= cap {
            // A place frees when the oldest answer leaves the window (or, if everything
            // counted is still in flight, once something is answered).
            return Err(match st.answered.front() {
                Some(at) => Wait::Until(*at + limits.window),
                None => Wait::Change,
            });
        }
        st.in_flight += 1;
        st.chats.entry(chat).or_default().busy = true;
        Ok(())
    }

    /// How many scheduled requests can leave within `horizon` from now at the steady rate,
    /// counting only the time after a pause for a 429 (what the scheduler claims ahead).
    pub fn scheduled_capacity(&self, horizon: Duration) -> usize {
        let paused = self.lock().paused_until.saturating_duration_since(Instant::now());
        let open = horizon.saturating_sub(paused).as_nanos();
        let share = u128::try_from(self.limits.scheduled_share.min(self.limits.per_window)).unwrap_or(u128::MAX);
        let fits = open.saturating_mul(share) / self.limits.window.as_nanos().max(1);
        usize::try_from(fits).unwrap_or(usize::MAX)
    }

    /// After a 429: nobody sends before `after` has passed.
    pub fn back_off(&self, after: Duration) {
        {
            let mut st = self.lock();
            let until = Instant::now() + after;
            if st.paused_until < until {
                st.paused_until = until;
            }
        }
        self.changed.notify_waiters();
    }
}

#[cfg(test)]
#[path = "pacer_tests.rs"]
mod tests;
