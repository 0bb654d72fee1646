//! The monthly digest: one A4 page per language for the inter-cluster meeting — meetings and
//! attendance, minutes within 72 h, action points, 4W reach by region and sector (with its
//! chart), the situations the regional clusters validated (marked when not verified), gaps and
//! duplications, organisations that did not report.

use super::pdf::{Document, PAGE_HEIGHT, PAGE_WIDTH};
use super::{fourw, join_some};
use crate::domain::figures::{Digest, percent};
use crate::domain::{AppResult, Language};
use crate::i18n::{ChartsMsg as T, I18n, number};

/// At most this many decisions of the month are named in the digest.
const DECISIONS_SHOWN: usize = 12;

const MARGIN: f32 = 40.0;
const BODY: f32 = 9.0;
const HEADING: f32 = 11.0;
/// The tallest the chart may be on the page, in points.
const CHART_MAX_HEIGHT: f32 = 280.0;
const MEETINGS_SHOWN: usize = 5;
const MISSING_SHOWN: usize = 6;
const DUPLICATIONS_SHOWN: usize = 3;
const SITUATIONS_SHOWN: usize = 5;

/// The digest as a PDF: one page per language, in the order given.
pub fn pdf(digest: &Digest, langs: &[Language], tz: chrono_tz::Tz, i18n: &I18n) -> AppResult<Vec<u8>> {
    let mut doc = Document::new()?;
    for lang in langs {
        doc.new_page();
        page(&mut doc, digest, *lang, tz, i18n)?;
    }
    doc.finish()
}

struct Writer<'a> {
    doc: &'a mut Document,
    y: f32,
}

impl Writer<'_> {
    const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
    const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 30.0;

    /// Starts a new page when `needed` points do not fit any more.
    fn room(&mut self, needed: f32) {
        if self.y + needed > Self::BOTTOM {
            self.doc.new_page();
            self.y = MARGIN;
        }
    }

    fn heading(&mut self, text: &str) {
        self.room(HEADING * 3.0);
        self.y += 6.0;
        self.doc.text(text, MARGIN, self.y + HEADING, HEADING, false);
        self.y += HEADING + 6.0;
    }

    fn para(&mut self, text: &str, size: f32, grey: bool) {
        self.room(size * 1.3);
        self.y = self.doc.paragraph(text, MARGIN, self.y, Self::WIDTH, size, grey);
    }
}

