//! `cluster-bot meeting create|list|reschedule|cancel`: meetings from the command line.

use super::*;

#[derive(Subcommand, Debug)]
pub(super) enum MeetingCommand {
    /// Create a meeting (same rules as /newmeeting); prints its id.
    Create {
        /// Mechanism code (e.g. CPN, CR-GAO).
        #[arg(long)]
        mechanism: String,
        /// Start, in the cluster's time zone: "YYYY-MM-DD HH:MM".
        #[arg(long)]
        start: String,
        /// Duration in minutes (15 to 720).
        #[arg(long, default_value_t = 120)]
        minutes: i64,
        /// Place, or link of the online meeting.
        #[arg(long)]
        place: Option<String>,
        /// Agenda.
        #[arg(long)]
        agenda: Option<String>,
        /// An ad-hoc meeting (may be called less than 48 hours ahead).
        #[arg(long)]
        adhoc: bool,
        /// Repeat every month on the same weekday (e.g. the 2nd Tuesday): creates the next occurrences.
        #[arg(long)]
        monthly: bool,
    },
    /// List meetings from today.
    List {
        /// Only this mechanism.
        #[arg(long)]
        mechanism: Option<String>,
    },
    /// Move a meeting (the invitees are told; a regular meeting still needs 48 hours' notice).
    Reschedule {
        #[arg(long)]
        id: i64,
        /// New start, in the cluster's time zone: "YYYY-MM-DD HH:MM".
        #[arg(long)]
        start: String,
        /// New duration in minutes.
        #[arg(long)]
        minutes: Option<i64>,
    },
    /// Cancel a meeting (the invitees are told).
    Cancel {
        #[arg(long)]
        id: i64,
    },
}

/// "YYYY-MM-DD HH:MM" in the cluster's zone.
pub(super) fn parse_start(raw: &str, tz: chrono_tz::Tz) -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let naive = chrono::NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%d %H:%M").map_err(|_| {
        anyhow::anyhow!("--start must be \"YYYY-MM-DD HH:MM\" (e.g. \"2026-12-08 10:00\"), not \"{raw}\"")
    })?;
    meeting::local_to_utc(tz, naive.date(), naive.time())
        .ok_or_else(|| anyhow::anyhow!("{raw} does not exist in the time zone {tz}"))
}

pub(super) fn meeting_line(m: &crate::domain::Meeting, tz: chrono_tz::Tz) -> String {
    format!(
        "{}\t{}\t{}\t{} min\t{}{}\t{}",
        m.id,
        m.mechanism.code,
        m.starts_at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        m.duration_minutes,
        m.kind.as_str(),
        if m.cancelled { " (cancelled)" } else { "" },
        m.place.as_deref().unwrap_or("-")
    )
}

pub(super) async fn run_meeting(config: &Config, command: MeetingCommand) -> anyhow::Result<()> {
    let ctx = context(config).await?;
    match command {
        MeetingCommand::Create { mechanism, start, minutes, place, agenda, adhoc, monthly } => {
            let mech = membership::mechanism(&ctx, &mechanism).await?;
            let starts_at = parse_start(&start, ctx.tz)?;
            let draft = meetings::MeetingDraft {
                mechanism_id: mech.id,
                starts_at,
                duration_minutes: minutes,
                place,
                agenda,
                kind: if adhoc { MeetingKind::AdHoc } else { MeetingKind::Regular },
                monthly,
            };
            let created = meetings::create(&ctx, meetings::Actor::CommandLine, draft).await?;
            for m in &created {
                println!("{}", m.id);
            }
            let first = &created[0];
            let invite_at = meeting::invitation_due(ctx.clock.now(), &first.timing(), ctx.invitation_lead);
            eprintln!(
                "created {} meeting(s) of {}; invitations go out {}",
                created.len(),
                mech.code,
                invite_at.with_timezone(&ctx.tz).format("%Y-%m-%d %H:%M %Z")
            );
        }
        MeetingCommand::List { mechanism } => {
            let mech_id = match mechanism {
                Some(code) => Some(membership::mechanism(&ctx, &code).await?.id),
                None => None,
            };
            let today = ctx.clock.now() - chrono::Duration::days(1);
            for m in meetings::list(&ctx, mech_id, today).await? {
                println!("{}", meeting_line(&m, ctx.tz));
            }
        }
        MeetingCommand::Reschedule { id, start, minutes } => {
            let starts_at = parse_start(&start, ctx.tz)?;
            let m = meetings::reschedule(&ctx, meetings::Actor::CommandLine, id, starts_at, minutes).await?;
            println!("{}", meeting_line(&m, ctx.tz));
        }
        MeetingCommand::Cancel { id } => {
            let m = meetings::cancel(&ctx, meetings::Actor::CommandLine, id).await?;
            println!("{}", meeting_line(&m, ctx.tz));
        }
    }
    Ok(())
}
