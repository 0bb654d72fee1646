//! The register of decisions: every closed vote's outcome and the decisions the chair records
//! with the minutes (what, who follows up, an optional review date), each with its mechanism,
//! meeting and date; the chairs are reminded on the review date; exported in both languages.

use super::Ctx;
use super::outbox::{chair_recipients, deliver};
use super::people::Access;
use crate::domain::jobs::{Job, Outgoing};
use crate::domain::memory::{
    DecisionLineError, FollowUpRef, MemoryJob, MemoryMsg, Outcome, RecordedDecision, RegisterEntry, parse_decisions,
    sort_register,
};
use crate::domain::personal_data;
use crate::domain::vote::Choices;
use crate::domain::{AppError, AppResult, Language, Meeting, Organisation};
use crate::i18n::{DecisionsMsg, I18n, MemoryMsg as Text, Msg};
use crate::storage::memory::{self as store, NewDecision};
use crate::storage::{Tx, jobs, reference, votes};
use chrono::{NaiveDate, NaiveTime};

/// A decision as the chair typed it, its organisation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDecision {
    pub what: String,
    pub organisation: Option<Organisation>,
    pub review: Option<NaiveDate>,
}

/// Parses typed decisions and finds their organisations. The register is shared beyond the
/// minutes (the export, the digest): personal data in it is refused.
pub async fn resolve_decisions(ctx: &Ctx, text: &str) -> AppResult<Result<Vec<ResolvedDecision>, DecisionLineError>> {
    let today = ctx.clock.now().with_timezone(&ctx.tz).date_naive();
    let drafts = match parse_decisions(text, today) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let mut out = Vec::new();
    for (i, d) in drafts.into_iter().enumerate() {
        let line = i + 1;
        if let Some(kind) = personal_data::detect(&d.what) {
            return Ok(Err(DecisionLineError::PersonalData { line, kind: kind.as_str().to_string() }));
        }
        let organisation = match &d.organisation {
            None => None,
            Some(acronym) => match reference::organisation_by_acronym(&ctx.db, acronym).await? {
                Some(o) => Some(o),
                None => {
                    let acronym = acronym.chars().take(20).collect();
                    return Ok(Err(DecisionLineError::Organisation { line, acronym }));
                }
            },
        };
        out.push(ResolvedDecision { what: d.what, organisation, review: d.review });
    }
    Ok(Ok(out))
}

/// Inside the minutes' transaction: the decisions recorded, their review reminders, and what
/// the chair marked for the follow-up.
pub async fn record_in(
    ctx: &Ctx,
    tx: &mut Tx,
    m: &Meeting,
    by: Option<i64>,
    decisions: &[ResolvedDecision],
    marks: &[(FollowUpRef, Outcome)],
) -> AppResult<()> {
    let now = ctx.clock.now();
    let new: Vec<NewDecision> = decisions
        .iter()
        .map(|d| NewDecision {
            what: &d.what,
            organisation_id: d.organisation.as_ref().map(|o| o.id),
            review: d.review,
        })
        .collect();
    let ids = store::insert_decisions_in(tx, m.mechanism.id, m.id, &new, by, now).await?;
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    for (id, d) in ids.iter().zip(decisions) {
        let Some(review) = d.review else { continue };
        let Some(at) = crate::domain::meeting::local_to_utc(ctx.tz, review, nine) else { continue };
        let job = Job::Memory(MemoryJob::ReviewDue { decision_id: *id });
        jobs::enqueue_in(tx, &format!("rd{id}:review"), &job, at.max(now), now).await?;
    }
    store::record_follow_ups_in(tx, m.id, marks, by, now).await
}

/// The register as a person may read it: the mechanisms whose internal matters they see,
/// optionally one of them; newest first.
pub async fn register(ctx: &Ctx, access: &Access, mechanism: Option<i64>, limit: i64) -> AppResult<Vec<RegisterEntry>> {
    access.require_member()?;
    let mut ids = super::people::internal_mechanisms(ctx, access).await?;
    if let Some(only) = mechanism {
        ids.retain(|m| *m == only);
    }
    entries(ctx, &ids, limit).await
}

/// The whole register (the command line), optionally of one mechanism.
pub async fn register_all(ctx: &Ctx, mechanism: Option<i64>) -> AppResult<Vec<RegisterEntry>> {
    let ids: Vec<i64> = reference::mechanisms(&ctx.db)
        .await?
        .into_iter()
        .map(|m| m.id)
        .filter(|id| mechanism.is_none_or(|only| only == *id))
        .collect();
    entries(ctx, &ids, i64::MAX).await
}

async fn entries(ctx: &Ctx, mechanism_ids: &[i64], limit: i64) -> AppResult<Vec<RegisterEntry>> {
    let mut out: Vec<RegisterEntry> = votes::of_mechanisms(&ctx.db, mechanism_ids, limit)
        .await?
        .into_iter()
        .filter(|v| v.closed_at.is_some())
        .map(RegisterEntry::Vote)
        .collect();
    out.extend(
        store::decisions_of_mechanisms(&ctx.db, mechanism_ids, limit).await?.into_iter().map(RegisterEntry::Recorded),
    );
    sort_register(&mut out);
    out.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(out)
}

