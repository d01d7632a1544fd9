//! A run's race, as the page shows it: every output the run can print (its orders), how often
//! each comes up, the branches that make each, and the decision where two orders part.
//!
//! The worker finds the orders (`looplab_js::explore`) right after the run they belong to; the
//! page keeps them while the learner switches between orders, each a run of its own with its
//! branches forced.
use looplab_core::Choice;
use serde::{Deserialize, Serialize};

/// One output the script can print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaceOrder {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    /// How likely it is, 0 to 1.
    pub share: f64,
    /// The branches that reproduce it: the run to make when the learner picks it.
    pub choices: Vec<Choice>,
    /// What decided it, for the other orders: the decision's own sentence.
    pub why: Option<String>,
}

/// Every order found, the likeliest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Race {
    pub orders: Vec<RaceOrder>,
    /// Runs explored, and whether they covered every branch.
    pub runs: usize,
    pub complete: bool,
}

/// Characters of output an order's button shows.
const SUMMARY_CHARS: usize = 48;

impl Race {
    /// A race worth a badge: more than one order.
    pub fn from_orders(found: Vec<RaceOrder>, runs: usize, complete: bool) -> Option<Race> {
        (found.len() > 1).then_some(Race {
            orders: found,
            runs,
            complete,
        })
    }

    /// The order a run with these branches prints: the one with the same choices, where a
    /// missing trailing choice is the natural branch.
    pub fn order_of(&self, choices: &[Choice]) -> Option<usize> {
        self.orders
            .iter()
            .position(|o| same_branches(&o.choices, choices))
    }

    /// The decision (by its index among the run's decisions) where the order `shown` first
    /// parts from any other: the step to mark.
    pub fn parting(&self, shown: usize) -> Option<u32> {
        let mine = &self.orders.get(shown)?.choices;
        self.orders
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != shown)
            .filter_map(|(_, o)| first_difference(mine, &o.choices))
            .min()
    }
}

impl RaceOrder {
    /// The output on one line, for the order's button: its lines joined by arrows, cut short.
    pub fn summary(&self) -> String {
        let lines: Vec<&str> = self
            .stdout
            .lines()
            .chain(self.stderr.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let text = if lines.is_empty() {
            "(prints nothing)".to_string()
        } else {
            lines.join(" → ")
        };
        if text.chars().count() <= SUMMARY_CHARS {
            return text;
        }
        let cut: String = text.chars().take(SUMMARY_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }

    /// The share as the learner reads it.
    pub fn percent(&self) -> String {
        looplab_core::decision::percent_text(self.share)
    }
}

fn choice_at(choices: &[Choice], i: usize) -> Choice {
    choices.get(i).copied().unwrap_or_default()
}

fn same_branches(a: &[Choice], b: &[Choice]) -> bool {
    (0..a.len().max(b.len())).all(|i| choice_at(a, i) == choice_at(b, i))
}

fn first_difference(a: &[Choice], b: &[Choice]) -> Option<u32> {
    (0..a.len().max(b.len()))
        .find(|&i| choice_at(a, i) != choice_at(b, i))
        .map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Choice::{Alternative as A, Natural as N};

    fn order(stdout: &str, share: f64, choices: Vec<Choice>) -> RaceOrder {
        RaceOrder {
            stdout: stdout.into(),
            stderr: String::new(),
            status: 0,
            share,
            choices,
            why: None,
        }
    }

    #[test]
    fn one_order_is_no_race() {
        assert_eq!(
            Race::from_orders(vec![order("a\n", 1.0, vec![])], 1, true),
            None
        );
    }

    #[test]
    fn orders_part_at_their_first_different_branch() {
        let race = Race::from_orders(
            vec![
                order("a\nb\n", 0.5, vec![]),
                order("b\na\n", 0.3, vec![N, A]),
                order("b\nc\n", 0.2, vec![N, A, N, A]),
            ],
            3,
            true,
        )
        .unwrap();
        assert_eq!(race.parting(0), Some(1));
        assert_eq!(race.parting(1), Some(1));
        assert_eq!(race.parting(2), Some(1));
        assert_eq!(race.order_of(&[N, N]), Some(0));
        assert_eq!(race.order_of(&[N, A, N]), Some(1));
        assert_eq!(race.order_of(&[A]), None);
    }

    #[test]
    fn a_summary_joins_lines_and_stays_short() {
        assert_eq!(
            order("timeout\nimmediate\n", 0.5, vec![]).summary(),
            "timeout → immediate"
        );
        let long = order(&"word\n".repeat(30), 0.5, vec![]).summary();
        assert!(
            long.chars().count() <= SUMMARY_CHARS && long.ends_with('…'),
            "{long}"
        );
        assert_eq!(order("", 1.0, vec![]).summary(), "(prints nothing)");
        assert_eq!(order("", 0.45, vec![]).percent(), "45%");
    }
}
