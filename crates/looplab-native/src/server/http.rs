//! HTTP/1.1 on one connection, server side: bounded heads (httparse), Content-Length and
//! chunked bodies, `Expect: 100-continue`, and deadlines so a slow client cannot hold a
//! thread (or an upload's lock) for long.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use looplab_upload::{Headers, Method, Request, Response, reason};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Request line plus headers, in bytes (431 above it).
    pub max_head: usize,
    /// Longest wait for any byte (or for a write to progress).
    pub idle: Duration,
    /// Longest time to receive a whole head.
    pub head: Duration,
    /// Longest time to receive a whole body.
    pub body: Duration,
}

#[derive(Debug)]
pub enum Framing {
    Length(u64),
    Chunked,
}

#[derive(Debug)]
pub struct Head {
    pub request: Request,
    pub framing: Framing,
    pub expect_continue: bool,
    /// The client asked to close (or spoke HTTP/1.0).
    pub close: bool,
}

#[derive(Debug)]
pub enum HeadError {
    /// The peer closed (or went idle) between requests: nothing to answer.
    Closed,
    Timeout,
    TooLarge,
    Malformed(&'static str),
}

impl HeadError {
    /// The answer to send before closing, if any.
    pub fn response(&self) -> Option<Response> {
        match self {
            Self::Closed => None,
            Self::Timeout => Some(Response::new(408).text("request head too slow")),
            Self::TooLarge => Some(Response::new(431).text("request head too large")),
            Self::Malformed(why) => Some(Response::new(400).text(*why)),
        }
    }
}

#[derive(Debug)]
pub struct Conn {
    reader: BufReader<TcpStream>,
    limits: Limits,
    /// The request being answered came as a HEAD: its response never carries a body, whatever
    /// the request's headers made of it, or the body would be read as the next response.
    answering_head: bool,
}

impl Conn {
    pub fn new(stream: TcpStream, limits: Limits) -> io::Result<Self> {
        stream.set_nodelay(true)?;
        stream.set_write_timeout(Some(limits.idle))?;
        Ok(Self {
            reader: BufReader::with_capacity(256 << 10, stream),
            limits,
            answering_head: false,
        })
    }

    /// Waits at most `idle`, and never past `deadline`.
    fn arm(&self, deadline: Instant) -> io::Result<()> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.reader
            .get_ref()
            .set_read_timeout(Some(left.min(self.limits.idle)))
    }

    /// Reads one line (with its `\n`) into `out`, failing past `max` bytes in all.
    fn read_line(&mut self, out: &mut Vec<u8>, max: usize, deadline: Instant) -> io::Result<()> {
        loop {
            self.arm(deadline)?;
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if out.len() + take > max {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
            }
            out.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            if done {
                return Ok(());
            }
        }
    }

    pub fn read_head(&mut self) -> Result<Head, HeadError> {
        self.answering_head = false;
        let deadline = Instant::now() + self.limits.head;
        let mut raw = Vec::new();
        loop {
            let before = raw.len();
            let max = self.limits.max_head;
            match self.read_line(&mut raw, max, deadline) {
                Ok(()) => {}
                Err(e) if raw.is_empty() && is_timeout_or_eof(&e) => return Err(HeadError::Closed),
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    return Err(HeadError::TooLarge);
                }
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    return Err(HeadError::Closed);
                }
                Err(_) => return Err(HeadError::Timeout),
            }
            let line = &raw[before..];
            if line == b"\r\n" || line == b"\n" {
                if before == 0 {
                    raw.clear(); // tolerated blank line between requests
                    continue;
                }
                break;
            }
        }
        let head = parse_head(&raw)?;
        self.answering_head = head.request.method == Method::Head;
        Ok(head)
    }

    /// `100 Continue`, for a client that waits for it before sending the body.
    pub fn write_continue(&mut self) -> io::Result<()> {
        self.reader
            .get_mut()
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
    }

    /// Writes a response; the body is skipped for HEAD. `streamed` = a body follows via `stream`.
    pub fn write_response(&mut self, r: &Response, close: bool, streamed: bool) -> io::Result<()> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
        for (k, v) in r.headers.iter() {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        if !streamed
            && r.status != 204
            && r.status >= 200
            && r.headers.get("Content-Length").is_none()
        {
            out.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
        }
        if close {
            out.push_str("Connection: close\r\n");
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if !self.answering_head && !streamed {
            bytes.extend_from_slice(&r.body);
        }
        self.reader.get_mut().write_all(&bytes)
    }

    /// Copies exactly `len` bytes of `src` to the peer (a download); nothing for a HEAD.
    pub fn stream(&mut self, src: &mut dyn Read, len: u64) -> io::Result<()> {
        if self.answering_head {
            return Ok(());
        }
        let n = io::copy(&mut src.take(len), self.reader.get_mut())?;
        if n != len {
            Err(io::ErrorKind::UnexpectedEof.into())
        } else {
            Ok(())
        }
    }

    pub fn body(&mut self, framing: &Framing) -> Body<'_> {
        let deadline = Instant::now() + self.limits.body;
        let (remaining, chunked) = match framing {
            Framing::Length(n) => (*n, false),
            Framing::Chunked => (0, true),
        };
        Body {
            conn: self,
            remaining,
            chunked,
            done: !chunked && remaining == 0,
            deadline,
        }
    }
}

