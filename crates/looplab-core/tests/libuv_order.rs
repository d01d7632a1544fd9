//! libuv's own ordering tests (test/test-timer*.c, test-run-once.c, test-run-nowait.c,
//! test-close-order.c, test-loop-alive.c, test-idle.c, test-threadpool*.c), restated on the model.
use looplab_core::CostModel;
use looplab_core::sim::SimBackend;
use looplab_core::time::Duration;
use looplab_core::trace::{PollReason, TraceEvent};
use looplab_core::uv::{HandleKind, Loop, RequestKind, RunMode, UvCallback, Work, WorkKind};

fn sim_loop(cores: u32, pool: Option<&str>) -> Loop {
    let backend = SimBackend::new(cores, pool.map(str::to_string), &CostModel::default());
    Loop::new(Box::new(backend), 1_000_000)
}

fn work(kind: WorkKind, ms: u64) -> Work {
    Work {
        kind,
        cpu: Duration::from_millis(ms),
        blocked: Duration::ZERO,
    }
}

#[test]
fn timers_with_equal_timeouts_fire_in_start_order() {
    let mut lp = sim_loop(1, None);
    let timers: Vec<_> = (0..5)
        .map(|i| lp.handle_init(HandleKind::Timer, format!("t{i}")))
        .collect();
    for &t in timers.iter().rev() {
        lp.timer_start(t, 10, 0);
    }
    let mut fired = Vec::new();
    lp.run_with(RunMode::Default, |_, cb| {
        if let UvCallback::Timer(h) = cb {
            fired.push(h);
        }
    });
    let expected: Vec<_> = timers.iter().rev().copied().collect();
    assert_eq!(fired, expected);
}

#[test]
fn earlier_timeout_fires_first_and_no_timer_fires_early() {
    let mut lp = sim_loop(1, None);
    let slow = lp.handle_init(HandleKind::Timer, "slow");
    let fast = lp.handle_init(HandleKind::Timer, "fast");
    lp.timer_start(slow, 50, 0);
    lp.timer_start(fast, 20, 0);
    let mut fired = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::Timer(h) = cb {
            fired.push((h, lp.now_ms()));
        }
    });
    assert_eq!(fired, [(fast, 20), (slow, 50)]);
}

#[test]
fn repeating_timer_and_stop_from_its_callback() {
    let mut lp = sim_loop(1, None);
    let t = lp.handle_init(HandleKind::Timer, "repeat");
    lp.timer_start(t, 5, 5);
    let mut calls = 0;
    let alive = lp.run_with(RunMode::Default, |lp, _| {
        calls += 1;
        if calls == 3 {
            lp.timer_stop(t);
        }
    });
    assert_eq!(calls, 3);
    assert!(!alive);
    assert_eq!(lp.now_ms(), 15);
}

#[test]
fn run_nowait_does_not_block_and_skips_a_timer_not_due() {
    let mut lp = sim_loop(1, None);
    let t = lp.handle_init(HandleKind::Timer, "t");
    lp.timer_start(t, 100, 100);
    let mut called = false;
    let alive = lp.run_with(RunMode::NoWait, |_, _| called = true);
    assert!(
        alive,
        "uv_run(NOWAIT) returns non-zero while the timer is active"
    );
    assert!(!called);
    assert_eq!(lp.now_ms(), 0);
}

#[test]
fn run_once_runs_one_iteration_and_may_block_for_a_timer() {
    let mut lp = sim_loop(1, None);
    let t = lp.handle_init(HandleKind::Timer, "t");
    lp.timer_start(t, 30, 0);
    let mut called = 0;
    let alive = lp.run_with(RunMode::Once, |_, _| called += 1);
    assert_eq!(
        called, 1,
        "poll blocked until the timer was due, then timers ran at the end"
    );
    assert!(!alive);
    assert_eq!(lp.now_ms(), 30);
}

#[test]
fn run_once_with_idle_calls_idle_once_per_run() {
    let mut lp = sim_loop(1, None);
    let idle = lp.handle_init(HandleKind::Idle, "idle");
    lp.watcher_start(idle);
    let mut calls = 0;
    for _ in 0..5 {
        lp.run_with(RunMode::Once, |_, cb| {
            assert_eq!(cb, UvCallback::Idle(idle));
            calls += 1;
        });
    }
    assert_eq!(calls, 5);
}

