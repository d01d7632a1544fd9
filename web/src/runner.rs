//! Runs a scenario's files once and hands the page a `RunData` to step through.
//!
//! With the `js` feature the files run on looplab-js (Boa hosting Node's built-ins) under the page's
//! limits, so a runaway script stops with a message instead of freezing the tab. Without it, only the
//! built-in demo runs (on the model with Rust closures for callbacks).
#![cfg_attr(feature = "js", allow(dead_code))]
use crate::demo_host;
use crate::files::{RunSettings, SourceFile};
use crate::run_data::RunData;

fn is_demo(files: &[SourceFile]) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    files.len() == 1 && squash(&files[0].text) == squash(demo_host::DEMO_SOURCE)
}

pub fn run(files: &[SourceFile], settings: RunSettings) -> RunData {
    let settings = settings.clamped();
    // The demo's Rust stand-in is for builds without an engine; with one, the real code runs.
    let mut data = if !cfg!(feature = "js") && is_demo(files) {
        RunData::new(demo_host::run(settings.to_core()), None)
    } else {
        engine::run(files, settings)
    };
    data.settings = settings;
    data
}

#[cfg(feature = "js")]
mod engine {
    use super::*;
    use looplab_core::Instant;
    use looplab_core::trace::{Stamped, TRACE_VERSION, Trace, TraceEvent};
    use looplab_js::{Limits, OutputLog, RunOptions, Runtime, Vfs, output_event};

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

    /// Tighter than the CLI's: a learner's scenario is small, and the tab must stay responsive.
    fn page_limits() -> Limits {
        Limits {
            max_instructions: 300_000_000,
            recursion: 1_000,
            max_callbacks: 20_000,
            max_virtual_ms: 10 * 60 * 1000,
            max_output_bytes: 256 * 1024,
            // The page steps through the whole trace: it keeps every event up to the usual limit.
            ..Limits::default()
        }
    }

    pub fn run(files: &[SourceFile], settings: RunSettings) -> RunData {
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
        let mut options = RunOptions::new(entry, APP_DIR);
        options.threadpool_size = settings.pool as usize;
        options.cores = settings.cores as usize;
        options.limits = page_limits();
        let mut runtime = match Runtime::new(options, vfs) {
            Ok(rt) => rt,
            Err(e) => return RunData::new(empty(settings), Some(e.to_string())),
        };
        let mut log = OutputLog::new();
        let status = loop {
            let done = runtime.step();
            let (output, sites) = runtime.take_output_sites();
            log.record(done, &output, sites);
            if let Some(status) = done {
                break status;
            }
        };
        let json = runtime.trace_json();
        let events = serde_json::from_str::<Vec<Stamped>>(&json)
            .or_else(|_| serde_json::from_str::<Trace>(&json).map(|t| t.events));
        match events {
            Ok(events) if !events.is_empty() => {
                let trace = Trace {
                    events: log.merge_into(events),
                    ..empty(settings)
                };
                RunData::with_files(trace, None, files)
            }
            _ => RunData::new(
                output_only(settings, &log, status),
                Some(
                    "This build's runtime does not hand its loop events to the page: the \
                     console is real, the loop view is not."
                        .into(),
                ),
            ),
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

    fn output_only(settings: RunSettings, log: &OutputLog, status: i32) -> Trace {
        let at = Instant::default();
        let mut events: Vec<Stamped> = log
            .writes()
            .map(|(stream, text)| output_event(at, stream, text.to_string()))
            .collect();
        events.push(Stamped {
            at,
            event: TraceEvent::Exit { code: status },
        });
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

    pub fn run(_files: &[SourceFile], settings: RunSettings) -> RunData {
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
