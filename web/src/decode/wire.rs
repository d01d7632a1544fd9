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
mod tests {
    //! Real byte sequences: RFC 6455's example frames and handshake, Node's HTTP heads, and the same
    //! bytes split at awkward places.
    use super::*;
    use Direction::{Read, Write};

    /// RFC 6455 §5.7: a single-frame masked text message "Hello".
    const MASKED_HELLO: &[u8] = &[
        0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
    ];
    /// RFC 6455 §5.7: a single-frame unmasked text message "Hello".
    const HELLO: &[u8] = &[0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];

    const UPGRADE_REQUEST: &[u8] = b"GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n\
Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const SWITCHING: &[u8] =
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

    fn frames(d: &Decoded) -> Vec<&Frame> {
        d.parts
            .iter()
            .filter_map(|p| match p {
                Part::Frame(f) => Some(f),
                _ => None,
            })
            .collect()
    }

    /// A server's view: it reads the upgrade request and writes the 101.
    fn upgraded_server() -> Connection {
        let mut c = Connection::new();
        c.feed(Read, UPGRADE_REQUEST, 0);
        c.feed(Write, SWITCHING, 0);
        c
    }

    #[test]
    fn upgrade_request_and_101_response() {
        let mut c = Connection::new();
        let req = c.feed(Write, UPGRADE_REQUEST, 0);
        let Part::Request {
            method,
            target,
            version,
            headers,
        } = &req.parts[0]
        else {
            panic!("{req:?}")
        };
        assert_eq!(
            (method.as_str(), target.as_str(), version.as_str()),
            ("GET", "/chat", "HTTP/1.1")
        );
        assert_eq!(
            header(headers, "sec-websocket-key"),
            Some("dGhlIHNhbXBsZSBub25jZQ==")
        );
        assert_eq!(req.incomplete, None);
        let res = c.feed(Read, SWITCHING, 0);
        let Part::Response {
            status,
            reason,
            headers,
            ..
        } = &res.parts[0]
        else {
            panic!("{res:?}")
        };
        assert_eq!((*status, reason.as_str()), (101, "Switching Protocols"));
        assert_eq!(
            header(headers, "Sec-WebSocket-Accept"),
            Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        );
        // After the 101 both directions carry frames: the client's masked one, the server's plain one.
        let sent = c.feed(Write, MASKED_HELLO, 0);
        let f = frames(&sent)[0];
        assert!(f.fin && f.masked);
        assert_eq!(
            (f.opcode_name(), f.length, f.length_form),
            ("text", 5, LengthForm::Bits7)
        );
        assert_eq!(f.mask_key, Some([0x37, 0xfa, 0x21, 0x3d]));
        assert_eq!(f.payload, b"Hello");
        assert_eq!(f.header, &MASKED_HELLO[..6]);
        let got = c.feed(Read, HELLO, 0);
        assert_eq!(frames(&got)[0].payload, b"Hello");
        assert!(!frames(&got)[0].masked);
    }

    #[test]
    fn fragmented_message_ping_and_pong() {
        let mut c = upgraded_server();
        // RFC 6455 §5.7: "Hel" then "lo" as a text frame and its continuation; a ping; a masked pong.
        let bytes = [
            &[0x01, 0x03, 0x48, 0x65, 0x6c][..],
            &[0x80, 0x02, 0x6c, 0x6f],
            &[0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f],
            &[
                0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
            ],
        ]
        .concat();
        let d = c.feed(Read, &bytes, 0);
        let f = frames(&d);
        let shape: Vec<_> = f
            .iter()
            .map(|f| (f.fin, f.opcode_name(), f.payload.as_slice()))
            .collect();
        assert_eq!(
            shape,
            [
                (false, "text", &b"Hel"[..]),
                (true, "continuation", b"lo"),
                (true, "ping", b"Hello"),
                (true, "pong", b"Hello"),
            ]
        );
    }

