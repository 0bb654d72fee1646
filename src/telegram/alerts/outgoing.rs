//! The alerts' scheduled messages, rendered for one person when sent: the validation request
//! (Validate / Refuse), the alert with who is present, the commitment request or its reminder
//! (Assess / Respond / Cannot) and the closing summary. A message whose moment has passed (the
//! alert decided, closed, or the organisation answered) is skipped.

use super::callback::Cb;
use super::decide::commit_keyboard;
use super::text;
use crate::domain::Person;
use crate::domain::alert::{AlertMsg, AlertState};
use crate::domain::jobs::Outgoing;
use crate::i18n::AlertsMsg;
use crate::services::alerts as svc;
use crate::storage::{people, reference};
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Alert(msg) = message else { return Ok(Err("not an alert message".into())) };
    let lang = person.language;
    let t = |m: AlertsMsg| app.i18n.render(lang, m);
    let db = &app.ctx.db;
    let alert_id = match msg {
        AlertMsg::ValidationRequest { alert_id }
        | AlertMsg::Alert { alert_id, .. }
        | AlertMsg::CommitmentRequest { alert_id, .. }
        | AlertMsg::Summary { alert_id }
        | AlertMsg::Decided { alert_id } => *alert_id,
    };
    let v = match svc::view(&app.ctx, alert_id).await {
        Ok(v) => v,
        Err(crate::domain::AppError::NotFound) => return Ok(Err("alert unknown".into())),
        Err(e) => return Err(e),
    };
    let details = text::view_details(app, lang, &v);
    let present = text::present(app, lang, &v.present);
    Ok(Ok(match msg {
        AlertMsg::ValidationRequest { .. } => {
            if v.alert.state != AlertState::Raised {
                return Ok(Err("alert already decided".into()));
            }
            let by = people::by_id(db, v.alert.raised_by).await?.map(|p| p.display_name).unwrap_or_default();
            let head = t(AlertsMsg::AlValidationRequest { id: alert_id, by });
            let keyboard = kb(vec![vec![
                button(t(AlertsMsg::BtnAlValidate), Cb::Validate(alert_id)),
                button(t(AlertsMsg::BtnAlRefuse), Cb::Refuse(alert_id)),
            ]]);
            Rendered::text(format!("{head}\n{details}\n\n{present}")).with_keyboard(keyboard)
        }
        AlertMsg::Alert { mechanism_id, .. } => {
            if v.alert.state == AlertState::Refused {
                return Ok(Err("alert refused".into()));
            }
            let mechanism = reference::mechanism_by_id(db, *mechanism_id).await?.map(|m| m.code).unwrap_or_default();
            let head = t(AlertsMsg::AlAlertHeader { id: alert_id, mechanism });
            Rendered::text(format!("{head}\n{details}\n\n{present}"))
        }
        AlertMsg::CommitmentRequest { organisation_id, reminder, .. } => {
            if v.alert.state != AlertState::Validated {
                return Ok(Err("alert no longer validated".into()));
            }
            let Some(asked) = v.asked.iter().find(|a| a.organisation_id == *organisation_id) else {
                return Ok(Err("organisation not asked".into()));
            };
            if *reminder && asked.commitment.is_some() {
                return Ok(Err("the organisation has answered".into()));
            }
            let org = asked.acronym.clone();
            let head = if *reminder {
                t(AlertsMsg::AlCommitReminder { id: alert_id, org })
            } else {
                t(AlertsMsg::AlCommitRequest { id: alert_id, org })
            };
            Rendered::text(format!("{head}\n{details}")).with_keyboard(commit_keyboard(
                app,
                lang,
                alert_id,
                *organisation_id,
            ))
        }
        AlertMsg::Decided { .. } => {
            let validated = match v.alert.state {
                AlertState::Raised => return Ok(Err("alert not decided".into())),
                AlertState::Refused => false,
                AlertState::Validated | AlertState::Closed => true,
            };
            Rendered::text(format!("{}\n{details}", t(AlertsMsg::AlDecidedForRaiser { id: alert_id, validated })))
        }
        AlertMsg::Summary { .. } => {
            let mut lines = vec![t(AlertsMsg::AlSummaryHeader { id: alert_id }), details];
            for a in &v.asked {
                lines.push(match a.commitment {
                    Some(c) => t(AlertsMsg::AlSummaryLine {
                        org: a.acronym.clone(),
                        commitment: text::commitment(app, lang, c),
                    }),
                    None => t(AlertsMsg::AlSummarySilent { org: a.acronym.clone() }),
                });
            }
            Rendered::text(lines.join("\n"))
        }
    }))
}
