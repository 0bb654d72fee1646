//! The catalogue of outgoing messages. Each variant is one Fluent message id; its fields are
//! the message's variables.

use super::Args;
use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(derive(strum::EnumIter, PartialOrd, Ord))]
pub enum Msg {
    // General
    WelcomeUnknown,
    WelcomeMember {
        name: String,
    },
    HelpUnknown,
    HelpMember,
    HelpChair,
    HelpCoordinator,
    UnknownCommand,
    FreeTextHint,
    InternalError,
    ButtonExpired,
    NotAMember,
    NotAllowed,
    CancelDone,
    CancelNothing,
    TextTooLong {
        max: usize,
    },
    // Language
    LanguageChoose,
    LanguageSet,
    // Joining
    JoinCodeUnknown,
    JoinCodeExpired,
    JoinCodeUsed,
    JoinPreview {
        org: String,
        org_name: String,
        mechanism: String,
        role: Role,
        observer: bool,
    },
    JoinPrinciples,
    JoinAccepted {
        org: String,
        mechanism: String,
        role: Role,
    },
    JoinDeclined,
    JoinSeatTaken {
        org: String,
        mechanism: String,
        role: Role,
        holder: String,
    },
    JoinAlreadyMember {
        org: String,
        mechanism: String,
        role: Role,
    },
    JoinAskNameAgain,
    NameEmpty,
    NameTooLong {
        max: usize,
    },
    NameInvalid,
    // Profile and members
    MeHeader {
        name: String,
    },
    MeLine {
        org: String,
        mechanism: String,
        role: Role,
        observer: bool,
    },
    MeCoordinator,
    MeNoMembership,
    MembersHeader {
        mechanism: String,
        count: usize,
    },
    MembersLine {
        name: String,
        org: String,
        role: Role,
        observer: bool,
    },
    MembersNone,
    // Invitations made in chat
    InviteChooseMechanism,
    InviteChooseOrganisation {
        mechanism: String,
    },
    InviteChooseRole {
        org: String,
        mechanism: String,
    },
    InviteUnknownOrganisation {
        text: String,
    },
    InviteLink {
        link: String,
        org: String,
        mechanism: String,
        role: Role,
        expires: String,
    },
    InviteLinkReplaces {
        holder: String,
    },
    InviteAskReplace {
        org: String,
        mechanism: String,
        role: Role,
        holder: String,
    },
    InviteSeatTaken {
        org: String,
        mechanism: String,
        role: Role,
        holder: String,
    },
    InviteNoMechanism,
    // Leaving
    LeaveChoose,
    LeaveConfirm {
        org: String,
        mechanism: String,
        role: Role,
    },
    LeaveDone {
        org: String,
        mechanism: String,
        role: Role,
    },
    LeaveKept,
    LeaveNothing,
    // Buttons
    BtnFrench,
    BtnEnglish,
    BtnAccept,
    BtnDecline,
    BtnUseName {
        name: String,
    },
    BtnConfirmLeave,
    BtnKeep,
    BtnReplace,
    BtnCancel,
    BtnMore,
    BtnRole {
        role: Role,
    },
    BtnMembership {
        org: String,
        mechanism: String,
        role: Role,
    },
    // Command menu descriptions
    CmdStart,
    CmdHelp,
    CmdLanguage,
    CmdMe,
    CmdMembers,
    CmdInvite,
    CmdLeave,
    CmdCancel,
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

impl Msg {
    pub fn id(&self) -> &'static str {
        use Msg::*;
        match self {
            WelcomeUnknown => "welcome-unknown",
            WelcomeMember { .. } => "welcome-member",
            HelpUnknown => "help-unknown",
            HelpMember => "help-member",
            HelpChair => "help-chair",
            HelpCoordinator => "help-coordinator",
            UnknownCommand => "unknown-command",
            FreeTextHint => "free-text-hint",
            InternalError => "internal-error",
            ButtonExpired => "button-expired",
            NotAMember => "not-a-member",
            NotAllowed => "not-allowed",
            CancelDone => "cancel-done",
            CancelNothing => "cancel-nothing",
            TextTooLong { .. } => "text-too-long",
            LanguageChoose => "language-choose",
            LanguageSet => "language-set",
            JoinCodeUnknown => "join-code-unknown",
            JoinCodeExpired => "join-code-expired",
            JoinCodeUsed => "join-code-used",
            JoinPreview { .. } => "join-preview",
            JoinPrinciples => "join-principles",
            JoinAccepted { .. } => "join-accepted",
            JoinDeclined => "join-declined",
            JoinSeatTaken { .. } => "join-seat-taken",
            JoinAlreadyMember { .. } => "join-already-member",
            JoinAskNameAgain => "join-ask-name-again",
            NameEmpty => "name-empty",
            NameTooLong { .. } => "name-too-long",
            NameInvalid => "name-invalid",
            MeHeader { .. } => "me-header",
            MeLine { .. } => "me-line",
            MeCoordinator => "me-coordinator",
            MeNoMembership => "me-no-membership",
            MembersHeader { .. } => "members-header",
            MembersLine { .. } => "members-line",
            MembersNone => "members-none",
            InviteChooseMechanism => "invite-choose-mechanism",
            InviteChooseOrganisation { .. } => "invite-choose-organisation",
            InviteChooseRole { .. } => "invite-choose-role",
            InviteUnknownOrganisation { .. } => "invite-unknown-organisation",
            InviteLink { .. } => "invite-link",
            InviteLinkReplaces { .. } => "invite-link-replaces",
            InviteAskReplace { .. } => "invite-ask-replace",
            InviteSeatTaken { .. } => "invite-seat-taken",
            InviteNoMechanism => "invite-no-mechanism",
            LeaveChoose => "leave-choose",
            LeaveConfirm { .. } => "leave-confirm",
            LeaveDone { .. } => "leave-done",
            LeaveKept => "leave-kept",
            LeaveNothing => "leave-nothing",
            BtnFrench => "btn-french",
            BtnEnglish => "btn-english",
            BtnAccept => "btn-accept",
            BtnDecline => "btn-decline",
            BtnUseName { .. } => "btn-use-name",
            BtnConfirmLeave => "btn-confirm-leave",
            BtnKeep => "btn-keep",
            BtnReplace => "btn-replace",
            BtnCancel => "btn-cancel",
            BtnMore => "btn-more",
            BtnRole { .. } => "btn-role",
            BtnMembership { .. } => "btn-membership",
            CmdStart => "cmd-start",
            CmdHelp => "cmd-help",
            CmdLanguage => "cmd-language",
            CmdMe => "cmd-me",
            CmdMembers => "cmd-members",
            CmdInvite => "cmd-invite",
            CmdLeave => "cmd-leave",
            CmdCancel => "cmd-cancel",
        }
    }

