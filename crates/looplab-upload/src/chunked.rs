//! The chunked transfer coding of a request body, decoded without I/O. The decoder reads only
//! the framing (sizes, the CRLF after each chunk, trailers); the caller copies the data itself,
//! straight from its input into wherever the body goes, and says how much it took.
//!
//! Strict as RFC 9112 writes it: a size is hex digits only (no `+3`, no `0x`, no spaces before
//! it), and every framing line, the one after a chunk's data included, ends in CRLF. What a
//! lenient reader accepts a proxy may read otherwise, and then the two see different requests.

/// Longest chunk-size line, extensions included.
pub const MAX_SIZE_LINE: usize = 1024;
/// Most bytes of trailer lines after the last chunk.
pub const MAX_TRAILERS: usize = 8192;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChunkedError {
    #[error("malformed chunk size")]
    Size,
    #[error("chunk data must end with CRLF")]
    DataEnd,
    #[error("a chunk framing line must end with CRLF")]
    LineEnd,
    #[error("chunk framing line too long")]
    TooLong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Reading a chunk-size line.
    Size,
    /// This many data bytes of the current chunk are still to come.
    Data(u64),
    /// The data ended; `0` or `1` of its CRLF seen.
    DataEnd(u8),
    /// After the last chunk: trailer lines up to an empty one.
    Trailers,
    Done,
}

