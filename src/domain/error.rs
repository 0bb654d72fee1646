//! The one error type of the use cases. Each variant but `Internal` is a refusal the user
//! is told about (translated by the Telegram layer, printed in English by the command line);
//! `Internal` is logged and the user only hears that something went wrong.

use super::{NameError, Role};

pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("unknown organisation '{0}'")]
    UnknownOrganisation(String),
    #[error("unknown mechanism '{0}'")]
    UnknownMechanism(String),
    #[error("{0}")]
    InvalidRole(String),
    #[error("this invitation code is not valid")]
    InvitationUnknown,
    #[error("this invitation code has expired")]
    InvitationExpired,
    #[error("this invitation code has already been used")]
    InvitationUsed,
    #[error(
        "{org} already has a {role} in {mechanism} ({holder}); only a coordinator can replace them, explicitly (--replace)"
    )]
    SeatTaken { org: String, mechanism: String, role: Role, holder: String },
    #[error("you already are {role} for {org} in {mechanism}")]
    AlreadyMember { org: String, mechanism: String, role: Role },
    #[error("you hold a seat for {other} in {mechanism}: an invitation for {org} there is not for you")]
    SeatOfAnotherOrganisation { org: String, mechanism: String, other: String },
    #[error("invalid name: {0}")]
    InvalidName(#[from] NameError),
    #[error("this is for members of the cluster only")]
    NotAMember,
    #[error("you are not allowed to do this")]
    NotAllowed,
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Timing(#[from] super::meeting::TimingError),
    #[error("the text is too long (at most {max} characters)")]
    TextTooLong { max: usize },
    #[error("meeting {0} does not exist")]
    MeetingNotFound(i64),
    #[error("this meeting has been cancelled")]
    MeetingCancelled,
    #[error("this meeting has already started; answers are closed")]
    AnswersClosed,
    #[error("you are not invited to this meeting for this organisation")]
    NotInvited,
    #[error("your organisation has no alternate in this mechanism")]
    NoAlternate,
    #[error("the minutes of this meeting have already been shared")]
    MinutesAlreadyShared,
    #[error("minutes can only be shared once the meeting has ended")]
    MeetingNotEnded,
    #[error("{0}")]
    ActionLine(#[from] super::minutes::ActionLineError),
    #[error("action point line {line}: unknown organisation '{acronym}'")]
    ActionOrganisation { line: usize, acronym: String },
    #[error("the text looks like personal data ({0}); the cluster's records hold none")]
    PersonalData(super::personal_data::PersonalData),
    #[error("the last coordinator cannot be removed; add another coordinator first")]
    LastCoordinator,
    #[error("too many requests; try again in {wait_secs} s")]
    TooManyRequests { wait_secs: i64 },
    #[error("pressed too often; try again in {wait_secs} s")]
    RateLimited { wait_secs: i64 },
    #[error("nobody with Telegram id {0} is known to the bot")]
    UnknownPerson(i64),
    #[error("the person holds no seat for one single organisation; name the organisation (--org)")]
    OrganisationNeeded,
    #[error("the 4W of {month} is locked; only a coordinator can unlock it")]
    MonthLocked { month: String },
    #[error("lines of this submission are still returned for correction")]
    ReturnedLinesPending,
    #[error("a 4W submission holds at most {max} lines")]
    TooManyLines { max: usize },
    #[error("this line was not returned and its month ({month}) is closed for reporting")]
    NotReopenable { month: String },
    #[error("{0}")]
    Boundaries(#[from] super::boundaries::TableError),
    #[error("{org} is a member organisation: members always report their 4W")]
    MemberAlwaysReports { org: String },
    #[error("{0}")]
    Class(#[from] super::sensitivity::ClassRefusal),
    #[error("internal error")]
    Internal(#[source] BoxError),
}

impl AppError {
    pub fn internal(e: impl Into<BoxError>) -> Self {
        AppError::Internal(e.into())
    }
}

pub type AppResult<T> = Result<T, AppError>;
