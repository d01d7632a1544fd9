//! The simulated backend: a virtual clock, CPU cores and the thread pool, all deterministic.
//!
//! Time only moves when something takes time: the main thread running JavaScript (`charge_main`) or
//! the poll phase waiting. Either way every thread with work progresses on the cores meanwhile, and
//! pool jobs that finish are queued for the poll phase in the order they finished.
use super::cpu::Cpu;
use super::network::{Delivery, SimNetwork};
use super::thread_pool::{Job, ThreadPool};
use crate::cost::CostModel;
use crate::decision::{Choice, Decision, DecisionPoint};
use crate::time::{Duration, Instant};
use crate::trace::{ThreadId, TraceEvent, Tracer};
use crate::uv::{
    Backend, HandleId, NetError, PollOutcome, ReadResult, Ready, RequestId, SignalError, Signals,
    Work, catchable,
};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The simulated process's id (`process.pid`); it is the only process on the simulated machine.
pub const SIM_PID: u32 = 4242;

#[derive(Debug)]
enum Arrival {
    Ready(Ready),
    Net(Delivery),
}

#[derive(Debug)]
pub struct SimBackend {
    now: Instant,
    cpu: Cpu,
    /// Created at the first job, as libuv creates its threads (and reads UV_THREADPOOL_SIZE) then.
    pool: Option<ThreadPool>,
    pool_env: Option<String>,
    /// Main-thread time to start one pool thread (libuv waits for each to start).
    thread_start: Duration,
    /// Workers blocked after their CPU part (disk, resolver), until the instant given.
    blocked: Vec<(Instant, u32)>,
    /// Finished jobs and readiness not yet seen by the poll phase, in the order they happened.
    ready: VecDeque<Ready>,
    /// What happens later (a packet arriving, a resolver answering), in time order.
    arrivals: BTreeMap<(Instant, u64), Arrival>,
    network: SimNetwork,
    arrival_seq: u64,
    /// Signals with a handler installed (libuv's, for some signal handle).
    caught_signals: BTreeSet<i32>,
    /// Scratch space the CPU writes its core switches into.
    cpu_events: Vec<TraceEvent>,
    /// What happened since the last flush, with when it happened.
    events: Vec<(Instant, TraceEvent)>,
    /// Workers whose job is done but, by a decision's alternative, finishes only after another
    /// request's job: (the request waited for, the waiting worker).
    waiting: Vec<(RequestId, u32)>,
}

/// Two pool jobs finishing closer than this share of a job's own time may finish in either
/// order on a real machine: the same work on the same machine varies by a few percent from
/// run to run (caches, frequency scaling, the other threads), so node's batch of equal pbkdf2
/// calls finishes within 3 ms of 770 (node-semantics.md, section 6).
const POOL_JITTER_PER_MILLE: u64 = 20;

/// Jobs shorter than this keep the order they were queued in: their few percent are less than
/// the hand-over to a waking thread, which the pool's FIFO does in order (node prints two
/// failing fs.open callbacks in submission order, fs-descriptors in the corpus).
const POOL_JITTER_FROM: Duration = Duration::from_millis(1);

impl SimBackend {
    pub fn new(cores: u32, pool_env: Option<String>, cost: &CostModel) -> Self {
        SimBackend {
            now: Instant::ZERO,
            cpu: Cpu::new(cores, cost.timeslice),
            pool: None,
            pool_env,
            thread_start: cost.thread_start,
            blocked: Vec::new(),
            ready: VecDeque::new(),
            arrivals: BTreeMap::new(),
            network: SimNetwork::new(cost.network_latency),
            arrival_seq: 0,
            caught_signals: BTreeSet::new(),
            cpu_events: Vec::new(),
            events: Vec::new(),
            waiting: Vec::new(),
        }
    }

    pub fn context_switches(&self) -> u64 {
        self.cpu.context_switches()
    }

    fn flush(&mut self, trace: &mut Tracer) {
        for (at, event) in self.events.drain(..) {
            trace.record(at, event);
        }
    }

    fn note(&mut self, event: TraceEvent) {
        self.events.push((self.now, event));
    }

