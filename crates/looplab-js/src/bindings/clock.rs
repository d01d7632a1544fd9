//! `clock`: the virtual monotonic clock (reading it costs virtual time, so busy-waits end).
use boa_engine::{Context, JsBigInt, JsResult, JsValue};

use super::{Native, host};

pub(super) const FNS: &[(&str, Native)] = &[("now", now), ("hrtimeNs", hrtime_ns)];

/// Milliseconds as a double, like `performance.now()`.
fn now(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = host(context).borrow_mut().node.clock_read().as_micros();
    Ok(JsValue::from(us as f64 / 1e3))
}

/// Nanoseconds as a BigInt, for `process.hrtime.bigint()`.
fn hrtime_ns(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = host(context).borrow_mut().node.clock_read().as_micros();
    Ok(JsValue::from(JsBigInt::from(us as i64 * 1000)))
}
