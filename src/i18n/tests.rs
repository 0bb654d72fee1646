use super::catalogue::{
    AccessMsgDiscriminants, AdminMsgDiscriminants, AlertsMsgDiscriminants, CalendarMsgDiscriminants,
    ChartsMsgDiscriminants, DecisionsMsgDiscriminants, FivewMsgDiscriminants, MainMsgDiscriminants,
    MeetingsMsgDiscriminants, MemoryMsgDiscriminants, MinutesMsgDiscriminants, ReportMsgDiscriminants,
    SensitivityMsgDiscriminants, SituationsMsgDiscriminants, TourTextDiscriminants,
};
use super::*;
use crate::domain::Role;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use strum::IntoEnumIterator;

/// A list of messages of any feature.
macro_rules! msgs {
    ($($m:expr),* $(,)?) => { vec![$(Msg::from($m)),*] };
}

mod samples;
use samples::samples;

fn vars_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => vars_in_expr(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
            for a in &arguments.named {
                vars_in_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

fn vars_in_expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => vars_in_inline(i, out),
    }
}

fn vars_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            vars_in_expr(expression, out);
        }
    }
}

/// Message id → the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).expect("the FTL file parses");
    let mut map = BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                vars_in_pattern(p, &mut vars);
            }
            map.insert(m.id.name.to_string(), vars);
        }
    }
    map
}

#[test]
fn both_locales_define_the_same_messages_with_the_same_variables() {
    let fr = messages(FR_SOURCE);
    let en = messages(EN_SOURCE);
    let fr_ids: BTreeSet<_> = fr.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(fr_ids, en_ids, "message ids differ between fr and en");
    for (id, vars) in &fr {
        assert_eq!(Some(vars), en.get(id), "variables of '{id}' differ between fr and en");
    }
}

/// The variant's name, whichever feature's enum it belongs to.
fn variant_name(m: &Msg) -> String {
    match m {
        Msg::Main(m) => format!("{:?}", MainMsgDiscriminants::from(m)),
        Msg::Meetings(m) => format!("{:?}", MeetingsMsgDiscriminants::from(m)),
        Msg::Minutes(m) => format!("{:?}", MinutesMsgDiscriminants::from(m)),
        Msg::Report(m) => format!("{:?}", ReportMsgDiscriminants::from(m)),
        Msg::Calendar(m) => format!("{:?}", CalendarMsgDiscriminants::from(m)),
        Msg::Access(m) => format!("{:?}", AccessMsgDiscriminants::from(m)),
        Msg::Charts(m) => format!("{:?}", ChartsMsgDiscriminants::from(m)),
        Msg::Decisions(m) => format!("{:?}", DecisionsMsgDiscriminants::from(m)),
        Msg::Fivew(m) => format!("{:?}", FivewMsgDiscriminants::from(m)),
        Msg::Admin(m) => format!("{:?}", AdminMsgDiscriminants::from(m)),
        Msg::Memory(m) => format!("{:?}", MemoryMsgDiscriminants::from(m)),
        Msg::Alerts(m) => format!("{:?}", AlertsMsgDiscriminants::from(m)),
        Msg::Tour(m) => format!("{:?}", TourTextDiscriminants::from(m)),
        Msg::Situation(m) => format!("{:?}", SituationsMsgDiscriminants::from(m)),
        Msg::Sensitivity(m) => format!("{:?}", SensitivityMsgDiscriminants::from(m)),
    }
}

#[test]
fn every_catalogue_entry_has_a_sample_and_the_files_nothing_else() {
    let sampled: BTreeSet<String> = samples().iter().map(variant_name).collect();
    let every: Vec<String> = MainMsgDiscriminants::iter()
        .map(|d| format!("{d:?}"))
        .chain(MeetingsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(MinutesMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(ReportMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(CalendarMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(AccessMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(ChartsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(DecisionsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(FivewMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(AdminMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(MemoryMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(AlertsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(TourTextDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(SituationsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(SensitivityMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .collect();
    for name in &every {
        assert!(sampled.contains(name), "no sample for {name}");
    }
    let ids: BTreeSet<String> = samples().iter().map(|m| m.id().to_string()).collect();
    let in_files: BTreeSet<String> = messages(FR_SOURCE).into_keys().collect();
    assert_eq!(ids, in_files, "catalogue ids and FTL ids differ");
}

#[test]
fn every_catalogue_entry_renders_in_both_languages_with_its_variables() {
    let i18n = I18n::load().expect("catalogues load");
    let fr = messages(FR_SOURCE);
    for msg in samples() {
        let provided: BTreeSet<String> = msg.args().iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(Some(&provided), fr.get(msg.id()), "variables given to '{}' differ from the FTL", msg.id());
        for lang in Language::ALL {
            let text = i18n.try_render(lang, &msg).unwrap_or_else(|e| panic!("{e}"));
            assert!(!text.trim().is_empty(), "{} renders empty in {}", msg.id(), lang.code());
            assert!(!text.contains('{'), "{} left a placeholder in {}: {text}", msg.id(), lang.code());
        }
    }
}

#[test]
fn roles_and_observers_are_translated() {
    let i18n = I18n::load().unwrap();
    let line = MainMsg::MembersLine { name: "Awa".into(), org: "CICR".into(), role: Role::Alternate, observer: true };
    assert_eq!(i18n.render(Language::Fr, &line), "• Awa — CICR — suppléant(e) (observateur)");
    assert_eq!(i18n.render(Language::En, &line), "• Awa — CICR — alternate (observer)");
    let line = MainMsg::MembersLine { name: "Awa".into(), org: "NRC".into(), role: Role::Focal, observer: false };
    assert_eq!(i18n.render(Language::Fr, &line), "• Awa — NRC — point focal");
}
