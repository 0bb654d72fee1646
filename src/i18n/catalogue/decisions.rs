//! Decisions by vote, agenda items from members, participation and monthly series
//! (`locales/*/decisions.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum DecisionsMsg {
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
    DcRefusedFocalVoted,
    DcFocalVotedNote {
        org: String,
        option: String,
    },
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
