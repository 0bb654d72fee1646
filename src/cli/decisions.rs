//! `cluster-bot decisions`: the register of decisions (closed votes and decisions recorded
//! with the minutes), listed or exported as CSV (one language) or XLSX (a French and an
//! English sheet).

use super::*;
use crate::services::export::Format;
use crate::services::register;

#[derive(clap::Args, Debug)]
pub(super) struct DecisionsArgs {
    #[command(subcommand)]
    pub(super) command: DecisionsCommand,
}

#[derive(Subcommand, Debug)]
pub(super) enum DecisionsCommand {
    /// The register, newest first: date, mechanism, meeting, kind, decision, result,
    /// follow-up by, review date, follow-up status.
    List {
        /// Only this mechanism (its code, e.g. CPN).
        #[arg(long)]
        mechanism: Option<String>,
        /// csv or xlsx; without it, a plain list.
        #[arg(long, value_parser = format)]
        format: Option<Format>,
        /// The language of the plain list and of the CSV (fr or en); the XLSX has both.
        #[arg(long, default_value = "fr")]
        lang: String,
        /// Where to write the file (default: standard output for CSV; required for XLSX).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

fn format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| "csv or xlsx".to_string())
}

pub(super) async fn run(ctx: &Ctx, command: DecisionsCommand) -> anyhow::Result<()> {
    match command {
        DecisionsCommand::List { mechanism, format, lang, out } => {
            let lang = crate::domain::Language::parse(&lang)
                .ok_or_else(|| anyhow::anyhow!("--lang must be fr or en, not \"{lang}\""))?;
            let mech = match mechanism.as_deref() {
                Some(code) => Some(membership::mechanism(ctx, code).await?),
                None => None,
            };
            let list = register::register_all(ctx, mech.as_ref().map(|m| m.id)).await?;
            let i18n = I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?;
            let bytes = match format {
                None => {
                    if list.is_empty() {
                        println!("no decisions");
                    }
                    for row in register::rows(ctx, &i18n, lang, &list).await?.iter().skip(1) {
                        println!("{}", row.join("\t"));
                    }
                    return Ok(());
                }
                Some(Format::Csv) => {
                    crate::services::member_list::to_csv(&register::rows(ctx, &i18n, lang, &list).await?)?
                }
                Some(Format::Xlsx) => register::to_xlsx(ctx, &i18n, &list).await?,
            };
            match (out, format) {
                (Some(path), _) => {
                    std::fs::write(&path, &bytes)
                        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                    let what = format!("register of decisions to {}", path.display());
                    crate::services::audit::record_export(ctx, meetings::Actor::CommandLine, &what, mech.as_ref())
                        .await?;
                    println!("{} decisions written to {}", list.len(), path.display());
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
