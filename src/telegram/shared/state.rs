//! Dialogue state, persisted in our own SQLite through `storage::dialogues`, so that a
//! dialog survives a restart of the bot.
//!
//! The state names the feature whose dialog is in progress and holds that feature's own step
//! (its `Step` type, serialised): each feature owns its dialog, and this module knows none.

use crate::domain::{AppError, Clock};
use crate::storage::{Db, dialogues};
use futures::future::BoxFuture;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use teloxide::dispatching::dialogue::{Dialogue, Storage};
use teloxide::types::ChatId;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum State {
    #[default]
    Idle,
    /// A dialog of one feature, at one of its steps.
    Dialog { feature: String, step: serde_json::Value },
}

/// A feature's dialog steps: one type per feature, stored under the feature's name.
pub trait DialogStep: Serialize + DeserializeOwned + Default {
    const FEATURE: &'static str;
}

impl State {
    pub fn of<S: DialogStep>(step: &S) -> Self {
        match serde_json::to_value(step) {
            Ok(step) => State::Dialog { feature: S::FEATURE.to_string(), step },
            Err(e) => {
                tracing::error!(error = %e, "dialog step not serialisable");
                State::Idle
            }
        }
    }

    /// The feature whose dialog is in progress.
    pub fn feature(&self) -> Option<&str> {
        match self {
            State::Idle => None,
            State::Dialog { feature, .. } => Some(feature),
        }
    }

    /// The step of feature `S`, or its default (no step of this feature in progress).
    pub fn step<S: DialogStep>(&self) -> S {
        match self {
            State::Dialog { feature, step } if feature == S::FEATURE => {
                serde_json::from_value(step.clone()).unwrap_or_default()
            }
            _ => S::default(),
        }
    }

    pub fn is_idle(&self) -> bool {
        *self == State::Idle
    }
}

pub type BotDialogue = Dialogue<State, DialogueStore>;

/// Sets a feature's step as the dialogue state.
pub trait DialogueExt {
    fn set<S: DialogStep + Sync>(&self, step: S) -> BoxFuture<'_, Result<(), DialogueStoreError>>;
}

impl DialogueExt for BotDialogue {
    fn set<S: DialogStep + Sync>(&self, step: S) -> BoxFuture<'_, Result<(), DialogueStoreError>> {
        let state = State::of(&step);
        Box::pin(async move { self.update(state).await })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    enum A {
        #[default]
        None,
        Asking {
            n: i64,
        },
    }
    impl DialogStep for A {
        const FEATURE: &'static str = "a";
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    enum B {
        #[default]
        None,
        Other,
    }
    impl DialogStep for B {
        const FEATURE: &'static str = "b";
    }

    #[test]
    fn a_feature_reads_only_its_own_steps() {
        let s = State::of(&A::Asking { n: 3 });
        assert_eq!(s.feature(), Some("a"));
        assert_eq!(s.step::<A>(), A::Asking { n: 3 });
        assert_eq!(s.step::<B>(), B::None);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), s);
        assert_eq!(State::Idle.step::<A>(), A::None);
    }
}
