//! `clock`: the virtual monotonic clock (reading it costs virtual time, so busy-waits end).
use boa_engine::{Context, JsBigInt, JsResult, JsValue};
use looplab_core::time::Instant;

use super::{Native, host};

pub(super) const FNS: &[(&str, Native)] = &[
    ("now", now),
    ("hrtimeNs", hrtime_ns),
    ("idleTime", idle_time),
    ("loopStart", loop_start),
];

/// Milliseconds the loop has waited in the poll phase (`uv_metrics_idle_time`).
fn idle_time(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = host(context).borrow().node.uv().idle_time().as_micros();
    Ok(JsValue::from(us as f64 / 1e3))
}

/// When the loop first started, in `performance.now()` milliseconds; -1 before it has.
fn loop_start(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let start = host(context).borrow().node.uv().loop_start();
    Ok(JsValue::from(
        start.map_or(-1.0, |t| t.as_micros() as f64 / 1e3),
    ))
}

/// The virtual clock, once the work done so far has moved it: a busy loop that reads the clock
/// sees its own time pass.
pub(crate) fn read(context: &mut Context) -> Instant {
    let remaining = context.instructions_remaining();
    let host = host(context);
    let mut host = host.borrow_mut();
    host.charge_work(remaining);
    host.node.clock_read()
}

/// Milliseconds as a double, like `performance.now()`.
fn now(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = read(context).as_micros();
    Ok(JsValue::from(us as f64 / 1e3))
}

/// Nanoseconds as a BigInt, for `process.hrtime.bigint()`.
fn hrtime_ns(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = read(context).as_micros();
    Ok(JsValue::from(JsBigInt::from(us as i64 * 1000)))
}

/// `Date.now()`: the wall clock's origin plus the virtual clock, read the same way.
fn date_now(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = read(context).as_micros();
    let epoch = host(context).borrow().options.epoch_ms;
    Ok(JsValue::from((epoch + (us / 1000) as i64) as f64))
}

/// Puts `date_now` in place of the engine's `Date.now`, which reads the clock without the work.
pub(crate) fn install_date_now(context: &mut Context) {
    let date = context.intrinsics().constructors().date().constructor();
    let now = boa_engine::NativeFunction::from_fn_ptr(date_now);
    crate::guards::define_method(&date, "now", now, 0, context);
}
