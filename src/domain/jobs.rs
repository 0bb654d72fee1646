//! What the scheduler runs. Fan-out jobs decide who receives something; delivery jobs send
//! one message to one person, rendered at delivery time in that person's language.

use super::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// Queue one invitation per invitee of the meeting.
    FanOutInvitations {
        meeting_id: i64,
    },
    /// Queue the reminders (`hours` before) to invitees whose organisation has not declined.
    FanOutReminders {
        meeting_id: i64,
        hours: i64,
    },
    /// Queue the RSVP summary to the chairs (or the coordinators).
    FanOutSummary {
        meeting_id: i64,
    },
    /// Queue the notice of a change (rescheduled or cancelled) to those already invited.
    FanOutChange {
        meeting_id: i64,
        cancelled: bool,
    },
    /// Queue the monthly nudge to chairs whose mechanism has no meeting next month.
    MonthlyNudge {
        year: i32,
        month: u32,
    },
    /// Send one message to one person.
    Deliver {
        person_id: i64,
        message: Outgoing,
    },
    /// Remind the chairs, `hours` after the end, while no minutes are shared.
    MinutesReminder {
        meeting_id: i64,
        hours: i64,
    },
    /// At +72 h without minutes: mark the meeting overdue and tell the coordinators, once.
    MinutesOverdue {
        meeting_id: i64,
    },
    /// Send shared minutes to every active member of the mechanism.
    DistributeMinutes {
        minutes_id: i64,
    },
    /// Send a shared document to every active member of its mechanisms.
    DistributeDocument {
        document_id: i64,
    },
    /// Remind the responsible organisation of an action point.
    ActionReminder {
        action_id: i64,
        due_today: bool,
    },
    Fourw(FourwJob),
    /// Delete old dialogues and old finished jobs (retention periods in the context).
    Purge,
    /// The one-page digest of a month, queued to every coordinator.
    MonthlyDigest {
        year: i32,
        month: u32,
    },
    /// Votes, agenda items and monthly series.
    Decision(DecisionJob),
    /// The register of decisions (review dates).
    Memory(super::memory::MemoryJob),
    /// Displacement alerts to the CMP.
    Alert(super::alert::AlertJob),
    /// A meeting's tour de table.
    Tour(super::tour::TourJob),
    /// Situation items of the regional clusters.
    Situation(super::situation::SituationJob),
}

/// A message to one person, rendered when it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(tag = "msg", rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Outgoing {
    Invitation {
        meeting_id: i64,
        organisation_id: i64,
        role: Role,
    },
    Reminder {
        meeting_id: i64,
        organisation_id: i64,
        hours: i64,
    },
    RsvpSummary {
        meeting_id: i64,
    },
    MeetingChanged {
        meeting_id: i64,
        organisation_id: i64,
        cancelled: bool,
    },
    HandoverRequest {
        meeting_id: i64,
        organisation_id: i64,
    },
    DeliveryFailed {
        meeting_id: i64,
        person_id: i64,
        reason: String,
    },
    /// To a chair (or the coordinators): deliveries of one broadcast that Telegram refused
    /// for a reason other than the person (a text too long, a chat not found…). The failures
    /// are those recorded under `notice`; `kind` is what was sent.
    DeliveryProblems {
        notice: String,
        kind: String,
        mechanism_id: Option<i64>,
    },
    AbsenceFlag {
        mechanism_id: i64,
        organisation_id: i64,
        meetings: i64,
    },
    MonthlyNudge {
        mechanism_id: i64,
        year: i32,
        month: u32,
    },
    MinutesReminder {
        meeting_id: i64,
        hours: i64,
    },
    MinutesOverdue {
        meeting_id: i64,
    },
    Minutes {
        minutes_id: i64,
    },
    Document {
        document_id: i64,
    },
    ActionReminder {
        action_id: i64,
        due_today: bool,
    },
    Fourw(FourwMsg),
    /// To a person whose seat ended on someone else's decision (`removed` or `replaced`).
    SeatEnded {
        mechanism_id: i64,
        organisation_id: i64,
        role: Role,
        change: String,
    },
    /// To a person whose coordinator or chair role someone else granted or ended.
    RoleChanged {
        change: RoleChange,
    },
    /// To the chairs (or coordinators): someone joined, left, was removed or replaced.
    MemberChanged {
        mechanism_id: i64,
        person_id: i64,
        organisation_id: i64,
        role: Role,
        change: String,
    },
    /// To the chairs (or coordinators): who joined the mechanism between two times (unix
    /// seconds), one message per period rather than one per person.
    MembersJoined {
        mechanism_id: i64,
        from: i64,
        to: i64,
    },
    /// To the coordinators: the pending invitations a person had made were revoked because
    /// their rights to make them ended (removed as chair or coordinator, or left).
    InvitationsRevoked {
        issuer_id: i64,
        invitation_ids: Vec<i64>,
    },
    /// The digest of a month as a PDF the coordinator may forward.
    Digest {
        year: i32,
        month: u32,
    },
    /// A chart as a photo (protected, caption in the recipient's language).
    Chart {
        chart: super::figures::ChartRequest,
    },
    /// Votes and agenda items.
    Decision(DecisionMsg),
    /// The register of decisions.
    Memory(super::memory::MemoryMsg),
    /// Displacement alerts.
    Alert(super::alert::AlertMsg),
    /// A meeting's tour de table.
    Tour(super::tour::TourMsg),
    /// Situation items of the regional clusters.
    Situation(super::situation::SituationMsg),
    /// Requests to reuse a document or minutes, and their outcome.
    Reuse(super::sensitivity::ReuseMsg),
}

