//! TCP on the simulated loopback, driven the way libuv drives sockets: readiness in the poll phase.
use looplab_core::CostModel;
use looplab_core::sim::{NetError, ReadResult, SimBackend, SimNetwork};
use looplab_core::uv::{HandleKind, IoEvent, Loop, Phase, RunMode, UvCallback};

fn sim_loop() -> Loop {
    Loop::new(
        Box::new(SimBackend::new(1, None, &CostModel::default())),
        100_000,
    )
}

fn net<R>(lp: &mut Loop, f: impl FnOnce(&mut SimNetwork) -> R) -> R {
    lp.backend_mut()
        .as_any_mut()
        .downcast_mut::<SimBackend>()
        .unwrap()
        .net(f)
}

#[test]
fn echo_round_trip_runs_in_poll_phases() {
    let mut lp = sim_loop();
    let server = lp.handle_init(HandleKind::Tcp, "server");
    let client = lp.handle_init(HandleKind::Tcp, "client");
    let (listener, port) = net(&mut lp, |n| n.listen(server, 0)).unwrap();
    lp.io_set_active(server, true);
    let client_sock = net(&mut lp, |n| n.connect(client, port));
    lp.io_set_active(client, true);
    let mut conn_handle = None;
    let mut log = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if !matches!(cb, UvCallback::Close(_)) {
            assert_eq!(lp.phase(), Some(Phase::Poll), "{cb:?}");
        }
        match cb {
            UvCallback::Io(h, IoEvent::Readable) if h == server => {
                let conn = lp.handle_init(HandleKind::Tcp, "connection");
                lp.io_set_active(conn, true);
                net(lp, |n| n.accept(listener, conn)).unwrap();
                conn_handle = Some(conn);
                log.push("accept".to_string());
            }
            UvCallback::Io(h, IoEvent::Writable) if h == client => {
                assert_eq!(net(lp, |n| n.connect_result(client_sock)), Some(Ok(())));
                net(lp, |n| n.write(client_sock, b"hello")).unwrap();
                log.push("connected".to_string());
            }
            UvCallback::Io(h, IoEvent::Readable) if Some(h) == conn_handle => {
                let sock = net(lp, |n| n.socket_of(h)).unwrap();
                match net(lp, |n| n.read(sock)) {
                    ReadResult::Data(bytes) => {
                        log.push(format!("server got {}", String::from_utf8_lossy(&bytes)));
                        net(lp, |n| n.write(sock, &bytes)).unwrap();
                    }
                    ReadResult::Eof => {
                        log.push("server end".into());
                        net(lp, |n| n.close(sock));
                        lp.close(h);
                        lp.close(server);
                        net(lp, |n| n.close(listener));
                    }
                    other => panic!("{other:?}"),
                }
            }
            UvCallback::Io(h, IoEvent::Readable) if h == client => {
                if let ReadResult::Data(bytes) = net(lp, |n| n.read(client_sock)) {
                    log.push(format!("client got {}", String::from_utf8_lossy(&bytes)));
                    net(lp, |n| n.shutdown(client_sock));
                    lp.close(client);
                }
            }
            UvCallback::Close(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    });
    assert_eq!(
        log,
        [
            "accept",
            "connected",
            "server got hello",
            "client got hello",
            "server end"
        ]
    );
}

#[test]
fn connecting_to_a_closed_port_is_refused() {
    let mut lp = sim_loop();
    let client = lp.handle_init(HandleKind::Tcp, "client");
    let sock = net(&mut lp, |n| n.connect(client, 9));
    lp.io_set_active(client, true);
    let mut result = None;
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::Io(_, IoEvent::Writable) = cb {
            result = net(lp, |n| n.connect_result(sock));
            lp.close(client);
        }
    });
    assert_eq!(result, Some(Err(NetError::ConnRefused)));
}

#[test]
fn a_second_listener_on_the_same_port_gets_eaddrinuse() {
    let mut lp = sim_loop();
    let a = lp.handle_init(HandleKind::Tcp, "a");
    let b = lp.handle_init(HandleKind::Tcp, "b");
    let (_, port) = net(&mut lp, |n| n.listen(a, 8080)).unwrap();
    assert_eq!(port, 8080);
    assert_eq!(
        net(&mut lp, |n| n.listen(b, 8080)),
        Err(NetError::AddrInUse)
    );
}

#[test]
fn a_listening_server_alone_would_wait_forever() {
    let mut lp = sim_loop();
    let server = lp.handle_init(HandleKind::Tcp, "server");
    net(&mut lp, |n| n.listen(server, 3000)).unwrap();
    lp.io_set_active(server, true);
    lp.run(RunMode::Default);
    assert_eq!(
        lp.poll_callback(),
        looplab_core::uv::LoopStep::WouldBlockForever
    );
}
