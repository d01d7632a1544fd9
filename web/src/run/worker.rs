//! Runs off the page's thread. The page hands a run to a Web Worker (web/static/run-worker.js,
//! the same wasm module instantiated again) and receives it in parts as it grows, so the tab
//! keeps answering while code runs, progress shows, and Stop ends a run at once by terminating
//! the worker while keeping every part that arrived steppable.
use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::files::{RunSettings, SourceFile};
use crate::run::finished::RunData;
use crate::run::race::Race;
use crate::run::runner::{EngineRun, Part, Progress, Received, explore};
use looplab_core::Choice;

#[derive(Serialize, Deserialize)]
struct Request {
    files: Vec<SourceFile>,
    settings: RunSettings,
    /// The branches to force at the run's decisions: an order of a race the learner picked.
    #[serde(default)]
    choices: Vec<Choice>,
    /// Find the orders of the run's race, if it has one.
    #[serde(default)]
    explore: bool,
}

/// What the worker posts besides a part, as JSON text: small, so the page reads it at once and
/// leaves the parts unread until the run ends (reading them as they come would keep the page's
/// thread busy for as long as the run goes on).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct Meta {
    progress: Progress,
    status: Option<i32>,
    /// The run could not start (or the worker failed): the reason.
    failed: Option<String>,
    /// The orders the run's race can print, with the run's last part.
    race: Option<Race>,
}

/// The worker's side: runs one request to the end, posting a part after every step. A step
/// that never returns (a callback in an endless loop) must find every step before it already
/// posted, or Stop would leave nothing to step through; a time-sliced post cannot promise that.
#[wasm_bindgen(js_name = runInWorker)]
pub fn run_in_worker(request: &str) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = |meta: &Meta, part: Option<&Part>| {
        let message = js_sys::Object::new();
        let json = |v: Result<String, serde_json::Error>| JsValue::from_str(&v.unwrap_or_default());
        let _ = js_sys::Reflect::set(&message, &"meta".into(), &json(serde_json::to_string(meta)));
        if let Some(part) = part {
            let _ =
                js_sys::Reflect::set(&message, &"part".into(), &json(serde_json::to_string(part)));
        }
        let _ = scope.post_message(&message);
    };
    let fail = |reason: String| {
        post(
            &Meta {
                failed: Some(reason),
                ..Meta::default()
            },
            None,
        )
    };
    let request: Request = match serde_json::from_str(request) {
        Ok(r) => r,
        Err(e) => return fail(format!("a malformed run request: {e}")),
    };
    let performance = scope.performance();
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let started = now();
    let mut run = match EngineRun::start(&request.files, request.settings, &request.choices) {
        Ok(run) => run,
        Err(e) => return fail(e),
    };
    loop {
        let part = run.advance(|| false);
        let mut meta = Meta {
            progress: part.progress,
            status: part.status,
            ..Meta::default()
        };
        // A run with a race whose orders the page does not know yet: find them before the
        // last part, within about a second and a half of runs like this one. A run too long
        // for two more in that time (one that ran into a limit, say) is not explored.
        let fit = (EXPLORE_MS / (now() - started).max(1.0)) as usize;
        if meta.status.is_some() && request.explore && fit >= 2 && run.has_race() {
            meta.race = explore(&request.files, request.settings, fit.min(EXPLORE_RUNS));
        }
        post(&meta, Some(&part));
        if meta.status.is_some() {
            return;
        }
    }
}

/// The wall time exploring a race may take, in runs as long as the learner's.
const EXPLORE_MS: f64 = 1500.0;
/// At most this many runs (a race's branches are few).
const EXPLORE_RUNS: usize = crate::run::runner::EXPLORE_RUNS;

/// A run going on in a worker. Dropping it ends the run.
pub struct RunJob {
    worker: Worker,
    shared: Rc<RefCell<Shared>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

struct Shared {
    /// The parts as they arrived, unread.
    parts: Vec<String>,
    meta: Meta,
    files: Vec<SourceFile>,
    settings: RunSettings,
    /// When the worker last posted (performance.now()): a run silent for long is inside one
    /// callback that has not returned.
    heard_ms: f64,
    finished: bool,
}

thread_local! {
    /// A worker made ahead of the next run, its module already instantiating.
    static SPARE: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The module and the worker script index.html prepared; absent on pages that load the glue
/// without it (a test page), which then run on their own thread.
fn runner_setup() -> Option<(JsValue, String)> {
    let runner = js_sys::Reflect::get(&js_sys::global(), &"looplabRunner".into()).ok()?;
    let module = js_sys::Reflect::get(&runner, &"module".into()).ok()?;
    let url = js_sys::Reflect::get(&runner, &"worker".into())
        .ok()?
        .as_string()?;
    (!module.is_undefined()).then_some((module, url))
}

/// The worker index.html started for the first run, once.
fn prepared() -> Option<Worker> {
    let runner = js_sys::Reflect::get(&js_sys::global(), &"looplabRunner".into()).ok()?;
    let spare = js_sys::Reflect::get(&runner, &"spare".into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&runner.into(), &"spare".into());
    spare.dyn_into::<Worker>().ok()
}

fn spawn() -> Option<Worker> {
    let (module, url) = runner_setup()?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options).ok()?;
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"module".into(), &module).ok()?;
    worker.post_message(&message).ok()?;
    Some(worker)
}

