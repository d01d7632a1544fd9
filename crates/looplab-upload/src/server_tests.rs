//! The server's answers, one status at a time, plus property tests of its invariants.
use super::*;
use proptest::prelude::*;

const T0: Instant = Instant(1_000_000);

fn id(n: u8) -> UploadId {
    UploadId::from_bytes([n; 16])
}

fn req(method: Method, path: &str) -> Request {
    Request::new(method, path).header("Tus-Resumable", TUS_VERSION)
}

fn status(o: &Outcome) -> u16 {
    match o {
        Outcome::Respond(r)
        | Outcome::Create { response: r, .. }
        | Outcome::Concatenate { response: r, .. }
        | Outcome::Delete { response: r, .. }
        | Outcome::Download { response: r, .. } => r.status,
        Outcome::ReadBody(_) => 0,
    }
}

fn server() -> Server {
    Server::new(ServerConfig {
        max_size: 1000,
        ..ServerConfig::default()
    })
}

/// Creates an upload of `len` bytes with id `id(n)`.
fn create(s: &mut Server, n: u8, len: u64) -> String {
    let o = s.handle(
        &req(Method::Post, "/files/").header("Upload-Length", len.to_string()),
        T0,
        id(n),
    );
    assert_eq!(status(&o), 201);
    format!("/files/{}", id(n))
}

/// Creates an upload of a length still to be declared, with id `id(n)`.
fn create_deferred(s: &mut Server, n: u8) -> String {
    let r = req(Method::Post, "/files/").header("Upload-Defer-Length", "1");
    assert_eq!(status(&s.handle(&r, T0, id(n))), 201);
    format!("/files/{}", id(n))
}

fn patch(offset: u64, body: &[u8]) -> Request {
    req(Method::Patch, "")
        .header("Upload-Offset", offset.to_string())
        .header("Content-Type", OFFSET_OCTET_STREAM)
        .header("Content-Length", body.len().to_string())
}

/// A PATCH whose body fully arrives and is made durable.
fn write(s: &mut Server, path: &str, offset: u64, body: &[u8], checksum: Option<&str>) -> Response {
    let mut r = patch(offset, body);
    r.path = path.into();
    if let Some(c) = checksum {
        r.headers.set("Upload-Checksum", c);
    }
    match s.handle(&r, T0, id(99)) {
        Outcome::ReadBody(mut plan) => {
            plan.update(body);
            let f = s.finish_body(plan, body.len() as u64, BodyEnd::Complete, T0);
            s.commit(f, true)
        }
        Outcome::Respond(r) => r,
        o => panic!("unexpected {o:?}"),
    }
}

fn offset_of(s: &mut Server, path: &str) -> u64 {
    match s.handle(&req(Method::Head, path), T0, id(99)) {
        Outcome::Respond(r) => {
            assert_eq!(r.status, 200);
            r.headers.get("Upload-Offset").unwrap().parse().unwrap()
        }
        o => panic!("unexpected {o:?}"),
    }
}

#[test]
fn options_advertises_extensions_and_cors() {
    let r =
        Request::new(Method::Options, "/files/").header("Access-Control-Request-Method", "PATCH");
    let Outcome::Respond(r) = server().handle(&r, T0, id(1)) else {
        panic!()
    };
    assert_eq!(r.status, 204);
    assert_eq!(r.headers.get("Tus-Version"), Some("1.0.0"));
    assert!(
        r.headers
            .get("Tus-Extension")
            .unwrap()
            .contains("concatenation")
    );
    assert_eq!(
        r.headers.get("Tus-Checksum-Algorithm"),
        Some("sha1,md5,sha256,crc32")
    );
    assert!(
        r.headers
            .get("Access-Control-Expose-Headers")
            .unwrap()
            .contains("Upload-Offset")
    );
    assert!(
        r.headers
            .get("Access-Control-Allow-Headers")
            .unwrap()
            .contains("Upload-Checksum")
    );
}

