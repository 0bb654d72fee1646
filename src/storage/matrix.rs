//! The consolidated matrix of a month: every line with the names needed to show it, in the
//! boundary version each line was reported with.

use super::{Db, internal};
use crate::domain::AppResult;
use crate::domain::fourw::ReportingMonth;
use futures::TryStreamExt;
use sqlx::FromRow;

/// One line of the consolidated matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromRow)]
pub struct MatrixRow {
    pub org: String,
    pub mechanism: String,
    pub implementing_partner: Option<String>,
    pub sector_code: String,
    pub activity_code: String,
    pub activity_fr: String,
    pub activity_en: String,
    pub admin_version: String,
    pub region_name: String,
    pub region_pcode: String,
    pub cercle_name: String,
    pub cercle_pcode: String,
    pub commune_name: Option<String>,
    pub commune_pcode: Option<String>,
    pub status: String,
    pub start_date: String,
    pub end_date: String,
    pub population_group: Option<String>,
    pub modality_code: Option<String>,
    pub modality_fr: Option<String>,
    pub modality_en: Option<String>,
    pub girls: i64,
    pub boys: i64,
    pub women: i64,
    pub men: i64,
    pub elderly_women: i64,
    pub elderly_men: i64,
    pub disabled: i64,
    pub t_girls: i64,
    pub t_boys: i64,
    pub t_women: i64,
    pub t_men: i64,
    pub t_elderly_women: i64,
    pub t_elderly_men: i64,
    pub donor: Option<String>,
    pub plan_code: Option<String>,
    pub remarks: Option<String>,
    pub submitted_at: i64,
    pub late: bool,
    pub review_status: String,
    pub approved: bool,
}

impl MatrixRow {
    pub fn reached(&self) -> [i64; 6] {
        [self.girls, self.boys, self.women, self.men, self.elderly_women, self.elderly_men]
    }

    pub fn targeted(&self) -> [i64; 6] {
        [self.t_girls, self.t_boys, self.t_women, self.t_men, self.t_elderly_women, self.t_elderly_men]
    }
}

const MATRIX_SELECT: &str = "SELECT o.acronym AS org, m.code AS mechanism, l.implementing_partner, l.sector_code,
        l.activity_code, a.name_fr AS activity_fr, a.name_en AS activity_en, l.admin_version,
        r.name AS region_name, l.region_pcode, c.name AS cercle_name, l.cercle_pcode,
        cm.name AS commune_name, l.commune_pcode, l.status, l.start_date, l.end_date,
        l.population_group, l.modality_code, md.name_fr AS modality_fr, md.name_en AS modality_en,
        l.girls, l.boys, l.women, l.men, l.elderly_women, l.elderly_men, l.disabled,
        l.t_girls, l.t_boys, l.t_women, l.t_men, l.t_elderly_women, l.t_elderly_men,
        l.donor, l.plan_code, l.remarks, s.submitted_at, s.late, l.review_status,
        (s.approved_at IS NOT NULL) AS approved
     FROM fourw_lines l
     JOIN fourw_submissions s ON s.id = l.submission_id
     JOIN organisations o ON o.id = s.organisation_id
     JOIN mechanisms m ON m.id = s.mechanism_id
     JOIN fourw_activities a ON a.code = l.activity_code
     JOIN admin_boundaries r ON r.version = l.admin_version AND r.pcode = l.region_pcode
     JOIN admin_boundaries c ON c.version = l.admin_version AND c.pcode = l.cercle_pcode
     LEFT JOIN admin_boundaries cm ON cm.version = l.admin_version AND cm.pcode = l.commune_pcode
     LEFT JOIN fourw_modalities md ON md.code = l.modality_code
     WHERE s.month = ?1 AND (?2 IS NULL OR s.mechanism_id = ?2)
     ORDER BY m.sort_order, o.acronym COLLATE NOCASE, s.id, l.position";

/// Every line of a month (optionally of one mechanism), by mechanism, organisation, position.
pub async fn matrix(db: &Db, month: ReportingMonth, mechanism: Option<i64>) -> AppResult<Vec<MatrixRow>> {
    sqlx::query_as(MATRIX_SELECT).bind(month.to_string()).bind(mechanism).fetch_all(&db.pool).await.map_err(internal)
}

/// The same lines, one at a time (the export writes them as they come, without holding the
/// month in memory). Returns how many.
pub async fn for_each(
    db: &Db,
    month: ReportingMonth,
    mechanism: Option<i64>,
    mut f: impl FnMut(MatrixRow) -> AppResult<()>,
) -> AppResult<usize> {
    let mut rows =
        sqlx::query_as::<_, MatrixRow>(MATRIX_SELECT).bind(month.to_string()).bind(mechanism).fetch(&db.pool);
    let mut n = 0;
    while let Some(row) = rows.try_next().await.map_err(internal)? {
        f(row)?;
        n += 1;
    }
    Ok(n)
}
