//! The words of the charts and of the monthly digest (`locales/*/charts.ftl`). Each variant is
//! one Fluent message: its id is the variant's name in kebab case, its fields are the message's
//! variables (numbers are given already formatted for the language, see [`number`]).

use super::Args;
use crate::domain::Language;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "kebab-case")]
pub enum ChartText {
    // Shared
    ChartMonth {
        month: u32,
        year: i32,
    },
    ChartNoData,
    ChartPeople,
    ChartTotal,
    ChartOther,
    ChartMore {
        count: String,
    },
    // 4W: reach by region and sector, by sex and age, the month against the previous six
    ChartReachTitle {
        month: String,
    },
    ChartReachCaption {
        month: String,
        total: String,
        regions: String,
        sectors: String,
    },
    ChartGroup {
        group: String,
    },
    ChartSexAgeTitle {
        month: String,
    },
    ChartSexAgeCaption {
        month: String,
        total: String,
        girls: String,
        boys: String,
        women: String,
        men: String,
        disabled: String,
    },
    ChartTrendTitle {
        month: String,
    },
    ChartTrendCaption {
        month: String,
        total: String,
        average: String,
        months: String,
    },
    // Who does what where
    ChartWhoWhereTitle {
        month: String,
    },
    ChartWhoWhereCaption {
        month: String,
        orgs: String,
        cells: String,
        gaps: String,
        duplications: String,
    },
    ChartWhoWhereLegend,
    // Attendance
    ChartAttendanceTitle {
        mechanism: String,
    },
    ChartAttendanceCaption {
        mechanism: String,
        meetings: String,
        orgs: String,
        rates: String,
    },
    ChartStatus {
        status: String,
    },
    ChartStatusLetter {
        status: String,
    },
    // Minutes
    ChartMinutesTitle {
        months: String,
    },
    ChartMinutesCaption {
        months: String,
        overall: String,
        list: String,
    },
    ChartMinutesBar {
        on_time: String,
        meetings: String,
    },
    // The monthly digest
    DigestTitle {
        month: String,
    },
    DigestSubtitle {
        date: String,
    },
    DigestMeetingsHeading,
    DigestMeetingLine {
        mechanism: String,
        date: String,
        present: String,
        invited: String,
    },
    DigestMeetingsNone,
    DigestMeetingsSummary {
        meetings: String,
        present: String,
        marked: String,
    },
    DigestMinutesHeading,
    DigestMinutesLine {
        on_time: String,
        meetings: String,
        percent: String,
    },
    DigestMinutesNone,
    DigestActionsHeading,
    DigestActionsLine {
        count: String,
        open: String,
    },
    DigestReachHeading,
    DigestGapsHeading,
    DigestGapsLine {
        gaps: String,
        duplications: String,
    },
    DigestDuplicationLine {
        place: String,
        activity: String,
        orgs: String,
    },
    DigestMissingHeading,
    DigestMissingLine {
        mechanism: String,
        orgs: String,
    },
    DigestMissingNone,
    DigestFooter,
    DigestDocumentCaption {
        month: String,
    },
}

impl ChartText {
    pub fn id(&self) -> &'static str {
        self.into()
    }

    /// The message's variables: the variant's fields, by name.
    pub fn args(&self) -> Args<'static> {
        let mut args = Args::new();
        if let Ok(serde_json::Value::Object(outer)) = serde_json::to_value(self)
            && let Some(serde_json::Value::Object(fields)) = outer.into_iter().next().map(|(_, v)| v)
        {
            for (name, value) in fields {
                match value {
                    serde_json::Value::Number(n) => args.set(name, n.as_f64().unwrap_or_default()),
                    serde_json::Value::String(s) => args.set(name, s),
                    other => args.set(name, other.to_string()),
                }
            }
        }
        args
    }
}

/// A whole number as written in the language: 12 345 (narrow no-break space) or 12,345.
pub fn number(lang: Language, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Language::Fr => '\u{202f}',
        Language::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    use std::collections::{BTreeMap, BTreeSet};
    use strum::IntoEnumIterator;

    fn vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    variants.iter().for_each(|v| vars(&v.value, out));
                }
                Expression::Inline(i) => inline(i, out),
            }
        }
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }

    /// Message id → the variables it uses.
    fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source).expect("the FTL file parses");
        let mut map = BTreeMap::new();
        for entry in &resource.body {
            if let Entry::Message(m) = entry {
                let mut found = BTreeSet::new();
                if let Some(p) = &m.value {
                    vars(p, &mut found);
                }
                map.insert(m.id.name.to_string(), found);
            }
        }
        map
    }

    #[test]
    fn both_locales_have_every_chart_message_with_its_variables() {
        let fr = messages(super::super::CHARTS_FR_SOURCE);
        let en = messages(super::super::CHARTS_EN_SOURCE);
        assert_eq!(fr.keys().collect::<BTreeSet<_>>(), en.keys().collect::<BTreeSet<_>>(), "fr and en ids differ");
        let ids: BTreeSet<String> = ChartText::iter().map(|m| m.id().to_string()).collect();
        assert_eq!(ids, fr.keys().cloned().collect::<BTreeSet<_>>(), "catalogue ids and FTL ids differ");
        let i18n = I18n::load().unwrap();
        for msg in ChartText::iter() {
            let given: BTreeSet<String> = msg.args().iter().map(|(k, _)| k.to_string()).collect();
            assert_eq!(Some(&given), fr.get(msg.id()), "variables of {}", msg.id());
            assert_eq!(Some(&given), en.get(msg.id()), "variables of {}", msg.id());
            for lang in Language::ALL {
                let text = i18n.try_text(lang, &msg).unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.trim().is_empty(), "{} renders empty in {}", msg.id(), lang.code());
            }
        }
    }

    #[test]
    fn numbers_and_months_are_written_per_language() {
        assert_eq!(number(Language::En, 1234567), "1,234,567");
        assert_eq!(number(Language::Fr, 12345), "12\u{202f}345");
        assert_eq!(number(Language::En, 999), "999");
        assert_eq!(number(Language::En, -1000), "-1,000");
        let i18n = I18n::load().unwrap();
        let oct = ChartText::ChartMonth { month: 10, year: 2026 };
        assert_eq!(i18n.text(Language::Fr, &oct), "octobre 2026");
        assert_eq!(i18n.text(Language::En, &oct), "October 2026");
        let status = ChartText::ChartStatus { status: "excused".into() };
        assert_eq!(i18n.text(Language::Fr, &status), "excusé");
    }
}