#[test]
fn version_is_checked() {
    let mut s = server();
    let o = s.handle(
        &Request::new(Method::Post, "/files/").header("Upload-Length", "5"),
        T0,
        id(1),
    );
    assert_eq!(status(&o), 412);
    let o = s.handle(
        &Request::new(Method::Head, "/files/x").header("Tus-Resumable", "0.2.2"),
        T0,
        id(1),
    );
    let Outcome::Respond(r) = o else { panic!() };
    assert_eq!(
        (r.status, r.headers.get("Tus-Version")),
        (412, Some("1.0.0"))
    );
}

#[test]
fn create_head_patch_complete() {
    let mut s = server();
    let mut post = req(Method::Post, "/files/")
        .header("Upload-Length", "10")
        .header("Host", "h:1");
    post.headers.set("Upload-Metadata", "filename YS5iaW4=");
    let Outcome::Create { response, info } = s.handle(&post, T0, id(1)) else {
        panic!()
    };
    assert_eq!(
        response.headers.get("Location"),
        Some(format!("http://h:1/files/{}", id(1)).as_str())
    );
    assert!(
        response
            .headers
            .get("Upload-Expires")
            .unwrap()
            .ends_with("GMT")
    );
    assert_eq!(info.metadata.get("filename"), Some(&b"a.bin"[..]));
    let path = format!("/files/{}", id(1));
    let Outcome::Respond(h) = s.handle(&req(Method::Head, &path), T0, id(9)) else {
        panic!()
    };
    assert_eq!(h.headers.get("Cache-Control"), Some("no-store"));
    assert_eq!(h.headers.get("Upload-Length"), Some("10"));
    assert_eq!(write(&mut s, &path, 0, b"hello", None).status, 204);
    let r = write(&mut s, &path, 5, b"world", None);
    assert_eq!(
        (r.status, r.headers.get("Upload-Offset")),
        (204, Some("10"))
    );
    assert_eq!(
        r.headers.get("Upload-Expires"),
        None,
        "finished uploads do not expire"
    );
    assert!(matches!(
        s.handle(&req(Method::Get, &path), T0, id(9)),
        Outcome::Download { length: 10, .. }
    ));
}

#[test]
fn offset_mismatch_is_409_and_changes_nothing() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    let r = write(&mut s, &path, 3, b"abc", None);
    assert_eq!((r.status, r.headers.get("Upload-Offset")), (409, Some("0")));
    assert_eq!(offset_of(&mut s, &path), 0);
}

#[test]
fn malformed_headers_are_400_415_413() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    for bad in ["-1", "+0", " 0", "0x0", "", "99999999999999999999999"] {
        let mut r = patch(0, b"a").header("Upload-Offset", bad);
        r.path = path.clone();
        assert_eq!(status(&s.handle(&r, T0, id(9))), 400, "{bad:?}");
    }
    let mut r = patch(0, b"a").header("Content-Type", "application/octet-stream");
    r.path = path.clone();
    assert_eq!(status(&s.handle(&r, T0, id(9))), 415);
    let mut r = patch(0, &[0; 11]);
    r.path = path.clone();
    assert_eq!(status(&s.handle(&r, T0, id(9))), 413);
    let mut r = patch(0, b"a");
    r.path = path.clone();
    r.headers.0.push(("upload-offset".into(), "0".into()));
    assert_eq!(status(&s.handle(&r, T0, id(9))), 400, "repeated header");
    let post = |h: &[(&str, &str)]| {
        let mut r = req(Method::Post, "/files/");
        h.iter().for_each(|(k, v)| r.headers.set(k, *v));
        r
    };
    assert_eq!(
        status(&s.handle(&post(&[("Upload-Length", "1001")]), T0, id(2))),
        413
    );
    assert_eq!(
        status(&s.handle(&post(&[("Upload-Length", "ten")]), T0, id(2))),
        400
    );
    assert_eq!(status(&s.handle(&post(&[]), T0, id(2))), 400);
    assert_eq!(
        status(&s.handle(&post(&[("Upload-Defer-Length", "2")]), T0, id(2))),
        400
    );
    let both = post(&[("Upload-Length", "1"), ("Upload-Defer-Length", "1")]);
    assert_eq!(status(&s.handle(&both, T0, id(2))), 400);
    let meta = post(&[("Upload-Length", "1"), ("Upload-Metadata", "a b c")]);
    assert_eq!(status(&s.handle(&meta, T0, id(2))), 400);
}

