//! The tour de table's scheduled messages, rendered for one person when sent: the request
//! (with its two buttons and the organisation's current answer) and the collection for the
//! chair (protected like minutes; the delivery path splits it when long).

use super::callback::Cb;
use crate::domain::jobs::Outgoing;
use crate::domain::tour::{MAX_UPDATE_CHARS, TourMsg, collect_at};
use crate::domain::{Language, Organisation, Person};
use crate::i18n::TourText;
use crate::services::tour as svc;
use crate::telegram::shared::format::{local_time, meeting_when};
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

/// An organisation as the chair reads it (observers marked).
fn org_label(app: &App, lang: Language, o: &Organisation) -> String {
    if o.observer {
        app.i18n.render(lang, &TourText::TourOrgObserver { org: o.acronym.clone() })
    } else {
        o.acronym.clone()
    }
}

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Tour(msg) = message else { return Ok(Err("not a tour de table message".into())) };
    let lang = person.language;
    let t = |m: TourText| app.i18n.render(lang, &m);
    Ok(Ok(match msg {
        TourMsg::Request { meeting_id, organisation_id } => {
            let (m, org, current) = match svc::request(&app.ctx, *meeting_id, *organisation_id).await? {
                Ok(x) => x,
                Err(why) => return Ok(Err(why)),
            };
            let mut text = t(TourText::TourRequest {
                org: org.acronym.clone(),
                mechanism: m.mechanism.name(lang).to_string(),
                when: meeting_when(app, lang, &m),
                until: local_time(app, collect_at(m.starts_at)),
                max: MAX_UPDATE_CHARS,
            });
            if let Some(u) = current {
                let line = match u.body {
                    Some(body) => TourText::TourRequestCurrent { org: org.acronym.clone(), text: body },
                    None => TourText::TourRequestCurrentNothing { org: org.acronym.clone() },
                };
                text = format!("{text}\n\n{}", t(line));
            }
            let keyboard = kb(vec![
                vec![button(t(TourText::BtnTourWrite), Cb::Write { meeting: m.id, org: org.id })],
                vec![button(t(TourText::BtnTourNothing), Cb::Nothing { meeting: m.id, org: org.id })],
            ]);
            Rendered::text(text).with_keyboard(keyboard)
        }
        TourMsg::Collected { meeting_id } => {
            let (m, c) = svc::collection(&app.ctx, *meeting_id).await?;
            if m.cancelled {
                return Ok(Err("meeting cancelled".into()));
            }
            let mut lines = vec![t(TourText::TourCollected {
                mechanism: m.mechanism.name(lang).to_string(),
                when: meeting_when(app, lang, &m),
                answered: c.answered.len(),
                total: c.answered.len() + c.silent.len(),
            })];
            for (org, body) in &c.answered {
                let org = org_label(app, lang, org);
                lines.push(match body {
                    Some(text) => t(TourText::TourCollectedUpdate { org, text: text.clone() }),
                    None => t(TourText::TourCollectedNothing { org }),
                });
            }
            if c.silent.is_empty() {
                lines.push(t(TourText::TourCollectedAllAnswered));
            } else {
                let list: Vec<String> = c.silent.iter().map(|o| org_label(app, lang, o)).collect();
                lines.push(t(TourText::TourCollectedSilent { count: list.len(), list: list.join(", ") }));
            }
            Rendered::text(lines.join("\n")).protected()
        }
    }))
}
