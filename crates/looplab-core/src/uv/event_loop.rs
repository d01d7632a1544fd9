//! `Loop`: libuv's `uv_run` (1.46, src/unix/core.c) as a step machine.
//!
//! libuv calls its user's callbacks from inside `uv_run`; here `poll_callback` returns each callback
//! instead, and the caller runs it (possibly starting timers or closing handles) and then calls
//! `poll_callback` again. The stages below are `uv_run`'s statements in order:
//!
//! ```text
//! r = alive; if !r update_time
//! if DEFAULT && r && !stop { update_time; run_timers }
//! while r && !stop {
//!     can_sleep = pending empty && idle empty
//!     run_pending; run_idle; run_prepare
//!     io_poll(timeout)              // timeout = backend_timeout in DEFAULT, or ONCE when can_sleep
//!     up to 8 times: run_pending
//!     run_check; run_closing_handles
//!     update_time; run_timers
//!     r = alive; if ONCE || NOWAIT break
//! }
//! ```
use super::backend::{Backend, IoEvent, PollOutcome, Ready, Work};
use super::handle::{HandleId, HandleKind, HandleTable};
use super::phase::{Phase, RunMode};
use super::request::{RequestId, RequestKind, RequestTable};
use super::signal::{DefaultAction, KillOutcome, MAX_SIGNUM, SignalError, default_action};
use super::timer_heap::TimerHeap;
use super::watcher_list::WatcherList;
use crate::decision::{Choice, Decision, DecisionPoint};
use crate::time::{Duration, Instant};
use crate::trace::{AliveReason, PollReason, QueueName, TraceEvent, Tracer};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// A callback libuv would make into its user now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UvCallback {
    Timer(HandleId),
    Idle(HandleId),
    Prepare(HandleId),
    Check(HandleId),
    /// A callback deferred to the pending phase with `queue_pending`.
    Pending(HandleId),
    WorkDone(RequestId),
    Io(HandleId, super::backend::IoEvent),
    /// A signal handle's callback: the poll phase read its signal from the signal pipe.
    Signal(HandleId, i32),
    /// An fs event handle's callback with the inotify event read under this number.
    FsEvent(HandleId, u64),
    Close(HandleId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopStep {
    /// Run this callback, then call `poll_callback` again.
    Callback(UvCallback),
    /// `uv_run` returned: whether the loop is still alive.
    Done { alive: bool },
    /// The poll phase was told to wait forever and nothing can ever wake it.
    WouldBlockForever,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    NotRunning,
    PreTimers,
    /// Round 0 is the phase before idle; rounds 1..=8 follow poll.
    Pending(u8),
    Idle,
    Prepare,
    Poll,
    Check,
    Closing,
    Timers,
}

/// How many times pending callbacks are drained after poll (libuv 1.44.2, #3598).
const PENDING_ROUNDS_AFTER_POLL: u8 = 8;

#[derive(Debug)]
pub struct Loop {
    backend: Box<dyn Backend>,
    tracer: Tracer,
    /// `loop->time`: cached milliseconds, moved only by `update_time`.
    time_ms: u64,
    handles: HandleTable,
    requests: RequestTable,
    timers: TimerHeap,
    idle: WatcherList,
    prepare: WatcherList,
    check: WatcherList,
    pending: VecDeque<HandleId>,
    /// `loop->closing_handles`: a stack, so close callbacks run newest first.
    closing: Vec<HandleId>,
    /// The pool's completion signal (`loop->wq_async`): internal and unref'd.
    wq_async: HandleId,
    /// Started signal handles and the signal each catches (`uv_signal_t.signum`).
    signal_handles: BTreeMap<HandleId, i32>,
    /// Started fs event handles and the inotify events not read yet.
    fs_watches: super::fs_event::FsWatches,
    /// Started fs poll handles and their internal timers.
    fs_polls: super::fs_poll::FsPolls,
    stop_flag: bool,
    mode: RunMode,
    stage: Stage,
    iteration: u64,
    can_sleep: bool,
    /// Callbacks of the current pending, poll or closing phase not yet returned.
    batch: VecDeque<UvCallback>,
    /// Watchers of the current idle/prepare/check phase not yet returned.
    watchers: VecDeque<(HandleId, u64)>,
    ready: Vec<Ready>,
    /// Time spent waiting in the poll phase (`uv_metrics_idle_time`; Node turns the metric on).
    idle_time: Duration,
    /// When `uv_run` first started: Node's `performance.nodeTiming.loopStart`.
    loop_start: Option<Instant>,
    /// The clock when `update_time` last read it: `time_ms` is this, truncated.
    time_read: Instant,
    /// The clock reading each running timer's timeout was counted from.
    timer_reads: HashMap<HandleId, Instant>,
    /// The last timer-due decision (timer, clock reading, timeout), so one reading of the
    /// clock decides a timer once however often the heap is read after it.
    timer_decided: Option<(HandleId, Instant, u64)>,
}

impl Loop {
    pub fn new(backend: Box<dyn Backend>, trace_limit: usize) -> Self {
        let mut lp = Loop {
            backend,
            tracer: Tracer::new(trace_limit),
            time_ms: 0,
            handles: HandleTable::default(),
            requests: RequestTable::default(),
            timers: TimerHeap::default(),
            idle: WatcherList::default(),
            prepare: WatcherList::default(),
            check: WatcherList::default(),
            pending: VecDeque::new(),
            closing: Vec::new(),
            wq_async: HandleId(0),
            signal_handles: BTreeMap::new(),
            fs_watches: Default::default(),
            fs_polls: Default::default(),
            stop_flag: false,
            mode: RunMode::Default,
            stage: Stage::NotRunning,
            iteration: 0,
            can_sleep: false,
            batch: VecDeque::new(),
            watchers: VecDeque::new(),
            ready: Vec::new(),
            idle_time: Duration::ZERO,
            loop_start: None,
            time_read: Instant::ZERO,
            timer_reads: HashMap::new(),
            timer_decided: None,
        };
        lp.time_read = lp.backend.now();
        lp.time_ms = lp.time_read.as_millis();
        // uv_loop_init: the async handle the pool signals; started and unref'd, so it never keeps
        // the loop alive by itself (the requests in flight do).
        lp.wq_async =
            lp.handle_init_internal(HandleKind::Async, "threadpool completions (wq_async)");
        lp.handles.update(lp.wq_async, |h| {
            h.active = true;
            h.refed = false;
        });
        lp
    }

    // ---- running the loop -------------------------------------------------------------------

    /// Time the loop has spent waiting for events in the poll phase (`uv_metrics_idle_time`).
    pub fn idle_time(&self) -> Duration {
        self.idle_time
    }

    /// When the loop first started running, if it has.
    pub fn loop_start(&self) -> Option<Instant> {
        self.loop_start
    }

    /// `uv_run(mode)`: begins a run; drive it with `poll_callback` until it returns `Done`.
    pub fn run(&mut self, mode: RunMode) {
        assert_eq!(self.stage, Stage::NotRunning, "uv_run called re-entrantly");
        self.mode = mode;
        self.loop_start.get_or_insert(self.backend.now());
        self.record(TraceEvent::RunStart { mode });
        let r = self.alive_checked();
        if !r {
            self.update_time();
        }
        if mode == RunMode::Default && r && !self.stop_flag {
            self.update_time();
            self.enter(Phase::Timers);
            self.stage = Stage::PreTimers;
        } else {
            self.stage = Stage::NotRunning;
            self.loop_head(r);
        }
    }

    /// Continues the run until the next callback, or until `uv_run` returns.
    pub fn poll_callback(&mut self) -> LoopStep {
        loop {
            if let Some(cb) = self.next_in_stage() {
                return LoopStep::Callback(cb);
            }
            match self.stage {
                Stage::NotRunning => {
                    let alive = self.alive();
                    return LoopStep::Done { alive };
                }
                Stage::PreTimers => {
                    self.leave(Phase::Timers);
                    // uv_run does not re-check liveness after the pre-loop timers.
                    if let Some(done) = self.loop_head(true) {
                        return done;
                    }
                }
                Stage::Pending(0) => {
                    self.leave(Phase::Pending);
                    self.begin_watchers(Phase::Idle);
                    self.stage = Stage::Idle;
                }
                Stage::Idle => {
                    self.leave(Phase::Idle);
                    self.begin_watchers(Phase::Prepare);
                    self.stage = Stage::Prepare;
                }
                Stage::Prepare => {
                    self.leave(Phase::Prepare);
                    self.stage = Stage::Poll;
                    if self.io_poll() == PollOutcome::WouldBlockForever {
                        self.leave(Phase::Poll);
                        self.stage = Stage::NotRunning;
                        return LoopStep::WouldBlockForever;
                    }
                }
                Stage::Poll => {
                    self.leave(Phase::Poll);
                    self.next_pending_round(1);
                }
                Stage::Pending(round) => {
                    self.leave(Phase::Pending);
                    self.next_pending_round(round + 1);
                }
                Stage::Check => {
                    self.leave(Phase::Check);
                    self.enter(Phase::Close);
                    // Handles closed from now on wait for the next iteration.
                    let closing = std::mem::take(&mut self.closing);
                    self.batch
                        .extend(closing.into_iter().rev().map(UvCallback::Close));
                    self.stage = Stage::Closing;
                }
                Stage::Closing => {
                    self.leave(Phase::Close);
                    self.update_time();
                    self.enter(Phase::Timers);
                    self.stage = Stage::Timers;
                }
                Stage::Timers => {
                    self.leave(Phase::Timers);
                    let r = self.alive_checked();
                    if self.mode != RunMode::Default {
                        return self.finish(r);
                    }
                    if let Some(done) = self.loop_head(r) {
                        return done;
                    }
                }
            }
        }
    }

    /// `while (r != 0 && loop->stop_flag == 0)`: starts the next iteration or ends the run.
    fn loop_head(&mut self, r: bool) -> Option<LoopStep> {
        if !r || self.stop_flag {
            return Some(self.finish(r));
        }
        self.iteration += 1;
        self.can_sleep = self.pending.is_empty() && self.idle.is_empty();
        self.enter(Phase::Pending);
        self.batch
            .extend(self.pending.drain(..).map(UvCallback::Pending));
        self.stage = Stage::Pending(0);
        None
    }

    fn finish(&mut self, alive: bool) -> LoopStep {
        self.stop_flag = false;
        self.stage = Stage::NotRunning;
        self.record(TraceEvent::RunEnd { alive });
        LoopStep::Done { alive }
    }

    fn next_pending_round(&mut self, round: u8) {
        if round <= PENDING_ROUNDS_AFTER_POLL && !self.pending.is_empty() {
            self.enter(Phase::Pending);
            self.batch
                .extend(self.pending.drain(..).map(UvCallback::Pending));
            self.stage = Stage::Pending(round);
        } else {
            self.begin_watchers(Phase::Check);
            self.stage = Stage::Check;
        }
    }

    fn begin_watchers(&mut self, phase: Phase) {
        self.enter(phase);
        let list = match phase {
            Phase::Idle => &self.idle,
            Phase::Prepare => &self.prepare,
            _ => &self.check,
        };
        self.watchers = list.snapshot().into();
    }

    /// The next callback of the stage in progress, if any.
    fn next_in_stage(&mut self) -> Option<UvCallback> {
        match self.stage {
            Stage::NotRunning => None,
            Stage::PreTimers | Stage::Timers => self.next_due_timer(),
            Stage::Idle | Stage::Prepare | Stage::Check => {
                while let Some(entry) = self.watchers.pop_front() {
                    let (list, cb): (&WatcherList, fn(HandleId) -> UvCallback) = match self.stage {
                        Stage::Idle => (&self.idle, UvCallback::Idle),
                        Stage::Prepare => (&self.prepare, UvCallback::Prepare),
                        _ => (&self.check, UvCallback::Check),
                    };
                    if list.still_active(entry) {
                        self.record_callback(Some(entry.0), None);
                        return Some(cb(entry.0));
                    }
                }
                None
            }
            Stage::Pending(_) | Stage::Poll | Stage::Closing => {
                let mut cb = self.batch.pop_front()?;
                // uv__signal_event: a handle stopped since the signal came hears nothing.
                // uv__inotify_read likewise calls only handles still watching.
                loop {
                    match cb {
                        UvCallback::Signal(h, signum)
                            if self.signal_handles.get(&h) != Some(&signum) => {}
                        UvCallback::FsEvent(h, n) if !self.fs_watches.is_watching(h) => {
                            self.fs_watches.take(n);
                        }
                        _ => break,
                    }
                    cb = self.batch.pop_front()?;
                }
                match cb {
                    UvCallback::WorkDone(req) => {
                        self.requests.unregister(req);
                        self.record(TraceEvent::QueuePop {
                            queue: QueueName::Threadpool,
                            id: req.0 as u64,
                        });
                        self.record(TraceEvent::RequestDone {
                            request: req,
                            error: None,
                        });
                        self.record_callback(Some(self.wq_async), Some(req));
                    }
                    UvCallback::Close(h) => {
                        self.handles.update(h, |h| {
                            h.closing = false;
                            h.closed = true;
                        });
                        self.record(TraceEvent::HandleClosed { handle: h });
                        self.record_callback(Some(h), None);
                    }
                    UvCallback::Pending(h) | UvCallback::Io(h, _) => {
                        self.record_callback(Some(h), None)
                    }
                    UvCallback::Signal(handle, signum) => {
                        self.record(TraceEvent::SignalDeliver { handle, signum });
                        self.record_callback(Some(handle), None);
                    }
                    UvCallback::FsEvent(handle, n) => {
                        if let Some(e) = self.fs_watches.event(n) {
                            let (kind, filename) = (e.kind, e.filename.clone());
                            self.record(TraceEvent::FsEventDeliver {
                                handle,
                                kind,
                                filename,
                            });
                        }
                        self.record_callback(Some(handle), None);
                    }
                    _ => {}
                }
                Some(cb)
            }
        }
    }

    /// `uv__run_timers` (before 1.48): re-reads the heap after every callback, so a timer restarted
    /// with timeout 0 from its own callback runs again in the same pass.
    fn next_due_timer(&mut self) -> Option<UvCallback> {
        let (id, timeout) = self.timers.peek()?;
        if timeout > self.time_ms && !self.timer_due_decision(id, timeout) {
            return None;
        }
        self.timer_stop(id);
        self.timer_again(id);
        self.record_callback(Some(id), None);
        Some(UvCallback::Timer(id))
    }

    /// A timer not due by the loop's clock reading may be due on a real machine: libuv counts
    /// whole milliseconds, so a timer set `elapsed` before the reading with a `delay` ms timeout
    /// is due iff a millisecond boundary fell where it makes the count reach `delay`. Where the
    /// timer was set within its millisecond is timing, not a rule: with that phase uniform in
    /// [0, 1) ms, the timer is due with chance `elapsed - (delay - 1)` ms (clamped to [0, 1]).
    /// When that chance is above zero this is a decision; its alternative moves the clock to the
    /// timeout (less than 1 ms on) and reads it again, so the timer is due. Returns whether the
    /// timer is due now.
    fn timer_due_decision(&mut self, id: HandleId, timeout: u64) -> bool {
        let Some(&set_read) = self.timer_reads.get(&id) else {
            return false;
        };
        let key = (id, self.time_read, timeout);
        if self.timer_decided == Some(key) {
            return false;
        }
        let delay = timeout.saturating_sub(set_read.as_millis());
        let elapsed = (self.time_read - set_read).as_micros();
        let needed = delay.saturating_sub(1).saturating_mul(1000);
        if delay == 0 || elapsed <= needed {
            return false;
        }
        self.timer_decided = Some(key);
        let chance = ((elapsed - needed) as f64 / 1000.0).min(1.0);
        let (index, chosen) = self.tracer.choose();
        let why = format!(
            "The {delay} ms timer was set {} ms before the loop last read its clock, and libuv counts whole milliseconds: it is due only if a millisecond ended in between at the right place, which depends on how fast the machine is (here {} of the time).",
            crate::decision::millis_text(elapsed),
            crate::decision::percent_text(chance)
        );
        self.record(TraceEvent::Decision(Decision {
            index,
            point: DecisionPoint::TimerDue { handle: id },
            chosen,
            natural: format!("the {delay} ms timer is not due yet"),
            alternative: format!("the {delay} ms timer is due and runs now"),
            why,
            chance,
        }));
        if chosen == Choice::Natural {
            return false;
        }
        let boundary = Instant::from_micros(timeout.saturating_mul(1000));
        let now = self.backend.now();
        if boundary > now {
            self.charge_main(boundary - now);
        }
        self.update_time();
        timeout <= self.time_ms
    }

    fn io_poll(&mut self) -> PollOutcome {
        self.enter(Phase::Poll);
        let wait = self.mode == RunMode::Default || (self.mode == RunMode::Once && self.can_sleep);
        let (timeout_ms, reason) = if wait {
            self.backend_timeout()
        } else {
            (Some(0), PollReason::NoWaitMode)
        };
        self.record(TraceEvent::PollWait { timeout_ms, reason });
        let mut ready = std::mem::take(&mut self.ready);
        let before = self.hrtime();
        // A readable inotify descriptor makes epoll_wait return at once, whatever its timeout.
        let wait_ms = if self.fs_watches.readable() {
            Some(0)
        } else {
            timeout_ms
        };
        let outcome = self.backend.poll(
            wait_ms.map(Duration::from_millis),
            &mut ready,
            &mut self.tracer,
        );
        self.idle_time += self.hrtime() - before;
        // uv__io_poll updates the time right after epoll_wait returns, before any callback.
        self.update_time();
        let inotify = self.fs_watches.read_all();
        self.record(TraceEvent::PollWake {
            ready: (ready.len() + inotify.len()) as u32,
        });
        self.batch
            .extend(inotify.into_iter().map(|(h, n)| UvCallback::FsEvent(h, n)));
        for r in ready.drain(..) {
            match r {
                Ready::WorkDone(req) => self.batch.push_back(UvCallback::WorkDone(req)),
                Ready::Io(h, ev) => self.batch.push_back(UvCallback::Io(h, ev)),
                // uv__signal_event: one message per handle catching the signal.
                Ready::Signal(signum) => self.batch.extend(
                    self.signal_handles
                        .iter()
                        .filter(|&(_, &s)| s == signum)
                        .map(|(&h, _)| UvCallback::Signal(h, signum)),
                ),
            }
        }
        self.ready = ready;
        outcome
    }

    /// `uv_backend_timeout` with the reason, in milliseconds; `None` waits without limit.
    pub fn backend_timeout(&mut self) -> (Option<u64>, PollReason) {
        if self.stop_flag {
            return (Some(0), PollReason::Stopped);
        }
        if self.handles.active_refed() == 0 && self.requests.active_count() == 0 {
            return (Some(0), PollReason::NothingActive);
        }
        if !self.pending.is_empty() {
            return (Some(0), PollReason::PendingCallbacks);
        }
        if !self.idle.is_empty() {
            return (Some(0), PollReason::IdleHandles);
        }
        if !self.closing.is_empty() {
            return (Some(0), PollReason::ClosingHandles);
        }
        match self.timers.peek() {
            None => (None, PollReason::NoTimers),
            Some((_, due)) if due <= self.time_ms => (Some(0), PollReason::TimerDue),
            Some((_, due)) => (
                Some((due - self.time_ms).min(i32::MAX as u64)),
                PollReason::NextTimer,
            ),
        }
    }

    // ---- liveness ------------------------------------------------------------------------------

    /// `uv_loop_alive`.
    pub fn alive(&self) -> bool {
        self.handles.active_refed() > 0
            || self.requests.active_count() > 0
            || !self.pending.is_empty()
            || !self.closing.is_empty()
    }

    /// Why the loop is alive: every ref'd active handle, every request in flight, non-empty queues.
    pub fn alive_reasons(&self) -> Vec<AliveReason> {
        let mut reasons: Vec<AliveReason> = self
            .handles
            .iter()
            .filter(|(_, h)| h.keeps_alive())
            .map(|(id, _)| AliveReason::Handle(id))
            .collect();
        reasons.extend(self.requests.active().map(AliveReason::Request));
        if !self.pending.is_empty() {
            reasons.push(AliveReason::PendingCallbacks);
        }
        if !self.closing.is_empty() {
            reasons.push(AliveReason::ClosingHandles);
        }
        reasons
    }

    /// `uv_loop_alive`, recorded with (the first few of) its reasons.
    pub fn alive_checked(&mut self) -> bool {
        const SHOWN: usize = 8;
        let alive = self.alive();
        let mut reasons = Vec::new();
        // Listing every request of a busy loop would bloat the trace; the counts say the rest.
        for (id, h) in self.handles.iter() {
            if reasons.len() == SHOWN {
                break;
            }
            if h.keeps_alive() {
                reasons.push(AliveReason::Handle(id));
            }
        }
        reasons.extend(
            self.requests
                .active()
                .take(SHOWN.saturating_sub(reasons.len()))
                .map(AliveReason::Request),
        );
        if !self.pending.is_empty() {
            reasons.push(AliveReason::PendingCallbacks);
        }
        if !self.closing.is_empty() {
            reasons.push(AliveReason::ClosingHandles);
        }
        self.record(TraceEvent::AliveCheck {
            alive,
            handles: self.handles.active_refed(),
            requests: self.requests.active_count(),
            reasons,
        });
        alive
    }

    /// `uv_stop`: the run ends after the current iteration; poll does not block meanwhile.
    pub fn stop(&mut self) {
        self.stop_flag = true;
    }

    // ---- time ----------------------------------------------------------------------------------

    /// `uv_now`: the cached loop time in milliseconds.
    pub fn now_ms(&self) -> u64 {
        self.time_ms
    }

    /// When `update_time` last read the clock (`now_ms` is this, truncated).
    pub fn time_read(&self) -> Instant {
        self.time_read
    }

    /// The branch for the next decision, with its index; the caller records the `Decision`.
    pub fn choose(&mut self) -> (u32, Choice) {
        self.tracer.choose()
    }

    /// `uv_update_time`.
    pub fn update_time(&mut self) {
        self.time_read = self.backend.now();
        let ms = self.time_read.as_millis();
        if ms != self.time_ms {
            self.time_ms = ms;
            self.record(TraceEvent::TimeUpdate { loop_ms: ms });
        }
    }

    /// `uv_hrtime`: the backend's clock, uncached.
    pub fn hrtime(&self) -> Instant {
        self.backend.now()
    }

    /// The main thread ran JavaScript (or anything else) for `cpu`.
    pub fn charge_main(&mut self, cpu: Duration) {
        self.backend.charge_main(cpu, &mut self.tracer);
    }

    // ---- handles -------------------------------------------------------------------------------

    /// The id the next `handle_init` gives: a backend can bind an accepted connection to it
    /// before the handle exists, as libuv accepts a socket before Node wraps it.
    pub fn next_handle_id(&self) -> HandleId {
        self.handles.next_id()
    }

    pub fn handle_init(&mut self, kind: HandleKind, label: impl Into<String>) -> HandleId {
        self.init(kind, label.into(), false)
    }

    pub(crate) fn handle_init_internal(&mut self, kind: HandleKind, label: &str) -> HandleId {
        self.init(kind, label.to_string(), true)
    }

    fn init(&mut self, kind: HandleKind, label: String, internal: bool) -> HandleId {
        let id = self.handles.insert(kind, label.clone(), internal);
        self.record(TraceEvent::HandleInit {
            handle: id,
            handle_kind: kind,
            label,
            internal,
        });
        id
    }

    pub fn handle(&self, id: HandleId) -> &super::handle::Handle {
        self.handles.get(id)
    }

    pub fn handles(&self) -> &HandleTable {
        &self.handles
    }

    fn set_active(&mut self, id: HandleId, active: bool) {
        if self.handles.update(id, |h| h.active = active) {
            let handle = id;
            self.record(if active {
                TraceEvent::HandleStart { handle }
            } else {
                TraceEvent::HandleStop { handle }
            });
        }
    }

    /// `uv_ref` / `uv_unref`.
    pub fn set_ref(&mut self, id: HandleId, refed: bool) {
        if self.handles.update(id, |h| h.refed = refed) {
            self.record(TraceEvent::HandleRef { handle: id, refed });
        }
    }

    /// `uv_timer_start` (delay and repeat in milliseconds, from the cached loop time).
    pub fn timer_start(&mut self, id: HandleId, delay_ms: u64, repeat_ms: u64) {
        debug_assert_eq!(self.handles.get(id).kind, HandleKind::Timer);
        if self.handles.get(id).closing {
            return;
        }
        self.timers.start(id, self.time_ms, delay_ms, repeat_ms);
        self.timer_reads.insert(id, self.time_read);
        self.set_active(id, true);
    }

    /// `uv_timer_stop`.
    pub fn timer_stop(&mut self, id: HandleId) {
        self.timers.stop(id);
        self.set_active(id, false);
    }

    /// `uv_timer_again`: restarts a repeating timer; does nothing for a one-shot timer.
    pub fn timer_again(&mut self, id: HandleId) {
        if self.timers.again(id, self.time_ms) {
            self.timer_reads.insert(id, self.time_read);
            self.set_active(id, true);
        }
    }

    pub fn timer_set_repeat(&mut self, id: HandleId, repeat_ms: u64) {
        self.timers.set_repeat(id, repeat_ms);
    }

    pub fn timer_get_repeat(&self, id: HandleId) -> u64 {
        self.timers.repeat(id)
    }

    /// When the timer is due, in loop milliseconds, if it is running.
    pub fn timer_due(&self, id: HandleId) -> Option<u64> {
        self.timers.due(id)
    }

    fn watcher_list(&mut self, kind: HandleKind) -> &mut WatcherList {
        match kind {
            HandleKind::Idle => &mut self.idle,
            HandleKind::Prepare => &mut self.prepare,
            HandleKind::Check => &mut self.check,
            other => panic!("{other:?} is not an idle, prepare or check handle"),
        }
    }

    /// `uv_idle_start`, `uv_prepare_start`, `uv_check_start`.
    pub fn watcher_start(&mut self, id: HandleId) {
        let kind = self.handles.get(id).kind;
        if self.handles.get(id).closing {
            return;
        }
        self.watcher_list(kind).start(id);
        self.set_active(id, true);
    }

    /// `uv_idle_stop`, `uv_prepare_stop`, `uv_check_stop`.
    pub fn watcher_stop(&mut self, id: HandleId) {
        let kind = self.handles.get(id).kind;
        self.watcher_list(kind).stop(id);
        self.set_active(id, false);
    }

    /// Marks a handle (a socket, a signal watcher) active or not; timers and watchers have their own.
    pub fn io_set_active(&mut self, id: HandleId, active: bool) {
        self.set_active(id, active);
    }

    /// `uv_close`: stops the handle now; its close callback runs in the close phase, newest first.
    pub fn close(&mut self, id: HandleId) {
        let h = self.handles.get(id);
        if h.closing || h.closed {
            return;
        }
        match h.kind {
            HandleKind::Timer => self.timer_stop(id),
            HandleKind::Idle | HandleKind::Prepare | HandleKind::Check => self.watcher_stop(id),
            HandleKind::Signal => self.signal_stop(id),
            HandleKind::FsEvent => self.fs_event_stop(id),
            HandleKind::FsPoll => {
                if let Some(timer) = self.fs_poll_stop(id) {
                    self.fs_polls.stop(id);
                    self.close(timer);
                }
            }
            _ => self.set_active(id, false),
        }
        self.handles.update(id, |h| h.closing = true);
        self.closing.push(id);
        self.record(TraceEvent::HandleClosing { handle: id });
    }

    // ---- fs events -----------------------------------------------------------------------------

    /// `uv_fs_event_start`: the handle watches `path` (absolute) from now on, active and so
    /// keeping the loop alive while ref'd; its callback runs in the poll phase after a change.
    pub fn fs_event_start(&mut self, id: HandleId, path: &str, recursive: bool) {
        debug_assert_eq!(self.handles.get(id).kind, HandleKind::FsEvent);
        self.fs_watches.start(id, path, recursive);
        self.set_active(id, true);
        self.record(TraceEvent::FsEventWatch {
            handle: id,
            path: path.to_string(),
        });
    }

    /// `uv_fs_event_stop`: no more events, including those not read yet.
    pub fn fs_event_stop(&mut self, id: HandleId) {
        if self.fs_watches.stop(id) {
            self.set_active(id, false);
        }
    }

    /// The file system changed at `path`: inotify queues an event for each watch that sees it.
    pub fn fs_changed(&mut self, path: &str, kind: super::fs_event::FsEventKind) {
        self.fs_watches.notify(path, kind);
    }

    /// The event an `FsEvent` callback carries; taken once, by the callback.
    pub fn take_fs_event(&mut self, number: u64) -> Option<super::fs_event::FsEvent> {
        self.fs_watches.take(number)
    }

    // ---- fs polls ------------------------------------------------------------------------------

    /// `uv_fs_poll_start`: the handle becomes active; the host issues the first stat now and
    /// calls `fs_poll_stat_done` when it returns. Its timer is internal and unref'd, so the poll
    /// handle alone keeps the loop alive.
    pub fn fs_poll_start(&mut self, id: HandleId, interval_ms: u64) {
        debug_assert_eq!(self.handles.get(id).kind, HandleKind::FsPoll);
        let timer = match self.fs_polls.stop(id) {
            Some(timer) => timer,
            None => {
                let timer = self.handle_init_internal(HandleKind::Timer, "fs poll timer");
                self.set_ref(timer, false);
                timer
            }
        };
        self.fs_polls.start(id, timer, interval_ms, self.time_ms);
        self.set_active(id, true);
    }

    /// A stat of a polling handle returned: its timer is set for the rest of the interval.
    pub fn fs_poll_stat_done(&mut self, id: HandleId) {
        if !self.handles.get(id).active {
            return;
        }
        if let (Some(timer), Some(delay)) = (
            self.fs_polls.timer_of(id),
            self.fs_polls.next_delay(id, self.time_ms),
        ) {
            self.timer_start(timer, delay, 0);
        }
    }

    /// A timer expired: if it is an fs poll's, the poll handle whose path is to be stat'ed.
    pub fn fs_poll_expired(&mut self, timer: HandleId) -> Option<HandleId> {
        let poll = self.fs_polls.poll_of_timer(timer)?;
        self.fs_polls.expired(poll, self.time_ms);
        Some(poll)
    }

    /// `uv_fs_poll_stop`: inactive, its timer stopped; a stat in flight is ignored when it
    /// returns. Returns the timer.
    pub fn fs_poll_stop(&mut self, id: HandleId) -> Option<HandleId> {
        let timer = self.fs_polls.timer_of(id)?;
        self.timer_stop(timer);
        self.set_active(id, false);
        Some(timer)
    }

    // ---- signals -------------------------------------------------------------------------------

    /// `uv_signal_start`: the handle catches `signum` from now on; its callback runs in the poll
    /// phase after the signal arrives. The first handle for a signal installs the handler.
    pub fn signal_start(&mut self, id: HandleId, signum: i32) -> Result<(), SignalError> {
        debug_assert_eq!(self.handles.get(id).kind, HandleKind::Signal);
        if self.handles.get(id).closing {
            return Err(SignalError::Invalid);
        }
        match self.signal_handles.get(&id) {
            Some(&s) if s == signum => return Ok(()),
            Some(_) => self.signal_stop(id),
            None => {}
        }
        if !self.signal_handles.values().any(|&s| s == signum) {
            self.backend
                .signals()
                .ok_or(SignalError::Invalid)?
                .watch(signum)?;
        }
        self.signal_handles.insert(id, signum);
        self.record(TraceEvent::SignalWatch { handle: id, signum });
        self.set_active(id, true);
        Ok(())
    }

    /// `uv_signal_stop`: after the last handle for a signal stops, it takes its default action.
    pub fn signal_stop(&mut self, id: HandleId) {
        if let Some(signum) = self.signal_handles.remove(&id) {
            if !self.signal_handles.values().any(|&s| s == signum)
                && let Some(signals) = self.backend.signals()
            {
                signals.unwatch(signum);
            }
            self.set_active(id, false);
        }
    }

    /// `uv_kill(pid, signum)`. To this process, a signal some handle catches goes to the signal
    /// pipe; one nothing catches takes its default action, which the caller carries out (Node's
    /// process ends or stops at once). Signal 0 only checks that the process exists.
    pub fn kill(&mut self, pid: i32, signum: i32) -> Result<KillOutcome, SignalError> {
        if !(0..=MAX_SIGNUM).contains(&signum) {
            return Err(SignalError::Invalid);
        }
        let caught = self.signal_handles.values().any(|&s| s == signum);
        let own = pid == self.backend.signals().ok_or(SignalError::Invalid)?.pid() as i32;
        if !own {
            let signals = self.backend.signals().ok_or(SignalError::Invalid)?;
            signals.kill(pid, signum)?;
        }
        self.record(TraceEvent::SignalSend { pid, signum });
        if own
            && caught
            && let Some(signals) = self.backend.signals()
        {
            signals.raise(signum);
        }
        Ok(match (own, signum, caught) {
            (false, _, _) | (true, 0, _) | (true, _, true) => KillOutcome::Sent,
            _ => match default_action(signum) {
                DefaultAction::Ignore => KillOutcome::Ignored,
                DefaultAction::Terminate => KillOutcome::Terminated(signum),
                DefaultAction::Stop => KillOutcome::Stopped(signum),
            },
        })
    }

    /// The signal a started signal handle catches.
    pub fn signal_of(&self, id: HandleId) -> Option<i32> {
        self.signal_handles.get(&id).copied()
    }

    /// Defers a handle's callback to the next pending phase (`uv__io_feed`).
    pub fn queue_pending(&mut self, id: HandleId) {
        self.pending.push_back(id);
        self.record(TraceEvent::QueuePush {
            queue: QueueName::Pending,
            id: id.0 as u64,
        });
    }

    /// The host wants `event` for `id` again (`Backend::report_again`): the poller reports it in
    /// the next poll phase if it can; if not, the callback waits in the pending phase.
    pub fn io_want(&mut self, id: HandleId, event: IoEvent) {
        if !self.backend.report_again(id, event) {
            self.queue_pending(id);
        }
    }

    // ---- requests ------------------------------------------------------------------------------

    /// `uv_queue_work` and friends: registers a request and posts it to the thread pool.
    pub fn submit_work(
        &mut self,
        kind: RequestKind,
        work: Work,
        label: impl Into<String>,
    ) -> RequestId {
        let id = self.queue_pool_request(kind, label.into());
        self.backend.submit_work(id, work, &mut self.tracer);
        id
    }

    /// `submit_work` with the real operation to run on a pool thread (see `Backend::submit_job`).
    pub fn submit_job(
        &mut self,
        kind: RequestKind,
        work: Work,
        label: impl Into<String>,
        job: super::backend::Job,
    ) -> RequestId {
        let id = self.queue_pool_request(kind, label.into());
        self.backend.submit_job(id, work, job, &mut self.tracer);
        id
    }

    fn queue_pool_request(&mut self, kind: RequestKind, label: String) -> RequestId {
        let id = self.request_start(kind, label, None);
        self.record(TraceEvent::QueuePush {
            queue: QueueName::Threadpool,
            id: id.0 as u64,
        });
        id
    }

    /// Registers a request that is not pool work (a TCP connect or write, a c-ares query): it keeps
    /// the loop alive until `request_finish`.
    pub fn request_start(
        &mut self,
        kind: RequestKind,
        label: impl Into<String>,
        handle: Option<HandleId>,
    ) -> RequestId {
        let id = self.requests.register();
        self.record(TraceEvent::RequestSubmit {
            request: id,
            request_kind: kind,
            label: label.into(),
            handle,
        });
        id
    }

    /// The request's callback is about to run, with `error` when the request failed.
    pub fn request_finish(&mut self, id: RequestId, error: Option<String>) {
        if self.requests.unregister(id) {
            self.record(TraceEvent::RequestDone { request: id, error });
        }
    }

    pub fn backend_mut(&mut self) -> &mut dyn Backend {
        self.backend.as_mut()
    }

    pub fn active_requests(&self) -> u32 {
        self.requests.active_count()
    }

    // ---- trace ---------------------------------------------------------------------------------

    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    #[inline]
    /// The branches to take at the run's first decisions (`Settings::choices`).
    pub fn set_choices(&mut self, choices: Vec<Choice>) {
        self.tracer.set_choices(choices);
    }

    pub fn record(&mut self, event: TraceEvent) {
        let at = self.backend.now();
        self.tracer.record(at, event);
    }

    fn record_callback(&mut self, handle: Option<HandleId>, request: Option<RequestId>) {
        let phase = self.current_phase();
        self.record(TraceEvent::UvCallback {
            phase,
            handle,
            request,
        });
    }

    fn current_phase(&self) -> Phase {
        match self.stage {
            Stage::PreTimers | Stage::Timers | Stage::NotRunning => Phase::Timers,
            Stage::Pending(_) => Phase::Pending,
            Stage::Idle => Phase::Idle,
            Stage::Prepare => Phase::Prepare,
            Stage::Poll => Phase::Poll,
            Stage::Check => Phase::Check,
            Stage::Closing => Phase::Close,
        }
    }

    /// The phase in progress, if a run is.
    pub fn phase(&self) -> Option<Phase> {
        (self.stage != Stage::NotRunning).then(|| self.current_phase())
    }

    fn enter(&mut self, phase: Phase) {
        let iteration = self.iteration;
        self.record(TraceEvent::PhaseEnter { phase, iteration });
    }

    fn leave(&mut self, phase: Phase) {
        self.record(TraceEvent::PhaseLeave { phase });
    }

    pub fn tracer(&self) -> &Tracer {
        &self.tracer
    }

    pub fn into_tracer(self) -> Tracer {
        self.tracer
    }

    /// Drives a whole `uv_run`, handing each callback to `on_callback`: how libuv's own tests read.
    pub fn run_with(
        &mut self,
        mode: RunMode,
        mut on_callback: impl FnMut(&mut Loop, UvCallback),
    ) -> bool {
        self.run(mode);
        loop {
            match self.poll_callback() {
                LoopStep::Callback(cb) => on_callback(self, cb),
                LoopStep::Done { alive } => return alive,
                LoopStep::WouldBlockForever => return true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CostModel;
    use crate::sim::SimBackend;

    fn sim_loop(choices: Vec<Choice>) -> Loop {
        let backend = SimBackend::new(1, None, &CostModel::default());
        let mut lp = Loop::new(Box::new(backend), 10_000);
        lp.set_choices(choices);
        lp
    }

    /// A 1 ms timer set `after_us` into the run, then `uv_run`: when its callback runs (loop ms).
    fn timer_fires_at(after_us: u64, choices: Vec<Choice>) -> (u64, Vec<Decision>) {
        let mut lp = sim_loop(choices);
        lp.charge_main(Duration::from_micros(300));
        lp.update_time();
        let timer = lp.handle_init(HandleKind::Timer, "t");
        lp.timer_start(timer, 1, 0);
        lp.charge_main(Duration::from_micros(after_us));
        let mut fired = None;
        lp.run_with(RunMode::Default, |lp, cb| {
            if cb == UvCallback::Timer(timer) {
                fired.get_or_insert(lp.now_ms());
            }
        });
        let decisions = lp.tracer().decisions().iter().map(|(_, d)| d.clone());
        (fired.expect("the timer fired"), decisions.collect())
    }

    #[test]
    fn a_timer_close_to_due_is_a_decision_with_the_elapsed_share_of_a_millisecond() {
        let (at, decisions) = timer_fires_at(200, Vec::new());
        assert_eq!(at, 1, "the natural branch waits in poll for the timer");
        let first = &decisions[0];
        assert_eq!(first.chosen, Choice::Natural);
        assert!((first.chance - 0.2).abs() < 1e-9, "{first:?}");
        assert!(first.why.contains("0.2 ms"), "{}", first.why);
    }

    #[test]
    fn the_alternative_moves_the_clock_to_the_timeout_and_runs_the_timer_before_the_loop() {
        let (at, decisions) = timer_fires_at(200, vec![Choice::Alternative]);
        assert_eq!(at, 1);
        assert_eq!(decisions.len(), 1, "{decisions:?}");
        assert_eq!(decisions[0].chosen, Choice::Alternative);
    }

    #[test]
    fn a_timer_due_anyway_or_not_yet_reached_makes_no_decision() {
        // 1.2 ms after it was set the clock has passed its millisecond on any machine.
        assert!(timer_fires_at(1_200, Vec::new()).1.is_empty());
        let mut lp = sim_loop(Vec::new());
        let timer = lp.handle_init(HandleKind::Timer, "t");
        lp.timer_start(timer, 5, 0);
        lp.charge_main(Duration::from_micros(300));
        lp.run_with(RunMode::Default, |_, _| {});
        // 0.3 ms into a 5 ms timer: no reading of the clock could make it due.
        assert!(lp.tracer().decisions().is_empty());
    }
}
