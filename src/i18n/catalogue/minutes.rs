//! Minutes, shared documents and action points (`locales/*/minutes.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum MinutesMsg {
    InternalLabel,
    CmdDocs,
    LibChooseMechanism,
    LibNothing,
    LibChooseType {
        mechanism: String,
    },
    LibEmpty {
        mechanism: String,
    },
    BtnLibType {
        doc_type: String,
        count: i64,
    },
    LibList {
        mechanism: String,
        doc_type: String,
        page: usize,
        pages: usize,
    },
    BtnLibDoc {
        title: String,
        version: i64,
        date: String,
    },
    BtnLibMinutes {
        date: String,
    },
    BtnLibPrev,
    BtnLibNext,
    BtnLibRetire {
        title: String,
    },
    LibComing,
    LibRetired,
    BtnLibRetype,
    LibChooseNewType {
        title: String,
    },
    LibRetyped {
        doc_type: String,
    },
    BtnLibNewVersion,
    /// Asks for the file of a new version.
    LibSendNewVersion {
        title: String,
    },
    /// A new version filed (`version`: its number) and on its way to the members.
    LibNewVersionDone {
        title: String,
        version: i64,
    },
    BtnShareType {
        on: bool,
        doc_type: String,
    },
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
    /// `chair`: the mechanisms whose chair shared it, or "none" when the coordination did.
    DocumentCaption {
        chair: String,
    },
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
    MnPersonalDataWarning {
        kind: String,
    },
    BtnMnKeepText,
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
}
