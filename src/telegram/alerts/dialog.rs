//! The raise dialog: region, then cercle (buttons, or a typed cercle P-code at either step),
//! date (typed DD/MM/YYYY or "today"), households (typed), cause, verified, source nameable
//! (no unless said) and the source, then a summary with its Send button.

use super::callback::Cb;
use super::text::{self, Facts};
use super::{Draft, DraftStep, Step};
use crate::domain::alert::{
    self as rules, AlertCause, AlertInput, AlertProblem, Households, MAX_AGE_DAYS, MAX_HOUSEHOLDS, MAX_SOURCE_CHARS,
    MIN_HOUSEHOLDS,
};
use crate::domain::fourw::Pcode;
use crate::domain::{AppError, AppResult};
use crate::i18n::{AlertsMsg, MainMsg, Msg};
use crate::services::alerts::{self as svc, AlertError};
use crate::telegram::shared::format::date_label;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use chrono::NaiveDate;
use strum::IntoEnumIterator;
use teloxide::types::{InlineKeyboardButton, MessageId};

/// The sentence for a wrong field.
pub(super) fn problem(p: AlertProblem) -> Msg {
    match p {
        AlertProblem::HouseholdsNotANumber => AlertsMsg::AlHouseholdsNotNumber.into(),
        AlertProblem::HouseholdsOutOfRange => {
            AlertsMsg::AlHouseholdsRange { min: MIN_HOUSEHOLDS, max: MAX_HOUSEHOLDS }.into()
        }
        AlertProblem::DateUnreadable => AlertsMsg::AlDateUnreadable.into(),
        AlertProblem::DateInFuture => AlertsMsg::AlDateFuture.into(),
        AlertProblem::DateTooOld => AlertsMsg::AlDateTooOld { days: MAX_AGE_DAYS }.into(),
        AlertProblem::SourceLength => AlertsMsg::AlSourceLength { max: MAX_SOURCE_CHARS }.into(),
        AlertProblem::SourcePersonalData(kind) => {
            MainMsg::PersonalDataRefused { kind: kind.as_str().to_string() }.into()
        }
        AlertProblem::BadTransition { .. } => AlertsMsg::AlAlreadyDecided.into(),
    }
}

fn today(turn: &Turn<'_>) -> NaiveDate {
    turn.app.ctx.clock.now().with_timezone(&turn.app.ctx.tz).date_naive()
}

fn cancel_row(turn: &Turn<'_>) -> Vec<InlineKeyboardButton> {
    vec![button(turn.t(MainMsg::BtnCancel), Cancel)]
}

/// Starts a new alert at its first step.
pub(super) async fn begin(turn: &Turn<'_>, dialogue: &BotDialogue, edit: Option<MessageId>) -> HandlerResult {
    ask(turn, dialogue, Draft::default(), edit).await
}

fn with_cancel(turn: &Turn<'_>, mut rows: Vec<Vec<InlineKeyboardButton>>) -> teloxide::types::InlineKeyboardMarkup {
    rows.push(cancel_row(turn));
    kb(rows)
}

