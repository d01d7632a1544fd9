//! Runs one script: asks the model for the next step and runs the JavaScript it names, until the
//! model says the process exited.
use std::cell::RefCell;
use std::rc::Rc;

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::{Context, JsError, JsObject, JsResult, JsString, JsValue, NativeFunction};

use crate::bindings::{self, arg_string};
use crate::host::{Host, HostRef, Output, Stream, WriteSite};
use crate::model::{EntryKind, Node, Settings, Step, Task};
use crate::options::RunOptions;
use crate::vfs::Vfs;
use crate::{Error, engine};

/// What a finished run printed and its exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    /// Writes in order, each tagged with its stream.
    pub output: Output,
    /// The exit code; 128 + the signal's number when a signal ended the process, as a shell shows.
    pub status: i32,
    /// The signal whose default action ended the process (`process.kill` of itself).
    pub signal: Option<i32>,
}

impl RunResult {
    fn joined(&self, stream: Stream) -> String {
        self.output
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, t)| t.as_str())
            .collect()
    }
    pub fn stdout(&self) -> String {
        self.joined(Stream::Stdout)
    }
    pub fn stderr(&self) -> String {
        self.joined(Stream::Stderr)
    }
}

/// Makes the backend a run's loop polls, from the run's settings.
pub type BackendFactory = Box<dyn FnOnce(&Settings) -> Box<dyn looplab_core::uv::Backend>>;

/// A script on the model, ready to step.
pub struct Runtime {
    context: Context,
    host: HostRef,
    dispatch: JsObject,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime").finish_non_exhaustive()
    }
}

fn internal_binding(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = arg_string(args, 0, context)?;
    match bindings::create(&name, context) {
        Some(obj) => Ok(obj.into()),
        None => Err(boa_engine::JsNativeError::error()
            .with_message(format!("No such binding: {name}"))
            .into()),
    }
}

impl Runtime {
    /// Sets up the engine and Node's globals on the simulated backend; the entry script runs on
    /// the first step.
    pub fn new(options: RunOptions, vfs: Vfs) -> Result<Self, Error> {
        Self::build(options, vfs, None)
    }

    /// The same on a backend of the caller's (`looplab run --real` passes the native one);
    /// `make` receives the settings, e.g. the pool size libuv would read.
    pub fn with_backend(
        options: RunOptions,
        vfs: Vfs,
        make: BackendFactory,
    ) -> Result<Self, Error> {
        Self::build(options, vfs, Some(make))
    }

    fn build(
        options: RunOptions,
        vfs: Vfs,
        backend: Option<BackendFactory>,
    ) -> Result<Self, Error> {
        let entry = if crate::esm::is_module_entry(&vfs, &options.script) {
            EntryKind::Module
        } else {
            EntryKind::CommonJs
        };
        // libuv reads UV_THREADPOOL_SIZE at the first use of the pool; --threadpool stands in for it.
        let threadpool_env = options
            .env
            .get("UV_THREADPOOL_SIZE")
            .cloned()
            .or_else(|| Some(options.threadpool_size.to_string()));
        let mut settings = Settings {
            threadpool_env,
            cores: options.cores as u32,
            entry,
            choices: options.choices.clone(),
            ..Settings::default()
        };
        settings.limits.max_tasks = options.limits.max_callbacks;
        settings.limits.max_trace_events = options.limits.max_trace_events;
        settings.limits.max_virtual_time =
            crate::model::Duration::from_millis(options.limits.max_virtual_ms);
        let node = match backend {
            Some(make) => Node::with_backend(make(&settings), settings),
            None => Node::simulated(settings),
        };
        let host: HostRef = Rc::new(RefCell::new(Host::new(node, vfs, options)));
        let mut context = engine::build(&host);
        let binding = FunctionObjectBuilder::new(
            context.realm(),
            NativeFunction::from_fn_ptr(internal_binding),
        )
        .name(JsString::from("internalBinding"))
        .length(1)
        .build();
        let bootstrap = bindings::compile_builtin_fn("internal/looplab/bootstrap", &mut context)
            .map_err(|e| Error::Bootstrap(e.to_string()))?;
        let module = JsObject::with_null_proto();
        let args = [
            JsValue::undefined(),
            JsValue::undefined(),
            module.clone().into(),
            binding.into(),
        ];
        let dispatch = bootstrap
            .call(&JsValue::undefined(), &args, &mut context)
            .and_then(|_| module.get(JsString::from("exports"), &mut context))
            .map_err(|e| Error::Bootstrap(e.to_string()))?;
        let dispatch = dispatch
            .as_object()
            .ok_or_else(|| Error::Bootstrap("bootstrap returned no dispatch object".into()))?
            .clone();
        // Node's own start-up is in the model's cost of the main script; the learner's work
        // starts here.
        host.borrow_mut().work_mark = context.instructions_remaining();
        Ok(Runtime {
            context,
            host,
            dispatch,
        })
    }

    /// Runs to the end and returns what was printed and the exit status.
    pub fn run(mut self) -> RunResult {
        loop {
            if let Some(status) = self.step() {
                let output = std::mem::take(&mut self.host.borrow_mut().output);
                let signal = self.killed_by();
                return RunResult {
                    output,
                    status,
                    signal,
                };
            }
        }
    }

