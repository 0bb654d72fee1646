//! /decisions: the open votes of one's mechanisms with the turnout so far, then the register
//! of decisions (closed votes with their result, decisions recorded with the minutes), newest
//! first, with its export.

use super::callback::Cb;
use crate::domain::memory::RegisterEntry;
use crate::i18n::{DecisionsMsg, MemoryMsg};
use crate::services::{register, votes as svc};
use crate::telegram::shared::votes::decision_line;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};

/// How many decisions /decisions shows.
const DECISIONS_SHOWN: i64 = 15;

pub(super) async fn decisions(turn: &mut Turn<'_>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let open = match svc::decisions(ctx, &turn.access, DECISIONS_SHOWN).await {
        Ok(l) => l.into_iter().filter(|v| v.closed_at.is_none()).collect::<Vec<_>>(),
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    let entries = register::register(ctx, &turn.access, None, DECISIONS_SHOWN).await?;
    if open.is_empty() && entries.is_empty() {
        turn.say(DecisionsMsg::DcDecisionsNone).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(DecisionsMsg::DcDecisionsHeader)];
    for v in &open {
        lines.push(decision_line(turn.app, turn.lang(), v, None).await?);
    }
    if !entries.is_empty() {
        lines.push(String::new());
        lines.push(turn.t(MemoryMsg::RgHeader));
    }
    for e in &entries {
        lines.push(entry_line(turn, e).await?);
    }
    let k = (!entries.is_empty()).then(|| kb(vec![vec![button(turn.t(MemoryMsg::BtnRgXlsx), Cb::RegisterXlsx)]]));
    // The register comes from the internal minutes: protected like them.
    turn.say_long_protected_with(lines, k).await?;
    Ok(())
}

async fn entry_line(turn: &Turn<'_>, e: &RegisterEntry) -> Result<String, crate::domain::AppError> {
    Ok(match e {
        RegisterEntry::Vote(v) => decision_line(turn.app, turn.lang(), v, v.closed_at).await?,
        RegisterEntry::Recorded(d) => {
            let date =
                |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&turn.app.ctx.tz).format("%d/%m/%Y").to_string();
            let details = turn.t(MemoryMsg::RgDetails {
                org: d.organisation.clone().unwrap_or_else(|| "none".into()),
                review: d.review_date.map(|r| r.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "none".into()),
                outcome: d.outcome.map(|o| o.as_str()).unwrap_or("open").into(),
            });
            turn.t(MemoryMsg::RgRecordedLine {
                mechanism: d.mechanism.code.clone(),
                what: d.what.clone(),
                details,
                meeting: date(d.meeting_starts_at),
            })
        }
    })
}

/// 📥 XLSX: the whole register the person may read, a French and an English sheet, protected.
pub(super) async fn send_xlsx(turn: &mut Turn<'_>) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let entries = match register::register(ctx, &turn.access, None, i64::MAX).await {
        Ok(e) => e,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let bytes = match register::to_xlsx(ctx, &turn.app.i18n, &entries).await {
        Ok(b) => b,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let name = format!("register-{}.xlsx", ctx.clock.now().with_timezone(&ctx.tz).format("%Y%m%d"));
    turn.send_file(bytes, name, turn.t(MemoryMsg::RgXlsxCaption { count: entries.len() }), None, true).await?;
    Ok(None)
}
