//! Node's ordering rules on the model. Each test names the JavaScript it stands for; the expected
//! order is what node v20.20.2 prints for that JavaScript.
mod support;
use support::{cjs, esm, run};

#[test]
fn commonjs_entry_runs_next_ticks_before_promises() {
    // Promise.resolve().then(() => log('promise')); process.nextTick(() => log('tick')); log('main')
    let out = run(cjs(), |cx| {
        cx.then(|cx| cx.log("promise"));
        cx.next_tick(|cx| cx.log("tick"));
        cx.log("main");
    });
    assert_eq!(out.log, ["main", "tick", "promise"]);
}

#[test]
fn es_module_entry_runs_promises_before_next_ticks() {
    let out = run(esm(), |cx| {
        cx.then(|cx| cx.log("promise"));
        cx.next_tick(|cx| cx.log("tick"));
        cx.log("main");
    });
    assert_eq!(out.log, ["main", "promise", "tick"]);
}

#[test]
fn a_tick_queued_by_a_promise_waits_for_all_microtasks() {
    // Promise.resolve().then(() => { log('p1'); process.nextTick(() => log('t2')) });
    // Promise.resolve().then(() => log('p2')); process.nextTick(() => log('t1'));
    let out = run(cjs(), |cx| {
        cx.then(|cx| {
            cx.log("p1");
            cx.next_tick(|cx| cx.log("t2"));
        });
        cx.then(|cx| cx.log("p2"));
        cx.next_tick(|cx| cx.log("t1"));
    });
    assert_eq!(out.log, ["t1", "p1", "p2", "t2"]);
}

#[test]
fn ticks_queued_by_ticks_run_before_promises() {
    let out = run(cjs(), |cx| {
        cx.then(|cx| cx.log("promise"));
        cx.next_tick(|cx| {
            cx.log("t1");
            cx.next_tick(|cx| cx.log("t2"));
        });
    });
    assert_eq!(out.log, ["t1", "t2", "promise"]);
}

#[test]
fn queues_drain_between_timers() {
    // setTimeout(() => { log('a'); nextTick(() => log('tick')); Promise.resolve().then(() => log('promise')) });
    // setTimeout(() => log('b'));
    let out = run(cjs(), |cx| {
        cx.set_timeout(0.0, |cx| {
            cx.log("a");
            cx.next_tick(|cx| cx.log("tick"));
            cx.then(|cx| cx.log("promise"));
        });
        cx.set_timeout(0.0, |cx| cx.log("b"));
    });
    assert_eq!(out.log, ["a", "tick", "promise", "b"]);
}

#[test]
fn queues_drain_between_immediates_and_new_immediates_wait() {
    // setImmediate(() => { log('a'); setImmediate(() => log('c')); nextTick(() => log('tick')) });
    // setImmediate(() => log('b'));
    let out = run(cjs(), |cx| {
        cx.set_immediate(|cx| {
            cx.log("a");
            cx.set_immediate(|cx| cx.log("c"));
            cx.next_tick(|cx| cx.log("tick"));
        });
        cx.set_immediate(|cx| cx.log("b"));
    });
    assert_eq!(out.log, ["a", "tick", "b", "c"]);
}

#[test]
fn inside_an_io_callback_the_immediate_always_wins() {
    // fs.readFile(f, () => { setTimeout(() => log('timeout')); setImmediate(() => log('immediate')) })
    let out = run(cjs(), |cx| {
        cx.fs(1, |cx| {
            cx.set_timeout(0.0, |cx| cx.log("timeout"));
            cx.set_immediate(|cx| cx.log("immediate"));
        });
    });
    assert_eq!(out.log, ["immediate", "timeout"]);
}

#[test]
fn main_module_race_goes_to_the_timer_after_a_busy_wait() {
    // setTimeout(..., 0); setImmediate(...); while (Date.now() - start < 3);  → timeout first
    let out = run(cjs(), |cx| {
        cx.set_timeout(0.0, |cx| cx.log("timeout"));
        cx.set_immediate(|cx| cx.log("immediate"));
        cx.busy(3);
    });
    assert_eq!(out.log, ["timeout", "immediate"]);
}

#[test]
fn inside_a_timer_callback_the_immediate_wins() {
    let out = run(cjs(), |cx| {
        cx.set_timeout(0.0, |cx| {
            cx.busy(3);
            cx.set_timeout(0.0, |cx| cx.log("timeout"));
            cx.set_immediate(|cx| cx.log("immediate"));
        });
    });
    assert_eq!(out.log, ["immediate", "timeout"]);
}

#[test]
fn timer_lists_fire_by_duration_expiry_then_insertion() {
    // setTimeout(a, 10); setTimeout(b, 5); setTimeout(c, 10)  → b a c
    let out = run(cjs(), |cx| {
        cx.set_timeout(10.0, |cx| cx.log("a"));
        cx.set_timeout(5.0, |cx| cx.log("b"));
        cx.set_timeout(10.0, |cx| cx.log("c"));
    });
    assert_eq!(out.log, ["b", "a", "c"]);
}

