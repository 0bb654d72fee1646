//! The one delivery path. The scheduler hands over each claimed job: fan-outs go to the
//! services; a delivery is rendered by the feature that owns its kind of message, in the
//! recipient's language, sent within Telegram's limits (paced), and its outcome classified —
//! done (receipts recorded), retry (after N seconds for a 429), or permanent with a reason
//! (recorded and reported to the chair). Once its turn at the pacer has come, right before
//! the request, the recipient's right to receive it is checked again (`services::access`):
//! one who may not is skipped, and the refusal recorded in the audit trail.

mod long;
mod problems;
mod send;

use super::shared::App;
use super::shared::outgoing::{Receipt, RenderResult, Rendered};
use super::{alerts, charts, decisions, meetings, membership, minutes, report, review, tour};
use crate::domain::Person;
use crate::domain::jobs::{DecisionMsg, FourwMsg, Job, Outgoing};
use crate::scheduler::pacer::Pacer;
use crate::scheduler::spacing::Spacing;
use crate::scheduler::{Outcome, Runner};
use crate::services::{access, audit, dispatch};
use crate::storage::jobs::{self, ClaimedJob};
use crate::storage::{self, job_sends, people};
use futures::future::BoxFuture;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::MessageId;
use teloxide::{ApiError, RequestError};

#[derive(Clone)]
pub struct TelegramRunner {
    pub app: App,
    pub bot: Bot,
    pub pacer: Arc<Pacer>,
    /// Scheduled requests leave evenly spaced, not in bursts (fewer in flight at any moment).
    pub spacing: Arc<Spacing>,
}

impl Runner for TelegramRunner {
    fn run(&self, job: ClaimedJob) -> BoxFuture<'static, Outcome> {
        let this = self.clone();
        Box::pin(async move { this.run_job(job).await })
    }

    /// What the pacer can let go within `horizon` at its scheduled rate.
    fn capacity(&self, horizon: std::time::Duration) -> Option<usize> {
        Some(self.pacer.scheduled_capacity(horizon))
    }
}

/// Renders a message for one person: each kind of message is rendered by its feature.
async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    match message {
        Outgoing::Invitation { .. }
        | Outgoing::Reminder { .. }
        | Outgoing::RsvpSummary { .. }
        | Outgoing::MeetingChanged { .. }
        | Outgoing::HandoverRequest { .. }
        | Outgoing::DeliveryFailed { .. }
        | Outgoing::AbsenceFlag { .. }
        | Outgoing::MonthlyNudge { .. } => meetings::outgoing::render(app, person, message).await,
        Outgoing::MinutesReminder { .. }
        | Outgoing::MinutesOverdue { .. }
        | Outgoing::Minutes { .. }
        | Outgoing::Document { .. }
        | Outgoing::ActionReminder { .. } => minutes::outgoing::render(app, person, message).await,
        Outgoing::Fourw(FourwMsg::Reminder { .. } | FourwMsg::Returned { .. } | FourwMsg::Approved { .. }) => {
            report::outgoing::render(app, person, message).await
        }
        Outgoing::Fourw(FourwMsg::Matrix { .. } | FourwMsg::Corrected { .. }) => {
            review::outgoing::render(app, person, message).await
        }
        Outgoing::SeatEnded { .. }
        | Outgoing::RoleChanged { .. }
        | Outgoing::MemberChanged { .. }
        | Outgoing::MembersJoined { .. }
        | Outgoing::InvitationsRevoked { .. } => membership::outgoing::render(app, person, message).await,
        Outgoing::DeliveryProblems { .. } => problems::render(app, person, message).await,
        Outgoing::Digest { .. } | Outgoing::Chart { .. } => charts::outgoing::render(app, person, message).await,
        Outgoing::Decision(DecisionMsg::AgendaProposed { .. } | DecisionMsg::AgendaDecided { .. }) => {
            meetings::outgoing::render(app, person, message).await
        }
        Outgoing::Decision(_) => decisions::outgoing::render(app, person, message).await,
        Outgoing::Memory(_) => decisions::register::render(app, person, message).await,
        Outgoing::Alert(_) => alerts::outgoing::render(app, person, message).await,
        Outgoing::Tour(_) => tour::outgoing::render(app, person, message).await,
        Outgoing::Situation(_) => super::situation::outgoing::render(app, person, message).await,
        Outgoing::Reuse(_) => super::reuse::outgoing::render(app, person, message).await,
    }
}

/// Why a delivery to a person can never work, because of the person (they blocked the bot,
/// never started it, or their account is gone).
fn permanent_reason(e: &RequestError) -> Option<&'static str> {
    match e {
        RequestError::Api(ApiError::BotBlocked) => Some("blocked"),
        RequestError::Api(ApiError::CantInitiateConversation) => Some("not_started"),
        RequestError::Api(ApiError::UserDeactivated) => Some("deactivated"),
        _ => None,
    }
}

/// Why Telegram refused a delivery for another reason (the chair is told, once per broadcast).
fn refusal_reason(e: &RequestError) -> &'static str {
    match e {
        RequestError::Api(ApiError::MessageIsTooLong | ApiError::EditedMessageIsTooLong) => "too_long",
        RequestError::Api(ApiError::CantParseEntities(_)) => "entities",
        RequestError::Api(ApiError::ChatNotFound | ApiError::UserNotFound | ApiError::BotKicked) => "chat_not_found",
        _ => "other",
    }
}

