//! /vote: mechanism, question, choices, how long, secret or open, the meeting (optional),
//! then a summary stating the quorum, and the vote is opened.

use super::callback::Cb;
use super::{Step, VoteDraft, VoteStep};
use crate::domain::vote::{self, Choices, DraftError, MAX_OPTION_CHARS, MAX_OPTIONS, MAX_QUESTION_CHARS, MIN_OPTIONS};
use crate::i18n::{DecisionsMsg, MainMsg, Msg};
use crate::services::meetings::{self as meetings_svc, Actor};
use crate::services::votes::{self as svc, VoteDraft as Draft};
use crate::telegram::shared::format::{local_time, meeting_when};
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{BotDialogue, ButtonResult, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb};
use chrono::Duration;
use teloxide::types::MessageId;

/// The durations offered as buttons, in hours.
const HOURS: [u16; 4] = [24, 48, 72, 168];

/// The sentence for a refused draft.
pub(super) fn draft_refusal(e: &DraftError) -> Msg {
    let m = match e {
        DraftError::PersonalData(kind) => {
            return crate::i18n::MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into();
        }
        DraftError::QuestionEmpty => DecisionsMsg::DcQuestionEmpty,
        DraftError::QuestionTooLong => DecisionsMsg::DcQuestionTooLong { max: MAX_QUESTION_CHARS },
        DraftError::OptionCount => DecisionsMsg::DcOptionCount { min: MIN_OPTIONS, max: MAX_OPTIONS },
        DraftError::OptionText(n) => DecisionsMsg::DcOptionText { n: *n, max: MAX_OPTION_CHARS },
        DraftError::OptionTwice => DecisionsMsg::DcOptionTwice,
        DraftError::Duration => DecisionsMsg::DcDuration,
        DraftError::Quorum => DecisionsMsg::DcQuorum,
        DraftError::NoElectorate => DecisionsMsg::DcNoElectorate,
    };
    m.into()
}

pub(super) async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    let mechs = meetings_svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
    match mechs.as_slice() {
        [] => {
            turn.say(MainMsg::NotAllowed).await?;
        }
        [only] => {
            let draft = VoteDraft { mechanism_id: Some(only.id), step: VoteStep::Question, ..VoteDraft::default() };
            ask(turn, dialogue, draft, None).await?;
        }
        many => {
            let buttons = many.iter().map(|m| button(m.code.clone(), Cb::VoteMechanism(m.id))).collect();
            dialogue.set(Step::Vote(Box::default())).await?;
            turn.say_with(turn.t(DecisionsMsg::DcVoteChooseMechanism), kb(rows_of(buttons, 3))).await?;
        }
    }
    Ok(())
}

/// Asks what the draft's step needs (editing the pressed button's message when there is one).
async fn ask(turn: &Turn<'_>, dialogue: &BotDialogue, draft: VoteDraft, edit: Option<MessageId>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let Some(mech_id) = draft.mechanism_id else { return Ok(()) };
    let mech =
        crate::storage::reference::mechanism_by_id(&ctx.db, mech_id).await?.ok_or(crate::domain::AppError::NotFound)?;
    let lang = turn.lang();
    let (text, keyboard) = match draft.step {
        VoteStep::Mechanism => return Ok(()),
        VoteStep::Question => (
            turn.t(DecisionsMsg::DcVoteAskQuestion { mechanism: mech.name(lang).to_string(), max: MAX_QUESTION_CHARS }),
            None,
        ),
        VoteStep::Kind => (
            turn.t(DecisionsMsg::DcVoteChooseKind),
            Some(kb(vec![
                vec![button(turn.t(DecisionsMsg::BtnDcYesNo), Cb::VoteYesNo(true))],
                vec![button(turn.t(DecisionsMsg::BtnDcOwnOptions), Cb::VoteYesNo(false))],
            ])),
        ),
        VoteStep::Options => (turn.t(DecisionsMsg::DcVoteAskOptions { min: MIN_OPTIONS, max: MAX_OPTIONS }), None),
        VoteStep::Duration => {
            let buttons = HOURS
                .iter()
                .map(|h| {
                    let label = if h % 24 == 0 && *h > 48 {
                        turn.t(DecisionsMsg::BtnDcDays { days: usize::from(h / 24) })
                    } else {
                        turn.t(DecisionsMsg::BtnDcHours { hours: usize::from(*h) })
                    };
                    button(label, Cb::VoteHours(*h))
                })
                .collect();
            (turn.t(DecisionsMsg::DcVoteAskDuration), Some(kb(rows_of(buttons, 4))))
        }
        VoteStep::Secrecy => (
            turn.t(DecisionsMsg::DcVoteChooseSecrecy),
            Some(kb(vec![vec![
                button(turn.t(DecisionsMsg::BtnDcSecret), Cb::VoteSecret(true)),
                button(turn.t(DecisionsMsg::BtnDcOpen), Cb::VoteSecret(false)),
            ]])),
        ),
        VoteStep::Meeting => {
            let now = ctx.clock.now();
            let around = meetings_svc::list(ctx, Some(mech_id), now - Duration::days(7)).await?;
            let mut rows: Vec<_> = around
                .iter()
                .filter(|m| !m.cancelled && m.starts_at < now + Duration::days(31))
                .take(4)
                .map(|m| vec![button(meeting_when(turn.app, lang, m), Cb::VoteMeeting(m.id))])
                .collect();
            if rows.is_empty() {
                let draft = VoteDraft { meeting_id: Some(None), step: VoteStep::Confirm, ..draft };
                return Box::pin(ask(turn, dialogue, draft, edit)).await;
            }
            rows.push(vec![button(turn.t(DecisionsMsg::BtnDcNoMeeting), Cb::VoteMeeting(0))]);
            (turn.t(DecisionsMsg::DcVoteChooseMeeting), Some(kb(rows)))
        }
        VoteStep::Confirm => {
            let electorate = svc::member_organisations(ctx, mech_id).await?.len();
            let percent = ctx.vote_quorum_percent;
            let choices = draft.choices.clone().unwrap_or(Choices::YesNoAbstain);
            let meeting = match draft.meeting_id.flatten() {
                Some(id) => meeting_when(turn.app, lang, &meetings_svc::get(ctx, id).await?),
                None => turn.t(DecisionsMsg::BtnDcNoMeeting),
            };
            let text = [
                turn.t(DecisionsMsg::DcVoteSummary {
                    mechanism: mech.name(lang).to_string(),
                    question: draft.question.clone().unwrap_or_default(),
                    options: crate::telegram::shared::votes::labels(turn.app, lang, &choices).join(" / "),
                    closes: local_time(turn.app, ctx.clock.now() + Duration::hours(draft.hours.unwrap_or(48))),
                }),
                turn.t(DecisionsMsg::DcVoteQuorum {
                    secret: draft.secret.unwrap_or(true),
                    needed: vote::quorum_needed(electorate, percent),
                    electorate,
                    percent: usize::from(percent),
                }),
                turn.t(DecisionsMsg::DcVoteMeeting { meeting }),
            ]
            .join("\n");
            (text, Some(kb(vec![vec![button(turn.t(DecisionsMsg::BtnDcOpenVote), Cb::VoteConfirm)]])))
        }
    };
    dialogue.set(Step::Vote(Box::new(draft))).await?;
    edit_or_send(turn, edit.filter(|_| keyboard.is_some()), text, keyboard).await
}

