//! The class of a shared item: which organisations a restricted item may be meant for, the
//! class as it is shown, and whether a person may ask for an item of that class now (the
//! same rule the delivery path applies at sending, in `access`).

use super::Ctx;
use super::people::Access;
use crate::domain::sensitivity::{Class, ClassRefusal, Sensitivity, class_allows};
use crate::domain::{AppResult, Organisation};
use crate::storage::memberships;
use crate::storage::sensitivity::{self as store, Item};

/// The member organisations of the mechanisms (observers included), by acronym: those a
/// restricted item may be meant for.
pub async fn member_organisations(ctx: &Ctx, mechanisms: &[i64]) -> AppResult<Vec<Organisation>> {
    let mut out: Vec<Organisation> = Vec::new();
    for m in mechanisms {
        for s in memberships::active_in_mechanism(&ctx.db, *m).await? {
            if !out.iter().any(|o| o.id == s.organisation.id) {
                out.push(s.organisation);
            }
        }
    }
    out.sort_by(|a, b| a.acronym.cmp(&b.acronym));
    Ok(out)
}

/// Checks a class chosen when sharing: a restricted item names at least one organisation,
/// each a member of one of the item's mechanisms.
pub async fn check(ctx: &Ctx, class: &Class, mechanisms: &[i64]) -> AppResult<Class> {
    if class.sensitivity != Sensitivity::Restricted {
        return Ok(Class { sensitivity: class.sensitivity, organisations: vec![] });
    }
    let members: Vec<i64> = member_organisations(ctx, mechanisms).await?.into_iter().map(|o| o.id).collect();
    if class.organisations.is_empty() || class.organisations.iter().any(|o| !members.contains(o)) {
        return Err(ClassRefusal::NoOrganisations.into());
    }
    let mut organisations = class.organisations.clone();
    organisations.sort_unstable();
    organisations.dedup();
    Ok(Class { sensitivity: Sensitivity::Restricted, organisations })
}

/// An item's class and, for a restricted one, its organisations' acronyms.
pub async fn shown(ctx: &Ctx, item: Item) -> AppResult<(Sensitivity, Vec<String>)> {
    let class = store::class(&ctx.db, item).await?;
    let acronyms = store::acronyms(&ctx.db, &class.organisations).await?;
    Ok((class.sensitivity, acronyms))
}

/// Refuses an item the person may not receive because of its class.
pub async fn require_allowed(ctx: &Ctx, access: &Access, item: Item, mechanisms: &[i64]) -> AppResult<()> {
    let class = store::class(&ctx.db, item).await?;
    let orgs: Vec<i64> =
        access.memberships.iter().filter(|s| mechanisms.contains(&s.mechanism.id)).map(|s| s.organisation.id).collect();
    if class_allows(&class, access.coordinator, &orgs) { Ok(()) } else { Err(ClassRefusal::Restricted.into()) }
}
