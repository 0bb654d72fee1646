//! The meetings' scheduled messages, rendered for one person when they are sent: invitations
//! with their answer buttons and calendar file, reminders, the answers' summary, changes,
//! hand-over requests, failed deliveries, absences and the monthly nudge.

use super::callback::Cb;
use crate::domain::jobs::Outgoing;
use crate::domain::meeting::{self, MeetingKind, RsvpAnswer};
use crate::domain::{Language, Meeting, Organisation, Person, Role};
use crate::i18n::{MeetingsMsg, Msg};
use crate::services::calendar;
use crate::services::meetings::{self as svc, Choice};
use crate::storage::{meetings, memberships, people, reference};
use crate::telegram::shared::App;
use crate::telegram::shared::callback::CallbackData;
use crate::telegram::shared::format::{answer_code, details, meeting_when};
use crate::telegram::shared::outgoing::{Attachment, Receipt, RenderResult, Rendered};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

/// The invitation: header, details, for whom, and the organisation's current answer.
pub fn invitation_text(
    app: &App,
    lang: Language,
    m: &Meeting,
    org: &str,
    observer: bool,
    role: Role,
    answer: Option<RsvpAnswer>,
) -> String {
    let t = |msg: Msg| app.i18n.render(lang, &msg);
    [
        t(MeetingsMsg::InvitationHeader {
            adhoc: m.kind == MeetingKind::AdHoc,
            mechanism: m.mechanism.name(lang).to_string(),
        }
        .into()),
        details(app, lang, m),
        t(MeetingsMsg::InvitationFor { org: org.to_string(), observer, role }.into()),
        t(MeetingsMsg::AnswerStatus { answer: answer_code(answer) }.into()),
    ]
    .join("\n")
}

/// The answer buttons: the focal point may hand over to the alternate.
pub fn rsvp_keyboard(app: &App, lang: Language, meeting_id: i64, org_id: i64, role: Role) -> InlineKeyboardMarkup {
    let b = |msg: Msg, choice: Choice| {
        InlineKeyboardButton::callback(
            app.i18n.render(lang, &msg),
            Cb::Rsvp { meeting: meeting_id, org: org_id, choice }.encode(),
        )
    };
    let rows = match role {
        Role::Alternate => {
            vec![
                vec![b(MeetingsMsg::BtnAttendAlternate.into(), Choice::Attend)],
                vec![b(MeetingsMsg::BtnCannotAttend.into(), Choice::Decline)],
            ]
        }
        _ => vec![
            vec![b(MeetingsMsg::BtnAttendFocal.into(), Choice::Attend)],
            vec![b(MeetingsMsg::BtnHandOver.into(), Choice::HandOver)],
            vec![b(MeetingsMsg::BtnCannotAttend.into(), Choice::Decline)],
        ],
    };
    InlineKeyboardMarkup::new(rows)
}

/// An invitation (or a moved meeting's notice) with its answer buttons and calendar file,
/// recorded as the message to edit when the organisation answers; protected, as is the file.
fn with_answer_buttons(
    app: &App,
    lang: Language,
    text: String,
    m: &Meeting,
    org_id: i64,
    role: Role,
    file: Attachment,
) -> Rendered {
    let receipt = Receipt::Invitation { meeting_id: m.id, organisation_id: org_id, role };
    Rendered::text(text)
        .with_keyboard(rsvp_keyboard(app, lang, m.id, org_id, role))
        .with(file)
        .with_receipt(receipt)
        .protected()
}

/// The meeting's calendar file made for this recipient at sending: the chair as organiser,
/// the recipient as the only attendee (the bare file if the details cannot be read).
async fn calendar_file(app: &App, person: &Person, m: &Meeting, org: &Organisation, role: Role) -> Attachment {
    let recipient = calendar::Recipient {
        person_id: person.id,
        name: person.display_name.clone(),
        organisation: org.acronym.clone(),
        observer: org.observer,
        role,
    };
    let ics = match calendar::invitation_ics(&app.ctx, m, &recipient).await {
        Ok(ics) => ics,
        Err(e) => {
            tracing::warn!(error = %e, "calendar details unavailable");
            calendar::meeting_ics(m, app.ctx.clock.now())
        }
    };
    Attachment::Bytes { name: calendar::ics_file_name(m), bytes: ics.into_bytes() }
}

