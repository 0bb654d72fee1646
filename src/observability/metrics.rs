//! The bot's Prometheus metrics, recorded with the `metrics` crate into a recorder of its own
//! (not the process-wide one: each running bot has its figures) and rendered by
//! `metrics-exporter-prometheus` for `/metrics`.

use super::health::Health;
use metrics::{Key, Label, Level, Metadata, Recorder, SharedString, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusRecorder};
use std::time::Duration;

static META: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

/// Names of every metric (`cluster_` prefix), documented in the README.
pub mod names {
    pub const UPDATES: &str = "cluster_updates_handled_total";
    pub const UPDATE_SECONDS: &str = "cluster_update_handling_seconds";
    pub const UPDATES_LAST: &str = "cluster_updates_last_received_timestamp_seconds";
    pub const MESSAGES: &str = "cluster_messages_total";
    pub const TOO_MANY: &str = "cluster_telegram_429_total";
    pub const TOO_MANY_WAIT: &str = "cluster_telegram_429_wait_seconds";
    pub const JOBS_RUN: &str = "cluster_jobs_run_total";
    pub const JOBS: &str = "cluster_jobs";
    pub const OLDEST_DUE: &str = "cluster_jobs_oldest_due_age_seconds";
    pub const DELIVERY_FAILURES: &str = "cluster_delivery_failures_total";
    pub const MEMBERS: &str = "cluster_members";
    pub const BOT_API_LAST_OK: &str = "cluster_bot_api_last_success_timestamp_seconds";
    pub const BOT_API_UP: &str = "cluster_bot_api_up";
    pub const SCHEDULER_LAST_RUN: &str = "cluster_scheduler_last_run_age_seconds";
    pub const STRANGERS_DROPPED: &str = "cluster_strangers_dropped_total";
    pub const PANICS: &str = "cluster_panics_total";
    pub const UNREADABLE_UPDATES: &str = "cluster_unreadable_updates_total";
    pub const HTTP_REFUSED: &str = "cluster_http_refused_total";
}

/// Buckets of the update handling time, in seconds (from 1 ms to 10 s).
const UPDATE_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// Metrics and health of one running bot.
pub struct Telemetry {
    recorder: PrometheusRecorder,
    pub health: Health,
}

impl std::fmt::Debug for Telemetry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Telemetry").finish_non_exhaustive()
    }
}

impl Default for Telemetry {
    fn default() -> Self {
        Self::new()
    }
}

fn key(name: &'static str, labels: &[(&'static str, &str)]) -> Key {
    Key::from_parts(name, labels.iter().map(|(k, v)| Label::new(*k, v.to_string())).collect::<Vec<_>>())
}

