//! The scheduled messages of votes and agenda items, rendered for one person when sent:
//! the question (with buttons only for those who may vote then), the reminder, the hand-over,
//! the result; a proposed item to the chair (accept / decline), the decision to the member.

use super::ballot::{question_for, result_for};
use super::callback::Cb;
use crate::domain::Person;
use crate::domain::agenda::ItemStatus;
use crate::domain::jobs::{DecisionMsg, Outgoing};
use crate::i18n::Msg;
use crate::services::{agenda, meetings, people, votes};
use crate::telegram::shared::format::{local_time, short_date};
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Decision(msg) = message else { return Ok(Err("not a decision message".into())) };
    let lang = person.language;
    let t = |m: Msg| app.i18n.render(lang, &m);
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
                    t(Msg::DcVoteReminder { org: org.acronym, mechanism, question, closes })
                }
                _ => t(Msg::DcHandoverRequest { org: org.acronym, mechanism, question, closes }),
            };
            let access = people::access(&app.ctx, person.clone()).await?;
            let (text, keyboard) = question_for(app, &access, &v).await?;
            with(Rendered::text(format!("{intro}\n\n{text}")), keyboard)
        }
        DecisionMsg::VoteResult { vote_id } => {
            let v = votes::get(&app.ctx, *vote_id).await?;
            Rendered::text(result_for(app, person.id, lang, &v).await?)
        }
        DecisionMsg::AgendaProposed { item_id } => {
            let item = agenda::item(&app.ctx, *item_id).await?;
            if item.status != ItemStatus::Proposed {
                return Ok(Err("item already decided".into()));
            }
            let m = meetings::get(&app.ctx, item.meeting_id).await?;
            let text = t(Msg::DcAgendaProposed {
                org: item.organisation.clone().unwrap_or_default(),
                mechanism: m.mechanism.name(lang).to_string(),
                date: short_date(app, &m),
                text: item.text.clone(),
            });
            let rows = vec![vec![
                button(t(Msg::BtnDcAccept), Cb::Decide { item: item.id, accept: true }),
                button(t(Msg::BtnDcDecline), Cb::Decide { item: item.id, accept: false }),
            ]];
            Rendered::text(text).with_keyboard(kb(rows))
        }
        DecisionMsg::AgendaDecided { item_id } => {
            let item = agenda::item(&app.ctx, *item_id).await?;
            let m = meetings::get(&app.ctx, item.meeting_id).await?;
            Rendered::text(t(Msg::DcAgendaDecided {
                accepted: item.status == ItemStatus::Accepted,
                mechanism: m.mechanism.name(lang).to_string(),
                date: short_date(app, &m),
                text: item.text,
            }))
        }
    }))
}

fn with(r: Rendered, keyboard: Option<teloxide::types::InlineKeyboardMarkup>) -> Rendered {
    match keyboard {
        Some(k) => r.with_keyboard(k),
        None => r,
    }
}
