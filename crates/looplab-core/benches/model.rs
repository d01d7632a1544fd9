//! Model throughput: trace events per second for a million timers, immediates and pool requests.
//! `cargo bench -p looplab-core`; divan prints items (events) per second.
use divan::Bencher;
use divan::counter::ItemsCount;
use looplab_core::time::Duration;
use looplab_core::uv::{RequestKind, Work, WorkKind};
use looplab_core::{Limits, Node, Settings, Task};

const N: usize = 1_000_000;

fn main() {
    divan::main();
}

fn settings() -> Settings {
    let limits = Limits {
        max_tasks: u64::MAX,
        max_trace_events: usize::MAX,
        ..Limits::default()
    };
    Settings {
        limits,
        ..Settings::default()
    }
}

/// Runs a script whose main schedules `N` things with `schedule`; returns the number of events.
fn run(schedule: fn(&mut Node)) -> usize {
    let mut node = Node::simulated(settings());
    node.run_to_end(|node, task| {
        if task == Task::Main {
            for _ in 0..N {
                schedule(node);
            }
        }
    })
    .expect("the run ends");
    node.events().len()
}

fn timer(node: &mut Node) {
    node.set_timeout(1.0, false);
}

fn immediate(node: &mut Node) {
    node.set_immediate();
}

fn pool_request(node: &mut Node) {
    let work = Work {
        kind: WorkKind::FastIo,
        cpu: Duration::from_micros(10),
        blocked: Duration::ZERO,
    };
    node.submit_work(RequestKind::Fs, work, "fs.stat");
}

fn bench(bencher: Bencher, schedule: fn(&mut Node)) {
    let events = run(schedule);
    bencher
        .counter(ItemsCount::new(events))
        .bench(|| run(schedule));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn million_timers(bencher: Bencher) {
    bench(bencher, timer);
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn million_immediates(bencher: Bencher) {
    bench(bencher, immediate);
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn million_pool_requests(bencher: Bencher) {
    bench(bencher, pool_request);
}
