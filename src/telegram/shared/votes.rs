//! How a vote reads in a chat, for every feature that shows one (the vote itself, the
//! minutes' summary of its meeting): the options in the reader's language and one line per
//! decision.

use super::App;
use super::format::local_time;
use crate::domain::vote::{Choices, Vote};
use crate::domain::{AppError, Language};
use crate::i18n::DecisionsMsg;
use crate::services::votes as svc;
use chrono::{DateTime, Utc};

/// The options' labels in the reader's language.
pub fn labels(app: &App, lang: Language, choices: &Choices) -> Vec<String> {
    match choices {
        Choices::YesNoAbstain => [DecisionsMsg::DcYes, DecisionsMsg::DcNo, DecisionsMsg::DcAbstain]
            .map(|m| app.i18n.render(lang, &m))
            .to_vec(),
        Choices::Labels(l) => l.clone(),
    }
}

/// One line for a vote: open (with the turnout so far) or closed (with the leading options).
pub async fn decision_line(
    app: &App,
    lang: Language,
    v: &Vote,
    closed: Option<DateTime<Utc>>,
) -> Result<String, AppError> {
    let t = svc::tally(&app.ctx, v).await?;
    let mechanism = v.mechanism.code.clone();
    Ok(match closed {
        None => app.i18n.render(
            lang,
            &DecisionsMsg::DcDecisionOpen {
                mechanism,
                question: v.question.clone(),
                closes: local_time(app, v.closes_at),
                voted: t.voted as usize,
                electorate: t.electorate as usize,
            },
        ),
        Some(at) => {
            let options = labels(app, lang, &v.choices);
            let leaders: Vec<String> = t
                .leaders()
                .into_iter()
                .map(|i| format!("{} ({})", options.get(i).cloned().unwrap_or_default(), t.counts[i]))
                .collect();
            let result = if leaders.is_empty() {
                app.i18n.render(lang, &DecisionsMsg::DcNoVotesCast)
            } else {
                leaders.join(", ")
            };
            app.i18n.render(
                lang,
                &DecisionsMsg::DcDecisionClosed {
                    mechanism,
                    question: v.question.clone(),
                    closed: local_time(app, at),
                    result,
                    met: t.quorum_met,
                },
            )
        }
    })
}

/// One line per closed vote attached to a meeting (for its minutes' summary).
pub async fn decisions_of_meeting(app: &App, lang: Language, meeting_id: i64) -> Result<Vec<String>, AppError> {
    let mut out = Vec::new();
    for v in svc::of_meeting(&app.ctx, meeting_id).await? {
        let Some(closed) = v.closed_at else { continue };
        out.push(decision_line(app, lang, &v, Some(closed)).await?);
    }
    Ok(out)
}
