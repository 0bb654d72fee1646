//! /review [YYYY-MM]: the month's submitted lines for chairs and coordinators, and returning a
//! line to its organisation with a comment.

use super::Step;
use super::callback::Cb;
use crate::domain::fourw::{self, LineError, ReportingMonth};
use crate::i18n::{FivewMsg, MainMsg, Msg, ReportMsg};
use crate::services::reports as svc;
use crate::storage::reports as store;
use crate::telegram::shared::format::{month_label, place};
use crate::telegram::shared::turn::{TELEGRAM_TEXT_LIMIT, fit_lines, rows_of};
use crate::telegram::shared::{
    BotDialogue, ButtonResult, Cancel, DialogueExt, HandlerError, HandlerResult, Turn, button, edit_or_send, kb,
};
use teloxide::types::{InlineKeyboardMarkup, MessageId};

/// Lines (with their ↩ buttons) per page of /review.
const PAGE_LINES: usize = 15;

/// The month of /review or /wherewho: the one typed, else the open one. None after a reply.
pub(super) async fn month_arg(
    turn: &Turn<'_>,
    args: &[&str],
    command: &str,
) -> Result<Option<ReportingMonth>, HandlerError> {
    Ok(match args.first() {
        Some(raw) => match ReportingMonth::parse(raw) {
            Ok(m) => Some(m),
            Err(_) => {
                turn.say(ReportMsg::FwBadMonthFor { command: command.into() }).await?;
                None
            }
        },
        None => Some(svc::open_month(&turn.app.ctx)),
    })
}

pub(super) fn scope_label(turn: &Turn<'_>, scope: &Option<crate::domain::Mechanism>) -> String {
    match scope {
        Some(m) => m.code.clone(),
        None => turn.t(ReportMsg::FwExportAll),
    }
}

/// /review [YYYY-MM]: the month's lines of the chair's mechanisms (all for a coordinator), a
/// page per message, with a ↩ button per line that can be returned.
pub(super) async fn review(turn: &mut Turn<'_>, args: &[&str]) -> HandlerResult {
    if !svc::may_review(&turn.access, None) {
        turn.say(MainMsg::NotAllowed).await?;
        return Ok(());
    }
    let Some(month) = month_arg(turn, args, "review").await? else { return Ok(()) };
    for scope in svc::review_scopes(&turn.app.ctx, &turn.access).await? {
        match page(turn, month, &scope, 0).await? {
            Some((text, k)) => turn.say_with(text, k).await?,
            None => {
                turn.say(ReportMsg::FwReviewNone { month: month_label(month), scope: scope_label(turn, &scope) })
                    .await?
            }
        };
    }
    Ok(())
}

/// ◀ ▶ pressed under /review: that page, in the same message, for a reviewer of the scope.
pub(super) async fn page_pressed(
    turn: &mut Turn<'_>,
    month: u32,
    mechanism: i64,
    number: u16,
    message_id: MessageId,
) -> ButtonResult {
    let Ok(month) = ReportingMonth::parse(&format!("{:04}-{:02}", month / 100, month % 100)) else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    let scopes = svc::review_scopes(&turn.app.ctx, &turn.access).await?;
    let Some(scope) = scopes.into_iter().find(|s| s.as_ref().map_or(0, |m| m.id) == mechanism) else {
        return Ok(Some(MainMsg::NotAllowed.into()));
    };
    match page(turn, month, &scope, usize::from(number)).await? {
        Some((text, k)) => edit_or_send(turn, Some(message_id), text, Some(k)).await?,
        None => return Ok(Some(MainMsg::ButtonExpired.into())),
    }
    Ok(None)
}

