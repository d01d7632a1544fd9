//! Callback cards: every callback the learner's code scheduled, labelled with what made it and
//! where ("setTimeout 1 ms · line 2"), and where it is at each step. No HTML: tested natively.
//!
//! A card is made when the learner's code schedules something: the `CallSite` event before a
//! scheduling call says where. Node's own follow-up requests (readFile's fstat, read and close
//! after its open) carry no call site: they become sub-steps of the card whose callback made them.
//! Promise jobs have no call site in the trace, so their line is the one in the source between
//! the surrounding call sites that makes a promise job (`.then(`, `await`, ...).
use std::collections::{HashMap, HashSet};

use crate::view::replay::View;
use looplab_core::Task;
use looplab_core::trace::{Frame, QueueName, TraceEvent};
use looplab_core::uv::{HandleId, HandleKind, RequestId};

use crate::decode::js_tokens::{Kind, tokenize};
use crate::view::call_stack::short_file;

/// What a socket card's socket is to the learner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SocketRole {
    /// `server.listen(...)`.
    Server,
    /// `net.connect(...)`.
    Client,
    /// A connection their server accepted.
    Accepted,
}

/// Where a card is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// In a timer list until it is due.
    Timers {
        due_ms: u64,
    },
    /// Waiting for a pool thread.
    PoolQueue,
    /// Running on a pool thread.
    PoolThread(u32),
    /// Done on the pool or the OS; its callback waits for the poll phase.
    PollQueue,
    /// A socket's callbacks wait for the OS: epoll tells the poll phase when it is ready.
    Os,
    Immediates,
    NextTicks,
    Promises,
    /// Its callback is on the call stack.
    Running,
    Finished,
    /// Cleared before it ran.
    Cleared,
}

impl Place {
    /// The zone of the card board it sits in.
    pub fn zone(self) -> Zone {
        match self {
            Place::Timers { .. } => Zone::Timers,
            Place::PoolQueue | Place::PoolThread(_) => Zone::Pool,
            Place::PollQueue | Place::Os => Zone::Poll,
            Place::Immediates => Zone::Check,
            Place::NextTicks | Place::Promises => Zone::Microtasks,
            Place::Running => Zone::Stack,
            Place::Finished | Place::Cleared => Zone::Done,
        }
    }

    /// Where it waits, in words.
    pub fn words(self) -> String {
        match self {
            Place::Timers { due_ms } => format!("timer list, due at {due_ms} ms"),
            Place::PoolQueue => "waiting for a pool thread".into(),
            Place::PoolThread(t) => format!("on pool thread {t}"),
            Place::PollQueue => "done, waits for poll".into(),
            Place::Os => "watched by epoll".into(),
            Place::Immediates => "immediates, for check".into(),
            Place::NextTicks => "nextTick queue".into(),
            Place::Promises => "promise jobs".into(),
            Place::Running => "running".into(),
            Place::Finished => "done".into(),
            Place::Cleared => "cleared".into(),
        }
    }
}

/// The card board's columns, in the order a callback travels them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zone {
    Timers,
    Pool,
    Poll,
    Check,
    Microtasks,
    Stack,
    Done,
}

impl Zone {
    pub const ALL: [Zone; 7] = [
        Zone::Timers,
        Zone::Pool,
        Zone::Poll,
        Zone::Check,
        Zone::Microtasks,
        Zone::Stack,
        Zone::Done,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Zone::Timers => "timer list",
            Zone::Pool => "thread pool",
            Zone::Poll => "waits for poll",
            Zone::Check => "immediates",
            Zone::Microtasks => "nextTick · promises",
            Zone::Stack => "call stack",
            Zone::Done => "done",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Zone::Timers => "timers",
            Zone::Pool => "pool",
            Zone::Poll => "poll",
            Zone::Check => "check",
            Zone::Microtasks => "microtasks",
            Zone::Stack => "stack",
            Zone::Done => "done",
        }
    }
}

/// One of Node's own steps inside a learner's card (readFile's open, fstat, read, close).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sub {
    pub name: String,
    /// Event index of its submission.
    pub at: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// What made it: `setTimeout 1 ms`, `setImmediate`, `fs.readFile`, `process.nextTick`, `promise`.
    pub api: String,
    /// The file as its tab is named.
    pub file: String,
    pub line: u32,
    /// (event index, place): the card is at `place` once that event has been applied.
    pub moves: Vec<(usize, Place)>,
    pub subs: Vec<Sub>,
}

