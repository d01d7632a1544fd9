//! `stdio`: synchronous writes to stdout (fd 1) and stderr (fd 2).
use boa_engine::{Context, JsResult, JsValue};

use super::{Native, arg_f64, arg_string, host};
use crate::host::Stream;

pub(super) const FNS: &[(&str, Native)] = &[("write", write)];

fn write(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let fd = arg_f64(args, 0, context)?;
    let text = arg_string(args, 1, context)?;
    let stream = if fd == 2.0 {
        Stream::Stderr
    } else {
        Stream::Stdout
    };
    let frames = crate::call_site::user_frames(context);
    host(context).borrow_mut().write_from(stream, &text, frames);
    Ok(JsValue::undefined())
}
