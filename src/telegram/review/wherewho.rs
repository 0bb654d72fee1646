//! /wherewho [YYYY-MM]: who does what where — counts, then the first gaps and possible
//! duplications, with P-codes.

use super::lines::{month_arg, scope_label};
use crate::i18n::{ChartsMsg, MainMsg, ReportMsg};
use crate::services::{reports as svc, wherewho};
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::{HandlerResult, Turn, kb};

/// At most this many gaps and duplications each in the /wherewho message.
const WHERE_WHO_CAP: usize = 5;

pub(super) async fn where_who(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let Some(month) = month_arg(turn, args, "wherewho").await? else { return Ok(()) };
    let ctx = &turn.app.ctx;
    for scope in svc::review_scopes(ctx, &turn.access).await? {
        let ww = wherewho::of_month(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let label = scope_label(turn, &scope);
        if ww.presence.is_empty() {
            turn.say(ReportMsg::FwWwNone { month: month_label(month), scope: label }).await?;
            continue;
        }
        let mut text = vec![turn.t(ReportMsg::FwWwHeader {
            month: month_label(month),
            scope: label,
            orgs: ww.organisations(),
            cells: ww.presence.len(),
            gaps: ww.gaps.len(),
            duplications: ww.duplications.len(),
        })];
        if !ww.gaps.is_empty() {
            let shown = ww.gaps.len().min(WHERE_WHO_CAP);
            text.push(turn.t(ReportMsg::FwWwGapsTitle { shown, count: ww.gaps.len() }));
            for g in ww.gaps.iter().take(WHERE_WHO_CAP) {
                text.push(
                    turn.t(ReportMsg::FwWwGapLine { place: place_label(turn, &g.place), sector: g.sector.clone() }),
                );
            }
        }
        if !ww.duplications.is_empty() {
            let shown = ww.duplications.len().min(WHERE_WHO_CAP);
            text.push(turn.t(ReportMsg::FwWwDupsTitle { shown, count: ww.duplications.len() }));
            for d in ww.duplications.iter().take(WHERE_WHO_CAP) {
                text.push(turn.t(ReportMsg::FwWwDupLine {
                    place: place_label(turn, &d.place),
                    activity: d.activity(turn.lang()).to_string(),
                    orgs: d.orgs.join(", "),
                }));
            }
        }
        turn.say_long(text).await?;
        let chart = crate::domain::figures::ChartRequest::WhoWhere {
            year: month.year,
            month: month.month,
            mechanism_id: scope.as_ref().map(|m| m.id),
        };
        let code = scope.as_ref().map(|m| m.code.clone()).unwrap_or_default();
        let button = chart_button(&turn.app.i18n, turn.lang(), chart, &code);
        turn.say_with(turn.t(ChartsMsg::ChartOffer), kb(vec![vec![button]])).await?;
    }
    Ok(())
}

pub(super) fn place_label(turn: &Turn<'_>, p: &wherewho::Place) -> String {
    turn.t(ReportMsg::FwWwPlace {
        cercle: p.cercle.clone(),
        pcode: p.cercle_pcode.clone(),
        region: p.region.clone(),
        region_pcode: p.region_pcode.clone(),
    })
}
