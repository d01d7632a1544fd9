//! A finished run as the page steps through it: the replay, the narrated steps and the console.
//!
//! A step is a trace event that has a sentence; bookkeeping events (a queue pop, a phase leave)
//! are applied on the way but never stop the player. Step 0 is "before the script runs".
use crate::view::narration::narrate;
use crate::view::replay::{Replay, View};
use looplab_core::trace::{Frame, Stamped, Trace, TraceEvent};

use std::rc::Rc;

use crate::decode::trace_file::Origin;
use crate::files::{RunSettings, SourceFile};
use crate::run::race::Race;
use crate::view::cards::Cards;
use crate::view::learner::{LearnerStep, Story};
use crate::view::level::Level;
use crate::view::module_graph::ModuleGraph;
use crate::view::timeline::Timeline;
use crate::view::wire_log::WireLog;

/// One console line and the step that printed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleLine {
    pub step: usize,
    /// 1 for stdout, 2 for stderr.
    pub fd: u8,
    pub text: String,
}

#[derive(Debug)]
pub struct RunData {
    replay: Replay,
    /// Events applied at each step (strictly increasing, starting with 0).
    stops: Vec<usize>,
    sentences: Vec<String>,
    /// At each step, the event index of the running task's latest `CallSite`, if any.
    sites: Vec<Option<usize>>,
    pub console: Vec<ConsoleLine>,
    /// Said once above the run: a limit hit, a runtime missing, events dropped.
    pub notice: Option<String>,
    /// What the run was given (the runner fills it in).
    pub settings: RunSettings,
    /// Where a run opened from a file was recorded; None for the page's own runs.
    pub origin: Option<Origin>,
    pub timeline: Timeline,
    /// The run's TCP sockets and the bytes they moved.
    pub wire: WireLog,
    /// The modules the run loaded, for the module view.
    pub modules: ModuleGraph,
    /// The internal step each learner step stands on (strictly increasing, starting with 0).
    learner: Vec<usize>,
    learner_steps: Vec<LearnerStep>,
    /// The learner's callbacks, where each one is at every step.
    pub cards: Cards,
    /// Each decision timing made (its `Decision::index`) and the internal step that shows it.
    decisions: Vec<(u32, usize)>,
    /// The orders the run's race can print (more than one), when it has a race and was run
    /// with the model's own timing; the page keeps them for the orders the learner picks.
    pub race: Option<Rc<Race>>,
}

/// Runs never change once made: two are equal when they are the same run.
impl PartialEq for RunData {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl RunData {
    pub fn new(trace: Trace, notice: Option<String>) -> Self {
        Self::with_files(trace, notice, &[])
    }

    /// A run of `files` (their text finds the lines of promise jobs, which have no call site).
    pub fn with_files(trace: Trace, notice: Option<String>, files: &[SourceFile]) -> Self {
        let mut story = Story::new(
            &trace.events,
            files
                .iter()
                .map(|f| (f.name.clone(), f.text.clone()))
                .collect(),
        );
        let mut learner = vec![0];
        let mut learner_steps = vec![LearnerStep {
            sentence: "Before the script runs: press Step to start.".into(),
            context: None,
            first: false,
            line: None,
        }];
        let mut stops = vec![0];
        let mut sentences =
            vec!["Before the script runs: press Step or Play to start.".to_string()];
        let mut console = Vec::new();
        let mut sites = vec![None];
        let mut decisions = Vec::new();
        let mut site = None;
        let mut view = View::default();
        let dropped = trace.dropped;
        for (i, Stamped { event, .. }) in trace.events.iter().enumerate() {
            match event {
                TraceEvent::CallSite { .. } => site = Some(i),
                TraceEvent::TaskStart { .. } | TraceEvent::TaskEnd { .. } => site = None,
                _ => {}
            }
            let told = story.step(i, event, &view);
            if let Some(sentence) = narrate(event, &view) {
                if let Some(step) = told {
                    learner.push(stops.len());
                    learner_steps.push(step);
                }
                if let TraceEvent::Decision(d) = event {
                    decisions.push((d.index, stops.len()));
                }
                stops.push(i + 1);
                sites.push(site);
                sentences.push(sentence);
                if let TraceEvent::Output { fd, text } = event {
                    console.push(ConsoleLine {
                        step: stops.len() - 1,
                        fd: *fd,
                        text: text.clone(),
                    });
                }
            }
            view.apply(&trace.events[i]);
        }
        let notice = notice.or_else(|| {
            (dropped > 0).then(|| {
                format!(
                    "The trace stopped recording after {} events ({dropped} more were left out).",
                    trace.events.len()
                )
            })
        });
        let wire = WireLog::new(&trace.events, |i| {
            stops.partition_point(|&s| s < i + 1).min(stops.len() - 1)
        });
        RunData {
            timeline: Timeline::new(&trace.events),
            wire,
            modules: ModuleGraph::new(trace.events.iter().map(|s| &s.event)),
            replay: Replay::new(trace),
            stops,
            sentences,
            sites,
            console,
            notice,
            settings: RunSettings::default(),
            origin: None,
            learner,
            learner_steps,
            cards: story.cards,
            decisions,
            race: None,
        }
    }

