//! The source of minutes, asked before any reuse of them: the chair's organisation unless the
//! chair names another member organisation of the mechanism from a list of buttons in the
//! summary. The service checks the organisation named again when the minutes are shared.

use super::callback::Cb;
use super::share::{Choice, class_question, class_rows, org_page_rows};
use crate::domain::AppError;
use crate::i18n::SensitivityMsg;
use crate::services::minutes as svc;
use crate::services::sensitivity::member_organisations;
use crate::telegram::shared::{Turn, button};
use teloxide::types::InlineKeyboardButton;

/// What the chair has chosen in the summary: the class and the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Picks {
    pub choice: Choice,
    /// The organisation named as the source (the default otherwise).
    pub source: Option<i64>,
    /// The page of the source list while it is open.
    pub source_page: Option<u8>,
}

impl Picks {
    /// The meeting and the picks of a summary step.
    pub fn of(step: &super::Step) -> Option<(i64, Picks)> {
        let super::Step::MinutesConfirm { meeting_id, sensitivity, orgs, org_page, source, source_page, .. } = step
        else {
            return None;
        };
        let choice = Choice { sensitivity: *sensitivity, orgs: orgs.clone(), page: *org_page };
        Some((*meeting_id, Picks { choice, source: *source, source_page: *source_page }))
    }

    /// Writes the picks back into a summary step.
    pub fn store(self, step: &mut super::Step) {
        if let super::Step::MinutesConfirm { sensitivity, orgs, org_page, source, source_page, .. } = step {
            (*sensitivity, *orgs, *org_page) = (self.choice.sensitivity, self.choice.orgs, self.choice.page);
            (*source, *source_page) = (self.source, self.source_page);
        }
    }
}

/// The question under the summary and its buttons: the class rows and a "source" button, or,
/// while the source list is open, a page of the mechanism's member organisations.
pub(super) async fn rows(
    turn: &Turn<'_>,
    mechanism_id: i64,
    picks: &Picks,
) -> Result<(String, Vec<Vec<InlineKeyboardButton>>), AppError> {
    let ctx = &turn.app.ctx;
    let current =
        svc::minutes_source(ctx, crate::services::meetings::Actor::Person(&turn.access), mechanism_id, picks.source)
            .await?;
    let Some(page) = picks.source_page else {
        let mut rows = class_rows(turn, &picks.choice, &[mechanism_id]).await?;
        let mut question = class_question(turn, &picks.choice);
        if let Some(org) = current {
            question = format!("{question}\n{}", turn.t(SensitivityMsg::SnSourceLine { org: org.acronym.clone() }));
            rows.push(vec![button(turn.t(SensitivityMsg::BtnSnSource { org: org.acronym }), Cb::SourcePage(0))]);
        }
        return Ok((question, rows));
    };
    let orgs = member_organisations(ctx, &[mechanism_id]).await?;
    let is_current = |o: &crate::domain::Organisation| current.as_ref().is_some_and(|c| c.id == o.id);
    let rows = org_page_rows(turn, &orgs, page, is_current, Cb::Source, Cb::SourcePage);
    Ok((turn.t(SensitivityMsg::SnChooseSource), rows))
}

/// Applies a source button: `Ok(false)` when it is not one, `Err` with a notice when it names an
/// organisation that is not a member of the mechanism.
pub(super) async fn apply(
    turn: &Turn<'_>,
    picks: &mut Picks,
    cb: Cb,
    mechanism_id: i64,
) -> Result<bool, crate::i18n::Msg> {
    match cb {
        Cb::SourcePage(p) => picks.source_page = Some(p),
        Cb::Source(o) => {
            let members = member_organisations(&turn.app.ctx, &[mechanism_id]).await.map_err(|e| turn.refusal(&e))?;
            if !members.iter().any(|m| m.id == o) {
                return Err(crate::i18n::MainMsg::ButtonExpired.into());
            }
            picks.source = Some(o);
            picks.source_page = None;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
