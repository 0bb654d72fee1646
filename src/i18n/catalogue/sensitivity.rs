//! The class of shared items and reuse requests (`locales/*/sensitivity.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum SensitivityMsg {
    /// A refusal about a class or a reuse request (`why`: a `ClassRefusal` in snake_case).
    SnRefused {
        why: String,
    },
    /// A class button (`class`: internal, restricted, public).
    BtnSnClass {
        on: bool,
        class: String,
    },
    BtnSnOrg {
        on: bool,
        org: String,
    },
    BtnSnPrev,
    BtnSnNext,
    /// The class shown on an item (`orgs`: the acronyms of a restricted item).
    SnLabel {
        class: String,
        orgs: String,
    },
    SnChooseClass,
    SnChooseOrgs,
    /// The source of minutes, asked before any reuse (`org`: its acronym).
    SnSourceLine {
        org: String,
    },
    /// The button that opens the list of organisations to name another source.
    BtnSnSource {
        org: String,
    },
    SnChooseSource,
    CmdReuse,
    BtnReuse,
    RuAskPurpose {
        item: String,
        max: usize,
    },
    RuAskAudience {
        max: usize,
    },
    RuLineBad {
        max: usize,
    },
    RuSent {
        org: String,
    },
    RuItemMinutes {
        mechanism: String,
        date: String,
    },
    RuAsk {
        requester: String,
        item: String,
        org: String,
        party: String,
    },
    RuPurposeAudience {
        purpose: String,
        audience: String,
    },
    BtnRuApprove,
    BtnRuRefuse,
    RuAskReason {
        max: usize,
    },
    RuAnswered {
        approved: bool,
    },
    RuApproved {
        item: String,
        purpose: String,
        audience: String,
    },
    RuRefused {
        item: String,
        party: String,
        reason: String,
    },
    RuListHeader,
    RuListNone,
    RuListLine {
        id: i64,
        item: String,
        state: String,
        org: String,
        purpose: String,
    },
    RuHint,
}