    /// The internal step of the run's decision `index` (`looplab_core::Decision::index`).
    pub fn decision_step(&self, index: u32) -> Option<usize> {
        self.decisions
            .iter()
            .find(|&&(i, _)| i == index)
            .map(|&(_, step)| step)
    }

    /// The internal step where this run, made with the branches `choices`, parts from another
    /// of `race`'s orders.
    pub fn parting_step(&self, race: &Race, choices: &[looplab_core::Choice]) -> Option<usize> {
        self.decision_step(race.parting(race.order_of(choices)?)?)
    }

    /// The last step at `level`.
    pub fn last_at(&self, level: Level) -> usize {
        match level {
            Level::Learner => self.learner.len() - 1,
            Level::Internals => self.last(),
        }
    }

    /// The internal step that step `step` at `level` stands on.
    pub fn internal(&self, level: Level, step: usize) -> usize {
        match level {
            Level::Learner => self.learner[step.min(self.learner.len() - 1)],
            Level::Internals => step.min(self.last()),
        }
    }

    /// The step at `level` showing internal step `internal`, or the last one before it.
    pub fn at_level(&self, level: Level, internal: usize) -> usize {
        match level {
            Level::Learner => self
                .learner
                .partition_point(|&s| s <= internal)
                .saturating_sub(1),
            Level::Internals => internal.min(self.last()),
        }
    }

    /// The step at `level` showing internal step `internal`, or the first one after it.
    pub fn at_level_after(&self, level: Level, internal: usize) -> usize {
        match level {
            Level::Learner => self
                .learner
                .partition_point(|&s| s < internal)
                .min(self.learner.len() - 1),
            Level::Internals => internal.min(self.last()),
        }
    }

    /// What step `step` at `level` says.
    pub fn sentence_at(&self, level: Level, step: usize) -> &str {
        match level {
            Level::Learner => &self.learner_steps[step.min(self.learner.len() - 1)].sentence,
            Level::Internals => self.sentence(step),
        }
    }

    /// The learner step `step` (for its "why").
    pub fn learner_step(&self, step: usize) -> &LearnerStep {
        &self.learner_steps[step.min(self.learner.len() - 1)]
    }

    /// What the times are: the OS's clock for a `--real` trace, else the model's.
    pub fn clock(&self) -> &'static str {
        match self.origin {
            Some(Origin::Real) => "real time",
            _ => "virtual time",
        }
    }

    pub fn trace(&self) -> &Trace {
        self.replay.trace()
    }

    /// At a step that ends a callback which held the main thread for `learner::LONG_TASK_US` or
    /// more, how long it ran, in ms: the loop could not move meanwhile.
    pub fn held_ms(&self, step: usize) -> Option<u64> {
        let events = &self.replay.trace().events;
        let end = self.stops.get(step)?.checked_sub(1)?;
        let TraceEvent::TaskEnd { .. } = events.get(end)?.event else {
            return None;
        };
        let start = events[..end]
            .iter()
            .rposition(|e| matches!(e.event, TraceEvent::TaskStart { .. }))?;
        let ran = events[end].at.as_micros() - events[start].at.as_micros();
        (ran >= crate::view::learner::LONG_TASK_US).then_some(ran / 1000)
    }

    pub fn last(&self) -> usize {
        self.stops.len() - 1
    }

    pub fn events(&self) -> usize {
        self.replay.len()
    }

