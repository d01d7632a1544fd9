//! What the host runs when the model says so.
use super::ids::{ImmediateId, MicrotaskId, TickId, TimerId};
use crate::uv::{HandleId, IoEvent, RequestId};
use serde::{Deserialize, Serialize};

/// A piece of JavaScript to run now. After each one the host calls `Node::poll_step` again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "task", content = "id", rename_all = "snake_case")]
pub enum Task {
    /// Evaluate the entry script (or module).
    Main,
    /// A `setTimeout` / `setInterval` callback.
    Timeout(TimerId),
    /// A `setImmediate` callback.
    Immediate(ImmediateId),
    /// One `process.nextTick` callback.
    Tick(TickId),
    /// One promise job or `queueMicrotask` callback.
    Microtask(MicrotaskId),
    /// The callback of a finished request (fs, crypto, dns.lookup, zlib ...).
    RequestDone(RequestId),
    /// A handle became readable or writable.
    Io(HandleId, IoEvent),
    /// A callback deferred to the pending phase.
    Pending(HandleId),
    /// A handle's close callback.
    Close(HandleId),
    /// A signal handle caught its signal (number): Node emits it on `process`.
    Signal(HandleId, i32),
    /// An fs event handle's callback with the event the loop read (by number, `Loop::fs_event`).
    FsEvent(HandleId, u64),
    /// An fs poll handle's timer expired: the host stats its path again.
    FsPoll(HandleId),
    /// `processPromiseRejections`: report unhandled rejections (Node 20 default: as uncaught).
    PromiseRejections,
    /// Emit `process.on('beforeExit')`: the loop has emptied.
    BeforeExit,
    /// Emit `process.on('exit')`: the process is ending.
    Exit,
}

impl Task {
    /// Ticks and microtasks run while draining after a callback; everything else is a callback.
    pub fn is_microtask_like(self) -> bool {
        matches!(
            self,
            Task::Tick(_) | Task::Microtask(_) | Task::PromiseRejections
        )
    }
}
