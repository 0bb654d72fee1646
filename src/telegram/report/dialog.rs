//! The /report dialog's questions: each step's text and buttons, asked after saving the draft.

use super::Dialog;
use super::callback::Cb;
use super::draft::{ReportDraft, Step, commune_num, pcode_num};
use super::steps::COMMUNES_PER_PAGE;
use crate::domain::fourw::{ActivityStatus, LineError, PopulationGroup};
use crate::i18n::{FivewMsg, MainMsg, MeetingsMsg, Msg, ReportMsg};
use crate::services::reports as svc;
use crate::storage::{modalities, reference, reports as store};
use crate::telegram::shared::format::{date_label, month_label, place, ymd};
use crate::telegram::shared::turn::rows_of;
use crate::telegram::shared::{BotDialogue, DialogueExt, HandlerError, HandlerResult, Turn, button, edit_or_send, kb};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, MessageId};

pub(super) fn line_error(e: &LineError, draft: &ReportDraft) -> Msg {
    match e {
        LineError::BadDate => ReportMsg::FwBadDate.into(),
        LineError::EndBeforeStart => {
            ReportMsg::FwEndBeforeStart { start: draft.line.start.map(date_label).unwrap_or_default() }.into()
        }
        LineError::OutsideMonth => {
            ReportMsg::FwOutsideMonth { month: draft.month.map(month_label).unwrap_or_default() }.into()
        }
        LineError::BadCount { max } => ReportMsg::FwBadCount { max: *max }.into(),
        LineError::DisabledAboveTotal { disabled, total } => {
            ReportMsg::FwDisabledAboveTotal { disabled: *disabled, total: u64::from(*total) }.into()
        }
        LineError::UnknownPlace => ReportMsg::FwUnknownPlace.into(),
        LineError::CercleNotInRegion => ReportMsg::FwCercleNotInRegion { region: String::new() }.into(),
        LineError::TooLong { max } => MainMsg::TextTooLong { max: *max }.into(),
        LineError::Empty => MainMsg::FreeTextHint.into(),
        LineError::PersonalData(kind) => ReportMsg::FwPersonalData { kind: kind.as_str().to_string() }.into(),
    }
}

pub(super) async fn save(dialogue: &BotDialogue, draft: &ReportDraft) -> Result<(), HandlerError> {
    dialogue.set(Dialog::Report(Box::new(draft.clone()))).await?;
    Ok(())
}

/// Shows the question of the current step (editing the message when given), after saving.
pub(super) async fn ask(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    draft: &ReportDraft,
    prefix: Option<String>,
    edit: Option<MessageId>,
) -> HandlerResult {
    let mut draft = draft.clone();
    super::steps::skip_empty(&turn.app.ctx.db, &mut draft).await?;
    save(dialogue, &draft).await?;
    let (question, k) = question(turn, &draft).await?;
    let text = match prefix {
        Some(p) => format!("{p}\n{question}"),
        None => question,
    };
    edit_or_send(turn, edit, text, Some(k)).await?;
    Ok(())
}

