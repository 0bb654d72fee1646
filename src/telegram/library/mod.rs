//! /docs (/documents): the library by buttons — a mechanism, a type, then a page of its
//! current documents, newest first, 8 a page; a tap queues the document (protected, checked
//! again at sending) to the person. Coordinators and the mechanism's chairs see buttons to
//! re-type and retire each document, and to send a new version of it in the chat (the one
//! dialog of this feature, in `version.rs`).

pub mod callback;
mod version;

pub use version::{FEATURE, Step, on_message};

use crate::domain::library::DocType;
use crate::i18n::{MainMsg, MinutesMsg};
use crate::services::library::{self, Item, Wanted};
use crate::storage::sensitivity::Item as ClassItem;
use crate::telegram::shared::reuse::{class_label, reuse_button};
use crate::telegram::shared::{BotDialogue, ButtonResult, HandlerResult, Turn, button, kb};
use callback::Cb;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

async fn mechanisms_keyboard(turn: &Turn<'_>) -> Result<Option<InlineKeyboardMarkup>, crate::domain::AppError> {
    let mechs = library::visible_mechanisms(&turn.app.ctx, &turn.access).await?;
    if mechs.is_empty() {
        return Ok(None);
    }
    let rows =
        mechs.chunks(2).map(|c| c.iter().map(|m| button(m.code.clone(), Cb::Mechanism(m.id))).collect()).collect();
    Ok(Some(kb(rows)))
}