    #[test]
    fn sixteen_and_sixty_four_bit_lengths() {
        let mut c = upgraded_server();
        // RFC 6455 §5.7: 256 bytes of binary data in one unmasked frame.
        let mut f256 = vec![0x82, 0x7e, 0x01, 0x00];
        f256.extend((0..=255u8).collect::<Vec<_>>());
        let d = c.feed(Write, &f256, 0);
        let f = frames(&d)[0];
        assert_eq!(
            (f.length, f.length_form, f.opcode_name()),
            (256, LengthForm::Bits16, "binary")
        );
        assert_eq!(f.header, [0x82, 0x7e, 0x01, 0x00]);
        // A masked 200-byte text frame, as the WebSocket scenario's client sends it.
        let key = [1, 2, 3, 4];
        let mut f200 = vec![0x81, 0xfe, 0x00, 0xc8, 1, 2, 3, 4];
        f200.extend((0..200).map(|i| b'x' ^ key[i % 4]));
        let d = c.feed(Read, &f200, 0);
        assert_eq!(frames(&d)[0].payload, vec![b'x'; 200]);
        // 64 KiB: the 64-bit form.
        let mut big = vec![0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0];
        big.resize(10 + 65536, 0xab);
        let d = c.feed(Write, &big, 0);
        let f = frames(&d)[0];
        assert_eq!((f.length, f.length_form), (65536, LengthForm::Bits64));
    }

    #[test]
    fn frames_split_across_reads_are_incomplete_until_whole() {
        let mut c = upgraded_server();
        let first = c.feed(Read, &MASKED_HELLO[..1], 0);
        assert!(first.parts.is_empty());
        assert_eq!(
            first.incomplete,
            Some(incomplete("a WebSocket frame", 1, None))
        );
        let second = c.feed(Read, &MASKED_HELLO[1..8], 0);
        assert_eq!(
            second.incomplete,
            Some(incomplete("a WebSocket frame", 8, Some(11)))
        );
        // The rest and the next frame arrive together.
        let third = c.feed(Read, &[&MASKED_HELLO[8..], MASKED_HELLO].concat(), 0);
        assert_eq!(third.carried, 8);
        assert_eq!(frames(&third).len(), 2);
        assert_eq!(third.incomplete, None);
    }

    #[test]
    fn close_frame_code() {
        let mut c = upgraded_server();
        // Masked close with 1000 (0x03e8), as the scenario's client sends it.
        let key = [0x37, 0xfa, 0x21, 0x3d];
        let d = c.feed(
            Read,
            &[
                0x88,
                0x82,
                0x37,
                0xfa,
                0x21,
                0x3d,
                0x03 ^ key[0],
                0xe8 ^ key[1],
            ],
            0,
        );
        let f = frames(&d)[0];
        assert_eq!(f.opcode_name(), "close");
        assert_eq!(f.close(), Some((1000, String::new())));
        assert_eq!(close_meaning(1000), "normal closure");
    }

    #[test]
    fn head_split_across_reads() {
        let mut c = Connection::new();
        let a = c.feed(Read, &UPGRADE_REQUEST[..2], 0);
        assert_eq!(
            a.incomplete.map(|i| i.what),
            Some("a first line (HTTP, or plain bytes?)")
        );
        let b = c.feed(Read, &UPGRADE_REQUEST[2..40], 0);
        assert_eq!(
            b.incomplete.map(|i| i.what),
            Some("an HTTP head (no blank line yet)")
        );
        let c2 = c.feed(Read, &UPGRADE_REQUEST[40..], 0);
        assert!(matches!(c2.parts[0], Part::Request { .. }));
        assert_eq!(c2.carried, 40);
    }

    #[test]
    fn bytes_after_an_upgrade_request_wait_for_the_answer() {
        let mut c = Connection::new();
        let d = c.feed(Read, &[UPGRADE_REQUEST, MASKED_HELLO].concat(), 0);
        assert_eq!(d.parts.len(), 1);
        assert_eq!(d.incomplete.map(|i| i.have), Some(11));
        c.feed(Write, SWITCHING, 0);
        // Held bytes decode once the next read comes in.
        let d = c.feed(Read, HELLO, 0);
        assert_eq!(frames(&d).len(), 2);
    }

    #[test]
    fn refused_upgrade_goes_back_to_http() {
        let mut c = Connection::new();
        c.feed(Read, UPGRADE_REQUEST, 0);
        let d = c.feed(
            Write,
            b"HTTP/1.1 426 Upgrade Required\r\nContent-Length: 14\r\n\r\nWebSocket only",
            0,
        );
        assert!(matches!(
            d.parts[1],
            Part::Body {
                total: Some(14),
                ..
            }
        ));
        let d = c.feed(Read, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 0);
        assert!(matches!(&d.parts[0], Part::Request { target, .. } if target == "/"));
    }

