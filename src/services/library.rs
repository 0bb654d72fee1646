//! The library (`/docs`): every document shared by `/share` or filed from the command line,
//! with its mechanism, type, title, languages and date; a newer version replaces the older in
//! lists (both are kept); the meetings' minutes are listed under "minutes". A member browses
//! the mechanisms whose internal matters they see (observer policy), with the national and
//! regional clusters' documents visible to each other's members, and receives a document
//! through the one delivery path, checked again when it is sent.

use super::Ctx;
use super::meetings::Actor;
use super::people::Access;
use crate::domain::jobs::Outgoing;
use crate::domain::library::{self, DocType, TitleError};
use crate::domain::{AppError, AppResult, Mechanism};
use crate::storage::library::{self as store, LibraryDoc};
use crate::storage::sensitivity::Item as ClassItem;
use crate::storage::{minutes, reference};
use chrono::{DateTime, Utc};

/// Requests one person may make in ten minutes (each queues a file to send).
pub const REQUESTS: crate::domain::rate::RateLimit =
    crate::domain::rate::RateLimit { max: 10, window: chrono::Duration::minutes(10) };

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Document(LibraryDoc),
    Minutes { minutes_id: i64, mechanism_id: i64, meeting_at: DateTime<Utc> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Item>,
    pub page: usize,
    pub pages: usize,
}

/// The mechanisms whose library the person sees.
pub async fn visible_mechanisms(ctx: &Ctx, access: &Access) -> AppResult<Vec<Mechanism>> {
    access.require_member()?;
    let inside = super::people::internal_mechanisms(ctx, access).await?;
    let ids = store::with_related(&ctx.db, &inside).await?;
    Ok(reference::mechanisms(&ctx.db).await?.into_iter().filter(|m| ids.contains(&m.id)).collect())
}

