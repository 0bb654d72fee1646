//! The sentences every alert message shares: its details, who is present, a cause's and a
//! commitment's names.

use crate::domain::Language;
use crate::domain::alert::{AlertCause, Commitment};
use crate::i18n::{AlertDetails, AlertsMsg, number};
use crate::services::alerts::AlertView;
use crate::storage::alerts::PresentOrganisation;
use crate::telegram::shared::App;
use crate::telegram::shared::format::date_label;
use chrono::NaiveDate;

pub(super) fn cause(app: &App, lang: Language, c: AlertCause) -> String {
    app.i18n.render(lang, AlertsMsg::AlCause { cause: c.as_ref().to_string() })
}

pub(super) fn commitment(app: &App, lang: Language, c: Commitment) -> String {
    app.i18n.render(lang, AlertsMsg::AlCommitment { commitment: c.as_ref().to_string() })
}

/// What a draft or a stored alert says, as the members see it: the source only when it may be
/// named, "not verified" when it is not.
pub(super) struct Facts<'a> {
    pub cercle: &'a str,
    pub pcode: &'a str,
    pub region: &'a str,
    pub date: NaiveDate,
    pub households: u32,
    pub cause: AlertCause,
    pub verified: bool,
    pub source: Option<&'a str>,
}

pub(super) fn details(app: &App, lang: Language, f: &Facts<'_>) -> String {
    let source = f.source.filter(|s| !s.is_empty());
    app.i18n.render(
        lang,
        AlertsMsg::AlDetails(Box::new(AlertDetails {
            cercle: f.cercle.to_string(),
            pcode: f.pcode.to_string(),
            region: f.region.to_string(),
            date: date_label(f.date),
            households: number(lang, i64::from(f.households)),
            cause: cause(app, lang, f.cause),
            verified: f.verified,
            named: source.is_some(),
            source: source.unwrap_or_default().to_string(),
        })),
    )
}

pub(super) fn view_details(app: &App, lang: Language, v: &AlertView) -> String {
    let a = &v.alert;
    let source = if a.source_nameable { a.source.as_deref() } else { None };
    details(
        app,
        lang,
        &Facts {
            cercle: &v.cercle,
            pcode: &a.pcode,
            region: &v.region,
            date: a.movement_date,
            households: a.households,
            cause: a.cause,
            verified: a.verified,
            source,
        },
    )
}

/// "Who is present here": one line per organisation with its sectors.
pub(super) fn present(app: &App, lang: Language, present: &[PresentOrganisation]) -> String {
    let t = |m: AlertsMsg| app.i18n.render(lang, m);
    if present.is_empty() {
        return t(AlertsMsg::AlPresentNone);
    }
    let mut lines = vec![t(AlertsMsg::AlPresentHeader)];
    for p in present {
        lines.push(t(AlertsMsg::AlPresentLine { org: p.acronym.clone(), sectors: p.sectors.join(", ") }));
    }
    lines.join("\n")
}
