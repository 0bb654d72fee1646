//! The end-to-end suite: the real dispatcher, scheduler and SQLite against the fake Bot API
//! server. One test binary (one link, one copy of the fake server) instead of one per file;
//! run one file's tests with `cargo test --test e2e e2e_tour::`.

#[path = "support/fake_bot_api.rs"]
mod fake_bot_api;
#[path = "support/figures_data.rs"]
mod figures_data;
#[path = "support/fivew.rs"]
mod fivew;
#[path = "support/harness.rs"]
mod harness;
#[path = "support/hostile_xlsx.rs"]
mod hostile_xlsx;

mod atomic;
mod cli;
mod crash;
mod e2e_access;
mod e2e_admin;
mod e2e_alerts;
mod e2e_calendar;
mod e2e_charts;
mod e2e_commune;
mod e2e_decisions;
mod e2e_fivew;
mod e2e_forget;
mod e2e_free_text;
mod e2e_hostile_sheets;
mod e2e_library;
mod e2e_long_texts;
mod e2e_meeting_dialogs;
mod e2e_meetings;
mod e2e_member_list;
mod e2e_membership;
mod e2e_memory;
mod e2e_minutes;
mod e2e_observers;
mod e2e_rate_limits;
mod e2e_report;
mod e2e_reuse;
mod e2e_review;
mod e2e_review_paging;
mod e2e_seats;
mod e2e_sensitivity;
mod e2e_situation;
mod e2e_tour;
mod e2e_webhook;
mod fake_bot_api_selftest;
mod faults;
mod http_limits;
mod observability;
mod process;
mod service_cli;
