//! `Node`: Node's JavaScript layer over the libuv loop, as a step machine the host drives.
//!
//! Node runs the entry script, then spins `uv_run(DEFAULT)` until nothing keeps the loop alive,
//! emits 'beforeExit' (which may revive the loop) and finally 'exit' (src/api/embed_helpers.cc).
//! After every callback it drains the nextTick queue and then the microtask queue, repeating until
//! both are empty (lib/internal/process/task_queues.js); timers and immediates are served by one
//! libuv timer and one check handle (lib/internal/timers.js).
use super::ids::{ImmediateId, MicrotaskId, TickId, TimerId};
use super::immediate_queue::{ImmediateQueue, RefToggle};
use super::job_queue::{MicrotaskQueue, TickQueue};
use super::life::{Life, Stage, Stopper};
use super::task::Task;
use super::timer_lists::{TimerLists, TimersStep, coerce_delay};
use crate::decision::{Choice, Decision, DecisionPoint};
use crate::settings::{EntryKind, Settings};
use crate::sim::SimBackend;
use crate::time::{Duration, Instant};
use crate::trace::{AliveReason, QueueName, Stamped, Trace, TraceEvent};
use crate::uv::{
    Backend, DefaultAction, HandleId, HandleKind, KillOutcome, Loop, LoopStep, RequestId,
    RequestKind, RunMode, SignalError, UvCallback, Work, signal_name,
};
use std::collections::VecDeque;

/// What the host does next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Run this JavaScript, then call `poll_step` again.
    Run(Task),
    /// The process ended with this exit code.
    Exit(i32),
    /// A limit stopped the run; the message says which and why.
    Halt(String),
}

/// A callback pass in progress: `processTimers(now)` or `processImmediate()`.
#[derive(Debug)]
enum Pass {
    None,
    Timers { now: u64 },
    Immediates { batch: VecDeque<ImmediateId> },
}

#[derive(Debug)]
pub struct Node {
    lp: Loop,
    settings: Settings,
    timers: TimerLists,
    immediates: ImmediateQueue,
    ticks: TickQueue,
    microtasks: MicrotaskQueue,
    /// Node's one libuv timer for all JavaScript timers (starts unref'd).
    timer_handle: HandleId,
    /// Runs immediates in the check phase (unref'd, always started).
    check_handle: HandleId,
    /// Started while ref'd immediates exist, so poll does not block.
    idle_handle: HandleId,
    life: Life,
    pass: Pass,
    /// The task the host is running, with the loop time read before it (intervals restart from it).
    in_flight: Option<(Task, u64)>,
    draining: bool,
    in_microtasks: bool,
    rejections_pending: bool,
    /// Which of stdout (bit 0) and stderr (bit 1) the script has written to.
    stdio_opened: u8,
    tasks_run: u64,
}

impl Node {
    /// A Node process on the simulated backend.
    pub fn simulated(settings: Settings) -> Self {
        let backend = SimBackend::new(
            settings.cores,
            settings.threadpool_env.clone(),
            &settings.cost,
        );
        Node::with_backend(Box::new(backend), settings)
    }

    pub fn with_backend(backend: Box<dyn Backend>, settings: Settings) -> Self {
        let mut lp = Loop::new(backend, settings.limits.max_trace_events);
        lp.set_choices(settings.choices.clone());
        let timer_handle = lp.handle_init_internal(
            HandleKind::Timer,
            "Node timers (one uv_timer for all setTimeout/setInterval)",
        );
        lp.set_ref(timer_handle, false);
        let check_handle =
            lp.handle_init_internal(HandleKind::Check, "Node immediates (check handle)");
        lp.set_ref(check_handle, false);
        lp.watcher_start(check_handle);
        let idle_handle = lp.handle_init_internal(
            HandleKind::Idle,
            "Node immediates (idle handle: poll must not block)",
        );
        Node {
            lp,
            settings,
            timers: TimerLists::default(),
            immediates: ImmediateQueue::default(),
            ticks: TickQueue::default(),
            microtasks: MicrotaskQueue::default(),
            timer_handle,
            check_handle,
            idle_handle,
            life: Life::Running {
                stage: Stage::Boot,
                exit_code: 0,
            },
            pass: Pass::None,
            in_flight: None,
            draining: false,
            in_microtasks: false,
            rejections_pending: false,
            stdio_opened: 0,
            tasks_run: 0,
        }
    }

