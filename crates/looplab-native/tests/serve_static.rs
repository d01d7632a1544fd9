//! `looplab serve --static`: which copy of a file goes out for an `Accept-Encoding`, and the
//! headers that let a browser or a CDN cache the page (Vary, Cache-Control, ETag and 304).
#[path = "upload/common/mod.rs"]
mod common;

use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use common::*;

const WASM: &str = "app_bg-0123456789abcdef.wasm";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A server whose static directory holds a hashed wasm with a brotli and a gzip copy (each
/// with its own bytes, so the body tells which copy came), and an index.html with a gzip copy.
fn server(name: &str) -> (TempDir, Server, PathBuf) {
    let dir = TempDir::new(name);
    let s = Server::start(&dir.join("data"), 0, &[]);
    let root = s.data.with_extension("static");
    std::fs::write(root.join(WASM), b"\0asm raw module bytes").unwrap();
    std::fs::write(root.join(format!("{WASM}.br")), b"brotli copy").unwrap();
    std::fs::write(root.join(format!("{WASM}.gz")), b"gzip copy!!!").unwrap();
    std::fs::write(root.join("index.html.gz"), b"gzipped index").unwrap();
    (dir, s, root)
}

/// An `Accept-Encoding` (or none), and the status, `Content-Encoding` and body it gets.
type Case = (
    Option<&'static str>,
    u16,
    Option<&'static str>,
    &'static [u8],
);

fn get(s: &Server, path: &str, headers: &[(&str, &str)]) -> Resp {
    request(&s.addr, "GET", path, headers, b"").unwrap()
}

#[test]
fn sends_the_smallest_copy_the_client_takes() {
    let (_d, s, _root) = server("static-coding");
    let cases: &[Case] = &[
        // What Chromium sends: brotli first among equals.
        (
            Some("gzip, deflate, br, zstd"),
            200,
            Some("br"),
            b"brotli copy",
        ),
        (Some("br"), 200, Some("br"), b"brotli copy"),
        (Some("gzip"), 200, Some("gzip"), b"gzip copy!!!"),
        (Some("br;q=0.5, gzip"), 200, Some("gzip"), b"gzip copy!!!"),
        (Some("br;q=0, gzip"), 200, Some("gzip"), b"gzip copy!!!"),
        (None, 200, None, b"\0asm raw module bytes"),
        (Some("identity"), 200, None, b"\0asm raw module bytes"),
        (
            Some("br;q=0, gzip;q=0"),
            200,
            None,
            b"\0asm raw module bytes",
        ),
        (Some("br;q=0, gzip;q=0, identity;q=0"), 406, None, b""),
        (Some("*;q=0"), 406, None, b""),
    ];
    for &(accept, status, coding, body) in cases {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("Accept-Encoding", a)).into_iter().collect();
        let r = get(&s, &format!("/{WASM}"), &headers);
        assert_eq!(r.status, status, "{accept:?}: {r:?}");
        assert_eq!(r.header("Content-Encoding"), coding, "{accept:?}");
        assert_eq!(r.header("Vary"), Some("Accept-Encoding"), "{accept:?}");
        if status == 200 {
            assert_eq!(r.body, body, "{accept:?}");
            assert_eq!(r.header("Content-Length"), Some(&*body.len().to_string()));
            // The type of what the bytes decode to, whatever the coding.
            assert_eq!(
                r.header("Content-Type"),
                Some("application/wasm"),
                "{accept:?}"
            );
        }
    }
}

#[test]
fn a_file_without_copies_goes_as_it_is_and_does_not_vary() {
    let (_d, s, root) = server("static-plain");
    std::fs::write(root.join("notes.txt"), b"plain").unwrap();
    let r = get(&s, "/notes.txt", &[("Accept-Encoding", "br, gzip")]);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"plain");
    assert_eq!(r.header("Content-Encoding"), None);
    assert_eq!(r.header("Vary"), None);
    assert_eq!(r.header("Content-Type"), Some("text/plain; charset=utf-8"));
    // Only a gzip copy: a brotli-only client gets the file itself.
    let r = get(&s, "/", &[("Accept-Encoding", "br")]);
    assert_eq!((r.status, r.header("Content-Encoding")), (200, None));
    assert_eq!(r.body, b"<!doctype html><title>Looplab</title>");
}

