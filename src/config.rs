//! Configuration from the environment.

use crate::observability::LogFormat;
use anyhow::{Context, bail};
use chrono::Duration;
use chrono_tz::Tz;
use std::net::SocketAddr;
use url::Url;

#[derive(Clone)]
pub struct Config {
    /// `TELOXIDE_TOKEN`; needed only to run the bot.
    pub token: Option<String>,
    /// `TELOXIDE_API_URL`: another Bot API server (tests use a fake one).
    pub api_url: Option<Url>,
    /// `DATABASE_URL`: `sqlite://path`, `sqlite:path` or a plain file path.
    pub database_url: String,
    /// `CLUSTER_TZ`: the cluster's time zone.
    pub tz: Tz,
    /// `CLUSTER_INVITATION_TTL_DAYS`: how long an invitation link stays valid.
    pub invitation_ttl: Duration,
    /// `CLUSTER_INVITATION_LEAD_DAYS`: how long before a meeting its invitations go out (≥ 2).
    pub invitation_lead: Duration,
    /// `CLUSTER_NUDGE_CRON`: when chairs without a meeting next month are nudged (cron with seconds).
    pub nudge_cron: String,
    /// `CLUSTER_DIALOGUE_RETENTION_DAYS` and `CLUSTER_JOB_RETENTION_DAYS`: how long dialogues
    /// and finished jobs are kept.
    pub retention: crate::services::retention::Retention,
    /// `CLUSTER_DIGEST_CRON`: when coordinators receive the digest of the previous month.
    pub digest_cron: String,
    /// `CLUSTER_LISTEN`: address of the HTTP server (health, metrics, calendar feeds, webhook).
    pub listen: Option<SocketAddr>,
    /// `CLUSTER_WEBHOOK_URL`: public HTTPS address of the webhook; long polling when unset.
    pub webhook_url: Option<Url>,
    /// `CLUSTER_PUBLIC_URL`: public base address of the HTTP server (calendar links); defaults
    /// to the webhook URL's origin.
    pub public_url: Option<Url>,
    /// `CLUSTER_LOG_FORMAT`: text or json.
    pub log_format: LogFormat,
    /// `CLUSTER_BOT_API_OUTAGE_SECS`: how long the Bot API may fail before `/readyz` says not ready.
    pub bot_api_outage: std::time::Duration,
    /// `CLUSTER_VOTE_QUORUM_PERCENT`: a vote's quorum, as a share of the member organisations.
    pub vote_quorum_percent: u8,
    /// Counts of people below this are hidden in exports to share (GBV, child protection).
    pub small_numbers: i64,
    /// `CLUSTER_METRICS_TOKEN`: the bearer token `/metrics` asks of requests not from loopback.
    pub metrics_token: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token never appears in logs.
        f.debug_struct("Config")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("metrics_token", &self.metrics_token.as_ref().map(|_| "<redacted>"))
            .field("api_url", &self.api_url.as_ref().map(Url::as_str))
            .field("database_url", &self.database_url)
            .field("tz", &self.tz)
            .field("invitation_ttl_days", &self.invitation_ttl.num_days())
            .field("invitation_lead_days", &self.invitation_lead.num_days())
            .field("nudge_cron", &self.nudge_cron)
            .field("dialogue_retention_days", &self.retention.dialogues.num_days())
            .field("job_retention_days", &self.retention.finished_jobs.num_days())
            .field("record_retention_days", &self.retention.records.num_days())
            .field("digest_cron", &self.digest_cron)
            .field("listen", &self.listen)
            .field("webhook_url", &self.webhook_url.as_ref().map(Url::as_str))
            .field("public_url", &self.public_url.as_ref().map(Url::as_str))
            .field("log_format", &self.log_format)
            .field("bot_api_outage_secs", &self.bot_api_outage.as_secs())
            .field("vote_quorum_percent", &self.vote_quorum_percent)
            .field("small_numbers", &self.small_numbers)
            .finish()
    }
}