    // ---- the step machine -----------------------------------------------------------------------

    /// What to do next. Call it first, and again after running each `Step::Run` task.
    pub fn poll_step(&mut self) -> Step {
        if let Some((task, start)) = self.in_flight.take() {
            self.end_task(task, start);
            // `process.exit()` or a fatal signal during the task: the end follows the task's.
            self.record_end();
        }
        match &self.life {
            Life::Running { .. } => {}
            Life::Halted { reason, .. } => return Step::Halt(reason.clone()),
            ended => return Step::Exit(ended.status().unwrap_or_default()),
        }
        if let Some(task) = self.next_drain_task() {
            return self.start_task(task);
        }
        if let Some(task) = self.next_in_pass() {
            return self.start_task(task);
        }
        loop {
            match self.stage() {
                Stage::Boot => {
                    self.set_stage(Stage::Main);
                    return self.start_task(Task::Main);
                }
                stage @ (Stage::Main | Stage::BeforeExit) => {
                    if stage == Stage::BeforeExit && !self.lp.alive_checked() {
                        self.set_stage(Stage::Exiting);
                        return self.start_task(Task::Exit);
                    }
                    self.lp.run(RunMode::Default);
                    self.set_stage(Stage::Loop);
                }
                Stage::Loop => match self.lp.poll_callback() {
                    LoopStep::Callback(cb) => {
                        if let Some(task) = self.on_uv_callback(cb) {
                            return self.start_task(task);
                        }
                    }
                    LoopStep::Done { alive: true } => self.lp.run(RunMode::Default),
                    LoopStep::Done { alive: false } => {
                        self.set_stage(Stage::BeforeExit);
                        return self.start_task(Task::BeforeExit);
                    }
                    LoopStep::WouldBlockForever => {
                        return self.halt(self.blocked_forever_message());
                    }
                },
                Stage::Exiting => {
                    let code = self.exit_code();
                    self.end(Life::Exited(code));
                    return Step::Exit(code);
                }
            }
        }
    }

    /// The stage of a running process (`Boot` once it has ended: nothing reads it then).
    fn stage(&self) -> Stage {
        match self.life {
            Life::Running { stage, .. } => stage,
            _ => Stage::Boot,
        }
    }

    fn set_stage(&mut self, next: Stage) {
        if let Life::Running { stage, .. } = &mut self.life {
            *stage = next;
        }
    }

    /// `process.exitCode`, or the code the process ended with.
    fn exit_code(&self) -> i32 {
        match self.life {
            Life::Running { exit_code, .. } => exit_code,
            ref ended => ended.status().unwrap_or(1),
        }
    }

    /// Ends the process. An end decided while a task runs is recorded once the task is over, as
    /// the host unwinds the callback first; the first end decided is the one that counts.
    fn end(&mut self, end: Life) {
        if !self.life.is_running() {
            return;
        }
        self.life = end;
        if self.in_flight.is_none() {
            self.record_end();
        }
    }

    fn record_end(&mut self) {
        if let Some(code) = self.life.status() {
            self.lp.record(TraceEvent::Exit { code });
        }
    }

    fn halt(&mut self, message: String) -> Step {
        self.lp.record(TraceEvent::Halt {
            message: message.clone(),
        });
        self.life = Life::Halted {
            by: Stopper::Model,
            reason: message.clone(),
        };
        Step::Halt(message)
    }

    fn start_task(&mut self, task: Task) -> Step {
        self.tasks_run += 1;
        if self.tasks_run > self.settings.limits.max_tasks {
            let limit = self.settings.limits.max_tasks;
            let cause = self.runaway(task);
            return self.halt(format!("Stopped after {limit} callbacks: {cause}"));
        }
        if self.lp.hrtime() - Instant::ZERO > self.settings.limits.max_virtual_time {
            let limit = self.settings.limits.max_virtual_time;
            let cause = self.runaway(task);
            return self.halt(format!("Stopped at {limit} of virtual time: {cause}"));
        }
        match task {
            Task::Tick(id) => self.lp.record(TraceEvent::QueuePop {
                queue: QueueName::NextTick,
                id: id.0,
            }),
            Task::Microtask(id) => self.lp.record(TraceEvent::QueuePop {
                queue: QueueName::Microtask,
                id: id.0,
            }),
            Task::Timeout(id) => self.lp.record(TraceEvent::QueuePop {
                queue: QueueName::Timers,
                id: id.0,
            }),
            Task::Immediate(id) => self.lp.record(TraceEvent::QueuePop {
                queue: QueueName::Immediate,
                id: id.0,
            }),
            Task::BeforeExit => self.lp.record(TraceEvent::BeforeExit {
                code: self.exit_code(),
            }),
            _ => {}
        }
        // listOnTimeout reads the loop time before an interval's callback and restarts it from there.
        let start = match task {
            Task::Timeout(id) if self.timers.is_repeat(id) => self.libuv_now(),
            _ => self.lp.now_ms(),
        };
        self.lp.record(TraceEvent::TaskStart { task });
        self.in_flight = Some((task, start));
        Step::Run(task)
    }

