//! HTTP/1.1 on one connection, server side: bounded heads, Content-Length and chunked bodies
//! (parsed by looplab-upload's sans-IO `parse_request_head` and `ChunkedDecoder`),
//! `Expect: 100-continue`, and deadlines so a slow client cannot hold a thread (or an
//! upload's lock) for long.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use looplab_upload::{ChunkedDecoder, Method, Response, reason};

use super::stall::StallWatch;

pub use looplab_upload::{Framing, RequestHead as Head};

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
    /// A body must bring `stall_bytes` in every `stall` period, or it is cut as stalled.
    pub stall: Duration,
    pub stall_bytes: u64,
}

#[derive(Debug)]
pub enum HeadError {
    /// The peer closed (or went idle) between requests: nothing to answer.
    Closed,
    Timeout,
    TooLarge,
    Malformed(&'static str),
}

impl From<looplab_upload::HeadError> for HeadError {
    fn from(e: looplab_upload::HeadError) -> Self {
        match e {
            looplab_upload::HeadError::TooLarge => Self::TooLarge,
            looplab_upload::HeadError::Malformed(why) => Self::Malformed(why),
        }
    }
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
        let head = looplab_upload::parse_request_head(&raw)?;
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
        let now = Instant::now();
        let coding = match framing {
            Framing::Length(n) => Coding::Length(*n),
            Framing::Chunked => Coding::Chunked(ChunkedDecoder::new()),
        };
        Body {
            deadline: now + self.limits.body,
            stall: StallWatch::new(self.limits.stall, self.limits.stall_bytes, now),
            conn: self,
            coding,
        }
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn is_timeout_or_eof(e: &io::Error) -> bool {
    is_timeout(e) || e.kind() == io::ErrorKind::UnexpectedEof
}

/// How a body's end is found.
#[derive(Debug)]
enum Coding {
    /// This many bytes are left.
    Length(u64),
    Chunked(ChunkedDecoder),
}

/// A request body, read with the connection's deadlines.
#[derive(Debug)]
pub struct Body<'a> {
    conn: &'a mut Conn,
    coding: Coding,
    deadline: Instant,
    stall: StallWatch,
}

impl Body<'_> {
    pub fn is_done(&self) -> bool {
        match &self.coding {
            Coding::Length(left) => *left == 0,
            Coding::Chunked(d) => d.is_done(),
        }
    }

    /// Reads and drops up to `max` more bytes; true if the body ended within them.
    pub fn drain(&mut self, max: u64) -> bool {
        let mut buf = vec![0; 64 << 10];
        let mut left = max;
        while !self.is_done() && left > 0 {
            match self.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => left = left.saturating_sub(n as u64),
                Err(_) => return false,
            }
        }
        self.is_done()
    }

    /// Body bytes that come next on the socket, reading chunk framing first if that is what
    /// comes; 0 once the body is over.
    fn data_left(&mut self) -> io::Result<u64> {
        loop {
            let decoder = match &self.coding {
                Coding::Length(left) => return Ok(*left),
                Coding::Chunked(d) => d,
            };
            if decoder.is_done() || decoder.data_left() > 0 {
                return Ok(decoder.data_left());
            }
            if self.timed(|r| r.fill_buf().map(|b| b.len()))? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let Coding::Chunked(decoder) = &mut self.coding else {
                unreachable!("checked above")
            };
            let used = decoder
                .framing(self.conn.reader.buffer())
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            self.conn.reader.consume(used);
            self.stall.arrived(used as u64, Instant::now())?;
        }
    }

    /// One read from the socket, within the body's deadline and its stall periods.
    fn timed<T>(
        &mut self,
        mut read: impl FnMut(&mut BufReader<TcpStream>) -> io::Result<T>,
    ) -> io::Result<T> {
        loop {
            let now = Instant::now();
            self.conn
                .arm(self.deadline.min(self.stall.wait_until(now)))?;
            match read(&mut self.conn.reader) {
                // The wait ended with the period (not the idle limit, nor the body's
                // deadline): judge the period, and wait on if it brought enough.
                Err(e) if is_timeout(&e) => {
                    let now = Instant::now();
                    if now >= self.deadline || !self.stall.is_over(now) {
                        return Err(e);
                    }
                    self.stall.waited(now)?;
                }
                other => return other,
            }
        }
    }
}

impl Read for Body<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let left = self.data_left()?;
        if left == 0 {
            return Ok(0);
        }
        let want = buf.len().min(left.min(usize::MAX as u64) as usize);
        let n = self.timed(|r| r.read(&mut buf[..want]))?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.stall.arrived(n as u64, Instant::now())?;
        match &mut self.coding {
            Coding::Length(left) => *left -= n as u64,
            Coding::Chunked(d) => d.took_data(n as u64),
        }
        Ok(n)
    }
}
