//! zlib's four transforms as Node's zlib writes them (miniz_oxide's deflate, level 6): the sync
//! forms run them on the main thread, the async ones on a pool thread (`PoolOp::Zlib`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZlibOp {
    Gzip,
    Gunzip,
    Deflate,
    Inflate,
}

/// What a corrupt input fails with (Node's error code).
pub const DATA_ERROR: &str = "Z_DATA_ERROR";

impl ZlibOp {
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "gzip" => ZlibOp::Gzip,
            "gunzip" => ZlibOp::Gunzip,
            "deflate" => ZlibOp::Deflate,
            "inflate" => ZlibOp::Inflate,
            _ => return None,
        })
    }

    pub fn run(self, data: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            ZlibOp::Gzip => Ok(gzip(data)),
            ZlibOp::Gunzip => gunzip(data).ok_or_else(|| DATA_ERROR.to_string()),
            // zlib format (RFC 1950), as `zlib.deflateSync` writes it.
            ZlibOp::Deflate => Ok(miniz_oxide::deflate::compress_to_vec_zlib(data, 6)),
            ZlibOp::Inflate => miniz_oxide::inflate::decompress_to_vec_zlib(data)
                .map_err(|_| DATA_ERROR.to_string()),
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

fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 18 || data[0] != 0x1f || data[1] != 0x8b {
        return None;
    }
    let flags = data[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        let xlen = usize::from(*data.get(pos)?) | usize::from(*data.get(pos + 1)?) << 8;
        pos += 2 + xlen;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            while pos < data.len() && data[pos] != 0 {
                pos += 1;
            }
            pos += 1;
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    let body = data.get(pos..data.len() - 8)?;
    miniz_oxide::inflate::decompress_to_vec(body).ok()
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
}