/// Asks what the draft's step needs (editing the pressed button's message when there is one).
async fn ask(turn: &Turn<'_>, dialogue: &BotDialogue, draft: Draft, edit: Option<MessageId>) -> HandlerResult {
    let ctx = &turn.app.ctx;
    let lang = turn.lang();
    let yes_no = |yes: Cb, no: Cb, no_first: bool| {
        let (y, n) = (button(turn.t(AlertsMsg::BtnAlYes), yes), button(turn.t(AlertsMsg::BtnAlNo), no));
        vec![if no_first { vec![n, y] } else { vec![y, n] }]
    };
    let (text, rows) = match draft.step {
        DraftStep::Region => {
            let regions = svc::regions(ctx).await?;
            let buttons = regions
                .iter()
                .filter_map(|(p, name)| {
                    Some(button(name.clone(), Cb::Region(u8::try_from(Cb::pcode_digits(p)?).ok()?)))
                })
                .collect();
            (turn.t(AlertsMsg::AlChooseRegion), rows_of(buttons, 3))
        }
        DraftStep::Cercle => {
            let region = draft.region.clone().unwrap_or_default();
            let name = svc::regions(ctx).await?.into_iter().find(|(p, _)| *p == region).map(|(_, n)| n);
            let buttons = svc::cercles_of(ctx, &region)
                .await?
                .iter()
                .filter_map(|(p, n)| Some(button(n.clone(), Cb::Cercle(u16::try_from(Cb::pcode_digits(p)?).ok()?))))
                .collect();
            (turn.t(AlertsMsg::AlChooseCercle { region: name.unwrap_or(region) }), rows_of(buttons, 3))
        }
        DraftStep::Date => (
            turn.t(AlertsMsg::AlAskDate { today: date_label(today(turn)) }),
            vec![vec![button(turn.t(AlertsMsg::BtnAlToday), Cb::Today)]],
        ),
        DraftStep::Households => (turn.t(AlertsMsg::AlAskHouseholds { max: MAX_HOUSEHOLDS }), vec![]),
        DraftStep::Cause => {
            let buttons = AlertCause::iter()
                .enumerate()
                .map(|(i, c)| button(text::cause(turn.app, lang, c), Cb::Cause(i as u8)))
                .collect();
            (turn.t(AlertsMsg::AlChooseCause), rows_of(buttons, 2))
        }
        DraftStep::Verified => {
            (turn.t(AlertsMsg::AlAskVerified), yes_no(Cb::Verified(true), Cb::Verified(false), false))
        }
        DraftStep::Nameable => {
            (turn.t(AlertsMsg::AlAskNameable), yes_no(Cb::Nameable(true), Cb::Nameable(false), true))
        }
        DraftStep::Source => (turn.t(AlertsMsg::AlAskSource { max: MAX_SOURCE_CHARS }), vec![]),
        DraftStep::Confirm => {
            let Some(details) = summary(turn, &draft).await? else {
                dialogue.exit().await?;
                turn.say(MainMsg::ButtonExpired).await?;
                return Ok(());
            };
            let text = format!("{}\n\n{details}", turn.t(AlertsMsg::AlConfirm));
            (text, vec![vec![button(turn.t(AlertsMsg::BtnAlSend), Cb::Send)]])
        }
    };
    // Typed answers get a new question; a pressed button's message is edited.
    let edit = edit.filter(|_| !rows.is_empty());
    dialogue.set(Step::Raise(Box::new(draft))).await?;
    edit_or_send(turn, edit, text, Some(with_cancel(turn, rows))).await
}

/// The draft's details as the alert will show them.
async fn summary(turn: &Turn<'_>, d: &Draft) -> AppResult<Option<String>> {
    let (Some(pcode), Some(date), Some(households), Some(cause), Some(verified)) =
        (d.pcode.as_deref(), d.date, d.households, d.cause, d.verified)
    else {
        return Ok(None);
    };
    let Some((cercle, _, region)) = svc::cercle_place(&turn.app.ctx, pcode).await? else { return Ok(None) };
    let source = if d.nameable { d.source.as_deref() } else { None };
    let facts = Facts { cercle: &cercle, pcode, region: &region, date, households, cause, verified, source };
    Ok(Some(text::details(turn.app, turn.lang(), &facts)))
}

/// A typed cercle P-code, when it is one: the draft moves on to the date.
async fn typed_cercle(turn: &Turn<'_>, draft: &Draft, text: &str) -> AppResult<Option<Draft>> {
    let Some(p) = Pcode::parse(text).filter(|p| p.level() == 2) else { return Ok(None) };
    let Some((_, region, _)) = svc::cercle_place(&turn.app.ctx, p.as_str()).await? else { return Ok(None) };
    Ok(Some(Draft {
        region: Some(region),
        pcode: Some(p.as_str().to_string()),
        step: DraftStep::Date,
        ..draft.clone()
    }))
}

