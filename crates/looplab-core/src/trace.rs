//! The trace: every step a learner could want to see, stamped with virtual (or real) time.
//!
//! Events name handles, requests and queue items by id; labels travel once, in the event that
//! creates the thing, so the hot events stay small and allocation-free.
use crate::decision::{Choice, Chooser, Decision};
use crate::node::Task;
use crate::settings::Settings;
use crate::time::Instant;
use crate::uv::{HandleId, HandleKind, IoEvent, Phase, RequestId, RequestKind, RunMode, WorkKind};
use serde::{Deserialize, Serialize};

/// Bumped whenever an event changes shape; the page refuses traces from a newer version.
pub const TRACE_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub version: u32,
    pub settings: Settings,
    pub events: Vec<Stamped>,
    /// Events left out because `Limits::max_trace_events` was reached.
    #[serde(default)]
    pub dropped: u64,
    /// Recorded on the real OS (`looplab run --real`): real time and OS threads, not the model's
    /// virtual ones. Left out of simulated traces, so their bytes stay as they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub real: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stamped {
    /// Microseconds since the process started.
    pub at: Instant,
    #[serde(flatten)]
    pub event: TraceEvent,
}

/// A thread of the process: the main thread runs JavaScript and the loop, workers run pool jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "thread", content = "index")]
pub enum ThreadId {
    Main,
    Worker(u32),
}

/// Node's JavaScript-side queues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueName {
    NextTick,
    Microtask,
    Timers,
    Immediate,
    Pending,
    Closing,
    Threadpool,
}

/// How a module is loaded: Node's format names (lib/internal/modules/esm/formats.js).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleFormat {
    Commonjs,
    Module,
    Json,
    Builtin,
}

/// The phases of an ES module graph (lib/internal/modules/esm/module_job.js; ECMA-262 Link and
/// Evaluate): every module is fetched and parsed, then all are linked, then evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EsmPhase {
    Construction,
    Linking,
    Evaluation,
}

/// Why the loop is still alive: one ref'd active handle, one request in flight, or a non-empty queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "what", content = "id")]
pub enum AliveReason {
    Handle(HandleId),
    Request(RequestId),
    PendingCallbacks,
    ClosingHandles,
}