#[test]
fn timer_started_from_check_runs_at_the_end_of_the_same_iteration() {
    // libuv ≥ 1.45: timers run after the close phase of every iteration (libuv#3927).
    let mut lp = sim_loop(1, None);
    let check = lp.handle_init(HandleKind::Check, "check");
    let prepare = lp.handle_init(HandleKind::Prepare, "prepare");
    let timer = lp.handle_init(HandleKind::Timer, "timer");
    // With only prepare and check handles, poll would block forever; an idle handle keeps it at 0.
    let idle = lp.handle_init(HandleKind::Idle, "idle");
    lp.watcher_start(check);
    lp.watcher_start(prepare);
    lp.watcher_start(idle);
    let mut log = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if cb == UvCallback::Idle(idle) {
            return;
        }
        log.push((cb, lp.iteration()));
        match cb {
            UvCallback::Check(_) if lp.iteration() == 1 => lp.timer_start(timer, 0, 0),
            UvCallback::Timer(_) => {
                for h in [check, prepare, idle] {
                    lp.watcher_stop(h);
                }
            }
            _ => {}
        }
    });
    assert_eq!(
        log,
        [
            (UvCallback::Prepare(prepare), 1),
            (UvCallback::Check(check), 1),
            (UvCallback::Timer(timer), 1),
        ]
    );
}

#[test]
fn watchers_started_during_their_phase_wait_for_the_next_iteration() {
    let mut lp = sim_loop(1, None);
    let first = lp.handle_init(HandleKind::Check, "first");
    let second = lp.handle_init(HandleKind::Check, "second");
    let third = lp.handle_init(HandleKind::Check, "third");
    let idle = lp.handle_init(HandleKind::Idle, "idle");
    lp.watcher_start(first);
    lp.watcher_start(second);
    lp.watcher_start(idle);
    let mut log = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if cb == UvCallback::Idle(idle) {
            return;
        }
        log.push((cb, lp.iteration()));
        if cb == UvCallback::Check(second) && lp.iteration() == 1 {
            lp.watcher_start(third);
        }
        if lp.iteration() == 2 {
            for h in [first, second, third, idle] {
                lp.watcher_stop(h);
            }
        }
    });
    // Most recently started runs first.
    assert_eq!(
        log[..3],
        [
            (UvCallback::Check(second), 1),
            (UvCallback::Check(first), 1),
            (UvCallback::Check(third), 2),
        ]
    );
}

#[test]
fn close_callbacks_run_newest_first_and_nested_closes_wait() {
    let mut lp = sim_loop(1, None);
    let handles: Vec<_> = (0..3)
        .map(|i| lp.handle_init(HandleKind::Tcp, format!("socket {i}")))
        .collect();
    let late = lp.handle_init(HandleKind::Timer, "closed from a close callback");
    for &h in &handles {
        lp.io_set_active(h, true);
        lp.close(h);
    }
    let mut closed = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::Close(h) = cb {
            closed.push((h, lp.iteration()));
            if h == handles[0] {
                lp.close(late);
            }
        }
    });
    assert_eq!(
        closed,
        [(handles[2], 1), (handles[1], 1), (handles[0], 1), (late, 2)]
    );
}

#[test]
fn loop_alive_counts_only_refed_active_handles() {
    let mut lp = sim_loop(1, None);
    let t = lp.handle_init(HandleKind::Timer, "t");
    assert!(!lp.alive());
    lp.timer_start(t, 10, 0);
    assert!(lp.alive());
    lp.set_ref(t, false);
    assert!(!lp.alive());
    // uv_run with only an unref'd timer returns at once without running it.
    let mut called = false;
    assert!(!lp.run_with(RunMode::Default, |_, _| called = true));
    assert!(!called);
    lp.set_ref(t, true);
    assert!(lp.alive());
}

#[test]
fn active_idle_handle_makes_poll_not_block() {
    let mut lp = sim_loop(1, None);
    let idle = lp.handle_init(HandleKind::Idle, "idle");
    let timer = lp.handle_init(HandleKind::Timer, "timer");
    lp.watcher_start(idle);
    lp.timer_start(timer, 5, 0);
    let mut idle_calls = 0;
    lp.run_with(RunMode::Default, |lp, cb| match cb {
        UvCallback::Idle(_) => {
            idle_calls += 1;
            lp.charge_main(Duration::from_micros(500));
        }
        UvCallback::Timer(_) => lp.watcher_stop(idle),
        _ => {}
    });
    assert!(
        idle_calls >= 9,
        "idle ran every iteration while the timer waited: {idle_calls}"
    );
    let reasons: Vec<_> = lp
        .tracer()
        .events()
        .iter()
        .filter_map(|e| match e.event {
            TraceEvent::PollWait { reason, timeout_ms } => Some((reason, timeout_ms)),
            _ => None,
        })
        .collect();
    assert!(
        reasons
            .iter()
            .all(|&(r, t)| r == PollReason::IdleHandles && t == Some(0)),
        "{reasons:?}"
    );
}

