use super::reference::{MechRow, OrgRow};
use super::{Db, from_ts, internal, is_unique_violation, ts};
use crate::domain::{AppError, AppResult, Invitation, Mechanism, MembershipView, Person, Role};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

#[derive(FromRow)]
struct ViewRow {
    id: i64,
    person_id: i64,
    telegram_id: i64,
    person_name: String,
    role: String,
    accepted_at: i64,
    o_id: i64,
    o_acronym: String,
    o_full_name: String,
    o_kind: String,
    o_observer: bool,
    o_observer_reports: bool,
    m_id: i64,
    m_code: String,
    m_name_fr: String,
    m_name_en: String,
}

impl From<ViewRow> for MembershipView {
    fn from(r: ViewRow) -> Self {
        MembershipView {
            id: r.id,
            person_id: r.person_id,
            telegram_id: r.telegram_id,
            person_name: r.person_name,
            organisation: OrgRow {
                id: r.o_id,
                acronym: r.o_acronym,
                full_name: r.o_full_name,
                kind: r.o_kind,
                observer: r.o_observer,
                observer_reports: r.o_observer_reports,
            }
            .into(),
            mechanism: MechRow { id: r.m_id, code: r.m_code, name_fr: r.m_name_fr, name_en: r.m_name_en }.into(),
            role: Role::parse(&r.role).unwrap_or(Role::Focal),
            accepted_at: from_ts(r.accepted_at),
        }
    }
}

const SELECT: &str = "SELECT ms.id, ms.person_id, p.telegram_id, p.display_name AS person_name, ms.role,
        ms.principles_accepted_at AS accepted_at,
        o.id AS o_id, o.acronym AS o_acronym, o.full_name AS o_full_name, o.kind AS o_kind, o.observer AS o_observer, o.observer_reports AS o_observer_reports,
        m.id AS m_id, m.code AS m_code, m.name_fr AS m_name_fr, m.name_en AS m_name_en
    FROM memberships ms
    JOIN people p ON p.id = ms.person_id
    JOIN organisations o ON o.id = ms.organisation_id
    JOIN mechanisms m ON m.id = ms.mechanism_id
    WHERE ms.status = 'active'";

const ORDER: &str = "ORDER BY m.sort_order, o.observer, o.acronym COLLATE NOCASE,
        CASE ms.role WHEN 'chair' THEN 0 WHEN 'focal' THEN 1 ELSE 2 END";

