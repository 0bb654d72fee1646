//! /export [YYYY-MM]: the month's 4W matrix as a spreadsheet, for chairs and coordinators.

use crate::domain::fourw::ReportingMonth;
use crate::i18n::{MainMsg, ReportMsg};
use crate::services::{export, reports as svc, wherewho};
use crate::telegram::shared::charts::chart_button;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::{HandlerResult, Turn, kb};

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
    let ctx = &turn.app.ctx;
    let scopes: Vec<Option<crate::domain::Mechanism>> = if turn.access.coordinator {
        vec![None]
    } else {
        crate::storage::memberships::chaired_mechanisms(&ctx.db, turn.access.person.id)
            .await?
            .into_iter()
            .map(Some)
            .collect()
    };
    for scope in scopes {
        let table =
            export::month_table(&ctx.db, month, scope.as_ref().map(|m| m.id), turn.lang(), &turn.app.i18n, ctx.tz)
                .await?;
        let ww = wherewho::of_month(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
        let bytes = export::to_xlsx(&table, &[wherewho::sheet(&ww, turn.lang(), &turn.app.i18n)])?;
        let name = export::file_name(month, scope.as_ref().map(|m| m.code.as_str()), export::Format::Xlsx);
        let scope_label = match &scope {
            Some(m) => m.code.clone(),
            None => turn.t(ReportMsg::FwExportAll),
        };
        let chart = crate::domain::figures::ChartRequest::Reach {
            year: month.year,
            month: month.month,
            mechanism_id: scope.as_ref().map(|m| m.id),
        };
        let code = scope.as_ref().map(|m| m.code.clone()).unwrap_or_default();
        let chart_row = kb(vec![vec![chart_button(&turn.app.i18n, turn.lang(), chart, &code)]]);
        let caption = turn.t(ReportMsg::FwExportCaption { month: month_label(month), scope: scope_label });
        turn.send_file(bytes, name.clone(), caption, Some(chart_row), true).await?;
        let what = format!("4W {month} XLSX ({name})");
        let actor = crate::services::meetings::Actor::Person(&turn.access);
        crate::services::audit::record_export(&turn.app.ctx, actor, &what, scope.as_ref()).await?;
    }
    Ok(())
}
