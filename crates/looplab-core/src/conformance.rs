//! Scenarios every backend must pass the same way: the simulated one in this crate's tests, the
//! native one (real sockets) in looplab-native's. Each drives a `Loop` as libuv's users do.
use crate::uv::{HandleKind, IoEvent, Loop, NetError, Phase, ReadResult, RunMode, Tcp, UvCallback};

fn net<R>(lp: &mut Loop, f: impl FnOnce(&mut dyn Tcp) -> R) -> R {
    f(lp.backend_mut().tcp().expect("this backend has no network"))
}

/// A client sends "hello" to an echo server, reads the echo and shuts down; the server sees the
/// end and closes. Returns what happened, in order; every socket callback must come from poll.
pub fn tcp_echo(lp: &mut Loop) -> Vec<String> {
    let server = lp.handle_init(HandleKind::Tcp, "server");
    let client = lp.handle_init(HandleKind::Tcp, "client");
    let port = net(lp, |n| n.listen(server, 0)).expect("listen");
    lp.io_set_active(server, true);
    net(lp, |n| n.connect(client, port)).expect("connect");
    lp.io_set_active(client, true);
    let mut conn = None;
    let mut log = Vec::new();
    lp.run_with(RunMode::Default, |lp, cb| {
        if !matches!(cb, UvCallback::Close(_)) && lp.phase() != Some(Phase::Poll) {
            log.push(format!("{cb:?} outside the poll phase"));
        }
        match cb {
            UvCallback::Io(h, IoEvent::Readable) if h == server => {
                let c = lp.handle_init(HandleKind::Tcp, "connection");
                if net(lp, |n| n.accept(server, c)) {
                    lp.io_set_active(c, true);
                    conn = Some(c);
                    log.push("accept".to_string());
                }
            }
            UvCallback::Io(h, IoEvent::Writable) if h == client => {
                if log.iter().any(|l| l == "connected") {
                    return;
                }
                if net(lp, |n| n.connect_result(client)) == Some(Ok(())) {
                    net(lp, |n| n.write(client, b"hello")).expect("write");
                    log.push("connected".to_string());
                }
            }
            UvCallback::Io(h, IoEvent::Readable) if Some(h) == conn => loop {
                match net(lp, |n| n.read(h)) {
                    ReadResult::Data(bytes) => {
                        log.push(format!("server got {}", String::from_utf8_lossy(&bytes)));
                        net(lp, |n| n.write(h, &bytes)).expect("echo");
                    }
                    ReadResult::Eof => {
                        log.push("server end".into());
                        for handle in [h, server] {
                            net(lp, |n| n.close(handle));
                            lp.close(handle);
                        }
                        break;
                    }
                    ReadResult::WouldBlock => break,
                    ReadResult::Error(e) => {
                        log.push(format!("server error {e}"));
                        break;
                    }
                }
            },
            UvCallback::Io(h, IoEvent::Readable) if h == client => {
                if let ReadResult::Data(bytes) = net(lp, |n| n.read(client)) {
                    log.push(format!("client got {}", String::from_utf8_lossy(&bytes)));
                    net(lp, |n| n.shutdown(client));
                    net(lp, |n| n.close(client));
                    lp.close(client);
                }
            }
            _ => {}
        }
    });
    log
}

/// The log `tcp_echo` must return.
pub const TCP_ECHO_LOG: [&str; 5] = [
    "accept",
    "connected",
    "server got hello",
    "client got hello",
    "server end",
];

/// Connects to a port nobody listens on; returns the connect result.
pub fn tcp_refused(lp: &mut Loop, port: u16) -> Option<Result<(), NetError>> {
    let client = lp.handle_init(HandleKind::Tcp, "client");
    net(lp, |n| n.connect(client, port)).ok()?;
    lp.io_set_active(client, true);
    let mut result = None;
    lp.run_with(RunMode::Default, |lp, cb| {
        if let UvCallback::Io(_, _) = cb {
            if result.is_none() {
                result = net(lp, |n| n.connect_result(client));
            }
            if result.is_some() {
                net(lp, |n| n.close(client));
                lp.close(client);
            }
        }
    });
    result
}
