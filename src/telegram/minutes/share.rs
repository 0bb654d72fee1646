//! /share (coordinators, and chairs for the mechanisms they chair): a document to the members
//! of one or more mechanisms, with its
//! library type and its class (internal, restricted to chosen organisations, public); the
//! class buttons are also those of the minutes dialog.

use super::Step;
use super::callback::Cb;
use crate::domain::sensitivity::{Class, Sensitivity};
use crate::i18n::{MainMsg, MinutesMsg, SensitivityMsg};
use crate::services::minutes as svc;
use crate::storage::reference;
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerResult, Turn, button, edit_or_send, kb,
};
use teloxide::types::{InlineKeyboardButton, MessageId};

/// Organisations shown on a page of the restricted picker.
const ORGS_PER_PAGE: usize = 8;

/// /share (coordinators; chairs for their mechanisms): a document to one or more mechanisms.
pub(super) async fn start_share(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if !crate::services::documents::may_share(&turn.access) {
        turn.say(if turn.access.is_member() { MainMsg::NotAllowed } else { MainMsg::NotAMember }).await?;
        return Ok(());
    }
    dialogue.set(Step::ShareAwaitDocument).await?;
    let k = kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]]);
    turn.say_with(turn.t(MinutesMsg::ShareSendDocument), k).await?;
    Ok(())
}

/// The class being chosen in a dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Choice {
    pub sensitivity: Option<u8>,
    pub orgs: Vec<i64>,
    pub page: u8,
}

impl Choice {
    pub fn class(&self) -> Class {
        Class {
            sensitivity: self.sensitivity.and_then(Sensitivity::from_code).unwrap_or_default(),
            organisations: self.orgs.clone(),
        }
    }

