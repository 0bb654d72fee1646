//! Samples of the class of shared items and of reuse requests.

use super::super::*;

pub(super) fn samples() -> Vec<Msg> {
    use crate::i18n::catalogue::SensitivityMsg::*;
    let s = |x: &str| x.to_string();
    msgs![
        SnRefused { why: s("restricted") },
        SnRefused { why: s("not_party") },
        BtnSnClass { on: true, class: s("restricted") },
        BtnSnClass { on: false, class: s("public") },
        BtnSnOrg { on: true, org: s("NRC") },
        BtnSnPrev,
        BtnSnNext,
        SnLabel { class: s("restricted"), orgs: s("DRC, NRC") },
        SnLabel { class: s("internal"), orgs: s("") },
        SnChooseClass,
        SnChooseOrgs,
        SnSourceLine { org: s("NRC") },
        BtnSnSource { org: s("NRC") },
        SnChooseSource,
        CmdReuse,
        BtnReuse,
        RuAskPurpose { item: s("Note de plaidoyer"), max: 200 },
        RuAskAudience { max: 200 },
        RuLineBad { max: 200 },
        RuSent { org: s("NRC") },
        RuItemMinutes { mechanism: s("CPN"), date: s("09/11/2026") },
        RuAsk { requester: s("Awa"), item: s("CR CPN du 09/11/2026"), org: s("NRC"), party: s("source") },
        RuPurposeAudience { purpose: s("Rapport bailleur"), audience: s("ECHO") },
        BtnRuApprove,
        BtnRuRefuse,
        RuAskReason { max: 200 },
        RuAnswered { approved: true },
        RuApproved { item: s("CR CPN"), purpose: s("Rapport bailleur"), audience: s("ECHO") },
        RuRefused { item: s("CR CPN"), party: s("coordinator"), reason: s("Trop tôt") },
        RuListHeader,
        RuListNone,
        RuListLine { id: 3, item: s("CR CPN"), state: s("pending"), org: s("NRC"), purpose: s("Rapport bailleur") },
        RuHint,
    ]
}