#[test]
fn unknown_and_traversal_paths_are_404() {
    let mut s = server();
    for p in [
        "/files/../../etc/passwd",
        "/files/%2e%2e%2fsecret",
        "/files/abc",
        "/files//",
        "/files/a/b",
    ] {
        assert_eq!(
            status(&s.handle(&req(Method::Head, p), T0, id(1))),
            404,
            "{p}"
        );
    }
    assert_eq!(
        status(&s.handle(&req(Method::Head, &format!("/files/{}", id(7))), T0, id(1))),
        404
    );
    assert_eq!(
        status(&s.handle(&req(Method::Other("PUT".into()), "/files/"), T0, id(1))),
        405
    );
}

#[test]
fn second_writer_is_locked_out() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    let mut r = patch(0, b"abc");
    r.path = path.clone();
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    assert_eq!(status(&s.handle(&r, T0, id(9))), 423);
    assert_eq!(
        status(&s.handle(&req(Method::Delete, &path), T0, id(9))),
        423
    );
    assert_eq!(
        offset_of(&mut s, &path),
        0,
        "HEAD reports only committed bytes"
    );
    let f = s.finish_body(plan, 3, BodyEnd::Complete, T0);
    assert_eq!(s.commit(f, true).status, 204);
    assert_eq!(write(&mut s, &path, 3, b"d", None).status, 204);
}

#[test]
fn checksums_verify_or_discard() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    let good = Checksum::of(ChecksumAlgorithm::Sha1, b"hello").header_value();
    let bad = Checksum::of(ChecksumAlgorithm::Sha1, b"jello").header_value();
    let r = write(&mut s, &path, 0, b"hello", Some(&bad));
    assert_eq!((r.status, r.headers.get("Upload-Offset")), (460, Some("0")));
    assert_eq!(write(&mut s, &path, 0, b"hello", Some(&good)).status, 204);
    let md5 = Checksum::of(ChecksumAlgorithm::Md5, b"wo").header_value();
    assert_eq!(write(&mut s, &path, 5, b"wo", Some(&md5)).status, 204);
    let sha256 = Checksum::of(ChecksumAlgorithm::Sha256, b"rld").header_value();
    assert_eq!(write(&mut s, &path, 7, b"rld", Some(&sha256)).status, 204);
    let path = create(&mut s, 2, 10);
    assert_eq!(
        write(&mut s, &path, 0, b"x", Some("blake3 AAAAAA==")).status,
        400
    );
    assert_eq!(
        write(&mut s, &path, 0, b"x", Some("sha1 not-base64")).status,
        400
    );
}

#[test]
fn broken_bodies_keep_what_arrived_unless_checksummed() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    let mut r = patch(0, b"hello");
    r.path = path.clone();
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    let f = s.finish_body(plan, 3, BodyEnd::Interrupted, T0);
    assert_eq!(f.keep, 3);
    s.commit(f, true);
    assert_eq!(offset_of(&mut s, &path), 3);
    r.headers.set("Upload-Offset", "3");
    r.headers.set(
        "Upload-Checksum",
        Checksum::of(ChecksumAlgorithm::Sha1, b"lo").header_value(),
    );
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    let f = s.finish_body(plan, 1, BodyEnd::Interrupted, T0);
    assert_eq!((f.keep, f.offset), (0, 3));
    s.commit(f, true);
    assert_eq!(offset_of(&mut s, &path), 3);
    // A failed fsync publishes nothing.
    r.headers.0.retain(|(k, _)| k != "Upload-Checksum");
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
    assert_eq!(s.commit(f, false).status, 500);
    assert_eq!(offset_of(&mut s, &path), 3);
    // Broken framing keeps nothing, even unchecked.
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    let f = s.finish_body(plan, 2, BodyEnd::Malformed, T0);
    assert_eq!((f.keep, s.commit(f, true).status), (0, 400));
    assert_eq!(offset_of(&mut s, &path), 3);
}

