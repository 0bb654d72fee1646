//! The library: documents filed with their type, title, languages and date, their versions
//! and retirement, and the bytes of those filed from the command line; the meetings' minutes
//! are listed beside them.

use super::{Db, Tx, from_ts, internal, ts};
use crate::domain::AppResult;
use crate::domain::library::DocType;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// One current document as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryDoc {
    pub id: i64,
    pub doc_type: DocType,
    pub title: String,
    pub languages: Option<String>,
    pub doc_date: Option<String>,
    pub filed_at: DateTime<Utc>,
    /// Earlier versions this one replaces (1 for a first version).
    pub version: i64,
}

#[derive(FromRow)]
struct DocRow {
    id: i64,
    doc_type: String,
    title: String,
    languages: Option<String>,
    doc_date: Option<String>,
    shared_at: i64,
    version: i64,
}

impl From<DocRow> for LibraryDoc {
    fn from(r: DocRow) -> Self {
        LibraryDoc {
            id: r.id,
            doc_type: r.doc_type.parse().unwrap_or(DocType::Other),
            title: r.title,
            languages: r.languages,
            doc_date: r.doc_date,
            filed_at: from_ts(r.shared_at),
            version: r.version,
        }
    }
}

/// Current: not retired, and not replaced by a newer version that is not retired.
const CURRENT: &str = "d.retired_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.replaces_id = d.id AND n.retired_at IS NULL)
    AND EXISTS (SELECT 1 FROM document_mechanisms dm
                WHERE dm.document_id = d.id AND dm.mechanism_id IN (SELECT value FROM json_each(?1)))";

const COLUMNS: &str = "d.id, d.doc_type, COALESCE(d.title, d.file_name, 'Document ' || d.id) AS title,
    d.languages, d.doc_date, d.shared_at,
    (WITH RECURSIVE chain(id, prev) AS (SELECT d.id, d.replaces_id
         UNION ALL SELECT o.id, o.replaces_id FROM documents o JOIN chain c ON o.id = c.prev)
     SELECT COUNT(*) FROM chain) AS version";

fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The current documents of a type in any of the mechanisms, newest first.
pub async fn current(
    db: &Db,
    mechanisms: &[i64],
    doc_type: DocType,
    offset: i64,
    limit: i64,
) -> AppResult<Vec<LibraryDoc>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM documents d WHERE {CURRENT} AND d.doc_type = ?2
         ORDER BY d.shared_at DESC, d.id DESC LIMIT ?3 OFFSET ?4"
    );
    let rows: Vec<DocRow> = sqlx::query_as(&sql)
        .bind(ids_json(mechanisms))
        .bind(doc_type.as_ref())
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// How many current documents of each type the mechanisms hold.
pub async fn counts(db: &Db, mechanisms: &[i64]) -> AppResult<Vec<(DocType, i64)>> {
    let sql = format!("SELECT d.doc_type, COUNT(*) FROM documents d WHERE {CURRENT} GROUP BY d.doc_type");
    let rows: Vec<(String, i64)> =
        sqlx::query_as(&sql).bind(ids_json(mechanisms)).fetch_all(&db.pool).await.map_err(internal)?;
    Ok(rows.into_iter().filter_map(|(t, n)| Some((t.parse().ok()?, n))).collect())
}

/// Every current document of the mechanisms (the command line's list), newest first.
pub async fn all_current(db: &Db, mechanisms: &[i64]) -> AppResult<Vec<(LibraryDoc, Vec<String>)>> {
    let sql = format!("SELECT {COLUMNS} FROM documents d WHERE {CURRENT} ORDER BY d.shared_at DESC, d.id DESC");
    let rows: Vec<DocRow> =
        sqlx::query_as(&sql).bind(ids_json(mechanisms)).fetch_all(&db.pool).await.map_err(internal)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let codes: Vec<String> = sqlx::query_scalar(
            "SELECT m.code FROM document_mechanisms dm JOIN mechanisms m ON m.id = dm.mechanism_id
             WHERE dm.document_id = ? ORDER BY m.sort_order",
        )
        .bind(r.id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
        out.push((r.into(), codes));
    }
    Ok(out)
}

pub async fn by_id(db: &Db, id: i64) -> AppResult<Option<LibraryDoc>> {
    let sql = format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1");
    let row: Option<DocRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&db.pool).await.map_err(internal)?;
    Ok(row.map(Into::into))
}

/// Whether the document is current (listed): not retired nor replaced.
pub async fn is_current(db: &Db, id: i64) -> AppResult<bool> {
    let sql = "SELECT COUNT(*) FROM documents d WHERE d.id = ?1 AND d.retired_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM documents n WHERE n.replaces_id = d.id AND n.retired_at IS NULL)";
    let n: i64 = sqlx::query_scalar(sql).bind(id).fetch_one(&db.pool).await.map_err(internal)?;
    Ok(n > 0)
}