    #[test]
    fn keep_alive_with_length_and_chunked_bodies() {
        let mut c = Connection::new();
        c.feed(
            Write,
            b"GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n",
            0,
        );
        let d = c.feed(
        Read,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nc\r\nfirst part, \r\nb\r\nsecond part\r\n0\r\n\r\n",
        0,
    );
        let chunks: Vec<_> = d
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Chunk { size, bytes } => Some((*size, bytes.as_slice())),
                _ => None,
            })
            .collect();
        assert_eq!(
            chunks,
            [(12, &b"first part, "[..]), (11, b"second part"), (0, b"")]
        );
        assert_eq!(d.incomplete, None);
        // The same connection carries a POST with a body split in two reads.
        c.feed(
            Write,
            b"POST /submit HTTP/1.1\r\nContent-Length: 12\r\n\r\nname=",
            0,
        );
        let d = c.feed(Write, b"looplab", 0);
        assert_eq!(
            d.parts,
            [Part::Body {
                offset: 5,
                bytes: b"looplab".to_vec(),
                total: Some(12)
            }]
        );
        c.feed(Read, b"HTTP/1.1 204 No Content\r\n\r\n", 0);
        // A response to HEAD has no body even with a Content-Length.
        c.feed(Write, b"HEAD / HTTP/1.1\r\n\r\n", 0);
        c.feed(Read, b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", 0);
        let d = c.feed(Read, b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", 0);
        assert!(matches!(d.parts[0], Part::Response { .. }));
        assert_eq!(d.incomplete.map(|i| i.what), Some("an HTTP body"));
    }

    #[test]
    fn plain_tcp_is_data_even_when_it_shouts() {
        let mut c = Connection::new();
        assert_eq!(
            c.feed(Read, b"hello from a\n", 0).parts,
            [Part::Data(b"hello from a\n".to_vec())]
        );
        let mut c = Connection::new();
        let d = c.feed(Write, b"HELLO FROM A\n", 0);
        assert_eq!(d.parts, [Part::Data(b"HELLO FROM A\n".to_vec())]);
    }

    #[test]
    fn missing_bytes_count_through_a_body_and_stop_frames() {
        let mut c = Connection::new();
        c.feed(Read, b"PUT /f HTTP/1.1\r\nContent-Length: 100\r\n\r\n", 0);
        let d = c.feed(Read, &[b'a'; 10], 80);
        assert_eq!(d.parts.last(), Some(&Part::Skipped(80)));
        assert_eq!(
            d.incomplete,
            Some(incomplete("an HTTP body", 90, Some(100)))
        );
        let mut c = upgraded_server();
        let d = c.feed(Read, &MASKED_HELLO[..4], 500);
        assert_eq!(d.parts, [Part::Skipped(500)]);
        assert_eq!(c.feed(Read, HELLO, 0).parts, [Part::Data(HELLO.to_vec())]);
    }

    #[test]
    fn malformed_head_falls_back_to_raw() {
        let mut c = Connection::new();
        let d = c.feed(Read, b"HTTP/1.1 abc\r\n\r\nrest", 0);
        assert!(matches!(d.parts[0], Part::Malformed(_)));
        assert_eq!(d.parts[1], Part::Data(b"rest".to_vec()));
    }

    #[test]
    fn hex_beside_text() {
        assert_eq!(hex(&MASKED_HELLO[..4]), "81 85 37 fa");
        let rows: Vec<_> = hex_rows(b"GET / HTTP/1.1\r\n").collect();
        assert_eq!(
            rows,
            [
                "47 45 54 20 2f 20 48 54  GET / HT",
                "54 50 2f 31 2e 31 0d 0a  TP/1.1··"
            ]
        );
        assert_eq!(
            hex_rows(b"hi").next().unwrap(),
            format!("68 69{}  hi", " ".repeat(18))
        );
        assert_eq!(text_or_hex(b"a\r\n"), "\"a\\r\\n\"");
        assert_eq!(text_or_hex(&[0xff, 0x00]), "ff 00");
    }
}
