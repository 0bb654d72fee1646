//! A cluster without Telegram for service-level tests: a real SQLite file with the
//! migrations, a clock the test moves, members made through the real services, and the real
//! scheduler with a runner that runs fan-outs and records each delivery instead of sending it.

#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::jobs::{Job, Outgoing};
use cluster_bot::domain::{Clock, ManualClock, Role};
use cluster_bot::scheduler::{Outcome, Runner, Scheduler, SchedulerOptions};
use cluster_bot::services::Ctx;
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::people::{self, Access};
use cluster_bot::storage::Db;
use cluster_bot::storage::jobs::ClaimedJob;
use futures::future::BoxFuture;
use std::sync::{Arc, Mutex};

pub fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z").unwrap().to_utc()
}

/// Records the deliveries (person, message) and runs everything else for real.
pub struct Recorder {
    pub ctx: Ctx,
    pub sent: Mutex<Vec<(i64, Outgoing)>>,
}

impl Runner for Recorder {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        if let Job::Deliver { person_id, message } = &job.job {
            self.sent.lock().unwrap().push((*person_id, message.clone()));
            return Box::pin(async { Outcome::Done });
        }
        let ctx = self.ctx.clone();
        Box::pin(async move {
            match cluster_bot::services::dispatch::fan_out(&ctx, &job.job).await {
                Ok(Ok(_)) => Outcome::Done,
                Ok(Err(reason)) => Outcome::Skipped(reason),
                Err(e) => Outcome::Retry { after: None, error: e.to_string() },
            }
        })
    }
}

pub struct World {
    _dir: tempfile::TempDir,
    pub ctx: Ctx,
    pub clock: ManualClock,
    pub recorder: Arc<Recorder>,
    scheduler: Scheduler,
    next_telegram_id: Mutex<i64>,
}

impl World {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&dir.path().join("w.db").display().to_string()).await.unwrap();
        let clock = ManualClock::new(start());
        let ctx = Ctx::new(db, Arc::new(clock.clone()), chrono_tz::Africa::Bamako, Duration::days(14));
        let recorder = Arc::new(Recorder { ctx: ctx.clone(), sent: Mutex::new(vec![]) });
        let scheduler = Scheduler::new(
            ctx.clone(),
            recorder.clone(),
            SchedulerOptions { cron: vec![], ..SchedulerOptions::default() },
        );
        Self { _dir: dir, ctx, clock, recorder, scheduler, next_telegram_id: Mutex::new(1000) }
    }

    /// A new person, member of `org` in `mech` with `role` (invitation issued and accepted).
    pub async fn member(&self, name: &str, org: &str, mech: &str, role: Role) -> i64 {
        let telegram_id = {
            let mut n = self.next_telegram_id.lock().unwrap();
            *n += 1;
            *n
        };
        let person = people::identify(&self.ctx, telegram_id, name, None, Some("fr")).await.unwrap();
        self.join(person.id, org, mech, role).await;
        person.id
    }

    /// An existing person takes another seat.
    pub async fn join(&self, person_id: i64, org: &str, mech: &str, role: Role) {
        let o = membership::organisation(&self.ctx, org).await.unwrap();
        let m = membership::mechanism(&self.ctx, mech).await.unwrap();
        let issued = membership::issue_invitation(&self.ctx, Issuer::CommandLine, &o, &m, role, false).await.unwrap();
        let inv = membership::open_invitation(&self.ctx, issued.code.as_str()).await.unwrap();
        let person = cluster_bot::storage::people::by_id(&self.ctx.db, person_id).await.unwrap().unwrap();
        membership::accept_invitation(&self.ctx, &person, inv.id, None).await.unwrap();
    }

    pub async fn access(&self, person_id: i64) -> Access {
        let person = cluster_bot::storage::people::by_id(&self.ctx.db, person_id).await.unwrap().unwrap();
        people::access(&self.ctx, person).await.unwrap()
    }

    pub async fn mechanism_id(&self, code: &str) -> i64 {
        membership::mechanism(&self.ctx, code).await.unwrap().id
    }

    pub async fn organisation_id(&self, acronym: &str) -> i64 {
        membership::organisation(&self.ctx, acronym).await.unwrap().id
    }

    /// Runs every job due now (as the bot's scheduler does).
    pub async fn run_due(&self) {
        self.scheduler.run_due().await.unwrap();
    }

    /// Moves the clock (jobs do not run meanwhile: the bot is down) then runs what is due.
    pub async fn advance(&self, by: Duration) {
        self.clock.advance(by);
        self.run_due().await;
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The deliveries recorded since the last call.
    pub fn take_sent(&self) -> Vec<(i64, Outgoing)> {
        std::mem::take(&mut *self.recorder.sent.lock().unwrap())
    }

    /// The keys of jobs with this status.
    pub async fn jobs(&self, status: &str) -> Vec<String> {
        cluster_bot::storage::jobs::all(&self.ctx.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|j| j.status == status)
            .map(|j| j.idempotency_key)
            .collect()
    }
}
