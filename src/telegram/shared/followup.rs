//! How the follow-up of a meeting reads in a chat, for every feature that shows it (the
//! invitation and its calendar file, the chair's summary, the minutes dialog, /actions).

use super::App;
use crate::domain::memory::{FollowUpItem, FollowUpRef, Outcome};
use crate::domain::{AppError, Language, Meeting};
use crate::i18n::MemoryMsg;
use chrono::{DateTime, Utc};

fn day(app: &App, at: DateTime<Utc>) -> String {
    at.with_timezone(&app.ctx.tz).format("%d/%m/%Y").to_string()
}

/// "10/10/2026: carried again, 14/11/2026: done", or "none" when no meeting marked it.
pub fn history_text(app: &App, lang: Language, history: &[(DateTime<Utc>, Outcome)]) -> String {
    if history.is_empty() {
        return "none".into();
    }
    history
        .iter()
        .map(|(at, o)| {
            let outcome = app.i18n.render(lang, MemoryMsg::FuOutcome { outcome: o.as_str().into() });
            app.i18n.render(lang, MemoryMsg::FuHistoryEntry { date: day(app, *at), outcome })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line of the follow-up.
pub fn item_line(app: &App, lang: Language, item: &FollowUpItem) -> String {
    app.i18n.render(
        lang,
        MemoryMsg::FuLine {
            decision: matches!(item.item, FollowUpRef::Decision(_)),
            what: item.what.clone(),
            org: item.organisation.clone().unwrap_or_else(|| "none".into()),
            date: item.date.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "none".into()),
            late: item.late,
            history: history_text(app, lang, &item.history),
        },
    )
}

/// The follow-up section of a meeting ("Follow-up of earlier meetings:" and a line each),
/// or `None` when nothing is to follow up.
pub async fn section(app: &App, lang: Language, m: &Meeting) -> Result<Option<String>, AppError> {
    let items = crate::services::followup::for_meeting(&app.ctx, m).await?;
    if items.is_empty() {
        return Ok(None);
    }
    let mut lines = vec![app.i18n.render(lang, MemoryMsg::FuHeader)];
    lines.extend(items.iter().map(|i| item_line(app, lang, i)));
    Ok(Some(lines.join("\n")))
}

/// The agenda with the follow-up section after it (what the invitation and its calendar
/// file carry).
pub async fn with_follow_up(
    app: &App,
    lang: Language,
    m: &Meeting,
    agenda: Option<String>,
) -> Result<Option<String>, AppError> {
    Ok(match (agenda, section(app, lang, m).await?) {
        (Some(a), Some(f)) => Some(format!("{a}\n\n{f}")),
        (a, None) => a,
        (None, f) => f,
    })
}
