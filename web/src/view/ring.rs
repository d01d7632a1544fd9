//! The loop as a ring, in words and angles but no HTML: where the loop is at one step, where the
//! marker points, and what the microtask checkpoint in the middle is doing.
//!
//! libuv 1.46's `uv_run` (src/unix/core.c): check alive, run due timers once before the first
//! iteration (kept for compatibility), then each iteration runs pending, idle, prepare, poll,
//! check and close, updates the time, runs timers, and checks alive again. So the ring goes
//! clockwise from the "alive?" check at the top: pending … close, timers, back to "alive?"; the
//! entry arrow comes into timers from outside for the run before the first iteration.
use crate::view::replay::View;
use looplab_core::Task;
use looplab_core::trace::{PollReason, TraceEvent};
use looplab_core::uv::Phase;

/// The ring's phases clockwise from the top, the order of one iteration: libuv's phase list
/// with timers moved to the end, where 1.46 runs it.
pub const ORDER: [Phase; 7] = {
    let p = Phase::ALL;
    [p[1], p[2], p[3], p[4], p[5], p[6], p[0]]
};

/// Degrees clockwise from the top: the "alive?" check sits at 0, the phases after it.
pub fn angle(phase: Phase) -> f64 {
    let i = ORDER.iter().position(|&p| p == phase).unwrap_or(0);
    45.0 * (i as f64 + 1.0)
}

/// Where on the ring the loop is at one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// Before the script, or while the main script runs: the loop has not started.
    Outside,
    /// Due timers run once before the first iteration (the entry arrow).
    Entry,
    Phase(Phase),
    /// `uv_loop_alive`: go round again or leave.
    Alive(bool),
    Exited,
}

/// What the microtask checkpoint in the ring's middle shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checkpoint {
    pub ticks: usize,
    pub promises: usize,
    /// A nextTick callback runs now.
    pub ticking: bool,
    /// A promise job runs now.
    pub resolving: bool,
}