pub async fn decision(ctx: &Ctx, id: i64) -> AppResult<RecordedDecision> {
    store::decision(&ctx.db, id).await?.ok_or(AppError::NotFound)
}

/// The register's jobs. `Ok(Err(reason))` when the job had become pointless.
pub async fn fan_out(ctx: &Ctx, job: &MemoryJob) -> AppResult<Result<usize, String>> {
    let mut queued = 0;
    match job {
        MemoryJob::ReviewDue { decision_id } => {
            let d = decision(ctx, *decision_id).await?;
            if d.outcome.is_some_and(Outcome::settles) {
                return Ok(Err("decision settled at a meeting".into()));
            }
            for chair in chair_recipients(ctx, d.mechanism.id).await? {
                let key = format!("rd{}:review:p{chair}", d.id);
                let msg = Outgoing::Memory(MemoryMsg::ReviewDue { decision_id: d.id });
                queued += usize::from(deliver(ctx, key, chair, msg).await?);
            }
        }
    }
    if queued > 0 {
        ctx.wake.notify_one();
    }
    Ok(Ok(queued))
}

/// The register as rows in one language: a heading row, then one row per decision.
pub async fn rows(ctx: &Ctx, i18n: &I18n, lang: Language, list: &[RegisterEntry]) -> AppResult<Vec<Vec<String>>> {
    let t = |m: Msg| i18n.render(lang, &m);
    let date = |d: chrono::DateTime<chrono::Utc>| d.with_timezone(&ctx.tz).format("%d/%m/%Y").to_string();
    let mut out = vec![
        [
            Text::RgColDate,
            Text::RgColMechanism,
            Text::RgColMeeting,
            Text::RgColKind,
            Text::RgColDecision,
            Text::RgColResult,
            Text::RgColFollowUp,
            Text::RgColReview,
            Text::RgColStatus,
        ]
        .map(|m| t(m.into()))
        .to_vec(),
    ];
    for e in list {
        let mechanism = format!("{} — {}", e.mechanism().code, e.mechanism().name(lang));
        out.push(match e {
            RegisterEntry::Vote(v) => {
                let meeting = match v.meeting_id {
                    Some(id) => crate::storage::meetings::by_id(&ctx.db, id).await?.map(|m| date(m.starts_at)),
                    None => None,
                };
                let tally = match &v.result {
                    Some(t) => t.clone(),
                    None => super::votes::tally(ctx, v).await?,
                };
                let labels: Vec<String> = match &v.choices {
                    Choices::YesNoAbstain => {
                        [DecisionsMsg::DcYes, DecisionsMsg::DcNo, DecisionsMsg::DcAbstain].map(|m| t(m.into())).to_vec()
                    }
                    Choices::Labels(l) => l.clone(),
                };
                let counts: Vec<String> = labels.iter().zip(&tally.counts).map(|(l, c)| format!("{l} {c}")).collect();
                let leaders: Vec<String> = tally.leaders().into_iter().filter_map(|i| labels.get(i).cloned()).collect();
                let result = t(Text::RgVoteResult {
                    leaders: if leaders.is_empty() { "—".into() } else { leaders.join(", ") },
                    counts: counts.join(", "),
                    met: if tally.quorum_met { "yes" } else { "no" }.into(),
                }
                .into());
                vec![
                    date(e.date()),
                    mechanism,
                    meeting.unwrap_or_else(|| "—".into()),
                    t(Text::RgKindVote.into()),
                    v.question.clone(),
                    result,
                    "—".into(),
                    "—".into(),
                    "—".into(),
                ]
            }
            RegisterEntry::Recorded(d) => vec![
                date(e.date()),
                mechanism,
                date(d.meeting_starts_at),
                t(Text::RgKindRecorded.into()),
                d.what.clone(),
                "—".into(),
                d.organisation.clone().unwrap_or_else(|| "—".into()),
                d.review_date.map(|r| r.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "—".into()),
                t(Text::FuOutcome { outcome: d.outcome.map(|o| o.as_str()).unwrap_or("open").into() }.into()),
            ],
        });
    }
    Ok(out)
}

/// The register as XLSX: one sheet per language (French first), the same rows in each.
pub async fn to_xlsx(ctx: &Ctx, i18n: &I18n, list: &[RegisterEntry]) -> AppResult<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for lang in [Language::Fr, Language::En] {
        let rows = rows(ctx, i18n, lang, list).await?;
        let ws = wb.add_worksheet();
        ws.set_name(i18n.render(lang, Text::RgSheet)).map_err(AppError::internal)?;
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(AppError::internal)?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(AppError::internal)?;
                if r == 0 {
                    ws.write_string_with_format(r, c, cell, &bold).map_err(AppError::internal)?;
                } else {
                    ws.write_string(r, c, cell).map_err(AppError::internal)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(AppError::internal)?;
        ws.autofit();
    }
    wb.save_to_buffer().map_err(AppError::internal)
}
