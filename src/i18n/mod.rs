//! Every outgoing sentence: the catalogue (`Msg`, one enum per feature) rendered through Fluent
//! in French or English.
//! No user-facing string literal lives anywhere else.

mod catalogue;

pub use catalogue::{
    AccessMsg, AdminMsg, AlertDetails, AlertsMsg, CalendarMsg, ChartsMsg, DecisionsMsg, FivewMsg, MainMsg, MeetingsMsg,
    MemoryMsg, MinutesMsg, Msg, ReportMsg, SensitivityMsg, SituationsMsg, TourText,
};

use crate::domain::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub const FR_SOURCE: &str = concat!(
    include_str!("../../locales/fr/main.ftl"),
    "\n",
    include_str!("../../locales/fr/meetings.ftl"),
    "\n",
    include_str!("../../locales/fr/minutes.ftl"),
    "\n",
    include_str!("../../locales/fr/report.ftl"),
    "\n",
    include_str!("../../locales/fr/calendar.ftl"),
    "\n",
    include_str!("../../locales/fr/access.ftl"),
    "\n",
    include_str!("../../locales/fr/charts.ftl"),
    "\n",
    include_str!("../../locales/fr/decisions.ftl"),
    "\n",
    include_str!("../../locales/fr/fivew.ftl"),
    "\n",
    include_str!("../../locales/fr/admin.ftl"),
    "\n",
    include_str!("../../locales/fr/memory.ftl"),
    "\n",
    include_str!("../../locales/fr/alerts.ftl"),
    "\n",
    include_str!("../../locales/fr/tour.ftl"),
    "\n",
    include_str!("../../locales/fr/situation.ftl"),
    "\n",
    include_str!("../../locales/fr/sensitivity.ftl")
);
pub const EN_SOURCE: &str = concat!(
    include_str!("../../locales/en/main.ftl"),
    "\n",
    include_str!("../../locales/en/meetings.ftl"),
    "\n",
    include_str!("../../locales/en/minutes.ftl"),
    "\n",
    include_str!("../../locales/en/report.ftl"),
    "\n",
    include_str!("../../locales/en/calendar.ftl"),
    "\n",
    include_str!("../../locales/en/access.ftl"),
    "\n",
    include_str!("../../locales/en/charts.ftl"),
    "\n",
    include_str!("../../locales/en/decisions.ftl"),
    "\n",
    include_str!("../../locales/en/fivew.ftl"),
    "\n",
    include_str!("../../locales/en/admin.ftl"),
    "\n",
    include_str!("../../locales/en/memory.ftl"),
    "\n",
    include_str!("../../locales/en/alerts.ftl"),
    "\n",
    include_str!("../../locales/en/tour.ftl"),
    "\n",
    include_str!("../../locales/en/situation.ftl"),
    "\n",
    include_str!("../../locales/en/sensitivity.ftl")
);

pub struct I18n {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

fn bundle(lang: &str, source: &str) -> Result<FluentBundle<FluentResource>, String> {
    let id: LanguageIdentifier = lang.parse().map_err(|e| format!("{lang}: {e:?}"))?;
    let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errs)| format!("{lang}: {errs:?}"))?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Telegram shows plain text: no Unicode isolation marks around variables.
    b.set_use_isolating(false);
    b.add_resource(resource).map_err(|errs| format!("{lang}: {errs:?}"))?;
    Ok(b)
}

impl I18n {
    /// Loads the catalogues compiled into the binary.
    pub fn load() -> Result<Self, String> {
        Ok(Self { fr: bundle("fr", FR_SOURCE)?, en: bundle("en", EN_SOURCE)? })
    }

    fn bundle(&self, lang: Language) -> &FluentBundle<FluentResource> {
        match lang {
            Language::Fr => &self.fr,
            Language::En => &self.en,
        }
    }

    /// Renders a message, reporting any Fluent error (used by the tests).
    pub fn try_render(&self, lang: Language, msg: impl Into<Msg>) -> Result<String, String> {
        let msg: Msg = msg.into();
        let bundle = self.bundle(lang);
        let id = msg.id();
        let message = bundle.get_message(id).ok_or_else(|| format!("{}: no message '{id}'", lang.code()))?;
        let pattern = message.value().ok_or_else(|| format!("{}: message '{id}' has no value", lang.code()))?;
        let args = msg.args();
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
        if errors.is_empty() { Ok(text) } else { Err(format!("{}: {id}: {errors:?}", lang.code())) }
    }

    /// Renders a message; on a (tested-against) catalogue error, logs it and shows the id.
    pub fn render(&self, lang: Language, msg: impl Into<Msg>) -> String {
        let msg: Msg = msg.into();
        match self.try_render(lang, &msg) {
            Ok(text) => text,
            Err(e) => {
                tracing::error!(error = %e, "message catalogue error");
                msg.id().to_string()
            }
        }
    }
}

pub(crate) type Args<'a> = FluentArgs<'a>;

/// A whole number as written in the language: 12 345 (narrow no-break space) or 12,345.
pub fn number(lang: Language, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Language::Fr => '\u{202f}',
        Language::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests;
