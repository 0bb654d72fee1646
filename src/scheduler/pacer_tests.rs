use super::*;
use std::sync::Arc;

/// Whether no window of `window` holds more than `max` of these times.
fn at_most(times: &[Instant], max: usize, window: Duration) -> bool {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.windows(max + 1).all(|w| w[max] - w[0] >= window)
}

#[tokio::test(start_paused = true)]
async fn answered_at_once_the_sends_keep_the_budget_overall_and_per_chat() {
    let pacer = Pacer::new(Limits::default());
    let start = Instant::now();
    let mut times = vec![];
    for chat in 0..60 {
        drop(pacer.acquire(chat).await);
        times.push(Instant::now());
    }
    let limits = Limits::default();
    assert!(at_most(&times, limits.scheduled_share, Duration::from_secs(1)), "{times:?}");
    assert!(Instant::now() - start < Duration::from_secs(3), "60 sends at about 26/s");
    let t0 = Instant::now();
    drop(pacer.acquire(1000).await);
    drop(pacer.acquire(1000).await);
    assert!(Instant::now() - t0 >= limits.per_chat);
}

#[tokio::test(start_paused = true)]
async fn a_slow_answer_delays_the_next_send_to_its_chat_and_counts_while_in_flight() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    // A request to chat 1 takes 800 ms to be answered.
    let slot = pacer.acquire(1).await;
    let p = pacer.clone();
    let next = tokio::spawn(async move {
        let _s = p.acquire(1).await;
        Instant::now()
    });
    tokio::time::sleep(Duration::from_millis(800)).await;
    let answered = Instant::now();
    drop(slot);
    let second = next.await.unwrap();
    assert!(second - answered >= Limits::default().per_chat, "the chat's second waits from the first's answer");

    // 26 requests in flight (none answered): the 27th scheduled send waits for them.
    let mut held = vec![];
    for chat in 100..126 {
        held.push(pacer.acquire(chat).await);
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let p = pacer.clone();
    let waiting = tokio::spawn(async move {
        let _s = p.acquire(200).await;
        Instant::now()
    });
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(!waiting.is_finished(), "in-flight requests count against the budget");
    let released = Instant::now();
    held.clear();
    let sent = waiting.await.unwrap();
    assert!(sent - released >= Limits::default().window - Duration::from_millis(1), "and for a window after");
}

#[tokio::test(start_paused = true)]
async fn a_429_pauses_everyone() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    let start = Instant::now();
    pacer.back_off(Duration::from_secs(2));
    let mut tasks = vec![];
    for chat in 0..10 {
        let p = pacer.clone();
        tasks.push(tokio::spawn(async move {
            drop(p.acquire(chat).await);
            Instant::now()
        }));
    }
    let reply = pacer.acquire_reply(99).await;
    assert!(Instant::now() - start >= Duration::from_secs(2), "replies wait too");
    drop(reply);
    for t in tasks {
        assert!(t.await.unwrap() - start >= Duration::from_secs(2));
    }
}

#[tokio::test(start_paused = true)]
async fn a_reply_overtakes_a_broadcast_without_breaking_the_limits() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    let start = Instant::now();
    let sends = Arc::new(Mutex::new(Vec::new()));
    // 300 scheduled sends to 300 chats, all waiting at once (as a broadcast does), each
    // answered after 30 ms.
    let mut tasks = vec![];
    for chat in 0..300 {
        let (p, log) = (pacer.clone(), sends.clone());
        tasks.push(tokio::spawn(async move {
            let slot = p.acquire(chat).await;
            log.lock().unwrap().push(Instant::now());
            tokio::time::sleep(Duration::from_millis(30)).await;
            drop(slot);
        }));
    }
    // Two seconds in, a member's command is answered.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let asked = Instant::now();
    let slot = pacer.acquire_reply(10_000).await;
    let waited = Instant::now() - asked;
    sends.lock().unwrap().push(Instant::now());
    drop(slot);
    assert!(waited <= Duration::from_millis(100), "the reply waited {waited:?} behind the broadcast");
    for t in tasks {
        t.await.unwrap();
    }
    let all = sends.lock().unwrap().clone();
    assert!(at_most(&all, Limits::default().per_window, Duration::from_secs(1)));
    let took = Instant::now() - start;
    assert!(took <= Duration::from_secs(14), "the broadcast kept a steady pace: {took:?}");
}
