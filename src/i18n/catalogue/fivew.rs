//! The 5W: population groups, the spreadsheet template and its round trip in the chat,
//! approval and month locks (`locales/*/fivew.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum FivewMsg {
    FwPopulation {
        group: String,
    },
    FwSheetInstructions {
        org: String,
        mechanism: String,
        month: String,
        boundaries: String,
        rows: usize,
    },
    FwMonthLocked {
        month: String,
    },
    FwReturnedPending,
    FwApprovedNotice {
        org: String,
        mechanism: String,
        month: String,
    },
    FwCorrectedNotice {
        org: String,
        mechanism: String,
        month: String,
        lines: usize,
    },
    BtnFwApprove {
        org: String,
    },
    FwApproveDone {
        org: String,
        month: String,
    },
    CmdLock,
    CmdUnlock,
    FwLockDone {
        month: String,
        locked: bool,
        changed: bool,
    },
    BtnFwSpreadsheet,
    FwSheetCaption {
        org: String,
        mechanism: String,
        month: String,
        rows: usize,
        mb: usize,
    },
    FwSheetWaiting,
    /// `reason`: not-spreadsheet, too-large, too-many-rows, not-template, other-template, empty.
    FwSheetRefused {
        reason: &'static str,
        max: usize,
        org: String,
        month: String,
    },
    /// `bound`: one of [`crate::xlsx::Bound::id`], `string-chars` (a shared string too long) or
    /// `time`; `max` in MB for the byte bounds; `column` the last column allowed; `cell` the
    /// cell at fault.
    FwSheetBound {
        bound: &'static str,
        max: u64,
        column: String,
        cell: String,
    },
    FwSheetErrors {
        count: usize,
        rows: usize,
        shown: usize,
    },
    FwSheetErrorLine {
        row: u32,
        column: String,
        reason: String,
    },
    FwCellReason {
        reason: &'static str,
        max: usize,
    },
    FwSheetRead {
        lines: usize,
    },
    FwAskPopulation,
    FwAskModality {
        sector: String,
    },
    FwAskTargeted,
    FwTargetedBad,
    FwAskPlanCode {
        max: usize,
    },
    BtnFwSameAbove {
        value: String,
    },
    BtnFwSameReached,
    /// The commune of the line, among those of its cercle (buttons, or typed).
    FwAskCommune {
        cercle: String,
    },
    BtnFwCommuneUnknown,
    FwCommuneNotInCercle {
        cercle: String,
    },
    /// A line's place in the review when it has a commune.
    FwPlaceCommune {
        commune: String,
        cercle: String,
    },
    /// Where a paged list of 4W lines is: page, pages, its first and last line, of how many.
    FwReviewPage {
        page: usize,
        pages: usize,
        first: usize,
        last: usize,
        count: usize,
    },
    BtnFwPrevPage {
        page: usize,
    },
    BtnFwNextPage {
        page: usize,
    },
    /// A button of a review that showed an older version of the draft.
    FwStaleScreen,
    FwLinesCap {
        max: usize,
    },
    FwCopyCapped {
        count: usize,
        max: usize,
    },
    FwFixRefused {
        month: String,
    },
}