#[test]
fn expiration_gives_410_and_sweeps() {
    let mut s = Server::new(ServerConfig {
        expire_after: Some(Duration::from_secs(10)),
        ..ServerConfig::default()
    });
    let path = create(&mut s, 1, 10);
    let done = create(&mut s, 2, 1);
    assert_eq!(write(&mut s, &done, 0, b"x", None).status, 204);
    let later = T0.saturating_add(Duration::from_secs(11));
    assert_eq!(
        status(&s.handle(&req(Method::Head, &path), later, id(9))),
        410
    );
    assert_eq!(s.take_expired(later), vec![id(1)]);
    assert_eq!(
        status(&s.handle(&req(Method::Head, &path), later, id(9))),
        404
    );
    assert_eq!(
        status(&s.handle(&req(Method::Head, &done), later, id(9))),
        200
    );
}

#[test]
fn deferred_length_and_creation_with_upload() {
    let mut s = server();
    let path = create_deferred(&mut s, 1);
    let Outcome::Respond(h) = s.handle(&req(Method::Head, &path), T0, id(9)) else {
        panic!()
    };
    assert_eq!(h.headers.get("Upload-Defer-Length"), Some("1"));
    let mut r = patch(0, b"ab").header("Upload-Length", "2");
    r.path = path.clone();
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
        panic!()
    };
    let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
    s.commit(f, true);
    assert!(s.get(id(1)).unwrap().is_complete());

    let r = req(Method::Post, "/files/")
        .header("Upload-Length", "4")
        .header("Content-Type", OFFSET_OCTET_STREAM)
        .header("Content-Length", "2")
        .header("Host", "h");
    let Outcome::ReadBody(plan) = s.handle(&r, T0, id(2)) else {
        panic!()
    };
    assert_eq!(plan.created.as_ref().map(|i| i.offset), Some(0));
    let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
    let r = s.commit(f, true);
    assert_eq!((r.status, r.headers.get("Upload-Offset")), (201, Some("2")));
    assert_eq!(
        r.headers.get("Location"),
        Some(format!("http://h/files/{}", id(2)).as_str())
    );
}

#[test]
fn method_override_counts_on_a_post_only() {
    let mut s = server();
    let path = create(&mut s, 1, 2);
    assert_eq!(write(&mut s, &path, 0, b"ab", None).status, 204);
    let with = |m: Method, over: &str| req(m, &path).header("X-HTTP-Method-Override", over);
    // A HEAD stays a HEAD: a download's bytes would follow an answer that has no body.
    let o = s.handle(&with(Method::Head, "GET"), T0, id(9));
    assert!(
        matches!(&o, Outcome::Respond(r) if r.status == 200),
        "{o:?}"
    );
    // A read cannot delete.
    for m in [Method::Head, Method::Get] {
        let o = s.handle(&with(m, "DELETE"), T0, id(9));
        assert!(!matches!(o, Outcome::Delete { .. }), "{o:?}");
    }
    // A POST stands for the method it names (tus-js-client's `overridePatchMethod`).
    let other = create(&mut s, 2, 1);
    let mut p = patch(0, b"x").header("X-HTTP-Method-Override", "PATCH");
    (p.method, p.path) = (Method::Post, other);
    let Outcome::ReadBody(plan) = s.handle(&p, T0, id(9)) else {
        panic!("a POST standing for PATCH reads its body")
    };
    let f = s.finish_body(plan, 1, BodyEnd::Complete, T0);
    assert_eq!(s.commit(f, true).status, 204);
    let o = s.handle(&with(Method::Post, "GET"), T0, id(9));
    assert!(matches!(o, Outcome::Download { length: 2, .. }), "{o:?}");
    let o = s.handle(&with(Method::Post, "DELETE"), T0, id(9));
    assert!(matches!(o, Outcome::Delete { .. }), "{o:?}");
}

