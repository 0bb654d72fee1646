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
//! Slow answers therefore slow the pace instead of provoking 429s.
//!
//! Fairness between the three kinds of senders:
//! - replies to members are served first, but while scheduled sends are due they keep at least
//!   half of the budget (`per_window.div_ceil(2)` places of each window), so a crowd of members
//!   chatting never stops a broadcast; with no reply waiting, scheduled sends use
//!   `scheduled_share` (a few places stay free for the next reply);
//! - people who are not members (strangers) are admitted by [`Pacer::admit_stranger`] within a
//!   small budget of their own (a few messages a minute each, and a cap for all strangers
//!   together); past it their message is dropped without a reply and counted.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests allowed in any `window` overall (Telegram accepts 30 per second).
    pub per_window: usize,
    pub window: Duration,
    /// How much of `per_window` scheduled sends may use while no reply waits.
    pub scheduled_share: usize,
    /// Time between the answer to a request in a chat and the next request there.
    pub per_chat: Duration,
    /// Messages one stranger may send the bot in `stranger_window` and get an answer.
    pub stranger_per_chat: usize,
    /// Messages all strangers together may send in `stranger_window` and get an answer.
    pub stranger_overall: usize,
    pub stranger_window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_window: 29,
            window: Duration::from_millis(1010),
            scheduled_share: 26,
            per_chat: Duration::from_millis(1010),
            stranger_per_chat: 10,
            stranger_overall: 40,
            stranger_window: Duration::from_secs(60),
        }
    }
}

impl Limits {
    /// The fastest steady rate of scheduled sends these limits allow (requests answered at once).
    pub fn scheduled_rate(&self) -> f64 {
        self.scheduled_share as f64 / self.window.as_secs_f64()
    }

    /// Places of each window kept for scheduled sends while they are due: at least half.
    pub fn scheduled_floor(&self) -> usize {
        self.per_window.div_ceil(2)
    }
}

#[derive(Debug, Default)]
struct Chat {
    busy: bool,
    free_at: Option<Instant>,
}

#[derive(Debug)]
struct State {
    /// Requests let go and not yet answered: scheduled ones, and replies.
    in_flight_scheduled: usize,
    in_flight_replies: usize,
    /// When the recent requests were answered, and whether each was a scheduled send (those
    /// older than a window are dropped).
    answered: VecDeque<(Instant, bool)>,
    answered_scheduled: usize,
    chats: HashMap<i64, Chat>,
    /// After a 429, nobody sends before this.
    paused_until: Instant,
    replies_waiting: usize,
    scheduled_waiting: usize,
    /// When each stranger's recent messages were admitted, and all strangers' together.
    strangers: HashMap<i64, VecDeque<Instant>>,
    strangers_all: VecDeque<Instant>,
}

#[derive(Debug)]
pub struct Pacer {
    limits: Limits,
    state: Mutex<State>,
    changed: Notify,
    strangers_dropped: AtomicU64,
}

/// The right to send one request. Dropping it (when the answer is in, or the request failed)
/// starts the chat's interval and the window in which it still counts.
#[must_use = "the slot is held until the request's answer is in"]
#[derive(Debug)]
pub struct Slot<'a> {
    pacer: &'a Pacer,
    chat: i64,
    scheduled: bool,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let now = Instant::now();
        {
            let mut st = self.pacer.lock();
            if self.scheduled {
                st.in_flight_scheduled = st.in_flight_scheduled.saturating_sub(1);
                st.answered_scheduled += 1;
            } else {
                st.in_flight_replies = st.in_flight_replies.saturating_sub(1);
            }
            st.answered.push_back((now, self.scheduled));
            let chat = st.chats.entry(self.chat).or_default();
            chat.busy = false;
            chat.free_at = Some(now + self.pacer.limits.per_chat);
        }
        self.pacer.changed.notify_waiters();
    }
}

/// Counts a request among those waiting for a place in the budget (not for its chat), also
/// when its task is cancelled.
struct Waiting<'a> {
    pacer: &'a Pacer,
    scheduled: bool,
    counted: bool,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if self.counted {
            let mut st = self.pacer.lock();
            st.count_waiting(self.scheduled, false);
        }
    }
}

