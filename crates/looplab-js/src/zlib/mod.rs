//! zlib's streams as Node's native zlib handle drives them: one `ZlibStream` per Gzip, Inflate,
//! BrotliCompress ... object, fed by `write(flush, input, room)` calls that take what input they
//! can and give back at most `room` bytes, so JavaScript can loop as Node's zlib.js does.

mod brotli;
mod checksum;
mod deflater;
mod inflater;
mod stored;

pub use checksum::crc32;

use std::borrow::Cow;

use brotli::{BrotliDecoder, BrotliEncoder};
use deflater::Deflater;
use inflater::Inflater;

/// Node's mode numbers (`zlib.constants.DEFLATE` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Deflate = 1,
    Inflate = 2,
    Gzip = 3,
    Gunzip = 4,
    DeflateRaw = 5,
    InflateRaw = 6,
    Unzip = 7,
    BrotliDecode = 8,
    BrotliEncode = 9,
}

impl Mode {
    pub fn from_number(n: f64) -> Option<Self> {
        Some(match n as i32 {
            1 => Mode::Deflate,
            2 => Mode::Inflate,
            3 => Mode::Gzip,
            4 => Mode::Gunzip,
            5 => Mode::DeflateRaw,
            6 => Mode::InflateRaw,
            7 => Mode::Unzip,
            8 => Mode::BrotliDecode,
            9 => Mode::BrotliEncode,
            _ => return None,
        })
    }
}

/// zlib's finish flush (of Z_NO_FLUSH 0 ... Z_BLOCK 5).
pub const Z_FINISH: i32 = 4;

/// The most output made per call into a codec: a write's room (chunkSize) may be far larger,
/// and is filled only as far as there is output.
const SCRATCH: usize = 64 * 1024;

/// A failed write, as Node's handle reports it: message, errno and code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZlibError {
    pub message: &'static str,
    pub errno: i32,
    pub code: Cow<'static, str>,
}

impl ZlibError {
    pub const fn data(message: &'static str) -> Self {
        ZlibError {
            message,
            errno: -3,
            code: Cow::Borrowed("Z_DATA_ERROR"),
        }
    }

    /// Input that stops before its stream's end, at the finish.
    pub const EOF: ZlibError = ZlibError {
        message: "unexpected end of file",
        errno: -5,
        code: Cow::Borrowed("Z_BUF_ERROR"),
    };
}

/// What one write did: how much input it took, and the output it made.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub consumed: usize,
    pub out: Vec<u8>,
}

/// The options Node's handle is initialised with.
#[derive(Debug, Clone, Default)]
pub struct Init {
    pub window_bits: i32,
    pub level: i32,
    pub strategy: i32,
    pub dictionary: Option<Vec<u8>>,
    /// Brotli's parameters by number, as `options.params` gives them.
    pub brotli_params: Vec<(u32, u32)>,
}

pub enum ZlibStream {
    Deflate(Box<Deflater>),
    Inflate(Box<Inflater>),
    BrotliEncode(Box<BrotliEncoder>),
    BrotliDecode(Box<BrotliDecoder>),
}

impl ZlibStream {
    /// None when the options are ones zlib's or brotli's init would refuse.
    pub fn new(mode: Mode, init: &Init) -> Option<Self> {
        Some(match mode {
            Mode::Deflate | Mode::Gzip | Mode::DeflateRaw => {
                ZlibStream::Deflate(Box::new(Deflater::new(mode, init)))
            }
            Mode::Inflate | Mode::Gunzip | Mode::InflateRaw | Mode::Unzip => {
                ZlibStream::Inflate(Box::new(Inflater::new(mode, init)?))
            }
            Mode::BrotliEncode => ZlibStream::BrotliEncode(Box::new(BrotliEncoder::new(init)?)),
            Mode::BrotliDecode => ZlibStream::BrotliDecode(Box::new(BrotliDecoder::new(init)?)),
        })
    }

    pub fn write(&mut self, flush: i32, input: &[u8], room: usize) -> Result<Written, ZlibError> {
        match self {
            ZlibStream::Deflate(d) => Ok(d.write(flush, input, room)),
            ZlibStream::Inflate(i) => i.write(flush, input, room),
            ZlibStream::BrotliEncode(e) => e.write(flush, input, room),
            ZlibStream::BrotliDecode(d) => d.write(flush, input, room),
        }
    }

    /// `deflateParams`: a new level and strategy for what is written next.
    pub fn params(&mut self, level: i32, strategy: i32) {
        if let ZlibStream::Deflate(d) = self {
            d.params(level, strategy);
        }
    }

    /// Back to a fresh stream with the same options.
    pub fn reset(&mut self) {
        match self {
            ZlibStream::Deflate(d) => d.reset(),
            ZlibStream::Inflate(i) => i.reset(),
            ZlibStream::BrotliEncode(e) => e.reset(),
            ZlibStream::BrotliDecode(d) => d.reset(),
        }
    }
}

/// All of `input` through a fresh stream with the finish flush: the tests' round trips.
#[cfg(test)]
pub fn run_whole(mode: Mode, init: &Init, input: &[u8]) -> Result<Vec<u8>, ZlibError> {
    let mut s = ZlibStream::new(mode, init).expect("valid options");
    // BROTLI_OPERATION_FINISH is 2.
    let finish = match mode {
        Mode::BrotliEncode | Mode::BrotliDecode => 2,
        _ => Z_FINISH,
    };
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let w = s.write(finish, &input[at..], 1000)?;
        at += w.consumed;
        let full = w.out.len() == 1000;
        out.extend(w.out);
        if !full {
            return Ok(out);
        }
    }
}
