//! `module`: resolution, reading and compiling user modules and built-ins.
mod esm;
mod json_error;

use std::path::Path;

use boa_engine::{Context, JsObject, JsResult, JsValue, Script, Source};

use super::{Native, arg, arg_string, array, host, set, str_value};
use crate::{builtins, resolve};

pub(super) const FNS: &[(&str, Native)] = &[
    ("resolve", resolve_request),
    ("findPath", find_path),
    ("format", esm::format),
    ("runMainEsm", esm::run_main_esm),
    ("requireEsm", esm::require_esm),
    ("setEsmHooks", esm::set_hooks),
    ("esmBody", esm::body),
    ("trace", esm::trace),
    ("dlopen", esm::dlopen),
    ("jsonError", json_error),
    ("readSource", read_source),
    ("compile", compile),
    ("compileBuiltin", compile_builtin),
    ("builtinNames", builtin_names),
    ("sourceLine", source_line),
];

/// Wraps a CommonJS module on its first line, so line numbers stay as written.
pub(crate) const CJS_WRAPPER: &str =
    "(function (exports, require, module, __filename, __dirname) { ";
const BUILTIN_WRAPPER: &str =
    "(function (exports, require, module, internalBinding, primordials) { ";

pub(super) fn add_constants(obj: &JsObject, context: &mut Context) {
    set(
        obj,
        "wrapperLength",
        JsValue::from(CJS_WRAPPER.len() as f64),
        context,
    );
    set(
        obj,
        "esmPrefixLength",
        JsValue::from(crate::esm::BODY_START.len() as f64),
        context,
    );
}

/// `require(request)` from `dir`: the path, or Node's error code and message; with the
/// warnings Node would emit (DEP0128) and every probe recorded in the trace.
fn resolve_request(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let request = arg_string(args, 0, context)?;
    let dir = arg_string(args, 1, context)?;
    resolved(&request, &dir, |r| r.resolve_cjs(&request, &dir), context)
}

/// `Module._findPath(request, paths)`, for `require.resolve(request, { paths })`.
fn find_path(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let request = arg_string(args, 0, context)?;
    let list = arg(args, 1);
    let mut paths = Vec::new();
    if let Some(obj) = list.as_object() {
        let len = obj
            .get(boa_engine::JsString::from("length"), context)?
            .to_length(context)?;
        for i in 0..len {
            paths.push(
                obj.get(i, context)?
                    .to_string(context)?
                    .to_std_string_escaped(),
            );
        }
    }
    resolved(&request, "", |r| r.find_path(&request, &paths), context)
}

fn resolved(
    request: &str,
    dir: &str,
    run: impl FnOnce(&mut resolve::Resolver) -> Result<String, resolve::ResolveError>,
    context: &mut Context,
) -> JsResult<JsValue> {
    let h = host(context);
    let (result, probes, warnings) = {
        let hb = h.borrow();
        let mut r = resolve::Resolver::new(&hb.vfs);
        let result = run(&mut r);
        (result, r.probes, r.warnings)
    };
    esm::record_resolution(&h, request, dir, &probes, result.as_ref().ok());
    let out = JsObject::with_null_proto();
    match result {
        Ok(path) => set(&out, "path", str_value(&path), context),
        Err(e) => {
            set(&out, "code", str_value(e.code()), context);
            set(
                &out,
                "message",
                str_value(&e.message(request, None)),
                context,
            );
            set(
                &out,
                "plain",
                JsValue::from(e == resolve::ResolveError::NotFound),
                context,
            );
        }
    }
    let warnings = warnings.iter().map(|w| str_value(w)).collect();
    set(&out, "warnings", array(warnings, context), context);
    Ok(out.into())
}

/// V8's message for a JSON text that does not parse, or undefined.
fn json_error(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = arg_string(args, 0, context)?;
    Ok(json_error::v8_message(&text).map_or(JsValue::undefined(), |m| str_value(&m)))
}

fn read_source(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let path = arg_string(args, 0, context)?;
    let bytes = host(context)
        .borrow()
        .vfs
        .read(&path)
        .map_err(|e| boa_engine::JsError::from_opaque(str_value(e.0)))?;
    Ok(str_value(&String::from_utf8_lossy(&bytes)))
}

fn compile_wrapped(
    wrapper: &str,
    body: &str,
    path: &str,
    context: &mut Context,
) -> JsResult<JsValue> {
    // A shebang line is a comment to Node.
    let body = match body.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => body.to_string(),
    };
    let code = format!("{wrapper}{body}\n}})");
    let code = crate::arrow_this::patch(&code, false).unwrap_or(code);
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(path));
    let script = Script::parse(source, None, context)?;
    script.evaluate(context)
}

fn compile(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let body = arg_string(args, 0, context)?;
    let filename = arg_string(args, 1, context)?;
    crate::nesting::check(&body, context)?;
    compile_wrapped(CJS_WRAPPER, &body, &filename, context)
}

pub(super) fn compile_builtin(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let name = arg_string(args, 0, context)?;
    match builtins::source(&name) {
        Some(src) => compile_wrapped(BUILTIN_WRAPPER, src, &format!("node:{name}"), context),
        None => Ok(JsValue::undefined()),
    }
}

fn builtin_names(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let names = builtins::public_names()
        .into_iter()
        .map(str_value)
        .collect();
    Ok(array(names, context))
}

/// Line `n` (1-based) of a user file, for the uncaught-error header.
fn source_line(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let path = crate::esm::url_path(&arg_string(args, 0, context)?);
    let n = args
        .get(1)
        .map(|v| v.to_number(context))
        .transpose()?
        .unwrap_or(0.0) as usize;
    let Ok(bytes) = host(context).borrow().vfs.read(&path) else {
        return Ok(JsValue::undefined());
    };
    let text = String::from_utf8_lossy(&bytes);
    Ok(text
        .lines()
        .nth(n.saturating_sub(1))
        .map_or(JsValue::undefined(), str_value))
}