#[test]
fn a_refused_body_declares_no_length() {
    let mut s = server();
    let path = create_deferred(&mut s, 1);
    let sha1_of_hello = "sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=";
    let send = |s: &mut Server, body: &[u8], length: &str, arrived: u64| {
        let mut r = patch(0, body)
            .header("Upload-Length", length)
            .header("Upload-Checksum", sha1_of_hello);
        r.path = path.clone();
        let Outcome::ReadBody(mut plan) = s.handle(&r, T0, id(9)) else {
            panic!("a body is read")
        };
        plan.update(&body[..arrived as usize]);
        let end = match arrived == body.len() as u64 {
            true => BodyEnd::Complete,
            false => BodyEnd::Interrupted,
        };
        let f = s.finish_body(plan, arrived, end, T0);
        s.commit(f, true).status
    };
    assert_eq!(send(&mut s, b"world", "7", 5), 460);
    assert_eq!(s.get(id(1)).unwrap().length, None, "a 460 fixes no length");
    assert_eq!(send(&mut s, b"hello", "8", 2), 400);
    assert_eq!(s.get(id(1)).unwrap().length, None, "nor does a broken body");
    assert_eq!(send(&mut s, b"hello", "5", 5), 204);
    assert_eq!(s.get(id(1)).unwrap().length, Some(5));
    assert!(s.get(id(1)).unwrap().is_complete());
}

#[test]
fn termination() {
    let mut s = server();
    let path = create(&mut s, 1, 10);
    assert!(matches!(
        s.handle(&req(Method::Delete, &path), T0, id(9)),
        Outcome::Delete { .. }
    ));
    assert_eq!(status(&s.handle(&req(Method::Head, &path), T0, id(9))), 404);
}

#[test]
fn concatenation() {
    let mut s = server();
    let partial = |_: u8| {
        req(Method::Post, "/files/")
            .header("Upload-Length", "2")
            .header("Upload-Concat", "partial")
    };
    assert_eq!(status(&s.handle(&partial(1), T0, id(1))), 201);
    assert_eq!(status(&s.handle(&partial(2), T0, id(2))), 201);
    let (a, b) = (format!("/files/{}", id(1)), format!("/files/{}", id(2)));
    let fin =
        req(Method::Post, "/files/").header("Upload-Concat", format!("final;{a} http://x{b}"));
    assert_eq!(status(&s.handle(&fin, T0, id(3))), 400, "parts unfinished");
    write(&mut s, &a, 0, b"ab", None);
    write(&mut s, &b, 0, b"cd", None);
    let Outcome::Concatenate { info, parts, .. } = s.handle(&fin, T0, id(3)) else {
        panic!()
    };
    assert_eq!((info.length, info.offset, parts.len()), (Some(4), 4, 2));
    let c = format!("/files/{}", id(3));
    let Outcome::Respond(h) = s.handle(&req(Method::Head, &c), T0, id(9)) else {
        panic!()
    };
    assert_eq!(
        h.headers.get("Upload-Concat"),
        Some(format!("final;{a} {b}").as_str())
    );
    assert_eq!(write(&mut s, &c, 4, b"", None).status, 403);
    let bad = req(Method::Post, "/files/").header("Upload-Concat", "final;/files/zz");
    assert_eq!(status(&s.handle(&bad, T0, id(4))), 400);
}

