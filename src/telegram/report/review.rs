//! The review of the draft before submitting, a page of lines at a time: each page one
//! message within Telegram's limit, with the edit and delete buttons of its lines and ◀ ▶ to
//! move. Every button that acts on the lines carries the draft's version.

use super::callback::Cb;
use super::dialog::names;
use super::draft::ReportDraft;
use crate::domain::fourw::MAX_LINES;
use crate::i18n::{FivewMsg, ReportMsg};
use crate::services::reports as svc;
use crate::storage::reports as store;
use crate::telegram::shared::format::{date_label, month_label};
use crate::telegram::shared::turn::{TELEGRAM_TEXT_LIMIT, fit_lines};
use crate::telegram::shared::{HandlerError, Turn, button};
use teloxide::types::InlineKeyboardButton;

/// Lines of the draft shown per page of the review.
pub(super) const PAGE_LINES: usize = 10;

/// How many pages `count` lines take (one at least, empty).
pub(super) fn pages(count: usize) -> usize {
    count.div_ceil(PAGE_LINES).max(1)
}

/// The page showing line `index`.
pub(super) fn page_of(index: usize) -> usize {
    index / PAGE_LINES
}

fn small(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The review's text (the page `d.page` of the lines) and its buttons, added to `rows`.
pub(super) async fn render(
    turn: &Turn<'_>,
    d: &ReportDraft,
    rows: &mut Vec<Vec<InlineKeyboardButton>>,
) -> Result<String, HandlerError> {
    let db = &turn.app.ctx.db;
    let lang = turn.lang();
    let month = d.month.unwrap_or_else(|| svc::open_month(&turn.app.ctx));
    let (org, mech) = names(turn, d).await?;
    let count = d.lines.len();
    let pages = pages(count);
    let page = d.page.min(pages - 1);
    let first = page * PAGE_LINES;
    let mut text = vec![turn.t(ReportMsg::FwReviewHeader { org, mechanism: mech, month: month_label(month), count })];
    if pages > 1 {
        let last = (first + PAGE_LINES).min(count);
        text.push(turn.t(FivewMsg::FwReviewPage { page: page + 1, pages, first: first + 1, last, count }));
    }
    let version = d.version;
    for (i, l) in d.lines.iter().enumerate().skip(first).take(PAGE_LINES) {
        let activity = store::activity_by_code(db, &l.activity)
            .await?
            .map(|a| a.name(lang).to_string())
            .unwrap_or_else(|| l.activity.clone());
        let cercle = super::dialog::place_label(turn, &l.cercle, &l.commune).await?;
        text.push(turn.t(ReportMsg::FwReviewLine {
            n: u32::try_from(i + 1).unwrap_or(u32::MAX),
            activity,
            cercle,
            status: turn.t(ReportMsg::FwStatus { status: l.status.as_str().into() }),
            period: format!("{} → {}", date_label(l.start), date_label(l.end)),
            total: l.reached.total(),
            disabled: l.reached.disabled,
        }));
        rows.push(vec![
            button(turn.t(ReportMsg::BtnFwEdit { n: i + 1 }), Cb::FwEdit { line: small(i), version }),
            button(turn.t(ReportMsg::BtnFwDelete { n: i + 1 }), Cb::FwDelete { line: small(i), version }),
        ]);
    }
    let mut nav = vec![];
    if page > 0 {
        nav.push(button(turn.t(FivewMsg::BtnFwPrevPage { page }), Cb::FwPage { page: small(page - 1), version }));
    }
    if page + 1 < pages {
        nav.push(button(
            turn.t(FivewMsg::BtnFwNextPage { page: page + 2 }),
            Cb::FwPage { page: small(page + 1), version },
        ));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    if count < MAX_LINES {
        rows.push(vec![button(turn.t(ReportMsg::BtnFwAddAnother), Cb::FwAdd)]);
    } else {
        text.push(turn.t(FivewMsg::FwLinesCap { max: MAX_LINES }));
    }
    rows.push(vec![button(turn.t(FivewMsg::BtnFwSpreadsheet), Cb::FwSheet)]);
    if count > 0 {
        rows.push(vec![button(turn.t(ReportMsg::BtnFwSubmit), Cb::FwSubmit(version))]);
    }
    // Room for a notice above the review (a line error, "out of date").
    Ok(fit_lines(text, TELEGRAM_TEXT_LIMIT - 600))
}
