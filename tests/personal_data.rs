//! The personal-data detector, both ways: every disguise of a phone number or an e-mail
//! address is found, and dates and large counts are never taken for one.

use cluster_bot::domain::personal_data::{PersonalData, detect};
use proptest::prelude::*;

/// Full-width forms of ASCII digits and punctuation, as some phone keyboards type them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            other => other,
        })
        .collect()
}

fn malian_number() -> impl Strategy<Value = String> {
    ("[245-9]", "[0-9]{7}").prop_map(|(first, rest)| format!("{first}{rest}"))
}

fn phone_written() -> impl Strategy<Value = String> {
    let separators =
        prop_oneof![Just(""), Just(" "), Just("-"), Just("."), Just("/"), Just(" - "), Just(" / "), Just("\u{a0}")];
    let prefixes = prop_oneof![Just(""), Just("+223 "), Just("+223"), Just("00223 "), Just("(+223) "), Just("223 ")];
    (malian_number(), separators, prefixes, any::<bool>()).prop_map(|(n, sep, prefix, wide)| {
        let pairs: Vec<&str> = (0..4).map(|i| &n[2 * i..2 * i + 2]).collect();
        let written = format!("{prefix}{}", pairs.join(sep));
        if wide { full_width(&written) } else { written }
    })
}

fn email_written() -> impl Strategy<Value = String> {
    let at = prop_oneof![
        Just("@"),
        Just(" [at] "),
        Just("[at]"),
        Just("(at)"),
        Just(" (at) "),
        Just(" at "),
        Just(" arobase "),
        Just("＠"),
        Just(" AT ")
    ];
    let after = prop_oneof![Just(""), Just("."), Just(";x"), Just(","), Just(")")];
    ("[a-z][a-z0-9._]{0,10}", at, "[a-z]{2,12}", "(ml|org|com|fr|int)", after)
        .prop_map(|(user, at, domain, tld, after)| format!("{user}{at}{domain}.{tld}{after}"))
}

/// Words around, never digits (so that nothing else in the text is a number).
fn words() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàç ,:;]{0,30}"
}

fn date_written() -> impl Strategy<Value = String> {
    (2000i32..2100, 1u32..=12, 1u32..=28, 0usize..5).prop_map(|(y, m, d, style)| match style {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{d:02}/{m:02}/{y}"),
        2 => format!("{d:02}.{m:02}.{y}"),
        3 => format!("{d:02}-{m:02}-{y}"),
        _ => format!("{d:02}/{m:02}/{y} au {:02}/{m:02}/{y}", d + 1),
    })
}

fn count_written() -> impl Strategy<Value = String> {
    let separators = prop_oneof![Just(" "), Just("\u{a0}"), Just("\u{202f}"), Just("."), Just(",")];
    (0u64..10_000_000_000, separators).prop_map(|(n, sep)| {
        let digits = n.to_string();
        let mut groups = Vec::new();
        let mut end = digits.len();
        while end > 3 {
            groups.push(&digits[end - 3..end]);
            end -= 3;
        }
        groups.push(&digits[..end]);
        groups.reverse();
        groups.join(sep)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_way_of_writing_a_phone_number_is_found(before in words(), phone in phone_written(), after in words()) {
        let text = format!("{before} {phone} {after}");
        prop_assert_eq!(detect(&text), Some(PersonalData::Phone), "{}", text);
    }

    #[test]
    fn every_way_of_writing_an_email_address_is_found(before in words(), email in email_written(), after in words()) {
        let text = format!("{before} {email} {after}");
        prop_assert_eq!(detect(&text), Some(PersonalData::Email), "{}", text);
    }

    #[test]
    fn dates_are_not_personal_data(before in words(), date in date_written(), after in words()) {
        let text = format!("{before} {date} {after}");
        prop_assert_eq!(detect(&text), None, "{}", text);
    }

    #[test]
    fn counts_with_thousands_separators_are_not_personal_data(before in words(), count in count_written(), unit in "(personnes|FCFA|ménages|)") {
        let text = format!("{before} {count} {unit}");
        prop_assert_eq!(detect(&text), None, "{}", text);
    }

    #[test]
    fn a_count_and_a_date_side_by_side_are_not_personal_data(count in count_written(), date in date_written()) {
        let text = format!("{count} personnes du {date}");
        prop_assert_eq!(detect(&text), None, "{}", text);
    }
}

#[test]
fn the_forms_named_in_the_issue() {
    for phone in ["76 - 12 - 34 - 56", "76/12/34/56", "７６ １２ ３４ ５６", "+223 76 12 34 56", "76123456"] {
        assert_eq!(detect(phone), Some(PersonalData::Phone), "{phone}");
    }
    for email in ["nom [at] exemple.ml", "a@b.ml;x", "awa＠exemple.ml", "nom (at) exemple.ml", "nom arobase exemple.ml"]
    {
        assert_eq!(detect(email), Some(PersonalData::Email), "{email}");
    }
    for fine in ["2026-10-01", "12 500 000", "01/10/2026", "projet 12345"] {
        assert_eq!(detect(fine), None, "{fine}");
    }
}
