//! `stdio`: synchronous writes to stdout (fd 1) and stderr (fd 2).
use boa_engine::{Context, JsNativeError, JsResult, JsValue};

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
    let host = host(context);
    let mut host = host.borrow_mut();
    host.write_from(stream, &text, frames);
    // Past the output limit the run is over: unwind the script now rather than let it spin
    // until the instruction limit, writing nothing.
    if host.stopped() {
        return Err(JsNativeError::error()
            .with_message("looplab: output limit reached")
            .into());
    }
    Ok(JsValue::undefined())
}
