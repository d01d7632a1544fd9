//! Brotli's streams (BrotliCompress, BrotliDecompress) on the `brotli` crate, driven as Node
//! drives the C library: an operation per write (process, flush, finish) for the encoder.
use brotli::enc::StandardAlloc;
use brotli::enc::encode::{
    BrotliEncoderOperation, BrotliEncoderParameter, BrotliEncoderStateStruct,
};
use brotli::{BrotliDecompressStream, BrotliResult, BrotliState};

use super::{Init, SCRATCH, Written, ZlibError};

pub struct BrotliEncoder {
    params: Vec<(u32, u32)>,
    state: BrotliEncoderStateStruct<StandardAlloc>,
}

/// Node's parameter numbers (`zlib.constants.BROTLI_PARAM_*`) as the crate's.
fn encoder_param(key: u32) -> Option<BrotliEncoderParameter> {
    use BrotliEncoderParameter::*;
    Some(match key {
        0 => BROTLI_PARAM_MODE,
        1 => BROTLI_PARAM_QUALITY,
        2 => BROTLI_PARAM_LGWIN,
        3 => BROTLI_PARAM_LGBLOCK,
        4 => BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
        5 => BROTLI_PARAM_SIZE_HINT,
        6 => BROTLI_PARAM_LARGE_WINDOW,
        _ => return None,
    })
}

fn new_encoder(params: &[(u32, u32)]) -> Option<BrotliEncoderStateStruct<StandardAlloc>> {
    let mut state = BrotliEncoderStateStruct::new(StandardAlloc::default());
    for &(key, value) in params {
        // The C library refuses a flag that is neither 0 nor 1; NPOSTFIX and NDIRECT (7, 8)
        // are tuning the crate picks for itself.
        if matches!(key, 4 | 6) && value > 1 {
            return None;
        }
        if let Some(p) = encoder_param(key) {
            state.set_parameter(p, value);
        }
    }
    Some(state)
}

impl BrotliEncoder {
    pub fn new(init: &Init) -> Option<Self> {
        Some(BrotliEncoder {
            params: init.brotli_params.clone(),
            state: new_encoder(&init.brotli_params)?,
        })
    }

    pub fn reset(&mut self) {
        if let Some(state) = new_encoder(&self.params) {
            self.state = state;
        }
    }

    pub fn write(&mut self, op: i32, input: &[u8], room: usize) -> Result<Written, ZlibError> {
        let op = match op {
            1 => BrotliEncoderOperation::BROTLI_OPERATION_FLUSH,
            2 => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
            _ => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
        };
        let mut out = Vec::new();
        let mut at = 0;
        while out.len() < room {
            let mut buf = vec![0; (room - out.len()).min(SCRATCH)];
            let rest = &input[at..];
            let (mut avail_in, mut in_at) = (rest.len(), 0);
            let (mut avail_out, mut out_at) = (buf.len(), 0);
            let ok = self.state.compress_stream(
                op,
                &mut avail_in,
                rest,
                &mut in_at,
                &mut avail_out,
                &mut buf,
                &mut out_at,
                &mut None,
                &mut |_, _, _, _| (),
            );
            if !ok {
                return Err(ZlibError {
                    message: "Compression failed",
                    errno: -1,
                    code: "ERR_BROTLI_COMPRESSION_FAILED".into(),
                });
            }
            at += in_at;
            out.extend_from_slice(&buf[..out_at]);
            if out_at < buf.len() {
                break;
            }
        }
        Ok(Written { consumed: at, out })
    }
}

type Decoder = BrotliState<StandardAlloc, StandardAlloc, StandardAlloc>;

pub struct BrotliDecoder {
    large_window: bool,
    state: Box<Decoder>,
    done: bool,
}

fn new_decoder(large_window: bool) -> Box<Decoder> {
    let a = StandardAlloc::default;
    Box::new(if large_window {
        BrotliState::new(a(), a(), a())
    } else {
        BrotliState::new_strict(a(), a(), a())
    })
}

impl BrotliDecoder {
    pub fn new(init: &Init) -> Option<Self> {
        // BROTLI_DECODER_PARAM_LARGE_WINDOW is 1; DISABLE_RING_BUFFER_REALLOCATION (0) changes
        // only how memory grows.
        let large_window = init.brotli_params.iter().any(|&(k, v)| k == 1 && v != 0);
        Some(BrotliDecoder {
            large_window,
            state: new_decoder(large_window),
            done: false,
        })
    }

    pub fn reset(&mut self) {
        self.state = new_decoder(self.large_window);
        self.done = false;
    }

    pub fn write(&mut self, op: i32, input: &[u8], room: usize) -> Result<Written, ZlibError> {
        if self.done {
            return Ok(Written::default());
        }
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let mut buf = vec![0; (room - out.len()).min(SCRATCH)];
            let rest = &input[at..];
            let (mut avail_in, mut in_at) = (rest.len(), 0);
            let (mut avail_out, mut out_at, mut total) = (buf.len(), 0, 0);
            let result = BrotliDecompressStream(
                &mut avail_in,
                &mut in_at,
                rest,
                &mut avail_out,
                &mut out_at,
                &mut buf,
                &mut total,
                &mut self.state,
            );
            at += in_at;
            out.extend_from_slice(&buf[..out_at]);
            match result {
                BrotliResult::ResultFailure => {
                    let code = self.state.error_code;
                    // Node names the error after the C enum, less its BROTLI_DECODER prefix.
                    let name = format!("{code:?}");
                    return Err(ZlibError {
                        message: "Decompression failed",
                        errno: code as i32,
                        code: format!("ERR_{}", name.trim_start_matches("BROTLI_DECODER")).into(),
                    });
                }
                BrotliResult::NeedsMoreOutput if out.len() < room => {}
                // As Node's decoder: input that stops short at the finish is an unexpected end.
                BrotliResult::NeedsMoreInput if op == 2 && out.len() < room => {
                    return Err(ZlibError::EOF);
                }
                BrotliResult::ResultSuccess => {
                    self.done = true;
                    break;
                }
                _ => break,
            }
        }
        Ok(Written { consumed: at, out })
    }
}
