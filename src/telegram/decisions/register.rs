//! The register's scheduled message, rendered for one person when sent: a recorded
//! decision's review is due.

use crate::domain::Person;
use crate::domain::jobs::Outgoing;
use crate::domain::memory::MemoryMsg;
use crate::i18n::MemoryMsg as Text;
use crate::services::register;
use crate::telegram::shared::App;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Memory(msg) = message else { return Ok(Err("not a register message".into())) };
    let lang = person.language;
    Ok(Ok(match msg {
        MemoryMsg::ReviewDue { decision_id } => {
            let d = register::decision(&app.ctx, *decision_id).await?;
            if d.outcome.is_some_and(|o| o.settles()) {
                return Ok(Err("decision settled at a meeting".into()));
            }
            let text = app.i18n.render(
                lang,
                Text::RgReviewDue {
                    mechanism: d.mechanism.name(lang).to_string(),
                    what: d.what.clone(),
                    org: d.organisation.clone().unwrap_or_else(|| "none".into()),
                    meeting: d.meeting_starts_at.with_timezone(&app.ctx.tz).format("%d/%m/%Y").to_string(),
                },
            );
            // From the internal minutes: protected like them.
            Rendered::text(text).protected()
        }
    }))
}
