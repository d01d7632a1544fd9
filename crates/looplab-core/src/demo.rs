//! A built-in scenario that needs no JavaScript engine: the script is Rust closures standing in for
//! callbacks. The page shows it before a script runs, and tests use it as a fixed workload.
//!
//! ```js
//! const fs = require('fs');
//! setTimeout(() => console.log('timeout'), 0);
//! setImmediate(() => console.log('immediate'));
//! fs.readFile(__filename, () => {
//!   console.log('readFile');
//!   setTimeout(() => console.log('timeout from I/O'), 0);
//!   setImmediate(() => console.log('immediate from I/O'));
//! });
//! Promise.resolve().then(() => console.log('promise'));
//! process.nextTick(() => console.log('nextTick'));
//! console.log('main');
//! ```
use crate::node::{ImmediateId, MicrotaskId, Node, Task, TickId, TimerId};
use crate::settings::Settings;
use crate::trace::Trace;
use crate::uv::{RequestKind, Work, WorkKind};
use std::collections::HashMap;

pub const DEMO_SOURCE: &str = r#"const fs = require('fs');
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
fs.readFile(__filename, () => {
  console.log('readFile');
  setTimeout(() => console.log('timeout from I/O'), 0);
  setImmediate(() => console.log('immediate from I/O'));
});
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
console.log('main');"#;

/// What the demo printed and the trace of its run.
#[derive(Debug)]
pub struct DemoRun {
    pub output: Vec<String>,
    pub trace: Trace,
}

pub fn run_demo(settings: Settings) -> DemoRun {
    let mut node = Node::simulated(settings);
    let mut output = Vec::new();
    let mut timers: HashMap<TimerId, &str> = HashMap::new();
    let mut immediates: HashMap<ImmediateId, &str> = HashMap::new();
    let mut ticks: HashMap<TickId, &str> = HashMap::new();
    let mut microtasks: HashMap<MicrotaskId, &str> = HashMap::new();
    // fs.readFile is open, fstat, read and close on the pool; one request waiting on the disk
    // stands in for the four.
    let read_cpu = node.settings().cost.fs(400);
    let disk = crate::time::Duration::from_micros(1500);
    let result = node.run_to_end(|node, task| match task {
        Task::Main => {
            timers.insert(node.set_timeout(0.0, false), "timeout");
            immediates.insert(node.set_immediate(), "immediate");
            let read = Work {
                kind: WorkKind::FastIo,
                cpu: read_cpu,
                blocked: disk,
            };
            node.submit_work(RequestKind::Fs, read, "fs.readFile(__filename)");
            microtasks.insert(node.enqueue_microtask(), "promise");
            if let Some(t) = node.next_tick() {
                ticks.insert(t, "nextTick");
            }
            output.push("main".to_string());
        }
        Task::RequestDone(_) => {
            output.push("readFile".to_string());
            timers.insert(node.set_timeout(0.0, false), "timeout from I/O");
            immediates.insert(node.set_immediate(), "immediate from I/O");
        }
        Task::Timeout(id) => output.push(timers[&id].to_string()),
        Task::Immediate(id) => output.push(immediates[&id].to_string()),
        Task::Tick(id) => output.push(ticks[&id].to_string()),
        Task::Microtask(id) => output.push(microtasks[&id].to_string()),
        _ => {}
    });
    debug_assert!(result.is_ok());
    DemoRun {
        output,
        trace: node.into_trace(),
    }
}
