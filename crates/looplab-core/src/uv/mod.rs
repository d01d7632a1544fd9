//! The libuv layer: the loop, its handles and requests, and the backend it polls.
mod backend;
mod event_loop;
mod fs_event;
mod fs_poll;
mod handle;
mod phase;
mod request;
mod signal;
mod tcp;
mod timer_heap;
mod watcher_list;

pub use backend::{Backend, IoEvent, Job, PollOutcome, Ready, Work};
pub use event_loop::{Loop, LoopStep, UvCallback};
pub use fs_event::{FsEvent, FsEventKind, FsWatches};
pub use fs_poll::FsPolls;
pub use handle::{Handle, HandleId, HandleKind, HandleTable};
pub use phase::{Phase, RunMode};
pub use request::{RequestId, RequestKind, RequestTable, WorkKind};
pub use signal::{
    DefaultAction, KillOutcome, MAX_SIGNUM, SIGNALS, SignalError, Signals, catchable,
    default_action, signal_name,
};
pub use tcp::{NetError, ReadResult, Tcp};