pub async fn show(turn: &mut Turn<'_>) -> HandlerResult {
    match mechanisms_keyboard(turn).await {
        Ok(Some(k)) => {
            turn.say_with(turn.t(MinutesMsg::LibChooseMechanism), k).await?;
        }
        Ok(None) => {
            turn.say(MinutesMsg::LibNothing).await?;
        }
        Err(e) => {
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}

fn type_name(t: DocType) -> String {
    t.to_string()
}

async fn show_types(turn: &mut Turn<'_>, mechanism_id: i64, message_id: MessageId) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let types = match library::types(ctx, &turn.access, mechanism_id).await {
        Ok(t) => t,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let Some(mech) = crate::storage::reference::mechanism_by_id(&ctx.db, mechanism_id).await? else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let name = mech.name(turn.lang()).to_string();
    if types.is_empty() {
        turn.edit(message_id, turn.t(MinutesMsg::LibEmpty { mechanism: name }), None).await?;
        return Ok(None);
    }
    let rows = types
        .iter()
        .map(|(t, n)| {
            let label = turn.t(MinutesMsg::BtnLibType { doc_type: type_name(*t), count: *n });
            vec![button(label, Cb::Type { mechanism: mechanism_id, doc_type: t.code(), page: 0 })]
        })
        .collect();
    turn.edit(message_id, turn.t(MinutesMsg::LibChooseType { mechanism: name }), Some(kb(rows))).await?;
    Ok(None)
}

/// A list line with the item's class when it is not internal ("🔒 Restreint : NRC, DRC").
async fn with_class(turn: &Turn<'_>, label: String, item: ClassItem) -> Result<String, crate::domain::AppError> {
    let (sensitivity, _) = crate::services::sensitivity::shown(&turn.app.ctx, item).await?;
    if sensitivity == crate::domain::sensitivity::Sensitivity::Internal {
        return Ok(label);
    }
    let (class, _) = class_label(&turn.app.ctx, &turn.app.i18n, turn.lang(), item).await?;
    Ok(format!("{label} · {class}"))
}

async fn show_page(turn: &mut Turn<'_>, mechanism_id: i64, code: u8, page: u16, message_id: MessageId) -> ButtonResult {
    let Some(doc_type) = DocType::from_code(code) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
    let ctx = &turn.app.ctx;
    let listed = match library::list(ctx, &turn.access, mechanism_id, doc_type, usize::from(page)).await {
        Ok(p) => p,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let Some(mech) = crate::storage::reference::mechanism_by_id(&ctx.db, mechanism_id).await? else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    for item in &listed.items {
        match item {
            Item::Document(d) => {
                let date = d
                    .doc_date
                    .clone()
                    .unwrap_or_else(|| d.filed_at.with_timezone(&ctx.tz).format("%Y-%m-%d").to_string());
                let label = turn.t(MinutesMsg::BtnLibDoc { title: d.title.clone(), version: d.version, date });
                let label = with_class(turn, label, ClassItem::Document(d.id)).await?;
                rows.push(vec![
                    button(label, Cb::Document(d.id)),
                    reuse_button(&turn.app.i18n, turn.lang(), ClassItem::Document(d.id)),
                ]);
                if library::manages(ctx, &turn.access, d.id).await? {
                    rows.push(vec![
                        button(turn.t(MinutesMsg::BtnLibRetype), Cb::Retype(d.id)),
                        button(turn.t(MinutesMsg::BtnLibNewVersion), Cb::NewVersion(d.id)),
                        button(turn.t(MinutesMsg::BtnLibRetire { title: d.title.clone() }), Cb::Retire(d.id)),
                    ]);
                }
            }
            Item::Minutes { minutes_id, meeting_at, .. } => {
                let date = meeting_at.with_timezone(&ctx.tz).format("%d/%m/%Y").to_string();
                let item = ClassItem::Minutes(*minutes_id);
                let label = with_class(turn, turn.t(MinutesMsg::BtnLibMinutes { date }), item).await?;
                rows.push(vec![
                    button(label, Cb::Minutes(*minutes_id)),
                    reuse_button(&turn.app.i18n, turn.lang(), item),
                ]);
            }
        }
    }
    let mut nav = Vec::new();
    let current = u16::try_from(listed.page).unwrap_or(0);
    if current > 0 {
        nav.push(button(
            turn.t(MinutesMsg::BtnLibPrev),
            Cb::Type { mechanism: mechanism_id, doc_type: code, page: current - 1 },
        ));
    }
    if listed.page + 1 < listed.pages {
        nav.push(button(
            turn.t(MinutesMsg::BtnLibNext),
            Cb::Type { mechanism: mechanism_id, doc_type: code, page: current.saturating_add(1) },
        ));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    let text = turn.t(MinutesMsg::LibList {
        mechanism: mech.name(turn.lang()).to_string(),
        doc_type: type_name(doc_type),
        page: listed.page + 1,
        pages: listed.pages,
    });
    turn.edit(message_id, text, Some(kb(rows))).await?;
    Ok(None)
}

/// The types a document may be filed under (not minutes), its own marked.
async fn show_retype(turn: &mut Turn<'_>, id: i64, message_id: MessageId) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let doc = match library::managed(ctx, &turn.access, id).await {
        Ok(d) => d,
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    use strum::IntoEnumIterator;
    let types: Vec<InlineKeyboardButton> = DocType::iter()
        .filter(|t| *t != DocType::Minutes)
        .map(|t| {
            let label = turn.t(MinutesMsg::BtnShareType { on: t == doc.doc_type, doc_type: t.to_string() });
            button(label, Cb::SetType { document: id, doc_type: t.code() })
        })
        .collect();
    let rows: Vec<Vec<InlineKeyboardButton>> = types.chunks(2).map(|c| c.to_vec()).collect();
    turn.edit(message_id, turn.t(MinutesMsg::LibChooseNewType { title: doc.title }), Some(kb(rows))).await?;
    Ok(None)
}

pub async fn on_button(turn: &mut Turn<'_>, dialogue: &BotDialogue, cb: Cb, message_id: MessageId) -> ButtonResult {
    let ctx = &turn.app.ctx;
    match cb {
        Cb::NewVersion(d) => version::ask(turn, dialogue, d).await,
        Cb::Mechanism(m) => show_types(turn, m, message_id).await,
        Cb::Type { mechanism, doc_type, page } => show_page(turn, mechanism, doc_type, page, message_id).await,
        Cb::Document(d) => match library::request(ctx, &turn.access, Wanted::Document(d)).await {
            Ok(()) => Ok(Some(MinutesMsg::LibComing.into())),
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        Cb::Minutes(m) => match library::request(ctx, &turn.access, Wanted::Minutes(m)).await {
            Ok(()) => Ok(Some(MinutesMsg::LibComing.into())),
            Err(e) => Ok(Some(turn.refusal(&e))),
        },
        Cb::Retype(d) => show_retype(turn, d, message_id).await,
        Cb::SetType { document, doc_type } => {
            let Some(t) = DocType::from_code(doc_type) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            let actor = crate::services::meetings::Actor::Person(&turn.access);
            match library::retype(ctx, actor, document, t).await {
                Ok(_) => {
                    let text = turn.t(MinutesMsg::LibRetyped { doc_type: type_name(t) });
                    turn.edit(message_id, text, None).await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
        Cb::Retire(d) => {
            let actor = crate::services::meetings::Actor::Person(&turn.access);
            match library::retire(ctx, actor, d).await {
                Ok(_) => Ok(Some(MinutesMsg::LibRetired.into())),
                Err(e) => Ok(Some(turn.refusal(&e))),
            }
        }
    }
}
