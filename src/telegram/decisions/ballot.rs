//! The question as each person sees it (buttons only for those who may vote now), the
//! ballot and hand-over buttons, and the result.

use super::callback::Cb;
use crate::domain::vote::{Refusal, Secrecy, Vote};
use crate::domain::{AppError, Language, Role};
use crate::i18n::{DecisionsMsg, MainMsg, Msg};
use crate::services::people::Access;
use crate::services::votes as svc;
use crate::storage::votes::Cast;
use crate::telegram::shared::format::local_time;
use crate::telegram::shared::votes::labels;
use crate::telegram::shared::{App, ButtonResult, Turn, button, kb};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

pub(super) fn refusal(r: &Refusal, app: &App) -> Msg {
    let m = match r {
        Refusal::Observer => DecisionsMsg::DcRefusedObserver,
        Refusal::NoSeat => DecisionsMsg::DcRefusedNoSeat,
        Refusal::NotInElectorate => DecisionsMsg::DcRefusedElectorate,
        Refusal::AlternateNotYet(from) => DecisionsMsg::DcRefusedAlternate { from: local_time(app, *from) },
        Refusal::Closed => DecisionsMsg::DcRefusedClosed,
        Refusal::NoSuchOption => DecisionsMsg::DcRefusedOption,
        Refusal::CannotHandOver => DecisionsMsg::DcRefusedHandover,
        Refusal::FocalVoted => DecisionsMsg::DcRefusedFocalVoted,
    };
    m.into()
}

/// The question's header: mechanism, question, closing, secrecy and quorum.
pub(super) async fn header(app: &App, lang: Language, v: &Vote) -> Result<String, AppError> {
    let t = svc::tally(&app.ctx, v).await?;
    let mut lines = vec![app.i18n.render(
        lang,
        &DecisionsMsg::DcQuestion {
            mechanism: v.mechanism.name(lang).to_string(),
            question: v.question.clone(),
            closes: local_time(app, v.closes_at),
            secret: v.secrecy == Secrecy::Secret,
            needed: t.quorum_needed as usize,
            electorate: t.electorate as usize,
            percent: usize::from(v.quorum_percent),
        },
    )];
    for (i, label) in labels(app, lang, &v.choices).into_iter().enumerate() {
        lines.push(app.i18n.render(lang, &DecisionsMsg::DcOptionLine { n: i + 1, label }));
    }
    Ok(lines.join("\n"))
}

/// The question for one person: for each organisation they may vote for now, its current
/// choice and one button per option (and, for a focal point, the hand-over); observers and
/// alternates who must wait are told why they have no buttons.
pub(super) async fn question_for(
    app: &App,
    access: &Access,
    v: &Vote,
) -> Result<(String, Option<InlineKeyboardMarkup>), AppError> {
    let lang = access.person.language;
    let t = |m: DecisionsMsg| app.i18n.render(lang, &m);
    let mut lines = vec![header(app, lang, v).await?];
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let options = labels(app, lang, &v.choices);
    for (org, standing) in svc::standing(&app.ctx, access, v).await? {
        match standing {
            Ok(()) => {
                let current = svc::ballot_of(&app.ctx, v.id, org.id).await?;
                lines.push(match current.and_then(|c| options.get(c)) {
                    Some(option) => t(DecisionsMsg::DcYourVote { org: org.acronym.clone(), option: option.clone() }),
                    None => t(DecisionsMsg::DcNotVoted { org: org.acronym.clone() }),
                });
                for (i, option) in options.iter().enumerate() {
                    let cb = Cb::Ballot { vote: v.id, org: org.id, choice: i as u8 };
                    rows.push(vec![button(
                        t(DecisionsMsg::BtnDcChoice { org: org.acronym.clone(), option: option.clone() }),
                        cb,
                    )]);
                }
                let focal = access
                    .memberships
                    .iter()
                    .any(|m| m.organisation.id == org.id && m.mechanism.id == v.mechanism.id && m.role == Role::Focal);
                if focal && current.is_none() {
                    let cb = Cb::Handover { vote: v.id, org: org.id };
                    rows.push(vec![button(t(DecisionsMsg::BtnDcHandover { org: org.acronym.clone() }), cb)]);
                }
            }
            Err(Refusal::Observer) => lines.push(t(DecisionsMsg::DcObserverNote)),
            Err(Refusal::AlternateNotYet(from)) => {
                lines.push(t(DecisionsMsg::DcAlternateNote { org: org.acronym.clone(), from: local_time(app, from) }))
            }
            Err(Refusal::FocalVoted) => {
                let current = svc::ballot_of(&app.ctx, v.id, org.id).await?;
                let option = current.and_then(|c| options.get(c)).cloned().unwrap_or_default();
                lines.push(t(DecisionsMsg::DcFocalVotedNote { org: org.acronym.clone(), option }))
            }
            Err(_) => {}
        }
    }
    Ok((lines.join("\n"), (!rows.is_empty()).then(|| kb(rows))))
}

