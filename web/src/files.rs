//! What a learner edits and runs: the scenario's files and the run settings.
use serde::{Deserialize, Serialize};

/// One file of a scenario. The first file is the entry point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: &str, text: &str) -> Self {
        SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        }
    }
}

/// How the entry file is loaded; it changes the first drain (nodejs/node#45048).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    #[default]
    Cjs,
    Esm,
}

/// Settings a learner can change; they travel in share links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSettings {
    /// UV_THREADPOOL_SIZE (libuv clamps it to 1..=1024).
    pub pool: u32,
    pub cores: u32,
    pub entry: Entry,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            pool: 4,
            cores: 4,
            entry: Entry::Cjs,
        }
    }
}

impl RunSettings {
    pub const MAX_POOL: u32 = 16;
    pub const MAX_CORES: u32 = 8;

    /// Keeps values in the ranges the page offers, whatever a link says.
    pub fn clamped(self) -> Self {
        RunSettings {
            pool: self.pool.clamp(1, Self::MAX_POOL),
            cores: self.cores.clamp(1, Self::MAX_CORES),
            entry: self.entry,
        }
    }

    /// The model's settings for these choices.
    pub fn to_core(self) -> looplab_core::Settings {
        looplab_core::Settings {
            threadpool_env: Some(self.pool.to_string()),
            cores: self.cores,
            entry: match self.entry {
                Entry::Cjs => looplab_core::EntryKind::CommonJs,
                Entry::Esm => looplab_core::EntryKind::Module,
            },
            ..looplab_core::Settings::default()
        }
    }
}
