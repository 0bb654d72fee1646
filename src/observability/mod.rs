//! Running the bot as a service: its metrics (Prometheus), its health (is each part alive?)
//! and its log format. One `Telemetry` per running bot, carried in the services' `Ctx`, so
//! that two bots in one process (the tests) never mix their figures.

pub mod health;
pub mod logging;
pub mod metrics;

pub use health::{BotApiState, Health, Readiness, ReadinessOptions};
pub use logging::LogFormat;
pub use metrics::Telemetry;
