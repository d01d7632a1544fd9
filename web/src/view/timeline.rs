//! The main thread and the pool threads over virtual time: when each ran JavaScript or a job.
use looplab_core::trace::{Stamped, TraceEvent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// 0 is the main thread, 1 + n is pool thread n.
    pub lane: u32,
    pub start_us: u64,
    pub end_us: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub lanes: u32,
    pub spans: Vec<Span>,
    pub end_us: u64,
}

impl Timeline {
    pub fn new(events: &[Stamped]) -> Self {
        let mut open: Vec<Option<u64>> = Vec::new();
        let mut spans = Vec::new();
        let mut toggle = |lane: u32, at: u64, starts: bool, spans: &mut Vec<Span>| {
            let i = lane as usize;
            if open.len() <= i {
                open.resize(i + 1, None);
            }
            match (starts, open[i].take()) {
                (true, _) => open[i] = Some(at),
                (false, Some(start_us)) => spans.push(Span {
                    lane,
                    start_us,
                    end_us: at,
                }),
                (false, None) => {}
            }
        };
        for e in events {
            let at = e.at.as_micros();
            match &e.event {
                TraceEvent::TaskStart { .. } => toggle(0, at, true, &mut spans),
                TraceEvent::TaskEnd { .. } => toggle(0, at, false, &mut spans),
                TraceEvent::WorkerStart { worker, .. } => toggle(worker + 1, at, true, &mut spans),
                TraceEvent::WorkerDone { worker, .. } => toggle(worker + 1, at, false, &mut spans),
                _ => {}
            }
        }
        let end_us = events.last().map_or(0, |e| e.at.as_micros());
        let lanes = spans.iter().map(|s| s.lane + 1).max().unwrap_or(1);
        Timeline {
            lanes,
            spans: coalesce(spans, end_us / RESOLUTION),
            end_us,
        }
    }
}

/// Bars closer than one part in `RESOLUTION` of the run merge: a long run draws a few hundred
/// rectangles, not one per callback.
const RESOLUTION: u64 = 2000;

fn coalesce(mut spans: Vec<Span>, gap: u64) -> Vec<Span> {
    spans.sort_by_key(|s| (s.lane, s.start_us));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if last.lane == s.lane && s.start_us <= last.end_us + gap => {
                last.end_us = last.end_us.max(s.end_us);
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_has_main_thread_and_pool_spans() {
        let trace = crate::run::demo_host::run(looplab_core::Settings::default());
        let t = Timeline::new(&trace.events);
        assert!(t.spans.iter().any(|s| s.lane == 0));
        assert!(t.spans.iter().any(|s| s.lane == 1));
        assert!(
            t.spans
                .iter()
                .all(|s| s.start_us <= s.end_us && s.end_us <= t.end_us)
        );
    }

    #[test]
    fn close_bars_merge() {
        let span = |lane, start_us, end_us| Span {
            lane,
            start_us,
            end_us,
        };
        let spans = vec![
            span(0, 10, 20),
            span(1, 0, 5),
            span(0, 21, 30),
            span(0, 50, 60),
        ];
        let merged = coalesce(spans, 2);
        assert_eq!(
            merged,
            vec![span(0, 10, 30), span(0, 50, 60), span(1, 0, 5)]
        );
    }
}
