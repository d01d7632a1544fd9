//! TCP on the simulated loopback, driven the way libuv drives sockets: readiness in the poll phase.
use looplab_core::CostModel;
use looplab_core::conformance::{TCP_ECHO_LOG, tcp_echo, tcp_refused};
use looplab_core::sim::SimBackend;
use looplab_core::uv::{HandleKind, Loop, LoopStep, NetError, RunMode};

fn sim_loop() -> Loop {
    Loop::new(
        Box::new(SimBackend::new(1, None, &CostModel::default())),
        100_000,
    )
}

#[test]
fn echo_round_trip_runs_in_poll_phases() {
    assert_eq!(tcp_echo(&mut sim_loop()), TCP_ECHO_LOG);
}

#[test]
fn connecting_to_a_closed_port_is_refused() {
    assert_eq!(
        tcp_refused(&mut sim_loop(), 9),
        Some(Err(NetError::ConnRefused))
    );
}

#[test]
fn a_second_listener_on_the_same_port_gets_eaddrinuse() {
    let mut lp = sim_loop();
    let a = lp.handle_init(HandleKind::Tcp, "a");
    let b = lp.handle_init(HandleKind::Tcp, "b");
    let tcp = lp.backend_mut().tcp().unwrap();
    assert_eq!(tcp.listen(a, 8080), Ok(8080));
    assert_eq!(tcp.listen(b, 8080), Err(NetError::AddrInUse));
}

#[test]
fn a_listening_server_alone_would_wait_forever() {
    let mut lp = sim_loop();
    let server = lp.handle_init(HandleKind::Tcp, "server");
    lp.backend_mut()
        .tcp()
        .unwrap()
        .listen(server, 3000)
        .unwrap();
    lp.io_set_active(server, true);
    lp.run(RunMode::Default);
    assert_eq!(lp.poll_callback(), LoopStep::WouldBlockForever);
}
