//! How meetings read in a chat, in the reader's language.

use super::App;
use super::callback::Cb;
use crate::domain::meeting::{MeetingKind, RsvpAnswer};
use crate::domain::{Language, Meeting, Role};
use crate::i18n::Msg;
use crate::services::meetings::Choice;
use chrono::{DateTime, Datelike, Utc};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

pub fn weekday_code(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => "mon",
        Tue => "tue",
        Wed => "wed",
        Thu => "thu",
        Fri => "fri",
        Sat => "sat",
        Sun => "sun",
    }
}

/// "Tue 08/12/2026 at 10:00 (120 min)", in the cluster's zone.
pub fn when(app: &App, lang: Language, starts_at: DateTime<Utc>, minutes: i64) -> String {
    let local = starts_at.with_timezone(&app.ctx.tz);
    app.i18n.render(
        lang,
        &Msg::MeetingWhen {
            weekday: weekday_code(local.weekday()).to_string(),
            date: local.format("%d/%m/%Y").to_string(),
            time: local.format("%H:%M").to_string(),
            minutes,
        },
    )
}

pub fn meeting_when(app: &App, lang: Language, m: &Meeting) -> String {
    when(app, lang, m.starts_at, m.duration_minutes)
}

pub fn short_date(app: &App, m: &Meeting) -> String {
    m.starts_at.with_timezone(&app.ctx.tz).format("%d/%m").to_string()
}

pub fn details(app: &App, lang: Language, m: &Meeting) -> String {
    let none = || app.i18n.render(lang, &Msg::MeetingNoneGiven);
    app.i18n.render(
        lang,
        &Msg::MeetingDetails {
            when: meeting_when(app, lang, m),
            place: m.place.clone().unwrap_or_else(none),
            agenda: m.agenda.clone().unwrap_or_else(none),
        },
    )
}

pub fn answer_code(a: Option<RsvpAnswer>) -> String {
    a.map(|a| a.as_str()).unwrap_or("none").to_string()
}

/// The invitation: header, details, for whom, and the organisation's current answer.
pub fn invitation(
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
        t(Msg::InvitationHeader { adhoc: m.kind == MeetingKind::AdHoc, mechanism: m.mechanism.name(lang).to_string() }),
        details(app, lang, m),
        t(Msg::InvitationFor { org: org.to_string(), observer, role }),
        t(Msg::AnswerStatus { answer: answer_code(answer) }),
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
            vec![vec![b(Msg::BtnAttendAlternate, Choice::Attend)], vec![b(Msg::BtnCannotAttend, Choice::Decline)]]
        }
        _ => vec![
            vec![b(Msg::BtnAttendFocal, Choice::Attend)],
            vec![b(Msg::BtnHandOver, Choice::HandOver)],
            vec![b(Msg::BtnCannotAttend, Choice::Decline)],
        ],
    };
    InlineKeyboardMarkup::new(rows)
}
