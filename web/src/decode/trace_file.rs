//! A trace file a learner opens: what `looplab run --trace FILE` wrote (simulated or `--real`),
//! checked and turned into a `Trace`, or a message that says what is wrong with it.
use std::fmt;

use looplab_core::EntryKind;
use looplab_core::trace::{Stamped, TRACE_VERSION, Trace};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::error::Category;

use crate::files::{Entry, RunSettings};
use crate::run::finished::RunData;

/// The largest file the page reads: the tab holds the bytes, the parsed events and every step's
/// sentence at once, so a bigger file would stall it.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// The most events the page replays (about a minute of a busy loop; more stalls the tab).
pub const MAX_EVENTS: usize = 500_000;

/// A trace read from a file, and how it was recorded.
#[derive(Debug)]
pub struct TraceFile {
    pub trace: Trace,
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `looplab run --real`: the operating system's time and threads.
    Real,
    /// `looplab run`: the model's virtual time.
    Simulated,
    /// A bare list of events (what older builds wrote): no settings, no output.
    EventsOnly,
}

/// Why a file is not a trace the page can replay.
#[derive(Debug, PartialEq, Eq)]
pub enum TraceFileError {
    Empty,
    TooLarge { bytes: u64 },
    NotJson(String),
    NotATrace(String),
    Newer(u32),
    Older(u32),
    NoEvents,
    TooManyEvents(usize),
}

impl fmt::Display for TraceFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WHAT: &str = "a trace file is what `looplab run --trace FILE script.js` writes";
        match self {
            TraceFileError::Empty => write!(f, "The file is empty: {WHAT}."),
            TraceFileError::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB; the page opens traces up to {} MB. Record a shorter run.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_BYTES / (1024 * 1024)
            ),
            TraceFileError::NotJson(e) => write!(f, "The file is not JSON ({e}): {WHAT}."),
            TraceFileError::NotATrace(e) => {
                write!(f, "The file is JSON but not a Looplab trace ({e}): {WHAT}.")
            }
            TraceFileError::Newer(v) => write!(
                f,
                "The trace is version {v}, newer than this page reads (version {TRACE_VERSION}): \
                 open it in a newer Looplab page."
            ),
            TraceFileError::Older(v) => write!(
                f,
                "The trace is version {v}, from an older looplab; this page reads version \
                 {TRACE_VERSION}: record it again with this version's looplab."
            ),
            TraceFileError::NoEvents => {
                write!(f, "The trace has no events: there is nothing to replay.")
            }
            TraceFileError::TooManyEvents(n) => write!(
                f,
                "The trace has {n} events; the page replays up to {MAX_EVENTS}. Record a shorter run."
            ),
        }
    }
}

/// Checked before reading a file, so a huge one is never loaded.
pub fn check_size(bytes: u64) -> Result<(), TraceFileError> {
    match bytes {
        0 => Err(TraceFileError::Empty),
        n if n > MAX_BYTES => Err(TraceFileError::TooLarge { bytes: n }),
        _ => Ok(()),
    }
}

/// Just enough of a trace object to tell a trace of another version from something else.
#[derive(Deserialize)]
struct Header {
    version: Option<u32>,
    events: Option<IgnoredAny>,
}

pub fn parse(bytes: &[u8]) -> Result<TraceFile, TraceFileError> {
    check_size(bytes.len() as u64)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Syntax first, without building anything, so "not JSON" is told apart from "not a trace".
    serde_json::from_slice::<IgnoredAny>(bytes).map_err(|e| match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => TraceFileError::NotJson(e.to_string()),
        Category::Data => TraceFileError::NotATrace(e.to_string()),
    })?;
    let not_a_trace = |e: serde_json::Error| TraceFileError::NotATrace(e.to_string());
    let file = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => {
            let events: Vec<Stamped> = serde_json::from_slice(bytes).map_err(not_a_trace)?;
            let trace = Trace {
                version: TRACE_VERSION,
                settings: looplab_core::Settings::default(),
                events,
                dropped: 0,
                real: false,
            };
            TraceFile {
                trace,
                origin: Origin::EventsOnly,
            }
        }
        Some(b'{') => {
            let header: Header = serde_json::from_slice(bytes).map_err(not_a_trace)?;
            match (header.version, header.events) {
                (Some(v), Some(_)) if v > TRACE_VERSION => return Err(TraceFileError::Newer(v)),
                (Some(v), Some(_)) if v < TRACE_VERSION => return Err(TraceFileError::Older(v)),
                (Some(_), Some(_)) => {}
                _ => {
                    return Err(TraceFileError::NotATrace(
                        "it has no \"version\" and \"events\"".into(),
                    ));
                }
            }
            let trace: Trace = serde_json::from_slice(bytes).map_err(not_a_trace)?;
            let origin = if trace.real {
                Origin::Real
            } else {
                Origin::Simulated
            };
            TraceFile { trace, origin }
        }
        _ => {
            return Err(TraceFileError::NotATrace(
                "it is neither an object nor a list of events".into(),
            ));
        }
    };
    match file.trace.events.len() {
        0 => Err(TraceFileError::NoEvents),
        n if n > MAX_EVENTS => Err(TraceFileError::TooManyEvents(n)),
        _ => Ok(file),
    }
}

