//! `looplab serve` under bad input: every tus status, traversal attempts, oversized and
//! malformed heads, slow clients, and a second writer on the same upload.
mod common;

use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;

fn server(name: &str, extra: &[&str]) -> (TempDir, Server) {
    let dir = TempDir::new(name);
    let s = Server::start(&dir.join("data"), 0, extra);
    (dir, s)
}

#[test]
fn version_412_content_type_415_offset_409() {
    let (_d, s) = server("status", &[]);
    let a = &s.addr;
    let r = request(
        a,
        "POST",
        "/files/",
        &[("Tus-Resumable", "0.2.2"), ("Upload-Length", "5")],
        b"",
    )
    .unwrap();
    assert_eq!((r.status, r.header("Tus-Version")), (412, Some("1.0.0")));
    let r = raw(
        a,
        b"HEAD /files/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(r.status, 412, "Tus-Resumable missing");
    let p = create(a, 10);
    let r = request(
        a,
        "PATCH",
        &p,
        &[("Upload-Offset", "0"), ("Content-Type", "text/plain")],
        b"abc",
    )
    .unwrap();
    assert_eq!(r.status, 415);
    let r = patch(a, &p, 4, b"abc", &[]).unwrap();
    assert_eq!((r.status, r.offset()), (409, 0));
    assert_eq!(head(a, &p).unwrap().offset(), 0, "a 409 changes nothing");
}

#[test]
fn checksum_460_discards_400_for_unknown_algorithm() {
    let (_d, s) = server("checksum", &[]);
    let a = &s.addr;
    let p = create(a, 10);
    let r = patch(
        a,
        &p,
        0,
        b"hello",
        &[("Upload-Checksum", "sha1 AAAAAAAAAAAAAAAAAAAAAAAAAAA=")],
    )
    .unwrap();
    assert_eq!((r.status, r.offset()), (460, 0));
    assert_eq!(head(a, &p).unwrap().offset(), 0);
    assert_eq!(
        stored(&s.data, &p),
        b"",
        "the discarded chunk leaves no trace"
    );
    assert_eq!(
        patch(a, &p, 0, b"hello", &[("Upload-Checksum", "blake3 AAAA")])
            .unwrap()
            .status,
        400
    );
    assert_eq!(
        patch(a, &p, 0, b"hello", &[("Upload-Checksum", "sha1 %%%")])
            .unwrap()
            .status,
        400
    );
    let good = "sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00="; // sha1("hello")
    let r = patch(a, &p, 0, b"hello", &[("Upload-Checksum", good)]).unwrap();
    assert_eq!((r.status, r.offset()), (204, 5));
    // Written in place as it arrives, a mismatch is cut back to the offset.
    let r = patch(a, &p, 5, b"world", &[("Upload-Checksum", good)]).unwrap();
    assert_eq!((r.status, r.offset()), (460, 5));
    assert_eq!(stored(&s.data, &p), b"hello");
    // crc32 is hashed inline rather than on a second thread: the same rules hold.
    let crc_of_hello = "crc32 NhCmhg==";
    let r = patch(a, &p, 5, b"world", &[("Upload-Checksum", crc_of_hello)]).unwrap();
    assert_eq!((r.status, r.offset()), (460, 5));
    assert_eq!(stored(&s.data, &p), b"hello");
    let r = patch(a, &p, 5, b"hello", &[("Upload-Checksum", crc_of_hello)]).unwrap();
    assert_eq!((r.status, r.offset()), (204, 10));
    assert_eq!(stored(&s.data, &p), b"hellohello");
}

#[test]
fn sizes_413_and_malformed_numbers_400() {
    let (_d, s) = server("sizes", &["--max-size", "1000"]);
    let a = &s.addr;
    let r = request(a, "POST", "/files/", &[("Upload-Length", "1001")], b"").unwrap();
    assert_eq!((r.status, r.header("Tus-Resumable")), (413, Some("1.0.0")));
    for bad in ["-1", "1e3", "0x10", "99999999999999999999999", ""] {
        let r = request(a, "POST", "/files/", &[("Upload-Length", bad)], b"").unwrap();
        assert_eq!(r.status, 400, "Upload-Length {bad:?}");
    }
    let p = create(a, 10);
    assert_eq!(
        patch(a, &p, 0, &[7; 11], &[]).unwrap().status,
        413,
        "body past Upload-Length"
    );
    for bad in ["-0", "+0", "zero", "0 0"] {
        assert_eq!(
            patch(a, &p, 0, b"x", &[("Upload-Offset", bad)])
                .unwrap()
                .status,
            400,
            "{bad:?}"
        );
    }
    let r = request(
        a,
        "POST",
        "/files/",
        &[("Upload-Length", "1"), ("Upload-Metadata", "key !!!")],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 400, "metadata value not base64");
    // A chunked body that runs past the declared length is cut and refused.
    let msg = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nTransfer-Encoding: chunked\r\n\r\nc\r\n0123456789ab\r\n0\r\n\r\n"
    );
    assert_eq!(raw(a, msg.as_bytes()).unwrap().status, 413);
    assert_eq!(head(a, &p).unwrap().offset(), 0);
}

