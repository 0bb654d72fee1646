//! Typed answers of the /report dialog, and how the dialog moves from one step to the next.

use super::dialog::{ask, line_error};
use super::draft::{LineDraft, ReportDraft, Step};
use crate::domain::fourw::{
    self, LineError, MAX_DONOR_CHARS, MAX_LINES, MAX_PARTNER_CHARS, MAX_REMARKS_CHARS, match_unit,
};
use crate::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use crate::storage::reports as store;
use crate::telegram::shared::{BotDialogue, HandlerResult, Turn};
use chrono::NaiveDate;

/// Commune buttons per page of the commune question (three a row).
pub(super) const COMMUNES_PER_PAGE: usize = 24;

/// Moves to the step after `d.step` in the line, finishing the line after the remarks.
pub(super) fn advance(d: &mut ReportDraft) {
    d.step = match d.step {
        Step::Sector => Step::Activity,
        Step::Activity => Step::Region,
        Step::Region => Step::Cercle,
        Step::Cercle => {
            d.commune_page = 0;
            Step::Commune
        }
        Step::Commune => Step::Status,
        Step::Status => Step::Population,
        Step::Population => Step::Modality,
        Step::Modality => Step::StartDate,
        Step::StartDate => Step::EndDate,
        Step::EndDate => Step::Girls,
        Step::Girls => Step::Boys,
        Step::Boys => Step::Women,
        Step::Women => Step::Men,
        Step::Men => Step::ElderlyWomen,
        Step::ElderlyWomen => Step::ElderlyMen,
        Step::ElderlyMen => Step::Disabled,
        Step::Disabled => Step::Targeted,
        Step::Targeted => Step::Partner,
        Step::Partner => Step::Donor,
        Step::Donor => Step::PlanCode,
        Step::PlanCode => Step::Remarks,
        Step::Remarks => {
            if let Some(line) = d.line.to_line() {
                match d.editing.take() {
                    Some(i) if i < d.lines.len() => {
                        d.lines[i] = line;
                        d.page = super::review::page_of(i);
                        d.changed();
                    }
                    // The cap was checked when the line was started; never past it.
                    _ if d.lines.len() < MAX_LINES => {
                        d.lines.push(line);
                        d.page = super::review::page_of(d.lines.len() - 1);
                        d.changed();
                    }
                    _ => {}
                }
            }
            d.line = LineDraft::default();
            Step::Review
        }
        other => other,
    };
}

/// Sets the cercle; a commune chosen before stays only if the cercle is the same.
pub(super) fn set_cercle(d: &mut ReportDraft, cercle: String) {
    if d.line.cercle.as_deref() != Some(cercle.as_str()) {
        d.line.commune = None;
    }
    d.line.cercle = Some(cercle);
}

/// Passes over the commune question when the cercle has no communes in the newest boundary
/// version (the line then has none); drops a commune that is not among the cercle's.
pub(super) async fn skip_empty(db: &crate::storage::Db, d: &mut ReportDraft) -> Result<(), crate::domain::AppError> {
    if d.step == Step::Commune {
        let cercle = d.line.cercle.clone().unwrap_or_default();
        let communes = store::communes(db, Some(&cercle)).await?;
        if communes.is_empty() {
            d.line.commune = None;
            advance(d);
        } else if d.line.commune.as_ref().is_some_and(|c| communes.iter().all(|(p, _)| p != c)) {
            d.line.commune = None;
        }
    }
    Ok(())
}

pub(super) fn set_count(d: &mut ReportDraft, n: u32) -> Result<(), LineError> {
    match d.step {
        Step::Girls => d.line.girls = Some(n),
        Step::Boys => d.line.boys = Some(n),
        Step::Women => d.line.women = Some(n),
        Step::Men => d.line.men = Some(n),
        Step::ElderlyWomen => d.line.elderly_women = Some(n),
        Step::ElderlyMen => d.line.elderly_men = Some(n),
        Step::Disabled => {
            fourw::check_disabled(n, u32::try_from(d.line.total()).unwrap_or(u32::MAX))?;
            d.line.disabled = Some(n);
        }
        _ => {}
    }
    Ok(())
}

pub(super) fn set_date(d: &mut ReportDraft, date: NaiveDate) -> Result<(), LineError> {
    let month = d.month.ok_or(LineError::BadDate)?;
    match d.step {
        Step::StartDate => {
            if date > month.last_day() {
                return Err(LineError::OutsideMonth);
            }
            d.line.start = Some(date);
            // An end kept from an edit must still follow the start.
            if d.line.end.is_some_and(|e| e < date) {
                d.line.end = None;
            }
        }
        Step::EndDate => {
            let start = d.line.start.ok_or(LineError::BadDate)?;
            fourw::check_dates(start, date, month)?;
            d.line.end = Some(date);
        }
        _ => {}
    }
    Ok(())
}

