//! One sample of every catalogue entry, with plausible variables, in three files by feature.

mod alerts;
mod decisions;
mod people;
mod sensitivity;
mod tour;
mod work;

use super::*;

/// One instance of every message of the catalogue.
pub(super) fn samples() -> Vec<Msg> {
    people::samples()
        .into_iter()
        .chain(work::samples())
        .chain(decisions::samples())
        .chain(alerts::samples())
        .chain(tour::samples())
        .chain(sensitivity::samples())
        // Charts and the digest: every message, with empty fields.
        .chain(super::catalogue::ChartsMsg::iter().map(Msg::from))
        // The register and the follow-up: every message, with empty fields.
        .chain(super::catalogue::MemoryMsg::iter().map(Msg::from))
        // Situation items: every message, with empty fields.
        .chain(super::catalogue::SituationsMsg::iter().map(Msg::from))
        .collect()
}
