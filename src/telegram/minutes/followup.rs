//! The minutes dialog's steps for the cluster's memory: the decisions taken at the meeting
//! (for the register) and the follow-up of earlier meetings, each point marked done, carried
//! again or dropped. What is marked lives in the dialog's step until the minutes are shared.

use super::callback::Cb;
use super::{FollowUpMark, Step};
use crate::domain::memory::{DecisionLineError, Outcome};
use crate::domain::{AppError, Meeting};
use crate::i18n::{MainMsg, MemoryMsg, Msg};
use crate::services::minutes::MinutesContent;
use crate::services::{followup, register};
use crate::telegram::shared::followup::item_line;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use teloxide::types::{InlineKeyboardButton, MessageId};

/// At most this many points are offered for marking (three buttons each, under Telegram's
/// limit on a keyboard); the others stay open and come back next time.
const MARKABLE: usize = 30;

pub(super) fn line_error(e: &DecisionLineError) -> Msg {
    match e.clone() {
        DecisionLineError::Shape { line } => MemoryMsg::DlShape { line },
        DecisionLineError::What { line } => MemoryMsg::DlWhat { line },
        DecisionLineError::Date { line, date } => MemoryMsg::DlDate { line, date },
        DecisionLineError::Past { line, date } => MemoryMsg::DlPast { line, date },
        DecisionLineError::Organisation { line, acronym } => MemoryMsg::DlOrganisation { line, acronym },
        DecisionLineError::PersonalData { line, kind } => MemoryMsg::DlPersonalData { line, kind },
        DecisionLineError::TooMany => MemoryMsg::DlTooMany,
    }
    .into()
}

pub(super) async fn ask_decisions(turn: &Turn<'_>, prefix: Option<String>, edit: Option<MessageId>) -> HandlerResult {
    let q = turn.t(MemoryMsg::MnAskDecisions);
    let text = match prefix {
        Some(p) => format!("{p}\n{q}"),
        None => q,
    };
    let k = kb(vec![
        vec![button(turn.t(crate::i18n::MeetingsMsg::BtnSkip), Cb::MnDecisionsSkip)],
        vec![button(turn.t(MainMsg::BtnCancel), Cancel)],
    ]);
    edit_or_send(turn, edit, text, Some(k)).await
}

/// The decisions typed: checked line by line, asked again with the mistake explained.
pub(super) async fn on_decisions_text(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    content: &MinutesContent,
    actions: &Option<String>,
    text: &str,
) -> HandlerResult {
    match register::resolve_decisions(&turn.app.ctx, text).await? {
        Ok(list) if list.is_empty() => ask_decisions(turn, None, None).await,
        Ok(_) => {
            let (content, actions) = (content.clone(), actions.clone());
            after_decisions(turn, dialogue, meeting_id, content, actions, Some(text.to_string()), None).await
        }
        Err(e) => ask_decisions(turn, Some(turn.t(line_error(&e))), None).await,
    }
}

/// After the decisions: the follow-up when the meeting has one, else the summary.
pub(super) async fn after_decisions(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    meeting_id: i64,
    content: MinutesContent,
    actions: Option<String>,
    decisions: Option<String>,
    edit: Option<MessageId>,
) -> HandlerResult {
    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
    let items = followup::for_meeting(&turn.app.ctx, &m).await?;
    let marks: Vec<FollowUpMark> =
        items.iter().take(MARKABLE).map(|i| FollowUpMark { item: i.item, outcome: None }).collect();
    if marks.is_empty() {
        let next = confirm_step(meeting_id, content, actions, decisions, marks);
        dialogue.set(next.clone()).await?;
        return summary(turn, &next, edit).await;
    }
    dialogue.set(Step::MinutesFollowUp { meeting_id, content, actions, decisions, marks: marks.clone() }).await?;
    show_follow_up(turn, &m, &marks, edit).await
}

/// Lines for the marks, with what each point is (points no longer on the follow-up left out).
async fn mark_lines(turn: &Turn<'_>, m: &Meeting, marks: &[FollowUpMark]) -> Result<Vec<String>, AppError> {
    let items = followup::for_meeting(&turn.app.ctx, m).await?;
    Ok(marks
        .iter()
        .enumerate()
        .filter_map(|(i, mark)| {
            let item = items.iter().find(|it| it.item == mark.item)?;
            let line = item_line(turn.app, turn.lang(), item);
            let outcome = mark.outcome.map(Outcome::as_str).unwrap_or("none").to_string();
            Some(turn.t(MemoryMsg::FuMarkLine { n: i + 1, outcome, line: line.trim_start_matches("• ").to_string() }))
        })
        .collect())
}

