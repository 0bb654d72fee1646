//! Displacement alerts to the CMP (`locales/*/alerts.ftl`): the /alert dialog, the validation
//! request, the alert with who is present, the commitment request and reminder, the summary and
//! the lines on the CMP's agenda. A cause or a commitment is passed as its code.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum AlertsMsg {
    CmdAlert,
    AlNotMember,
    AlMenu {
        open: usize,
    },
    BtnAlNew,
    BtnAlValidateId {
        id: i64,
    },
    BtnAlRefuseId {
        id: i64,
    },
    BtnAlCloseId {
        id: i64,
    },
    AlChooseRegion,
    AlChooseCercle {
        region: String,
    },
    AlPcodeUnknown,
    AlAskDate {
        today: String,
    },
    BtnAlToday,
    AlDateUnreadable,
    AlDateFuture,
    AlDateTooOld {
        days: i64,
    },
    AlAskHouseholds {
        max: u32,
    },
    AlHouseholdsNotNumber,
    AlHouseholdsRange {
        min: u32,
        max: u32,
    },
    AlChooseCause,
    AlCause {
        cause: String,
    },
    AlAskVerified,
    AlAskNameable,
    BtnAlYes,
    BtnAlNo,
    AlAskSource {
        max: usize,
    },
    AlSourceLength {
        max: usize,
    },
    /// Boxed: the details are the largest message of the catalogue.
    AlDetails(Box<AlertDetails>),
    AlConfirm,
    BtnAlSend,
    AlRaised {
        id: i64,
    },
    AlValidationRequest {
        id: i64,
        by: String,
    },
    BtnAlValidate,
    BtnAlRefuse,
    BtnAlClose,
    AlValidatedByYou {
        id: i64,
    },
    AlRefusedByYou {
        id: i64,
    },
    AlClosedByYou {
        id: i64,
    },
    AlAlreadyDecided,
    AlAlertHeader {
        id: i64,
        mechanism: String,
    },
    AlPresentHeader,
    AlPresentLine {
        org: String,
        sectors: String,
    },
    AlPresentNone,
    AlCommitRequest {
        id: i64,
        org: String,
    },
    AlCommitReminder {
        id: i64,
        org: String,
    },
    AlCommitment {
        commitment: String,
    },
    AlCommitted {
        org: String,
        commitment: String,
    },
    AlDecidedForRaiser {
        id: i64,
        validated: bool,
    },
    AlSummaryHeader {
        id: i64,
    },
    AlSummaryLine {
        org: String,
        commitment: String,
    },
    AlSummarySilent {
        org: String,
    },
    AlAgendaHeader,
    AlAgendaLine {
        id: i64,
        cercle: String,
        pcode: String,
        date: String,
        households: String,
        validated: bool,
    },
}

/// What an alert says: where, when, how many, why, verified, and the source if it may be named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertDetails {
    pub cercle: String,
    pub pcode: String,
    pub region: String,
    pub date: String,
    pub households: String,
    pub cause: String,
    pub verified: bool,
    pub named: bool,
    pub source: String,
}
