//! A script's orders: every output its races can give, found by re-running it with other
//! branches at its decisions (`looplab_core::decision`), with how likely each output is.
//!
//! Exploring enumerates branches rather than sampling them. The first run takes the natural
//! branch everywhere; each decision it meets with a chance above zero is a branch not yet taken,
//! and the next run takes the most likely such branch (the run's branches so far, then the
//! alternative there, then natural ones). Enumeration is exact and bounded: within `budget`
//! runs it finds the likeliest orders first, never runs one branch twice, and when the tree
//! is smaller than the budget it has found every order and each share is the order's exact
//! probability under the jitter model the decisions state. Sampling random branches would spend
//! most runs on the natural order, could miss an order of a few percent within a hundred runs,
//! and gives shares that differ from seed to seed. A script with no decision runs once.
use std::cmp::Ordering;
use std::collections::BinaryHeap;

use looplab_core::{Choice, Decision};
use serde::Serialize;

use crate::{Error, RunOptions, Runtime, Vfs};

/// One distinct output (stdout, stderr and exit status) among a script's explored runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Order {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    /// How likely this output is, among the explored runs (each weighed by the chance of its
    /// branches); the shares of all orders add up to 1.
    pub share: f64,
    /// Explored runs that printed it.
    pub runs: usize,
    /// `RunOptions::choices` that reproduce it (empty: the natural run), for re-running it
    /// with its trace.
    pub choices: Vec<Choice>,
    /// The decision whose alternative branch made it differ from the natural run (`None` for
    /// the natural output): its `why` is the sentence to show.
    pub decision: Option<Decision>,
    /// Where its trace parts from the natural run's: the index of the first event at which
    /// its branches differ (that decision's event), when the trace kept it.
    pub parts_at: Option<usize>,
}

/// What exploring found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Orders {
    /// The distinct outputs, the likeliest first; the natural run's wins a tie.
    pub orders: Vec<Order>,
    /// Runs made.
    pub runs: usize,
    /// Whether every branch was run (false: the budget ran out first, and the shares are of
    /// the runs made).
    pub complete: bool,
    /// The probability the runs made cover, from 0 to 1 (1 when complete).
    pub covered: f64,
}

/// A branch to run: the choices up to and including its alternative, and an upper bound on
/// its probability (the chance of its prefix and of the alternative).
struct Branch {
    bound: f64,
    seq: usize,
    choices: Vec<Choice>,
}