/// Why the poll phase waits as long as it does (`uv__backend_timeout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollReason {
    /// `uv_run` was called with `RunMode::NoWait`, or `RunMode::Once` with work pending.
    NoWaitMode,
    /// `uv_stop` was called.
    Stopped,
    /// Nothing ref'd and active: nothing to wait for.
    NothingActive,
    PendingCallbacks,
    /// An active idle handle (Node starts one while ref'd immediates exist).
    IdleHandles,
    ClosingHandles,
    /// Until the earliest timer is due.
    NextTimer,
    /// A timer is already due.
    TimerDue,
    /// No timer: only I/O can wake the loop.
    NoTimers,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TraceEvent {
    RunStart {
        mode: RunMode,
    },
    RunEnd {
        alive: bool,
    },
    PhaseEnter {
        phase: Phase,
        iteration: u64,
    },
    PhaseLeave {
        phase: Phase,
    },
    /// `uv__update_time`: the loop's cached millisecond clock moved.
    TimeUpdate {
        loop_ms: u64,
    },
    PollWait {
        timeout_ms: Option<u64>,
        reason: PollReason,
    },
    PollWake {
        ready: u32,
    },
    AliveCheck {
        alive: bool,
        handles: u32,
        requests: u32,
        reasons: Vec<AliveReason>,
    },
    HandleInit {
        handle: HandleId,
        handle_kind: HandleKind,
        label: String,
        internal: bool,
    },
    HandleStart {
        handle: HandleId,
    },
    HandleStop {
        handle: HandleId,
    },
    HandleRef {
        handle: HandleId,
        refed: bool,
    },
    HandleClosing {
        handle: HandleId,
    },
    HandleClosed {
        handle: HandleId,
    },
    RequestSubmit {
        request: RequestId,
        request_kind: RequestKind,
        label: String,
        /// The stream it acts on (`uv_connect_t.handle`, `uv_write_t.handle`); none for pool work.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        handle: Option<HandleId>,
    },
    RequestDone {
        request: RequestId,
        /// The error its callback is given (`ECONNREFUSED`, `ECANCELED`, ...), if it failed.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        error: Option<String>,
    },
    /// libuv calls into its user: a handle's or request's callback.
    UvCallback {
        phase: Phase,
        handle: Option<HandleId>,
        request: Option<RequestId>,
    },
    /// JavaScript starts running for a task; `TaskEnd` follows when it returns.
    TaskStart {
        task: Task,
    },
    TaskEnd {
        task: Task,
    },
    QueuePush {
        queue: QueueName,
        id: u64,
    },
    QueuePop {
        queue: QueueName,
        id: u64,
    },
    QueueRemove {
        queue: QueueName,
        id: u64,
    },
    /// A JavaScript timer was created (`setTimeout`/`setInterval`).
    TimeoutInit {
        id: u64,
        after_ms: u32,
        repeat: bool,
        refed: bool,
    },
    TimeoutRef {
        id: u64,
        refed: bool,
    },
    /// Node's single libuv timer was (re)armed for the earliest timer list.
    TimerSchedule {
        due_ms: u64,
        refed: bool,
    },
    WorkQueued {
        request: RequestId,
        work_kind: WorkKind,
    },
    WorkerStart {
        worker: u32,
        request: RequestId,
    },
    WorkerDone {
        worker: u32,
        request: RequestId,
    },
    /// The OS gave a core to another thread (or took it away).
    CoreSwitch {
        core: u32,
        from: Option<ThreadId>,
        to: Option<ThreadId>,
    },
    BeforeExit {
        code: i32,
    },
    Exit {
        code: i32,
    },
    /// A limit stopped the run.
    Halt {
        message: String,
    },
    /// A module loader looked at a path: a file, a directory, a package.json or a node_modules.
    ModuleProbe {
        path: String,
        found: bool,
    },
    /// `require(request)` or `import request` from `from` resolved to `resolved` (None: it failed).
    ModuleResolve {
        request: String,
        from: String,
        resolved: Option<String>,
    },
    /// The module was already in the cache (`require.cache` or the ES module map): not run again.
    ModuleCacheHit {
        path: String,
    },
    /// CommonJS: the wrapper `(function (exports, require, module, __filename, __dirname))` is called.
    ModuleWrapperCall {
        path: String,
    },
    /// A module's own code starts running.
    ModuleEvalStart {
        path: String,
        format: ModuleFormat,
    },
    /// A module's code finished (`ok: false`: it threw).
    ModuleEvalEnd {
        path: String,
        ok: bool,
    },
    /// An ES module graph rooted at `root` enters a phase.
    EsmPhase {
        phase: EsmPhase,
        root: String,
    },
    /// `from` imports `to` under `specifier`: an edge of the ES module graph.
    EsmEdge {
        from: String,
        to: String,
        specifier: String,
    },
    /// A module's top-level `await` suspended its evaluation; it resumes from a promise job.
    EsmSuspended {
        path: String,
    },
    /// The script wrote to stdout (fd 1) or stderr (fd 2): console lines link to the step that
    /// printed them.
    Output {
        fd: u8,
        text: String,
    },
    /// What the poller watches a socket for changed (`uv__io_start` / `uv__io_stop`): the
    /// interest list the poll phase hands to epoll.
    IoInterest {
        handle: HandleId,
        readable: bool,
        writable: bool,
    },
    /// The poll phase found a socket ready; its callback runs now.
    IoReady {
        handle: HandleId,
        event: IoEvent,
    },
    /// A socket's address pair once it is bound or connected (`port` 0: not connected).
    SocketOpen {
        handle: HandleId,
        local_port: u16,
        remote_port: u16,
        listening: bool,
    },
    /// Bytes a socket read or wrote, in wire order; `request` is the write request libuv queued
    /// when the socket could not take them at once.
    SocketData {
        handle: HandleId,
        direction: Direction,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        request: Option<RequestId>,
        /// Base64, so binary frames stay compact in JSON; at most `SOCKET_DATA_KEPT` bytes.
        #[serde(with = "crate::wire_bytes")]
        bytes: Vec<u8>,
        /// How many bytes moved, when more than were kept.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        total: Option<u64>,
    },
    /// A read found the peer's FIN (Node's 'end'), or an error (`code`, e.g. ECONNRESET).
    SocketEnd {
        handle: HandleId,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        error: Option<String>,
    },
    /// A signal handle started catching `signum` (`uv_signal_start`).
    SignalWatch {
        handle: HandleId,
        signum: i32,
    },
    /// `uv_kill(pid, signum)` (`process.kill`).
    SignalSend {
        pid: i32,
        signum: i32,
    },
    /// `uv_fs_event_start`: the handle watches `path` (inotify_add_watch).
    FsEventWatch {
        handle: HandleId,
        path: String,
    },
    /// The poll phase read an inotify event for a watching handle.
    FsEventDeliver {
        handle: HandleId,
        kind: crate::uv::FsEventKind,
        filename: String,
    },
    /// The poll phase read `signum` from the signal pipe for a handle catching it.
    SignalDeliver {
        handle: HandleId,
        signum: i32,
    },
    /// Nothing caught `signum`: it takes its default action on the process.
    SignalDefault {
        signum: i32,
        action: crate::uv::DefaultAction,
    },
    /// Where the learner's code was, most recent frame first, just before it wrote output or
    /// scheduled something: the page's call stack and running line. Only the scenario's own
    /// frames, never Node's built-in modules.
    CallSite {
        frames: Vec<Frame>,
        /// The Node function the learner's code called to get here (`nextTick`, `on`, `listen`):
        /// the API this came through, which may not be the one that scheduled; `<anonymous>`
        /// for a built-in function without a name. Empty when not known (older traces).
        #[serde(skip_serializing_if = "String::is_empty", default)]
        via: String,
    },
    /// Real timing, not the rules, picks what happens next here (see `decision.rs`): what the
    /// run took, what else a real machine could do, and why.
    Decision(Decision),
}