pub async fn active_for_person(db: &Db, person_id: i64) -> AppResult<Vec<MembershipView>> {
    let rows: Vec<ViewRow> = sqlx::query_as(&format!("{SELECT} AND ms.person_id = ? {ORDER}"))
        .bind(person_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn active_in_mechanism(db: &Db, mechanism_id: i64) -> AppResult<Vec<MembershipView>> {
    let rows: Vec<ViewRow> = sqlx::query_as(&format!("{SELECT} AND ms.mechanism_id = ? {ORDER}"))
        .bind(mechanism_id)
        .fetch_all(&db.pool)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn all_active(db: &Db) -> AppResult<Vec<MembershipView>> {
    let rows: Vec<ViewRow> =
        sqlx::query_as(&format!("{SELECT} {ORDER}")).fetch_all(&db.pool).await.map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn seat_holder(
    db: &Db,
    organisation_id: i64,
    mechanism_id: i64,
    role: Role,
) -> AppResult<Option<MembershipView>> {
    let row: Option<ViewRow> =
        sqlx::query_as(&format!("{SELECT} AND ms.organisation_id = ? AND ms.mechanism_id = ? AND ms.role = ?"))
            .bind(organisation_id)
            .bind(mechanism_id)
            .bind(role.as_str())
            .fetch_optional(&db.pool)
            .await
            .map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn by_id_active(db: &Db, id: i64) -> AppResult<Option<MembershipView>> {
    let row: Option<ViewRow> =
        sqlx::query_as(&format!("{SELECT} AND ms.id = ?")).bind(id).fetch_optional(&db.pool).await.map_err(internal)?;
    Ok(row.map(Into::into))
}

pub async fn chaired_mechanisms(db: &Db, person_id: i64) -> AppResult<Vec<Mechanism>> {
    let rows: Vec<MechRow> = sqlx::query_as(
        "SELECT DISTINCT m.id, m.code, m.name_fr, m.name_en FROM mechanisms m
         JOIN memberships ms ON ms.mechanism_id = m.id
         WHERE ms.person_id = ? AND ms.status = 'active' AND ms.role = 'chair'
         ORDER BY m.sort_order",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Uses the invitation and makes the membership active, in one transaction.
/// The invitation must still be unused and unexpired at `now`; a taken seat is refused
/// unless the invitation was made by a coordinator to replace its holder, and so is a person
/// who holds a seat of another organisation in the mechanism.
/// Returns the new membership's id and the people it replaced.
pub async fn accept_invitation(
    db: &Db,
    inv: &Invitation,
    person: &Person,
    now: DateTime<Utc>,
) -> AppResult<(i64, Vec<i64>)> {
    let mut tx = super::write_tx(db).await?;
    // One person speaks for one organisation in a mechanism: a seat there for another
    // organisation (chair included) refuses the invitation, which stays unused.
    let other: Option<String> = sqlx::query_scalar(
        "SELECT o.acronym FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id
         WHERE ms.person_id = ? AND ms.mechanism_id = ? AND ms.organisation_id <> ? AND ms.status = 'active'
         ORDER BY ms.id LIMIT 1",
    )
    .bind(person.id)
    .bind(inv.mechanism.id)
    .bind(inv.organisation.id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?;
    if let Some(other) = other {
        return Err(AppError::SeatOfAnotherOrganisation {
            org: inv.organisation.acronym.clone(),
            mechanism: inv.mechanism.code.clone(),
            other,
        });
    }
    let used = sqlx::query(
        "UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?",
    )
    .bind(ts(now))
    .bind(person.id)
    .bind(inv.id)
    .bind(ts(now))
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    if used.rows_affected() != 1 {
        let used_at: Option<Option<i64>> = sqlx::query_scalar("SELECT used_at FROM invitations WHERE id = ?")
            .bind(inv.id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(internal)?;
        return Err(match used_at {
            None => AppError::InvitationUnknown,
            Some(Some(_)) => AppError::InvitationUsed,
            Some(None) => AppError::InvitationExpired,
        });
    }
    let already: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM memberships WHERE person_id = ? AND mechanism_id = ? AND role = ? AND status = 'active'",
    )
    .bind(person.id)
    .bind(inv.mechanism.id)
    .bind(inv.role.as_str())
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?;
    if already.is_some() {
        return Err(AppError::AlreadyMember {
            org: inv.organisation.acronym.clone(),
            mechanism: inv.mechanism.code.clone(),
            role: inv.role,
        });
    }
    let mut replaced = Vec::new();
    if inv.role.is_single_seat() && inv.replace_existing {
        replaced = sqlx::query_scalar(
            "UPDATE memberships SET status = 'replaced', end_reason = 'replaced', ended_at = ?
             WHERE organisation_id = ? AND mechanism_id = ? AND role = ? AND status = 'active'
             RETURNING person_id",
        )
        .bind(ts(now))
        .bind(inv.organisation.id)
        .bind(inv.mechanism.id)
        .bind(inv.role.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(internal)?;
    }
    let inserted = sqlx::query_scalar(
        "INSERT INTO memberships (person_id, organisation_id, mechanism_id, role, status, principles_accepted_at, invitation_id, started_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?) RETURNING id",
    )
    .bind(person.id)
    .bind(inv.organisation.id)
    .bind(inv.mechanism.id)
    .bind(inv.role.as_str())
    .bind(ts(now))
    .bind(inv.id)
    .bind(ts(now))
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            let holder = seat_holder(db, inv.organisation.id, inv.mechanism.id, inv.role).await?;
            return Err(AppError::SeatTaken {
                org: inv.organisation.acronym.clone(),
                mechanism: inv.mechanism.code.clone(),
                role: inv.role,
                holder: holder.map(|h| h.person_name).unwrap_or_default(),
            });
        }
        Err(e) => return Err(internal(e)),
    };
    tx.commit().await.map_err(internal)?;
    Ok((id, replaced))
}

/// Ends one of the person's own active memberships. Returns false when there was none.
pub async fn leave(db: &Db, membership_id: i64, person_id: i64, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET status = 'left', end_reason = 'left', ended_at = ?
         WHERE id = ? AND person_id = ? AND status = 'active'",
    )
    .bind(ts(now))
    .bind(membership_id)
    .bind(person_id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Ends a membership on someone else's decision (`removed`) or by erasure (`erased`).
/// Returns false when it was no longer active.
pub async fn end(db: &Db, membership_id: i64, reason: &str, by: Option<i64>, now: DateTime<Utc>) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE memberships SET status = 'left', end_reason = ?, ended_by = ?, ended_at = ?
         WHERE id = ? AND status = 'active'",
    )
    .bind(reason)
    .bind(by)
    .bind(ts(now))
    .bind(membership_id)
    .execute(&db.pool)
    .await
    .map_err(internal)?;
    Ok(done.rows_affected() == 1)
}

/// Makes a person chair of a mechanism for their organisation (they accepted the
/// principles when they joined: that acceptance is kept).
pub async fn add_chair(
    db: &Db,
    person_id: i64,
    organisation_id: i64,
    mechanism_id: i64,
    principles_accepted_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<Option<i64>> {
    let inserted = sqlx::query_scalar(
        "INSERT INTO memberships (person_id, organisation_id, mechanism_id, role, status, principles_accepted_at, started_at)
         VALUES (?, ?, ?, 'chair', 'active', ?, ?) RETURNING id",
    )
    .bind(person_id)
    .bind(organisation_id)
    .bind(mechanism_id)
    .bind(ts(principles_accepted_at))
    .bind(ts(now))
    .fetch_one(&db.pool)
    .await;
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(internal(e)),
    }
}

/// Active memberships per mechanism (code) and role, zeros included, in the mechanisms' order.
pub async fn counts_by_mechanism(db: &Db) -> AppResult<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "SELECT m.code, r.role, COUNT(ms.id)
         FROM mechanisms m
         CROSS JOIN (SELECT 'focal' AS role UNION ALL SELECT 'alternate' UNION ALL SELECT 'chair') r
         LEFT JOIN memberships ms ON ms.mechanism_id = m.id AND ms.role = r.role AND ms.status = 'active'
         GROUP BY m.id, r.role
         ORDER BY m.sort_order, m.code, CASE r.role WHEN 'chair' THEN 0 WHEN 'focal' THEN 1 ELSE 2 END",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// The mechanisms in which a person holds an active membership (ids, without repeats).
pub async fn active_mechanism_ids(db: &Db, person_id: i64) -> AppResult<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT DISTINCT mechanism_id FROM memberships WHERE person_id = ? AND status = 'active' ORDER BY mechanism_id",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}
