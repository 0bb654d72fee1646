//! `cluster-bot tour`: turn a mechanism's tour de table on or off, or show where it is on.

use super::*;
use crate::services::meetings::Actor;
use crate::services::tour;

#[derive(clap::Args, Debug)]
pub(super) struct TourArgs {
    #[command(subcommand)]
    pub(super) command: TourCommand,
}

#[derive(Subcommand, Debug)]
pub(super) enum TourCommand {
    /// Ask the member organisations for their update 48 h before each meeting of the mechanism.
    On {
        /// The mechanism's code (e.g. CPN).
        #[arg(long)]
        mechanism: String,
    },
    /// No more tour de table for the mechanism (requests already planned are not sent).
    Off {
        #[arg(long)]
        mechanism: String,
    },
    /// Each mechanism and whether it does a tour de table.
    Status,
}

pub(super) async fn run(ctx: &Ctx, command: TourCommand) -> anyhow::Result<()> {
    let (code, on) = match command {
        TourCommand::On { mechanism } => (mechanism, true),
        TourCommand::Off { mechanism } => (mechanism, false),
        TourCommand::Status => {
            for m in crate::storage::reference::mechanisms(&ctx.db).await? {
                let on = crate::storage::tour::enabled(&ctx.db, m.id).await?;
                println!("{}\t{}", m.code, if on { "on" } else { "off" });
            }
            return Ok(());
        }
    };
    let Some(m) = crate::storage::reference::mechanism_by_code(&ctx.db, &code).await? else {
        anyhow::bail!("unknown mechanism: {code}");
    };
    let changed = tour::set(ctx, Actor::CommandLine, m.id, on).await?;
    let state = if on { "on" } else { "off" };
    if changed {
        println!("tour de table {state} for {}", m.code);
    } else {
        println!("tour de table already {state} for {}", m.code);
    }
    Ok(())
}