/// A typed answer: a cercle P-code, the date, the households or the source.
pub(super) async fn on_text(turn: &mut Turn<'_>, dialogue: &BotDialogue, draft: Draft, text: &str) -> HandlerResult {
    let next = match draft.step {
        DraftStep::Region | DraftStep::Cercle => match typed_cercle(turn, &draft, text).await? {
            Some(next) => Ok(next),
            None => {
                turn.say(AlertsMsg::AlPcodeUnknown).await?;
                return Ok(());
            }
        },
        DraftStep::Date => {
            rules::parse_date(text, today(turn)).map(|d| Draft { date: Some(d), step: DraftStep::Households, ..draft })
        }
        DraftStep::Households => {
            Households::parse(text).map(|h| Draft { households: Some(h.get()), step: DraftStep::Cause, ..draft })
        }
        DraftStep::Source => {
            rules::parse_source(text).map(|s| Draft { source: Some(s), step: DraftStep::Confirm, ..draft })
        }
        _ => {
            return turn.hint().await;
        }
    };
    match next {
        Ok(draft) => ask(turn, dialogue, draft, None).await,
        Err(p) => {
            turn.say(problem(p)).await?;
            Ok(())
        }
    }
}

/// A pressed button of the dialog, checked against its step (a stale or forged one changes
/// nothing).
pub(super) async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    draft: Draft,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let next = match (cb, draft.step) {
        (Cb::Region(r), DraftStep::Region | DraftStep::Cercle) => {
            let pcode = Cb::region_pcode(r);
            if !svc::regions(ctx).await?.iter().any(|(p, _)| *p == pcode) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            Draft { region: Some(pcode), step: DraftStep::Cercle, ..draft }
        }
        (Cb::Cercle(c), DraftStep::Cercle) => {
            let pcode = Cb::cercle_pcode(c);
            match svc::cercle_place(ctx, &pcode).await? {
                Some((_, region, _)) if Some(&region) == draft.region.as_ref() => {
                    Draft { pcode: Some(pcode), step: DraftStep::Date, ..draft }
                }
                _ => return Ok(Some(MainMsg::ButtonExpired.into())),
            }
        }
        (Cb::Today, DraftStep::Date) => Draft { date: Some(today(turn)), step: DraftStep::Households, ..draft },
        (Cb::Cause(i), DraftStep::Cause) => {
            let Some(cause) = AlertCause::iter().nth(usize::from(i)) else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            Draft { cause: Some(cause), step: DraftStep::Verified, ..draft }
        }
        (Cb::Verified(v), DraftStep::Verified) => Draft { verified: Some(v), step: DraftStep::Nameable, ..draft },
        (Cb::Nameable(n), DraftStep::Nameable) => {
            let step = if n { DraftStep::Source } else { DraftStep::Confirm };
            Draft { nameable: n, source: None, step, ..draft }
        }
        (Cb::Send, DraftStep::Confirm) => return send(turn, dialogue, draft, message_id).await,
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    };
    ask(turn, dialogue, next, Some(message_id)).await?;
    Ok(None)
}

async fn send(turn: &mut Turn<'_>, dialogue: &BotDialogue, d: Draft, message_id: MessageId) -> ButtonResult {
    let pcode = d.pcode.as_deref().and_then(Pcode::parse);
    let households = d.households.and_then(|h| Households::new(h).ok());
    let (Some(pcode), Some(movement_date), Some(households), Some(cause), Some(verified)) =
        (pcode, d.date, households, d.cause, d.verified)
    else {
        dialogue.exit().await?;
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let input = AlertInput {
        pcode,
        movement_date,
        households,
        cause,
        verified,
        source_nameable: d.nameable,
        source: d.source.clone().filter(|_| d.nameable),
    };
    dialogue.exit().await?;
    match svc::raise(&turn.app.ctx, turn.access.person.id, input).await {
        Ok(id) => {
            edit_or_send(turn, Some(message_id), turn.t(AlertsMsg::AlRaised { id }), None).await?;
            Ok(None)
        }
        Err(AlertError::Problem(p)) => {
            turn.say(problem(p)).await?;
            Ok(None)
        }
        Err(AlertError::UnknownCercle) => Ok(Some(AlertsMsg::AlPcodeUnknown.into())),
        Err(AlertError::AlreadyDecided) => Ok(Some(AlertsMsg::AlAlreadyDecided.into())),
        Err(AlertError::App(AppError::NotAMember)) => Ok(Some(AlertsMsg::AlNotMember.into())),
        Err(AlertError::App(e)) => Ok(Some(turn.refusal(&e))),
    }
}