impl Card {
    /// The delay a timer card was written with when Node raised it to 1 ms ("0" for
    /// `setTimeout(f, 0)`, whose card `delay_words` names "setTimeout 0 ms").
    pub fn delay_raised(&self) -> Option<&str> {
        let delay = self.api.strip_suffix(" ms")?.rsplit(' ').next()?;
        delay.parse::<f64>().is_ok_and(|d| d < 1.0).then_some(delay)
    }

    /// "setTimeout 1 ms · line 2" (with the file when it is not the entry).
    pub fn label(&self, entry: &str) -> String {
        if self.file == entry || self.file.is_empty() {
            format!("{} · line {}", self.api, self.line)
        } else {
            format!("{} · {}:{}", self.api, self.file, self.line)
        }
    }

    /// Where the card is once `applied` events have been applied; None before it was made.
    pub fn place(&self, applied: usize) -> Option<Place> {
        let n = self.moves.partition_point(|(i, _)| *i <= applied);
        n.checked_sub(1).map(|k| self.moves[k].1)
    }

    /// How many requests Node makes for this call (readFile: open, fstat, read, close); 1 for
    /// one-trip work.
    pub fn expected_subs(&self) -> usize {
        sub_names(&self.api).len().max(1)
    }

    /// Sub-steps submitted so far.
    pub fn subs_at(&self, applied: usize) -> usize {
        self.subs.partition_point(|s| s.at < applied)
    }
}

/// What a scheduled thing is, by the ids the trace gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Timer(u64),
    Immediate(u64),
    Tick(u64),
    Microtask(u64),
    Request(u32),
    Handle(u32),
}

fn task_key(task: Task) -> Option<Key> {
    Some(match task {
        Task::Timeout(id) => Key::Timer(id.0),
        Task::Immediate(id) => Key::Immediate(id.0),
        Task::Tick(id) => Key::Tick(id.0),
        Task::Microtask(id) => Key::Microtask(id.0),
        Task::RequestDone(r) => Key::Request(r.0),
        Task::Io(h, _) | Task::Close(h) | Task::Pending(h) => Key::Handle(h.0),
        _ => return None,
    })
}

/// Names for Node's own follow-up requests of an fs call, in the order Node makes them.
fn sub_names(api: &str) -> &'static [&'static str] {
    match api {
        "fs.readFile" => &["open", "fstat", "read", "close"],
        "fs.writeFile" | "fs.appendFile" => &["open", "write", "close"],
        _ => &[],
    }
}

/// A follow-up request's step as its label names it: `fs.read` is "read".
fn step_name(label: &str) -> Option<String> {
    let call = label.split_whitespace().next()?;
    let (_, name) = call.rsplit_once('.')?;
    (!name.is_empty()).then(|| name.to_string())
}

/// Node's stream constructors whose first step is a nextTick of Node's own (the stream opens
/// its file on the next tick): the learner's card starts there.
const STREAM_APIS: &[&str] = &["createReadStream", "createWriteStream"];

/// The source of the call at `frame` (the engine places a call at its opening parenthesis): its
/// line up to the parenthesis, and the file's text from the parenthesis on. None when the source
/// holds no call there.
fn call_at<'a>(files: &'a [(String, String)], frame: &Frame) -> Option<(&'a str, &'a str)> {
    let text = files
        .iter()
        .find(|(name, _)| *name == short_file(&frame.file))?
        .1
        .as_str();
    let line_start: usize = text
        .split_inclusive('\n')
        .take(frame.line.checked_sub(1)? as usize)
        .map(str::len)
        .sum();
    let line = text.get(line_start..)?;
    let (open, _) = line
        .char_indices()
        .nth(frame.column.checked_sub(1)? as usize)?;
    let (before, call) = line.split_at(open);
    (call.starts_with('(') && !before.contains('\n')).then_some((before, call))
}

