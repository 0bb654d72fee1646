//! Personal calendar feeds: `/cal/<secret>.ics` lists the meetings of the mechanisms a person
//! belongs to now (a former member's feed is empty), so that a phone or Google Calendar
//! subscribed once follows every new, moved or cancelled meeting. Only the secrets' SHA-256
//! is stored: a link is shown when it is made, never again.

use super::Ctx;
use super::calendar::feed_ics;
use crate::domain::AppResult;
use crate::storage::{calendar_feeds, meetings, memberships};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Duration;
use rand::RngCore;

/// Length of a secret: 32 random bytes in URL-safe base64 without padding.
pub const SECRET_LEN: usize = 43;

/// Meetings shown: from 30 days back (recent ones stay in the calendar) to a year ahead.
const PAST: Duration = Duration::days(30);
const AHEAD: Duration = Duration::days(400);

fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// True when `s` has the shape of a secret (checked before any database lookup).
pub fn well_formed(s: &str) -> bool {
    s.len() == SECRET_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The person's first secret, made now; `None` when they already have one: only its hash is
/// kept, so the link is shown once (a new one replaces it, see [`rotate`]).
pub async fn first_secret(ctx: &Ctx, person_id: i64) -> AppResult<Option<String>> {
    if calendar_feeds::has_feed(&ctx.db, person_id).await? {
        return Ok(None);
    }
    let s = new_secret();
    Ok(calendar_feeds::create_secret(&ctx.db, person_id, &s, ctx.clock.now()).await?.then_some(s))
}

/// A new secret: the old link stops working at once.
pub async fn rotate(ctx: &Ctx, person_id: i64) -> AppResult<String> {
    let s = new_secret();
    calendar_feeds::set_secret(&ctx.db, person_id, &s, ctx.clock.now()).await?;
    Ok(s)
}

/// The feed's address under the bot's public base URL.
pub fn url(base: &url::Url, secret: &str) -> String {
    format!("{}/cal/{secret}.ics", base.as_str().trim_end_matches('/'))
}

/// The calendar behind a secret, or `None` when no feed has this secret.
pub async fn feed(ctx: &Ctx, secret: &str) -> AppResult<Option<String>> {
    if !well_formed(secret) {
        return Ok(None);
    }
    let Some(person_id) = calendar_feeds::person_of(&ctx.db, secret).await? else {
        return Ok(None);
    };
    let now = ctx.clock.now();
    let mut all = Vec::new();
    for mechanism_id in memberships::active_mechanism_ids(&ctx.db, person_id).await? {
        all.extend(meetings::between(&ctx.db, Some(mechanism_id), now - PAST, now + AHEAD, true).await?);
    }
    all.sort_by_key(|m| (m.starts_at, m.id));
    Ok(Some(feed_ics(&all, now, "Cluster Protection Mali")))
}
