//! Property tests for every parser of user input: arbitrary text never panics, and what is
//! accepted is within the rules. (The dialogs' handling of refusals — a translated error and
//! the same question again — is tested end to end in the e2e_* tests.)

use clap::Parser;
use cluster_bot::domain::invitation::CODE_LEN;
use cluster_bot::domain::meeting::{parse_date, parse_duration, parse_time};
use cluster_bot::domain::{DisplayName, InvitationCode, Language, Role, fourw, minutes};
use cluster_bot::telegram::router::Button as Cb;
use cluster_bot::telegram::shared::callback::{CallbackData, MAX_CALLBACK_BYTES};
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[0-9/:.hHm -]{0,16}",
        "[a-z:0-9_-]{0,70}",
        any::<Vec<char>>().prop_map(|v| v.into_iter().take(120).collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn dates_times_and_durations(s in any_text()) {
        if let Some(d) = parse_date(&s) {
            prop_assert!((1900..=2999).contains(&chrono::Datelike::year(&d)));
        }
        let _ = parse_time(&s);
        if let Some(d) = parse_duration(&s) {
            prop_assert!((15..=720).contains(&d.num_minutes()));
        }
        if let Ok(d) = fourw::parse_date(&s) {
            prop_assert!((1900..=2999).contains(&chrono::Datelike::year(&d)));
        }
        let _ = fourw::ReportingMonth::parse(&s);
    }

    #[test]
    fn callback_data(s in any_text()) {
        if let Some(cb) = Cb::decode(&s) {
            let again = cb.encode();
            prop_assert!(again.len() <= MAX_CALLBACK_BYTES);
            prop_assert_eq!(Cb::decode(&again), Some(cb));
        }
    }

    #[test]
    fn invitation_codes(s in any_text()) {
        if let Some(code) = InvitationCode::parse(&s) {
            prop_assert_eq!(code.as_str().len(), CODE_LEN);
        }
    }

    #[test]
    fn names_and_free_text(s in any_text()) {
        if let Ok(name) = DisplayName::parse(&s) {
            let n = name.as_str().chars().count();
            prop_assert!((1..=100).contains(&n));
            prop_assert!(!name.as_str().chars().any(char::is_control));
        }
        let _ = fourw::personal_data(&s);
        if let Ok(t) = fourw::check_free_text(&s, 100) {
            prop_assert!(t.chars().count() <= 100);
            prop_assert!(fourw::personal_data(&t).is_none());
        }
        let _ = minutes::parse_action_points(&s);
        let _ = Role::parse(&s);
        let _ = Language::parse(&s);
        let _ = Language::from_client(Some(&s));
    }

    #[test]
    fn counts(s in any_text(), n in 0u64..10_000_000_000) {
        if let Ok(c) = fourw::parse_count(&s) {
            prop_assert!(c <= fourw::MAX_COUNT);
        }
        let typed = n.to_string();
        match fourw::parse_count(&typed) {
            Ok(c) => prop_assert_eq!(u64::from(c), n),
            Err(_) => prop_assert!(n > u64::from(fourw::MAX_COUNT)),
        }
    }

    #[test]
    fn places_and_pcodes(s in any_text()) {
        if let Some(p) = fourw::Pcode::parse(&s) {
            prop_assert!(p.as_str().starts_with("ML"));
            prop_assert!(p.level() == 1 || p.level() == 2);
        }
        let folded = fourw::fold_name(&s);
        prop_assert_eq!(fourw::fold_name(&folded), folded.clone());
        let units = vec![("ML0401".to_string(), "Ténenkou".to_string()), ("ML0702".to_string(), "Gourma-Rharous".to_string())];
        let _ = fourw::match_unit(&s, &units);
    }

    #[test]
    fn personal_data_is_found(user in "[a-z]{1,10}", domain in "[a-z]{2,10}", digits in "[0-9]{8}") {
        let email = format!("contact {user}@{domain}.org svp");
        prop_assert!(fourw::personal_data(&email).is_some());
        let phone = format!("appeler le +223 {} {}", &digits[..4], &digits[4..]);
        prop_assert!(fourw::personal_data(&phone).is_some());
    }

    #[test]
    fn command_line_arguments(args in proptest::collection::vec(any_text(), 0..6)) {
        let mut argv = vec!["cluster-bot".to_string()];
        argv.extend(args);
        let _ = cluster_bot::cli::Cli::try_parse_from(argv);
    }
}

#[test]
fn accents_and_case_do_not_matter_for_places() {
    let units =
        vec![("ML0401".to_string(), "Ténenkou".to_string()), ("ML0702".to_string(), "Gourma-Rharous".to_string())];
    assert_eq!(fourw::match_unit("TENENKOU", &units).map(|u| u.0.as_str()), Some("ML0401"));
    assert_eq!(fourw::match_unit("gourma rharous", &units).map(|u| u.0.as_str()), Some("ML0702"));
    assert_eq!(fourw::match_unit("ml0702", &units).map(|u| u.0.as_str()), Some("ML0702"));
}
