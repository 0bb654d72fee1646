//! Documents shared in the chat with `/share`: who may share with which mechanisms (a
//! coordinator with any, a chair with those they chair) and the filing, class and distribution
//! of the document, written together.

use super::Ctx;
use super::people::Access;
use crate::domain::jobs::Job;
use crate::domain::{AppError, AppResult, Role};

/// Whether the person may share a document with all these mechanisms: a coordinator with any,
/// a chair with those they chair.
pub fn may_share_with(access: &Access, mechanism_ids: &[i64]) -> bool {
    access.coordinator || mechanism_ids.iter().all(|m| access.chairs(*m))
}

/// Whether the person may open /share at all: a coordinator, or the chair of a mechanism.
pub fn may_share(access: &Access) -> bool {
    access.coordinator || access.memberships.iter().any(|s| s.role == Role::Chair)
}

/// A coordinator (or a chair, with the mechanisms they chair) shares a document, e.g. from
/// OCHA, with one or more mechanisms.
/// The type and the class travel with the file: one argument each keeps the callers plain.
#[allow(clippy::too_many_arguments)]
pub async fn share_document(
    ctx: &Ctx,
    access: &Access,
    file_id: &str,
    file_name: Option<&str>,
    caption: Option<&str>,
    mechanism_ids: &[i64],
    doc_type: crate::domain::library::DocType,
    class: &crate::domain::sensitivity::Class,
) -> AppResult<i64> {
    if mechanism_ids.is_empty() {
        return Err(AppError::NotFound);
    }
    // A coordinator shares with any mechanism; a chair with the mechanisms they chair.
    if !may_share_with(access, mechanism_ids) {
        return Err(AppError::NotAllowed);
    }
    if caption.is_some_and(|c| c.chars().count() > 500) {
        return Err(AppError::TextTooLong { max: 500 });
    }
    if let Some(kind) = caption.and_then(crate::domain::personal_data::detect) {
        return Err(AppError::PersonalData(kind));
    }
    let class = super::sensitivity::check(ctx, class, mechanism_ids).await?;
    // The source organisation: the one the sharer sits for in these mechanisms.
    let source = super::minutes::source_seat(access, mechanism_ids);
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let id = crate::storage::minutes::insert_document_in(
        &mut tx,
        file_id,
        file_name,
        caption,
        mechanism_ids,
        Some(access.person.id),
        now,
    )
    .await?;
    // Filed in the library with it.
    crate::storage::library::classify_in(&mut tx, id, doc_type, None).await?;
    crate::storage::sensitivity::set_in(&mut tx, crate::storage::sensitivity::Item::Document(id), &class, source)
        .await?;
    crate::storage::jobs::enqueue_in(
        &mut tx,
        &format!("doc{id}:distribute"),
        &Job::DistributeDocument { document_id: id },
        now,
        now,
    )
    .await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(id)
}
