//! Minutes and action points: the 72-hour rule and the parsing of action points, as pure
//! functions.

use super::meeting::parse_date;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Minutes are due within this long after the end of a meeting.
pub const MINUTES_DEADLINE: Duration = Duration::hours(72);
/// The chair is reminded this many hours after the end while no minutes are shared.
pub const MINUTES_REMINDER_HOURS: [i64; 2] = [24, 48];
pub const MAX_MINUTES_TEXT: usize = 3500;
pub const MAX_ACTION_TEXT: usize = 300;
pub const MAX_ACTION_POINTS: usize = 30;
/// Action points are reminded this many days before their due date, and on it.
pub const ACTION_REMINDER_DAYS_BEFORE: i64 = 3;

/// When the minutes of a meeting ending at `ends_at` are due.
pub fn minutes_deadline(ends_at: DateTime<Utc>) -> DateTime<Utc> {
    ends_at + MINUTES_DEADLINE
}

/// Whether minutes shared at `shared_at` (or not yet, at `now`) met the 72-hour rule.
pub fn on_time(ends_at: DateTime<Utc>, shared_at: Option<DateTime<Utc>>) -> bool {
    shared_at.is_some_and(|s| s <= minutes_deadline(ends_at))
}

/// An action point as typed: "what — organisation — dd/mm/yyyy".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPointDraft {
    pub what: String,
    pub organisation: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionLineError {
    #[error("line {line}: expected \"what — organisation — dd/mm/yyyy\"")]
    Shape { line: usize },
    #[error("line {line}: the description is empty or longer than 300 characters")]
    What { line: usize },
    #[error("line {line}: \"{date}\" is not a date dd/mm/yyyy")]
    Date { line: usize, date: String },
    #[error("too many action points (at most {MAX_ACTION_POINTS})")]
    TooMany,
}

/// Parses one action point per line. The separator is an em or en dash, or " - ", or "|".
pub fn parse_action_points(text: &str) -> Result<Vec<ActionPointDraft>, ActionLineError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim().trim_start_matches(['•', '*', '-']).trim();
        if raw.is_empty() {
            continue;
        }
        let normalised = raw.replace(['—', '–', '|'], "\u{1}").replace(" - ", "\u{1}");
        let parts: Vec<&str> = normalised.split('\u{1}').map(str::trim).collect();
        let [what, org, date] = parts.as_slice() else { return Err(ActionLineError::Shape { line }) };
        if what.is_empty() || what.chars().count() > MAX_ACTION_TEXT {
            return Err(ActionLineError::What { line });
        }
        if org.is_empty() {
            return Err(ActionLineError::Shape { line });
        }
        let due =
            parse_date(date).ok_or_else(|| ActionLineError::Date { line, date: date.chars().take(20).collect() })?;
        out.push(ActionPointDraft { what: what.to_string(), organisation: org.to_string(), due });
        if out.len() > MAX_ACTION_POINTS {
            return Err(ActionLineError::TooMany);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_72_hour_rule() {
        let end = DateTime::parse_from_rfc3339("2026-12-08T12:00:00Z").unwrap().to_utc();
        assert_eq!(minutes_deadline(end), end + Duration::hours(72));
        assert!(on_time(end, Some(end + Duration::hours(72))));
        assert!(!on_time(end, Some(end + Duration::hours(72) + Duration::seconds(1))));
        assert!(!on_time(end, None));
    }

    #[test]
    fn action_points_one_per_line() {
        let parsed = parse_action_points(
            "Partager la matrice 4W — NRC — 15/12/2026\n\n• Rapport de monitoring | UNHCR | 2026-12-20\nFormation - IRC - 5/1/27",
        )
        .unwrap();
        assert_eq!(parsed.len(), 3);
        assert_eq!(parsed[0].what, "Partager la matrice 4W");
        assert_eq!(parsed[0].organisation, "NRC");
        assert_eq!(parsed[0].due, NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
        assert_eq!(parsed[1].organisation, "UNHCR");
        assert_eq!(parsed[2].due, NaiveDate::from_ymd_opt(2027, 1, 5).unwrap());
    }

    #[test]
    fn bad_action_points_say_which_line() {
        assert_eq!(parse_action_points("just text"), Err(ActionLineError::Shape { line: 1 }));
        assert_eq!(
            parse_action_points("ok — NRC — 01/01/2027\nx — NRC — 32/01/2027"),
            Err(ActionLineError::Date { line: 2, date: "32/01/2027".into() })
        );
        assert_eq!(parse_action_points(" — NRC — 01/01/2027"), Err(ActionLineError::What { line: 1 }));
        assert_eq!(parse_action_points("a — — 01/01/2027"), Err(ActionLineError::Shape { line: 1 }));
        let many = "a — NRC — 01/01/2027\n".repeat(31);
        assert_eq!(parse_action_points(&many), Err(ActionLineError::TooMany));
    }
}