impl Job {
    pub fn kind(&self) -> &'static str {
        match self {
            Job::FanOutInvitations { .. } => "fan_out_invitations",
            Job::FanOutReminders { .. } => "fan_out_reminders",
            Job::FanOutSummary { .. } => "fan_out_summary",
            Job::FanOutChange { .. } => "fan_out_change",
            Job::MonthlyNudge { .. } => "monthly_nudge",
            Job::Deliver { .. } => "deliver",
            Job::MinutesReminder { .. } => "minutes_reminder",
            Job::MinutesOverdue { .. } => "minutes_overdue",
            Job::DistributeMinutes { .. } => "distribute_minutes",
            Job::DistributeDocument { .. } => "distribute_document",
            Job::ActionReminder { .. } => "action_reminder",
            Job::Fourw(_) => "fourw",
            Job::Purge => "purge",
            Job::MonthlyDigest { .. } => "monthly_digest",
            Job::Decision(_) => "decision",
            Job::Memory(_) => "memory",
            Job::Alert(_) => "alert",
            Job::Tour(_) => "tour",
            Job::Situation(_) => "situation",
        }
    }

    /// The meeting a job belongs to, if any (to cancel its jobs together).
    pub fn meeting_id(&self) -> Option<i64> {
        match self {
            Job::FanOutInvitations { meeting_id }
            | Job::FanOutReminders { meeting_id, .. }
            | Job::FanOutSummary { meeting_id }
            | Job::FanOutChange { meeting_id, .. }
            | Job::MinutesReminder { meeting_id, .. }
            | Job::MinutesOverdue { meeting_id } => Some(*meeting_id),
            Job::Deliver { message, .. } => message.meeting_id(),
            Job::Tour(t) => Some(t.meeting_id()),
            Job::MonthlyNudge { .. }
            | Job::DistributeMinutes { .. }
            | Job::DistributeDocument { .. }
            | Job::ActionReminder { .. } => None,
            // Votes outlive a moved meeting; series jobs belong to the series.
            Job::Fourw(_)
            | Job::Purge
            | Job::MonthlyDigest { .. }
            | Job::Decision(_)
            | Job::Memory(_)
            | Job::Alert(_)
            | Job::Situation(_) => None,
        }
    }
}

/// Claim order when several jobs are due: time-critical messages (invitations, reminders,
/// hand-over requests, changes) first, bulk ones (minutes, documents, matrices) after,
/// re-sends asked by a member last.
pub const PRIORITY_URGENT: i64 = 2;
pub const PRIORITY_NORMAL: i64 = 1;
pub const PRIORITY_BULK: i64 = 0;
pub const PRIORITY_RESEND: i64 = -1;

impl Job {
    pub fn priority(&self) -> i64 {
        match self {
            Job::Deliver { message, .. } => message.priority(),
            // Fan-outs are quick and decide who receives the time-critical messages.
            _ => PRIORITY_URGENT,
        }
    }
}

impl Outgoing {
    pub fn priority(&self) -> i64 {
        match self {
            Outgoing::Invitation { .. }
            | Outgoing::Reminder { .. }
            | Outgoing::HandoverRequest { .. }
            | Outgoing::MeetingChanged { .. }
            | Outgoing::RsvpSummary { .. } => PRIORITY_URGENT,
            Outgoing::Minutes { .. } | Outgoing::Document { .. } | Outgoing::Fourw(FourwMsg::Matrix { .. }) => {
                PRIORITY_BULK
            }
            _ => PRIORITY_NORMAL,
        }
    }

    /// The kind of message, for logs and records.
    pub fn kind(&self) -> &'static str {
        self.into()
    }

    pub fn meeting_id(&self) -> Option<i64> {
        match self {
            Outgoing::Invitation { meeting_id, .. }
            | Outgoing::Reminder { meeting_id, .. }
            | Outgoing::RsvpSummary { meeting_id }
            | Outgoing::MeetingChanged { meeting_id, .. }
            | Outgoing::HandoverRequest { meeting_id, .. }
            | Outgoing::DeliveryFailed { meeting_id, .. }
            | Outgoing::MinutesReminder { meeting_id, .. }
            | Outgoing::MinutesOverdue { meeting_id } => Some(*meeting_id),
            Outgoing::DeliveryProblems { .. } => None,
            Outgoing::AbsenceFlag { .. }
            | Outgoing::SeatEnded { .. }
            | Outgoing::RoleChanged { .. }
            | Outgoing::MemberChanged { .. }
            | Outgoing::MembersJoined { .. }
            | Outgoing::InvitationsRevoked { .. }
            | Outgoing::MonthlyNudge { .. }
            | Outgoing::Minutes { .. }
            | Outgoing::Document { .. }
            | Outgoing::ActionReminder { .. } => None,
            Outgoing::Fourw(_) => None,
            Outgoing::Digest { .. } | Outgoing::Chart { .. } => None,
            Outgoing::Decision(_)
            | Outgoing::Memory(_)
            | Outgoing::Alert(_)
            | Outgoing::Situation(_)
            | Outgoing::Reuse(_) => None,
            Outgoing::Tour(t) => Some(t.meeting_id()),
        }
    }
}

