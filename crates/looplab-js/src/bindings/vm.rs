//! `vm`: source text run as a script of its own, in this realm (`runInThisContext`) or in a
//! fresh one (`vm.createContext`: its own global object and built-ins, no Node globals).
use std::path::Path;

use boa_engine::{Context, JsNativeError, JsResult, JsValue, Script, Source};

use super::{Native, arg_f64, arg_string, host};

pub(super) const FNS: &[(&str, Native)] = &[
    ("run", run),
    ("check", check),
    ("createRealm", create_realm),
    ("realmGlobal", realm_global),
];

fn parse(code: &str, filename: &str, context: &mut Context) -> JsResult<Script> {
    crate::nesting::check(code, context)?;
    let patched = crate::arrow_this::patch(code, false);
    let code = patched.as_deref().unwrap_or(code);
    let source = Source::from_bytes(code.as_bytes()).with_path(Path::new(filename));
    Script::parse(source, None, context)
}

/// `check(code, filename)`: throws the SyntaxError `new vm.Script` throws.
fn check(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let code = arg_string(args, 0, context)?;
    let filename = arg_string(args, 1, context)?;
    parse(&code, &filename, context)?;
    Ok(JsValue::undefined())
}

/// `run(code, filename, realm)`: the script's completion value; `realm` is an id from
/// `createRealm`, or -1 for this one.
fn run(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let code = arg_string(args, 0, context)?;
    let filename = arg_string(args, 1, context)?;
    let realm = arg_f64(args, 2, context)?;
    if realm < 0.0 {
        return parse(&code, &filename, context)?.evaluate(context);
    }
    let realm = realm_at(realm, context)?;
    let outer = context.enter_realm(realm);
    let result = parse(&code, &filename, context).and_then(|s| s.evaluate(context));
    context.enter_realm(outer);
    result
}

fn realm_at(id: f64, context: &Context) -> JsResult<boa_engine::realm::Realm> {
    host(context)
        .borrow()
        .realms
        .get(id as usize)
        .cloned()
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message("no such vm context")
                .into()
        })
}

fn create_realm(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = context.create_realm()?;
    let h = host(context);
    let mut h = h.borrow_mut();
    h.realms.push(realm);
    Ok(JsValue::from(h.realms.len() as u32 - 1))
}

fn realm_global(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = realm_at(arg_f64(args, 0, context)?, context)?;
    let outer = context.enter_realm(realm);
    let global = context.global_object();
    context.enter_realm(outer);
    Ok(global.into())
}