#[test]
fn a_zero_timer_set_in_a_timer_runs_in_a_later_pass() {
    let out = run(cjs(), |cx| {
        cx.set_timeout(1.0, |cx| {
            cx.log("first");
            cx.set_timeout(0.0, |cx| cx.log("nested"));
        });
        cx.set_timeout(1.0, |cx| cx.log("second"));
    });
    assert_eq!(out.log, ["first", "second", "nested"]);
}

#[test]
fn interval_repeats_until_cleared() {
    let out = run(cjs(), |cx| {
        let count = std::rc::Rc::new(std::cell::Cell::new(0));
        let id = std::rc::Rc::new(std::cell::Cell::new(None));
        let id_in = id.clone();
        let t = cx.set_interval(10.0, move |cx| {
            count.set(count.get() + 1);
            let now = cx.node.libuv_now();
            cx.log(format!("tick {} at {now}", count.get()));
            if count.get() == 3 {
                cx.node.clear_timeout(id_in.get().unwrap());
            }
        });
        id.set(Some(t));
    });
    assert_eq!(out.log, ["tick 1 at 10", "tick 2 at 20", "tick 3 at 30"]);
    assert_eq!(out.code, Ok(0));
}

#[test]
fn an_unrefed_timer_does_not_keep_the_process_alive() {
    let out = run(cjs(), |cx| {
        let t = cx.set_timeout(10.0, |cx| cx.log("never"));
        cx.node.timer_set_ref(t, false);
    });
    assert!(out.log.is_empty());
    assert_eq!(out.code, Ok(0));
}

#[test]
fn unref_then_ref_keeps_it_alive_again() {
    let out = run(cjs(), |cx| {
        let t = cx.set_timeout(10.0, |cx| cx.log("fired"));
        cx.node.timer_set_ref(t, false);
        cx.node.timer_set_ref(t, true);
    });
    assert_eq!(out.log, ["fired"]);
}

#[test]
fn an_unrefed_immediate_still_runs_if_the_loop_turns() {
    let out = run(cjs(), |cx| {
        let i = cx.set_immediate(|cx| cx.log("immediate"));
        cx.node.immediate_set_ref(i, false);
        cx.set_timeout(5.0, |cx| cx.log("timeout"));
    });
    assert_eq!(out.log, ["immediate", "timeout"]);
}

#[test]
fn cleared_timers_and_immediates_do_not_run() {
    let out = run(cjs(), |cx| {
        let t = cx.set_timeout(1.0, |cx| cx.log("timeout"));
        let i = cx.set_immediate(|cx| cx.log("immediate"));
        cx.node.clear_timeout(t);
        cx.node.clear_immediate(i);
    });
    assert!(out.log.is_empty());
    assert!(!out.node.uv().alive());
}

#[test]
fn before_exit_can_revive_the_loop() {
    // let n = 0; process.on('beforeExit', () => { log('beforeExit'); if (n++ === 0) setTimeout(() => log('revived')) })
    let out = run(cjs(), |cx| {
        let mut n = 0;
        cx.on_before_exit(move |cx| {
            cx.log("beforeExit");
            if n == 0 {
                cx.set_timeout(1.0, |cx| cx.log("revived"));
            }
            n += 1;
        });
        cx.on_exit(|cx| cx.log("exit"));
    });
    assert_eq!(out.log, ["beforeExit", "revived", "beforeExit", "exit"]);
}

#[test]
fn process_exit_stops_everything_else() {
    let out = run(cjs(), |cx| {
        cx.set_timeout(1.0, |cx| {
            cx.log("exiting");
            cx.node.exit(3);
        });
        cx.set_timeout(1.0, |cx| cx.log("never"));
        cx.set_timeout(50.0, |cx| cx.log("never either"));
    });
    assert_eq!(out.log, ["exiting"]);
    assert_eq!(out.code, Ok(3));
}

#[test]
fn next_tick_is_dropped_once_exiting() {
    let out = run(cjs(), |cx| {
        cx.on_exit(|cx| {
            cx.log("exit");
            cx.next_tick(|cx| cx.log("dropped"));
        });
    });
    assert_eq!(out.log, ["exit"]);
}

#[test]
fn the_fifth_pool_job_waits_for_a_free_thread() {
    let out = run(cjs(), |cx| {
        for i in 0..5 {
            cx.fs(10, move |cx| {
                let now = cx.node.libuv_now();
                cx.log(format!("job {i} done at {now}"));
            });
        }
    });
    assert_eq!(out.log.len(), 5);
    assert!(out.log[3].ends_with("at 10"), "{:?}", out.log);
    assert!(out.log[4].ends_with("at 20"), "{:?}", out.log);
}

#[test]
fn an_endless_immediate_chain_halts_at_the_limit() {
    fn again(cx: &mut support::Ctx) {
        cx.set_immediate(again);
    }
    let mut settings = cjs();
    settings.limits.max_tasks = 1000;
    let out = run(settings, |cx| {
        cx.set_immediate(again);
    });
    let message = out.code.unwrap_err();
    assert!(message.contains("1000 callbacks"), "{message}");
}
