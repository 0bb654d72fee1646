//! The component suite: services, storage, the command line and the pure rules, without the
//! fake Bot API server. One test binary instead of one per file; run one file's tests with
//! `cargo test --test components storage::`.

#[path = "support/decisions_world.rs"]
mod decisions_world;
#[path = "support/figures_data.rs"]
mod figures_data;
#[path = "support/fivew.rs"]
mod fivew;
#[path = "support/hostile_xlsx.rs"]
mod hostile_xlsx;
#[path = "support/world.rs"]
mod world;

mod administration;
mod alerts_service;
mod charts;
mod cli_admin;
mod export;
mod fivew_admin;
mod fivew_sheet;
mod hostile_input;
mod hostile_sheets;
mod meeting_cycle;
mod personal_data;
mod scheduler;
mod send_time_check;
mod small_numbers;
mod small_numbers_charts;
mod storage;
mod votes;