/// Errors worth another try: the network, and 5xx answers or anything Telegram did not explain.
fn is_transient(e: &RequestError) -> bool {
    matches!(
        e,
        RequestError::Network(_)
            | RequestError::Io(_)
            | RequestError::InvalidJson { .. }
            | RequestError::Api(ApiError::Unknown(_))
    )
}

impl TelegramRunner {
    async fn run_job(&self, job: ClaimedJob) -> Outcome {
        match &job.job {
            Job::Deliver { person_id, message } => self.deliver(&job, *person_id, message).await,
            fan_out => match dispatch::fan_out(&self.app.ctx, fan_out).await {
                Ok(Ok(_)) => Outcome::Done,
                Ok(Err(reason)) => Outcome::Skipped(reason),
                Err(e) => Outcome::Retry { after: None, error: e.to_string() },
            },
        }
    }

    /// Renders, sends and classifies one delivery.
    async fn deliver(&self, job: &ClaimedJob, person_id: i64, message: &Outgoing) -> Outcome {
        let job_id = job.id;
        let person = match people::by_id(&self.app.ctx.db, person_id).await {
            Ok(Some(p)) => p,
            Ok(None) => return Outcome::Skipped("recipient unknown".into()),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        };
        // Asked before drawing too: nothing is rendered (a chart, a matrix) for someone who
        // may no longer receive it. Asked again below, at the moment of sending.
        match access::check_delivery(&self.app.ctx, job_id, person_id, message).await {
            Ok(None) => {}
            Ok(Some(why)) => return Outcome::Skipped(format!("withheld: {why}")),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        }
        let rendered = match render(&self.app, &person, message).await {
            Ok(Ok(r)) => r,
            Ok(Err(reason)) => return Outcome::Skipped(reason),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        };
        // This chat's turn and a global slot; then the recipient is checked at the moment of
        // sending, not when the job was queued: the seat may have ended meanwhile.
        // The parts an earlier run of this job sent (it died, or a later part failed) and
        // Telegram answered: they are not sent again.
        let answered = if job.attempts > 1 {
            match job_sends::of_job(&self.app.ctx.db, job_id).await {
                Ok(answered) => answered,
                Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
            }
        } else {
            Vec::new()
        };
        let chat = ChatId(person.telegram_id);
        let slot = self.pacer.acquire(chat.0).await;
        self.spacing.wait().await;
        match access::check_delivery(&self.app.ctx, job_id, person_id, message).await {
            Ok(None) => {}
            Ok(Some(why)) => return Outcome::Skipped(format!("withheld at send time: {why}")),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        }
        // Committed before the request leaves: if the process dies now, the restart knows this
        // job may have reached Telegram (the others claimed with it had not).
        match jobs::mark_leaving(&self.app.ctx.db, job_id, self.app.ctx.clock.now()).await {
            Ok(true) => {}
            Ok(false) => return Outcome::Skipped("no longer claimed".into()),
            Err(e) => return Outcome::Retry { after: None, error: e.to_string() },
        }
        let mut requests = send::Requests::new(job_id, slot, answered);
        match self.send(chat, &rendered, &mut requests).await {
            Ok((message_id, with_document)) => {
                self.record(&person, &rendered, chat, message_id, with_document).await;
                if let Outgoing::Fourw(FourwMsg::Matrix { mechanism_id, .. }) = message {
                    let what = access::message_kind(message);
                    if let Err(e) =
                        audit::record_export_received(&self.app.ctx, person.id, Some(*mechanism_id), &what).await
                    {
                        tracing::error!(error = %e, "could not record an export received");
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
                        dispatch::report_failed_delivery(&self.app.ctx, job_id, person.id, chat.0, message, reason)
                            .await
                    {
                        tracing::error!(error = %err, "could not record a failed delivery");
                    }
                    Outcome::Failed(format!("{reason}: {e}"))
                } else if is_transient(&e) {
                    Outcome::Retry { after: None, error: e.to_string() }
                } else {
                    let reason = refusal_reason(&e);
                    if let Err(err) =
                        dispatch::report_refused_delivery(&self.app.ctx, job_id, person.id, chat.0, message, reason)
                            .await
                    {
                        tracing::error!(error = %err, "could not record a refused delivery");
                    }
                    Outcome::Failed(format!("{reason}: {e}"))
                }
            }
        }
    }

    /// Records what the sent message was: who received which minutes or document, or which
    /// message carries an organisation's answer buttons.
    async fn record(&self, person: &Person, r: &Rendered, chat: ChatId, message_id: MessageId, with_document: bool) {
        let (db, now) = (&self.app.ctx.db, self.app.ctx.clock.now());
        let message = i64::from(message_id.0);
        let result = match r.receipt {
            None => Ok(()),
            Some(Receipt::Minutes(id)) => {
                storage::minutes::record_receipt(db, Some(id), None, person.id, message, now).await
            }
            Some(Receipt::Document(id)) => {
                storage::minutes::record_receipt(db, None, Some(id), person.id, message, now).await
            }
            Some(Receipt::Invitation { meeting_id, organisation_id, role }) => {
                storage::meetings::record_invitation_message(
                    db,
                    meeting_id,
                    person.id,
                    organisation_id,
                    role,
                    chat.0,
                    message,
                    with_document,
                    now,
                )
                .await
            }
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "could not record what was sent");
        }
    }
}
