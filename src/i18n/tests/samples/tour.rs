//! Samples of the tour de table messages.

use super::super::*;

pub(super) fn samples() -> Vec<Msg> {
    use crate::i18n::catalogue::TourText::*;
    let s = |x: &str| x.to_string();
    msgs![
        CmdTour,
        TourSettings,
        TourSettingLine { mechanism: s("CPN"), on: true },
        TourSettingLine { mechanism: s("CPN"), on: false },
        BtnTourOn { mechanism: s("CPN") },
        BtnTourOff { mechanism: s("CPN") },
        TourNoMechanism,
        TourTurnedOn { mechanism: s("CPN") },
        TourTurnedOff { mechanism: s("CPN") },
        TourRequest {
            org: s("NRC"),
            mechanism: s("Cluster Protection national"),
            when: s("mar. 10/11/2026 à 10:00 (120 min)"),
            until: s("10/11/2026 08:00"),
            max: 600
        },
        TourRequestCurrent { org: s("NRC"), text: s("Distribution terminée à Gao.") },
        TourRequestCurrentNothing { org: s("NRC") },
        BtnTourWrite,
        BtnTourNothing,
        TourAskText { org: s("NRC"), max: 600, replaces: true },
        TourAskText { org: s("NRC"), max: 600, replaces: false },
        TourRecorded { org: s("NRC") },
        TourReplaced { org: s("NRC") },
        TourNothingRecorded { org: s("IRC") },
        TourNothingReplaced { org: s("IRC") },
        TourEmpty,
        TourTextOnly,
        TourTryAgain,
        TourRefusedNoSeat,
        TourRefusedCancelled,
        TourRefusedClosed,
        TourRefusedOff,
        TourCollected { mechanism: s("CPN"), when: s("10/11/2026 10:00"), answered: 3, total: 5 },
        TourCollectedUpdate { org: s("NRC"), text: s("Distribution terminée à Gao.") },
        TourCollectedNothing { org: s("IRC") },
        TourCollectedSilent { count: 2, list: s("DRC, CICR (obs.)") },
        TourCollectedAllAnswered,
        TourOrgObserver { org: s("CICR") },
    ]
}
