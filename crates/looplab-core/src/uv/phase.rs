//! The phases of one loop iteration and the three ways to run the loop.
use serde::{Deserialize, Serialize};

/// One phase of `uv_run`, in the order an iteration visits them (libuv 1.46, src/unix/core.c).
/// Timers come last: since libuv 1.45 they run at the end of each iteration (libuv#3927), plus once
/// before the first iteration in `RunMode::Default`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Timers,
    Pending,
    Idle,
    Prepare,
    Poll,
    Check,
    Close,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Timers,
        Phase::Pending,
        Phase::Idle,
        Phase::Prepare,
        Phase::Poll,
        Phase::Check,
        Phase::Close,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Phase::Timers => "timers",
            Phase::Pending => "pending",
            Phase::Idle => "idle",
            Phase::Prepare => "prepare",
            Phase::Poll => "poll",
            Phase::Check => "check",
            Phase::Close => "close",
        }
    }
}

/// `uv_run_mode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunMode {
    /// Run until nothing keeps the loop alive (what Node uses).
    #[default]
    Default,
    /// One iteration; poll may block if nothing else is pending.
    Once,
    /// One iteration; poll never blocks.
    NoWait,
}
