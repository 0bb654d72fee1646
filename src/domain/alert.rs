//! Displacement alerts raised to the Commission mouvement de population (CMP): their state,
//! cause, household estimate, date window, commitments of present organisations and the
//! reminder time. Pure: no database, no Telegram.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Fewest households an alert may report.
pub const MIN_HOUSEHOLDS: u32 = 1;
/// Sanity cap on the households of one alert.
pub const MAX_HOUSEHOLDS: u32 = 100_000;
/// An alert may report a movement at most this many days old.
pub const MAX_AGE_DAYS: i64 = 90;
/// Present organisations that have not answered are reminded this many hours after the request.
pub const REMINDER_AFTER_HOURS: i64 = 48;

/// Where an alert stands: raised by a member, then validated or refused by the CMP chair (or a
/// coordinator), and a validated alert is closed once the follow-up is done.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::AsRefStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum AlertState {
    Raised,
    Validated,
    Refused,
    Closed,
}

impl AlertState {
    /// Open alerts are those still needing the CMP's attention (on its next agenda).
    pub fn is_open(self) -> bool {
        matches!(self, Self::Raised | Self::Validated)
    }

    /// Whether moving to `next` is allowed: raised → validated or refused; validated → closed.
    pub fn can_become(self, next: AlertState) -> bool {
        matches!(
            (self, next),
            (Self::Raised, Self::Validated) | (Self::Raised, Self::Refused) | (Self::Validated, Self::Closed)
        )
    }

    /// The state after `next`, or the refusal reason as a domain error.
    pub fn transition(self, next: AlertState) -> Result<AlertState, AlertProblem> {
        if self.can_become(next) { Ok(next) } else { Err(AlertProblem::BadTransition { from: self, to: next }) }
    }
}

/// Why people were displaced (a closed list, so reports can be counted).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::AsRefStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum AlertCause {
    ArmedConflict,
    IntercommunalViolence,
    Flood,
    Drought,
    Eviction,
    Other,
}

/// What a present organisation commits to for a validated alert.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::AsRefStr, strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Commitment {
    Assess,
    Respond,
    Cannot,
}

/// An estimated number of displaced households, 1 to 100 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Households(u32);

impl Households {
    pub fn new(n: u32) -> Result<Self, AlertProblem> {
        if (MIN_HOUSEHOLDS..=MAX_HOUSEHOLDS).contains(&n) {
            Ok(Self(n))
        } else {
            Err(AlertProblem::HouseholdsOutOfRange)
        }
    }

    /// Parses a typed number; spaces, dots and narrow spaces as thousands separators are accepted
    /// ("1 200", "1.200").
    pub fn parse(raw: &str) -> Result<Self, AlertProblem> {
        let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '.' && *c != '\u{202f}').collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AlertProblem::HouseholdsNotANumber);
        }
        let n: u32 = digits.parse().map_err(|_| AlertProblem::HouseholdsOutOfRange)?;
        Self::new(n)
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Households {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What can be wrong with an alert's fields or its state change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertProblem {
    HouseholdsNotANumber,
    HouseholdsOutOfRange,
    DateUnreadable,
    DateInFuture,
    DateTooOld,
    /// The source is empty or longer than [`MAX_SOURCE_CHARS`].
    SourceLength,
    /// The source contains a phone number or an e-mail address.
    SourcePersonalData(super::personal_data::PersonalData),
    BadTransition {
        from: AlertState,
        to: AlertState,
    },
}

/// Checks the date of the movement against today: not in the future, at most 90 days old.
pub fn check_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, AlertProblem> {
    if date > today {
        return Err(AlertProblem::DateInFuture);
    }
    match today.checked_sub_signed(Duration::days(MAX_AGE_DAYS)) {
        Some(oldest) if date < oldest => Err(AlertProblem::DateTooOld),
        _ => Ok(date),
    }
}

/// Parses a typed date DD/MM/YYYY (also with dashes or dots) and checks it against today.
pub fn parse_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, AlertProblem> {
    let raw = raw.trim();
    let parts: Vec<&str> = raw.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return Err(AlertProblem::DateUnreadable);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| AlertProblem::DateUnreadable);
    let (d, m) = (num(parts[0])?, num(parts[1])?);
    let y: i32 = parts[2].parse().map_err(|_| AlertProblem::DateUnreadable)?;
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(AlertProblem::DateUnreadable)?;
    check_date(date, today)
}

/// When the present organisations that have not answered are reminded: 48 hours after the
/// request. `None` only if the time would leave chrono's range.
pub fn reminder_at(requested_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    requested_at.checked_add_signed(Duration::hours(REMINDER_AFTER_HOURS))
}

