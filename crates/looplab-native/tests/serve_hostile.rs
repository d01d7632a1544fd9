//! `looplab serve` against requests made to hurt it: a HEAD that asks for a body, lenient
//! framing a proxy would read differently, and one client trying to hold every connection.
#[path = "upload/common/mod.rs"]
mod common;

use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::*;

fn server(name: &str, extra: &[&str]) -> (TempDir, Server) {
    let dir = TempDir::new(name);
    let s = Server::start(&dir.join("data"), 0, extra);
    (dir, s)
}

/// A finished upload whose bytes read as an HTTP response, as an attacker would upload them.
const FORGED: &[u8] = b"HTTP/1.1 299 Forged\r\nContent-Length: 0\r\n\r\n";

#[test]
fn a_head_never_carries_a_body_whatever_it_overrides() {
    let (_d, s) = server("head-override", &[]);
    let a = &s.addr;
    let p = create(a, FORGED.len() as u64);
    assert_eq!(patch(a, &p, 0, FORGED, &[]).unwrap().status, 204);
    // Two requests on one keep-alive connection: the second answer must come next.
    let mut c = TcpStream::connect(a).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let ask = |over: &str| {
        format!(
            "HEAD {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\n{over}\r\n",
            over = if over.is_empty() {
                String::new()
            } else {
                format!("X-HTTP-Method-Override: {over}\r\n")
            }
        )
    };
    c.write_all(format!("{}{}", ask("GET"), ask("")).as_bytes())
        .unwrap();
    let mut r = BufReader::new(c);
    for which in ["overridden", "plain"] {
        let resp = read_head(&mut r).unwrap();
        assert_eq!(resp.status, 200, "{which} HEAD: {resp:?}");
        assert_eq!(resp.offset(), FORGED.len() as u64, "{which} HEAD");
    }
    // A HEAD cannot delete either; a POST may stand for DELETE (old clients need that).
    let r = request(a, "HEAD", &p, &[("X-HTTP-Method-Override", "DELETE")], b"").unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(head(a, &p).unwrap().status, 200, "still there");
    let r = request(a, "POST", &p, &[("X-HTTP-Method-Override", "DELETE")], b"").unwrap();
    assert_eq!(r.status, 204);
    assert_eq!(head(a, &p).unwrap().status, 404);
}

/// A PATCH of `body` with its own chunk framing (`Transfer-Encoding: chunked` unless the
/// head says otherwise), on a connection of its own.
fn chunked_patch(a: &str, p: &str, offset: u64, framing: &str, body: &[u8]) -> Resp {
    let mut msg = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: {offset}\r\n\
         Content-Type: application/offset+octet-stream\r\n{framing}Connection: close\r\n\r\n"
    )
    .into_bytes();
    msg.extend_from_slice(body);
    raw(a, &msg).unwrap()
}

const CHUNKED: &str = "Transfer-Encoding: chunked\r\n";

#[test]
fn framing_a_proxy_could_read_otherwise_is_400() {
    let (_d, s) = server("framing", &[]);
    let a = &s.addr;
    let p = create(a, 10);
    let ok = chunked_patch(a, &p, 0, CHUNKED, b"2\r\nab\r\n0\r\n\r\n");
    assert_eq!((ok.status, ok.offset()), (204, 2), "well-formed chunks");
    let mut accepted = Vec::new();
    for (framing, body) in [
        (CHUNKED, &b"+3\r\nabc\r\n0\r\n\r\n"[..]),
        (CHUNKED, b"3\r\nabcX\n0\r\n\r\n"),
        (CHUNKED, b"3\nabc\r\n0\r\n\r\n"),
        (
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
            b"3\r\nabc\r\n0\r\n\r\n",
        ),
    ] {
        let p = create(a, 10);
        let r = chunked_patch(a, &p, 0, framing, body);
        let stored = head(a, &p).unwrap().offset();
        if (r.status, stored) != (400, 0) {
            let what = format!("{framing:?} {:?}", String::from_utf8_lossy(body));
            accepted.push(format!("{what}: {} with {stored} bytes stored", r.status));
        }
    }
    assert!(accepted.is_empty(), "{accepted:#?}");
}

