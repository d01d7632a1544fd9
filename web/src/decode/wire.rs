//! One connection's bytes as a learner reads them: HTTP/1.1 heads and bodies, the WebSocket
//! upgrade, then RFC 6455 frames. Pure decoding, no HTML: the wire view draws what this returns.
//!
//! Bytes arrive in the chunks each read or write moved, so anything may be split across chunks:
//! a stream keeps what it cannot decode yet and says what it is waiting for.
use std::collections::VecDeque;

use looplab_core::trace::Direction;

mod frame;

pub use frame::{Frame, LengthForm, close_meaning};
use frame::{frame_header, parse_frame};

/// A head longer than this is not HTTP as a learner would write it: the rest is shown raw.
const HEAD_LIMIT: usize = 64 * 1024;
const STATUS_PREFIX: &[u8] = b"HTTP/1.";
/// RFC 6455 §1.3: the server proves it read the key by hashing it with this GUID.
pub const WEBSOCKET_GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// What one chunk of bytes turned out to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Request {
        method: String,
        target: String,
        version: String,
        headers: Vec<(String, String)>,
    },
    Response {
        version: String,
        status: u16,
        reason: String,
        headers: Vec<(String, String)>,
    },
    /// Body bytes sent with a Content-Length (`total`) or until the connection closes (none).
    Body {
        offset: u64,
        bytes: Vec<u8>,
        total: Option<u64>,
    },
    /// One chunk of a chunked body; size 0 ends the body.
    Chunk {
        size: usize,
        bytes: Vec<u8>,
    },
    Frame(Frame),
    /// Bytes of no protocol the decoder knows: a plain TCP stream.
    Data(Vec<u8>),
    /// Bytes that moved but the trace did not keep.
    Skipped(u64),
    Malformed(String),
}

/// What a chunk ends in the middle of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incomplete {
    pub what: &'static str,
    pub have: u64,
    /// The whole thing's size, once its header says.
    pub need: Option<u64>,
}

/// The decoding of one chunk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub parts: Vec<Part>,
    /// Bytes held from earlier chunks that the first part began with.
    pub carried: usize,
    pub incomplete: Option<Incomplete>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Expect {
    /// Nothing decided yet: HTTP or plain bytes?
    #[default]
    Start,
    Head,
    Body {
        offset: u64,
        total: u64,
    },
    UntilClose {
        offset: u64,
    },
    Chunked,
    /// After a request that asked to upgrade: held until the answer says 101 or not.
    AwaitUpgrade,
    Frames,
    Raw,
}

#[derive(Debug, Default)]
struct Stream {
    buf: Vec<u8>,
    expect: Expect,
}

/// Both directions of one socket, decoded together: a 101 written one way switches both.
#[derive(Debug, Default)]
pub struct Connection {
    /// Indexed by `side`: reads, then writes.
    streams: [Stream; 2],
    /// Methods of requests still waiting for their response (a HEAD answer has no body).
    methods: VecDeque<String>,
}

fn side(d: Direction) -> usize {
    match d {
        Direction::Read => 0,
        Direction::Write => 1,
    }
}

impl Connection {
    pub fn new() -> Self {
        Self::default()
    }

    /// Call with each chunk in wire order; `missing` counts bytes that moved but were not kept.
    pub fn feed(&mut self, dir: Direction, bytes: &[u8], missing: u64) -> Decoded {
        let i = side(dir);
        let carried = self.streams[i].buf.len();
        self.streams[i].buf.extend_from_slice(bytes);
        let mut parts = Vec::new();
        while let Some(part) = self.next_part(i) {
            parts.push(part);
        }
        if missing > 0 {
            parts.push(self.skip(i, missing));
        }
        Decoded {
            carried: if parts.is_empty() { 0 } else { carried },
            incomplete: self.streams[i].incomplete(),
            parts,
        }
    }

