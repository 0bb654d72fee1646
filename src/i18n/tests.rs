use super::catalogue::{
    AccessMsgDiscriminants, CalendarMsgDiscriminants, ChartsMsgDiscriminants, DecisionsMsgDiscriminants,
    FivewMsgDiscriminants, MainMsgDiscriminants, MeetingsMsgDiscriminants, MinutesMsgDiscriminants,
    ReportMsgDiscriminants,
};
use super::*;
use crate::domain::Role;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use strum::IntoEnumIterator;

/// A list of messages of any feature.
macro_rules! msgs {
    ($($m:expr),* $(,)?) => { vec![$(Msg::from($m)),*] };
}

/// One instance of every message of the catalogue.
fn samples() -> Vec<Msg> {
    use super::catalogue::{
        AccessMsg::*, CalendarMsg::*, DecisionsMsg::*, FivewMsg::*, MainMsg::*, MeetingsMsg::*, MinutesMsg::*,
        ReportMsg::*,
    };
    let s = |x: &str| x.to_string();
    msgs![
        WelcomeUnknown,
        WelcomeMember { name: s("Awa") },
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
        TextTooLong { max: 60 },
        LanguageChoose,
        LanguageSet,
        JoinCodeUnknown,
        JoinCodeExpired,
        JoinCodeUsed,
        JoinPreview {
            org: s("NRC"),
            org_name: s("Norwegian Refugee Council"),
            mechanism: s("CPN"),
            role: Role::Focal,
            observer: true,
        },
        JoinPrinciples,
        JoinAccepted { org: s("NRC"), mechanism: s("CPN"), role: Role::Alternate },
        JoinDeclined,
        JoinSeatTaken { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal, holder: s("Moussa") },
        JoinAlreadyMember { org: s("NRC"), mechanism: s("CPN"), role: Role::Chair },
        JoinAskNameAgain,
        NameEmpty,
        NameTooLong { max: 100 },
        NameInvalid,
        MeHeader { name: s("Awa") },
        MeLine { org: s("CICR"), mechanism: s("CPN"), role: Role::Focal, observer: true },
        MeCoordinator,
        MeNoMembership,
        MembersHeader { mechanism: s("CPN"), count: 3 },
        MembersLine { name: s("Awa"), org: s("NRC"), role: Role::Alternate, observer: false },
        MembersNone,
        InviteChooseMechanism,
        InviteChooseOrganisation { mechanism: s("CPN") },
        InviteChooseRole { org: s("NRC"), mechanism: s("CPN") },
        InviteUnknownOrganisation { text: s("XYZ") },
        InviteLink {
            link: s("https://t.me/b?start=x"),
            org: s("NRC"),
            mechanism: s("CPN"),
            role: Role::Focal,
            expires: s("13/12/2026 10:00"),
        },
        InviteLinkReplaces { holder: s("Moussa") },
        InviteAskReplace { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal, holder: s("Moussa") },
        InviteSeatTaken { org: s("NRC"), mechanism: s("CPN"), role: Role::Alternate, holder: s("Moussa") },
        InviteNoMechanism,
        LeaveChoose,
        LeaveConfirm { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal },
        LeaveDone { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal },
        LeaveKept,
        LeaveNothing,
        BtnFrench,
        BtnEnglish,
        BtnAccept,
        BtnDecline,
        BtnUseName { name: s("Awa") },
        BtnConfirmLeave,
        BtnKeep,
        BtnReplace,
        BtnCancel,
        BtnMore,
        BtnRole { role: Role::Chair },
        BtnMembership { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal },
        CmdStart,
        CmdHelp,
        CmdLanguage,
        CmdMe,
        CmdMembers,
        CmdInvite,
        CmdLeave,
        CmdCancel,
        MeetingTooSoon { hours: 2 },
        MeetingInPast,
        MeetingBadDuration,
        MeetingNotFound,
        MeetingIsCancelled,
        AnswersClosed,
        NotInvited,
        NoAlternate,
        MeetingWhen { weekday: s("x"), date: s("x"), time: s("x"), minutes: 2 },
        InvitationHeader { adhoc: true, mechanism: s("x") },
        MeetingDetails { when: s("x"), place: s("x"), agenda: s("x") },
        MeetingNoneGiven,
        InvitationFor { org: s("x"), observer: true, role: Role::Focal },
        AnswerStatus { answer: s("x") },
        BtnAttendFocal,
        BtnHandOver,
        BtnAttendAlternate,
        BtnCannotAttend,
        RsvpRecorded,
        Reminder { mechanism: s("x"), hours: 2 },
        HandoverRequest { name: s("x"), org: s("x") },
        BtnSkip,
        SummaryHeader { mechanism: s("x"), when: s("x") },
        SummaryAttending { count: 3, list: s("x") },
        SummaryDeclined { count: 3, list: s("x") },
        SummaryNoAnswer { count: 3, list: s("x") },
        SummaryEmptyList,
        MeetingMoved { mechanism: s("x") },
        MeetingCancelledNotice { mechanism: s("x"), when: s("x") },
        DeliveryFailed { name: s("x"), org: s("x"), mechanism: s("x"), reason: s("x") },
        AbsenceFlag { org: s("x"), count: 2, mechanism: s("x") },
        MonthlyNudge { mechanism: s("x"), month: s("x") },
        MeetingsNone,
        MeetingsHeader,
        MeetingsLine { when: s("x"), mechanism: s("x"), org: s("x"), answer: s("x") },
        MeetingsManageHeader,
        MeetingsManageLine { id: 2, when: s("x"), mechanism: s("x"), adhoc: true, cancelled: true },
        BtnShortAttend { date: s("x") },
        BtnShortDecline { date: s("x") },
        BtnShortHandover { date: s("x") },
        BtnMove { id: 2 },
        BtnCancelMeeting { id: 2 },
        CancelMeetingConfirm { mechanism: s("x"), when: s("x") },
        BtnConfirmCancelMeeting,
        MeetingCancelledDone,
        MeetingMovedDone { when: s("x") },
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
        NmSummary { mechanism: s("x"), when: s("x"), place: s("x"), agenda: s("x"), adhoc: true, monthly: true },
        NmCreated { count: 3, when: s("x"), invite_at: s("x") },
        BtnRegular,
        BtnAdhoc,
        BtnOnce,
        BtnMonthly,
        BtnCreate,
        BtnTodayPlus { weekday: s("x"), date: s("x") },
        MoveChooseDate { mechanism: s("x") },
        MoveConfirm { mechanism: s("x"), when: s("x") },
        BtnMoveConfirm,
        AttNoMeetings,
        AttChooseMeeting,
        AttSheet { mechanism: s("x"), when: s("x") },
        AttSaved { present: 3, total: 3 },
        AttStatsHeader,
        AttStatsLine { org: s("x"), present: 3, total: 3 },
        AttStatsObservers,
        BtnSave,
        BtnAttOrg { present: true, org: s("x") },
        BtnAttMeeting { date: s("x"), mechanism: s("x") },
        CmdMeetings,
        CmdNewmeeting,
        CmdAttendance,
        InternalLabel,
        MinutesReminder { mechanism: s("x"), when: s("x"), deadline: s("x"), hours: 24 },
        MinutesOverdue { mechanism: s("x"), when: s("x") },
        MinutesCaption { mechanism: s("x"), when: s("x") },
        DocumentCaption,
        ActionReminder { today: true, due: s("x"), what: s("x"), org: s("x"), mechanism: s("x") },
        BtnActionDone,
        ActionDone { what: s("x") },
        ActionsNone,
        ActionsHeader { mechanism: s("x") },
        ActionsLine { status: s("x"), id: 2, what: s("x"), org: s("x"), due: s("x") },
        BtnActionMark { id: 2 },
        MissingNone,
        MissingHeader,
        MissingLine { mechanism: s("x"), when: s("x"), overdue: true, deadline: s("x") },
        ComplianceHeader,
        ComplianceLine { mechanism: s("x"), percent: 50, on_time: 3, total: 3 },
        ComplianceNone,
        MnChooseMeeting,
        BtnMnMeeting { has: true, date: s("x"), mechanism: s("x") },
        MnNoMeetings,
        MnSendContent,
        MnContentExpected,
        MnAskActions,
        MnActionBadLine { line: 3 },
        MnActionBadDate { line: 3, date: s("x") },
        MnActionBadWhat { line: 3 },
        MnActionTooMany,
        MnActionBadOrg { line: 3, org: s("x") },
        MnSummary { mechanism: s("x"), when: s("x"), content: s("x"), actions: s("x") },
        MnContentDocument { name: s("x") },
        MnContentText { chars: 3 },
        MnShared { count: 3 },
        BtnShare,
        MeetingNotEnded,
        MinutesAlreadyShared,
        MnAvailableNone,
        MnAvailableHeader,
        MnResent,
        ShareSendDocument,
        ShareChooseMechanisms,
        BtnSend,
        BtnToggleMech { on: true, code: s("x") },
        ShareDone { count: 3 },
        ShareNothingSelected,
        CmdMinutes,
        CmdMissing,
        CmdActions,
        CmdShare,
        FwColumn { column: s("adm2-code") },
        FwStatus { status: s("ongoing") },
        FwYesNo { yes: true },
        FwTotal,
        FwNotReporter,
        FwChooseMonth { month: s("10/2026") },
        BtnFwMonth { month: s("10/2026") },
        FwChooseSeat,
        BtnFwSeat { org: s("NRC"), mechanism: s("CPN") },
        FwStart { org: s("NRC"), mechanism: s("CPN"), month: s("10/2026"), submitted: s("returned"), lines: 3 },
        BtnFwAddLine,
        BtnFwSameAsLast,
        BtnFwNoActivity,
        FwNoLastMonth { month: s("09/2026") },
        FwAskSector,
        FwAskActivity { sector: s("PRO") },
        FwAskRegion,
        FwAskCercle { region: s("Ségou") },
        FwAskStatus,
        FwAskStart { month: s("10/2026") },
        FwAskEnd,
        FwAskCount { field: s("women") },
        FwAskDisabled { total: 12 },
        FwAskPartner,
        FwAskDonor,
        FwAskRemarks,
        BtnFwStatus { status: s("planned") },
        BtnFwKeep { value: s("Ténenkou") },
        BtnFwFirstDay { date: s("01/10/2026") },
        BtnFwLastDay { date: s("31/10/2026") },
        FwBadDate,
        FwEndBeforeStart { start: s("05/10/2026") },
        FwOutsideMonth { month: s("10/2026") },
        FwBadCount { max: 1000000 },
        FwDisabledAboveTotal { disabled: 5, total: 4 },
        FwUnknownPlace,
        FwCercleNotInRegion { region: s("Mopti") },
        FwPersonalData { kind: s("email") },
        FwReviewHeader { org: s("NRC"), mechanism: s("CPN"), month: s("10/2026"), count: 2 },
        FwReviewLine {
            n: 1,
            activity: s("Référencement"),
            cercle: s("Ténenkou"),
            status: s("en cours"),
            period: s("01/10/2026 → 31/10/2026"),
            total: 40,
            disabled: 3,
        },
        BtnFwEdit { n: 1 },
        BtnFwDelete { n: 1 },
        BtnFwAddAnother,
        BtnFwSubmit,
        FwSubmitted { month: s("10/2026"), count: 2, late: true },
        FwNoActivityDone { month: s("10/2026"), late: false },
        FwLineInvalid { n: 2 },
        FwCancelAsk,
        BtnFwDiscard,
        BtnFwContinue,
        FwReminder {
            org: s("NRC"),
            mechanism: s("CPN"),
            month: s("10/2026"),
            deadline: s("05/11/2026"),
            stage: "before",
        },
        FwMatrixCaption { month: s("10/2026"), mechanism: s("CPN"), count: 1, missing: s("DRC/DDG") },
        FwMissingNone,
        FwExportCaption { month: s("10/2026"), scope: s("CPN") },
        FwExportAll,
        FwExportBadMonth,
        CmdReport,
        CmdExport,
        CmdReview,
        CmdWhereWho,
        FwBadMonthFor { command: s("review") },
        FwReviewNone { month: s("10/2026"), scope: s("CPN") },
        FwReviewHeaderList { month: s("10/2026"), scope: s("CPN"), count: 45, shown: 30 },
        FwReviewItem { n: 1, org: s("NRC"), line: 2, what: s("x"), total: 75, status: s("corrigé") },
        FwReviewWhat { activity: s("Référencement"), cercle: s("Ténenkou"), pcode: s("ML0507") },
        FwReviewStatus { status: s("returned") },
        BtnFwReturn { n: 3 },
        FwReturnAskComment { org: s("NRC"), line: 2, activity: s("Référencement"), cercle: s("Ténenkou"), max: 500 },
        FwReturnDone { org: s("NRC"), line: 2 },
        FwReturnedNotice { month: s("10/2026"), org: s("NRC"), mechanism: s("CPN"), line: 2 },
        FwReturnedWhat {
            activity: s("Référencement"), cercle: s("Ténenkou"), comment: s("Femmes comptées deux fois")
        },
        BtnFwFix { line: 2 },
        FwWwHeader { month: s("10/2026"), scope: s("CPN"), orgs: 4, cells: 7, gaps: 12, duplications: 1 },
        FwWwNone { month: s("10/2026"), scope: s("CPN") },
        FwWwPlace { cercle: s("Djenné"), pcode: s("ML0503"), region: s("Mopti"), region_pcode: s("ML05") },
        FwWwGapsTitle { shown: 5, count: 12 },
        FwWwGapLine { place: s("Djenné (ML0503)"), sector: s("PRO-GBV") },
        FwWwDupsTitle { shown: 1, count: 1 },
        FwWwDupLine { place: s("Ténenkou (ML0507)"), activity: s("Référencement"), orgs: s("DRC, NRC") },
        FwWwColumn { column: s("cercle-code") },
        FwWwKind { kind: "gap" },
        FwWwSheetName,
        CmdCalendar,
        CalendarLink { url: s("https://bot.example.org/cal/abc.ics") },
        CalendarRotated { url: s("https://bot.example.org/cal/def.ics") },
        CalendarUnavailable,
        BtnCalendarRotate,
        SeatEnded { org: s("NRC"), mechanism: s("CPN"), role: Role::Focal, change: s("removed") },
        MemberChanged {
            name: s("Awa"),
            org: s("NRC"),
            mechanism: s("CPN"),
            role: Role::Alternate,
            change: s("joined"),
        },
        ResendTooSoon { seconds: 120 },
        LastCoordinator,
        MembersJoined { mechanism: s("CPN"), count: 2, names: s("Awa (NRC), Moussa (DRC)") },
        CmdVote,
        CmdDecisions,
        CmdParticipation,
        DcGapHint,
        DcVoteChooseMechanism,
        DcVoteAskQuestion { mechanism: s("x"), max: 2 },
        DcVoteChooseKind,
        BtnDcYesNo,
        BtnDcOwnOptions,
        DcVoteAskOptions { min: 2, max: 2 },
        DcVoteAskDuration,
        BtnDcHours { hours: 2 },
        BtnDcDays { days: 2 },
        DcVoteChooseSecrecy,
        BtnDcSecret,
        BtnDcOpen,
        DcVoteChooseMeeting,
        BtnDcNoMeeting,
        DcVoteSummary { mechanism: s("x"), question: s("x"), options: s("x"), closes: s("x") },
        DcVoteQuorum { secret: true, needed: 2, electorate: 2, percent: 2 },
        DcVoteMeeting { meeting: s("x") },
        BtnDcOpenVote,
        DcVoteOpened { closes: s("x") },
        DcQuestionEmpty,
        DcQuestionTooLong { max: 2 },
        DcOptionCount { min: 2, max: 2 },
        DcOptionText { n: 2, max: 2 },
        DcOptionTwice,
        DcDuration,
        DcQuorum,
        DcNoElectorate,
        DcYes,
        DcNo,
        DcAbstain,
        DcQuestion {
            mechanism: s("x"),
            question: s("x"),
            closes: s("x"),
            secret: true,
            needed: 2,
            electorate: 2,
            percent: 2,
        },
        DcOptionLine { n: 2, label: s("x") },
        DcObserverNote,
        DcAlternateNote { org: s("x"), from: s("x") },
        DcYourVote { org: s("x"), option: s("x") },
        DcNotVoted { org: s("x") },
        BtnDcChoice { org: s("x"), option: s("x") },
        BtnDcHandover { org: s("x") },
        DcVoteRecorded { option: s("x") },
        DcVoteUnchanged { option: s("x") },
        DcVoteChanged { option: s("x") },
        DcRefusedObserver,
        DcRefusedNoSeat,
        DcRefusedElectorate,
        DcRefusedAlternate { from: s("x") },
        DcRefusedClosed,
        DcRefusedOption,
        DcRefusedHandover,
        DcHandedOver { org: s("x") },
        DcHandoverRequest { org: s("x"), mechanism: s("x"), question: s("x"), closes: s("x") },
        DcVoteReminder { org: s("x"), mechanism: s("x"), question: s("x"), closes: s("x") },
        DcResult { mechanism: s("x"), question: s("x"), voted: 2, electorate: 2, turnout: 2, needed: 2, met: true },
        DcResultLine { label: s("x"), count: 2 },
        DcResultByOrg,
        DcResultOrgLine { org: s("x"), label: s("x") },
        DcDecisionsNone,
        DcDecisionsHeader,
        DcDecisionOpen { mechanism: s("x"), question: s("x"), closes: s("x"), voted: 2, electorate: 2 },
        DcDecisionClosed { mechanism: s("x"), question: s("x"), closed: s("x"), result: s("x"), met: true },
        DcNoVotesCast,
        DcMinutesDecisions,
        BtnDcPropose { date: s("x") },
        DcProposeAsk { mechanism: s("x"), date: s("x"), max: 2 },
        DcProposed,
        DcItemEmpty,
        DcItemTooLong { max: 2 },
        DcItemDuplicate,
        DcItemClosed,
        DcItemDecided,
        DcAgendaProposed { org: s("x"), mechanism: s("x"), date: s("x"), text: s("x") },
        BtnDcAccept,
        BtnDcDecline,
        DcAgendaAccepted { text: s("x") },
        DcAgendaDeclined { text: s("x") },
        DcAgendaDecided { accepted: true, mechanism: s("x"), date: s("x"), text: s("x") },
        BtnDcGap { n: 2 },
        DcGapItem { month: s("x"), sector: s("x"), place: s("x") },
        DcGapAdded { date: s("x") },
        DcNoOpenMeeting,
        DcPartChooseMechanism,
        DcPartHeader { mechanism: s("x"), months: 2 },
        DcPartLine {
            org: s("x"),
            observer: true,
            present: 2,
            marked: 2,
            on_time: 2,
            invited: 2,
            cast: 2,
            entitled: 2,
            fourw: 2,
            fourw_expected: 2,
        },
        DcPartFlagged { org: s("x"), last: s("none") },
        BtnDcContact,
        BtnDcProposeObserver,
        BtnDcKeep,
        DcChoiceContact,
        DcChoiceProposeObserver,
        DcChoiceKeep,
        DcPartChoiceRecorded { org: s("x"), choice: s("x") },
        DcPartNone,
        BtnDcStopSeries { id: 7 },
        DcSeriesStopAsk,
        BtnDcStopYes,
        DcSeriesStopped,
        DcSeriesAlreadyStopped,
        FwPopulation { group: s("IDP") },
        FwSheetInstructions {
            org: s("NRC"),
            mechanism: s("CR-MOPTI"),
            month: s("10/2026"),
            boundaries: s("2023"),
            rows: 500,
        },
        FwMonthLocked { month: s("10/2026") },
        FwReturnedPending,
        FwApprovedNotice { org: s("NRC"), mechanism: s("CR-MOPTI"), month: s("10/2026") },
        FwCorrectedNotice { org: s("NRC"), mechanism: s("CR-MOPTI"), month: s("10/2026"), lines: 2 },
        BtnFwApprove { org: s("NRC") },
        FwApproveDone { org: s("NRC"), month: s("10/2026") },
        CmdLock,
        CmdUnlock,
        FwLockDone { month: s("10/2026"), locked: true, changed: false },
        BtnFwSpreadsheet,
        FwSheetCaption { org: s("NRC"), mechanism: s("CR-MOPTI"), month: s("10/2026"), rows: 500, mb: 2 },
        FwSheetWaiting,
        FwSheetRefused { reason: "other-template", max: 500, org: s("DRC"), month: s("2026-09") },
        FwSheetErrors { count: 2, rows: 35, shown: 2 },
        FwSheetErrorLine { row: 12, column: s("Date de fin"), reason: s("x") },
        FwCellReason { reason: "too-long", max: 500 },
        FwSheetRead { lines: 35 },
        FwAskPopulation,
        FwAskModality { sector: s("PRO") },
        FwAskTargeted,
        FwTargetedBad,
        FwAskPlanCode { max: 40 },
        BtnFwSameAbove { value: s("Mopti") },
        BtnFwSameReached,
    ]
    .into_iter()
    // Charts and the digest: every message, with empty fields.
    .chain(super::catalogue::ChartsMsg::iter().map(Msg::from))
    .collect()
}

