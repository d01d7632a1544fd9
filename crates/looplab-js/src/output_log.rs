//! What a script wrote, each write tagged with the task that wrote it and where, so a trace can
//! carry the writes as `Output` events beside the steps that made them (the page's console links
//! to them), each after a `CallSite` naming the learner's line that printed it.
use looplab_core::Instant;
use looplab_core::trace::{Frame, Stamped, TraceEvent};
use serde::{Deserialize, Serialize};

use crate::host::{Output, Stream, WriteSite};

#[derive(Debug, Serialize, Deserialize)]
struct Write {
    /// The k-th task wrote it: the trace's k-th `TaskStart`.
    task: usize,
    stream: Stream,
    text: String,
    /// How many trace events came before it, when known.
    event: Option<usize>,
    frames: Vec<Frame>,
}

/// Serializable, so a run in a worker can send its log in parts as it grows (`drain`, `absorb`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct OutputLog {
    /// Tasks run so far.
    tasks: usize,
    writes: Vec<Write>,
}

impl OutputLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Call after every `Runtime::step` with what it returned and the output it made
    /// (`Runtime::take_output_sites`).
    pub fn record(&mut self, done: Option<i32>, output: &Output, sites: Vec<WriteSite>) {
        if done.is_none() {
            self.tasks += 1;
        }
        let task = self.tasks;
        let mut sites = sites.into_iter().peekable();
        for (i, (stream, text)) in output.iter().enumerate() {
            let site = sites.next_if(|s| s.entry == i);
            self.writes.push(Write {
                task,
                stream: *stream,
                text: text.clone(),
                event: site.as_ref().map(|s| s.event),
                frames: site.map(|s| s.frames).unwrap_or_default(),
            });
        }
    }

    /// The writes recorded since the last drain, as a part that `absorb` appends to another log.
    pub fn drain(&mut self) -> OutputLog {
        OutputLog {
            tasks: self.tasks,
            writes: std::mem::take(&mut self.writes),
        }
    }

    /// Appends a part drained from the log of the same run, in order.
    pub fn absorb(&mut self, part: OutputLog) {
        self.tasks = part.tasks;
        self.writes.extend(part.writes);
    }

    /// Every write in order.
    pub fn writes(&self) -> impl Iterator<Item = (Stream, &str)> {
        self.writes.iter().map(|w| (w.stream, w.text.as_str()))
    }

    /// `events` with each write where it was made, or else just before the end of the task that
    /// made it (or before the exit, for what the process wrote while exiting).
    pub fn merge_into(self, events: Vec<Stamped>) -> Vec<Stamped> {
        let mut merged = Vec::with_capacity(events.len() + 2 * self.writes.len());
        let mut pending = self.writes.into_iter().peekable();
        let mut started = 0;
        let mut current = 0;
        for (i, stamped) in events.into_iter().enumerate() {
            while let Some(w) = pending.next_if(|w| w.event.is_some_and(|e| e <= i)) {
                push_write(&mut merged, stamped.at, w);
            }
            match stamped.event {
                TraceEvent::TaskStart { .. } => {
                    started += 1;
                    current = started;
                }
                TraceEvent::TaskEnd { .. } => {
                    while let Some(w) = pending.next_if(|w| w.task <= current) {
                        push_write(&mut merged, stamped.at, w);
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
        let mut tail = Vec::new();
        for w in pending {
            push_write(&mut tail, at, w);
        }
        merged.splice(exit..exit, tail);
        merged
    }
}

/// A write as trace events: where the learner's code was, then what it wrote.
fn push_write(out: &mut Vec<Stamped>, at: Instant, w: Write) {
    if !w.frames.is_empty() {
        out.push(Stamped {
            at,
            event: TraceEvent::CallSite {
                frames: w.frames,
                via: String::new(),
            },
        });
    }
    out.push(output_event(at, w.stream, w.text));
}

/// A write as a trace event.
pub fn output_event(at: Instant, stream: Stream, text: String) -> Stamped {
    Stamped {
        at,
        event: TraceEvent::Output {
            fd: if stream == Stream::Stderr { 2 } else { 1 },
            text,
        },
    }
}
