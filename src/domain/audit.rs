//! The audit trail: who did what to whom, and when.

use chrono::{DateTime, Utc};

/// What happened. Stored as snake_case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::AsRefStr, strum::EnumString, strum::Display)]
#[strum(serialize_all = "snake_case")]
pub enum AuditAction {
    Joined,
    Left,
    Removed,
    Replaced,
    InvitationIssued,
    InvitationRevoked,
    ChairAdded,
    ChairRemoved,
    CoordinatorAdded,
    CoordinatorRemoved,
    ObserverPolicy,
    Erased,
    /// A delivery refused at send time (the recipient may no longer receive it).
    DeliveryWithheld,
    Exported,
    Purged,
    /// Read back from the receipts: who received which minutes or document.
    ReceivedMinutes,
    ReceivedDocument,
}

/// One line of `cluster-bot audit`, with the names as they are now (an erased person shows
/// as erased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub action: String,
    /// `None`: the command line or the bot itself.
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub subject_telegram_id: Option<i64>,
    pub mechanism: Option<String>,
    pub organisation: Option<String>,
    pub detail: Option<String>,
}
