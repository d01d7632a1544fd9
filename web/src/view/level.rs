//! How much of a run the page steps through: a learner's pace, or every trace event.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Only the steps where something the learner can see changes.
    #[default]
    Learner,
    /// Every trace event that has a sentence.
    Internals,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Learner, Level::Internals];

    pub fn name(self) -> &'static str {
        match self {
            Level::Learner => "Learner",
            Level::Internals => "Internals",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Level::Learner => "learner",
            Level::Internals => "internals",
        }
    }
}
