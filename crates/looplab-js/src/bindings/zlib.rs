//! `zlib`: the sync transforms (`zlib_codec`), run on the main thread.
use boa_engine::{Context, JsError, JsResult, JsValue};

use super::{Native, arg_bytes, bytes_value, str_value};
use crate::zlib_codec::ZlibOp;

pub(super) const FNS: &[(&str, Native)] = &[
    ("gzip", |_, a, c| transform(ZlibOp::Gzip, a, c)),
    ("gunzip", |_, a, c| transform(ZlibOp::Gunzip, a, c)),
    ("deflate", |_, a, c| transform(ZlibOp::Deflate, a, c)),
    ("inflate", |_, a, c| transform(ZlibOp::Inflate, a, c)),
    ("deflateRaw", |_, a, c| transform(ZlibOp::DeflateRaw, a, c)),
    ("inflateRaw", |_, a, c| transform(ZlibOp::InflateRaw, a, c)),
    ("unzip", |_, a, c| transform(ZlibOp::Unzip, a, c)),
];

fn transform(op: ZlibOp, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    // zlib's *Sync functions: the main thread compresses.
    super::host(context)
        .borrow_mut()
        .charge_builtin(|c| c.zlib(data.len() as u64));
    match op.run(&data) {
        Ok(out) => bytes_value(out, context),
        Err(code) => Err(JsError::from_opaque(str_value(&code))),
    }
}
