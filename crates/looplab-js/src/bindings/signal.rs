//! `signal`: Node's signal_wrap (`uv_signal_t`) and `uv_kill` over the loop, so the same
//! JavaScript catches signals on the simulated machine and on the real one. A caught signal comes
//! back as `Task::Signal` in the poll phase. Failures return libuv's negative errno, as Node's
//! C++ does, and JavaScript builds the error.
use boa_engine::error::{EngineError, PanicError};
use boa_engine::{Context, JsError, JsResult, JsValue};

use super::process::EXIT_UNWIND;
use super::{Native, arg_f64, arg_handle, host};
use looplab_core::uv::HandleKind;

pub(super) const FNS: &[(&str, Native)] = &[
    ("create", create),
    ("start", start),
    ("close", close),
    ("setRef", super::set_handle_ref),
    ("hasRef", has_ref),
    ("kill", kill),
    ("pid", pid),
];

/// `create(label)`: `uv_signal_init`; the handle is inactive until it starts.
fn create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    super::init_handle(HandleKind::Signal, args, context)
}

/// `start(handle, signum)`: `uv_signal_start`; 0, or a negative errno.
fn start(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let handle = arg_handle(args, 0, context)?;
    let signum = arg_f64(args, 1, context)? as i32;
    let h = host(context);
    let result = h.borrow_mut().node.uv_mut().signal_start(handle, signum);
    Ok(JsValue::from(result.map_or_else(|e| e.errno(), |()| 0)))
}

/// `close(handle)`: stops catching and `uv_close`s the handle; `Task::Close` follows.
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

/// `kill(pid, signum)`: `uv_kill`; 0, or a negative errno. A signal to this process that nothing
/// catches ends (or stops) it before kill returns: the script unwinds as after `process.exit()`.
fn kill(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let pid = arg_f64(args, 0, context)? as i32;
    let signum = arg_f64(args, 1, context)? as i32;
    let h = host(context);
    let mut h = h.borrow_mut();
    if let Err(e) = h.node.kill(pid, signum) {
        return Ok(JsValue::from(e.errno()));
    }
    if !h.node.life().is_running() {
        return Err(JsError::from(EngineError::from(PanicError::new(
            EXIT_UNWIND,
        ))));
    }
    Ok(JsValue::from(0))
}

/// `pid()`: this process's id as the backend knows it.
fn pid(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let h = host(context);
    let mut h = h.borrow_mut();
    let pid = h
        .node
        .uv_mut()
        .backend_mut()
        .signals()
        .map_or(0, |s| s.pid());
    Ok(JsValue::from(pid))
}
