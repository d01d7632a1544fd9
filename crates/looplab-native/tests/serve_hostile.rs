//! `looplab serve` against requests made to hurt it: a HEAD that asks for a body, lenient
//! framing a proxy would read differently, and one client trying to hold every connection.
#[path = "../../../tests/upload/common/mod.rs"]
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
