//! A small HTTP/1.1 client on std sockets: one request at a time per connection, bodies sent
//! straight from the file in slices (so progress and Ctrl-C are seen mid-body), keep-alive
//! reuse.
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use looplab_upload::{ChunkedDecoder, ClientRequest, Headers, Response};

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
/// Header lines a response may have; a tus answer has about 15.
const MAX_HEADERS: usize = 64;
/// Bytes a response head may take: the same bound as `looplab serve` puts on a request head.
const MAX_HEAD: usize = 16 << 10;
/// `1xx` answers skipped before the real one.
const MAX_INTERIM: usize = 8;
/// Bytes of a response body kept (a tus answer's body is a short reason).
const MAX_BODY: u64 = 1 << 20;

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

    /// The response to the request sent, and whether the connection can be reused. A server
    /// that sends more head than any answer needs (an endless one, say) gets an error, not
    /// this process's memory.
    pub fn read_response(&mut self, head_only: bool) -> io::Result<(Response, bool)> {
        let mut r = self.read_head()?;
        let mut interim = 0;
        while (100..200).contains(&r.status) {
            interim += 1;
            if interim > MAX_INTERIM {
                return Err(invalid("too many 1xx responses"));
            }
            r = self.read_head()?;
        }
        let status = r.status;
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
                    .take(len.min(MAX_BODY))
                    .read_to_end(&mut r.body)?;
                reusable &= len <= MAX_BODY;
            } else if r
                .headers
                .get("Transfer-Encoding")
                .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
            {
                self.read_chunked(&mut r.body)?;
            } else {
                (&mut self.reader).take(MAX_BODY).read_to_end(&mut r.body)?;
                reusable = false;
            }
        }
        Ok((r, reusable))
    }

    /// One status line and its headers, at most `MAX_HEAD` bytes and `MAX_HEADERS` lines.
    fn read_head(&mut self) -> io::Result<Response> {
        let mut raw = Vec::new();
        let mut lines = 0;
        loop {
            let before = raw.len();
            let room = (MAX_HEAD - before) as u64;
            (&mut self.reader).take(room).read_until(b'\n', &mut raw)?;
            if raw.len() == before {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            if raw.ends_with(b"\r\n\r\n") || raw.ends_with(b"\n\n") {
                break;
            }
            lines += 1;
            if raw.len() >= MAX_HEAD {
                return Err(invalid("response head larger than 16 KiB"));
            }
            if lines > MAX_HEADERS + 1 {
                return Err(invalid("response head with more than 64 header lines"));
            }
        }
        let mut storage = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Response::new(&mut storage);
        parsed
            .parse(&raw)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let mut r = Response::new(parsed.code.unwrap_or(0));
        for h in parsed.headers.iter() {
            r.headers.0.push((
                h.name.to_owned(),
                String::from_utf8_lossy(h.value).trim().to_owned(),
            ));
        }
        Ok(r)
    }

    /// A chunked body, at most `MAX_BODY` bytes of it.
    fn read_chunked(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        let mut decoder = ChunkedDecoder::new();
        while !decoder.is_done() {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let data = decoder.data_left().min(buf.len() as u64) as usize;
            let used = if data > 0 {
                if out.len() + data > MAX_BODY as usize {
                    return Err(invalid("response body too large"));
                }
                out.extend_from_slice(&buf[..data]);
                decoder.took_data(data as u64);
                data
            } else {
                decoder
                    .framing(buf)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?
            };
            self.reader.consume(used);
        }
        Ok(())
    }
}

fn invalid(why: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, why)
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

    /// A server on 127.0.0.1 that answers the first connection with `start`, then `repeat`
    /// over and over until the client goes away; returns its address and how many bytes it
    /// managed to send.
    fn hostile(
        start: &'static [u8],
        repeat: &'static [u8],
    ) -> (String, std::thread::JoinHandle<u64>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut sent = start.len() as u64;
            s.write_all(start).unwrap();
            let block = repeat.repeat((64 << 10) / repeat.len());
            while s.write_all(&block).is_ok() {
                sent += block.len() as u64;
            }
            sent
        });
        (addr, server)
    }

    #[test]
    fn an_endless_response_head_is_an_error_not_memory() {
        let cases: [(&[u8], &[u8], &str); 3] = [
            (
                b"HTTP/1.1 204 No Content\r\n",
                b"X-A: 1\r\n",
                "64 header lines",
            ),
            (b"HTTP/1.1 204 No Content\r\nX-A: ", b"a", "16 KiB"),
            (b"", b"HTTP/1.1 100 Continue\r\n\r\n", "1xx"),
        ];
        for (start, repeat, why) in cases {
            let (addr, server) = hostile(start, repeat);
            let started = std::time::Instant::now();
            let mut c = Connection::open(&addr).unwrap();
            let e = c.read_response(false).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
            assert!(e.to_string().contains(why), "{e} should say {why}");
            drop(c);
            let sent = server.join().unwrap();
            assert!(started.elapsed() < Duration::from_secs(5));
            // What the client read is bounded; the rest stayed in socket buffers.
            assert!(
                sent < 64 << 20,
                "the server sent {sent} bytes before the client left"
            );
        }
    }
}
