//! The tus endpoint: the sans-IO `Server` decides, this file does what it asks on disk and
//! on the socket. File I/O runs outside the state-machine lock; each upload's own writer
//! lock (in the state machine) keeps bodies from interleaving.
use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::{Mutex, MutexGuard, mpsc};

use looplab_upload::{
    BodyEnd, BodyPlan, ChecksumAlgorithm, Instant, Outcome, Response, Server, ServerConfig,
    TusError, UploadId,
};

use super::http::{Body, Conn, Head};
use super::store::Store;

#[derive(Debug)]
pub struct Endpoint {
    server: Mutex<Server>,
    store: Store,
    buffers: Buffers,
}

/// Receive buffers kept between bodies: a fresh one costs page faults and zeroing.
#[derive(Debug, Default)]
struct Buffers(Mutex<Vec<Vec<u8>>>);

impl Buffers {
    fn take(&self) -> Vec<u8> {
        let spare = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        spare.unwrap_or_else(|| vec![0; READ_BUF])
    }

    fn put(&self, buf: Vec<u8>) {
        let mut spare = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if spare.len() < 4 * HASH_BUFS {
            spare.push(buf);
        }
    }
}

/// Bytes read from the socket at a time.
const READ_BUF: usize = 512 << 10;
/// Buffers a checksummed body cycles through: one being read and written, the others queued
/// for (or in) the hashing thread.
const HASH_BUFS: usize = 3;

/// Bytes written between two starts of writeback: a few large writes to the disk rather than
/// many small ones. Of none, 0.5, 1, 2 and 4 MiB, 2 did best in tests/upload/bench.sh.
const WRITEBACK: u64 = 2 << 20;

