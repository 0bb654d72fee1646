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
    // Meetings
    MeetingTooSoon {
        hours: i64,
    },
    MeetingInPast,
    MeetingBadDuration,
    MeetingNotFound,
    MeetingIsCancelled,
    AnswersClosed,
    NotInvited,
    NoAlternate,
    MeetingWhen {
        weekday: String,
        date: String,
        time: String,
        minutes: i64,
    },
    InvitationHeader {
        adhoc: bool,
        mechanism: String,
    },
    MeetingDetails {
        when: String,
        place: String,
        agenda: String,
    },
    MeetingNoneGiven,
    InvitationFor {
        org: String,
        observer: bool,
        role: Role,
    },
    AnswerStatus {
        answer: String,
    },
    BtnAttendFocal,
    BtnHandOver,
    BtnAttendAlternate,
    BtnCannotAttend,
    RsvpRecorded,
    Reminder {
        mechanism: String,
        hours: i64,
    },
    HandoverRequest {
        name: String,
        org: String,
    },
    BtnSkip,
    SummaryHeader {
        mechanism: String,
        when: String,
    },
    SummaryAttending {
        count: usize,
        list: String,
    },
    SummaryDeclined {
        count: usize,
        list: String,
    },
    SummaryNoAnswer {
        count: usize,
        list: String,
    },
    SummaryEmptyList,
    MeetingMoved {
        mechanism: String,
    },
    MeetingCancelledNotice {
        mechanism: String,
        when: String,
    },
    DeliveryFailed {
        name: String,
        org: String,
        mechanism: String,
        reason: String,
    },
    AbsenceFlag {
        org: String,
        count: i64,
        mechanism: String,
    },
    MonthlyNudge {
        mechanism: String,
        month: String,
    },
    MeetingsNone,
    MeetingsHeader,
    MeetingsLine {
        when: String,
        mechanism: String,
        org: String,
        answer: String,
    },
    MeetingsManageHeader,
    MeetingsManageLine {
        id: i64,
        when: String,
        mechanism: String,
        adhoc: bool,
        cancelled: bool,
    },
    BtnShortAttend {
        date: String,
    },
    BtnShortDecline {
        date: String,
    },
    BtnShortHandover {
        date: String,
    },
    BtnMove {
        id: i64,
    },
    BtnCancelMeeting {
        id: i64,
    },
    CancelMeetingConfirm {
        mechanism: String,
        when: String,
    },
    BtnConfirmCancelMeeting,
    MeetingCancelledDone,
    MeetingMovedDone {
        when: String,
    },
    NmChooseMechanism,
    NmChooseDate,
    NmBadDate,
    NmChooseTime,
    NmBadTime,
    NmChooseDuration,
    NmBadDuration,
    NmAskPlace,
    NmAskAgenda,
    NmChooseKind,
    NmChooseRecurrence,
    NmSummary {
        mechanism: String,
        when: String,
        place: String,
        agenda: String,
        adhoc: bool,
        monthly: bool,
    },
    NmCreated {
        count: usize,
        when: String,
        invite_at: String,
    },
    BtnRegular,
    BtnAdhoc,
    BtnOnce,
    BtnMonthly,
    BtnCreate,
    BtnTodayPlus {
        weekday: String,
        date: String,
    },
    MoveChooseDate {
        mechanism: String,
    },
    MoveConfirm {
        mechanism: String,
        when: String,
    },
    BtnMoveConfirm,
    AttNoMeetings,
    AttChooseMeeting,
    AttSheet {
        mechanism: String,
        when: String,
    },
    AttSaved {
        present: usize,
        total: usize,
    },
    AttStatsHeader,
    AttStatsLine {
        org: String,
        present: usize,
        total: usize,
    },
    AttStatsObservers,
    BtnSave,
    BtnAttOrg {
        present: bool,
        org: String,
    },
    BtnAttMeeting {
        date: String,
        mechanism: String,
    },
    CmdMeetings,
    CmdNewmeeting,
    CmdAttendance,
    // Minutes (issue 4)
    InternalLabel,
    MinutesReminder {
        mechanism: String,
        when: String,
        deadline: String,
        hours: i64,
    },
    MinutesOverdue {
        mechanism: String,
        when: String,
    },
    MinutesCaption {
        mechanism: String,
        when: String,
    },
    DocumentCaption,
    ActionReminder {
        today: bool,
        due: String,
        what: String,
        org: String,
        mechanism: String,
    },
    BtnActionDone,
    ActionDone {
        what: String,
    },
    ActionsNone,
    ActionsHeader {
        mechanism: String,
    },
    ActionsLine {
        status: String,
        id: i64,
        what: String,
        org: String,
        due: String,
    },
    BtnActionMark {
        id: i64,
    },
    MissingNone,
    MissingHeader,
    MissingLine {
        mechanism: String,
        when: String,
        overdue: bool,
        deadline: String,
    },
    ComplianceHeader,
    ComplianceLine {
        mechanism: String,
        percent: u32,
        on_time: usize,
        total: usize,
    },
    ComplianceNone,
    MnChooseMeeting,
    BtnMnMeeting {
        has: bool,
        date: String,
        mechanism: String,
    },
    MnNoMeetings,
    MnSendContent,
    MnContentExpected,
    MnAskActions,
    MnActionBadLine {
        line: usize,
    },
    MnActionBadDate {
        line: usize,
        date: String,
    },
    MnActionBadWhat {
        line: usize,
    },
    MnActionTooMany,
    MnActionBadOrg {
        line: usize,
        org: String,
    },
    MnSummary {
        mechanism: String,
        when: String,
        content: String,
        actions: String,
    },
    MnContentDocument {
        name: String,
    },
    MnContentText {
        chars: usize,
    },
    MnShared {
        count: usize,
    },
    BtnShare,
    MeetingNotEnded,
    MinutesAlreadyShared,
    MnAvailableNone,
    MnAvailableHeader,
    MnResent,
    ShareSendDocument,
    ShareChooseMechanisms,
    BtnSend,
    BtnToggleMech {
        on: bool,
        code: String,
    },
    ShareDone {
        count: usize,
    },
    ShareNothingSelected,
    CmdMinutes,
    CmdMissing,
    CmdActions,
    CmdShare,
    // 4W (issue 5)
    FwColumn {
        column: String,
    },
    FwStatus {
        status: String,
    },
    FwYesNo {
        yes: bool,
    },
    FwTotal,
    FwNotReporter,
    FwChooseMonth {
        month: String,
    },
    BtnFwMonth {
        month: String,
    },
    FwChooseSeat,
    BtnFwSeat {
        org: String,
        mechanism: String,
    },
    FwStart {
        org: String,
        mechanism: String,
        month: String,
        submitted: String,
        lines: usize,
    },
    BtnFwAddLine,
    BtnFwSameAsLast,
    BtnFwNoActivity,
    FwNoLastMonth {
        month: String,
    },
    FwAskSector,
    FwAskActivity {
        sector: String,
    },
    FwAskRegion,
    FwAskCercle {
        region: String,
    },
    FwAskStatus,
    FwAskStart {
        month: String,
    },
    FwAskEnd,
    FwAskCount {
        field: String,
    },
    FwAskDisabled {
        total: u64,
    },
    FwAskPartner,
    FwAskDonor,
    FwAskRemarks,
    BtnFwStatus {
        status: String,
    },
    BtnFwKeep {
        value: String,
    },
    BtnFwFirstDay {
        date: String,
    },
    BtnFwLastDay {
        date: String,
    },
    FwBadDate,
    FwEndBeforeStart {
        start: String,
    },
    FwOutsideMonth {
        month: String,
    },
    FwBadCount {
        max: u32,
    },
    FwDisabledAboveTotal {
        disabled: u32,
        total: u64,
    },
    FwUnknownPlace,
    FwCercleNotInRegion {
        region: String,
    },
    FwPersonalData {
        kind: String,
    },
    FwReviewHeader {
        org: String,
        mechanism: String,
        month: String,
        count: usize,
    },
    FwReviewLine {
        n: u32,
        activity: String,
        cercle: String,
        status: String,
        period: String,
        total: u64,
        disabled: u32,
    },
    BtnFwEdit {
        n: usize,
    },
    BtnFwDelete {
        n: usize,
    },
    BtnFwAddAnother,
    BtnFwSubmit,
    FwSubmitted {
        month: String,
        count: usize,
        late: bool,
    },
    FwNoActivityDone {
        month: String,
        late: bool,
    },
    FwLineInvalid {
        n: usize,
    },
    FwCancelAsk,
    BtnFwDiscard,
    BtnFwContinue,
    FwReminder {
        org: String,
        mechanism: String,
        month: String,
        deadline: String,
        stage: &'static str,
    },
    FwMatrixCaption {
        month: String,
        mechanism: String,
        count: usize,
        missing: String,
    },
    FwMissingNone,
    FwExportCaption {
        month: String,
        scope: String,
    },
    FwExportAll,
    FwExportBadMonth,
    CmdReport,
    CmdExport,
    // 4W review (issue 5)
    CmdReview,
    CmdWhereWho,
    FwBadMonthFor {
        command: String,
    },
    FwReviewNone {
        month: String,
        scope: String,
    },
    FwReviewHeaderList {
        month: String,
        scope: String,
        count: usize,
        shown: usize,
    },
    FwReviewItem {
        n: usize,
        org: String,
        line: i64,
        what: String,
        total: i64,
        status: String,
    },
    FwReviewWhat {
        activity: String,
        cercle: String,
        pcode: String,
    },
    FwReviewStatus {
        status: String,
    },
    BtnFwReturn {
        n: usize,
    },
    FwReturnAskComment {
        org: String,
        line: i64,
        activity: String,
        cercle: String,
        max: usize,
    },
    FwReturnDone {
        org: String,
        line: i64,
    },
    FwReturnedNotice {
        month: String,
        org: String,
        mechanism: String,
        line: i64,
    },
    FwReturnedWhat {
        activity: String,
        cercle: String,
        comment: String,
    },
    BtnFwFix {
        line: i64,
    },
    FwWwHeader {
        month: String,
        scope: String,
        orgs: usize,
        cells: usize,
        gaps: usize,
        duplications: usize,
    },
    FwWwNone {
        month: String,
        scope: String,
    },
    FwWwPlace {
        cercle: String,
        pcode: String,
        region: String,
        region_pcode: String,
    },
    FwWwGapsTitle {
        shown: usize,
        count: usize,
    },
    FwWwGapLine {
        place: String,
        sector: String,
    },
    FwWwDupsTitle {
        shown: usize,
        count: usize,
    },
    FwWwDupLine {
        place: String,
        activity: String,
        orgs: String,
    },
    FwWwColumn {
        column: String,
    },
    FwWwKind {
        kind: &'static str,
    },
    FwWwSheetName,
    // Decisions by vote, agenda items, participation, monthly series
    CmdVote,
    CmdDecisions,
    CmdParticipation,
    DcGapHint,
    DcVoteChooseMechanism,
    DcVoteAskQuestion {
        mechanism: String,
        max: usize,
    },
    DcVoteChooseKind,
    BtnDcYesNo,
    BtnDcOwnOptions,
    DcVoteAskOptions {
        min: usize,
        max: usize,
    },
    DcVoteAskDuration,
    BtnDcHours {
        hours: usize,
    },
    BtnDcDays {
        days: usize,
    },
    DcVoteChooseSecrecy,
    BtnDcSecret,
    BtnDcOpen,
    DcVoteChooseMeeting,
    BtnDcNoMeeting,
    DcVoteSummary {
        mechanism: String,
        question: String,
        options: String,
        closes: String,
    },
    DcVoteQuorum {
        secret: bool,
        needed: usize,
        electorate: usize,
        percent: usize,
    },
    DcVoteMeeting {
        meeting: String,
    },
    BtnDcOpenVote,
    DcVoteOpened {
        closes: String,
    },
    DcQuestionEmpty,
    DcQuestionTooLong {
        max: usize,
    },
    DcOptionCount {
        min: usize,
        max: usize,
    },
    DcOptionText {
        n: usize,
        max: usize,
    },
    DcOptionTwice,
    DcDuration,
    DcQuorum,
    DcNoElectorate,
    DcYes,
    DcNo,
    DcAbstain,
    DcQuestion {
        mechanism: String,
        question: String,
        closes: String,
        secret: bool,
        needed: usize,
        electorate: usize,
        percent: usize,
    },
    DcOptionLine {
        n: usize,
        label: String,
    },
    DcObserverNote,
    DcAlternateNote {
        org: String,
        from: String,
    },
    DcYourVote {
        org: String,
        option: String,
    },
    DcNotVoted {
        org: String,
    },
    BtnDcChoice {
        org: String,
        option: String,
    },
    BtnDcHandover {
        org: String,
    },
    DcVoteRecorded {
        option: String,
    },
    DcVoteUnchanged {
        option: String,
    },
    DcVoteChanged {
        option: String,
    },
    DcRefusedObserver,
    DcRefusedNoSeat,
    DcRefusedElectorate,
    DcRefusedAlternate {
        from: String,
    },
    DcRefusedClosed,
    DcRefusedOption,
    DcRefusedHandover,
    DcHandedOver {
        org: String,
    },
    DcHandoverRequest {
        org: String,
        mechanism: String,
        question: String,
        closes: String,
    },
    DcVoteReminder {
        org: String,
        mechanism: String,
        question: String,
        closes: String,
    },
    DcResult {
        mechanism: String,
        question: String,
        voted: usize,
        electorate: usize,
        turnout: usize,
        needed: usize,
        met: bool,
    },
    DcResultLine {
        label: String,
        count: usize,
    },
    DcResultByOrg,
    DcResultOrgLine {
        org: String,
        label: String,
    },
    DcDecisionsNone,
    DcDecisionsHeader,
    DcDecisionOpen {
        mechanism: String,
        question: String,
        closes: String,
        voted: usize,
        electorate: usize,
    },
    DcDecisionClosed {
        mechanism: String,
        question: String,
        closed: String,
        result: String,
        met: bool,
    },
    DcNoVotesCast,
    DcMinutesDecisions,
    BtnDcPropose {
        date: String,
    },
    DcProposeAsk {
        mechanism: String,
        date: String,
        max: usize,
    },
    DcProposed,
    DcItemEmpty,
    DcItemTooLong {
        max: usize,
    },
    DcItemDuplicate,
    DcItemClosed,
    DcItemDecided,
    DcAgendaProposed {
        org: String,
        mechanism: String,
        date: String,
        text: String,
    },
    BtnDcAccept,
    BtnDcDecline,
    DcAgendaAccepted {
        text: String,
    },
    DcAgendaDeclined {
        text: String,
    },
    DcAgendaDecided {
        accepted: bool,
        mechanism: String,
        date: String,
        text: String,
    },
    BtnDcGap {
        n: usize,
    },
    DcGapItem {
        month: String,
        sector: String,
        place: String,
    },
    DcGapAdded {
        date: String,
    },
    DcNoOpenMeeting,
    DcPartChooseMechanism,
    DcPartHeader {
        mechanism: String,
        months: usize,
    },
    DcPartLine {
        org: String,
        observer: bool,
        present: usize,
        marked: usize,
        on_time: usize,
        invited: usize,
        cast: usize,
        entitled: usize,
        fourw: usize,
        fourw_expected: usize,
    },
    DcPartFlagged {
        org: String,
        last: String,
    },
    BtnDcContact,
    BtnDcProposeObserver,
    BtnDcKeep,
    DcChoiceContact,
    DcChoiceProposeObserver,
    DcChoiceKeep,
    DcPartChoiceRecorded {
        org: String,
        choice: String,
    },
    DcPartNone,
    BtnDcStopSeries {
        id: i64,
    },
    DcSeriesStopAsk,
    BtnDcStopYes,
    DcSeriesStopped,
    DcSeriesAlreadyStopped,
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
            MeetingTooSoon { .. } => "meeting-too-soon",
            MeetingInPast => "meeting-in-past",
            MeetingBadDuration => "meeting-bad-duration",
            MeetingNotFound => "meeting-not-found",
            MeetingIsCancelled => "meeting-is-cancelled",
            AnswersClosed => "answers-closed",
            NotInvited => "not-invited",
            NoAlternate => "no-alternate",
            MeetingWhen { .. } => "meeting-when",
            InvitationHeader { .. } => "invitation-header",
            MeetingDetails { .. } => "meeting-details",
            MeetingNoneGiven => "meeting-none-given",
            InvitationFor { .. } => "invitation-for",
            AnswerStatus { .. } => "answer-status",
            BtnAttendFocal => "btn-attend-focal",
            BtnHandOver => "btn-hand-over",
            BtnAttendAlternate => "btn-attend-alternate",
            BtnCannotAttend => "btn-cannot-attend",
            RsvpRecorded => "rsvp-recorded",
            Reminder { .. } => "reminder",
            HandoverRequest { .. } => "handover-request",
            BtnSkip => "btn-skip",
            SummaryHeader { .. } => "summary-header",
            SummaryAttending { .. } => "summary-attending",
            SummaryDeclined { .. } => "summary-declined",
            SummaryNoAnswer { .. } => "summary-no-answer",
            SummaryEmptyList => "summary-empty-list",
            MeetingMoved { .. } => "meeting-moved",
            MeetingCancelledNotice { .. } => "meeting-cancelled-notice",
            DeliveryFailed { .. } => "delivery-failed",
            AbsenceFlag { .. } => "absence-flag",
            MonthlyNudge { .. } => "monthly-nudge",
            MeetingsNone => "meetings-none",
            MeetingsHeader => "meetings-header",
            MeetingsLine { .. } => "meetings-line",
            MeetingsManageHeader => "meetings-manage-header",
            MeetingsManageLine { .. } => "meetings-manage-line",
            BtnShortAttend { .. } => "btn-short-attend",
            BtnShortDecline { .. } => "btn-short-decline",
            BtnShortHandover { .. } => "btn-short-handover",
            BtnMove { .. } => "btn-move",
            BtnCancelMeeting { .. } => "btn-cancel-meeting",
            CancelMeetingConfirm { .. } => "cancel-meeting-confirm",
            BtnConfirmCancelMeeting => "btn-confirm-cancel-meeting",
            MeetingCancelledDone => "meeting-cancelled-done",
            MeetingMovedDone { .. } => "meeting-moved-done",
            NmChooseMechanism => "nm-choose-mechanism",
            NmChooseDate => "nm-choose-date",
            NmBadDate => "nm-bad-date",
            NmChooseTime => "nm-choose-time",
            NmBadTime => "nm-bad-time",
            NmChooseDuration => "nm-choose-duration",
            NmBadDuration => "nm-bad-duration",
            NmAskPlace => "nm-ask-place",
            NmAskAgenda => "nm-ask-agenda",
            NmChooseKind => "nm-choose-kind",
            NmChooseRecurrence => "nm-choose-recurrence",
            NmSummary { .. } => "nm-summary",
            NmCreated { .. } => "nm-created",
            BtnRegular => "btn-regular",
            BtnAdhoc => "btn-adhoc",
            BtnOnce => "btn-once",
            BtnMonthly => "btn-monthly",
            BtnCreate => "btn-create",
            BtnTodayPlus { .. } => "btn-today-plus",
            MoveChooseDate { .. } => "move-choose-date",
            MoveConfirm { .. } => "move-confirm",
            BtnMoveConfirm => "btn-move-confirm",
            AttNoMeetings => "att-no-meetings",
            AttChooseMeeting => "att-choose-meeting",
            AttSheet { .. } => "att-sheet",
            AttSaved { .. } => "att-saved",
            AttStatsHeader => "att-stats-header",
            AttStatsLine { .. } => "att-stats-line",
            AttStatsObservers => "att-stats-observers",
            BtnSave => "btn-save",
            BtnAttOrg { .. } => "btn-att-org",
            BtnAttMeeting { .. } => "btn-att-meeting",
            CmdMeetings => "cmd-meetings",
            CmdNewmeeting => "cmd-newmeeting",
            CmdAttendance => "cmd-attendance",
            InternalLabel => "internal-label",
            MinutesReminder { .. } => "minutes-reminder",
            MinutesOverdue { .. } => "minutes-overdue",
            MinutesCaption { .. } => "minutes-caption",
            DocumentCaption => "document-caption",
            ActionReminder { .. } => "action-reminder",
            BtnActionDone => "btn-action-done",
            ActionDone { .. } => "action-done",
            ActionsNone => "actions-none",
            ActionsHeader { .. } => "actions-header",
            ActionsLine { .. } => "actions-line",
            BtnActionMark { .. } => "btn-action-mark",
            MissingNone => "missing-none",
            MissingHeader => "missing-header",
            MissingLine { .. } => "missing-line",
            ComplianceHeader => "compliance-header",
            ComplianceLine { .. } => "compliance-line",
            ComplianceNone => "compliance-none",
            MnChooseMeeting => "mn-choose-meeting",
            BtnMnMeeting { .. } => "btn-mn-meeting",
            MnNoMeetings => "mn-no-meetings",
            MnSendContent => "mn-send-content",
            MnContentExpected => "mn-content-expected",
            MnAskActions => "mn-ask-actions",
            MnActionBadLine { .. } => "mn-action-bad-line",
            MnActionBadDate { .. } => "mn-action-bad-date",
            MnActionBadWhat { .. } => "mn-action-bad-what",
            MnActionTooMany => "mn-action-too-many",
            MnActionBadOrg { .. } => "mn-action-bad-org",
            MnSummary { .. } => "mn-summary",
            MnContentDocument { .. } => "mn-content-document",
            MnContentText { .. } => "mn-content-text",
            MnShared { .. } => "mn-shared",
            BtnShare => "btn-share",
            MeetingNotEnded => "meeting-not-ended",
            MinutesAlreadyShared => "minutes-already-shared",
            MnAvailableNone => "mn-available-none",
            MnAvailableHeader => "mn-available-header",
            MnResent => "mn-resent",
            ShareSendDocument => "share-send-document",
            ShareChooseMechanisms => "share-choose-mechanisms",
            BtnSend => "btn-send",
            BtnToggleMech { .. } => "btn-toggle-mech",
            ShareDone { .. } => "share-done",
            ShareNothingSelected => "share-nothing-selected",
            CmdMinutes => "cmd-minutes",
            CmdMissing => "cmd-missing",
            CmdActions => "cmd-actions",
            CmdShare => "cmd-share",
            // 4W (issue 5)
            FwColumn { .. } => "fw-column",
            FwStatus { .. } => "fw-status",
            FwYesNo { .. } => "fw-yes-no",
            FwTotal => "fw-total",
            FwNotReporter => "fw-not-reporter",
            FwChooseMonth { .. } => "fw-choose-month",
            BtnFwMonth { .. } => "btn-fw-month",
            FwChooseSeat => "fw-choose-seat",
            BtnFwSeat { .. } => "btn-fw-seat",
            FwStart { .. } => "fw-start",
            BtnFwAddLine => "btn-fw-add-line",
            BtnFwSameAsLast => "btn-fw-same-as-last",
            BtnFwNoActivity => "btn-fw-no-activity",
            FwNoLastMonth { .. } => "fw-no-last-month",
            FwAskSector => "fw-ask-sector",
            FwAskActivity { .. } => "fw-ask-activity",
            FwAskRegion => "fw-ask-region",
            FwAskCercle { .. } => "fw-ask-cercle",
            FwAskStatus => "fw-ask-status",
            FwAskStart { .. } => "fw-ask-start",
            FwAskEnd => "fw-ask-end",
            FwAskCount { .. } => "fw-ask-count",
            FwAskDisabled { .. } => "fw-ask-disabled",
            FwAskPartner => "fw-ask-partner",
            FwAskDonor => "fw-ask-donor",
            FwAskRemarks => "fw-ask-remarks",
            BtnFwStatus { .. } => "btn-fw-status",
            BtnFwKeep { .. } => "btn-fw-keep",
            BtnFwFirstDay { .. } => "btn-fw-first-day",
            BtnFwLastDay { .. } => "btn-fw-last-day",
            FwBadDate => "fw-bad-date",
            FwEndBeforeStart { .. } => "fw-end-before-start",
            FwOutsideMonth { .. } => "fw-outside-month",
            FwBadCount { .. } => "fw-bad-count",
            FwDisabledAboveTotal { .. } => "fw-disabled-above-total",
            FwUnknownPlace => "fw-unknown-place",
            FwCercleNotInRegion { .. } => "fw-cercle-not-in-region",
            FwPersonalData { .. } => "fw-personal-data",
            FwReviewHeader { .. } => "fw-review-header",
            FwReviewLine { .. } => "fw-review-line",
            BtnFwEdit { .. } => "btn-fw-edit",
            BtnFwDelete { .. } => "btn-fw-delete",
            BtnFwAddAnother => "btn-fw-add-another",
            BtnFwSubmit => "btn-fw-submit",
            FwSubmitted { .. } => "fw-submitted",
            FwNoActivityDone { .. } => "fw-no-activity-done",
            FwLineInvalid { .. } => "fw-line-invalid",
            FwCancelAsk => "fw-cancel-ask",
            BtnFwDiscard => "btn-fw-discard",
            BtnFwContinue => "btn-fw-continue",
            FwReminder { .. } => "fw-reminder",
            FwMatrixCaption { .. } => "fw-matrix-caption",
            FwMissingNone => "fw-missing-none",
            FwExportCaption { .. } => "fw-export-caption",
            FwExportAll => "fw-export-all",
            FwExportBadMonth => "fw-export-bad-month",
            CmdReport => "cmd-report",
            CmdExport => "cmd-export",
            // 4W review (issue 5)
            CmdReview => "cmd-review",
            CmdWhereWho => "cmd-wherewho",
            FwBadMonthFor { .. } => "fw-bad-month-for",
            FwReviewNone { .. } => "fw-review-none",
            FwReviewHeaderList { .. } => "fw-review-header-list",
            FwReviewItem { .. } => "fw-review-item",
            FwReviewWhat { .. } => "fw-review-what",
            FwReviewStatus { .. } => "fw-review-status",
            BtnFwReturn { .. } => "btn-fw-return",
            FwReturnAskComment { .. } => "fw-return-ask-comment",
            FwReturnDone { .. } => "fw-return-done",
            FwReturnedNotice { .. } => "fw-returned-notice",
            FwReturnedWhat { .. } => "fw-returned-what",
            BtnFwFix { .. } => "btn-fw-fix",
            FwWwHeader { .. } => "fw-ww-header",
            FwWwNone { .. } => "fw-ww-none",
            FwWwPlace { .. } => "fw-ww-place",
            FwWwGapsTitle { .. } => "fw-ww-gaps-title",
            FwWwGapLine { .. } => "fw-ww-gap-line",
            FwWwDupsTitle { .. } => "fw-ww-dups-title",
            FwWwDupLine { .. } => "fw-ww-dup-line",
            FwWwColumn { .. } => "fw-ww-column",
            FwWwKind { .. } => "fw-ww-kind",
            FwWwSheetName => "fw-ww-sheet-name",
            CmdVote => "cmd-vote",
            CmdDecisions => "cmd-decisions",
            CmdParticipation => "cmd-participation",
            DcGapHint => "dc-gap-hint",
            DcVoteChooseMechanism => "dc-vote-choose-mechanism",
            DcVoteAskQuestion { .. } => "dc-vote-ask-question",
            DcVoteChooseKind => "dc-vote-choose-kind",
            BtnDcYesNo => "btn-dc-yes-no",
            BtnDcOwnOptions => "btn-dc-own-options",
            DcVoteAskOptions { .. } => "dc-vote-ask-options",
            DcVoteAskDuration => "dc-vote-ask-duration",
            BtnDcHours { .. } => "btn-dc-hours",
            BtnDcDays { .. } => "btn-dc-days",
            DcVoteChooseSecrecy => "dc-vote-choose-secrecy",
            BtnDcSecret => "btn-dc-secret",
            BtnDcOpen => "btn-dc-open",
            DcVoteChooseMeeting => "dc-vote-choose-meeting",
            BtnDcNoMeeting => "btn-dc-no-meeting",
            DcVoteSummary { .. } => "dc-vote-summary",
            DcVoteQuorum { .. } => "dc-vote-quorum",
            DcVoteMeeting { .. } => "dc-vote-meeting",
            BtnDcOpenVote => "btn-dc-open-vote",
            DcVoteOpened { .. } => "dc-vote-opened",
            DcQuestionEmpty => "dc-question-empty",
            DcQuestionTooLong { .. } => "dc-question-too-long",
            DcOptionCount { .. } => "dc-option-count",
            DcOptionText { .. } => "dc-option-text",
            DcOptionTwice => "dc-option-twice",
            DcDuration => "dc-duration",
            DcQuorum => "dc-quorum",
            DcNoElectorate => "dc-no-electorate",
            DcYes => "dc-yes",
            DcNo => "dc-no",
            DcAbstain => "dc-abstain",
            DcQuestion { .. } => "dc-question",
            DcOptionLine { .. } => "dc-option-line",
            DcObserverNote => "dc-observer-note",
            DcAlternateNote { .. } => "dc-alternate-note",
            DcYourVote { .. } => "dc-your-vote",
            DcNotVoted { .. } => "dc-not-voted",
            BtnDcChoice { .. } => "btn-dc-choice",
            BtnDcHandover { .. } => "btn-dc-handover",
            DcVoteRecorded { .. } => "dc-vote-recorded",
            DcVoteUnchanged { .. } => "dc-vote-unchanged",
            DcVoteChanged { .. } => "dc-vote-changed",
            DcRefusedObserver => "dc-refused-observer",
            DcRefusedNoSeat => "dc-refused-no-seat",
            DcRefusedElectorate => "dc-refused-electorate",
            DcRefusedAlternate { .. } => "dc-refused-alternate",
            DcRefusedClosed => "dc-refused-closed",
            DcRefusedOption => "dc-refused-option",
            DcRefusedHandover => "dc-refused-handover",
            DcHandedOver { .. } => "dc-handed-over",
            DcHandoverRequest { .. } => "dc-handover-request",
            DcVoteReminder { .. } => "dc-vote-reminder",
            DcResult { .. } => "dc-result",
            DcResultLine { .. } => "dc-result-line",
            DcResultByOrg => "dc-result-by-org",
            DcResultOrgLine { .. } => "dc-result-org-line",
            DcDecisionsNone => "dc-decisions-none",
            DcDecisionsHeader => "dc-decisions-header",
            DcDecisionOpen { .. } => "dc-decision-open",
            DcDecisionClosed { .. } => "dc-decision-closed",
            DcNoVotesCast => "dc-no-votes-cast",
            DcMinutesDecisions => "dc-minutes-decisions",
            BtnDcPropose { .. } => "btn-dc-propose",
            DcProposeAsk { .. } => "dc-propose-ask",
            DcProposed => "dc-proposed",
            DcItemEmpty => "dc-item-empty",
            DcItemTooLong { .. } => "dc-item-too-long",
            DcItemDuplicate => "dc-item-duplicate",
            DcItemClosed => "dc-item-closed",
            DcItemDecided => "dc-item-decided",
            DcAgendaProposed { .. } => "dc-agenda-proposed",
            BtnDcAccept => "btn-dc-accept",
            BtnDcDecline => "btn-dc-decline",
            DcAgendaAccepted { .. } => "dc-agenda-accepted",
            DcAgendaDeclined { .. } => "dc-agenda-declined",
            DcAgendaDecided { .. } => "dc-agenda-decided",
            BtnDcGap { .. } => "btn-dc-gap",
            DcGapItem { .. } => "dc-gap-item",
            DcGapAdded { .. } => "dc-gap-added",
            DcNoOpenMeeting => "dc-no-open-meeting",
            DcPartChooseMechanism => "dc-part-choose-mechanism",
            DcPartHeader { .. } => "dc-part-header",
            DcPartLine { .. } => "dc-part-line",
            DcPartFlagged { .. } => "dc-part-flagged",
            BtnDcContact => "btn-dc-contact",
            BtnDcProposeObserver => "btn-dc-propose-observer",
            BtnDcKeep => "btn-dc-keep",
            DcChoiceContact => "dc-choice-contact",
            DcChoiceProposeObserver => "dc-choice-propose-observer",
            DcChoiceKeep => "dc-choice-keep",
            DcPartChoiceRecorded { .. } => "dc-part-choice-recorded",
            DcPartNone => "dc-part-none",
            BtnDcStopSeries { .. } => "btn-dc-stop-series",
            DcSeriesStopAsk => "dc-series-stop-ask",
            BtnDcStopYes => "btn-dc-stop-yes",
            DcSeriesStopped => "dc-series-stopped",
            DcSeriesAlreadyStopped => "dc-series-already-stopped",
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
            JoinPreview { org, org_name, mechanism, role, observer } => {
                a.set("org", org);
                a.set("org_name", org_name);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("observer", yes_no(observer));
            }
            JoinAccepted { org, mechanism, role }
            | JoinAlreadyMember { org, mechanism, role }
            | LeaveConfirm { org, mechanism, role }
            | LeaveDone { org, mechanism, role }
            | BtnMembership { org, mechanism, role } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
            }
            JoinSeatTaken { org, mechanism, role, holder }
            | InviteAskReplace { org, mechanism, role, holder }
            | InviteSeatTaken { org, mechanism, role, holder } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("holder", holder);
            }
            MeLine { org, mechanism, role, observer } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("role", role.as_str());
                a.set("observer", yes_no(observer));
            }
            MembersHeader { mechanism, count } => {
                a.set("mechanism", mechanism);
                a.set("count", count);
            }
            MembersLine { name, org, role, observer } => {
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
            InviteLink { link, org, mechanism, role, expires } => {
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
            MeetingTooSoon { hours } => {
                a.set("hours", hours);
            }
            MeetingInPast => {}
            MeetingBadDuration => {}
            MeetingNotFound => {}
            MeetingIsCancelled => {}
            AnswersClosed => {}
            NotInvited => {}
            NoAlternate => {}
            MeetingWhen { weekday, date, time, minutes } => {
                a.set("weekday", weekday);
                a.set("date", date);
                a.set("time", time);
                a.set("minutes", minutes);
            }
            InvitationHeader { adhoc, mechanism } => {
                a.set("adhoc", yes_no(adhoc));
                a.set("mechanism", mechanism);
            }
            MeetingDetails { when, place, agenda } => {
                a.set("when", when);
                a.set("place", place);
                a.set("agenda", agenda);
            }
            MeetingNoneGiven => {}
            InvitationFor { org, observer, role } => {
                a.set("org", org);
                a.set("observer", yes_no(observer));
                a.set("role", role.as_str());
            }
            AnswerStatus { answer } => {
                a.set("answer", answer);
            }
            BtnAttendFocal => {}
            BtnHandOver => {}
            BtnAttendAlternate => {}
            BtnCannotAttend => {}
            RsvpRecorded => {}
            Reminder { mechanism, hours } => {
                a.set("mechanism", mechanism);
                a.set("hours", hours);
            }
            HandoverRequest { name, org } => {
                a.set("name", name);
                a.set("org", org);
            }
            BtnSkip => {}
            SummaryHeader { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            SummaryAttending { count, list } => {
                a.set("count", count);
                a.set("list", list);
            }
            SummaryDeclined { count, list } => {
                a.set("count", count);
                a.set("list", list);
            }
            SummaryNoAnswer { count, list } => {
                a.set("count", count);
                a.set("list", list);
            }
            SummaryEmptyList => {}
            MeetingMoved { mechanism } => {
                a.set("mechanism", mechanism);
            }
            MeetingCancelledNotice { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            DeliveryFailed { name, org, mechanism, reason } => {
                a.set("name", name);
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("reason", reason);
            }
            AbsenceFlag { org, count, mechanism } => {
                a.set("org", org);
                a.set("count", count);
                a.set("mechanism", mechanism);
            }
            MonthlyNudge { mechanism, month } => {
                a.set("mechanism", mechanism);
                a.set("month", month);
            }
            MeetingsNone => {}
            MeetingsHeader => {}
            MeetingsLine { when, mechanism, org, answer } => {
                a.set("when", when);
                a.set("mechanism", mechanism);
                a.set("org", org);
                a.set("answer", answer);
            }
            MeetingsManageHeader => {}
            MeetingsManageLine { id, when, mechanism, adhoc, cancelled } => {
                a.set("id", id);
                a.set("when", when);
                a.set("mechanism", mechanism);
                a.set("adhoc", yes_no(adhoc));
                a.set("cancelled", yes_no(cancelled));
            }
            BtnShortAttend { date } => {
                a.set("date", date);
            }
            BtnShortDecline { date } => {
                a.set("date", date);
            }
            BtnShortHandover { date } => {
                a.set("date", date);
            }
            BtnMove { id } => {
                a.set("id", id);
            }
            BtnCancelMeeting { id } => {
                a.set("id", id);
            }
            CancelMeetingConfirm { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            BtnConfirmCancelMeeting => {}
            MeetingCancelledDone => {}
            MeetingMovedDone { when } => {
                a.set("when", when);
            }
            NmChooseMechanism => {}
            NmChooseDate => {}
            NmBadDate => {}
            NmChooseTime => {}
            NmBadTime => {}
            NmChooseDuration => {}
            NmBadDuration => {}
            NmAskPlace => {}
            NmAskAgenda => {}
            NmChooseKind => {}
            NmChooseRecurrence => {}
            NmSummary { mechanism, when, place, agenda, adhoc, monthly } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
                a.set("place", place);
                a.set("agenda", agenda);
                a.set("adhoc", yes_no(adhoc));
                a.set("monthly", yes_no(monthly));
            }
            NmCreated { count, when, invite_at } => {
                a.set("count", count);
                a.set("when", when);
                a.set("invite_at", invite_at);
            }
            BtnRegular => {}
            BtnAdhoc => {}
            BtnOnce => {}
            BtnMonthly => {}
            BtnCreate => {}
            BtnTodayPlus { weekday, date } => {
                a.set("weekday", weekday);
                a.set("date", date);
            }
            MoveChooseDate { mechanism } => {
                a.set("mechanism", mechanism);
            }
            MoveConfirm { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            BtnMoveConfirm => {}
            AttNoMeetings => {}
            AttChooseMeeting => {}
            AttSheet { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            AttSaved { present, total } => {
                a.set("present", present);
                a.set("total", total);
            }
            AttStatsHeader => {}
            AttStatsLine { org, present, total } => {
                a.set("org", org);
                a.set("present", present);
                a.set("total", total);
            }
            AttStatsObservers => {}
            BtnSave => {}
            BtnAttOrg { present, org } => {
                a.set("present", yes_no(present));
                a.set("org", org);
            }
            BtnAttMeeting { date, mechanism } => {
                a.set("date", date);
                a.set("mechanism", mechanism);
            }
            CmdMeetings => {}
            CmdNewmeeting => {}
            CmdAttendance => {}
            InternalLabel => {}
            MinutesReminder { mechanism, when, deadline, hours } => {
                a.set("hours", hours);
                a.set("mechanism", mechanism);
                a.set("when", when);
                a.set("deadline", deadline);
            }
            MinutesOverdue { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            MinutesCaption { mechanism, when } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
            }
            DocumentCaption => {}
            ActionReminder { today, due, what, org, mechanism } => {
                a.set("today", yes_no(today));
                a.set("due", due);
                a.set("what", what);
                a.set("org", org);
                a.set("mechanism", mechanism);
            }
            BtnActionDone => {}
            ActionDone { what } => {
                a.set("what", what);
            }
            ActionsNone => {}
            ActionsHeader { mechanism } => {
                a.set("mechanism", mechanism);
            }
            ActionsLine { status, id, what, org, due } => {
                a.set("status", status);
                a.set("id", id);
                a.set("what", what);
                a.set("org", org);
                a.set("due", due);
            }
            BtnActionMark { id } => {
                a.set("id", id);
            }
            MissingNone => {}
            MissingHeader => {}
            MissingLine { mechanism, when, overdue, deadline } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
                a.set("overdue", yes_no(overdue));
                a.set("deadline", deadline);
            }
            ComplianceHeader => {}
            ComplianceLine { mechanism, percent, on_time, total } => {
                a.set("mechanism", mechanism);
                a.set("percent", percent);
                a.set("on_time", on_time);
                a.set("total", total);
            }
            ComplianceNone => {}
            MnChooseMeeting => {}
            BtnMnMeeting { has, date, mechanism } => {
                a.set("has", yes_no(has));
                a.set("date", date);
                a.set("mechanism", mechanism);
            }
            MnNoMeetings => {}
            MnSendContent => {}
            MnContentExpected => {}
            MnAskActions => {}
            MnActionBadLine { line } => {
                a.set("line", line);
            }
            MnActionBadDate { line, date } => {
                a.set("line", line);
                a.set("date", date);
            }
            MnActionBadWhat { line } => {
                a.set("line", line);
            }
            MnActionTooMany => {}
            MnActionBadOrg { line, org } => {
                a.set("line", line);
                a.set("org", org);
            }
            MnSummary { mechanism, when, content, actions } => {
                a.set("mechanism", mechanism);
                a.set("when", when);
                a.set("content", content);
                a.set("actions", actions);
            }
            MnContentDocument { name } => {
                a.set("name", name);
            }
            MnContentText { chars } => {
                a.set("chars", chars);
            }
            MnShared { count } => {
                a.set("count", count);
            }
            BtnShare => {}
            MeetingNotEnded => {}
            MinutesAlreadyShared => {}
            MnAvailableNone => {}
            MnAvailableHeader => {}
            MnResent => {}
            ShareSendDocument => {}
            ShareChooseMechanisms => {}
            BtnSend => {}
            BtnToggleMech { on, code } => {
                a.set("on", yes_no(on));
                a.set("code", code);
            }
            ShareDone { count } => {
                a.set("count", count);
            }
            ShareNothingSelected => {}
            CmdMinutes => {}
            CmdMissing => {}
            CmdActions => {}
            CmdShare => {}
            // 4W (issue 5)
            FwColumn { column } => {
                a.set("column", column);
            }
            FwStatus { status } => {
                a.set("status", status);
            }
            FwYesNo { yes } => {
                a.set("yes", yes_no(yes));
            }
            FwTotal => {}
            FwNotReporter => {}
            FwChooseMonth { month } => {
                a.set("month", month);
            }
            BtnFwMonth { month } => {
                a.set("month", month);
            }
            FwChooseSeat => {}
            BtnFwSeat { org, mechanism } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
            }
            FwStart { org, mechanism, month, submitted, lines } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("month", month);
                a.set("submitted", submitted);
                a.set("lines", lines);
            }
            BtnFwAddLine => {}
            BtnFwSameAsLast => {}
            BtnFwNoActivity => {}
            FwNoLastMonth { month } => {
                a.set("month", month);
            }
            FwAskSector => {}
            FwAskActivity { sector } => {
                a.set("sector", sector);
            }
            FwAskRegion => {}
            FwAskCercle { region } => {
                a.set("region", region);
            }
            FwAskStatus => {}
            FwAskStart { month } => {
                a.set("month", month);
            }
            FwAskEnd => {}
            FwAskCount { field } => {
                a.set("field", field);
            }
            FwAskDisabled { total } => {
                a.set("total", total);
            }
            FwAskPartner => {}
            FwAskDonor => {}
            FwAskRemarks => {}
            BtnFwStatus { status } => {
                a.set("status", status);
            }
            BtnFwKeep { value } => {
                a.set("value", value);
            }
            BtnFwFirstDay { date } => {
                a.set("date", date);
            }
            BtnFwLastDay { date } => {
                a.set("date", date);
            }
            FwBadDate => {}
            FwEndBeforeStart { start } => {
                a.set("start", start);
            }
            FwOutsideMonth { month } => {
                a.set("month", month);
            }
            FwBadCount { max } => {
                a.set("max", max);
            }
            FwDisabledAboveTotal { disabled, total } => {
                a.set("disabled", disabled);
                a.set("total", total);
            }
            FwUnknownPlace => {}
            FwCercleNotInRegion { region } => {
                a.set("region", region);
            }
            FwPersonalData { kind } => {
                a.set("kind", kind);
            }
            FwReviewHeader { org, mechanism, month, count } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("month", month);
                a.set("count", count);
            }
            FwReviewLine { n, activity, cercle, status, period, total, disabled } => {
                a.set("n", n);
                a.set("activity", activity);
                a.set("cercle", cercle);
                a.set("status", status);
                a.set("period", period);
                a.set("total", total);
                a.set("disabled", disabled);
            }
            BtnFwEdit { n } => {
                a.set("n", n);
            }
            BtnFwDelete { n } => {
                a.set("n", n);
            }
            BtnFwAddAnother => {}
            BtnFwSubmit => {}
            FwSubmitted { month, count, late } => {
                a.set("month", month);
                a.set("count", count);
                a.set("late", yes_no(late));
            }
            FwNoActivityDone { month, late } => {
                a.set("month", month);
                a.set("late", yes_no(late));
            }
            FwLineInvalid { n } => {
                a.set("n", n);
            }
            FwCancelAsk => {}
            BtnFwDiscard => {}
            BtnFwContinue => {}
            FwReminder { org, mechanism, month, deadline, stage } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("month", month);
                a.set("deadline", deadline);
                a.set("stage", stage);
            }
            FwMatrixCaption { month, mechanism, count, missing } => {
                a.set("month", month);
                a.set("mechanism", mechanism);
                a.set("count", count);
                a.set("missing", missing);
            }
            FwMissingNone => {}
            FwExportCaption { month, scope } => {
                a.set("month", month);
                a.set("scope", scope);
            }
            FwExportAll => {}
            FwExportBadMonth => {}
            CmdReport => {}
            CmdExport => {}
            // 4W review (issue 5)
            CmdReview => {}
            CmdWhereWho => {}
            FwBadMonthFor { command } => {
                a.set("command", command);
            }
            FwReviewNone { month, scope } | FwWwNone { month, scope } => {
                a.set("month", month);
                a.set("scope", scope);
            }
            FwReviewHeaderList { month, scope, count, shown } => {
                a.set("month", month);
                a.set("scope", scope);
                a.set("count", count);
                a.set("shown", shown);
            }
            FwReviewItem { n, org, line, what, total, status } => {
                a.set("n", n);
                a.set("org", org);
                a.set("line", line);
                a.set("what", what);
                a.set("total", total);
                a.set("status", status);
            }
            FwReviewWhat { activity, cercle, pcode } => {
                a.set("activity", activity);
                a.set("cercle", cercle);
                a.set("pcode", pcode);
            }
            FwReviewStatus { status } => {
                a.set("status", status);
            }
            BtnFwReturn { n } => {
                a.set("n", n);
            }
            FwReturnAskComment { org, line, activity, cercle, max } => {
                a.set("org", org);
                a.set("line", line);
                a.set("activity", activity);
                a.set("cercle", cercle);
                a.set("max", max);
            }
            FwReturnDone { org, line } => {
                a.set("org", org);
                a.set("line", line);
            }
            FwReturnedNotice { month, org, mechanism, line } => {
                a.set("month", month);
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("line", line);
            }
            FwReturnedWhat { activity, cercle, comment } => {
                a.set("activity", activity);
                a.set("cercle", cercle);
                a.set("comment", comment);
            }
            BtnFwFix { line } => {
                a.set("line", line);
            }
            FwWwHeader { month, scope, orgs, cells, gaps, duplications } => {
                a.set("month", month);
                a.set("scope", scope);
                a.set("orgs", orgs);
                a.set("cells", cells);
                a.set("gaps", gaps);
                a.set("duplications", duplications);
            }
            FwWwPlace { cercle, pcode, region, region_pcode } => {
                a.set("cercle", cercle);
                a.set("pcode", pcode);
                a.set("region", region);
                a.set("region_pcode", region_pcode);
            }
            FwWwGapsTitle { shown, count } | FwWwDupsTitle { shown, count } => {
                a.set("shown", shown);
                a.set("count", count);
            }
            FwWwGapLine { place, sector } => {
                a.set("place", place);
                a.set("sector", sector);
            }
            FwWwDupLine { place, activity, orgs } => {
                a.set("place", place);
                a.set("activity", activity);
                a.set("orgs", orgs);
            }
            FwWwColumn { column } => {
                a.set("column", column);
            }
            FwWwKind { kind } => {
                a.set("kind", kind);
            }
            FwWwSheetName => {}
            CmdVote | CmdDecisions | CmdParticipation | DcGapHint => {}
            DcVoteAskQuestion { mechanism, max } => {
                a.set("mechanism", mechanism);
                a.set("max", max);
            }
            DcVoteAskOptions { min, max } => {
                a.set("min", min);
                a.set("max", max);
            }
            BtnDcHours { hours } => {
                a.set("hours", hours);
            }
            BtnDcDays { days } => {
                a.set("days", days);
            }
            DcVoteSummary { mechanism, question, options, closes } => {
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("options", options);
                a.set("closes", closes);
            }
            DcVoteQuorum { secret, needed, electorate, percent } => {
                a.set("secret", yes_no(secret));
                a.set("needed", needed);
                a.set("electorate", electorate);
                a.set("percent", percent);
            }
            DcVoteMeeting { meeting } => {
                a.set("meeting", meeting);
            }
            DcVoteOpened { closes } => {
                a.set("closes", closes);
            }
            DcQuestionTooLong { max } => {
                a.set("max", max);
            }
            DcOptionCount { min, max } => {
                a.set("min", min);
                a.set("max", max);
            }
            DcOptionText { n, max } => {
                a.set("n", n);
                a.set("max", max);
            }
            DcQuestion { mechanism, question, closes, secret, needed, electorate, percent } => {
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("closes", closes);
                a.set("secret", yes_no(secret));
                a.set("needed", needed);
                a.set("electorate", electorate);
                a.set("percent", percent);
            }
            DcOptionLine { n, label } => {
                a.set("n", n);
                a.set("label", label);
            }
            DcAlternateNote { org, from } => {
                a.set("org", org);
                a.set("from", from);
            }
            DcYourVote { org, option } => {
                a.set("org", org);
                a.set("option", option);
            }
            DcNotVoted { org } => {
                a.set("org", org);
            }
            BtnDcChoice { org, option } => {
                a.set("org", org);
                a.set("option", option);
            }
            BtnDcHandover { org } => {
                a.set("org", org);
            }
            DcVoteRecorded { option } => {
                a.set("option", option);
            }
            DcVoteUnchanged { option } => {
                a.set("option", option);
            }
            DcVoteChanged { option } => {
                a.set("option", option);
            }
            DcRefusedAlternate { from } => {
                a.set("from", from);
            }
            DcHandedOver { org } => {
                a.set("org", org);
            }
            DcHandoverRequest { org, mechanism, question, closes } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("closes", closes);
            }
            DcVoteReminder { org, mechanism, question, closes } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("closes", closes);
            }
            DcResult { mechanism, question, voted, electorate, turnout, needed, met } => {
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("voted", voted);
                a.set("electorate", electorate);
                a.set("turnout", turnout);
                a.set("needed", needed);
                a.set("met", yes_no(met));
            }
            DcResultLine { label, count } => {
                a.set("label", label);
                a.set("count", count);
            }
            DcResultOrgLine { org, label } => {
                a.set("org", org);
                a.set("label", label);
            }
            DcDecisionOpen { mechanism, question, closes, voted, electorate } => {
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("closes", closes);
                a.set("voted", voted);
                a.set("electorate", electorate);
            }
            DcDecisionClosed { mechanism, question, closed, result, met } => {
                a.set("mechanism", mechanism);
                a.set("question", question);
                a.set("closed", closed);
                a.set("result", result);
                a.set("met", yes_no(met));
            }
            BtnDcPropose { date } => {
                a.set("date", date);
            }
            DcProposeAsk { mechanism, date, max } => {
                a.set("mechanism", mechanism);
                a.set("date", date);
                a.set("max", max);
            }
            DcItemTooLong { max } => {
                a.set("max", max);
            }
            DcAgendaProposed { org, mechanism, date, text } => {
                a.set("org", org);
                a.set("mechanism", mechanism);
                a.set("date", date);
                a.set("text", text);
            }
            DcAgendaAccepted { text } => {
                a.set("text", text);
            }
            DcAgendaDeclined { text } => {
                a.set("text", text);
            }
            DcAgendaDecided { accepted, mechanism, date, text } => {
                a.set("accepted", yes_no(accepted));
                a.set("mechanism", mechanism);
                a.set("date", date);
                a.set("text", text);
            }
            BtnDcGap { n } => {
                a.set("n", n);
            }
            DcGapItem { month, sector, place } => {
                a.set("month", month);
                a.set("sector", sector);
                a.set("place", place);
            }
            DcGapAdded { date } => {
                a.set("date", date);
            }
            DcPartHeader { mechanism, months } => {
                a.set("mechanism", mechanism);
                a.set("months", months);
            }
            DcPartLine { org, observer, present, marked, on_time, invited, cast, entitled, fourw, fourw_expected } => {
                a.set("org", org);
                a.set("observer", yes_no(observer));
                a.set("present", present);
                a.set("marked", marked);
                a.set("on_time", on_time);
                a.set("invited", invited);
                a.set("cast", cast);
                a.set("entitled", entitled);
                a.set("fourw", fourw);
                a.set("fourw_expected", fourw_expected);
            }
            DcPartFlagged { org, last } => {
                a.set("org", org);
                a.set("last", last);
            }
            DcPartChoiceRecorded { org, choice } => {
                a.set("org", org);
                a.set("choice", choice);
            }
            BtnDcStopSeries { id } => {
                a.set("id", id);
            }
            DcVoteChooseMechanism
            | DcVoteChooseKind
            | BtnDcYesNo
            | BtnDcOwnOptions
            | DcVoteAskDuration
            | DcVoteChooseSecrecy
            | BtnDcSecret
            | BtnDcOpen
            | DcVoteChooseMeeting
            | BtnDcNoMeeting
            | BtnDcOpenVote
            | DcQuestionEmpty
            | DcOptionTwice
            | DcDuration
            | DcQuorum
            | DcNoElectorate
            | DcYes
            | DcNo
            | DcAbstain
            | DcObserverNote
            | DcRefusedObserver
            | DcRefusedNoSeat
            | DcRefusedElectorate
            | DcRefusedClosed
            | DcRefusedOption
            | DcRefusedHandover
            | DcResultByOrg
            | DcDecisionsNone
            | DcDecisionsHeader
            | DcNoVotesCast
            | DcMinutesDecisions
            | DcProposed
            | DcItemEmpty
            | DcItemDuplicate
            | DcItemClosed
            | DcItemDecided
            | BtnDcAccept
            | BtnDcDecline
            | DcNoOpenMeeting
            | DcPartChooseMechanism
            | BtnDcContact
            | BtnDcProposeObserver
            | BtnDcKeep
            | DcChoiceContact
            | DcChoiceProposeObserver
            | DcChoiceKeep
            | DcPartNone
            | DcSeriesStopAsk
            | BtnDcStopYes
            | DcSeriesStopped
            | DcSeriesAlreadyStopped => {}
        }
        a
    }
}
