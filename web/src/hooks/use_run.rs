//! Runs the files whenever the state asks (`run_request`), off the page's thread where the page
//! can start a worker, and answers with `Action::Ran`. While a run goes on it reports progress
//! four times a second, and Stop ends it at once, keeping what it recorded.
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::run::finished::RunData;
use crate::state::{Action, State, opening_step};

/// How often a run in progress updates the page.
const PROGRESS_MS: u32 = 250;

pub struct RunHandle {
    /// Ends the run in progress, if any, keeping what it recorded.
    pub stop: Callback<()>,
    /// Drops the run in progress, if any: something else takes its place (a trace file).
    pub cancel: Callback<()>,
    /// How long the last run took, on the wall clock.
    pub run_ms: Option<f64>,
}

#[cfg(all(target_arch = "wasm32", feature = "js"))]
type Job = crate::run::worker::RunJob;

/// Where there is no worker (native tests, builds without the engine) runs happen in place:
/// no job ever starts.
#[cfg(not(all(target_arch = "wasm32", feature = "js")))]
enum Job {}

#[cfg(not(all(target_arch = "wasm32", feature = "js")))]
impl Job {
    fn start(
        _: &[crate::files::SourceFile],
        _: crate::files::RunSettings,
        _: &[looplab_core::Choice],
        _: bool,
        _: Callback<Rc<RunData>>,
    ) -> Option<Job> {
        None
    }
    fn progress(&self) -> crate::run::runner::Progress {
        match *self {}
    }
    fn silent_ms(&self) -> f64 {
        match *self {}
    }
    fn stop(self) -> RunData {
        match self {}
    }
}

#[hook]
pub fn use_run(state: UseReducerHandle<State>) -> RunHandle {
    let job: Rc<RefCell<Option<Job>>> = use_mut_ref(|| None);
    let run_ms = use_state(|| None::<f64>);
    {
        let s = state.clone();
        let job = job.clone();
        let run_ms = run_ms.clone();
        use_effect_with(state.run_request, move |_| {
            // A zero timeout lets the browser paint (the page, or "Running…") before the run.
            let start = {
                let s = s.clone();
                let job = job.clone();
                gloo_timers::callback::Timeout::new(0, move || {
                    let started = browser::now_ms();
                    let on_done = {
                        let s = s.clone();
                        let job = job.clone();
                        Callback::from(move |run: Rc<RunData>| {
                            job.borrow_mut().take();
                            run_ms.set(Some(browser::now_ms() - started));
                            let step = opening_step(&run, s.open_at, s.level);
                            s.dispatch(Action::Ran { run, step });
                        })
                    };
                    // An order picked from a race already found needs no exploring; a shared
                    // link to an order does.
                    let explore = s.race.is_none();
                    match Job::start(&s.files, s.settings, &s.choices, explore, on_done.clone()) {
                        Some(j) => {
                            *job.borrow_mut() = Some(j);
                            s.dispatch(Action::Running(Default::default()));
                        }
                        None => on_done.emit(Rc::new(crate::run::runner::run(
                            &s.files, s.settings, &s.choices,
                        ))),
                    }
                })
            };
            let ticker = {
                let s = s.clone();
                let job = job.clone();
                gloo_timers::callback::Interval::new(PROGRESS_MS, move || {
                    if let Some(j) = job.borrow().as_ref() {
                        s.dispatch(Action::Running(crate::state::Running {
                            progress: j.progress(),
                            silent_ms: j.silent_ms(),
                        }));
                    }
                })
            };
            move || {
                drop(start);
                drop(ticker);
                // A newer request replaces the run in progress.
                job.borrow_mut().take();
            }
        });
    }
    let cancel = {
        let job = job.clone();
        // Dropping a job terminates its worker.
        Callback::from(move |()| {
            job.borrow_mut().take();
        })
    };
    let stop = {
        let s = state.clone();
        Callback::from(move |()| {
            let Some(j) = job.borrow_mut().take() else {
                return;
            };
            let silent = j.silent_ms();
            let run = j.stop();
            let cause = crate::view::stop_cause::stop_cause(&run, silent);
            let step = run.last_at(s.level);
            s.dispatch(Action::Ran {
                run: Rc::new(run),
                step,
            });
            s.dispatch(Action::Message(Some(cause)));
        })
    };
    RunHandle {
        stop,
        cancel,
        run_ms: *run_ms,
    }
}
