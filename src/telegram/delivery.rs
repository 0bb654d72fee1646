//! Runs the scheduler's jobs: fan-outs go to the services; deliveries are rendered in the
//! recipient's language and sent within Telegram's limits (paced), with errors sorted into
//! "retry later" and "will never work" (recorded and reported to the chair).

use super::App;
use super::meeting_text as text;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::meeting::{self, RsvpAnswer};
use crate::domain::{Language, Meeting, Person};
use crate::i18n::Msg;
use crate::scheduler::pacer::Pacer;
use crate::scheduler::{Outcome, Runner};
use crate::services::calendar;
use crate::services::meetings as svc;
use crate::storage::jobs::ClaimedJob;
use crate::storage::{meetings, people, reference};
use futures::future::BoxFuture;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::{FileId, InlineKeyboardMarkup, InputFile};
use teloxide::{ApiError, RequestError};

/// Telegram's limit on a document caption.
const CAPTION_LIMIT: usize = 1024;

#[derive(Clone)]
pub struct TelegramRunner {
    pub app: App,
    pub bot: Bot,
    pub pacer: Arc<Pacer>,
    /// One upload of a meeting's calendar file at a time; the others reuse its file_id.
    pub uploads: Arc<tokio::sync::Mutex<()>>,
}

impl Runner for TelegramRunner {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        let this = self.clone();
        Box::pin(async move { this.run_job(job).await })
    }
}

/// What to send to one person.
struct Rendered {
    text: String,
    keyboard: Option<InlineKeyboardMarkup>,
    /// The meeting whose calendar file goes with the message.
    ics: Option<Meeting>,
    /// Record the sent message as the invitation of (meeting, organisation, role).
    invitation: Option<(i64, i64, crate::domain::Role)>,
    /// A file already on Telegram's servers, re-sent by its file_id (no upload per member).
    file: Option<String>,
    /// Sent with protect_content: no forwarding, no saving.
    protect: bool,
    /// Record who received what (minutes or a document).
    receipt: Option<Receipt>,
}

#[derive(Clone, Copy)]
enum Receipt {
    Minutes(i64),
    Document(i64),
}

/// Why a delivery to a person can never work.
pub(super) fn permanent_reason(e: &RequestError) -> Option<&'static str> {
    match e {
        RequestError::Api(ApiError::BotBlocked) => Some("blocked"),
        RequestError::Api(ApiError::CantInitiateConversation) => Some("not_started"),
        RequestError::Api(ApiError::UserDeactivated) => Some("deactivated"),
        RequestError::Api(ApiError::ChatNotFound | ApiError::UserNotFound | ApiError::BotKicked) => Some("other"),
        _ => None,
    }
}

pub(super) fn is_transient(e: &RequestError) -> bool {
    match e {
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => true,
        // 5xx answers and anything Telegram did not explain are worth another try.
        RequestError::Api(ApiError::Unknown(_)) => true,
        _ => false,
    }
}

impl TelegramRunner {
    async fn run_job(&self, job: ClaimedJob) -> Outcome {
        // 4W (issue 5)
        if let Job::Deliver { person_id, message: Outgoing::Fourw(msg) } = &job.job {
            return super::report::deliver(self, *person_id, msg).await;
        }
        match &job.job {
            Job::Deliver { person_id, message } => self.deliver(job.id, *person_id, message).await,
            fan_out => match svc::fan_out(&self.app.ctx, fan_out).await {
                Ok(Ok(_)) => Outcome::Done,
                Ok(Err(reason)) => Outcome::Skipped(reason),
                Err(e) => Outcome::Retry { after: None, error: e.to_string() },
            },
        }
    }

