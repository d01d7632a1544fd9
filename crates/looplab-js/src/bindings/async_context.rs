//! `async_context`: the current frame AsyncLocalStorage reads and replaces
//! ([`AsyncContext`](crate::async_context::AsyncContext)).
use boa_engine::{Context, JsResult, JsValue};

use super::{Native, arg, host};

pub(super) const FNS: &[(&str, Native)] = &[("get", get), ("set", set)];

fn get(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok(host(context).borrow().async_context.current.clone())
}

fn set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    host(context).borrow_mut().async_context.current = arg(args, 0);
    Ok(JsValue::undefined())
}
