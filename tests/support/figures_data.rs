//! Real data for the chart and digest tests and benchmarks: 4W submissions spread over
//! organisations, mechanisms, regions, cercles and activities, meetings with attendance,
//! answers and minutes — all written through the storage layer into a migrated SQLite file.
#![allow(dead_code)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use cluster_bot::domain::fourw::{ActivityStatus, Line, Reached, ReportingMonth};
use cluster_bot::domain::meeting::{MeetingKind, RsvpAnswer};
use cluster_bot::domain::{DisplayName, Language};
use cluster_bot::storage::meetings::{self, NewMeeting};
use cluster_bot::storage::minutes::{self, NewAction, NewMinutes};
use cluster_bot::storage::reports::{self, NewSubmission};
use cluster_bot::storage::{Db, people, reference};

pub async fn person(db: &Db, telegram_id: i64, now: DateTime<Utc>) -> i64 {
    let name = DisplayName::parse("Awa Traoré").unwrap();
    people::get_or_create(db, telegram_id, &name, Language::Fr, now).await.unwrap().id
}

/// Submits about `lines` 4W lines for `month`, from `orgs` organisations in `mechanisms`
/// mechanisms (one submission per pair), spread over the cercles of five regions and every
/// activity. `scale` multiplies the people reached. Returns the number of lines written.
pub async fn seed_fourw(
    db: &Db,
    month: ReportingMonth,
    lines: usize,
    orgs: usize,
    mechanisms: usize,
    scale: u32,
) -> usize {
    let now = DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().to_utc();
    let who = person(db, 9_000_001, now).await;
    let organisations: Vec<_> =
        reference::organisations(db).await.unwrap().into_iter().filter(|o| !o.observer).take(orgs).collect();
    let mechs: Vec<_> = reference::mechanisms(db).await.unwrap().into_iter().take(mechanisms).collect();
    let regions = ["ML01", "ML04", "ML05", "ML06", "ML07"];
    let cercles: Vec<(String, String)> = reports::cercles(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| regions.contains(&c.0.as_str()))
        .map(|c| (c.0, c.2))
        .collect();
    let activities = reports::activities(db, None).await.unwrap();
    let per = lines.div_ceil(organisations.len() * mechs.len()).max(1);
    let (first, last) = (month.first_day(), month.last_day());
    let mut written = 0;
    let mut k = 0usize;
    for (oi, org) in organisations.iter().enumerate() {
        for mech in &mechs {
            let mut batch = Vec::new();
            for _ in 0..per {
                if written + batch.len() >= lines {
                    break;
                }
                k += 1;
                // Each organisation works in a few cercles only, so that gaps remain.
                let (region, cercle) = &cercles[(oi * 7 + k % 3) % cercles.len()];
                let a = &activities[(k + oi) % activities.len()];
                let n = |base: u32| (base + (k as u32 * 7 + oi as u32) % 40) * scale;
                batch.push(Line {
                    sector: a.sector_code.clone(),
                    activity: a.code.clone(),
                    region: region.clone(),
                    cercle: cercle.clone(),
                    status: ActivityStatus::Ongoing,
                    start: first,
                    end: last,
                    reached: Reached {
                        girls: n(5),
                        boys: n(4),
                        women: n(12),
                        men: n(8),
                        elderly_women: 0,
                        elderly_men: 0,
                        disabled: scale,
                    },
                    partner: None,
                    donor: Some("ECHO".into()),
                    remarks: None,
                    population: None,
                    modality: None,
                    targeted: Default::default(),
                    commune: None,
                    plan_code: None,
                    boundaries: String::new(),
                });
            }
            if batch.is_empty() {
                continue;
            }
            written += batch.len();
            let s = NewSubmission {
                organisation_id: org.id,
                mechanism_id: mech.id,
                month,
                lines: &batch,
                no_activity: false,
                late: false,
                person_id: who,
                now,
                boundaries: "2021",
            };
            reports::submit(db, s).await.unwrap();
        }
    }
    written
}

/// A past meeting of `mechanism` with attendance, answers, and (when `minutes_after` is given)
/// minutes shared that long after its end. Returns the meeting id.
pub async fn held_meeting(
    db: &Db,
    mechanism: &str,
    starts_at: DateTime<Utc>,
    marks: &[(&str, Option<bool>, Option<RsvpAnswer>)],
    minutes_after: Option<Duration>,
) -> i64 {
    let mech = reference::mechanism_by_code(db, mechanism).await.unwrap().unwrap();
    let who = person(db, 9_000_002, starts_at).await;
    let uid = format!("test-{}-{}", mechanism, starts_at.timestamp());
    let id = meetings::insert(
        db,
        NewMeeting {
            uid: &uid,
            mechanism_id: mech.id,
            series_id: None,
            starts_at,
            duration_minutes: 120,
            place: Some("Bamako"),
            agenda: None,
            kind: MeetingKind::Regular,
            created_by: None,
            created_at: starts_at - Duration::days(10),
        },
    )
    .await
    .unwrap();
    let mut attendance = Vec::new();
    for (acronym, present, answer) in marks {
        let org = reference::organisation_by_acronym(db, acronym).await.unwrap().unwrap();
        if let Some(a) = answer {
            meetings::set_answer(db, id, org.id, *a, who, starts_at - Duration::days(1)).await.unwrap();
        }
        if let Some(p) = present {
            attendance.push((org.id, *p));
        }
    }
    meetings::set_attendance(db, id, &attendance, who, starts_at + Duration::hours(3)).await.unwrap();
    if let Some(after) = minutes_after {
        let ends = starts_at + Duration::minutes(120);
        let body = NewMinutes {
            meeting_id: id,
            file_id: None,
            file_name: None,
            body: Some("Compte rendu"),
            shared_by: Some(who),
        };
        let org = reference::organisation_by_acronym(db, "NRC").await.unwrap().unwrap();
        let due = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        let action = NewAction { what: "Partager la cartographie", organisation_id: org.id, due };
        minutes::insert(db, body, &[action], ends + after).await.unwrap();
    }
    id
}

/// Makes a new person a member of `org` in `mech` through the real services (invitation
/// issued and accepted). Returns their person id.
pub async fn member(
    ctx: &cluster_bot::services::Ctx,
    telegram_id: i64,
    org: &str,
    mech: &str,
    role: cluster_bot::domain::Role,
) -> i64 {
    use cluster_bot::services::membership::{self, Issuer};
    let o = membership::organisation(ctx, org).await.unwrap();
    let m = membership::mechanism(ctx, mech).await.unwrap();
    let issued = membership::issue_invitation(ctx, Issuer::CommandLine, &o, &m, role, false).await.unwrap();
    let person = cluster_bot::services::people::identify(ctx, telegram_id, "Awa", None, Some("fr")).await.unwrap();
    let inv = membership::open_invitation(ctx, issued.code.as_str()).await.unwrap();
    membership::accept_invitation(ctx, &person, inv.id, None).await.unwrap();
    person.id
}
