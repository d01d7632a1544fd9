//! `zlib`: Node's native zlib handle. `create` makes a handle for one stream; `writeSync` runs a
//! write on the main thread (the *Sync functions), `write` a write whose time the JavaScript
//! side puts on the thread pool; both return `[availInAfter, output]`, or `[errno, message,
//! code]` when the data is bad.
use boa_engine::object::builtins::{JsArrayBuffer, JsUint8Array};
use boa_engine::prelude::{Finalize, JsData, Trace};
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsValue};

use super::{Native, arg, arg_bytes, arg_f64, array, bytes_value, str_value};
use crate::zlib::{Init, Mode, ZlibStream};

pub(super) const FNS: &[(&str, Native)] = &[
    ("create", create),
    ("write", |_, a, c| write(a, c, false)),
    ("writeSync", |_, a, c| write(a, c, true)),
    ("params", params),
    ("reset", reset),
    ("close", close),
    ("crc32", crc32),
];

/// A stream's state, held by its JavaScript handle; `None` once closed.
#[derive(Trace, Finalize, JsData)]
// Safety: the codec's state holds no JavaScript values.
#[boa_gc(unsafe_empty_trace)]
struct Handle {
    stream: Option<ZlibStream>,
}

fn int(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<i32> {
    Ok(arg_f64(args, i, context)? as i32)
}

/// `create(mode, windowBits, level, strategy, dictionary, brotliParams)`: a handle, or false
/// when zlib's or brotli's init would refuse the options (Node's ERR_ZLIB_INITIALIZATION_FAILED).
fn create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let mode = Mode::from_number(arg_f64(args, 0, context)?)
        .ok_or_else(|| JsNativeError::typ().with_message("Bad argument"))?;
    let dictionary = if arg(args, 4).is_undefined() {
        None
    } else {
        Some(arg_bytes(args, 4, context)?)
    };
    // brotliParams: a flat [key, value, key, value ...] array of the options set.
    let mut brotli_params = Vec::new();
    if let Some(list) = arg(args, 5).as_object() {
        let len = list
            .get(boa_engine::js_string!("length"), context)?
            .to_length(context)?;
        for i in (0..len).step_by(2) {
            let key = list.get(i, context)?.to_u32(context)?;
            let value = list.get(i + 1, context)?.to_u32(context)?;
            brotli_params.push((key, value));
        }
    }
    let init = Init {
        window_bits: int(args, 1, context)?,
        level: int(args, 2, context)?,
        strategy: int(args, 3, context)?,
        dictionary,
        brotli_params,
    };
    Ok(match ZlibStream::new(mode, &init) {
        Some(stream) => JsObject::from_proto_and_data(
            None,
            Handle {
                stream: Some(stream),
            },
        )
        .into(),
        None => JsValue::from(false),
    })
}

fn with_stream<T>(args: &[JsValue], f: impl FnOnce(&mut ZlibStream) -> T) -> JsResult<Option<T>> {
    let handle = arg(args, 0).as_object().and_then(|o| {
        o.downcast_mut::<Handle>()
            .map(|mut h| h.stream.as_mut().map(f))
    });
    handle.ok_or_else(|| {
        JsNativeError::typ()
            .with_message("not a zlib handle")
            .into()
    })
}

/// `write(handle, flush, input, inOff, inLen, room)`.
fn write(args: &[JsValue], context: &mut Context, sync: bool) -> JsResult<JsValue> {
    let flush = int(args, 1, context)?;
    let off = arg_f64(args, 3, context)? as usize;
    let len = arg_f64(args, 4, context)? as usize;
    let input = input_bytes(&arg(args, 2), off, len, context)?;
    let len = input.len();
    let room = arg_f64(args, 5, context)? as usize;
    let input = &input[..];
    let Some(result) = with_stream(args, |s| s.write(flush, input, room))? else {
        return Err(JsNativeError::error()
            .with_message("zlib binding closed")
            .into());
    };
    // The *Sync functions' work is the main thread's, by the input each write takes.
    if sync {
        let taken = result.as_ref().map_or(len, |w| w.consumed);
        super::host(context)
            .borrow_mut()
            .charge_builtin(|c| c.zlib(taken as u64));
    }
    match result {
        Ok(w) => {
            let rest = JsValue::from((len - w.consumed) as u32);
            let out = bytes_value(w.out, context)?;
            Ok(array(vec![rest, out], context))
        }
        Err(e) => Ok(array(
            vec![
                JsValue::from(e.errno),
                str_value(e.message),
                str_value(&e.code),
            ],
            context,
        )),
    }
}

/// `len` bytes at `off` of a Uint8Array, copied alone: a large input is written in many calls.
fn input_bytes(v: &JsValue, off: usize, len: usize, context: &mut Context) -> JsResult<Vec<u8>> {
    let view = v
        .as_object()
        .and_then(|o| JsUint8Array::from_object(o.clone()).ok());
    let Some(view) = view else {
        return Err(JsNativeError::typ()
            .with_message("zlib input must be a Uint8Array")
            .into());
    };
    let start = view.byte_offset(context)?;
    let size = view.byte_length(context)?;
    let buffer = view.buffer(context)?;
    let ab = buffer
        .as_object()
        .and_then(|o| JsArrayBuffer::from_object(o.clone()).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("detached buffer"))?;
    let off = off.min(size);
    let len = len.min(size - off);
    let data = ab.data();
    Ok(data
        .as_deref()
        .and_then(|d| d.get(start + off..start + off + len))
        .unwrap_or_default()
        .to_vec())
}

fn params(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let level = int(args, 1, context)?;
    let strategy = int(args, 2, context)?;
    with_stream(args, |s| s.params(level, strategy))?;
    Ok(JsValue::undefined())
}

fn reset(_: &JsValue, args: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_stream(args, ZlibStream::reset)?;
    Ok(JsValue::undefined())
}

fn close(_: &JsValue, args: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    if let Some(o) = arg(args, 0).as_object()
        && let Some(mut h) = o.downcast_mut::<Handle>()
    {
        h.stream = None;
    }
    Ok(JsValue::undefined())
}

/// `crc32(data, value)`: zlib.crc32, the arguments checked in JavaScript.
fn crc32(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = arg_bytes(args, 0, context)?;
    let value = arg_f64(args, 1, context)? as u32;
    Ok(JsValue::from(crate::zlib::crc32(value, &data)))
}