    pub fn args(&self) -> Args<'static> {
        use Msg::*;
        let mut a = Args::new();
        match self.clone() {
            WelcomeMember { name } | MeHeader { name } | BtnUseName { name } => {
                a.set("name", name);
            }
            TextTooLong { max } | NameTooLong { max } => {
                a.set("max", max);
            }
            JoinPreview {
                org,
                org_name,
                mechanism,
                role,
                observer,
            } => {
                a.set("org", org);
                a.set("org_name", org_name);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("observer", yes_no(observer));
            }
            JoinAccepted {
                org,
                mechanism,
                role,
            }
            | JoinAlreadyMember {
                org,
                mechanism,
                role,
            }
            | LeaveConfirm {
                org,
                mechanism,
                role,
            }
            | LeaveDone {
                org,
                mechanism,
                role,
            }
            | BtnMembership {
                org,
                mechanism,
                role,
            } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
            }
            JoinSeatTaken {
                org,
                mechanism,
                role,
                holder,
            }
            | InviteAskReplace {
                org,
                mechanism,
                role,
                holder,
            }
            | InviteSeatTaken {
                org,
                mechanism,
                role,
                holder,
            } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("holder", holder);
            }
            MeLine {
                org,
                mechanism,
                role,
                observer,
            } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("observer", yes_no(observer));
            }
            MembersHeader { mechanism, count } => {
                a.set("mechanism", mechanism);
                a.set("count", count);
            }
            MembersLine {
                name,
                org,
                role,
                observer,
            } => {
                a.set("name", name);
                a.set("org", org);
                a.set("role", role.as_str());
                a.set("observer", yes_no(observer));
            }
            InviteChooseOrganisation { mechanism } => {
                a.set("mechanism", mechanism);
            }
            InviteChooseRole { org, mechanism } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
            }
            InviteUnknownOrganisation { text } => {
                a.set("text", text);
            }
            InviteLink {
                link,
                org,
                mechanism,
                role,
                expires,
            } => {
                a.set("link", link);
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("expires", expires);
            }
            InviteLinkReplaces { holder } => {
                a.set("holder", holder);
            }
            BtnRole { role } => {
                a.set("role", role.as_str());
            }
            WelcomeUnknown
            | HelpUnknown
            | HelpMember
            | HelpChair
            | HelpCoordinator
            | UnknownCommand
            | FreeTextHint
            | InternalError
            | ButtonExpired
            | NotAMember
            | NotAllowed
            | CancelDone
            | CancelNothing
            | LanguageChoose
            | LanguageSet
            | JoinCodeUnknown
            | JoinCodeExpired
            | JoinCodeUsed
            | JoinPrinciples
            | JoinDeclined
            | JoinAskNameAgain
            | NameEmpty
            | NameInvalid
            | MeCoordinator
            | MeNoMembership
            | MembersNone
            | InviteChooseMechanism
            | InviteNoMechanism
            | LeaveChoose
            | LeaveKept
            | LeaveNothing
            | BtnFrench
            | BtnEnglish
            | BtnAccept
            | BtnDecline
            | BtnConfirmLeave
            | BtnKeep
            | BtnReplace
            | BtnCancel
            | BtnMore
            | CmdStart
            | CmdHelp
            | CmdLanguage
            | CmdMe
            | CmdMembers
            | CmdInvite
            | CmdLeave
            | CmdCancel => {}
        }
        a
    }
}
