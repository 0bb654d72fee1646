//! The figures behind the charts and the monthly digest, from the database.

use super::Ctx;
use crate::domain::AppResult;
use crate::domain::figures::{
    AttendanceGrid, AttendanceMark, Digest, HeldMeeting, MinutesShare, Reach, RegionSector, SexAge,
};
use crate::domain::fourw::ReportingMonth;
use crate::domain::minutes::{minutes_deadline, on_time};
use crate::storage::{figures, from_ts_pub, meetings, memberships, minutes, reference};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

/// How many months the trend shows before the month itself.
pub const TREND_MONTHS: usize = 6;
/// How many meetings the attendance grid shows.
pub const GRID_MEETINGS: i64 = 6;
/// The period of the minutes chart, in months.
pub const MINUTES_MONTHS: u32 = 6;

/// The 4W reach of a month (of one mechanism or all).
pub async fn reach(ctx: &Ctx, month: ReportingMonth, mechanism: Option<i64>) -> AppResult<Reach> {
    let rows = figures::reach(&ctx.db, month, mechanism).await?;
    let mut sex_age = SexAge::default();
    for r in &rows {
        sex_age.girls += r.girls;
        sex_age.boys += r.boys;
        sex_age.women += r.women;
        sex_age.men += r.men;
        sex_age.disabled += r.disabled;
    }
    let cells = rows
        .iter()
        .map(|r| RegionSector { region: r.region.clone(), sector: r.sector.clone(), people: r.total() })
        .collect();
    let mut first = month;
    for _ in 0..TREND_MONTHS {
        first = first.previous();
    }
    let totals = figures::reach_by_month(&ctx.db, first, month, mechanism).await?;
    let mut history = Vec::new();
    let mut m = first;
    loop {
        let key = m.to_string();
        history.push((m, totals.iter().find(|(k, _)| *k == key).map_or(0, |(_, n)| *n)));
        if m == month {
            break;
        }
        m = m.next();
    }
    Ok(Reach { month, cells, sex_age, history })
}

/// Attendance of the organisations of a mechanism at its last meetings (ended by now).
pub async fn attendance_grid(ctx: &Ctx, mechanism_id: i64) -> AppResult<AttendanceGrid> {
    let mech = reference::mechanism_by_id(&ctx.db, mechanism_id).await?.ok_or(crate::domain::AppError::NotFound)?;
    let mut held = meetings::past(&ctx.db, mechanism_id, ctx.clock.now(), GRID_MEETINGS).await?;
    held.reverse();
    let mut orgs: Vec<crate::domain::Organisation> = memberships::active_in_mechanism(&ctx.db, mechanism_id)
        .await?
        .into_iter()
        .filter(|m| m.role.is_single_seat())
        .map(|m| m.organisation)
        .collect();
    let mut marks = Vec::new();
    for m in &held {
        let recorded = meetings::attendance(&ctx.db, m.id).await?;
        for (org_id, _) in &recorded {
            if !orgs.iter().any(|o| o.id == *org_id)
                && let Some(o) = reference::organisation_by_id(&ctx.db, *org_id).await?
            {
                orgs.push(o);
            }
        }
        marks.push((recorded, meetings::answers(&ctx.db, m.id).await?));
    }
    orgs.sort_by(|a, b| (a.observer, &a.acronym).cmp(&(b.observer, &b.acronym)));
    orgs.dedup_by_key(|o| o.id);
    let rows = orgs
        .iter()
        .map(|o| {
            let row = marks
                .iter()
                .map(|(recorded, answers)| {
                    let present = recorded.iter().find(|(id, _)| *id == o.id).map(|(_, p)| *p);
                    let answer = answers.iter().find(|(id, _)| *id == o.id).map(|(_, a)| *a);
                    AttendanceMark::of(present, answer)
                })
                .collect();
            (o.acronym.clone(), row)
        })
        .collect();
    Ok(AttendanceGrid { mechanism: mech.code, meetings: held.iter().map(|m| m.starts_at).collect(), rows })
}

/// Minutes within 72 hours per mechanism over the last `months` months (mechanisms with
/// meetings counted only).
pub async fn minutes_shares(ctx: &Ctx, months: u32) -> AppResult<Vec<MinutesShare>> {
    Ok(super::minutes::compliance_all(ctx, months)
        .await?
        .into_iter()
        .map(|(m, c)| MinutesShare { mechanism: m.code, on_time: c.on_time, meetings: c.meetings })
        .collect())
}

/// The first instant of a month in the cluster's zone.
pub fn month_start(ctx: &Ctx, month: ReportingMonth) -> DateTime<Utc> {
    let naive = month.first_day().and_time(NaiveTime::MIN);
    ctx.tz.from_local_datetime(&naive).earliest().map_or_else(|| Utc.from_utc_datetime(&naive), |d| d.to_utc())
}

