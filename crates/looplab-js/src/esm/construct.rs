//! Construction: a module record for each format (lib/internal/modules/esm/translators.js).
//! Source text is parsed with evaluation hooks at its top and bottom (on the first and after the
//! last line, so line numbers stay as written); CommonJS becomes a synthetic module whose
//! `default` is `module.exports` and whose names come from the lexer; a built-in exports its
//! properties by name and itself as `default`.
use std::collections::HashSet;
use std::path::Path;

use boa_engine::module::SyntheticModuleInitializer;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, Module, Source};

use super::{Loader, cjs_lexer, file_url, str_value};
use crate::resolve::Resolver;
use crate::resolve::esm::{Format, Resolved};

/// Called at the top of every module body; its length is the shift of columns on line 1.
pub const BODY_START: &str = "globalThis[Symbol.for('looplab.esm')](import.meta, false);";
const BODY_END: &str = "\n;globalThis[Symbol.for('looplab.esm')](import.meta, true);\n";

pub fn construct(loader: &Loader, resolved: &Resolved, context: &mut Context) -> JsResult<Module> {
    match resolved.format {
        Format::Module => source_text(loader, &resolved.path, context),
        Format::CommonJs => commonjs(loader, &resolved.path, context),
        Format::Json => {
            let text = read(loader, &resolved.path, context)?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            Module::parse_json(JsString::from(text), context)
        }
        Format::Builtin => builtin(loader, &resolved.path, context),
    }
}

fn read(loader: &Loader, path: &str, context: &mut Context) -> JsResult<String> {
    let bytes = loader.host.borrow().vfs.read(path);
    match bytes {
        Ok(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
        Err(e) => Err(loader.node_error(e.0, &format!("{}: {path}", e.0), context)),
    }
}

fn source_text(loader: &Loader, path: &str, context: &mut Context) -> JsResult<Module> {
    let body = read(loader, path, context)?;
    crate::nesting::check(&body, context)?;
    // A shebang line is a comment to Node.
    let body = match body.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => body,
    };
    let code = format!("{BODY_START}{body}{BODY_END}");
    let code = crate::arrow_this::patch(&code, true).unwrap_or(code);
    let url = file_url(path);
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(&url));
    Module::parse(source, None, context)
}

/// Exports of a CommonJS file: its own names and those of the CommonJS files it re-exports.
fn cjs_names(loader: &Loader, path: &str, seen: &mut HashSet<String>, names: &mut Vec<String>) {
    if !seen.insert(path.to_string()) {
        return;
    }
    let source = loader.host.borrow().vfs.read(path);
    let Ok(source) = source else { return };
    let found = cjs_lexer::detect(&String::from_utf8_lossy(&source));
    names.extend(found.names);
    let dir = crate::vfs::parent(path).unwrap_or("/").to_string();
    for spec in found.reexports {
        let target = {
            let host = loader.host.borrow();
            let mut r = Resolver::new(&host.vfs);
            r.resolve_cjs(&spec, &dir)
                .ok()
                .filter(|t| r.format_of(t) == Ok(Format::CommonJs))
        };
        if let Some(target) = target {
            cjs_names(loader, &target, seen, names);
        }
    }
}

fn export_names(names: Vec<String>) -> Vec<JsString> {
    let mut out: Vec<String> = names.into_iter().filter(|n| n != "default").collect();
    out.sort();
    out.dedup();
    std::iter::once(JsString::from("default"))
        .chain(out.iter().map(|n| JsString::from(n.as_str())))
        .collect()
}

/// Sets `default` to `value` and every other name to `value[name]`. A built-in's lazy getter
/// that fails (it needs a built-in Looplab does not have) exports `undefined` instead of failing
/// the import of the whole built-in.
fn set_all(
    module: &boa_engine::module::SyntheticModule,
    value: &JsValue,
    names: &[JsString],
    tolerant: bool,
    context: &mut Context,
) -> JsResult<()> {
    for name in names {
        let v = if name == &JsString::from("default") {
            value.clone()
        } else {
            match value.as_object() {
                Some(o) => match o.get(name.clone(), context) {
                    Ok(v) => v,
                    Err(_) if tolerant => JsValue::undefined(),
                    Err(e) => return Err(e),
                },
                None => JsValue::undefined(),
            }
        };
        module.set_export(name, v)?;
    }
    Ok(())
}

fn commonjs(loader: &Loader, path: &str, context: &mut Context) -> JsResult<Module> {
    let mut names = Vec::new();
    cjs_names(loader, path, &mut HashSet::new(), &mut names);
    let names = export_names(names);
    let hooks = loader.hooks()?;
    let init = SyntheticModuleInitializer::from_copy_closure_with_captures(
        |module, (path, hooks, names): &(JsString, JsObject, Vec<JsString>), context| {
            let f = hooks.get(JsString::from("importCjs"), context)?;
            let exports = f.as_callable().expect("importCjs is a function").call(
                &hooks.clone().into(),
                &[path.clone().into()],
                context,
            )?;
            set_all(module, &exports, names, false, context)
        },
        (JsString::from(path), hooks, names.clone()),
    );
    Ok(Module::synthetic(
        &names,
        init,
        Some(path.into()),
        None,
        context,
    ))
}

fn builtin(loader: &Loader, name: &str, context: &mut Context) -> JsResult<Module> {
    let hooks = loader.hooks()?;
    let f = hooks.get(JsString::from("builtin"), context)?;
    // [exports, Object.keys(exports)]
    let pair = f.as_callable().expect("builtin is a function").call(
        &hooks.clone().into(),
        &[str_value(name)],
        context,
    )?;
    let pair = pair.as_object().expect("builtin returns a pair");
    let exports = pair.get(0, context)?;
    let keys = pair.get(1, context)?;
    let keys = keys.as_object().expect("builtin returns its keys");
    let len = keys
        .get(JsString::from("length"), context)?
        .to_length(context)?;
    let mut names = Vec::new();
    for i in 0..len {
        names.push(
            keys.get(i, context)?
                .to_string(context)?
                .to_std_string_escaped(),
        );
    }
    let names = export_names(names);
    let init = SyntheticModuleInitializer::from_copy_closure_with_captures(
        |module, (exports, names): &(JsValue, Vec<JsString>), context| {
            set_all(module, exports, names, true, context)
        },
        (exports, names.clone()),
    );
    Ok(Module::synthetic(
        &names,
        init,
        Some(name.into()),
        None,
        context,
    ))
}