/// What the command line files: the file's bytes, not yet on Telegram.
pub struct NewFiled<'a> {
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub doc_type: DocType,
    pub title: &'a str,
    pub languages: Option<&'a str>,
    pub doc_date: Option<&'a str>,
    pub replaces: Option<i64>,
    pub mechanisms: &'a [i64],
    pub filed_by: Option<i64>,
    pub now: DateTime<Utc>,
}

/// Files a document with its bytes, in the caller's transaction.
pub async fn file_in(tx: &mut Tx, d: NewFiled<'_>) -> AppResult<i64> {
    let c = tx.conn();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO documents (file_id, file_name, caption, shared_by, shared_at, doc_type, title, languages,
                                doc_date, replaces_id)
         VALUES ('', ?, NULL, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(d.file_name)
    .bind(d.filed_by)
    .bind(ts(d.now))
    .bind(d.doc_type.as_ref())
    .bind(d.title)
    .bind(d.languages)
    .bind(d.doc_date)
    .bind(d.replaces)
    .fetch_one(&mut *c)
    .await
    .map_err(internal)?;
    for m in d.mechanisms {
        sqlx::query("INSERT INTO document_mechanisms (document_id, mechanism_id) VALUES (?, ?)")
            .bind(id)
            .bind(m)
            .execute(&mut *c)
            .await
            .map_err(internal)?;
    }
    sqlx::query("INSERT INTO document_contents (document_id, bytes) VALUES (?, ?)")
        .bind(id)
        .bind(d.bytes)
        .execute(&mut *c)
        .await
        .map_err(internal)?;
    Ok(id)
}

/// Sets the type and title of a document shared in the chat (filed when it is shared).
pub async fn classify_in(tx: &mut Tx, id: i64, doc_type: DocType, title: Option<&str>) -> AppResult<()> {
    sqlx::query("UPDATE documents SET doc_type = ?, title = COALESCE(?, title) WHERE id = ?")
        .bind(doc_type.as_ref())
        .bind(title)
        .bind(id)
        .execute(tx.conn())
        .await
        .map_err(internal)?;
    Ok(())
}

/// Makes a document just shared a new version of `old`: it replaces it in the lists and takes
/// its type, title and languages.
pub async fn mark_version_in(tx: &mut Tx, id: i64, old: i64) -> AppResult<()> {
    sqlx::query(
        "UPDATE documents SET replaces_id = o.id, doc_type = o.doc_type, title = o.title, languages = o.languages
         FROM (SELECT id, doc_type, title, languages FROM documents WHERE id = ?) AS o WHERE documents.id = ?",
    )
    .bind(old)
    .bind(id)
    .execute(tx.conn())
    .await
    .map_err(internal)?;
    Ok(())
}

pub async fn retype(db: &Db, id: i64, doc_type: DocType) -> AppResult<bool> {
    let done = sqlx::query("UPDATE documents SET doc_type = ? WHERE id = ?")
        .bind(doc_type.as_ref())
        .bind(id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() > 0)
}

pub async fn retire(db: &Db, id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query("UPDATE documents SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
        .bind(ts(now))
        .bind(id)
        .execute(&db.pool)
        .await
        .map_err(internal)?;
    Ok(done.rows_affected() > 0)
}

/// The bytes of a document filed from the command line.
pub async fn content(db: &Db, id: i64) -> AppResult<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT bytes FROM document_contents WHERE document_id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// Minutes of the mechanisms, newest meeting first: (minutes id, mechanism id, meeting start).
pub async fn minutes_of(db: &Db, mechanisms: &[i64], limit: i64) -> AppResult<Vec<(i64, i64, DateTime<Utc>)>> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT mn.id, m.mechanism_id, m.starts_at FROM minutes mn JOIN meetings m ON m.id = mn.meeting_id
         WHERE m.mechanism_id IN (SELECT value FROM json_each(?)) ORDER BY m.starts_at DESC, mn.id DESC LIMIT ?",
    )
    .bind(ids_json(mechanisms))
    .bind(limit)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(|(id, mech, at)| (id, mech, from_ts(at))).collect())
}

/// (regional cluster, national cluster) pairs: a regional cluster's documents are visible to
/// the national cluster's members, and the national cluster's to the regional clusters'.
pub async fn regional_pairs(db: &Db) -> AppResult<Vec<(i64, i64)>> {
    sqlx::query_as(
        "SELECT c.id, p.id FROM mechanisms c JOIN mechanisms p ON c.parent_code = p.code
         WHERE c.kind = 'regional' AND p.kind = 'national'",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Widens a set of mechanisms by the national ↔ regional pairs.
pub async fn with_related(db: &Db, ids: &[i64]) -> AppResult<Vec<i64>> {
    let mut out = ids.to_vec();
    for (regional, national) in regional_pairs(db).await? {
        if ids.contains(&national) {
            out.push(regional);
        }
        if ids.contains(&regional) {
            out.push(national);
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}
