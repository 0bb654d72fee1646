//! Use cases. They take the storage and a clock, check who may do what, and return
//! domain values (never message text).

pub mod membership;
pub mod people;

use crate::domain::Clock;
use crate::storage::Db;
use chrono::Duration;
use chrono_tz::Tz;
use std::sync::Arc;

/// What every use case needs: the database, the time, and the cluster's settings.
#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub tz: Tz,
    pub invitation_ttl: Duration,
}

impl Ctx {
    pub fn new(db: Db, clock: Arc<dyn Clock>, tz: Tz, invitation_ttl: Duration) -> Self {
        Self {
            db,
            clock,
            tz,
            invitation_ttl,
        }
    }
}
