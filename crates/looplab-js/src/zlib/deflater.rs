//! The compressing side (Deflate, Gzip, DeflateRaw): miniz_oxide writes the raw deflate stream,
//! and this wraps it in zlib's or gzip's header and trailer as Node's zlib writes them.
use miniz_oxide::deflate::core::{CompressorOxide, create_comp_flags_from_zip_params};
use miniz_oxide::deflate::stream::deflate;
use miniz_oxide::{MZFlush, MZStatus};

use super::checksum::{adler32, crc32};
use super::stored::Stored;
use super::{Init, Mode, SCRATCH, Written};

pub struct Deflater {
    mode: Mode,
    level: i32,
    strategy: i32,
    /// Adler-32 of the preset dictionary: zlib's header names it (FDICT).
    dict_id: Option<u32>,
    comp: Box<CompressorOxide>,
    /// Level 0, written as zlib writes it.
    stored: Option<Box<Stored>>,
    /// Header or trailer bytes made but not yet handed out.
    pending: Vec<u8>,
    started: bool,
    done: bool,
    /// The input's Adler-32 (zlib) or CRC-32 (gzip) so far, and its length.
    check: u32,
    size: u32,
}

/// Z_HUFFMAN_ONLY and above: zlib marks these as its fastest compression.
const Z_HUFFMAN_ONLY: i32 = 2;

fn compressor(level: i32, strategy: i32) -> Box<CompressorOxide> {
    // Negative window bits: the raw stream, with no zlib header of miniz_oxide's own.
    Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
        level, -15, strategy,
    )))
}

impl Deflater {
    pub fn new(mode: Mode, init: &Init) -> Self {
        let mut d = Deflater {
            mode,
            level: init.level,
            strategy: init.strategy,
            dict_id: init
                .dictionary
                .as_ref()
                .filter(|_| mode == Mode::Deflate)
                .map(|d| adler32(1, d)),
            comp: compressor(init.level, init.strategy),
            stored: None,
            pending: Vec::new(),
            started: false,
            done: false,
            check: 0,
            size: 0,
        };
        d.reset();
        d
    }

    pub fn reset(&mut self) {
        self.comp = compressor(self.level, self.strategy);
        self.stored = (self.level == 0).then(|| Box::new(Stored::new(0)));
        self.pending.clear();
        self.started = false;
        self.done = false;
        self.check = if self.mode == Mode::Deflate { 1 } else { 0 };
        self.size = 0;
    }

    pub fn params(&mut self, level: i32, strategy: i32) {
        if level == 0 && self.stored.is_none() {
            self.stored = Some(Box::new(Stored::new(self.size as usize)));
        } else if level != 0 && self.stored.is_some() {
            // miniz_oxide never saw the stored bytes: a fresh compressor refers to none of
            // what came before (the stream is on a block boundary after params' flush).
            self.stored = None;
            self.comp = compressor(level, strategy);
        } else {
            let raw = if level < 0 { 6 } else { level.min(10) };
            self.comp.set_compression_level_raw(raw as u8);
        }
        self.level = level;
        self.strategy = strategy;
    }

    /// zlib's level flags (FLEVEL in the zlib header, XFL in gzip's).
    fn fastest(&self) -> bool {
        self.strategy >= Z_HUFFMAN_ONLY || (0..2).contains(&self.level)
    }

    fn header(&self) -> Vec<u8> {
        match self.mode {
            Mode::Gzip => {
                let xfl = if self.level == 9 {
                    2
                } else if self.fastest() {
                    4
                } else {
                    0
                };
                // No name, mtime 0, OS 3 (Unix), as Node writes it.
                vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
            }
            Mode::Deflate => {
                let flevel: u16 = match self.level {
                    _ if self.fastest() => 0,
                    2..=5 => 1,
                    -1 | 6 => 2,
                    _ => 3,
                };
                let mut h: u16 = (0x78 << 8) | (flevel << 6);
                if self.dict_id.is_some() {
                    h |= 0x20;
                }
                h += 31 - h % 31;
                let mut out = h.to_be_bytes().to_vec();
                if let Some(id) = self.dict_id {
                    out.extend(id.to_be_bytes());
                }
                out
            }
            _ => Vec::new(),
        }
    }

    fn trailer(&self) -> Vec<u8> {
        match self.mode {
            Mode::Gzip => [self.check.to_le_bytes(), self.size.to_le_bytes()].concat(),
            Mode::Deflate => self.check.to_be_bytes().to_vec(),
            _ => Vec::new(),
        }
    }

    fn drain(&mut self, out: &mut Vec<u8>, room: usize) {
        let n = self.pending.len().min(room - out.len());
        out.extend(self.pending.drain(..n));
    }

    pub fn write(&mut self, flush: i32, input: &[u8], room: usize) -> Written {
        if !self.started {
            self.started = true;
            self.pending = self.header();
        }
        let mut out = Vec::new();
        self.drain(&mut out, room);
        let (consumed, ended) = if self.stored.is_some() {
            self.write_stored(flush, input, room, &mut out)
        } else {
            self.write_miniz(flush, input, room, &mut out)
        };
        let taken = &input[..consumed];
        self.check = match self.mode {
            Mode::Gzip => crc32(self.check, taken),
            _ => adler32(self.check, taken),
        };
        self.size = self.size.wrapping_add(consumed as u32);
        if ended {
            self.done = true;
            self.pending = self.trailer();
            self.drain(&mut out, room);
        }
        Written { consumed, out }
    }

    /// The input taken, and whether the stream ended (its trailer is due).
    fn write_stored(
        &mut self,
        flush: i32,
        input: &[u8],
        room: usize,
        out: &mut Vec<u8>,
    ) -> (usize, bool) {
        if self.done || !self.pending.is_empty() {
            return (0, false);
        }
        let Some(stored) = self.stored.as_mut() else {
            return (0, false);
        };
        let step = stored.write(flush, input, room, &mut self.pending, out);
        (step.consumed, step.ended)
    }

    fn write_miniz(
        &mut self,
        flush: i32,
        input: &[u8],
        room: usize,
        out: &mut Vec<u8>,
    ) -> (usize, bool) {
        let mut consumed = 0;
        while out.len() < room && !self.done {
            let mut buf = vec![0; (room - out.len()).min(SCRATCH)];
            let r = deflate(
                &mut self.comp,
                &input[consumed..],
                &mut buf,
                mz_flush(flush),
            );
            consumed += r.bytes_consumed;
            out.extend_from_slice(&buf[..r.bytes_written]);
            if r.status == Ok(MZStatus::StreamEnd) {
                return (consumed, true);
            }
            // Room left over: the compressor wants more input.
            if r.bytes_written < buf.len() {
                break;
            }
        }
        (consumed, false)
    }
}

/// zlib's flush values as miniz_oxide's; Z_PARTIAL_FLUSH and Z_BLOCK end the block as a sync
/// flush does (valid output, a few bytes longer than zlib's).
fn mz_flush(flush: i32) -> MZFlush {
    match flush {
        0 => MZFlush::None,
        3 => MZFlush::Full,
        4 => MZFlush::Finish,
        _ => MZFlush::Sync,
    }
}
