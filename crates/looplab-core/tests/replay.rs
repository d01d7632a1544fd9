//! Rebuilding the model's state at any step from a trace, and narrating each step.
use looplab_core::demo::run_demo;
use looplab_core::narration::narrate;
use looplab_core::node::Task;
use looplab_core::replay::{Replay, View};
use looplab_core::trace::TraceEvent;
use looplab_core::{Limits, Settings};

fn demo() -> Replay {
    Replay::new(run_demo(Settings::default()).trace)
}

#[test]
fn any_step_equals_replaying_from_the_start() {
    let replay = demo();
    let mut view = View::default();
    for (i, event) in replay.trace().events.iter().enumerate() {
        assert_eq!(replay.view_at(i), view, "at step {i}");
        view.apply(event);
    }
    assert_eq!(replay.view_at(replay.len()), view);
}

#[test]
fn after_the_entry_script_the_queues_hold_what_it_scheduled() {
    let replay = demo();
    let end_of_main = replay
        .trace()
        .events
        .iter()
        .position(|e| e.event == TraceEvent::TaskEnd { task: Task::Main })
        .unwrap();
    let view = replay.view_at(end_of_main + 1);
    assert_eq!(view.next_tick.len(), 1);
    assert_eq!(view.microtask.len(), 1);
    assert_eq!(view.timers.len(), 1);
    assert_eq!(view.immediate.len(), 1);
    assert_eq!(view.requests.len(), 1);
    assert_eq!(view.running, None);
    let alive: Vec<_> = view
        .keeping_alive()
        .into_iter()
        .map(|(_, h)| h.label.clone())
        .collect();
    assert!(alive.iter().any(|l| l.contains("Node timers")), "{alive:?}");
}

#[test]
fn the_end_shows_the_exit_and_empty_queues() {
    let replay = demo();
    let view = replay.view_at(replay.len());
    assert_eq!(view.exit, Some(0));
    assert!(view.next_tick.is_empty() && view.microtask.is_empty() && view.immediate.is_empty());
    assert!(view.timers.is_empty());
    assert!(view.workers.values().all(Option::is_none));
}

#[test]
fn jumps_find_phases_and_iterations() {
    let replay = demo();
    let poll = replay
        .next_phase(0, Some(looplab_core::uv::Phase::Poll))
        .unwrap();
    assert!(matches!(
        replay.trace().events[poll].event,
        TraceEvent::PhaseEnter {
            phase: looplab_core::uv::Phase::Poll,
            ..
        }
    ));
    let second = replay.next_iteration(poll).unwrap();
    assert!(matches!(
        replay.trace().events[second].event,
        TraceEvent::PhaseEnter { iteration: 2, .. }
    ));
}

#[test]
fn every_phase_and_task_step_has_a_sentence() {
    let replay = demo();
    let mut view = View::default();
    for event in &replay.trace().events {
        let sentence = narrate(&event.event, &view);
        if matches!(
            event.event,
            TraceEvent::PhaseEnter { .. }
                | TraceEvent::TaskStart { .. }
                | TraceEvent::PollWait { .. }
        ) {
            let s = sentence.unwrap_or_default();
            assert!(s.len() > 20, "{:?} → {s:?}", event.event);
        }
        view.apply(event);
    }
}

#[test]
fn a_twenty_thousand_event_trace_replays_from_checkpoints() {
    let limits = Limits {
        max_trace_events: 20_000,
        ..Limits::default()
    };
    let settings = Settings {
        limits,
        ..Settings::default()
    };
    let mut node = looplab_core::Node::simulated(settings);
    node.run_to_end(|node, task| {
        if task == Task::Main {
            for i in 0..3000 {
                node.set_timeout((i % 50) as f64, false);
                node.set_immediate();
            }
        }
    })
    .unwrap();
    let replay = Replay::new(node.into_trace());
    assert_eq!(replay.len(), 20_000);
    let mut view = View::default();
    for event in &replay.trace().events[..12_345] {
        view.apply(event);
    }
    assert_eq!(replay.view_at(12_345), view);
}