/// Everything the digest of `month` shows.
pub async fn digest(ctx: &Ctx, month: ReportingMonth) -> AppResult<Digest> {
    let now = ctx.clock.now();
    let (from, to) = (month_start(ctx, month), month_start(ctx, month.next()));
    let mut held = Vec::new();
    for m in meetings::between(&ctx.db, None, from, to, false).await? {
        if m.ends_at() > now {
            continue;
        }
        let recorded = meetings::attendance(&ctx.db, m.id).await?;
        held.push(HeldMeeting {
            mechanism: m.mechanism.code.clone(),
            starts_at: m.starts_at,
            present: recorded.iter().filter(|(_, p)| *p).count(),
            marked: recorded.len(),
        });
    }
    let mut minutes_total = (0, 0);
    let mut by_mechanism = Vec::new();
    let mut missing = Vec::new();
    for mech in reference::mechanisms(&ctx.db).await? {
        let mut share = MinutesShare { mechanism: mech.code.clone(), on_time: 0, meetings: 0 };
        for (_, starts_at, length, shared_at, _) in minutes::meetings_with_minutes(&ctx.db, mech.id, from, to).await? {
            let ends = from_ts_pub(starts_at) + Duration::minutes(length);
            let shared = shared_at.map(from_ts_pub);
            if shared.is_none() && now <= minutes_deadline(ends) {
                continue;
            }
            share.meetings += 1;
            share.on_time += usize::from(on_time(ends, shared));
        }
        if share.meetings > 0 {
            minutes_total.0 += share.on_time;
            minutes_total.1 += share.meetings;
            by_mechanism.push(share);
        }
        let absent: Vec<String> =
            super::reports::missing(ctx, mech.id, month).await?.into_iter().map(|(o, _)| o.acronym).collect();
        if !absent.is_empty() {
            missing.push((mech.code.clone(), absent));
        }
    }
    let ww = super::wherewho::of_month(&ctx.db, month, None).await?;
    let duplications = ww
        .duplications
        .iter()
        .map(|d| {
            let place = format!("{} ({})", d.place.cercle, d.place.region);
            (place, d.activity_fr.clone(), d.activity_en.clone(), d.orgs.join(", "))
        })
        .collect();
    Ok(Digest {
        month,
        produced: now.with_timezone(&ctx.tz).date_naive(),
        meetings: held,
        minutes: minutes_total,
        minutes_by_mechanism: by_mechanism,
        actions: figures::action_points_between(&ctx.db, from, to).await?,
        reach: reach(ctx, month, None).await?,
        gaps: ww.gaps.len(),
        duplications,
        missing,
        decisions: crate::storage::memory::register_between(&ctx.db, from, to).await?,
        // Forwarded to the inter-cluster meeting: small numbers are kept from view.
        small_numbers: Some(ctx.small_numbers),
        situations: super::situation::validated_between(ctx, from, to).await?,
    })
}

/// Queues the digest of a month to every coordinator (once per month and person).
pub async fn fan_out_digest(ctx: &Ctx, year: i32, month: u32) -> AppResult<Result<usize, String>> {
    let Ok(rm) = ReportingMonth::parse(&format!("{year:04}-{month:02}")) else {
        return Ok(Err("invalid month".into()));
    };
    let mut queued = 0;
    for person in crate::storage::people::coordinators(&ctx.db).await? {
        let key = format!("digest:{rm}:p{}", person.id);
        let message = crate::domain::jobs::Outgoing::Digest { year, month };
        queued += super::outbox::deliver(ctx, key, person.id, message).await? as usize;
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// Whether a person may see a chart: 4W charts of a mechanism for its chairs and the
/// coordinators (of every mechanism: coordinators only); attendance for those who manage the
/// mechanism's meetings; the minutes chart for chairs and coordinators.
pub async fn may_see(
    ctx: &Ctx,
    access: &super::people::Access,
    chart: &crate::domain::figures::ChartRequest,
) -> AppResult<bool> {
    use crate::domain::figures::ChartRequest as C;
    Ok(match chart {
        C::Reach { mechanism_id, .. }
        | C::SexAge { mechanism_id, .. }
        | C::Trend { mechanism_id, .. }
        | C::WhoWhere { mechanism_id, .. } => match mechanism_id {
            None => access.coordinator,
            Some(id) => super::reports::may_review(access, Some(*id)),
        },
        C::Attendance { mechanism_id } => {
            super::meetings::managed_mechanisms(ctx, access).await?.iter().any(|m| m.id == *mechanism_id)
        }
        C::Minutes => !super::meetings::managed_mechanisms(ctx, access).await?.is_empty(),
    })
}

/// The minutes shares of the mechanisms a person manages.
pub async fn minutes_shares_for(
    ctx: &Ctx,
    access: &super::people::Access,
    months: u32,
) -> AppResult<Vec<MinutesShare>> {
    let managed: Vec<String> =
        super::meetings::managed_mechanisms(ctx, access).await?.into_iter().map(|m| m.code).collect();
    Ok(minutes_shares(ctx, months).await?.into_iter().filter(|s| managed.contains(&s.mechanism)).collect())
}
