//! The tus endpoint: the sans-IO `Server` decides, this file does what it asks on disk and
//! on the socket. File I/O runs outside the state-machine lock; each upload's own writer
//! lock (in the state machine) keeps bodies from interleaving.
use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use looplab_upload::{
    BodyEnd, BodyPlan, Instant, Method, Outcome, Response, Server, ServerConfig, UploadId,
};

use super::http::{Conn, Head};
use super::store::Store;

#[derive(Debug)]
pub struct Endpoint {
    server: Mutex<Server>,
    store: Store,
    /// Bytes of checksummed bodies held in memory until verified, across all requests.
    buffered: AtomicU64,
}

/// Checksummed bodies up to this size wait in memory (within `BUFFER_BUDGET` in all) instead
/// of in a chunk file: one write of the bytes instead of three.
const BUFFER_BODY: u64 = 32 << 20;
const BUFFER_BUDGET: u64 = 256 << 20;

/// Where body bytes go as they arrive.
enum Sink {
    /// Straight into the upload at this position (unchecked bodies).
    Upload(File, u64),
    /// Held until verified.
    Memory(Vec<u8>),
    /// Held in `<id>.chunk` until verified (too large for memory).
    Chunk(File),
}

impl Sink {
    fn write(&mut self, bytes: &[u8], at: u64) -> io::Result<()> {
        match self {
            Self::Upload(f, base) => f.write_all_at(bytes, *base + at),
            Self::Memory(v) => {
                v.extend_from_slice(bytes);
                Ok(())
            }
            Self::Chunk(f) => f.write_all_at(bytes, at),
        }
    }
}

/// Wall-clock time as the state machine's `Instant`.
pub fn now() -> Instant {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Instant::from_millis(d.as_millis() as u64)
}

fn new_id() -> io::Result<UploadId> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(UploadId::from_bytes(bytes))
}

impl Endpoint {
    /// Opens the store and restores every upload in it.
    pub fn open(store: Store, config: ServerConfig) -> io::Result<Self> {
        let expire_after = config.expire_after;
        let mut server = Server::new(config);
        for info in store.load(expire_after)? {
            server.restore(info);
        }
        Ok(Self {
            server: Mutex::new(server),
            store,
            buffered: AtomicU64::new(0),
        })
    }

    fn server(&self) -> MutexGuard<'_, Server> {
        // A panic elsewhere must not take the endpoint down with it.
        self.server.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn upload_count(&self) -> usize {
        self.server().uploads().count()
    }

    /// Deletes expired, idle uploads.
    pub fn sweep(&self) {
        let expired = self.server().take_expired(now());
        for id in expired {
            if let Err(e) = self.store.delete(id) {
                eprintln!("looplab serve: could not delete expired {id}: {e}");
            }
        }
    }

    /// Answers one request; returns whether the connection may carry another.
    pub fn handle(&self, conn: &mut Conn, head: Head) -> (u16, bool) {
        let id = match new_id() {
            Ok(id) => id,
            Err(_) => return super::reply(conn, &head, Response::new(500).text("no randomness")),
        };
        let outcome = self.server().handle(&head.request, now(), id);
        let response = match outcome {
            Outcome::ReadBody(plan) => return self.read_body(conn, &head, plan),
            Outcome::Respond(r) => r,
            Outcome::Create { info, response } => {
                self.storage_step(info.id, response, || self.store.create(&info))
            }
            Outcome::Concatenate {
                info,
                parts,
                response,
            } => self.storage_step(info.id, response, || self.store.concatenate(&info, &parts)),
            Outcome::Delete { id, response } => match self.store.delete(id) {
                Ok(()) => response,
                Err(e) => failed(&e),
            },
            Outcome::Download {
                id,
                length,
                response,
            } => return self.download(conn, &head, id, length, response),
        };
        super::reply(conn, &head, response)
    }

    /// Runs a storage step; if it fails the upload is forgotten and the client gets 500.
    fn storage_step(
        &self,
        id: UploadId,
        ok: Response,
        step: impl FnOnce() -> io::Result<()>,
    ) -> Response {
        match step() {
            Ok(()) => ok,
            Err(e) => {
                self.server().forget(id);
                failed(&e)
            }
        }
    }

    fn download(
        &self,
        conn: &mut Conn,
        head: &Head,
        id: UploadId,
        length: u64,
        r: Response,
    ) -> (u16, bool) {
        let mut file = match self.store.open_read(id) {
            Ok(f) => f,
            Err(e) => return super::reply(conn, head, failed(&e)),
        };
        let keep = super::discard_body(conn, head);
        let head_only = head.request.method == Method::Head;
        let sent = conn
            .write_response(&r, head_only, !keep, true)
            .and_then(|()| conn.stream(&mut file, length));
        (r.status, keep && sent.is_ok())
    }

