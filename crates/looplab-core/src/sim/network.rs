//! A simulated loopback network: listening sockets, connections and byte streams with latency.
//!
//! Sockets are the kernel's side; the host binds each to a libuv handle (`uv_tcp_t`). What a peer
//! sends arrives one `latency` later and makes the receiving handle readable, which the poll phase
//! reports, as epoll would. Nothing here knows about JavaScript.
use crate::time::Duration;
use crate::uv::{HandleId, NetError, ReadResult};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SocketId(pub u32);

/// Something travelling between sockets, delivered after the latency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// A connection attempt reaching `port`.
    Syn {
        port: u16,
        client: SocketId,
    },
    /// The answer to a connection attempt.
    Connected {
        client: SocketId,
        server: Option<SocketId>,
    },
    Data {
        to: SocketId,
        bytes: Vec<u8>,
    },
    Fin {
        to: SocketId,
    },
    Rst {
        to: SocketId,
    },
    /// The receiver read from a full buffer: the sender may write again.
    Window {
        to: SocketId,
    },
}

/// How many bytes a connection holds in flight and unread before the sender's writes stop
/// being taken whole: the kernel's socket buffers. Measured on Linux loopback with node 20: a
/// 2 MiB write is taken whole and a second one is not, a 3 MiB write is taken whole.
pub const SOCKET_BUFFER: usize = 3 << 20;

#[derive(Debug, Default)]
struct Socket {
    handle: Option<HandleId>,
    local_port: u16,
    remote_port: u16,
    peer: Option<SocketId>,
    listening: bool,
    backlog: VecDeque<SocketId>,
    inbox: VecDeque<u8>,
    eof: bool,
    error: Option<NetError>,
    /// For a connecting client: the connect result, once known.
    connected: Option<Result<(), NetError>>,
    closed: bool,
    shut_down: bool,
    /// Bytes sent to this socket that have not landed yet.
    incoming: usize,
    /// A write found the peer's buffer full; tell this socket when there is room.
    blocked: bool,
}

#[derive(Debug)]
pub struct SimNetwork {
    latency: Duration,
    sockets: Vec<Socket>,
    listeners: BTreeMap<u16, SocketId>,
    next_port: u16,
    /// Deliveries the backend must schedule, with their delay.
    outbox: Vec<(Duration, Delivery)>,
    /// Handles to mark readable now that a delivery landed.
    woken: Vec<HandleId>,
    by_handle: HashMap<HandleId, SocketId>,
}

impl SimNetwork {
    pub fn new(latency: Duration) -> Self {
        SimNetwork {
            latency,
            sockets: Vec::new(),
            listeners: BTreeMap::new(),
            next_port: 40_000,
            outbox: Vec::new(),
            woken: Vec::new(),
            by_handle: HashMap::new(),
        }
    }

    fn new_socket(&mut self, handle: Option<HandleId>) -> SocketId {
        let id = SocketId(self.sockets.len() as u32);
        self.sockets.push(Socket {
            handle,
            ..Socket::default()
        });
        if let Some(h) = handle {
            self.by_handle.insert(h, id);
        }
        id
    }

    fn sock(&mut self, id: SocketId) -> &mut Socket {
        &mut self.sockets[id.0 as usize]
    }

    fn send(&mut self, delivery: Delivery) {
        self.outbox.push((self.latency, delivery));
    }

    pub fn socket_of(&self, handle: HandleId) -> Option<SocketId> {
        self.by_handle.get(&handle).copied()
    }

    /// `listen()` on `port` (0 picks a free one). Returns the socket and the port bound.
    pub fn listen(&mut self, handle: HandleId, port: u16) -> Result<(SocketId, u16), NetError> {
        let port = if port == 0 {
            self.ephemeral_port()
        } else {
            port
        };
        if self.listeners.contains_key(&port) {
            return Err(NetError::AddrInUse);
        }
        let id = self.new_socket(Some(handle));
        let s = self.sock(id);
        s.listening = true;
        s.local_port = port;
        self.listeners.insert(port, id);
        Ok((id, port))
    }

