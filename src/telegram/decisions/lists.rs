//! /decisions (the votes of one's mechanisms and their results) and /participation (per
//! organisation over six months, with the choices after three absences in a row).

use super::ballot::labels;
use super::callback::Cb;
use crate::domain::participation::{AbsenceChoice, REVIEW_MONTHS};
use crate::domain::vote::Vote;
use crate::domain::{AppError, Language};
use crate::i18n::Msg;
use crate::services::meetings::Actor;
use crate::services::{participation as part_svc, votes as svc};
use crate::telegram::shared::format::local_time;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{App, ButtonResult, HandlerResult, Turn, button, kb};
use chrono::{DateTime, Utc};
use teloxide::types::InlineKeyboardMarkup;

/// How many decisions /decisions shows.
const DECISIONS_SHOWN: i64 = 15;

/// One line for a vote: open (with the turnout so far) or closed (with the leading options).
pub(super) async fn decision_line(
    app: &App,
    lang: Language,
    v: &Vote,
    closed: Option<DateTime<Utc>>,
) -> Result<String, AppError> {
    let t = svc::tally(&app.ctx, v).await?;
    let mechanism = v.mechanism.code.clone();
    Ok(match closed {
        None => app.i18n.render(
            lang,
            &Msg::DcDecisionOpen {
                mechanism,
                question: v.question.clone(),
                closes: local_time(app, v.closes_at),
                voted: t.voted as usize,
                electorate: t.electorate as usize,
            },
        ),
        Some(at) => {
            let options = labels(app, lang, &v.choices);
            let leaders: Vec<String> = t
                .leaders()
                .into_iter()
                .map(|i| format!("{} ({})", options.get(i).cloned().unwrap_or_default(), t.counts[i]))
                .collect();
            let result =
                if leaders.is_empty() { app.i18n.render(lang, &Msg::DcNoVotesCast) } else { leaders.join(", ") };
            app.i18n.render(
                lang,
                &Msg::DcDecisionClosed {
                    mechanism,
                    question: v.question.clone(),
                    closed: local_time(app, at),
                    result,
                    met: t.quorum_met,
                },
            )
        }
    })
}

pub(super) async fn decisions(turn: &mut Turn<'_>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let list = match svc::decisions(ctx, &turn.access, DECISIONS_SHOWN).await {
        Ok(l) => l,
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(());
        }
    };
    if list.is_empty() {
        turn.say(Msg::DcDecisionsNone).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(Msg::DcDecisionsHeader)];
    for v in &list {
        lines.push(decision_line(turn.app, turn.lang(), v, v.closed_at).await?);
    }
    turn.say_long(lines).await?;
    Ok(())
}

fn choice_msg(c: AbsenceChoice) -> Msg {
    match c {
        AbsenceChoice::Contact => Msg::DcChoiceContact,
        AbsenceChoice::ProposeObserver => Msg::DcChoiceProposeObserver,
        AbsenceChoice::Keep => Msg::DcChoiceKeep,
    }
}

/// /participation: the mechanism first when the person manages several.
pub(super) async fn participation(turn: &mut Turn<'_>, mechanism: Option<i64>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let mechs = part_svc::reviewable(ctx, &turn.access).await?;
    let chosen = match (mechanism, mechs.as_slice()) {
        (_, []) => {
            turn.say(Msg::NotAllowed).await?;
            return Ok(());
        }
        (Some(id), _) => mechs.iter().find(|m| m.id == id),
        (None, [only]) => Some(only),
        (None, many) => {
            let buttons = many.iter().map(|m| button(m.code.clone(), Cb::Participation(m.id))).collect();
            turn.say_with(turn.t(Msg::DcPartChooseMechanism), kb(rows_of(buttons, 3))).await?;
            return Ok(());
        }
    };
    let Some(mech) = chosen.cloned() else {
        turn.say(Msg::NotAllowed).await?;
        return Ok(());
    };
    let review = part_svc::review(ctx, Actor::Person(&turn.access), mech.id).await?;
    if review.is_empty() {
        turn.say(Msg::DcPartNone).await?;
        return Ok(());
    }
    let mut lines = vec![
        turn.t(Msg::DcPartHeader { mechanism: mech.name(turn.lang()).to_string(), months: REVIEW_MONTHS as usize }),
    ];
    for p in &review {
        lines.push(turn.t(Msg::DcPartLine {
            org: p.organisation.acronym.clone(),
            observer: p.organisation.observer,
            present: p.present as usize,
            marked: p.meetings_marked as usize,
            on_time: p.answered_on_time as usize,
            invited: p.invited as usize,
            cast: p.votes_cast as usize,
            entitled: p.votes_entitled as usize,
            fourw: p.fourw_submitted as usize,
            fourw_expected: p.fourw_expected as usize,
        }));
    }
    turn.say_long(lines).await?;
    for p in review.iter().filter(|p| p.absent_in_a_row && !p.organisation.observer) {
        let last = p.last_choice.map(|c| turn.t(choice_msg(c))).unwrap_or_else(|| "none".into());
        let keyboard = absence_keyboard(turn.app, turn.lang(), mech.id, p.organisation.id);
        turn.say_with(turn.t(Msg::DcPartFlagged { org: p.organisation.acronym.clone(), last }), keyboard).await?;
    }
    Ok(())
}

/// The chair's choices for an organisation absent 3 times in a row.
pub fn absence_keyboard(app: &App, lang: Language, mechanism: i64, org: i64) -> InlineKeyboardMarkup {
    let b = |m: Msg, choice| button(app.i18n.render(lang, &m), Cb::Absence { mechanism, org, choice });
    kb(vec![
        vec![b(Msg::BtnDcContact, AbsenceChoice::Contact)],
        vec![b(Msg::BtnDcProposeObserver, AbsenceChoice::ProposeObserver)],
        vec![b(Msg::BtnDcKeep, AbsenceChoice::Keep)],
    ])
}

pub(super) async fn absence_choice(
    turn: &mut Turn<'_>,
    mechanism: i64,
    org: i64,
    choice: AbsenceChoice,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match part_svc::record_absence_choice(ctx, Actor::Person(&turn.access), mechanism, org, choice).await {
        Ok(()) => {
            let acronym = crate::storage::reference::organisation_by_id(&ctx.db, org)
                .await?
                .map(|o| o.acronym)
                .unwrap_or_default();
            turn.say(Msg::DcPartChoiceRecorded { org: acronym, choice: turn.t(choice_msg(choice)) }).await?;
            Ok(None)
        }
        Err(AppError::NotFound) => Ok(Some(Msg::ButtonExpired)),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
