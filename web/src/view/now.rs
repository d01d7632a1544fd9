//! What runs now, decided once per step: the ring's status, the main thread's lane and the call
//! stack's bottom all read it, so the panels cannot disagree.
use crate::view::replay::View;
use looplab_core::Task;
use looplab_core::uv::Phase;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Now {
    NotStarted,
    /// The entry script runs, before the loop starts.
    MainScript,
    /// A callback the loop called (or 'beforeExit' / 'exit' listeners, outside it).
    Callback {
        phase: Option<Phase>,
        task: Task,
    },
    /// nextTicks or promise jobs drain after a callback.
    Draining {
        task: Task,
    },
    /// The loop works in a phase; no JavaScript runs.
    Loop(Phase),
    /// Between the main script and the loop, or after the loop: Node's own work.
    Between,
    Exited(i32),
    Halted,
}

impl Now {
    pub fn of(view: &View) -> Now {
        if let Some(code) = view.exit {
            return Now::Exited(code);
        }
        if view.halt.is_some() {
            return Now::Halted;
        }
        match (view.running, view.phase) {
            (Some(Task::Main), _) => Now::MainScript,
            (Some(task), _) if task.is_microtask_like() => Now::Draining { task },
            (Some(task), phase) => Now::Callback { phase, task },
            (None, Some(phase)) => Now::Loop(phase),
            (None, None) if view.index == 0 => Now::NotStarted,
            (None, None) => Now::Between,
        }
    }

    pub fn runs_javascript(self) -> bool {
        matches!(
            self,
            Now::MainScript | Now::Callback { .. } | Now::Draining { .. }
        )
    }

    /// One line for the ring's status.
    pub fn status(self, iteration: u64) -> String {
        let turn = |phase: Phase| {
            if iteration == 0 {
                "before the first iteration".to_string()
            } else {
                format!("iteration {iteration}, {} phase", phase.name())
            }
        };
        match self {
            Now::NotStarted => "not started".into(),
            Now::MainScript => "the main script runs; the loop has not started".into(),
            Now::Callback {
                phase: Some(phase), ..
            } => format!("{}: a callback runs", turn(phase)),
            Now::Callback { phase: None, .. } => "the loop has ended; listeners run".into(),
            Now::Draining { .. } => "draining nextTicks and promise jobs".into(),
            Now::Loop(phase) => turn(phase),
            Now::Between => "Node's own work, outside the loop".into(),
            Now::Exited(code) => format!("exited with code {code}"),
            Now::Halted => "stopped by a limit".into(),
        }
    }

    /// What the main thread does, for its lane.
    pub fn main_thread(self) -> &'static str {
        match self {
            Now::NotStarted => "not started",
            Now::MainScript => "running your main script",
            Now::Callback { .. } => "running a callback",
            Now::Draining { .. } => "draining microtasks",
            Now::Loop(Phase::Poll) => "in the loop: poll",
            Now::Loop(_) => "in the loop",
            Now::Between => "in Node, outside the loop",
            Now::Exited(_) => "exited",
            Now::Halted => "stopped",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_core::node::TickId;

    #[test]
    fn one_answer_for_every_panel() {
        let mut view = View::default();
        assert_eq!(Now::of(&view), Now::NotStarted);
        view.index = 3;
        view.running = Some(Task::Main);
        assert_eq!(Now::of(&view), Now::MainScript);
        assert!(Now::of(&view).runs_javascript());
        view.running = Some(Task::Tick(TickId(0)));
        view.phase = Some(Phase::Poll);
        assert_eq!(Now::of(&view).main_thread(), "draining microtasks");
        view.running = None;
        assert_eq!(Now::of(&view), Now::Loop(Phase::Poll));
        assert!(!Now::of(&view).runs_javascript());
        view.exit = Some(0);
        assert_eq!(Now::of(&view).status(1), "exited with code 0");
    }
}
