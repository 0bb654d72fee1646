//! Pressed buttons of the /report dialog, submitting, and "correct line N" on a returned line.

use super::callback::Cb;
use super::dialog::{ask, ask_cancel, line_error, open_seat};
use super::draft::{LineDraft, ReportDraft, Step, cercle_code, commune_code, region_code};
use super::review::{page_of, pages};
use super::steps::{advance, set_cercle, set_count, set_date};
use crate::domain::fourw::{Counts, Line, MAX_LINES, PopulationGroup};
use crate::i18n::{FivewMsg, MainMsg, ReportMsg};
use crate::services::reports as svc;
use crate::storage::{modalities, reports as store};
use crate::telegram::shared::format::{from_ymd, month_label};
use crate::telegram::shared::{BotDialogue, ButtonResult, Turn};
use teloxide::types::MessageId;

pub(super) async fn button_press(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    mut d: ReportDraft,
    cb: Cb,
    message_id: MessageId,
) -> ButtonResult {
    let db = &turn.app.ctx.db;
    let edit = Some(message_id);
    match (cb, d.step) {
        // A button of a review that showed another version of the draft (or of a review no
        // longer on screen): nothing is done, the current screen is shown.
        (
            Cb::FwEdit { version, .. }
            | Cb::FwDelete { version, .. }
            | Cb::FwSubmit(version)
            | Cb::FwPage { version, .. },
            step,
        ) if step != Step::Review || version != d.version => {
            let why = turn.t(FivewMsg::FwStaleScreen);
            ask(turn, dialogue, &d, Some(why), edit).await?;
            return Ok(Some(FivewMsg::FwStaleScreen.into()));
        }
        (Cb::FwCancel, _) => ask_cancel(turn, edit).await?,
        (Cb::FwDiscard(true), _) => {
            dialogue.exit().await?;
            turn.edit(message_id, turn.t(MainMsg::CancelDone), None).await?;
        }
        (Cb::FwDiscard(false), _) => ask(turn, dialogue, &d, None, edit).await?,
        (Cb::FwMonth(v), Step::Month) => {
            let months = svc::reportable_months(&turn.app.ctx);
            let Some(month) = months.into_iter().find(|m| m.year as u32 * 100 + m.month == v) else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            d.month = Some(month);
            let seats = svc::reporting_seats(&turn.access);
            if let [(o, m)] = seats.as_slice() {
                d.org_id = Some(o.id);
                d.mechanism_id = Some(m.id);
                open_seat(turn, dialogue, d, edit).await?;
            } else {
                d.step = Step::Seat;
                ask(turn, dialogue, &d, None, edit).await?;
            }
        }
        (Cb::FwSeat { org, mech }, Step::Seat) => {
            if !svc::reporting_seats(&turn.access).iter().any(|(o, m)| o.id == org && m.id == mech) {
                return Ok(Some(MainMsg::NotAllowed.into()));
            }
            d.org_id = Some(org);
            d.mechanism_id = Some(mech);
            open_seat(turn, dialogue, d, edit).await?;
        }
        (Cb::FwAdd, Step::Start | Step::Review) if d.lines.len() >= MAX_LINES => {
            return Ok(Some(FivewMsg::FwLinesCap { max: MAX_LINES }.into()));
        }
        (Cb::FwAdd, Step::Start | Step::Review) => {
            d.line = LineDraft::default();
            d.editing = None;
            d.step = Step::Sector;
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwCopy, Step::Start) => {
            let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            let copied = svc::same_as_last_month(&turn.app.ctx, org, mech, month).await?;
            if copied.lines.is_empty() {
                let why = turn.t(ReportMsg::FwNoLastMonth { month: month_label(month.previous()) });
                ask(turn, dialogue, &d, Some(why), edit).await?;
            } else {
                let capped = (copied.last_month > copied.lines.len())
                    .then(|| turn.t(FivewMsg::FwCopyCapped { count: copied.last_month, max: MAX_LINES }));
                d.lines = copied.lines;
                d.page = 0;
                d.changed();
                d.step = Step::Review;
                ask(turn, dialogue, &d, capped, edit).await?;
            }
        }
        (Cb::FwNone, Step::Start) => return submit(turn, dialogue, d, true, message_id).await,
        (Cb::FwSheet, Step::Start | Step::Review | Step::Sheet) => {
            return super::sheet::send_template(turn, dialogue, d).await;
        }
        (Cb::FwSubmit(_), Step::Review) => return submit(turn, dialogue, d, false, message_id).await,
        (Cb::FwEdit { line, .. }, Step::Review) if usize::from(line) < d.lines.len() => {
            d.line = LineDraft::from_line(&d.lines[usize::from(line)]);
            d.editing = Some(usize::from(line));
            d.step = Step::Sector;
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwDelete { line, .. }, Step::Review) if usize::from(line) < d.lines.len() => {
            d.lines.remove(usize::from(line));
            d.changed();
            d.page = d.page.min(pages(d.lines.len()) - 1);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwPage { page, .. }, Step::Review) if usize::from(page) < pages(d.lines.len()) => {
            d.page = usize::from(page);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwSector(i), Step::Sector) => {
            let sectors = store::sectors(db).await?;
            let Some(s) = sectors.get(usize::from(i)) else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            if d.line.sector.as_deref() != Some(&s.code) {
                d.line.activity = None;
            }
            d.line.sector = Some(s.code.clone());
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwActivity(id), Step::Activity) => {
            let Some(a) = store::activity_by_id(db, id).await? else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            if d.line.sector.as_deref() != Some(&a.sector_code) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            d.line.activity = Some(a.code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwRegion(n), Step::Region) => {
            let code = region_code(n);
            if store::units(db, None).await?.iter().all(|(p, _)| *p != code) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            if d.line.region.as_deref() != Some(&code) {
                d.line.cercle = None;
            }
            d.line.region = Some(code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwCercle(n), Step::Cercle) => {
            let code = cercle_code(n);
            let region = d.line.region.clone().unwrap_or_default();
            if store::units(db, Some(&region)).await?.iter().all(|(p, _)| *p != code) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            set_cercle(&mut d, code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        // A commune is taken only among those of the line's cercle in the newest version: a
        // button of another cercle (an old screen, or forged) changes nothing.
        (Cb::FwCommune(n), Step::Commune) => {
            let code = commune_code(n);
            let cercle = d.line.cercle.clone().unwrap_or_default();
            if store::communes(db, Some(&cercle)).await?.iter().all(|(p, _)| *p != code) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            d.line.commune = Some(code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwCommunePage(page), Step::Commune) => {
            d.commune_page = page;
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwStatus(s), Step::Status) => {
            d.line.status = Some(s);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwDate(v), Step::StartDate | Step::EndDate) => {
            let Some(date) = from_ymd(v) else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            match set_date(&mut d, date) {
                Ok(()) => {
                    advance(&mut d);
                    ask(turn, dialogue, &d, None, edit).await?;
                }
                Err(e) => {
                    let why = turn.t(line_error(&e, &d));
                    ask(turn, dialogue, &d, Some(why), edit).await?;
                }
            }
        }
        (Cb::FwPop(i), Step::Population) => {
            let Some(g) = PopulationGroup::all().get(usize::from(i)).copied() else {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            };
            d.line.population = Some(g);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwModality(id), Step::Modality) => {
            let Some(m) = modalities::by_id(db, id).await? else { return Ok(Some(MainMsg::ButtonExpired.into())) };
            if d.line.sector.as_deref() != Some(&m.sector_code) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            d.line.modality = Some(m.code);
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwSame, _) => {
            if super::dialog::same_above(turn, &d).await?.is_none() || !same_as_above(&mut d) {
                return Ok(Some(MainMsg::ButtonExpired.into()));
            }
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwSameReached, Step::Targeted) => {
            let l = &d.line;
            let reached = [l.girls, l.boys, l.women, l.men, l.elderly_women, l.elderly_men].map(|n| n.unwrap_or(0));
            d.line.targeted = Some(Counts::from_array(reached));
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (
            Cb::FwCount(n),
            Step::Girls | Step::Boys | Step::Women | Step::Men | Step::ElderlyWomen | Step::ElderlyMen | Step::Disabled,
        ) => match set_count(&mut d, n) {
            Ok(()) => {
                advance(&mut d);
                ask(turn, dialogue, &d, None, edit).await?;
            }
            Err(e) => {
                let why = turn.t(line_error(&e, &d));
                ask(turn, dialogue, &d, Some(why), edit).await?;
            }
        },
        (Cb::FwSkip, Step::Partner | Step::Donor | Step::Remarks | Step::Targeted | Step::PlanCode | Step::Commune) => {
            match d.step {
                Step::Commune => d.line.commune = None,
                Step::Partner => d.line.partner = None,
                Step::Donor => d.line.donor = None,
                Step::Targeted => d.line.targeted = None,
                Step::PlanCode => d.line.plan_code = None,
                _ => d.line.remarks = None,
            }
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        (Cb::FwKeep, step) if d.editing.is_some() && keepable(&d, step) => {
            advance(&mut d);
            ask(turn, dialogue, &d, None, edit).await?;
        }
        _ => return Ok(Some(MainMsg::ButtonExpired.into())),
    }
    Ok(None)
}

/// Whether the current value of a step may be kept as it is (it exists and is still valid).
pub(super) fn keepable(d: &ReportDraft, step: Step) -> bool {
    let l = &d.line;
    match step {
        Step::Sector => l.sector.is_some(),
        Step::Activity => l.activity.is_some(),
        Step::Region => l.region.is_some(),
        Step::Cercle => l.cercle.as_deref().zip(l.region.as_deref()).is_some_and(|(c, r)| c.starts_with(r)),
        Step::Commune => l.commune.is_some(),
        Step::Status => l.status.is_some(),
        Step::StartDate => l.start.is_some(),
        Step::EndDate => l.end.is_some(),
        Step::Girls => l.girls.is_some(),
        Step::Boys => l.boys.is_some(),
        Step::Women => l.women.is_some(),
        Step::Men => l.men.is_some(),
        Step::ElderlyWomen => l.elderly_women.is_some(),
        Step::ElderlyMen => l.elderly_men.is_some(),
        Step::Population => l.population.is_some(),
        Step::Modality => l.modality.is_some(),
        Step::Targeted => l.targeted.is_some(),
        Step::PlanCode => l.plan_code.is_some(),
        Step::Disabled => l.disabled.is_some_and(|n| u64::from(n) <= l.total()),
        Step::Partner => l.partner.is_some(),
        Step::Donor => l.donor.is_some(),
        Step::Remarks => l.remarks.is_some(),
        _ => false,
    }
}

/// Copies the previous line's answer to the current step ("same as above"); false when there
/// is nothing to copy.
fn same_as_above(d: &mut ReportDraft) -> bool {
    let Some(prev) = d.lines.last().cloned() else { return false };
    let l = &mut d.line;
    match d.step {
        Step::Sector => {
            if l.sector.as_deref() != Some(&prev.sector) {
                l.activity = None;
                l.modality = None;
            }
            l.sector = Some(prev.sector);
        }
        Step::Activity => l.activity = Some(prev.activity),
        Step::Region => {
            if l.region.as_deref() != Some(&prev.region) {
                l.cercle = None;
            }
            l.region = Some(prev.region);
        }
        Step::Cercle => {
            if l.cercle.as_deref() != Some(&prev.cercle) {
                l.commune = None;
            }
            l.cercle = Some(prev.cercle);
        }
        Step::Commune => l.commune = prev.commune,
        Step::Status => l.status = Some(prev.status),
        Step::Population => l.population = prev.population,
        Step::Modality => l.modality = prev.modality,
        Step::StartDate => l.start = Some(prev.start),
        Step::EndDate => l.end = Some(prev.end),
        Step::Partner => l.partner = prev.partner,
        Step::Donor => l.donor = prev.donor,
        Step::PlanCode => l.plan_code = prev.plan_code,
        _ => return false,
    }
    true
}

pub(super) async fn submit(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    d: ReportDraft,
    no_activity: bool,
    message_id: MessageId,
) -> ButtonResult {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let lines: &[Line] = if no_activity { &[] } else { &d.lines };
    match svc::submit(&turn.app.ctx, &turn.access, org, mech, month, lines, no_activity).await {
        Ok(Ok(done)) => {
            dialogue.exit().await?;
            let text = if no_activity {
                turn.t(ReportMsg::FwNoActivityDone { month: month_label(month), late: done.late })
            } else {
                turn.t(ReportMsg::FwSubmitted { month: month_label(month), count: done.lines, late: done.late })
            };
            turn.edit(message_id, text, None).await?;
            Ok(None)
        }
        Ok(Err((i, e))) => {
            let why = format!("{} {}", turn.t(ReportMsg::FwLineInvalid { n: i + 1 }), turn.t(line_error(&e, &d)));
            ask(turn, dialogue, &d, Some(why), Some(message_id)).await?;
            Ok(None)
        }
        Err(e) => Ok(Some(turn.refusal(&e))),
    }
}

/// "Correct line N" pressed by the focal point or alternate: /report opens on that line, when
/// the chair returned it or its month is still open (else the refusal, and nothing changes).
pub(super) async fn fix_pressed(turn: &mut Turn<'_>, dialogue: &BotDialogue, line_id: i64) -> ButtonResult {
    let r = match svc::reopen(&turn.app.ctx, &turn.access, line_id).await {
        Ok(r) => r,
        Err(e @ crate::domain::AppError::Internal(_)) => return Err(e.into()),
        Err(e @ (crate::domain::AppError::NotReopenable { .. } | crate::domain::AppError::MonthLocked { .. })) => {
            turn.say(turn.refusal(&e)).await?;
            return Ok(Some(turn.refusal(&e)));
        }
        Err(e) => return Ok(Some(turn.refusal(&e))),
    };
    let d = ReportDraft {
        step: Step::Sector,
        month: Some(r.month),
        org_id: Some(r.organisation_id),
        mechanism_id: Some(r.mechanism_id),
        line: LineDraft::from_line(&r.lines[r.index]),
        lines: r.lines,
        editing: Some(r.index),
        submitted: r.status.as_str().into(),
        page: page_of(r.index),
        ..ReportDraft::new()
    };
    ask(turn, dialogue, &d, None, None).await?;
    Ok(None)
}
