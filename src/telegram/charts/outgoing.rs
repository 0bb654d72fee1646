//! A chart as a photo (protected like the data it shows, caption in the recipient's language),
//! and the monthly digest as a PDF the coordinator may forward. Who may see what is checked
//! again when it is sent.

use crate::charts;
use crate::domain::fourw::ReportingMonth;
use crate::domain::jobs::Outgoing;
use crate::domain::{AppError, Language, Person};
use crate::i18n::ChartsMsg;
use crate::services::{figures, people};
use crate::telegram::shared::App;
use crate::telegram::shared::outgoing::{Attachment, RenderResult, Rendered};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let (ctx, lang) = (&app.ctx, person.language);
    match message {
        Outgoing::Chart { chart } => {
            let access = people::access(ctx, person.clone()).await?;
            match charts::draw(ctx, &access, chart, lang, &app.i18n).await {
                Ok(c) => Ok(Ok(Rendered::text(c.caption).with(Attachment::Photo(c.png)).protected())),
                Err(AppError::NotAllowed) => Ok(Err("no longer allowed to see this chart".into())),
                Err(AppError::NotFound) => Ok(Err("nothing to chart".into())),
                Err(e) => Err(e),
            }
        }
        Outgoing::Digest { year, month } => {
            if !crate::storage::people::is_coordinator(&ctx.db, person.id).await? {
                return Ok(Err("no longer a coordinator".into()));
            }
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            let digest = figures::digest(ctx, rm).await?;
            // Bilingual: the recipient's language first, then the other.
            let langs: Vec<Language> =
                std::iter::once(lang).chain(Language::ALL.into_iter().filter(|l| *l != lang)).collect();
            let bytes = charts::digest::pdf(&digest, &langs, ctx.tz, &app.i18n)?;
            let name = format!("cluster-protection-mali-{rm}.pdf");
            let month = app.i18n.render(lang, ChartsMsg::ChartMonth { month: rm.month, year: rm.year });
            let caption = app.i18n.render(lang, ChartsMsg::DigestDocumentCaption { month });
            // Not protected: the digest is meant to be forwarded to the inter-cluster meeting.
            Ok(Ok(Rendered::text(caption).with(Attachment::Bytes { name, bytes })))
        }
        other => Ok(Err(format!("not a chart message: {}", other.kind()))),
    }
}
