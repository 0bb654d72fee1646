//! The reuse messages, rendered for one person when sent: a party's question with Approve /
//! Refuse, and the outcome to the requester.

use super::callback::Cb;
use super::item_text;
use crate::domain::Person;
use crate::domain::jobs::Outgoing;
use crate::domain::sensitivity::{ReuseMsg, ReuseState};
use crate::i18n::{Msg, SensitivityMsg};
use crate::services::reuse;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Reuse(msg) = message else { return Ok(Err("not a reuse message".into())) };
    let lang = person.language;
    let t = |m: SensitivityMsg| app.i18n.render(lang, Msg::from(m));
    Ok(Ok(match msg {
        ReuseMsg::Ask { request_id, party } => {
            let v = reuse::view(&app.ctx, *request_id).await?;
            if v.request.state != ReuseState::Pending {
                return Ok(Err("request decided meanwhile".into()));
            }
            let ask = t(SensitivityMsg::RuAsk {
                requester: v.requester.clone(),
                item: item_text(app, lang, &v.item),
                org: v.source.clone(),
                party: party.to_string(),
            });
            let lines = t(SensitivityMsg::RuPurposeAudience {
                purpose: v.request.purpose.clone(),
                audience: v.request.audience.clone(),
            });
            let text = format!("{ask}\n{lines}");
            let (request, party) = (*request_id, *party);
            Rendered::text(text).with_keyboard(kb(vec![vec![
                button(t(SensitivityMsg::BtnRuApprove), Cb::Approve { request, party }),
                button(t(SensitivityMsg::BtnRuRefuse), Cb::Refuse { request, party }),
            ]]))
        }
        ReuseMsg::Decided { request_id } => {
            let v = reuse::view(&app.ctx, *request_id).await?;
            let item = item_text(app, lang, &v.item);
            match v.request.state {
                ReuseState::Approved => Rendered::text(t(SensitivityMsg::RuApproved {
                    item,
                    purpose: v.request.purpose.clone(),
                    audience: v.request.audience.clone(),
                })),
                ReuseState::Refused => {
                    let refusal = v.answers.iter().find(|a| !a.approved);
                    Rendered::text(t(SensitivityMsg::RuRefused {
                        item,
                        party: refusal.map(|a| a.party.to_string()).unwrap_or_default(),
                        reason: refusal.and_then(|a| a.reason.clone()).unwrap_or_else(|| "—".into()),
                    }))
                }
                ReuseState::Pending => return Ok(Err("request not decided".into())),
            }
        }
    }))
}