pub const DEFAULT_DATABASE: &str = "sqlite://cluster-bot.db";
pub const DEFAULT_TZ: &str = "Africa/Bamako";

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let non_empty = |k: &str| get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let api_url = match non_empty("TELOXIDE_API_URL") {
            Some(raw) => Some(Url::parse(&raw).with_context(|| format!("TELOXIDE_API_URL is not a URL: {raw}"))?),
            None => None,
        };
        let tz_name = non_empty("CLUSTER_TZ").unwrap_or_else(|| DEFAULT_TZ.to_string());
        let tz: Tz = match tz_name.parse() {
            Ok(tz) => tz,
            Err(_) => bail!("CLUSTER_TZ is not a known time zone: {tz_name}"),
        };
        let ttl_days = match non_empty("CLUSTER_INVITATION_TTL_DAYS") {
            Some(raw) => match raw.parse::<i64>() {
                Ok(d) if (1..=365).contains(&d) => d,
                _ => bail!("CLUSTER_INVITATION_TTL_DAYS must be a whole number of days from 1 to 365, not {raw}"),
            },
            None => 14,
        };
        let lead_days = match non_empty("CLUSTER_INVITATION_LEAD_DAYS") {
            Some(raw) => match raw.parse::<i64>() {
                Ok(d) if (2..=60).contains(&d) => d,
                _ => bail!("CLUSTER_INVITATION_LEAD_DAYS must be a whole number of days from 2 to 60, not {raw}"),
            },
            None => 7,
        };
        let days = |key: &str, default: i64| -> anyhow::Result<Duration> {
            match non_empty(key) {
                Some(raw) => match raw.parse::<i64>() {
                    Ok(d) if (1..=3650).contains(&d) => Ok(Duration::days(d)),
                    _ => bail!("{key} must be a whole number of days from 1 to 3650, not {raw}"),
                },
                None => Ok(Duration::days(default)),
            }
        };
        let retention = crate::services::retention::Retention {
            dialogues: days("CLUSTER_DIALOGUE_RETENTION_DAYS", 30)?,
            finished_jobs: days("CLUSTER_JOB_RETENTION_DAYS", 90)?,
            records: days("CLUSTER_RECORD_RETENTION_DAYS", 730)?,
        };
        let nudge_cron = non_empty("CLUSTER_NUDGE_CRON").unwrap_or_else(|| crate::scheduler::DEFAULT_NUDGE_CRON.into());
        if let Err(e) = crate::scheduler::CronRule::monthly_nudge(&nudge_cron) {
            bail!("CLUSTER_NUDGE_CRON: {e}");
        }
        let digest_cron =
            non_empty("CLUSTER_DIGEST_CRON").unwrap_or_else(|| crate::scheduler::DEFAULT_DIGEST_CRON.into());
        if let Err(e) = crate::scheduler::CronRule::monthly_digest(&digest_cron) {
            bail!("CLUSTER_DIGEST_CRON: {e}");
        }
        let vote_quorum_percent = match non_empty("CLUSTER_VOTE_QUORUM_PERCENT") {
            Some(raw) => match raw.parse::<u8>() {
                Ok(p) if (1..=100).contains(&p) => p,
                _ => bail!("CLUSTER_VOTE_QUORUM_PERCENT must be a whole number from 1 to 100, not {raw}"),
            },
            None => crate::domain::vote::DEFAULT_QUORUM_PERCENT,
        };
        let range = crate::domain::suppression::THRESHOLD_RANGE;
        let small_numbers = match non_empty("CLUSTER_SMALL_NUMBERS_THRESHOLD") {
            Some(raw) => match raw.parse::<i64>() {
                Ok(n) if range.contains(&n) => n,
                _ => bail!(
                    "CLUSTER_SMALL_NUMBERS_THRESHOLD must be a whole number from {} to {}, not {raw}",
                    range.start(),
                    range.end()
                ),
            },
            None => crate::domain::suppression::DEFAULT_THRESHOLD,
        };
        let listen = match non_empty("CLUSTER_LISTEN") {
            Some(raw) => match raw.parse::<SocketAddr>() {
                Ok(a) => Some(a),
                Err(_) => bail!("CLUSTER_LISTEN must be an address and port such as 0.0.0.0:8080, not {raw}"),
            },
            None => None,
        };
        let https_url = |key: &str| -> anyhow::Result<Option<Url>> {
            let Some(raw) = non_empty(key) else { return Ok(None) };
            match Url::parse(&raw) {
                Ok(u) if matches!(u.scheme(), "https" | "http") && u.host().is_some() => Ok(Some(u)),
                _ => bail!("{key} must be an http(s) URL such as https://bot.example.org/telegram, not {raw}"),
            }
        };
        let webhook_url = https_url("CLUSTER_WEBHOOK_URL")?;
        if webhook_url.is_some() && listen.is_none() {
            bail!(
                "CLUSTER_WEBHOOK_URL needs CLUSTER_LISTEN (the local address the proxy forwards to, e.g. 0.0.0.0:8080)"
            );
        }
        let public_url = https_url("CLUSTER_PUBLIC_URL")?
            .or_else(|| webhook_url.as_ref().and_then(|w| Url::parse(&w.origin().ascii_serialization()).ok()));
        // Calendar links carry a secret: they go out over https only (plain http is for a bot
        // tried on this machine).
        if let Some(u) = &public_url
            && !public_url_allowed(u)
        {
            let from = if non_empty("CLUSTER_PUBLIC_URL").is_some() {
                "CLUSTER_PUBLIC_URL"
            } else {
                "CLUSTER_PUBLIC_URL (here taken from CLUSTER_WEBHOOK_URL)"
            };
            bail!(
                "{from} must be an https address such as https://bot.example.org/ (http only for 127.0.0.1 or localhost), not {u}"
            );
        }
        let log_format = LogFormat::parse(get("CLUSTER_LOG_FORMAT").as_deref()).map_err(anyhow::Error::msg)?;
        let outage_secs = match non_empty("CLUSTER_BOT_API_OUTAGE_SECS") {
            Some(raw) => match raw.parse::<u64>() {
                Ok(s) if (1..=86_400).contains(&s) => s,
                _ => bail!("CLUSTER_BOT_API_OUTAGE_SECS must be a whole number of seconds from 1 to 86400, not {raw}"),
            },
            None => 120,
        };
        let metrics_token = non_empty("CLUSTER_METRICS_TOKEN");
        if let Some(t) = &metrics_token
            && (t.len() < 16 || t.chars().any(|c| c.is_whitespace() || c.is_control()))
        {
            bail!("CLUSTER_METRICS_TOKEN must be at least 16 characters without spaces (e.g. openssl rand -hex 24)");
        }
        Ok(Self {
            metrics_token,
            retention,
            listen,
            webhook_url,
            public_url,
            log_format,
            bot_api_outage: std::time::Duration::from_secs(outage_secs),
            digest_cron,
            vote_quorum_percent,
            small_numbers,
            invitation_lead: Duration::days(lead_days),
            nudge_cron,
            token: non_empty("TELOXIDE_TOKEN"),
            api_url,
            database_url: non_empty("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE.to_string()),
            tz,
            invitation_ttl: Duration::days(ttl_days),
        })
    }
}