    fn end_task(&mut self, task: Task, start: u64) {
        let cost = &self.settings.cost;
        let cpu = match task {
            Task::Main => cost.main_script,
            t if t.is_microtask_like() => cost.js_microtask,
            _ => cost.js_callback,
        };
        self.lp.charge_main(cpu);
        self.lp.record(TraceEvent::TaskEnd { task });
        if let Task::Timeout(id) = task {
            if let Some(delay) = self.timers.after_callback(id, start) {
                self.schedule_timer(delay as u64);
            }
            if self.timers.is_scheduled(id) {
                // An interval went back into its list.
                self.lp.record(TraceEvent::QueuePush {
                    queue: QueueName::Timers,
                    id: id.0,
                });
            }
        }
        if !task.is_microtask_like() {
            self.draining = true;
            // An ES module entry is evaluated from promise jobs: they drain before nextTicks.
            self.in_microtasks = task == Task::Main && self.settings.entry == EntryKind::Module;
        }
    }

    /// `processTicksAndRejections`: all ticks, then all microtasks, until both stay empty.
    fn next_drain_task(&mut self) -> Option<Task> {
        if !self.draining {
            return None;
        }
        if self.in_microtasks {
            if let Some(id) = self.microtasks.pop() {
                return Some(Task::Microtask(id));
            }
            self.in_microtasks = false;
        }
        if let Some(id) = self.ticks.pop() {
            return Some(Task::Tick(id));
        }
        if let Some(id) = self.microtasks.pop() {
            self.in_microtasks = true;
            return Some(Task::Microtask(id));
        }
        if std::mem::take(&mut self.rejections_pending) {
            return Some(Task::PromiseRejections);
        }
        self.draining = false;
        None
    }

    fn next_in_pass(&mut self) -> Option<Task> {
        match &mut self.pass {
            Pass::None => None,
            Pass::Timers { now } => match self.timers.next_due(*now) {
                TimersStep::Run(id) => Some(Task::Timeout(id)),
                TimersStep::Done(next) => {
                    self.pass = Pass::None;
                    self.after_timers_pass(next);
                    None
                }
            },
            Pass::Immediates { batch } => match self.immediates.next_of(batch) {
                Some(id) => Some(Task::Immediate(id)),
                None => {
                    self.pass = Pass::None;
                    if self.immediates.ref_count() == 0 {
                        self.toggle_immediate_ref(false);
                    }
                    None
                }
            },
        }
    }

    /// What Node does with each libuv callback.
    fn on_uv_callback(&mut self, cb: UvCallback) -> Option<Task> {
        match cb {
            UvCallback::Timer(h) if h == self.timer_handle => {
                // RunTimers: processTimers(GetNow()), GetNow updating the loop time first.
                let now = self.libuv_now();
                self.timers.begin_pass();
                self.pass = Pass::Timers { now };
                self.next_in_pass()
            }
            UvCallback::Check(h) if h == self.check_handle => {
                if self.immediates.count() == 0 {
                    return None;
                }
                let batch = self.immediates.take_batch();
                self.pass = Pass::Immediates { batch };
                self.next_in_pass()
            }
            UvCallback::WorkDone(req) => Some(Task::RequestDone(req)),
            UvCallback::Io(h, ev) => Some(Task::Io(h, ev)),
            UvCallback::Pending(h) => Some(Task::Pending(h)),
            UvCallback::Signal(h, signum) => Some(Task::Signal(h, signum)),
            UvCallback::FsEvent(h, n) => Some(Task::FsEvent(h, n)),
            UvCallback::Timer(h) => self.lp.fs_poll_expired(h).map(Task::FsPoll),
            UvCallback::Close(h) if !self.lp.handle(h).internal => Some(Task::Close(h)),
            _ => None,
        }
    }