async fn require_visible(ctx: &Ctx, access: &Access, mechanism_id: i64) -> AppResult<()> {
    if visible_mechanisms(ctx, access).await?.iter().any(|m| m.id == mechanism_id) {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

/// The types the mechanism's library holds, with how many current documents each.
pub async fn types(ctx: &Ctx, access: &Access, mechanism_id: i64) -> AppResult<Vec<(DocType, i64)>> {
    require_visible(ctx, access, mechanism_id).await?;
    let mut counts = store::counts(&ctx.db, &[mechanism_id]).await?;
    let minutes = i64::try_from(store::minutes_of(&ctx.db, &[mechanism_id], 1000).await?.len()).unwrap_or(0);
    match counts.iter_mut().find(|(t, _)| *t == DocType::Minutes) {
        Some((_, n)) => *n = n.saturating_add(minutes),
        None if minutes > 0 => counts.push((DocType::Minutes, minutes)),
        None => {}
    }
    use strum::IntoEnumIterator;
    let order: Vec<DocType> = DocType::iter().collect();
    counts.sort_by_key(|(t, _)| order.iter().position(|o| o == t));
    Ok(counts)
}

/// A page of a mechanism's documents of one type, newest first.
pub async fn list(ctx: &Ctx, access: &Access, mechanism_id: i64, doc_type: DocType, page: usize) -> AppResult<Page> {
    require_visible(ctx, access, mechanism_id).await?;
    let mut items: Vec<Item> =
        store::current(&ctx.db, &[mechanism_id], doc_type, 0, 1000).await?.into_iter().map(Item::Document).collect();
    if doc_type == DocType::Minutes {
        for (minutes_id, mechanism_id, meeting_at) in store::minutes_of(&ctx.db, &[mechanism_id], 1000).await? {
            items.push(Item::Minutes { minutes_id, mechanism_id, meeting_at });
        }
        items.sort_by_key(|i| {
            std::cmp::Reverse(match i {
                Item::Document(d) => d.filed_at,
                Item::Minutes { meeting_at, .. } => *meeting_at,
            })
        });
    }
    let pages = items.len().div_ceil(library::PAGE).max(1);
    let page = page.min(pages - 1);
    let items = items.into_iter().skip(page * library::PAGE).take(library::PAGE).collect();
    Ok(Page { items, page, pages })
}

/// What was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Document(i64),
    Minutes(i64),
}

/// Queues the document (or minutes) to the person who asked: only a current document of a
/// mechanism they see; at most [`REQUESTS`] in ten minutes.
pub async fn request(ctx: &Ctx, access: &Access, wanted: Wanted) -> AppResult<()> {
    let visible: Vec<i64> = visible_mechanisms(ctx, access).await?.into_iter().map(|m| m.id).collect();
    let message = match wanted {
        Wanted::Document(id) => {
            let mechs = minutes::document_mechanisms(&ctx.db, id).await?;
            if !mechs.iter().any(|m| visible.contains(m)) {
                return Err(AppError::NotAllowed);
            }
            if !store::is_current(&ctx.db, id).await? {
                return Err(AppError::NotFound);
            }
            super::sensitivity::require_allowed(ctx, access, ClassItem::Document(id), &mechs).await?;
            Outgoing::Document { document_id: id }
        }
        Wanted::Minutes(id) => {
            let mn = minutes::by_id(&ctx.db, id).await?.ok_or(AppError::NotFound)?;
            let m = super::meetings::get(ctx, mn.meeting_id).await?;
            if !visible.contains(&m.mechanism.id) {
                return Err(AppError::NotAllowed);
            }
            super::sensitivity::require_allowed(ctx, access, ClassItem::Minutes(id), &[m.mechanism.id]).await?;
            Outgoing::Minutes { minutes_id: id }
        }
    };
    let prefix = format!("lib:p{}:", access.person.id);
    let recent = super::outbox::within(ctx, &prefix, REQUESTS).await?;
    let key = format!("{prefix}{}:n{recent}", ctx.clock.now().timestamp_millis());
    super::outbox::deliver(ctx, key, access.person.id, message).await?;
    ctx.wake.notify_one();
    Ok(())
}

/// A document filed from the command line.
pub struct Filing<'a> {
    pub mechanisms: &'a [Mechanism],
    pub doc_type: DocType,
    pub title: &'a str,
    pub languages: Option<&'a str>,
    pub doc_date: Option<chrono::NaiveDate>,
    pub replaces: Option<i64>,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    /// Its class (restricted: to these organisations) and the organisation it comes from.
    pub class: crate::domain::sensitivity::Class,
    pub source: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum FilingError {
    #[error("{0}")]
    Title(#[from] TitleError),
    #[error("the file is empty or larger than {} MB", library::MAX_FILE_BYTES / 1024 / 1024)]
    Size,
    #[error("name at least one mechanism")]
    NoMechanism,
    #[error("languages are fr, en or both (fr,en)")]
    Languages,
    #[error("a restricted document names at least one organisation (--org) that is a member of its mechanisms")]
    Restricted,
    #[error("document {0} does not exist or is retired: it cannot be replaced")]
    Replaces(i64),
}

/// Files a document (a coordinator or the command line); a new version names the one it
/// replaces. The document is not sent to anyone: members find it in `/docs`.
pub async fn file(ctx: &Ctx, actor: Actor<'_>, f: Filing<'_>) -> AppResult<Result<i64, FilingError>> {
    let by = super::admin::require_coordinator(actor)?;
    let title = match library::parse_title(f.title) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.into())),
    };
    if f.bytes.is_empty() || f.bytes.len() > library::MAX_FILE_BYTES {
        return Ok(Err(FilingError::Size));
    }
    if f.mechanisms.is_empty() {
        return Ok(Err(FilingError::NoMechanism));
    }
    let languages = match f.languages.map(str::trim).filter(|l| !l.is_empty()) {
        None => None,
        Some(l) => {
            let mut langs: Vec<&str> = l.split(',').map(str::trim).collect();
            if langs.iter().any(|x| !matches!(*x, "fr" | "en")) {
                return Ok(Err(FilingError::Languages));
            }
            langs.sort_unstable();
            langs.dedup();
            Some(langs.join(","))
        }
    };
    if let Some(old) = f.replaces {
        let exists = store::by_id(&ctx.db, old).await?.is_some() && store::is_current(&ctx.db, old).await?;
        if !exists {
            return Ok(Err(FilingError::Replaces(old)));
        }
    }
    let ids: Vec<i64> = f.mechanisms.iter().map(|m| m.id).collect();
    let class = match super::sensitivity::check(ctx, &f.class, &ids).await {
        Ok(c) => c,
        Err(_) => return Ok(Err(FilingError::Restricted)),
    };
    let date = f.doc_date.map(|d| d.format("%Y-%m-%d").to_string());
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let id = store::file_in(
        &mut tx,
        store::NewFiled {
            file_name: f.file_name,
            bytes: f.bytes,
            doc_type: f.doc_type,
            title: &title,
            languages: languages.as_deref(),
            doc_date: date.as_deref(),
            replaces: f.replaces,
            mechanisms: &ids,
            filed_by: by,
            now,
        },
    )
    .await?;
    crate::storage::sensitivity::set_in(&mut tx, ClassItem::Document(id), &class, f.source).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Who may re-type or retire a document: a coordinator, or a chair of one of its mechanisms.