pub(super) async fn text(turn: &mut Turn<'_>, dialogue: &BotDialogue, mut d: ReportDraft, text: &str) -> HandlerResult {
    let db = &turn.app.ctx.db;
    let result: Result<(), Msg> = match d.step {
        Step::Region => {
            let units = store::units(db, None).await?;
            match match_unit(text, &units) {
                Some((p, _)) => {
                    if d.line.region.as_deref() != Some(p) {
                        d.line.cercle = None;
                    }
                    d.line.region = Some(p.clone());
                    Ok(())
                }
                None => Err(ReportMsg::FwUnknownPlace.into()),
            }
        }
        Step::Cercle => {
            let region = d.line.region.clone().unwrap_or_default();
            let units = store::units(db, Some(&region)).await?;
            match match_unit(text, &units) {
                Some((p, _)) => {
                    set_cercle(&mut d, p.clone());
                    Ok(())
                }
                None => {
                    // A cercle of another region, or nothing known?
                    let mut elsewhere = false;
                    for (r, _) in store::units(db, None).await? {
                        if match_unit(text, &store::units(db, Some(&r)).await?).is_some() {
                            elsewhere = true;
                            break;
                        }
                    }
                    if elsewhere {
                        let name = store::unit_name(db, &region).await?.unwrap_or(region);
                        Err(ReportMsg::FwCercleNotInRegion { region: name }.into())
                    } else {
                        Err(ReportMsg::FwUnknownPlace.into())
                    }
                }
            }
        }
        Step::Commune => {
            let cercle = d.line.cercle.clone().unwrap_or_default();
            match match_unit(text, &store::communes(db, Some(&cercle)).await?) {
                Some((p, _)) => {
                    d.line.commune = Some(p.clone());
                    Ok(())
                }
                None if match_unit(text, &store::communes(db, None).await?).is_some() => {
                    let name = store::unit_name(db, &cercle).await?.unwrap_or(cercle);
                    Err(FivewMsg::FwCommuneNotInCercle { cercle: name }.into())
                }
                None => Err(ReportMsg::FwUnknownPlace.into()),
            }
        }
        Step::StartDate | Step::EndDate => {
            fourw::parse_date(text).and_then(|date| set_date(&mut d, date)).map_err(|e| line_error(&e, &d))
        }
        Step::Girls | Step::Boys | Step::Women | Step::Men | Step::ElderlyWomen | Step::ElderlyMen | Step::Disabled => {
            fourw::parse_count(text).and_then(|n| set_count(&mut d, n)).map_err(|e| line_error(&e, &d))
        }
        Step::Targeted => {
            let counts: Vec<Result<u32, LineError>> = text.split_whitespace().map(fourw::parse_count).collect();
            match <[u32; 6]>::try_from(counts.into_iter().collect::<Result<Vec<u32>, _>>().unwrap_or_default()) {
                Ok(six) => {
                    d.line.targeted = Some(fourw::Counts::from_array(six));
                    Ok(())
                }
                Err(_) => Err(FivewMsg::FwTargetedBad.into()),
            }
        }
        Step::PlanCode => match fourw::check_free_text(text, crate::domain::fivew::MAX_PLAN_CODE_CHARS) {
            Ok(t) => {
                d.line.plan_code = Some(t);
                Ok(())
            }
            Err(e) => Err(line_error(&e, &d)),
        },
        Step::Partner | Step::Donor | Step::Remarks => {
            let max = match d.step {
                Step::Partner => MAX_PARTNER_CHARS,
                Step::Donor => MAX_DONOR_CHARS,
                _ => MAX_REMARKS_CHARS,
            };
            match fourw::check_free_text(text, max) {
                Ok(t) => {
                    match d.step {
                        Step::Partner => d.line.partner = Some(t),
                        Step::Donor => d.line.donor = Some(t),
                        _ => d.line.remarks = Some(t),
                    }
                    Ok(())
                }
                Err(e) => Err(line_error(&e, &d)),
            }
        }
        // The other steps expect a button.
        _ => Err(MainMsg::FreeTextHint.into()),
    };
    match result {
        Ok(()) => {
            advance(&mut d);
            ask(turn, dialogue, &d, None, None).await
        }
        Err(why) => ask(turn, dialogue, &d, Some(turn.t(why)), None).await,
    }
}
