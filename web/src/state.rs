//! The page's state and every way it changes, with no HTML: tested natively.
//!
//! Running code happens outside the reducer (it is a side effect); the result arrives as
//! `Action::Ran`. Stepping only moves `step` through the recorded run.
use std::rc::Rc;

use yew::Reducible;

use crate::decode::embed_panels::EmbedPanels;
use crate::decode::share::{FORMAT, Shared};
use crate::files::{RunSettings, SourceFile};
use crate::run::finished::RunData;
use crate::run::race::Race;
use crate::run::runner::Progress;
use crate::scenario::{self, Open, Scenario};
use crate::view::level::Level;
use looplab_core::Choice;

/// Play speeds in steps per second.
pub const SPEEDS: [u32; 5] = [1, 2, 4, 10, 30];

#[derive(Clone, Debug)]
pub struct State {
    pub files: Vec<SourceFile>,
    pub active_file: usize,
    pub settings: RunSettings,
    /// The library scenario the files came from, while unedited.
    pub scenario: Option<&'static str>,
    pub run: Option<Rc<RunData>>,
    /// The step at `level`.
    pub step: usize,
    pub level: Level,
    pub playing: bool,
    /// Index into `SPEEDS`.
    pub speed: usize,
    /// The files or settings changed since the last run.
    pub stale: bool,
    /// A message for the learner (a bad link, say), dismissible.
    pub message: Option<String>,
    pub embed: bool,
    pub read_only: bool,
    /// The panels an embed shows (a page that is not embedded shows all).
    pub panels: EmbedPanels,
    /// Bumped to ask the page to run the files; the run opens at `open_at`.
    pub run_request: u32,
    pub open_at: OpenAt,
    /// A run going on off the page's thread: how far it has got.
    pub running: Option<Running>,
    /// The branches the run is made with at its decisions: empty for the model's own timing,
    /// else the order of `race` the learner picked.
    pub choices: Vec<Choice>,
    /// The orders the files can print, when timing decides between more than one.
    pub race: Option<Rc<Race>>,
}

/// A run in progress, as the page shows it (and offers Stop).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Running {
    pub progress: Progress,
    /// How long the run has been silent: past `stop_cause::SILENT_MS`, one callback has not
    /// returned.
    pub silent_ms: f64,
}

/// Where the next run opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenAt {
    Scenario(Open),
    Step(usize),
    /// Where the order picked parts from the others.
    Parting,
}