/// One frame of the learner's call stack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The function's name; empty for an anonymous function or a module's top level.
    pub function: String,
    /// The file's path, as the module loader named it (`/app/main.js`).
    pub file: String,
    /// 1-based, as editors count.
    pub line: u32,
    pub column: u32,
}

/// The bytes a `SocketData` event keeps: enough for any head and frame a learner reads, while a
/// bulk transfer does not copy megabytes into the trace.
pub const SOCKET_DATA_KEPT: usize = 64 * 1024;

/// Which way bytes moved on a socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Read,
    Write,
}

/// Collects events up to a limit.
#[derive(Debug)]
pub struct Tracer {
    events: Vec<Stamped>,
    limit: usize,
    dropped: u64,
    /// Picks the branch at each decision: kept with the recording, since whatever records an
    /// event (the loop, the backend) may reach a decision.
    chooser: Chooser,
    /// Every decision recorded, with its index among the events (`None` past the limit): kept
    /// whatever the limit, since exploring a run's other orders starts from them.
    decisions: Vec<(Option<usize>, Decision)>,
}

impl Tracer {
    pub fn new(limit: usize) -> Self {
        Tracer {
            events: Vec::new(),
            limit,
            dropped: 0,
            chooser: Chooser::default(),
            decisions: Vec::new(),
        }
    }

    /// The run's decisions so far, each with its index among the events if it was kept.
    pub fn decisions(&self) -> &[(Option<usize>, Decision)] {
        &self.decisions
    }

    /// The branches to take at the run's first decisions (`Settings::choices`).
    pub fn set_choices(&mut self, forced: Vec<Choice>) {
        self.chooser = Chooser::new(forced);
    }

    /// The branch for the next decision, with its index; the caller records the `Decision`.
    pub fn choose(&mut self) -> (u32, Choice) {
        self.chooser.choose()
    }

    #[inline]
    pub fn record(&mut self, at: Instant, event: TraceEvent) {
        if let TraceEvent::Decision(decision) = &event {
            let kept = (self.events.len() < self.limit).then_some(self.events.len());
            self.decisions.push((kept, decision.clone()));
        }
        if self.events.len() < self.limit {
            self.events.push(Stamped { at, event });
        } else {
            self.dropped += 1;
        }
    }

    pub fn events(&self) -> &[Stamped] {
        &self.events
    }

    /// Events left out since the limit was reached.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    pub fn finish(self, settings: Settings) -> Trace {
        Trace {
            version: TRACE_VERSION,
            settings,
            events: self.events,
            dropped: self.dropped,
            real: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_site_survives_json_and_old_traces_still_load() {
        let stamped = Stamped {
            at: Instant::default(),
            event: TraceEvent::CallSite {
                frames: vec![Frame {
                    function: "greet".into(),
                    file: "/app/main.js".into(),
                    line: 2,
                    column: 14,
                }],
                via: "setTimeout".into(),
            },
        };
        let json = serde_json::to_string(&vec![stamped.clone()]).expect("JSON");
        let back: Vec<Stamped> = serde_json::from_str(&json).expect("loads");
        assert_eq!(back, [stamped]);
        let old = r#"[{"at":0,"type":"output","fd":1,"text":"hi\n"}]"#;
        assert_eq!(
            serde_json::from_str::<Vec<Stamped>>(old)
                .expect("loads")
                .len(),
            1
        );
    }
}
