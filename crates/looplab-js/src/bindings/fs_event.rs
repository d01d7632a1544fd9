//! `fs_event_wrap`: Node's FSEvent (`uv_fs_event_t`) over the loop. A started handle watches a
//! path; the file system's changes reach it as `Task::FsEvent` in the poll phase, and `take`
//! gives JavaScript the event. Failures return the POSIX code, as the other fs bindings do.
use boa_engine::{Context, JsResult, JsValue};

use super::{Native, arg, arg_handle, arg_string, array, host, str_value};
use crate::resolve::join;
use looplab_core::uv::HandleKind;

pub(super) const FNS: &[(&str, Native)] = &[
    ("create", create),
    ("start", start),
    ("close", close),
    ("setRef", super::set_handle_ref),
    ("hasRef", has_ref),
    ("take", take),
];

/// `create(label)`: `uv_fs_event_init`; inactive until it starts.
fn create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    super::init_handle(HandleKind::FsEvent, args, context)
}

/// `start(handle, path, recursive)`: `uv_fs_event_start`; undefined, or the code (`ENOENT`)
/// inotify_add_watch failed with. Changes made before it are not seen.
fn start(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let handle = arg_handle(args, 0, context)?;
    let path = arg_string(args, 1, context)?;
    let recursive = arg(args, 2).to_boolean();
    let h = host(context);
    let mut h = h.borrow_mut();
    let path = join(&h.options.cwd, &path);
    if let Err(e) = h.vfs.stat(&path) {
        return Ok(str_value(e.0));
    }
    h.forward_fs_changes();
    h.node.uv_mut().fs_event_start(handle, &path, recursive);
    Ok(JsValue::undefined())
}

/// `close(handle)`: stops watching and `uv_close`s the handle; `Task::Close` follows.
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

/// `take(number)`: the event a callback carries, `[eventType, filename]`.
fn take(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let number = super::arg_f64(args, 0, context)? as u64;
    let event = host(context)
        .borrow_mut()
        .node
        .uv_mut()
        .take_fs_event(number);
    Ok(match event {
        Some(e) => array(
            vec![str_value(e.kind.name()), str_value(&e.filename)],
            context,
        ),
        None => JsValue::undefined(),
    })
}
