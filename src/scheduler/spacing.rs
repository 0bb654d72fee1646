//! Spreads scheduled requests evenly over the pacer's window: one every
//! `window / scheduled_share` (about 39 ms), the pacer's own steady rate. The pacer alone lets a
//! window's whole budget go at once whenever places free up, so a broadcast leaves in bursts
//! of 26; spaced, only the one or two requests of the last few milliseconds are out at any
//! moment, which is what a crash can leave in doubt. Taken after the pacer's turn (a pause
//! after a 429 ends in an even flow too), before the send-time check.

use super::pacer::Limits;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

#[derive(Debug)]
pub struct Spacing {
    interval: Duration,
    /// The earliest time the next request may leave.
    next: Mutex<Instant>,
}

impl Spacing {
    pub fn new(interval: Duration) -> Self {
        Self { interval, next: Mutex::new(Instant::now()) }
    }

    /// The steady rate of scheduled sends the limits allow.
    pub fn for_limits(limits: &Limits) -> Self {
        let share = u32::try_from(limits.scheduled_share.min(limits.per_window).max(1)).unwrap_or(u32::MAX);
        Self::new(limits.window / share)
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Waits for this request's place: the first free one, `interval` after the previous.
    pub async fn wait(&self) {
        let at = {
            let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
            let at = (*next).max(Instant::now());
            *next = at + self.interval;
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn requests_leave_one_interval_apart_and_never_bunch_after_a_lull() {
        let spacing = std::sync::Arc::new(Spacing::for_limits(&Limits::default()));
        assert_eq!(spacing.interval(), Duration::from_millis(1010) / 26);
        let start = Instant::now();
        let mut tasks = vec![];
        for _ in 0..5 {
            let s = spacing.clone();
            tasks.push(tokio::spawn(async move {
                s.wait().await;
                Instant::now()
            }));
        }
        let mut at = vec![];
        for t in tasks {
            at.push(t.await.unwrap() - start);
        }
        at.sort();
        let step = spacing.interval();
        // The timer counts whole milliseconds: each place within one of its exact time.
        let near = |got: Duration, want: Duration| got.abs_diff(want) < Duration::from_millis(1);
        for (i, got) in (0u32..).zip(&at) {
            assert!(near(*got, step * i), "request {i} left at {got:?}, not {:?}", step * i);
        }
        // After a lull, the next one goes at once, the one after it an interval later.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let lull = Instant::now();
        spacing.wait().await;
        assert_eq!(Instant::now(), lull);
        spacing.wait().await;
        assert!(near(Instant::now() - lull, step));
    }
}
