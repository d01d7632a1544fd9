//! A sentence for every step: what happened and the rule behind it, with where the rule comes from.
use crate::view::replay::View;
use looplab_core::node::Task;
use looplab_core::trace::{
    AliveReason, EsmPhase, ModuleFormat, PollReason, QueueName, ThreadId, TraceEvent,
};
use looplab_core::uv::{
    DefaultAction, HandleId, HandleKind, Phase, RequestId, RequestKind, RunMode,
};

fn handle_name(view: &View, id: HandleId) -> String {
    view.handles
        .get(&id)
        .map_or_else(|| format!("handle #{}", id.0), |h| h.label.clone())
}

fn request_name(view: &View, id: RequestId) -> String {
    view.requests
        .get(&id)
        .map_or_else(|| format!("request #{}", id.0), |r| r.label.clone())
}

/// `SIGINT`, or `signal 40` for one without a name.
fn signal(signum: i32) -> String {
    looplab_core::uv::signal_name(signum).map_or_else(|| format!("signal {signum}"), str::to_string)
}

/// A handle kind as libuv's docs name it (`uv_timer_t` is a "timer").
pub fn handle_kind_name(kind: HandleKind) -> &'static str {
    match kind {
        HandleKind::Timer => "timer",
        HandleKind::Idle => "idle",
        HandleKind::Prepare => "prepare",
        HandleKind::Check => "check",
        HandleKind::Async => "async",
        HandleKind::Tcp => "TCP",
        HandleKind::Signal => "signal",
        HandleKind::FsEvent => "fs event",
        HandleKind::FsPoll => "fs poll",
    }
}

/// A request kind in words.
pub fn request_kind_name(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Fs => "file system",
        RequestKind::Work => "pool work",
        RequestKind::GetAddrInfo => "DNS lookup",
        RequestKind::Connect => "connect",
        RequestKind::Write => "write",
        RequestKind::Shutdown => "shutdown",
    }
}

fn run_mode_name(mode: RunMode) -> &'static str {
    match mode {
        RunMode::Default => "default",
        RunMode::Once => "once",
        RunMode::NoWait => "no-wait",
    }
}

fn thread_name(t: ThreadId) -> String {
    match t {
        ThreadId::Main => "the main thread".into(),
        ThreadId::Worker(i) => format!("pool thread {i}"),
    }
}

fn phase_rule(phase: Phase) -> &'static str {
    match phase {
        Phase::Timers => {
            "runs the libuv timers that are due; Node has one, which runs every due setTimeout/setInterval callback (lib/internal/timers.js processTimers). Since libuv 1.45 this comes at the end of each iteration (libuv#3927)."
        }
        Phase::Pending => {
            "runs callbacks libuv deferred from the last iteration (some TCP errors and writes)."
        }
        Phase::Idle => {
            "runs idle handles. Node starts one while ref'd setImmediate callbacks wait, only so that poll will not block."
        }
        Phase::Prepare => "runs prepare handles, just before the loop polls for I/O.",
        Phase::Poll => {
            "asks the OS (epoll) what is ready and runs I/O callbacks; finished thread-pool work arrives here through the loop's async handle, and caught signals through its signal pipe."
        }
        Phase::Check => {
            "runs check handles: Node's runs every setImmediate callback queued before this phase began (processImmediate)."
        }
        Phase::Close => {
            "runs close callbacks, newest first (uv__run_closing_handles walks a stack)."
        }
    }
}

fn poll_reason(reason: PollReason) -> &'static str {
    match reason {
        PollReason::NoWaitMode => "the loop runs in NOWAIT mode",
        PollReason::Stopped => "uv_stop() was called",
        PollReason::NothingActive => {
            "no ref'd handle or request is active, so there is nothing to wait for"
        }
        PollReason::PendingCallbacks => "pending callbacks are waiting",
        PollReason::IdleHandles => {
            "an idle handle is active (Node's, because setImmediate callbacks wait)"
        }
        PollReason::ClosingHandles => "handles are closing",
        PollReason::NextTimer => "that is when the earliest timer is due",
        PollReason::TimerDue => "a timer is already due",
        PollReason::NoTimers => "no timer is pending, so only I/O can wake the loop",
    }
}

