//! A WebSocket frame (RFC 6455 §5.2): FIN, opcode, MASK, the 7/16/64-bit length, the masking
//! key and the payload, read from the front of a stream's bytes.

/// How a frame says its payload length (RFC 6455 §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthForm {
    /// 0 to 125, in the second byte.
    Bits7,
    /// 126, then 16 bits.
    Bits16,
    /// 127, then 64 bits.
    Bits64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub fin: bool,
    pub rsv: u8,
    pub opcode: u8,
    pub masked: bool,
    pub length: u64,
    pub length_form: LengthForm,
    pub mask_key: Option<[u8; 4]>,
    /// Unmasked.
    pub payload: Vec<u8>,
    /// Header bytes (2 to 14), for showing them in hex.
    pub header: Vec<u8>,
}

impl Frame {
    pub fn opcode_name(&self) -> &'static str {
        match self.opcode {
            0x0 => "continuation",
            0x1 => "text",
            0x2 => "binary",
            0x8 => "close",
            0x9 => "ping",
            0xa => "pong",
            _ => "reserved",
        }
    }

    /// A close frame's status code and reason (RFC 6455 §5.5.1).
    pub fn close(&self) -> Option<(u16, String)> {
        let [a, b, rest @ ..] = self.payload.as_slice() else {
            return None;
        };
        (self.opcode == 0x8).then(|| {
            (
                u16::from_be_bytes([*a, *b]),
                String::from_utf8_lossy(rest).into_owned(),
            )
        })
    }
}

/// The meaning of a close code (RFC 6455 §7.4.1).
pub fn close_meaning(code: u16) -> &'static str {
    match code {
        1000 => "normal closure",
        1001 => "going away",
        1002 => "protocol error",
        1003 => "unsupported data",
        1007 => "invalid payload data",
        1008 => "policy violation",
        1009 => "message too big",
        1010 => "mandatory extension",
        1011 => "internal error",
        _ => "other",
    }
}

pub(super) struct FrameHeader {
    pub len: usize,
    pub length: u64,
    form: LengthForm,
    mask_key: Option<[u8; 4]>,
}

/// A frame's header once all its bytes are here (RFC 6455 §5.2).
pub(super) fn frame_header(b: &[u8]) -> Result<Option<FrameHeader>, String> {
    let [_, second, ..] = b else { return Ok(None) };
    let (length, form, mut len) = match second & 0x7f {
        126 => match b.get(2..4) {
            Some(n) => (
                u64::from(u16::from_be_bytes([n[0], n[1]])),
                LengthForm::Bits16,
                4,
            ),
            None => return Ok(None),
        },
        127 => match b.get(2..10) {
            Some(n) => {
                let length = u64::from_be_bytes(n.try_into().expect("eight bytes"));
                if length >> 63 != 0 {
                    return Err("64-bit length with its top bit set".into());
                }
                (length, LengthForm::Bits64, 10)
            }
            None => return Ok(None),
        },
        n => (u64::from(n), LengthForm::Bits7, 2),
    };
    let mask_key = if second & 0x80 != 0 {
        let Some(k) = b.get(len..len + 4) else {
            return Ok(None);
        };
        len += 4;
        Some([k[0], k[1], k[2], k[3]])
    } else {
        None
    };
    Ok(Some(FrameHeader {
        len,
        length,
        form,
        mask_key,
    }))
}

pub(super) fn parse_frame(b: &[u8]) -> Result<Option<(Frame, usize)>, String> {
    let Some(h) = frame_header(b)? else {
        return Ok(None);
    };
    let end = h.len as u64 + h.length;
    if (b.len() as u64) < end {
        return Ok(None);
    }
    let end = end as usize;
    let mut payload = b[h.len..end].to_vec();
    if let Some(key) = h.mask_key {
        for (i, byte) in payload.iter_mut().enumerate() {
            *byte ^= key[i % 4];
        }
    }
    let frame = Frame {
        fin: b[0] & 0x80 != 0,
        rsv: (b[0] >> 4) & 0x7,
        opcode: b[0] & 0x0f,
        masked: h.mask_key.is_some(),
        length: h.length,
        length_form: h.form,
        mask_key: h.mask_key,
        payload,
        header: b[..h.len].to_vec(),
    };
    Ok(Some((frame, end)))
}
