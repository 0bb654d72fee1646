//! The log output: human-readable lines (default) or one JSON object per line
//! (`CLUSTER_LOG_FORMAT=json`), always on stderr, filtered by `RUST_LOG`.
//! Log lines carry ids (job, update, person), never message texts, names or the token.

use strum::{EnumString, IntoStaticStr};

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
        LogFormat::Text => builder.try_init(),
        // Span fields (the update id of a handler) are flattened into each line's "span".
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(false).try_init(),
    };
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
}