/// A task in words: "setTimeout callback #1 (10 ms)".
pub fn task_name(task: Task, view: &View) -> String {
    match task {
        Task::Main => "the entry script".into(),
        Task::Timeout(id) => match view.timeouts.get(&id.0) {
            Some(t) if t.repeat => {
                format!("setInterval callback #{} (every {} ms)", id.0, t.after_ms)
            }
            Some(t) => format!("setTimeout callback #{} ({} ms)", id.0, t.after_ms),
            None => format!("timer #{}", id.0),
        },
        Task::Immediate(id) => format!("setImmediate callback #{}", id.0),
        Task::Tick(id) => format!("process.nextTick callback #{}", id.0),
        Task::Microtask(id) => format!("promise job #{}", id.0),
        Task::RequestDone(r) => format!("the callback of {}", request_name(view, r)),
        Task::Io(h, _) => format!("the I/O callback of {}", handle_name(view, h)),
        Task::Pending(h) => format!("the deferred callback of {}", handle_name(view, h)),
        Task::Close(h) => format!("the close callback of {}", handle_name(view, h)),
        Task::Signal(h, signum) => format!(
            "the {} callback of {}",
            signal(signum),
            handle_name(view, h)
        ),
        Task::FsEvent(h, _) => format!("the change callback of {}", handle_name(view, h)),
        Task::FsPoll(h) => format!(
            "the stat {} issues as its timer expires",
            handle_name(view, h)
        ),
        Task::PromiseRejections => "the unhandled-rejection check".into(),
        Task::BeforeExit => "process 'beforeExit' listeners".into(),
        Task::Exit => "process 'exit' listeners".into(),
    }
}

fn queue_name(queue: QueueName) -> &'static str {
    match queue {
        QueueName::NextTick => "the nextTick queue",
        QueueName::Microtask => "the microtask queue",
        QueueName::Timers => "Node's timer lists",
        QueueName::Immediate => "the immediate queue",
        QueueName::Pending => "the pending queue",
        QueueName::Closing => "the closing handles",
        QueueName::Threadpool => "the thread pool's queue",
    }
}

