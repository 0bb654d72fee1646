//! Pure types and rules of the cluster: no database, no Telegram.

pub mod agenda;
pub mod alert;
pub mod audit;
pub mod boundaries;
pub mod catchup;
pub mod clock;
pub mod entities;
pub mod error;
pub mod figures;
pub mod fivew;
pub mod fourw;
pub mod invitation;
pub mod jobs;
pub mod language;
pub mod library;
pub mod meeting;
pub mod membership;
pub mod memory;
pub mod minutes;
pub mod participation;
pub mod personal_data;
pub mod rate;
pub mod review;
pub mod sensitivity;
pub mod situation;
pub mod suppression;
pub mod text;
pub mod tour;
pub mod vote;

pub use clock::{Clock, ManualClock, SystemClock};
pub use entities::{Invitation, Mechanism, Meeting, MembershipView, Organisation, PendingInvitation, Person};
pub use error::{AppError, AppResult};
pub use invitation::{InvitationCode, InvitationProblem, check_invitation};
pub use language::Language;
pub use membership::{MenuRole, OrgKind, Role};
pub use text::{DisplayName, NameError};
