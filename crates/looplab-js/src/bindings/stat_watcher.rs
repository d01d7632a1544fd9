//! `stat_watcher`: Node's StatWatcher (`uv_fs_poll_t`) over the loop. JavaScript issues each
//! stat as a pool request and compares the results; the loop keeps the handle active and times
//! the next stat with its internal timer, whose expiry comes back as `Task::FsPoll`.
use boa_engine::{Context, JsResult, JsValue};

use super::{Native, arg_f64, arg_handle, host};
use looplab_core::uv::HandleKind;

pub(super) const FNS: &[(&str, Native)] = &[
    ("create", create),
    ("start", start),
    ("statDone", stat_done),
    ("close", close),
    ("setRef", super::set_handle_ref),
    ("hasRef", has_ref),
    ("isActive", is_active),
];

/// `create(label)`: `uv_fs_poll_init`; inactive until it starts.
fn create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    super::init_handle(HandleKind::FsPoll, args, context)
}

/// `start(handle, interval)`: `uv_fs_poll_start`; JavaScript issues the first stat.
fn start(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let handle = arg_handle(args, 0, context)?;
    let interval = arg_f64(args, 1, context)?.max(0.0) as u64;
    host(context)
        .borrow_mut()
        .node
        .uv_mut()
        .fs_poll_start(handle, interval);
    Ok(JsValue::undefined())
}

/// `statDone(handle)`: a stat returned; the timer is set for the rest of the interval.
fn stat_done(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    host(context)
        .borrow_mut()
        .node
        .uv_mut()
        .fs_poll_stat_done(handle);
    Ok(JsValue::undefined())
}

/// `close(handle)`: stops polling and `uv_close`s the handle (and its timer).
fn close(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    host(context).borrow_mut().node.uv_mut().close(handle);
    Ok(JsValue::undefined())
}

fn has_ref(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let refed = host(context).borrow().node.uv().handle(handle).refed;
    Ok(JsValue::from(refed))
}

fn is_active(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let active = host(context).borrow().node.uv().handle(handle).active;
    Ok(JsValue::from(active))
}
