//! Displacement alerts to the CMP: a member raises one, the CMP chair (or a coordinator)
//! validates or refuses it, the alert goes to the mechanisms of the region with who is present
//! in the cercle (last approved 4W), the present organisations are asked to commit and reminded
//! once after 48 h, and the chair closes it with a summary. Also the list and its CSV/XLSX
//! export with HXL tags, and the open alerts on the CMP's agenda.

use super::Ctx;
use super::outbox::{chair_recipients, deliver};
pub use crate::domain::alert::AlertInput;
use crate::domain::alert::{
    AlertJob, AlertMsg, AlertProblem, AlertState, Commitment, REMINDER_AFTER_HOURS, check_date, parse_source,
    regional_mechanism_codes, reminder_at,
};
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::{AppError, AppResult, Mechanism, MembershipView, Role};
use crate::storage::Tx;
use crate::storage::alerts::{self, Alert, AskedOrganisation, NewAlert, PresentOrganisation};
use crate::storage::{jobs, memberships, people, reference};

/// The code of the Commission mouvement de population among the mechanisms.
pub const CMP_CODE: &str = "CMP";

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

async fn enqueue_in(
    tx: &mut Tx,
    ctx: &Ctx,
    key: String,
    job: AlertJob,
    at: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    jobs::enqueue_in(tx, &key, &Job::Alert(job), at, ctx.clock.now()).await.map(|_| ())
}

/// Queues, in the decision's transaction, the word to the member who raised the alert.
async fn tell_raiser_in(tx: &mut Tx, alert: &Alert, now: chrono::DateTime<chrono::Utc>) -> AppResult<()> {
    let job =
        Job::Deliver { person_id: alert.raised_by, message: Outgoing::Alert(AlertMsg::Decided { alert_id: alert.id }) };
    jobs::enqueue_in(tx, &format!("alert{}:decided:p{}", alert.id, alert.raised_by), &job, now, now).await.map(|_| ())
}

/// Only members (an active seat somewhere) may raise an alert; strangers may not. The alert and
/// its validation request to the CMP chairs are written in one transaction.
pub async fn raise(ctx: &Ctx, person_id: i64, input: AlertInput) -> Result<i64, AlertError> {
    if memberships::active_for_person(&ctx.db, person_id).await?.is_empty() {
        return Err(AppError::NotAMember.into());
    }
    if input.pcode.level() != 2 || !alerts::cercle_exists(&ctx.db, input.pcode.as_str()).await? {
        return Err(AlertError::UnknownCercle);
    }
    let now = ctx.clock.now();
    let today = now.with_timezone(&ctx.tz).date_naive();
    check_date(input.movement_date, today).map_err(AlertError::Problem)?;
    let source = match input.source.as_deref().filter(|_| input.source_nameable) {
        Some(raw) => Some(parse_source(raw).map_err(AlertError::Problem)?),
        None => None,
    };
    let new = NewAlert { input: AlertInput { source, ..input }, raised_by: person_id };
    let mut tx = ctx.db.begin().await?;
    let id = alerts::insert_in(&mut tx, &new, now).await?;
    enqueue_in(&mut tx, ctx, format!("alert{id}:raised"), AlertJob::Raised { alert_id: id }, now).await?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(id)
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

/// Validates a raised alert (authority checked here, whatever the caller checked): records a
/// commitment request for each organisation present in the cercle and queues the alert's
/// sending and the reminder at +48 h, in one transaction.
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
    enqueue_in(&mut tx, ctx, format!("alert{alert_id}:validated"), AlertJob::Validated { alert_id }, now).await?;
    tell_raiser_in(&mut tx, &current, now).await?;
    if let Some(at) = reminder_at(now) {
        enqueue_in(&mut tx, ctx, format!("alert{alert_id}:remind"), AlertJob::Remind { alert_id }, at).await?;
    }
    let alert = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(Validated { alert, present })
}

/// Refuses a raised alert (authority checked here).
pub async fn refuse(ctx: &Ctx, person_id: i64, alert_id: i64) -> Result<Alert, AlertError> {
    change_state(ctx, person_id, alert_id, AlertState::Raised, AlertState::Refused).await
}

/// Closes a validated alert (authority checked here), queues the summary to the CMP chairs in
/// the same transaction, and returns who was asked and what they answered.
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
    let now = ctx.clock.now();
    let mut tx = ctx.db.begin().await?;
    let current = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    current.state.transition(to).map_err(|_| AlertError::AlreadyDecided)?;
    if !alerts::set_state_in(&mut tx, alert_id, from, to, person_id, now).await? {
        return Err(AlertError::AlreadyDecided);
    }
    if to == AlertState::Closed {
        enqueue_in(&mut tx, ctx, format!("alert{alert_id}:closed"), AlertJob::Closed { alert_id }, now).await?;
    }
    if to == AlertState::Refused {
        tell_raiser_in(&mut tx, &current, now).await?;
    }
    let alert = alerts::get_in(&mut tx, alert_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    ctx.wake.notify_one();
    Ok(alert)
}

