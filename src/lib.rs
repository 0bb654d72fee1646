//! cluster-bot: a Telegram assistant for the members of the Protection Cluster in Mali.
//!
//! Layers, each knowing only those below it:
//! `domain` (pure types and rules) ← `storage` (SQL) ← `services` (use cases) ←
//! `telegram` (teloxide) and `cli` (command line); `i18n` renders every outgoing sentence.

pub mod charts;
pub mod cli;
pub mod config;
pub mod domain;
pub mod http;
pub mod i18n;
pub mod observability;
pub mod scheduler;
pub mod services;
pub mod storage;
pub mod telegram;
pub mod xlsx;