    fn next_part(&mut self, i: usize) -> Option<Part> {
        let s = &mut self.streams[i];
        match s.expect {
            Expect::Start => {
                s.expect = match classify(&s.buf)? {
                    true => Expect::Head,
                    false => Expect::Raw,
                };
                self.next_part(i)
            }
            Expect::Head => {
                let Some(end) = find(&s.buf, b"\r\n\r\n") else {
                    return (s.buf.len() > HEAD_LIMIT).then(|| s.malformed("no end of head"));
                };
                let head: Vec<u8> = s.buf.drain(..end + 4).collect();
                match parse_head(&head[..end]) {
                    Ok(part) => {
                        self.after_head(i, &part);
                        Some(part)
                    }
                    Err(why) => Some(self.streams[i].malformed(&why)),
                }
            }
            Expect::Body { offset, total } => {
                let n = (s.buf.len() as u64).min(total - offset) as usize;
                if n == 0 {
                    return None;
                }
                let bytes: Vec<u8> = s.buf.drain(..n).collect();
                let offset_now = offset + n as u64;
                s.expect = if offset_now == total {
                    Expect::Head
                } else {
                    Expect::Body {
                        offset: offset_now,
                        total,
                    }
                };
                Some(Part::Body {
                    offset,
                    bytes,
                    total: Some(total),
                })
            }
            Expect::UntilClose { offset } => {
                let bytes = std::mem::take(&mut s.buf);
                (!bytes.is_empty()).then(|| {
                    s.expect = Expect::UntilClose {
                        offset: offset + bytes.len() as u64,
                    };
                    Part::Body {
                        offset,
                        bytes,
                        total: None,
                    }
                })
            }
            Expect::Chunked => match next_chunk(&s.buf) {
                Ok(Some((size, used))) => {
                    let bytes = s.buf[used - size - 2..used - 2].to_vec();
                    s.buf.drain(..used);
                    if size == 0 {
                        s.expect = Expect::Head;
                    }
                    Some(Part::Chunk {
                        size,
                        bytes: if size == 0 { Vec::new() } else { bytes },
                    })
                }
                Ok(None) => None,
                Err(why) => Some(s.malformed(&why)),
            },
            Expect::AwaitUpgrade => None,
            Expect::Frames => match parse_frame(&s.buf) {
                Ok(Some((frame, used))) => {
                    s.buf.drain(..used);
                    Some(Part::Frame(frame))
                }
                Ok(None) => None,
                Err(why) => Some(s.malformed(&why)),
            },
            Expect::Raw => {
                let bytes = std::mem::take(&mut s.buf);
                (!bytes.is_empty()).then_some(Part::Data(bytes))
            }
        }
    }

    /// What follows a head on this stream, and on the other when it answers an upgrade.
    fn after_head(&mut self, i: usize, part: &Part) {
        let other = 1 - i;
        let next = match part {
            Part::Request {
                method, headers, ..
            } => {
                self.methods.push_back(method.clone());
                let upgrade = header(headers, "upgrade").is_some()
                    && header(headers, "connection")
                        .is_some_and(|c| c.to_ascii_lowercase().contains("upgrade"));
                if upgrade {
                    Expect::AwaitUpgrade
                } else {
                    body_expect(headers, false)
                }
            }
            Part::Response {
                status, headers, ..
            } => {
                if *status == 101 {
                    self.methods.pop_front();
                    let o = &mut self.streams[other].expect;
                    if matches!(o, Expect::AwaitUpgrade | Expect::Start | Expect::Head) {
                        *o = Expect::Frames;
                    }
                    Expect::Frames
                } else if *status < 200 {
                    Expect::Head
                } else {
                    let head_request = self.methods.pop_front().is_some_and(|m| m == "HEAD");
                    if self.streams[other].expect == Expect::AwaitUpgrade {
                        self.streams[other].expect = Expect::Head;
                    }
                    if head_request || *status == 204 || *status == 304 {
                        Expect::Head
                    } else {
                        body_expect(headers, true)
                    }
                }
            }
            _ => Expect::Head,
        };
        self.streams[i].expect = next;
    }

    /// Bytes the trace left out: a body can count past them, anything else is lost.
    fn skip(&mut self, i: usize, missing: u64) -> Part {
        let s = &mut self.streams[i];
        s.expect = match s.expect {
            Expect::Body { offset, total } if offset + missing < total => Expect::Body {
                offset: offset + missing,
                total,
            },
            Expect::Body { .. } => Expect::Head,
            Expect::UntilClose { offset } => Expect::UntilClose {
                offset: offset + missing,
            },
            _ => {
                s.buf.clear();
                Expect::Raw
            }
        };
        Part::Skipped(missing)
    }
}

impl Stream {
    /// Gives up on decoding this stream: what is left is shown raw.
    fn malformed(&mut self, why: &str) -> Part {
        self.expect = Expect::Raw;
        Part::Malformed(why.to_string())
    }

    fn incomplete(&self) -> Option<Incomplete> {
        let have = self.buf.len() as u64;
        let (what, need) = match self.expect {
            Expect::Body { offset, total } => {
                return Some(incomplete("an HTTP body", offset, Some(total)));
            }
            _ if self.buf.is_empty() => return None,
            Expect::Start => ("a first line (HTTP, or plain bytes?)", None),
            Expect::Head => ("an HTTP head (no blank line yet)", None),
            Expect::Chunked => ("a chunk of a chunked body", None),
            Expect::AwaitUpgrade => (
                "bytes after an upgrade request, held until the answer",
                None,
            ),
            Expect::Frames => (
                "a WebSocket frame",
                frame_header(&self.buf)
                    .ok()
                    .flatten()
                    .map(|h| h.len as u64 + h.length),
            ),
            Expect::UntilClose { .. } | Expect::Raw => return None,
        };
        Some(incomplete(what, have, need))
    }
}

