//! The real thread pool: OS threads running jobs in libuv's order (one FIFO, slow I/O limited to
//! half the threads), using the same queue discipline as the simulated pool. Completions wake the
//! poll phase through a mio `Waker`, as libuv's workers call `uv_async_send`.
use looplab_core::sim::thread_pool::{Job as QueuedJob, ThreadPool};
use looplab_core::time::Instant;
use looplab_core::uv::{Job, RequestId, Work};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// Something a worker did, with when (read from the backend's clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerEvent {
    Start {
        worker: u32,
        request: RequestId,
        at: Instant,
    },
    Done {
        worker: u32,
        request: RequestId,
        at: Instant,
    },
}

struct State {
    queue: ThreadPool,
    /// The job each worker was handed and has not picked up yet.
    assigned: Vec<Option<RequestId>>,
    jobs: HashMap<RequestId, Job>,
    events: Vec<WorkerEvent>,
    done: VecDeque<RequestId>,
    exiting: bool,
}

struct Shared {
    state: Mutex<State>,
    wake_workers: Condvar,
    waker: Arc<mio::Waker>,
    clock: Box<dyn Fn() -> Instant + Send + Sync>,
}

pub struct WorkerPool {
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for WorkerPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerPool")
            .field("threads", &self.threads.len())
            .finish()
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    // A job that panicked poisons nothing we rely on: the state is only queues.
    shared.state.lock().unwrap_or_else(|e| e.into_inner())
}

impl WorkerPool {
    pub fn start(
        threads: u32,
        waker: Arc<mio::Waker>,
        clock: impl Fn() -> Instant + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let queue = ThreadPool::new(threads);
        let n = queue.threads();
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue,
                assigned: vec![None; n as usize],
                jobs: HashMap::new(),
                events: Vec::new(),
                done: VecDeque::new(),
                exiting: false,
            }),
            wake_workers: Condvar::new(),
            waker,
            clock: Box::new(clock),
        });
        let mut handles = Vec::with_capacity(n as usize);
        for worker in 0..n {
            let shared = shared.clone();
            let handle = std::thread::Builder::new()
                .name(format!("libuv-worker-{worker}"))
                .spawn(move || work_loop(&shared, worker))?;
            handles.push(handle);
        }
        Ok(WorkerPool {
            shared,
            threads: handles,
        })
    }

    pub fn threads(&self) -> u32 {
        self.threads.len() as u32
    }

    /// `uv__work_submit`.
    pub fn post(&self, request: RequestId, work: Work, job: Job) {
        let mut state = lock(&self.shared);
        state.jobs.insert(request, job);
        let started = state.queue.post(QueuedJob { request, work });
        assign(&mut state, started);
        drop(state);
        self.shared.wake_workers.notify_all();
    }

    /// Finished requests in completion order, and what the workers did meanwhile.
    pub fn take_done(&self, done: &mut Vec<RequestId>, events: &mut Vec<WorkerEvent>) {
        let mut state = lock(&self.shared);
        done.extend(state.done.drain(..));
        events.append(&mut state.events);
    }

    pub fn has_done(&self) -> bool {
        !lock(&self.shared).done.is_empty()
    }
}

fn assign(state: &mut State, started: Vec<(u32, QueuedJob)>) {
    for (worker, job) in started {
        state.assigned[worker as usize] = Some(job.request);
    }
}

fn work_loop(shared: &Shared, worker: u32) {
    let mut state = lock(shared);
    loop {
        if state.exiting {
            return;
        }
        let Some(request) = state.assigned[worker as usize].take() else {
            state = shared
                .wake_workers
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
            continue;
        };
        let job = state.jobs.remove(&request);
        state.events.push(WorkerEvent::Start {
            worker,
            request,
            at: (shared.clock)(),
        });
        drop(state);
        if let Some(job) = job {
            job();
        }
        state = lock(shared);
        state.events.push(WorkerEvent::Done {
            worker,
            request,
            at: (shared.clock)(),
        });
        state.done.push_back(request);
        let next = state.queue.finish(worker);
        assign(&mut state, next);
        shared.wake_workers.notify_all();
        // If the loop is gone the wake-up has nobody to reach; nothing to do about it here.
        let _ = shared.waker.wake();
    }
}

impl Drop for WorkerPool {
    /// Joins every thread: a run leaves no threads behind.
    fn drop(&mut self) {
        lock(&self.shared).exiting = true;
        self.shared.wake_workers.notify_all();
        for handle in self.threads.drain(..) {
            let _ = handle.join();
        }
    }
}
