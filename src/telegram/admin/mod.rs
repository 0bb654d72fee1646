//! /admin (fr /gestion): administration in the chat. Coordinators manage everything — the
//! members of a mechanism, pending invitations, chairs, coordinators and the observer
//! policy; chairs see the members and pending invitations of their mechanisms and may revoke
//! those invitations. Every change is asked for, confirmed with Yes/No, then reported; the
//! services check the rights again and tell the people concerned.

pub mod callback;
mod confirm;
mod lists;

use crate::domain::{AppError, Role};
use crate::i18n::{AdminMsg, MainMsg, Msg};
use crate::services::meetings::Actor;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, DialogStep, HandlerResult, State, Turn, button, edit_or_send, kb,
};
use callback::{Action, Cb, Purpose};
use serde::{Deserialize, Serialize};
use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

pub const FEATURE: &str = "admin";

/// Lines (and buttons) per page of a list.
const PAGE: usize = 8;

/// The one step of this feature: a change asked for, waiting for its confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    #[default]
    None,
    /// The changes the confirmation buttons of the last question may make (removing a
    /// person offers two: from the mechanism or from the cluster).
    Confirm { actions: Vec<Action> },
}

impl DialogStep for Step {
    const FEATURE: &'static str = FEATURE;
}

fn actor<'a>(turn: &'a Turn<'_>) -> Actor<'a> {
    Actor::Person(&turn.access)
}

fn chairs_any(turn: &Turn<'_>) -> bool {
    turn.access.memberships.iter().any(|m| m.role == Role::Chair)
}

/// A service's refusal, as the notice of the pressed button.
macro_rules! or_refuse {
    ($turn:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Ok(Some($turn.refusal(&e))),
        }
    };
}
use or_refuse;

/// Shows a screen in the pressed message (or a new one); pressing the button of the screen
/// already shown is no error.
async fn show(turn: &Turn<'_>, edit: Option<MessageId>, text: String, k: InlineKeyboardMarkup) -> HandlerResult {
    match edit_or_send(turn, edit, text, Some(k)).await {
        Err(e) if matches!(e.downcast_ref::<RequestError>(), Some(RequestError::Api(ApiError::MessageNotModified))) => {
            Ok(())
        }
        other => other,
    }
}

fn back(turn: &Turn<'_>, to: Cb) -> InlineKeyboardButton {
    button(turn.t(AdminMsg::BtnAdmBack), to)
}

/// The page asked for, within the pages there are, and how many pages there are.
fn paged<T>(items: &[T], page: u16) -> (&[T], usize, usize) {
    let pages = items.len().div_ceil(PAGE).max(1);
    let page = usize::from(page).min(pages - 1);
    let start = page * PAGE;
    (&items[start..(start + PAGE).min(items.len())], page, pages)
}

/// A row of "Previous" and "Next" buttons, those that lead somewhere (no row on one page).
fn page_row(turn: &Turn<'_>, page: usize, pages: usize, to: impl Fn(u16) -> Cb) -> Option<Vec<InlineKeyboardButton>> {
    let mut row = vec![];
    let as_u16 = |p: usize| u16::try_from(p).unwrap_or(u16::MAX);
    if page > 0 {
        row.push(button(turn.t(AdminMsg::BtnAdmPrevious), to(as_u16(page - 1))));
    }
    if page + 1 < pages {
        row.push(button(turn.t(AdminMsg::BtnAdmNext), to(as_u16(page + 1))));
    }
    (!row.is_empty()).then_some(row)
}

fn menu(turn: &Turn<'_>) -> (String, InlineKeyboardMarkup) {
    let coordinator = turn.access.coordinator;
    let mut rows = vec![
        vec![button(turn.t(AdminMsg::BtnAdmMembers), Cb::Mechanisms(Purpose::Members))],
        vec![button(turn.t(AdminMsg::BtnAdmInvitations), Cb::Invitations(0))],
    ];
    if coordinator {
        rows.push(vec![button(turn.t(AdminMsg::BtnAdmChairs), Cb::Mechanisms(Purpose::Chairs))]);
        rows.push(vec![button(turn.t(AdminMsg::BtnAdmCoordinators), Cb::Coordinators)]);
        rows.push(vec![button(turn.t(AdminMsg::BtnAdmObservers), Cb::Observers)]);
    }
    (turn.t(AdminMsg::AdmMenu { coordinator }), kb(rows))
}

