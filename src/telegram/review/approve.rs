//! Approving a submission from /review, and locking or unlocking a month (/lock, /unlock).

use super::callback::Cb;
use super::lines::month_arg;
use crate::domain::Mechanism;
use crate::domain::fourw::ReportingMonth;
use crate::i18n::{FivewMsg, MainMsg};
use crate::services::approval::{self, Locker};
use crate::storage::approval as store;
use crate::telegram::shared::format::month_label;
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{ButtonResult, HandlerError, HandlerResult, Turn, button};

/// The approve buttons of a page of /review: one per submission shown on it (organisation,
/// mechanism) that is not approved, without lines waiting for a correction, in a month not
/// locked.
pub(super) async fn approve_buttons(
    turn: &Turn<'_>,
    month: ReportingMonth,
    scope: &Option<Mechanism>,
    on_page: &[(String, i64)],
) -> Result<Vec<teloxide::types::InlineKeyboardButton>, HandlerError> {
    let ctx = &turn.app.ctx;
    if approval::is_locked(ctx, month).await? {
        return Ok(vec![]);
    }
    Ok(store::submissions(&ctx.db, month, scope.as_ref().map(|m| m.id))
        .await?
        .into_iter()
        .filter(|s| !s.approved && !s.returned)
        .filter(|s| on_page.iter().any(|(org, mech)| *org == s.org && *mech == s.mechanism_id))
        .map(|s| button(turn.t(FivewMsg::BtnFwApprove { org: s.org.clone() }), Cb::FwApprove(s.id)))
        .collect())
}

/// ✅ pressed: approved (the organisation is told by the service), or why not.
pub(super) async fn approve_pressed(turn: &mut Turn<'_>, submission_id: i64) -> ButtonResult {
    let ctx = &turn.app.ctx;
    let Some((org, _, month, _)) = store::submission_key(&ctx.db, submission_id).await? else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    match approval::approve(ctx, &turn.access, submission_id).await {
        Ok(()) => {
            let org = crate::storage::reference::organisation_by_id(&ctx.db, org)
                .await?
                .map(|o| o.acronym)
                .unwrap_or_default();
            let month = ReportingMonth::parse(&month).map(month_label).unwrap_or(month);
            turn.say(FivewMsg::FwApproveDone { org, month }).await?;
            Ok(None)
        }
        Err(e @ crate::domain::AppError::Internal(_)) => Err(e.into()),
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// /lock [YYYY-MM] (default: the open month) and /unlock YYYY-MM.
pub(super) async fn lock(turn: &mut Turn<'_>, args: &[&str], lock: bool) -> HandlerResult {
    let command = if lock { "lock" } else { "unlock" };
    let Some(month) = month_arg(turn, args, command).await? else { return Ok(()) };
    match approval::set_lock(&turn.app.ctx, Locker::Person(&turn.access), month, lock).await {
        Ok(changed) => turn.say(FivewMsg::FwLockDone { month: month_label(month), locked: lock, changed }).await?,
        Err(e) => turn.say(turn.refusal(&e)).await?,
    };
    Ok(())
}

/// The approve buttons laid out under the return buttons.
pub(super) fn rows(
    buttons: Vec<teloxide::types::InlineKeyboardButton>,
) -> Vec<Vec<teloxide::types::InlineKeyboardButton>> {
    rows_of(buttons, 2)
}