pub(super) async fn question(turn: &Turn<'_>, d: &ReportDraft) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let db = &turn.app.ctx.db;
    let lang = turn.lang();
    let month = d.month.unwrap_or_else(|| svc::open_month(&turn.app.ctx));
    let mut rows: Vec<Vec<InlineKeyboardButton>> = vec![];
    let keep =
        |value: Option<String>| value.map(|v| vec![button(turn.t(ReportMsg::BtnFwKeep { value: v }), Cb::FwKeep)]);
    let editing = d.editing.is_some();
    let text = match d.step {
        Step::Month => {
            let open = svc::open_month(&turn.app.ctx);
            rows.push(
                svc::reportable_months(&turn.app.ctx)
                    .into_iter()
                    .map(|m| {
                        button(
                            turn.t(ReportMsg::BtnFwMonth { month: month_label(m) }),
                            Cb::FwMonth(m.year as u32 * 100 + m.month),
                        )
                    })
                    .collect(),
            );
            turn.t(ReportMsg::FwChooseMonth { month: month_label(open) })
        }
        Step::Seat => {
            for (o, m) in svc::reporting_seats(&turn.access) {
                rows.push(vec![button(
                    turn.t(ReportMsg::BtnFwSeat { org: o.acronym.clone(), mechanism: m.code.clone() }),
                    Cb::FwSeat { org: o.id, mech: m.id },
                )]);
            }
            turn.t(ReportMsg::FwChooseSeat)
        }
        Step::Start => {
            let (org, mech) = names(turn, d).await?;
            rows.push(vec![button(turn.t(ReportMsg::BtnFwAddLine), Cb::FwAdd)]);
            rows.push(vec![button(turn.t(ReportMsg::BtnFwSameAsLast), Cb::FwCopy)]);
            rows.push(vec![button(turn.t(ReportMsg::BtnFwNoActivity), Cb::FwNone)]);
            rows.push(vec![button(turn.t(FivewMsg::BtnFwSpreadsheet), Cb::FwSheet)]);
            turn.t(ReportMsg::FwStart {
                org,
                mechanism: mech,
                month: month_label(month),
                submitted: d.submitted.clone(),
                lines: d.lines.len(),
            })
        }
        Step::Sector => {
            let sectors = store::sectors(db).await?;
            let buttons = sectors
                .iter()
                .enumerate()
                .map(|(i, s)| button(format!("{} — {}", s.code, s.name(lang)), Cb::FwSector(i as u8)))
                .collect();
            rows = rows_of(buttons, 1);
            if editing {
                rows.extend(keep(d.line.sector.clone()));
            }
            turn.t(ReportMsg::FwAskSector)
        }
        Step::Activity => {
            let sector = d.line.sector.clone().unwrap_or_default();
            let list = store::activities(db, Some(&sector)).await?;
            rows = rows_of(list.iter().map(|a| button(a.name(lang).to_string(), Cb::FwActivity(a.id))).collect(), 1);
            if editing && d.line.activity.is_some() {
                let current = match &d.line.activity {
                    Some(code) => store::activity_by_code(db, code).await?.map(|a| a.name(lang).to_string()),
                    None => None,
                };
                rows.extend(keep(current));
            }
            turn.t(ReportMsg::FwAskActivity { sector })
        }
        Step::Region => {
            let units = store::units(db, None).await?;
            let buttons =
                units.iter().filter_map(|(p, n)| Some(button(n.clone(), Cb::FwRegion(pcode_num(p)?)))).collect();
            rows = rows_of(buttons, 3);
            if editing {
                rows.extend(keep(unit_label(turn, &d.line.region).await?));
            }
            turn.t(ReportMsg::FwAskRegion)
        }
        Step::Cercle => {
            let region = d.line.region.clone().unwrap_or_default();
            let units = store::units(db, Some(&region)).await?;
            let buttons =
                units.iter().filter_map(|(p, n)| Some(button(n.clone(), Cb::FwCercle(pcode_num(p)?)))).collect();
            rows = rows_of(buttons, 3);
            if editing && d.line.cercle.as_deref().is_some_and(|c| c.starts_with(&region)) {
                rows.extend(keep(unit_label(turn, &d.line.cercle).await?));
            }
            let name = store::unit_name(db, &region).await?.unwrap_or(region);
            turn.t(ReportMsg::FwAskCercle { region: name })
        }
        Step::Commune => {
            let cercle = d.line.cercle.clone().unwrap_or_default();
            let communes = store::communes(db, Some(&cercle)).await?;
            let pages = communes.len().div_ceil(COMMUNES_PER_PAGE).max(1);
            let page = usize::from(d.commune_page).min(pages - 1);
            let buttons = communes
                .iter()
                .skip(page * COMMUNES_PER_PAGE)
                .take(COMMUNES_PER_PAGE)
                .filter_map(|(p, n)| Some(button(n.clone(), Cb::FwCommune(commune_num(p)?))))
                .collect();
            rows = rows_of(buttons, 3);
            let mut nav = vec![];
            if page > 0 {
                nav.push(button(turn.t(FivewMsg::BtnFwPrevPage { page }), Cb::FwCommunePage(small(page - 1))));
            }
            if page + 1 < pages {
                nav.push(button(
                    turn.t(FivewMsg::BtnFwNextPage { page: page + 2 }),
                    Cb::FwCommunePage(small(page + 1)),
                ));
            }
            if !nav.is_empty() {
                rows.push(nav);
            }
            rows.push(vec![button(turn.t(FivewMsg::BtnFwCommuneUnknown), Cb::FwSkip)]);
            if editing {
                rows.extend(keep(unit_label(turn, &d.line.commune).await?));
            }
            let name = store::unit_name(db, &cercle).await?.unwrap_or(cercle);
            turn.t(FivewMsg::FwAskCommune { cercle: name })
        }
        Step::Status => {
            rows.push(
                ActivityStatus::ALL
                    .into_iter()
                    .map(|s| button(turn.t(ReportMsg::BtnFwStatus { status: s.as_str().into() }), Cb::FwStatus(s)))
                    .collect(),
            );
            if editing {
                rows.extend(keep(d.line.status.map(|s| turn.t(ReportMsg::FwStatus { status: s.as_str().into() }))));
            }
            turn.t(ReportMsg::FwAskStatus)
        }
        Step::Population => {
            let buttons = PopulationGroup::all()
                .into_iter()
                .enumerate()
                .map(|(i, g)| button(turn.t(FivewMsg::FwPopulation { group: g.code().into() }), Cb::FwPop(i as u8)))
                .collect();
            rows = rows_of(buttons, 1);
            if editing {
                rows.extend(keep(d.line.population.map(|g| turn.t(FivewMsg::FwPopulation { group: g.code().into() }))));
            }
            turn.t(FivewMsg::FwAskPopulation)
        }
        Step::Modality => {
            let sector = d.line.sector.clone().unwrap_or_default();
            let list = modalities::list(db, Some(&sector)).await?;
            rows = rows_of(list.iter().map(|m| button(m.name(lang).to_string(), Cb::FwModality(m.id))).collect(), 1);
            if editing && let Some(code) = &d.line.modality {
                let current = list.iter().find(|m| &m.code == code).map(|m| m.name(lang).to_string());
                rows.extend(keep(current));
            }
            turn.t(FivewMsg::FwAskModality { sector })
        }
        Step::Targeted => {
            rows.push(vec![
                button(turn.t(FivewMsg::BtnFwSameReached), Cb::FwSameReached),
                button(turn.t(MeetingsMsg::BtnSkip), Cb::FwSkip),
            ]);
            if editing {
                rows.extend(keep(
                    d.line.targeted.map(|c| c.as_array().iter().map(u32::to_string).collect::<Vec<_>>().join(" ")),
                ));
            }
            turn.t(FivewMsg::FwAskTargeted)
        }
        Step::PlanCode => {
            rows.push(vec![button(turn.t(MeetingsMsg::BtnSkip), Cb::FwSkip)]);
            if editing {
                rows.extend(keep(d.line.plan_code.clone()));
            }
            turn.t(FivewMsg::FwAskPlanCode { max: crate::domain::fivew::MAX_PLAN_CODE_CHARS })
        }
        Step::StartDate => {
            let first = month.first_day();
            rows.push(vec![button(
                turn.t(ReportMsg::BtnFwFirstDay { date: date_label(first) }),
                Cb::FwDate(ymd(first)),
            )]);
            if editing {
                rows.extend(keep(d.line.start.map(date_label)));
            }
            turn.t(ReportMsg::FwAskStart { month: month_label(month) })
        }
        Step::EndDate => {
            let last = month.last_day();
            rows.push(vec![button(turn.t(ReportMsg::BtnFwLastDay { date: date_label(last) }), Cb::FwDate(ymd(last)))]);
            if editing {
                rows.extend(keep(d.line.end.map(date_label)));
            }
            turn.t(ReportMsg::FwAskEnd)
        }
        Step::Girls | Step::Boys | Step::Women | Step::Men | Step::ElderlyWomen | Step::ElderlyMen => {
            let (field, current) = match d.step {
                Step::Girls => ("girls", d.line.girls),
                Step::Boys => ("boys", d.line.boys),
                Step::Women => ("women", d.line.women),
                Step::ElderlyWomen => ("elderly-women", d.line.elderly_women),
                Step::ElderlyMen => ("elderly-men", d.line.elderly_men),
                _ => ("men", d.line.men),
            };
            rows.push(vec![button("0".into(), Cb::FwCount(0))]);
            if editing {
                rows.extend(keep(current.map(|n| n.to_string())));
            }
            turn.t(ReportMsg::FwAskCount { field: field.into() })
        }
        Step::Disabled => {
            rows.push(vec![button("0".into(), Cb::FwCount(0))]);
            if editing && d.line.disabled.is_some_and(|n| u64::from(n) <= d.line.total()) {
                rows.extend(keep(d.line.disabled.map(|n| n.to_string())));
            }
            turn.t(ReportMsg::FwAskDisabled { total: d.line.total() })
        }
        Step::Partner | Step::Donor | Step::Remarks => {
            let (msg, current) = match d.step {
                Step::Partner => (ReportMsg::FwAskPartner, &d.line.partner),
                Step::Donor => (ReportMsg::FwAskDonor, &d.line.donor),
                _ => (ReportMsg::FwAskRemarks, &d.line.remarks),
            };
            rows.push(vec![button(turn.t(MeetingsMsg::BtnSkip), Cb::FwSkip)]);
            if editing {
                rows.extend(keep(current.clone()));
            }
            turn.t(msg)
        }
        Step::Review => super::review::render(turn, d, &mut rows).await?,
        Step::Sheet => turn.t(FivewMsg::FwSheetWaiting),
    };
    if let Some(value) = same_above(turn, d).await? {
        rows.insert(0, vec![button(turn.t(FivewMsg::BtnFwSameAbove { value }), Cb::FwSame)]);
    }
    rows.push(vec![button(turn.t(MainMsg::BtnCancel), Cb::FwCancel)]);
    Ok((text, kb(rows)))
}