impl Checkpoint {
    pub fn lit(&self) -> bool {
        self.ticking || self.resolving
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RingState {
    pub spot: Spot,
    pub iteration: u64,
    /// Where the marker points: grows by 360 a turn, so it always travels clockwise.
    pub marker_deg: f64,
    pub checkpoint: Checkpoint,
    /// How long poll waits and why, while the loop is in poll.
    pub poll: Option<String>,
    pub loop_ms: u64,
}

/// Why poll waits, for a learner.
pub fn poll_reason(reason: PollReason) -> &'static str {
    match reason {
        PollReason::NoWaitMode => "the loop runs in no-wait mode",
        PollReason::Stopped => "the loop was stopped",
        PollReason::NothingActive => "nothing keeps the loop alive",
        PollReason::PendingCallbacks => "deferred callbacks wait",
        PollReason::IdleHandles => "setImmediate callbacks wait",
        PollReason::ClosingHandles => "handles are closing",
        PollReason::NextTimer => "until the next timer is due",
        PollReason::TimerDue => "a timer is already due",
        PollReason::NoTimers => "no timer: only I/O can wake it",
    }
}

/// "waits up to 3 ms: until the next timer is due", or None outside poll.
pub fn poll_words(view: &View) -> Option<String> {
    let (timeout, reason) = view.poll?;
    let why = poll_reason(reason);
    Some(match timeout {
        Some(0) => format!("doesn't wait: {why}"),
        Some(ms) => format!("waits up to {ms} ms: {why}"),
        None => format!("waits for I/O: {why}"),
    })
}

/// The ring at the step whose view is `view` and whose own event is `event`.
pub fn ring_state(view: &View, event: Option<&TraceEvent>) -> RingState {
    let spot = if view.exit.is_some() || view.halt.is_some() {
        Spot::Exited
    } else {
        match (event, view.phase) {
            (Some(TraceEvent::AliveCheck { alive, .. }), _) => Spot::Alive(*alive),
            (_, Some(Phase::Timers)) if view.iteration == 0 => Spot::Entry,
            (_, Some(phase)) => Spot::Phase(phase),
            (_, None) => Spot::Outside,
        }
    };
    let turns = view.iteration.saturating_sub(1) as f64 * 360.0;
    // The marker waits left of the entry arrow until the loop starts; the first "alive?" check
    // comes before the entry run of timers, later ones close a turn.
    let started = view.alive.is_some();
    let before_entry = view.iteration == 0 && view.phase.is_none();
    let marker_deg = match spot {
        Spot::Outside if !started => -90.0,
        Spot::Outside | Spot::Alive(_) if before_entry => -60.0,
        Spot::Entry => -45.0,
        Spot::Phase(p) => turns + angle(p),
        Spot::Outside | Spot::Alive(_) | Spot::Exited => turns + 360.0,
    };
    let checkpoint = Checkpoint {
        ticks: view.next_tick.len(),
        promises: view.microtask.len(),
        ticking: matches!(view.running, Some(Task::Tick(_))),
        resolving: matches!(view.running, Some(Task::Microtask(_))),
    };
    RingState {
        spot,
        iteration: view.iteration,
        marker_deg,
        checkpoint,
        poll: (spot == Spot::Phase(Phase::Poll))
            .then(|| poll_words(view))
            .flatten(),
        loop_ms: view.loop_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ring_runs_in_libuv_order_from_the_alive_check() {
        let angles: Vec<f64> = ORDER.iter().map(|&p| angle(p)).collect();
        assert!(angles.windows(2).all(|w| w[0] < w[1]), "{angles:?}");
        assert_eq!(ORDER[0], Phase::Pending);
        assert_eq!(ORDER[6], Phase::Timers);
        assert!(angles.iter().all(|&a| a > 0.0 && a < 360.0));
    }

    #[test]
    fn the_marker_only_travels_clockwise_through_a_run() {
        let mut view = View::default();
        let mut last = ring_state(&view, None).marker_deg;
        view.phase = Some(Phase::Timers);
        let entry = ring_state(&view, None);
        assert_eq!(entry.spot, Spot::Entry);
        assert!(entry.marker_deg > last);
        last = entry.marker_deg;
        for iteration in 1..=3 {
            view.iteration = iteration;
            for phase in ORDER {
                view.phase = Some(phase);
                let deg = ring_state(&view, None).marker_deg;
                assert!(deg > last, "{phase:?} in iteration {iteration}");
                last = deg;
            }
        }
    }

    #[test]
    fn the_tour_goes_round_in_libuv_order_and_the_marker_never_turns_back() {
        let sc = crate::scenario::find("tour").unwrap();
        let run = crate::run::runner::run(&sc.source_files(), sc.settings(), &[]);
        let mut seen: Vec<&str> = Vec::new();
        let mut last = f64::MIN;
        for step in 0..=run.last() {
            let ring = ring_state(&run.view(step), run.event(step));
            assert!(ring.marker_deg >= last, "step {step}: {ring:?}");
            last = ring.marker_deg;
            let name = match ring.spot {
                Spot::Entry => "entry",
                Spot::Phase(p) => p.name(),
                _ => continue,
            };
            if seen.last() != Some(&name) {
                seen.push(name);
            }
        }
        assert_eq!(seen[0], "entry", "{seen:?}");
        assert!(seen.len() > ORDER.len(), "{seen:?}");
        for (i, name) in seen[1..].iter().enumerate() {
            assert_eq!(*name, ORDER[i % ORDER.len()].name(), "{seen:?}");
        }
    }

    #[test]
    fn poll_says_how_long_it_waits_and_why() {
        let mut view = View {
            phase: Some(Phase::Poll),
            iteration: 1,
            poll: Some((Some(3), PollReason::NextTimer)),
            ..View::default()
        };
        let ring = ring_state(&view, None);
        assert_eq!(
            ring.poll.as_deref(),
            Some("waits up to 3 ms: until the next timer is due")
        );
        view.phase = Some(Phase::Check);
        assert_eq!(ring_state(&view, None).poll, None);
    }
}