impl PartialEq for Branch {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Branch {}
impl PartialOrd for Branch {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Branch {
    /// Likeliest first, then the one found first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.bound
            .total_cmp(&other.bound)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// One run's output, its decisions and their events' indexes.
struct Run {
    stdout: String,
    stderr: String,
    status: i32,
    decisions: Vec<(Option<usize>, Decision)>,
}

fn run_once(options: &RunOptions, vfs: Vfs) -> Result<Run, Error> {
    let mut runtime = Runtime::new(options.clone(), vfs)?;
    let status = loop {
        if let Some(status) = runtime.step() {
            break status;
        }
    };
    let printed = crate::RunResult {
        output: runtime.take_output(),
        status,
        signal: None,
    };
    Ok(Run {
        stdout: printed.stdout(),
        stderr: printed.stderr(),
        status,
        decisions: runtime.decisions(),
    })
}

/// The chance of the branch each decision took.
fn branch_chance(d: &Decision) -> f64 {
    match d.chosen {
        Choice::Natural => 1.0 - d.chance,
        Choice::Alternative => d.chance,
    }
}

/// Runs `options.script` (with a fresh file system from `vfs` each time) at most `budget`
/// times, once per branch, and groups the runs by output.
pub fn explore(
    options: &RunOptions,
    vfs: impl Fn() -> Vfs,
    budget: usize,
) -> Result<Orders, Error> {
    let mut queue = BinaryHeap::from([Branch {
        bound: 1.0,
        seq: 0,
        choices: Vec::new(),
    }]);
    let mut seq = 1;
    let mut orders: Vec<Order> = Vec::new();
    let mut runs = 0;
    let mut covered = 0.0;
    while runs < budget.max(1) {
        let Some(branch) = queue.pop() else { break };
        let mut run_options = options.clone();
        run_options.choices = branch.choices.clone();
        let run = run_once(&run_options, vfs())?;
        runs += 1;
        let forced = branch.choices.len();
        // The branches this run did not take: each later decision's alternative.
        let mut prefix = 1.0;
        for (i, (_, d)) in run.decisions.iter().enumerate() {
            if i >= forced && d.chance > 0.0 {
                let mut choices: Vec<Choice> =
                    run.decisions[..i].iter().map(|(_, d)| d.chosen).collect();
                choices.push(Choice::Alternative);
                queue.push(Branch {
                    bound: prefix * d.chance,
                    seq,
                    choices,
                });
                seq += 1;
            }
            prefix *= branch_chance(d);
        }
        covered += prefix;
        let same =
            |o: &Order| o.stdout == run.stdout && o.stderr == run.stderr && o.status == run.status;
        match orders.iter_mut().find(|o| same(o)) {
            Some(order) => {
                order.share += prefix;
                order.runs += 1;
            }
            None => {
                let alternatives = || {
                    run.decisions
                        .iter()
                        .filter(|(_, d)| d.chosen == Choice::Alternative)
                };
                orders.push(Order {
                    decision: alternatives().next_back().map(|(_, d)| d.clone()),
                    parts_at: alternatives().next().and_then(|&(at, _)| at),
                    stdout: run.stdout,
                    stderr: run.stderr,
                    status: run.status,
                    share: prefix,
                    runs: 1,
                    choices: branch.choices,
                });
            }
        }
    }
    let complete = queue.is_empty();
    if covered > 0.0 {
        for order in &mut orders {
            order.share /= covered;
        }
    }
    // A stable sort keeps the order of discovery (the natural run first) among equals.
    orders.sort_by(|a, b| b.share.total_cmp(&a.share));
    Ok(Orders {
        orders,
        runs,
        complete,
        covered: if complete { 1.0 } else { covered },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RACE: &str = "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));";

    fn memory_with(source: &'static str) -> impl Fn() -> Vfs {
        move || {
            let mut vfs = Vfs::memory();
            vfs.insert("/app/main.js", source);
            vfs
        }
    }

    /// Explores on a thread with room for the engine's recursion, as the fidelity test does.
    fn explore_script(source: &'static str, budget: usize) -> Orders {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let options = RunOptions::new("/app/main.js", "/app");
                explore(&options, memory_with(source), budget).expect("the script runs")
            })
            .expect("spawn")
            .join()
            .expect("explore")
    }

    #[test]
    fn a_script_without_decisions_runs_once() {
        let orders = explore_script(
            "console.log('a'); process.nextTick(() => console.log('b'));",
            100,
        );
        assert_eq!((orders.runs, orders.complete), (1, true));
        assert_eq!(orders.orders.len(), 1);
        let only = &orders.orders[0];
        assert_eq!((only.stdout.as_str(), only.share), ("a\nb\n", 1.0));
        assert!(only.choices.is_empty() && only.decision.is_none());
    }

    #[test]
    fn the_main_module_race_gives_both_orders_and_the_choices_reproduce_them() {
        let orders = explore_script(RACE, 100);
        let outputs: Vec<&str> = orders.orders.iter().map(|o| o.stdout.as_str()).collect();
        assert_eq!(outputs.len(), 2, "{orders:?}");
        assert!(outputs.contains(&"timeout\nimmediate\n"), "{outputs:?}");
        assert!(outputs.contains(&"immediate\ntimeout\n"), "{outputs:?}");
        let total: f64 = orders.orders.iter().map(|o| o.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "shares add up to {total}");
        let other = orders
            .orders
            .iter()
            .find(|o| o.decision.is_some())
            .expect("an order from an alternative branch");
        let decision = other.decision.clone().unwrap();
        assert!(matches!(
            decision.point,
            looplab_core::DecisionPoint::TimerDue { .. }
        ));
        assert!(other.parts_at.is_some());
        let choices = other.choices.clone();
        let again = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let mut options = RunOptions::new("/app/main.js", "/app");
                options.choices = choices;
                crate::run(options, memory_with(RACE)())
                    .expect("runs")
                    .stdout()
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(again, other.stdout);
    }

    #[test]
    fn inside_an_io_callback_the_immediate_always_runs_first() {
        let orders = explore_script(
            "require('fs').readFile(__filename, () => {\n  setTimeout(() => console.log('timeout'), 0);\n  setImmediate(() => console.log('immediate'));\n});",
            100,
        );
        assert_eq!(orders.orders.len(), 1, "{orders:?}");
        assert_eq!(orders.orders[0].stdout, "immediate\ntimeout\n");
    }

    #[test]
    fn the_budget_bounds_the_runs() {
        let orders = explore_script(RACE, 1);
        assert_eq!((orders.runs, orders.complete), (1, false));
        assert!(orders.covered < 1.0, "{orders:?}");
    }
}