    /// The run's trace so far: the settings, the model's events and how many the limit left out.
    pub fn trace(&self) -> looplab_core::Trace {
        let host = self.host.borrow();
        looplab_core::Trace {
            version: looplab_core::trace::TRACE_VERSION,
            settings: host.node.settings().clone(),
            events: host.node.events().to_vec(),
            dropped: host.node.uv().tracer().dropped(),
            real: false,
        }
    }

    /// The model's events from index `start` on: a run that reports as it goes sends each once.
    pub fn events_from(&self, start: usize) -> Vec<looplab_core::trace::Stamped> {
        let host = self.host.borrow();
        host.node.events().get(start..).unwrap_or_default().to_vec()
    }

    /// The run's decisions so far, each with its index among the trace's events if kept.
    pub fn decisions(&self) -> Vec<(Option<usize>, looplab_core::Decision)> {
        self.host.borrow().node.uv().tracer().decisions().to_vec()
    }

    /// The model's virtual time now (the loop's high-resolution clock).
    pub fn virtual_now(&self) -> looplab_core::Instant {
        self.host.borrow().node.uv().hrtime()
    }

    /// The run's trace as JSON (the model's events).
    pub fn trace_json(&self) -> String {
        serde_json::to_string_pretty(self.host.borrow().node.events())
            .unwrap_or_else(|_| "[]".into())
    }

    /// The signal whose default action ended the process, once one did: the CLI ends the same way.
    pub fn killed_by(&self) -> Option<i32> {
        self.host.borrow().node.life().killed_by()
    }

    /// Output written since the last call (the CLI streams it).
    pub fn take_output(&mut self) -> Output {
        self.take_output_sites().0
    }

    /// The same, with where each entry was written (for a trace: `OutputLog::record`).
    pub fn take_output_sites(&mut self) -> (Output, Vec<WriteSite>) {
        let mut host = self.host.borrow_mut();
        let sites = std::mem::take(&mut host.sites);
        (std::mem::take(&mut host.output), sites)
    }

    /// One model step; `Some(status)` once the process has exited.
    pub fn step(&mut self) -> Option<i32> {
        let step = {
            let mut host = self.host.borrow_mut();
            // The host's own limit: its message is written; the model has no more steps to take.
            if host.stopped() {
                return Some(1);
            }
            host.node.poll_step()
        };
        let task = match step {
            Step::Exit(code) => return Some(code),
            Step::Halt(message) => {
                let mut host = self.host.borrow_mut();
                host.output
                    .push((Stream::Stderr, format!("looplab: {message}\n")));
                return Some(1);
            }
            Step::Run(task) => task,
        };
        let started = Started {
            at: self.host.borrow().node.uv().hrtime(),
            budget: self.context.instructions_remaining(),
            task,
        };
        self.host.borrow_mut().async_context.enter(task);
        self.host.borrow_mut().tell_vfs_the_time();
        let result = self.run_task(task);
        self.host.borrow_mut().forward_fs_changes();
        self.host.borrow_mut().async_context.current = JsValue::undefined();
        let remaining = self.context.instructions_remaining();
        self.host.borrow_mut().charge_work(remaining);
        if let Err(err) = result {
            self.uncaught(err, started);
        }
        None
    }

    fn call(&mut self, method: &str, args: &[JsValue]) -> JsResult<JsValue> {
        let f = self
            .dispatch
            .get(JsString::from(method), &mut self.context)?;
        let f = f.as_callable().expect("dispatch methods are functions");
        f.call(&JsValue::undefined(), args, &mut self.context)
    }

    fn run_task(&mut self, task: Task) -> JsResult<JsValue> {
        // Integers, not floats: Boa turns a float key into a string on every `slots[id]`.
        let id = |n: u64| JsValue::from(n);
        match task {
            Task::Main => self.call("main", &[]),
            Task::Timeout(t) => self.call("timeout", &[id(t.0)]),
            Task::Immediate(i) => self.call("immediate", &[id(i.0)]),
            Task::Tick(t) => self.call("tick", &[id(t.0)]),
            Task::RequestDone(r) => self.call("request", &[id(u64::from(r.0))]),
            Task::BeforeExit => self.call("beforeExit", &[]),
            Task::PromiseRejections => self.call("rejections", &[]),
            Task::Exit => {
                let code = self.call("exit", &[])?;
                let code = code.to_i32(&mut self.context).unwrap_or(0);
                self.host.borrow_mut().node.set_exit_code(code);
                Ok(JsValue::undefined())
            }
            Task::Io(h, event) => {
                self.host
                    .borrow_mut()
                    .node
                    .uv_mut()
                    .record(looplab_core::TraceEvent::IoReady { handle: h, event });
                let writable = event == looplab_core::uv::IoEvent::Writable;
                self.call("io", &[id(u64::from(h.0)), JsValue::from(writable)])
            }
            Task::Pending(h) => self.call("pending", &[id(u64::from(h.0))]),
            Task::Close(h) => self.call("close", &[id(u64::from(h.0))]),
            Task::Signal(h, signum) => {
                self.call("signal", &[id(u64::from(h.0)), JsValue::from(signum)])
            }
            Task::FsEvent(h, n) => self.call("fsEvent", &[id(u64::from(h.0)), id(n)]),
            Task::FsPoll(h) => self.call("fsPoll", &[id(u64::from(h.0))]),
            Task::Microtask(m) => {
                let job = self.host.borrow_mut().jobs.remove(&m);
                match job {
                    Some(boa_engine::job::Job::PromiseJob(j)) => j.call(&mut self.context),
                    Some(boa_engine::job::Job::GenericJob(j)) => j.call(&mut self.context),
                    Some(boa_engine::job::Job::AsyncJob(j)) => {
                        crate::esm::run_async_job(j, &mut self.context)
                    }
                    _ => Ok(JsValue::undefined()),
                }
            }
        }
    }

