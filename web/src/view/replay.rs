//! The model's visible state at any step of a trace, rebuilt from the events: what the page draws.
//!
//! Stepping backwards never re-runs code: `Replay` keeps a `View` every `CHECKPOINT_EVERY` events
//! and replays at most that many from the nearest one.
use looplab_core::node::Task;
use looplab_core::time::Instant;
use looplab_core::trace::{
    AliveReason, Direction, ModuleFormat, PollReason, QueueName, Stamped, ThreadId, Trace,
    TraceEvent,
};
use looplab_core::uv::{HandleId, HandleKind, Phase, RequestId, RequestKind};
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};

const CHECKPOINT_EVERY: usize = 256;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HandleView {
    pub kind: Option<HandleKind>,
    pub label: String,
    pub internal: bool,
    pub active: bool,
    pub refed: bool,
    pub closing: bool,
    pub closed: bool,
}

impl HandleView {
    pub fn keeps_alive(&self) -> bool {
        self.active && self.refed && !self.closing && !self.closed
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequestView {
    pub kind: RequestKind,
    pub label: String,
    pub done: bool,
    /// The error it ended with, once done.
    pub error: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimeoutView {
    pub after_ms: u32,
    pub repeat: bool,
    pub refed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AliveView {
    pub alive: bool,
    pub handles: u32,
    pub requests: u32,
    pub reasons: Vec<AliveReason>,
}

/// Everything the page shows at one step.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct View {
    /// Events applied so far.
    pub index: usize,
    pub at: Instant,
    pub iteration: u64,
    pub phase: Option<Phase>,
    pub loop_ms: u64,
    pub running: Option<Task>,
    pub next_tick: VecDeque<u64>,
    pub microtask: VecDeque<u64>,
    pub timers: VecDeque<u64>,
    pub immediate: VecDeque<u64>,
    /// Pool requests waiting for a thread.
    pub threadpool: VecDeque<RequestId>,
    /// Pool requests finished on a thread, waiting for the poll phase.
    pub completed: VecDeque<RequestId>,
    pub pending: VecDeque<u64>,
    pub closing: Vec<HandleId>,
    pub timeouts: BTreeMap<u64, TimeoutView>,
    pub workers: BTreeMap<u32, Option<RequestId>>,
    pub cores: BTreeMap<u32, Option<ThreadId>>,
    pub context_switches: u64,
    pub handles: BTreeMap<HandleId, HandleView>,
    pub requests: BTreeMap<RequestId, RequestView>,
    pub alive: Option<AliveView>,
    pub poll: Option<(Option<u64>, PollReason)>,
    /// Output events seen so far.
    pub outputs: usize,
    pub exit: Option<i32>,
    pub halt: Option<String>,
    /// Modules whose code has started running, in order, and whether each has finished.
    pub modules: Vec<ModuleView>,
    /// The poller's interest list: sockets waiting to become readable and/or writable.
    pub interest: BTreeMap<HandleId, IoInterestView>,
    /// Bytes each socket has read and written so far: (read, written).
    pub socket_bytes: BTreeMap<HandleId, (u64, u64)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct IoInterestView {
    pub readable: bool,
    pub writable: bool,
}

/// A module as the page lists it: where it is, how it loads, whether its code ran to the end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModuleView {
    pub path: String,
    pub format: ModuleFormat,
    pub finished: bool,
    /// Waiting at a top-level `await`.
    pub suspended: bool,
}

fn remove<T: PartialEq + Copy>(queue: &mut VecDeque<T>, item: T) {
    if queue.front() == Some(&item) {
        queue.pop_front();
    } else if let Some(pos) = queue.iter().position(|&x| x == item) {
        queue.remove(pos);
    }
}

impl View {
    fn queue(&mut self, name: QueueName) -> Option<&mut VecDeque<u64>> {
        match name {
            QueueName::NextTick => Some(&mut self.next_tick),
            QueueName::Microtask => Some(&mut self.microtask),
            QueueName::Timers => Some(&mut self.timers),
            QueueName::Immediate => Some(&mut self.immediate),
            QueueName::Pending => Some(&mut self.pending),
            // The pool's queue is followed through worker events; closing through handle events.
            QueueName::Threadpool | QueueName::Closing => None,
        }
    }

    fn handle(&mut self, id: HandleId) -> &mut HandleView {
        self.handles.entry(id).or_default()
    }

    /// Applies one event.
    pub fn apply(&mut self, stamped: &Stamped) {
        self.index += 1;
        self.at = stamped.at;
        match &stamped.event {
            TraceEvent::RunStart { .. }
            | TraceEvent::PollWake { .. }
            | TraceEvent::UvCallback { .. } => {}
            TraceEvent::RunEnd { .. } => self.phase = None,
            TraceEvent::PhaseEnter { phase, iteration } => {
                self.phase = Some(*phase);
                self.iteration = *iteration;
                if *phase != Phase::Poll {
                    self.poll = None;
                }
            }
            TraceEvent::PhaseLeave { .. } => {}
            TraceEvent::TimeUpdate { loop_ms } => self.loop_ms = *loop_ms,
            TraceEvent::PollWait { timeout_ms, reason } => self.poll = Some((*timeout_ms, *reason)),
            TraceEvent::AliveCheck {
                alive,
                handles,
                requests,
                reasons,
            } => {
                self.alive = Some(AliveView {
                    alive: *alive,
                    handles: *handles,
                    requests: *requests,
                    reasons: reasons.clone(),
                })
            }
            TraceEvent::HandleInit {
                handle,
                handle_kind,
                label,
                internal,
            } => {
                self.handles.insert(
                    *handle,
                    HandleView {
                        kind: Some(*handle_kind),
                        label: label.clone(),
                        internal: *internal,
                        refed: true,
                        ..HandleView::default()
                    },
                );
            }
            TraceEvent::HandleStart { handle } => self.handle(*handle).active = true,
            TraceEvent::HandleStop { handle } => self.handle(*handle).active = false,
            TraceEvent::HandleRef { handle, refed } => self.handle(*handle).refed = *refed,
            TraceEvent::HandleClosing { handle } => {
                self.handle(*handle).closing = true;
                self.closing.push(*handle);
            }
            TraceEvent::HandleClosed { handle } => {
                let h = self.handle(*handle);
                h.closing = false;
                h.closed = true;
                h.active = false;
                self.closing.retain(|c| c != handle);
            }
            TraceEvent::RequestSubmit {
                request,
                request_kind,
                label,
                ..
            } => {
                self.requests.insert(
                    *request,
                    RequestView {
                        kind: *request_kind,
                        label: label.clone(),
                        done: false,
                        error: None,
                    },
                );
            }
            TraceEvent::RequestDone { request, error } => {
                if let Some(r) = self.requests.get_mut(request) {
                    r.done = true;
                    r.error.clone_from(error);
                }
                remove(&mut self.completed, *request);
            }
            TraceEvent::TaskStart { task } => self.running = Some(*task),
            TraceEvent::TaskEnd { .. } => self.running = None,
            TraceEvent::QueuePush { queue, id } => {
                if *queue == QueueName::Threadpool {
                    self.threadpool.push_back(RequestId(*id as u32));
                } else if let Some(q) = self.queue(*queue) {
                    q.push_back(*id);
                }
            }
            TraceEvent::QueuePop { queue, id } | TraceEvent::QueueRemove { queue, id } => {
                if let Some(q) = self.queue(*queue) {
                    remove(q, *id);
                }
            }
            TraceEvent::TimeoutInit {
                id,
                after_ms,
                repeat,
                refed,
            } => {
                self.timeouts.insert(
                    *id,
                    TimeoutView {
                        after_ms: *after_ms,
                        repeat: *repeat,
                        refed: *refed,
                    },
                );
            }
            TraceEvent::TimeoutRef { id, refed } => {
                if let Some(t) = self.timeouts.get_mut(id) {
                    t.refed = *refed;
                }
            }
            TraceEvent::TimerSchedule { .. }
            | TraceEvent::CallSite { .. }
            | TraceEvent::Decision(_)
            | TraceEvent::WorkQueued { .. }
            | TraceEvent::BeforeExit { .. } => {}
            TraceEvent::WorkerStart { worker, request } => {
                remove(&mut self.threadpool, *request);
                self.workers.insert(*worker, Some(*request));
            }
            TraceEvent::WorkerDone { worker, request } => {
                self.workers.insert(*worker, None);
                self.completed.push_back(*request);
            }
            TraceEvent::CoreSwitch { core, from, to } => {
                if from.is_some() && to.is_some() {
                    self.context_switches += 1;
                }
                self.cores.insert(*core, *to);
            }
            TraceEvent::Exit { code } => {
                self.exit = Some(*code);
                self.phase = None;
            }
            TraceEvent::Halt { message } => self.halt = Some(message.clone()),
            TraceEvent::Output { .. } => self.outputs += 1,
            TraceEvent::ModuleEvalStart { path, format } => self.modules.push(ModuleView {
                path: path.clone(),
                format: *format,
                finished: false,
                suspended: false,
            }),
            TraceEvent::ModuleEvalEnd { path, .. } => {
                if let Some(m) = self.modules.iter_mut().rev().find(|m| &m.path == path) {
                    m.finished = true;
                    m.suspended = false;
                }
            }
            TraceEvent::EsmSuspended { path } => {
                if let Some(m) = self.modules.iter_mut().rev().find(|m| &m.path == path) {
                    m.suspended = true;
                }
            }
            TraceEvent::ModuleProbe { .. }
            | TraceEvent::ModuleResolve { .. }
            | TraceEvent::ModuleCacheHit { .. }
            | TraceEvent::ModuleWrapperCall { .. }
            | TraceEvent::EsmPhase { .. }
            | TraceEvent::EsmEdge { .. } => {}
            TraceEvent::IoInterest {
                handle,
                readable,
                writable,
            } => {
                if *readable || *writable {
                    let interest = IoInterestView {
                        readable: *readable,
                        writable: *writable,
                    };
                    self.interest.insert(*handle, interest);
                } else {
                    self.interest.remove(handle);
                }
            }
            TraceEvent::SocketData {
                handle,
                direction,
                bytes,
                total,
                ..
            } => {
                let n = total.unwrap_or(bytes.len() as u64);
                let counts = self.socket_bytes.entry(*handle).or_default();
                match direction {
                    Direction::Read => counts.0 += n,
                    Direction::Write => counts.1 += n,
                }
            }
            TraceEvent::IoReady { .. }
            | TraceEvent::SocketOpen { .. }
            | TraceEvent::SocketEnd { .. }
            | TraceEvent::SignalWatch { .. }
            | TraceEvent::SignalSend { .. }
            | TraceEvent::SignalDeliver { .. }
            | TraceEvent::FsEventWatch { .. }
            | TraceEvent::FsEventDeliver { .. }
            | TraceEvent::SignalDefault { .. } => {}
        }
    }
}

/// A trace with checkpoints, for moving to any step quickly.
#[derive(Debug)]
pub struct Replay {
    trace: Trace,
    checkpoints: Vec<View>,
}

impl Replay {
    pub fn new(trace: Trace) -> Self {
        let mut view = View::default();
        let mut checkpoints = vec![view.clone()];
        for (i, event) in trace.events.iter().enumerate() {
            view.apply(event);
            if (i + 1) % CHECKPOINT_EVERY == 0 {
                checkpoints.push(view.clone());
            }
        }
        Replay { trace, checkpoints }
    }

    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    pub fn len(&self) -> usize {
        self.trace.events.len()
    }

    /// The view after the first `index` events.
    pub fn view_at(&self, index: usize) -> View {
        let index = index.min(self.len());
        let mut view = self.checkpoints[index / CHECKPOINT_EVERY].clone();
        for event in &self.trace.events[view.index..index] {
            view.apply(event);
        }
        view
    }

    /// The next event index after `from` that enters a phase (optionally a given one).
    pub fn next_phase(&self, from: usize, phase: Option<Phase>) -> Option<usize> {
        self.find(from, |e| matches!(e, TraceEvent::PhaseEnter { phase: p, .. } if phase.is_none_or(|want| want == *p)))
    }

    /// The next event index after `from` that starts a new loop iteration.
    pub fn next_iteration(&self, from: usize) -> Option<usize> {
        self.find(from, |e| matches!(e, TraceEvent::PhaseEnter { phase: Phase::Pending, iteration, .. } if *iteration > 0))
    }

    fn find(&self, from: usize, pred: impl Fn(&TraceEvent) -> bool) -> Option<usize> {
        self.trace
            .events
            .iter()
            .enumerate()
            .skip(from + 1)
            .find(|(_, e)| pred(&e.event))
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    //! Rebuilding the model's state at any step from a trace, and narrating each step.
    use super::*;
    use crate::view::narration::narrate;
    use looplab_core::demo::run_demo;
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
            .handles
            .values()
            .filter(|h| h.keeps_alive())
            .map(|h| h.label.clone())
            .collect();
        assert!(alive.iter().any(|l| l.contains("Node timers")), "{alive:?}");
    }

    #[test]
    fn the_end_shows_the_exit_and_empty_queues() {
        let replay = demo();
        let view = replay.view_at(replay.len());
        assert_eq!(view.exit, Some(0));
        assert!(
            view.next_tick.is_empty() && view.microtask.is_empty() && view.immediate.is_empty()
        );
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
}
