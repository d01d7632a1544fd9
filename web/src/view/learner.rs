//! The learner's pace: which steps a learner sees and what each one says.
//!
//! A learner step is one where something they can see changes: their code runs or prints, a
//! callback is scheduled, moves or runs, a phase waits or skips work for a reason worth saying,
//! or the process ends. Everything else (handle setup, loader internals, cores changing hands)
//! is still in the trace, at the Internals level. Sentences talk about *this* callback, in at most
//! `MAX_CHARS` characters; what a phase is for comes apart, as the step's "why".
use std::collections::{HashMap, HashSet};

use crate::view::narration::narrate;
use crate::view::replay::View;
use looplab_core::Task;
use looplab_core::trace::{ModuleFormat, Stamped, TraceEvent};
use looplab_core::uv::{IoEvent, Phase};

use crate::view::call_stack::short_file;
use crate::view::cards::{Cards, Place, SocketRole};
use crate::view::ring::poll_reason;

/// How a sub-step of Node's own begins.
const NODE_OWN: &str = "Node's own callback";

/// The longest sentence a learner step says.
pub const MAX_CHARS: usize = 160;

/// What a phase (or the main script, or the checkpoint) is for: shown in full the first time.
pub fn definition(context: Context) -> &'static str {
    match context {
        Context::Main => {
            "Node runs your whole file first, top to bottom. The event loop starts only after it, with whatever the file scheduled."
        }
        Context::Microtasks => {
            "After every callback (and after the main script) Node empties the nextTick queue, then the promise jobs, before the loop moves on."
        }
        Context::Phase(Phase::Timers) => {
            "Timers runs each setTimeout and setInterval callback whose time has come. In libuv 1.46 it comes at the end of each turn, and once before the first."
        }
        Context::Phase(Phase::Pending) => {
            "Pending runs I/O callbacks libuv put off from the last turn, such as some TCP errors."
        }
        Context::Phase(Phase::Idle) | Context::Phase(Phase::Prepare) => {
            "Idle and prepare are libuv's housekeeping; Node's idle handle only keeps poll from waiting while immediates are queued."
        }
        Context::Phase(Phase::Poll) => {
            "Poll asks the OS what is ready and runs those I/O callbacks; finished thread-pool work arrives here too. It may wait, but never past the next timer."
        }
        Context::Phase(Phase::Check) => "Check runs setImmediate callbacks, right after poll.",
        Context::Phase(Phase::Close) => {
            "Close runs the 'close' callbacks of handles that were closed."
        }
        Context::Race => {
            "Node's rules fix the order of most callbacks, but where two things are ready at almost the same moment, the machine's timing picks. Such a script can print in more than one order: the orders bar lists them, and each is a run to step through."
        }
        Context::Exit => {
            "The loop goes round while something keeps it alive: a timer, a request in flight, an open server or socket. With nothing left, the process exits."
        }
    }
}

/// Where a step happens, for its definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Main,
    Microtasks,
    Phase(Phase),
    /// Timing, not Node's rules, decides what happens next.
    Race,
    Exit,
}

/// One learner step: the internal step it stands on, its sentence, and its context's definition
/// (`first`: this is the first step in that context, so the definition shows unasked).
#[derive(Clone, Debug, PartialEq)]
pub struct LearnerStep {
    pub sentence: String,
    pub context: Option<Context>,
    pub first: bool,
    /// The line that made a card at this step, when the trace's call site says another: a
    /// promise job has no call site of its own.
    pub line: Option<(String, u32)>,
}

