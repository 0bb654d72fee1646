//! Free text that reaches the database only after being parsed.

use std::fmt;

pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("the name contains control characters")]
    ControlCharacters,
    #[error("the name contains invisible formatting characters")]
    InvisibleCharacters,
    #[error("the name contains personal data ({0})")]
    PersonalData(super::personal_data::PersonalData),
}

/// Characters that change how text around them is shown without being seen (Unicode's
/// format characters: bidirectional overrides and isolates, zero-width spaces and joiners,
/// the soft hyphen, tags…): in a name they can make it read as someone else's.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A person's name as other members see it: 1 to 100 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, NameError> {
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(NameError::Empty);
        }
        if collapsed.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if collapsed.chars().any(char::is_control) {
            return Err(NameError::ControlCharacters);
        }
        if collapsed.chars().any(is_invisible) {
            return Err(NameError::InvisibleCharacters);
        }
        // Other members see the name: a phone number or an address has no place in it.
        if let Some(kind) = super::personal_data::detect(&collapsed) {
            return Err(NameError::PersonalData(kind));
        }
        Ok(Self(collapsed))
    }

    /// A name from a Telegram profile, shortened rather than refused (it is not typed by the user).
    pub fn from_profile(first: &str, last: Option<&str>) -> Self {
        let full = match last {
            Some(l) if !l.trim().is_empty() => format!("{first} {l}"),
            _ => first.to_string(),
        };
        let cleaned: String = full
            .chars()
            .filter(|c| !c.is_control() && !is_invisible(*c))
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let cut: String = cleaned.chars().take(MAX_NAME_CHARS).collect();
        if cut.is_empty() { Self("?".into()) } else { Self(cut) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest text of one message Telegram accepts, in UTF-16 code units (as it counts).
pub const MESSAGE_MAX_UTF16: usize = 4096;
/// The longest caption of a document or photo, in UTF-16 code units.
pub const CAPTION_MAX_UTF16: usize = 1024;

/// A text's length as Telegram counts it: UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Whether `c` continues the character before it on screen (a combining mark, a joiner, a
/// variation selector, a skin tone, an emoji tag or keycap): no cut goes before it.
fn continues(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// The byte offsets where `text` may be cut without splitting a character, a character and
/// its marks, an emoji sequence joined by ZWJ, or a flag (a pair of regional indicators).
fn cut_points(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev: Option<char> = None;
    let mut indicators = 0usize;
    text.char_indices().filter_map(move |(i, c)| {
        let allowed = match prev {
            None => false,
            Some(p) => {
                !(continues(c)
                    || p == '\u{200D}'
                    || (is_regional_indicator(p) && is_regional_indicator(c) && indicators % 2 == 1))
            }
        };
        indicators = if is_regional_indicator(c) { indicators + 1 } else { 0 };
        prev = Some(c);
        allowed.then_some(i)
    })
}

/// The first piece of `text` that fits in `limit` UTF-16 units, and the rest (`""` when it
/// all fits). The cut is at the last line break that leaves the piece at least half full,
/// else the last space, else the last place between two characters on screen (never inside
/// a character, a surrogate pair or an emoji sequence); the line break or space cut at is
/// dropped. A single unbreakable sequence longer than `limit` is cut between characters.
pub fn split_first(text: &str, limit: usize) -> (&str, &str) {
    let limit = limit.max(2);
    if utf16_len(text) <= limit {
        return (text, "");
    }
    // The largest prefix (in bytes) that fits.
    let mut units = 0usize;
    let mut fit = 0usize;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > limit {
            break;
        }
        units += c.len_utf16();
        fit = i + c.len_utf8();
    }
    let window = &text[..fit];
    let half = fit / 2;
    let at_separator = |sep: char| {
        window.rfind(sep).filter(|at| *at >= half && *at > 0).map(|at| (&text[..at], &text[at + sep.len_utf8()..]))
    };
    if let Some(cut) = at_separator('\n').or_else(|| at_separator(' ')) {
        return cut;
    }
    let at = cut_points(text).take_while(|at| *at <= fit).last().filter(|at| *at > 0).unwrap_or(fit);
    (&text[..at], &text[at..])
}

/// `text` in pieces of at most `limit` UTF-16 units each, in order (see [`split_first`] for
/// where it is cut). Pieces with nothing but spaces are left out; an empty text gives none.
pub fn split_to_limit(text: &str, limit: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, next) = split_first(rest, limit);
        if !piece.trim().is_empty() {
            pieces.push(piece.to_string());
        }
        if next.len() >= rest.len() {
            break;
        }
        rest = next;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(DisplayName::parse("  Awa   Traoré ").unwrap().as_str(), "Awa Traoré");
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(DisplayName::parse(""), Err(NameError::Empty));
        assert_eq!(DisplayName::parse("   \n "), Err(NameError::Empty));
        assert_eq!(DisplayName::parse(&"é".repeat(101)), Err(NameError::TooLong));
        assert!(DisplayName::parse(&"é".repeat(100)).is_ok());
        assert_eq!(DisplayName::parse("a\u{0007}b"), Err(NameError::ControlCharacters));
    }

    #[test]
    fn profile_names_are_never_refused() {
        assert_eq!(DisplayName::from_profile("Awa", Some("Traoré")).as_str(), "Awa Traoré");
        assert_eq!(DisplayName::from_profile("Awa", Some(" ")).as_str(), "Awa");
        assert_eq!(DisplayName::from_profile(&"x".repeat(64), Some(&"y".repeat(64))).as_str().chars().count(), 100);
        assert_eq!(DisplayName::from_profile("\u{0007}", None).as_str(), "?");
    }

    fn all_fit(pieces: &[String], limit: usize) -> bool {
        pieces.iter().all(|p| utf16_len(p) <= limit && !p.is_empty())
    }

    #[test]
    fn exactly_the_limit_is_one_message_one_more_unit_is_two() {
        assert_eq!(split_to_limit(&"a".repeat(4096), MESSAGE_MAX_UTF16).len(), 1);
        let two = split_to_limit(&"a".repeat(4097), MESSAGE_MAX_UTF16);
        assert_eq!(two.iter().map(|p| p.len()).collect::<Vec<_>>(), [4096, 1]);
        assert!(split_to_limit("", MESSAGE_MAX_UTF16).is_empty());
        assert_eq!(split_to_limit("short", MESSAGE_MAX_UTF16), ["short"]);
    }

    #[test]
    fn a_surrogate_pair_is_never_split() {
        // 4,095 units, then an emoji of two units: 4,097 in all.
        let text = format!("{}😀", "a".repeat(4095));
        assert_eq!(utf16_len(&text), 4097);
        let pieces = split_to_limit(&text, MESSAGE_MAX_UTF16);
        assert_eq!(pieces, [&"a".repeat(4095), "😀"]);
    }

    #[test]
    fn emoji_heavy_text_is_split_in_pieces_that_fit_and_lose_nothing() {
        let text = "📄✅👨‍👩‍👧‍👦🇲🇱".repeat(1000);
        let pieces = split_to_limit(&text, MESSAGE_MAX_UTF16);
        assert!(pieces.len() >= 4 && all_fit(&pieces, MESSAGE_MAX_UTF16), "{}", pieces.len());
        assert_eq!(pieces.concat(), text, "no separator to drop: nothing lost");
        for p in &pieces {
            // The family (four people joined by ZWJ) and the flag (two letters) stay whole.
            let count = |c: char| p.chars().filter(|x| *x == c).count();
            assert_eq!(count('👨'), count('👦'), "{} units", utf16_len(p));
            assert_eq!(count('\u{1F1F2}'), count('\u{1F1F1}'));
            assert!(!p.starts_with('\u{200D}') && !p.ends_with('\u{200D}'));
        }
    }

    #[test]
    fn a_flag_or_a_mark_stays_with_its_character() {
        let flags = "🇲🇱".repeat(3000);
        for p in split_to_limit(&flags, 1023) {
            assert!(p.chars().count() % 2 == 0 && utf16_len(&p) <= 1023);
        }
        let marked = "e\u{301}".repeat(3000);
        for p in split_to_limit(&marked, 1023) {
            assert!(p.starts_with('e') && p.ends_with('\u{301}'));
        }
    }

    #[test]
    fn a_long_word_without_spaces_is_cut_between_characters() {
        let pieces = split_to_limit(&"é".repeat(10_000), MESSAGE_MAX_UTF16);
        assert_eq!(pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>(), [4096, 4096, 1808]);
    }

    #[test]
    fn cuts_prefer_a_line_break_then_a_space() {
        let lines: Vec<String> = (0..300).map(|i| format!("{i}. {}", "mot ".repeat(10))).collect();
        let text = lines.join("\n");
        let pieces = split_to_limit(&text, MESSAGE_MAX_UTF16);
        assert!(pieces.len() >= 3 && all_fit(&pieces, MESSAGE_MAX_UTF16));
        assert_eq!(pieces.join("\n"), text, "cut at line breaks only");
        let words = "parole ".repeat(1000);
        let (head, rest) = split_first(&words, CAPTION_MAX_UTF16);
        assert!(head.ends_with("parole") && rest.starts_with("parole") && utf16_len(head) <= CAPTION_MAX_UTF16);
        assert_eq!(format!("{head} {rest}"), words);
        // A line break too early in the piece is not worth the waste: the space is taken.
        let early = format!("titre\n{}", "mot ".repeat(400));
        let (head, _) = split_first(&early, CAPTION_MAX_UTF16);
        assert!(utf16_len(head) > CAPTION_MAX_UTF16 / 2, "{}", head.len());
    }
}