#[test]
fn poll_blocks_exactly_until_the_next_timer() {
    let mut lp = sim_loop(1, None);
    let timer = lp.handle_init(HandleKind::Timer, "timer");
    lp.timer_start(timer, 42, 0);
    lp.run_with(RunMode::Default, |_, _| {});
    let waits: Vec<_> = lp
        .tracer()
        .events()
        .iter()
        .filter_map(|e| match e.event {
            TraceEvent::PollWait { reason, timeout_ms } => Some((reason, timeout_ms)),
            _ => None,
        })
        .collect();
    assert_eq!(waits, [(PollReason::NextTimer, Some(42))]);
}

#[test]
fn stop_ends_the_run_after_the_current_iteration() {
    let mut lp = sim_loop(1, None);
    let t = lp.handle_init(HandleKind::Timer, "t");
    lp.timer_start(t, 1, 1);
    let mut calls = 0;
    let alive = lp.run_with(RunMode::Default, |lp, _| {
        calls += 1;
        lp.stop();
    });
    assert!(alive);
    assert_eq!(calls, 1);
}

#[test]
fn requests_keep_the_loop_alive_and_complete_in_the_poll_phase() {
    let mut lp = sim_loop(4, None);
    let req = lp.submit_work(RequestKind::Work, work(WorkKind::Cpu, 10), "work");
    assert!(lp.alive());
    let mut done = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        done.push((cb, lp.phase(), lp.now_ms()))
    });
    assert_eq!(
        done,
        [(
            UvCallback::WorkDone(req),
            Some(looplab_core::uv::Phase::Poll),
            10
        )]
    );
}

#[test]
fn threadpool_runs_four_at_a_time_by_default() {
    let mut lp = sim_loop(4, None);
    let reqs: Vec<_> = (0..6)
        .map(|i| {
            lp.submit_work(
                RequestKind::Work,
                work(WorkKind::Cpu, 100),
                format!("job {i}"),
            )
        })
        .collect();
    let mut done = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::WorkDone(r) = cb {
            done.push((r, lp.now_ms()));
        }
    });
    let times: Vec<u64> = done.iter().map(|d| d.1).collect();
    assert_eq!(times, [100, 100, 100, 100, 200, 200]);
    assert_eq!(done.iter().map(|d| d.0).collect::<Vec<_>>(), reqs);
}

#[test]
fn threadpool_size_comes_from_uv_threadpool_size() {
    let mut lp = sim_loop(8, Some("6"));
    for i in 0..6 {
        lp.submit_work(
            RequestKind::Work,
            work(WorkKind::Cpu, 100),
            format!("job {i}"),
        );
    }
    let mut times = Vec::new();
    lp.run_with(RunMode::Default, |lp, _| times.push(lp.now_ms()));
    assert_eq!(times, [100; 6]);
}

#[test]
fn fewer_cores_than_threads_stretch_the_work() {
    // The reference machine: pbkdf2 ×6 on 4 threads and one effective core → 4 finish together,
    // then 2 (node-semantics.md §6).
    let mut lp = sim_loop(1, None);
    for i in 0..6 {
        lp.submit_work(
            RequestKind::Work,
            work(WorkKind::Cpu, 190),
            format!("pbkdf2 {i}"),
        );
    }
    let mut times = Vec::new();
    lp.run_with(RunMode::Default, |lp, _| times.push(lp.now_ms()));
    assert_eq!(times.len(), 6);
    assert!((740..=780).contains(&times[3]), "{times:?}");
    assert!((1120..=1160).contains(&times[5]), "{times:?}");
    let switches = lp
        .tracer()
        .events()
        .iter()
        .filter(|e| {
            matches!(
                e.event,
                TraceEvent::CoreSwitch {
                    from: Some(_),
                    to: Some(_),
                    ..
                }
            )
        })
        .count();
    assert!(switches > 100, "{switches} context switches");
}

#[test]
fn slow_io_never_takes_more_than_half_the_pool() {
    let mut lp = sim_loop(4, None);
    let lookups: Vec<_> = (0..4)
        .map(|i| {
            let w = Work {
                kind: WorkKind::SlowIo,
                cpu: Duration::ZERO,
                blocked: Duration::from_millis(50),
            };
            lp.submit_work(RequestKind::GetAddrInfo, w, format!("lookup {i}"))
        })
        .collect();
    let read = lp.submit_work(RequestKind::Fs, work(WorkKind::FastIo, 1), "read");
    let mut done = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::WorkDone(r) = cb {
            done.push((r, lp.now_ms()));
        }
    });
    assert_eq!(done[0], (read, 1), "the file read is not stuck behind DNS");
    assert_eq!(
        done[1..].iter().map(|d| d.1).collect::<Vec<_>>(),
        [50, 50, 100, 100]
    );
    assert_eq!(done[1..].iter().map(|d| d.0).collect::<Vec<_>>(), lookups);
}