    async fn deliver(&self, job_id: i64, person_id: i64, message: &Outgoing) -> Outcome {
        let person = match people::by_id(&self.app.ctx.db, person_id).await {
            Ok(Some(p)) => p,
            Ok(None) => return Outcome::Skipped("recipient unknown".into()),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        };
        let rendered = match self.render(&person, message).await {
            Ok(Ok(r)) => r,
            Ok(Err(reason)) => return Outcome::Skipped(reason),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        };
        let chat = ChatId(person.telegram_id);
        match self.send(chat, person.language, &rendered).await {
            Ok(sent) => {
                if let Some(receipt) = rendered.receipt {
                    let (minutes_id, document_id) = match receipt {
                        Receipt::Minutes(id) => (Some(id), None),
                        Receipt::Document(id) => (None, Some(id)),
                    };
                    let now = self.app.ctx.clock.now();
                    if let Err(e) = crate::storage::minutes::record_receipt(
                        &self.app.ctx.db,
                        minutes_id,
                        document_id,
                        person.id,
                        i64::from(sent.0.0),
                        now,
                    )
                    .await
                    {
                        tracing::error!(error = %e, "could not record a receipt");
                    }
                }
                if let Some((meeting_id, org_id, role)) = rendered.invitation {
                    let now = self.app.ctx.clock.now();
                    let (message_id, with_doc) = sent;
                    if let Err(e) = meetings::record_invitation_message(
                        &self.app.ctx.db,
                        meeting_id,
                        person.id,
                        org_id,
                        role,
                        chat.0,
                        i64::from(message_id.0),
                        with_doc,
                        now,
                    )
                    .await
                    {
                        tracing::warn!(error = %e, "could not record the invitation message");
                    }
                }
                Outcome::Done
            }
            Err(RequestError::RetryAfter(secs)) => {
                self.pacer.back_off(secs.duration());
                Outcome::Retry { after: Some(secs.duration()), error: "429 Too Many Requests".into() }
            }
            Err(e) => {
                if let Some(reason) = permanent_reason(&e) {
                    if let Err(err) =
                        svc::report_failed_delivery(&self.app.ctx, job_id, person.id, chat.0, message, reason).await
                    {
                        tracing::error!(error = %err, "could not record a failed delivery");
                    }
                    Outcome::Failed(format!("{reason}: {e}"))
                } else if is_transient(&e) {
                    Outcome::Retry { after: None, error: e.to_string() }
                } else {
                    Outcome::Failed(e.to_string())
                }
            }
        }
    }

    /// Sends the message (with its calendar file when there is one). Returns the id of the
    /// message that carries the buttons, and whether it is a document.
    async fn send(
        &self,
        chat: ChatId,
        lang: Language,
        r: &Rendered,
    ) -> Result<(teloxide::types::MessageId, bool), RequestError> {
        if let Some(file_id) = &r.file {
            return self.send_existing_file(chat, r, file_id).await;
        }
        let Some(m) = &r.ics else {
            self.pacer.acquire(chat.0).await;
            let mut req = self.bot.send_message(chat, r.text.clone()).protect_content(r.protect);
            if let Some(kb) = &r.keyboard {
                req = req.reply_markup(kb.clone());
            }
            return req.await.map(|msg| (msg.id, false));
        };
        // The calendar file is uploaded once per meeting version; later sends reuse its file_id.
        let mut upload_guard = None;
        let mut cached = m.ics_file_id.clone().filter(|_| m.ics_sequence == Some(m.sequence));
        if cached.is_none() {
            let guard = self.uploads.clone().lock_owned().await;
            let fresh = meetings::by_id(&self.app.ctx.db, m.id).await.ok().flatten();
            cached = fresh.and_then(|f| f.ics_file_id.filter(|_| f.ics_sequence == Some(m.sequence)));
            if cached.is_none() {
                upload_guard = Some(guard);
            }
        }
        let file = match &cached {
            Some(id) => InputFile::file_id(FileId(id.clone())),
            None => {
                let ics = calendar::meeting_ics(m, self.app.ctx.clock.now());
                InputFile::memory(ics.into_bytes()).file_name(calendar::ics_file_name(m))
            }
        };
        let _ = lang;
        let remember = |msg: &Message| {
            let file_id = msg.document().map(|d| d.file.id.0.clone());
            let (db, id, seq) = (self.app.ctx.db.clone(), m.id, m.sequence);
            async move {
                if cached.is_none()
                    && let Some(file_id) = file_id
                    && let Err(e) = meetings::set_ics_file(&db, id, &file_id, seq).await
                {
                    tracing::warn!(error = %e, "could not keep the calendar file id");
                }
            }
        };
        if r.text.chars().count() <= CAPTION_LIMIT {
            // One message: the calendar file, the text as its caption, the buttons.
            self.pacer.acquire(chat.0).await;
            let mut req = self.bot.send_document(chat, file).caption(r.text.clone());
            if let Some(kb) = &r.keyboard {
                req = req.reply_markup(kb.clone());
            }
            let msg = req.await?;
            remember(&msg).await;
            drop(upload_guard);
            return Ok((msg.id, true));
        }
        // Too long for a caption: the text with its buttons, then the file.
        self.pacer.acquire(chat.0).await;
        let mut req = self.bot.send_message(chat, r.text.clone());
        if let Some(kb) = &r.keyboard {
            req = req.reply_markup(kb.clone());
        }
        let msg = req.await?;
        self.pacer.acquire(chat.0).await;
        match self.bot.send_document(chat, file).await {
            Ok(doc) => {
                remember(&doc).await;
                drop(upload_guard);
            }
            // The text went out; the file is a convenience and not worth a duplicate.
            Err(e) => tracing::warn!(error = %e, chat = chat.0, "calendar file not sent"),
        }
        Ok((msg.id, false))
    }

