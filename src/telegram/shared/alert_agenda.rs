//! The open displacement alerts as extra lines of a CMP meeting's agenda, under a translated
//! header, in the recipient's language (the invitation adds them to the agenda it shows).

use super::App;
use super::format::date_label;
use crate::domain::alert::AlertState;
use crate::domain::{AppResult, Language, Meeting};
use crate::i18n::{AlertsMsg, number};
use crate::services::{agenda, alerts};

/// Adds the open alerts after the meeting's agenda, when the meeting is the CMP's and some are
/// open.
pub async fn add_open_alerts(app: &App, lang: Language, m: &mut Meeting) -> AppResult<()> {
    let open = agenda::open_alerts(&app.ctx, m).await?;
    if open.is_empty() {
        return Ok(());
    }
    let mut lines: Vec<String> = m.agenda.take().into_iter().collect();
    lines.push(app.i18n.render(lang, AlertsMsg::AlAgendaHeader));
    for a in open {
        let cercle = alerts::cercle_place(&app.ctx, &a.pcode).await?.map(|(c, ..)| c).unwrap_or_default();
        lines.push(app.i18n.render(
            lang,
            AlertsMsg::AlAgendaLine {
                id: a.id,
                cercle,
                pcode: a.pcode.clone(),
                date: date_label(a.movement_date),
                households: number(lang, i64::from(a.households)),
                validated: a.state == AlertState::Validated,
            },
        ));
    }
    m.agenda = Some(lines.join("\n"));
    Ok(())
}
