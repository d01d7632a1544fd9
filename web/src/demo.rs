//! The built-in demo: which loop phases one run of a small scenario went through.

/// One step of the demo run, as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseVisit {
    /// Loop iteration, counted from 1.
    pub iteration: u32,
    /// libuv's name for the phase.
    pub phase: &'static str,
}

/// What the demo shows and whether it came from the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoRun {
    pub script: &'static str,
    pub visits: Vec<PhaseVisit>,
    /// False while looplab-core has no runnable scenario yet: the list is the phase order only.
    pub from_model: bool,
}

const SCRIPT: &str =
    "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));";

/// libuv's phase order in one loop iteration (`uv_run` in src/unix/core.c).
const PHASES: [&str; 7] = [
    "timers", "pending", "idle", "prepare", "poll", "check", "close",
];

/// Runs the demo. Until the model can run a scenario this lists one iteration's phases.
pub fn run() -> DemoRun {
    DemoRun {
        script: SCRIPT,
        visits: PHASES
            .iter()
            .map(|&phase| PhaseVisit {
                iteration: 1,
                phase,
            })
            .collect(),
        from_model: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_walks_the_phases_in_libuv_order() {
        let run = run();
        let phases: Vec<_> = run.visits.iter().map(|v| v.phase).collect();
        assert_eq!(phases.first(), Some(&"timers"));
        assert_eq!(phases.last(), Some(&"close"));
        assert!(
            phases.iter().position(|p| *p == "poll") < phases.iter().position(|p| *p == "check")
        );
    }
}
