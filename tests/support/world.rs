//! A cluster for service-level tests: a real SQLite file with the migrations, a manual
//! clock, people who joined through real invitations, meetings with shared minutes.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use cluster_bot::domain::meeting::MeetingKind;
use cluster_bot::domain::{Clock, ManualClock, Mechanism, MembershipView, Person, Role};
use cluster_bot::services::Ctx;
use cluster_bot::services::meetings::{self, Actor, MeetingDraft};
use cluster_bot::services::membership::{self, Issuer};
use cluster_bot::services::minutes::{self, MinutesContent};
use cluster_bot::services::people::{self, Access};
use cluster_bot::storage::Db;
use std::sync::Arc;

pub struct World {
    pub ctx: Ctx,
    pub clock: ManualClock,
    _dir: tempfile::TempDir,
}

pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-02T09:00:00Z").unwrap().to_utc()
}

impl World {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&dir.path().join("w.db").display().to_string()).await.unwrap();
        let clock = ManualClock::new(start_time());
        let ctx = Ctx::new(db, Arc::new(clock.clone()), chrono_tz::Africa::Bamako, Duration::days(14));
        Self { ctx, clock, _dir: dir }
    }

    pub async fn mech(&self, code: &str) -> Mechanism {
        membership::mechanism(&self.ctx, code).await.unwrap()
    }

    pub async fn person(&self, telegram_id: i64, name: &str) -> Person {
        people::identify(&self.ctx, telegram_id, name, None, Some("fr")).await.unwrap()
    }

    /// The person joins through an invitation made on the command line.
    pub async fn join(&self, telegram_id: i64, name: &str, org: &str, mech: &str, role: Role) -> MembershipView {
        let o = membership::organisation(&self.ctx, org).await.unwrap();
        let m = self.mech(mech).await;
        let issued = membership::issue_invitation(&self.ctx, Issuer::CommandLine, &o, &m, role, false).await.unwrap();
        let inv = membership::open_invitation(&self.ctx, issued.code.as_str()).await.unwrap();
        let person = self.person(telegram_id, name).await;
        membership::accept_invitation(&self.ctx, &person, inv.id, None).await.unwrap()
    }

    pub async fn coordinator(&self, telegram_id: i64, name: &str) -> Person {
        people::add_coordinator(&self.ctx, telegram_id, name).await.unwrap().0
    }

    pub async fn access(&self, telegram_id: i64) -> Access {
        let p = cluster_bot::storage::people::by_telegram_id(&self.ctx.db, telegram_id).await.unwrap().unwrap();
        people::access(&self.ctx, p).await.unwrap()
    }

    /// A regular meeting of the mechanism a week ahead; returns its id.
    pub async fn meeting(&self, mech: &str) -> i64 {
        let m = self.mech(mech).await;
        let draft = MeetingDraft {
            mechanism_id: m.id,
            starts_at: self.clock.now() + Duration::days(7),
            duration_minutes: 60,
            place: Some("UNHCR, Bamako".into()),
            agenda: Some("4W".into()),
            kind: MeetingKind::Regular,
            monthly: false,
        };
        meetings::create(&self.ctx, Actor::CommandLine, draft).await.unwrap()[0].id
    }

    /// A meeting that took place, with its minutes shared; returns the minutes' id.
    pub async fn minutes(&self, mech: &str) -> i64 {
        let id = self.meeting(mech).await;
        self.clock.advance(Duration::days(8));
        let content = MinutesContent::Text("Compte rendu".into());
        minutes::share(&self.ctx, Actor::CommandLine, id, &content, None).await.unwrap()
    }
}