/// Records a present organisation's commitment, given by its focal point or alternate (in any
/// mechanism); refused when the person holds no such seat for an asked organisation, or the
/// alert is no longer validated. A later answer replaces an earlier one.
pub async fn commit(
    ctx: &Ctx,
    person_id: i64,
    alert_id: i64,
    organisation_id: i64,
    commitment: Commitment,
) -> Result<(), AlertError> {
    let alert = alerts::get(&ctx.db, alert_id).await?.ok_or(AppError::NotFound)?;
    if alert.state != AlertState::Validated {
        return Err(AlertError::AlreadyDecided);
    }
    let seats = memberships::active_for_person(&ctx.db, person_id).await?;
    if !seats.iter().any(|s| s.organisation.id == organisation_id && s.role.is_single_seat()) {
        return Err(AppError::NotAllowed.into());
    }
    if alerts::answer(&ctx.db, alert_id, organisation_id, commitment, person_id, ctx.clock.now()).await? {
        Ok(())
    } else {
        Err(AppError::NotAllowed.into())
    }
}

/// Alerts for the list and the export (open only: raised or validated).
pub async fn list(ctx: &Ctx, open_only: bool) -> AppResult<Vec<Alert>> {
    alerts::list(&ctx.db, open_only).await
}

/// The open alerts to put on a meeting's agenda: those of the CMP's meetings only.
pub async fn open_for_agenda(ctx: &Ctx, mechanism: &Mechanism) -> AppResult<Vec<Alert>> {
    if mechanism.code != CMP_CODE {
        return Ok(Vec::new());
    }
    alerts::list(&ctx.db, true).await
}

/// An alert with what its messages show: where, the region, who raised it and who is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertView {
    pub alert: Alert,
    pub cercle: String,
    pub region: String,
    pub present: Vec<PresentOrganisation>,
    pub asked: Vec<AskedOrganisation>,
}

pub async fn view(ctx: &Ctx, alert_id: i64) -> AppResult<AlertView> {
    let alert = alerts::get(&ctx.db, alert_id).await?.ok_or(AppError::NotFound)?;
    let (cercle, _, region) = alerts::cercle_place(&ctx.db, &alert.pcode).await?.unwrap_or_default();
    let present = alerts::present_in_cercle(&ctx.db, &alert.pcode).await?;
    let asked = alerts::asked(&ctx.db, alert_id).await?;
    Ok(AlertView { alert, cercle, region, present, asked })
}

/// Regions and cercles for the raise dialog's buttons.
pub async fn regions(ctx: &Ctx) -> AppResult<Vec<(String, String)>> {
    alerts::regions(&ctx.db).await
}

pub async fn cercles_of(ctx: &Ctx, region_pcode: &str) -> AppResult<Vec<(String, String)>> {
    alerts::cercles_of(&ctx.db, region_pcode).await
}

/// A cercle's name and region (P-code, name), when the P-code is a cercle.
pub async fn cercle_place(ctx: &Ctx, pcode: &str) -> AppResult<Option<(String, String, String)>> {
    alerts::cercle_place(&ctx.db, pcode).await
}

async fn cmp(ctx: &Ctx) -> AppResult<Mechanism> {
    reference::mechanism_by_code(&ctx.db, CMP_CODE).await?.ok_or(AppError::NotFound)
}

/// The mechanisms an alert goes to: those of its region that exist, then the CMP.
pub async fn covering(ctx: &Ctx, alert: &Alert) -> AppResult<Vec<Mechanism>> {
    let region = alerts::cercle_place(&ctx.db, &alert.pcode).await?.map(|(_, _, r)| r).unwrap_or_default();
    let mut out = Vec::new();
    for code in regional_mechanism_codes(&region) {
        if let Some(m) = reference::mechanism_by_code(&ctx.db, &code).await? {
            out.push(m);
        }
    }
    out.push(cmp(ctx).await?);
    Ok(out)
}

/// The focal points and alternates who answer for an organisation: its seats in the alert's
/// mechanisms, or else its seats anywhere; one seat per person.
async fn answering_seats(ctx: &Ctx, organisation_id: i64, mechs: &[Mechanism]) -> AppResult<Vec<MembershipView>> {
    let all: Vec<MembershipView> = memberships::all_active(&ctx.db)
        .await?
        .into_iter()
        .filter(|s| s.organisation.id == organisation_id && matches!(s.role, Role::Focal | Role::Alternate))
        .collect();
    let near: Vec<MembershipView> =
        all.iter().filter(|s| mechs.iter().any(|m| m.id == s.mechanism.id)).cloned().collect();
    let mut seats = if near.is_empty() { all } else { near };
    let mut seen = std::collections::HashSet::new();
    seats.retain(|s| seen.insert(s.person_id));
    Ok(seats)
}

