//! Scheduler invariants over random programs: no timer fires early, the same program gives the
//! same trace, every request completes exactly once.
mod support;
use looplab_core::Settings;
use looplab_core::trace::TraceEvent;
use proptest::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use support::{Ctx, run};

#[derive(Clone, Debug)]
enum Op {
    Timeout(u8, Vec<Op>),
    Interval(u8, u8),
    Immediate(Vec<Op>),
    Tick(Vec<Op>),
    Promise(Vec<Op>),
    Fs(u8, Vec<Op>),
    Busy(u8),
}

fn op() -> impl Strategy<Value = Op> {
    let leaf = prop_oneof![
        (0u8..30).prop_map(|d| Op::Timeout(d, vec![])),
        (1u8..10, 1u8..4).prop_map(|(d, n)| Op::Interval(d, n)),
        Just(Op::Immediate(vec![])),
        Just(Op::Tick(vec![])),
        Just(Op::Promise(vec![])),
        (0u8..20).prop_map(|ms| Op::Fs(ms, vec![])),
        (0u8..4).prop_map(Op::Busy),
    ];
    leaf.prop_recursive(2, 24, 4, |inner| {
        let kids = prop::collection::vec(inner, 0..4);
        prop_oneof![
            ((0u8..30), kids.clone()).prop_map(|(d, k)| Op::Timeout(d, k)),
            kids.clone().prop_map(Op::Immediate),
            kids.clone().prop_map(Op::Tick),
            kids.clone().prop_map(Op::Promise),
            ((0u8..20), kids).prop_map(|(ms, k)| Op::Fs(ms, k)),
        ]
    })
}

#[derive(Default)]
struct Checks {
    early: Vec<String>,
    requests: HashMap<u32, u32>,
}

fn schedule(cx: &mut Ctx, ops: &[Op], checks: &Rc<RefCell<Checks>>) {
    for op in ops.iter().cloned() {
        let checks = checks.clone();
        match op {
            Op::Timeout(delay, kids) => {
                let start = Rc::new(RefCell::new(0));
                let start_in = start.clone();
                cx.set_timeout(delay as f64, move |cx| {
                    let now = cx.node.uv().now_ms();
                    let due = *start_in.borrow() + (delay.max(1) as u64);
                    if now < due {
                        checks
                            .borrow_mut()
                            .early
                            .push(format!("timer {delay} ms ran at {now}, due {due}"));
                    }
                    schedule(cx, &kids, &checks);
                });
                *start.borrow_mut() = cx.node.uv().now_ms();
            }
            Op::Interval(delay, times) => {
                let left = Rc::new(RefCell::new(times));
                let id = Rc::new(RefCell::new(None));
                let id_in = id.clone();
                let t = cx.set_interval(delay as f64, move |cx| {
                    *left.borrow_mut() -= 1;
                    if *left.borrow() == 0 {
                        cx.node.clear_timeout(id_in.borrow().unwrap());
                    }
                });
                *id.borrow_mut() = Some(t);
            }
            Op::Immediate(kids) => {
                cx.set_immediate(move |cx| schedule(cx, &kids, &checks));
            }
            Op::Tick(kids) => cx.next_tick(move |cx| schedule(cx, &kids, &checks)),
            Op::Promise(kids) => cx.then(move |cx| schedule(cx, &kids, &checks)),
            Op::Fs(ms, kids) => {
                let c = checks.clone();
                let id = cx.fs(ms as u64, move |cx| schedule(cx, &kids, &c));
                c_insert(&checks, id.0);
            }
            Op::Busy(ms) => cx.busy(ms as u64),
        }
    }
}

fn c_insert(checks: &Rc<RefCell<Checks>>, id: u32) {
    checks.borrow_mut().requests.insert(id, 0);
}

fn settings(cores: u32, pool: u32) -> Settings {
    Settings {
        cores,
        threadpool_env: Some(pool.to_string()),
        ..Settings::default()
    }
}

fn run_program(ops: Vec<Op>, cores: u32, pool: u32) -> (support::Outcome, Rc<RefCell<Checks>>) {
    let checks = Rc::new(RefCell::new(Checks::default()));
    let c = checks.clone();
    let out = run(settings(cores, pool), move |cx| schedule(cx, &ops, &c));
    (out, checks)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_timer_fires_early(ops in prop::collection::vec(op(), 1..12), cores in 1u32..5, pool in 1u32..6) {
        let (out, checks) = run_program(ops, cores, pool);
        prop_assert_eq!(out.code, Ok(0));
        let early = &checks.borrow().early;
        prop_assert!(early.is_empty(), "{:?}", early);
    }

    #[test]
    fn the_same_program_gives_the_same_trace(ops in prop::collection::vec(op(), 1..12), cores in 1u32..5, pool in 1u32..6) {
        let (a, _) = run_program(ops.clone(), cores, pool);
        let (b, _) = run_program(ops, cores, pool);
        let a = serde_json::to_string(&a.node.into_trace()).unwrap();
        let b = serde_json::to_string(&b.node.into_trace()).unwrap();
        prop_assert!(a == b);
    }

    #[test]
    fn every_request_completes_exactly_once(ops in prop::collection::vec(op(), 1..12), cores in 1u32..5, pool in 1u32..6) {
        let (out, checks) = run_program(ops, cores, pool);
        let mut done: HashMap<u32, u32> = checks.borrow().requests.clone();
        for e in out.node.events() {
            if let TraceEvent::RequestDone { request, .. } = e.event {
                *done.get_mut(&request.0).expect("a request nobody submitted completed") += 1;
            }
        }
        prop_assert!(done.values().all(|&n| n == 1), "{:?}", done);
        prop_assert_eq!(out.node.uv().active_requests(), 0);
    }
}