impl Telemetry {
    pub fn new() -> Self {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(names::UPDATE_SECONDS.into()), UPDATE_BUCKETS)
            .expect("non-empty buckets")
            .build_recorder();
        let t = Self { recorder, health: Health::default() };
        t.describe();
        t
    }

    fn describe(&self) {
        use names::*;
        let r = &self.recorder;
        let d = |s: &'static str| SharedString::from(s);
        r.describe_counter(
            UPDATES.into(),
            None,
            d("Telegram updates handled, by kind (message, callback) and outcome"),
        );
        r.describe_histogram(UPDATE_SECONDS.into(), Some(Unit::Seconds), d("Time to handle one update"));
        r.describe_gauge(
            UPDATES_LAST.into(),
            Some(Unit::Seconds),
            d("Unix time of the last update received (poll or webhook)"),
        );
        r.describe_counter(
            MESSAGES.into(),
            None,
            d("Messages to members by kind and outcome (sent, retry, failed, skipped)"),
        );
        r.describe_counter(TOO_MANY.into(), None, d("429 Too Many Requests answers from the Bot API"));
        r.describe_counter(
            TOO_MANY_WAIT.into(),
            Some(Unit::Seconds),
            d("Time asked by 429 answers (retry_after), summed"),
        );
        r.describe_counter(JOBS_RUN.into(), None, d("Scheduler jobs run, by kind and outcome"));
        r.describe_gauge(
            JOBS.into(),
            None,
            d("Jobs in the queue by state (due, waiting, running, retrying, failed_24h)"),
        );
        r.describe_gauge(
            OLDEST_DUE.into(),
            Some(Unit::Seconds),
            d("Age of the oldest job that is due and not yet run"),
        );
        r.describe_counter(DELIVERY_FAILURES.into(), None, d("Deliveries that will never succeed, by reason"));
        r.describe_gauge(MEMBERS.into(), None, d("Active memberships by mechanism and role"));
        r.describe_gauge(
            BOT_API_LAST_OK.into(),
            Some(Unit::Seconds),
            d("Unix time of the last successful Bot API call"),
        );
        r.describe_gauge(BOT_API_UP.into(), None, d("1 when the last Bot API call succeeded"));
        r.describe_counter(
            STRANGERS_DROPPED.into(),
            None,
            d("Messages from people who are not members dropped unanswered past their budget"),
        );
        r.describe_counter(
            PANICS.into(),
            None,
            d("Panics caught in an update handler or a job (where: handler, job); the service went on"),
        );
        r.describe_counter(
            HTTP_REFUSED.into(),
            None,
            d("HTTP requests refused (route: webhook without the secret token, metrics without the bearer token)"),
        );
        r.describe_counter(
            UNREADABLE_UPDATES.into(),
            None,
            d("Updates from Telegram that could not be read, dropped without logging their content"),
        );
        r.describe_gauge(
            SCHEDULER_LAST_RUN.into(),
            Some(Unit::Seconds),
            d("Seconds since the scheduler loop last ran"),
        );
    }

    /// Adds `by` to a counter.
    pub fn count(&self, name: &'static str, labels: &[(&'static str, &str)], by: u64) {
        self.recorder.register_counter(&key(name, labels), &META).increment(by);
    }

    /// Adds seconds to a running total (`metrics` counters are whole numbers, so fractional
    /// seconds are summed in a gauge that only grows).
    pub fn add_seconds(&self, name: &'static str, labels: &[(&'static str, &str)], d: Duration) {
        self.recorder.register_gauge(&key(name, labels), &META).increment(d.as_secs_f64());
    }

    pub fn set_gauge(&self, name: &'static str, labels: &[(&'static str, &str)], value: f64) {
        self.recorder.register_gauge(&key(name, labels), &META).set(value);
    }

    pub fn observe(&self, name: &'static str, labels: &[(&'static str, &str)], value: f64) {
        self.recorder.register_histogram(&key(name, labels), &META).record(value);
    }

    /// One update handled: its kind (message, callback_query…), outcome (ok, error) and time.
    pub fn update_handled(&self, kind: &str, outcome: &str, took: Duration) {
        self.count(names::UPDATES, &[("kind", kind), ("outcome", outcome)], 1);
        self.observe(names::UPDATE_SECONDS, &[("kind", kind)], took.as_secs_f64());
    }

    /// An update arrived (a poll or a webhook call that brought it).
    pub fn update_received(&self, unix_secs: f64) {
        self.set_gauge(names::UPDATES_LAST, &[], unix_secs);
    }

    /// A 429 from the Bot API, asking to wait `retry_after`.
    pub fn too_many_requests(&self, retry_after: Duration) {
        self.count(names::TOO_MANY, &[], 1);
        self.add_seconds(names::TOO_MANY_WAIT, &[], retry_after);
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        self.recorder.handle().render()
    }

    /// Drains histogram samples into their buckets (bounded memory between scrapes).
    pub fn upkeep(&self) {
        self.recorder.handle().run_upkeep();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_gauges_and_histograms_render_in_prometheus_text() {
        let t = Telemetry::new();
        t.count(names::MESSAGES, &[("kind", "invitation"), ("outcome", "sent")], 2);
        t.too_many_requests(Duration::from_millis(1500));
        t.too_many_requests(Duration::from_secs(2));
        t.update_handled("message", "ok", Duration::from_millis(3));
        let text = t.render();
        assert!(text.contains("# TYPE cluster_messages_total counter"), "{text}");
        assert!(text.contains("cluster_messages_total{kind=\"invitation\",outcome=\"sent\"} 2"), "{text}");
        assert!(text.contains("cluster_telegram_429_total 2"), "{text}");
        assert!(text.contains("cluster_telegram_429_wait_seconds 3.5"), "{text}");
        assert!(text.contains("# TYPE cluster_update_handling_seconds histogram"), "{text}");
        assert!(text.contains("cluster_update_handling_seconds_bucket{kind=\"message\",le=\"0.005\"} 1"), "{text}");
        assert!(text.contains("cluster_update_handling_seconds_bucket{kind=\"message\",le=\"0.001\"} 0"), "{text}");
        // Another bot's telemetry starts from nothing.
        assert!(!Telemetry::new().render().contains("cluster_messages_total{"));
    }
}
