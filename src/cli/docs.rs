//! `cluster-bot docs`: the library from the command line — list the current documents, file a
//! document (or a new version of one), retire one.

use super::*;
use crate::domain::library::{DocType, MAX_FILE_BYTES};
use crate::services::library::{self, Filing};
use std::io::Read;

#[derive(Subcommand, Debug)]
pub(super) enum DocsCommand {
    /// The current documents (newest first): id, type, mechanisms, version, date, title.
    List {
        /// Only this mechanism (code, e.g. CPN).
        #[arg(long)]
        mechanism: Option<String>,
        /// Only this type: minutes, strategy, advocacy-note, work-plan, assessment, tor,
        /// fourw-matrix, other.
        #[arg(long = "type", value_parser = doc_type)]
        doc_type: Option<DocType>,
    },
    /// File a document in the library of one or more mechanisms (members find it in /docs;
    /// nobody is sent it).
    Add {
        /// Mechanism code (e.g. CPN); repeat the flag for several.
        #[arg(long, required = true)]
        mechanism: Vec<String>,
        /// minutes, strategy, advocacy-note, work-plan, assessment, tor, fourw-matrix, other.
        #[arg(long = "type", value_parser = doc_type)]
        doc_type: DocType,
        /// The title members see in the lists.
        #[arg(long)]
        title: String,
        /// The document's language(s): fr, en or fr,en.
        #[arg(long)]
        lang: Option<String>,
        /// The document's own date, YYYY-MM-DD (default: the day it is filed).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// The id of the document this one is a new version of (it leaves the lists; kept).
        #[arg(long)]
        replaces: Option<i64>,
        /// The file to file.
        file: std::path::PathBuf,
    },
    /// Retire a document: it leaves the lists (the version it replaced, if any, is listed again).
    Retire {
        #[arg(long)]
        id: i64,
    },
    /// File a current document under another type (not minutes).
    Retype {
        #[arg(long)]
        id: i64,
        #[arg(long = "type", value_parser = doc_type)]
        doc_type: DocType,
    },
}

fn doc_type(s: &str) -> Result<DocType, String> {
    use strum::IntoEnumIterator;
    s.parse().map_err(|_| {
        let all: Vec<String> = DocType::iter().map(|t| t.to_string()).collect();
        format!("one of {}", all.join(", "))
    })
}

/// Reads at most the library's limit (and one byte more, to tell a file that is too large).
fn read_bounded(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let cap = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    file.take(cap).read_to_end(&mut bytes).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    Ok(bytes)
}

pub(super) async fn run(ctx: &Ctx, command: DocsCommand) -> anyhow::Result<()> {
    match command {
        DocsCommand::List { mechanism, doc_type } => {
            let mech = match mechanism {
                Some(code) => Some(membership::mechanism(ctx, &code).await?),
                None => None,
            };
            let docs = library::list_all(ctx, mech.as_ref(), doc_type).await?;
            if docs.is_empty() {
                println!("no documents");
            }
            for (d, mechs) in docs {
                let date = d
                    .doc_date
                    .clone()
                    .unwrap_or_else(|| d.filed_at.with_timezone(&ctx.tz).format("%Y-%m-%d").to_string());
                println!(
                    "{}\t{}\t{}\tv{}\t{}\t{}\t{}",
                    d.id,
                    d.doc_type,
                    mechs.join(","),
                    d.version,
                    date,
                    d.languages.as_deref().unwrap_or("-"),
                    d.title
                );
            }
            Ok(())
        }
        DocsCommand::Add { mechanism, doc_type, title, lang, date, replaces, file } => {
            let mut mechs = Vec::new();
            for code in &mechanism {
                mechs.push(membership::mechanism(ctx, code).await?);
            }
            let bytes = read_bounded(&file)?;
            let file_name = file.file_name().and_then(|n| n.to_str()).unwrap_or("document");
            let filing = Filing {
                mechanisms: &mechs,
                doc_type,
                title: &title,
                languages: lang.as_deref(),
                doc_date: date,
                replaces,
                file_name,
                bytes: &bytes,
            };
            match library::file(ctx, crate::services::meetings::Actor::CommandLine, filing).await? {
                Ok(id) => {
                    println!("{id}");
                    eprintln!("document {id} filed ({doc_type}, {} bytes)", bytes.len());
                    Ok(())
                }
                Err(e) => anyhow::bail!("{e}"),
            }
        }
        DocsCommand::Retype { id, doc_type } => {
            match library::retype(ctx, crate::services::meetings::Actor::CommandLine, id, doc_type).await {
                Ok(_) => {
                    eprintln!("document {id} filed under {doc_type}");
                    Ok(())
                }
                Err(crate::domain::AppError::NotFound) if doc_type == DocType::Minutes => {
                    anyhow::bail!("minutes are filed by sharing a meeting's minutes, not by re-typing a document")
                }
                Err(crate::domain::AppError::NotFound) => anyhow::bail!("there is no current document {id}"),
                Err(e) => Err(e.into()),
            }
        }
        DocsCommand::Retire { id } => {
            let retired = match library::retire(ctx, crate::services::meetings::Actor::CommandLine, id).await {
                Err(crate::domain::AppError::NotFound) => anyhow::bail!("there is no document {id}"),
                other => other?,
            };
            if retired {
                eprintln!("document {id} retired");
                Ok(())
            } else {
                anyhow::bail!("document {id} was already retired")
            }
        }
    }
}
