//! The decompressing side (Inflate, Gunzip, InflateRaw, Unzip): this reads zlib's and gzip's
//! headers and trailers (checking their sums) and miniz_oxide inflates the raw stream between.
//! As Node's zlib does, gunzip reads every member that follows another, and stops at zero
//! padding; whatever else follows the end stays unread.
use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::checksum::{adler32, crc32};
use super::{Init, Mode, SCRATCH, Written, Z_FINISH, ZlibError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Zlib,
    Gzip,
    Raw,
    /// Unzip before its first bytes tell gzip from zlib.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Header,
    Body,
    Trailer,
    End,
}

pub struct Inflater {
    mode: Mode,
    format: Format,
    /// The largest window the stream may name; 0 takes the header's.
    window_bits: i32,
    dictionary: Option<Vec<u8>>,
    state: Box<InflateState>,
    phase: Phase,
    /// Header or trailer bytes read so far.
    head: Vec<u8>,
    check: u32,
    size: u32,
}

const fn need_dict(message: &'static str) -> ZlibError {
    ZlibError {
        message,
        errno: 2,
        code: std::borrow::Cow::Borrowed("Z_NEED_DICT"),
    }
}

impl Inflater {
    pub fn new(mode: Mode, init: &Init) -> Option<Self> {
        let mut i = Inflater {
            mode,
            format: Format::Unknown,
            window_bits: init.window_bits,
            dictionary: init.dictionary.clone(),
            state: InflateState::new_boxed(DataFormat::Raw),
            phase: Phase::Header,
            head: Vec::new(),
            check: 0,
            size: 0,
        };
        i.reset();
        Some(i)
    }

    pub fn reset(&mut self) {
        self.format = match self.mode {
            Mode::Inflate => Format::Zlib,
            Mode::Gunzip => Format::Gzip,
            Mode::InflateRaw => Format::Raw,
            _ => Format::Unknown,
        };
        self.begin_member();
        if self.format == Format::Raw {
            self.phase = Phase::Body;
            self.prime();
        }
    }

    fn begin_member(&mut self) {
        self.state.reset(DataFormat::Raw);
        self.phase = Phase::Header;
        self.head.clear();
        self.check = if self.format == Format::Zlib { 1 } else { 0 };
        self.size = 0;
    }

    /// Loads the preset dictionary into the window, as one stored block whose output is
    /// dropped: miniz_oxide has no call for it.
    fn prime(&mut self) {
        let Some(dict) = self.dictionary.as_deref() else {
            return;
        };
        let dict = &dict[dict.len().saturating_sub(32 * 1024)..];
        let len = dict.len() as u16;
        let mut block = vec![0u8];
        block.extend(len.to_le_bytes());
        block.extend((!len).to_le_bytes());
        block.extend(dict);
        let mut sink = vec![0; dict.len().max(1)];
        let mut at = 0;
        while at < block.len() {
            let r = inflate(&mut self.state, &block[at..], &mut sink, MZFlush::None);
            if r.bytes_consumed == 0 {
                break;
            }
            at += r.bytes_consumed;
        }
    }

    pub fn write(&mut self, flush: i32, input: &[u8], room: usize) -> Result<Written, ZlibError> {
        let mut at = 0;
        let mut out = Vec::new();
        loop {
            match self.phase {
                Phase::Header => {
                    while self.phase == Phase::Header && at < input.len() {
                        self.head.push(input[at]);
                        at += 1;
                        if self.header_done()? {
                            self.phase = Phase::Body;
                        }
                    }
                    if self.phase == Phase::Header {
                        break;
                    }
                }
                Phase::Body => {
                    if out.len() == room {
                        break;
                    }
                    let mut buf = vec![0; (room - out.len()).min(SCRATCH)];
                    let r = inflate(&mut self.state, &input[at..], &mut buf, MZFlush::None);
                    let made = &buf[..r.bytes_written];
                    self.check = match self.format {
                        Format::Gzip => crc32(self.check, made),
                        _ => adler32(self.check, made),
                    };
                    self.size = self.size.wrapping_add(made.len() as u32);
                    out.extend_from_slice(made);
                    at += r.bytes_consumed;
                    match r.status {
                        Ok(MZStatus::StreamEnd) => {
                            self.phase = Phase::Trailer;
                            self.head.clear();
                        }
                        Ok(_) if r.bytes_consumed > 0 || r.bytes_written > 0 => {}
                        Ok(_) | Err(MZError::Buf) => break,
                        Err(_) => return Err(ZlibError::data("invalid block type")),
                    }
                }
                Phase::Trailer => {
                    let need = match self.format {
                        Format::Gzip => 8,
                        Format::Zlib => 4,
                        _ => 0,
                    };
                    let take = (need - self.head.len()).min(input.len() - at);
                    self.head.extend_from_slice(&input[at..at + take]);
                    at += take;
                    if self.head.len() < need {
                        break;
                    }
                    self.check_trailer()?;
                    self.phase = Phase::End;
                }
                Phase::End => {
                    // Another gzip member, unless what follows is zero padding.
                    if self.format == Format::Gzip && input.get(at).is_some_and(|&b| b != 0) {
                        self.begin_member();
                        continue;
                    }
                    break;
                }
            }
        }
        if flush == Z_FINISH && self.phase != Phase::End && at == input.len() && out.len() < room {
            return Err(ZlibError::EOF);
        }
        Ok(Written { consumed: at, out })
    }