    /// Stamps the core switches the CPU just made with the current time.
    fn note_cpu(&mut self) {
        let now = self.now;
        self.events
            .extend(self.cpu_events.drain(..).map(|e| (now, e)));
    }

    fn start_jobs(&mut self, started: Vec<(u32, Job)>) {
        for (worker, job) in started {
            self.note(TraceEvent::WorkerStart {
                worker,
                request: job.request,
            });
            if job.work.cpu.is_zero() {
                self.blocked.push((self.now + job.work.blocked, worker));
            } else {
                self.cpu
                    .add_work(ThreadId::Worker(worker), job.work.cpu, &mut self.cpu_events);
                self.note_cpu();
            }
        }
    }

    /// A worker's job is done: the poll phase will see it, unless a decision makes it finish
    /// after a job that is close behind it.
    fn complete(&mut self, worker: u32, trace: &mut Tracer) {
        let job = self.running_job(worker);
        if let Some((second, gap)) = self.close_behind(worker, job) {
            let window = Self::jitter_window(job);
            let chance = 0.5 * (1.0 - gap.as_micros() as f64 / window.as_micros().max(1) as f64);
            let (index, chosen) = trace.choose();
            let (first, second) = (job.request, second);
            // Requests are numbered as they are made: the learner knows them by that order.
            let (natural, other) = if first.0 < second.0 {
                ("earlier", "later")
            } else {
                ("later", "earlier")
            };
            self.note(TraceEvent::Decision(Decision {
                index,
                point: DecisionPoint::PoolOrder { first, second },
                chosen,
                natural: format!("the job asked for {natural} finishes first"),
                alternative: format!("the job asked for {other} finishes first"),
                why: format!(
                    "Two thread-pool jobs finish {}, and the same work takes a few percent more or less from run to run on a real machine ({} ms here), so either can finish first.",
                    if gap.is_zero() {
                        "at the same moment".to_string()
                    } else {
                        format!("{} ms apart", crate::decision::millis_text(gap.as_micros()))
                    },
                    crate::decision::millis_text(window.as_micros()),
                ),
                chance,
            }));
            if chosen == Choice::Alternative {
                self.waiting.push((second, worker));
                return;
            }
        }
        self.finish_job(worker, job);
    }

    fn running_job(&self, worker: u32) -> Job {
        self.pool
            .as_ref()
            .and_then(|p| p.job(worker))
            .expect("an idle worker finished")
    }

    /// How far a job's finish may move on a real machine.
    fn jitter_window(job: Job) -> Duration {
        let work = job.work.cpu + job.work.blocked;
        Duration::from_micros(work.as_micros() * POOL_JITTER_PER_MILLE / 1000)
    }

    /// The request of the job another worker finishes soonest, if within the jitter window of
    /// `job`, with how long after now it finishes (its share of the cores as they are now).
    fn close_behind(&self, worker: u32, job: Job) -> Option<(RequestId, Duration)> {
        let pool = self.pool.as_ref()?;
        if job.work.cpu + job.work.blocked < POOL_JITTER_FROM {
            return None;
        }
        let window = Self::jitter_window(job);
        (0..pool.threads())
            .filter(|&w| w != worker && !self.waiting.iter().any(|&(_, x)| x == w))
            .filter_map(|w| {
                let other = pool.job(w)?;
                let left = match self.cpu.time_to_finish(ThreadId::Worker(w)) {
                    Some(cpu) => cpu + other.work.blocked,
                    None => match self.blocked.iter().find(|&&(_, b)| b == w) {
                        Some(&(at, _)) => at - self.now,
                        // Its work ended at this instant; it completes right after this one.
                        None => Duration::ZERO,
                    },
                };
                Some((other.request, left))
            })
            .filter(|&(_, left)| left < window)
            .min_by_key(|&(request, left)| (left, request))
    }

