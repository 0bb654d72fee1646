//! Paces outgoing messages within Telegram's limits: at most one message per chat per
//! `per_chat` interval, and one message overall per `global` interval (a little under
//! 30 per second, so that a server measuring strict 1-second windows on arrival never
//! counts 31).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub global: Duration,
    pub per_chat: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        // 28 messages per second overall (a send may then arrive up to ~70 ms late without 31
        // landing in one second at the server); a little over one second per chat.
        Self { global: Duration::from_micros(1_000_000 / 28), per_chat: Duration::from_millis(1050) }
    }
}

#[derive(Debug)]
struct State {
    next_global: Instant,
    chats: HashMap<i64, Instant>,
    /// After a 429, nobody sends before this, even with a slot already booked.
    paused_until: Instant,
}

#[derive(Debug)]
pub struct Pacer {
    limits: Limits,
    state: Mutex<State>,
}

impl Pacer {
    pub fn new(limits: Limits) -> Self {
        let now = Instant::now();
        Self { limits, state: Mutex::new(State { next_global: now, chats: HashMap::new(), paused_until: now }) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A scheduled send (invitations, reminders, minutes…): waits for this chat's turn, then
    /// for a global slot. Scheduled sends book at most one slot ahead, so that a reply
    /// arriving meanwhile takes the next free slot before them.
    pub async fn acquire(&self, chat: i64) {
        self.acquire_with(chat, false).await;
    }

    /// An interactive reply (an answer to a command or a pressed button): same limits, but
    /// served before the scheduled sends waiting for a slot.
    pub async fn acquire_reply(&self, chat: i64) {
        self.acquire_with(chat, true).await;
    }

    async fn acquire_with(&self, chat: i64, reply: bool) {
        let chat_at = {
            let mut st = self.lock();
            let now = Instant::now();
            if st.chats.len() > 50_000 {
                st.chats.retain(|_, at| *at > now);
            }
            let at = st.chats.get(&chat).copied().unwrap_or(now).max(now);
            st.chats.insert(chat, at + self.limits.per_chat);
            at
        };
        tokio::time::sleep_until(chat_at).await;
        loop {
            let booked = {
                let mut st = self.lock();
                let now = Instant::now();
                let at = st.next_global.max(now).max(st.paused_until);
                if !reply && at > now + self.limits.global {
                    // The slots ahead are taken: wait until one is nearly free, then try again.
                    Err(at - self.limits.global)
                } else {
                    st.next_global = at + self.limits.global;
                    Ok(at)
                }
            };
            let slot = match booked {
                Ok(slot) => slot,
                Err(retry_at) => {
                    tokio::time::sleep_until(retry_at).await;
                    continue;
                }
            };
            tokio::time::sleep_until(slot).await;
            // A 429 arrived while this slot was booked: wait for the pause and book again.
            let paused_until = self.lock().paused_until;
            if paused_until <= slot {
                return;
            }
            tokio::time::sleep_until(paused_until).await;
        }
    }

    /// After a 429: nobody sends before `after` has passed.
    pub fn back_off(&self, after: Duration) {
        let mut st = self.lock();
        let until = Instant::now() + after;
        if st.next_global < until {
            st.next_global = until;
        }
        if st.paused_until < until {
            st.paused_until = until;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn spaces_messages_globally_and_per_chat() {
        let pacer = std::sync::Arc::new(Pacer::new(Limits::default()));
        let start = Instant::now();
        let mut times = vec![];
        for chat in 0..60 {
            pacer.acquire(chat).await;
            times.push(Instant::now() - start);
        }
        // 60 messages to 60 chats: over two seconds, never 30 within one second.
        for w in times.windows(30) {
            assert!(w[29] - w[0] >= Duration::from_millis(990), "{:?}", w[29] - w[0]);
        }
        let t0 = Instant::now();
        pacer.acquire(1000).await;
        pacer.acquire(1000).await;
        assert!(Instant::now() - t0 >= Duration::from_millis(1050));
    }
}

#[cfg(test)]
mod back_off_tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_429_pauses_even_slots_already_booked() {
        let pacer = std::sync::Arc::new(Pacer::new(Limits::default()));
        let start = Instant::now();
        // Book 10 slots (about 360 ms ahead), then a 429 asks for 2 s.
        let mut tasks = vec![];
        for chat in 0..10 {
            let p = pacer.clone();
            tasks.push(tokio::spawn(async move {
                p.acquire(chat).await;
                Instant::now()
            }));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        pacer.back_off(Duration::from_secs(2));
        let mut early = 0;
        for t in tasks {
            let at = t.await.unwrap();
            if at > start + Duration::from_millis(60) && at < start + Duration::from_millis(2050) {
                early += 1;
            }
        }
        assert_eq!(early, 0, "no send between the 429 and the end of its retry_after");
    }
}

#[cfg(test)]
mod reply_tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn a_reply_overtakes_a_broadcast_without_breaking_the_limits() {
        let pacer = Arc::new(Pacer::new(Limits::default()));
        let start = Instant::now();
        let sends = Arc::new(Mutex::new(Vec::new()));
        // 300 scheduled sends to 300 chats, all waiting at once (as a broadcast does).
        let mut tasks = vec![];
        for chat in 0..300 {
            let (p, log) = (pacer.clone(), sends.clone());
            tasks.push(tokio::spawn(async move {
                p.acquire(chat).await;
                log.lock().unwrap().push(Instant::now());
            }));
        }
        // Two seconds in, a member's command is answered.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let asked = Instant::now();
        pacer.acquire_reply(10_000).await;
        let waited = Instant::now() - asked;
        sends.lock().unwrap().push(Instant::now());
        assert!(waited <= Duration::from_millis(80), "the reply waited {waited:?} behind the broadcast");
        for t in tasks {
            t.await.unwrap();
        }
        // The broadcast kept its pace, and no second ever saw more than 28 sends.
        let mut all = sends.lock().unwrap().clone();
        all.sort();
        for w in all.windows(29) {
            assert!(w[28] - w[0] >= Duration::from_millis(990), "{:?}", w[28] - w[0]);
        }
        let took = *all.last().unwrap() - start;
        assert!(took <= Duration::from_millis(301 * 1000 / 28 + 200), "the broadcast took {took:?}");
    }
}
