//! Displacement alerts to the CMP: a member raises one, the CMP chair (or a coordinator)
//! validates or refuses it, the organisations present in the cercle (last approved 4W) are asked
//! to commit, and the chair closes it. Also the list and its CSV/XLSX export with HXL tags.

use super::Ctx;
use crate::domain::alert::{
    AlertCause, AlertProblem, AlertState, Commitment, Households, REMINDER_AFTER_HOURS, check_date,
};
use crate::domain::fourw::Pcode;
use crate::domain::{AppError, AppResult};
use crate::storage::alerts::{self, Alert, AskedOrganisation, NewAlert, PresentOrganisation};
use crate::storage::{memberships, people};
use chrono::NaiveDate;

/// The code of the Commission mouvement de population among the mechanisms.
pub const CMP_CODE: &str = "CMP";

/// What a member entered when raising an alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertInput {
    pub pcode: Pcode,
    pub movement_date: NaiveDate,
    pub households: Households,
    pub cause: AlertCause,
    pub verified: bool,
    pub source_nameable: bool,
    pub source: Option<String>,
}

/// Why a raise or a decision was refused.
#[derive(Debug)]
pub enum AlertError {
    /// A field is wrong (the dialog shows the translated reason).
    Problem(AlertProblem),
    /// The P-code is not a known cercle.
    UnknownCercle,
    /// Someone else already decided (or closed) the alert: nothing changed.
    AlreadyDecided,
    App(AppError),
}

impl From<AppError> for AlertError {
    fn from(e: AppError) -> Self {
        AlertError::App(e)
    }
}

/// Only members (an active membership somewhere) may raise an alert; strangers may not.
pub async fn raise(ctx: &Ctx, person_id: i64, input: AlertInput) -> Result<i64, AlertError> {
    if !is_member(ctx, person_id).await? {
        return Err(AppError::NotAMember.into());
    }
    if input.pcode.level() != 2 || !alerts::cercle_exists(&ctx.db, input.pcode.as_str()).await? {
        return Err(AlertError::UnknownCercle);
    }
    let now = ctx.clock.now();
    let today = now.with_timezone(&ctx.tz).date_naive();
    check_date(input.movement_date, today).map_err(AlertError::Problem)?;
    let source = if input.source_nameable { input.source.filter(|s| !s.trim().is_empty()) } else { None };
    let new = NewAlert {
        pcode: input.pcode.as_str().to_string(),
        movement_date: input.movement_date,
        households: input.households,
        cause: input.cause,
        verified: input.verified,
        source_nameable: input.source_nameable,
        source,
        raised_by: person_id,
    };
    let mut tx = ctx.db.begin().await?;
    let id = alerts::insert_in(&mut tx, &new, now).await?;
    tx.commit().await?;
    Ok(id)
}

async fn is_member(ctx: &Ctx, person_id: i64) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE person_id = ?1 AND status = 'active'")
        .bind(person_id)
        .fetch_one(ctx.db.pool())
        .await
        .map_err(AppError::internal)?;
    Ok(n > 0)
}

/// The CMP chair or a coordinator may validate, refuse and close alerts.
pub async fn may_decide(ctx: &Ctx, person_id: i64) -> AppResult<bool> {
    if people::is_coordinator(&ctx.db, person_id).await? {
        return Ok(true);
    }
    let chaired = memberships::chaired_mechanisms(&ctx.db, person_id).await?;
    Ok(chaired.iter().any(|m| m.code == CMP_CODE))
}

/// What a validation did: the organisations present in the cercle, now asked to commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validated {
    pub alert: Alert,
    pub present: Vec<PresentOrganisation>,
}

/// Validates a raised alert (authority checked here, whatever the caller checked) and records a
/// commitment request for each organisation present in the cercle, in one transaction.
pub async fn validate(ctx: &Ctx, person_id: i64, alert_id: i64) -> Result<Validated, AlertError> {
    if !may_decide(ctx, person_id).await? {
        return Err(AppError::NotAllowed.into());
    }
    let now = ctx.clock.now();
    let alert = alerts::get(&ctx.db, alert_id).await?.ok_or(AppError::NotFound)?;
    let present = alerts::present_in_cercle(&ctx.db, &alert.pcode).await?;
    let mut tx = ctx.db.begin().await?;
    let current = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    current.state.transition(AlertState::Validated).map_err(|_| AlertError::AlreadyDecided)?;
    if !alerts::set_state_in(&mut tx, alert_id, AlertState::Raised, AlertState::Validated, person_id, now).await? {
        return Err(AlertError::AlreadyDecided);
    }
    for org in &present {
        alerts::request_commitment_in(&mut tx, alert_id, org.organisation_id, now).await?;
    }
    let alert = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(Validated { alert, present })
}

/// Refuses a raised alert (authority checked here).
pub async fn refuse(ctx: &Ctx, person_id: i64, alert_id: i64) -> Result<Alert, AlertError> {
    change_state(ctx, person_id, alert_id, AlertState::Raised, AlertState::Refused).await
}

