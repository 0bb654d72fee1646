//! The 4W cycle's messages to focal points and alternates, rendered when they are sent: the
//! reminders to organisations that have not submitted, the notice of a returned line with its
//! "correct" button, and the notice of an approval.

use super::callback::Cb;
use crate::domain::Person;
use crate::domain::fourw::ReportingMonth;
use crate::domain::jobs::{FourwMsg, Outgoing};
use crate::i18n::{FivewMsg, Msg, ReportMsg};
use crate::services::reports as svc;
use crate::storage::{reference, reports as store};
use crate::telegram::shared::format::{date_label, month_label, place};
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let lang = person.language;
    let t = |m: Msg| app.i18n.render(lang, &m);
    let db = &app.ctx.db;
    Ok(Ok(match message {
        Outgoing::Fourw(FourwMsg::Reminder { mechanism_id, organisation_id, year, month, stage }) => {
            let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
                return Ok(Err("invalid month".into()));
            };
            if store::submission(db, *organisation_id, *mechanism_id, rm).await?.is_some() {
                return Ok(Err("the organisation has submitted meanwhile".into()));
            }
            let (Some(org), Some(mech)) = (
                reference::organisation_by_id(db, *organisation_id).await?,
                reference::mechanism_by_id(db, *mechanism_id).await?,
            ) else {
                return Ok(Err("unknown organisation or mechanism".into()));
            };
            Rendered::text(t(ReportMsg::FwReminder {
                org: org.acronym,
                mechanism: mech.name(lang).to_string(),
                month: month_label(rm),
                deadline: date_label(rm.deadline(svc::deadline_day())),
                stage: match stage.as_str() {
                    "open" => "open",
                    "before" => "before",
                    _ => "deadline",
                },
            }
            .into()))
        }
        Outgoing::Fourw(FourwMsg::Returned { line_id }) => {
            let Some(line) = store::review_line(db, *line_id).await? else {
                return Ok(Err("the line was replaced meanwhile".into()));
            };
            if line.review_status != "returned" {
                return Ok(Err("the line was corrected meanwhile".into()));
            }
            let Ok(rm) = ReportingMonth::parse(&line.month) else {
                return Ok(Err("invalid month".into()));
            };
            let mechanism = reference::mechanism_by_id(db, line.mechanism_id)
                .await?
                .map(|m| m.name(lang).to_string())
                .unwrap_or_else(|| line.mechanism.clone());
            let text = format!(
                "{}\n{}",
                t(ReportMsg::FwReturnedNotice {
                    month: month_label(rm),
                    org: line.org.clone(),
                    mechanism,
                    line: line.position + 1
                }
                .into()),
                t(ReportMsg::FwReturnedWhat {
                    activity: line.activity(lang).to_string(),
                    cercle: place(t, &line.cercle_name, line.commune_name.as_deref()),
                    comment: line.return_comment.clone().unwrap_or_default(),
                }
                .into())
            );
            let k =
                kb(vec![vec![button(t(ReportMsg::BtnFwFix { line: line.position + 1 }.into()), Cb::FwFix(line.id))]]);
            Rendered::text(text).with_keyboard(k)
        }
        Outgoing::Fourw(FourwMsg::Approved { submission_id }) => {
            let Some((org, mech, month, approved)) =
                crate::storage::approval::submission_key(db, *submission_id).await?
            else {
                return Ok(Err("the submission is gone".into()));
            };
            if approved.is_none() {
                return Ok(Err("the approval was cleared meanwhile".into()));
            }
            let (Some(org), Some(mech), Ok(rm)) = (
                reference::organisation_by_id(db, org).await?,
                reference::mechanism_by_id(db, mech).await?,
                ReportingMonth::parse(&month),
            ) else {
                return Ok(Err("unknown organisation, mechanism or month".into()));
            };
            Rendered::text(t(FivewMsg::FwApprovedNotice {
                org: org.acronym,
                mechanism: mech.name(lang).to_string(),
                month: month_label(rm),
            }
            .into()))
        }
        other => return Ok(Err(format!("not a 4W reporting message: {}", other.kind()))),
    }))
}