/// The previous line's answer to the current step, as a "same as above" button shows it, when
/// a new line is being entered and that answer still fits (same sector, same region).
pub(super) async fn same_above(turn: &Turn<'_>, d: &ReportDraft) -> Result<Option<String>, HandlerError> {
    let (Some(prev), None) = (d.lines.last(), d.editing) else { return Ok(None) };
    let db = &turn.app.ctx.db;
    let lang = turn.lang();
    let same_sector = d.line.sector.as_deref() == Some(prev.sector.as_str());
    Ok(match d.step {
        Step::Sector => Some(prev.sector.clone()),
        Step::Activity if same_sector => {
            store::activity_by_code(db, &prev.activity).await?.map(|a| a.name(lang).to_string())
        }
        Step::Region => unit_label(turn, &Some(prev.region.clone())).await?,
        Step::Cercle if d.line.region.as_deref() == Some(prev.region.as_str()) => {
            unit_label(turn, &Some(prev.cercle.clone())).await?
        }
        Step::Commune if d.line.cercle.as_deref() == Some(prev.cercle.as_str()) => {
            unit_label(turn, &prev.commune).await?
        }
        Step::Status => Some(turn.t(ReportMsg::FwStatus { status: prev.status.as_str().into() })),
        Step::Population => prev.population.map(|g| turn.t(FivewMsg::FwPopulation { group: g.code().into() })),
        Step::Modality if same_sector => match &prev.modality {
            Some(code) => modalities::by_code(db, code).await?.map(|m| m.name(lang).to_string()),
            None => None,
        },
        Step::StartDate => Some(date_label(prev.start)),
        Step::EndDate if d.line.start.is_some_and(|s| s <= prev.end) => Some(date_label(prev.end)),
        Step::Partner => prev.partner.clone(),
        Step::Donor => prev.donor.clone(),
        Step::PlanCode => prev.plan_code.clone(),
        _ => None,
    })
}

