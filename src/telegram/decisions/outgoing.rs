//! The votes' scheduled messages, rendered for one person when sent: the question (with
//! buttons only for those who may vote then), the reminder, the hand-over, the result.

use super::ballot::{question_for, result_for};
use crate::domain::Person;
use crate::domain::jobs::{DecisionMsg, Outgoing};
use crate::i18n::DecisionsMsg;
use crate::services::{people, votes};
use crate::telegram::shared::App;
use crate::telegram::shared::format::local_time;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Decision(msg) = message else { return Ok(Err("not a decision message".into())) };
    let lang = person.language;
    let t = |m: DecisionsMsg| app.i18n.render(lang, &m);
    let now = app.ctx.clock.now();
    Ok(Ok(match msg {
        DecisionMsg::VoteQuestion { vote_id } => {
            let v = votes::get(&app.ctx, *vote_id).await?;
            if !v.is_open(now) {
                return Ok(Err("vote closed".into()));
            }
            let access = people::access(&app.ctx, person.clone()).await?;
            let (text, keyboard) = question_for(app, &access, &v).await?;
            with(Rendered::text(text), keyboard)
        }
        DecisionMsg::VoteReminder { vote_id, organisation_id }
        | DecisionMsg::VoteHandover { vote_id, organisation_id } => {
            let v = votes::get(&app.ctx, *vote_id).await?;
            if !v.is_open(now) {
                return Ok(Err("vote closed".into()));
            }
            if votes::ballot_of(&app.ctx, v.id, *organisation_id).await?.is_some()
                && matches!(msg, DecisionMsg::VoteReminder { .. })
            {
                return Ok(Err("the organisation has voted".into()));
            }
            let Some(org) = crate::storage::reference::organisation_by_id(&app.ctx.db, *organisation_id).await? else {
                return Ok(Err("organisation unknown".into()));
            };
            let (mechanism, question, closes) =
                (v.mechanism.name(lang).to_string(), v.question.clone(), local_time(app, v.closes_at));
            let intro = match msg {
                DecisionMsg::VoteReminder { .. } => {
                    t(DecisionsMsg::DcVoteReminder { org: org.acronym, mechanism, question, closes })
                }
                _ => t(DecisionsMsg::DcHandoverRequest { org: org.acronym, mechanism, question, closes }),
            };
            let access = people::access(&app.ctx, person.clone()).await?;
            let (text, keyboard) = question_for(app, &access, &v).await?;
            with(Rendered::text(format!("{intro}\n\n{text}")), keyboard)
        }
        DecisionMsg::VoteResult { vote_id } => {
            let v = votes::get(&app.ctx, *vote_id).await?;
            Rendered::text(result_for(app, person.id, lang, &v).await?)
        }
        DecisionMsg::AgendaProposed { .. } | DecisionMsg::AgendaDecided { .. } => {
            return Ok(Err("agenda messages are rendered by meetings".into()));
        }
    }))
}

fn with(r: Rendered, keyboard: Option<teloxide::types::InlineKeyboardMarkup>) -> Rendered {
    match keyboard {
        Some(k) => r.with_keyboard(k),
        None => r,
    }
}
