//! /wherewho [YYYY-MM]: who does what where — counts, then the first gaps and possible
//! duplications, with P-codes.

use super::lines::{month_arg, scope_label};
use crate::i18n::Msg;
use crate::services::{reports as svc, wherewho};
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::{HandlerResult, Turn};

/// At most this many gaps and duplications each in the /wherewho message.
const WHERE_WHO_CAP: usize = 5;

pub(super) async fn where_who(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    }
    let Some(month) = month_arg(turn, args, "wherewho").await? else { return Ok(()) };
    let ctx = &turn.app.ctx;
    for scope in svc::review_scopes(ctx, &turn.access).await? {
        let ww = wherewho::of_month(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let label = scope_label(turn, &scope);
        if ww.presence.is_empty() {
            turn.say(Msg::FwWwNone { month: month_label(month), scope: label }).await?;
            continue;
        }
        let mut text = vec![turn.t(Msg::FwWwHeader {
            month: month_label(month),
            scope: label,
            orgs: ww.organisations(),
            cells: ww.presence.len(),
            gaps: ww.gaps.len(),
            duplications: ww.duplications.len(),
        })];
        if !ww.gaps.is_empty() {
            let shown = ww.gaps.len().min(WHERE_WHO_CAP);
            text.push(turn.t(Msg::FwWwGapsTitle { shown, count: ww.gaps.len() }));
            for g in ww.gaps.iter().take(WHERE_WHO_CAP) {
                text.push(turn.t(Msg::FwWwGapLine { place: place_label(turn, &g.place), sector: g.sector.clone() }));
            }
        }
        if !ww.duplications.is_empty() {
            let shown = ww.duplications.len().min(WHERE_WHO_CAP);
            text.push(turn.t(Msg::FwWwDupsTitle { shown, count: ww.duplications.len() }));
            for d in ww.duplications.iter().take(WHERE_WHO_CAP) {
                text.push(turn.t(Msg::FwWwDupLine {
                    place: place_label(turn, &d.place),
                    activity: d.activity(turn.lang()).to_string(),
                    orgs: d.orgs.join(", "),
                }));
            }
        }
        turn.say_long(text).await?;
        // A chair puts a gap on the agenda of the mechanism's next meeting in one tap.
        if let Some(mech) = &scope
            && !ww.gaps.is_empty()
            && crate::services::meetings::Actor::Person(&turn.access).may_manage(mech.id)
        {
            let buttons = crate::telegram::decisions::gap_buttons(turn, mech.id, month, ww.gaps.len());
            let rows = crate::telegram::shared::turn::rows_of(buttons, 3);
            turn.say_with(turn.t(Msg::DcGapHint), crate::telegram::shared::kb(rows)).await?;
        }
    }
    Ok(())
}

pub fn place_label(turn: &Turn<'_>, p: &wherewho::Place) -> String {
    turn.t(Msg::FwWwPlace {
        cercle: p.cercle.clone(),
        pcode: p.cercle_pcode.clone(),
        region: p.region.clone(),
        region_pcode: p.region_pcode.clone(),
    })
}