/// What the learner's code calls at `frame`, as written there (`server.listen`, `net.connect`).
/// At most the last two names of a chain.
/// The functions through which a learner arms a timer themselves (`CallSite::via`); an unnamed
/// built-in ("<anonymous>") is not known to be anything else.
const TIMER_APIS: &[&str] = &[
    "setTimeout",
    "setInterval",
    "active",
    "_unrefActive",
    "enroll",
    "<anonymous>",
];

fn callee(files: &[(String, String)], frame: &Frame) -> Option<String> {
    let (before, _) = call_at(files, frame)?;
    let name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.';
    let chain = &before[before.trim_end_matches(name_char).len()..];
    let parts: Vec<&str> = chain.split('.').filter(|p| !p.is_empty()).collect();
    let tail = &parts[parts.len().saturating_sub(2)..];
    (!tail.is_empty()).then(|| tail.join("."))
}

/// The text of the call's argument `n` (from 0) at `frame`, as written, when the source holds a
/// call there: `setTimeout(() => {…}, 0)` has "0" as argument 1. Strings, templates and comments
/// may hold commas and brackets; arguments may span lines.
fn argument_written(files: &[(String, String)], frame: &Frame, n: usize) -> Option<String> {
    let (_, call) = call_at(files, frame)?;
    let (mut depth, mut args, mut current) = (0usize, Vec::new(), String::new());
    for (kind, piece) in tokenize(call) {
        if kind != Kind::Plain {
            current.push_str(piece);
            continue;
        }
        for c in piece.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.checked_sub(1)?,
                ',' if depth == 1 => {
                    args.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            match depth {
                0 => {
                    args.push(current);
                    return args.get(n).map(|a| a.trim().to_string());
                }
                1 if c == '(' && current.is_empty() && args.is_empty() => {}
                _ => current.push(c),
            }
        }
    }
    None
}

/// What a timer card says its delay is: the learner's own number when it is one Node raises to
/// 1 ms (`setTimeout(f, 0)` is "setTimeout 0 ms", due 1 ms later), else Node's delay.
fn delay_words(written: Option<String>, after_ms: u32) -> String {
    match written {
        Some(w) if w.parse::<f64>().is_ok_and(|v| v < 1.0) => w,
        _ => after_ms.to_string(),
    }
}

/// Does this source line make a promise job?
fn makes_promise_job(line: &str) -> bool {
    [
        ".then(",
        ".catch(",
        ".finally(",
        "queueMicrotask(",
        "await ",
        "Promise.",
    ]
    .iter()
    .any(|p| line.contains(p))
}

/// Every card of a run, built in one pass over its events.
#[derive(Debug, Default)]
pub struct Cards {
    pub cards: Vec<Card>,
    by_key: HashMap<Key, usize>,
    /// The card whose callback runs now, and the task.
    running: Option<(usize, Task)>,
    /// The call site recorded since the running task started, if any.
    site: Option<Frame>,
    /// The Node function that call site called (`CallSite::via`).
    via: String,
    /// nextTicks of Node's own that run learner code (a 'listening' callback): those get a card.
    learner_ticks: HashSet<u64>,
    /// Socket cards: their handle and what the socket is.
    sockets: HashMap<usize, (HandleId, SocketRole)>,
    /// Stream cards (`fs.createReadStream`): Node's own nextTicks and requests for the stream,
    /// made while the card's callbacks run, are the card's steps.
    streams: HashSet<usize>,
    /// The line after which the next promise job's `.then(` is looked for.
    promise_from: Option<(String, u32)>,
    entry: String,
    /// Requests whose callback was Node's own (it asked for the card's next step).
    internal: HashSet<u32>,
    /// Events applied when the running task started.
    started: usize,
}

impl Cards {
    /// Cards are read against the scenario's files (`(name, text)`), for promise jobs' lines.
    /// `learner_ticks`: the nextTicks whose run reaches the learner's code.
    pub fn new(entry: &str, learner_ticks: HashSet<u64>) -> Self {
        Cards {
            entry: entry.to_string(),
            learner_ticks,
            ..Cards::default()
        }
    }

    pub fn entry(&self) -> &str {
        &self.entry
    }

    /// Did the card move while the running task ran (Node's next step for it is under way)?
    fn moved_since_start(&self, card: usize) -> bool {
        self.cards[card]
            .moves
            .last()
            .is_some_and(|(at, _)| *at > self.started)
    }

