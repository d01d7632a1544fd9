//! `zlib`: gzip and gunzip (miniz_oxide's deflate with the gzip header and trailer around it).
use boa_engine::{Context, JsError, JsResult, JsValue};

use super::{Native, arg_bytes, bytes_value, str_value};

pub(super) const FNS: &[(&str, Native)] = &[
    ("gzip", gzip),
    ("gunzip", gunzip),
    ("deflate", deflate),
    ("inflate", inflate),
];

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

fn gzip(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    // Node's header: no name, mtime 0, XFL 0, OS 3 (Unix).
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    out.extend(miniz_oxide::deflate::compress_to_vec(&data, 6));
    out.extend(crc32(&data).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    bytes_value(out, context)
}

fn gunzip(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    let bad = || JsError::from_opaque(str_value("Z_DATA_ERROR"));
    if data.len() < 18 || data[0] != 0x1f || data[1] != 0x8b {
        return Err(bad());
    }
    let flags = data[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        let xlen = usize::from(data[pos]) | usize::from(data[pos + 1]) << 8;
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
    let body = data.get(pos..data.len() - 8).ok_or_else(bad)?;
    let out = miniz_oxide::inflate::decompress_to_vec(body).map_err(|_| bad())?;
    bytes_value(out, context)
}

/// zlib format (RFC 1950), as `zlib.deflateSync` writes it.
fn deflate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    bytes_value(
        miniz_oxide::deflate::compress_to_vec_zlib(&data, 6),
        context,
    )
}

fn inflate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    let out = miniz_oxide::inflate::decompress_to_vec_zlib(&data)
        .map_err(|_| JsError::from_opaque(str_value("Z_DATA_ERROR")))?;
    bytes_value(out, context)
}
