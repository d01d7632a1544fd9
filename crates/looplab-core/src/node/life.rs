//! `Life`: whether the process still runs JavaScript and, once it does not, how it ended. The
//! model owns it; the host reads it to know whether to run more JavaScript and what to report.

/// Where a running process is in Node's lifecycle (src/api/embed_helpers.cc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Nothing has run yet.
    Boot,
    /// The entry script ran; the loop has not started.
    Main,
    /// Inside `uv_run`.
    Loop,
    /// 'beforeExit' was emitted.
    BeforeExit,
    /// 'exit' was emitted: nextTicks queued now are dropped, as Node drops them.
    Exiting,
}

/// Who stopped a halted run, which decides who tells the learner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopper {
    /// One of the model's limits (callbacks, virtual time), a wait nothing can end, or a stop
    /// signal: recorded in the trace as a `Halt` event.
    Model,
    /// One of the host's limits (output, the engine's work and depth): the host says it in its
    /// own words, on stderr, and the trace ends where the run stopped.
    Host,
}

/// The one answer to "is the process running, and if not, why": nothing else in the model or
/// the host keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Life {
    /// JavaScript may run. `exit_code` is `process.exitCode`: the code it ends with unless
    /// something else decides.
    Running { stage: Stage, exit_code: i32 },
    /// Ended with this exit code: the loop had nothing left, or `process.exit()`.
    Exited(i32),
    /// Ended by this signal's default action; a shell reports status 128 + the signal.
    Killed(i32),
    /// A limit (or a stop signal) stopped the run; `reason` says which and why.
    Halted { by: Stopper, reason: String },
}

impl Life {
    pub fn is_running(&self) -> bool {
        matches!(self, Life::Running { .. })
    }

    /// The status an ended process reports: its exit code, or 128 + the signal that killed it.
    pub fn status(&self) -> Option<i32> {
        match self {
            Life::Exited(code) => Some(*code),
            Life::Killed(signum) => Some(128 + signum),
            Life::Running { .. } | Life::Halted { .. } => None,
        }
    }

    /// The signal whose default action ended the process, if one did.
    pub fn killed_by(&self) -> Option<i32> {
        match self {
            Life::Killed(signum) => Some(*signum),
            _ => None,
        }
    }
}
