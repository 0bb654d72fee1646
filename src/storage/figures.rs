//! Read-only aggregates for the charts and the monthly digest: people reached per region and
//! sector, per month, and the action points agreed at meetings of a period.

use super::{Db, internal, ts};
use crate::domain::AppResult;
use crate::domain::fourw::ReportingMonth;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// People reached in one region and one sector in a month (every line of every organisation).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReachRow {
    pub region_pcode: String,
    pub region: String,
    pub sector: String,
    pub girls: i64,
    pub boys: i64,
    pub women: i64,
    pub men: i64,
    pub disabled: i64,
}

impl ReachRow {
    pub fn total(&self) -> i64 {
        self.girls + self.boys + self.women + self.men
    }
}

/// The month's reach per region and sector (optionally of one mechanism), by region P-code.
pub async fn reach(db: &Db, month: ReportingMonth, mechanism: Option<i64>) -> AppResult<Vec<ReachRow>> {
    sqlx::query_as(
        "SELECT l.region_pcode, r.name AS region, l.sector_code AS sector,
                SUM(l.girls) AS girls, SUM(l.boys) AS boys, SUM(l.women) AS women, SUM(l.men) AS men,
                SUM(l.disabled) AS disabled
         FROM fourw_lines l
         JOIN fourw_submissions s ON s.id = l.submission_id
         JOIN admin_units r ON r.pcode = l.region_pcode
         WHERE s.month = ?1 AND (?2 IS NULL OR s.mechanism_id = ?2)
         GROUP BY l.region_pcode, l.sector_code
         ORDER BY l.region_pcode, l.sector_code",
    )
    .bind(month.to_string())
    .bind(mechanism)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// People reached per month from `from` to `to` included (months without lines are absent).
pub async fn reach_by_month(
    db: &Db,
    from: ReportingMonth,
    to: ReportingMonth,
    mechanism: Option<i64>,
) -> AppResult<Vec<(String, i64)>> {
    sqlx::query_as(
        "SELECT s.month, SUM(l.girls + l.boys + l.women + l.men)
         FROM fourw_lines l JOIN fourw_submissions s ON s.id = l.submission_id
         WHERE s.month >= ?1 AND s.month <= ?2 AND (?3 IS NULL OR s.mechanism_id = ?3)
         GROUP BY s.month ORDER BY s.month",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(mechanism)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

/// Action points agreed at meetings that started in [from, to): (all, still open).
pub async fn action_points_between(db: &Db, from: DateTime<Utc>, to: DateTime<Utc>) -> AppResult<(i64, i64)> {
    sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(a.status = 'open'), 0) FROM action_points a
         JOIN meetings mt ON mt.id = a.meeting_id WHERE mt.starts_at >= ? AND mt.starts_at < ?",
    )
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&db.pool)
    .await
    .map_err(internal)
}
