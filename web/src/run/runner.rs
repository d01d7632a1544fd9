//! Runs a scenario's files once and hands the page a `RunData` to step through.
//!
//! With the `js` feature the files run on looplab-js (Boa hosting Node's built-ins) under the page's
//! limits, so a runaway script stops with a message instead of freezing the tab. Without it, only the
//! built-in demo runs (on the model with Rust closures for callbacks).
#![cfg_attr(feature = "js", allow(dead_code))]
use crate::files::{RunSettings, SourceFile};
use crate::run::demo_host;
use crate::run::finished::RunData;
use looplab_core::Choice;

fn is_demo(files: &[SourceFile]) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    files.len() == 1 && squash(&files[0].text) == squash(demo_host::DEMO_SOURCE)
}

/// Runs `files` with the branches `choices` forces at the run's decisions (empty: the model's
/// own timing everywhere).
pub fn run(files: &[SourceFile], settings: RunSettings, choices: &[Choice]) -> RunData {
    let settings = settings.clamped();
    // The demo's Rust stand-in is for builds without an engine; with one, the real code runs.
    let mut data = if !cfg!(feature = "js") && is_demo(files) {
        RunData::new(demo_host::run(settings.to_core()), None)
    } else {
        engine::run(files, settings, choices)
    };
    data.settings = settings;
    data
}

#[cfg(all(feature = "js", target_arch = "wasm32"))]
pub use engine::{EXPLORE_RUNS, EngineRun, Part, Received, explore};

/// How far a run has got: what the page shows while it goes on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Trace events recorded.
    pub events: usize,
    /// Callbacks run (the main script is the first).
    pub tasks: usize,
    /// The model's virtual time, in microseconds.
    pub virtual_us: u64,
}

#[cfg(feature = "js")]
mod engine {
    use super::*;
    use crate::run::race::{Race, RaceOrder};
    use looplab_core::Instant;
    use looplab_core::trace::{Stamped, TRACE_VERSION, Trace, TraceEvent};
    use looplab_js::{Limits, OutputLog, RunOptions, Runtime, Vfs, output_event};
    use serde::{Deserialize, Serialize};

    /// Where the page keeps a scenario's files in the virtual file system.
    pub const APP_DIR: &str = "/app";

    /// The entry file's path: an ES-module entry is a `.mjs` file, as Node decides by extension.
    pub fn entry_path(files: &[SourceFile], settings: RunSettings) -> String {
        let name = files.first().map_or("main.js", |f| f.name.as_str());
        match (settings.entry, name.strip_suffix(".js")) {
            (crate::files::Entry::Esm, Some(stem)) => format!("{APP_DIR}/{stem}.mjs"),
            _ => format!("{APP_DIR}/{name}"),
        }
    }

    /// Tighter than the CLI's: a learner's scenario is small, and a run must end on its own
    /// in seconds even when nobody presses Stop.
    fn page_limits() -> Limits {
        Limits {
            max_instructions: 300_000_000,
            recursion: 1_000,
            // The library's largest scenario runs 259 callbacks; past this many a run is a
            // runaway, and its trace (some 30 events a callback) takes the page's thread a
            // moment to lay out when the run ends.
            max_callbacks: 5_000,
            max_virtual_ms: 10 * 60 * 1000,
            max_output_bytes: 256 * 1024,
            // The page steps through the whole trace: it keeps every event up to the usual limit.
            ..Limits::default()
        }
    }

    pub fn run(files: &[SourceFile], settings: RunSettings, choices: &[Choice]) -> RunData {
        let mut received = Received::default();
        let mut race = None;
        match EngineRun::start(files, settings, choices) {
            Ok(mut run) => {
                while received.status.is_none() {
                    received.absorb(run.advance(|| true));
                }
                if choices.is_empty() && run.has_race() {
                    race = explore(files, settings, EXPLORE_RUNS);
                }
            }
            Err(error) => received.error = Some(error),
        }
        let mut data = received.into_run(files, settings, None);
        data.race = race.map(std::rc::Rc::new);
        data
    }

    /// At most this many runs explore a race's orders: a race's branches are few, and a run
    /// the learner waits for must not grow much longer for them.
    pub const EXPLORE_RUNS: usize = 32;

    /// The options to run the page's files with, forcing `choices` at the run's decisions.
    fn run_options(files: &[SourceFile], settings: RunSettings, choices: &[Choice]) -> RunOptions {
        let mut options = RunOptions::new(entry_path(files, settings), APP_DIR);
        options.threadpool_size = settings.pool as usize;
        options.cores = settings.cores as usize;
        options.limits = page_limits();
        options.choices = choices.to_vec();
        options
    }

    /// The page's files in a fresh file system: the entry at `entry_path`, the rest in APP_DIR.
    fn app_files(files: &[SourceFile], settings: RunSettings) -> Vfs {
        let entry = entry_path(files, settings);
        let mut vfs = Vfs::memory();
        for (i, f) in files.iter().enumerate() {
            let path = if i == 0 {
                entry.clone()
            } else {
                format!("{APP_DIR}/{}", f.name)
            };
            vfs.insert(&path, f.text.as_bytes());
        }
        vfs
    }

    /// Every order the files can print, when more than one (`looplab_js::explore` within
    /// `budget` runs); None for a script that prints one way, or one that fails to run.
    pub fn explore(files: &[SourceFile], settings: RunSettings, budget: usize) -> Option<Race> {
        let options = run_options(files, settings, &[]);
        let found = looplab_js::explore(&options, || app_files(files, settings), budget).ok()?;
        let orders = found
            .orders
            .into_iter()
            .map(|o| RaceOrder {
                stdout: o.stdout,
                stderr: o.stderr,
                status: o.status,
                share: o.share,
                choices: o.choices,
                why: o.decision.map(|d| d.why),
            })
            .collect();
        Race::from_orders(orders, found.runs, found.complete)
    }