#[test]
fn traversal_and_unknown_ids_are_404() {
    let (d, s) = server("traversal", &[]);
    std::fs::write(d.join("secret"), "do not serve").unwrap();
    let a = &s.addr;
    for p in [
        "/files/../secret",
        "/files/..%2fsecret",
        "/files/%2e%2e%2fsecret",
        "/files/00000000000000000000000000000000",
        "/files/0000000000000000000000000000000G",
        "/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/files/a/b",
    ] {
        assert_eq!(head(a, p).unwrap().status, 404, "HEAD {p}");
        assert_eq!(patch(a, p, 0, b"x", &[]).unwrap().status, 404, "PATCH {p}");
    }
    for p in [
        "/../secret",
        "/%2e%2e/secret",
        "/..%2fsecret",
        "/./../secret",
        "/%00",
    ] {
        let r = request(a, "GET", p, &[], b"").unwrap();
        assert_eq!(r.status, 404, "GET {p}");
        assert!(!String::from_utf8_lossy(&r.body).contains("do not serve"));
    }
    assert_eq!(
        request(a, "GET", "/", &[], b"").unwrap().status,
        200,
        "static index"
    );
    assert_eq!(request(a, "PUT", "/files/", &[], b"").unwrap().status, 405);
    assert_eq!(
        request(a, "DELETE", "/index.html", &[], b"")
            .unwrap()
            .status,
        405
    );
}

#[test]
fn termination_403_on_final_and_410_after_expiry() {
    let (_d, s) = server("lifecycle", &["--expire-after", "1"]);
    let a = &s.addr;
    let p = create(a, 10);
    assert_eq!(request(a, "DELETE", &p, &[], b"").unwrap().status, 204);
    assert_eq!(head(a, &p).unwrap().status, 404);
    let part = |body: &[u8]| {
        let r = request(
            a,
            "POST",
            "/files/",
            &[("Upload-Length", "2"), ("Upload-Concat", "partial")],
            b"",
        )
        .unwrap();
        let loc = r.header("Location").unwrap().to_owned();
        let path = loc[loc.find("/files/").unwrap()..].to_owned();
        assert_eq!(patch(a, &path, 0, body, &[]).unwrap().status, 204);
        path
    };
    let (x, y) = (part(b"ab"), part(b"cd"));
    let r = request(
        a,
        "POST",
        "/files/",
        &[("Upload-Concat", &format!("final;{x} {y}"))],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 201);
    let fin = r
        .header("Location")
        .unwrap()
        .split("/files/")
        .nth(1)
        .unwrap()
        .to_owned();
    let fin = format!("/files/{fin}");
    assert_eq!(request(a, "GET", &fin, &[], b"").unwrap().body, b"abcd");
    assert_eq!(patch(a, &fin, 4, b"e", &[]).unwrap().status, 403);
    let r = request(
        a,
        "POST",
        "/files/",
        &[("Upload-Concat", "final;/files/../../x")],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 400);
    let stale = create(a, 10);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(head(a, &stale).unwrap().status, 410);
    assert_eq!(patch(a, &stale, 0, b"x", &[]).unwrap().status, 410);
    assert_eq!(
        head(a, &fin).unwrap().status,
        200,
        "finished uploads do not expire"
    );
}