    fn finish_job(&mut self, worker: u32, job: Job) {
        self.events.push((
            self.now,
            TraceEvent::WorkerDone {
                worker,
                request: job.request,
            },
        ));
        self.ready.push_back(Ready::WorkDone(job.request));
        let pool = self
            .pool
            .as_mut()
            .expect("a worker finished without a pool");
        let next = pool.finish(worker);
        self.start_jobs(next);
        // A job made to finish after this one finishes now.
        while let Some(i) = self.waiting.iter().position(|&(r, _)| r == job.request) {
            let (_, waiter) = self.waiting.remove(i);
            let waited = self.running_job(waiter);
            self.finish_job(waiter, waited);
        }
    }

    /// Moves time forward to the next thing that happens, but not past `limit`.
    fn step(&mut self, limit: Instant, trace: &mut Tracer) {
        let mut until = limit;
        if let Some(d) = self.cpu.next_event_in() {
            until = until.min(self.now + d);
        }
        if let Some(&(t, _)) = self.blocked.iter().min() {
            until = until.min(t);
        }
        if let Some(&(t, _)) = self.arrivals.keys().next() {
            until = until.min(t);
        }
        let span = until - self.now;
        let finished = self.cpu.run_for(span, &mut self.cpu_events);
        self.now = until;
        self.note_cpu();
        for thread in finished {
            if let ThreadId::Worker(w) = thread {
                let job = self
                    .pool
                    .as_ref()
                    .and_then(|p| p.job(w))
                    .expect("worker without a job");
                if job.work.blocked.is_zero() {
                    self.complete(w, trace);
                } else {
                    self.blocked.push((self.now + job.work.blocked, w));
                }
            }
        }
        // Equal instants finish in worker order, which keeps runs reproducible.
        self.blocked.sort_unstable();
        while let Some(&(t, w)) = self.blocked.first() {
            if t > self.now {
                break;
            }
            self.blocked.remove(0);
            self.complete(w, trace);
        }
        while let Some(entry) = self.arrivals.first_entry() {
            if entry.key().0 > self.now {
                break;
            }
            match entry.remove() {
                Arrival::Ready(ready) => self.ready.push_back(ready),
                Arrival::Net(delivery) => {
                    if let Some((handle, event)) = self.network.deliver(delivery) {
                        self.ready.push_back(Ready::Io(handle, event));
                    }
                    self.schedule_network();
                }
            }
        }
    }

    fn idle(&self) -> bool {
        self.cpu.next_event_in().is_none() && self.blocked.is_empty() && self.arrivals.is_empty()
    }

    /// Makes `ready` happen `after` from now: how the simulated network and resolver deliver
    /// readiness to the poll phase.
    pub fn schedule(&mut self, after: Duration, ready: Ready) {
        self.arrive(after, Arrival::Ready(ready));
    }

    fn arrive(&mut self, after: Duration, arrival: Arrival) {
        self.arrival_seq += 1;
        self.arrivals
            .insert((self.now + after, self.arrival_seq), arrival);
    }

    /// Works with the simulated network; what it sends is scheduled to arrive one latency later.
    pub fn net<R>(&mut self, f: impl FnOnce(&mut SimNetwork) -> R) -> R {
        let result = f(&mut self.network);
        self.schedule_network();
        result
    }

    fn schedule_network(&mut self) {
        for (after, delivery) in self.network.take_outbox() {
            self.arrive(after, Arrival::Net(delivery));
        }
        for handle in self.network.take_woken() {
            self.ready
                .push_back(Ready::Io(handle, crate::uv::IoEvent::Readable));
        }
    }
}

impl Backend for SimBackend {
    fn now(&self) -> Instant {
        self.now
    }

    /// The simulated poller is level-triggered: what is still there is reported in the next poll.
    fn report_again(&mut self, handle: HandleId, event: crate::uv::IoEvent) -> bool {
        self.schedule(Duration::ZERO, Ready::Io(handle, event));
        true
    }

    fn tcp(&mut self) -> Option<&mut dyn crate::uv::Tcp> {
        Some(self)
    }

    fn signals(&mut self) -> Option<&mut dyn Signals> {
        Some(self)
    }

