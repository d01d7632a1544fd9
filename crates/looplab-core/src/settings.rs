//! What a run depends on besides the script: pool size, cores, entry kind, costs and limits.
use crate::cost::CostModel;
use crate::decision::Choice;
use crate::time::Duration;
use serde::{Deserialize, Serialize};

/// How the entry point was loaded. It changes the first drain: in an ES module entry promise jobs run
/// before `process.nextTick` callbacks (nodejs/node#45048).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    #[default]
    CommonJs,
    Module,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The value `UV_THREADPOOL_SIZE` has when the pool starts, as text (libuv parses it with atoi).
    /// `None` means unset: 4 threads.
    pub threadpool_env: Option<String>,
    /// CPU cores shared by the main thread and the pool threads.
    pub cores: u32,
    pub entry: EntryKind,
    pub cost: CostModel,
    pub limits: Limits,
    /// The branch to take at each of the run's first decisions (`decision.rs`); later ones
    /// and all of them when empty take the natural branch. Left out of a trace when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threadpool_env: None,
            cores: 4,
            entry: EntryKind::CommonJs,
            cost: CostModel::default(),
            limits: Limits::default(),
            choices: Vec::new(),
        }
    }
}

/// Where a run stops with a message instead of running on: the page must never freeze.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// JavaScript callbacks, ticks and microtasks run in all.
    pub max_tasks: u64,
    /// Virtual time the process may live.
    pub max_virtual_time: Duration,
    /// Trace events recorded; the run goes on without recording once reached.
    pub max_trace_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_tasks: 2_000_000,
            max_virtual_time: Duration::from_millis(10 * 60 * 1000),
            max_trace_events: 5_000_000,
        }
    }
}
