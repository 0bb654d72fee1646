//! The command line of the 5W: admin boundary versions, month locks, the modality catalogue.

use crate::domain::AppError;
use crate::domain::fourw::ReportingMonth;
use crate::services::Ctx;
use crate::services::approval::{self, Locker};
use crate::storage::{SectorCatalogue, add_to_sector_catalogue};
use crate::storage::{boundaries, modalities};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum PcodesCommand {
    /// Load an OCHA COD-AB table (CSV or XLSX) as a new boundary version, offered in new reports.
    /// Columns are detected: ADM1_PCODE/ADM1_FR, ADM2_PCODE/ADM2_FR, ADM3_PCODE/ADM3_FR (or _EN,
    /// admin1Pcode/admin1Name_fr…), or the long form Admin Level/P-Code/Name/Parent P-Code.
    Import {
        /// The table (.csv or .xlsx).
        file: std::path::PathBuf,
        /// A label for this version, e.g. 2023 (lines keep the version they were reported with).
        #[arg(long = "version")]
        label: String,
    },
    /// The versions loaded, oldest first; the last one is offered in new reports.
    List,
}

#[derive(Subcommand, Debug)]
pub enum MonthCommand {
    /// Lock a month: no submission, return or approval until a coordinator unlocks it.
    Lock {
        /// The reporting month, YYYY-MM.
        #[arg(long)]
        month: String,
    },
    /// Unlock a month (recorded).
    Unlock {
        #[arg(long)]
        month: String,
    },
    /// Whether a month is locked, and the record of its locks and unlocks.
    Status {
        #[arg(long)]
        month: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ModalityCommand {
    /// List the modalities (code, sector, French and English names).
    List {
        #[arg(long)]
        sector: Option<String>,
    },
    /// Add a modality to a sector (no code change needed).
    Add {
        #[arg(long)]
        code: String,
        #[arg(long)]
        sector: String,
        #[arg(long)]
        fr: String,
        #[arg(long)]
        en: String,
    },
}

pub async fn pcodes(ctx: &Ctx, command: PcodesCommand) -> anyhow::Result<()> {
    match command {
        PcodesCommand::Import { file, label } => {
            let size =
                std::fs::metadata(&file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?.len();
            let max = crate::services::boundaries::LIMITS.file_bytes;
            if usize::try_from(size).map_or(true, |s| s > max) {
                anyhow::bail!("the file is refused: it is larger than {} MiB", max / (1024 * 1024));
            }
            let bytes = std::fs::read(&file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let label = label.trim().to_string();
            if boundaries::versions(&ctx.db).await?.iter().any(|v| v.label == label) {
                anyhow::bail!("a boundary version labelled \"{label}\" exists already; choose another --version");
            }
            let source = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let imported = crate::services::boundaries::import(ctx, &bytes, &label, &source).await?;
            let d = &imported.detected;
            if let Some(sheet) = &imported.sheet {
                println!("sheet: {sheet}");
            }
            if d.long {
                println!("columns: long form (Admin Level, P-Code, Name, Parent P-Code)");
            }
            for l in &d.levels {
                println!("level {}: P-code column {}, name column {}", l.level, l.pcode, l.name);
            }
            println!(
                "loaded version {}: {} level-1 unit(s), {} level-2, {} level-3; offered in new reports from now on",
                imported.label, d.counts[0], d.counts[1], d.counts[2]
            );
        }
        PcodesCommand::List => {
            let versions = boundaries::versions(&ctx.db).await?;
            let last = versions.last().map(|v| v.label.clone());
            for v in versions {
                let units = boundaries::units_of(&ctx.db, &v.label).await?;
                let count = |l: u8| units.iter().filter(|u| u.level == l).count();
                println!(
                    "{}\t{}\t{}/{}/{}\t{}{}",
                    v.seq,
                    v.label,
                    count(1),
                    count(2),
                    count(3),
                    v.source,
                    if Some(&v.label) == last.as_ref() { "\t(current)" } else { "" }
                );
            }
        }
    }
    Ok(())
}

pub async fn month(ctx: &Ctx, command: MonthCommand) -> anyhow::Result<()> {
    let (raw, lock) = match &command {
        MonthCommand::Lock { month } => (month, Some(true)),
        MonthCommand::Unlock { month } => (month, Some(false)),
        MonthCommand::Status { month } => (month, None),
    };
    let month = ReportingMonth::parse(raw).map_err(anyhow::Error::msg)?;
    match lock {
        Some(lock) => {
            let changed = approval::set_lock(ctx, Locker::CommandLine, month, lock).await?;
            let what = if lock { "locked" } else { "unlocked" };
            if changed {
                println!("{month} {what}");
            } else {
                println!("{month} already was {what}");
            }
        }
        None => {
            let locked = approval::is_locked(ctx, month).await?;
            println!("{month}: {}", if locked { "locked" } else { "open" });
            for e in crate::storage::approval::lock_events(&ctx.db, month).await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    e.at.with_timezone(&ctx.tz).format("%Y-%m-%d %H:%M"),
                    if e.lock { "lock" } else { "unlock" },
                    e.via,
                    e.person_id.map(|p| format!("person {p}")).unwrap_or_else(|| "-".into())
                );
            }
        }
    }
    Ok(())
}

pub async fn modality(ctx: &Ctx, command: ModalityCommand) -> anyhow::Result<()> {
    match command {
        ModalityCommand::List { sector } => {
            for m in modalities::list(&ctx.db, sector.as_deref()).await? {
                println!("{}\t{}\t{}\t{}", m.code, m.sector_code, m.name_fr, m.name_en);
            }
        }
        ModalityCommand::Add { code, sector, fr, en } => {
            add_to_catalogue(ctx, SectorCatalogue::Modalities, &code, &sector, &fr, &en).await?;
        }
    }
    Ok(())
}

/// `activity add` and `modality add`: the arguments checked, then the entry added after the
/// sector's last.
pub async fn add_to_catalogue(
    ctx: &Ctx,
    catalogue: SectorCatalogue,
    code: &str,
    sector: &str,
    fr: &str,
    en: &str,
) -> anyhow::Result<()> {
    let code = code.trim().to_ascii_uppercase();
    let valid = |s: &str| !s.trim().is_empty() && s.trim().chars().count() <= 120;
    if code.is_empty() || code.len() > 20 || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        anyhow::bail!("--code must be 1 to 20 letters, digits or dashes, not \"{code}\"");
    }
    if !valid(fr) || !valid(en) {
        anyhow::bail!("--fr and --en must be 1 to 120 characters");
    }
    let what = match catalogue {
        SectorCatalogue::Activities => "an activity",
        SectorCatalogue::Modalities => "a modality",
    };
    match add_to_sector_catalogue(&ctx.db, catalogue, &code, sector.trim(), fr.trim(), en.trim()).await {
        Ok(true) => println!("{code} added to {}", sector.trim()),
        Ok(false) => anyhow::bail!("{what} with the code {code} exists already"),
        Err(AppError::NotFound) => anyhow::bail!("unknown sector '{sector}' (PRO, PRO-CPN, PRO-GBV, PRO-HLP, PRO-MIN)"),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}
