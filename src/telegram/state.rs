//! Dialogue state, persisted in our own SQLite through `storage::dialogues`, so that a
//! dialog survives a restart of the bot.

use crate::domain::{AppError, Clock, Role};
use crate::services::minutes::MinutesContent;
use crate::storage::{Db, dialogues};
use chrono::{NaiveDate, NaiveTime};
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use teloxide::dispatching::dialogue::Storage;
use teloxide::types::ChatId;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    #[default]
    Idle,
    /// Joining: waiting for the name other members will see.
    JoinName {
        invitation_id: i64,
    },
    /// Joining: the principles are shown, waiting for Accept or Decline.
    JoinPrinciples {
        invitation_id: i64,
        name: Option<String>,
    },
    InviteMechanism,
    InviteOrganisation {
        mechanism_id: i64,
        page: u16,
    },
    InviteRole {
        mechanism_id: i64,
        organisation_id: i64,
    },
    InviteReplace {
        mechanism_id: i64,
        organisation_id: i64,
        role: Role,
    },
    LeaveChoose,
    LeaveConfirm {
        membership_id: i64,
    },
    NewMeeting(Box<NmDraft>),
    MoveMeeting {
        meeting_id: i64,
        date: Option<NaiveDate>,
        time: Option<NaiveTime>,
    },
    CancelMeeting {
        meeting_id: i64,
    },
    AttendanceChoose,
    Attendance {
        meeting_id: i64,
        present: Vec<i64>,
    },
    // Minutes (issue 4)
    MinutesPick,
    MinutesContent {
        meeting_id: i64,
    },
    MinutesActions {
        meeting_id: i64,
        content: MinutesContent,
    },
    MinutesConfirm {
        meeting_id: i64,
        content: MinutesContent,
        actions: Option<String>,
    },
    ShareAwaitDocument,
    ShareMechanisms {
        file_id: String,
        file_name: Option<String>,
        caption: Option<String>,
        selected: Vec<i64>,
    },
    // 4W (issue 5)
    Report(Box<super::report::ReportDraft>),
    // 4W review (issue 5)
    /// The chair is typing the comment of a line being returned.
    FwReturnComment {
        line_id: i64,
    },
}

/// The /newmeeting dialog so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NmDraft {
    pub step: NmStep,
    pub mechanism_id: Option<i64>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub duration: Option<i64>,
    pub place: Option<String>,
    pub agenda: Option<String>,
    pub adhoc: Option<bool>,
    pub monthly: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NmStep {
    #[default]
    Mechanism,
    Date,
    Time,
    Duration,
    Place,
    Agenda,
    Kind,
    Recurrence,
    Confirm,
}

pub struct DialogueStore {
    db: Db,
    clock: Arc<dyn Clock>,
}

impl DialogueStore {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Arc<Self> {
        Arc::new(Self { db, clock })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DialogueStoreError {
    #[error("dialogue storage: {0}")]
    Storage(#[from] AppError),
    #[error("dialogue state encoding: {0}")]
    Encoding(#[from] serde_json::Error),
}

impl Storage<State> for DialogueStore {
    type Error = DialogueStoreError;

    fn remove_dialogue(self: Arc<Self>, chat_id: ChatId) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move { Ok(dialogues::remove(&self.db, chat_id.0).await?) })
    }

    fn update_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
        dialogue: State,
    ) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move {
            if dialogue == State::Idle {
                return Ok(dialogues::remove(&self.db, chat_id.0).await?);
            }
            let json = serde_json::to_string(&dialogue)?;
            Ok(dialogues::put(&self.db, chat_id.0, &json, self.clock.now()).await?)
        })
    }

    fn get_dialogue(self: Arc<Self>, chat_id: ChatId) -> BoxFuture<'static, Result<Option<State>, Self::Error>> {
        Box::pin(async move {
            match dialogues::get(&self.db, chat_id.0).await? {
                // A state written by an older version that no longer parses starts afresh.
                Some(json) => Ok(serde_json::from_str(&json).ok()),
                None => Ok(None),
            }
        })
    }
}
