//! Subcommands that write files or change activity data: the monthly digest, exports, activities.

use super::*;

pub(super) async fn run_digest(
    config: &Config,
    month: &str,
    lang: &str,
    output: &std::path::Path,
) -> anyhow::Result<()> {
    use crate::domain::Language;
    use crate::domain::fourw::ReportingMonth;
    let month = ReportingMonth::parse(month).map_err(anyhow::Error::msg)?;
    let langs = match lang {
        "both" => Language::ALL.to_vec(),
        code => vec![
            Language::parse(code).ok_or_else(|| anyhow::anyhow!("--lang must be fr, en or both, not \"{lang}\""))?,
        ],
    };
    let ctx = context(config).await?;
    let current = ReportingMonth::of(ctx.clock.now().with_timezone(&ctx.tz).date_naive());
    if month >= current {
        anyhow::bail!("--month must be a finished month (before {current}), not {month}");
    }
    let i18n = I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?;
    let digest = crate::services::figures::digest(&ctx, month).await?;
    let pdf = crate::charts::digest::pdf(&digest, &langs, ctx.tz, &i18n)?;
    std::fs::write(output, &pdf).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", output.display()))?;
    eprintln!("digest of {month} written to {} ({} bytes)", output.display(), pdf.len());
    Ok(())
}

pub(super) async fn run_export(config: &Config, command: ExportCommand) -> anyhow::Result<()> {
    use crate::domain::fourw::ReportingMonth;
    use crate::services::export::{self, Format};
    let (month, format, output, mechanism, lang, to_share) = match command {
        ExportCommand::Fourw { month, format, output, mechanism, lang, to_share } => {
            (month, format, output, mechanism, lang, to_share)
        }
        ExportCommand::Members { format, output, mechanism, lang } => {
            return export_members(config, &format, &output, mechanism.as_deref(), &lang).await;
        }
    };
    let month = ReportingMonth::parse(&month).map_err(anyhow::Error::msg)?;
    let format =
        Format::parse(&format).ok_or_else(|| anyhow::anyhow!("--format must be csv or xlsx, not \"{format}\""))?;
    let lang = crate::domain::Language::parse(&lang)
        .ok_or_else(|| anyhow::anyhow!("--lang must be fr or en, not \"{lang}\""))?;
    let ctx = context(config).await?;
    let mech = match mechanism {
        Some(code) => Some(membership::mechanism(&ctx, &code).await?),
        None => None,
    };
    let i18n = I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?;
    let audience =
        if to_share { export::Audience::Shared { threshold: ctx.small_numbers } } else { export::Audience::Internal };
    let mut labels = export::Labels::for_audience(lang, &i18n, ctx.tz, audience);
    // The who-does-what-where sheet (XLSX) is computed as the lines stream past.
    let mut companion = crate::services::wherewho::SheetCompanion {
        acc: Default::default(),
        cercles: crate::storage::boundaries::cercles(&ctx.db).await?,
        lang,
        i18n: &i18n,
    };
    let (bytes, lines) =
        export::stream_month(&ctx.db, month, mech.as_ref().map(|m| m.id), format, &mut labels, &mut companion).await?;
    std::fs::write(&output, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", output.display()))?;
    let what = format!(
        "4W {month} {format:?}{} to {}",
        if to_share { " to share (small numbers hidden)" } else { "" },
        output.display()
    );
    crate::services::audit::record_export(&ctx, meetings::Actor::CommandLine, &what, mech.as_ref()).await?;
    eprintln!("{lines} line(s) of {month} written to {}", output.display());
    Ok(())
}

async fn export_members(
    config: &Config,
    format: &str,
    output: &std::path::Path,
    mechanism: Option<&str>,
    lang: &str,
) -> anyhow::Result<()> {
    use crate::services::member_list;
    let lang = crate::domain::Language::parse(lang)
        .ok_or_else(|| anyhow::anyhow!("--lang must be fr or en, not \"{lang}\""))?;
    let ctx = context(config).await?;
    let mech = match mechanism {
        Some(code) => Some(membership::mechanism(&ctx, code).await?),
        None => None,
    };
    let all = crate::storage::memberships::all_active(&ctx.db).await?;
    let list: Vec<_> = all.into_iter().filter(|m| mech.as_ref().is_none_or(|x| x.id == m.mechanism.id)).collect();
    let i18n = I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?;
    let h = member_list::Headings::new(lang, &i18n);
    let rows = member_list::rows(&list, &h, lang, ctx.tz);
    let bytes = match format {
        "xlsx" => member_list::to_xlsx(&rows, &h.sheet)?,
        "csv" => member_list::to_csv(&rows)?,
        other => anyhow::bail!("--format must be csv or xlsx, not \"{other}\""),
    };
    std::fs::write(output, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", output.display()))?;
    let what = format!("member list {format} to {}", output.display());
    crate::services::audit::record_export(&ctx, meetings::Actor::CommandLine, &what, mech.as_ref()).await?;
    eprintln!("{} seat(s) written to {}", list.len(), output.display());
    Ok(())
}

pub(super) async fn run_activity(config: &Config, command: ActivityCommand) -> anyhow::Result<()> {
    use crate::storage::reports;
    let ctx = context(config).await?;
    match command {
        ActivityCommand::List { sector } => {
            for a in reports::activities(&ctx.db, sector.as_deref()).await? {
                println!("{}\t{}\t{}\t{}", a.code, a.sector_code, a.name_fr, a.name_en);
            }
        }
        ActivityCommand::Add { code, sector, fr, en } => {
            let catalogue = crate::storage::SectorCatalogue::Activities;
            super::fivew::add_to_catalogue(&ctx, catalogue, &code, &sector, &fr, &en).await?;
        }
    }
    Ok(())
}
