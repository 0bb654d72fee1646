//! /calendar: the person's own calendar feed link (subscribe once, in Google Calendar, Outlook
//! or the phone), shown once when it is made (only its hash is kept), and a button that
//! replaces it with a new one (the old one stops working).

pub mod callback;

use crate::i18n::{CalendarMsg, MainMsg};
use crate::services::calendar_feed;
use crate::telegram::shared::{ButtonResult, HandlerResult, Turn, button, kb};
use callback::Cb;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

fn rotate_keyboard(turn: &Turn<'_>) -> InlineKeyboardMarkup {
    kb(vec![vec![button(turn.t(CalendarMsg::BtnCalendarRotate), Cb::Rotate)]])
}

pub async fn show(turn: &mut Turn<'_>) -> HandlerResult {
    if !turn.access.is_member() {
        turn.say(MainMsg::NotAMember).await?;
        return Ok(());
    }
    let Some(base) = turn.app.public_url.clone() else {
        turn.say(CalendarMsg::CalendarUnavailable).await?;
        return Ok(());
    };
    let text = match calendar_feed::first_secret(&turn.app.ctx, turn.access.person.id).await? {
        Some(secret) => turn.t(CalendarMsg::CalendarLink { url: calendar_feed::url(&base, &secret) }),
        None => turn.t(CalendarMsg::CalendarLinkKept),
    };
    turn.say_with(text, rotate_keyboard(turn)).await?;
    Ok(())
}

pub async fn on_button(turn: &mut Turn<'_>, cb: Cb, message_id: MessageId) -> ButtonResult {
    match cb {
        Cb::Rotate => {
            if !turn.access.is_member() {
                return Ok(Some(MainMsg::NotAMember.into()));
            }
            let Some(base) = turn.app.public_url.clone() else {
                return Ok(Some(CalendarMsg::CalendarUnavailable.into()));
            };
            let secret = calendar_feed::rotate(&turn.app.ctx, turn.access.person.id).await?;
            let url = calendar_feed::url(&base, &secret);
            turn.edit(message_id, turn.t(CalendarMsg::CalendarRotated { url }), Some(rotate_keyboard(turn))).await?;
            Ok(None)
        }
    }
}
