//! The situation items' messages, rendered when sent: to a regional chair the item with
//! Validate / Refuse (while it is pending); to a national chair the validated item, marked
//! "not verified" when so, its source named only when the organisation allowed it.

use super::callback::Cb;
use crate::domain::jobs::Outgoing;
use crate::domain::situation::ItemState;
use crate::domain::situation::SituationMsg;
use crate::domain::{Language, Person};
use crate::i18n::SituationsMsg as T;
use crate::services::situation as svc;
use crate::storage::situation::Item;
use crate::telegram::shared::outgoing::{RenderResult, Rendered};
use crate::telegram::shared::{App, button, kb};

/// The item as the regional chair reads it (the organisation named: it is their member).
pub(super) fn for_regional_chair(app: &App, lang: Language, item: &Item) -> String {
    app.i18n.render(
        lang,
        &T::StToValidate {
            org: item.organisation.clone(),
            place: format!("{} ({})", item.place, item.pcode),
            theme: item.theme.name(lang).to_string(),
            text: item.text.clone(),
            verified: item.verified,
            source: item.source_nameable,
        },
    )
}

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::Situation(msg) = message else { return Ok(Err("not a situation message".into())) };
    let lang = person.language;
    let t = |m: T| app.i18n.render(lang, &m);
    Ok(Ok(match msg {
        SituationMsg::ToValidate { item_id } => {
            let item = svc::get(&app.ctx, *item_id).await?;
            if item.state != ItemState::Pending {
                return Ok(Err("the item was decided".into()));
            }
            let keyboard = kb(vec![vec![
                button(t(T::BtnStValidate), Cb::Decide { item: item.id, validate: true }),
                button(t(T::BtnStRefuse), Cb::Decide { item: item.id, validate: false }),
            ]]);
            Rendered::text(for_regional_chair(app, lang, &item)).with_keyboard(keyboard).protected()
        }
        SituationMsg::ToNational { item_id } => {
            let item = svc::get(&app.ctx, *item_id).await?;
            if item.state != ItemState::Validated {
                return Ok(Err("the item is not validated".into()));
            }
            let shared = svc::shared(&item);
            let text = t(T::StToNational {
                mechanism: shared.mechanism.clone(),
                place: format!("{} ({})", shared.place, shared.pcode),
                theme: shared.theme.name(lang).to_string(),
                text: shared.text.as_str().into(),
                verified: shared.verified,
                source: shared.source.clone().unwrap_or_else(|| t(T::StSourceWithheld)),
            });
            Rendered::text(text).protected()
        }
        SituationMsg::Decided { item_id } => {
            let item = svc::get(&app.ctx, *item_id).await?;
            let (mechanism, place, theme) =
                (item.mechanism.clone(), format!("{} ({})", item.place, item.pcode), item.theme.name(lang).to_string());
            Rendered::text(match item.state {
                ItemState::Validated => t(T::StDecidedValidated { mechanism, place, theme }),
                ItemState::Refused => t(T::StDecidedRefused { mechanism, place, theme }),
                ItemState::Pending => return Ok(Err("the item is not decided".into())),
            })
        }
    }))
}
