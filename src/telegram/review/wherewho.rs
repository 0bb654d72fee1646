//! /wherewho [YYYY-MM]: who does what where — counts, then the first gaps and possible
//! duplications, with P-codes.

use super::callback::Cb;
use super::lines::{month_arg, scope_label};
use crate::domain::agenda::ItemSource;
use crate::domain::fourw::ReportingMonth;
use crate::i18n::{ChartsMsg, DecisionsMsg, MainMsg, ReportMsg};
use crate::services::meetings::Actor;
use crate::services::{reports as svc, wherewho};
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};

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
        let offer = chart_button(&turn.app.i18n, turn.lang(), chart, &code);
        turn.say_with(turn.t(ChartsMsg::ChartOffer), kb(vec![vec![offer]])).await?;
        // A chair puts a gap on the agenda of the mechanism's next meeting in one tap.
        if let Some(mech) = &scope
            && !ww.gaps.is_empty()
            && crate::services::meetings::Actor::Person(&turn.access).may_manage(mech.id)
        {
            let yyyymm = month.year as u32 * 100 + month.month;
            let buttons = (0..ww.gaps.len().min(WHERE_WHO_CAP))
                .map(|rank| {
                    let cb = Cb::GapToAgenda { mechanism: mech.id, month: yyyymm, rank: rank as u8 };
                    button(turn.t(DecisionsMsg::BtnDcGap { n: rank + 1 }), cb)
                })
                .collect();
            turn.say_with(turn.t(DecisionsMsg::DcGapHint), kb(rows_of(buttons, 3))).await?;
        }
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

/// A gap of /wherewho to the agenda of the mechanism's next meeting still open for items
/// (chairs of the mechanism, coordinators; checked again here).
pub(super) async fn gap_to_agenda(turn: &mut Turn<'_>, mechanism: i64, month: u32, rank: u8) -> ButtonResult {
    let ctx = &turn.app.ctx;
    if !Actor::Person(&turn.access).may_manage(mechanism) {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    let Ok(rm) = ReportingMonth::parse(&format!("{:04}-{:02}", month / 100, month % 100)) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let ww = wherewho::of_month(&ctx.db, rm, Some(mechanism)).await?;
    let Some(g) = ww.gaps.get(usize::from(rank)) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
    let Some(m) = crate::services::agenda::next_open_meeting(ctx, mechanism).await? else {
        return Ok(Some(DecisionsMsg::DcNoOpenMeeting.into()));
    };
    let text = turn.t(DecisionsMsg::DcGapItem {
        month: month_label(rm),
        sector: g.sector.clone(),
        place: place_label(turn, &g.place),
    });
    match crate::services::agenda::add_by_chair(ctx, Actor::Person(&turn.access), m.id, &text, ItemSource::Wherewho)
        .await
    {
        Ok(Ok(_)) => {
            let date = crate::telegram::shared::format::short_date(turn.app, &m);
            turn.say(DecisionsMsg::DcGapAdded { date }).await?;
            Ok(None)
        }
        Ok(Err(crate::domain::agenda::AgendaRefusal::Duplicate)) => Ok(Some(DecisionsMsg::DcItemDuplicate.into())),
        Ok(Err(_)) => Ok(Some(DecisionsMsg::DcItemClosed.into())),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