/// Whether a message about this meeting is still worth sending.
fn still_ahead(app: &App, m: &Meeting) -> bool {
    !m.cancelled && !meeting::is_obsolete(app.ctx.clock.now(), &m.timing())
}

fn mark(o: &Organisation) -> String {
    if o.observer { format!("{} (obs.)", o.acronym) } else { o.acronym.clone() }
}

pub async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let lang = person.language;
    let t = |msg: Msg| app.i18n.render(lang, &msg);
    let db = &app.ctx.db;
    Ok(Ok(match message {
        Outgoing::Invitation { meeting_id, organisation_id, role } => {
            let mut m = svc::get(&app.ctx, *meeting_id).await?;
            // The chair's agenda with the members' accepted items.
            m.agenda = crate::services::agenda::full_agenda(&app.ctx, &m).await?;
            crate::telegram::shared::alert_agenda::add_open_alerts(app, lang, &mut m).await?;
            if !still_ahead(app, &m) {
                return Ok(Err("meeting cancelled or started".into()));
            }
            let Some(org) = reference::organisation_by_id(db, *organisation_id).await? else {
                return Ok(Err("organisation unknown".into()));
            };
            // Then the follow-up of earlier meetings (the calendar file carries the same); it
            // comes from the internal minutes: observers see it where the policy lets them.
            if !org.observer || reference::observers_receive(db, m.mechanism.id).await? {
                m.agenda = crate::telegram::shared::followup::with_follow_up(app, lang, &m, m.agenda.clone()).await?;
            }
            let answer = meetings::answer(db, m.id, org.id).await?;
            let text = invitation_text(app, lang, &m, &org.acronym, org.observer, *role, answer);
            let file = calendar_file(app, person, &m, &org, *role).await;
            with_answer_buttons(app, lang, text, &m, org.id, *role, file)
        }
        Outgoing::Reminder { meeting_id, organisation_id, hours } => {
            let m = svc::get(&app.ctx, *meeting_id).await?;
            if !still_ahead(app, &m) {
                return Ok(Err("reminder for a meeting that has started or was cancelled".into()));
            }
            if meetings::answer(db, m.id, *organisation_id).await? == Some(RsvpAnswer::Declined) {
                return Ok(Err("the organisation declined".into()));
            }
            Rendered::text(format!(
                "{}\n{}",
                t(MeetingsMsg::Reminder { mechanism: m.mechanism.name(lang).to_string(), hours: *hours }.into()),
                details(app, lang, &m)
            ))
        }
        Outgoing::RsvpSummary { meeting_id } => {
            let m = svc::get(&app.ctx, *meeting_id).await?;
            if !still_ahead(app, &m) {
                return Ok(Err("summary for a meeting that has started or was cancelled".into()));
            }
            let s = svc::rsvp_summary(&app.ctx, &m).await?;
            let list = |orgs: Vec<String>| {
                if orgs.is_empty() { t(MeetingsMsg::SummaryEmptyList.into()) } else { orgs.join(", ") }
            };
            Rendered::text(
                [
                    t(MeetingsMsg::SummaryHeader {
                        mechanism: m.mechanism.name(lang).to_string(),
                        when: meeting_when(app, lang, &m),
                    }
                    .into()),
                    t(MeetingsMsg::SummaryAttending {
                        count: s.attending.len(),
                        list: list(s.attending.iter().map(|(o, _)| mark(o)).collect()),
                    }
                    .into()),
                    t(MeetingsMsg::SummaryDeclined {
                        count: s.declined.len(),
                        list: list(s.declined.iter().map(mark).collect()),
                    }
                    .into()),
                    t(MeetingsMsg::SummaryNoAnswer {
                        count: s.no_answer.len(),
                        list: list(s.no_answer.iter().map(mark).collect()),
                    }
                    .into()),
                    crate::telegram::shared::followup::section(app, lang, &m).await?.unwrap_or_default(),
                ]
                .join("\n")
                .trim_end()
                .to_string(),
            )
        }
        Outgoing::MeetingChanged { meeting_id, organisation_id, cancelled } => {
            let m = svc::get(&app.ctx, *meeting_id).await?;
            let mechanism = m.mechanism.name(lang).to_string();
            if !*cancelled && !still_ahead(app, &m) {
                return Ok(Err("meeting cancelled or started".into()));
            }
            let Some(org) = reference::organisation_by_id(db, *organisation_id).await? else {
                return Ok(Err("organisation unknown".into()));
            };
            let role = meetings::invitation_messages(db, m.id, Some(org.id))
                .await?
                .into_iter()
                .find(|im| im.person_id == person.id)
                .map(|im| im.role())
                .unwrap_or(Role::Focal);
            let file = calendar_file(app, person, &m, &org, role).await;
            if *cancelled {
                let text =
                    t(MeetingsMsg::MeetingCancelledNotice { mechanism, when: meeting_when(app, lang, &m) }.into());
                Rendered::text(text).with(file).protected()
            } else {
                let answer = meetings::answer(db, m.id, *organisation_id).await?;
                let text = format!(
                    "{}\n{}\n{}",
                    t(MeetingsMsg::MeetingMoved { mechanism }.into()),
                    details(app, lang, &m),
                    t(MeetingsMsg::AnswerStatus { answer: answer_code(answer) }.into())
                );
                with_answer_buttons(app, lang, text, &m, org.id, role, file)
            }
        }
        Outgoing::HandoverRequest { meeting_id, organisation_id } => {
            let m = svc::get(&app.ctx, *meeting_id).await?;
            if !still_ahead(app, &m) {
                return Ok(Err("meeting cancelled or started".into()));
            }
            if meetings::answer(db, m.id, *organisation_id).await? != Some(RsvpAnswer::Handover) {
                return Ok(Err("the organisation's answer changed meanwhile".into()));
            }
            let Some(org) = reference::organisation_by_id(db, *organisation_id).await? else {
                return Ok(Err("organisation unknown".into()));
            };
            let focal = memberships::seat_holder(db, org.id, m.mechanism.id, Role::Focal)
                .await?
                .map(|f| f.person_name)
                .unwrap_or_default();
            Rendered::text(format!(
                "{}\n{}",
                t(MeetingsMsg::HandoverRequest { name: focal, org: org.acronym.clone() }.into()),
                details(app, lang, &m)
            ))
            .with_keyboard(rsvp_keyboard(app, lang, m.id, org.id, Role::Alternate))
        }
        Outgoing::DeliveryFailed { meeting_id, person_id, reason } => {
            let m = svc::get(&app.ctx, *meeting_id).await?;
            let who = people::by_id(db, *person_id).await?;
            let org = memberships::active_for_person(db, *person_id)
                .await?
                .into_iter()
                .find(|ms| ms.mechanism.id == m.mechanism.id)
                .map(|ms| ms.organisation.acronym)
                .unwrap_or_default();
            Rendered::text(t(MeetingsMsg::DeliveryFailed {
                name: who.map(|p| p.display_name).unwrap_or_default(),
                org,
                mechanism: m.mechanism.name(lang).to_string(),
                reason: reason.clone(),
            }
            .into()))
        }
        Outgoing::AbsenceFlag { mechanism_id, organisation_id, meetings: count } => {
            let mech = reference::mechanism_by_id(db, *mechanism_id).await?;
            let org = reference::organisation_by_id(db, *organisation_id).await?;
            let (Some(mech), Some(org)) = (mech, org) else { return Ok(Err("unknown".into())) };
            let text =
                t(MeetingsMsg::AbsenceFlag { org: org.acronym, count: *count, mechanism: mech.name(lang).to_string() }
                    .into());
            // The actions the terms of reference allow, recorded when chosen.
            Rendered::text(text).with_keyboard(super::participation::absence_keyboard(app, lang, mech.id, org.id))
        }
        Outgoing::MonthlyNudge { mechanism_id, year, month } => {
            let Some(mech) = reference::mechanism_by_id(db, *mechanism_id).await? else {
                return Ok(Err("unknown mechanism".into()));
            };
            Rendered::text(t(MeetingsMsg::MonthlyNudge {
                mechanism: mech.name(lang).to_string(),
                month: format!("{month:02}/{year}"),
            }
            .into()))
        }
        Outgoing::Decision(msg) => return super::agenda::render(app, person, msg).await,
        other => return Ok(Err(format!("not a meetings message: {}", other.kind()))),
    }))
}