/// The sentence for `event`, given the view just before it. `None` for bookkeeping events that the
/// neighbouring sentences already tell.
pub fn narrate(event: &TraceEvent, view: &View) -> Option<String> {
    Some(match event {
        TraceEvent::RunStart { mode } => format!("uv_run starts in {} mode: Node spins the loop until nothing keeps it alive (src/api/embed_helpers.cc).", run_mode_name(*mode)),
        TraceEvent::RunEnd { alive } => format!("uv_run returns; the loop is {}.", if *alive { "still alive" } else { "no longer alive" }),
        TraceEvent::PhaseEnter { phase, iteration } if *iteration == 0 => format!("Before the first iteration, uv_run(DEFAULT) runs due timers once (kept for compatibility): the {} phase {}", phase.name(), phase_rule(*phase)),
        TraceEvent::PhaseEnter { phase, iteration } => format!("Iteration {iteration}, {} phase: it {}", phase.name(), phase_rule(*phase)),
        TraceEvent::PhaseLeave { .. } | TraceEvent::PollWake { .. } | TraceEvent::WorkQueued { .. } => return None,
        TraceEvent::TimeUpdate { loop_ms } => format!("The loop's cached clock moves to {loop_ms} ms (uv__update_time: libuv reads the clock only at set points)."),
        TraceEvent::PollWait { timeout_ms: Some(0), reason } => format!("Poll does not block: {}.", poll_reason(*reason)),
        TraceEvent::PollWait { timeout_ms: Some(ms), reason } => format!("Poll blocks for up to {ms} ms: {} (uv_backend_timeout).", poll_reason(*reason)),
        TraceEvent::PollWait { timeout_ms: None, reason } => format!("Poll blocks until something is ready: {}.", poll_reason(*reason)),
        TraceEvent::AliveCheck { alive: true, reasons, .. } => {
            let names: Vec<String> = reasons
                .iter()
                .map(|r| match r {
                    AliveReason::Handle(h) => handle_name(view, *h),
                    AliveReason::Request(r) => request_name(view, *r),
                    AliveReason::PendingCallbacks => "pending callbacks".into(),
                    AliveReason::ClosingHandles => "closing handles".into(),
                })
                .collect();
            format!("The loop is alive: {} (uv_loop_alive counts ref'd active handles and requests in flight).", names.join(", "))
        }
        TraceEvent::AliveCheck { alive: false, .. } => "Nothing ref'd is active and no request is in flight: the loop is not alive.".into(),
        TraceEvent::HandleInit { handle_kind, label, .. } => format!("A {} handle is created: {label}.", handle_kind_name(*handle_kind)),
        TraceEvent::HandleStart { handle } => format!("{} starts; while active and ref'd it keeps the loop alive.", handle_name(view, *handle)),
        TraceEvent::HandleStop { handle } => format!("{} stops.", handle_name(view, *handle)),
        TraceEvent::HandleRef { handle, refed: true } => format!("{} is ref'd: it counts towards keeping the process alive.", handle_name(view, *handle)),
        TraceEvent::HandleRef { handle, refed: false } => format!("{} is unref'd: it no longer keeps the process alive on its own.", handle_name(view, *handle)),
        TraceEvent::HandleClosing { handle } => format!("uv_close({}): its close callback will run in the close phase.", handle_name(view, *handle)),
        TraceEvent::HandleClosed { handle } => format!("{} is closed.", handle_name(view, *handle)),
        TraceEvent::RequestSubmit { label, request_kind, .. } => format!("A {} request starts: {label}. Requests are short-lived and keep the loop alive while in flight.", request_kind_name(*request_kind)),
        TraceEvent::RequestDone { request, error: None } => format!("{} is done; its callback runs now.", request_name(view, *request)),
        TraceEvent::RequestDone { request, error: Some(code) } => format!("{} fails with {code}; its callback runs now and is given the error.", request_name(view, *request)),
        TraceEvent::UvCallback { phase, handle, request } => match (handle, request) {
            (_, Some(r)) => format!("In the {} phase the thread pool's async handle delivers {}.", phase.name(), request_name(view, *r)),
            (Some(h), None) => format!("libuv calls back {} in the {} phase.", handle_name(view, *h), phase.name()),
            _ => return None,
        },
        TraceEvent::TaskStart { task } => match task {
            Task::Tick(_) => format!("Run {}: after every callback Node drains all nextTicks, then all promise jobs (processTicksAndRejections).", task_name(*task, view)),
            Task::Microtask(_) => format!("Run {}: promise jobs run after the nextTick queue is empty, all of them before anything else.", task_name(*task, view)),
            _ => format!("JavaScript runs: {}.", task_name(*task, view)),
        },
        TraceEvent::TaskEnd { task } => format!("{} returns.", task_name(*task, view)),
        TraceEvent::QueuePush { queue, id } => format!("#{id} joins {}.", queue_name(*queue)),
        TraceEvent::QueuePop { .. } => return None,
        // Where the code was is drawn (the call stack, the running line), not said.
        TraceEvent::CallSite { .. } => return None,
        TraceEvent::Decision(d) if d.chosen == looplab_core::Choice::Natural => format!("Timing decides here: {} (on another machine, {}). {}", d.natural, d.alternative, d.why),
        TraceEvent::Decision(d) => format!("Timing decides here: {} (this run takes the other branch; the model's own timing gives: {}). {}", d.alternative, d.natural, d.why),
        TraceEvent::QueueRemove { queue, id } => format!("#{id} is removed from {} (cleared).", queue_name(*queue)),
        TraceEvent::TimeoutInit { id, after_ms, repeat, .. } => format!("{} #{id} for {after_ms} ms goes into the {after_ms} ms list (one list per duration).", if *repeat { "setInterval" } else { "setTimeout" }),
        TraceEvent::TimeoutRef { id, refed } => format!("Timer #{id} is {}.", if *refed { "ref'd" } else { "unref'd: it will not keep the process alive" }),
        TraceEvent::TimerSchedule { due_ms, refed } => format!("Node arms its single libuv timer for {due_ms} ms, the earliest list's expiry{}.", if *refed { "" } else { " (unref'd: only unref'd timers remain)" }),
        TraceEvent::WorkerStart { worker, request } => format!("Pool thread {worker} takes {} from the queue.", request_name(view, *request)),
        TraceEvent::WorkerDone { worker, request } => format!("Pool thread {worker} finishes {}; it signals the loop (uv_async_send) and the callback waits for the poll phase.", request_name(view, *request)),
        TraceEvent::CoreSwitch { core, from: Some(from), to: Some(to) } => format!("Context switch on core {core}: {} is preempted and {} runs (more runnable threads than cores).", thread_name(*from), thread_name(*to)),
        TraceEvent::CoreSwitch { core, from: None, to: Some(to) } => format!("{} gets core {core}.", thread_name(*to)),
        TraceEvent::CoreSwitch { core, from: Some(from), to: None } => format!("{} leaves core {core}.", thread_name(*from)),
        TraceEvent::CoreSwitch { .. } => return None,
        TraceEvent::BeforeExit { .. } => "The loop is empty: Node emits 'beforeExit'; if a listener schedules work, the loop runs again.".into(),
        TraceEvent::Exit { code } => format!("The process exits with code {code}."),
        TraceEvent::Halt { message } => message.clone(),
        TraceEvent::ModuleProbe { path, found: true } => format!("The loader looks at {path}: it is there."),
        TraceEvent::ModuleProbe { path, found: false } => format!("The loader looks at {path}: nothing there, so it tries the next candidate (doc/api/modules.md \"All together\")."),
        TraceEvent::ModuleResolve { request, resolved: Some(to), .. } => format!("'{request}' resolves to {to}."),
        TraceEvent::ModuleResolve { request, resolved: None, .. } => format!("'{request}' resolves to nothing: every candidate was missing, so loading fails."),
        TraceEvent::ModuleCacheHit { path } => format!("{path} is already in the module cache: its exports are reused and its code does not run again (Module._load; for ES modules the module map)."),
        TraceEvent::ModuleWrapperCall { path } => format!("Node wraps {path} in (function (exports, require, module, __filename, __dirname) {{ ... }}) and calls it with this = module.exports; the cache entry already exists, so a cycle sees the exports filled in so far."),
        TraceEvent::ModuleEvalStart { path, format } => format!("{path} starts running ({}).", match format {
            ModuleFormat::Commonjs => "CommonJS",
            ModuleFormat::Module => "ES module: its imports were linked first and have run already",
            ModuleFormat::Json => "JSON",
            ModuleFormat::Builtin => "built-in",
        }),
        TraceEvent::ModuleEvalEnd { path, ok: true } => format!("{path} finished running; module.loaded is true for CommonJS."),
        TraceEvent::ModuleEvalEnd { path, ok: false } => format!("{path} threw while running; a CommonJS module is removed from the cache again."),
        TraceEvent::EsmPhase { phase: EsmPhase::Construction, root } => format!("Construction of the graph from {root}: each module is resolved, fetched and parsed, and its imports found, before any code runs (ModuleJob._link)."),
        TraceEvent::EsmPhase { phase: EsmPhase::Linking, root } => format!("Linking the graph from {root}: every import is bound to the export it names, live, so an importer sees later assignments (ECMA-262 InnerModuleLinking)."),
        TraceEvent::EsmPhase { phase: EsmPhase::Evaluation, root } => format!("Evaluating the graph from {root}: modules run depth first, imports before importers, each once (ECMA-262 InnerModuleEvaluation)."),
        TraceEvent::EsmEdge { from, to, specifier } => format!("{from} imports '{specifier}', which is {to}."),
        TraceEvent::EsmSuspended { path } => format!("{path} reached a top-level await and suspends; modules that do not depend on it go on, and it resumes from a promise job."),
        TraceEvent::Output { fd, text } => format!("The script writes to {}: {}", if *fd == 2 { "stderr" } else { "stdout" }, text.trim_end()),
        TraceEvent::IoInterest { handle, readable, writable } => match (readable, writable) {
            (false, false) => format!("{} leaves the poller's interest list (uv__io_stop).", handle_name(view, *handle)),
            _ => format!("The poller now watches {} for {} (uv__io_start: epoll_ctl).", handle_name(view, *handle), match (readable, writable) { (true, true) => "readable and writable", (true, false) => "readable", _ => "writable" }),
        },
        TraceEvent::IoReady { handle, event } => format!("epoll reports {} {}: libuv calls its I/O callback in the poll phase (uv__io_poll).", handle_name(view, *handle), match event { looplab_core::uv::IoEvent::Readable => "readable", looplab_core::uv::IoEvent::Writable => "writable" }),
        TraceEvent::SocketOpen { handle, local_port, listening: true, .. } => format!("{} listens on port {local_port}: a listening handle, active while the server is open.", handle_name(view, *handle)),
        TraceEvent::SocketOpen { handle, local_port, remote_port, .. } => format!("{} is connected: local port {local_port}, remote port {remote_port}.", handle_name(view, *handle)),
        TraceEvent::SocketData { handle, direction: looplab_core::trace::Direction::Read, bytes, total, .. } => format!("{} reads {} bytes (uv__read: read() until it would block).", handle_name(view, *handle), total.unwrap_or(bytes.len() as u64)),
        TraceEvent::SocketData { handle, direction: looplab_core::trace::Direction::Write, bytes, request: None, total } => format!("{} writes {} bytes; the kernel takes them at once (uv_try_write), so no write request waits.", handle_name(view, *handle), total.unwrap_or(bytes.len() as u64)),
        TraceEvent::SocketData { handle, bytes, total, .. } => format!("{} writes {} bytes from its queued write request, now that the socket is writable.", handle_name(view, *handle), total.unwrap_or(bytes.len() as u64)),
        TraceEvent::SocketEnd { handle, error: None } => format!("{} reads end of stream: the peer sent FIN (UV_EOF; Node emits 'end').", handle_name(view, *handle)),
        TraceEvent::SocketEnd { handle, error: Some(code) } => format!("{}'s read fails with {code}; Node destroys the socket with that error.", handle_name(view, *handle)),
        TraceEvent::SignalWatch { handle, signum } => format!("{} catches {}: libuv's handler will only write it to the loop's signal pipe, read in the poll phase (uv_signal_start). Node unrefs it: a signal listener alone does not keep the process alive.", handle_name(view, *handle), signal(*signum)),
        TraceEvent::SignalSend { pid, signum: 0 } => format!("process.kill checks that process {pid} exists: signal 0 is never delivered (uv_kill)."),
        TraceEvent::SignalSend { pid, signum } => format!("process.kill sends {} to process {pid} (uv_kill); the kernel delivers it at once.", signal(*signum)),
        TraceEvent::FsEventWatch { handle, path } => format!("{} watches {path}: inotify will queue an event for each change to it, read in the poll phase (uv_fs_event_start). While it watches it keeps the process alive, unless unref'd (persistent: false).", handle_name(view, *handle)),
        TraceEvent::FsEventDeliver { handle, kind, filename } => format!("The poll phase reads a '{}' event for {filename} from inotify: libuv calls {}, and Node emits 'change' on the watcher (uv__inotify_read, fs_event_wrap.cc).", kind.name(), handle_name(view, *handle)),
        TraceEvent::SignalDeliver { handle, signum } => format!("The poll phase reads {} from the signal pipe: libuv calls {}, and Node emits it to the process's listeners (uv__signal_event, signal_wrap.cc).", signal(*signum), handle_name(view, *handle)),
        TraceEvent::SignalDefault { signum, action: DefaultAction::Terminate } => format!("Nothing catches {}: its default action ends the process at once, without 'exit' listeners (a shell sees status {}).", signal(*signum), 128 + signum),
        TraceEvent::SignalDefault { signum, action: DefaultAction::Ignore } => format!("Nothing catches {}: its default action is to ignore it.", signal(*signum)),
        TraceEvent::SignalDefault { signum, action: DefaultAction::Stop } => format!("Nothing catches {}: its default action stops the process until a SIGCONT.", signal(*signum)),
    })
}