/// The result for one person; the chair of an open vote also sees each organisation's choice.
pub(super) async fn result_for(app: &App, person_id: i64, lang: Language, v: &Vote) -> Result<String, AppError> {
    let t = |m: DecisionsMsg| app.i18n.render(lang, &m);
    let tally = svc::tally(&app.ctx, v).await?;
    let options = labels(app, lang, &v.choices);
    let mut lines = vec![t(DecisionsMsg::DcResult {
        mechanism: v.mechanism.name(lang).to_string(),
        question: v.question.clone(),
        voted: tally.voted as usize,
        electorate: tally.electorate as usize,
        turnout: tally.turnout_percent() as usize,
        needed: tally.quorum_needed as usize,
        met: tally.quorum_met,
    })];
    for (label, count) in options.iter().zip(&tally.counts) {
        lines.push(t(DecisionsMsg::DcResultLine { label: label.clone(), count: *count as usize }));
    }
    if let Some(ballots) = svc::breakdown_for_person(&app.ctx, person_id, v).await? {
        lines.push(t(DecisionsMsg::DcResultByOrg));
        for b in ballots {
            let label = options.get(b.choice as usize).cloned().unwrap_or_default();
            lines.push(t(DecisionsMsg::DcResultOrgLine { org: b.acronym, label }));
        }
    }
    Ok(lines.join("\n"))
}

/// A ballot button: the services check everything again; the message is redrawn.
pub(super) async fn cast(
    turn: &mut Turn<'_>,
    vote_id: i64,
    org: i64,
    choice: u8,
    message_id: MessageId,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let outcome = match svc::cast(ctx, &turn.access, vote_id, org, usize::from(choice)).await {
        Ok(o) => o,
        Err(AppError::NotFound) => return Ok(Some(MainMsg::ButtonExpired.into())),
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let v = svc::get(ctx, vote_id).await?;
    let option = labels(turn.app, turn.lang(), &v.choices).get(usize::from(choice)).cloned().unwrap_or_default();
    let notice = match outcome {
        Ok(Cast::First) => DecisionsMsg::DcVoteRecorded { option },
        Ok(Cast::Same) => return Ok(Some(DecisionsMsg::DcVoteUnchanged { option }.into())),
        Ok(Cast::Changed { .. }) => DecisionsMsg::DcVoteChanged { option },
        Err(r) => return Ok(Some(refusal(&r, turn.app))),
    };
    redraw(turn, &v, message_id).await;
    Ok(Some(notice.into()))
}

pub(super) async fn hand_over(turn: &mut Turn<'_>, vote_id: i64, org: i64, message_id: MessageId) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match svc::hand_over(ctx, &turn.access, vote_id, org).await {
        Ok(Ok(_)) => {
            let acronym = crate::storage::reference::organisation_by_id(&ctx.db, org)
                .await?
                .map(|o| o.acronym)
                .unwrap_or_default();
            let v = svc::get(ctx, vote_id).await?;
            redraw(turn, &v, message_id).await;
            Ok(Some(DecisionsMsg::DcHandedOver { org: acronym }.into()))
        }
        Ok(Err(r)) => Ok(Some(refusal(&r, turn.app))),
        Err(AppError::NotFound) => Ok(Some(MainMsg::ButtonExpired.into())),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// Redraws the question message the button was on (text and buttons as they now are).
async fn redraw(turn: &Turn<'_>, v: &Vote, message_id: MessageId) {
    let Ok((text, keyboard)) = question_for(turn.app, &turn.access, v).await else { return };
    if let Err(e) = turn.edit(message_id, text, keyboard).await {
        tracing::debug!(error = %e, "could not redraw the question");
    }
}