#[test]
fn second_writer_gets_423_and_bytes_never_interleave() {
    let (_d, s) = server("lock", &[]);
    let a = &s.addr;
    let p = create(a, 20);
    let mut first = TcpStream::connect(a).unwrap();
    let head1 = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 10\r\n\r\naaaaa"
    );
    first.write_all(head1.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let r = patch(a, &p, 0, b"bbbbbbbbbb", &[]).unwrap();
    assert_eq!(r.status, 423, "a second writer while the first is mid-body");
    assert_eq!(request(a, "DELETE", &p, &[], b"").unwrap().status, 423);
    first.write_all(b"aaaaa").unwrap();
    let r = read_response(&mut BufReader::new(first)).unwrap();
    assert_eq!((r.status, r.offset()), (204, 10));
    assert_eq!(patch(a, &p, 10, b"bbbbbbbbbb", &[]).unwrap().status, 204);
    assert_eq!(stored(&s.data, &p), b"aaaaaaaaaabbbbbbbbbb");
}

#[test]
fn broken_body_keeps_what_arrived() {
    let (_d, s) = server("partial", &[]);
    let a = &s.addr;
    let p = create(a, 100);
    let mut c = TcpStream::connect(a).unwrap();
    let msg = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 100\r\n\r\n0123456789012345678901234567890123456789"
    );
    c.write_all(msg.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    drop(c);
    let deadline = Instant::now() + Duration::from_secs(5);
    while head(a, &p).unwrap().offset() != 40 {
        assert!(Instant::now() < deadline, "partial body not kept");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        stored(&s.data, &p),
        b"0123456789012345678901234567890123456789"
    );
}