    /// The end of RunTimers: re-arm the libuv timer for the earliest list, ref'd only while ref'd
    /// timers exist.
    fn after_timers_pass(&mut self, next_expiry: Option<u64>) {
        match next_expiry {
            Some(expiry) => {
                let delay = expiry.saturating_sub(self.lp.now_ms()).max(1);
                self.schedule_timer(delay);
                self.lp
                    .set_ref(self.timer_handle, self.timers.ref_count() > 0);
            }
            None => self.lp.set_ref(self.timer_handle, false),
        }
    }

    fn schedule_timer(&mut self, delay_ms: u64) {
        self.lp.timer_start(self.timer_handle, delay_ms, 0);
        let due_ms = self.lp.now_ms() + delay_ms;
        let refed = self.lp.handle(self.timer_handle).refed;
        self.lp.record(TraceEvent::TimerSchedule { due_ms, refed });
    }

    fn toggle_immediate_ref(&mut self, on: bool) {
        if on {
            self.lp.watcher_start(self.idle_handle);
        } else {
            self.lp.watcher_stop(self.idle_handle);
        }
    }

    fn apply_immediate_toggle(&mut self, toggle: RefToggle) {
        match toggle {
            RefToggle::On => self.toggle_immediate_ref(true),
            RefToggle::Off => self.toggle_immediate_ref(false),
            RefToggle::None => {}
        }
    }

    /// Why a run that hit a limit would go on forever, judged by the callback about to run.
    pub fn runaway(&self, task: Task) -> super::Runaway {
        use super::Runaway;
        match task {
            Task::Tick(_) | Task::Microtask(_) => Runaway::TickChain,
            Task::Immediate(_) => Runaway::ImmediateChain,
            Task::Timeout(id) if self.timers.is_repeat(id) => Runaway::Interval,
            _ => match self.alive_labels() {
                what if what.is_empty() => Runaway::Unknown,
                what => Runaway::KeptAlive(what),
            },
        }
    }

    fn alive_labels(&self) -> Vec<String> {
        self.lp
            .alive_reasons()
            .into_iter()
            .map(|r| match r {
                AliveReason::Handle(h) => self.lp.handle(h).label.clone(),
                AliveReason::Request(r) => format!("request #{}", r.0),
                AliveReason::PendingCallbacks => "pending callbacks".into(),
                AliveReason::ClosingHandles => "closing handles".into(),
            })
            .collect()
    }

    fn blocked_forever_message(&self) -> String {
        let what = self.alive_labels();
        format!(
            "The process would wait forever in the poll phase: nothing can wake it, yet {} keeps the loop alive.",
            what.join(", ")
        )
    }

    // ---- what JavaScript calls while a task runs -------------------------------------------------

    /// `getLibuvNow()`: updates the loop time, then reads it (milliseconds).
    pub fn libuv_now(&mut self) -> u64 {
        self.lp.update_time();
        self.lp.now_ms()
    }

    /// `setTimeout(cb, after)` / `setInterval(cb, after)`; `after` already converted to a number.
    /// Use `coerce_delay` to learn whether Node would emit a `TimeoutOverflowWarning`.
    pub fn set_timeout(&mut self, after: f64, repeat: bool) -> TimerId {
        let (msecs, _) = coerce_delay(after);
        let id = self.timers.create(msecs, repeat);
        if self.timers.ref_count() == 1 {
            self.lp.set_ref(self.timer_handle, true);
        }
        self.lp.record(TraceEvent::TimeoutInit {
            id: id.0,
            after_ms: msecs,
            repeat,
            refed: true,
        });
        let before = self.lp.time_read();
        // getLibuvNow reads the clock (uv_update_time), which takes time as any reading does.
        self.lp.charge_main(self.settings.cost.clock_read);
        let mut start = self.libuv_now();
        if self.start_decision(id, msecs, before, start) == Choice::Alternative {
            start = self.libuv_now();
        }
        if let Some(delay) = self.timers.insert(id, start) {
            self.schedule_timer(delay as u64);
        }
        self.lp.record(TraceEvent::QueuePush {
            queue: QueueName::Timers,
            id: id.0,
        });
        id
    }

