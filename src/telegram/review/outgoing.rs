//! The post-deadline 4W matrix to chairs and coordinators: the organisations that did not
//! report, and the month's spreadsheet (protected), followed by the chart of the mechanism's
//! reach by region and sector (protected, its figures in the caption); the notice of corrected
//! lines.

use crate::domain::Person;
use crate::domain::fourw::ReportingMonth;
use crate::domain::jobs::{FourwMsg, Outgoing};
use crate::i18n::{FivewMsg, Msg, ReportMsg};
use crate::services::{export, reports as svc, wherewho};
use crate::storage::reference;
use crate::telegram::shared::App;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::outgoing::{Attachment, RenderResult, Rendered};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    if let Outgoing::Fourw(FourwMsg::Corrected { submission_id, lines }) = message {
        return corrected(app, person, *submission_id, *lines).await;
    }
    let Outgoing::Fourw(FourwMsg::Matrix { mechanism_id, year, month }) = message else {
        return Ok(Err(format!("not a 4W review message: {}", message.kind())));
    };
    let (ctx, lang) = (&app.ctx, person.language);
    let t = |m: Msg| app.i18n.render(lang, &m);
    let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
        return Ok(Err("invalid month".into()));
    };
    let Some(mech) = reference::mechanism_by_id(&ctx.db, *mechanism_id).await? else {
        return Ok(Err("unknown mechanism".into()));
    };
    let missing: Vec<String> = svc::missing(ctx, mech.id, rm).await?.into_iter().map(|(o, _)| o.acronym).collect();
    let list = if missing.is_empty() { t(ReportMsg::FwMissingNone.into()) } else { missing.join(", ") };
    let caption = t(ReportMsg::FwMatrixCaption {
        month: month_label(rm),
        mechanism: mech.name(lang).to_string(),
        count: missing.len(),
        missing: list,
    }
    .into());
    let table = export::month_table(&ctx.db, rm, Some(mech.id), lang, &app.i18n, ctx.tz).await?;
    let ww = wherewho::of_month(&ctx.db, rm, Some(mech.id)).await?;
    let bytes = export::to_xlsx(&table, &[wherewho::sheet(&ww, lang, &app.i18n)])?;
    let name = export::file_name(rm, Some(&mech.code), export::Format::Xlsx);
    let reach = crate::services::figures::reach(ctx, rm, Some(mech.id)).await?;
    let chart = crate::charts::fourw::reach_by_region_sector(&reach, lang, &app.i18n)?;
    let chart = Rendered::text(chart.caption).with(Attachment::Photo(chart.png)).protected();
    Ok(Ok(Rendered::text(caption).with(Attachment::Bytes { name, bytes }).protected().then(chart)))
}

/// To the chair: corrected lines came back.
async fn corrected(app: &App, person: &Person, submission_id: i64, lines: usize) -> RenderResult {
    let (db, lang) = (&app.ctx.db, person.language);
    let Some((org, mech, month, _)) = crate::storage::approval::submission_key(db, submission_id).await? else {
        return Ok(Err("the submission is gone".into()));
    };
    let (Some(org), Some(mech), Ok(rm)) = (
        reference::organisation_by_id(db, org).await?,
        reference::mechanism_by_id(db, mech).await?,
        ReportingMonth::parse(&month),
    ) else {
        return Ok(Err("unknown organisation, mechanism or month".into()));
    };
    Ok(Ok(Rendered::text(app.i18n.render(
        lang,
        &FivewMsg::FwCorrectedNotice {
            org: org.acronym,
            mechanism: mech.name(lang).to_string(),
            month: month_label(rm),
            lines,
        },
    ))))
}
