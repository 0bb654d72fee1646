//! 4W: the activity catalogue, monthly submissions and their lines.

use super::{Db, from_ts, internal, ts};
use crate::domain::fourw::{ActivityStatus, Counts, Line, PopulationGroup, Reached, ReportingMonth, ReviewStatus};
use crate::domain::{AppError, AppResult, Language};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

/// One activity of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Activity {
    pub id: i64,
    pub code: String,
    pub sector_code: String,
    pub name_fr: String,
    pub name_en: String,
}

impl Activity {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.name_fr,
            Language::En => &self.name_en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Sector {
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
}

impl Sector {
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.name_fr,
            Language::En => &self.name_en,
        }
    }
}

pub async fn sectors(db: &Db) -> AppResult<Vec<Sector>> {
    sqlx::query_as("SELECT code, name_fr, name_en FROM sectors ORDER BY code")
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

pub async fn activities(db: &Db, sector: Option<&str>) -> AppResult<Vec<Activity>> {
    sqlx::query_as(
        "SELECT id, code, sector_code, name_fr, name_en FROM fourw_activities
         WHERE active = 1 AND (?1 IS NULL OR sector_code = ?1) ORDER BY sector_code, sort_order, id",
    )
    .bind(sector)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

pub async fn activity_by_id(db: &Db, id: i64) -> AppResult<Option<Activity>> {
    sqlx::query_as("SELECT id, code, sector_code, name_fr, name_en FROM fourw_activities WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub async fn activity_by_code(db: &Db, code: &str) -> AppResult<Option<Activity>> {
    sqlx::query_as("SELECT id, code, sector_code, name_fr, name_en FROM fourw_activities WHERE code = ?")
        .bind(code)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

pub use super::boundaries::{cercles, communes, unit_name, units};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub id: i64,
    pub organisation_id: i64,
    pub mechanism_id: i64,
    pub month: ReportingMonth,
    pub status: ReviewStatus,
    pub no_activity: bool,
    pub late: bool,
    pub submitted_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct SubRow {
    id: i64,
    organisation_id: i64,
    mechanism_id: i64,
    month: String,
    status: String,
    no_activity: bool,
    late: bool,
    submitted_at: i64,
}

impl SubRow {
    fn into_domain(self) -> AppResult<Submission> {
        Ok(Submission {
            id: self.id,
            organisation_id: self.organisation_id,
            mechanism_id: self.mechanism_id,
            month: ReportingMonth::parse(&self.month).map_err(AppError::internal)?,
            status: ReviewStatus::parse(&self.status).unwrap_or(ReviewStatus::Submitted),
            no_activity: self.no_activity,
            late: self.late,
            submitted_at: from_ts(self.submitted_at),
        })
    }
}

pub async fn submission(db: &Db, org: i64, mechanism: i64, month: ReportingMonth) -> AppResult<Option<Submission>> {
    let row: Option<SubRow> = sqlx::query_as(
        "SELECT id, organisation_id, mechanism_id, month, status, no_activity, late, submitted_at
         FROM fourw_submissions WHERE organisation_id = ? AND mechanism_id = ? AND month = ?",
    )
    .bind(org)
    .bind(mechanism)
    .bind(month.to_string())
    .fetch_optional(&db.pool)
    .await
    .map_err(internal)?;
    row.map(SubRow::into_domain).transpose()
}

/// The organisations that have submitted (lines or "no activity") for a mechanism and month.
pub async fn submitted_organisations(db: &Db, mechanism: i64, month: ReportingMonth) -> AppResult<Vec<i64>> {
    sqlx::query_scalar("SELECT organisation_id FROM fourw_submissions WHERE mechanism_id = ? AND month = ?")
        .bind(mechanism)
        .bind(month.to_string())
        .fetch_all(&db.pool)
        .await
        .map_err(internal)
}

#[derive(FromRow)]
struct LineRow {
    sector_code: String,
    activity_code: String,
    admin_version: String,
    region_pcode: String,
    cercle_pcode: String,
    commune_pcode: Option<String>,
    status: String,
    start_date: String,
    end_date: String,
    population_group: Option<String>,
    modality_code: Option<String>,
    girls: i64,
    boys: i64,
    women: i64,
    men: i64,
    elderly_women: i64,
    elderly_men: i64,
    disabled: i64,
    t_girls: i64,
    t_boys: i64,
    t_women: i64,
    t_men: i64,
    t_elderly_women: i64,
    t_elderly_men: i64,
    implementing_partner: Option<String>,
    donor: Option<String>,
    plan_code: Option<String>,
    remarks: Option<String>,
}

fn date(s: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(AppError::internal)
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

impl LineRow {
    fn into_domain(self) -> AppResult<Line> {
        Ok(Line {
            sector: self.sector_code,
            activity: self.activity_code,
            region: self.region_pcode,
            cercle: self.cercle_pcode,
            status: ActivityStatus::parse(&self.status).unwrap_or(ActivityStatus::Ongoing),
            start: date(&self.start_date)?,
            end: date(&self.end_date)?,
            reached: Reached::from_counts(
                Counts::from_array(
                    [self.girls, self.boys, self.women, self.men, self.elderly_women, self.elderly_men].map(count),
                ),
                count(self.disabled),
            ),
            partner: self.implementing_partner,
            donor: self.donor,
            remarks: self.remarks,
            population: self.population_group.as_deref().and_then(PopulationGroup::parse),
            modality: self.modality_code,
            targeted: Counts::from_array(
                [self.t_girls, self.t_boys, self.t_women, self.t_men, self.t_elderly_women, self.t_elderly_men]
                    .map(count),
            ),
            commune: self.commune_pcode,
            plan_code: self.plan_code,
            boundaries: self.admin_version,
        })
    }
}

const LINE_COLUMNS: &str = "sector_code, activity_code, admin_version, region_pcode, cercle_pcode, commune_pcode,
    status, start_date, end_date, population_group, modality_code, girls, boys, women, men, elderly_women, elderly_men,
    disabled, t_girls, t_boys, t_women, t_men, t_elderly_women, t_elderly_men, implementing_partner, donor, plan_code,
    remarks";

pub async fn lines(db: &Db, submission_id: i64) -> AppResult<Vec<Line>> {
    let rows: Vec<LineRow> =
        sqlx::query_as(&format!("SELECT {LINE_COLUMNS} FROM fourw_lines WHERE submission_id = ? ORDER BY position"))
            .bind(submission_id)
            .fetch_all(&db.pool)
            .await
            .map_err(internal)?;
    rows.into_iter().map(LineRow::into_domain).collect()
}

/// What a submission writes.
pub struct NewSubmission<'a> {
    pub organisation_id: i64,
    pub mechanism_id: i64,
    pub month: ReportingMonth,
    pub lines: &'a [Line],
    pub no_activity: bool,
    pub late: bool,
    pub person_id: i64,
    pub now: DateTime<Utc>,
    /// The boundary version of lines that do not name one.
    pub boundaries: &'a str,
}

/// Writes (or replaces) a submission and its lines in one transaction. A submission that had
/// been returned becomes "corrected"; an approval is cleared (the lines changed).
pub async fn submit(db: &Db, s: NewSubmission<'_>) -> AppResult<Written> {
    let mut corrected = 0;
    let mut tx = super::write_tx(db).await?;
    let previous: Option<(i64, String, bool)> = sqlx::query_as(
        "SELECT id, status, late FROM fourw_submissions WHERE organisation_id = ? AND mechanism_id = ? AND month = ?",
    )
    .bind(s.organisation_id)
    .bind(s.mechanism_id)
    .bind(s.month.to_string())
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?;
    // 4W review: the review status of the lines being replaced.
    let mut old_lines: Vec<(Line, String, Option<String>)> = Vec::new();
    let previous_status = previous.as_ref().map(|(_, st, _)| st.clone()).unwrap_or_default();
    if let Some((id, _, _)) = &previous {
        let rows: Vec<LineRow> = sqlx::query_as(&format!(
            "SELECT {LINE_COLUMNS} FROM fourw_lines WHERE submission_id = ? ORDER BY position"
        ))
        .bind(id)
        .fetch_all(&mut *tx)
        .await
        .map_err(internal)?;
        let reviews: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT review_status, return_comment FROM fourw_lines WHERE submission_id = ? ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await
        .map_err(internal)?;
        for (row, (st, comment)) in rows.into_iter().zip(reviews) {
            old_lines.push((row.into_domain()?, st, comment));
        }
    }
    let reviews = review_after_resubmission(&previous_status, &old_lines, s.lines);
    let id = match previous {
        Some((id, status, late)) => {
            let status = if status == "returned" || status == "corrected" { "corrected" } else { "submitted" };
            sqlx::query(
                "UPDATE fourw_submissions SET status = ?, no_activity = ?, late = ?, submitted_by = ?, submitted_at = ?,
                    approved_at = NULL, approved_by = NULL
                 WHERE id = ?",
            )
            .bind(status)
            .bind(s.no_activity)
            // Once late, always late: a correction does not make a late report timely.
            .bind(late || s.late)
            .bind(s.person_id)
            .bind(ts(s.now))
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
            sqlx::query("DELETE FROM fourw_lines WHERE submission_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
            id
        }
        None => sqlx::query_scalar(
            "INSERT INTO fourw_submissions (organisation_id, mechanism_id, month, no_activity, late, submitted_by, submitted_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(s.organisation_id)
        .bind(s.mechanism_id)
        .bind(s.month.to_string())
        .bind(s.no_activity)
        .bind(s.late)
        .bind(s.person_id)
        .bind(ts(s.now))
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?,
    };
    for ((i, l), (review, comment)) in s.lines.iter().enumerate().zip(reviews) {
        let boundaries = if l.boundaries.is_empty() { s.boundaries } else { l.boundaries.as_str() };
        let counts = l.reached.counts().as_array().into_iter().chain(l.targeted.as_array()).map(i64::from);
        let mut q = sqlx::query(&INSERT_LINE)
            .bind(id)
            .bind(i as i64)
            .bind(&l.sector)
            .bind(&l.activity)
            .bind(boundaries)
            .bind(&l.region)
            .bind(&l.cercle)
            .bind(&l.commune)
            .bind(l.status.as_str())
            .bind(l.start.format("%Y-%m-%d").to_string())
            .bind(l.end.format("%Y-%m-%d").to_string())
            .bind(l.population.map(|p| p.code()))
            .bind(&l.modality);
        for (j, n) in counts.enumerate() {
            q = q.bind(n);
            if j == 5 {
                q = q.bind(i64::from(l.reached.disabled));
            }
        }
        q.bind(&l.partner)
            .bind(&l.donor)
            .bind(&l.plan_code)
            .bind(&l.remarks)
            .bind(review)
            .bind(comment)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        if review == "corrected" {
            corrected += 1;
        }
    }
    tx.commit().await.map_err(internal)?;
    Ok(Written { id, corrected })
}

/// What [`submit`] wrote: the submission and how many of its lines came back corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub id: i64,
    pub corrected: usize,
}

static INSERT_LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "INSERT INTO fourw_lines (submission_id, position, {LINE_COLUMNS}, review_status, return_comment)
         VALUES (?, ?{})",
        ", ?".repeat(LINE_COLUMNS.split(',').count() + 2)
    )
});

pub use super::matrix::{MatrixRow, matrix};

// 4W review: lines as the chair reviews them, returning one, the admin units.

/// One line with what the review needs to show and check it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReviewLine {
    pub id: i64,
    pub position: i64,
    pub organisation_id: i64,
    pub mechanism_id: i64,
    pub month: String,
    pub org: String,
    pub mechanism: String,
    pub activity_fr: String,
    pub activity_en: String,
    pub cercle_name: String,
    pub cercle_pcode: String,
    pub commune_name: Option<String>,
    pub commune_pcode: Option<String>,
    pub total: i64,
    pub review_status: String,
    pub return_comment: Option<String>,
}

impl ReviewLine {
    pub fn activity(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.activity_fr,
            Language::En => &self.activity_en,
        }
    }
}