    /// Each `setTimeout` reads the clock afresh (`getLibuvNow`), so whether a millisecond ended
    /// since the previous reading `before` is timing: with the clock's phase uniform, it did
    /// with chance (the gap between the readings) / 1 ms. It matters when the timer, counted
    /// from the next millisecond, would expire with a list of another duration, which then
    /// runs first (node's order within an expiry is the lists' creation order). That is a
    /// decision; its alternative moves the clock to that next millisecond (a slower script).
    fn start_decision(&mut self, id: TimerId, msecs: u32, before: Instant, start: u64) -> Choice {
        let read = self.lp.time_read();
        if before.as_millis() != start
            || read <= before
            || !self
                .timers
                .other_list_expires_at(msecs, start + u64::from(msecs) + 1)
        {
            return Choice::Natural;
        }
        let gap = (read - before).as_micros();
        let chance = (gap as f64 / 1000.0).min(1.0);
        let (index, chosen) = self.lp.choose();
        let later = start + u64::from(msecs) + 1;
        self.lp.record(TraceEvent::Decision(Decision {
            index,
            point: DecisionPoint::TimerStart { timer: id.0 },
            chosen,
            natural: format!("the {msecs} ms timer counts from {start} ms and expires before the timers due at {later} ms"),
            alternative: format!("a millisecond ends first: the {msecs} ms timer counts from {} ms and runs after the timers due at {later} ms", start + 1),
            why: format!(
                "Every setTimeout reads the clock afresh, {} ms after the previous reading here: on a slower machine a millisecond ends in between (here {} of the time), and this timer then expires together with a longer one set earlier, which goes first.",
                crate::decision::millis_text(gap),
                crate::decision::percent_text(chance)
            ),
            chance,
        }));
        if chosen == Choice::Alternative {
            let boundary = Instant::from_micros((start + 1) * 1000);
            self.lp
                .charge_main(boundary.saturating_duration_since(self.lp.hrtime()));
        }
        chosen
    }

    /// `clearTimeout` / `clearInterval`.
    pub fn clear_timeout(&mut self, id: TimerId) {
        if self.timers.clear(id) {
            self.lp.set_ref(self.timer_handle, false);
        }
        self.lp.record(TraceEvent::QueueRemove {
            queue: QueueName::Timers,
            id: id.0,
        });
    }

    /// `timeout.ref()` / `timeout.unref()`.
    pub fn timer_set_ref(&mut self, id: TimerId, refed: bool) {
        if let Some(on) = self.timers.set_ref(id, refed) {
            self.lp.set_ref(self.timer_handle, on);
        }
        self.lp.record(TraceEvent::TimeoutRef { id: id.0, refed });
    }

    /// Whether the timer was made by `setInterval`.
    pub fn timer_is_interval(&self, id: TimerId) -> bool {
        self.timers.is_repeat(id)
    }

    pub fn timer_has_ref(&self, id: TimerId) -> bool {
        self.timers.is_refed(id)
    }

    /// `timeout.refresh()`: starts the timer over from now.
    pub fn timer_refresh(&mut self, id: TimerId) {
        let start = self.libuv_now();
        if let Some((schedule, ref_on)) = self.timers.refresh(id, start) {
            if ref_on {
                self.lp.set_ref(self.timer_handle, true);
            }
            if let Some(delay) = schedule {
                self.schedule_timer(delay as u64);
            }
            self.lp.record(TraceEvent::QueuePush {
                queue: QueueName::Timers,
                id: id.0,
            });
        }
    }

    /// `setImmediate(cb)`.
    pub fn set_immediate(&mut self) -> ImmediateId {
        let (id, toggle) = self.immediates.push();
        self.lp.record(TraceEvent::QueuePush {
            queue: QueueName::Immediate,
            id: id.0,
        });
        self.apply_immediate_toggle(toggle);
        id
    }

    /// `clearImmediate(immediate)`.
    pub fn clear_immediate(&mut self, id: ImmediateId) {
        let (cleared, toggle) = self.immediates.clear(id);
        if cleared {
            self.lp.record(TraceEvent::QueueRemove {
                queue: QueueName::Immediate,
                id: id.0,
            });
        }
        self.apply_immediate_toggle(toggle);
    }

    /// `immediate.ref()` / `immediate.unref()`.
    pub fn immediate_set_ref(&mut self, id: ImmediateId, refed: bool) {
        let toggle = self.immediates.set_ref(id, refed);
        self.apply_immediate_toggle(toggle);
    }

