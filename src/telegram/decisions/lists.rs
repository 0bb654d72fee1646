//! /decisions: the votes of one's mechanisms, open ones with the turnout so far, closed ones
//! with their result.

use crate::i18n::DecisionsMsg;
use crate::services::votes as svc;
use crate::telegram::shared::votes::decision_line;
use crate::telegram::shared::{HandlerResult, Turn};

/// How many decisions /decisions shows.
const DECISIONS_SHOWN: i64 = 15;

pub(super) async fn decisions(turn: &mut Turn<'_>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let list = match svc::decisions(ctx, &turn.access, DECISIONS_SHOWN).await {
        Ok(l) => l,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    if list.is_empty() {
        turn.say(DecisionsMsg::DcDecisionsNone).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(DecisionsMsg::DcDecisionsHeader)];
    for v in &list {
        lines.push(decision_line(turn.app, turn.lang(), v, v.closed_at).await?);
    }
    turn.say_long(lines).await?;
    Ok(())
}
