//! How dates and meetings read in a chat, in the reader's language.

use super::App;
use crate::domain::meeting::RsvpAnswer;
use crate::domain::{Language, Meeting};
use crate::i18n::{FivewMsg, MeetingsMsg, Msg};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

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
        &MeetingsMsg::MeetingWhen {
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
    let none = || app.i18n.render(lang, &MeetingsMsg::MeetingNoneGiven);
    app.i18n.render(
        lang,
        &MeetingsMsg::MeetingDetails {
            when: meeting_when(app, lang, m),
            place: m.place.clone().unwrap_or_else(none),
            agenda: m.agenda.clone().unwrap_or_else(none),
        },
    )
}

pub fn answer_code(a: Option<RsvpAnswer>) -> String {
    a.map(|a| a.as_str()).unwrap_or("none").to_string()
}

/// "08/12/2026".
pub fn date_label(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A moment as "08/12/2026 10:00" in the cluster's zone.
pub fn local_time(app: &App, t: DateTime<Utc>) -> String {
    t.with_timezone(&app.ctx.tz).format("%d/%m/%Y %H:%M").to_string()
}

/// A date as the number yyyymmdd, for button data.
pub fn ymd(d: NaiveDate) -> u32 {
    (d.year() as u32) * 10000 + d.month() * 100 + d.day()
}

/// The date of a yyyymmdd number, if it is one.
pub fn from_ymd(v: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((v / 10000) as i32, (v / 100) % 100, v % 100)
}

/// A reporting month as "10/2026".
pub fn month_label(m: crate::domain::fourw::ReportingMonth) -> String {
    format!("{:02}/{}", m.month, m.year)
}

/// Where a 4W line is, as lists of lines show it: the cercle, or the commune and its cercle.
pub fn place(t: impl Fn(Msg) -> String, cercle: &str, commune: Option<&str>) -> String {
    match commune {
        Some(commune) => {
            t(FivewMsg::FwPlaceCommune { commune: commune.to_string(), cercle: cercle.to_string() }.into())
        }
        None => cercle.to_string(),
    }
}