/// The jobs of the monthly 4W cycle of one reporting month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fourw", rename_all = "snake_case")]
pub enum FourwJob {
    /// The window opens: plan the later stages and remind those who have not submitted.
    Open { year: i32, month: u32 },
    /// Remind the focal points and alternates of organisations without a submission.
    Remind { year: i32, month: u32, stage: String },
    /// After the deadline: the missing organisations and the matrix to chairs and coordinators.
    AfterDeadline { year: i32, month: u32 },
}

impl FourwJob {
    /// A short name for idempotency keys.
    pub fn key(&self) -> String {
        match self {
            FourwJob::Open { .. } => "open".into(),
            FourwJob::Remind { stage, .. } => format!("remind:{stage}"),
            FourwJob::AfterDeadline { .. } => "after".into(),
        }
    }
}

/// A role granted or ended by a coordinator (a seat's end is `Outgoing::SeatEnded`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role_change", rename_all = "snake_case")]
pub enum RoleChange {
    CoordinatorAdded,
    CoordinatorRemoved,
    ChairAdded { mechanism_id: i64 },
}

/// 4W messages to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fourw_msg", rename_all = "snake_case")]
pub enum FourwMsg {
    Reminder {
        mechanism_id: i64,
        organisation_id: i64,
        year: i32,
        month: u32,
        stage: String,
    },
    Matrix {
        mechanism_id: i64,
        year: i32,
        month: u32,
    },
    // 4W review: a line returned by the chair, to the focal point or alternate.
    Returned {
        line_id: i64,
    },
    /// The chair approved the submission: to its focal point and alternate.
    Approved {
        submission_id: i64,
    },
    /// Corrected lines came back: to the chairs of the mechanism.
    Corrected {
        submission_id: i64,
        lines: usize,
    },
}

/// The jobs of votes and monthly series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum DecisionJob {
    /// Send the question to every member of the mechanism and its chair.
    VoteOpened { vote_id: i64 },
    /// Remind the organisations that have not voted (focal point and alternate).
    VoteReminder { vote_id: i64 },
    /// Record the result and send it to every member of the mechanism and its chair.
    VoteClose { vote_id: i64 },
    /// Keep the next occurrences of a monthly series scheduled (run as each one starts).
    ExtendSeries { series_id: i64 },
}

/// Vote and agenda messages to one person, rendered when sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision_msg", rename_all = "snake_case")]
pub enum DecisionMsg {
    /// The question, with buttons for those who may vote (checked again when pressed).
    VoteQuestion {
        vote_id: i64,
    },
    VoteReminder {
        vote_id: i64,
        organisation_id: i64,
    },
    /// The focal point handed the vote over: to the alternate.
    VoteHandover {
        vote_id: i64,
        organisation_id: i64,
    },
    VoteResult {
        vote_id: i64,
    },
    /// A member proposed an agenda item: to the chair, with accept / decline.
    AgendaProposed {
        item_id: i64,
    },
    /// The chair accepted or declined an item: to the member who proposed it.
    AgendaDecided {
        item_id: i64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_round_trip_through_json() {
        let jobs = [
            Job::FanOutInvitations { meeting_id: 1 },
            Job::Deliver {
                person_id: 3,
                message: Outgoing::Invitation { meeting_id: 1, organisation_id: 2, role: Role::Alternate },
            },
            Job::MonthlyNudge { year: 2026, month: 12 },
            Job::Fourw(FourwJob::Remind { year: 2026, month: 11, stage: "open".into() }),
            Job::Deliver {
                person_id: 4,
                message: Outgoing::Fourw(FourwMsg::Matrix { mechanism_id: 1, year: 2026, month: 11 }),
            },
            Job::MonthlyDigest { year: 2026, month: 10 },
            Job::Deliver { person_id: 5, message: Outgoing::Digest { year: 2026, month: 10 } },
            Job::Deliver {
                person_id: 6,
                message: Outgoing::Chart {
                    chart: crate::domain::figures::ChartRequest::Reach { year: 2026, month: 10, mechanism_id: None },
                },
            },
            Job::Decision(DecisionJob::VoteClose { vote_id: 5 }),
            Job::Deliver { person_id: 4, message: Outgoing::Decision(DecisionMsg::VoteResult { vote_id: 5 }) },
        ];
        for job in jobs {
            let json = serde_json::to_string(&job).unwrap();
            assert_eq!(serde_json::from_str::<Job>(&json).unwrap(), job, "{json}");
        }
    }
}
