//! The monthly 4W: /report, the cycle, review, exports, who does what where (`locales/*/report.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum ReportMsg {
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
    /// The note of an exported workbook; `shared` is "yes" (small numbers hidden) or "no".
    FwExportNote {
        shared: &'static str,
        threshold: i64,
    },
    FwExportNoteSheet,
    BtnFwExportShared,
    FwExportSharedCaption {
        month: String,
        scope: String,
        threshold: i64,
    },
    CmdReport,
    CmdExport,
    CmdReview,
    #[strum(serialize = "cmd-wherewho")]
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
}