    fn ephemeral_port(&mut self) -> u16 {
        loop {
            self.next_port = self.next_port.wrapping_add(1).max(40_000);
            if !self.listeners.contains_key(&self.next_port) {
                return self.next_port;
            }
        }
    }

    /// `connect()` to `port`: the answer comes back as the handle becoming writable.
    pub fn connect(&mut self, handle: HandleId, port: u16) -> SocketId {
        let id = self.new_socket(Some(handle));
        let local = self.ephemeral_port();
        let s = self.sock(id);
        s.local_port = local;
        s.remote_port = port;
        if self.listeners.contains_key(&port) {
            self.send(Delivery::Syn { port, client: id });
        } else {
            // On loopback the kernel answers a SYN to a closed port inside connect() itself:
            // the refusal is ready for the very next poll, however short the latency.
            self.outbox.push((
                Duration::ZERO,
                Delivery::Connected {
                    client: id,
                    server: None,
                },
            ));
        }
        id
    }

    /// The connect result, once the answer arrived.
    pub fn connect_result(&self, id: SocketId) -> Option<Result<(), NetError>> {
        self.sockets[id.0 as usize].connected
    }

    /// `accept()`: the next connection waiting on a listener, bound to `handle`.
    pub fn accept(&mut self, listener: SocketId, handle: HandleId) -> Option<SocketId> {
        let id = self.sock(listener).backlog.pop_front()?;
        self.sock(id).handle = Some(handle);
        self.by_handle.insert(handle, id);
        // Data may have arrived before accept; the new handle must hear about it.
        let s = &self.sockets[id.0 as usize];
        if !s.inbox.is_empty() || s.eof || s.error.is_some() {
            self.woken.push(handle);
        }
        Some(id)
    }

    pub fn has_backlog(&self, listener: SocketId) -> bool {
        !self.sockets[listener.0 as usize].backlog.is_empty()
    }

    /// Takes what fits in the connection's buffers; returns how many bytes that was.
    pub fn write(&mut self, id: SocketId, bytes: &[u8]) -> Result<usize, NetError> {
        let s = &self.sockets[id.0 as usize];
        if let Some(e) = s.error {
            return Err(e);
        }
        if s.shut_down || s.closed {
            return Err(NetError::BrokenPipe);
        }
        let Some(peer) = s.peer else {
            return Err(NetError::BrokenPipe);
        };
        let p = &self.sockets[peer.0 as usize];
        let free = SOCKET_BUFFER.saturating_sub(p.inbox.len() + p.incoming);
        let n = free.min(bytes.len());
        if n < bytes.len() {
            self.sock(id).blocked = true;
        }
        if n > 0 {
            self.sock(peer).incoming += n;
            self.send(Delivery::Data {
                to: peer,
                bytes: bytes[..n].to_vec(),
            });
        }
        Ok(n)
    }

    pub fn read(&mut self, id: SocketId) -> ReadResult {
        let s = self.sock(id);
        if !s.inbox.is_empty() {
            let data = s.inbox.drain(..).collect();
            // Room again: a blocked writer hears of it one latency later (a window update).
            if let Some(peer) = s.peer
                && std::mem::take(&mut self.sock(peer).blocked)
            {
                self.send(Delivery::Window { to: peer });
            }
            return ReadResult::Data(data);
        }
        if let Some(e) = s.error.take() {
            return ReadResult::Error(e);
        }
        if s.eof {
            s.eof = false;
            return ReadResult::Eof;
        }
        ReadResult::WouldBlock
    }

    /// `shutdown()`: no more writes; the peer reads end-of-stream.
    pub fn shutdown(&mut self, id: SocketId) {
        let s = self.sock(id);
        if s.shut_down {
            return;
        }
        s.shut_down = true;
        if let Some(peer) = s.peer {
            self.send(Delivery::Fin { to: peer });
        }
    }

