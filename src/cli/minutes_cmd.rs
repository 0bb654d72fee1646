//! `cluster-bot minutes compliance|missing`: the 72-hour rule from the command line.

use super::meeting_cmd::meeting_line;
use crate::services::Ctx;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub(super) enum MinutesCommand {
    /// Share of meetings whose minutes went out within 72 hours, per mechanism.
    Compliance {
        /// Over the last N months (30-day periods).
        #[arg(long, default_value_t = 6)]
        months: u32,
    },
    /// Meetings that ended without minutes.
    Missing,
}

pub(super) async fn run(ctx: &Ctx, command: MinutesCommand) -> anyhow::Result<()> {
    match command {
        MinutesCommand::Compliance { months } => {
            if !(1..=60).contains(&months) {
                anyhow::bail!("--months must be between 1 and 60, not {months}");
            }
            let all = crate::services::minutes::compliance_all(ctx, months).await?;
            if all.is_empty() {
                println!("no meeting ended in the last {months} month(s)");
            }
            for (mech, c) in all {
                println!("{}\t{}%\t{}/{} within 72 h", mech.code, c.percent().unwrap_or(0), c.on_time, c.meetings);
            }
        }
        MinutesCommand::Missing => {
            let now = ctx.clock.now();
            for mech in crate::storage::reference::mechanisms(&ctx.db).await? {
                for m in crate::storage::meetings::past(&ctx.db, mech.id, now, 50).await? {
                    if crate::storage::minutes::for_meeting(&ctx.db, m.id).await?.is_none() {
                        let overdue = now > crate::domain::minutes::minutes_deadline(m.ends_at());
                        println!("{}{}", meeting_line(&m, ctx.tz), if overdue { "\tOVERDUE" } else { "" });
                    }
                }
            }
        }
    }
    Ok(())
}
