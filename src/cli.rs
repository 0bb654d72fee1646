//! The command line: runs the bot and administers it (the first coordinator has to come
//! from somewhere).

use crate::config::Config;
use crate::domain::{AppError, Role, SystemClock};
use crate::i18n::I18n;
use crate::services::membership::{self, Issuer};
use crate::services::{Ctx, people};
use crate::storage::Db;
use crate::telegram;
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "cluster-bot",
    version,
    about = "Telegram assistant of the Protection Cluster (Mali): membership, meetings, 4W, minutes.",
    long_about = "Telegram assistant of the Protection Cluster (Mali).\n\n\
        Without a subcommand, runs the bot (long polling).\n\
        Configuration comes from the environment: TELOXIDE_TOKEN (required to run the bot), \
        TELOXIDE_API_URL (another Bot API server), DATABASE_URL (default sqlite://cluster-bot.db), \
        CLUSTER_TZ (default Africa/Bamako), CLUSTER_INVITATION_TTL_DAYS (default 14), RUST_LOG."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the bot (long polling). The default when no subcommand is given.
    Run,
    /// Administration of people.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Make a single-use invitation link for an organisation, a mechanism and a role.
    Invite {
        /// Organisation acronym, as in the terms of reference (e.g. NRC, UNHCR, "DRC/DDG").
        #[arg(long)]
        org: String,
        /// Mechanism code (e.g. CPN, CR-GAO, SC-VBG).
        #[arg(long)]
        mechanism: String,
        /// Role: focal, alternate or chair.
        #[arg(long)]
        role: String,
        /// Replace the current focal point or alternate when the invitation is accepted.
        #[arg(long)]
        replace: bool,
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
}

fn init_tracing(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Run);
    init_tracing(if matches!(command, Command::Run) { "info" } else { "warn" });
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
    Ok(Ctx::new(db, Arc::new(SystemClock), config.tz, config.invitation_ttl))
}

async fn run(command: Command) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match command {
        Command::Run => run_bot(config).await,
        Command::Admin { command: AdminCommand::AddCoordinator { telegram_id, name } } => {
            if telegram_id <= 0 {
                anyhow::bail!("--telegram-id must be a positive Telegram user id, not {telegram_id}");
            }
            let ctx = context(&config).await?;
            let (person, added) = people::add_coordinator(&ctx, telegram_id, &name).await?;
            if added {
                println!("{} (Telegram id {}) is now a coordinator.", person.display_name, person.telegram_id);
            } else {
                println!("{} (Telegram id {}) already was a coordinator.", person.display_name, person.telegram_id);
            }
            Ok(())
        }
        Command::Invite { org, mechanism, role, replace } => {
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
    }
}

async fn run_bot(config: Config) -> anyhow::Result<()> {
    let Some(token) = config.token.clone() else {
        anyhow::bail!("TELOXIDE_TOKEN is not set: export the bot token from @BotFather to run the bot");
    };
    tracing::info!(config = ?config, "starting cluster-bot");
    let ctx = context(&config).await?;
    let i18n = Arc::new(I18n::load().map_err(|e| anyhow::anyhow!("message catalogue: {e}"))?);
    let opts = telegram::BotOptions::new(token, config.api_url.clone());
    let start = telegram::start(opts, ctx.clone(), i18n);
    let bot = tokio::select! {
        bot = start => bot?,
        _ = stop_signal() => {
            tracing::info!("stopped before the Bot API could be reached");
            return Ok(());
        }
    };
    let token = bot.shutdown_token();
    let finished = tokio::spawn(bot.wait());
    stop_signal().await;
    tracing::info!("stop signal received; finishing the updates in flight");
    loop {
        match token.shutdown() {
            Ok(done) => {
                done.await;
                break;
            }
            Err(_) if !finished.is_finished() => tokio::time::sleep(Duration::from_millis(50)).await,
            Err(_) => break,
        }
    }
    let _ = finished.await;
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
