//! `internalBinding(name)`: the host surface the JavaScript modules call. One file per binding.
use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{JsArrayBuffer, JsTypedArray, JsUint8Array};
use boa_engine::property::Attribute;
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction};

use crate::host::HostRef;

mod async_context;
pub(crate) mod clock;
mod crypto;
mod engine;
mod fs;
mod fs_event;
mod module;
mod process;
mod signal;
mod stat_watcher;
mod stdio;
mod tasks;
mod tcp;
mod vm;
mod zlib;

pub(crate) use crypto::{pbkdf2_key, scrypt_key};
pub(crate) use module::CJS_WRAPPER;

pub(crate) type Native = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

/// The binding object for `name`, or None when there is no such binding.
pub(crate) fn create(name: &str, context: &mut Context) -> Option<JsObject> {
    let fns: &[(&str, Native)] = match name {
        "stdio" => stdio::FNS,
        "engine" => engine::FNS,
        "clock" => clock::FNS,
        "tasks" => tasks::FNS,
        "process" => process::FNS,
        "fs" => fs::FNS,
        "crypto" => crypto::FNS,
        "zlib" => zlib::FNS,
        "module" => module::FNS,
        "tcp" => tcp::FNS,
        "signal" => signal::FNS,
        "fs_event_wrap" => fs_event::FNS,
        "stat_watcher" => stat_watcher::FNS,
        "async_context" => async_context::FNS,
        "vm" => vm::FNS,
        _ => return None,
    };
    let mut init = ObjectInitializer::new(context);
    for (n, f) in fns {
        init.function(NativeFunction::from_fn_ptr(*f), JsString::from(*n), 0);
    }
    let obj = init.build();
    if name == "module" {
        module::add_constants(&obj, context);
    }
    Some(obj)
}

/// The host state of this context.
pub(crate) fn host(context: &Context) -> HostRef {
    context
        .get_data::<HostRef>()
        .expect("the host is installed when the context is built")
        .clone()
}

pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

pub(crate) fn arg_string(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<String> {
    Ok(arg(args, i).to_string(context)?.to_std_string_escaped())
}

pub(crate) fn arg_f64(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<f64> {
    arg(args, i).to_number(context)
}

/// A handle id the JavaScript side holds (a number).
pub(crate) fn arg_handle(
    args: &[JsValue],
    i: usize,
    context: &mut Context,
) -> JsResult<looplab_core::uv::HandleId> {
    Ok(looplab_core::uv::HandleId(arg_f64(args, i, context)? as u32))
}

/// `create(label)` of a handle binding: `uv_*_init` of a `kind` handle, inactive until it starts.
pub(crate) fn init_handle(
    kind: looplab_core::uv::HandleKind,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let label = arg_string(args, 0, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    let id = h.node.uv_mut().handle_init(kind, label);
    h.async_context
        .keep(crate::async_context::Resource::Handle(id.0));
    Ok(JsValue::from(id.0))
}

/// `setRef(handle, on)`: `uv_ref` / `uv_unref`, for every binding's handles.
pub(crate) fn set_handle_ref(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let on = arg(args, 1).to_boolean();
    host(context).borrow_mut().node.uv_mut().set_ref(handle, on);
    Ok(JsValue::undefined())
}

/// Bytes of a string (UTF-8) or of any typed array / ArrayBuffer view.
pub(crate) fn arg_bytes(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<Vec<u8>> {
    let v = arg(args, i);
    if let Some(obj) = v.as_object() {
        if let Ok(ta) = JsTypedArray::from_object(obj.clone()) {
            let offset = ta.byte_offset(context)?;
            let len = ta.byte_length(context)?;
            let buf = ta.buffer(context)?;
            let ab = buf
                .as_object()
                .and_then(|o| JsArrayBuffer::from_object(o.clone()).ok())
                .ok_or_else(|| JsNativeError::typ().with_message("detached buffer"))?;
            let data = ab.to_vec().unwrap_or_default();
            return Ok(data.get(offset..offset + len).unwrap_or_default().to_vec());
        }
        if let Ok(ab) = JsArrayBuffer::from_object(obj.clone()) {
            return Ok(ab.to_vec().unwrap_or_default());
        }
    }
    Ok(v.to_string(context)?.to_std_string_escaped().into_bytes())
}

/// A fresh Uint8Array holding `bytes` (JavaScript wraps it as a Buffer).
pub(crate) fn bytes_value(bytes: Vec<u8>, context: &mut Context) -> JsResult<JsValue> {
    Ok(JsUint8Array::from_iter(bytes, context)?.into())
}

pub(crate) fn str_value(s: &str) -> JsValue {
    JsValue::from(JsString::from(s))
}

pub(crate) fn array(values: Vec<JsValue>, context: &mut Context) -> JsValue {
    boa_engine::object::builtins::JsArray::from_iter(values, context).into()
}

pub(crate) fn set(obj: &JsObject, key: &str, value: JsValue, context: &mut Context) {
    let _ = obj.define_property_or_throw(
        JsString::from(key),
        boa_engine::property::PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(true)
            .configurable(true),
        context,
    );
    let _ = Attribute::all();
}

/// Compiles a built-in by name into its wrapper function.
pub(crate) fn compile_builtin_fn(name: &str, context: &mut Context) -> JsResult<JsObject> {
    let f = module::compile_builtin(&JsValue::undefined(), &[str_value(name)], context)?;
    f.as_object().ok_or_else(|| {
        JsNativeError::error()
            .with_message(format!("no built-in {name}"))
            .into()
    })
}
