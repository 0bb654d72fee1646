//! The command line: runs the bot and administers it (the first coordinator has to come
//! from somewhere).

mod admin;
mod alert_cmd;
mod decisions;
mod docs;
mod files;
mod fivew;
mod meeting_cmd;
mod minutes_cmd;
mod reuse;
mod tour_cmd;

use crate::config::Config;
use crate::domain::meeting::{self, MeetingKind};
use crate::domain::{AppError, Role, SystemClock};
use crate::i18n::I18n;
use crate::services::Ctx;
use crate::services::meetings;
use crate::services::membership::{self, Issuer};
use crate::storage::Db;
use crate::telegram;
use clap::{Parser, Subcommand};
use meeting_cmd::{MeetingCommand, run_meeting};
use minutes_cmd::MinutesCommand;

mod status;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "cluster-bot",
    version,
    about = "Telegram assistant of the Protection Cluster (Mali): membership, meetings, 4W, minutes.",
    long_about = "Telegram assistant of the Protection Cluster (Mali).\n\n\
        Without a subcommand, runs the bot (long polling, or a webhook when CLUSTER_WEBHOOK_URL is set).\n\
        Configuration comes from the environment: TELOXIDE_TOKEN (required to run the bot), \
        TELOXIDE_API_URL (another Bot API server), DATABASE_URL (default sqlite://cluster-bot.db), \
        CLUSTER_TZ (default Africa/Bamako), CLUSTER_INVITATION_TTL_DAYS (default 14), \
        CLUSTER_INVITATION_LEAD_DAYS (default 7), CLUSTER_NUDGE_CRON (default \"0 0 9 20 * *\"), \
        CLUSTER_DIGEST_CRON (default \"0 0 8 10 * *\"), \
        CLUSTER_LISTEN (HTTP server: /healthz, /readyz, /metrics, /cal/…), CLUSTER_WEBHOOK_URL, CLUSTER_PUBLIC_URL, \
        CLUSTER_BOT_API_OUTAGE_SECS (default 120), CLUSTER_LOG_FORMAT (text or json), RUST_LOG."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the bot (long polling, or webhook mode). The default when no subcommand is given.
    Run,
    /// The bot at a glance: the queue, failed deliveries and why, the last successful Bot API
    /// call, members per mechanism, the next reminders (from the database; safe while the bot runs).
    Status {
        /// How many recent failures to list.
        #[arg(long, default_value_t = 20)]
        failures: i64,
        /// How many planned jobs to list.
        #[arg(long, default_value_t = 10)]
        next: i64,
    },
    /// Exit 0 when the bot's HTTP server answers /healthz (for the container's HEALTHCHECK).
    Healthcheck {
        /// Another address than CLUSTER_LISTEN (host:port).
        #[arg(long)]
        addr: Option<String>,
    },
    /// Administration of people.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Make a single-use invitation link for an organisation, a mechanism and a role
    /// (or list and revoke pending invitations: `invite list`, `invite revoke --code CODE`).
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Invite {
        #[command(subcommand)]
        command: Option<admin::InviteCommand>,
        /// Organisation acronym, as in the terms of reference (e.g. NRC, UNHCR, "DRC/DDG").
        #[arg(long, required = true)]
        org: Option<String>,
        /// Mechanism code (e.g. CPN, CR-GAO, SC-VBG).
        #[arg(long, required = true)]
        mechanism: Option<String>,
        /// Role: focal, alternate or chair.
        #[arg(long, required = true)]
        role: Option<String>,
        /// Replace the current focal point or alternate when the invitation is accepted.
        #[arg(long)]
        replace: bool,
    },
    /// Members of the mechanisms: list, remove.
    Member {
        #[command(subcommand)]
        command: admin::MemberCommand,
    },
    /// Chairs of the mechanisms: add, remove.
    Chair {
        #[command(subcommand)]
        command: admin::ChairCommand,
    },
    /// A mechanism's settings: whether observers receive minutes and documents.
    Mechanism {
        #[command(subcommand)]
        command: admin::MechanismCommand,
    },
    /// Personal data: erase a person.
    Person {
        #[command(subcommand)]
        command: admin::PersonCommand,
    },
    /// Delete dialogues and finished jobs past their retention (also done every night).
    Purge,
    /// Who joined, left, was removed or replaced; invitations issued and revoked; who received
    /// which minutes, documents and exports; deliveries withheld at send time.
    Audit {
        /// From this day (YYYY-MM-DD, in the cluster's zone); default: the last 30 days.
        #[arg(long)]
        since: Option<String>,
    },
    /// Meetings: create, list, reschedule, cancel.
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// A consistent copy of the live database (safe while the bot runs).
    Backup {
        /// The new file to write (must not exist).
        file: std::path::PathBuf,
    },
    /// Minutes: the 72-hour compliance per mechanism.
    Minutes {
        #[command(subcommand)]
        command: MinutesCommand,
    },
    /// Displacement alerts raised to the CMP: list them, or export them as CSV/XLSX with HXL tags.
    Alert {
        #[command(subcommand)]
        command: alert_cmd::AlertCommand,
    },
    /// Tour de table before meetings: on or off per mechanism.
    Tour(tour_cmd::TourArgs),
    /// The register of decisions: list it, or export it as CSV or XLSX (both languages).
    Decisions(decisions::DecisionsArgs),
    /// The library: list the current documents, file one (or a new version), retire one.
    Docs {
        #[command(subcommand)]
        command: docs::DocsCommand,
    },
    /// Reuse requests of documents and minutes: `reuse list`.
    Reuse(reuse::ReuseArgs),
    /// Export data as files (the 4W matrix).
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// The 4W activity catalogue per sector: list, add.
    Activity {
        #[command(subcommand)]
        command: ActivityCommand,
    },
    /// The one-page digest of a finished month as a PDF (what coordinators receive on the 10th).
    Digest {
        /// The month, YYYY-MM.
        #[arg(long)]
        month: String,
        /// fr, en, or both (one page per language).
        #[arg(long, default_value = "fr")]
        lang: String,
        /// The PDF file to write.
        #[arg(long)]
        output: std::path::PathBuf,
    },
    /// Admin boundaries (OCHA COD-AB P-codes): import a new version, list the versions.
    Pcodes {
        #[command(subcommand)]
        command: fivew::PcodesCommand,
    },
    /// Lock or unlock a reporting month of the 4W (recorded).
    Month {
        #[command(subcommand)]
        command: fivew::MonthCommand,
    },
    /// The 4W modalities per sector: list, add.
    Modality {
        #[command(subcommand)]
        command: fivew::ModalityCommand,
    },
}