    /// Whether the header read so far is whole; an error once it cannot be a header.
    fn header_done(&mut self) -> Result<bool, ZlibError> {
        if self.format == Format::Unknown {
            if self.head == [0x1f] {
                return Ok(false);
            }
            self.format = if self.head.starts_with(&[0x1f, 0x8b]) {
                Format::Gzip
            } else {
                Format::Zlib
            };
            self.check = if self.format == Format::Zlib { 1 } else { 0 };
        }
        match self.format {
            Format::Gzip => gzip_header_done(&self.head),
            _ => self.zlib_header_done(),
        }
    }

    fn zlib_header_done(&mut self) -> Result<bool, ZlibError> {
        let h = &self.head;
        if h.len() < 2 {
            return Ok(false);
        }
        if h.len() == 2 {
            if (u16::from(h[0]) << 8 | u16::from(h[1])) % 31 != 0 {
                return Err(ZlibError::data("incorrect header check"));
            }
            if h[0] & 0x0f != 8 {
                return Err(ZlibError::data("unknown compression method"));
            }
            let window = i32::from(h[0] >> 4) + 8;
            let most = if self.window_bits == 0 {
                15
            } else {
                self.window_bits
            };
            if window > most {
                return Err(ZlibError::data("invalid window size"));
            }
            if h[1] & 0x20 == 0 {
                return Ok(true);
            }
        }
        if h.len() < 6 {
            return Ok(false);
        }
        let id = u32::from_be_bytes([h[2], h[3], h[4], h[5]]);
        match self.dictionary.as_deref() {
            None => Err(need_dict("Missing dictionary")),
            Some(d) if adler32(1, d) != id => Err(need_dict("Bad dictionary")),
            Some(_) => {
                self.prime();
                Ok(true)
            }
        }
    }

    fn check_trailer(&self) -> Result<(), ZlibError> {
        let t = &self.head;
        match self.format {
            Format::Gzip => {
                if u32::from_le_bytes([t[0], t[1], t[2], t[3]]) != self.check {
                    return Err(ZlibError::data("incorrect data check"));
                }
                if u32::from_le_bytes([t[4], t[5], t[6], t[7]]) != self.size {
                    return Err(ZlibError::data("incorrect length check"));
                }
            }
            Format::Zlib if u32::from_be_bytes([t[0], t[1], t[2], t[3]]) != self.check => {
                return Err(ZlibError::data("incorrect data check"));
            }
            _ => {}
        }
        Ok(())
    }
}

/// Whether `h` holds a whole gzip header (RFC 1952: extra field, name, comment, header CRC).
fn gzip_header_done(h: &[u8]) -> Result<bool, ZlibError> {
    if h.first().is_some_and(|&b| b != 0x1f) || h.get(1).is_some_and(|&b| b != 0x8b) {
        return Err(ZlibError::data("incorrect header check"));
    }
    if h.get(2).is_some_and(|&b| b != 8) {
        return Err(ZlibError::data("unknown compression method"));
    }
    if h.get(3).is_some_and(|&b| b & 0xe0 != 0) {
        return Err(ZlibError::data("unknown header flags set"));
    }
    if h.len() < 10 {
        return Ok(false);
    }
    let flags = h[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        let Some(len) = h.get(pos..pos + 2) else {
            return Ok(false);
        };
        pos += 2 + (usize::from(len[0]) | usize::from(len[1]) << 8);
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            let zero = h
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == 0));
            let Some(zero) = zero else {
                return Ok(false);
            };
            pos += zero + 1;
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    Ok(h.len() >= pos)
}

#[cfg(test)]
mod tests {
    use super::super::{Init, Mode, ZlibError, run_whole};

    fn init() -> Init {
        Init {
            window_bits: 15,
            level: -1,
            ..Init::default()
        }
    }

    #[test]
    fn every_format_round_trips() {
        let text = b"looplab looplab looplab looplab".repeat(200);
        for (there, back) in [
            (Mode::Gzip, Mode::Gunzip),
            (Mode::Deflate, Mode::Inflate),
            (Mode::DeflateRaw, Mode::InflateRaw),
            (Mode::Gzip, Mode::Unzip),
            (Mode::Deflate, Mode::Unzip),
            (Mode::BrotliEncode, Mode::BrotliDecode),
        ] {
            let packed = run_whole(there, &init(), &text).expect("compresses");
            let out = run_whole(back, &init(), &packed).expect("inflates");
            assert!(out == text, "{there:?} then {back:?}");
        }
    }

    #[test]
    fn members_padding_and_cut_input() {
        let mut two = run_whole(Mode::Gzip, &init(), b"one ").unwrap();
        two.extend(run_whole(Mode::Gzip, &init(), b"two").unwrap());
        two.extend([0, 0, 0]);
        assert_eq!(run_whole(Mode::Gunzip, &init(), &two).unwrap(), b"one two");
        let cut = &two[..two.len() - 8];
        assert_eq!(run_whole(Mode::Gunzip, &init(), cut), Err(ZlibError::EOF));
        assert_eq!(run_whole(Mode::Inflate, &init(), b""), Err(ZlibError::EOF));
        let bad = run_whole(Mode::Inflate, &init(), b"nope").unwrap_err();
        assert_eq!(bad.message, "incorrect header check");
    }

    #[test]
    fn a_preset_dictionary_is_needed_and_checked() {
        let dict = Init {
            dictionary: Some(b"hello world".to_vec()),
            ..init()
        };
        let packed = run_whole(Mode::Deflate, &dict, b"hello world hello").unwrap();
        assert_eq!(
            run_whole(Mode::Inflate, &dict, &packed).unwrap(),
            b"hello world hello"
        );
        let missing = run_whole(Mode::Inflate, &init(), &packed).unwrap_err();
        assert_eq!(missing.message, "Missing dictionary");
    }
}
