//! Decisions: the points where real timing, not Node's or libuv's rules, picks what happens next.
//!
//! The model is deterministic, so at such a point it always takes one branch (the natural one,
//! what its costs make happen). A real machine is not: a timer close to due may or may not be
//! due when the loop reads its clock, and two pool jobs finishing close together may finish in
//! either order. At each such point the model asks its `Chooser` which branch to take and
//! records a `TraceEvent::Decision` saying what it chose, what else was possible and why.
//! The host forces branches with `Settings::choices`; by default every branch is the natural
//! one, so a run is what it was before decisions existed.
use serde::{Deserialize, Serialize};

/// Which branch a decision took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// What the model's own timing makes happen.
    #[default]
    Natural,
    /// What a machine with other timing would do.
    Alternative,
}

/// What a decision is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "what")]
pub enum DecisionPoint {
    /// A timer not due at a timers-phase check, which a later clock reading would make due.
    TimerDue { handle: crate::uv::HandleId },
    /// A JavaScript timer whose clock reading a millisecond could have ended before.
    TimerStart { timer: u64 },
    /// Two thread-pool jobs finishing close together: `first` finishes first in the natural run.
    PoolOrder {
        first: crate::uv::RequestId,
        second: crate::uv::RequestId,
    },
}

/// One decision of a run: what it chose, what else was possible, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The decision's place among the run's decisions, from 0: `Settings::choices` indexes them.
    pub index: u32,
    pub point: DecisionPoint,
    pub chosen: Choice,
    /// What the model's own timing does, and what other timing would do instead.
    pub natural: String,
    pub alternative: String,
    /// The learner's sentence: why either can happen.
    pub why: String,
    /// How likely the alternative is on a real machine, by a simple jitter model (0 to 1).
    pub chance: f64,
}

/// Hands out the branch for each decision of a run, in the order the decisions come.
#[derive(Clone, Debug, Default)]
pub struct Chooser {
    /// The branch for the first decisions; every later one is natural.
    forced: Vec<Choice>,
    made: usize,
}

impl Chooser {
    pub fn new(forced: Vec<Choice>) -> Self {
        Chooser { forced, made: 0 }
    }

    /// The branch for the next decision, with its index in the run.
    pub fn choose(&mut self) -> (u32, Choice) {
        let index = self.made;
        self.made += 1;
        let choice = self.forced.get(index).copied().unwrap_or_default();
        (index as u32, choice)
    }

    /// Decisions made so far.
    pub fn made(&self) -> usize {
        self.made
    }
}

/// Milliseconds to the microsecond, without trailing zeros, as the learner's sentences print a gap.
pub fn millis_text(micros: u64) -> String {
    let text = format!("{:.3}", micros as f64 / 1000.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A chance as a percentage: whole under 100 and over 1, else with the first digit that shows.
pub fn percent_text(chance: f64) -> String {
    let percent = chance * 100.0;
    if percent >= 1.0 || percent == 0.0 {
        format!("{percent:.0}%")
    } else if percent >= 0.1 {
        format!("{percent:.1}%")
    } else {
        "under 0.1%".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forced_choices_come_first_then_natural_ones() {
        let mut chooser = Chooser::new(vec![Choice::Natural, Choice::Alternative]);
        assert_eq!(chooser.choose(), (0, Choice::Natural));
        assert_eq!(chooser.choose(), (1, Choice::Alternative));
        assert_eq!(chooser.choose(), (2, Choice::Natural));
        assert_eq!(chooser.made(), 3);
    }

    #[test]
    fn gaps_print_as_short_milliseconds() {
        assert_eq!(millis_text(50), "0.05");
        assert_eq!(millis_text(1500), "1.5");
        assert_eq!(millis_text(2000), "2");
        assert_eq!(millis_text(4), "0.004");
    }

    #[test]
    fn small_chances_keep_a_digit_that_shows() {
        assert_eq!(percent_text(0.45), "45%");
        assert_eq!(percent_text(0.003), "0.3%");
        assert_eq!(percent_text(0.0002), "under 0.1%");
        assert_eq!(percent_text(1.0), "100%");
    }
}