/// A page of the lines of a scope of /review (the last one when `number` is past it), with its
/// ↩, ◀ ▶ and approve buttons; None when the scope has no line.
async fn page(
    turn: &Turn<'_>,
    month: ReportingMonth,
    scope: &Option<crate::domain::Mechanism>,
    number: usize,
) -> Result<Option<(String, InlineKeyboardMarkup)>, HandlerError> {
    let ctx = &turn.app.ctx;
    let lines = store::review_lines(&ctx.db, month, scope.as_ref().map(|m| m.id)).await?;
    if lines.is_empty() {
        return Ok(None);
    }
    let pages = lines.len().div_ceil(PAGE_LINES);
    let number = number.min(pages - 1);
    let first = number * PAGE_LINES;
    let shown = lines.iter().enumerate().skip(first).take(PAGE_LINES);
    let mut text = vec![turn.t(ReportMsg::FwReviewHeaderList {
        month: month_label(month),
        scope: scope_label(turn, scope),
        count: lines.len(),
        shown: shown.len(),
    })];
    if pages > 1 {
        let (last, count) = (first + shown.len(), lines.len());
        text.push(turn.t(FivewMsg::FwReviewPage { page: number + 1, pages, first: first + 1, last, count }));
    }
    let mut buttons = Vec::new();
    // The approve buttons are those of the organisations on this page: a keyboard stays
    // small whatever the number of submissions.
    let mut on_page: Vec<(String, i64)> = Vec::new();
    for (i, l) in shown {
        on_page.push((l.org.clone(), l.mechanism_id));
        text.push(turn.t(ReportMsg::FwReviewItem {
            n: i + 1,
            org: l.org.clone(),
            line: l.position + 1,
            what: turn.t(ReportMsg::FwReviewWhat {
                activity: l.activity(turn.lang()).to_string(),
                cercle: place(|m| turn.t(m), &l.cercle_name, l.commune_name.as_deref()),
                pcode: l.commune_pcode.clone().unwrap_or_else(|| l.cercle_pcode.clone()),
            }),
            total: l.total,
            status: turn.t(ReportMsg::FwReviewStatus { status: l.review_status.clone() }),
        }));
        if l.review_status != "returned" {
            buttons.push(button(turn.t(ReportMsg::BtnFwReturn { n: i + 1 }), Cb::FwReturn(l.id)));
        }
    }
    let mut rows = rows_of(buttons, 3);
    let at = |p: usize| Cb::ReviewPage {
        month: month.year as u32 * 100 + month.month,
        mechanism: scope.as_ref().map_or(0, |m| m.id),
        page: u16::try_from(p).unwrap_or(u16::MAX),
    };
    let mut nav = vec![];
    if number > 0 {
        nav.push(button(turn.t(FivewMsg::BtnFwPrevPage { page: number }), at(number - 1)));
    }
    if number + 1 < pages {
        nav.push(button(turn.t(FivewMsg::BtnFwNextPage { page: number + 2 }), at(number + 1)));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    rows.extend(super::approve::rows(super::approve::approve_buttons(turn, month, scope, &on_page).await?));
    Ok(Some((fit_lines(text, TELEGRAM_TEXT_LIMIT), kb(rows))))
}

/// ↩ pressed: checks the line and the reviewer, then asks for the comment.
pub(super) async fn return_pressed(turn: &mut Turn<'_>, dialogue: &BotDialogue, line_id: i64) -> ButtonResult {
    let Some(line) = store::review_line(&turn.app.ctx.db, line_id).await? else {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    };
    if !svc::may_review(&turn.access, Some(line.mechanism_id)) {
        return Ok(Some(MainMsg::NotAllowed.into()));
    }
    if line.review_status == "returned" {
        return Ok(Some(MainMsg::ButtonExpired.into()));
    }
    dialogue.set(Step::ReturnComment { line_id }).await?;
    let text = turn.t(ReportMsg::FwReturnAskComment {
        org: line.org.clone(),
        line: line.position + 1,
        activity: line.activity(turn.lang()).to_string(),
        cercle: place(|m| turn.t(m), &line.cercle_name, line.commune_name.as_deref()),
        max: fourw::MAX_COMMENT_CHARS,
    });
    turn.say_with(text, kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]])).await?;
    Ok(None)
}

/// The comment typed: the line is returned and the organisation told (or the comment refused
/// with the reason, and asked again).
pub(super) async fn return_comment(
    turn: &mut Turn<'_>,
    dialogue: &BotDialogue,
    line_id: i64,
    text: &str,
) -> HandlerResult {
    match svc::return_line(&turn.app.ctx, &turn.access, line_id, text).await {
        Ok(Ok(line)) => {
            dialogue.exit().await?;
            turn.say(ReportMsg::FwReturnDone { org: line.org, line: line.position + 1 }).await?;
        }
        Ok(Err(e)) => {
            let why: Msg = match e {
                LineError::TooLong { max } => MainMsg::TextTooLong { max }.into(),
                LineError::PersonalData(kind) => ReportMsg::FwPersonalData { kind: kind.as_str().to_string() }.into(),
                _ => MainMsg::FreeTextHint.into(),
            };
            turn.say_with(turn.t(why), kb(vec![vec![button(turn.t(MainMsg::BtnCancel), Cancel)]])).await?;
        }
        Err(e) => {
            dialogue.exit().await?;
            turn.say(turn.refusal(&e)).await?;
        }
    }
    Ok(())
}