#[derive(Subcommand, Debug)]
enum ExportCommand {
    /// The consolidated 4W matrix of a month: one row per line, a header row, an HXL row and totals.
    #[command(name = "4w")]
    Fourw {
        /// The reporting month, YYYY-MM.
        #[arg(long)]
        month: String,
        /// csv (UTF-8 with BOM, for Excel) or xlsx.
        #[arg(long)]
        format: String,
        /// The file to write.
        #[arg(long)]
        output: std::path::PathBuf,
        /// Only this mechanism (code, e.g. CPN).
        #[arg(long)]
        mechanism: Option<String>,
        /// Language of the header row and of the names: fr (default) or en.
        #[arg(long, default_value = "fr")]
        lang: String,
        /// To share beyond the chairs and coordinators: counts of people below
        /// CLUSTER_SMALL_NUMBERS_THRESHOLD (default 5) in gender-based violence and child
        /// protection lines shown as "<5", and what would give them away hidden ("x").
        #[arg(long)]
        to_share: bool,
    },
    /// The member list (the terms of reference's): per mechanism, each organisation with the
    /// names its focal point, alternate and chair chose, their role and since when.
    Members {
        /// csv (UTF-8 with BOM, for Excel) or xlsx.
        #[arg(long)]
        format: String,
        /// The file to write.
        #[arg(long)]
        output: std::path::PathBuf,
        /// Only this mechanism (code, e.g. CPN).
        #[arg(long)]
        mechanism: Option<String>,
        /// Language of the headings: fr (default) or en.
        #[arg(long, default_value = "fr")]
        lang: String,
    },
}

#[derive(Subcommand, Debug)]
enum ActivityCommand {
    /// List the activities (code, sector, French and English names).
    List {
        /// Only this sector (PRO, PRO-CPN, PRO-GBV, PRO-HLP, PRO-MIN).
        #[arg(long)]
        sector: Option<String>,
    },
    /// Add an activity to a sector's catalogue (no code change needed).
    Add {
        /// A unique code, e.g. PRO-CASH.
        #[arg(long)]
        code: String,
        /// The sector code (PRO, PRO-CPN, PRO-GBV, PRO-HLP, PRO-MIN).
        #[arg(long)]
        sector: String,
        /// French name.
        #[arg(long)]
        fr: String,
        /// English name.
        #[arg(long)]
        en: String,
    },
}

#[derive(Subcommand, Debug)]
enum AdminCommand {
    /// Make a Telegram user a cluster coordinator (all rights in every mechanism).
    AddCoordinator {
        /// The person's numeric Telegram user id.
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
        /// The name other members will see (at most 100 characters).
        #[arg(long)]
        name: String,
    },
    /// Remove a coordinator (never the last one).
    RemoveCoordinator {
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
    },
    /// Whether an observer organisation reports its monthly 4W (observers do not by default).
    ObserverReports {
        /// The organisation's acronym, e.g. CICR.
        #[arg(long)]
        organisation: String,
        /// yes or no.
        #[arg(long, action = clap::ArgAction::Set, value_parser = clap::builder::BoolishValueParser::new())]
        reports: bool,
    },
}

