//! A small HTTP/1.1 client on std sockets: one request at a time per connection, bodies sent
//! straight from the file in slices (so progress and Ctrl-C are seen mid-body), keep-alive
//! reuse.
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use looplab_upload::{ClientRequest, Headers, Response};

/// `http://host:port/path`, split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// `host:port`, as connected to and sent in `Host`.
    pub authority: String,
    pub path: String,
}

impl Url {
    pub fn parse(url: &str) -> io::Result<Self> {
        let rest = url.strip_prefix("http://").ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{url}: only http:// URLs are supported"),
            )
        })?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{url}: no host"),
            ));
        }
        let authority = if authority.contains(':') && !authority.ends_with(']') {
            authority.to_owned()
        } else {
            format!("{authority}:80")
        };
        Ok(Self {
            authority,
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
        })
    }
}

#[derive(Debug)]
pub struct Connection {
    authority: String,
    reader: BufReader<TcpStream>,
}

const TIMEOUT: Duration = Duration::from_secs(60);
/// Body bytes written per call, between progress reports and interrupt checks.
const SLICE: u64 = 256 << 10;

impl Connection {
    pub fn open(authority: &str) -> io::Result<Self> {
        let addr = authority.to_socket_addrs()?.next().ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, format!("{authority}: no address"))
        })?;
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(TIMEOUT))?;
        stream.set_write_timeout(Some(TIMEOUT))?;
        Ok(Self {
            authority: authority.to_owned(),
            reader: BufReader::with_capacity(64 << 10, stream),
        })
    }

    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// Sends `req` with its body, `req.body`'s range of `file` (then call `read_response`).
    /// `on_sent` gets the body bytes written so far; if `stop` is set mid-body, the
    /// connection is shut down (the server keeps what arrived).
    pub fn send(
        &mut self,
        req: &ClientRequest,
        path: &str,
        extra: &Headers,
        file: &File,
        stop: &AtomicBool,
        mut on_sent: impl FnMut(u64),
    ) -> io::Result<()> {
        let (start, len) = req.body.map_or((0, 0), |r| (r.start, r.end - r.start));
        let mut head = format!(
            "{} {path} HTTP/1.1\r\nHost: {}\r\n",
            req.method, self.authority
        );
        for (k, v) in req.headers.iter().chain(extra.iter()) {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if req.body.is_some() {
            head.push_str(&format!("Content-Length: {len}\r\n"));
        }
        head.push_str("\r\n");
        let stream = self.reader.get_mut();
        stream.write_all(head.as_bytes())?;
        let mut sent = 0;
        while sent < len {
            if stop.load(Ordering::SeqCst) {
                let _ = stream.shutdown(Shutdown::Both);
                return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
            }
            let n = send_file(stream, file, start + sent, SLICE.min(len - sent))?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file is shorter than when the upload began",
                ));
            }
            sent += n;
            on_sent(sent);
        }
        Ok(())
    }

    /// The response to the request sent, and whether the connection can be reused.
    pub fn read_response(&mut self, head_only: bool) -> io::Result<(Response, bool)> {
        let mut raw = Vec::new();
        loop {
            let before = raw.len();
            (&mut self.reader)
                .take(16 << 10)
                .read_until(b'\n', &mut raw)?;
            if raw.len() == before {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            if raw.ends_with(b"\r\n\r\n") || raw.ends_with(b"\n\n") {
                break;
            }
        }
        let mut storage = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Response::new(&mut storage);
        parsed
            .parse(&raw)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let status = parsed.code.unwrap_or(0);
        let mut r = Response::new(status);
        for h in parsed.headers.iter() {
            r.headers.0.push((
                h.name.to_owned(),
                String::from_utf8_lossy(h.value).trim().to_owned(),
            ));
        }
        if (100..200).contains(&status) {
            return self.read_response(head_only);
        }
        let mut reusable = !r
            .headers
            .get("Connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"));
        let no_body = head_only || status == 204 || status == 304;
        if !no_body {
            if let Some(len) = r
                .headers
                .get("Content-Length")
                .and_then(looplab_upload::parse_u64)
            {
                (&mut self.reader)
                    .take(len.min(1 << 20))
                    .read_to_end(&mut r.body)?;
                reusable &= len <= 1 << 20;
            } else if r
                .headers
                .get("Transfer-Encoding")
                .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
            {
                self.read_chunked(&mut r.body)?;
            } else {
                (&mut self.reader).take(1 << 20).read_to_end(&mut r.body)?;
                reusable = false;
            }
        }
        Ok((r, reusable))
    }

    fn read_chunked(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        loop {
            let mut line = String::new();
            (&mut self.reader).take(1024).read_line(&mut line)?;
            let size = usize::from_str_radix(line.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
            if size == 0 {
                loop {
                    line.clear();
                    (&mut self.reader).take(8192).read_line(&mut line)?;
                    if line.trim().is_empty() {
                        return Ok(());
                    }
                }
            }
            if out.len() + size > 1 << 20 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "response body too large",
                ));
            }
            let start = out.len();
            out.resize(start + size + 2, 0);
            self.reader.read_exact(&mut out[start..])?;
            out.truncate(start + size);
        }
    }
}

/// Writes up to `len` bytes of `file` from `at` to the socket; returns how many (0 at the end
/// of the file). On Linux with sendfile: from the page cache to the socket, never through
/// this process (std's `io::copy` will not do that for a socket, since a later change to the
/// file could still reach the wire; a changed file fails its checksum here anyway).
#[cfg(target_os = "linux")]
fn send_file(stream: &mut TcpStream, file: &File, at: u64, len: u64) -> io::Result<u64> {
    let mut offset = i64::try_from(at).map_err(|_| io::ErrorKind::InvalidInput)?;
    let mut sent = 0;
    while sent < len {
        let want = (len - sent) as usize;
        match nix::sys::sendfile::sendfile(&*stream, file, Some(&mut offset), want) {
            Ok(0) => break,
            Ok(n) => sent += n as u64,
            Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(sent)
}

#[cfg(not(target_os = "linux"))]
fn send_file(stream: &mut TcpStream, file: &File, at: u64, len: u64) -> io::Result<u64> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; len as usize];
    let n = file.read_at(&mut buf, at)?;
    stream.write_all(&buf[..n])?;
    Ok(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_urls() {
        let u = Url::parse("http://127.0.0.1:8080/files/abc").unwrap();
        assert_eq!(
            (u.authority.as_str(), u.path.as_str()),
            ("127.0.0.1:8080", "/files/abc")
        );
        assert_eq!(
            Url::parse("http://example").unwrap().authority,
            "example:80"
        );
        assert!(Url::parse("https://x/").is_err());
        assert!(Url::parse("http:///x").is_err());
    }
}
