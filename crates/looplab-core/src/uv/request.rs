//! Requests: short-lived operations (a file read, a DNS lookup, a write) that keep the loop alive
//! while in flight.
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequestId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Fs,
    Work,
    GetAddrInfo,
    Connect,
    Write,
    Shutdown,
}

/// How libuv's thread pool classifies work (src/threadpool.c): slow I/O may use at most half the
/// threads so that DNS lookups cannot starve file system calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// `uv_queue_work`, `uv_random`: crypto, zlib.
    Cpu,
    /// File system calls.
    FastIo,
    /// getaddrinfo and getnameinfo.
    SlowIo,
}

/// Requests in flight (`loop->active_reqs`), in submission order.
#[derive(Debug, Default)]
pub struct RequestTable {
    next: u32,
    active: BTreeSet<RequestId>,
}

impl RequestTable {
    pub fn register(&mut self) -> RequestId {
        let id = RequestId(self.next);
        self.next += 1;
        self.active.insert(id);
        id
    }

    /// `uv__req_unregister`; false if the request was not in flight.
    pub fn unregister(&mut self, id: RequestId) -> bool {
        self.active.remove(&id)
    }

    pub fn active_count(&self) -> u32 {
        self.active.len() as u32
    }

    pub fn active(&self) -> impl Iterator<Item = RequestId> + '_ {
        self.active.iter().copied()
    }
}
