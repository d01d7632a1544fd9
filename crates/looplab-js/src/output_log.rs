//! What a script wrote, each write tagged with the task that wrote it, so a trace can carry the
//! writes as `Output` events beside the steps that made them (the page's console links to them).
use looplab_core::Instant;
use looplab_core::trace::{Stamped, TraceEvent};

use crate::host::{Output, Stream};

#[derive(Debug, Default)]
pub struct OutputLog {
    /// Tasks run so far: the k-th task is the trace's k-th `TaskStart`.
    tasks: usize,
    writes: Vec<(usize, Stream, String)>,
}

impl OutputLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// Call after every `Runtime::step` with what it returned and the output it made.
    pub fn record(&mut self, done: Option<i32>, output: &Output) {
        if done.is_none() {
            self.tasks += 1;
        }
        let task = self.tasks;
        self.writes
            .extend(output.iter().map(|(s, t)| (task, *s, t.clone())));
    }

    /// Every write in order.
    pub fn writes(&self) -> impl Iterator<Item = (Stream, &str)> {
        self.writes.iter().map(|(_, s, t)| (*s, t.as_str()))
    }

    /// `events` with each write just before the end of the task that made it (or before the exit,
    /// for what the process wrote while exiting).
    pub fn merge_into(self, events: Vec<Stamped>) -> Vec<Stamped> {
        let mut merged = Vec::with_capacity(events.len() + self.writes.len());
        let mut pending = self.writes.into_iter().peekable();
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
                        merged.push(output_event(stamped.at, stream, text));
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
            .map(|(_, stream, text)| output_event(at, stream, text))
            .collect();
        merged.splice(exit..exit, tail);
        merged
    }
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
