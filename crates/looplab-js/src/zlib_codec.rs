//! zlib's transforms as Node's zlib writes them (miniz_oxide's deflate, level 6): the sync forms
//! run them on the main thread, the async ones and the streams' last step on a pool thread
//! (`PoolOp::Zlib`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZlibOp {
    Gzip,
    Gunzip,
    Deflate,
    Inflate,
    DeflateRaw,
    InflateRaw,
    /// Gunzip or inflate, by the input's header.
    Unzip,
}

/// What a corrupt input fails with (Node's error code).
pub const DATA_ERROR: &str = "Z_DATA_ERROR";
/// What an input that stops before its end fails with.
pub const BUF_ERROR: &str = "Z_BUF_ERROR";

impl ZlibOp {
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "gzip" => ZlibOp::Gzip,
            "gunzip" => ZlibOp::Gunzip,
            "deflate" => ZlibOp::Deflate,
            "inflate" => ZlibOp::Inflate,
            "deflateRaw" => ZlibOp::DeflateRaw,
            "inflateRaw" => ZlibOp::InflateRaw,
            "unzip" => ZlibOp::Unzip,
            _ => return None,
        })
    }

    pub fn run(self, data: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            ZlibOp::Gzip => Ok(gzip(data)),
            ZlibOp::Gunzip => gunzip(data).map_err(str::to_string),
            // zlib format (RFC 1950), as `zlib.deflateSync` writes it.
            ZlibOp::Deflate => Ok(miniz_oxide::deflate::compress_to_vec_zlib(data, 6)),
            ZlibOp::Inflate => miniz_oxide::inflate::decompress_to_vec_zlib(data)
                .map_err(|_| DATA_ERROR.to_string()),
            ZlibOp::DeflateRaw => Ok(miniz_oxide::deflate::compress_to_vec(data, 6)),
            ZlibOp::InflateRaw => inflate_raw(data)
                .map(|(out, _)| out)
                .map_err(str::to_string),
            ZlibOp::Unzip if data.starts_with(&[0x1f, 0x8b]) => ZlibOp::Gunzip.run(data),
            ZlibOp::Unzip => ZlibOp::Inflate.run(data),
        }
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn gzip(data: &[u8]) -> Vec<u8> {
    // Node's header: no name, mtime 0, XFL 0, OS 3 (Unix).
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    out.extend(miniz_oxide::deflate::compress_to_vec(data, 6));
    out.extend(crc32(data).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

/// Every gzip member in `data`, one after another, as gunzip reads them: whatever follows a
/// member must be another one.
fn gunzip(data: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let body = pos + member_header(&data[pos..])?;
        let (bytes, used) = inflate_raw(&data[body..])?;
        let end = body + used + 8;
        if end > data.len() {
            return Err(BUF_ERROR);
        }
        out.extend(bytes);
        pos = end;
        if pos == data.len() {
            return Ok(out);
        }
    }
}

/// The length of a gzip member's header (RFC 1952: extra field, name, comment, header CRC).
fn member_header(data: &[u8]) -> Result<usize, &'static str> {
    if data.len() < 10 {
        return Err(if data.starts_with(&[0x1f]) || data.is_empty() {
            BUF_ERROR
        } else {
            DATA_ERROR
        });
    }
    if data[0] != 0x1f || data[1] != 0x8b {
        return Err(DATA_ERROR);
    }
    let flags = data[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        let len = data.get(pos..pos + 2).ok_or(BUF_ERROR)?;
        pos += 2 + (usize::from(len[0]) | usize::from(len[1]) << 8);
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            let zero = data
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == 0));
            pos += zero.ok_or(BUF_ERROR)? + 1;
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    if pos > data.len() {
        return Err(BUF_ERROR);
    }
    Ok(pos)
}

/// Inflates the raw deflate stream at the start of `data`: its bytes, and how much input it
/// took (a gzip member's trailer and any next member follow it).
fn inflate_raw(data: &[u8]) -> Result<(Vec<u8>, usize), &'static str> {
    use miniz_oxide::inflate::stream::{InflateState, inflate};
    use miniz_oxide::{DataFormat, MZFlush, MZStatus};
    let mut state = InflateState::new_boxed(DataFormat::Raw);
    let mut out = Vec::new();
    let mut buf = vec![0; 64 * 1024];
    let mut pos = 0;
    loop {
        let r = inflate(&mut state, &data[pos..], &mut buf, MZFlush::None);
        pos += r.bytes_consumed;
        out.extend_from_slice(&buf[..r.bytes_written]);
        match r.status {
            Ok(MZStatus::StreamEnd) => return Ok((out, pos)),
            Ok(_) if r.bytes_consumed > 0 || r.bytes_written > 0 => {}
            Ok(_) => return Err(BUF_ERROR),
            Err(miniz_oxide::MZError::Buf) => return Err(BUF_ERROR),
            Err(_) => return Err(DATA_ERROR),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_transform_round_trips_and_bad_input_is_a_data_error() {
        let text = b"looplab looplab looplab";
        for (there, back) in [
            (ZlibOp::Gzip, ZlibOp::Gunzip),
            (ZlibOp::Deflate, ZlibOp::Inflate),
            (ZlibOp::DeflateRaw, ZlibOp::InflateRaw),
            (ZlibOp::Gzip, ZlibOp::Unzip),
            (ZlibOp::Deflate, ZlibOp::Unzip),
        ] {
            let packed = there.run(text).expect("compresses");
            assert_eq!(back.run(&packed).expect("inflates"), text);
        }
        assert_eq!(
            ZlibOp::Gunzip.run(b"not gzip at all, no"),
            Err(DATA_ERROR.into())
        );
        assert_eq!(ZlibOp::Inflate.run(b"nope"), Err(DATA_ERROR.into()));
    }

    #[test]
    fn gunzip_reads_every_member_and_a_cut_member_is_a_buffer_error() {
        let mut two = ZlibOp::Gzip.run(b"one ").unwrap();
        two.extend(ZlibOp::Gzip.run(b"two").unwrap());
        assert_eq!(ZlibOp::Gunzip.run(&two).unwrap(), b"one two");
        assert_eq!(
            ZlibOp::Gunzip.run(&two[..two.len() - 4]),
            Err(BUF_ERROR.into())
        );
        let mut garbage = ZlibOp::Gzip.run(b"one ").unwrap();
        garbage.extend(b"garbage");
        assert_eq!(ZlibOp::Gunzip.run(&garbage), Err(DATA_ERROR.into()));
        assert_eq!(ZlibOp::Gunzip.run(b""), Err(BUF_ERROR.into()));
        let one = ZlibOp::Gzip.run(b"only").unwrap();
        assert_eq!(
            ZlibOp::Gunzip.run(&one[..one.len() - 3]),
            Err(BUF_ERROR.into())
        );
    }
}
