//! The one detector of personal data in free text (agendas, places, action points, 4W
//! texts, comments, captions): e-mail addresses, also disguised (`[at]`, `(at)`, ` at `,
//! ` arobase `, full-width `＠`), and phone numbers — Malian numbers of 8 digits with or
//! without `+223`/`00223`, written with any separators (`76 - 12 - 34 - 56`, `76/12/34/56`,
//! full-width digits), and international numbers after a `+`. Dates (`2026-10-01`,
//! `01/10/2026`) and counts with thousands separators (`12 500 000`) are not flagged.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PersonalData {
    Phone,
    Email,
}

impl PersonalData {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonalData::Phone => "phone",
            PersonalData::Email => "email",
        }
    }
}

impl fmt::Display for PersonalData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The first kind of personal data found in the text, if any.
pub fn detect(text: &str) -> Option<PersonalData> {
    let normal = normalise(text);
    if has_email(&normal) {
        return Some(PersonalData::Email);
    }
    if has_phone(&normal) {
        return Some(PersonalData::Phone);
    }
    None
}

/// Compatibility forms folded (full-width digits and `＠` become ASCII), lower case, the
/// usual disguises of `@` and `.` undone, every kind of space made a plain space.
fn normalise(text: &str) -> String {
    let folded: String =
        text.nfkc().map(|c| if c.is_whitespace() { ' ' } else { c }).collect::<String>().to_lowercase();
    let mut s = format!(" {folded} ");
    for (from, to) in [
        ("[at]", "@"),
        ("(at)", "@"),
        ("{at}", "@"),
        ("[arobase]", "@"),
        ("(arobase)", "@"),
        (" arobase ", "@"),
        (" at ", "@"),
        ("[dot]", "."),
        ("(dot)", "."),
        ("[point]", "."),
        ("(point)", "."),
        (" dot ", "."),
    ] {
        // A bracketed disguise takes the spaces around it along.
        if from.starts_with(['[', '(', '{']) {
            s = s.replace(&format!(" {from} "), to);
        }
        s = s.replace(from, to);
    }
    s
}

fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%')
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

fn has_email(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        // One space on either side of the @ is tolerated ("nom @ exemple.ml").
        let mut left = at;
        if left > 0 && chars[left - 1] == ' ' {
            left -= 1;
        }
        let local_len = chars[..left].iter().rev().take_while(|c| local_char(**c)).count();
        let local: String = chars[left - local_len..left].iter().collect();
        if !local.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut right = at + 1;
        if chars.get(right) == Some(&' ') {
            right += 1;
        }
        let domain: String = chars[right..].iter().take_while(|c| domain_char(**c)).collect();
        let domain = domain.trim_end_matches(['.', '-']);
        let labels: Vec<&str> = domain.split('.').collect();
        let Some(tld) = labels.last() else { continue };
        if labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
        {
            return true;
        }
    }
    false
}

/// Characters that may separate the groups of digits of one number.
fn separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '–' | '_')
}

/// A run of digit groups: "+223 76-12-34-56" is (plus, ["223", "76", "12", "34", "56"]).
struct Run {
    plus: bool,
    groups: Vec<String>,
}

fn runs(s: &str) -> Vec<Run> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A '+' just before the first digit (possibly "(+" or "+ ").
        let before: String = chars[i.saturating_sub(3)..i].iter().collect();
        let plus = before.trim_end().ends_with('+');
        let mut groups = Vec::new();
        loop {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            groups.push(chars[start..i].iter().collect::<String>());
            // At most a few separator characters, at most one of them punctuation.
            let mut j = i;
            let mut punctuation = 0;
            while j < chars.len() && separator(chars[j]) && j - i < 4 {
                if chars[j] != ' ' {
                    punctuation += 1;
                }
                j += 1;
            }
            if j > i && punctuation <= 2 && j < chars.len() && chars[j].is_ascii_digit() {
                i = j;
            } else {
                break;
            }
        }
        out.push(Run { plus, groups });
    }
    out
}

/// 8 digits starting as Malian numbers do (fixed 2x/4x, mobile 5x to 9x).
fn malian(digits: &str) -> bool {
    digits.len() == 8 && digits.starts_with(['2', '4', '5', '6', '7', '8', '9'])
}

fn has_phone(s: &str) -> bool {
    runs(s).iter().any(is_phone_run)
}

fn is_phone_run(run: &Run) -> bool {
    let g = &run.groups;
    // International: after a '+' (or 00), the country code then the number, any grouping.
    if run.plus || g[0].starts_with("00") {
        let mut digits = String::new();
        for group in g {
            digits.push_str(group);
            let number = if run.plus { digits.as_str() } else { &digits[2..] };
            match number.strip_prefix("223") {
                // After the country code, any 8 digits are a Malian number.
                Some(national) if national.len() == 8 => return true,
                Some(_) => {}
                None if (8..=15).contains(&number.len()) => return true,
                None => {}
            }
        }
    }
    // Malian with the country code but no '+': "223 76 12 34 56".
    for (i, group) in g.iter().enumerate() {
        if group == "223" && group_boundary(&g[i + 1..], 8) && malian(&g[i + 1..].concat()[..8]) {
            return true;
        }
    }
    // National: 8 digits written as one group or as four pairs.
    if g.iter().any(|group| malian(group)) {
        return true;
    }
    g.windows(4).any(|w| w.iter().all(|p| p.len() == 2) && malian(&w.concat()))
}

/// True when the first `n` digits of the groups end exactly at a group's end.
fn group_boundary(groups: &[String], n: usize) -> bool {
    let mut total = 0;
    for g in groups {
        total += g.len();
        if total == n {
            return true;
        }
        if total > n {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguised_contacts_are_found() {
        for phone in [
            "appeler le +223 76 12 34 56",
            "tel 76123456",
            "tel 76-12-34-56",
            "76 - 12 - 34 - 56",
            "76/12/34/56",
            "７６１２３４５６",
            "tél. (+223) 76.12.34.56",
            "00223 76 12 34 56",
            "223 76123456",
            "+22376123456",
            "whatsapp +33 6 12 34 56 78",
            "fixe 20 22 33 44 à Bamako",
        ] {
            assert_eq!(detect(phone), Some(PersonalData::Phone), "{phone}");
        }
        for email in [
            "contact: awa.traore@example.org.",
            "nom [at] exemple.ml",
            "nom(at)exemple.ml",
            "nom at exemple.ml",
            "nom arobase exemple.ml",
            "a@b.ml;x",
            "awa＠exemple．ml",
            "awa [at] exemple [dot] ml",
            "AWA@EXEMPLE.ML",
        ] {
            assert_eq!(detect(email), Some(PersonalData::Email), "{email}");
        }
    }

    #[test]
    fn dates_counts_and_handles_are_not_personal_data() {
        for text in [
            "du 2026-10-01 au 2026-10-31",
            "120 femmes, 45 hommes, du 01/10/2026 au 31/10/2026",
            "01/10/2026-31/10/2026",
            "12 500 000 personnes",
            "12.500.000 FCFA",
            "ECHO 2026 / projet 12345",
            "@NRC_Mali sur Telegram",
            "période 2026-2027",
            "réunion at 10h",
            "budget 123456789",
            "1 000 000 et 2 000",
            "le 01.10.2026 à 10:00",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }
}