/// Closes a validated alert (authority checked here) and returns who was asked and what they
/// answered, for the summary to the chair.
pub async fn close(ctx: &Ctx, person_id: i64, alert_id: i64) -> Result<(Alert, Vec<AskedOrganisation>), AlertError> {
    let alert = change_state(ctx, person_id, alert_id, AlertState::Validated, AlertState::Closed).await?;
    let asked = alerts::asked(&ctx.db, alert_id).await?;
    Ok((alert, asked))
}

async fn change_state(
    ctx: &Ctx,
    person_id: i64,
    alert_id: i64,
    from: AlertState,
    to: AlertState,
) -> Result<Alert, AlertError> {
    if !may_decide(ctx, person_id).await? {
        return Err(AppError::NotAllowed.into());
    }
    let mut tx = ctx.db.begin().await?;
    let current = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    current.state.transition(to).map_err(|_| AlertError::AlreadyDecided)?;
    if !alerts::set_state_in(&mut tx, alert_id, from, to, person_id, ctx.clock.now()).await? {
        return Err(AlertError::AlreadyDecided);
    }
    let alert = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(alert)
}

/// Records a present organisation's commitment, given by one of its people; refused when the
/// person is not of an organisation that was asked, or the alert is no longer validated.
pub async fn commit(ctx: &Ctx, person_id: i64, alert_id: i64, commitment: Commitment) -> Result<(), AlertError> {
    let alert = alerts::get(&ctx.db, alert_id).await?.ok_or(AppError::NotFound)?;
    if alert.state != AlertState::Validated {
        return Err(AlertError::AlreadyDecided);
    }
    let orgs: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT organisation_id FROM memberships WHERE person_id = ?1 AND status = 'active'",
    )
    .bind(person_id)
    .fetch_all(ctx.db.pool())
    .await
    .map_err(AppError::internal)?;
    let now = ctx.clock.now();
    for org in orgs {
        if alerts::answer(&ctx.db, alert_id, org, commitment, person_id, now).await? {
            return Ok(());
        }
    }
    Err(AppError::NotAllowed.into())
}

/// Alerts for the list and the export (open only: raised or validated).
pub async fn list(ctx: &Ctx, open_only: bool) -> AppResult<Vec<Alert>> {
    alerts::list(&ctx.db, open_only).await
}

/// The export's columns: a header and its HXL hashtag.
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "#event+id"),
    ("date", "#date"),
    ("adm2_code", "#adm2+code"),
    ("households", "#affected+hh"),
    ("cause", "#cause"),
    ("verified", "#status+verified"),
    ("source", "#meta+source"),
    ("status", "#status"),
];

/// The rows of the export: the source only when it may be named.
pub fn rows(list: &[Alert]) -> Vec<Vec<String>> {
    list.iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.movement_date.to_string(),
                a.pcode.clone(),
                a.households.to_string(),
                a.cause.as_ref().to_string(),
                if a.verified { "yes" } else { "no" }.to_string(),
                if a.source_nameable { a.source.clone().unwrap_or_default() } else { String::new() },
                a.state.as_ref().to_string(),
            ]
        })
        .collect()
}

/// The alerts as CSV (UTF-8 with BOM): a header row, the HXL row, one row per alert.
pub fn to_csv(list: &[Alert]) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(COLUMNS.iter().map(|(h, _)| *h)).map_err(AppError::internal)?;
    w.write_record(COLUMNS.iter().map(|(_, t)| *t)).map_err(AppError::internal)?;
    for row in rows(list) {
        w.write_record(row.iter().map(|c| super::export::csv_safe(c))).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(AppError::internal)
}

/// The alerts as an XLSX workbook with the same rows.
pub fn to_xlsx(list: &[Alert]) -> AppResult<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("alerts").map_err(AppError::internal)?;
    let mut all: Vec<Vec<String>> = vec![
        COLUMNS.iter().map(|(h, _)| (*h).to_string()).collect(),
        COLUMNS.iter().map(|(_, t)| (*t).to_string()).collect(),
    ];
    all.extend(rows(list));
    for (r, row) in all.iter().enumerate() {
        let r = u32::try_from(r).map_err(AppError::internal)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(AppError::internal)?;
            ws.write_string(r, c, cell).map_err(AppError::internal)?;
        }
    }
    wb.save_to_buffer().map_err(AppError::internal)
}

/// The organisations of one validated alert to remind now: asked at least 48 h ago, not answered,
/// not reminded yet. They are marked reminded in the same transaction, so each is reminded once.
pub async fn take_due_reminders(ctx: &Ctx, alert_id: i64) -> AppResult<Vec<i64>> {
    let now = ctx.clock.now();
    let alert = alerts::get(&ctx.db, alert_id).await?.ok_or(AppError::NotFound)?;
    if alert.state != AlertState::Validated {
        return Ok(Vec::new());
    }
    // Asked at or before this instant means the 48 h have passed.
    let Some(asked_by) = now.checked_sub_signed(chrono::Duration::hours(REMINDER_AFTER_HOURS)) else {
        return Ok(Vec::new());
    };
    let mut tx = ctx.db.begin().await?;
    let ids = alerts::mark_reminded_in(&mut tx, alert_id, asked_by, now).await?;
    tx.commit().await?;
    Ok(ids)
}
