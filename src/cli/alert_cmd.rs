//! `cluster-bot alert`: the displacement alerts raised to the CMP, listed or exported as CSV or
//! XLSX with an HXL hashtag row.

use super::*;
use crate::services::alerts;
use crate::services::export::Format;

#[derive(Subcommand, Debug)]
pub(super) enum AlertCommand {
    /// The alerts, oldest first: id, date, cercle P-code, households, cause, verified, status.
    List {
        /// Only the open alerts (raised or validated, not refused or closed).
        #[arg(long)]
        open: bool,
        /// csv or xlsx (with a header row and an HXL hashtag row); without it, a plain list.
        #[arg(long, value_parser = format)]
        format: Option<Format>,
        /// Where to write the file (default: standard output for CSV; required for XLSX).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

fn format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| "csv or xlsx".to_string())
}

pub(super) async fn run(ctx: &Ctx, command: AlertCommand) -> anyhow::Result<()> {
    match command {
        AlertCommand::List { open, format, out } => {
            let list = alerts::list(ctx, open).await?;
            let bytes = match format {
                None => {
                    if list.is_empty() {
                        println!("no alerts");
                    }
                    for row in alerts::rows(&list) {
                        println!("{}", row.join("  "));
                    }
                    return Ok(());
                }
                Some(Format::Csv) => alerts::to_csv(&list)?,
                Some(Format::Xlsx) => alerts::to_xlsx(&list)?,
            };
            match (out, format) {
                (Some(path), _) => {
                    std::fs::write(&path, &bytes)
                        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                    println!("{} alerts written to {}", list.len(), path.display());
                }
                (None, Some(Format::Xlsx)) => anyhow::bail!("--format xlsx needs --out FILE"),
                (None, _) => {
                    use std::io::Write;
                    std::io::stdout().write_all(&bytes)?;
                }
            }
            Ok(())
        }
    }
}
