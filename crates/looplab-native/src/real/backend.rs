//! The native backend: the monotonic clock, a poll phase that blocks in epoll/kqueue through mio,
//! and a pool of OS threads. The loop above it is the same `uv::Loop` the page runs.
use super::signals::{CaughtSignals, SIGNAL_PIPE};
use super::worker_pool::{WorkerEvent, WorkerPool};
use looplab_core::sim::thread_pool::size_from_env;
use looplab_core::time::{Duration, Instant};
use looplab_core::trace::{TraceEvent, Tracer};
use looplab_core::uv::{Backend, HandleId, IoEvent, Job, PollOutcome, Ready, RequestId, Work};
use mio::{Events, Interest, Poll, Token, Waker};
use std::collections::HashMap;
use std::sync::Arc;

/// The token of the pool's completion signal (libuv's `wq_async`).
const WAKER: Token = Token(usize::MAX);

pub struct RealBackend {
    origin: std::time::Instant,
    poll: Poll,
    events: Events,
    waker: Arc<Waker>,
    /// Started at the first job, reading UV_THREADPOOL_SIZE then, as libuv does.
    pool: Option<WorkerPool>,
    pool_env: Option<String>,
    /// Registered sources: mio token → the handle that owns them.
    handles: HashMap<Token, HandleId>,
    /// Sockets opened through the `Tcp` interface, by handle.
    pub(super) sockets: HashMap<HandleId, super::tcp::Socket>,
    done: Vec<RequestId>,
    worker_events: Vec<WorkerEvent>,
    signals: CaughtSignals,
}

impl std::fmt::Debug for RealBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RealBackend")
            .field("pool", &self.pool)
            .field("handles", &self.handles.len())
            .finish()
    }
}

impl RealBackend {
    pub fn new(pool_env: Option<String>) -> std::io::Result<Self> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
        // Node's SignalExit for SIGINT and SIGTERM: killed by them while nothing listens.
        let mut signals = CaughtSignals::default();
        for signum in [2, 15] {
            signals
                .install(poll.registry(), signum)
                .map_err(std::io::Error::other)?;
        }
        Ok(RealBackend {
            origin: std::time::Instant::now(),
            poll,
            events: Events::with_capacity(1024),
            waker,
            pool: None,
            pool_env,
            handles: HashMap::new(),
            sockets: HashMap::new(),
            done: Vec::new(),
            worker_events: Vec::new(),
            signals,
        })
    }

    /// Registers a socket for a handle: its readiness comes back as `Ready::Io(handle, ..)`.
    pub fn register(
        &mut self,
        handle: HandleId,
        source: &mut impl mio::event::Source,
        interest: Interest,
    ) -> std::io::Result<()> {
        let token = Token(handle.0 as usize);
        self.handles.insert(token, handle);
        self.poll.registry().register(source, token, interest)
    }

    pub fn reregister(
        &mut self,
        handle: HandleId,
        source: &mut impl mio::event::Source,
        interest: Interest,
    ) -> std::io::Result<()> {
        self.poll
            .registry()
            .reregister(source, Token(handle.0 as usize), interest)
    }

    pub fn deregister(
        &mut self,
        handle: HandleId,
        source: &mut impl mio::event::Source,
    ) -> std::io::Result<()> {
        self.handles.remove(&Token(handle.0 as usize));
        self.poll.registry().deregister(source)
    }

    /// The registry signals register with, and what is known about them.
    pub(super) fn signal_parts(&mut self) -> (&mio::Registry, &mut CaughtSignals) {
        (self.poll.registry(), &mut self.signals)
    }

    fn pool(&mut self) -> &WorkerPool {
        if self.pool.is_none() {
            let threads = size_from_env(self.pool_env.as_deref());
            let origin = self.origin;
            let clock = move || Instant::from_micros(origin.elapsed().as_micros() as u64);
            let pool = WorkerPool::start(threads, self.waker.clone(), clock)
                .expect("the OS refused to start the thread pool's threads");
            self.pool = Some(pool);
        }
        self.pool.as_ref().expect("just started")
    }

    fn flush_workers(&mut self, trace: &mut Tracer) {
        if let Some(pool) = &self.pool {
            pool.take_done(&mut self.done, &mut self.worker_events);
        }
        for event in self.worker_events.drain(..) {
            match event {
                WorkerEvent::Start {
                    worker,
                    request,
                    at,
                } => trace.record(at, TraceEvent::WorkerStart { worker, request }),
                WorkerEvent::Done {
                    worker,
                    request,
                    at,
                } => trace.record(at, TraceEvent::WorkerDone { worker, request }),
            }
        }
    }
}

impl Backend for RealBackend {
    fn now(&self) -> Instant {
        Instant::from_micros(self.origin.elapsed().as_micros() as u64)
    }

    fn tcp(&mut self) -> Option<&mut dyn looplab_core::uv::Tcp> {
        Some(self)
    }

    fn signals(&mut self) -> Option<&mut dyn looplab_core::uv::Signals> {
        Some(self)
    }

    fn poll(
        &mut self,
        timeout: Option<Duration>,
        ready: &mut Vec<Ready>,
        trace: &mut Tracer,
    ) -> PollOutcome {
        // Completions that arrived before we got here must not wait for the timeout.
        let pending = self.pool.as_ref().is_some_and(WorkerPool::has_done);
        let timeout = if pending {
            Some(Duration::ZERO)
        } else {
            timeout
        };
        let std_timeout = timeout.map(|t| std::time::Duration::from_micros(t.as_micros()));
        loop {
            match self.poll.poll(&mut self.events, std_timeout) {
                Ok(()) => break,
                // A signal interrupted epoll_wait; libuv retries too.
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => panic!("epoll_wait failed: {e}"),
            }
        }
        for event in self.events.iter() {
            if event.token() == WAKER || event.token() == SIGNAL_PIPE {
                continue;
            }
            if let Some(&handle) = self.handles.get(&event.token()) {
                if event.is_readable() || event.is_read_closed() || event.is_error() {
                    ready.push(Ready::Io(handle, IoEvent::Readable));
                }
                if event.is_writable() {
                    ready.push(Ready::Io(handle, IoEvent::Writable));
                }
            }
        }
        self.flush_workers(trace);
        ready.extend(self.done.drain(..).map(Ready::WorkDone));
        // libuv reads its signal pipe like any other watcher; reading it every time costs one
        // non-blocking read once a signal is watched.
        self.signals.poll(ready);
        PollOutcome::Woke
    }

    fn set_threadpool_env(&mut self, value: Option<String>) {
        if self.pool.is_none() {
            self.pool_env = value;
        }
    }

    fn submit_work(&mut self, request: RequestId, work: Work, trace: &mut Tracer) {
        self.submit_job(request, work, Box::new(|| {}), trace);
    }

    fn submit_job(&mut self, request: RequestId, work: Work, job: Job, trace: &mut Tracer) {
        trace.record(
            self.now(),
            TraceEvent::WorkQueued {
                request,
                work_kind: work.kind,
            },
        );
        self.pool().post(request, work, job);
    }

    fn charge_main(&mut self, _cpu: Duration, _trace: &mut Tracer) {
        // Real JavaScript already took real time.
    }
}