#[test]
fn hashed_names_are_kept_for_a_year_and_the_entry_is_revalidated() {
    let (_d, s, root) = server("static-cache");
    let r = get(&s, &format!("/{WASM}"), &[]);
    assert_eq!(r.header("Cache-Control"), Some(IMMUTABLE));
    for path in ["/", "/index.html"] {
        let r = get(&s, path, &[("Accept-Encoding", "gzip")]);
        assert_eq!(r.header("Cache-Control"), Some("no-cache"), "{path}");
        assert_eq!(r.header("Content-Encoding"), Some("gzip"), "{path}");
        assert_eq!(r.header("Content-Type"), Some("text/html; charset=utf-8"));
    }
    // A name that only looks hashed in part is not.
    std::fs::write(root.join("app-0123.js"), b"x").unwrap();
    let r = get(&s, "/app-0123.js", &[]);
    assert_eq!(r.header("Cache-Control"), Some("no-cache"));
}

#[test]
fn a_current_etag_gets_304_without_a_body() {
    let (_d, s, root) = server("static-etag");
    let path = format!("/{WASM}");
    let br = get(&s, &path, &[("Accept-Encoding", "br")]);
    let gz = get(&s, &path, &[("Accept-Encoding", "gzip")]);
    let tag = br.header("ETag").expect("ETag").to_owned();
    assert!(tag.starts_with('"') && tag.ends_with('"'), "{tag}");
    assert_ne!(Some(tag.as_str()), gz.header("ETag"), "one tag per coding");

    // Two requests on one connection: the 304 has no body, so the next answer follows it.
    let mut c = TcpStream::connect(&s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let ask = |tag: &str| {
        format!(
            "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nIf-None-Match: {tag}\r\n\r\n"
        )
    };
    c.write_all(format!("{}{}", ask(&format!("W/{tag}")), ask("\"other\"")).as_bytes())
        .unwrap();
    let mut r = BufReader::new(c);
    let not_modified = read_response(&mut r).unwrap();
    assert_eq!(not_modified.status, 304, "{not_modified:?}");
    assert_eq!(not_modified.header("ETag"), Some(tag.as_str()));
    assert_eq!(not_modified.header("Cache-Control"), Some(IMMUTABLE));
    assert_eq!(not_modified.header("Vary"), Some("Accept-Encoding"));
    assert_eq!(not_modified.header("Content-Length"), None);
    let full = read_response(&mut r).unwrap();
    assert_eq!((full.status, &full.body[..]), (200, &b"brotli copy"[..]));

    assert_eq!(
        get(
            &s,
            &path,
            &[("Accept-Encoding", "br"), ("If-None-Match", "*")]
        )
        .status,
        304
    );
    // The gzip copy's tag does not stand for the brotli copy.
    let stale = get(
        &s,
        &path,
        &[("Accept-Encoding", "gzip"), ("If-None-Match", &tag)],
    );
    assert_eq!(stale.status, 200);
    // A rebuilt file has a new tag.
    std::fs::write(root.join(format!("{WASM}.br")), b"a new brotli copy").unwrap();
    let rebuilt = get(
        &s,
        &path,
        &[("Accept-Encoding", "br"), ("If-None-Match", &tag)],
    );
    assert_eq!(
        (rebuilt.status, &rebuilt.body[..]),
        (200, &b"a new brotli copy"[..])
    );
}

#[test]
fn a_head_has_the_get_headers_and_no_body() {
    let (_d, s, _root) = server("static-head");
    let mut c = TcpStream::connect(&s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let ask = |method: &str| {
        format!("{method} /{WASM} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n")
    };
    c.write_all(format!("{}{}", ask("HEAD"), ask("GET")).as_bytes())
        .unwrap();
    let mut r = BufReader::new(c);
    let head = read_head(&mut r).unwrap();
    let get = read_response(&mut r).unwrap();
    assert_eq!(head.status, 200);
    assert_eq!(
        head.header("Content-Length"),
        Some("11"),
        "the brotli copy's length"
    );
    for name in [
        "Content-Encoding",
        "Content-Type",
        "ETag",
        "Cache-Control",
        "Vary",
    ] {
        assert_eq!(head.header(name), get.header(name), "{name}");
    }
    assert_eq!(get.body, b"brotli copy");
}

#[cfg(unix)]
#[test]
fn a_copy_that_links_out_of_the_root_is_not_sent() {
    let (d, s, root) = server("static-link");
    let secret = d.join("secret");
    std::fs::write(&secret, b"outside the root").unwrap();
    std::fs::write(root.join("app.js"), b"inside").unwrap();
    std::os::unix::fs::symlink(&secret, root.join("app.js.br")).unwrap();
    let r = get(&s, "/app.js", &[("Accept-Encoding", "br")]);
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"inside");
    assert_eq!(r.header("Content-Encoding"), None);
    // Nor by its own name.
    assert_eq!(get(&s, "/app.js.br", &[]).status, 404);
}
