//! Level 0 as zlib writes it (its `deflate_stored`): stored blocks whose sizes depend on the
//! room each write offers and on zlib's 64 KiB window and pending buffer, so that a level-0
//! stream is byte for byte Node's. miniz_oxide's own level 0 cuts its blocks elsewhere.

/// zlib's window (32 KiB), its buffer of two windows, and its pending buffer at memLevel 8.
const W: usize = 32 * 1024;
const WINDOW: usize = 2 * W;
const PENDING: usize = 64 * 1024;
const MAX_STORED: usize = 65535;
/// A stored block's header: 3 bits, padding to the byte, LEN and NLEN. Stored blocks leave the
/// stream on a byte boundary, so it is always 5 bytes here.
const HEADER: usize = 5;

const Z_NO_FLUSH: i32 = 0;
const Z_FULL_FLUSH: i32 = 3;
const Z_FINISH: i32 = 4;
const Z_BLOCK: i32 = 5;

pub struct Stored {
    window: Vec<u8>,
    strstart: usize,
    block_start: usize,
    /// A final block has been made: only the trailer is left.
    finishing: bool,
}

/// The input a write took and whether the stream is now ended (its trailer is due).
pub struct Step {
    pub consumed: usize,
    pub ended: bool,
}

fn block_header(last: bool, len: usize) -> [u8; HEADER] {
    let len = len as u16;
    let [l0, l1] = len.to_le_bytes();
    let [n0, n1] = (!len).to_le_bytes();
    [u8::from(last), l0, l1, n0, n1]
}

/// Moves pending bytes to the output, as far as its room goes.
fn flush_pending(pending: &mut Vec<u8>, out: &mut Vec<u8>, room: usize) {
    let n = pending.len().min(room - out.len());
    out.extend(pending.drain(..n));
}

impl Stored {
    /// `seen`: the input already compressed at another level (zlib's window position).
    pub fn new(seen: usize) -> Self {
        let start = if seen < WINDOW - 262 { seen } else { W };
        Stored {
            window: vec![0; WINDOW],
            strstart: start,
            block_start: start,
            finishing: false,
        }
    }

    /// One deflate() call at level 0, with the pending bytes already handed out.
    pub fn write(
        &mut self,
        flush: i32,
        input: &[u8],
        room: usize,
        pending: &mut Vec<u8>,
        out: &mut Vec<u8>,
    ) -> Step {
        let mut at = 0;
        if self.finishing {
            return Step {
                consumed: 0,
                ended: flush == Z_FINISH,
            };
        }
        if input.is_empty() && flush == Z_NO_FLUSH {
            return Step {
                consumed: 0,
                ended: false,
            };
        }
        let state = self.deflate_stored(flush, input, &mut at, room, pending, out);
        let ended = match state {
            Block::NeedMore => false,
            Block::FinishStarted => {
                self.finishing = true;
                false
            }
            Block::FinishDone => {
                self.finishing = true;
                true
            }
            Block::Done => {
                // A sync or full flush ends with an empty stored block; Z_BLOCK adds nothing.
                if flush != Z_BLOCK {
                    pending.extend(block_header(false, 0));
                    if flush == Z_FULL_FLUSH {
                        self.strstart = 0;
                        self.block_start = 0;
                    }
                }
                flush_pending(pending, out, room);
                false
            }
        };
        Step {
            consumed: at,
            ended,
        }
    }

    fn deflate_stored(
        &mut self,
        flush: i32,
        input: &[u8],
        at: &mut usize,
        room: usize,
        pending: &mut Vec<u8>,
        out: &mut Vec<u8>,
    ) -> Block {
        let min_block = (PENDING - HEADER).min(W);
        let mut last = false;
        // Straight from the input to the output, in blocks as large as the room allows.
        loop {
            let avail_in = input.len() - *at;
            let avail_out = room - out.len();
            if avail_out < HEADER {
                break;
            }
            let left = self.strstart - self.block_start;
            let len = MAX_STORED.min(left + avail_in).min(avail_out - HEADER);
            if len < min_block
                && ((len == 0 && flush != Z_FINISH)
                    || flush == Z_NO_FLUSH
                    || len != left + avail_in)
            {
                break;
            }
            last = flush == Z_FINISH && len == left + avail_in;
            out.extend(block_header(last, len));
            let from_window = left.min(len);
            out.extend_from_slice(&self.window[self.block_start..self.block_start + from_window]);
            self.block_start += from_window;
            let from_input = len - from_window;
            out.extend_from_slice(&input[*at..*at + from_input]);
            *at += from_input;
            if last {
                break;
            }
        }
        // What went straight out stays in the window for later blocks' bookkeeping.
        let used = *at;
        if used > 0 {
            if used >= W {
                self.window[..W].copy_from_slice(&input[used - W..used]);
                self.strstart = W;
            } else {
                if WINDOW - self.strstart <= used {
                    self.slide();
                }
                self.window[self.strstart..self.strstart + used].copy_from_slice(&input[..used]);
                self.strstart += used;
            }
            self.block_start = self.strstart;
        }
        if last {
            return Block::FinishDone;
        }
        let avail_in = input.len() - *at;
        if flush != Z_NO_FLUSH
            && flush != Z_FINISH
            && avail_in == 0
            && self.strstart == self.block_start
        {
            return Block::Done;
        }
        // The rest of the input into the window, then a block once enough is there.
        let mut have = WINDOW - self.strstart;
        if avail_in > have && self.block_start >= W {
            self.block_start -= W;
            self.slide();
            have += W;
        }
        let have = have.min(avail_in);
        self.window[self.strstart..self.strstart + have].copy_from_slice(&input[*at..*at + have]);
        *at += have;
        self.strstart += have;
        let avail_in = input.len() - *at;
        let most = (PENDING - HEADER).min(MAX_STORED);
        let left = self.strstart - self.block_start;
        if left >= most.min(W)
            || ((left > 0 || flush == Z_FINISH)
                && flush != Z_NO_FLUSH
                && avail_in == 0
                && left <= most)
        {
            let len = left.min(most);
            last = flush == Z_FINISH && avail_in == 0 && len == left;
            pending.extend(block_header(last, len));
            pending.extend_from_slice(&self.window[self.block_start..self.block_start + len]);
            self.block_start += len;
            flush_pending(pending, out, room);
        }
        if last {
            Block::FinishStarted
        } else {
            Block::NeedMore
        }
    }

    /// Drops the older half of the window (strstart moves down by W).
    fn slide(&mut self) {
        self.strstart -= W;
        self.window.copy_within(W..W + self.strstart, 0);
    }
}

enum Block {
    NeedMore,
    Done,
    FinishStarted,
    FinishDone,
}

#[cfg(test)]
mod tests {
    use super::super::{Init, Mode, run_whole};

    #[test]
    fn level_zero_cuts_blocks_where_zlib_does_and_round_trips() {
        let init = Init {
            window_bits: 15,
            level: 0,
            ..Init::default()
        };
        let data = vec![b'z'; 100_000];
        let packed = run_whole(Mode::DeflateRaw, &init, &data).unwrap();
        // Small writes: the window fills, and its first block is all pending_buf holds.
        assert_eq!(u16::from_le_bytes([packed[1], packed[2]]), 65531);
        assert_eq!(packed.len(), data.len() + 3 * 5);
        assert_eq!(run_whole(Mode::InflateRaw, &init, &packed).unwrap(), data);
    }
}