#[derive(Debug, Clone)]
pub struct ChunkedDecoder {
    state: State,
    /// The framing line read so far.
    line: Vec<u8>,
    trailer_bytes: usize,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkedDecoder {
    pub fn new() -> Self {
        Self {
            state: State::Size,
            line: Vec::new(),
            trailer_bytes: 0,
        }
    }

    /// The last chunk and its trailers have been read: the body is over.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// Data bytes that come next in the input, before any framing. While it is 0 and the
    /// body is not done, feed input to `framing`.
    pub fn data_left(&self) -> u64 {
        match self.state {
            State::Data(n) => n,
            _ => 0,
        }
    }

    /// The caller took `n` data bytes (at most `data_left`) from the input.
    pub fn took_data(&mut self, n: u64) {
        if let State::Data(left) = self.state {
            let left = left.saturating_sub(n);
            self.state = if left == 0 {
                State::DataEnd(0)
            } else {
                State::Data(left)
            };
        }
    }

    /// Reads framing from the front of `input`, stopping where data begins or the body ends;
    /// returns how many bytes it used (all of `input` if it needs more).
    pub fn framing(&mut self, input: &[u8]) -> Result<usize, ChunkedError> {
        let mut used = 0;
        while used < input.len() {
            let b = input[used];
            match self.state {
                State::Data(_) | State::Done => break,
                State::DataEnd(seen) => {
                    used += 1;
                    self.state = match (seen, b) {
                        (0, b'\r') => State::DataEnd(1),
                        (1, b'\n') => State::Size,
                        _ => return Err(ChunkedError::DataEnd),
                    };
                }
                State::Size | State::Trailers => {
                    used += 1;
                    let max = match self.state {
                        State::Size => MAX_SIZE_LINE,
                        _ => MAX_TRAILERS - self.trailer_bytes,
                    };
                    if self.line.len() >= max {
                        return Err(ChunkedError::TooLong);
                    }
                    self.line.push(b);
                    if b == b'\n' {
                        self.end_line()?;
                    }
                }
            }
        }
        Ok(used)
    }

    fn end_line(&mut self) -> Result<(), ChunkedError> {
        let line = core::mem::take(&mut self.line);
        let Some(text) = line.strip_suffix(b"\r\n") else {
            return Err(ChunkedError::LineEnd);
        };
        // A CR anywhere else is a line end to some readers and not to others.
        if text.contains(&b'\r') {
            return Err(ChunkedError::LineEnd);
        }
        match self.state {
            State::Size => {
                self.state = match parse_size(text)? {
                    0 => State::Trailers,
                    n => State::Data(n),
                };
            }
            State::Trailers => {
                self.trailer_bytes += line.len();
                if text.is_empty() {
                    self.state = State::Done;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// `1*HEXDIG [ BWS ";" chunk-ext ]`: the size, then optional white space before extensions,
/// which are ignored.
fn parse_size(line: &[u8]) -> Result<u64, ChunkedError> {
    let size = match line.iter().position(|&b| b == b';') {
        Some(i) => trim_bws(&line[..i]),
        None => line,
    };
    if size.is_empty() || size.len() > 16 || !size.iter().all(u8::is_ascii_hexdigit) {
        return Err(ChunkedError::Size);
    }
    // Checked above: at most 16 hex digits fit a u64.
    let text = core::str::from_utf8(size).map_err(|_| ChunkedError::Size)?;
    u64::from_str_radix(text, 16).map_err(|_| ChunkedError::Size)
}

/// Drops trailing spaces and tabs (RFC 9110's "bad" white space, allowed before `;`).
fn trim_bws(mut s: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    //! The chunked decoder: what it accepts, what it refuses, and property tests that it never
    //! panics and gives back exactly what was encoded, however the input is cut.
    use super::*;
    use proptest::prelude::*;

    /// Decodes a whole body fed in pieces of at most `step` bytes; the data and the bytes left
    /// after the body.
    fn decode(input: &[u8], step: usize) -> Result<(Vec<u8>, usize), ChunkedError> {
        let mut d = ChunkedDecoder::new();
        let (mut out, mut at) = (Vec::new(), 0);
        while !d.is_done() && at < input.len() {
            let piece = &input[at..input.len().min(at + step.max(1))];
            let data = d.data_left().min(piece.len() as u64) as usize;
            if data > 0 {
                out.extend_from_slice(&piece[..data]);
                d.took_data(data as u64);
                at += data;
            } else {
                let used = d.framing(piece)?;
                assert!(used <= piece.len());
                assert!(used > 0 || d.is_done() || d.data_left() > 0, "no progress");
                at += used;
            }
        }
        assert!(d.is_done(), "body not over after {at} bytes");
        Ok((out, input.len() - at))
    }

    fn err(input: &str) -> ChunkedError {
        decode(input.as_bytes(), 4096).expect_err(input)
    }

    #[test]
    fn decodes_sizes_extensions_and_trailers() {
        let body = "3\r\nabc\r\nA ; name=\"v\"\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\nNEXT";
        for step in [1, 2, 7, 4096] {
            let (data, rest) = decode(body.as_bytes(), step).unwrap();
            assert_eq!((data.as_slice(), rest), (&b"abc0123456789"[..], 4));
        }
    }

    #[test]
    fn refuses_what_a_proxy_could_read_otherwise() {
        assert_eq!(err("+3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
        assert_eq!(err("0x3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
        assert_eq!(err(" 3\r\nabc\r\n0\r\n\r\n"), ChunkedError::Size);
        assert_eq!(err("-0\r\n\r\n"), ChunkedError::Size);
        assert_eq!(err("\r\n"), ChunkedError::Size);
        assert_eq!(err("10000000000000000\r\n"), ChunkedError::Size);
        assert_eq!(err("3\r\nabcX\n0\r\n\r\n"), ChunkedError::DataEnd);
        assert_eq!(err("3\r\nabc\n0\r\n\r\n"), ChunkedError::DataEnd);
        assert_eq!(err("3\nabc\r\n0\r\n\r\n"), ChunkedError::LineEnd);
        assert_eq!(err("3\r\nabc\r\n0\r\n\n"), ChunkedError::LineEnd);
        assert_eq!(err("3;a\rb\r\nabc\r\n0\r\n\r\n"), ChunkedError::LineEnd);
        let long = format!("3;{}\r\nabc\r\n0\r\n\r\n", "x".repeat(MAX_SIZE_LINE));
        assert_eq!(err(&long), ChunkedError::TooLong);
        let trailers = format!("0\r\n{}\r\n", "X-T: 1\r\n".repeat(MAX_TRAILERS / 8 + 1));
        assert_eq!(err(&trailers), ChunkedError::TooLong);
    }

    /// Encodes `data` in chunks of the given sizes (the rest in one more), with an extension on
    /// some of them.
    fn encode(data: &[u8], sizes: &[usize], ext: bool) -> Vec<u8> {
        let (mut out, mut at) = (Vec::new(), 0);
        for &n in sizes.iter().chain([&usize::MAX]) {
            let n = n.min(data.len() - at);
            if n == 0 {
                continue;
            }
            let e = if ext && n % 2 == 0 { " ;e=1" } else { "" };
            out.extend_from_slice(format!("{n:x}{e}\r\n").as_bytes());
            out.extend_from_slice(&data[at..at + n]);
            out.extend_from_slice(b"\r\n");
            at += n;
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// What is encoded comes back byte for byte, however the input arrives.
        #[test]
        fn decodes_what_was_encoded(
            data in prop::collection::vec(any::<u8>(), 0..600),
            sizes in prop::collection::vec(1..200usize, 0..8),
            ext in any::<bool>(),
            step in 1..64usize,
        ) {
            let (got, rest) = decode(&encode(&data, &sizes, ext), step).unwrap();
            prop_assert_eq!(got, data);
            prop_assert_eq!(rest, 0);
        }

        /// Any bytes at all: an answer (data or an error), never a panic or a stall.
        #[test]
        fn arbitrary_input_never_panics(
            input in prop::collection::vec(
                prop_oneof![
                    4 => any::<u8>(),
                    2 => prop::sample::select(b"0123456789abcdefABCDEF+-; \t\r\n".to_vec()),
                ],
                0..300,
            ),
            step in 1..32usize,
        ) {
            let mut d = ChunkedDecoder::new();
            let mut at = 0;
            while !d.is_done() && at < input.len() {
                let piece = &input[at..input.len().min(at + step)];
                let data = d.data_left().min(piece.len() as u64);
                if data > 0 {
                    d.took_data(data);
                    at += data as usize;
                    continue;
                }
                match d.framing(piece) {
                    Ok(used) => {
                        prop_assert!(used <= piece.len());
                        prop_assert!(used > 0 || d.is_done() || d.data_left() > 0);
                        at += used;
                    }
                    Err(_) => break,
                }
            }
        }

        /// Data not followed by CRLF is refused, whatever byte stands there instead.
        #[test]
        fn a_damaged_crlf_is_refused(
            data in prop::collection::vec(any::<u8>(), 1..100),
            bad in any::<u8>().prop_filter("not CR", |b| *b != b'\r'),
        ) {
            let mut body = encode(&data, &[], false);
            let crlf = body.len() - 7; // the CR after the data, before "0\r\n\r\n"
            prop_assert_eq!(body[crlf], b'\r');
            body[crlf] = bad;
            prop_assert_eq!(decode(&body, 4096), Err(ChunkedError::DataEnd));
        }
    }
}
