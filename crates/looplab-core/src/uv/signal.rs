//! Signals as libuv sees them (src/unix/signal.c): a signal handle catches one signal; libuv's
//! handler only writes the signal to the loop's signal pipe, and the poll phase reads the pipe and
//! calls each handle watching that signal. A signal nothing catches takes its default action.
//!
//! The numbers and default actions are Linux's (signal(7)), as Node reports them there.
use serde::{Deserialize, Serialize};

/// Linux's signals by name, `os.constants.signals` order; a number's first name is its usual one.
pub const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGCHLD", 17),
    ("SIGSTKFLT", 16),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
];

/// The highest signal number (`SIGRTMAX` on Linux); kill(2) refuses anything above it.
pub const MAX_SIGNUM: i32 = 64;

pub const SIGKILL: i32 = 9;
pub const SIGSTOP: i32 = 19;

/// `SIGINT` for 2; `None` for a number without a name (the real-time signals).
pub fn signal_name(signum: i32) -> Option<&'static str> {
    SIGNALS
        .iter()
        .find(|(_, n)| *n == signum)
        .map(|(name, _)| *name)
}

/// What a signal does to a process that does not catch it (signal(7), "Standard signals").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultAction {
    /// The process ends, killed by the signal (a shell shows status 128 + the number).
    Terminate,
    Ignore,
    /// The process stops until a SIGCONT.
    Stop,
}

pub fn default_action(signum: i32) -> DefaultAction {
    match signum {
        17 | 18 | 23 | 28 => DefaultAction::Ignore,
        19..=22 => DefaultAction::Stop,
        _ => DefaultAction::Terminate,
    }
}

/// Whether a handler may be installed for `signum`: sigaction(2) refuses SIGKILL, SIGSTOP and
/// numbers out of range, so `uv_signal_start` fails with EINVAL.
pub fn catchable(signum: i32) -> bool {
    (1..=MAX_SIGNUM).contains(&signum) && signum != SIGKILL && signum != SIGSTOP
}

/// The errno-style failures of `uv_signal_start` and `uv_kill`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SignalError {
    #[error("EINVAL")]
    Invalid,
    #[error("ESRCH")]
    NoSuchProcess,
    #[error("EPERM")]
    NotPermitted,
}

impl SignalError {
    /// Linux errno values, negated as libuv returns them.
    pub fn errno(self) -> i32 {
        match self {
            SignalError::Invalid => -22,
            SignalError::NoSuchProcess => -3,
            SignalError::NotPermitted => -1,
        }
    }
}

/// What `uv_kill` did to the process itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KillOutcome {
    /// Sent: to another process, caught by a signal handle, or signal 0 (only a check).
    Sent,
    /// Nothing catches it and its default action is to ignore it.
    Ignored,
    /// Nothing catches it: the process ends, killed by this signal.
    Terminated(i32),
    /// Nothing catches it: the process stops.
    Stopped(i32),
}

/// The operating system's side of signals, for the loop: catching them (libuv's handler and
/// signal pipe) and sending them. Caught signals come back from `Backend::poll` as
/// `Ready::Signal`.
pub trait Signals {
    /// This process's id (`uv_os_getpid`).
    fn pid(&self) -> u32;
    /// Starts catching `signum` (the first handle for it started); fails for an uncatchable one.
    fn watch(&mut self, signum: i32) -> Result<(), SignalError>;
    /// Stops catching `signum` (its last handle stopped): it takes its default action again.
    fn unwatch(&mut self, signum: i32);
    /// Sends a caught `signum` to this process.
    fn raise(&mut self, signum: i32);
    /// kill(2) to another process.
    fn kill(&mut self, pid: i32, signum: i32) -> Result<(), SignalError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_default_actions_are_linux_ones() {
        assert_eq!(signal_name(2), Some("SIGINT"));
        assert_eq!(signal_name(6), Some("SIGABRT"));
        assert_eq!(signal_name(40), None);
        assert_eq!(default_action(2), DefaultAction::Terminate);
        assert_eq!(default_action(15), DefaultAction::Terminate);
        assert_eq!(default_action(28), DefaultAction::Ignore);
        assert_eq!(default_action(20), DefaultAction::Stop);
        assert!(!catchable(SIGKILL) && !catchable(SIGSTOP) && !catchable(0) && catchable(2));
    }
}
