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
    use looplab_js::{Limits, RunOptions, Runtime, Stream, Vfs};

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
            loop_iterations: 2_000_000,
            recursion: 1_000,
            max_callbacks: 20_000,
            max_virtual_ms: 10 * 60 * 1000,
            max_output_bytes: 256 * 1024,
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
        // The k-th step that ran a task is the trace's k-th TaskStart: output is tagged with it.
        let mut output: Vec<(usize, Stream, String)> = Vec::new();
        let mut tasks = 0;
        let status = loop {
            let done = runtime.step();
            if done.is_none() {
                tasks += 1;
            }
            for (stream, text) in runtime.take_output() {
                output.push((tasks, stream, text));
            }
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
                    events: with_output(events, output),
                    ..empty(settings)
                };
                RunData::new(trace, None)
            }
            _ => RunData::new(
                output_only(settings, &output, status),
                Some(
                    "This build's runtime does not hand its loop events to the page: the \
                     console is real, the loop view is not."
                        .into(),
                ),
            ),
        }
    }

    /// Puts each write into the trace just before the end of the task that made it (or at the
    /// end, for what the process wrote while exiting).
    fn with_output(events: Vec<Stamped>, output: Vec<(usize, Stream, String)>) -> Vec<Stamped> {
        let mut merged = Vec::with_capacity(events.len() + output.len());
        let mut pending = output.into_iter().peekable();
        let mut started = 0;
        let mut current = 0;
        for stamped in events {
            match stamped.event {
                TraceEvent::TaskStart { .. } => {
                    started += 1;
                    current = started;
                }
                TraceEvent::TaskEnd { .. } => {
                    while let Some((_, stream, text)) = pending.next_if(|(k, ..)| *k <= current) {
                        merged.push(write(stamped.at, stream, text));
                    }
                }
                _ => {}
            }
            merged.push(stamped);
        }
        let at = merged.last().map_or(Instant::default(), |s| s.at);
        let exit = merged
            .iter()
            .rposition(|s| matches!(s.event, TraceEvent::Exit { .. }))
            .unwrap_or(merged.len());
        let tail: Vec<Stamped> = pending
            .map(|(_, stream, text)| write(at, stream, text))
            .collect();
        merged.splice(exit..exit, tail);
        merged
    }

    fn write(at: Instant, stream: Stream, text: String) -> Stamped {
        Stamped {
            at,
            event: TraceEvent::Output {
                fd: if stream == Stream::Stderr { 2 } else { 1 },
                text,
            },
        }
    }

    fn empty(settings: RunSettings) -> Trace {
        Trace {
            version: TRACE_VERSION,
            settings: settings.to_core(),
            events: Vec::new(),
            dropped: 0,
        }
    }

    fn output_only(
        settings: RunSettings,
        output: &[(usize, Stream, String)],
        status: i32,
    ) -> Trace {
        let at = Instant::default();
        let mut events: Vec<Stamped> = output
            .iter()
            .map(|(_, stream, text)| write(at, *stream, text.clone()))
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