async fn may_manage(ctx: &Ctx, actor: Actor<'_>, id: i64) -> AppResult<bool> {
    let mechs = minutes::document_mechanisms(&ctx.db, id).await?;
    if mechs.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(match actor {
        Actor::CommandLine => true,
        Actor::Person(a) => a.coordinator || mechs.iter().any(|m| a.chairs(*m)),
    })
}

/// Retires a document: it leaves the lists (an earlier version, if any, is listed again).
pub async fn retire(ctx: &Ctx, actor: Actor<'_>, id: i64) -> AppResult<bool> {
    if !may_manage(ctx, actor, id).await? {
        return Err(AppError::NotAllowed);
    }
    store::retire(&ctx.db, id, ctx.clock.now()).await
}

/// Files a document under another type (minutes are the meetings' own, never a document's).
pub async fn retype(ctx: &Ctx, actor: Actor<'_>, id: i64, doc_type: DocType) -> AppResult<bool> {
    if !may_manage(ctx, actor, id).await? {
        return Err(AppError::NotAllowed);
    }
    if doc_type == DocType::Minutes || !store::is_current(&ctx.db, id).await? {
        return Err(AppError::NotFound);
    }
    store::retype(&ctx.db, id, doc_type).await
}

/// A current document the person may re-type or retire.
pub async fn managed(ctx: &Ctx, access: &Access, id: i64) -> AppResult<LibraryDoc> {
    if !may_manage(ctx, Actor::Person(access), id).await? {
        return Err(AppError::NotAllowed);
    }
    if !store::is_current(&ctx.db, id).await? {
        return Err(AppError::NotFound);
    }
    store::by_id(&ctx.db, id).await?.ok_or(AppError::NotFound)
}

/// A new version of a current document, sent in the chat by a coordinator or a chair of one of
/// its mechanisms: it keeps the document's mechanisms, type, title, class and source, replaces
/// it in the lists, and goes to the members like a shared document (checked at sending). The
/// document, its class and its distribution are written together.
pub async fn new_version(
    ctx: &Ctx,
    access: &Access,
    old: i64,
    file_id: &str,
    file_name: Option<&str>,
    caption: Option<&str>,
) -> AppResult<(i64, LibraryDoc)> {
    managed(ctx, access, old).await?;
    if caption.is_some_and(|c| c.chars().count() > 500) {
        return Err(AppError::TextTooLong { max: 500 });
    }
    if let Some(kind) = caption.and_then(crate::domain::personal_data::detect) {
        return Err(AppError::PersonalData(kind));
    }
    let mechanisms = minutes::document_mechanisms(&ctx.db, old).await?;
    let class = crate::storage::sensitivity::class(&ctx.db, ClassItem::Document(old)).await?;
    let source = crate::storage::sensitivity::source(&ctx.db, ClassItem::Document(old)).await?;
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let id =
        minutes::insert_document_in(&mut tx, file_id, file_name, caption, &mechanisms, Some(access.person.id), now)
            .await?;
    store::mark_version_in(&mut tx, id, old).await?;
    crate::storage::sensitivity::set_in(&mut tx, ClassItem::Document(id), &class, source).await?;
    crate::storage::jobs::enqueue_in(
        &mut tx,
        &format!("doc{id}:distribute"),
        &crate::domain::jobs::Job::DistributeDocument { document_id: id },
        now,
        now,
    )
    .await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    let filed = store::by_id(&ctx.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((id, filed))
}

/// Whether the person may re-type or retire this document (shows the buttons).
pub async fn manages(ctx: &Ctx, access: &Access, id: i64) -> AppResult<bool> {
    may_manage(ctx, Actor::Person(access), id).await
}

/// The command line's list: every current document, with its mechanisms.
pub async fn list_all(
    ctx: &Ctx,
    mechanism: Option<&Mechanism>,
    doc_type: Option<DocType>,
) -> AppResult<Vec<(LibraryDoc, Vec<String>)>> {
    let ids: Vec<i64> = match mechanism {
        Some(m) => vec![m.id],
        None => reference::mechanisms(&ctx.db).await?.into_iter().map(|m| m.id).collect(),
    };
    Ok(store::all_current(&ctx.db, &ids)
        .await?
        .into_iter()
        .filter(|(d, _)| doc_type.is_none_or(|t| d.doc_type == t))
        .collect())
}
