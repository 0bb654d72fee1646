use super::*;
use std::collections::HashMap;
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

/// Sends of one kind: when each left, to which chat.
type Log = Arc<Mutex<Vec<(Instant, i64)>>>;

/// `members` chats that always have a reply due (each asks again as soon as answered, after
/// `answer`), until `until`.
fn chatting_members(
    pacer: &Arc<Pacer>,
    members: i64,
    answer: Duration,
    until: Instant,
) -> (Log, Vec<tokio::task::JoinHandle<()>>) {
    let log: Log = Arc::default();
    let tasks = (0..members)
        .map(|m| {
            let (p, log) = (pacer.clone(), log.clone());
            tokio::spawn(async move {
                while Instant::now() < until {
                    let slot = p.acquire_reply(50_000 + m).await;
                    log.lock().unwrap().push((Instant::now(), 50_000 + m));
                    tokio::time::sleep(answer).await;
                    drop(slot);
                }
            })
        })
        .collect();
    (log, tasks)
}

#[tokio::test(start_paused = true)]
async fn with_replies_always_due_scheduled_sends_keep_at_least_half_within_the_limits() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    let start = Instant::now();
    let until = start + Duration::from_secs(12);
    // 60 members chatting without pause ask for 60 replies a second, twice the whole budget.
    let (replies, members) = chatting_members(&pacer, 60, Duration::from_millis(20), until);
    // A broadcast of 1,000 sends, all due at once, each answered after 20 ms.
    let scheduled: Log = Arc::default();
    let mut broadcast = vec![];
    for chat in 0..1000 {
        let (p, log) = (pacer.clone(), scheduled.clone());
        broadcast.push(tokio::spawn(async move {
            let slot = p.acquire(chat).await;
            log.lock().unwrap().push((Instant::now(), chat));
            tokio::time::sleep(Duration::from_millis(20)).await;
            drop(slot);
        }));
    }
    for t in members {
        t.await.unwrap();
    }
    let (replies, scheduled) = (replies.lock().unwrap().clone(), scheduled.lock().unwrap().clone());
    // Between 1 s and 11 s both kinds were due all the time.
    let within = |log: &[(Instant, i64)]| {
        log.iter()
            .filter(|(at, _)| *at >= start + Duration::from_secs(1) && *at < start + Duration::from_secs(11))
            .count()
    };
    let (r, s) = (within(&replies), within(&scheduled));
    assert!(s >= r && s > 0, "scheduled sends got {s} places, replies {r}");
    assert!(r >= 100, "members were still answered: {r} replies in 10 s");
    let all: Vec<Instant> = replies.iter().chain(&scheduled).map(|(at, _)| *at).collect();
    assert!(at_most(&all, 30, Duration::from_secs(1)), "at most 30 sends in any second");
    let mut by_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
    for (at, chat) in replies.iter().chain(&scheduled) {
        by_chat.entry(*chat).or_default().push(*at);
    }
    assert!(by_chat.values().all(|t| at_most(t, 1, Duration::from_secs(1))), "one send per chat per second");
    for t in broadcast {
        t.abort();
    }
}

#[tokio::test(start_paused = true)]
async fn with_no_reply_waiting_scheduled_sends_keep_their_full_share() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    let mut times = vec![];
    let start = Instant::now();
    for chat in 0..260 {
        drop(pacer.acquire(chat).await);
        times.push(Instant::now());
    }
    let took = Instant::now() - start;
    assert!(took < Duration::from_secs(11), "260 sends at about 26 a second: {took:?}");
    assert!(at_most(&times, Limits::default().scheduled_share, Duration::from_secs(1)));
}

#[tokio::test(start_paused = true)]
async fn a_stranger_past_the_budget_gets_nothing_and_is_counted() {
    let pacer = Pacer::new(Limits::default());
    let limits = pacer.limits();
    for _ in 0..limits.stranger_per_chat {
        assert!(pacer.admit_stranger(7));
    }
    assert!(!pacer.admit_stranger(7), "the fourth message in a minute is dropped");
    assert!(!pacer.admit_stranger(7));
    assert_eq!(pacer.strangers_dropped(), 2);
    // Others still have theirs, until all strangers together reach the common cap.
    let mut admitted = limits.stranger_per_chat;
    let mut chat = 100;
    while admitted < limits.stranger_overall {
        assert!(pacer.admit_stranger(chat), "stranger {chat}");
        admitted += 1;
        chat += 1;
    }
    assert!(!pacer.admit_stranger(9_999), "the common cap holds for a newcomer too");
    assert_eq!(pacer.strangers_dropped(), 3);
    // A sliding window: a minute later they are answered again.
    tokio::time::sleep(limits.stranger_window).await;
    assert!(pacer.admit_stranger(7));
    assert!(pacer.admit_stranger(9_999));
}

#[tokio::test(start_paused = true)]
async fn replies_alone_use_the_whole_budget_and_a_reply_is_not_held_behind_a_broadcast() {
    let pacer = Arc::new(Pacer::new(Limits::default()));
    let start = Instant::now();
    let (replies, members) = chatting_members(&pacer, 60, Duration::ZERO, start + Duration::from_secs(5));
    for t in members {
        t.await.unwrap();
    }
    let n = replies.lock().unwrap().len();
    assert!(n >= 4 * 29, "replies alone are not held to half: {n} in 5 s");
}