/// One step a test driver can take against the server and its (simulated) disk.
#[derive(Debug, Clone)]
enum Op {
    Patch {
        upload: usize,
        len: usize,
        at_offset: bool,
        arrive: usize,
        checksum: Option<bool>,
        /// The process dies once the bytes arrived, before `finish_body`.
        crash: bool,
    },
    Crash,
    Head {
        upload: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let patch = (
        0..3usize,
        0..40usize,
        prop::bool::weighted(0.8),
        0..50usize,
        prop::option::of(any::<bool>()),
        prop::bool::weighted(0.1),
    );
    prop_oneof![
        6 => patch.prop_map(|(upload, len, at_offset, arrive, checksum, crash)| {
            Op::Patch { upload, len, at_offset, arrive, checksum, crash }
        }),
        1 => Just(Op::Crash),
        2 => (0..3usize).prop_map(|upload| Op::Head { upload }),
    ]
}

/// The byte at position `i` of upload `u`: deterministic, so any stored byte can be checked.
fn byte(u: usize, i: u64) -> u8 {
    (i as u8).wrapping_mul(31).wrapping_add(u as u8 * 7)
}

/// One upload on the simulated disk: its record, its bytes (possibly past the offset) and,
/// once it has had a checksummed body, its acknowledged offset kept apart from the record.
type Stored = (UploadInfo, Vec<u8>, Option<u64>);

/// A restart: a new server that finds each upload's record with its acknowledged offset, or
/// else its byte count, and bytes past it cut off (what `looplab serve` does).
fn restart(disk: &mut [Stored]) -> Server {
    let mut s = server();
    for (record, data, acked) in disk {
        let offset = acked.map_or(data.len() as u64, |a| a.min(data.len() as u64));
        data.truncate(offset as usize);
        s.restore(UploadInfo {
            offset,
            ..record.clone()
        });
    }
    s
}

proptest! {
    /// Against a simulated disk that writes every body in place as it arrives (a checksummed
    /// one too, once the acknowledged offset is kept, and one whose bytes are damaged on the
    /// way), with crashes between and in the middle of requests: the offset a client is told
    /// never decreases, and every byte under an offset is there and correct.
    #[test]
    fn offsets_never_decrease_and_acked_bytes_survive(ops in prop::collection::vec(op(), 1..60)) {
        const LEN: u64 = 100;
        let mut s = server();
        let mut disk: Vec<Stored> = Vec::new();
        let mut acked = [0u64; 3];
        for u in 0..3 {
            create(&mut s, u as u8, LEN);
            disk.push((s.get(id(u as u8)).unwrap().clone(), Vec::new(), None));
        }
        for op in ops {
            match op {
                Op::Patch { upload, len, at_offset, arrive, checksum, crash } => {
                    let cur = s.get(id(upload as u8)).unwrap().offset;
                    let offset = if at_offset { cur } else { cur + 1 };
                    let len = (len as u64).min(LEN - offset.min(LEN));
                    let body: Vec<u8> = (offset..offset + len).map(|i| byte(upload, i)).collect();
                    let mut r = patch(offset, &body);
                    r.path = format!("/files/{}", id(upload as u8));
                    if let Some(good) = checksum {
                        let mut sent = body.clone();
                        if !good { sent.push(0) }
                        r.headers.set("Upload-Checksum", Checksum::of(ChecksumAlgorithm::Sha1, &sent).header_value());
                    }
                    match s.handle(&r, T0, id(99)) {
                        Outcome::ReadBody(mut plan) => {
                            let got = (arrive as u64).min(len);
                            let mut arrived = body[..got as usize].to_vec();
                            if checksum == Some(false) {
                                arrived.iter_mut().for_each(|b| *b = !*b);
                            }
                            let (record, data, acked_offset) = &mut disk[upload];
                            if plan.is_checksummed() {
                                acked_offset.get_or_insert(plan.offset);
                            }
                            data.truncate(plan.offset as usize);
                            data.extend_from_slice(&arrived);
                            if crash {
                                s = restart(&mut disk);
                                continue;
                            }
                            plan.update(&arrived);
                            let end = if got == len { BodyEnd::Complete } else { BodyEnd::Interrupted };
                            let f = s.finish_body(plan, got, end, T0);
                            data.truncate((f.offset + f.keep) as usize);
                            if let (true, Some(a)) = (f.keep > 0, acked_offset.as_mut()) { *a = f.offset + f.keep; }
                            if let (true, Some(new)) = (f.record_changed, &f.info) { *record = new.clone(); }
                            let resp = s.commit(f, true);
                            let told: u64 = resp.headers.get("Upload-Offset").unwrap().parse().unwrap();
                            prop_assert!(told >= acked[upload]);
                            if resp.status == 204 { acked[upload] = told; }
                        }
                        Outcome::Respond(r) => prop_assert!(matches!(r.status, 409 | 413), "{}", r.status),
                        o => prop_assert!(false, "unexpected {:?}", o),
                    }
                }
                Op::Crash => s = restart(&mut disk),
                Op::Head { upload } => {
                    let o = offset_of(&mut s, &format!("/files/{}", id(upload as u8)));
                    prop_assert!(o >= acked[upload]);
                    acked[upload] = o;
                }
            }
            for (u, (_, data, _)) in disk.iter().enumerate() {
                let offset = s.get(id(u as u8)).unwrap().offset;
                prop_assert!(offset >= acked[u]);
                prop_assert!(data.len() as u64 >= offset);
                for i in 0..offset {
                    prop_assert_eq!(data[i as usize], byte(u, i));
                }
            }
        }
    }
}