fn vars_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => vars_in_expr(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
            for a in &arguments.named {
                vars_in_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

fn vars_in_expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => vars_in_inline(i, out),
    }
}

fn vars_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            vars_in_expr(expression, out);
        }
    }
}

/// Message id → the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).expect("the FTL file parses");
    let mut map = BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                vars_in_pattern(p, &mut vars);
            }
            map.insert(m.id.name.to_string(), vars);
        }
    }
    map
}

#[test]
fn both_locales_define_the_same_messages_with_the_same_variables() {
    let fr = messages(FR_SOURCE);
    let en = messages(EN_SOURCE);
    let fr_ids: BTreeSet<_> = fr.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(fr_ids, en_ids, "message ids differ between fr and en");
    for (id, vars) in &fr {
        assert_eq!(Some(vars), en.get(id), "variables of '{id}' differ between fr and en");
    }
}

/// The variant's name, whichever feature's enum it belongs to.
fn variant_name(m: &Msg) -> String {
    match m {
        Msg::Main(m) => format!("{:?}", MainMsgDiscriminants::from(m)),
        Msg::Meetings(m) => format!("{:?}", MeetingsMsgDiscriminants::from(m)),
        Msg::Minutes(m) => format!("{:?}", MinutesMsgDiscriminants::from(m)),
        Msg::Report(m) => format!("{:?}", ReportMsgDiscriminants::from(m)),
        Msg::Calendar(m) => format!("{:?}", CalendarMsgDiscriminants::from(m)),
        Msg::Access(m) => format!("{:?}", AccessMsgDiscriminants::from(m)),
        Msg::Charts(m) => format!("{:?}", ChartsMsgDiscriminants::from(m)),
        Msg::Decisions(m) => format!("{:?}", DecisionsMsgDiscriminants::from(m)),
        Msg::Fivew(m) => format!("{:?}", FivewMsgDiscriminants::from(m)),
    }
}