impl Default for State {
    fn default() -> Self {
        let first = &crate::scenarios::SCENARIOS[0];
        State {
            files: first.source_files(),
            active_file: 0,
            settings: first.settings(),
            scenario: Some(first.id),
            run: None,
            step: 0,
            level: Level::Learner,
            playing: false,
            speed: 2,
            stale: true,
            message: None,
            embed: false,
            read_only: false,
            panels: EmbedPanels::default(),
            run_request: 1,
            open_at: OpenAt::Scenario(first.open),
            running: None,
            choices: Vec::new(),
            race: None,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    Edit {
        file: usize,
        text: String,
    },
    SelectFile(usize),
    LoadScenario(&'static str),
    Settings(RunSettings),
    /// A run finished; open it at `step`.
    Ran {
        run: Rc<RunData>,
        step: usize,
    },
    StepForward,
    StepBack,
    /// A step at the current level.
    GoTo(usize),
    /// The step (at the current level) showing this internal step: a console line, the timeline.
    GoToInternal(usize),
    /// Learner or Internals; the step stays on the same moment.
    Level(Level),
    NextPhase,
    NextIteration,
    End,
    /// Back to step 0 of the same run.
    Reset,
    TogglePlay,
    /// One tick of the player: forward, pausing at the end.
    PlayTick,
    Speed(usize),
    Message(Option<String>),
    /// A run going on reported progress.
    Running(Running),
    /// Files, settings and step from a share link; the page runs them next.
    Restore(Shared),
    /// How the page was opened: in a course page's frame, read-only, which panels it shows.
    Embed {
        embed: bool,
        read_only: bool,
        panels: EmbedPanels,
    },
    /// Run the files (the page's effect does it and answers with `Ran`).
    Run,
    /// Run the order of the race with this index, and open it where it parts from the others.
    PickOrder(usize),
    /// A trace file was opened: step through its run; the editor shows a note, since the code
    /// is not in a trace.
    OpenTrace {
        run: Rc<RunData>,
        name: String,
    },
}

/// What the editor shows while a trace file is open.
pub fn trace_note(name: &str) -> String {
    format!(
        "// {name}: a trace file, replayed step by step.\n\
         // A trace holds what the loop did and what the script printed, not the script itself.\n\
         // Pick a scenario to go back to code you can edit and run.\n"
    )
}

impl State {
    pub fn last(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.last_at(self.level))
    }

    /// The internal step the current step stands on.
    pub fn internal_step(&self) -> usize {
        self.run
            .as_ref()
            .map_or(0, |r| r.internal(self.level, self.step))
    }

    /// What a share link for this state carries.
    pub fn shared(&self) -> Shared {
        Shared {
            v: FORMAT,
            files: self.files.clone(),
            settings: self.settings,
            step: self.step,
            scenario: self.scenario.map(str::to_string),
            level: self.level,
            choices: self.choices.clone(),
        }
    }

    fn at(mut self, step: usize) -> Self {
        self.step = step.min(self.last());
        if self.step == self.last() {
            self.playing = false;
        }
        self
    }

    /// The order of the race this state's run prints, if it has a race.
    pub fn order(&self) -> Option<usize> {
        self.race.as_ref()?.order_of(&self.choices)
    }

    fn edited(mut self) -> Self {
        self.choices.clear();
        self.stale = true;
        self.scenario = None;
        self.playing = false;
        self
    }

    pub fn scenario(&self) -> Option<&'static Scenario> {
        self.scenario.and_then(scenario::find)
    }
}

/// The step (at `level`) a run opens at.
pub fn opening_step(run: &RunData, open: OpenAt, level: Level) -> usize {
    match open {
        OpenAt::Step(step) => step.min(run.last_at(level)),
        // The reducer finds it: it knows the race and the order.
        OpenAt::Parting | OpenAt::Scenario(Open::Start) => 0,
        OpenAt::Scenario(Open::End) => run.last_at(level),
        OpenAt::Scenario(Open::Find(text)) => {
            run.find(text).map_or(0, |i| run.at_level_after(level, i))
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let s = (*self).clone();
        let next = match action {
            Action::Edit { file, text } => {
                let mut s = s.edited();
                if let Some(f) = s.files.get_mut(file) {
                    f.text = text;
                }
                s
            }
            Action::SelectFile(i) if i < s.files.len() => State {
                active_file: i,
                ..s
            },
            Action::SelectFile(_) => return self,
            Action::LoadScenario(id) => match scenario::find(id) {
                Some(sc) => State {
                    files: sc.source_files(),
                    active_file: 0,
                    settings: sc.settings(),
                    scenario: Some(sc.id),
                    run: None,
                    step: 0,
                    playing: false,
                    stale: true,
                    run_request: s.run_request + 1,
                    open_at: OpenAt::Scenario(sc.open),
                    choices: Vec::new(),
                    race: None,
                    ..s
                },
                None => return self,
            },
            Action::Settings(settings) => {
                let scenario = s.scenario;
                State {
                    settings: settings.clamped(),
                    scenario,
                    ..s.edited()
                }
            }
            Action::Ran { run, step } => {
                // A run with the model's own timing brings its race; an order the learner
                // picked keeps the race it came from.
                let race = match (&run.race, s.choices.is_empty()) {
                    (Some(race), _) => Some(race.clone()),
                    (None, false) => s.race.clone(),
                    (None, true) => None,
                };
                let parting = match (s.open_at, &race) {
                    (OpenAt::Parting, Some(race)) => run
                        .parting_step(race, &s.choices)
                        .map(|i| run.at_level(s.level, i)),
                    _ => None,
                };
                State {
                    run: Some(run),
                    race,
                    stale: false,
                    playing: false,
                    running: None,
                    ..s
                }
                .at(parting.unwrap_or(step))
            }
            Action::StepForward => {
                let step = s.step + 1;
                s.at(step)
            }
            Action::StepBack => {
                let step = s.step.saturating_sub(1);
                s.at(step)
            }
            Action::GoTo(step) => s.at(step),
            Action::GoToInternal(internal) => match s.run.clone() {
                Some(r) => {
                    let step = r.at_level(s.level, internal);
                    s.at(step)
                }
                None => return self,
            },
            Action::Level(level) => {
                let internal = s.internal_step();
                let step = s.run.as_ref().map_or(0, |r| r.at_level(level, internal));
                State { level, ..s }.at(step)
            }
            // At the Learner level a jump lands on the first learner step at or after the
            // moment, and always moves forward.
            Action::NextPhase => match s.run.clone() {
                Some(r) => {
                    let to = r.next_phase(s.internal_step());
                    let step = r.at_level_after(s.level, to).max(s.step + 1);
                    s.at(step)
                }
                None => return self,
            },
            Action::NextIteration => match s.run.clone() {
                Some(r) => {
                    let to = r.next_iteration(s.internal_step());
                    let step = r.at_level_after(s.level, to).max(s.step + 1);
                    s.at(step)
                }
                None => return self,
            },
            Action::End => {
                let last = s.last();
                s.at(last)
            }
            Action::Reset => State {
                playing: false,
                ..s
            }
            .at(0),
            Action::TogglePlay if s.run.is_none() => return self,
            Action::TogglePlay => {
                let restart = !s.playing && s.step == s.last();
                let mut s = if restart { s.at(0) } else { s };
                s.playing = !s.playing && s.last() > 0;
                s
            }
            Action::PlayTick if !s.playing => return self,
            Action::PlayTick => {
                let step = s.step + 1;
                s.at(step)
            }
            Action::Speed(i) => State {
                speed: i.min(SPEEDS.len() - 1),
                ..s
            },
            Action::Message(message) => State { message, ..s },
            Action::Running(running) => State {
                running: Some(running),
                ..s
            },
            Action::Restore(shared) => {
                let known = shared.scenario.as_deref().and_then(scenario::find);
                State {
                    files: shared.files,
                    active_file: 0,
                    settings: shared.settings.clamped(),
                    scenario: known.map(|sc| sc.id),
                    run: None,
                    step: 0,
                    level: shared.level,
                    playing: false,
                    stale: true,
                    run_request: s.run_request + 1,
                    open_at: OpenAt::Step(shared.step),
                    choices: shared.choices,
                    race: None,
                    ..s
                }
            }
            Action::Run => State {
                run_request: s.run_request + 1,
                open_at: OpenAt::Step(0),
                run: None,
                step: 0,
                playing: false,
                choices: Vec::new(),
                ..s
            },
            Action::PickOrder(i) => {
                let Some(order) = s.race.as_ref().and_then(|r| r.orders.get(i)) else {
                    return self;
                };
                if s.order() == Some(i) || s.stale {
                    return self;
                }
                State {
                    choices: order.choices.clone(),
                    run_request: s.run_request + 1,
                    open_at: OpenAt::Parting,
                    run: None,
                    step: 0,
                    playing: false,
                    ..s
                }
            }
            Action::OpenTrace { run, name } => State {
                files: vec![SourceFile::new(&name, &trace_note(&name))],
                active_file: 0,
                settings: run.settings,
                scenario: None,
                run: Some(run),
                step: 0,
                playing: false,
                stale: false,
                message: None,
                running: None,
                choices: Vec::new(),
                race: None,
                ..s
            },
            Action::Embed {
                embed,
                read_only,
                panels,
            } => State {
                embed,
                read_only,
                panels,
                ..s
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::runner;

    fn view(s: &State) -> crate::view::replay::View {
        s.run.as_ref().unwrap().view(s.internal_step())
    }

    fn ran() -> Rc<State> {
        let s = Rc::new(State::default());
        let run = Rc::new(runner::run(&s.files, s.settings, &[]));
        s.reduce(Action::Ran { run, step: 0 })
    }

    #[test]
    fn the_default_scenario_runs_and_prints_in_node_order() {
        let s = ran();
        let run = s.run.as_ref().unwrap();
        let output = run.output();
        let lines: Vec<&str> = output.lines().collect();
        // Sync code, then nextTick, then the promise; inside the I/O callback the immediate
        // always beats the timer. (Where the first timer lands is the model's call.)
        assert_eq!(lines[..3], ["main", "nextTick", "promise"], "{output}");
        let at = |l: &str| lines.iter().position(|x| *x == l).unwrap();
        assert!(at("readFile") < at("immediate from I/O"), "{output}");
        assert!(
            at("immediate from I/O") < at("timeout from I/O"),
            "{output}"
        );
        assert_eq!(lines.len(), 8, "{output}");
        assert!(run.last() > 20);
        assert!(!s.stale);
    }

    #[test]
    fn stepping_back_and_forward_lands_on_the_same_views() {
        let mut s = ran();
        let run = s.run.clone().unwrap();
        for _ in 0..15 {
            s = s.reduce(Action::StepForward);
        }
        let at = s.step;
        let before = view(&s);
        s = s.reduce(Action::StepBack).reduce(Action::StepBack);
        assert_eq!(s.step, at - 2);
        s = s.reduce(Action::StepForward).reduce(Action::StepForward);
        assert_eq!(s.step, at);
        assert_eq!(view(&s), before);
        let _ = run;
    }

    #[test]
    fn jumps_go_to_phases_iterations_and_the_end() {
        for level in Level::ALL {
            let mut s = ran().reduce(Action::Level(level));
            s = s.reduce(Action::NextPhase);
            assert!(view(&s).phase.is_some(), "{level:?}");
            let first = view(&s).iteration;
            s = s.reduce(Action::NextIteration);
            assert!(view(&s).iteration > first, "{level:?}");
            s = s.reduce(Action::End);
            assert_eq!(s.step, s.last());
            assert_eq!(view(&s).exit, Some(0));
            s = s.reduce(Action::StepForward);
            assert_eq!(s.step, s.last(), "stepping past the end stays at the end");
            s = s.reduce(Action::Reset);
            assert_eq!(s.step, 0);
        }
    }

    #[test]
    fn playing_stops_at_the_end_and_restarts_from_the_start() {
        let mut s = ran().reduce(Action::TogglePlay);
        assert!(s.playing);
        for _ in 0..10_000 {
            s = s.reduce(Action::PlayTick);
        }
        assert!(!s.playing);
        assert_eq!(s.step, s.last());
        s = s.reduce(Action::TogglePlay);
        assert!(s.playing);
        assert_eq!(s.step, 0);
    }

    #[test]
    fn editing_marks_the_run_stale_and_forgets_the_scenario() {
        let s = ran().reduce(Action::Edit {
            file: 0,
            text: "console.log(1)".into(),
        });
        assert!(s.stale);
        assert_eq!(s.scenario, None);
    }

    #[test]
    fn console_lines_link_to_the_steps_that_printed_them() {
        let s = ran();
        let run = s.run.as_ref().unwrap();
        for line in &run.console {
            assert!(run.sentence(line.step).contains(line.text.trim_end()));
            // Every printed line is a learner step too, so a click lands on the line's own step.
            let learner = run.at_level(Level::Learner, line.step);
            assert_eq!(run.internal(Level::Learner, learner), line.step);
            assert!(
                run.sentence_at(Level::Learner, learner)
                    .contains(line.text.trim_end()),
                "{}",
                run.sentence_at(Level::Learner, learner)
            );
        }
    }

    #[test]
    fn switching_levels_keeps_the_moment() {
        let mut s = ran();
        for _ in 0..6 {
            s = s.reduce(Action::StepForward);
        }
        let internal = s.internal_step();
        let s = s.reduce(Action::Level(Level::Internals));
        assert_eq!(s.internal_step(), internal);
        let s = s.reduce(Action::StepForward);
        let next = s.internal_step();
        let s = s.reduce(Action::Level(Level::Learner));
        assert!(
            (internal..=next).contains(&s.internal_step()),
            "back to the learner step at or before {next}"
        );
        assert_eq!(s.level, Level::Learner);
    }

    #[test]
    fn opening_a_trace_replaces_the_run_and_shows_a_note_instead_of_code() {
        let bytes = include_bytes!("decode/fixtures/real.json");
        let run = Rc::new(crate::decode::trace_file::parse(bytes).unwrap().into_run());
        let s = ran()
            .reduce(Action::Message(Some("old".into())))
            .reduce(Action::OpenTrace {
                run: run.clone(),
                name: "t.json".into(),
            });
        assert_eq!((s.step, s.scenario, s.stale), (0, None, false));
        assert_eq!(s.message, None);
        assert!(s.files[0].text.contains("not the script itself"));
        assert_eq!(s.settings, run.settings);
        let s = s.reduce(Action::End);
        assert_eq!(s.step, s.last());
        assert_eq!(s.internal_step(), run.last());
    }

    #[test]
    fn restore_then_run_opens_the_shared_step() {
        let mut shared = ran().shared();
        assert_eq!(shared.level, Level::Learner);
        shared.step = 12;
        let s = Rc::new(State::default()).reduce(Action::Restore(shared));
        assert_eq!(s.scenario, Some("tour"));
        assert_eq!(s.open_at, OpenAt::Step(12));
        let run = Rc::new(runner::run(&s.files, s.settings, &[]));
        let step = opening_step(&run, s.open_at, s.level);
        let s = s.reduce(Action::Ran { run, step });
        assert_eq!((s.step, s.level), (12, Level::Learner));
    }

    /// Runs the files as the page's effect would, with the state's branches.
    fn run_now(s: &Rc<State>) -> Rc<State> {
        let run = Rc::new(runner::run(&s.files, s.settings, &s.choices));
        let step = opening_step(&run, s.open_at, s.level);
        s.clone().reduce(Action::Ran { run, step })
    }

    #[cfg(feature = "js")]
    #[test]
    fn a_race_lists_its_orders_and_picking_one_opens_where_they_part() {
        let s =
            run_now(&Rc::new(State::default()).reduce(Action::LoadScenario("race-made-no-race")));
        let race = s
            .race
            .clone()
            .expect("the main module's timer and immediate race");
        assert_eq!(race.orders.len(), 2, "{race:?}");
        let natural = s.order().expect("the run on show is one of the orders");
        assert!(race.orders[natural].choices.is_empty());
        let other = 1 - natural;
        assert_eq!(
            s.run.as_ref().unwrap().output(),
            race.orders[natural].stdout
        );

        let picked = s.clone().reduce(Action::PickOrder(other));
        assert_eq!(picked.open_at, OpenAt::Parting);
        assert_eq!(picked.run_request, s.run_request + 1);
        assert_eq!(picked.choices, race.orders[other].choices);
        let picked = run_now(&picked);
        assert_eq!(picked.order(), Some(other));
        assert_eq!(
            picked.race,
            Some(race.clone()),
            "an order picked keeps its race"
        );
        let run = picked.run.as_ref().unwrap();
        assert_eq!(run.output(), race.orders[other].stdout);
        let sentence = run.learner_step(picked.step).sentence.clone();
        assert!(sentence.starts_with("A race, the other way"), "{sentence}");

        // Picking the order on show does nothing; a fresh run forgets the picked branches.
        assert!(Rc::ptr_eq(
            &picked,
            &picked.clone().reduce(Action::PickOrder(other))
        ));
        let again = picked.clone().reduce(Action::Run);
        assert!(again.choices.is_empty());
        let again = run_now(&again);
        assert_eq!(again.order(), Some(natural));
    }

    #[cfg(feature = "js")]
    #[test]
    fn a_run_without_a_race_has_no_orders() {
        let s = run_now(&Rc::new(State::default()).reduce(Action::LoadScenario("race-io")));
        assert_eq!(s.race, None);
        assert_eq!(
            s.clone().reduce(Action::PickOrder(0)).run_request,
            s.run_request
        );
    }
}