    pub fn immediate_has_ref(&self, id: ImmediateId) -> bool {
        self.immediates.has_ref(id)
    }

    /// `process.nextTick(cb)`; `None` once the process is exiting (Node drops it silently).
    pub fn next_tick(&mut self) -> Option<TickId> {
        let dropped = match self.life {
            Life::Running { stage, .. } => stage == Stage::Exiting,
            Life::Exited(_) | Life::Killed(_) => true,
            Life::Halted { .. } => false,
        };
        if dropped {
            return None;
        }
        let id = self.ticks.push();
        self.lp.record(TraceEvent::QueuePush {
            queue: QueueName::NextTick,
            id: id.0,
        });
        Some(id)
    }

    /// V8 enqueued a promise job (or `queueMicrotask` did).
    pub fn enqueue_microtask(&mut self) -> MicrotaskId {
        let id = self.microtasks.push();
        self.lp.record(TraceEvent::QueuePush {
            queue: QueueName::Microtask,
            id: id.0,
        });
        id
    }

    /// A promise was rejected with no handler: `processPromiseRejections` runs after the microtasks.
    pub fn set_rejection_pending(&mut self) {
        self.rejections_pending = true;
    }

    /// Starts a request on the thread pool; its callback comes back as `Task::RequestDone`.
    pub fn submit_work(
        &mut self,
        kind: RequestKind,
        work: Work,
        label: impl Into<String>,
    ) -> RequestId {
        self.lp.submit_work(kind, work, label)
    }

    /// `submit_work` with the real operation (run on a pool thread by a native backend).
    pub fn submit_job(
        &mut self,
        kind: RequestKind,
        work: Work,
        label: impl Into<String>,
        job: crate::uv::Job,
    ) -> RequestId {
        self.lp.submit_job(kind, work, label, job)
    }

    /// The main thread spent `cpu` in JavaScript beyond a callback's base cost (a sync hash, say).
    pub fn charge(&mut self, cpu: Duration) {
        self.lp.charge_main(cpu);
    }

    /// Reads the high-resolution clock; reading it takes a little time, so busy-waits end.
    pub fn clock_read(&mut self) -> Instant {
        self.lp.charge_main(self.settings.cost.clock_read);
        self.lp.hrtime()
    }

    /// `process.exit(code)`: the host has emitted 'exit' itself, synchronously, as Node does.
    pub fn exit(&mut self, code: i32) {
        self.end(Life::Exited(code));
    }

    /// The host stopped the run at one of its own limits (output, the engine's work or depth):
    /// no more JavaScript runs. The host tells the learner `reason` itself; the trace ends where
    /// the run stopped, with no event of the model's.
    pub fn stop(&mut self, reason: String) {
        self.life = Life::Halted {
            by: Stopper::Host,
            reason,
        };
    }

    /// A write to stdout (fd 1) or stderr (fd 2) costs the main thread its time; the first one
    /// of the process costs far more: Node creates `process.stdout` lazily, with the stream and
    /// the modules behind it.
    pub fn stdio_write(&mut self, fd: u8) {
        let bit = if fd == 2 { 2 } else { 1 };
        if self.stdio_opened & bit == 0 {
            let cost = if self.stdio_opened == 0 {
                self.settings.cost.stdio_first_write
            } else {
                self.settings.cost.stdio_other_stream
            };
            self.stdio_opened |= bit;
            self.lp.charge_main(cost);
        }
    }

    /// The script wrote `text` to stdout (fd 1) or stderr (fd 2).
    pub fn record_output(&mut self, fd: u8, text: &str) {
        self.lp.record(TraceEvent::Output {
            fd,
            text: text.to_string(),
        });
    }

    /// `process.kill(pid, signum)`. A signal to this process that nothing catches takes its default
    /// action now, as the kernel delivers it before kill(2) returns: the process ends, killed
    /// (status 128 + signum as a shell reports it, no 'exit' event), or stops, which a run can
    /// never come back from. Afterwards the host runs no more JavaScript (`life`).
    pub fn kill(&mut self, pid: i32, signum: i32) -> Result<(), SignalError> {
        let action = match self.lp.kill(pid, signum)? {
            KillOutcome::Sent => return Ok(()),
            KillOutcome::Ignored => DefaultAction::Ignore,
            KillOutcome::Terminated(_) => DefaultAction::Terminate,
            KillOutcome::Stopped(_) => DefaultAction::Stop,
        };
        self.lp.record(TraceEvent::SignalDefault { signum, action });
        match action {
            DefaultAction::Ignore => {}
            DefaultAction::Terminate => self.end(Life::Killed(signum)),
            DefaultAction::Stop => {
                let name = signal_name(signum).unwrap_or("a stop signal");
                self.halt(format!(
                    "The process stopped itself with {name}: a stopped process waits for a SIGCONT from another process, and nothing else runs."
                ));
            }
        }
        Ok(())
    }