/// How much of a body arrived and how it ended.
#[derive(Debug)]
struct Received {
    bytes: u64,
    end: BodyEnd,
    write_failed: bool,
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
            buffers: Buffers::default(),
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
            Err(_) => return super::reply(conn, &head, TusError::NoRandomness.response()),
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
        let sent = conn
            .write_response(&r, !keep, true)
            .and_then(|()| conn.stream(&mut file, length));
        (r.status, keep && sent.is_ok())
    }

    fn read_body(&self, conn: &mut Conn, head: &Head, mut plan: BodyPlan) -> (u16, bool) {
        let file = plan
            .created
            .as_ref()
            .map_or(Ok(()), |info| self.store.create(info))
            .and_then(|()| match plan.is_checksummed() {
                true => self.store.begin_checked(plan.id, plan.offset),
                false => Ok(()),
            })
            .and_then(|()| self.store.open_write(plan.id));
        let file = match file {
            Ok(f) => f,
            Err(e) => return self.abandon(conn, head, plan, &e),
        };
        let continued = !head.expect_continue || conn.write_continue().is_ok();
        let mut body = conn.body(&head.framing);
        let mut got = Received {
            bytes: 0,
            end: BodyEnd::Interrupted,
            write_failed: false,
        };
        if continued {
            got = receive(&mut body, &file, &mut plan, &self.buffers);
        }
        if got.end == BodyEnd::Complete && !body.is_done() {
            got.end = BodyEnd::Interrupted;
        }
        let (id, offset) = (plan.id, plan.offset);
        let finish = self.server().finish_body(plan, got.bytes, got.end, now());
        let record = finish.info.as_ref().filter(|_| finish.record_changed);
        // What does not count (a mismatch, a refused body) is cut off here.
        let settled = self.store.settle(id, &file, offset, finish.keep, record);
        let durable = !got.write_failed && settled.is_ok();
        let response = self.server().commit(finish, durable);
        let keep = got.end == BodyEnd::Complete && !head.close;
        // The peer may be gone (an interrupted body); then this write fails, which is fine.
        let _ = conn.write_response(&response, !keep, false);
        (response.status, keep)
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

/// Writes a body into the upload at the plan's offset as it arrives (at most the plan's
/// limit) and feeds it to the plan's checksum. A cryptographic hash runs on a second thread, a
/// buffer behind the one being read and written, so that hashing overlaps with the copies into
/// and out of the kernel instead of adding to them; crc32 is cheaper than handing a buffer over.
fn receive(body: &mut Body<'_>, file: &File, plan: &mut BodyPlan, buffers: &Buffers) -> Received {
    let (offset, limit) = (plan.offset, plan.limit);
    let threaded = plan
        .checksum_algorithm()
        .is_some_and(|a| a != ChecksumAlgorithm::Crc32);
    if !threaded {
        // `update` does nothing for an unchecked body.
        return copy(body, file, offset, limit, buffers, |buf, n| {
            plan.update(&buf[..n]);
            buf
        });
    }
    std::thread::scope(|s| {
        let (to_hash, hash_rx) = mpsc::sync_channel::<(Vec<u8>, usize)>(HASH_BUFS);
        let (done_tx, done_rx) = mpsc::channel();
        let hasher = s.spawn(move || {
            for (buf, n) in hash_rx {
                plan.update(&buf[..n]);
                let _ = done_tx.send(buf);
            }
        });
        let (done, mut in_use) = (&done_rx, 1); // `copy` starts with one
        let got = copy(body, file, offset, limit, buffers, move |buf, n| {
            let _ = to_hash.send((buf, n));
            if let Ok(buf) = done.try_recv() {
                return buf;
            }
            if in_use < HASH_BUFS {
                in_use += 1;
                return buffers.take();
            }
            done.recv().unwrap_or_else(|_| buffers.take())
        });
        // The sender went with the closure: the hashing thread ends.
        let _ = hasher.join();
        done_rx.try_iter().for_each(|buf| buffers.put(buf));
        got
    })
}

/// The receiving loop: `cycle` takes each buffer once its bytes are written (with how many
/// there are) and hands out the next one to fill.
fn copy(
    body: &mut Body<'_>,
    file: &File,
    offset: u64,
    limit: u64,
    buffers: &Buffers,
    mut cycle: impl FnMut(Vec<u8>, usize) -> Vec<u8>,
) -> Received {
    let mut got = Received {
        bytes: 0,
        end: BodyEnd::Complete,
        write_failed: false,
    };
    let mut buf = buffers.take();
    let mut written_back = 0;
    while !body.is_done() {
        let n = match io::Read::read(body, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                got.end = match e.kind() {
                    io::ErrorKind::InvalidData => BodyEnd::Malformed,
                    _ => BodyEnd::Interrupted,
                };
                break;
            }
        };
        let take = (limit - got.bytes).min(n as u64) as usize;
        if take < n {
            got.end = BodyEnd::TooLarge;
        }
        if file.write_all_at(&buf[..take], offset + got.bytes).is_err() {
            (got.end, got.write_failed) = (BodyEnd::Interrupted, true);
            break;
        }
        got.bytes += take as u64;
        if got.bytes - written_back >= WRITEBACK {
            start_writeback(file, offset + written_back, got.bytes - written_back);
            written_back = got.bytes;
        }
        buf = cycle(buf, take);
        if got.end == BodyEnd::TooLarge {
            break;
        }
    }
    buffers.put(buf);
    got
}

/// Asks the kernel to start writing these bytes to disk now, while the rest of the body
/// arrives, so that the fsync before the answer finds less left to do. On Linux,
/// `POSIX_FADV_DONTNEED` starts writeback of dirty pages (and drops clean ones: an upload is
/// not read back soon). Only a hint: errors are ignored.
fn start_writeback(file: &File, at: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use nix::fcntl::{PosixFadviseAdvice, posix_fadvise};
        let (Ok(at), Ok(len)) = (i64::try_from(at), i64::try_from(len)) else {
            return;
        };
        let _ = posix_fadvise(file, at, len, PosixFadviseAdvice::POSIX_FADV_DONTNEED);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (file, at, len);
}

fn failed(e: &io::Error) -> Response {
    eprintln!("looplab serve: storage error: {e}");
    let mut r = TusError::StorageFailed.response();
    r.headers.set("Tus-Resumable", looplab_upload::TUS_VERSION);
    looplab_upload::cors::simple(&mut r.headers);
    r
}
