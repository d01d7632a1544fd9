//! A tiny scripted host: callbacks are Rust closures, so Node's ordering rules can be tested on the
//! model without a JavaScript engine.
#![allow(dead_code)]
use looplab_core::node::{ImmediateId, MicrotaskId, TickId, TimerId};
use looplab_core::time::Duration;
use looplab_core::uv::{RequestId, RequestKind, Work, WorkKind};
use looplab_core::{Node, Settings, Task};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Timer(TimerId),
    Immediate(ImmediateId),
    Tick(TickId),
    Microtask(MicrotaskId),
    Request(RequestId),
    BeforeExit,
    Exit,
}

type Callback = Box<dyn FnMut(&mut Ctx)>;

pub struct Ctx<'a> {
    pub node: &'a mut Node,
    new: &'a mut Vec<(Key, Callback)>,
    pub log: &'a mut Vec<String>,
}

impl Ctx<'_> {
    pub fn log(&mut self, line: impl Into<String>) {
        self.log.push(line.into());
    }
    pub fn set_timeout(&mut self, ms: f64, f: impl FnMut(&mut Ctx) + 'static) -> TimerId {
        let id = self.node.set_timeout(ms, false);
        self.new.push((Key::Timer(id), Box::new(f)));
        id
    }
    pub fn set_interval(&mut self, ms: f64, f: impl FnMut(&mut Ctx) + 'static) -> TimerId {
        let id = self.node.set_timeout(ms, true);
        self.new.push((Key::Timer(id), Box::new(f)));
        id
    }
    pub fn set_immediate(&mut self, f: impl FnMut(&mut Ctx) + 'static) -> ImmediateId {
        let id = self.node.set_immediate();
        self.new.push((Key::Immediate(id), Box::new(f)));
        id
    }
    pub fn next_tick(&mut self, f: impl FnMut(&mut Ctx) + 'static) {
        if let Some(id) = self.node.next_tick() {
            self.new.push((Key::Tick(id), Box::new(f)));
        }
    }
    /// `Promise.resolve().then(f)` / `queueMicrotask(f)`.
    pub fn then(&mut self, f: impl FnMut(&mut Ctx) + 'static) {
        let id = self.node.enqueue_microtask();
        self.new.push((Key::Microtask(id), Box::new(f)));
    }
    /// An fs call taking `ms` on a pool thread.
    pub fn fs(&mut self, ms: u64, f: impl FnMut(&mut Ctx) + 'static) -> RequestId {
        let work = Work {
            kind: WorkKind::FastIo,
            cpu: Duration::from_millis(ms),
            blocked: Duration::ZERO,
        };
        let id = self.node.submit_work(RequestKind::Fs, work, "fs");
        self.new.push((Key::Request(id), Box::new(f)));
        id
    }
    pub fn on_before_exit(&mut self, f: impl FnMut(&mut Ctx) + 'static) {
        self.new.push((Key::BeforeExit, Box::new(f)));
    }
    pub fn on_exit(&mut self, f: impl FnMut(&mut Ctx) + 'static) {
        self.new.push((Key::Exit, Box::new(f)));
    }
    /// Spends main-thread time, like a busy loop.
    pub fn busy(&mut self, ms: u64) {
        self.node.charge(Duration::from_millis(ms));
    }
}

pub struct Outcome {
    pub log: Vec<String>,
    pub code: Result<i32, String>,
    pub node: Node,
}

/// Runs `main` as the entry script and everything it schedules; returns what was logged.
pub fn run(settings: Settings, main: impl FnMut(&mut Ctx) + 'static) -> Outcome {
    let mut node = Node::simulated(settings);
    let mut callbacks: HashMap<Key, Callback> = HashMap::new();
    let mut main: Option<Callback> = Some(Box::new(main));
    let mut log = Vec::new();
    let code = node.run_to_end(|node, task| {
        let key = match task {
            Task::Timeout(id) => Key::Timer(id),
            Task::Immediate(id) => Key::Immediate(id),
            Task::Tick(id) => Key::Tick(id),
            Task::Microtask(id) => Key::Microtask(id),
            Task::RequestDone(id) => Key::Request(id),
            Task::BeforeExit => Key::BeforeExit,
            Task::Exit => Key::Exit,
            Task::Main => {
                let mut new = Vec::new();
                (main.take().unwrap())(&mut Ctx {
                    node,
                    new: &mut new,
                    log: &mut log,
                });
                callbacks.extend(new);
                return;
            }
            _ => return,
        };
        let keep = matches!(key, Key::BeforeExit | Key::Exit)
            || matches!(task, Task::Timeout(id) if node.timer_is_interval(id));
        let Some(mut cb) = callbacks.remove(&key) else {
            return;
        };
        let mut new = Vec::new();
        cb(&mut Ctx {
            node,
            new: &mut new,
            log: &mut log,
        });
        if keep {
            callbacks.entry(key).or_insert(cb);
        }
        callbacks.extend(new);
    });
    Outcome { log, code, node }
}

pub fn cjs() -> Settings {
    Settings::default()
}

pub fn esm() -> Settings {
    Settings {
        entry: looplab_core::EntryKind::Module,
        ..Settings::default()
    }
}
