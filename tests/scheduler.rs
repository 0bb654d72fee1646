//! The persisted scheduler on its own: idempotent queueing, atomic claiming, retries with
//! backoff, giving up, orphaned jobs after a crash, cron planning.

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::{Clock, ManualClock};
use cluster_bot::scheduler::{Outcome, Runner, Scheduler, SchedulerOptions};
use cluster_bot::services::Ctx;
use cluster_bot::storage::Db;
use cluster_bot::storage::jobs::{self, ClaimedJob};
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A runner that records what it ran and answers from a script (default: Done).
#[derive(Default)]
struct Scripted {
    ran: Mutex<Vec<String>>,
    script: Mutex<HashMap<String, Vec<Outcome>>>,
    delay_ms: u64,
}

impl Runner for Scripted {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        self.ran.lock().unwrap().push(job.key.clone());
        let outcome = self.script.lock().unwrap().get_mut(&job.key).and_then(|v| (!v.is_empty()).then(|| v.remove(0)));
        let delay = self.delay_ms;
        Box::pin(async move {
            tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
            outcome.unwrap_or(Outcome::Done)
        })
    }
}

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-02T09:00:00Z").unwrap().to_utc()
}

async fn setup() -> (tempfile::TempDir, Ctx, ManualClock) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&dir.path().join("j.db").display().to_string()).await.unwrap();
    let clock = ManualClock::new(start());
    let ctx = Ctx::new(db, Arc::new(clock.clone()), chrono_tz::Africa::Bamako, Duration::days(14));
    (dir, ctx, clock)
}

fn job(n: i64) -> Job {
    Job::Deliver { person_id: n, message: Outgoing::RsvpSummary { meeting_id: n } }
}

fn opts() -> SchedulerOptions {
    SchedulerOptions { cron: vec![], ..SchedulerOptions::default() }
}

#[tokio::test]
async fn the_same_key_is_queued_once() {
    let (_d, ctx, clock) = setup().await;
    assert!(jobs::enqueue(&ctx.db, "k1", &job(1), clock.now(), clock.now()).await.unwrap());
    assert!(!jobs::enqueue(&ctx.db, "k1", &job(2), clock.now(), clock.now()).await.unwrap());
    assert_eq!(jobs::all(&ctx.db).await.unwrap().len(), 1);
}

#[tokio::test]
async fn due_jobs_are_claimed_once_even_by_concurrent_runners() {
    let (_d, ctx, clock) = setup().await;
    for i in 0..200 {
        jobs::enqueue(&ctx.db, &format!("k{i}"), &job(i), clock.now(), clock.now()).await.unwrap();
    }
    jobs::enqueue(&ctx.db, "later", &job(999), clock.now() + Duration::hours(1), clock.now()).await.unwrap();
    let runner = Arc::new(Scripted { delay_ms: 1, ..Default::default() });
    let a = Scheduler::new(ctx.clone(), runner.clone(), SchedulerOptions { batch: 7, ..opts() });
    let b = Scheduler::new(ctx.clone(), runner.clone(), SchedulerOptions { batch: 11, ..opts() });
    let (ra, rb) = tokio::join!(a.run_due(), b.run_due());
    assert_eq!(ra.unwrap().ran + rb.unwrap().ran, 200);
    let ran = runner.ran.lock().unwrap().clone();
    let mut unique = ran.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ran.len(), "no job ran twice");
    assert!(!ran.contains(&"later".to_string()), "not before its time");
    clock.advance(Duration::hours(1));
    assert_eq!(a.run_due().await.unwrap().ran, 1);
}

#[tokio::test]
async fn transient_failures_are_retried_with_backoff_then_given_up() {
    let (_d, ctx, clock) = setup().await;
    let runner = Arc::new(Scripted::default());
    runner.script.lock().unwrap().insert(
        "flaky".into(),
        vec![
            Outcome::Retry { after: None, error: "502 Bad Gateway".into() },
            Outcome::Retry { after: Some(std::time::Duration::from_secs(30)), error: "429".into() },
        ],
    );
    runner
        .script
        .lock()
        .unwrap()
        .insert("doomed".into(), (0..3).map(|_| Outcome::Retry { after: None, error: "timeout".into() }).collect());
    jobs::enqueue(&ctx.db, "flaky", &job(1), clock.now(), clock.now()).await.unwrap();
    jobs::enqueue(&ctx.db, "doomed", &job(2), clock.now(), clock.now()).await.unwrap();
    let s = Scheduler::new(ctx.clone(), runner.clone(), SchedulerOptions { max_attempts: 3, ..opts() });
    s.run_due().await.unwrap();
    let state = |key: &'static str| {
        let db = ctx.db.clone();
        async move { jobs::all(&db).await.unwrap().into_iter().find(|j| j.idempotency_key == key).unwrap() }
    };
    let f = state("flaky").await;
    assert_eq!((f.status.as_str(), f.attempts), ("pending", 1));
    assert_eq!(f.run_at, (clock.now() + Duration::seconds(2)).timestamp(), "first backoff: 2 s");
    assert_eq!(f.last_error.as_deref(), Some("502 Bad Gateway"));
    clock.advance(Duration::seconds(2));
    s.run_due().await.unwrap();
    let f = state("flaky").await;
    assert_eq!(f.run_at, (clock.now() + Duration::seconds(30)).timestamp(), "a 429 waits retry_after");
    clock.advance(Duration::seconds(30));
    s.run_due().await.unwrap();
    assert_eq!(state("flaky").await.status, "done");
    clock.advance(Duration::minutes(10));
    s.run_due().await.unwrap();
    let d = state("doomed").await;
    assert_eq!((d.status.as_str(), d.attempts), ("failed", 3), "{d:?}");
    assert!(d.last_error.unwrap().contains("gave up after 3 attempts"));
}