fn page(doc: &mut Document, d: &Digest, lang: Language, tz: chrono_tz::Tz, i18n: &I18n) -> AppResult<()> {
    let t = |m: T| i18n.render(lang, m);
    let n = |v: usize| number(lang, v as i64);
    let more = |count: usize| t(T::ChartMore { count: count.to_string() });
    let month = fourw::month_name(i18n, lang, d.month);
    let mut w = Writer { doc, y: MARGIN };
    w.doc.text(&t(T::DigestTitle { month: month.clone() }), MARGIN, w.y + 16.0, 16.0, false);
    w.y += 24.0;
    w.para(&t(T::DigestSubtitle { date: d.produced.format("%d/%m/%Y").to_string() }), 8.5, true);
    w.doc.rule(MARGIN, w.y + 2.0, Writer::WIDTH);
    w.y += 4.0;

    w.heading(&t(T::DigestMeetingsHeading));
    if d.meetings.is_empty() {
        w.para(&t(T::DigestMeetingsNone), BODY, false);
    } else {
        let present: usize = d.meetings.iter().map(|m| m.present).sum();
        let marked: usize = d.meetings.iter().map(|m| m.marked).sum();
        w.para(
            &t(T::DigestMeetingsSummary { meetings: n(d.meetings.len()), present: n(present), marked: n(marked) }),
            BODY,
            false,
        );
        for m in d.meetings.iter().take(MEETINGS_SHOWN) {
            let date = m.starts_at.with_timezone(&tz).format("%d/%m/%Y").to_string();
            let line = T::DigestMeetingLine {
                mechanism: m.mechanism.clone(),
                date,
                present: n(m.present),
                invited: n(m.marked),
            };
            w.para(&format!("• {}", t(line)), BODY, false);
        }
        if d.meetings.len() > MEETINGS_SHOWN {
            w.para(&more(d.meetings.len() - MEETINGS_SHOWN), BODY, true);
        }
    }

    w.heading(&t(T::DigestMinutesHeading));
    let (on_time, counted) = d.minutes;
    if counted == 0 {
        w.para(&t(T::DigestMinutesNone), BODY, false);
    } else {
        let pct = format!("{} %", percent(on_time, counted));
        w.para(&t(T::DigestMinutesLine { on_time: n(on_time), meetings: n(counted), percent: pct }), BODY, false);
        let list: Vec<String> = d
            .minutes_by_mechanism
            .iter()
            .map(|s| format!("{} {} % ({}/{})", s.mechanism, s.percent(), s.on_time, s.meetings))
            .collect();
        w.para(&list.join(" · "), BODY - 1.0, true);
    }

    // The month's register of decisions, when there are some.
    if !d.decisions.is_empty() {
        use crate::i18n::MemoryMsg as M;
        w.heading(&i18n.render(lang, M::DigestDecisionsHeading));
        w.para(&i18n.render(lang, M::DigestDecisionsLine { count: d.decisions.len() }), BODY, false);
        let list: Vec<String> =
            d.decisions.iter().take(DECISIONS_SHOWN).map(|(mech, what)| format!("{mech}: {what}")).collect();
        w.para(&list.join(" · "), BODY - 1.0, true);
    }

    // The action points agreed in the minutes; the section appears only when there are some.
    if d.actions.0 > 0 {
        w.heading(&t(T::DigestActionsHeading));
        let line = T::DigestActionsLine { count: number(lang, d.actions.0), open: number(lang, d.actions.1) };
        w.para(&t(line), BODY, false);
    }

    w.heading(&t(T::DigestReachHeading));
    let chart = fourw::reach_by_region_sector_for(&d.reach, d.small_numbers, lang, i18n)?;
    let mut width = Writer::WIDTH;
    if width * chart.height as f32 / chart.width as f32 > CHART_MAX_HEIGHT {
        width = CHART_MAX_HEIGHT * chart.width as f32 / chart.height as f32;
    }
    w.room(width * chart.height as f32 / chart.width as f32);
    w.y = w.doc.chart(&chart, MARGIN + (Writer::WIDTH - width) / 2.0, w.y, width)? + 4.0;
    w.para(&chart.caption, BODY - 1.0, true);
    if let Some(threshold) = d.small_numbers {
        w.para(&t(T::DigestSmallNumbers { threshold: threshold.to_string() }), BODY - 1.5, true);
    }

    if !d.situations.is_empty() {
        w.heading(&t(T::DigestSituationsHeading));
        let unverified = d.situations.iter().filter(|s| !s.verified).count();
        w.para(&t(T::DigestSituationsLine { count: n(d.situations.len()), unverified: n(unverified) }), BODY, false);
        for s in d.situations.iter().take(SITUATIONS_SHOWN) {
            let line = T::DigestSituationLine {
                mechanism: s.mechanism.clone(),
                place: s.place.clone(),
                theme: s.theme.name(lang).to_string(),
                verified: s.verified,
            };
            w.para(&format!("• {}", t(line)), BODY, false);
        }
        if d.situations.len() > SITUATIONS_SHOWN {
            w.para(&more(d.situations.len() - SITUATIONS_SHOWN), BODY, true);
        }
    }

    w.heading(&t(T::DigestGapsHeading));
    w.para(&t(T::DigestGapsLine { gaps: n(d.gaps), duplications: n(d.duplications.len()) }), BODY, false);
    for (place, fr, en, orgs) in d.duplications.iter().take(DUPLICATIONS_SHOWN) {
        let activity = if lang == Language::Fr { fr } else { en }.clone();
        w.para(
            &format!("• {}", t(T::DigestDuplicationLine { place: place.clone(), activity, orgs: orgs.clone() })),
            BODY,
            false,
        );
    }
    if d.duplications.len() > DUPLICATIONS_SHOWN {
        w.para(&more(d.duplications.len() - DUPLICATIONS_SHOWN), BODY, true);
    }

    w.heading(&t(T::DigestMissingHeading));
    if d.missing.is_empty() {
        w.para(&t(T::DigestMissingNone), BODY, false);
    }
    for (mechanism, orgs) in d.missing.iter().take(MISSING_SHOWN) {
        let orgs = join_some(orgs, 12, more);
        w.para(&format!("• {}", t(T::DigestMissingLine { mechanism: mechanism.clone(), orgs })), BODY, false);
    }
    if d.missing.len() > MISSING_SHOWN {
        w.para(&more(d.missing.len() - MISSING_SHOWN), BODY, true);
    }

    let footer = t(T::DigestFooter);
    w.doc.paragraph(&footer, MARGIN, PAGE_HEIGHT - MARGIN - 18.0, Writer::WIDTH, 7.0, true);
    Ok(())
}
