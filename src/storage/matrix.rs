//! The consolidated matrix of a month: every line with the names needed to show it, in the
//! boundary version each line was reported with.

use super::{Db, internal};
use crate::domain::AppResult;
use crate::domain::fourw::ReportingMonth;
use futures::TryStreamExt;
use sqlx::FromRow;

/// One line of the consolidated matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromRow, serde::Deserialize)]
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

/// The columns of [`MATRIX_SELECT`], in [`MatrixRow`]'s order, as the chunked query reads them.
const MATRIX_COLUMNS: &str = "org, mechanism, implementing_partner, sector_code, activity_code, activity_fr,
        activity_en, admin_version, region_name, region_pcode, cercle_name, cercle_pcode, commune_name,
        commune_pcode, status, start_date, end_date, population_group, modality_code, modality_fr, modality_en,
        girls, boys, women, men, elderly_women, elderly_men, disabled, t_girls, t_boys, t_women, t_men,
        t_elderly_women, t_elderly_men, donor, plan_code, remarks, submitted_at,
        json(CASE WHEN late THEN 'true' ELSE 'false' END), review_status,
        json(CASE WHEN approved THEN 'true' ELSE 'false' END)";

/// Lines handed over per row of the chunked query.
const CHUNK: i64 = 500;

/// The same lines, in order, handed to `f` one at a time without holding the month in memory.
/// SQLite runs on its own thread and hands each result row over a channel; a month of 50,000
/// lines read row by row spends more time in that hand-over (a copy of every value, a wake-up)
/// than in SQLite. So SQLite packs `CHUNK` lines per row as JSON arrays (each with its rank),
/// decoded here. Returns how many lines.
pub async fn for_each(
    db: &Db,
    month: ReportingMonth,
    mechanism: Option<i64>,
    mut f: impl FnMut(MatrixRow) -> AppResult<()>,
) -> AppResult<usize> {
    let (select, order) = MATRIX_SELECT.split_once("ORDER BY").expect("the matrix query is ordered");
    let ranked = select.replacen("SELECT ", &format!("SELECT ROW_NUMBER() OVER (ORDER BY {order}) - 1 AS n, "), 1);
    let sql = format!(
        "SELECT json_group_array(json_array(n, json_array({MATRIX_COLUMNS}))) FROM ({ranked})
         GROUP BY n / {CHUNK} ORDER BY n / {CHUNK}"
    );
    let mut chunks = sqlx::query_scalar::<_, String>(&sql).bind(month.to_string()).bind(mechanism).fetch(&db.pool);
    let mut n = 0;
    while let Some(chunk) = chunks.try_next().await.map_err(internal)? {
        let mut rows: Vec<(i64, MatrixRow)> =
            serde_json::from_str(&chunk).map_err(crate::domain::AppError::internal)?;
        rows.sort_unstable_by_key(|(rank, _)| *rank);
        for (_, row) in rows {
            f(row)?;
            n += 1;
        }
    }
    Ok(n)
}
