//! Situation items of the regional clusters: the /situation dialog, the regional chair's
//! validation and the message to the national cluster (`locales/*/situation.ftl`). Every
//! variant can be iterated with empty fields (the catalogue tests render each one).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, strum::IntoStaticStr, strum::EnumIter, strum::EnumDiscriminants)]
#[strum(serialize_all = "kebab-case")]
#[strum_discriminants(derive(strum::EnumIter))]
pub enum SituationsMsg {
    CmdSituation,
    StNotRegional,
    StChooseMechanism,
    StChoosePlace {
        mechanism: String,
    },
    StPlaceUnknown {
        pcode: String,
        mechanism: String,
    },
    StChooseTheme {
        place: String,
    },
    StAskText {
        max: usize,
    },
    StTextEmpty,
    StTextTooLong {
        max: usize,
        length: usize,
    },
    StTextParagraph,
    StChooseVerified,
    BtnStVerified,
    BtnStNotVerified,
    StChooseSource,
    BtnStSourceNo,
    BtnStSourceYes,
    StSummary {
        mechanism: String,
        place: String,
        theme: String,
        text: String,
        verified: bool,
        source: bool,
    },
    BtnStPost,
    StPosted {
        mechanism: String,
    },
    StToValidate {
        org: String,
        place: String,
        theme: String,
        text: String,
        verified: bool,
        source: bool,
    },
    BtnStValidate,
    BtnStRefuse,
    StValidatedBy {
        name: String,
    },
    StRefusedBy {
        name: String,
    },
    StAlreadyDecided,
    /// The paragraph boxed: the catalogue's messages stay small enough to be passed by value.
    StToNational {
        mechanism: String,
        place: String,
        theme: String,
        text: Box<str>,
        verified: bool,
        source: String,
    },
    StSourceWithheld,
    StDecidedValidated {
        mechanism: String,
        place: String,
        theme: String,
    },
    StDecidedRefused {
        mechanism: String,
        place: String,
        theme: String,
    },
}