/// A stream with data left after libuv's 32 reads stays readable: level-triggered epoll reports
/// it in the very next poll phase, which the simulated poller does too.
#[test]
fn readiness_wanted_again_comes_in_the_next_poll_phase() {
    let backend = SimBackend::new(1, None, &CostModel::default());
    let mut lp = Loop::new(Box::new(backend), 1_000);
    let socket = lp.handle_init(HandleKind::Tcp, "socket");
    lp.io_set_active(socket, true);
    let timer = lp.handle_init(HandleKind::Timer, "timer");
    lp.timer_start(timer, 7, 0);
    let mut seen = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        seen.push((cb, lp.phase(), lp.now_ms()));
        match cb {
            UvCallback::Timer(_) => lp.io_want(socket, looplab_core::uv::IoEvent::Readable),
            UvCallback::Io(..) => lp.close(socket),
            _ => {}
        }
    });
    assert_eq!(
        seen[0],
        (
            UvCallback::Timer(timer),
            Some(looplab_core::uv::Phase::Timers),
            7
        )
    );
    assert_eq!(
        seen[1],
        (
            UvCallback::Io(socket, looplab_core::uv::IoEvent::Readable),
            Some(looplab_core::uv::Phase::Poll),
            7
        )
    );
    assert_eq!(
        seen[2],
        (
            UvCallback::Close(socket),
            Some(looplab_core::uv::Phase::Close),
            7
        )
    );
}

/// test-signal.c in short: a caught signal is read from the signal pipe in the poll phase, once
/// per handle catching it; a handle stopped before the poll phase hears nothing.
#[test]
fn a_caught_signal_runs_its_handles_in_the_poll_phase() {
    use looplab_core::uv::{KillOutcome, Phase, SignalError};
    let mut lp = sim_loop(1, None);
    let pid = 4242;
    let first = lp.handle_init(HandleKind::Signal, "first SIGUSR1");
    let second = lp.handle_init(HandleKind::Signal, "second SIGUSR1");
    let stopped = lp.handle_init(HandleKind::Signal, "SIGUSR2, stopped");
    let kill = lp.handle_init(HandleKind::Signal, "SIGKILL");
    assert_eq!(lp.signal_start(kill, 9), Err(SignalError::Invalid));
    lp.signal_start(first, 10).unwrap();
    lp.signal_start(second, 10).unwrap();
    lp.signal_start(stopped, 12).unwrap();
    let timer = lp.handle_init(HandleKind::Timer, "keeps the loop alive");
    lp.timer_start(timer, 5, 0);
    assert_eq!(lp.kill(pid, 10), Ok(KillOutcome::Sent));
    assert_eq!(lp.kill(pid, 12), Ok(KillOutcome::Sent));
    lp.signal_stop(stopped);
    assert_eq!(lp.kill(pid, 15), Ok(KillOutcome::Terminated(15)));
    assert_eq!(lp.kill(pid, 28), Ok(KillOutcome::Ignored));
    assert_eq!(lp.kill(pid + 1, 10), Err(SignalError::NoSuchProcess));
    let mut seen = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        seen.push((cb, lp.phase()));
        if cb == UvCallback::Timer(timer) {
            lp.close(first);
            lp.close(second);
        }
    });
    assert_eq!(
        seen[..3],
        [
            (UvCallback::Signal(first, 10), Some(Phase::Poll)),
            (UvCallback::Signal(second, 10), Some(Phase::Poll)),
            (UvCallback::Timer(timer), Some(Phase::Timers)),
        ]
    );
}

#[test]
fn an_unrefed_signal_handle_does_not_keep_the_loop_alive() {
    let mut lp = sim_loop(1, None);
    let sig = lp.handle_init(HandleKind::Signal, "SIGINT");
    lp.signal_start(sig, 2).unwrap();
    assert!(lp.alive());
    lp.set_ref(sig, false);
    assert!(!lp.alive());
    lp.kill(4242, 2).unwrap();
    let mut seen = Vec::new();
    assert!(!lp.run_with(RunMode::Default, |_, cb| seen.push(cb)));
    assert!(
        seen.is_empty(),
        "the loop never polls, so the signal stays in the pipe"
    );
}