    /// The card a task belongs to.
    pub fn of_task(&self, task: Task) -> Option<usize> {
        task_key(task).and_then(|k| self.by_key.get(&k).copied())
    }

    /// The card whose callback runs now.
    pub fn running(&self) -> Option<usize> {
        self.running.map(|(c, _)| c)
    }

    /// Is this a stream's card, whose steps are Node's own trips to the pool?
    pub fn is_stream(&self, card: usize) -> bool {
        self.streams.contains(&card)
    }

    /// Was this request's callback Node's own, not the learner's?
    pub fn is_internal(&self, request: RequestId) -> bool {
        self.internal.contains(&request.0)
    }

    fn make(&mut self, key: Key, api: String, at: usize, place: Place, frame: &Frame) -> usize {
        let id = self.cards.len();
        self.cards.push(Card {
            api,
            file: short_file(&frame.file).to_string(),
            line: frame.line,
            moves: vec![(at + 1, place)],
            subs: Vec::new(),
        });
        self.by_key.insert(key, id);
        id
    }

    fn move_to(&mut self, card: usize, at: usize, place: Place) {
        let moves = &mut self.cards[card].moves;
        if moves.last().map(|m| m.1) != Some(place) {
            moves.push((at + 1, place));
        }
    }

    /// The line of a promise job made now: the first line from the last call site on that makes
    /// one, in `files`; else the last call site's line, else the running card's.
    fn promise_frame(&self, files: &[(String, String)]) -> Option<Frame> {
        let (file, from) = self.promise_from.clone().or_else(|| {
            let c = &self.cards[self.running()?];
            Some((c.file.clone(), c.line))
        })?;
        let text = files.iter().find(|(n, _)| *n == file).map(|(_, t)| t);
        let line = text
            .and_then(|t| {
                t.lines()
                    .enumerate()
                    .skip(from.saturating_sub(1) as usize)
                    .find(|(_, l)| makes_promise_job(l))
                    .map(|(i, _)| i as u32 + 1)
            })
            .unwrap_or(from);
        Some(Frame {
            function: String::new(),
            file: file.clone(),
            line,
            column: 0,
        })
    }