fn init_tracing(default: &str) {
    // A bad CLUSTER_LOG_FORMAT is reported by the configuration just after.
    let format = crate::observability::LogFormat::parse(std::env::var("CLUSTER_LOG_FORMAT").ok().as_deref());
    crate::observability::logging::init(format.unwrap_or_default(), default);
}

pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Run);
    init_tracing(if matches!(command, Command::Run) { "info" } else { "warn" });
    crate::observability::logging::install_panic_hook();
    match run(command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", one_line(&e));
            ExitCode::FAILURE
        }
    }
}

fn one_line(e: &anyhow::Error) -> String {
    let text = match e.downcast_ref::<AppError>() {
        Some(AppError::Internal(inner)) => format!("internal error: {inner}"),
        _ => format!("{e:#}"),
    };
    text.replace('\n', " ")
}

async fn context(config: &Config) -> anyhow::Result<Ctx> {
    let db = Db::connect(&config.database_url).await?;
    Ok(Ctx::new(db, Arc::new(SystemClock), config.tz, config.invitation_ttl)
        .with_invitation_lead(config.invitation_lead)
        .with_retention(config.retention)
        .with_vote_quorum(config.vote_quorum_percent)
        .with_small_numbers(config.small_numbers))
}

async fn run(command: Command) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match command {
        Command::Run => run_bot(config).await,
        Command::Status { failures, next } => {
            if !(1..=1000).contains(&failures) || !(1..=1000).contains(&next) {
                anyhow::bail!("--failures and --next must be between 1 and 1000");
            }
            let ctx = context(&config).await?;
            let s = crate::services::status::status(&ctx, failures, next).await?;
            print!("{}", status::render(&s, ctx.tz));
            Ok(())
        }
        Command::Healthcheck { addr } => status::healthcheck(addr.as_deref(), config.listen).await,
        Command::Admin { command: AdminCommand::AddCoordinator { telegram_id, name } } => {
            if telegram_id <= 0 {
                anyhow::bail!("--telegram-id must be a positive Telegram user id, not {telegram_id}");
            }
            let ctx = context(&config).await?;
            let (person, added) =
                crate::services::admin::add_coordinator(&ctx, meetings::Actor::CommandLine, telegram_id, &name).await?;
            if added {
                println!("{} (Telegram id {}) is now a coordinator.", person.display_name, person.telegram_id);
            } else {
                println!("{} (Telegram id {}) already was a coordinator.", person.display_name, person.telegram_id);
            }
            Ok(())
        }
        Command::Admin { command: AdminCommand::RemoveCoordinator { telegram_id } } => {
            admin::remove_coordinator(&context(&config).await?, telegram_id).await
        }
        Command::Admin { command: AdminCommand::ObserverReports { organisation, reports } } => {
            let ctx = context(&config).await?;
            let org = crate::services::admin::set_observer_reports(
                &ctx,
                meetings::Actor::CommandLine,
                &organisation,
                reports,
            )
            .await?;
            let verb = if org.observer_reports { "now reports" } else { "no longer reports" };
            println!("{} (observer) {verb} its monthly 4W", org.acronym);
            Ok(())
        }
        Command::Invite { command: Some(command), .. } => admin::invite(&context(&config).await?, command).await,
        Command::Invite { command: None, org, mechanism, role, replace } => {
            let (Some(org), Some(mechanism), Some(role)) = (org, mechanism, role) else {
                anyhow::bail!(
                    "invite needs --org, --mechanism and --role (or: invite list, invite revoke --code CODE)"
                );
            };
            let role = Role::parse(&role).map_err(AppError::InvalidRole)?;
            let ctx = context(&config).await?;
            let org = membership::organisation(&ctx, &org).await?;
            let mech = membership::mechanism(&ctx, &mechanism).await?;
            let issued = membership::issue_invitation(&ctx, Issuer::CommandLine, &org, &mech, role, replace).await?;
            println!("{}", issued.link);
            println!("code: {}", issued.code.as_str());
            println!(
                "for: {} — {} — {} · single use · expires {}",
                issued.organisation.acronym,
                issued.mechanism.code,
                issued.role,
                issued.expires_at.with_timezone(&ctx.tz).format("%Y-%m-%d %H:%M %Z")
            );
            if let Some(holder) = issued.replaces {
                println!("replaces on acceptance: {holder}");
            }
            Ok(())
        }
        Command::Meeting { command } => run_meeting(&config, command).await,
        Command::Member { command } => admin::member(&context(&config).await?, command).await,
        Command::Chair { command } => admin::chair(&context(&config).await?, command).await,
        Command::Mechanism { command } => admin::mechanism(&context(&config).await?, command).await,
        Command::Person { command } => admin::person(&context(&config).await?, command).await,
        Command::Purge => admin::purge(&context(&config).await?).await,
        Command::Audit { since } => admin::audit(&context(&config).await?, since).await,
        Command::Backup { file } => {
            let ctx = context(&config).await?;
            let started = std::time::Instant::now();
            ctx.db.backup_into(&file).await?;
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            println!("backup written to {} ({} bytes) in {:?}", file.display(), size, started.elapsed());
            Ok(())
        }
        Command::Minutes { command } => minutes_cmd::run(&context(&config).await?, command).await,
        Command::Alert { command } => alert_cmd::run(&context(&config).await?, command).await,
        Command::Docs { command } => docs::run(&context(&config).await?, command).await,
        Command::Tour(args) => tour_cmd::run(&context(&config).await?, args.command).await,
        Command::Decisions(args) => decisions::run(&context(&config).await?, args.command).await,
        Command::Reuse(args) => reuse::run(&context(&config).await?, args.command).await,
        Command::Export { command } => files::run_export(&config, command).await,
        Command::Activity { command } => files::run_activity(&config, command).await,
        Command::Digest { month, lang, output } => files::run_digest(&config, &month, &lang, &output).await,
        Command::Pcodes { command } => fivew::pcodes(&context(&config).await?, command).await,
        Command::Month { command } => fivew::month(&context(&config).await?, command).await,
        Command::Modality { command } => fivew::modality(&context(&config).await?, command).await,
    }
}

