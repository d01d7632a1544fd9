//! The playground's static files (the `dist` build), read-only and confined to their root.
use std::fs::File;
use std::path::{Component, Path, PathBuf};

use looplab_upload::{Method, Response};

use super::http::{Conn, Head};

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
        let Ok(mut file) = File::open(&path) else {
            return super::reply(conn, &head, Response::new(404).text("not found"));
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let r = Response::new(200)
            .header("Content-Type", content_type(&path))
            .header("Content-Length", len.to_string())
            .header("Cache-Control", "no-cache");
        let keep = super::discard_body(conn, &head);
        let mut ok = conn.write_response(&r, !keep, true).is_ok();
        if ok {
            ok = conn.stream(&mut file, len).is_ok();
        }
        (200, keep && ok)
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
        let real = out.canonicalize().ok()?;
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