#[test]
fn oversized_and_malformed_heads() {
    let (_d, s) = server("heads", &[]);
    let a = &s.addr;
    let big = format!(
        "HEAD /files/ HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(20_000)
    );
    assert_eq!(raw(a, big.as_bytes()).unwrap().status, 431);
    let many: String = (0..100).map(|i| format!("X-{i}: 1\r\n")).collect();
    assert_eq!(
        raw(a, format!("HEAD / HTTP/1.1\r\n{many}\r\n").as_bytes())
            .unwrap()
            .status,
        431
    );
    for bad in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        b"GET / HTTP/1.1\r\nX: \xff\xfe\r\n\r\n",
        b"PATCH /files/x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"PATCH /files/x HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"PATCH /files/x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        b"PATCH /files/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
    ] {
        assert_eq!(
            raw(a, bad).unwrap().status,
            400,
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    let p = create(a, 10);
    let dup = format!(
        "PATCH {p} HTTP/1.1\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx"
    );
    assert_eq!(
        raw(a, dup.as_bytes()).unwrap().status,
        400,
        "repeated Upload-Offset"
    );
    assert_eq!(head(a, &p).unwrap().status, 200, "the server is still fine");
}

#[test]
fn slow_clients_are_cut_off() {
    let (_d, s) = server("slow", &["--idle-timeout", "1", "--body-timeout", "2"]);
    let a = &s.addr;
    // Half a head, then silence: 408 and the connection closes.
    let started = Instant::now();
    let mut c = TcpStream::connect(a).unwrap();
    c.write_all(b"HEAD /files/ HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let r = read_response(&mut BufReader::new(c.try_clone().unwrap())).unwrap();
    assert_eq!(r.status, 408);
    assert!(started.elapsed() < Duration::from_secs(5));
    // A body trickling in under the idle limit is still stopped by the body limit, and the
    // upload's lock is released with the bytes that came.
    let p = create(a, 1000);
    let mut c = TcpStream::connect(a).unwrap();
    let msg = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 1000\r\n\r\n"
    );
    c.write_all(msg.as_bytes()).unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(4) {
        if c.write_all(b"z").is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut rest = Vec::new();
    let _ = c.read_to_end(&mut rest);
    let off = head(a, &p).unwrap().offset();
    assert!((1..20).contains(&off), "kept {off} trickled bytes");
    assert_eq!(
        patch(a, &p, off, b"x", &[]).unwrap().status,
        204,
        "lock released"
    );
}

#[test]
fn cors_exposes_tus_headers() {
    let (_d, s) = server("cors", &[]);
    let a = &s.addr;
    let r = request(
        a,
        "OPTIONS",
        "/files/",
        &[
            ("Origin", "http://example.test"),
            ("Access-Control-Request-Method", "PATCH"),
        ],
        b"",
    )
    .unwrap();
    assert_eq!(r.status, 204);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some("*"));
    assert!(
        r.header("Access-Control-Allow-Methods")
            .unwrap()
            .contains("PATCH")
    );
    assert!(
        r.header("Access-Control-Allow-Headers")
            .unwrap()
            .contains("Upload-Offset")
    );
    let r = request(
        a,
        "POST",
        "/files/",
        &[("Upload-Length", "1"), ("Origin", "http://example.test")],
        b"",
    )
    .unwrap();
    let exposed = r.header("Access-Control-Expose-Headers").unwrap();
    for h in [
        "Location",
        "Upload-Offset",
        "Upload-Length",
        "Tus-Resumable",
    ] {
        assert!(exposed.contains(h), "{h} not exposed");
    }
}

#[test]
fn restart_finds_every_upload() {
    let dir = TempDir::new("restart");
    let data = dir.join("data");
    let mut s = Server::start(&data, 0, &[]);
    let p = create(&s.addr, 10);
    assert_eq!(patch(&s.addr, &p, 0, b"12345", &[]).unwrap().status, 204);
    s.kill();
    let s = Server::start(&data, 0, &[]);
    let r = head(&s.addr, &p).unwrap();
    assert_eq!(
        (r.status, r.offset(), r.header("Upload-Length")),
        (200, 5, Some("10"))
    );
}

/// A checksummed body is written in place as it arrives. If the server dies mid-body, the
/// restart cuts the unverified bytes off: the offset is the acknowledged one, on disk too.
#[test]
fn a_kill_mid_body_leaves_only_acknowledged_bytes() {
    let dir = TempDir::new("midbody");
    let data = dir.join("data");
    let mut s = Server::start(&data, 0, &[]);
    let src = bytes(1 << 20, 5);
    let p = create(&s.addr, src.len() as u64);
    let r = patch(
        &s.addr,
        &p,
        0,
        &src[..1000],
        &[("Upload-Checksum", &checksum(&src[..1000]))],
    );
    assert_eq!(r.unwrap().offset(), 1000);
    let mut c = TcpStream::connect(&s.addr).unwrap();
    let msg = format!(
        "PATCH {p} HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 1000\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: {}\r\n\
         Upload-Checksum: {}\r\n\r\n",
        src.len() - 1000,
        checksum(&src[1000..])
    );
    c.write_all(msg.as_bytes()).unwrap();
    c.write_all(&src[1000..300_000]).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while stored(&data, &p).len() < 300_000 {
        assert!(
            Instant::now() < deadline,
            "the body was not written in place"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    s.kill();
    drop(c);
    let s = Server::start(&data, 0, &[]);
    assert_eq!(head(&s.addr, &p).unwrap().offset(), 1000);
    assert_eq!(stored(&data, &p), &src[..1000], "cut back on disk");
    let r = patch(
        &s.addr,
        &p,
        1000,
        &src[1000..],
        &[("Upload-Checksum", &checksum(&src[1000..]))],
    );
    assert_eq!(r.unwrap().status, 204);
    assert_eq!(stored(&data, &p), src);
}