    /// Applies event `i`, with `view` as it was before it. Returns the card it made, if any.
    pub fn apply(
        &mut self,
        i: usize,
        event: &TraceEvent,
        view: &View,
        files: &[(String, String)],
    ) -> Option<usize> {
        use TraceEvent as E;
        let learner_runs = view.running == Some(Task::Main) || self.running.is_some();
        match event {
            E::CallSite { frames, via } => {
                self.site = frames.first().cloned();
                self.via = via.clone();
                if let Some(f) = frames.first() {
                    self.promise_from = Some((short_file(&f.file).to_string(), f.line));
                }
                None
            }
            E::TaskStart { task } => {
                self.site = None;
                self.started = i + 1;
                if *task == Task::Main {
                    self.promise_from = None;
                }
                let card = self.of_task(*task);
                self.running = card.map(|c| (c, *task));
                if let Some(c) = card {
                    if task.is_microtask_like() {
                        self.promise_from = Some((self.cards[c].file.clone(), self.cards[c].line));
                    }
                    // Node's own callback between two of the card's requests runs none of the
                    // learner's code: the card stays where it waits.
                    let failed = matches!(task, Task::RequestDone(r)
                        if view.requests.get(r).is_some_and(|r| r.error.is_some()));
                    let own = (matches!(task, Task::RequestDone(_))
                        && !sub_names(&self.cards[c].api).is_empty()
                        && self.cards[c].subs.len() < self.cards[c].expected_subs()
                        && !failed)
                        || matches!(task, Task::Tick(t) if self.streams.contains(&c)
                            && !self.learner_ticks.contains(&t.0));
                    if !own {
                        self.move_to(c, i, Place::Running);
                    }
                }
                None
            }
            E::TaskEnd { task } => {
                if let Some(c) = self.of_task(*task) {
                    let place = match task {
                        Task::Timeout(id) => match view.timeouts.get(&id.0) {
                            Some(t) if t.repeat && view.timers.contains(&id.0) => Place::Timers {
                                due_ms: view.loop_ms + u64::from(t.after_ms),
                            },
                            _ => Place::Finished,
                        },
                        // An open socket waits for the OS again.
                        _ if self.sockets.get(&c).is_some_and(|(h, _)| {
                            view.handles.get(h).is_some_and(|v| !v.closing && !v.closed)
                        }) =>
                        {
                            Place::Os
                        }
                        // Node's own next step of the card is under way.
                        Task::RequestDone(r) if self.moved_since_start(c) => {
                            self.internal.insert(r.0);
                            self.running = None;
                            return None;
                        }
                        Task::Tick(_) if self.streams.contains(&c) && self.moved_since_start(c) => {
                            self.running = None;
                            return None;
                        }
                        _ => Place::Finished,
                    };
                    self.move_to(c, i, place);
                }
                self.running = None;
                self.site = None;
                None
            }
            E::TimeoutInit {
                id,
                after_ms,
                repeat,
                ..
            } => {
                let site = self.site.take()?;
                let due_ms = view.loop_ms + u64::from((*after_ms).max(1));
                // A timer Node arms inside another call (http.get's socket timeout) is named
                // for that call, not as a setTimeout the learner never wrote.
                let label = if self.via.is_empty() || TIMER_APIS.contains(&self.via.as_str()) {
                    let api = if *repeat { "setInterval" } else { "setTimeout" };
                    let delay = delay_words(argument_written(files, &site, 1), *after_ms);
                    format!("{api} {delay} ms")
                } else {
                    let api = callee(files, &site).unwrap_or_else(|| self.via.clone());
                    format!("{api} timer {after_ms} ms")
                };
                Some(self.make(Key::Timer(*id), label, i, Place::Timers { due_ms }, &site))
            }
            E::QueuePush { queue, id } => {
                let (key, api, place) = match queue {
                    QueueName::Immediate => {
                        (Key::Immediate(*id), "setImmediate", Place::Immediates)
                    }
                    QueueName::NextTick => (Key::Tick(*id), "process.nextTick", Place::NextTicks),
                    QueueName::Microtask => (Key::Microtask(*id), "promise", Place::Promises),
                    QueueName::Threadpool => {
                        if let Some(&c) = self.by_key.get(&Key::Request(*id as u32)) {
                            self.move_to(c, i, Place::PoolQueue);
                        }
                        return None;
                    }
                    _ => return None,
                };
                if let Some(&c) = self.by_key.get(&key) {
                    // A repeating timer or a re-queued item: it waits again.
                    self.move_to(c, i, place);
                    return None;
                }
                // Node's own nextTick for a stream whose callback runs now: the stream's next step.
                if *queue == QueueName::NextTick
                    && self.site.is_none()
                    && let Some(c) = self.running().filter(|c| self.streams.contains(c))
                {
                    self.by_key.insert(key, c);
                    self.move_to(c, i, place);
                    return None;
                }
                let site = if *queue == QueueName::Microtask {
                    if !learner_runs {
                        return None;
                    }
                    self.promise_frame(files)?
                } else {
                    self.site.take()?
                };
                if *queue == QueueName::NextTick && STREAM_APIS.contains(&self.via.as_str()) {
                    let api = callee(files, &site).unwrap_or_else(|| format!("fs.{}", self.via));
                    let c = self.make(key, api, i, place, &site);
                    self.streams.insert(c);
                    return Some(c);
                }
                // A nextTick Node queued inside the API the learner called (`socket.on`
                // resuming a stream): Node's bookkeeping, unless it calls the learner back.
                let api = match (queue, self.via.as_str()) {
                    (QueueName::NextTick, via) if !via.is_empty() && via != "nextTick" => {
                        if !self.learner_ticks.contains(id) {
                            return None;
                        }
                        let api = callee(files, &site).unwrap_or_else(|| via.to_string());
                        // `server.listen(port, cb)`: the 'listening' callback is the socket's own.
                        if let Some(c) = self.socket_made_by(&api, &site) {
                            self.by_key.insert(key, c);
                            self.move_to(c, i, place);
                            return None;
                        }
                        api
                    }
                    _ => api.to_string(),
                };
                Some(self.make(key, api, i, place, &site))
            }
            E::QueueRemove { queue, id } => {
                let key = match queue {
                    QueueName::Timers => Key::Timer(*id),
                    QueueName::Immediate => Key::Immediate(*id),
                    _ => return None,
                };
                if let Some(&c) = self.by_key.get(&key) {
                    self.move_to(c, i, Place::Cleared);
                }
                None
            }
            // The call site was the print's: Node's bookkeeping after it is not the learner's.
            E::Output { .. } => {
                self.site = None;
                None
            }
            E::RequestSubmit {
                request,
                handle: Some(h),
                ..
            } => {
                // A connect, write or shutdown: the socket's own card follows it.
                if let Some(&c) = self.by_key.get(&Key::Handle(h.0)) {
                    self.by_key.insert(Key::Request(request.0), c);
                }
                self.site = None;
                None
            }
            E::HandleInit {
                handle,
                handle_kind: HandleKind::Tcp,
                label,
                internal: false,
            } => {
                // A socket the learner opened (`server.listen`, `net.connect`), or one a
                // server of theirs accepted.
                let server = self
                    .running()
                    .filter(|c| self.socket_role(*c) == Some(SocketRole::Server));
                let (api, role, site) = match (self.site.take(), server) {
                    (Some(site), _) => {
                        let role = if label.starts_with("net.Server") {
                            SocketRole::Server
                        } else {
                            SocketRole::Client
                        };
                        let named = label.split_whitespace().next().unwrap_or(label);
                        let api = callee(files, &site).unwrap_or_else(|| named.to_string());
                        (api, role, site)
                    }
                    (None, Some(server)) => {
                        let c = &self.cards[server];
                        let frame = Frame {
                            function: String::new(),
                            file: c.file.clone(),
                            line: c.line,
                            column: 0,
                        };
                        ("connection".to_string(), SocketRole::Accepted, frame)
                    }
                    _ => return None,
                };
                let c = self.make(Key::Handle(handle.0), api, i, Place::Os, &site);
                self.sockets.insert(c, (*handle, role));
                Some(c)
            }
            E::HandleClosed { handle } => {
                if let Some(&c) = self.by_key.get(&Key::Handle(handle.0))
                    && self.running() != Some(c)
                {
                    self.move_to(c, i, Place::Finished);
                }
                None
            }
            E::RequestSubmit { request, label, .. } => {
                if let Some(site) = self.site.take() {
                    let api = label.split_whitespace().next().unwrap_or(label).to_string();
                    let c = self.make(Key::Request(request.0), api, i, Place::PollQueue, &site);
                    let first = sub_names(&self.cards[c].api).first();
                    if let Some(name) = first {
                        self.cards[c].subs.push(Sub {
                            name: name.to_string(),
                            at: i,
                        });
                    }
                    return Some(c);
                }
                // Node's follow-up request from inside a card's callback: a sub-step of that card.
                let (c, _) = self.running?;
                self.by_key.insert(Key::Request(request.0), c);
                let n = self.cards[c].subs.len();
                let name = sub_names(&self.cards[c].api).get(n).map_or_else(
                    || step_name(label).unwrap_or_else(|| format!("step {}", n + 1)),
                    |s| s.to_string(),
                );
                self.cards[c].subs.push(Sub { name, at: i });
                self.move_to(c, i, Place::PollQueue);
                None
            }
            E::WorkerStart { worker, request } => {
                if let Some(c) = self.of_request(*request) {
                    self.move_to(c, i, Place::PoolThread(*worker));
                }
                None
            }
            E::WorkerDone { request, .. } => {
                if let Some(c) = self.of_request(*request) {
                    self.move_to(c, i, Place::PollQueue);
                }
                None
            }
            _ => None,
        }
    }

