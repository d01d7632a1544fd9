//! TCP as the operating system offers it to libuv: non-blocking sockets bound to handles, whose
//! readiness the poll phase reports. The simulated backend implements it on a virtual loopback, the
//! native one on real sockets; the JavaScript host uses the same calls for both.
use super::handle::HandleId;
use serde::{Deserialize, Serialize};

/// The errno-style failures Node reports for TCP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NetError {
    #[error("EADDRINUSE")]
    AddrInUse,
    #[error("ECONNREFUSED")]
    ConnRefused,
    #[error("ECONNRESET")]
    ConnReset,
    #[error("EPIPE")]
    BrokenPipe,
    #[error("EINVAL")]
    Invalid,
}

impl NetError {
    /// Node's `code` (and libuv's error name).
    pub fn code(self) -> &'static str {
        match self {
            NetError::AddrInUse => "EADDRINUSE",
            NetError::ConnRefused => "ECONNREFUSED",
            NetError::ConnReset => "ECONNRESET",
            NetError::BrokenPipe => "EPIPE",
            NetError::Invalid => "EINVAL",
        }
    }

    /// Linux errno values, as Node's error objects carry them (negated).
    pub fn errno(self) -> i32 {
        match self {
            NetError::AddrInUse => -98,
            NetError::ConnRefused => -111,
            NetError::ConnReset => -104,
            NetError::BrokenPipe => -32,
            NetError::Invalid => -22,
        }
    }

    /// The syscall Node names in the error message.
    pub fn syscall(self) -> &'static str {
        match self {
            NetError::AddrInUse => "listen",
            NetError::ConnRefused => "connect",
            NetError::ConnReset | NetError::Invalid => "read",
            NetError::BrokenPipe => "write",
        }
    }
}

/// What a read finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadResult {
    Data(Vec<u8>),
    /// The peer shut down its side (FIN): `'end'`.
    Eof,
    Error(NetError),
    WouldBlock,
}

pub trait Tcp {
    /// `bind` + `listen` on 127.0.0.1:`port` (0 picks a free port); returns the port bound.
    fn listen(&mut self, handle: HandleId, port: u16) -> Result<u16, NetError>;
    /// Starts a non-blocking connect; the handle becomes writable when it is decided.
    fn connect(&mut self, handle: HandleId, port: u16) -> Result<(), NetError>;
    /// The connect's result, once decided.
    fn connect_result(&mut self, handle: HandleId) -> Option<Result<(), NetError>>;
    /// Accepts the next pending connection on `listener` into `conn`; false if none waits.
    fn accept(&mut self, listener: HandleId, conn: HandleId) -> bool;
    /// Writes what the socket takes now; returns how many bytes that was.
    fn write(&mut self, handle: HandleId, bytes: &[u8]) -> Result<usize, NetError>;
    fn read(&mut self, handle: HandleId) -> ReadResult;
    fn shutdown(&mut self, handle: HandleId);
    fn close(&mut self, handle: HandleId);
    /// (local port, remote port).
    fn ports(&self, handle: HandleId) -> (u16, u16);
    /// TCP_NODELAY: small writes go out at once rather than waiting for an ACK (Nagle). The
    /// simulated network sends every write at once already, so by default this does nothing.
    fn set_nodelay(&mut self, handle: HandleId, enable: bool) {
        let _ = (handle, enable);
    }
}
