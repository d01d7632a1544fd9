//! The built-in demo on the model without a JavaScript engine: the callbacks are Rust closures
//! standing in for the script in `looplab_core::demo::DEMO_SOURCE`, and they record their console
//! output so the console panel links each line to its step.
use std::collections::HashMap;

use looplab_core::Node;
use looplab_core::Task;
use looplab_core::Trace;
use looplab_core::settings::Settings;
use looplab_core::time::Duration;
use looplab_core::uv::{RequestKind, Work, WorkKind};

pub use looplab_core::demo::DEMO_SOURCE;

fn print(node: &mut Node, text: &str) {
    node.record_output(1, &format!("{text}\n"));
}

/// Runs the demo and returns its trace.
pub fn run(settings: Settings) -> Trace {
    let mut node = Node::simulated(settings);
    let mut labels: HashMap<(u8, u64), &str> = HashMap::new();
    // fs.readFile is open, fstat, read and close on the pool; one request waiting on the disk
    // stands in for the four (as in looplab_core::demo).
    let read = Work {
        kind: WorkKind::FastIo,
        cpu: node.settings().cost.fs(400),
        blocked: Duration::from_micros(1500),
    };
    let _ = node.run_to_end(|node, task| match task {
        Task::Main => {
            labels.insert((0, node.set_timeout(0.0, false).0), "timeout");
            labels.insert((1, node.set_immediate().0), "immediate");
            node.submit_work(RequestKind::Fs, read, "fs.readFile(__filename)");
            labels.insert((3, node.enqueue_microtask().0), "promise");
            if let Some(t) = node.next_tick() {
                labels.insert((2, t.0), "nextTick");
            }
            print(node, "main");
        }
        Task::RequestDone(_) => {
            print(node, "readFile");
            labels.insert((0, node.set_timeout(0.0, false).0), "timeout from I/O");
            labels.insert((1, node.set_immediate().0), "immediate from I/O");
        }
        Task::Timeout(id) => print(node, labels[&(0, id.0)]),
        Task::Immediate(id) => print(node, labels[&(1, id.0)]),
        Task::Tick(id) => print(node, labels[&(2, id.0)]),
        Task::Microtask(id) => print(node, labels[&(3, id.0)]),
        _ => {}
    });
    node.into_trace()
}
