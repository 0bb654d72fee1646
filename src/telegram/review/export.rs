//! /export [YYYY-MM]: the month's 4W matrix as a spreadsheet, for chairs and coordinators,
//! with exact figures (protected); its 📤 button sends the version to share, where the small
//! numbers of sensitive lines are hidden (forwardable).

use crate::domain::Mechanism;
use crate::domain::fourw::ReportingMonth;
use crate::domain::sensitivity::Sensitivity;
use crate::i18n::{MainMsg, ReportMsg, SensitivityMsg};
use crate::services::export::{self, Audience, Labels};
use crate::services::{reports as svc, wherewho};
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};

use super::callback::Cb;

pub(super) async fn export(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let month = match args.first() {
        Some(raw) => match ReportingMonth::parse(raw) {
            Ok(m) => m,
            Err(_) => {
                turn.say(ReportMsg::FwExportBadMonth).await?;
                return Ok(());
            }
        },
        None => svc::open_month(&turn.app.ctx),
    };
    for scope in svc::review_scopes(&turn.app.ctx, &turn.access).await? {
        send(turn, month, scope, Audience::Internal).await?;
    }
    Ok(())
}

/// 📤 under an export: the same month and scope, to share. The scope is checked again: the
/// button may be old, or forged.
pub(super) async fn shared_pressed(turn: &mut Turn<'_>, month: u32, mechanism: i64) -> ButtonResult {
    let Ok(month) = ReportingMonth::parse(&format!("{:04}-{:02}", month / 100, month % 100)) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let scopes = svc::review_scopes(&turn.app.ctx, &turn.access).await?;
    let Some(scope) = scopes.into_iter().find(|s| s.as_ref().map_or(0, |m| m.id) == mechanism) else {
        return Ok(Some(MainMsg::NotAllowed.into()));
    };
    let threshold = turn.app.ctx.small_numbers;
    send(turn, month, scope, Audience::Shared { threshold }).await?;
    Ok(None)
}

async fn send(
    turn: &mut Turn<'_>,
    month: ReportingMonth,
    scope: Option<Mechanism>,
    audience: Audience,
) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let mechanism_id = scope.as_ref().map(|m| m.id);
    let rows = crate::storage::matrix::matrix(&ctx.db, month, mechanism_id).await?;
    let table = export::table_for(&rows, Labels::for_audience(turn.lang(), &turn.app.i18n, ctx.tz, audience));
    let ww = wherewho::of_month(&ctx.db, month, mechanism_id).await?;
    let bytes = export::to_xlsx(&table, &[wherewho::sheet(&ww, turn.lang(), &turn.app.i18n)])?;
    let code = scope.as_ref().map(|m| m.code.clone());
    let scope_label = match &code {
        Some(c) => c.clone(),
        None => turn.t(ReportMsg::FwExportAll),
    };
    let (name, caption, buttons, protect) = match audience {
        Audience::Internal => {
            let chart =
                crate::domain::figures::ChartRequest::Reach { year: month.year, month: month.month, mechanism_id };
            let yyyymm = u32::try_from(month.year).unwrap_or(0) * 100 + month.month;
            let share = Cb::ExportShared { month: yyyymm, mechanism: mechanism_id.unwrap_or(0) };
            let rows = vec![
                vec![chart_button(&turn.app.i18n, turn.lang(), chart, code.as_deref().unwrap_or_default())],
                vec![button(turn.t(ReportMsg::BtnFwExportShared), share)],
            ];
            let caption = turn.t(ReportMsg::FwExportCaption { month: month_label(month), scope: scope_label });
            (export::file_name(month, code.as_deref(), export::Format::Xlsx), caption, Some(kb(rows)), true)
        }
        Audience::Shared { threshold } => {
            let caption =
                turn.t(ReportMsg::FwExportSharedCaption { month: month_label(month), scope: scope_label, threshold });
            let name = export::file_name(month, code.as_deref(), export::Format::Xlsx).replace(".xlsx", "-share.xlsx");
            (name, caption, None, false)
        }
    };
    // The export's class, shown on it: the exact figures are internal (protected), the version
    // with small numbers hidden is public (may be forwarded).
    let class = if protect { Sensitivity::Internal } else { Sensitivity::Public };
    let label = turn.t(SensitivityMsg::SnLabel { class: class.to_string(), orgs: String::new() });
    let caption = format!("{label}\n{caption}");
    turn.send_file(bytes, name.clone(), caption, buttons, protect).await?;
    let what = match audience {
        Audience::Internal => format!("4W {month} XLSX ({name})"),
        Audience::Shared { .. } => format!("4W {month} XLSX to share, small numbers hidden ({name})"),
    };
    let actor = crate::services::meetings::Actor::Person(&turn.access);
    crate::services::audit::record_export(&turn.app.ctx, actor, &what, scope.as_ref()).await?;
    Ok(())
}
