//! The model's loop on the real backend: real time, OS threads, epoll readiness.
use looplab_core::time::Duration;
use looplab_core::uv::{
    HandleKind, IoEvent, Loop, RequestKind, RunMode, UvCallback, Work, WorkKind,
};
use looplab_native::real::RealBackend;
use std::sync::{Arc, Mutex};

fn real_loop(pool: Option<&str>) -> Loop {
    let backend = RealBackend::new(pool.map(str::to_string)).expect("epoll");
    Loop::new(Box::new(backend), 100_000)
}

fn sleep_job(ms: u64, log: &Arc<Mutex<Vec<String>>>) -> looplab_core::uv::Job {
    let log = log.clone();
    Box::new(move || {
        std::thread::sleep(std::time::Duration::from_millis(ms));
        let name = std::thread::current().name().unwrap_or("?").to_string();
        log.lock().unwrap().push(name);
    })
}

#[test]
fn a_timer_fires_after_its_delay_in_real_time() {
    let mut lp = real_loop(None);
    let t = lp.handle_init(HandleKind::Timer, "t");
    lp.timer_start(t, 30, 0);
    let started = std::time::Instant::now();
    let mut fired = 0;
    lp.run_with(RunMode::Default, |_, _| fired += 1);
    let elapsed = started.elapsed();
    assert_eq!(fired, 1);
    assert!(
        elapsed >= std::time::Duration::from_millis(30),
        "{elapsed:?}"
    );
}

#[test]
fn pool_jobs_run_on_worker_threads_four_at_a_time() {
    let mut lp = real_loop(None);
    let log = Arc::new(Mutex::new(Vec::new()));
    let work = Work {
        kind: WorkKind::FastIo,
        cpu: Duration::ZERO,
        blocked: Duration::from_millis(60),
    };
    for i in 0..5 {
        lp.submit_job(
            RequestKind::Fs,
            work,
            format!("job {i}"),
            sleep_job(60, &log),
        );
    }
    let started = std::time::Instant::now();
    let mut done = Vec::new();
    lp.run_with(RunMode::Default, |_, cb| {
        if let UvCallback::WorkDone(r) = cb {
            done.push((r, started.elapsed()));
        }
    });
    assert_eq!(done.len(), 5);
    // The fifth waited for a free thread: about two job lengths, not one.
    assert!(
        done[4].1 >= std::time::Duration::from_millis(115),
        "{done:?}"
    );
    let threads = log.lock().unwrap().clone();
    assert!(
        threads.iter().all(|t| t.starts_with("libuv-worker-")),
        "{threads:?}"
    );
}

#[test]
fn uv_threadpool_size_one_runs_jobs_one_by_one() {
    let mut lp = real_loop(Some("1"));
    let log = Arc::new(Mutex::new(Vec::new()));
    let work = Work {
        kind: WorkKind::Cpu,
        cpu: Duration::from_millis(20),
        blocked: Duration::ZERO,
    };
    for i in 0..3 {
        lp.submit_job(
            RequestKind::Work,
            work,
            format!("job {i}"),
            sleep_job(20, &log),
        );
    }
    let started = std::time::Instant::now();
    lp.run_with(RunMode::Default, |_, _| {});
    assert!(started.elapsed() >= std::time::Duration::from_millis(60));
    assert_eq!(log.lock().unwrap().as_slice(), ["libuv-worker-0"; 3]);
}

#[test]
fn a_listening_socket_becomes_readable_in_the_poll_phase() {
    let mut lp = real_loop(None);
    let server = lp.handle_init(HandleKind::Tcp, "server");
    let port = lp.backend_mut().tcp().unwrap().listen(server, 0).unwrap();
    lp.io_set_active(server, true);
    let client =
        std::thread::spawn(move || std::net::TcpStream::connect(("127.0.0.1", port)).unwrap());
    let mut seen = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        seen.push((cb, lp.phase()));
        if let UvCallback::Io(h, IoEvent::Readable) = cb {
            lp.close(h);
        }
    });
    client.join().unwrap();
    assert_eq!(
        seen[0],
        (
            UvCallback::Io(server, IoEvent::Readable),
            Some(looplab_core::uv::Phase::Poll)
        )
    );
    assert_eq!(seen[1].0, UvCallback::Close(server));
}

#[test]
fn tcp_echo_over_real_loopback_matches_the_model() {
    use looplab_core::conformance::{TCP_ECHO_LOG, tcp_echo};
    assert_eq!(tcp_echo(&mut real_loop(None)), TCP_ECHO_LOG);
}

#[test]
fn connecting_to_a_closed_real_port_is_refused() {
    use looplab_core::conformance::tcp_refused;
    // Bind then drop to find a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    assert_eq!(
        tcp_refused(&mut real_loop(None), port),
        Some(Err(looplab_core::uv::NetError::ConnRefused))
    );
}
