//! `looplab upload`: drives the sans-IO `Client` over real sockets. Each request runs on a
//! worker thread (one per part in flight); results come back over a channel to this loop,
//! which alone touches the state machine and the state file.
mod http;
mod state;

use std::collections::BTreeMap;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use anyhow::Context;
use looplab_upload::{
    BodyRange, Checksum, Client, ClientConfig, Event, Hasher, Headers, Instant, Method, Progress,
    Response, Token, Transmit,
};

pub use state::{StateFile, fingerprint};

use http::{Connection, Url};

#[derive(Debug)]
pub struct Options {
    pub file: PathBuf,
    pub config: ClientConfig,
    pub state: StateFile,
    /// Set by Ctrl-C: stop sending, keep the state, return `Finished::Interrupted`.
    pub stop: Arc<AtomicBool>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Finished {
    Done {
        url: String,
        resumed: bool,
        checksum: Option<looplab_upload::ChecksumAlgorithm>,
    },
    Interrupted {
        acked: u64,
    },
}

enum Report {
    Sent(Token, u64),
    Answered(Token, std::io::Result<Response>),
}

fn now() -> Instant {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Instant::from_millis(d.as_millis() as u64)
}

/// Uploads the file, resuming from the state file; `on_progress` sees every change.
pub fn upload(opts: Options, mut on_progress: impl FnMut(Progress)) -> anyhow::Result<Finished> {
    let file =
        File::open(&opts.file).with_context(|| format!("opening {}", opts.file.display()))?;
    // A URL this client cannot speak to is a usage error, not something to retry.
    Url::parse(&opts.config.endpoint)?;
    let key = fingerprint(&opts.file, &opts.config.endpoint)?;
    let saved = opts.state.get(&key);
    let resumed = saved.is_some();
    let mut client = Client::new(opts.config, saved);
    let shared = Arc::new(Shared {
        file,
        pool: Mutex::default(),
        prefetch: Prefetch::default(),
        stop: Arc::clone(&opts.stop),
    });
    let (tx, rx) = mpsc::channel();
    let mut workers = BTreeMap::new();
    loop {
        if opts.stop.load(Ordering::SeqCst) {
            // Let workers see the flag and drop their connections; the state is saved.
            drop(workers);
            return Ok(Finished::Interrupted {
                acked: client.progress().acked,
            });
        }
        while let Some(t) = client.poll_transmit(now()) {
            let (shared, tx) = (Arc::clone(&shared), tx.clone());
            let token = t.token;
            workers.insert(token, std::thread::spawn(move || perform(&t, &shared, &tx)));
        }
        while let Some(event) = client.poll_event() {
            match event {
                Event::StateChanged => opts.state.put(&key, Some(&client.resume_state()))?,
                Event::Done { url } => {
                    opts.state.put(&key, None)?;
                    on_progress(client.progress());
                    return Ok(Finished::Done {
                        url,
                        resumed,
                        checksum: client.checksum(),
                    });
                }
                Event::Failed(e) => return Err(e).context("upload failed (run again to resume)"),
            }
        }
        on_progress(client.progress());
        let wait = client
            .poll_timeout()
            .map_or(Duration::from_millis(200), |t| {
                Duration::from_millis(t.as_millis().saturating_sub(now().as_millis()))
            })
            .min(Duration::from_millis(200));
        match rx.recv_timeout(wait) {
            Ok(Report::Sent(token, n)) => client.on_sent(token, n),
            Ok(Report::Answered(token, result)) => {
                if let Some(w) = workers.remove(&token) {
                    let _ = w.join();
                }
                match result {
                    Ok(r) => client.handle_response(token, &r, now()),
                    Err(e) => client.handle_failure(token, &e.to_string(), now()),
                }
            }
            Err(_) => {}
        }
    }
}

/// Bytes read (and hashed, while still in the CPU's cache) at a time.
const PIECE: usize = 256 << 10;

/// The `Upload-Checksum` of a range of the file, if the range asks for one.
fn checksum_of(file: &File, range: BodyRange) -> std::io::Result<Option<String>> {
    let Some(algorithm) = range.checksum else {
        return Ok(None);
    };
    let mut hasher = Hasher::new(algorithm);
    let mut piece = vec![0; PIECE];
    let mut at = range.start;
    while at < range.end {
        let n = PIECE.min((range.end - at) as usize);
        file.read_exact_at(&mut piece[..n], at)?;
        hasher.update(&piece[..n]);
        at += n as u64;
    }
    let digest = hasher.finish();
    Ok(Some(Checksum { algorithm, digest }.header_value()))
}

/// Checksums computed while the previous chunk travels and the server syncs it, so that
/// hashing the next chunk costs no wall time. At most one per part.
#[derive(Debug, Default)]
struct Prefetch(Mutex<Vec<(BodyRange, String)>>);

impl Prefetch {
    fn take(&self, range: BodyRange) -> Option<String> {
        let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let i = v.iter().position(|(r, _)| *r == range)?;
        Some(v.swap_remove(i).1)
    }

    /// Guesses that the next request continues where `range` ended, with the same size.
    fn after(&self, file: &File, range: BodyRange) {
        let len = file.metadata().map_or(0, |m| m.len());
        let next = BodyRange {
            start: range.end,
            end: (2 * range.end - range.start).min(len),
            ..range
        };
        if next.start >= next.end {
            return;
        }
        if let Ok(Some(c)) = checksum_of(file, next) {
            let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
            if v.len() >= 8 {
                v.remove(0);
            }
            v.push((next, c));
        }
    }
}

/// Everything a request worker shares.
#[derive(Debug)]
struct Shared {
    file: File,
    pool: Mutex<Vec<Connection>>,
    prefetch: Prefetch,
    stop: Arc<AtomicBool>,
}

/// One request on a pooled connection, its body checksummed and sent from the file.
fn perform(t: &Transmit, shared: &Shared, tx: &mpsc::Sender<Report>) {
    let result = (|| {
        let url = Url::parse(&t.request.url)?;
        let mut extra = Headers::new();
        if let Some(range) = t.request.body {
            let checksum = match shared.prefetch.take(range) {
                Some(c) => Some(c),
                None => checksum_of(&shared.file, range)?,
            };
            if let Some(c) = checksum {
                extra.set("Upload-Checksum", c);
            }
        }
        let pooled = {
            let mut p = shared.pool.lock().unwrap_or_else(|e| e.into_inner());
            p.iter()
                .position(|c| c.authority() == url.authority)
                .map(|i| p.swap_remove(i))
        };
        let mut conn = match pooled {
            Some(c) => c,
            None => Connection::open(&url.authority)?,
        };
        std::thread::scope(|s| {
            // The next chunk is hashed while this one travels and is stored.
            if let Some(range) = t.request.body.filter(|r| r.checksum.is_some()) {
                s.spawn(move || shared.prefetch.after(&shared.file, range));
            }
            conn.send(
                &t.request,
                &url.path,
                &extra,
                &shared.file,
                &shared.stop,
                |n| {
                    let _ = tx.send(Report::Sent(t.token, n));
                },
            )?;
            let (r, reusable) = conn.read_response(t.request.method == Method::Head)?;
            if reusable {
                shared
                    .pool
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(conn);
            }
            Ok(r)
        })
    })();
    let _ = tx.send(Report::Answered(t.token, result));
}
