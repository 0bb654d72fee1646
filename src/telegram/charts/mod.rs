//! Charts in the chat. A pressed "📊" (shown by other features under their figures, see
//! `shared::charts`) is checked and queued to the person who pressed it: the chart is drawn when
//! it is sent, in their language, and goes through the one delivery path like every message.
//! The scheduled charts and the monthly digest are rendered in `outgoing`.

pub mod outgoing;

use crate::domain::figures::ChartRequest;
use crate::domain::jobs::Outgoing;
use crate::i18n::{ChartsMsg, MainMsg};
use crate::services::{figures, outbox};
use crate::telegram::shared::charts::ChartButton;
use crate::telegram::shared::{ButtonResult, CallbackData, Turn};

/// A pressed "📊": the chart (the three 4W charts for the reach) is queued to the person, or a
/// refusal when they may not see it.
pub async fn on_button(turn: &mut Turn<'_>, pressed: ChartButton) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match figures::may_see(ctx, &turn.access, &pressed.0).await {
        Ok(true) => {}
        Ok(false) => return Ok(Some(MainMsg::NotAllowed.into())),
        Err(e) => return Ok(Some(turn.refusal(&e))),
    }
    let requests = match pressed.0 {
        ChartRequest::Reach { year, month, mechanism_id } => vec![
            ChartRequest::Reach { year, month, mechanism_id },
            ChartRequest::SexAge { year, month, mechanism_id },
            ChartRequest::Trend { year, month, mechanism_id },
        ],
        other => vec![other],
    };
    let person = turn.access.person.id;
    let prefix = format!("chart:p{person}:");
    let recent = match outbox::within(ctx, &prefix, crate::domain::rate::CHARTS).await {
        Ok(n) => n,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let stamp = ctx.clock.now().timestamp_millis();
    for (i, chart) in requests.into_iter().enumerate() {
        // Two presses within the same millisecond are two requests (counted in the limit).
        let key = format!("{prefix}{}:{stamp}:n{recent}:{i}", ChartButton(chart).encode());
        outbox::deliver(ctx, key, person, Outgoing::Chart { chart }).await?;
    }
    ctx.wake.notify_one();
    Ok(Some(ChartsMsg::ChartComing.into()))
}
