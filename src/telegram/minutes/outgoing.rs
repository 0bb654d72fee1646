//! The minutes' scheduled messages, rendered for one person when they are sent: reminders of
//! the 72-hour rule, the overdue notice, the minutes and shared documents (protected, with a
//! receipt), and action point reminders.

use super::callback::Cb;
use crate::domain::Person;
use crate::domain::jobs::Outgoing;
use crate::domain::minutes::minutes_deadline;
use crate::domain::sensitivity::Sensitivity;
use crate::i18n::{MinutesMsg, Msg};
use crate::services::meetings as meetings_svc;
use crate::storage::sensitivity::Item;
use crate::storage::{minutes, reference};
use crate::telegram::shared::format::{local_time, meeting_when};
use crate::telegram::shared::outgoing::{Attachment, Receipt, RenderResult, Rendered};
use crate::telegram::shared::reuse::{class_label, reuse_button};
use crate::telegram::shared::{App, button, kb};

/// The first line of a shared item: its class (internal keeps the usual "do not forward"),
/// and whether it is sent protected (all but public items).
async fn class_head(
    app: &App,
    lang: crate::domain::Language,
    item: Item,
) -> Result<(String, bool), crate::domain::AppError> {
    let (label, protect) = class_label(&app.ctx, &app.i18n, lang, item).await?;
    if crate::storage::sensitivity::class(&app.ctx.db, item).await?.sensitivity == Sensitivity::Internal {
        return Ok((app.i18n.render(lang, crate::i18n::Msg::from(MinutesMsg::InternalLabel)), true));
    }
    Ok((label, protect))
}

fn classed(r: Rendered, protect: bool) -> Rendered {
    if protect { r.protected() } else { r }
}

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let lang = person.language;
    let t = |msg: Msg| app.i18n.render(lang, &msg);
    let db = &app.ctx.db;
    Ok(Ok(match message {
        Outgoing::MinutesReminder { meeting_id, hours } => {
            let m = meetings_svc::get(&app.ctx, *meeting_id).await?;
            if minutes::for_meeting(db, m.id).await?.is_some() {
                return Ok(Err("minutes shared meanwhile".into()));
            }
            Rendered::text(t(MinutesMsg::MinutesReminder {
                mechanism: m.mechanism.name(lang).to_string(),
                when: meeting_when(app, lang, &m),
                deadline: local_time(app, minutes_deadline(m.ends_at())),
                hours: *hours,
            }
            .into()))
        }
        Outgoing::MinutesOverdue { meeting_id } => {
            let m = meetings_svc::get(&app.ctx, *meeting_id).await?;
            Rendered::text(t(MinutesMsg::MinutesOverdue {
                mechanism: m.mechanism.name(lang).to_string(),
                when: meeting_when(app, lang, &m),
            }
            .into()))
        }
        Outgoing::Minutes { minutes_id } => {
            let Some(mn) = minutes::by_id(db, *minutes_id).await? else {
                return Ok(Err("minutes unknown".into()));
            };
            let m = meetings_svc::get(&app.ctx, mn.meeting_id).await?;
            let item = Item::Minutes(mn.id);
            let (label, protect) = class_head(app, lang, item).await?;
            let head = format!(
                "{}\n{}",
                label,
                t(MinutesMsg::MinutesCaption {
                    mechanism: m.mechanism.name(lang).to_string(),
                    when: meeting_when(app, lang, &m)
                }
                .into())
            );
            let text = match &mn.body {
                Some(body) => format!("{head}\n\n{body}"),
                None => head,
            };
            let rendered = classed(Rendered::text(text), protect)
                .with_receipt(Receipt::Minutes(mn.id))
                .with_keyboard(kb(vec![vec![reuse_button(&app.i18n, lang, item)]]));
            match mn.file_id.clone() {
                Some(file_id) => rendered.with(Attachment::FileId(file_id)),
                None => rendered,
            }
        }
        Outgoing::Document { document_id } => {
            let Some(d) = minutes::document(db, *document_id).await? else {
                return Ok(Err("document unknown".into()));
            };
            let item = Item::Document(d.id);
            let (label, protect) = class_head(app, lang, item).await?;
            // Shared by a chair (not a coordinator): the caption names the mechanisms.
            let chair = match d.shared_by {
                Some(p) if !crate::storage::people::is_coordinator(db, p).await? => {
                    let mut codes = Vec::new();
                    for m in minutes::document_mechanisms(db, d.id).await? {
                        if let Some(m) = crate::storage::reference::mechanism_by_id(db, m).await? {
                            codes.push(m.code);
                        }
                    }
                    codes.join(", ")
                }
                _ => String::new(),
            };
            let chair = if chair.is_empty() { "none".to_string() } else { chair };
            let mut text = format!("{}\n{}", label, t(MinutesMsg::DocumentCaption { chair }.into()));
            let filed = crate::storage::library::by_id(db, d.id).await?;
            if let Some(title) = filed.as_ref().map(|f| &f.title).filter(|t| Some(*t) != d.caption.as_ref()) {
                text.push('\n');
                text.push_str(title);
            }
            if let Some(c) = &d.caption {
                text.push_str("\n\n");
                text.push_str(c);
            }
            // Filed from the command line: not on Telegram yet, its bytes are sent.
            let attachment = if d.file_id.is_empty() {
                match crate::storage::library::content(db, d.id).await? {
                    Some(bytes) => Attachment::Bytes {
                        name: d.file_name.clone().unwrap_or_else(|| format!("document-{}", d.id)),
                        bytes,
                    },
                    None => return Ok(Err("document without a file".into())),
                }
            } else {
                Attachment::FileId(d.file_id.clone())
            };
            classed(Rendered::text(text).with(attachment), protect)
                .with_receipt(Receipt::Document(d.id))
                .with_keyboard(kb(vec![vec![reuse_button(&app.i18n, lang, item)]]))
        }
        Outgoing::ActionReminder { action_id, due_today } => {
            let Some(a) = minutes::action(db, *action_id).await? else {
                return Ok(Err("action point unknown".into()));
            };
            if a.is_done() {
                return Ok(Err("action point done".into()));
            }
            let mech = reference::mechanism_by_id(db, a.mechanism_id).await?;
            let due = a.due().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
            Rendered::text(t(MinutesMsg::ActionReminder {
                today: *due_today,
                due,
                what: a.what.clone(),
                org: a.acronym.clone(),
                mechanism: mech.map(|m| m.name(lang).to_string()).unwrap_or_default(),
            }
            .into()))
            .with_keyboard(kb(vec![vec![button(t(MinutesMsg::BtnActionDone.into()), Cb::ActionDone(a.id))]]))
            // Taken from the internal minutes: not to be forwarded either.
            .protected()
        }
        other => return Ok(Err(format!("not a minutes message: {}", other.kind()))),
    }))
}
