//! Who may see what (`locales/*/access.ftl`): seats that ended, members who joined or left,
//! and the refusals of administration and re-sends.

use crate::domain::Role;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum AccessMsg {
    SeatEnded { org: String, mechanism: String, role: Role, change: String },
    RoleCoordinatorAdded,
    RoleCoordinatorRemoved,
    RoleChairAdded { mechanism: String },
    MemberChanged { name: String, org: String, mechanism: String, role: Role, change: String },
    MembersJoined { mechanism: String, count: usize, names: String },
    InvitationsRevoked { issuer: String, count: usize, list: String },
    ResendTooSoon { seconds: i64 },
    LastCoordinator,
    FormerMember,
    CmdForget,
    ForgetAsk { seats: String },
    BtnForgetYes,
    BtnForgetNo,
    ForgetDone,
    ForgetKept,
}
