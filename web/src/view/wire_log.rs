//! A run's TCP sockets as the wire view lists them: each socket's address pair and the bytes it
//! read and wrote, with the step that moved them and the poll-phase readiness behind it.
use looplab_core::trace::{Direction, Stamped, TraceEvent};
use looplab_core::uv::{HandleId, HandleKind, IoEvent, Phase, RequestId, RequestKind};

/// The poll phase's readiness report that led to a read or write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub handle: HandleId,
    pub event: IoEvent,
    pub step: usize,
}

/// The bytes one read or write moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub direction: Direction,
    pub bytes: Vec<u8>,
    /// Bytes that moved but the trace did not keep.
    pub missing: u64,
    /// The write request libuv queued when the socket could not take the bytes at once.
    pub request: Option<RequestId>,
    pub step: usize,
    /// The loop phase the bytes moved in (none: the main script, before the loop).
    pub phase: Option<Phase>,
    pub moved_by: Option<Readiness>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Socket {
    pub handle: HandleId,
    pub label: String,
    /// (local, remote) ports once bound or connected; remote 0 for a listener.
    pub ports: Option<(u16, u16)>,
    pub listening: bool,
    pub created_step: usize,
    pub chunks: Vec<Chunk>,
    /// The step its read found the end of stream, and the error if it failed.
    pub end: Option<(usize, Option<String>)>,
    /// The step its connect request failed, and the error (`ECONNREFUSED`, ...).
    pub connect_error: Option<(usize, String)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WireLog {
    pub sockets: Vec<Socket>,
}

impl WireLog {
    /// `step_of(i)` is the step at which event `i` has been applied.
    pub fn new(events: &[Stamped], step_of: impl Fn(usize) -> usize) -> Self {
        let mut sockets: Vec<Socket> = Vec::new();
        let mut phase = None;
        // Readiness the poller returned in the current poll phase, latest last.
        let mut ready: Vec<Readiness> = Vec::new();
        let mut watched = Vec::new();
        // Connect requests and the sockets they connect.
        let mut connects: Vec<(RequestId, HandleId)> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let find = |sockets: &mut Vec<Socket>, h: HandleId| {
                sockets.iter_mut().position(|s| s.handle == h)
            };
            match &e.event {
                TraceEvent::PhaseEnter { phase: p, .. } => {
                    phase = Some(*p);
                    ready.clear();
                }
                TraceEvent::PhaseLeave { .. } => phase = None,
                TraceEvent::HandleInit {
                    handle,
                    handle_kind: HandleKind::Tcp,
                    label,
                    ..
                } => sockets.push(Socket {
                    handle: *handle,
                    label: label.clone(),
                    ports: None,
                    listening: false,
                    created_step: step_of(i),
                    chunks: Vec::new(),
                    end: None,
                    connect_error: None,
                }),
                TraceEvent::RequestSubmit {
                    request,
                    request_kind: RequestKind::Connect,
                    handle: Some(handle),
                    ..
                } => connects.push((*request, *handle)),
                TraceEvent::RequestDone {
                    request,
                    error: Some(error),
                } => {
                    let on = connects.iter().find(|(r, _)| r == request).map(|c| c.1);
                    if let Some(k) = on.and_then(|h| find(&mut sockets, h)) {
                        sockets[k].connect_error = Some((step_of(i), error.clone()));
                    }
                }
                TraceEvent::IoInterest { handle, .. } => watched.push(*handle),
                TraceEvent::IoReady { handle, event } => ready.push(Readiness {
                    handle: *handle,
                    event: *event,
                    step: step_of(i),
                }),
                TraceEvent::SocketOpen {
                    handle,
                    local_port,
                    remote_port,
                    listening,
                } => {
                    if let Some(k) = find(&mut sockets, *handle) {
                        sockets[k].ports = Some((*local_port, *remote_port));
                        sockets[k].listening = *listening;
                    }
                }
                TraceEvent::SocketData {
                    handle,
                    direction,
                    request,
                    bytes,
                    total,
                } => {
                    if let Some(k) = find(&mut sockets, *handle) {
                        // A callback for one socket may write on another: prefer this socket's own event.
                        let moved_by = (phase == Some(Phase::Poll))
                            .then(|| {
                                ready
                                    .iter()
                                    .rev()
                                    .find(|r| r.handle == *handle)
                                    .or(ready.last())
                            })
                            .flatten()
                            .copied();
                        sockets[k].chunks.push(Chunk {
                            direction: *direction,
                            bytes: bytes.clone(),
                            missing: total.map_or(0, |t| t.saturating_sub(bytes.len() as u64)),
                            request: *request,
                            step: step_of(i),
                            phase,
                            moved_by,
                        });
                    }
                }
                TraceEvent::SocketEnd { handle, error } => {
                    if let Some(k) = find(&mut sockets, *handle) {
                        sockets[k].end = Some((step_of(i), error.clone()));
                    }
                }
                _ => {}
            }
        }
        // A handle made ready for an accept that never came, or a server whose listen failed,
        // never reached the wire: only sockets the poller watched or that moved bytes are shown.
        sockets
            .retain(|s| s.ports.is_some() || !s.chunks.is_empty() || watched.contains(&s.handle));
        WireLog { sockets }
    }

    pub fn is_empty(&self) -> bool {
        self.sockets.is_empty()
    }
}

