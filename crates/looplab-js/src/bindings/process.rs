//! `process`: arguments, environment, working directory, exit, and promise rejections to check.
use boa_engine::error::{EngineError, PanicError};
use boa_engine::object::ObjectInitializer;
use boa_engine::property::Attribute;
use boa_engine::{Context, JsError, JsResult, JsString, JsValue};

use super::{Native, arg_f64, array, host, str_value};

pub(super) const FNS: &[(&str, Native)] = &[
    ("argv", argv),
    ("env", env),
    ("cwd", cwd),
    ("chdir", chdir),
    ("cores", cores),
    ("reallyExit", really_exit),
    ("takeRejections", take_rejections),
];

/// The message of the uncatchable error that unwinds JavaScript after `process.exit()`.
pub(crate) const EXIT_UNWIND: &str = "looplab: process.exit";

fn argv(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let h = host(context);
    let (script, args) = {
        let h = h.borrow();
        (h.options.script.clone(), h.options.args.clone())
    };
    let mut v = vec![str_value("/usr/local/bin/node"), str_value(&script)];
    v.extend(args.iter().map(|a| str_value(a)));
    Ok(array(v, context))
}

fn env(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let vars = host(context).borrow().options.env.clone();
    let mut init = ObjectInitializer::new(context);
    for (k, v) in vars {
        init.property(JsString::from(k.as_str()), str_value(&v), Attribute::all());
    }
    Ok(init.build().into())
}

/// `chdir(directory)`: undefined, or the code it failed with (`ENOENT`, `ENOTDIR`).
fn chdir(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let dir = super::arg_string(args, 0, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    let path = crate::resolve::join(&h.options.cwd, &dir);
    match h.vfs.stat(&path) {
        Ok(s) if s.is_dir => {
            h.options.cwd = path;
            Ok(JsValue::undefined())
        }
        Ok(_) => Ok(str_value("ENOTDIR")),
        Err(e) => Ok(str_value(e.0)),
    }
}

fn cwd(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok(str_value(&host(context).borrow().options.cwd))
}

fn cores(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::from(host(context).borrow().options.cores as f64))
}

/// Ends the process: the model stops and no more JavaScript runs; the current call stack unwinds.
fn really_exit(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let code = arg_f64(args, 0, context)? as i32;
    {
        let h = host(context);
        h.borrow_mut().node.exit(code);
    }
    Err(JsError::from(EngineError::from(PanicError::new(
        EXIT_UNWIND,
    ))))
}

/// `[[promise, rejectedWithoutHandler, reason], ...]` since the last call.
fn take_rejections(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let events = std::mem::take(&mut host(context).borrow_mut().rejections);
    let mut out = Vec::new();
    for (p, rejected) in events {
        let reason = match p.state() {
            boa_engine::builtins::promise::PromiseState::Rejected(v) => v,
            _ => JsValue::undefined(),
        };
        let item = array(vec![p.into(), JsValue::from(rejected), reason], context);
        out.push(item);
    }
    Ok(array(out, context))
}
