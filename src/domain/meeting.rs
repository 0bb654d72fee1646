//! Meetings and the timing rules of the terms of reference, as pure functions.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Invitations go out at least this long before a regular meeting.
pub const MIN_NOTICE: Duration = Duration::hours(48);
pub const REMINDER_HOURS: [i64; 2] = [24, 2];
pub const SUMMARY_HOURS: i64 = 24;
pub const MIN_DURATION_MINUTES: i64 = 15;
pub const MAX_DURATION_MINUTES: i64 = 12 * 60;
pub const MAX_PLACE_CHARS: usize = 300;
pub const MAX_AGENDA_CHARS: usize = 1500;
/// How many monthly occurrences a series creates ahead.
pub const SERIES_OCCURRENCES: u32 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingKind {
    Regular,
    AdHoc,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::AdHoc => "adhoc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "regular" => Some(MeetingKind::Regular),
            "adhoc" => Some(MeetingKind::AdHoc),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingStatus {
    Scheduled,
    Cancelled,
}

/// A meeting's timing facts, enough for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub starts_at: DateTime<Utc>,
    pub duration: Duration,
    pub kind: MeetingKind,
}

impl Timing {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + self.duration
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimingError {
    #[error("the meeting would start in the past")]
    InThePast,
    #[error(
        "a regular meeting needs at least 48 hours' notice (it would start in {hours_ahead} h); choose a later date or call an ad-hoc meeting"
    )]
    NoticeTooShort { hours_ahead: i64 },
    #[error("the duration must be between 15 minutes and 12 hours")]
    BadDuration,
}

/// The 48-hour rule: a regular meeting must start at least 48 h from now; an ad-hoc one
/// only in the future.
pub fn check_notice(now: DateTime<Utc>, t: &Timing) -> Result<(), TimingError> {
    let minutes = t.duration.num_minutes();
    if !(MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&minutes) {
        return Err(TimingError::BadDuration);
    }
    if t.starts_at <= now {
        return Err(TimingError::InThePast);
    }
    if t.kind == MeetingKind::Regular && t.starts_at - now < MIN_NOTICE {
        return Err(TimingError::NoticeTooShort { hours_ahead: (t.starts_at - now).num_hours() });
    }
    Ok(())
}

/// When the invitations go out: at the configured lead before the meeting, or at once when
/// the meeting is nearer — and never later than 48 h before (the lead is at least 48 h).
pub fn invitation_due(now: DateTime<Utc>, t: &Timing, lead: Duration) -> DateTime<Utc> {
    let lead = lead.max(MIN_NOTICE);
    (t.starts_at - lead).max(now)
}

/// The reminders still ahead at `now`: (hours before, due time).
pub fn reminders_due(now: DateTime<Utc>, t: &Timing) -> Vec<(i64, DateTime<Utc>)> {
    REMINDER_HOURS.iter().map(|h| (*h, t.starts_at - Duration::hours(*h))).filter(|(_, at)| *at > now).collect()
}

/// The RSVP summary for the chair, 24 h before, if that is still ahead.
pub fn summary_due(now: DateTime<Utc>, t: &Timing) -> Option<DateTime<Utc>> {
    let at = t.starts_at - Duration::hours(SUMMARY_HOURS);
    (at > now).then_some(at)
}

/// After a downtime, a reminder whose later sibling is already due is superseded (the 24 h
/// reminder is not sent once the 2 h one is due).
pub fn reminder_superseded(now: DateTime<Utc>, t: &Timing, hours: i64) -> bool {
    let stages: Vec<(String, DateTime<Utc>)> =
        REMINDER_HOURS.iter().map(|h| (h.to_string(), t.starts_at - Duration::hours(*h))).collect();
    let stages: Vec<(&str, DateTime<Utc>)> = stages.iter().map(|(n, at)| (n.as_str(), *at)).collect();
    !super::catchup::still_relevant(&stages, &hours.to_string(), now)
}

/// A reminder or summary that would arrive after the meeting started is pointless.
pub fn is_obsolete(now: DateTime<Utc>, t: &Timing) -> bool {
    now >= t.starts_at
}

/// Answers can change until the meeting starts.
pub fn answers_open(now: DateTime<Utc>, t: &Timing) -> bool {
    now < t.starts_at
}

/// Which weekday of the month: 1st…4th, or the last (`-1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyRule {
    pub weekday: Weekday,
    /// 1..=4, or -1 for the last such weekday of the month.
    pub nth: i8,
    pub local_time: NaiveTime,
}

impl MonthlyRule {
    /// The rule "same weekday of the month" for a first meeting on `date`: the 5th weekday
    /// of a month becomes "the last".
    pub fn from_first(date: NaiveDate, local_time: NaiveTime) -> Self {
        let nth = ((date.day() - 1) / 7 + 1) as i8;
        Self { weekday: date.weekday(), nth: if nth >= 5 { -1 } else { nth }, local_time }
    }