async fn run_bot(config: Config) -> anyhow::Result<()> {
    let Some(token) = config.token.clone() else {
        anyhow::bail!("TELOXIDE_TOKEN is not set: export the bot token from @BotFather to run the bot");
    };
    tracing::info!(config = ?config, "starting cluster-bot");
    // Held until the process ends: a second bot on the same database would release and send
    // again the jobs this one has in flight.
    let _instance = crate::storage::instance::lock(&config.database_url)?;
    let ctx = context(&config).await?;
    let i18n = Arc::new(I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?);
    let mut opts = telegram::BotOptions::new(token, config.api_url.clone());
    opts.scheduler.cron =
        vec![crate::scheduler::CronRule::monthly_nudge(&config.nudge_cron).map_err(anyhow::Error::msg)?];
    opts.scheduler.cron.push(
        crate::scheduler::CronRule::fourw_cycle(crate::services::reports::DEFAULT_CYCLE_CRON)
            .map_err(anyhow::Error::msg)?,
    );
    opts.scheduler.cron.push(
        crate::scheduler::CronRule::daily_purge(crate::scheduler::DEFAULT_PURGE_CRON).map_err(anyhow::Error::msg)?,
    );
    opts.scheduler
        .cron
        .push(crate::scheduler::CronRule::monthly_digest(&config.digest_cron).map_err(anyhow::Error::msg)?);
    opts.public_url = config.public_url.clone();
    // The HTTP server (health, metrics, calendar feeds, webhook) when CLUSTER_LISTEN is set.
    opts.http = config.listen.map(|listen| telegram::HttpOptions {
        listen,
        webhook_url: config.webhook_url.clone(),
        readiness: crate::observability::ReadinessOptions {
            bot_api_outage: config.bot_api_outage,
            ..Default::default()
        },
        metrics_token: config.metrics_token.clone(),
    });
    let start = telegram::start(opts, ctx.clone(), i18n);
    let bot = tokio::select! {
        bot = start => bot?,
        _ = stop_signal() => {
            tracing::info!("stopped before the Bot API could be reached");
            return Ok(());
        }
    };
    let mut bot = bot;
    // Each part (dispatcher, scheduler, HTTP server) runs until the stop signal. If one of
    // them ends first, the bot is no longer whole: exit non-zero so that Docker or systemd
    // starts it again, rather than wait for a SIGTERM that would never come.
    let ended = tokio::select! {
        _ = stop_signal() => None,
        why = bot.ended() => Some(why),
    };
    if let Some(why) = ended {
        tracing::error!(reason = %why, "a part of the bot stopped unexpectedly; exiting so that it is restarted");
        bot.abort();
        ctx.db.close().await;
        anyhow::bail!("{why}; the bot exits so that its supervisor restarts it");
    }
    tracing::info!("stop signal received; finishing the updates in flight");
    bot.shutdown().await;
    ctx.db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// SIGTERM (docker stop, systemd) or SIGINT (Ctrl-C).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