/// /admin: the menu, for coordinators and chairs.
pub async fn start(turn: &mut Turn<'_>) -> HandlerResult {
    if !turn.access.coordinator && !chairs_any(turn) {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let (text, k) = menu(turn);
    show(turn, None, text, k).await
}

/// A message while a confirmation is awaited: the buttons answer it.
pub async fn on_message(turn: &mut Turn<'_>) -> HandlerResult {
    turn.hint().await
}

/// A pressed button of /admin: who presses it is checked first, then the button against
/// what exists now (and, for a confirmation, against the question asked).
pub async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    state: &State,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    if !turn.access.coordinator && !chairs_any(turn) {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    // Chairs see their mechanisms' members and invitations and may revoke those; the rest
    // is for coordinators.
    let coordinator_only = !matches!(
        cb,
        Cb::Menu
            | Cb::Mechanisms(Purpose::Members)
            | Cb::Members { .. }
            | Cb::Invitations(_)
            | Cb::AskRevoke(_)
            | Cb::Yes(Action::Revoke(_))
            | Cb::No
    );
    if coordinator_only && !turn.access.coordinator {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    let edit = Some(message_id);
    match cb {
        Cb::Menu => {
            let (text, k) = menu(turn);
            show(turn, edit, text, k).await?;
            Ok(None)
        }
        Cb::Mechanisms(purpose) => lists::mechanisms(turn, purpose, edit).await,
        Cb::Members { mechanism_id, page } => lists::members(turn, mechanism_id, page, edit).await,
        Cb::Invitations(page) => lists::invitations(turn, page, edit).await,
        Cb::Chairs(mechanism_id) => lists::chairs(turn, mechanism_id, edit).await,
        Cb::ChairCandidates { mechanism_id, page } => lists::chair_candidates(turn, mechanism_id, page, edit).await,
        Cb::Coordinators => lists::coordinators(turn, edit).await,
        Cb::CoordinatorCandidates(page) => lists::coordinator_candidates(turn, page, edit).await,
        Cb::Observers => lists::observers(turn, edit).await,
        Cb::AskRemove(seat) => confirm::ask_remove(turn, dialogue, seat, message_id).await,
        Cb::AskRevoke(id) => confirm::ask_revoke(turn, dialogue, id, message_id).await,
        Cb::AskAddChair(seat) => confirm::ask_chair(turn, dialogue, seat, true, message_id).await,
        Cb::AskRemoveChair(seat) => confirm::ask_chair(turn, dialogue, seat, false, message_id).await,
        Cb::AskAddCoordinator(p) => confirm::ask_coordinator(turn, dialogue, p, true, message_id).await,
        Cb::AskRemoveCoordinator(p) => confirm::ask_coordinator(turn, dialogue, p, false, message_id).await,
        Cb::AskObservers(m) => confirm::ask_observers(turn, dialogue, m, message_id).await,
        Cb::Yes(action) => match state.step::<Step>() {
            Step::Confirm { actions } if actions.contains(&action) => {
                // The question is answered once: a second press finds nothing to confirm.
                dialogue.exit().await?;
                confirm::act(turn, action, message_id).await
            }
            _ => Ok(Some(MainMsg::ButtonExpired.into())),
        },
        Cb::No => match state.step::<Step>() {
            Step::Confirm { .. } => {
                dialogue.exit().await?;
                let k = kb(vec![vec![back(turn, Cb::Menu)]]);
                show(turn, edit, turn.t(AdminMsg::AdmNothingChanged), k).await?;
                Ok(None)
            }
            Step::None => Ok(Some(MainMsg::ButtonExpired.into())),
        },
    }
}

/// The refusal of a change, shown in the confirmation's message and on the button.
async fn refused(turn: &Turn<'_>, err: &AppError, message_id: MessageId) -> ButtonResult {
    let why: Msg = turn.refusal(err);
    let k = kb(vec![vec![back(turn, Cb::Menu)]]);
    show(turn, Some(message_id), turn.t(why.clone()), k).await?;
    Ok(Some(why))
}