    /// The socket card `api` at `site` made, if any.
    fn socket_made_by(&self, api: &str, site: &Frame) -> Option<usize> {
        self.sockets.keys().copied().find(|&c| {
            let card = &self.cards[c];
            card.api == api && card.line == site.line && card.file == short_file(&site.file)
        })
    }

    /// What a socket card's socket is; None for other cards.
    pub fn socket_role(&self, card: usize) -> Option<SocketRole> {
        self.sockets.get(&card).map(|&(_, role)| role)
    }

    pub fn of_handle(&self, h: HandleId) -> Option<usize> {
        self.by_key.get(&Key::Handle(h.0)).copied()
    }

    pub fn of_request(&self, r: RequestId) -> Option<usize> {
        self.by_key.get(&Key::Request(r.0)).copied()
    }

    /// Cards made so far, with where each is, once `applied` events have been applied.
    pub fn at(&self, applied: usize) -> impl Iterator<Item = (usize, &Card, Place)> {
        self.cards
            .iter()
            .enumerate()
            .filter_map(move |(i, c)| c.place(applied).map(|p| (i, c, p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place `line:column` of the entry file.
    fn at(line: u32, column: u32) -> Frame {
        Frame {
            function: String::new(),
            file: "/app/main.js".into(),
            line,
            column,
        }
    }

    #[test]
    fn a_call_is_named_as_the_learner_wrote_it() {
        let files = vec![(
            "main.js".to_string(),
            "server.listen(0, () => {});\n  const c = net.connect(port);\n  a.b.c.close();"
                .to_string(),
        )];
        assert_eq!(callee(&files, &at(1, 14)).as_deref(), Some("server.listen"));
        assert_eq!(callee(&files, &at(2, 24)).as_deref(), Some("net.connect"));
        assert_eq!(callee(&files, &at(3, 14)).as_deref(), Some("c.close"));
        // Not at a call's parenthesis: unknown, not a guess.
        assert_eq!(callee(&files, &at(1, 3)), None);
        assert_eq!(callee(&files, &at(9, 1)), None);
    }

    #[test]
    fn a_timer_s_delay_is_read_as_the_learner_wrote_it() {
        let files = vec![(
            "main.js".to_string(),
            "setTimeout(() => {\n  f('a, b)', [1, 2]); // x, y)\n}, 0);\nsetTimeout(g, 0.5);\nsetTimeout(g);\n"
                .to_string(),
        )];
        assert_eq!(
            argument_written(&files, &at(1, 11), 1).as_deref(),
            Some("0")
        );
        assert_eq!(
            argument_written(&files, &at(4, 11), 1).as_deref(),
            Some("0.5")
        );
        assert_eq!(
            argument_written(&files, &at(4, 11), 0).as_deref(),
            Some("g")
        );
        assert_eq!(argument_written(&files, &at(5, 11), 1), None);
        assert_eq!(argument_written(&files, &at(5, 3), 1), None);
        assert_eq!(delay_words(Some("0".into()), 1), "0");
        assert_eq!(delay_words(Some("10".into()), 10), "10");
        assert_eq!(delay_words(Some("ms".into()), 1), "1");
        assert_eq!(delay_words(None, 1), "1");
        let card = |api: &str| Card {
            api: api.into(),
            file: "main.js".into(),
            line: 1,
            moves: Vec::new(),
            subs: Vec::new(),
        };
        assert_eq!(card("setTimeout 0 ms").delay_raised(), Some("0"));
        assert_eq!(card("setInterval 0.5 ms").delay_raised(), Some("0.5"));
        assert_eq!(card("setTimeout 1 ms").delay_raised(), None);
        assert_eq!(card("setImmediate").delay_raised(), None);
    }

    #[test]
    fn promise_lines_are_found_in_the_source() {
        assert!(makes_promise_job("Promise.resolve().then(() => 1);"));
        assert!(makes_promise_job("  await x;"));
        assert!(!makes_promise_job("setTimeout(f, 1);"));
    }

    #[test]
    fn a_card_is_labelled_with_its_api_and_line() {
        let card = Card {
            api: "setTimeout 1 ms".into(),
            file: "main.js".into(),
            line: 2,
            moves: vec![(3, Place::Timers { due_ms: 1 }), (9, Place::Running)],
            subs: Vec::new(),
        };
        assert_eq!(card.label("main.js"), "setTimeout 1 ms · line 2");
        assert_eq!(card.label("other.js"), "setTimeout 1 ms · main.js:2");
        assert_eq!(card.place(2), None);
        assert_eq!(card.place(3), Some(Place::Timers { due_ms: 1 }));
        assert_eq!(card.place(9), Some(Place::Running));
    }
}