    /// A document already uploaded (minutes, shared documents): its file_id is reused, the
    /// text goes as its caption when it fits.
    async fn send_existing_file(
        &self,
        chat: ChatId,
        r: &Rendered,
        file_id: &str,
    ) -> Result<(teloxide::types::MessageId, bool), RequestError> {
        let file = InputFile::file_id(FileId(file_id.to_string()));
        self.pacer.acquire(chat.0).await;
        if r.text.chars().count() <= CAPTION_LIMIT {
            let mut req = self.bot.send_document(chat, file).caption(r.text.clone()).protect_content(r.protect);
            if let Some(kb) = &r.keyboard {
                req = req.reply_markup(kb.clone());
            }
            return req.await.map(|m| (m.id, true));
        }
        let msg = self.bot.send_message(chat, r.text.clone()).protect_content(r.protect).await?;
        self.pacer.acquire(chat.0).await;
        self.bot.send_document(chat, file).protect_content(r.protect).await?;
        Ok((msg.id, false))
    }

    /// Renders a delivery for a person, or says why it is no longer worth sending.
    async fn render(&self, person: &Person, message: &Outgoing) -> crate::domain::AppResult<Result<Rendered, String>> {
        let app = &self.app;
        let lang = person.language;
        let t = |msg: Msg| app.i18n.render(lang, &msg);
        let now = app.ctx.clock.now();
        let plain = |text: String| Rendered {
            text,
            keyboard: None,
            ics: None,
            invitation: None,
            file: None,
            protect: false,
            receipt: None,
        };
        Ok(Ok(match message {
            Outgoing::Invitation { meeting_id, organisation_id, role } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                    return Ok(Err("meeting cancelled or started".into()));
                }
                let Some(org) = reference::organisation_by_id(&app.ctx.db, *organisation_id).await? else {
                    return Ok(Err("organisation unknown".into()));
                };
                let answer = meetings::answer(&app.ctx.db, m.id, org.id).await?;
                Rendered {
                    text: text::invitation(app, lang, &m, &org.acronym, org.observer, *role, answer),
                    keyboard: Some(text::rsvp_keyboard(app, lang, m.id, org.id, *role)),
                    invitation: Some((m.id, org.id, *role)),
                    ics: Some(m),
                    file: None,
                    protect: false,
                    receipt: None,
                }
            }
            Outgoing::Reminder { meeting_id, organisation_id, hours } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                    return Ok(Err("reminder for a meeting that has started or was cancelled".into()));
                }
                let answer = meetings::answer(&app.ctx.db, m.id, *organisation_id).await?;
                if answer == Some(RsvpAnswer::Declined) {
                    return Ok(Err("the organisation declined".into()));
                }
                plain(format!(
                    "{}\n{}",
                    t(Msg::Reminder { mechanism: m.mechanism.name(lang).to_string(), hours: *hours }),
                    text::details(app, lang, &m)
                ))
            }
            Outgoing::RsvpSummary { meeting_id } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                    return Ok(Err("summary for a meeting that has started or was cancelled".into()));
                }
                let s = svc::rsvp_summary(&app.ctx, &m).await?;
                let list = |orgs: Vec<String>| {
                    if orgs.is_empty() { t(Msg::SummaryEmptyList) } else { orgs.join(", ") }
                };
                let mark = |o: &crate::domain::Organisation| {
                    if o.observer { format!("{} (obs.)", o.acronym) } else { o.acronym.clone() }
                };
                plain(
                    [
                        t(Msg::SummaryHeader {
                            mechanism: m.mechanism.name(lang).to_string(),
                            when: text::meeting_when(app, lang, &m),
                        }),
                        t(Msg::SummaryAttending {
                            count: s.attending.len(),
                            list: list(s.attending.iter().map(|(o, _)| mark(o)).collect()),
                        }),
                        t(Msg::SummaryDeclined {
                            count: s.declined.len(),
                            list: list(s.declined.iter().map(mark).collect()),
                        }),
                        t(Msg::SummaryNoAnswer {
                            count: s.no_answer.len(),
                            list: list(s.no_answer.iter().map(mark).collect()),
                        }),
                    ]
                    .join("\n"),
                )
            }
            Outgoing::MeetingChanged { meeting_id, organisation_id, cancelled } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                let mechanism = m.mechanism.name(lang).to_string();
                if *cancelled {
                    Rendered {
                        text: t(Msg::MeetingCancelledNotice { mechanism, when: text::meeting_when(app, lang, &m) }),
                        keyboard: None,
                        ics: Some(m),
                        invitation: None,
                        file: None,
                        protect: false,
                        receipt: None,
                    }
                } else {
                    if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                        return Ok(Err("meeting cancelled or started".into()));
                    }
                    let role = meetings::invitation_messages(&app.ctx.db, m.id, Some(*organisation_id))
                        .await?
                        .into_iter()
                        .find(|im| im.person_id == person.id)
                        .map(|im| im.role())
                        .unwrap_or(crate::domain::Role::Focal);
                    let answer = meetings::answer(&app.ctx.db, m.id, *organisation_id).await?;
                    Rendered {
                        text: format!(
                            "{}\n{}\n{}",
                            t(Msg::MeetingMoved { mechanism }),
                            text::details(app, lang, &m),
                            t(Msg::AnswerStatus { answer: text::answer_code(answer) })
                        ),
                        keyboard: Some(text::rsvp_keyboard(app, lang, m.id, *organisation_id, role)),
                        invitation: Some((m.id, *organisation_id, role)),
                        ics: Some(m),
                        file: None,
                        protect: false,
                        receipt: None,
                    }
                }
            }
            Outgoing::HandoverRequest { meeting_id, organisation_id } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                if m.cancelled || meeting::is_obsolete(now, &m.timing()) {
                    return Ok(Err("meeting cancelled or started".into()));
                }
                if meetings::answer(&app.ctx.db, m.id, *organisation_id).await? != Some(RsvpAnswer::Handover) {
                    return Ok(Err("the organisation's answer changed meanwhile".into()));
                }
                let Some(org) = reference::organisation_by_id(&app.ctx.db, *organisation_id).await? else {
                    return Ok(Err("organisation unknown".into()));
                };
                let focal = crate::storage::memberships::seat_holder(
                    &app.ctx.db,
                    org.id,
                    m.mechanism.id,
                    crate::domain::Role::Focal,
                )
                .await?
                .map(|f| f.person_name)
                .unwrap_or_default();
                Rendered {
                    text: format!(
                        "{}\n{}",
                        t(Msg::HandoverRequest { name: focal, org: org.acronym.clone() }),
                        text::details(app, lang, &m)
                    ),
                    keyboard: Some(text::rsvp_keyboard(app, lang, m.id, org.id, crate::domain::Role::Alternate)),
                    ics: None,
                    invitation: None,
                    file: None,
                    protect: false,
                    receipt: None,
                }
            }
            Outgoing::DeliveryFailed { meeting_id, person_id, reason } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                let who = people::by_id(&app.ctx.db, *person_id).await?;
                let org = crate::storage::memberships::active_for_person(&app.ctx.db, *person_id)
                    .await?
                    .into_iter()
                    .find(|ms| ms.mechanism.id == m.mechanism.id)
                    .map(|ms| ms.organisation.acronym)
                    .unwrap_or_default();
                plain(t(Msg::DeliveryFailed {
                    name: who.map(|p| p.display_name).unwrap_or_default(),
                    org,
                    mechanism: m.mechanism.name(lang).to_string(),
                    reason: reason.clone(),
                }))
            }
            Outgoing::AbsenceFlag { mechanism_id, organisation_id, meetings: count } => {
                let mech = reference::mechanism_by_id(&app.ctx.db, *mechanism_id).await?;
                let org = reference::organisation_by_id(&app.ctx.db, *organisation_id).await?;
                let (Some(mech), Some(org)) = (mech, org) else { return Ok(Err("unknown".into())) };
                plain(t(Msg::AbsenceFlag { org: org.acronym, count: *count, mechanism: mech.name(lang).to_string() }))
            }
            Outgoing::MinutesReminder { meeting_id, hours } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                if crate::storage::minutes::for_meeting(&app.ctx.db, m.id).await?.is_some() {
                    return Ok(Err("minutes shared meanwhile".into()));
                }
                let deadline = crate::domain::minutes::minutes_deadline(m.ends_at());
                plain(t(Msg::MinutesReminder {
                    mechanism: m.mechanism.name(lang).to_string(),
                    when: text::meeting_when(app, lang, &m),
                    deadline: deadline.with_timezone(&app.ctx.tz).format("%d/%m/%Y %H:%M").to_string(),
                    hours: *hours,
                }))
            }
            Outgoing::MinutesOverdue { meeting_id } => {
                let m = svc::get(&app.ctx, *meeting_id).await?;
                plain(t(Msg::MinutesOverdue {
                    mechanism: m.mechanism.name(lang).to_string(),
                    when: text::meeting_when(app, lang, &m),
                }))
            }
            Outgoing::Minutes { minutes_id } => {
                let Some(mn) = crate::storage::minutes::by_id(&app.ctx.db, *minutes_id).await? else {
                    return Ok(Err("minutes unknown".into()));
                };
                let m = svc::get(&app.ctx, mn.meeting_id).await?;
                let head = format!(
                    "{}\n{}",
                    t(Msg::InternalLabel),
                    t(Msg::MinutesCaption {
                        mechanism: m.mechanism.name(lang).to_string(),
                        when: text::meeting_when(app, lang, &m),
                    })
                );
                Rendered {
                    text: match &mn.body {
                        Some(body) => format!("{head}\n\n{body}"),
                        None => head,
                    },
                    keyboard: None,
                    ics: None,
                    invitation: None,
                    file: mn.file_id.clone(),
                    protect: true,
                    receipt: Some(Receipt::Minutes(mn.id)),
                }
            }
            Outgoing::Document { document_id } => {
                let Some(d) = crate::storage::minutes::document(&app.ctx.db, *document_id).await? else {
                    return Ok(Err("document unknown".into()));
                };
                let mut text = format!("{}\n{}", t(Msg::InternalLabel), t(Msg::DocumentCaption));
                if let Some(c) = &d.caption {
                    text.push_str("\n\n");
                    text.push_str(c);
                }
                Rendered {
                    text,
                    keyboard: None,
                    ics: None,
                    invitation: None,
                    file: Some(d.file_id.clone()),
                    protect: true,
                    receipt: Some(Receipt::Document(d.id)),
                }
            }
            Outgoing::ActionReminder { action_id, due_today } => {
                let Some(a) = crate::storage::minutes::action(&app.ctx.db, *action_id).await? else {
                    return Ok(Err("action point unknown".into()));
                };
                if a.is_done() {
                    return Ok(Err("action point done".into()));
                }
                let mech = reference::mechanism_by_id(&app.ctx.db, a.mechanism_id).await?;
                let due = a.due().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
                Rendered {
                    text: t(Msg::ActionReminder {
                        today: *due_today,
                        due,
                        what: a.what.clone(),
                        org: a.acronym.clone(),
                        mechanism: mech.map(|m| m.name(lang).to_string()).unwrap_or_default(),
                    }),
                    keyboard: Some(InlineKeyboardMarkup::new(vec![vec![
                        teloxide::types::InlineKeyboardButton::callback(
                            t(Msg::BtnActionDone),
                            super::callback::Cb::ActionDone(a.id).encode(),
                        ),
                    ]])),
                    ics: None,
                    invitation: None,
                    file: None,
                    protect: false,
                    receipt: None,
                }
            }
            Outgoing::MonthlyNudge { mechanism_id, year, month } => {
                let Some(mech) = reference::mechanism_by_id(&app.ctx.db, *mechanism_id).await? else {
                    return Ok(Err("unknown mechanism".into()));
                };
                plain(t(Msg::MonthlyNudge {
                    mechanism: mech.name(lang).to_string(),
                    month: format!("{month:02}/{year}"),
                }))
            }
            // 4W (issue 5)
            Outgoing::Fourw(_) => return Ok(Err("4W messages are sent by telegram::report".into())),
            Outgoing::Decision(_) => return Ok(Err("vote and agenda messages are not sent yet".into())),
        }))
    }
}