/// Cuts a sentence to `MAX_CHARS` at a word, with an ellipsis.
pub fn shorten(text: &str) -> String {
    // Source references in parentheses are for the Internals level.
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    for ch in text.chars() {
        match ch {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    let out = out
        .replace(" .", ".")
        .replace(" :", ":")
        .replace(" ,", ",")
        .replace(",.", ".")
        .replace("  ", " ");
    let out = out.trim();
    if out.chars().count() <= MAX_CHARS {
        return out.to_string();
    }
    let cut: String = out.chars().take(MAX_CHARS - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

fn quoted(text: &str) -> String {
    let line = text.trim_end();
    let first = line.lines().next().unwrap_or("");
    let short: String = first.chars().take(48).collect();
    let more = first.chars().count() > 48 || line.lines().count() > 1;
    format!("“{short}{}”", if more { "…" } else { "" })
}

/// Facts about the trace that need looking ahead.
struct Ahead {
    /// TaskStart indices whose task prints before it ends.
    prints: HashSet<usize>,
    /// PhaseEnter indices of phases where a timer callback runs.
    timer_runs: HashSet<usize>,
    /// TaskEnd indices of tasks that held the main thread long enough to matter: how long, and
    /// when they ended (both in µs).
    long_tasks: HashMap<usize, (u64, u64)>,
    /// nextTicks whose run reaches the learner's code (a call site or output inside it).
    learner_ticks: HashSet<u64>,
}

/// JavaScript that runs this long without returning is worth a step of its own: the loop could
/// not move meanwhile (node's own event-loop delay warnings start in this range).
pub const LONG_TASK_US: u64 = 5_000;

fn look_ahead(events: &[Stamped]) -> Ahead {
    let mut prints = HashSet::new();
    let mut timer_runs = HashSet::new();
    let mut long_tasks = HashMap::new();
    let mut learner_ticks = HashSet::new();
    let mut tick = None;
    let mut task = None;
    let mut started = None;
    let mut phase = None;
    for (i, e) in events.iter().enumerate() {
        match &e.event {
            TraceEvent::TaskStart { task: t } => {
                task = Some(i);
                started = Some(e.at);
                tick = match t {
                    Task::Tick(id) => Some(id.0),
                    _ => None,
                };
                if matches!(t, Task::Timeout(_))
                    && let Some(p) = phase
                {
                    timer_runs.insert(p);
                }
            }
            TraceEvent::TaskEnd { .. } => {
                task = None;
                tick = None;
                if let Some(start) = started.take() {
                    let ran = (e.at - start).as_micros();
                    if ran >= LONG_TASK_US {
                        long_tasks.insert(i, (ran, e.at.as_micros()));
                    }
                }
            }
            TraceEvent::Output { .. } => {
                if let Some(t) = task {
                    prints.insert(t);
                }
                learner_ticks.extend(tick);
            }
            TraceEvent::CallSite { .. } => learner_ticks.extend(tick),
            TraceEvent::PhaseEnter { .. } => phase = Some(i),
            _ => {}
        }
    }
    Ahead {
        prints,
        timer_runs,
        long_tasks,
        learner_ticks,
    }
}

/// Walks a run's events once, in order, and says which are learner steps.
pub struct Story {
    ahead: Ahead,
    pub cards: Cards,
    files: Vec<(String, String)>,
    seen: HashSet<Context>,
    /// The running task has printed already.
    printed: bool,
    /// The line of the latest call site in the running task (for output in the main script).
    site_line: Option<(String, u32)>,
    /// The last learner step only waited in poll or was one of Node's own sub-steps: another
    /// wait in poll says nothing new.
    quiet: bool,
}

impl Story {
    /// `files`: the scenario's (name, text), the entry first; empty for a trace file.
    pub fn new(events: &[Stamped], files: Vec<(String, String)>) -> Self {
        let entry = files.first().map_or("main.js", |(n, _)| n.as_str());
        let ahead = look_ahead(events);
        Story {
            cards: Cards::new(entry, ahead.learner_ticks.clone()),
            ahead,
            files,
            seen: HashSet::new(),
            printed: false,
            site_line: None,
            quiet: false,
        }
    }

    fn label(&self, card: usize) -> String {
        self.cards.cards[card].label(self.cards.entry())
    }

    fn context(view: &View, event: &TraceEvent) -> Option<Context> {
        if matches!(
            event,
            TraceEvent::Exit { .. } | TraceEvent::AliveCheck { alive: false, .. }
        ) {
            return Some(Context::Exit);
        }
        if matches!(event, TraceEvent::Decision(_)) {
            return Some(Context::Race);
        }
        let running = match event {
            TraceEvent::TaskStart { task } => Some(*task),
            _ => view.running,
        };
        let phase = match event {
            TraceEvent::PhaseEnter { phase, .. } => Some(*phase),
            _ => view.phase,
        };
        match running {
            Some(Task::Main) => Some(Context::Main),
            Some(t) if t.is_microtask_like() => Some(Context::Microtasks),
            _ => phase.map(Context::Phase),
        }
    }

    /// Event `i` with `view` as it was before it: the learner's sentence if it is a learner step.
    /// Call it for every event, in order.
    pub fn step(&mut self, i: usize, event: &TraceEvent, view: &View) -> Option<LearnerStep> {
        let made = self.cards.apply(i, event, view, &self.files);
        let quiet = self.quiet;
        let sentence = self.sentence(i, event, view, made)?;
        if matches!(event, TraceEvent::PollWait { .. }) && quiet {
            return None;
        }
        self.quiet = matches!(event, TraceEvent::PollWait { .. }) || sentence.starts_with(NODE_OWN);
        let context = Self::context(view, event);
        let first = context.is_some_and(|c| self.seen.insert(c));
        let line = made.map(|c| {
            let card = &self.cards.cards[c];
            (card.file.clone(), card.line)
        });
        Some(LearnerStep {
            sentence: shorten(&sentence),
            context,
            first,
            line,
        })
    }

    /// A task that held the main thread: how long, and the timer it made late, if any.
    fn long_task(&self, i: usize, ran_us: u64, end_us: u64) -> String {
        let end_ms = end_us / 1000;
        let late = self
            .cards
            .at(i)
            .filter_map(|(c, _, place)| match place {
                Place::Timers { due_ms } if due_ms < end_ms => Some((c, end_ms - due_ms)),
                _ => None,
            })
            .max_by_key(|&(_, late)| late);
        let ran = ran_us / 1000;
        match late {
            Some((c, late)) => format!(
                "Your code ran for {ran} ms without returning, so the loop couldn't move: {} is already {late} ms late.",
                self.label(c)
            ),
            None => format!(
                "Your code ran for {ran} ms without returning: the loop couldn't move meanwhile."
            ),
        }
    }

    fn phase_words(view: &View) -> String {
        match view.phase {
            Some(Phase::Timers) if view.iteration == 0 => {
                " in timers, run once before the first turn,".into()
            }
            Some(p) => format!(" in the {} phase", p.name()),
            None => String::new(),
        }
    }

    fn sentence(
        &mut self,
        i: usize,
        event: &TraceEvent,
        view: &View,
        made: Option<usize>,
    ) -> Option<String> {
        use TraceEvent as E;
        if let Some(c) = made {
            return Some(self.made(c, view));
        }
        Some(match event {
            E::CallSite { frames, .. } => {
                self.site_line = frames
                    .first()
                    .map(|f| (short_file(&f.file).to_string(), f.line));
                return None;
            }
            E::TaskStart { task } => {
                self.printed = false;
                self.site_line = None;
                if *task == Task::Main {
                    return Some(format!(
                        "Your script {} starts running, top to bottom.",
                        self.cards.entry()
                    ));
                }
                if self.ahead.prints.contains(&i) {
                    return None;
                }
                let card = self.cards.of_task(*task);
                match (task, card) {
                    // A stream's own bookkeeping between its trips: nothing the learner sees.
                    (Task::Tick(t), Some(c)) if self.cards.is_stream(c) && !self.ahead.learner_ticks.contains(&t.0) => {
                        return None;
                    }
                    (Task::RequestDone(_), Some(c)) if self.cards.is_stream(c) => {
                        let card = &self.cards.cards[c];
                        let done = card.subs.get(card.subs_at(i + 1).saturating_sub(1)).map_or("step", |s| s.name.as_str());
                        format!("{NODE_OWN} for {}: its {done} is done{}.", self.label(c), Self::phase_words(view))
                    }
                    (Task::RequestDone(_), Some(c)) => {
                        let card = &self.cards.cards[c];
                        let n = card.subs_at(i + 1);
                        let failed = matches!(task, Task::RequestDone(r) if view.requests.get(r).is_some_and(|r| r.error.is_some()));
                        if n < card.expected_subs() && !failed {
                            // Only Node's own callback: it asks the pool for the next step.
                            let done = card.subs.get(n.saturating_sub(1)).map_or("a step", |s| s.name.as_str());
                            return Some(format!(
                                "{NODE_OWN} for {}: {done} is done, step {n} of {}; Node asks the pool for the next one. Yours still waits.",
                                self.label(c),
                                card.expected_subs()
                            ));
                        }
                        format!("{} runs its callback{}.", self.label(c), Self::phase_words(view))
                    }
                    (Task::Io(_, ready), Some(c)) => format!(
                        "epoll reports {} {}: its callback runs{}.",
                        self.label(c),
                        match ready {
                            IoEvent::Readable => "readable",
                            IoEvent::Writable => "writable",
                        },
                        Self::phase_words(view)
                    ),
                    (Task::Close(_), Some(c)) => format!("{} is closed: its close callback runs{}.", self.label(c), Self::phase_words(view)),
                    (_, Some(c)) => format!("{} runs{}.", self.label(c), Self::phase_words(view)),
                    (Task::Io(..) | Task::Close(_) | Task::Signal(..) | Task::FsEvent(..) | Task::Pending(_), None) => {
                        narrate(event, view)?
                    }
                    _ => return None,
                }
            }
            E::TaskEnd { .. } => {
                self.printed = false;
                let &(ran_us, end_us) = self.ahead.long_tasks.get(&i)?;
                return Some(self.long_task(i, ran_us, end_us));
            }
            E::Output { text, .. } => {
                let first = !self.printed;
                self.printed = true;
                let printed = quoted(text);
                let running = self.cards.running();
                match (view.running, running) {
                    (_, Some(c)) if first => {
                        format!("{} runs{} and prints {printed}.", self.label(c), Self::phase_words(view))
                    }
                    (Some(Task::Main), _) => match &self.site_line {
                        Some((file, line)) if file == self.cards.entry() => format!("Line {line} prints {printed}."),
                        Some((file, line)) => format!("{file}:{line} prints {printed}."),
                        None => format!("Your script prints {printed}."),
                    },
                    _ => format!("It prints {printed}."),
                }
            }
            E::WorkerStart { worker, request } => {
                let c = self.cards.of_request(*request)?;
                // The first pool trip of a card is the one a learner follows; later ones are its sub-steps.
                let card = &self.cards.cards[c];
                if self.cards.is_stream(c) {
                    let sub = card.subs.last().map_or("work", |s| s.name.as_str());
                    return Some(format!("{}: its {sub} goes to pool thread {worker}, off the main thread.", self.label(c)));
                }
                if card.subs.len() > 1 {
                    return None;
                }
                format!("{} goes to pool thread {worker}: the work runs there, off the main thread.", self.label(c))
            }
            E::PhaseEnter { phase: Phase::Timers, .. } if !self.ahead.timer_runs.contains(&i) => {
                let (c, due) = self.cards.at(i).find_map(|(c, _, p)| match p {
                    Place::Timers { due_ms } => Some((c, due_ms)),
                    _ => None,
                })?;
                format!(
                    "{} isn't due yet: loop time is {} ms, it is due at {due} ms. Timers has nothing to run.",
                    self.label(c),
                    view.loop_ms
                )
            }
            E::PollWait { timeout_ms, reason } => match timeout_ms {
                Some(0) => return None,
                Some(ms) => format!("Nothing is ready, so poll waits up to {ms} ms for I/O: {}.", poll_reason(*reason)),
                None => format!("Poll waits for I/O with no time limit: {}.", poll_reason(*reason)),
            },
            E::QueueRemove { .. } => {
                let c = self.cards.at(i + 1).find(|(_, card, p)| {
                    *p == Place::Cleared && card.moves.last().is_some_and(|(at, _)| *at == i + 1)
                })?;
                format!("{} is cleared: its callback will never run.", self.label(c.0))
            }
            // Said once: Node checks again after 'beforeExit'.
            E::AliveCheck { alive: false, .. } if view.alive.as_ref().is_some_and(|a| !a.alive) => return None,
            E::AliveCheck { alive: false, .. } => {
                "Nothing keeps the loop alive any more: no timer, no work in flight, nothing open. The loop stops.".into()
            }
            E::Decision(d) if d.chance > 0.0 => race_sentence(d),
            E::Exit { code } => format!("The process exits with code {code}."),
            E::Halt { message } => message.clone(),
            E::ModuleEvalStart { path, format } if !path.starts_with("node:") && short_file(path) != self.cards.entry() => format!(
                "{} starts running ({}).",
                short_file(path),
                match format {
                    ModuleFormat::Module => "an ES module: its imports ran first",
                    ModuleFormat::Json => "JSON",
                    _ => "CommonJS",
                }
            ),
            E::ModuleCacheHit { path } => format!("{} was loaded already: its code does not run again.", short_file(path)),
            E::ModuleResolve { request, resolved: None, .. } => format!("'{request}' cannot be found, so loading it fails."),
            E::EsmSuspended { path } => format!("{} waits at a top-level await; it goes on from a promise job.", short_file(path)),
            E::ModuleEvalEnd { path, ok: false } => format!("{} threw while running.", short_file(path)),
            // The card's own step said so as its callback started.
            E::IoReady { handle, .. } if self.cards.of_handle(*handle).is_some() => return None,
            E::SocketOpen { .. }
            | E::SocketEnd { .. }
            | E::IoReady { .. }
            | E::SignalSend { .. }
            | E::SignalDeliver { .. }
            | E::FsEventDeliver { .. }
            | E::SignalDefault { .. } => narrate(event, view)?,
            _ => return None,
        })
    }

    fn made(&self, c: usize, view: &View) -> String {
        let card = &self.cards.cards[c];
        let who = if card.file == self.cards.entry() {
            format!("Line {}", card.line)
        } else {
            format!("{}:{}", card.file, card.line)
        };
        let api = card.api.split(' ').next().unwrap_or(&card.api);
        let now = match view.running {
            Some(Task::Main) | None => "",
            Some(_) => " from inside a callback",
        };
        match card.moves.first().map(|m| m.1) {
            Some(Place::Timers { due_ms }) => format!(
                "{who} calls {api}{now}: the callback waits in the timer list, due at {due_ms} ms{}.",
                card.delay_raised()
                    .map_or(String::new(), |d| format!("; Node counts {d} ms as 1 ms"))
            ),
            Some(Place::Immediates) => {
                format!("{who} calls setImmediate{now}: the callback waits for the check phase.")
            }
            Some(Place::NextTicks) if card.api != "process.nextTick" => format!(
                "{who} calls {api}{now}: Node queues its callback on the nextTick queue, to run as soon as the current code ends."
            ),
            Some(Place::NextTicks) => format!(
                "{who} calls process.nextTick{now}: the callback runs as soon as the current code ends."
            ),
            Some(Place::Os) => match self.cards.socket_role(c) {
                Some(SocketRole::Server) => format!(
                    "{who} calls {api}{now}: a listening socket epoll watches; poll runs its callback when a connection arrives."
                ),
                Some(SocketRole::Accepted) => format!(
                    "The server of line {} accepts a connection: a new socket, watched by epoll like the server.",
                    card.line
                ),
                _ => format!(
                    "{who} calls {api}{now}: a socket epoll watches; poll runs its callbacks when the OS says it's ready."
                ),
            },
            Some(Place::Promises) => format!(
                "{who} makes a promise job{now}: it runs after the nextTick queue is empty."
            ),
            _ => format!(
                "{who} calls {api}{now}: the work goes to the thread pool; the callback waits for it."
            ),
        }
    }
}

/// A decision as the learner reads it: what this run does, and how often a real machine does
/// the other.
fn race_sentence(d: &looplab_core::Decision) -> String {
    let other = looplab_core::decision::percent_text(match d.chosen {
        looplab_core::Choice::Natural => d.chance,
        looplab_core::Choice::Alternative => 1.0 - d.chance,
    });
    match d.chosen {
        looplab_core::Choice::Natural => format!(
            "A race: {}. Timing decides it: in {other} of real runs {} instead.",
            d.natural, d.alternative
        ),
        looplab_core::Choice::Alternative => format!(
            "A race, the other way: {}. With this model's timing {} ({other} of real runs).",
            d.alternative, d.natural
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_short_and_lose_their_source_references() {
        assert_eq!(shorten("Poll waits (uv_backend_timeout)."), "Poll waits.");
        let long = "word ".repeat(60);
        let s = shorten(&long);
        assert!(s.chars().count() <= MAX_CHARS, "{s}");
        assert!(s.ends_with('…'));
    }

    use crate::run::finished::RunData;
    use crate::view::level::Level;

    fn run_of(id: &str) -> RunData {
        let sc = crate::scenario::find(id).unwrap();
        crate::run::runner::run(&sc.source_files(), sc.settings(), &[])
    }

    #[test]
    fn a_long_task_says_how_long_the_loop_stood_still_and_which_timer_is_late() {
        for id in ["busy-loop", "sync-blocks"] {
            let run = run_of(id);
            let last = run.last_at(Level::Learner);
            let said: Vec<&str> = (0..=last)
                .map(|s| run.sentence_at(Level::Learner, s))
                .collect();
            let long = said
                .iter()
                .find(|s| s.contains("without returning"))
                .unwrap_or_else(|| panic!("{id}: no step says the code held the loop: {said:#?}"));
            assert!(long.contains("ms late"), "{id}: {long}");
        }
    }

    #[test]
    fn a_one_trip_pool_callback_is_on_the_call_stack_when_it_runs() {
        let run = run_of("single-threaded");
        let events = run.trace().events.len();
        for card in &run.cards.cards {
            let ran = (0..=events).any(|at| card.place(at) == Some(Place::Running));
            assert!(
                ran,
                "{} never reached the call stack: {:?}",
                card.api, card.moves
            );
        }
    }

    #[test]
    fn sockets_are_cards_and_node_s_own_ticks_are_not_the_learner_s() {
        let run = run_of("tcp-echo");
        let steps = run.last_at(Level::Learner) + 1;
        let said: Vec<&str> = (0..steps)
            .map(|s| run.sentence_at(Level::Learner, s))
            .collect();
        let all = said.join("\n");
        // `socket.on('data', ...)` resumes the stream in a nextTick of Node's own: the learner
        // never called process.nextTick, and a socket's end is no thread-pool work.
        assert!(!all.contains("calls process.nextTick"), "{all}");
        assert!(!all.contains("thread pool"), "{all}");
        let labels: Vec<String> = run.cards.cards.iter().map(|c| c.label("main.js")).collect();
        // listen() opens a socket and queues the learner's 'listening' callback on a nextTick
        // of Node's own; each card is named as the learner's code calls it.
        for want in [
            "server.listen · line 25",
            "net.connect · line 12",
            "connection · line 25",
            "server.close · line 21",
        ] {
            assert!(
                labels.iter().any(|l| l == want),
                "no card {want}: {labels:?}"
            );
        }
        // The 'listening' callback is the server socket's own: one card, which waits for epoll
        // again after it ran.
        let listen: Vec<_> = run
            .cards
            .cards
            .iter()
            .filter(|c| c.api == "server.listen")
            .collect();
        assert_eq!(listen.len(), 1, "{labels:?}");
        let places: Vec<Place> = listen[0].moves.iter().map(|m| m.1).collect();
        assert_eq!(
            &places[..4],
            [Place::Os, Place::NextTicks, Place::Running, Place::Os],
            "{:?}",
            listen[0].moves
        );
        assert!(
            !labels.iter().any(|l| l.starts_with("process.nextTick")),
            "{labels:?}"
        );
        assert!(all.contains("epoll reports"), "{all}");
    }

    /// Rust's debug forms: `TickId(0)`, `RequestDone(RequestId(0))`, `Some(`, `Timer {`.
    fn debug_text(s: &str) -> bool {
        s.contains("Id(")
            || s.contains("Some(")
            || s.split(|c: char| !c.is_alphanumeric() && c != '(')
                .any(|w| {
                    let mut chars = w.chars();
                    chars.next().is_some_and(|c| c.is_ascii_uppercase())
                        && w.ends_with('(')
                        && w[1..].chars().any(|c| c.is_ascii_uppercase())
                })
    }

    #[test]
    fn the_tour_takes_at_most_thirty_learner_steps() {
        let run = run_of("tour");
        let steps = run.last_at(Level::Learner) + 1;
        let all: Vec<&str> = (0..steps)
            .map(|s| run.sentence_at(Level::Learner, s))
            .collect();
        assert!(steps <= 30, "{steps} steps:\n{}", all.join("\n"));
        assert!(steps >= 15, "{steps} steps:\n{}", all.join("\n"));
        // It names the timer that is not due yet, and where readFile's work goes.
        assert!(all.iter().any(|s| s.contains("setTimeout")), "{all:#?}");
        assert!(all.iter().any(|s| s.contains("pool thread")), "{all:#?}");
        // setTimeout(cb, 0) is named as written, and the 1 ms Node makes of it is said.
        assert!(
            all.iter().any(|s| s.starts_with("Line 2 calls setTimeout")
                && s.contains("Node counts 0 ms as 1 ms")),
            "{all:#?}"
        );
        assert!(
            all.iter()
                .any(|s| s.starts_with("setTimeout 0 ms · line 2 runs")),
            "{all:#?}"
        );
    }

    /// The first scenarios of each topic (all of them run in the browser test, learner.mjs).
    #[test]
    fn scenarios_speak_plainly_at_the_learner_level() {
        let mut topics = Vec::new();
        for sc in crate::scenarios::SCENARIOS {
            if topics.contains(&sc.topic) {
                continue;
            }
            topics.push(sc.topic);
            let run = crate::run::runner::run(&sc.source_files(), sc.settings(), &[]);
            for step in 0..=run.last_at(Level::Learner) {
                let s = run.sentence_at(Level::Learner, step);
                assert!(s.chars().count() <= MAX_CHARS, "{}: {s}", sc.id);
                assert!(!debug_text(s), "{}: {s}", sc.id);
            }
            for card in &run.cards.cards {
                assert!(!card.api.is_empty() && card.line > 0, "{}: {card:?}", sc.id);
            }
        }
    }

    #[test]
    fn debug_forms_are_recognised() {
        assert!(debug_text("running Tick(TickId(0))"));
        assert!(debug_text("RequestDone(RequestId(0))"));
        assert!(!debug_text(
            "Line 2 calls setTimeout(f, 1) and prints “Hi (there)”."
        ));
    }

    #[test]
    fn a_stream_s_trips_to_the_pool_are_its_card_s_steps() {
        let run = run_of("read-stream");
        let apis: Vec<&str> = run.cards.cards.iter().map(|c| c.api.as_str()).collect();
        assert_eq!(apis, ["fs.createReadStream", "setImmediate"]);
        let stream = &run.cards.cards[0];
        let subs: Vec<&str> = stream.subs.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(subs, ["open", "read", "read", "read", "read", "close"]);
        let said: Vec<&str> = (0..=run.last_at(Level::Learner))
            .map(|s| run.sentence_at(Level::Learner, s))
            .collect();
        let trips = said
            .iter()
            .filter(|s| s.contains("goes to pool thread"))
            .count();
        assert_eq!(trips, 6, "{said:#?}");
        assert!(!said.iter().any(|s| s.contains("nextTick ·")), "{said:#?}");
    }

    #[test]
    #[ignore]
    fn dump_tour() {
        let id = std::env::var("LOOPLAB_SCENARIO").unwrap_or_else(|_| "tour".into());
        let run = run_of(&id);
        let trace = run.trace();
        for (i, e) in trace.events.iter().enumerate() {
            println!("{i} {} {:?}", e.at.as_micros(), e.event);
        }
        for step in 0..=run.last_at(Level::Learner) {
            println!("L{step}: {}", run.sentence_at(Level::Learner, step));
        }
    }
}