const REVIEW_SELECT: &str = "SELECT l.id, l.position, s.organisation_id, s.mechanism_id, s.month, o.acronym AS org,
        m.code AS mechanism, a.name_fr AS activity_fr, a.name_en AS activity_en, c.name AS cercle_name,
        l.cercle_pcode, cm.name AS commune_name, l.commune_pcode, (l.girls + l.boys + l.women + l.men + l.elderly_women + l.elderly_men) AS total,
        l.review_status, l.return_comment
     FROM fourw_lines l
     JOIN fourw_submissions s ON s.id = l.submission_id
     JOIN organisations o ON o.id = s.organisation_id
     JOIN mechanisms m ON m.id = s.mechanism_id
     JOIN fourw_activities a ON a.code = l.activity_code
     JOIN admin_boundaries c ON c.version = l.admin_version AND c.pcode = l.cercle_pcode
     LEFT JOIN admin_boundaries cm ON cm.version = l.admin_version AND cm.pcode = l.commune_pcode";

/// The lines of a month (optionally of one mechanism), by mechanism, organisation, position.
pub async fn review_lines(db: &Db, month: ReportingMonth, mechanism: Option<i64>) -> AppResult<Vec<ReviewLine>> {
    sqlx::query_as(&format!(
        "{REVIEW_SELECT} WHERE s.month = ?1 AND (?2 IS NULL OR s.mechanism_id = ?2)
         ORDER BY m.sort_order, o.acronym COLLATE NOCASE, l.position"
    ))
    .bind(month.to_string())
    .bind(mechanism)
    .fetch_all(&db.pool)
    .await
    .map_err(internal)
}

pub async fn review_line(db: &Db, line_id: i64) -> AppResult<Option<ReviewLine>> {
    sqlx::query_as(&format!("{REVIEW_SELECT} WHERE l.id = ?"))
        .bind(line_id)
        .fetch_optional(&db.pool)
        .await
        .map_err(internal)
}

/// Marks a line (and its submission) returned with the chair's comment; false when the line
/// is gone or already returned.
pub async fn return_line(db: &Db, line_id: i64, comment: &str) -> AppResult<bool> {
    let mut tx = super::write_tx(db).await?;
    let changed = sqlx::query(
        "UPDATE fourw_lines SET review_status = 'returned', return_comment = ? WHERE id = ? AND review_status <> 'returned'",
    )
    .bind(comment)
    .bind(line_id)
    .execute(&mut *tx)
    .await
    .map_err(internal)?
    .rows_affected();
    if changed == 1 {
        sqlx::query(
            "UPDATE fourw_submissions SET status = 'returned', approved_at = NULL, approved_by = NULL
             WHERE id = (SELECT submission_id FROM fourw_lines WHERE id = ?)",
        )
        .bind(line_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;
    Ok(changed == 1)
}

pub use crate::domain::review::review_after_resubmission;
