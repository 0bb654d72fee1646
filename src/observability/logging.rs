//! The log output: human-readable lines (default) or one JSON object per line
//! (`CLUSTER_LOG_FORMAT=json`), always on stderr, filtered by `RUST_LOG`.
//! Log lines carry ids (job, update, person), never message texts, names or the token.

use strum::{EnumString, IntoStaticStr};
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{self, FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl LogFormat {
    /// `CLUSTER_LOG_FORMAT`: `text` (default) or `json`.
    pub fn parse(raw: Option<&str>) -> Result<Self, String> {
        match raw.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(Self::Text),
            Some(v) => v.parse().map_err(|_| format!("CLUSTER_LOG_FORMAT must be text or json, not {v}")),
        }
    }
}

/// Installs the global subscriber (once; later calls do nothing).
pub fn init(format: LogFormat, default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.event_format(Redacting { inner: fmt::format(), json: false }).try_init(),
        // Span fields (the update id of a handler) are flattened into each line's "span".
        LogFormat::Json => builder
            .json()
            .event_format(Redacting {
                inner: fmt::format().json().with_current_span(true).with_span_list(false),
                json: true,
            })
            .try_init(),
    };
}

/// Panics are logged as one line with their place and the first clause of their message
/// (an `unwrap` on an error would print the error's data, which may quote a member).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(at, "panic: {}", first_clause(&payload));
    }));
}

/// The text up to the first line break, quote, brace or colon-quoted value, at most 160
/// characters: the kind of a problem, not the data it was about.
pub fn first_clause(text: &str) -> String {
    let end = text.find(['\n', '"', '\'', '{', '`']).unwrap_or(text.len());
    let head = text[..end].trim_end_matches([' ', ':', '(']);
    head.chars().take(160).collect()
}

/// Lines from teloxide keep their level, origin and first clause only: teloxide writes whole
/// updates (with their text and the sender's name) into some of its lines, such as an update
/// it cannot parse or an error of a handler.
struct Redacting<F> {
    inner: F,
    json: bool,
}

/// The message and, for a line that came through the `log` crate, its real origin.
#[derive(Default)]
struct Message {
    message: String,
    log_target: Option<String>,
}

impl Visit for Message {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "message" => self.message = value.to_string(),
            "log.target" => self.log_target = Some(value.to_string()),
            _ => {}
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.message = format!("{value:?}");
        }
    }
}

fn from_teloxide(target: &str) -> bool {
    target == "teloxide" || target.starts_with("teloxide::") || target.starts_with("teloxide_core")
}

impl<S, N, F> FormatEvent<S, N> for Redacting<F>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
    F: FormatEvent<S, N>,
{
    fn format_event(&self, ctx: &FmtContext<'_, S, N>, mut writer: Writer<'_>, event: &Event<'_>) -> std::fmt::Result {
        let meta = event.metadata();
        let mut seen = Message::default();
        if meta.target() == "log" || from_teloxide(meta.target()) {
            event.record(&mut seen);
        }
        let target = seen.log_target.as_deref().unwrap_or(meta.target());
        if !from_teloxide(target) {
            return self.inner.format_event(ctx, writer, event);
        }
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        let said = format!("{} (details withheld)", first_clause(&seen.message));
        if self.json {
            let line = serde_json::json!({
                "timestamp": now,
                "level": meta.level().as_str(),
                "fields": { "message": said },
                "target": target,
            });
            writeln!(writer, "{line}")
        } else {
            writeln!(writer, "{now} {:>5} {target}: {said}", meta.level().as_str())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_format() {
        assert_eq!(LogFormat::parse(None), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse(Some(" JSON ")), Ok(LogFormat::Json));
        assert_eq!(LogFormat::parse(Some("text")), Ok(LogFormat::Text));
        assert!(LogFormat::parse(Some("xml")).unwrap_err().contains("text or json"));
    }

    #[test]
    fn the_first_clause_drops_what_is_quoted() {
        assert_eq!(first_clause("Cannot parse an update.\nValue: {\"text\":\"Awa\"}"), "Cannot parse an update.");
        assert_eq!(first_clause("invalid value: string \"Awa Traoré\", expected i64"), "invalid value: string");
        assert_eq!(first_clause("plain"), "plain");
        assert_eq!(first_clause(&"é".repeat(500)).chars().count(), 160);
    }
}
