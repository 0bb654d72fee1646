//! `cluster-bot reuse`: the reuse requests of documents and minutes, with each party's answer.

use super::*;
use crate::domain::sensitivity::Party;
use crate::services::reuse::{self, ItemLabel};
use crate::storage::sensitivity::Item;

#[derive(clap::Args, Debug)]
pub(super) struct ReuseArgs {
    #[command(subcommand)]
    pub command: ReuseCommand,
}

#[derive(Subcommand, Debug)]
pub(super) enum ReuseCommand {
    /// Every request, newest first: id, state, item, source, requester, each party's answer,
    /// purpose, audience.
    List,
}

pub(super) async fn run(ctx: &Ctx, command: ReuseCommand) -> anyhow::Result<()> {
    match command {
        ReuseCommand::List => {
            let all = reuse::list_all(ctx).await?;
            if all.is_empty() {
                println!("no reuse requests");
            }
            for v in all {
                let item = match (&v.item, v.request.item) {
                    (ItemLabel::Document { title }, Item::Document(id)) => format!("document {id} \"{title}\""),
                    (ItemLabel::Minutes { mechanism, at }, Item::Minutes(id)) => {
                        format!("minutes {id} {mechanism} {}", at.with_timezone(&ctx.tz).format("%Y-%m-%d"))
                    }
                    (_, other) => format!("{other:?}"),
                };
                let answer = |p: Party| match v.answers.iter().find(|a| a.party == p) {
                    None => format!("{p}: pending"),
                    Some(a) if a.approved => format!("{p}: approved"),
                    Some(a) => format!("{p}: refused ({})", a.reason.as_deref().unwrap_or("-")),
                };
                println!(
                    "{}\t{}\t{}\tsource {}\tby {}\t{}\t{}\tpurpose: {}\taudience: {}",
                    v.request.id,
                    v.request.state,
                    item,
                    v.source,
                    v.requester,
                    answer(Party::Source),
                    answer(Party::Coordinator),
                    v.request.purpose,
                    v.request.audience
                );
            }
            Ok(())
        }
    }
}