fn is_timeout_or_eof(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::UnexpectedEof
    )
}

fn parse_head(raw: &[u8]) -> Result<Head, HeadError> {
    let mut storage = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut storage);
    match req.parse(raw) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Err(HeadError::Malformed("incomplete request head"));
        }
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(_) => return Err(HeadError::Malformed("malformed request head")),
    }
    let (Some(method), Some(path), Some(version)) = (req.method, req.path, req.version) else {
        return Err(HeadError::Malformed("malformed request line"));
    };
    let mut headers = Headers::new();
    for h in req.headers.iter() {
        let value = std::str::from_utf8(h.value)
            .map_err(|_| HeadError::Malformed("header value is not UTF-8"))?;
        headers.0.push((h.name.to_owned(), value.trim().to_owned()));
    }
    let chunked = headers
        .get("Transfer-Encoding")
        .map(|te| te.eq_ignore_ascii_case("chunked"));
    let framing = match (
        chunked,
        headers.count("Content-Length"),
        headers.get("Content-Length"),
    ) {
        (Some(false), _, _) => {
            return Err(HeadError::Malformed(
                "only chunked Transfer-Encoding is supported",
            ));
        }
        (Some(true), 0, _) => Framing::Chunked,
        (Some(true), _, _) => {
            return Err(HeadError::Malformed(
                "both Transfer-Encoding and Content-Length",
            ));
        }
        (None, 0, _) => Framing::Length(0),
        (None, 1, Some(v)) => match looplab_upload::parse_u64(v) {
            Some(n) => Framing::Length(n),
            None => return Err(HeadError::Malformed("bad Content-Length")),
        },
        (None, _, _) => return Err(HeadError::Malformed("repeated Content-Length")),
    };
    let connection = headers
        .get("Connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok(Head {
        request: Request {
            method: Method::parse(method),
            path: path.to_owned(),
            headers: headers.clone(),
        },
        framing,
        expect_continue: headers
            .get("Expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue")),
        close: version == 0 || connection.contains("close"),
    })
}

/// A request body, read with the connection's deadlines.
#[derive(Debug)]
pub struct Body<'a> {
    conn: &'a mut Conn,
    /// Bytes left in the body (or in the current chunk).
    remaining: u64,
    chunked: bool,
    done: bool,
    deadline: Instant,
}

impl Body<'_> {
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Reads and drops up to `max` more bytes; true if the body ended within them.
    pub fn drain(&mut self, max: u64) -> bool {
        let mut buf = vec![0; 64 << 10];
        let mut left = max;
        while !self.done && left > 0 {
            match self.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => left = left.saturating_sub(n as u64),
                Err(_) => return false,
            }
        }
        self.done
    }

    fn next_chunk(&mut self) -> io::Result<()> {
        let mut line = Vec::new();
        self.conn.read_line(&mut line, 1024, self.deadline)?;
        let text = std::str::from_utf8(&line).map_err(|_| bad("chunk size"))?;
        let size = text.split(';').next().unwrap_or_default().trim();
        let size = u64::from_str_radix(size, 16).map_err(|_| bad("chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            loop {
                line.clear();
                self.conn.read_line(&mut line, 8192, self.deadline)?;
                if line == b"\r\n" || line == b"\n" {
                    break;
                }
            }
            self.done = true;
        }
        self.remaining = size;
        Ok(())
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("malformed {what}"))
}

impl Read for Body<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        if self.chunked && self.remaining == 0 {
            self.next_chunk()?;
            if self.done {
                return Ok(0);
            }
        }
        self.conn.arm(self.deadline)?;
        let want = buf
            .len()
            .min(self.remaining.min(usize::MAX as u64) as usize);
        let n = self.conn.reader.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.remaining -= n as u64;
        if self.remaining == 0 {
            if self.chunked {
                let mut crlf = Vec::new();
                self.conn.read_line(&mut crlf, 2, self.deadline)?;
            } else {
                self.done = true;
            }
        }
        Ok(n)
    }
}
