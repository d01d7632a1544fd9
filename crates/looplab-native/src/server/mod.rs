//! `looplab serve`: the playground's static files and a tus 1.0.0 endpoint at `/files/`, on
//! blocking sockets with a thread per connection (bounded).
mod content_coding;
mod endpoint;
mod etag;
mod http;
mod slots;
mod stall;
mod static_files;
mod store;

use std::io::{self, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use looplab_upload::{Response, ServerConfig};

use endpoint::Endpoint;
use http::{Conn, Framing, Head, Limits};
use slots::{Refusal, Slots};
use static_files::StaticFiles;
use store::Store;

#[derive(Debug, Clone)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub static_dir: PathBuf,
    pub data_dir: PathBuf,
    pub tus: ServerConfig,
    pub limits: Limits,
    pub max_connections: usize,
    /// Of those, the most one client (peer IP address) may hold.
    pub max_connections_per_client: usize,
    /// One line per request on stderr.
    pub log: bool,
}

/// Bytes a body must bring in each stall period: about 1 KiB/s over the default 15 s, far
/// below any real upload, far above a trickle meant to hold a connection.
pub const STALL_BYTES: u64 = 16 << 10;

impl Config {
    pub fn limits(idle: Duration, body: Duration, stall: Duration) -> Limits {
        Limits {
            max_head: 16 << 10,
            idle,
            head: idle.min(Duration::from_secs(10)),
            body,
            stall,
            stall_bytes: STALL_BYTES,
        }
    }
}

#[derive(Debug)]
struct Shared {
    endpoint: Endpoint,
    files: StaticFiles,
    config: Config,
    slots: Arc<Slots>,
}

/// Binds, restores the uploads found in the data directory, and serves until killed.
pub fn run(config: Config) -> anyhow::Result<()> {
    let listener = TcpListener::bind((config.host.as_str(), config.port))?;
    let store = Store::open(&config.data_dir)?;
    let endpoint = Endpoint::open(store, config.tus.clone())?;
    let addr = listener.local_addr()?;
    println!(
        "looplab serve: listening on http://{addr}/ (uploads at http://{addr}/files/, {} restored, data in {}, static files from {})",
        endpoint.upload_count(),
        config.data_dir.display(),
        config.static_dir.display()
    );
    io::stdout().flush()?;
    let shared = Arc::new(Shared {
        endpoint,
        files: StaticFiles::new(&config.static_dir),
        slots: Arc::new(Slots::new(
            config.max_connections,
            config.max_connections_per_client,
        )),
        config,
    });
    let sweeper = Arc::clone(&shared);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(30));
            sweeper.endpoint.sweep();
        }
    });
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let Ok(peer) = stream.peer_addr() else {
            continue;
        };
        let shared = Arc::clone(&shared);
        let slot = match shared.slots.take(peer.ip()) {
            Ok(slot) => slot,
            Err(why) => {
                refuse(stream, why);
                continue;
            }
        };
        std::thread::spawn(move || {
            serve_connection(&shared, stream);
            drop(slot);
        });
    }
    Ok(())
}

fn refuse(mut stream: TcpStream, why: Refusal) {
    let status = match why {
        Refusal::Full => "503 Service Unavailable",
        Refusal::ClientFull => "429 Too Many Requests",
    };
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = stream.write_all(
        format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes(),
    );
}

fn serve_connection(shared: &Shared, stream: TcpStream) {
    let Ok(mut conn) = Conn::new(stream, shared.config.limits) else {
        return;
    };
    loop {
        let head = match conn.read_head() {
            Ok(head) => head,
            Err(e) => {
                if let Some(r) = e.response() {
                    let _ = conn.write_response(&r, true, false);
                }
                return;
            }
        };
        let started = Instant::now();
        let (method, path) = (head.request.method.clone(), head.request.path.clone());
        let is_tus = path == "/files" || path.starts_with("/files/") || path.starts_with("/files?");
        let (status, keep) = if is_tus {
            shared.endpoint.handle(&mut conn, head)
        } else {
            shared.files.handle(&mut conn, head)
        };
        if shared.config.log {
            eprintln!(
                "{method} {path} {status} {}ms",
                started.elapsed().as_millis()
            );
        }
        if !keep {
            return;
        }
    }
}

/// Bodies up to this size are read and dropped when refused, so the client can read the
/// answer (closing on an unread body resets the connection: tusd#1371). Larger ones close.
const DRAIN_LIMIT: u64 = 16 << 20;

/// Skips a body nobody will read; returns whether the connection can be reused.
fn discard_body(conn: &mut Conn, head: &Head) -> bool {
    if matches!(head.framing, Framing::Length(0)) {
        return !head.close;
    }
    // Without our `100 Continue` that client sends no body: closing is the only way on.
    if head.expect_continue {
        return false;
    }
    let drained = match head.framing {
        Framing::Length(n) if n > DRAIN_LIMIT => false,
        _ => conn.body(&head.framing).drain(DRAIN_LIMIT),
    };
    drained && !head.close
}

/// Sends a response to a request whose body was not used.
fn reply(conn: &mut Conn, head: &Head, r: Response) -> (u16, bool) {
    let keep = discard_body(conn, head);
    let ok = conn.write_response(&r, !keep, false).is_ok();
    (r.status, keep && ok)
}