#[test]
fn every_catalogue_entry_has_a_sample_and_the_files_nothing_else() {
    let sampled: BTreeSet<String> = samples().iter().map(variant_name).collect();
    let every: Vec<String> = MainMsgDiscriminants::iter()
        .map(|d| format!("{d:?}"))
        .chain(MeetingsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(MinutesMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(ReportMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(CalendarMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(AccessMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(ChartsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(DecisionsMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .chain(FivewMsgDiscriminants::iter().map(|d| format!("{d:?}")))
        .collect();
    for name in &every {
        assert!(sampled.contains(name), "no sample for {name}");
    }
    let ids: BTreeSet<String> = samples().iter().map(|m| m.id().to_string()).collect();
    let in_files: BTreeSet<String> = messages(FR_SOURCE).into_keys().collect();
    assert_eq!(ids, in_files, "catalogue ids and FTL ids differ");
}

#[test]
fn every_catalogue_entry_renders_in_both_languages_with_its_variables() {
    let i18n = I18n::load().expect("catalogues load");
    let fr = messages(FR_SOURCE);
    for msg in samples() {
        let provided: BTreeSet<String> = msg.args().iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(Some(&provided), fr.get(msg.id()), "variables given to '{}' differ from the FTL", msg.id());
        for lang in Language::ALL {
            let text = i18n.try_render(lang, &msg).unwrap_or_else(|e| panic!("{e}"));
            assert!(!text.trim().is_empty(), "{} renders empty in {}", msg.id(), lang.code());
            assert!(!text.contains('{'), "{} left a placeholder in {}: {text}", msg.id(), lang.code());
        }
    }
}

#[test]
fn roles_and_observers_are_translated() {
    let i18n = I18n::load().unwrap();
    let line = MainMsg::MembersLine { name: "Awa".into(), org: "CICR".into(), role: Role::Alternate, observer: true };
    assert_eq!(i18n.render(Language::Fr, &line), "• Awa — CICR — suppléant(e) (observateur)");
    assert_eq!(i18n.render(Language::En, &line), "• Awa — CICR — alternate (observer)");
    let line = MainMsg::MembersLine { name: "Awa".into(), org: "NRC".into(), role: Role::Focal, observer: false };
    assert_eq!(i18n.render(Language::Fr, &line), "• Awa — NRC — point focal");
}