impl TraceFile {
    /// The run the page steps through, with the settings it was recorded under.
    pub fn into_run(self) -> RunData {
        let notice = self.notice();
        let core = &self.trace.settings;
        // libuv reads UV_THREADPOOL_SIZE with atoi: anything unreadable means the default 4.
        let pool = core
            .threadpool_env
            .as_deref()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(4);
        let settings = RunSettings {
            pool,
            cores: core.cores,
            entry: match core.entry {
                EntryKind::CommonJs => Entry::Cjs,
                EntryKind::Module => Entry::Esm,
            },
        }
        .clamped();
        let mut run = RunData::new(self.trace, Some(notice));
        run.settings = settings;
        run.origin = Some(self.origin);
        run
    }

    /// Said above the run: where it came from, and that the code is not in it.
    pub fn notice(&self) -> String {
        let mut notice = match self.origin {
            Origin::Real => {
                "A trace recorded by looplab run --real: real time, real threads; the code is \
                 not in the trace."
            }
            Origin::Simulated => {
                "A trace recorded by looplab run: the model's virtual time, as the page runs it; \
                 the code is not in the trace."
            }
            Origin::EventsOnly => {
                "A list of trace events from an older looplab: no settings and no console output \
                 came with it; the code is not in the trace."
            }
        }
        .to_string();
        if self.trace.dropped > 0 {
            notice.push_str(&format!(
                " The recording stopped after {} events ({} more were left out).",
                self.trace.events.len(),
                self.trace.dropped
            ));
        }
        notice
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_core::trace::TraceEvent;

    // Written by really running, in a scratch directory holding fixtures/timer-read-immediate.js:
    //   looplab run --real --trace real.json timer-read-immediate.js
    //   looplab run --trace simulated.json timer-read-immediate.js
    const REAL: &[u8] = include_bytes!("fixtures/real.json");
    const SIMULATED: &[u8] = include_bytes!("fixtures/simulated.json");

    fn printed(trace: &Trace) -> Vec<&str> {
        trace
            .events
            .iter()
            .filter_map(|s| match &s.event {
                TraceEvent::Output { text, .. } => Some(text.trim_end()),
                _ => None,
            })
            .collect()
    }

    fn err(bytes: &[u8]) -> TraceFileError {
        parse(bytes).expect_err("should be refused")
    }

    #[test]
    fn a_real_runs_trace_opens_with_its_output() {
        let file = parse(REAL).unwrap();
        assert_eq!(file.origin, Origin::Real);
        assert!(
            file.notice()
                .contains("looplab run --real: real time, real threads")
        );
        let mut lines = printed(&file.trace);
        assert_eq!(lines[0], "main");
        lines.sort();
        assert_eq!(lines, ["immediate", "main", "readFile", "timeout"]);
        // Pool work ran on a real worker thread.
        assert!(
            file.trace
                .events
                .iter()
                .any(|s| matches!(s.event, TraceEvent::WorkerStart { .. }))
        );
    }

    #[test]
    fn a_real_trace_steps_like_a_run_with_its_console_and_pool() {
        let run = parse(REAL).unwrap().into_run();
        assert!(
            run.notice
                .as_deref()
                .unwrap()
                .contains("the code is not in the trace")
        );
        assert_eq!(run.settings.pool, 4);
        assert_eq!(run.settings.cores, 2);
        assert_eq!(run.clock(), "real time");
        assert!(run.last() > 20);
        let console: Vec<&str> = run.console.iter().map(|l| l.text.trim_end()).collect();
        assert_eq!(console.len(), 4, "{console:?}");
        assert_eq!(run.view(run.last()).exit, Some(0));
    }

    #[test]
    fn a_simulated_runs_trace_opens_too() {
        let file = parse(SIMULATED).unwrap();
        assert_eq!(file.origin, Origin::Simulated);
        assert!(file.notice().contains("virtual time"));
        assert_eq!(
            printed(&file.trace),
            ["main", "immediate", "readFile", "timeout"]
        );
    }

    #[test]
    fn a_bare_list_of_events_opens_without_settings() {
        let trace = parse(REAL).unwrap().trace;
        let json = serde_json::to_vec(&trace.events).unwrap();
        let file = parse(&json).unwrap();
        assert_eq!(file.origin, Origin::EventsOnly);
        assert_eq!(file.trace.events, trace.events);
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert_eq!(err(b""), TraceFileError::Empty);
        assert!(matches!(err(b"hello"), TraceFileError::NotJson(_)));
        assert!(matches!(
            err(b"{\"version\": 1, "),
            TraceFileError::NotJson(_)
        ));
        assert!(matches!(err(b"\xff\xfe"), TraceFileError::NotJson(_)));
        assert!(matches!(err(b"42"), TraceFileError::NotATrace(_)));
        assert!(matches!(
            err(b"{\"name\": \"x\"}"),
            TraceFileError::NotATrace(_)
        ));
        assert!(matches!(
            err(b"[{\"at\": 1, \"type\": \"nope\"}]"),
            TraceFileError::NotATrace(_)
        ));
        let msg =
            err(b"{\"version\": 1, \"settings\": {}, \"events\": [{\"at\": \"x\"}]}").to_string();
        assert!(
            msg.contains("not a Looplab trace") && msg.contains("line 1"),
            "{msg}"
        );
        assert_eq!(
            err(b"{\"version\": 1, \"settings\": {}, \"events\": []}"),
            TraceFileError::NoEvents
        );
        assert_eq!(err(b"[]"), TraceFileError::NoEvents);
    }

    #[test]
    fn other_versions_are_refused_by_name() {
        let newer = format!("{{\"version\": {}, \"events\": []}}", TRACE_VERSION + 1);
        assert_eq!(
            err(newer.as_bytes()),
            TraceFileError::Newer(TRACE_VERSION + 1)
        );
        assert!(
            err(newer.as_bytes())
                .to_string()
                .contains("newer than this page reads")
        );
        assert_eq!(
            err(b"{\"version\": 0, \"events\": []}"),
            TraceFileError::Older(0)
        );
    }

    #[test]
    fn size_limits_are_stated() {
        let big = check_size(MAX_BYTES + 1).unwrap_err();
        assert!(big.to_string().contains("up to 50 MB"), "{big}");
        assert!(check_size(MAX_BYTES).is_ok());
        let mut trace = parse(REAL).unwrap().trace;
        let one = trace.events[0].clone();
        // The smallest event, so the file stays under the byte limit.
        trace.events = vec![
            Stamped {
                event: TraceEvent::RunEnd { alive: false },
                ..one
            };
            MAX_EVENTS + 1
        ];
        let json = serde_json::to_vec(&trace).unwrap();
        assert_eq!(err(&json), TraceFileError::TooManyEvents(MAX_EVENTS + 1));
    }

    mod hostile {
        //! A trace file is a file anyone can hand the page: whatever its bytes, reading it gives
        //! a trace or a message, and a trace that opens replays at every step without a panic.
        use super::*;
        use proptest::prelude::*;

        fn opens_or_refuses(bytes: &[u8]) {
            if let Ok(file) = parse(bytes) {
                let replay = crate::view::replay::Replay::new(file.trace.clone());
                for step in 0..replay.len() {
                    let _ = replay.view_at(step);
                }
                let _ = file.into_run();
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
                opens_or_refuses(&bytes);
            }

            #[test]
            fn a_real_trace_cut_short(len in 0..SIMULATED.len()) {
                opens_or_refuses(&SIMULATED[..len]);
            }

            #[test]
            fn a_real_trace_with_bytes_changed(
                edits in proptest::collection::vec((0..SIMULATED.len(), any::<u8>()), 1..8)
            ) {
                let mut bytes = SIMULATED.to_vec();
                for (at, byte) in edits {
                    bytes[at] = byte;
                }
                opens_or_refuses(&bytes);
            }

            #[test]
            fn a_real_trace_with_digits_changed(
                edits in proptest::collection::vec((0..SIMULATED.len(), 0u8..10), 1..8)
            ) {
                // Digits keep the JSON valid and reach the numbers: ids, times, counts.
                let mut bytes = SIMULATED.to_vec();
                for (at, digit) in edits {
                    if bytes[at].is_ascii_digit() {
                        bytes[at] = b'0' + digit;
                    }
                }
                opens_or_refuses(&bytes);
            }
        }
    }
}