impl RunJob {
    /// Starts `files` in a worker; None where the page cannot make one.
    pub fn start(
        files: &[SourceFile],
        settings: RunSettings,
        choices: &[Choice],
        explore: bool,
        on_done: yew::Callback<Rc<RunData>>,
    ) -> Option<RunJob> {
        let settings = settings.clamped();
        let worker = SPARE
            .with(|s| s.borrow_mut().take())
            .or_else(prepared)
            .or_else(spawn)?;
        let shared = Rc::new(RefCell::new(Shared {
            parts: Vec::new(),
            meta: Meta::default(),
            files: files.to_vec(),
            settings,
            heard_ms: crate::browser::now_ms(),
            finished: false,
        }));
        let on_message = {
            let shared = shared.clone();
            let on_done = on_done.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let field = |name: &str| {
                    js_sys::Reflect::get(&e.data(), &name.into())
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let meta = field("meta")
                    .and_then(|m| serde_json::from_str::<Meta>(&m).ok())
                    .unwrap_or_else(|| Meta {
                        failed: Some("an unreadable report".into()),
                        ..Meta::default()
                    });
                let mut s = shared.borrow_mut();
                s.heard_ms = crate::browser::now_ms();
                s.parts.extend(field("part"));
                s.meta = meta;
                let done = s.meta.status.is_some() || s.meta.failed.is_some();
                if done && !s.finished {
                    s.finished = true;
                    crate::browser::mark("looplab:run-received");
                    let run = Rc::new(s.finish(None));
                    drop(s);
                    on_done.emit(run);
                }
            })
        };
        let on_error = {
            let shared = shared.clone();
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                let mut s = shared.borrow_mut();
                if s.finished {
                    return;
                }
                s.finished = true;
                let run = Rc::new(s.finish(Some(failed(&e.message()))));
                drop(s);
                on_done.emit(run);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let request = serde_json::to_string(&Request {
            files: files.to_vec(),
            settings,
            choices: choices.to_vec(),
            explore,
        })
        .ok()?;
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &"request".into(), &request.into()).ok()?;
        worker.post_message(&message).ok()?;
        crate::browser::mark("looplab:run-sent");
        SPARE.with(|s| *s.borrow_mut() = spawn());
        Some(RunJob {
            worker,
            shared,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Milliseconds since the worker last reported: a long silence is one callback that has
    /// not returned.
    pub fn silent_ms(&self) -> f64 {
        crate::browser::now_ms() - self.shared.borrow().heard_ms
    }

    /// How far the run has got, as of its last part.
    pub fn progress(&self) -> Progress {
        self.shared.borrow().meta.progress
    }

    /// Ends the run now; the parts that arrived stay steppable.
    pub fn stop(self) -> RunData {
        self.worker.terminate();
        let mut s = self.shared.borrow_mut();
        s.finished = true;
        s.finish(None)
    }
}

impl Shared {
    fn finish(&mut self, notice: Option<String>) -> RunData {
        let mut received = Received::default();
        for part in self.parts.drain(..) {
            match serde_json::from_str::<Part>(&part) {
                Ok(part) => received.absorb(part),
                Err(e) => received.error = Some(failed(&format!("an unreadable part: {e}"))),
            }
        }
        if let Some(reason) = self.meta.failed.take() {
            received.error = Some(failed(&reason));
        }
        let mut run = received.into_run(&self.files, self.settings, notice);
        run.settings = self.settings;
        run.race = self.meta.race.take().map(Rc::new);
        run
    }
}

impl Drop for RunJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// A worker that failed was stopped by the engine itself (a trap: out of memory for a string or
/// array node would refuse with a RangeError, or a Looplab bug); the page and the parts survive.
fn failed(reason: &str) -> String {
    format!(
        "The run stopped: Looplab's JavaScript engine failed inside its own code ({reason}). Node \
         would have gone on or thrown an error here, for instance a RangeError for a string too \
         long for memory. What was recorded before is here to step through."
    )
}