impl State {
    fn count_waiting(&mut self, scheduled: bool, more: bool) {
        let n = if scheduled { &mut self.scheduled_waiting } else { &mut self.replies_waiting };
        *n = if more { n.saturating_add(1) } else { n.saturating_sub(1) };
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
            in_flight_scheduled: 0,
            in_flight_replies: 0,
            answered: VecDeque::new(),
            answered_scheduled: 0,
            chats: HashMap::new(),
            paused_until: Instant::now(),
            replies_waiting: 0,
            scheduled_waiting: 0,
            strangers: HashMap::new(),
            strangers_all: VecDeque::new(),
        };
        Self { limits, state: Mutex::new(state), changed: Notify::new(), strangers_dropped: AtomicU64::new(0) }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A scheduled send (invitations, reminders, minutes…).
    pub async fn acquire(&self, chat: i64) -> Slot<'_> {
        self.acquire_with(chat, true).await
    }

    /// An interactive reply (an answer to a command or a pressed button, an edit): same
    /// limits, served before the scheduled sends within its share.
    pub async fn acquire_reply(&self, chat: i64) -> Slot<'_> {
        self.acquire_with(chat, false).await
    }

    /// Whether a message from a person who is not a member may be answered: true within the
    /// strangers' budget (per stranger and for all of them), which it then uses; false past
    /// it, and the message is counted as dropped.
    pub fn admit_stranger(&self, chat: i64) -> bool {
        let limits = self.limits;
        let now = Instant::now();
        let mut st = self.lock();
        let old = |q: &mut VecDeque<Instant>| {
            while q.front().is_some_and(|at| *at + limits.stranger_window <= now) {
                q.pop_front();
            }
        };
        old(&mut st.strangers_all);
        if st.strangers.len() > 10_000 {
            st.strangers.retain(|_, q| q.back().is_some_and(|at| *at + limits.stranger_window > now));
        }
        let all_full = st.strangers_all.len() >= limits.stranger_overall;
        let mine = st.strangers.entry(chat).or_default();
        old(mine);
        if all_full || mine.len() >= limits.stranger_per_chat {
            drop(st);
            self.strangers_dropped.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        mine.push_back(now);
        st.strangers_all.push_back(now);
        true
    }

    /// How many strangers' messages were dropped past their budget since the start.
    pub fn strangers_dropped(&self) -> u64 {
        self.strangers_dropped.load(Ordering::Relaxed)
    }

    async fn acquire_with(&self, chat: i64, scheduled: bool) -> Slot<'_> {
        let mut waiting = Waiting { pacer: self, scheduled, counted: false };
        loop {
            // Registered before looking, so that a change between the look and the wait is seen.
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let wait = match self.try_take(chat, scheduled, &mut waiting.counted) {
                Ok(()) => return Slot { pacer: self, chat, scheduled },
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

    /// Takes a place if there is one. `counted` says whether this request is counted among
    /// those waiting for the budget; it is while the budget (not its chat) holds it back.
    fn try_take(&self, chat: i64, scheduled: bool, counted: &mut bool) -> Result<(), Wait> {
        let limits = self.limits;
        let mut st = self.lock();
        let now = Instant::now();
        while let Some(&(at, was_scheduled)) = st.answered.front() {
            if at + limits.window > now {
                break;
            }
            st.answered.pop_front();
            if was_scheduled {
                st.answered_scheduled = st.answered_scheduled.saturating_sub(1);
            }
        }
        if st.chats.len() > 50_000 {
            st.chats.retain(|_, c| c.busy || c.free_at.is_some_and(|at| at > now));
        }
        let c = st.chats.entry(chat).or_default();
        let chat_wait = if c.busy { Some(Wait::Change) } else { c.free_at.filter(|at| *at > now).map(Wait::Until) };
        if let Some(wait) = chat_wait {
            if std::mem::take(counted) {
                st.count_waiting(scheduled, false);
            }
            return Err(wait);
        }
        if st.paused_until > now {
            return Err(Wait::Until(st.paused_until));
        }
        let of_scheduled = st.in_flight_scheduled + st.answered_scheduled;
        let total = st.in_flight_scheduled + st.in_flight_replies + st.answered.len();
        let of_replies = total - of_scheduled.min(total);
        let floor = limits.scheduled_floor().min(limits.per_window);
        let full = if scheduled {
            if st.replies_waiting > 0 {
                // Replies wait: scheduled sends take their half, no more.
                of_scheduled >= floor || total >= limits.per_window
            } else {
                total >= limits.scheduled_share.min(limits.per_window)
            }
        } else if st.scheduled_waiting > 0 {
            // Scheduled sends are due: replies leave them at least half.
            of_replies >= limits.per_window - floor || total >= limits.per_window
        } else {
            total >= limits.per_window
        };
        if full {
            if !std::mem::replace(counted, true) {
                st.count_waiting(scheduled, true);
            }
            // A place frees when the oldest answer leaves the window (or, if everything
            // counted is still in flight, once something is answered).
            return Err(match st.answered.front() {
                Some((at, _)) => Wait::Until(*at + limits.window),
                None => Wait::Change,
            });
        }
        if std::mem::take(counted) {
            st.count_waiting(scheduled, false);
        }
        if scheduled {
            st.in_flight_scheduled += 1;
        } else {
            st.in_flight_replies += 1;
        }
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