    fn read_body(&self, conn: &mut Conn, head: &Head, mut plan: BodyPlan) -> (u16, bool) {
        let file = plan
            .created
            .as_ref()
            .map_or(Ok(()), |info| self.store.create(info))
            .and_then(|()| self.store.open_write(plan.id));
        let file = match file {
            Ok(f) => f,
            Err(e) => return self.abandon(conn, head, plan, &e),
        };
        // Unchecked bytes go straight to the upload; checked ones wait aside until verified.
        let sink = if !plan.is_checksummed() {
            file.try_clone().map(|f| Sink::Upload(f, plan.offset))
        } else if plan.limit <= BUFFER_BODY && self.reserve(plan.limit) {
            Ok(Sink::Memory(Vec::with_capacity(plan.limit as usize)))
        } else {
            self.store.open_chunk(plan.id).map(Sink::Chunk)
        };
        let mut sink = match sink {
            Ok(s) => s,
            Err(e) => return self.abandon(conn, head, plan, &e),
        };
        let continued = !head.expect_continue || conn.write_continue().is_ok();
        let mut body = conn.body(&head.framing);
        let mut buf = vec![0u8; 1 << 20];
        let (mut received, mut end, mut write_failed) = (0u64, BodyEnd::Complete, false);
        while continued && !body.is_done() {
            let n = match io::Read::read(&mut body, &mut buf) {
                Ok(0) => break,
                Ok(n) => n as u64,
                Err(_) => {
                    end = BodyEnd::Interrupted;
                    break;
                }
            };
            let take = n.min(plan.limit - received);
            if take < n {
                end = BodyEnd::TooLarge;
            }
            let bytes = &buf[..take as usize];
            if sink.write(bytes, received).is_err() {
                (end, write_failed) = (BodyEnd::Interrupted, true);
                break;
            }
            plan.update(bytes);
            received += take;
            if end == BodyEnd::TooLarge {
                break;
            }
        }
        if !continued || (end == BodyEnd::Complete && !body.is_done()) {
            end = BodyEnd::Interrupted;
        }
        let (id, offset, plan_limit) = (plan.id, plan.offset, plan.limit);
        let finish = self.server().finish_body(plan, received, end, now());
        let stored = match sink {
            Sink::Upload(..) => Ok(()),
            Sink::Memory(bytes) => {
                self.buffered.fetch_sub(plan_limit, Ordering::SeqCst);
                file.write_all_at(&bytes[..finish.keep as usize], offset)
            }
            Sink::Chunk(_) => self.store.take_chunk(id, &file, offset, finish.keep),
        };
        let record = finish.info.as_ref().filter(|_| finish.record_changed);
        let durable = !write_failed
            && stored.is_ok()
            && self
                .store
                .settle(&file, finish.offset + finish.keep, record)
                .is_ok();
        let response = self.server().commit(finish, durable);
        let keep = end == BodyEnd::Complete && !head.close;
        // The peer may be gone (an interrupted body); then this write fails, which is fine.
        let _ = conn.write_response(&response, false, !keep, false);
        (response.status, keep)
    }
}

impl Endpoint {
    /// Claims memory for a body, if the budget allows.
    fn reserve(&self, bytes: u64) -> bool {
        let before = self.buffered.fetch_add(bytes, Ordering::SeqCst);
        if before + bytes <= BUFFER_BUDGET {
            return true;
        }
        self.buffered.fetch_sub(bytes, Ordering::SeqCst);
        false
    }

    /// A body that cannot be stored: release the upload (forgetting it if it was just
    /// created) and answer 500.
    fn abandon(&self, conn: &mut Conn, head: &Head, plan: BodyPlan, e: &io::Error) -> (u16, bool) {
        let (id, created) = (plan.id, plan.created.is_some());
        let finish = self
            .server()
            .finish_body(plan, 0, BodyEnd::Interrupted, now());
        self.server().commit(finish, false);
        if created {
            self.server().forget(id);
        }
        super::reply(conn, head, failed(e))
    }
}

fn failed(e: &io::Error) -> Response {
    eprintln!("looplab serve: storage error: {e}");
    let mut r = Response::new(500).text("storage error");
    r.headers.set("Tus-Resumable", looplab_upload::TUS_VERSION);
    looplab_upload::cors::simple(&mut r.headers);
    r
}
