//! Signals on the real OS, as libuv catches them: a handler that only records the signal and
//! writes to a pipe (signal-hook's), the pipe registered with the same mio `Poll` as the sockets,
//! so a caught signal wakes the poll phase, which reads it and reports `Ready::Signal`. No thread.
//!
//! signal-hook cannot take a handler out again, so each installed signal also gets node's own
//! fallback (src/node.cc `SignalExit`): while no handle watches it, the handler gives the signal
//! its default action at once, from the handler, as if nothing had been installed.
use super::backend::RealBackend;
use looplab_core::uv::{Ready, SignalError, Signals, catchable};
use mio::{Interest, Registry, Token};
use signal_hook_mio::v1_0::Signals as SignalPipe;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The signal pipe's token.
pub(super) const SIGNAL_PIPE: Token = Token(usize::MAX - 1);

/// What the backend knows about signals.
#[derive(Default)]
pub(super) struct CaughtSignals {
    /// Made, and registered, when the first signal is installed.
    pipe: Option<SignalPipe>,
    /// Installed signals, each with its flag "no handle watches it: take the default action".
    uncaught: BTreeMap<i32, Arc<AtomicBool>>,
    /// Signals some handle watches now.
    watched: BTreeSet<i32>,
    /// Read from the pipe, not yet reported.
    caught: Vec<i32>,
}

impl std::fmt::Debug for CaughtSignals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaughtSignals")
            .field("watched", &self.watched)
            .field("caught", &self.caught)
            .finish_non_exhaustive()
    }
}

impl CaughtSignals {
    /// Installs the handler for `signum`, unwatched: node installs its own for SIGINT and
    /// SIGTERM at startup, which also undoes a SIG_IGN the process inherited (a background job).
    pub(super) fn install(&mut self, registry: &Registry, signum: i32) -> Result<(), SignalError> {
        // sigaction refuses SIGKILL and SIGSTOP; signal-hook also keeps away from the signals
        // that mean the program is broken (SIGSEGV, SIGILL, SIGFPE).
        if !catchable(signum) || signal_hook::consts::FORBIDDEN.contains(&signum) {
            return Err(SignalError::Invalid);
        }
        if self.uncaught.contains_key(&signum) {
            return Ok(());
        }
        let pipe = match &mut self.pipe {
            Some(pipe) => pipe,
            None => {
                let mut pipe =
                    SignalPipe::new(std::iter::empty::<i32>()).map_err(|_| SignalError::Invalid)?;
                registry
                    .register(&mut pipe, SIGNAL_PIPE, Interest::READABLE)
                    .map_err(|_| SignalError::Invalid)?;
                self.pipe.insert(pipe)
            }
        };
        let uncaught = Arc::new(AtomicBool::new(true));
        signal_hook::flag::register_conditional_default(signum, uncaught.clone())
            .map_err(|_| SignalError::Invalid)?;
        pipe.add_signal(signum).map_err(|_| SignalError::Invalid)?;
        self.uncaught.insert(signum, uncaught);
        Ok(())
    }

    fn watch(&mut self, registry: &Registry, signum: i32) -> Result<(), SignalError> {
        self.install(registry, signum)?;
        self.uncaught[&signum].store(false, Ordering::SeqCst);
        self.watched.insert(signum);
        Ok(())
    }

    /// A signal that came while it was watched is dropped, as libuv drops it for a stopped handle.
    fn unwatch(&mut self, signum: i32) {
        self.read_pipe();
        self.caught.retain(|&s| s != signum);
        if let Some(uncaught) = self.uncaught.get(&signum) {
            uncaught.store(true, Ordering::SeqCst);
        }
        self.watched.remove(&signum);
    }

    fn read_pipe(&mut self) {
        if let Some(pipe) = &mut self.pipe {
            self.caught.extend(pipe.pending());
        }
    }

    /// Reads the pipe: each watched signal becomes `Ready::Signal`.
    pub(super) fn poll(&mut self, ready: &mut Vec<Ready>) {
        self.read_pipe();
        let watched = &self.watched;
        ready.extend(
            self.caught
                .drain(..)
                .filter(|s| watched.contains(s))
                .map(Ready::Signal),
        );
    }
}

impl Signals for RealBackend {
    fn pid(&self) -> u32 {
        std::process::id()
    }

    fn watch(&mut self, signum: i32) -> Result<(), SignalError> {
        let (registry, signals) = self.signal_parts();
        signals.watch(registry, signum)
    }

    fn unwatch(&mut self, signum: i32) {
        self.signal_parts().1.unwatch(signum);
    }

    fn raise(&mut self, signum: i32) {
        // Delivered to this thread before raise returns: the handler writes to the pipe.
        let _ = signal_hook::low_level::raise(signum);
    }

    fn kill(&mut self, pid: i32, signum: i32) -> Result<(), SignalError> {
        use nix::errno::Errno;
        use nix::sys::signal::Signal;
        let signal = match signum {
            0 => None,
            n => Some(Signal::try_from(n).map_err(|_| SignalError::Invalid)?),
        };
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), signal).map_err(|e| match e {
            Errno::ESRCH => SignalError::NoSuchProcess,
            Errno::EPERM => SignalError::NotPermitted,
            _ => SignalError::Invalid,
        })
    }
}