/// An https address, or an http one on this machine (127.0.0.1 or localhost).
fn public_url_allowed(u: &Url) -> bool {
    match u.scheme() {
        "https" => true,
        "http" => matches!(u.host_str(), Some("127.0.0.1" | "localhost")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> anyhow::Result<Config> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let c = cfg(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE);
        assert_eq!(c.tz, chrono_tz::Africa::Bamako);
        assert_eq!(c.invitation_ttl, Duration::days(14));
        assert!(c.token.is_none());
    }

    #[test]
    fn bad_values_are_one_line_errors() {
        assert!(cfg(&[("CLUSTER_TZ", "Mars/Olympus")]).is_err());
        assert!(cfg(&[("TELOXIDE_API_URL", "not a url")]).is_err());
        assert!(cfg(&[("CLUSTER_INVITATION_TTL_DAYS", "0")]).is_err());
        assert!(cfg(&[("CLUSTER_INVITATION_TTL_DAYS", "abc")]).is_err());
        assert!(cfg(&[("CLUSTER_INVITATION_LEAD_DAYS", "1")]).is_err());
        assert!(cfg(&[("CLUSTER_NUDGE_CRON", "sometimes")]).is_err());
        assert!(cfg(&[("CLUSTER_DIGEST_CRON", "monthly")]).is_err());
        assert_eq!(cfg(&[("CLUSTER_DIGEST_CRON", "0 0 7 12 * *")]).unwrap().digest_cron, "0 0 7 12 * *");
        assert_eq!(cfg(&[]).unwrap().digest_cron, crate::scheduler::DEFAULT_DIGEST_CRON);
        assert!(cfg(&[("CLUSTER_VOTE_QUORUM_PERCENT", "0")]).is_err());
        assert!(cfg(&[("CLUSTER_VOTE_QUORUM_PERCENT", "half")]).is_err());
        assert_eq!(cfg(&[]).unwrap().vote_quorum_percent, 50);
        assert_eq!(cfg(&[("CLUSTER_VOTE_QUORUM_PERCENT", "67")]).unwrap().vote_quorum_percent, 67);
        assert_eq!(cfg(&[]).unwrap().small_numbers, 5);
        assert_eq!(cfg(&[("CLUSTER_SMALL_NUMBERS_THRESHOLD", "10")]).unwrap().small_numbers, 10);
        assert!(cfg(&[("CLUSTER_SMALL_NUMBERS_THRESHOLD", "1")]).is_err());
        assert!(cfg(&[("CLUSTER_SMALL_NUMBERS_THRESHOLD", "1e9")]).is_err());
        assert_eq!(cfg(&[("CLUSTER_INVITATION_LEAD_DAYS", "10")]).unwrap().invitation_lead, Duration::days(10));
        assert!(cfg(&[("CLUSTER_DIALOGUE_RETENTION_DAYS", "0")]).is_err());
        assert!(cfg(&[("CLUSTER_JOB_RETENTION_DAYS", "soon")]).is_err());
        let c = cfg(&[("CLUSTER_DIALOGUE_RETENTION_DAYS", "7")]).unwrap();
        assert_eq!((c.retention.dialogues, c.retention.finished_jobs), (Duration::days(7), Duration::days(90)));
    }

    #[test]
    fn service_settings() {
        let c = cfg(&[]).unwrap();
        assert!(c.listen.is_none() && c.webhook_url.is_none() && c.public_url.is_none());
        assert_eq!(c.log_format, LogFormat::Text);
        let c = cfg(&[
            ("CLUSTER_LISTEN", "0.0.0.0:8080"),
            ("CLUSTER_WEBHOOK_URL", "https://bot.example.org/telegram"),
            ("CLUSTER_LOG_FORMAT", "json"),
        ])
        .unwrap();
        assert_eq!(c.listen, Some("0.0.0.0:8080".parse().unwrap()));
        assert_eq!(c.public_url.unwrap().as_str(), "https://bot.example.org/");
        assert_eq!(c.log_format, LogFormat::Json);
        assert!(
            cfg(&[("CLUSTER_WEBHOOK_URL", "https://bot.example.org/t")])
                .unwrap_err()
                .to_string()
                .contains("CLUSTER_LISTEN")
        );
        assert!(cfg(&[("CLUSTER_LISTEN", "8080")]).is_err());
        assert!(cfg(&[("CLUSTER_LISTEN", "0.0.0.0:1"), ("CLUSTER_WEBHOOK_URL", "ftp://x")]).is_err());
        assert!(cfg(&[("CLUSTER_LOG_FORMAT", "xml")]).is_err());
        assert!(cfg(&[("CLUSTER_BOT_API_OUTAGE_SECS", "0")]).is_err());
    }

    #[test]
    fn the_public_url_is_https_or_local() {
        let url = |v: &str| cfg(&[("CLUSTER_PUBLIC_URL", v)]).map(|c| c.public_url.unwrap().to_string());
        assert_eq!(url("https://bot.example.org/").unwrap(), "https://bot.example.org/");
        assert_eq!(url("http://127.0.0.1:8080/").unwrap(), "http://127.0.0.1:8080/");
        assert_eq!(url("http://localhost:8080").unwrap(), "http://localhost:8080/");
        for bad in ["http://bot.example.org/", "http://10.0.0.5:8080/", "http://127.0.0.1.example.org/"] {
            let e = url(bad).unwrap_err().to_string();
            assert!(e.starts_with("CLUSTER_PUBLIC_URL must be an https address"), "{bad}: {e}");
        }
        let e = cfg(&[("CLUSTER_LISTEN", "0.0.0.0:8080"), ("CLUSTER_WEBHOOK_URL", "http://bot.example.org/t")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("taken from CLUSTER_WEBHOOK_URL"), "{e}");
    }

    #[test]
    fn token_is_redacted_in_debug() {
        let c = cfg(&[("TELOXIDE_TOKEN", "123:SECRET")]).unwrap();
        assert!(!format!("{c:?}").contains("SECRET"));
    }
}