async fn ask_in(
    tx: &mut Tx,
    ctx: &Ctx,
    alert_id: i64,
    org: i64,
    mechs: &[Mechanism],
    reminder: bool,
) -> AppResult<usize> {
    let now = ctx.clock.now();
    let mut queued = 0;
    for seat in answering_seats(ctx, org, mechs).await? {
        let kind = if reminder { "remind" } else { "ask" };
        let key = format!("alert{alert_id}:{kind}:o{org}:p{}", seat.person_id);
        let msg =
            AlertMsg::CommitmentRequest { alert_id, organisation_id: org, mechanism_id: seat.mechanism.id, reminder };
        let job = Job::Deliver { person_id: seat.person_id, message: Outgoing::Alert(msg) };
        queued += jobs::enqueue_in(tx, &key, &job, now, now).await? as usize;
    }
    Ok(queued)
}

/// Runs an alert's fan-out job: decides who receives what and queues one delivery each.
pub async fn fan_out(ctx: &Ctx, job: &AlertJob) -> AppResult<Result<usize, String>> {
    let alert_id = match job {
        AlertJob::Raised { alert_id }
        | AlertJob::Validated { alert_id }
        | AlertJob::Remind { alert_id }
        | AlertJob::Closed { alert_id } => *alert_id,
    };
    let Some(alert) = alerts::get(&ctx.db, alert_id).await? else { return Ok(Err("alert unknown".into())) };
    let mut queued = 0;
    match job {
        AlertJob::Raised { .. } => {
            if alert.state != AlertState::Raised {
                return Ok(Err("alert already decided".into()));
            }
            for p in chair_recipients(ctx, cmp(ctx).await?.id).await? {
                let msg = Outgoing::Alert(AlertMsg::ValidationRequest { alert_id });
                queued += deliver(ctx, format!("alert{alert_id}:validate:p{p}"), p, msg).await? as usize;
            }
        }
        AlertJob::Validated { .. } => {
            if alert.state != AlertState::Validated {
                return Ok(Err("alert no longer validated".into()));
            }
            let mechs = covering(ctx, &alert).await?;
            for m in &mechs {
                for ms in memberships::active_in_mechanism(&ctx.db, m.id).await? {
                    // One alert per person, through the first of their mechanisms that has it.
                    let key = format!("alert{alert_id}:msg:p{}", ms.person_id);
                    let msg = Outgoing::Alert(AlertMsg::Alert { alert_id, mechanism_id: m.id });
                    queued += deliver(ctx, key, ms.person_id, msg).await? as usize;
                }
            }
            let mut tx = ctx.db.begin().await?;
            for org in alerts::asked(&ctx.db, alert_id).await? {
                queued += ask_in(&mut tx, ctx, alert_id, org.organisation_id, &mechs, false).await?;
            }
            tx.commit().await?;
        }
        AlertJob::Remind { .. } => {
            if alert.state != AlertState::Validated {
                return Ok(Err("alert no longer validated".into()));
            }
            let mechs = covering(ctx, &alert).await?;
            // Marked reminded and their reminders queued together: each is reminded once.
            let mut tx = ctx.db.begin().await?;
            let now = ctx.clock.now();
            let due = alerts::mark_reminded_in(&mut tx, alert_id, asked_by(now), now).await?;
            for org in &due {
                queued += ask_in(&mut tx, ctx, alert_id, *org, &mechs, true).await?;
            }
            tx.commit().await?;
            if due.is_empty() {
                return Ok(Err("nobody to remind".into()));
            }
        }
        AlertJob::Closed { .. } => {
            for p in chair_recipients(ctx, cmp(ctx).await?.id).await? {
                let msg = Outgoing::Alert(AlertMsg::Summary { alert_id });
                queued += deliver(ctx, format!("alert{alert_id}:summary:p{p}"), p, msg).await? as usize;
            }
        }
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// Whether a person may receive an alert message now, besides a commitment request's seat
/// (checked with the other seat-addressed messages): the validation request and the summary
/// need the CMP chair or a coordinator; the alert, a seat in its mechanism or a coordinator.
pub async fn may_receive(ctx: &Ctx, coordinator: bool, seats: &[MembershipView], msg: &AlertMsg) -> AppResult<bool> {
    Ok(match msg {
        AlertMsg::ValidationRequest { .. } | AlertMsg::Summary { .. } => {
            let cmp = cmp(ctx).await?.id;
            coordinator || seats.iter().any(|s| s.mechanism.id == cmp && s.role == Role::Chair)
        }
        AlertMsg::Alert { mechanism_id, .. } => coordinator || seats.iter().any(|s| s.mechanism.id == *mechanism_id),
        // The one who raised it, while they are still a member.
        AlertMsg::Decided { .. } => coordinator || !seats.is_empty(),
        AlertMsg::CommitmentRequest { organisation_id, mechanism_id, .. } => seats.iter().any(|s| {
            s.organisation.id == *organisation_id && s.mechanism.id == *mechanism_id && s.role.is_single_seat()
        }),
    })
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
    let mut tx = ctx.db.begin().await?;
    let ids = alerts::mark_reminded_in(&mut tx, alert_id, asked_by(now), now).await?;
    tx.commit().await?;
    Ok(ids)
}

/// Asked at or before this instant means the 48 h have passed (the earliest time when the
/// clock is out of range, so that nobody is reminded).
fn asked_by(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    now.checked_sub_signed(chrono::Duration::hours(REMINDER_AFTER_HOURS))
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC)
}
