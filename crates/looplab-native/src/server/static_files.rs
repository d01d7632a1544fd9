//! The playground's static files (the `dist` build), read-only and confined to their root.
//!
//! Each file goes out in the smallest coding the client takes (its `.br` or `.gz` copy beside
//! it, `content_coding.rs`), with an ETag (`etag.rs`) and a cache lifetime by its name: a
//! content-hashed name (`style-0123456789abcdef.css`, see `is_content_hashed`) never changes,
//! so browsers and CDNs keep it for a year without asking; anything else (index.html) is
//! revalidated on every use, so a new build shows at the next load.
use std::fs::File;
use std::path::{Component, Path, PathBuf};

use looplab_upload::{Method, Response};

use super::content_coding::{self, ContentCoding};
use super::etag;
use super::http::{Conn, Head};

/// For names that carry their content's hash: a year, the most RFC 9111 caches are told to
/// expect, and `immutable` so a reload does not revalidate either.
pub const CACHE_HASHED: &str = "public, max-age=31536000, immutable";
/// For the rest: use it only after asking (a 304 costs a round trip, not the bytes).
pub const CACHE_REVALIDATE: &str = "no-cache";
/// Hex digits of the hash in a hashed name; `cargo xtask build` writes this many.
const HASH_DIGITS: usize = 16;

#[derive(Debug)]
pub struct StaticFiles {
    root: PathBuf,
}

impl StaticFiles {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
        }
    }

    pub fn handle(&self, conn: &mut Conn, head: Head) -> (u16, bool) {
        if !matches!(head.request.method, Method::Get | Method::Head) {
            return super::reply(
                conn,
                &head,
                Response::new(405)
                    .header("Allow", "GET, HEAD")
                    .text("read-only"),
            );
        }
        let Some(path) = self.resolve(&head.request.path) else {
            return super::reply(conn, &head, Response::new(404).text("not found"));
        };
        let headers = |name: &str| {
            head.request
                .headers
                .0
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        let copy = |coding: ContentCoding| match coding.file_suffix() {
            None => Some(path.clone()),
            Some(suffix) => self.copy_of(&path, suffix),
        };
        let copies: Vec<(ContentCoding, PathBuf)> = ContentCoding::PREFERENCE
            .into_iter()
            .filter_map(|c| Some((c, copy(c)?)))
            .collect();
        // Caches must keep one answer per Accept-Encoding once there is more than one copy.
        let varies = copies.len() > 1;
        let vary = |r: Response| {
            if varies {
                r.header("Vary", "Accept-Encoding")
            } else {
                r
            }
        };
        let Some((coding, chosen)) = content_coding::negotiate(&headers("Accept-Encoding"), |c| {
            copies.iter().any(|(have, _)| *have == c)
        })
        .and_then(|c| copies.into_iter().find(|(have, _)| *have == c)) else {
            return super::reply(
                conn,
                &head,
                vary(Response::new(406).text("no acceptable content coding")),
            );
        };
        let Ok(mut file) = File::open(&chosen) else {
            return super::reply(conn, &head, Response::new(404).text("not found"));
        };
        let Ok(meta) = file.metadata() else {
            return super::reply(conn, &head, Response::new(404).text("not found"));
        };
        let tag = etag::etag(&meta, coding);
        let mut r = vary(Response::new(200))
            .header("ETag", tag.clone())
            .header("Cache-Control", cache_control(&path));
        if etag::none_match_hits(&headers("If-None-Match"), &tag) {
            // The client's copy is current: the same validators and caching, no body.
            r.status = 304;
            let keep = super::discard_body(conn, &head);
            let ok = conn.write_response(&r, !keep, true).is_ok();
            return (304, keep && ok);
        }
        let len = meta.len();
        r = r
            .header("Content-Type", content_type(&path))
            .header("Content-Length", len.to_string())
            .header("X-Content-Type-Options", "nosniff");
        if coding != ContentCoding::Identity {
            r = r.header("Content-Encoding", coding.token());
        }
        let keep = super::discard_body(conn, &head);
        let mut ok = conn.write_response(&r, !keep, true).is_ok();
        if ok {
            ok = conn.stream(&mut file, len).is_ok();
        }
        (200, keep && ok)
    }

    /// The precompressed copy of `file` (`x.wasm` + `.br`), under the same confinement as
    /// the file: a copy that is a link out of the root is not there.
    fn copy_of(&self, file: &Path, suffix: &str) -> Option<PathBuf> {
        let mut name = file.file_name()?.to_owned();
        name.push(suffix);
        self.confined(&file.with_file_name(name))
    }

    /// Maps a URL path to a file under the root: percent-decoded, then only normal
    /// components (no `..`, no absolute parts), then checked again after symlinks.
    fn resolve(&self, url_path: &str) -> Option<PathBuf> {
        let path = url_path.split(['?', '#']).next().unwrap_or_default();
        let decoded = percent_decode(path)?;
        let mut out = self.root.clone();
        for c in Path::new(decoded.trim_start_matches('/')).components() {
            match c {
                Component::Normal(part) => out.push(part),
                Component::CurDir => {}
                _ => return None,
            }
        }
        if out.is_dir() {
            out.push("index.html");
        }
        self.confined(&out)
    }

    /// `path` with links resolved, if that is a file inside the root.
    fn confined(&self, path: &Path) -> Option<PathBuf> {
        let real = path.canonicalize().ok()?;
        real.starts_with(self.root.canonicalize().ok()?)
            .then_some(real)
            .filter(|p| p.is_file())
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains(['\0', '\\'])).then_some(s)
}

/// `Cache-Control` for the file at `path`, by its name.
fn cache_control(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if is_content_hashed(name) {
        CACHE_HASHED
    } else {
        CACHE_REVALIDATE
    }
}

/// `<stem>-<16 lowercase hex digits>.<ext>`, the names `cargo xtask build` gives the page's
/// files: a new content is a new name, so the old one may be cached for good.
pub fn is_content_hashed(name: &str) -> bool {
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && hash.len() == HASH_DIGITS
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_by_their_shape() {
        assert!(is_content_hashed("looplab_web_bg-0123456789abcdef.wasm"));
        assert!(is_content_hashed("style-0123456789abcdef.css"));
        for name in [
            "index.html",
            "looplab_web.js",
            "style-0123456789ABCDEF.css",
            "style-0123456789abcde.css",
            "-0123456789abcdef.css",
            "a-0123456789abcdef",
        ] {
            assert!(!is_content_hashed(name), "{name}");
        }
    }

    #[test]
    fn stays_inside_the_root() {
        let root = std::env::temp_dir().join(format!("looplab-static-{}", std::process::id()));
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("index.html"), "hi").unwrap();
        std::fs::write(root.join("sub/a.js"), "x").unwrap();
        let s = StaticFiles::new(&root);
        assert!(s.resolve("/").unwrap().ends_with("index.html"));
        assert!(s.resolve("/sub/a.js?v=1").unwrap().ends_with("sub/a.js"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/sub/..%2f..%2fetc/passwd",
            "/%00",
            "/nope",
            "/%zz",
        ] {
            assert_eq!(s.resolve(bad), None, "{bad}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
