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
    Checksum, Client, ClientConfig, Event, Headers, Instant, Progress, Response, Token, Transmit,
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
    let file = Arc::new(
        File::open(&opts.file).with_context(|| format!("opening {}", opts.file.display()))?,
    );
    let key = fingerprint(&opts.file, &opts.config.endpoint)?;
    let saved = opts.state.get(&key);
    let resumed = saved.is_some();
    let mut client = Client::new(opts.config, saved);
    let pool: Arc<Mutex<Vec<Connection>>> = Arc::default();
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
            let (file, pool, tx, stop) = (
                Arc::clone(&file),
                Arc::clone(&pool),
                tx.clone(),
                Arc::clone(&opts.stop),
            );
            let token = t.token;
            workers.insert(
                token,
                std::thread::spawn(move || perform(&t, &file, &pool, &stop, &tx)),
            );
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

/// One request on a pooled connection, with the body read from the file and checksummed.
fn perform(
    t: &Transmit,
    file: &File,
    pool: &Mutex<Vec<Connection>>,
    stop: &AtomicBool,
    tx: &mpsc::Sender<Report>,
) {
    let result = (|| {
        let url = Url::parse(&t.request.url)?;
        let mut extra = Headers::new();
        let mut body = Vec::new();
        if let Some(range) = t.request.body {
            body = vec![0; (range.end - range.start) as usize];
            file.read_exact_at(&mut body, range.start)?;
            if let Some(alg) = range.checksum {
                extra.set("Upload-Checksum", Checksum::of(alg, &body).header_value());
            }
        }
        let pooled = {
            let mut p = pool.lock().unwrap_or_else(|e| e.into_inner());
            p.iter()
                .position(|c| c.authority() == url.authority)
                .map(|i| p.swap_remove(i))
        };
        let mut conn = match pooled {
            Some(c) => c,
            None => Connection::open(&url.authority)?,
        };
        let (r, reusable) = conn.send(&t.request, &url.path, &extra, &body, stop, |n| {
            let _ = tx.send(Report::Sent(t.token, n));
        })?;
        if reusable {
            pool.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        }
        Ok(r)
    })();
    let _ = tx.send(Report::Answered(t.token, result));
}