/// What a member entered when raising an alert (the stored row adds who raised it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertInput {
    pub pcode: super::fourw::Pcode,
    pub movement_date: NaiveDate,
    pub households: Households,
    pub cause: AlertCause,
    pub verified: bool,
    pub source_nameable: bool,
    pub source: Option<String>,
}

/// Longest source an alert may name.
pub const MAX_SOURCE_CHARS: usize = 200;

/// Checks a source as typed: trimmed, 1 to 200 characters, no phone number nor e-mail.
pub fn parse_source(raw: &str) -> Result<String, AlertProblem> {
    let text = raw.trim();
    if text.is_empty() || text.chars().count() > MAX_SOURCE_CHARS {
        return Err(AlertProblem::SourceLength);
    }
    if let Some(kind) = super::personal_data::detect(text) {
        return Err(AlertProblem::SourcePersonalData(kind));
    }
    Ok(text.to_string())
}

/// The mechanism code suffix of a region, from its name: upper case without accents
/// ("Mopti" → "MOPTI", "Tombouctou" → "TOMBOUCTOU"); Ménaka is covered by the Gao mechanisms.
pub fn region_suffix(region_name: &str) -> String {
    let plain: String = region_name
        .trim()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'E',
            'à' | 'â' | 'ä' | 'À' => 'A',
            'î' | 'ï' => 'I',
            'ô' | 'ö' => 'O',
            'ù' | 'û' | 'ü' => 'U',
            'ç' => 'C',
            ' ' | '\'' => '-',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    match plain.as_str() {
        "MENAKA" => "GAO".to_string(),
        _ => plain,
    }
}

/// The codes of the mechanisms that cover a region: its regional cluster and its child
/// protection, GBV and social cohesion groups (those that exist are kept by the caller).
pub fn regional_mechanism_codes(region_name: &str) -> Vec<String> {
    let suffix = region_suffix(region_name);
    ["CR", "SC-PE", "SC-VBG", "GT-COHESION"].iter().map(|p| format!("{p}-{suffix}")).collect()
}

/// The scheduled work of an alert, each a fan-out run by the alerts service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "alert", rename_all = "snake_case")]
pub enum AlertJob {
    /// Raised: the validation request to the CMP chairs (or the coordinators).
    Raised { alert_id: i64 },
    /// Validated: the alert to the region's mechanisms and the CMP, the commitment requests.
    Validated { alert_id: i64 },
    /// 48 h after validation: the present organisations that have not answered, once.
    Remind { alert_id: i64 },
    /// Closed: the summary to the CMP chairs (or the coordinators).
    Closed { alert_id: i64 },
}

/// Alert messages to one person, rendered when sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "alert_msg", rename_all = "snake_case")]
pub enum AlertMsg {
    /// To a CMP chair (or coordinator): validate or refuse, one tap.
    ValidationRequest { alert_id: i64 },
    /// The validated alert with who is present, to a member of `mechanism_id`.
    Alert { alert_id: i64, mechanism_id: i64 },
    /// To the focal point or alternate of a present organisation (its seat in `mechanism_id`):
    /// assess, respond or cannot; `reminder` for the one reminder after 48 h.
    CommitmentRequest { alert_id: i64, organisation_id: i64, mechanism_id: i64, reminder: bool },
    /// The closing summary, to a CMP chair (or coordinator).
    Summary { alert_id: i64 },
    /// To the member who raised it: validated or refused (the state when sent).
    Decided { alert_id: i64 },
}

/// Who has answered what, for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentTally {
    pub assess: usize,
    pub respond: usize,
    pub cannot: usize,
    pub silent: usize,
}