fn incomplete(what: &'static str, have: u64, need: Option<u64>) -> Incomplete {
    Incomplete { what, have, need }
}

/// Whether a stream's first bytes are HTTP (`Some(true)`), plain bytes, or too few to tell.
fn classify(b: &[u8]) -> Option<bool> {
    let n = b.len().min(STATUS_PREFIX.len());
    if b.is_empty() || b[..n] == STATUS_PREFIX[..n] {
        return (n == STATUS_PREFIX.len()).then_some(true);
    }
    // A request line: METHOD SP target SP HTTP/1.x, checked as far as the bytes go.
    let mut field = 0;
    let mut len = 0;
    for &c in b.iter().take(HEAD_LIMIT) {
        let ok = match (field, c) {
            (0 | 1, b' ') if len > 0 => {
                field += 1;
                len = 0;
                continue;
            }
            (0, c) => c.is_ascii_uppercase(),
            (1, c) => c.is_ascii_graphic(),
            (_, c) if len < STATUS_PREFIX.len() => c == STATUS_PREFIX[len],
            (_, c) => return Some(c.is_ascii_digit()),
        };
        if !ok {
            return Some(false);
        }
        len += 1;
    }
    if b.len() < HEAD_LIMIT {
        None
    } else {
        Some(false)
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// How a message's body is framed (RFC 9112 §6.3), after its head.
fn body_expect(headers: &[(String, String)], response: bool) -> Expect {
    let chunked = header(headers, "transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let length = header(headers, "content-length").and_then(|v| v.parse::<u64>().ok());
    match (chunked, length) {
        (true, _) => Expect::Chunked,
        (false, Some(0)) => Expect::Head,
        (false, Some(total)) => Expect::Body { offset: 0, total },
        (false, None) if response => Expect::UntilClose { offset: 0 },
        (false, None) => Expect::Head,
    }
}

fn parse_head(head: &[u8]) -> Result<Part, String> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let first = lines.next().unwrap_or_default();
    let headers = lines
        .map(|l| {
            l.split_once(':')
                .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
                .ok_or_else(|| format!("header line without a colon: {l:?}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut fields = first.splitn(3, ' ');
    let (a, b, c) = (
        fields.next().unwrap_or_default(),
        fields.next().unwrap_or_default(),
        fields.next().unwrap_or_default(),
    );
    if a.starts_with("HTTP/") {
        let status = b
            .parse()
            .map_err(|_| format!("status line without a status code: {first:?}"))?;
        Ok(Part::Response {
            version: a.to_string(),
            status,
            reason: c.to_string(),
            headers,
        })
    } else if c.starts_with("HTTP/") {
        Ok(Part::Request {
            method: a.to_string(),
            target: b.to_string(),
            version: c.to_string(),
            headers,
        })
    } else {
        Err(format!("not a request or status line: {first:?}"))
    }
}

/// The next chunk of a chunked body: its size and the bytes it takes with its CRLFs and, for the
/// last chunk, the (empty or not) trailer section.
fn next_chunk(b: &[u8]) -> Result<Option<(usize, usize)>, String> {
    let Some(line_end) = find(b, b"\r\n") else {
        return if b.len() > 64 {
            Err("chunk size line too long".into())
        } else {
            Ok(None)
        };
    };
    let line = String::from_utf8_lossy(&b[..line_end]);
    let hex = line.split(';').next().unwrap_or_default().trim();
    let size = usize::from_str_radix(hex, 16).map_err(|_| format!("bad chunk size {hex:?}"))?;
    let start = line_end + 2;
    if size == 0 {
        let rest = &b[start..];
        return Ok(if rest.starts_with(b"\r\n") {
            Some((0, start + 2))
        } else {
            find(rest, b"\r\n\r\n").map(|p| (0, start + p + 4))
        });
    }
    let used = start + size + 2;
    if b.len() < used {
        return Ok(None);
    }
    if &b[used - 2..used] != b"\r\n" {
        return Err("chunk data not followed by CRLF".into());
    }
    Ok(Some((size, used)))
}

/// Bytes in a hex dump's row.
pub const HEX_ROW: usize = 8;

/// Bytes as two-digit hex, space-separated.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Hex dump rows: hex, padded to a full row, beside the bytes as ASCII ('·' where not printable).
pub fn hex_rows(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes.chunks(HEX_ROW).map(|row| {
        let text: String = row
            .iter()
            .map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    b as char
                } else {
                    '·'
                }
            })
            .collect();
        format!("{:width$}  {text}", hex(row), width = HEX_ROW * 3 - 1)
    })
}

/// Bytes as a quoted string when they are UTF-8, else as hex.
pub fn text_or_hex(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => format!("{s:?}"),
        Err(_) => hex(bytes),
    }
}

#[cfg(test)]
mod tests;
