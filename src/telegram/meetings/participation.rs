//! /participation (per organisation of a mechanism over six months) and the chair's choices
//! for an organisation absent 3 times in a row (also offered with the absence flag).

use super::callback::Cb;
use crate::domain::participation::{AbsenceChoice, REVIEW_MONTHS};
use crate::domain::{AppError, Language};
use crate::i18n::{DecisionsMsg, MainMsg};
use crate::services::meetings::Actor;
use crate::services::participation as part_svc;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{App, ButtonResult, HandlerResult, Turn, button, kb};
use teloxide::types::InlineKeyboardMarkup;

fn choice_msg(c: AbsenceChoice) -> DecisionsMsg {
    match c {
        AbsenceChoice::Contact => DecisionsMsg::DcChoiceContact,
        AbsenceChoice::ProposeObserver => DecisionsMsg::DcChoiceProposeObserver,
        AbsenceChoice::Keep => DecisionsMsg::DcChoiceKeep,
    }
}

/// /participation: the mechanism first when the person manages several.
pub(super) async fn show(turn: &mut Turn<'_>, mechanism: Option<i64>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let mechs = part_svc::reviewable(ctx, &turn.access).await?;
    let chosen = match (mechanism, mechs.as_slice()) {
        (_, []) => {
            turn.say(MainMsg::NotAllowed).await?;
            return Ok(());
        }
        (Some(id), _) => mechs.iter().find(|m| m.id == id),
        (None, [only]) => Some(only),
        (None, many) => {
            let buttons = many.iter().map(|m| button(m.code.clone(), Cb::PartMechanism(m.id))).collect();
            turn.say_with(turn.t(DecisionsMsg::DcPartChooseMechanism), kb(rows_of(buttons, 3))).await?;
            return Ok(());
        }
    };
    let Some(mech) = chosen.cloned() else {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    };
    let review = part_svc::review(ctx, Actor::Person(&turn.access), mech.id).await?;
    if review.is_empty() {
        turn.say(DecisionsMsg::DcPartNone).await?;
        return Ok(());
    }
    let mut lines = vec![turn.t(DecisionsMsg::DcPartHeader {
        mechanism: mech.name(turn.lang()).to_string(),
        months: REVIEW_MONTHS as usize,
    })];
    for p in &review {
        lines.push(turn.t(DecisionsMsg::DcPartLine {
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
        turn.say_with(turn.t(DecisionsMsg::DcPartFlagged { org: p.organisation.acronym.clone(), last }), keyboard)
            .await?;
    }
    Ok(())
}

/// The chair's choices for an organisation absent 3 times in a row.
pub(super) fn absence_keyboard(app: &App, lang: Language, mechanism: i64, org: i64) -> InlineKeyboardMarkup {
    let b = |m: DecisionsMsg, choice| button(app.i18n.render(lang, m), Cb::Absence { mechanism, org, choice });
    kb(vec![
        vec![b(DecisionsMsg::BtnDcContact, AbsenceChoice::Contact)],
        vec![b(DecisionsMsg::BtnDcProposeObserver, AbsenceChoice::ProposeObserver)],
        vec![b(DecisionsMsg::BtnDcKeep, AbsenceChoice::Keep)],
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
            turn.say(DecisionsMsg::DcPartChoiceRecorded { org: acronym, choice: turn.t(choice_msg(choice)) }).await?;
            Ok(None)
        }
        Err(AppError::NotFound) => Ok(Some(MainMsg::ButtonExpired.into())),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}
