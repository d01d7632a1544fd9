//! A run's TCP sockets as the wire view lists them: each socket's address pair and the bytes it
//! read and wrote, with the step that moved them and the poll-phase readiness behind it.
use looplab_core::trace::{Direction, Stamped, TraceEvent};
use looplab_core::uv::{HandleId, HandleKind, IoEvent, Phase, RequestId};

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
                }),
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

