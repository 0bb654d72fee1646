//! The administration subcommands of the command line: members, chairs, coordinators,
//! invitations, the observer policy, erasure, purge, and the audit trail. Each prints what
//! it did; a refusal is one line on stderr with a non-zero exit status (see `cli`).

use crate::domain::{AppError, MembershipView, PendingInvitation};
use crate::services::Ctx;
use crate::services::admin::{self, Revoke};
use crate::services::meetings::Actor;
use crate::services::{audit, membership, retention};
use anyhow::bail;
use chrono_tz::Tz;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
    /// List the active members (person, Telegram id, organisation, role, since), per mechanism.
    List {
        /// Only this mechanism (code, e.g. CPN).
        #[arg(long)]
        mechanism: Option<String>,
    },
    /// Remove a person from a mechanism, or from the cluster altogether (every seat and the
    /// coordinator role) without --mechanism.
    Remove {
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
        #[arg(long)]
        mechanism: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ChairCommand {
    /// Make a member chair of a mechanism (they keep the principles they accepted on joining).
    Add {
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
        #[arg(long)]
        mechanism: String,
        /// Their organisation, when they hold seats for several.
        #[arg(long)]
        org: Option<String>,
    },
    /// End a person's chair of a mechanism.
    Remove {
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
        #[arg(long)]
        mechanism: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum InviteCommand {
    /// Invitations not used yet, not expired, not revoked: who issued them, until when.
    List,
    /// Revoke an unused invitation (its link then answers as expired).
    Revoke {
        /// The code printed by `invite` (the part after ?start=).
        #[arg(long, required_unless_present = "id", allow_hyphen_values = true)]
        code: Option<String>,
        /// Or its number, as `invite list` shows it.
        #[arg(long, conflicts_with = "code")]
        id: Option<i64>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PersonCommand {
    /// Erase a person: name and Telegram id replaced, seats ended, pending messages cancelled;
    /// the cluster's counts are kept.
    Erase {
        #[arg(long, allow_negative_numbers = true)]
        telegram_id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum MechanismCommand {
    /// Show, or set with --receive, whether observers receive the minutes and documents.
    Observers {
        #[arg(long)]
        mechanism: String,
        /// yes or no.
        #[arg(long)]
        receive: Option<String>,
    },
}

fn check_id(telegram_id: i64) -> anyhow::Result<()> {
    if telegram_id <= 0 {
        bail!("--telegram-id must be a positive Telegram user id, not {telegram_id}");
    }
    Ok(())
}

fn member_line(m: &MembershipView, tz: Tz) -> String {
    format!(
        "{}\t{}\t{}\t{}{}\t{}\tsince {}",
        m.mechanism.code,
        m.person_name,
        m.telegram_id,
        m.organisation.acronym,
        if m.organisation.observer { " (observer)" } else { "" },
        m.role,
        m.accepted_at.with_timezone(&tz).format("%Y-%m-%d")
    )
}

pub async fn member(ctx: &Ctx, command: MemberCommand) -> anyhow::Result<()> {
    match command {
        MemberCommand::List { mechanism } => {
            let mech = match mechanism {
                Some(code) => Some(membership::mechanism(ctx, &code).await?),
                None => None,
            };
            let members = admin::members(ctx, Actor::CommandLine, mech.as_ref()).await?;
            if let Some(m) = &mech {
                let receive = admin::observers_receive(ctx, m).await?;
                println!("{}: observers receive minutes and documents: {}", m.code, if receive { "yes" } else { "no" });
            }
            if members.is_empty() {
                println!("no active member");
            }
            for m in &members {
                println!("{}", member_line(m, ctx.tz));
            }
        }
        MemberCommand::Remove { telegram_id, mechanism } => {
            check_id(telegram_id)?;
            let mech = match mechanism {
                Some(code) => Some(membership::mechanism(ctx, &code).await?),
                None => None,
            };
            let removal = match admin::remove_member(ctx, Actor::CommandLine, telegram_id, mech.as_ref()).await {
                Err(AppError::NotFound) => match &mech {
                    Some(m) => bail!("Telegram id {telegram_id} holds no seat in {}", m.code),
                    None => bail!("Telegram id {telegram_id} holds no seat and is not a coordinator"),
                },
                other => other?,
            };
            for m in &removal.ended {
                println!("removed: {}", member_line(m, ctx.tz));
            }
            if removal.coordinator_removed {
                println!("{} is no longer a coordinator", removal.person.display_name);
            }
            print_revoked(&removal.revoked);
        }
    }
    Ok(())
}

pub async fn chair(ctx: &Ctx, command: ChairCommand) -> anyhow::Result<()> {
    match command {
        ChairCommand::Add { telegram_id, mechanism, org } => {
            check_id(telegram_id)?;
            let mech = membership::mechanism(ctx, &mechanism).await?;
            let org = match org {
                Some(acronym) => Some(membership::organisation(ctx, &acronym).await?),
                None => None,
            };
            match admin::add_chair(ctx, Actor::CommandLine, telegram_id, &mech, org.as_ref()).await {
                Ok(seat) => println!("chair: {}", member_line(&seat, ctx.tz)),
                Err(AppError::NotAMember) => bail!(
                    "Telegram id {telegram_id} holds no seat: they join first (invite --role chair), accepting the principles"
                ),
                Err(e) => return Err(e.into()),
            }
        }
        ChairCommand::Remove { telegram_id, mechanism } => {
            check_id(telegram_id)?;
            let mech = membership::mechanism(ctx, &mechanism).await?;
            match admin::remove_chair(ctx, Actor::CommandLine, telegram_id, &mech).await {
                Ok((seat, revoked)) => {
                    println!("no longer chair: {}", member_line(&seat, ctx.tz));
                    print_revoked(&revoked);
                }
                Err(AppError::NotFound) => bail!("Telegram id {telegram_id} is not chair of {}", mech.code),
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

pub async fn remove_coordinator(ctx: &Ctx, telegram_id: i64) -> anyhow::Result<()> {
    check_id(telegram_id)?;
    match admin::remove_coordinator(ctx, Actor::CommandLine, telegram_id).await {
        Ok((p, revoked)) => {
            println!("{} (Telegram id {}) is no longer a coordinator.", p.display_name, p.telegram_id);
            print_revoked(&revoked);
        }
        Err(AppError::NotFound) => bail!("Telegram id {telegram_id} is not a coordinator"),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

pub async fn invite(ctx: &Ctx, command: InviteCommand) -> anyhow::Result<()> {
    let when = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&ctx.tz).format("%Y-%m-%d %H:%M").to_string();
    match command {
        InviteCommand::List => {
            let pending = admin::pending_invitations(ctx, Actor::CommandLine).await?;
            if pending.is_empty() {
                println!("no pending invitation");
            }
            for i in pending {
                println!(
                    "#{}\t{}\t{}\t{}{}\tissued {} by {}\texpires {}",
                    i.id,
                    i.mechanism,
                    i.organisation,
                    i.role,
                    if i.replace_existing { " (replaces)" } else { "" },
                    when(i.created_at),
                    i.issued_by.as_deref().unwrap_or("the command line"),
                    when(i.expires_at)
                );
            }
        }
        InviteCommand::Revoke { code, id } => {
            let which = match (&code, id) {
                (Some(code), _) => Revoke::Code(code.trim().rsplit("start=").next().unwrap_or_default()),
                (None, Some(id)) => Revoke::Id(id),
                (None, None) => bail!("give --code or --id"),
            };
            let inv = admin::revoke_invitation(ctx, Actor::CommandLine, which).await?;
            println!("revoked: #{} {} {} {}", inv.id, inv.mechanism, inv.organisation, inv.role);
        }
    }
    Ok(())
}

pub async fn person(ctx: &Ctx, command: PersonCommand) -> anyhow::Result<()> {
    let PersonCommand::Erase { telegram_id } = command;
    check_id(telegram_id)?;
    let erased = retention::erase_person(ctx, Actor::CommandLine, telegram_id).await?;
    println!(
        "Telegram id {telegram_id} erased: now {}; {} seat(s) ended, {} pending message(s) cancelled",
        erased.person.display_name, erased.seats_ended, erased.deliveries_cancelled
    );
    print_revoked(&erased.revoked);
    Ok(())
}

/// The invitations a removal revoked because their issuer may no longer make them.
fn print_revoked(revoked: &[PendingInvitation]) {
    for inv in revoked {
        println!(
            "revoked (its issuer may no longer invite): #{} {} {} {}",
            inv.id, inv.mechanism, inv.organisation, inv.role
        );
    }
}

pub async fn mechanism(ctx: &Ctx, command: MechanismCommand) -> anyhow::Result<()> {
    let MechanismCommand::Observers { mechanism, receive } = command;
    let mech = membership::mechanism(ctx, &mechanism).await?;
    if let Some(raw) = receive {
        let receive = match raw.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => bail!("--receive must be yes or no, not \"{raw}\""),
        };
        admin::set_observers_receive(ctx, Actor::CommandLine, &mech, receive).await?;
    }
    let now = admin::observers_receive(ctx, &mech).await?;
    println!("{}: observers receive minutes and documents: {}", mech.code, if now { "yes" } else { "no" });
    Ok(())
}

pub async fn purge(ctx: &Ctx) -> anyhow::Result<()> {
    let purged = retention::purge(ctx).await?;
    println!(
        "purged {} dialogue(s) older than {} days and {} job(s) finished more than {} days ago",
        purged.dialogues,
        ctx.retention.dialogues.num_days(),
        purged.jobs,
        ctx.retention.finished_jobs.num_days()
    );
    Ok(())
}

/// `--since` as YYYY-MM-DD (midnight in the cluster's zone); default: the last 30 days.
pub async fn audit(ctx: &Ctx, since: Option<String>) -> anyhow::Result<()> {
    let since = match since {
        Some(raw) => {
            let Ok(day) = chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") else {
                bail!("--since must be a date YYYY-MM-DD (e.g. 2026-11-01), not \"{raw}\"");
            };
            crate::domain::meeting::local_to_utc(ctx.tz, day, chrono::NaiveTime::MIN)
                .ok_or_else(|| anyhow::anyhow!("{raw} does not exist in the time zone {}", ctx.tz))?
        }
        None => ctx.clock.now() - chrono::Duration::days(30),
    };
    let entries = audit::since(ctx, Actor::CommandLine, since).await?;
    if entries.is_empty() {
        println!("nothing recorded since {}", since.with_timezone(&ctx.tz).format("%Y-%m-%d"));
    }
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    for e in entries {
        println!(
            "{}\t{}\tby {}\t{}{}\t{}\t{}\t{}",
            e.at.with_timezone(&ctx.tz).format("%Y-%m-%d %H:%M:%S"),
            e.action,
            e.actor.as_deref().unwrap_or("command line / bot"),
            dash(&e.subject),
            e.subject_telegram_id.filter(|id| *id > 0).map(|id| format!(" ({id})")).unwrap_or_default(),
            dash(&e.mechanism),
            dash(&e.organisation),
            dash(&e.detail)
        );
    }
    Ok(())
}
