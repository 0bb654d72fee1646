//! The chair's notice of the deliveries of one broadcast that Telegram refused for a reason
//! other than the person: how many, of what, who (their organisations, never the text) and why.

use super::super::shared::App;
use super::super::shared::outgoing::{RenderResult, Rendered};
use crate::domain::Person;
use crate::domain::jobs::Outgoing;
use crate::i18n::MeetingsMsg;
use crate::storage::{jobs, memberships, people, reference};

/// At most this many organisations are named; the count says how many there were.
const NAMED: usize = 20;

pub(super) async fn render(app: &App, person: &Person, message: &Outgoing) -> RenderResult {
    let Outgoing::DeliveryProblems { notice, kind, mechanism_id } = message else {
        return Ok(Err("not a delivery notice".into()));
    };
    let db = &app.ctx.db;
    let failures = jobs::failures_of_notice(db, notice).await?;
    if failures.is_empty() {
        return Ok(Err("no failure recorded".into()));
    }
    let mut who: Vec<String> = Vec::new();
    for (person_id, _) in &failures {
        let seats = memberships::active_for_person(db, *person_id).await?;
        let org = seats
            .iter()
            .find(|s| Some(s.mechanism.id) == *mechanism_id)
            .or(seats.first())
            .map(|s| s.organisation.acronym.clone());
        let name = match org {
            Some(org) => org,
            None => people::by_id(db, *person_id).await?.map(|p| p.display_name).unwrap_or_else(|| "?".into()),
        };
        if !who.contains(&name) {
            who.push(name);
        }
    }
    who.sort();
    let more = who.len().saturating_sub(NAMED);
    who.truncate(NAMED);
    let mut orgs = who.join(", ");
    if more > 0 {
        orgs.push_str(&format!(" (+{more})"));
    }
    // The reason most of them met.
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for (_, r) in &failures {
        match reasons.iter_mut().find(|(x, _)| *x == r.as_str()) {
            Some((_, n)) => *n += 1,
            None => reasons.push((r.as_str(), 1)),
        }
    }
    let reason = reasons.iter().max_by_key(|(_, n)| *n).map(|(r, _)| r.to_string()).unwrap_or_default();
    let lang = person.language;
    let mechanism = match mechanism_id {
        Some(id) => match reference::mechanism_by_id(db, *id).await? {
            Some(m) => m.name(lang).to_string(),
            None => "none".into(),
        },
        None => "none".into(),
    };
    let text = app.i18n.render(
        lang,
        MeetingsMsg::DeliveryProblems { count: failures.len(), kind: kind.clone(), mechanism, reason, orgs },
    );
    Ok(Ok(Rendered::text(text)))
}