/// A typed answer: the question, the options or the duration.
pub(super) async fn on_text(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    draft: VoteDraft,
    text: &str,
) -> HandlerResult {
    let next = match draft.step {
        VoteStep::Question => {
            vote::parse_question(text).map(|q| VoteDraft { question: Some(q), step: VoteStep::Kind, ..draft })
        }
        VoteStep::Options => {
            vote::parse_options(text).map(|c| VoteDraft { choices: Some(c), step: VoteStep::Duration, ..draft })
        }
        VoteStep::Duration => vote::parse_open_for(text).map(|d| VoteDraft {
            hours: Some(d.num_hours()),
            step: VoteStep::Secrecy,
            ..draft
        }),
        _ => {
            return turn.hint().await;
        }
    };
    match next {
        Ok(draft) => ask(turn, dialogue, draft, None).await,
        Err(e) => {
            turn.say(draft_refusal(&e)).await?;
            Ok(())
        }
    }
}

pub(super) async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    draft: VoteDraft,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let next = match (cb, draft.step) {
        (Cb::VoteMechanism(m), VoteStep::Mechanism) => {
            let allowed = meetings_svc::managed_mechanisms(&turn.app.ctx, &turn.access).await?;
            if !allowed.iter().any(|x| x.id == m) {
                return Ok(Some(MainMsg::NotAllowed.into()));
            }
            VoteDraft { mechanism_id: Some(m), step: VoteStep::Question, ..draft }
        }
        (Cb::VoteYesNo(true), VoteStep::Kind) => {
            VoteDraft { choices: Some(Choices::YesNoAbstain), step: VoteStep::Duration, ..draft }
        }
        (Cb::VoteYesNo(false), VoteStep::Kind) => VoteDraft { step: VoteStep::Options, ..draft },
        (Cb::VoteHours(h), VoteStep::Duration) => {
            VoteDraft { hours: Some(i64::from(h)), step: VoteStep::Secrecy, ..draft }
        }
        (Cb::VoteSecret(s), VoteStep::Secrecy) => VoteDraft { secret: Some(s), step: VoteStep::Meeting, ..draft },
        (Cb::VoteMeeting(m), VoteStep::Meeting) => {
            VoteDraft { meeting_id: Some((m > 0).then_some(m)), step: VoteStep::Confirm, ..draft }
        }
        (Cb::VoteConfirm, VoteStep::Confirm) => return confirm(turn, dialogue, draft, message_id).await,
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    };
    let edit = (next.step != VoteStep::Question && next.step != VoteStep::Options).then_some(message_id);
    ask(turn, dialogue, next, edit).await?;
    Ok(None)
}

async fn confirm(turn: &mut Turn<'_>, dialogue: &BotDialogue, draft: VoteDraft, message_id: MessageId) -> ButtonResult {
    let (Some(mechanism_id), Some(question), Some(hours)) = (draft.mechanism_id, draft.question.clone(), draft.hours)
    else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let d = Draft {
        mechanism_id,
        meeting_id: draft.meeting_id.flatten(),
        question,
        choices: draft.choices.clone().unwrap_or(Choices::YesNoAbstain),
        secrecy: if draft.secret.unwrap_or(true) { vote::Secrecy::Secret } else { vote::Secrecy::Open },
        open_for: Duration::hours(hours),
        quorum_percent: None,
    };
    match svc::open(&turn.app.ctx, Actor::Person(&turn.access), d).await {
        Ok(Ok(v)) => {
            dialogue.exit().await?;
            let text = turn.t(DecisionsMsg::DcVoteOpened { closes: local_time(turn.app, v.closes_at) });
            edit_or_send(turn, Some(message_id), text, None).await?;
            Ok(None)
        }
        Ok(Err(e)) => {
            dialogue.exit().await?;
            turn.say(draft_refusal(&e)).await?;
            Ok(None)
        }
        Err(e) => {
            dialogue.exit().await?;
            turn.say(turn.refusal(&e)).await?;
            Ok(None)
        }
    }
}
