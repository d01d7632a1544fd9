//! What the loop needs from the world below it: a clock, a readiness poller and a thread pool.
//!
//! The simulated backend (`crate::sim`) makes all three up deterministically; the native backend
//! (looplab-native) uses the monotonic clock, epoll/kqueue through mio and OS threads.
use super::handle::HandleId;
use super::request::{RequestId, WorkKind};
use crate::time::{Duration, Instant};
use crate::trace::Tracer;
use serde::{Deserialize, Serialize};

/// A job for the thread pool: how it is classified and what it costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    pub kind: WorkKind,
    /// Time on a core (hashing, compressing, the CPU side of a syscall).
    pub cpu: Duration,
    /// Time blocked afterwards without using a core (waiting on a disk or a resolver).
    pub blocked: Duration,
}

/// The real operation behind a pool request, for backends that run them (a native backend runs it on
/// a pool thread; the simulated one runs it when it is submitted and only simulates the timing).
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// What readiness the poller reported for a handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IoEvent {
    Readable,
    Writable,
}

/// One thing the poll phase found ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ready {
    /// A pool job finished (signalled through the loop's async handle, as `uv_async_send` does).
    WorkDone(RequestId),
    Io(HandleId, IoEvent),
    /// A caught signal was read from the signal pipe; every handle watching it is called.
    Signal(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollOutcome {
    /// Returned because something was ready or the timeout passed.
    Woke,
    /// Asked to wait forever with nothing that could ever become ready: a real process would hang.
    WouldBlockForever,
}

pub trait Backend: std::fmt::Debug + 'static {
    /// The current time (monotonic).
    fn now(&self) -> Instant;

    /// Waits up to `timeout` (`None`: without limit) for readiness, appending what became ready.
    fn poll(
        &mut self,
        timeout: Option<Duration>,
        ready: &mut Vec<Ready>,
        trace: &mut Tracer,
    ) -> PollOutcome;

    /// Hands a job to the thread pool; it comes back as `Ready::WorkDone` in a later poll.
    fn submit_work(&mut self, request: RequestId, work: Work, trace: &mut Tracer);

    /// The process's `UV_THREADPOOL_SIZE` (`None`: unset) as the script left it; libuv reads it
    /// when the pool starts, so a change after that is ignored.
    fn set_threadpool_env(&mut self, value: Option<String>);

    /// Like `submit_work`, with the operation to perform on the pool thread.
    fn submit_job(&mut self, request: RequestId, work: Work, job: Job, trace: &mut Tracer) {
        job();
        self.submit_work(request, work, trace);
    }

    /// The main thread ran JavaScript for `cpu`; a simulated clock moves, a real one already has.
    fn charge_main(&mut self, cpu: Duration, trace: &mut Tracer);

    /// The host wants `event` for `handle` though nothing new happened on it (data left after
    /// libuv's 32 reads for one event, or a wait for POLLOUT on a socket with room). A poller
    /// that is level-triggered, as epoll is for libuv's streams, reports it again in the next
    /// poll phase: such a backend arranges that and returns true. Otherwise `Loop::io_want`
    /// feeds it to the pending phase, as `uv__io_feed` does.
    fn report_again(&mut self, handle: HandleId, event: IoEvent) -> bool {
        let _ = (handle, event);
        false
    }

    /// TCP sockets, if this backend has a network.
    fn tcp(&mut self) -> Option<&mut dyn super::tcp::Tcp> {
        None
    }

    /// Catching and sending signals, if this backend has them.
    fn signals(&mut self) -> Option<&mut dyn super::signal::Signals> {
        None
    }
}
