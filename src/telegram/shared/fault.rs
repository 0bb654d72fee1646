//! Faults the process tests inject into a debug build, through `CLUSTER_INJECT_FAULT`, to
//! check that the bot survives or exits as it should: `handler-panic` makes the handler of a
//! message whose text is exactly [`PANIC_TEXT`] panic; `dispatcher-panic` makes the
//! dispatcher itself panic on the first update it receives. A release build ignores the
//! variable entirely.

use std::sync::OnceLock;

/// The message text that panics its handler under `handler-panic`.
pub const PANIC_TEXT: &str = "💥 injected panic";

#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "kebab-case")]
pub enum Fault {
    HandlerPanic,
    DispatcherPanic,
}

/// The fault asked for, read once (always `None` in a release build).
pub fn injected() -> Option<Fault> {
    static FAULT: OnceLock<Option<Fault>> = OnceLock::new();
    *FAULT.get_or_init(|| {
        if !cfg!(debug_assertions) {
            return None;
        }
        let fault = std::env::var("CLUSTER_INJECT_FAULT").ok().and_then(|v| v.parse().ok());
        if let Some(f) = fault {
            tracing::warn!(fault = ?f, "a fault is injected (debug build, CLUSTER_INJECT_FAULT)");
        }
        fault
    })
}