    fn poll(
        &mut self,
        timeout: Option<Duration>,
        ready: &mut Vec<Ready>,
        trace: &mut Tracer,
    ) -> PollOutcome {
        let deadline = timeout.map(|t| self.now + t);
        let mut outcome = PollOutcome::Woke;
        while self.ready.is_empty() {
            if deadline.is_some_and(|d| self.now >= d) {
                break;
            }
            if self.idle() {
                match deadline {
                    Some(d) => self.now = d,
                    None => outcome = PollOutcome::WouldBlockForever,
                }
                break;
            }
            self.step(deadline.unwrap_or(Instant::from_micros(u64::MAX)), trace);
            self.flush(trace);
        }
        self.flush(trace);
        ready.extend(self.ready.drain(..));
        outcome
    }

    fn set_threadpool_env(&mut self, value: Option<String>) {
        if self.pool.is_none() {
            self.pool_env = value;
        }
    }

    fn submit_work(&mut self, request: RequestId, work: Work, trace: &mut Tracer) {
        if self.pool.is_none() {
            // libuv's init_threads blocks the main thread until every worker has started.
            let pool = ThreadPool::new(super::thread_pool::size_from_env(
                self.pool_env.take().as_deref(),
            ));
            let threads = pool.threads();
            self.pool = Some(pool);
            self.charge_main(self.thread_start.saturating_mul(threads.into()), trace);
        }
        let pool = self.pool.as_mut().expect("the pool just started");
        let started = pool.post(Job { request, work });
        self.events.push((
            self.now,
            TraceEvent::WorkQueued {
                request,
                work_kind: work.kind,
            },
        ));
        self.start_jobs(started);
        self.flush(trace);
    }

    fn charge_main(&mut self, cpu: Duration, trace: &mut Tracer) {
        if cpu.is_zero() {
            return;
        }
        self.cpu.add_work(ThreadId::Main, cpu, &mut self.cpu_events);
        self.note_cpu();
        while self.cpu.is_runnable(ThreadId::Main) {
            self.step(Instant::from_micros(u64::MAX), trace);
        }
        self.flush(trace);
    }
}

impl SimBackend {
    /// Threads in the pool, once it started.
    pub fn pool_threads(&self) -> Option<u32> {
        self.pool.as_ref().map(ThreadPool::threads)
    }
}

/// TCP on the simulated loopback: handles map to the network's sockets.
impl crate::uv::Tcp for SimBackend {
    fn listen(&mut self, handle: HandleId, port: u16) -> Result<u16, NetError> {
        self.net(|n| n.listen(handle, port)).map(|(_, port)| port)
    }

    fn connect(&mut self, handle: HandleId, port: u16) -> Result<(), NetError> {
        self.net(|n| n.connect(handle, port));
        Ok(())
    }

    fn connect_result(&mut self, handle: HandleId) -> Option<Result<(), NetError>> {
        let sock = self.network.socket_of(handle)?;
        self.network.connect_result(sock)
    }

    fn accept(&mut self, listener: HandleId, conn: HandleId) -> bool {
        let Some(sock) = self.network.socket_of(listener) else {
            return false;
        };
        self.net(|n| n.accept(sock, conn)).is_some()
    }

    fn write(&mut self, handle: HandleId, bytes: &[u8]) -> Result<usize, NetError> {
        let sock = self.network.socket_of(handle).ok_or(NetError::BrokenPipe)?;
        self.net(|n| n.write(sock, bytes))
    }

    fn read(&mut self, handle: HandleId) -> ReadResult {
        match self.network.socket_of(handle) {
            Some(sock) => self.net(|n| n.read(sock)),
            None => ReadResult::WouldBlock,
        }
    }

    fn shutdown(&mut self, handle: HandleId) {
        if let Some(sock) = self.network.socket_of(handle) {
            self.net(|n| n.shutdown(sock));
        }
    }

    fn close(&mut self, handle: HandleId) {
        if let Some(sock) = self.network.socket_of(handle) {
            self.net(|n| n.close(sock));
        }
    }

    fn ports(&self, handle: HandleId) -> (u16, u16) {
        self.network
            .socket_of(handle)
            .map_or((0, 0), |s| self.network.ports(s))
    }
}