async fn show_follow_up(
    turn: &Turn<'_>,
    m: &Meeting,
    marks: &[FollowUpMark],
    edit: Option<MessageId>,
) -> HandlerResult {
    let mut lines = vec![turn.t(MemoryMsg::FuAsk)];
    lines.extend(mark_lines(turn, m, marks).await?);
    let mut rows: Vec<Vec<InlineKeyboardButton>> = (0..marks.len())
        .map(|i| {
            Outcome::ALL
                .into_iter()
                .map(|o| {
                    let label = turn.t(MemoryMsg::BtnFuMark { n: i + 1, outcome: o.as_str().into() });
                    button(label, Cb::FollowUpMark(u8::try_from(i + 1).unwrap_or(u8::MAX), o))
                })
                .collect()
        })
        .collect();
    rows.push(vec![
        button(turn.t(MemoryMsg::BtnFuContinue), Cb::FollowUpContinue),
        button(turn.t(MainMsg::BtnCancel), Cancel),
    ]);
    edit_or_send(turn, edit, lines.join("\n"), Some(kb(rows))).await
}

/// A follow-up button: the point at place `n` (from 1) gets `outcome`.
pub(super) async fn mark(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    step: Step,
    n: u8,
    outcome: Outcome,
    at: MessageId,
) -> ButtonResult {
    let Step::MinutesFollowUp { meeting_id, content, actions, decisions, mut marks } = step else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let Some(mark) = usize::from(n).checked_sub(1).and_then(|i| marks.get_mut(i)) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    mark.outcome = Some(outcome);
    dialogue.set(Step::MinutesFollowUp { meeting_id, content, actions, decisions, marks: marks.clone() }).await?;
    let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
    show_follow_up(turn, &m, &marks, Some(at)).await?;
    Ok(None)
}

/// Continue: every point must be marked; then the summary.
pub(super) async fn proceed(turn: &Turn<'_>, dialogue: &BotDialogue, step: Step, at: MessageId) -> ButtonResult {
    let Step::MinutesFollowUp { meeting_id, content, actions, decisions, marks } = step else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let count = marks.iter().filter(|m| m.outcome.is_none()).count();
    if count > 0 {
        return Ok(Some(MemoryMsg::FuUnmarked { count }.into()));
    }
    let next = confirm_step(meeting_id, content, actions, decisions, marks);
    dialogue.set(next.clone()).await?;
    summary(turn, &next, Some(at)).await?;
    Ok(None)
}

/// The summary step, internal and with the default source until the chair picks otherwise.
fn confirm_step(
    meeting_id: i64,
    content: MinutesContent,
    actions: Option<String>,
    decisions: Option<String>,
    marks: Vec<FollowUpMark>,
) -> Step {
    Step::MinutesConfirm {
        meeting_id,
        content,
        actions,
        decisions,
        marks,
        sensitivity: None,
        orgs: vec![],
        org_page: 0,
        source: None,
        source_page: None,
    }
}

/// The summary before sharing, with the decisions recorded and the follow-up marked.
pub(super) async fn summary(turn: &Turn<'_>, step: &Step, edit: Option<MessageId>) -> HandlerResult {
    let (Step::MinutesConfirm { content, actions, decisions, marks, .. }, Some((meeting_id, picks))) =
        (step, super::source::Picks::of(step))
    else {
        return Ok(());
    };
    let mut extra = Vec::new();
    if let Some(text) = decisions
        && let Ok(list) = register::resolve_decisions(&turn.app.ctx, text).await?
    {
        extra.push(turn.t(MemoryMsg::MnSummaryDecisions));
        for d in list {
            let org = d.organisation.map(|o| format!(" — {}", o.acronym)).unwrap_or_default();
            let review = d.review.map(|r| format!(" — {}", r.format("%d/%m/%Y"))).unwrap_or_default();
            extra.push(format!("• {}{org}{review}", d.what));
        }
    }
    if !marks.is_empty() {
        let m = crate::services::meetings::get(&turn.app.ctx, meeting_id).await?;
        if !extra.is_empty() {
            extra.push(String::new());
        }
        extra.push(turn.t(MemoryMsg::MnSummaryFollowUp));
        extra.extend(mark_lines(turn, &m, marks).await?);
    }
    let extra = (!extra.is_empty()).then(|| extra.join("\n"));
    super::dialog::summary(turn, meeting_id, content, actions.as_deref(), extra, &picks, edit).await
}
