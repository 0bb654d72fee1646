//! `cluster-bot status`: the bot at a glance, for whoever hosts it, without opening the database.

use crate::services::status::{Failure, Status};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::fmt::Write;
use std::time::Duration;

fn when(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string()
}

fn ago(secs: i64) -> String {
    match secs.max(0) {
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", s / 60),
        s if s < 172_800 => format!("{} h", s / 3600),
        s => format!("{} days", s / 86_400),
    }
}

/// What a recorded failure means, in words a host can act on.
pub fn explain(f: &Failure) -> &'static str {
    let head = f.reason.split(':').next().unwrap_or_default();
    match head {
        "blocked" => "the person blocked the bot; they must unblock it",
        "not_started" => "the person never opened the bot; they must send it /start",
        "deactivated" => "the Telegram account was deleted",
        "other" | "chat_not_found" => "Telegram does not know this chat (wrong id, or the bot was removed)",
        "too_long" => "the text was longer than Telegram takes (the chair was told)",
        "entities" => "Telegram could not read the text's formatting (the chair was told)",
        _ if f.reason.starts_with("gave up") => "Telegram kept failing (network, 5xx or 429); every retry failed",
        _ if f.reason.starts_with("unreadable payload") => {
            "a job this version cannot read (written by another version)"
        }
        _ => "Telegram refused the message",
    }
}

pub fn render(s: &Status, tz: Tz) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "cluster-bot status at {} ({tz})\n", when(s.now, tz));
    let q = &s.queue;
    let _ = writeln!(o, "Queue");
    let oldest =
        q.oldest_due.map(|at| format!(" (oldest waiting {})", ago(s.now.timestamp() - at))).unwrap_or_default();
    let _ = writeln!(o, "  due now              {:>6}{oldest}", q.due);
    let _ = writeln!(o, "  running              {:>6}", q.running);
    let _ = writeln!(o, "  waiting for a retry  {:>6}", q.retrying);
    let _ = writeln!(o, "  planned              {:>6}", q.scheduled);
    let _ = writeln!(o, "  failed (last 24 h)   {:>6}", q.failed_24h);
    let _ = writeln!(o);
    if s.failures.is_empty() {
        let _ = writeln!(o, "No delivery failed in the last 24 h.");
    } else {
        let _ = writeln!(o, "Failed in the last 24 h (newest first)");
        for f in &s.failures {
            let what = match (f.message, f.person_id) {
                (Some(m), Some(p)) => format!("{m} to person {p}"),
                _ => f.kind.clone(),
            };
            let at = f.at.map(|t| when(t, tz)).unwrap_or_default();
            let _ = writeln!(o, "  job {:<6} {what}, {at}, {} attempt(s)", f.job_id, f.attempts);
            let _ = writeln!(o, "      why: {}", explain(f));
            let _ = writeln!(o, "      error: {}", f.reason);
        }
    }
    let _ = writeln!(o);
    match s.bot_api_last_ok {
        Some(at) => {
            let _ = writeln!(
                o,
                "Last successful Bot API call: {} ({} ago; recorded at most every 30 s)",
                when(at, tz),
                ago((s.now - at).num_seconds())
            );
        }
        None => {
            let _ = writeln!(o, "Last successful Bot API call: none recorded yet");
        }
    }
    let _ = writeln!(o, "\nMembers per mechanism (focal points / alternates / chairs)");
    let mut empty = 0;
    for chunk in s.members.chunk_by(|a, b| a.0 == b.0) {
        let n = |role: &str| chunk.iter().find(|(_, r, _)| r == role).map(|(_, _, n)| *n).unwrap_or(0);
        if chunk.iter().all(|(_, _, n)| *n == 0) {
            empty += 1;
            continue;
        }
        let _ = writeln!(o, "  {:<12} {:>4} / {:>4} / {:>4}", chunk[0].0, n("focal"), n("alternate"), n("chair"));
    }
    if empty > 0 {
        let _ = writeln!(o, "  ({empty} mechanism(s) without members)");
    }
    let _ = writeln!(o, "\nNext planned reminders and sends");
    if s.next.is_empty() {
        let _ = writeln!(o, "  nothing planned");
    }
    for p in &s.next {
        let meeting = p
            .meeting
            .as_ref()
            .map(|(code, start)| format!("  {code} meeting of {}", when(*start, tz)))
            .unwrap_or_default();
        let _ = writeln!(o, "  {}  {:<20}{meeting}", when(p.at, tz), p.kind);
    }
    o
}

/// GET /healthz on the local HTTP server; an error unless it answers 200.
pub async fn healthcheck(addr: Option<&str>, listen: Option<std::net::SocketAddr>) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let target = match (addr, listen) {
        (Some(a), _) => a.to_string(),
        // A server on every interface is asked on the loopback one.
        (None, Some(l)) if l.ip().is_unspecified() => format!("127.0.0.1:{}", l.port()),
        (None, Some(l)) => l.to_string(),
        (None, None) => anyhow::bail!("CLUSTER_LISTEN is not set: the bot serves no health endpoint"),
    };
    let ask = async {
        let mut s = tokio::net::TcpStream::connect(&target).await?;
        s.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {target}\r\nConnection: close\r\n\r\n").as_bytes()).await?;
        let mut head = vec![0u8; 64];
        let n = s.read(&mut head).await?;
        Ok::<_, std::io::Error>(String::from_utf8_lossy(&head[..n]).into_owned())
    };
    let answer = tokio::time::timeout(Duration::from_secs(5), ask)
        .await
        .map_err(|_| anyhow::anyhow!("{target} did not answer within 5 s"))?
        .map_err(|e| anyhow::anyhow!("{target}: {e}"))?;
    match answer.split_whitespace().nth(1) {
        Some("200") => Ok(()),
        other => anyhow::bail!("{target}/healthz answered {}", other.unwrap_or("nothing")),
    }
}