fn small(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Where a line is, as the review shows it: the cercle, or the commune and its cercle.
pub(super) async fn place_label(
    turn: &Turn<'_>,
    cercle: &str,
    commune: &Option<String>,
) -> Result<String, HandlerError> {
    let db = &turn.app.ctx.db;
    let cercle = store::unit_name(db, cercle).await?.unwrap_or_else(|| cercle.to_string());
    let commune = match commune {
        Some(c) => Some(store::unit_name(db, c).await?.unwrap_or_else(|| c.clone())),
        None => None,
    };
    Ok(place(|m| turn.t(m), &cercle, commune.as_deref()))
}

pub(super) async fn unit_label(turn: &Turn<'_>, pcode: &Option<String>) -> Result<Option<String>, HandlerError> {
    Ok(match pcode {
        Some(p) => store::unit_name(&turn.app.ctx.db, p).await?,
        None => None,
    })
}

pub(super) async fn names(turn: &Turn<'_>, d: &ReportDraft) -> Result<(String, String), HandlerError> {
    let db = &turn.app.ctx.db;
    let org = match d.org_id {
        Some(id) => reference::organisation_by_id(db, id).await?.map(|o| o.acronym).unwrap_or_default(),
        None => String::new(),
    };
    let mech = match d.mechanism_id {
        Some(id) => reference::mechanism_by_id(db, id).await?.map(|m| m.code).unwrap_or_default(),
        None => String::new(),
    };
    Ok((org, mech))
}

// ---------------------------------------------------------------- /report

pub(super) async fn start(turn: &mut Turn<'_>, dialogue: &BotDialogue) -> HandlerResult {
    if svc::reporting_seats(&turn.access).is_empty() {
        turn.say(ReportMsg::FwNotReporter).await?;
        return Ok(());
    }
    ask(turn, dialogue, &ReportDraft::new(), None, None).await
}

/// After the month (and the seat when there are several): the start screen, or the review of
/// what was already submitted.
pub(super) async fn open_seat(
    turn: &Turn<'_>,
    dialogue: &BotDialogue,
    mut d: ReportDraft,
    edit: Option<MessageId>,
) -> HandlerResult {
    let (Some(org), Some(mech), Some(month)) = (d.org_id, d.mechanism_id, d.month) else {
        return ask(turn, dialogue, &d, None, edit).await;
    };
    d.submitted = "none".into();
    if let Some((s, lines)) = svc::existing(&turn.app.ctx, org, mech, month).await? {
        d.submitted = s.status.as_str().into();
        d.lines = lines;
        d.page = 0;
        d.changed();
    }
    d.step = if d.lines.is_empty() { Step::Start } else { Step::Review };
    ask(turn, dialogue, &d, None, edit).await
}

/// /cancel during the dialog: ask before discarding the draft.
pub(super) async fn ask_cancel(turn: &Turn<'_>, edit: Option<MessageId>) -> HandlerResult {
    let k = kb(vec![vec![
        button(turn.t(ReportMsg::BtnFwDiscard), Cb::FwDiscard(true)),
        button(turn.t(ReportMsg::BtnFwContinue), Cb::FwDiscard(false)),
    ]]);
    let text = turn.t(ReportMsg::FwCancelAsk);
    edit_or_send(turn, edit, text, Some(k)).await?;
    Ok(())
}