#[test]
fn a_460_declares_no_length() {
    let (_d, s) = server("defer-460", &[]);
    let a = &s.addr;
    let r = request(a, "POST", "/files/", &[("Upload-Defer-Length", "1")], b"").unwrap();
    assert_eq!(r.status, 201);
    let loc = r.header("Location").unwrap();
    let p = &loc[loc.find("/files/").unwrap()..];
    let sha1_of_hello = ("Upload-Checksum", "sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=");
    let r = patch(a, p, 0, b"world", &[sha1_of_hello, ("Upload-Length", "5")]).unwrap();
    assert_eq!(r.status, 460);
    let h = head(a, p).unwrap();
    assert_eq!(
        (h.header("Upload-Defer-Length"), h.header("Upload-Length")),
        (Some("1"), None),
        "the refused PATCH left the length open"
    );
    let r = patch(a, p, 0, b"hello", &[sha1_of_hello, ("Upload-Length", "9")]).unwrap();
    assert_eq!((r.status, r.offset()), (204, 5));
    assert_eq!(head(a, p).unwrap().header("Upload-Length"), Some("9"));
}

#[test]
fn one_client_cannot_hold_every_connection() {
    let (_d, s) = server("per-client", &[]);
    let a = &s.addr;
    // 32 idle connections from this client: all accepted, none answered yet.
    let held: Vec<TcpStream> = (0..32).map(|_| TcpStream::connect(a).unwrap()).collect();
    let r = raw(
        a,
        b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(r.status, 429, "the 33rd connection of one client");
    assert_eq!(r.header("Connection"), Some("close"));
    // Each held connection still works, and one closed frees its slot.
    let mut first = &held[0];
    first
        .write_all(b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    assert_eq!(read_head(&mut BufReader::new(first)).unwrap().status, 200);
    drop(held);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while raw(
        a,
        b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap()
    .status
        != 200
    {
        assert!(std::time::Instant::now() < deadline, "slots not freed");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends a checksummed PATCH head and `sent` bytes of its 100,000-byte body, then `trickle`
/// bytes one at a time every 200 ms; returns the answer and how long after the head it came.
fn stalled_patch(a: &str, p: &str, sent: usize, trickle: usize) -> (Resp, Duration) {
    let mut c = TcpStream::connect(a).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 100000\r\n\
         Upload-Checksum: sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=\r\n\r\n"
    );
    c.write_all(head.as_bytes()).unwrap();
    let started = std::time::Instant::now();
    c.write_all(&vec![b'z'; sent]).unwrap();
    let writer = c.try_clone().unwrap();
    let trickler = std::thread::spawn(move || {
        for _ in 0..trickle {
            std::thread::sleep(Duration::from_millis(200));
            if (&writer).write_all(b"z").is_err() {
                return;
            }
        }
    });
    let r = read_response(&mut BufReader::new(&c)).unwrap();
    let took = started.elapsed();
    drop(c);
    trickler.join().unwrap();
    (r, took)
}

#[test]
fn a_stalled_body_is_cut_at_the_stall_timeout() {
    let (_d, s) = server("stall", &["--stall-timeout", "1"]);
    let a = &s.addr;
    let p = create(a, 100_000);
    // Silence after a few bytes, then a trickle that stays under the idle timeout: each cut
    // after one stall period and its grace (about 2 s), not at the idle (30 s) or body (600 s)
    // timeouts.
    for (sent, trickle) in [(10, 0), (10, 100)] {
        let (r, took) = stalled_patch(a, &p, sent, trickle);
        assert_eq!(r.status, 400, "sent {sent}, trickled {trickle}");
        assert!(took < Duration::from_secs(5), "cut after {took:?}");
        assert_eq!(
            head(a, &p).unwrap().offset(),
            0,
            "nothing counts, lock released"
        );
    }
    // A body that keeps moving is not cut, however slowly its first period starts.
    let body = bytes(64 << 10, 3);
    let p = create(a, body.len() as u64);
    let mut c = TcpStream::connect(a).unwrap();
    let head = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    c.write_all(head.as_bytes()).unwrap();
    for piece in body.chunks(16 << 10) {
        std::thread::sleep(Duration::from_millis(700));
        c.write_all(piece).unwrap();
    }
    let r = read_response(&mut BufReader::new(&c)).unwrap();
    assert_eq!(r.status, 204, "16 KiB every 0.7 s keeps moving");
}