    pub fn date_in(&self, year: i32, month: u32) -> Option<NaiveDate> {
        if self.nth > 0 {
            NaiveDate::from_weekday_of_month_opt(year, month, self.weekday, self.nth as u8)
        } else {
            let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
            while d.weekday() != self.weekday {
                d = d.pred_opt()?;
            }
            Some(d)
        }
    }

    /// The next `count` occurrences strictly after `after` (local dates in `tz`), starting
    /// with the month of `after`.
    pub fn occurrences(&self, tz: Tz, after: DateTime<Utc>, count: u32) -> Vec<DateTime<Utc>> {
        let local = after.with_timezone(&tz);
        let (mut y, mut m) = (local.year(), local.month());
        let mut out = Vec::new();
        let mut guard = 0;
        while out.len() < count as usize && guard < 48 {
            guard += 1;
            if let Some(date) = self.date_in(y, m)
                && let Some(at) = local_to_utc(tz, date, self.local_time)
                && at > after
            {
                out.push(at);
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }
}

/// A local date and time in the cluster's zone, as UTC (the earliest if ambiguous).
pub fn local_to_utc(tz: Tz, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&date.and_time(time)).earliest().map(|d| d.with_timezone(&Utc))
}

/// Parses a typed date `dd/mm/yyyy` (also `dd/mm/yy`, `dd.mm.yyyy`, `dd-mm-yyyy`, or ISO `yyyy-mm-dd`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.len() > 10 || s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    if d.is_empty() || m.is_empty() || y.is_empty() || !(d.len() <= 2 && m.len() <= 2) {
        return None;
    }
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(d) && all_digits(m) && all_digits(y)) {
        return None;
    }
    let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let y = match y {
        0..=99 if parts[2].len() == 2 => 2000 + y,
        1900..=2999 => y,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses a typed time `HH:MM` (also `HHhMM`, `HH.MM`, `HHh`).
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    let s = raw.trim().to_ascii_lowercase();
    if s.is_empty() || s.len() > 5 {
        return None;
    }
    let (h, m) = match s.split_once([':', 'h', '.']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (s.as_str(), "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Parses a typed duration in minutes (`90`), hours (`2h`, `1h30`).
pub fn parse_duration(raw: &str) -> Option<Duration> {
    let s = raw.trim().to_ascii_lowercase().replace(' ', "");
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let minutes: i64 = if let Some((h, m)) = s.split_once('h') {
        let m = m.trim_end_matches("min").trim_end_matches('m');
        if !digits(h) || !(m.is_empty() || digits(m)) {
            return None;
        }
        h.parse::<i64>().ok()? * 60 + if m.is_empty() { 0 } else { m.parse::<i64>().ok()? }
    } else {
        let m = s.trim_end_matches("min").trim_end_matches('m');
        if !digits(m) {
            return None;
        }
        m.parse().ok()?
    };
    (MIN_DURATION_MINUTES..=MAX_DURATION_MINUTES).contains(&minutes).then(|| Duration::minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn timing(start: &str, kind: MeetingKind) -> Timing {
        Timing { starts_at: at(start), duration: Duration::hours(2), kind }
    }

    #[test]
    fn forty_eight_hour_rule() {
        let now = at("2026-12-01T10:00:00Z");
        assert_eq!(
            check_notice(now, &timing("2026-12-03T09:00:00Z", MeetingKind::Regular)),
            Err(TimingError::NoticeTooShort { hours_ahead: 47 })
        );
        assert_eq!(check_notice(now, &timing("2026-12-03T10:00:00Z", MeetingKind::Regular)), Ok(()));
        assert_eq!(check_notice(now, &timing("2026-12-03T09:00:00Z", MeetingKind::AdHoc)), Ok(()));
        assert_eq!(check_notice(now, &timing("2026-12-01T09:00:00Z", MeetingKind::AdHoc)), Err(TimingError::InThePast));
        let mut t = timing("2026-12-20T09:00:00Z", MeetingKind::Regular);
        t.duration = Duration::minutes(5);
        assert_eq!(check_notice(now, &t), Err(TimingError::BadDuration));
    }

    #[test]
    fn invitations_at_the_lead_or_at_once_never_later_than_48h() {
        let now = at("2026-12-01T10:00:00Z");
        let lead = Duration::days(7);
        let ten_days = timing("2026-12-11T10:00:00Z", MeetingKind::Regular);
        assert_eq!(invitation_due(now, &ten_days, lead), at("2026-12-04T10:00:00Z"));
        let three_days = timing("2026-12-04T10:00:00Z", MeetingKind::Regular);
        assert_eq!(invitation_due(now, &three_days, lead), now);
        // A lead configured below 48 h is raised to 48 h.
        assert_eq!(invitation_due(now, &ten_days, Duration::hours(1)), at("2026-12-09T10:00:00Z"));
        let adhoc = timing("2026-12-02T09:00:00Z", MeetingKind::AdHoc);
        assert_eq!(invitation_due(now, &adhoc, lead), now);
    }

    #[test]
    fn reminders_and_summary_only_when_still_ahead() {
        let now = at("2026-12-01T10:00:00Z");
        let far = timing("2026-12-11T10:00:00Z", MeetingKind::Regular);
        assert_eq!(reminders_due(now, &far), vec![(24, at("2026-12-10T10:00:00Z")), (2, at("2026-12-11T08:00:00Z"))]);
        assert_eq!(summary_due(now, &far), Some(at("2026-12-10T10:00:00Z")));
        let soon = timing("2026-12-02T06:00:00Z", MeetingKind::AdHoc);
        assert_eq!(reminders_due(now, &soon), vec![(2, at("2026-12-02T04:00:00Z"))]);
        assert_eq!(summary_due(now, &soon), None);
        assert!(is_obsolete(at("2026-12-11T10:00:00Z"), &far));
        assert!(!reminder_superseded(at("2026-12-10T10:00:00Z"), &far, 24));
        assert!(reminder_superseded(at("2026-12-11T08:30:00Z"), &far, 24), "down across both: only the 2 h one");
        assert!(!reminder_superseded(at("2026-12-11T08:30:00Z"), &far, 2));
        assert!(!is_obsolete(at("2026-12-11T09:59:59Z"), &far));
    }

    #[test]
    fn monthly_rule_same_weekday_of_the_month() {
        let tz = chrono_tz::Africa::Bamako;
        // Tuesday 8 December 2026 is the second Tuesday.
        let first = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let rule = MonthlyRule::from_first(first, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        assert_eq!((rule.weekday, rule.nth), (Weekday::Tue, 2));
        let next = rule.occurrences(tz, at("2026-12-01T00:00:00Z"), 3);
        assert_eq!(next, vec![at("2026-12-08T10:00:00Z"), at("2027-01-12T10:00:00Z"), at("2027-02-09T10:00:00Z")]);
        // A fifth Thursday becomes "the last Thursday".
        let last = MonthlyRule::from_first(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(), NaiveTime::MIN);
        assert_eq!(last.nth, -1);
        assert_eq!(last.date_in(2027, 2), NaiveDate::from_ymd_opt(2027, 2, 25));
    }

    #[test]
    fn typed_dates_times_and_durations() {
        assert_eq!(parse_date("08/12/2026"), NaiveDate::from_ymd_opt(2026, 12, 8));
        assert_eq!(parse_date("8/12/26"), NaiveDate::from_ymd_opt(2026, 12, 8));
        assert_eq!(parse_date("2026-12-08"), NaiveDate::from_ymd_opt(2026, 12, 8));
        for bad in
            ["31/02/2026", "12/31/2026", "00/01/2026", "hier", "", "1/1/1", "1/1/123456", "+1/1/2026", "１/1/2026"]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_time("10:30"), NaiveTime::from_hms_opt(10, 30, 0));
        assert_eq!(parse_time("9h"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("14h15"), NaiveTime::from_hms_opt(14, 15, 0));
        for bad in ["24:00", "10:60", "ten", "", "-1:00", "10:5:0", "1000"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(parse_duration("90"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("1h30"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("2h"), Some(Duration::hours(2)));
        for bad in ["0", "5", "13h", "-30", "abc", "", "1h90x", "99999999999"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}

/// An organisation's answer to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RsvpAnswer {
    /// The focal point will attend.
    Focal,
    /// The alternate will attend (confirmed by the alternate).
    Alternate,
    /// The focal point handed over; the alternate has not confirmed yet.
    Handover,
    /// The organisation cannot attend.
    Declined,
}

impl RsvpAnswer {
    pub fn as_str(self) -> &'static str {
        match self {
            RsvpAnswer::Focal => "focal",
            RsvpAnswer::Alternate => "alternate",
            RsvpAnswer::Handover => "handover",
            RsvpAnswer::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "focal" => RsvpAnswer::Focal,
            "alternate" => RsvpAnswer::Alternate,
            "handover" => RsvpAnswer::Handover,
            "declined" => RsvpAnswer::Declined,
            _ => return None,
        })
    }

    pub fn attending(self) -> bool {
        matches!(self, RsvpAnswer::Focal | RsvpAnswer::Alternate)
    }
}

/// Who should get a reminder, given the organisation's answer: the person who will attend,
/// or both when unknown; nobody when the organisation declined.
pub fn reminder_roles(answer: Option<RsvpAnswer>) -> &'static [super::Role] {
    use super::Role;
    match answer {
        Some(RsvpAnswer::Declined) => &[],
        Some(RsvpAnswer::Focal) => &[Role::Focal],
        Some(RsvpAnswer::Alternate) => &[Role::Alternate],
        Some(RsvpAnswer::Handover) | None => &[Role::Focal, Role::Alternate],
    }
}

/// Organisations absent from the last `n` meetings in a row (attendance oldest → newest).
pub fn absent_in_a_row(history: &[bool], n: usize) -> bool {
    history.len() >= n && history[history.len() - n..].iter().all(|present| !present)
}