    /// An error escaped a callback (which started at `started`): process.exit's unwinding, a
    /// stated limit, or Node's fatal path.
    fn uncaught(&mut self, err: JsError, started: Started) {
        // A run already stopped by a limit (its message is waiting) reports nothing more: the
        // first limit reached is the cause, e.g. the output limit before the instruction limit.
        if !self.host.borrow().node.life().is_running() {
            return;
        }
        if let Some(engine_err) = err.as_engine() {
            let frames = crate::call_site::error_frames(&err.to_string());
            let mut host = self.host.borrow_mut();
            let budget =
                usize::try_from(host.options.limits.max_instructions).unwrap_or(usize::MAX);
            let limit = EngineLimit {
                ran: host.node.uv().hrtime() - started.at,
                // The budget is the run's: a callback that used most of it is one that never
                // returns; otherwise the run as a whole did too much.
                whole_run: started.budget < budget / 2,
                runaway: host.node.runaway(started.task),
                place: frames.first().map(|f| {
                    let file = f.file.rsplit('/').next().unwrap_or(&f.file);
                    match f.function.as_str() {
                        "" => format!("in {file}'s top-level code"),
                        name => format!("in {name}(), {file}"),
                    }
                }),
            };
            let message = limit.message(engine_err);
            host.stop(message);
            return;
        }
        let value = err.into_opaque(&mut self.context).unwrap_or_default();
        if let Err(e) = self.call("fatal", &[value])
            && self.host.borrow().node.life().is_running()
        {
            let mut host = self.host.borrow_mut();
            host.write(
                Stream::Stderr,
                &format!("looplab: error while reporting an error: {e}\n"),
            );
            host.node.exit(7);
        }
    }
}

/// Where a callback began, for what the engine reports if it never returns.
#[derive(Clone, Copy)]
struct Started {
    at: looplab_core::Instant,
    /// The engine's instruction budget left when the callback began.
    budget: usize,
    task: Task,
}

/// What the engine's stop is about.
struct EngineLimit {
    ran: looplab_core::Duration,
    whole_run: bool,
    runaway: looplab_core::node::Runaway,
    /// The learner's function that was running (`in spin(), main.js`). Not its line: the
    /// engine knows positions only where code calls something, so a loop's line is not known.
    place: Option<String>,
}

impl EngineLimit {
    /// What the learner reads when the engine stopped the run.
    fn message(self, err: &boa_engine::error::EngineError) -> String {
        use boa_engine::error::{EngineError, RuntimeLimitError};
        use looplab_core::node::Runaway;
        match underlying(err) {
            EngineError::RuntimeLimit(
                RuntimeLimitError::Recursion | RuntimeLimitError::StackSize,
            ) => "RangeError: Maximum call stack size exceeded (looplab's recursion limit)".into(),
            EngineError::NoInstructionsRemain if self.whole_run => format!(
                "looplab: stopped: the run did as much JavaScript work as one run may: {}",
                self.runaway
            ),
            EngineError::NoInstructionsRemain
            | EngineError::RuntimeLimit(RuntimeLimitError::LoopIteration) => {
                let at = self.place.map(|p| format!(" ({p})")).unwrap_or_default();
                let never = Runaway::NeverReturns {
                    ms: self.ran.as_millis(),
                };
                format!("looplab: stopped{at}: {never}")
            }
            other => format!("looplab: the JavaScript engine failed: {other}"),
        }
    }
}

/// The engine error behind an engine "panic" that only wraps it: an async function that recurses
/// too deep fails to make its promise ("cannot fail per spec") because of the recursion limit.
fn underlying(err: &boa_engine::error::EngineError) -> &boa_engine::error::EngineError {
    use boa_engine::error::EngineError;
    let mut err = err;
    while let EngineError::Panic(panic) = err {
        // The source is the wrapped `JsError`, boxed.
        let inner = std::error::Error::source(panic).and_then(|s| {
            s.downcast_ref::<JsError>()
                .or_else(|| s.downcast_ref::<Box<JsError>>().map(|b| &**b))
                .and_then(JsError::as_engine)
        });
        match inner {
            Some(inner) => err = inner,
            None => break,
        }
    }
    err
}