    /// What a run recorded since its last part: a worker posts each to the page.
    #[derive(Debug, Serialize, Deserialize)]
    pub struct Part {
        events: Vec<Stamped>,
        log: OutputLog,
        pub progress: Progress,
        /// The exit status, in the run's last part.
        pub status: Option<i32>,
    }

    /// A run of the page's files on the engine, stepped a slice at a time.
    pub struct EngineRun {
        runtime: Runtime,
        log: OutputLog,
        /// Events already sent in a part.
        sent: usize,
        tasks: usize,
        status: Option<i32>,
    }

    impl EngineRun {
        pub fn start(
            files: &[SourceFile],
            settings: RunSettings,
            choices: &[Choice],
        ) -> Result<Self, String> {
            let options = run_options(files, settings, choices);
            let runtime =
                Runtime::new(options, app_files(files, settings)).map_err(|e| e.to_string())?;
            Ok(EngineRun {
                runtime,
                log: OutputLog::new(),
                sent: 0,
                tasks: 0,
                status: None,
            })
        }

        /// Whether timing decided anything in the run so far: a decision that could have gone
        /// the other way.
        pub fn has_race(&self) -> bool {
            self.runtime.decisions().iter().any(|(_, d)| d.chance > 0.0)
        }

        /// Steps while `more()` says so, at least once, until the process ends; returns what
        /// was recorded meanwhile.
        pub fn advance(&mut self, mut more: impl FnMut() -> bool) -> Part {
            while self.status.is_none() {
                let done = self.runtime.step();
                let (output, sites) = self.runtime.take_output_sites();
                self.log.record(done, &output, sites);
                self.status = done;
                self.tasks += usize::from(done.is_none());
                if !more() {
                    break;
                }
            }
            let events = self.runtime.events_from(self.sent);
            self.sent += events.len();
            Part {
                events,
                log: self.log.drain(),
                progress: Progress {
                    events: self.sent,
                    tasks: self.tasks,
                    virtual_us: self.runtime.virtual_now().as_micros(),
                },
                status: self.status,
            }
        }
    }

    /// The parts of a run received so far; a run stopped early is steppable up to its last part.
    #[derive(Debug, Default)]
    pub struct Received {
        events: Vec<Stamped>,
        log: OutputLog,
        pub progress: Progress,
        pub status: Option<i32>,
        /// Why the run failed: it could not start, or its worker did.
        pub error: Option<String>,
    }

    impl Received {
        pub fn absorb(&mut self, part: Part) {
            self.events.extend(part.events);
            self.log.absorb(part.log);
            self.progress = part.progress;
            self.status = part.status;
        }

        /// The run to step through; `stopped` says why it ended before the process did.
        pub fn into_run(
            self,
            files: &[SourceFile],
            settings: RunSettings,
            stopped: Option<String>,
        ) -> RunData {
            let notice = self.error.or(stopped);
            // A run stopped inside its main script recorded nothing yet but what it printed.
            if self.events.is_empty() {
                return RunData::new(output_only(settings, &self.log, self.status), notice);
            }
            let trace = Trace {
                events: self.log.merge_into(self.events),
                ..empty(settings)
            };
            RunData::with_files(trace, notice, files)
        }
    }

    fn empty(settings: RunSettings) -> Trace {
        Trace {
            version: TRACE_VERSION,
            settings: settings.to_core(),
            events: Vec::new(),
            dropped: 0,
            real: false,
        }
    }

    fn output_only(settings: RunSettings, log: &OutputLog, status: Option<i32>) -> Trace {
        let at = Instant::default();
        let mut events: Vec<Stamped> = log
            .writes()
            .map(|(stream, text)| output_event(at, stream, text.to_string()))
            .collect();
        if let Some(code) = status {
            events.push(Stamped {
                at,
                event: TraceEvent::Exit { code },
            });
        }
        Trace {
            events,
            ..empty(settings)
        }
    }
}

#[cfg(not(feature = "js"))]
mod engine {
    use super::*;
    use looplab_core::trace::{TRACE_VERSION, Trace};

    pub fn run(_files: &[SourceFile], settings: RunSettings, _choices: &[Choice]) -> RunData {
        let trace = Trace {
            version: TRACE_VERSION,
            settings: settings.to_core(),
            events: Vec::new(),
            dropped: 0,
            real: false,
        };
        RunData::new(
            trace,
            Some(
                "This build of the page has no JavaScript engine: only the demo scenario runs. \
                 The source is shown as it is."
                    .into(),
            ),
        )
    }
}

#[cfg(all(test, feature = "js"))]
mod tests {
    use super::*;
    use crate::run::finished::RunData;

    /// A run received one callback per part, as a worker may send it, is the run made in one go.
    #[test]
    fn a_run_received_in_parts_is_the_run_made_at_once() {
        let files = crate::scenarios::SCENARIOS[0].source_files();
        let settings = RunSettings::default();
        let whole = run(&files, settings, &[]);
        let mut received = engine::Received::default();
        let mut run = engine::EngineRun::start(&files, settings, &[]).expect("starts");
        let mut parts = 0;
        while received.status.is_none() {
            received.absorb(run.advance(|| false));
            parts += 1;
        }
        assert!(parts > 5, "{parts} parts");
        let in_parts: RunData = received.into_run(&files, settings, None);
        assert_eq!(in_parts.output(), whole.output());
        assert_eq!(in_parts.trace().events, whole.trace().events);
        assert_eq!(in_parts.console, whole.console);
    }
}