/// Signals on the simulated machine: a caught signal is in the signal pipe as soon as it is sent,
/// so the next poll phase reads it.
impl Signals for SimBackend {
    fn pid(&self) -> u32 {
        SIM_PID
    }

    fn watch(&mut self, signum: i32) -> Result<(), SignalError> {
        if !catchable(signum) {
            return Err(SignalError::Invalid);
        }
        self.caught_signals.insert(signum);
        Ok(())
    }

    fn unwatch(&mut self, signum: i32) {
        self.caught_signals.remove(&signum);
    }

    fn raise(&mut self, signum: i32) {
        if self.caught_signals.contains(&signum) {
            self.ready.push_back(Ready::Signal(signum));
        }
    }

    fn kill(&mut self, _pid: i32, _signum: i32) -> Result<(), SignalError> {
        Err(SignalError::NoSuchProcess)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uv::WorkKind;

    fn job(ms_cpu: u64, us_more: u64) -> Work {
        Work {
            kind: WorkKind::Cpu,
            cpu: Duration::from_millis(ms_cpu) + Duration::from_micros(us_more),
            blocked: Duration::ZERO,
        }
    }

    /// Two jobs on two cores, the second `us_more` longer: the order the poll phase sees them.
    fn completions(us_more: u64, choices: Vec<Choice>) -> (Vec<RequestId>, Vec<Decision>) {
        let mut backend = SimBackend::new(2, Some("2".into()), &CostModel::default());
        let mut trace = Tracer::new(1_000);
        trace.set_choices(choices);
        backend.submit_work(RequestId(0), job(10, 0), &mut trace);
        backend.submit_work(RequestId(1), job(10, us_more), &mut trace);
        let mut ready = Vec::new();
        while ready.len() < 2 {
            backend.poll(None, &mut ready, &mut trace);
        }
        let order = ready
            .iter()
            .map(|r| match r {
                Ready::WorkDone(req) => *req,
                other => panic!("{other:?}"),
            })
            .collect();
        let decisions = trace.decisions().iter().map(|(_, d)| d.clone()).collect();
        (order, decisions)
    }

    #[test]
    fn jobs_finishing_within_the_jitter_window_are_a_decision() {
        let (order, decisions) = completions(50, Vec::new());
        assert_eq!(order, [RequestId(0), RequestId(1)]);
        assert_eq!(decisions.len(), 1);
        let d = &decisions[0];
        assert_eq!(
            d.point,
            DecisionPoint::PoolOrder {
                first: RequestId(0),
                second: RequestId(1)
            }
        );
        // 0.05 ms apart in a 0.2 ms window (2% of 10 ms): the other order a little under half the time.
        assert!((d.chance - 0.375).abs() < 1e-9, "{d:?}");
    }

    #[test]
    fn the_alternative_delivers_the_other_job_first() {
        let (order, decisions) = completions(50, vec![Choice::Alternative]);
        assert_eq!(order, [RequestId(1), RequestId(0)]);
        assert_eq!(decisions[0].chosen, Choice::Alternative);
    }

    #[test]
    fn short_jobs_keep_their_queue_order_without_a_decision() {
        let mut backend = SimBackend::new(2, Some("2".into()), &CostModel::default());
        let mut trace = Tracer::new(1_000);
        let short = Work {
            kind: WorkKind::FastIo,
            cpu: Duration::from_micros(100),
            blocked: Duration::ZERO,
        };
        backend.submit_work(RequestId(0), short, &mut trace);
        backend.submit_work(RequestId(1), short, &mut trace);
        let mut ready = Vec::new();
        while ready.len() < 2 {
            backend.poll(None, &mut ready, &mut trace);
        }
        assert!(trace.decisions().is_empty());
    }

    #[test]
    fn jobs_far_apart_finish_in_their_order_without_a_decision() {
        let (order, decisions) = completions(1_000, Vec::new());
        assert_eq!(order, [RequestId(0), RequestId(1)]);
        assert!(decisions.is_empty(), "{decisions:?}");
    }
}