    /// Applies a class button; `Ok(false)` when the button is not a class button, `Err` with
    /// a notice when it names an organisation that cannot be chosen.
    pub async fn apply(&mut self, turn: &Turn<'_>, cb: Cb, mechanisms: &[i64]) -> Result<bool, crate::i18n::Msg> {
        match cb {
            Cb::Class(c) => self.sensitivity = Some(c),
            Cb::ClassOrgPage(p) => self.page = p,
            Cb::ClassOrg(o) => {
                let members = crate::services::sensitivity::member_organisations(&turn.app.ctx, mechanisms)
                    .await
                    .map_err(|e| turn.refusal(&e))?;
                if !members.iter().any(|m| m.id == o) {
                    return Err(MainMsg::ButtonExpired.into());
                }
                match self.orgs.iter().position(|x| *x == o) {
                    Some(i) => {
                        self.orgs.remove(i);
                    }
                    None => self.orgs.push(o),
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// The class buttons: one row of classes and, for a restricted item, a page of the member
/// organisations of its mechanisms to choose from.
pub(super) async fn class_rows(
    turn: &Turn<'_>,
    choice: &Choice,
    mechanisms: &[i64],
) -> Result<Vec<Vec<InlineKeyboardButton>>, crate::domain::AppError> {
    use strum::IntoEnumIterator;
    let chosen = choice.class().sensitivity;
    let mut rows = vec![
        Sensitivity::iter()
            .map(|s| {
                let label = turn.t(SensitivityMsg::BtnSnClass { on: s == chosen, class: s.to_string() });
                button(label, Cb::Class(s.code()))
            })
            .collect::<Vec<_>>(),
    ];
    if chosen == Sensitivity::Restricted {
        let orgs = crate::services::sensitivity::member_organisations(&turn.app.ctx, mechanisms).await?;
        rows.extend(org_page_rows(
            turn,
            &orgs,
            choice.page,
            |o| choice.orgs.contains(&o.id),
            Cb::ClassOrg,
            Cb::ClassOrgPage,
        ));
    }
    Ok(rows)
}

/// A page of organisation buttons (✅ on those `on` says), two a row, and ◀ ▶ to the
/// neighbouring pages; a page past the end shows the last.
pub(super) fn org_page_rows(
    turn: &Turn<'_>,
    orgs: &[crate::domain::Organisation],
    page: u8,
    on: impl Fn(&crate::domain::Organisation) -> bool,
    pick: impl Fn(i64) -> Cb,
    to_page: impl Fn(u8) -> Cb,
) -> Vec<Vec<InlineKeyboardButton>> {
    let pages = orgs.len().div_ceil(ORGS_PER_PAGE).max(1);
    let page = usize::from(page).min(pages - 1);
    let shown: Vec<InlineKeyboardButton> = orgs
        .iter()
        .skip(page * ORGS_PER_PAGE)
        .take(ORGS_PER_PAGE)
        .map(|o| button(turn.t(SensitivityMsg::BtnSnOrg { on: on(o), org: o.acronym.clone() }), pick(o.id)))
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = shown.chunks(2).map(|c| c.to_vec()).collect();
    let p = u8::try_from(page).unwrap_or(0);
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(button(turn.t(SensitivityMsg::BtnSnPrev), to_page(p.saturating_sub(1))));
    }
    if page + 1 < pages {
        nav.push(button(turn.t(SensitivityMsg::BtnSnNext), to_page(p.saturating_add(1))));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    rows
}

/// The question above the class buttons.
pub(super) fn class_question(turn: &Turn<'_>, choice: &Choice) -> String {
    if choice.class().sensitivity == Sensitivity::Restricted {
        turn.t(SensitivityMsg::SnChooseOrgs)
    } else {
        turn.t(SensitivityMsg::SnChooseClass)
    }
}

pub(super) async fn show_mechanism_picker(turn: &Turn<'_>, step: &Step, edit: Option<MessageId>) -> HandlerResult {
    let Step::ShareMechanisms { selected, doc_type, sensitivity, orgs, org_page, .. } = step else { return Ok(()) };
    // A chair is offered the mechanisms they chair; a coordinator every mechanism.
    let mechs: Vec<_> = reference::mechanisms(&turn.app.ctx.db)
        .await?
        .into_iter()
        .filter(|m| crate::services::documents::may_share_with(&turn.access, &[m.id]))
        .collect();
    let buttons: Vec<InlineKeyboardButton> = mechs
        .iter()
        .map(|m| {
            button(
                turn.t(MinutesMsg::BtnToggleMech { on: selected.contains(&m.id), code: m.code.clone() }),
                Cb::ShareToggle(m.id),
            )
        })
        .collect();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(|c| c.to_vec()).collect();
    // Its type in the library (other until one is chosen).
    use crate::domain::library::DocType;
    use strum::IntoEnumIterator;
    let chosen = doc_type.and_then(DocType::from_code).unwrap_or(DocType::Other);
    let types: Vec<InlineKeyboardButton> = DocType::iter()
        .filter(|t| *t != DocType::Minutes)
        .map(|t| {
            let label = turn.t(MinutesMsg::BtnShareType { on: t == chosen, doc_type: t.to_string() });
            button(label, Cb::ShareType(t.code()))
        })
        .collect();
    rows.extend(types.chunks(2).map(|c| c.to_vec()));
    let choice = Choice { sensitivity: *sensitivity, orgs: orgs.clone(), page: *org_page };
    rows.extend(class_rows(turn, &choice, selected).await?);
    rows.push(vec![button(turn.t(MinutesMsg::BtnSend), Cb::ShareSend), button(turn.t(MainMsg::BtnCancel), Cancel)]);
    let q = format!("{}\n{}", turn.t(MinutesMsg::ShareChooseMechanisms), class_question(turn, &choice));
    edit_or_send(turn, edit, q, Some(kb(rows))).await?;
    Ok(())
}

/// The share dialog's buttons: mechanisms, type, class, organisations, send.
pub(super) async fn on_button(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut step: Step,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let Step::ShareMechanisms { file_id, file_name, caption, selected, doc_type, sensitivity, orgs, org_page } =
        &mut step
    else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    match cb {
        Cb::ShareType(t) => *doc_type = Some(t),
        Cb::ShareToggle(mech) => {
            if reference::mechanism_by_id(&turn.app.ctx.db, mech).await?.is_none()
                || !crate::services::documents::may_share_with(&turn.access, &[mech])
            {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            match selected.iter().position(|m| *m == mech) {
                Some(i) => {
                    selected.remove(i);
                }
                None => selected.push(mech),
            }
        }
        Cb::ShareSend => {
            if selected.is_empty() {
                return Ok(Some(MinutesMsg::ShareNothingSelected.into()));
            }
            let class = Choice { sensitivity: *sensitivity, orgs: orgs.clone(), page: 0 }.class();
            let doc_type = doc_type
                .and_then(crate::domain::library::DocType::from_code)
                .unwrap_or(crate::domain::library::DocType::Other);
            let ctx = &turn.app.ctx;
            let shared = crate::services::documents::share_document(
                ctx,
                &turn.access,
                file_id,
                file_name.as_deref(),
                caption.as_deref(),
                selected,
                doc_type,
                &class,
            )
            .await;
            return match shared {
                Ok(document_id) => {
                    dialogue.exit().await?;
                    let mut everyone = Vec::new();
                    for m in selected.iter() {
                        everyone.extend(svc::mechanism_recipients(ctx, *m).await?);
                    }
                    everyone.sort_unstable();
                    everyone.dedup();
                    let message = crate::domain::jobs::Outgoing::Document { document_id };
                    let everyone = svc::class_recipients(ctx, everyone, &message).await?;
                    turn.edit(message_id, turn.t(MinutesMsg::ShareDone { count: everyone.len() }), None).await?;
                    Ok(None)
                }
                Err(e) => Ok(Some(turn.refusal(&e))),
            };
        }
        other => {
            let mut choice = Choice { sensitivity: *sensitivity, orgs: orgs.clone(), page: *org_page };
            match choice.apply(turn, other, selected).await {
                Ok(true) => {}
                Ok(false) => return Ok(Some(MainMsg::ButtonExpired.into())),
                Err(notice) => return Ok(Some(notice)),
            }
            (*sensitivity, *orgs, *org_page) = (choice.sensitivity, choice.orgs, choice.page);
        }
    }
    dialogue.set(step.clone()).await?;
    show_mechanism_picker(turn, &step, Some(message_id)).await?;
    Ok(None)
}