#[tokio::test]
async fn permanent_failures_and_skips_are_recorded_not_retried() {
    let (_d, ctx, clock) = setup().await;
    let runner = Arc::new(Scripted::default());
    runner.script.lock().unwrap().insert("blocked".into(), vec![Outcome::Failed("blocked".into())]);
    runner.script.lock().unwrap().insert("old".into(), vec![Outcome::Skipped("meeting started".into())]);
    jobs::enqueue(&ctx.db, "blocked", &job(1), clock.now(), clock.now()).await.unwrap();
    jobs::enqueue(&ctx.db, "old", &job(2), clock.now(), clock.now()).await.unwrap();
    let s = Scheduler::new(ctx.clone(), runner.clone(), opts());
    s.run_due().await.unwrap();
    clock.advance(Duration::days(1));
    s.run_due().await.unwrap();
    assert_eq!(runner.ran.lock().unwrap().len(), 2);
    let all = jobs::all(&ctx.db).await.unwrap();
    assert_eq!(all.iter().map(|j| j.status.as_str()).collect::<Vec<_>>(), ["failed", "skipped"]);
}

/// A runner whose job "boom" panics, inside the job's future as a bug in a delivery would.
struct Panicky {
    ran: Mutex<Vec<String>>,
}

impl Runner for Panicky {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        self.ran.lock().unwrap().push(job.key.clone());
        Box::pin(async move {
            tokio::task::yield_now().await;
            if job.key == "boom" {
                panic!("a bug in a job");
            }
            Outcome::Done
        })
    }
}

#[tokio::test]
async fn a_job_that_panics_is_marked_failed_and_the_others_run() {
    let (_d, ctx, clock) = setup().await;
    let runner = Arc::new(Panicky { ran: Mutex::new(vec![]) });
    for key in ["before", "boom", "after"] {
        jobs::enqueue(&ctx.db, key, &job(1), clock.now(), clock.now()).await.unwrap();
    }
    let s = Scheduler::new(ctx.clone(), runner.clone(), opts());
    let report = s.run_due().await.unwrap();
    assert_eq!((report.done, report.failed), (2, 1), "{report:?}");
    // Later ticks (past any lease) do not run it again: a panic would most likely repeat.
    clock.advance(Duration::hours(2));
    s.run_due().await.unwrap();
    assert_eq!(runner.ran.lock().unwrap().iter().filter(|k| *k == "boom").count(), 1);
    let all = jobs::all(&ctx.db).await.unwrap();
    let boom = all.iter().find(|j| j.idempotency_key == "boom").unwrap();
    assert_eq!(boom.status, "failed");
    assert!(all.iter().filter(|j| j.idempotency_key != "boom").all(|j| j.status == "done"));
}

