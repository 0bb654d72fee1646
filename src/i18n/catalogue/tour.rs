//! The tour de table before a meeting: the chair's switch, the request to each member
//! organisation, the answers and the collection sent to the chair (`locales/*/tour.ftl`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum TourText {
    CmdTour,
    TourSettings,
    TourSettingLine { mechanism: String, on: bool },
    BtnTourOn { mechanism: String },
    BtnTourOff { mechanism: String },
    TourNoMechanism,
    TourTurnedOn { mechanism: String },
    TourTurnedOff { mechanism: String },
    TourRequest { org: String, mechanism: String, when: String, until: String, max: usize },
    TourRequestCurrent { org: String, text: String },
    TourRequestCurrentNothing { org: String },
    BtnTourWrite,
    BtnTourNothing,
    TourAskText { org: String, max: usize, replaces: bool },
    TourRecorded { org: String },
    TourReplaced { org: String },
    TourNothingRecorded { org: String },
    TourNothingReplaced { org: String },
    TourEmpty,
    TourTextOnly,
    TourTryAgain,
    TourRefusedNoSeat,
    TourRefusedCancelled,
    TourRefusedClosed,
    TourRefusedOff,
    TourCollected { mechanism: String, when: String, answered: usize, total: usize },
    TourCollectedUpdate { org: String, text: String },
    TourCollectedNothing { org: String },
    TourCollectedSilent { count: usize, list: String },
    TourCollectedAllAnswered,
    TourOrgObserver { org: String },
}
