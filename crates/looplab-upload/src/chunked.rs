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
#[path = "chunked_tests.rs"]
mod tests;
