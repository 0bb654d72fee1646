//! The register of decisions and the follow-up carried from meeting to meeting
//! (`locales/*/memory.ftl`). Every variant can be iterated with empty fields (the catalogue
//! tests render each one); an outcome is given as its code (done, carried, dropped, open).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumIter, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum MemoryMsg {
    // The register (/decisions, its export, the review reminder)
    RgHeader,
    RgNone,
    RgRecordedLine { mechanism: String, what: String, details: String, meeting: String },
    RgDetails { org: String, review: String, outcome: String },
    BtnRgXlsx,
    RgXlsxCaption { count: usize },
    RgSheet,
    RgColDate,
    RgColMechanism,
    RgColMeeting,
    RgColKind,
    RgColDecision,
    RgColResult,
    RgColFollowUp,
    RgColReview,
    RgColStatus,
    RgKindVote,
    RgKindRecorded,
    RgVoteResult { leaders: String, counts: String, met: String },
    RgReviewDue { mechanism: String, what: String, org: String, meeting: String },
    // Decisions typed with the minutes
    MnAskDecisions,
    DlShape { line: usize },
    DlWhat { line: usize },
    DlDate { line: usize, date: String },
    DlPast { line: usize, date: String },
    DlOrganisation { line: usize, acronym: String },
    DlPersonalData { line: usize, kind: String },
    DlTooMany,
    MnSummaryDecisions,
    MnSummaryFollowUp,
    // The follow-up
    FuHeader,
    FuLine { decision: bool, what: String, org: String, date: String, late: bool, history: String },
    FuHistoryEntry { date: String, outcome: String },
    FuOutcome { outcome: String },
    FuAsk,
    FuMarkLine { n: usize, outcome: String, line: String },
    BtnFuMark { n: usize, outcome: String },
    BtnFuContinue,
    FuUnmarked { count: usize },
    FuActionsHistory { history: String },
    // The monthly digest
    DigestDecisionsHeading,
    DigestDecisionsLine { count: usize },
}
