//! Use cases. They take the storage and a clock, check who may do what, and return
//! domain values (never message text).
//!
//! They import each other in one direction only: `dispatch` (the scheduler's entry) above
//! `figures` (charts and the digest), itself above `meetings`, `minutes` and `reports`; `minutes` uses `meetings`; all use `outbox` (queueing a
//! message, who chairs a mechanism) and `people` (who is asking).

pub mod access;
pub mod admin;
pub mod agenda;
pub mod alerts;
pub mod approval;
pub mod attendance;
pub mod audit;
pub mod boundaries;
pub mod calendar;
pub mod calendar_feed;
pub mod dispatch;
pub mod documents;
pub mod export;
pub mod figures;
pub mod followup;
pub mod library;
pub mod meetings;
pub mod member_list;
pub mod membership;
pub mod minutes;
pub mod outbox;
pub mod participation;
pub mod people;
pub mod register;
pub mod replan;
pub mod reports;
pub mod retention;
pub mod reuse;
pub mod seats;
pub mod sensitivity;
pub mod series;
pub mod sheet;
pub mod situation;
pub mod status;
pub mod tour;
pub mod votes;
pub mod wherewho;

use crate::domain::Clock;
use crate::observability::Telemetry;
use crate::storage::Db;
use chrono::Duration;
use chrono_tz::Tz;
use std::sync::Arc;
use tokio::sync::Notify;

/// What every use case needs: the database, the time, and the cluster's settings.
#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub tz: Tz,
    pub invitation_ttl: Duration,
    /// How long before a meeting its invitations go out (at least 48 h).
    pub invitation_lead: Duration,
    /// Wakes the scheduler when a job is queued for now.
    pub wake: Arc<Notify>,
    /// How long dialogues and finished jobs are kept.
    pub retention: retention::Retention,
    /// How often a person may ask for minutes again.
    pub resend: minutes::ResendLimits,
    /// This bot's metrics and health (what `/metrics`, `/readyz` and `status` show).
    pub telemetry: Arc<Telemetry>,
    /// The quorum of a vote: this share (per cent) of the mechanism's member organisations.
    pub vote_quorum_percent: u8,
    /// Counts of people below this are hidden in exports to share (GBV, child protection).
    pub small_numbers: i64,
}

impl Ctx {
    pub fn new(db: Db, clock: Arc<dyn Clock>, tz: Tz, invitation_ttl: Duration) -> Self {
        Self {
            db,
            clock,
            tz,
            invitation_ttl,
            invitation_lead: Duration::days(7),
            wake: Arc::new(Notify::new()),
            retention: retention::Retention::default(),
            resend: minutes::ResendLimits::default(),
            telemetry: Arc::new(Telemetry::new()),
            vote_quorum_percent: crate::domain::vote::DEFAULT_QUORUM_PERCENT,
            small_numbers: crate::domain::suppression::DEFAULT_THRESHOLD,
        }
    }

    pub fn with_retention(mut self, retention: retention::Retention) -> Self {
        self.retention = retention;
        self
    }

    pub fn with_invitation_lead(mut self, lead: Duration) -> Self {
        self.invitation_lead = lead;
        self
    }

    pub fn with_small_numbers(mut self, threshold: i64) -> Self {
        self.small_numbers = threshold;
        self
    }

    pub fn with_vote_quorum(mut self, percent: u8) -> Self {
        self.vote_quorum_percent = percent;
        self
    }
}