    /// `close()`: a peer with unread data gets a reset, as the kernel sends RST then.
    pub fn close(&mut self, id: SocketId) {
        let s = self.sock(id);
        if s.closed {
            return;
        }
        s.closed = true;
        let unread = !s.inbox.is_empty();
        let shut_down = s.shut_down;
        if s.listening {
            let port = s.local_port;
            self.listeners.remove(&port);
            let refused: Vec<SocketId> = self.sock(id).backlog.drain(..).collect();
            for pending in refused {
                if let Some(client) = self.sockets[pending.0 as usize].peer {
                    self.send(Delivery::Rst { to: client });
                }
            }
        } else if let Some(peer) = self.sock(id).peer {
            if unread {
                self.send(Delivery::Rst { to: peer });
            } else if !shut_down {
                self.send(Delivery::Fin { to: peer });
            }
        }
    }

    pub fn ports(&self, id: SocketId) -> (u16, u16) {
        let s = &self.sockets[id.0 as usize];
        (s.local_port, s.remote_port)
    }

    /// Deliveries produced since the last call, with their delays.
    pub fn take_outbox(&mut self) -> Vec<(Duration, Delivery)> {
        std::mem::take(&mut self.outbox)
    }

    /// Handles that became readable without a delivery (data that waited for `accept`).
    pub fn take_woken(&mut self) -> Vec<HandleId> {
        std::mem::take(&mut self.woken)
    }

    /// A delivery lands; returns the handle that the poller reports readable or writable.
    pub fn deliver(&mut self, delivery: Delivery) -> Option<(HandleId, crate::uv::IoEvent)> {
        use crate::uv::IoEvent::{Readable, Writable};
        match delivery {
            Delivery::Syn { port, client } => {
                let Some(&listener) = self.listeners.get(&port) else {
                    self.outbox.push((
                        self.latency,
                        Delivery::Connected {
                            client,
                            server: None,
                        },
                    ));
                    return None;
                };
                let server = self.new_socket(None);
                let (client_port, _) = self.ports(client);
                let s = self.sock(server);
                s.local_port = port;
                s.remote_port = client_port;
                s.peer = Some(client);
                self.sock(listener).backlog.push_back(server);
                self.outbox.push((
                    self.latency,
                    Delivery::Connected {
                        client,
                        server: Some(server),
                    },
                ));
                self.sockets[listener.0 as usize]
                    .handle
                    .map(|h| (h, Readable))
            }
            Delivery::Connected { client, server } => {
                let s = self.sock(client);
                match server {
                    Some(server) => {
                        s.peer = Some(server);
                        s.connected = Some(Ok(()));
                    }
                    None => s.connected = Some(Err(NetError::ConnRefused)),
                }
                s.handle.map(|h| (h, Writable))
            }
            Delivery::Data { to, bytes } => {
                let s = self.sock(to);
                s.incoming = s.incoming.saturating_sub(bytes.len());
                if s.closed {
                    return None;
                }
                s.inbox.extend(bytes);
                s.handle.map(|h| (h, Readable))
            }
            Delivery::Fin { to } => {
                let s = self.sock(to);
                s.eof = true;
                if s.closed {
                    None
                } else {
                    s.handle.map(|h| (h, Readable))
                }
            }
            Delivery::Window { to } => {
                let s = self.sock(to);
                if s.closed {
                    None
                } else {
                    s.handle.map(|h| (h, Writable))
                }
            }
            Delivery::Rst { to } => {
                let s = self.sock(to);
                s.error = Some(NetError::ConnReset);
                if s.connected.is_none() {
                    s.connected = Some(Err(NetError::ConnReset));
                }
                if s.closed {
                    None
                } else {
                    s.handle.map(|h| (h, Readable))
                }
            }
        }
    }
}