    /// What the model looked like after `step`.
    pub fn view(&self, step: usize) -> View {
        self.replay.view_at(self.stops[step.min(self.last())])
    }

    /// The learner's frames at `step`, most recent first: where the running task's code last did
    /// something visible. Empty between callbacks, when no JavaScript is on the stack.
    pub fn call_stack(&self, step: usize) -> &[Frame] {
        match self.sites[step.min(self.last())].map(|i| &self.replay.trace().events[i].event) {
            Some(TraceEvent::CallSite { frames, .. }) => frames,
            _ => &[],
        }
    }

    pub fn sentence(&self, step: usize) -> &str {
        &self.sentences[step.min(self.last())]
    }

    /// The event shown at `step` (none at step 0).
    pub fn event(&self, step: usize) -> Option<&TraceEvent> {
        let applied = self.stops[step.min(self.last())];
        applied
            .checked_sub(1)
            .map(|i| &self.replay.trace().events[i].event)
    }

    /// How many trace events have been applied at `step`.
    pub fn applied(&self, step: usize) -> usize {
        self.stops[step.min(self.last())]
    }

    /// The step at which event index `event` (0-based) has been applied.
    pub fn step_of_event(&self, event: usize) -> usize {
        self.stops
            .partition_point(|&s| s < event + 1)
            .min(self.last())
    }

    /// The next step that enters a loop phase.
    pub fn next_phase(&self, step: usize) -> usize {
        let from = self.stops[step.min(self.last())];
        match from.checked_sub(1) {
            Some(i) => self.replay.next_phase(i, None),
            None => self.first_phase(),
        }
        .map_or(self.last(), |e| self.step_of_event(e))
    }

    /// The next step that starts a new loop iteration.
    pub fn next_iteration(&self, step: usize) -> usize {
        let from = self.stops[step.min(self.last())].saturating_sub(1);
        self.replay
            .next_iteration(from)
            .map_or(self.last(), |e| self.step_of_event(e))
    }

    fn first_phase(&self) -> Option<usize> {
        self.replay
            .trace()
            .events
            .iter()
            .position(|e| matches!(e.event, TraceEvent::PhaseEnter { .. }))
    }

    /// Virtual time at `step`, in microseconds.
    pub fn time_us(&self, step: usize) -> u64 {
        self.event_time(self.stops[step.min(self.last())])
    }

    fn event_time(&self, applied: usize) -> u64 {
        applied
            .checked_sub(1)
            .map_or(0, |i| self.replay.trace().events[i].at.as_micros())
    }

    /// The first step at or after virtual time `us` (for scrubbing the timeline).
    pub fn step_at_time(&self, us: u64) -> usize {
        self.stops
            .partition_point(|&applied| self.event_time(applied) < us)
            .min(self.last())
    }

    /// The first step whose sentence contains `text` (for a scenario's opening step).
    pub fn find(&self, text: &str) -> Option<usize> {
        self.sentences.iter().position(|s| s.contains(text))
    }

    /// Whole stdout and stderr as the console shows them.
    #[cfg(test)]
    pub fn output(&self) -> String {
        self.console.iter().map(|l| l.text.as_str()).collect()
    }
}

#[cfg(all(test, feature = "js"))]
mod held_tests {
    use crate::view::level::Level;

    /// The learner step that says the code held the loop stands where the ring draws it held;
    /// no step of a scenario without long callbacks does.
    #[test]
    fn the_step_of_a_long_callback_shows_the_loop_held() {
        let busy = crate::scenario::find("busy-loop").expect("busy-loop scenario");
        let run = crate::run::runner::run(&busy.source_files(), busy.settings(), &[]);
        let said = (0..=run.last_at(Level::Learner))
            .find(|&s| {
                run.sentence_at(Level::Learner, s)
                    .contains("without returning")
            })
            .expect("a step says the code held the loop");
        let held = run.held_ms(run.internal(Level::Learner, said));
        assert!(held.is_some_and(|ms| ms >= 5), "{held:?}");
        let tour = crate::scenario::find("tour").expect("tour scenario");
        let run = crate::run::runner::run(&tour.source_files(), tour.settings(), &[]);
        assert!((0..=run.last()).all(|s| run.held_ms(s).is_none()));
    }
}