    /// Whether the process runs, and how it ended: once it is not `Running`, no more JavaScript
    /// runs.
    pub fn life(&self) -> &Life {
        &self.life
    }

    /// `process.exitCode = code`: the code the process ends with if nothing else sets one.
    pub fn set_exit_code(&mut self, code: i32) {
        match &mut self.life {
            Life::Running { exit_code, .. } | Life::Exited(exit_code) => *exit_code = code,
            Life::Killed(_) | Life::Halted { .. } => {}
        }
    }

    // ---- reading the model ------------------------------------------------------------------------

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn uv(&self) -> &Loop {
        &self.lp
    }

    /// Raw access to the libuv layer, for hosts that add handles of their own (sockets).
    pub fn uv_mut(&mut self) -> &mut Loop {
        &mut self.lp
    }

    pub fn events(&self) -> &[Stamped] {
        self.lp.tracer().events()
    }

    pub fn into_trace(self) -> Trace {
        self.lp.into_tracer().finish(self.settings)
    }

    pub fn pending_ticks(&self) -> impl Iterator<Item = TickId> + '_ {
        self.ticks.iter()
    }

    pub fn pending_microtasks(&self) -> impl Iterator<Item = MicrotaskId> + '_ {
        self.microtasks.iter()
    }

    pub fn pending_immediates(&self) -> impl Iterator<Item = ImmediateId> + '_ {
        self.immediates.pending()
    }

    pub fn scheduled_timers(&self) -> Vec<(TimerId, u64)> {
        self.timers.scheduled()
    }

    /// Drives the whole process, handing each task to `run`: for tests and simple hosts.
    pub fn run_to_end(&mut self, mut run: impl FnMut(&mut Node, Task)) -> Result<i32, String> {
        loop {
            match self.poll_step() {
                Step::Run(task) => run(self, task),
                Step::Exit(code) => return Ok(code),
                Step::Halt(message) => return Err(message),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 ms timer, then `gap` of work, then a 1 ms timer: the decisions its start makes.
    fn second_start(gap: Duration, choices: Vec<Choice>) -> (Node, Vec<Decision>) {
        let mut node = Node::simulated(Settings {
            choices,
            ..Settings::default()
        });
        node.set_timeout(2.0, false);
        node.charge(gap);
        node.set_timeout(1.0, false);
        let decisions = node.uv().tracer().decisions().iter();
        let decisions = decisions.map(|(_, d)| d.clone()).collect();
        (node, decisions)
    }

    #[test]
    fn a_timer_that_would_expire_with_a_longer_one_a_millisecond_later_is_a_decision() {
        let (node, decisions) = second_start(Duration::from_micros(300), Vec::new());
        assert_eq!(decisions.len(), 1, "{decisions:?}");
        let d = &decisions[0];
        assert_eq!(d.point, DecisionPoint::TimerStart { timer: 1 });
        // 300 µs of work and the second reading's own microsecond.
        assert!((d.chance - 0.301).abs() < 1e-9, "{d:?}");
        assert_eq!(node.uv().now_ms(), 0);
    }

    #[test]
    fn its_alternative_counts_the_timer_from_the_next_millisecond() {
        let (node, decisions) = second_start(Duration::from_micros(300), vec![Choice::Alternative]);
        assert_eq!(decisions[0].chosen, Choice::Alternative);
        assert_eq!(node.uv().now_ms(), 1);
        assert_eq!(
            node.timers.scheduled()[1].1,
            2,
            "expires with the 2 ms timer"
        );
    }

    #[test]
    fn a_reading_in_a_later_millisecond_already_is_no_decision() {
        let (_, decisions) = second_start(Duration::from_micros(1_200), Vec::new());
        assert!(decisions.is_empty(), "{decisions:?}");
    }
}