/// The network scenarios run on the real engine: their sockets, bytes and readiness as the wire
/// view gets them.
#[cfg(all(test, feature = "js"))]
mod tests {
    use crate::decode::wire::{Connection, Part};
    use crate::run::finished::RunData;
    use crate::scenario::{Open, find};

    fn run(id: &str) -> RunData {
        let s = find(id).expect("scenario");
        let run = crate::run::runner::run(&s.source_files(), s.settings(), &[]);
        if let Open::Find(text) = s.open {
            assert!(
                run.find(text).is_some(),
                "{id} opens at a sentence with {text:?}"
            );
        }
        run
    }

    fn parts(run: &RunData, handle: usize) -> Vec<Part> {
        let s = &run.wire.sockets[handle];
        let mut conn = Connection::new();
        s.chunks
            .iter()
            .flat_map(|c| conn.feed(c.direction, &c.bytes, c.missing).parts)
            .collect()
    }

    #[test]
    fn websocket_scenario_shows_the_upgrade_and_frames() {
        let run = run("ws-echo");
        assert!(
            run.output()
                .contains("client: 101 Switching Protocols accept ok: true")
        );
        let servers = run.wire.sockets.iter().filter(|s| s.listening).count();
        assert_eq!(servers, 1);
        // Each connected socket decodes to a head each way, then frames.
        for k in (0..run.wire.sockets.len()).filter(|&k| !run.wire.sockets[k].listening) {
            let p = parts(&run, k);
            assert!(
                p.iter()
                    .any(|p| matches!(p, Part::Response { status: 101, .. })),
                "{p:?}"
            );
            let texts: Vec<_> = p
                .iter()
                .filter_map(|p| match p {
                    Part::Frame(f) if f.opcode == 1 => Some(f.payload.len()),
                    _ => None,
                })
                .collect();
            assert_eq!(texts, [5, 5, 200, 200]);
            assert!(
                p.iter()
                    .all(|p| !matches!(p, Part::Malformed(_) | Part::Data(_))),
                "{p:?}"
            );
            let s = &run.wire.sockets[k];
            // Every read happens in the poll phase, after epoll reported the socket readable.
            for c in s
                .chunks
                .iter()
                .filter(|c| c.direction == looplab_core::trace::Direction::Read)
            {
                let r = c.moved_by.expect("readiness");
                assert_eq!(r.handle, s.handle);
                assert!(r.step <= c.step);
            }
        }
    }

    #[test]
    fn other_network_scenarios_decode_cleanly() {
        let echo = run("tcp-echo");
        assert_eq!(echo.wire.sockets.iter().filter(|s| !s.listening).count(), 4);
        let http = run("http-keep-alive");
        let client = http
            .wire
            .sockets
            .iter()
            .position(|s| !s.listening)
            .expect("a client");
        let heads = parts(&http, client)
            .iter()
            .filter(|p| matches!(p, Part::Request { .. } | Part::Response { .. }))
            .count();
        assert_eq!(heads, 4, "two requests and two responses on one socket");
        let refused = run("net-refused");
        assert!(
            refused
                .wire
                .sockets
                .iter()
                .all(|s| s.chunks.is_empty() && s.ports.is_none())
        );
        let failed: Vec<_> = refused
            .wire
            .sockets
            .iter()
            .filter_map(|s| s.connect_error.as_ref().map(|e| e.1.as_str()))
            .collect();
        assert_eq!(
            failed,
            ["ECONNREFUSED"],
            "the connect request says why it failed"
        );
    }
}
