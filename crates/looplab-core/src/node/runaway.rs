//! Why a run would go on forever, in the learner's terms. The model names it when a run hits a
//! limit; the page names it when a learner stops a run; both say it in these words.
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Runaway {
    /// One callback has not returned for this many milliseconds.
    NeverReturns { ms: u64 },
    /// process.nextTick or promise callbacks keep queueing more: the loop is starved.
    TickChain,
    /// Each setImmediate callback schedules another: the loop turns but never runs dry.
    ImmediateChain,
    /// A setInterval keeps firing.
    Interval,
    /// These keep the loop alive (a server, a socket, a timer).
    KeptAlive(Vec<String>),
    /// None of the above could be told from what was recorded.
    Unknown,
}

impl fmt::Display for Runaway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Runaway::NeverReturns { ms } => write!(
                f,
                "your code was still running after {ms} ms without returning, so the event loop \
                 never got a turn. Look for a loop that never ends."
            ),
            Runaway::TickChain => f.write_str(
                "a process.nextTick or promise chain keeps queueing another callback, so the \
                 loop never gets to its next phase.",
            ),
            Runaway::ImmediateChain => f.write_str(
                "each setImmediate callback schedules another, so the loop keeps turning and \
                 never runs out of work.",
            ),
            Runaway::Interval => f.write_str(
                "a setInterval keeps the loop alive, so the process would never exit on its own \
                 (clearInterval lets it end).",
            ),
            Runaway::KeptAlive(what) => write!(
                f,
                "{} keeps the loop alive, so the process would never exit on its own (close it \
                 to let the process end).",
                what.join(", ")
            ),
            Runaway::Unknown => f.write_str("the script keeps scheduling more work."),
        }
    }
}
