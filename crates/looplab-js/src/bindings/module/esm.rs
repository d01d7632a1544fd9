//! The ES module side of the `module` binding, and the trace records of both loaders.
use boa_engine::{Context, JsNativeError, JsResult, JsValue};
use looplab_core::{ModuleFormat, TraceEvent};

use super::super::{arg, arg_string, host, str_value};
use crate::esm::{self, loader};
use crate::host::HostRef;
use crate::resolve::esm::Format;
use crate::resolve::{Probe, Resolver};

/// Records a CommonJS resolution: each probe, then the outcome.
pub(in crate::bindings) fn record_resolution(
    host: &HostRef,
    request: &str,
    from: &str,
    probes: &[Probe],
    resolved: Option<&String>,
) {
    let mut h = host.borrow_mut();
    let uv = h.node.uv_mut();
    for p in probes {
        uv.record(TraceEvent::ModuleProbe {
            path: p.path.clone(),
            found: p.found,
        });
    }
    uv.record(TraceEvent::ModuleResolve {
        request: request.to_string(),
        from: from.to_string(),
        resolved: resolved.cloned(),
    });
}

/// How Node would load `path`: "module", "commonjs", "json", or an error code.
pub(in crate::bindings) fn format(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let path = arg_string(args, 0, context)?;
    let h = host(context);
    let format = Resolver::new(&h.borrow().vfs).format_of(&path);
    Ok(str_value(match format {
        Ok(Format::Module) => "module",
        Ok(Format::CommonJs) => "commonjs",
        Ok(Format::Json) => "json",
        Ok(Format::Builtin) => "builtin",
        Err(e) => e.code,
    }))
}

/// Runs the ES module entry; returns the promise of its evaluation.
pub(in crate::bindings) fn run_main_esm(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let path = arg_string(args, 0, context)?;
    esm::run_main(&path, context).map(Into::into)
}

/// `require()` of an ES module from `parent`.
pub(in crate::bindings) fn require_esm(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let path = arg_string(args, 0, context)?;
    let parent = arg_string(args, 1, context)?;
    esm::require_esm(&path, &parent, context)
}

pub(in crate::bindings) fn set_hooks(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let hooks = arg(args, 0)
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("hooks must be an object"))?
        .clone();
    loader(context).set_hooks(hooks);
    Ok(JsValue::undefined())
}

/// The hook at the top (`done` false) and bottom (`done` true) of every module body.
pub(in crate::bindings) fn body(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    if let Some(meta) = arg(args, 0).as_object() {
        loader(context).on_body(&meta, arg(args, 1).to_boolean());
    }
    Ok(JsValue::undefined())
}

/// CommonJS records: trace(kind, path[, ok]) with kind "cache", "wrapper", "start" or "end".
pub(in crate::bindings) fn trace(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let kind = arg_string(args, 0, context)?;
    let path = arg_string(args, 1, context)?;
    let event = match kind.as_str() {
        "cache" => TraceEvent::ModuleCacheHit { path },
        "wrapper" => TraceEvent::ModuleWrapperCall { path },
        "start" => {
            let format = if path.ends_with(".json") {
                ModuleFormat::Json
            } else {
                ModuleFormat::Commonjs
            };
            TraceEvent::ModuleEvalStart { path, format }
        }
        _ => TraceEvent::ModuleEvalEnd {
            path,
            ok: arg(args, 2).to_boolean(),
        },
    };
    host(context).borrow_mut().node.uv_mut().record(event);
    Ok(JsValue::undefined())
}

/// Why `process.dlopen` refuses `path`: the dynamic linker's words for a file that is not a
/// shared object, and Looplab's for one that is (no native code runs in the model).
pub(in crate::bindings) fn dlopen(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let path = arg_string(args, 0, context)?;
    let bytes = host(context).borrow().vfs.read(&path);
    let reason = match bytes {
        Err(e) => format!("cannot open shared object file: {}", e.0),
        Ok(b) if b.len() < 64 => "file too short".to_string(),
        Ok(b) if !b.starts_with(b"\x7fELF") => "invalid ELF header".to_string(),
        Ok(_) => "native addons cannot run in Looplab's model".to_string(),
    };
    Ok(str_value(&format!("{path}: {reason}")))
}
