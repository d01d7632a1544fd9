//! Helpers for the upload tests: run the real `looplab` binary, speak raw HTTP to it, make
//! test files. Everything stays on 127.0.0.1 with ports the OS picks.
#![allow(dead_code)] // each test binary uses a different subset

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const LOOPLAB: &str = env!("CARGO_BIN_EXE_looplab");

/// The workspace's `tests/` directory (npm packages live in its node_modules).
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let p = std::env::temp_dir().join(format!("looplab-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }

    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running `looplab serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    /// `127.0.0.1:PORT`
    pub addr: String,
    pub data: PathBuf,
    pub log: PathBuf,
}

impl Server {
    /// Starts on a free port (`port` 0) or a given one, with its request log in `log`.
    pub fn start(data: &Path, port: u16, extra: &[&str]) -> Self {
        let log = data.with_extension(format!("log{port}"));
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let port_s = port.to_string();
        let mut args = vec![
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            &port_s,
            "--log",
            "--static",
        ];
        let static_dir = data.with_extension("static");
        std::fs::create_dir_all(&static_dir).unwrap();
        std::fs::write(
            static_dir.join("index.html"),
            "<!doctype html><title>Looplab</title>",
        )
        .unwrap();
        let static_s = static_dir.to_str().unwrap().to_owned();
        let data_s = data.to_str().unwrap().to_owned();
        args.extend([static_s.as_str(), "--data", data_s.as_str()]);
        args.extend(extra);
        let mut child = Command::new(LOOPLAB)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("spawn looplab serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Self {
            child,
            addr,
            data: data.to_owned(),
            log,
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}/files/", self.addr)
    }

    /// SIGKILL: no chance to flush anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Request log lines so far (`METHOD PATH STATUS ms`).
    pub fn log_lines(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn offset(&self) -> u64 {
        self.header("Upload-Offset")
            .expect("Upload-Offset")
            .parse()
            .unwrap()
    }
}

/// Sends raw bytes on a new connection and reads one response (until its length or EOF).
pub fn raw(addr: &str, bytes: &[u8]) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    s.write_all(bytes)?;
    let mut r = BufReader::new(s);
    if bytes.starts_with(b"HEAD ") {
        read_head(&mut r)
    } else {
        read_response(&mut r)
    }
}

pub fn read_response(r: &mut impl BufRead) -> std::io::Result<Resp> {
    let mut resp = read_head(r)?;
    if let Some(len) = resp
        .header("Content-Length")
        .map(|l| l.parse::<u64>().unwrap())
    {
        r.take(len).read_to_end(&mut resp.body)?;
        if resp.body.len() as u64 != len {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
    }
    Ok(resp)
}

/// Status line and headers only (the answer to a HEAD has no body).
pub fn read_head(r: &mut impl BufRead) -> std::io::Result<Resp> {
    let mut head = String::new();
    loop {
        let n = r.read_line(&mut head)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if head.ends_with("\r\n\r\n") {
            break;
        }
    }
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Ok(Resp {
        status,
        headers,
        body: Vec::new(),
    })
}

/// One request with `Connection: close` and `Tus-Resumable: 1.0.0` unless overridden.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Resp> {
    let mut msg = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("Tus-Resumable"))
    {
        msg.push_str("Tus-Resumable: 1.0.0\r\n");
    }
    for (k, v) in headers {
        msg.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
    {
        msg.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    msg.push_str("\r\n");
    let mut bytes = msg.into_bytes();
    bytes.extend_from_slice(body);
    raw(addr, &bytes)
}

/// Creates an upload; returns its path (`/files/<id>`).
pub fn create(addr: &str, length: u64) -> String {
    let r = request(
        addr,
        "POST",
        "/files/",
        &[("Upload-Length", &length.to_string())],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 201, "{r:?}");
    let loc = r.header("Location").unwrap();
    loc[loc.find("/files/").unwrap()..].to_owned()
}

pub fn patch(
    addr: &str,
    path: &str,
    offset: u64,
    body: &[u8],
    extra: &[(&str, &str)],
) -> std::io::Result<Resp> {
    let off = offset.to_string();
    let mut h = vec![
        ("Upload-Offset", off.as_str()),
        ("Content-Type", "application/offset+octet-stream"),
    ];
    h.extend_from_slice(extra);
    request(addr, "PATCH", path, &h, body)
}

pub fn head(addr: &str, path: &str) -> std::io::Result<Resp> {
    request(addr, "HEAD", path, &[], b"")
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
pub fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stored bytes of an upload (by its `/files/<id>` path) in a data directory.
pub fn stored(data: &Path, path: &str) -> Vec<u8> {
    std::fs::read(data.join(path.rsplit('/').next().unwrap())).unwrap()
}

/// An `Upload-Checksum` value for `body` (sha256, which `looplab serve` accepts).
pub fn checksum(body: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body);
    format!("sha256 {}", base64(&digest))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            out.push(if i <= c.len() {
                T[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}
