//! What any feature shows about an item's class: its label ("🔒 Restreint : NRC, DRC") and
//! the "♻️" button that starts a reuse request (its data is decoded by the router for the
//! reuse feature).

use super::callback::{CallbackData, id, parts};
use super::turn::button;
use crate::domain::Language;
use crate::domain::sensitivity::Sensitivity;
use crate::i18n::{I18n, SensitivityMsg};
use crate::services::Ctx;
use crate::storage::sensitivity::Item;
use teloxide::types::InlineKeyboardButton;

/// A pressed "♻️": reuse this document or these minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReuseButton(pub Item);

impl CallbackData for ReuseButton {
    fn encode(&self) -> String {
        match self.0 {
            Item::Document(d) => format!("ru:d:{d}"),
            Item::Minutes(m) => format!("ru:m:{m}"),
        }
    }

    fn decode(data: &str) -> Option<Self> {
        let parts = parts(data)?;
        Some(ReuseButton(match parts.as_slice() {
            ["ru", "d", d] => Item::Document(id(d)?),
            ["ru", "m", m] => Item::Minutes(id(m)?),
            _ => return None,
        }))
    }
}

pub fn reuse_button(i18n: &I18n, lang: Language, item: Item) -> InlineKeyboardButton {
    button(i18n.render(lang, crate::i18n::Msg::from(SensitivityMsg::BtnReuse)), ReuseButton(item))
}

/// The item's class, as a label, and whether it is sent protected.
pub async fn class_label(
    ctx: &Ctx,
    i18n: &I18n,
    lang: Language,
    item: Item,
) -> crate::domain::AppResult<(String, bool)> {
    let (sensitivity, orgs) = crate::services::sensitivity::shown(ctx, item).await?;
    let msg = SensitivityMsg::SnLabel { class: sensitivity.to_string(), orgs: orgs.join(", ") };
    let label = i18n.render(lang, crate::i18n::Msg::from(msg));
    Ok((label, sensitivity != Sensitivity::Public))
}
