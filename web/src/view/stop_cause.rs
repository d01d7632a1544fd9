//! Why a learner had to stop a run, judged from what the run recorded, in the same words the
//! model uses when a run hits a limit (`looplab_core::node::Runaway`).
use std::collections::BTreeSet;

use looplab_core::node::Runaway;
use looplab_core::trace::{QueueName, TraceEvent};

use crate::run::finished::RunData;

/// A run silent this long is inside one callback that has not returned: between callbacks the
/// worker reports after every step.
pub const SILENT_MS: f64 = 1000.0;

/// How far back the recorded events are read to tell a turning loop from a starved one: more
/// than one loop iteration's worth.
const RECENT: usize = 400;

pub fn stop_cause(run: &RunData, silent_ms: f64) -> String {
    format!("Stopped: {}", runaway(run, silent_ms))
}

/// What the page says while a callback has not returned for `ms`.
pub fn still_running(ms: f64) -> String {
    format!(
        "Your code is still running after {:.1} s without returning: the event loop never got a \
         turn. Stop ends the run.",
        ms / 1000.0
    )
}

fn runaway(run: &RunData, silent_ms: f64) -> Runaway {
    if silent_ms >= SILENT_MS {
        return Runaway::NeverReturns {
            ms: silent_ms as u64,
        };
    }
    let events = &run.trace().events;
    let recent = &events[events.len().saturating_sub(RECENT)..];
    let popped = |queues: &[QueueName]| -> Vec<u64> {
        recent
            .iter()
            .filter_map(|s| match s.event {
                TraceEvent::QueuePop { queue, id } if queues.contains(&queue) => Some(id),
                _ => None,
            })
            .collect()
    };
    let turning = recent
        .iter()
        .any(|s| matches!(s.event, TraceEvent::PhaseEnter { .. }));
    if !turning && !popped(&[QueueName::NextTick, QueueName::Microtask]).is_empty() {
        return Runaway::TickChain;
    }
    let intervals: BTreeSet<u64> = events
        .iter()
        .filter_map(|s| match s.event {
            TraceEvent::TimeoutInit {
                id, repeat: true, ..
            } => Some(id),
            _ => None,
        })
        .collect();
    if popped(&[QueueName::Timers])
        .iter()
        .any(|id| intervals.contains(id))
    {
        return Runaway::Interval;
    }
    if !popped(&[QueueName::Immediate]).is_empty() {
        return Runaway::ImmediateChain;
    }
    let view = run.view(run.last());
    let alive: Vec<String> = view
        .handles
        .values()
        .filter(|h| h.keeps_alive() && !h.internal)
        .map(|h| h.label.clone())
        .collect();
    if alive.is_empty() {
        Runaway::Unknown
    } else {
        Runaway::KeptAlive(alive)
    }
}

#[cfg(all(test, feature = "js"))]
mod tests {
    use super::*;
    use crate::files::{RunSettings, SourceFile};

    fn run_of(code: &str) -> RunData {
        crate::run::runner::run(
            &[SourceFile::new("main.js", code)],
            RunSettings::default(),
            &[],
        )
    }

    #[test]
    fn an_interval_is_named_as_what_keeps_the_loop_alive() {
        let run = run_of("setInterval(() => {}, 1);");
        assert_eq!(runaway(&run, 0.0), Runaway::Interval);
        assert!(stop_cause(&run, 0.0).contains("setInterval"));
    }

    #[test]
    fn a_tick_chain_is_named_as_starving_the_loop() {
        let run = run_of("function again() { process.nextTick(again); } again();");
        assert_eq!(runaway(&run, 0.0), Runaway::TickChain);
    }

    #[test]
    fn an_immediate_chain_is_told_from_an_interval() {
        let run = run_of("function again() { setImmediate(again); } again();");
        assert_eq!(runaway(&run, 0.0), Runaway::ImmediateChain);
    }

    #[test]
    fn a_listening_server_is_named() {
        let run = run_of("require('net').createServer().listen(3000);");
        match runaway(&run, 0.0) {
            Runaway::KeptAlive(what) => assert!(what.join(" ").contains("3000"), "{what:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_silent_worker_means_code_that_never_returns() {
        let run = run_of("console.log(1);");
        let cause = stop_cause(&run, 2500.0);
        assert!(cause.contains("after 2500 ms without returning"), "{cause}");
    }
}
