//! What the use cases hand back: plain values read from storage.

use super::{Language, MenuRole, OrgKind, Role};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub telegram_id: i64,
    pub display_name: String,
    pub language: Language,
    pub language_chosen: bool,
    pub menu_role: Option<MenuRole>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: i64,
    pub acronym: String,
    pub full_name: String,
    pub kind: OrgKind,
    pub observer: bool,
    /// An observer set to report its 4W anyway (members always report).
    pub observer_reports: bool,
}

impl Organisation {
    /// Whether the organisation reports a monthly 4W: every member, and the observers the
    /// cluster set to report.
    pub fn reports_fourw(&self) -> bool {
        !self.observer || self.observer_reports
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mechanism {
    pub id: i64,
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
}

impl Mechanism {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.name_fr,
            Language::En => &self.name_en,
        }
    }
}

/// One active membership, with the names needed to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipView {
    pub id: i64,
    pub person_id: i64,
    pub telegram_id: i64,
    pub person_name: String,
    pub organisation: Organisation,
    pub mechanism: Mechanism,
    pub role: Role,
    pub accepted_at: DateTime<Utc>,
}

/// A stored invitation, as read back from its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub organisation: Organisation,
    pub mechanism: Mechanism,
    pub role: Role,
    pub replace_existing: bool,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// A meeting of one mechanism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub uid: String,
    pub mechanism: Mechanism,
    pub series_id: Option<i64>,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub place: Option<String>,
    pub agenda: Option<String>,
    pub kind: super::meeting::MeetingKind,
    pub cancelled: bool,
    pub sequence: i64,
    pub invitations_sent_at: Option<DateTime<Utc>>,
}

impl Meeting {
    pub fn timing(&self) -> super::meeting::Timing {
        super::meeting::Timing {
            starts_at: self.starts_at,
            duration: chrono::Duration::minutes(self.duration_minutes),
            kind: self.kind,
        }
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.timing().ends_at()
    }
}

/// An invitation not used yet, not expired, not revoked (for the list of coordinators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvitation {
    pub id: i64,
    pub organisation: String,
    pub mechanism: String,
    pub mechanism_id: i64,
    pub role: Role,
    pub replace_existing: bool,
    /// `None`: made on the command line.
    pub issued_by: Option<String>,
    pub issued_by_id: Option<i64>,
    /// Whether the person who made it is a coordinator now (chairs may not revoke it then).
    pub issued_by_coordinator: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}