#[tokio::test]
async fn jobs_interrupted_by_a_crash_run_again_at_start() {
    let (_d, ctx, clock) = setup().await;
    jobs::enqueue(&ctx.db, "inflight", &job(1), clock.now(), clock.now()).await.unwrap();
    // Claimed by a process that then died: left running.
    let claimed = jobs::claim_due(&ctx.db, clock.now(), 600, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let runner = Arc::new(Scripted::default());
    let handle = Scheduler::new(ctx.clone(), runner.clone(), opts()).spawn().await.unwrap();
    for _ in 0..100 {
        if jobs::all(&ctx.db).await.unwrap()[0].status == "done" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    handle.shutdown().await;
    let j = &jobs::all(&ctx.db).await.unwrap()[0];
    assert_eq!((j.status.as_str(), j.attempts), ("done", 2));
}

#[tokio::test]
async fn a_job_queued_by_another_process_starts_within_the_polling_interval() {
    let (_d, ctx, _clock) = setup().await;
    let runner = Arc::new(Scripted::default());
    let poll = std::time::Duration::from_millis(300);
    let handle =
        Scheduler::new(ctx.clone(), runner.clone(), SchedulerOptions { poll, ..opts() }).spawn().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    // Another connection to the same file, as the command line would open; no wake-up.
    let other = Db::connect(&format!("sqlite://{}", _d.path().join("j.db").display())).await.unwrap();
    let now = ctx.clock.now();
    jobs::enqueue(&other, "from-cli", &job(1), now, now).await.unwrap();
    let queued = std::time::Instant::now();
    while runner.ran.lock().unwrap().is_empty() {
        assert!(queued.elapsed() < std::time::Duration::from_secs(5), "not picked up");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(queued.elapsed() < poll * 3, "{:?}", queued.elapsed());
    handle.shutdown().await;
}

#[tokio::test]
async fn cron_occurrences_are_queued_once() {
    let (_d, ctx, _clock) = setup().await;
    let s = Scheduler::new(ctx.clone(), Arc::new(Scripted::default()), SchedulerOptions::default());
    s.plan_cron().await.unwrap();
    s.plan_cron().await.unwrap();
    let all = jobs::all(&ctx.db).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, "monthly_nudge");
    assert_eq!(all[0].run_at, DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z").unwrap().timestamp());
    assert!(all[0].payload.contains("\"month\":12"), "{}", all[0].payload);
}

/// A runner that can start `capacity` jobs in the next seconds and notes, at each run, how many
/// jobs are claimed (running) in the database.
struct Capped {
    db: Db,
    capacity: usize,
    most_claimed: Arc<Mutex<i64>>,
    ran: Arc<Mutex<usize>>,
}

impl Runner for Capped {
    fn run(&self, _job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        let (db, most, ran) = (self.db.clone(), self.most_claimed.clone(), self.ran.clone());
        Box::pin(async move {
            let claimed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE status = 'running'")
                .fetch_one(db.pool())
                .await
                .unwrap();
            {
                let mut most = most.lock().unwrap();
                *most = (*most).max(claimed);
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            *ran.lock().unwrap() += 1;
            Outcome::Done
        })
    }

    fn capacity(&self, _horizon: std::time::Duration) -> Option<usize> {
        Some(self.capacity)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_more_is_claimed_than_the_runner_can_start_soon() {
    let (_d, ctx, clock) = setup().await;
    for i in 0..60 {
        jobs::enqueue(&ctx.db, &format!("k{i}"), &job(i), clock.now(), clock.now()).await.unwrap();
    }
    let runner = Arc::new(Capped {
        db: ctx.db.clone(),
        capacity: 8,
        most_claimed: Arc::new(Mutex::new(0)),
        ran: Arc::new(Mutex::new(0)),
    });
    let report = Scheduler::new(ctx.clone(), runner.clone(), opts()).run_due().await.unwrap();
    assert_eq!(report.done, 60, "every job ran");
    assert_eq!(*runner.ran.lock().unwrap(), 60);
    let most = *runner.most_claimed.lock().unwrap();
    assert!((1..=8).contains(&most), "{most} jobs claimed at once, the runner can start 8");
}

#[tokio::test]
async fn the_pacer_can_send_its_steady_rate_ahead_and_nothing_during_a_pause() {
    use cluster_bot::scheduler::pacer::{Limits, Pacer};
    let pacer = Pacer::new(Limits::default());
    // 26 scheduled sends per 1.01 s: 51 in the next two seconds.
    assert_eq!(pacer.scheduled_capacity(std::time::Duration::from_secs(2)), 51);
    pacer.back_off(std::time::Duration::from_secs(5));
    assert_eq!(pacer.scheduled_capacity(std::time::Duration::from_secs(2)), 0, "paused after a 429");
}

#[tokio::test]
async fn at_start_jobs_never_leaving_are_told_apart_from_those_in_doubt() {
    let (_d, ctx, clock) = setup().await;
    for i in 0..3 {
        jobs::enqueue(&ctx.db, &format!("k{i}"), &job(i), clock.now(), clock.now()).await.unwrap();
    }
    let claimed = jobs::claim_due(&ctx.db, clock.now(), 600, 10).await.unwrap();
    assert_eq!(claimed.len(), 3);
    // One of the three was about to send when the process died.
    assert!(jobs::mark_leaving(&ctx.db, claimed[0].id, clock.now()).await.unwrap());
    let orphans = jobs::release_orphans(&ctx.db).await.unwrap();
    assert_eq!(orphans, jobs::Orphans { released: 2, in_doubt: 1 });
    let all = jobs::all(&ctx.db).await.unwrap();
    assert!(all.iter().all(|j| j.status == "pending"), "all run again: {all:?}");
    // Not claimed any more: nothing may be marked leaving (so nothing is sent).
    assert!(!jobs::mark_leaving(&ctx.db, claimed[1].id, clock.now()).await.unwrap());
}