impl CommitmentTally {
    pub fn of<'a>(answers: impl IntoIterator<Item = &'a Option<Commitment>>) -> Self {
        let mut t = Self::default();
        for a in answers {
            match a {
                Some(Commitment::Assess) => t.assess += 1,
                Some(Commitment::Respond) => t.respond += 1,
                Some(Commitment::Cannot) => t.cannot += 1,
                None => t.silent += 1,
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::str::FromStr;
    use strum::IntoEnumIterator;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn households_are_bounded_and_parsed() {
        assert_eq!(Households::parse("120").unwrap().get(), 120);
        assert_eq!(Households::parse("1 200").unwrap().get(), 1200);
        assert_eq!(Households::parse("100000").unwrap().get(), 100_000);
        assert_eq!(Households::parse("0"), Err(AlertProblem::HouseholdsOutOfRange));
        assert_eq!(Households::parse("100001"), Err(AlertProblem::HouseholdsOutOfRange));
        assert_eq!(Households::parse("99999999999999"), Err(AlertProblem::HouseholdsOutOfRange));
        assert_eq!(Households::parse("beaucoup"), Err(AlertProblem::HouseholdsNotANumber));
        assert_eq!(Households::parse("-5"), Err(AlertProblem::HouseholdsNotANumber));
        assert_eq!(Households::parse(""), Err(AlertProblem::HouseholdsNotANumber));
    }

    #[test]
    fn dates_are_neither_future_nor_too_old() {
        let today = day(2026, 12, 7);
        assert_eq!(parse_date("07/12/2026", today), Ok(today));
        assert_eq!(parse_date("6-12-2026", today), Ok(day(2026, 12, 6)));
        assert_eq!(parse_date("08/12/2026", today), Err(AlertProblem::DateInFuture));
        assert_eq!(check_date(day(2026, 9, 8), today), Ok(day(2026, 9, 8)));
        assert_eq!(check_date(day(2026, 9, 7), today), Err(AlertProblem::DateTooOld));
        assert_eq!(parse_date("31/02/2026", today), Err(AlertProblem::DateUnreadable));
        assert_eq!(parse_date("hier", today), Err(AlertProblem::DateUnreadable));
        assert_eq!(parse_date("07/12/26", today), Err(AlertProblem::DateUnreadable));
    }

    #[test]
    fn states_move_only_forward() {
        use AlertState::*;
        assert!(Raised.can_become(Validated));
        assert!(Raised.can_become(Refused));
        assert!(Validated.can_become(Closed));
        assert!(!Refused.can_become(Validated));
        assert!(!Closed.can_become(Validated));
        assert!(!Raised.can_become(Closed));
        assert_eq!(Raised.transition(Closed), Err(AlertProblem::BadTransition { from: Raised, to: Closed }));
        assert!(Raised.is_open() && Validated.is_open() && !Refused.is_open() && !Closed.is_open());
    }

    #[test]
    fn enums_round_trip_through_their_stored_names() {
        for c in AlertCause::iter() {
            assert_eq!(AlertCause::from_str(c.as_ref()).unwrap(), c);
        }
        for c in Commitment::iter() {
            assert_eq!(Commitment::from_str(c.as_ref()).unwrap(), c);
        }
        for s in AlertState::iter() {
            assert_eq!(AlertState::from_str(s.as_ref()).unwrap(), s);
        }
        assert_eq!(AlertCause::IntercommunalViolence.as_ref(), "intercommunal_violence");
    }

    #[test]
    fn reminder_is_48_hours_later_and_checked() {
        let t = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        assert_eq!(reminder_at(t), Some(Utc.with_ymd_and_hms(2026, 12, 9, 9, 0, 0).unwrap()));
        assert_eq!(reminder_at(DateTime::<Utc>::MAX_UTC), None);
    }

    #[test]
    fn tally_counts_answers_and_silence() {
        let answers = [Some(Commitment::Assess), None, Some(Commitment::Cannot), None];
        assert_eq!(CommitmentTally::of(&answers), CommitmentTally { assess: 1, respond: 0, cannot: 1, silent: 2 });
    }

    #[test]
    fn sources_are_bounded_and_free_of_personal_data() {
        assert_eq!(parse_source("  chef de village "), Ok("chef de village".to_string()));
        assert_eq!(parse_source("  "), Err(AlertProblem::SourceLength));
        assert_eq!(parse_source(&"x".repeat(201)), Err(AlertProblem::SourceLength));
        assert!(matches!(parse_source("Moussa 76 12 34 56"), Err(AlertProblem::SourcePersonalData(_))));
    }

    #[test]
    fn a_region_is_covered_by_its_mechanisms_and_menaka_by_gao() {
        assert_eq!(
            regional_mechanism_codes("Mopti"),
            vec!["CR-MOPTI", "SC-PE-MOPTI", "SC-VBG-MOPTI", "GT-COHESION-MOPTI"]
        );
        assert_eq!(region_suffix("Ménaka"), "GAO");
        assert_eq!(region_suffix("Gao"), "GAO");
        assert_eq!(region_suffix(" Tombouctou "), "TOMBOUCTOU");
        assert_eq!(region_suffix("Ségou"), "SEGOU");
        assert_eq!(regional_mechanism_codes("Ménaka")[0], "CR-GAO");
    }

    #[test]
    fn alert_jobs_round_trip_through_json() {
        let msg = AlertMsg::CommitmentRequest { alert_id: 1, organisation_id: 2, mechanism_id: 3, reminder: true };
        let json = serde_json::to_string(&msg).unwrap();
        assert_eq!(serde_json::from_str::<AlertMsg>(&json).unwrap(), msg);
        let job = AlertJob::Remind { alert_id: 4 };
        assert_eq!(serde_json::from_str::<AlertJob>(&serde_json::to_string(&job).unwrap()).unwrap(), job);
    }
}
