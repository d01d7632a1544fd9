//! `engine`: what V8 tells Node's inspect: promise state, proxy details.
use boa_engine::builtins::promise::PromiseState;
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsResult, JsValue};

use super::{Native, array};

pub(super) const FNS: &[(&str, Native)] = &[
    ("getPromiseState", get_promise_state),
    ("getProxyDetails", get_proxy_details),
];

fn get_promise_state(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let Some(obj) = args.first().and_then(JsValue::as_object) else {
        return Ok(JsValue::undefined());
    };
    let Ok(p) = JsPromise::from_object(obj.clone()) else {
        return Ok(JsValue::undefined());
    };
    let (state, value) = match p.state() {
        PromiseState::Pending => (0, JsValue::undefined()),
        PromiseState::Fulfilled(v) => (1, v),
        PromiseState::Rejected(v) => (2, v),
    };
    Ok(array(vec![JsValue::from(state), value], context))
}

/// Boa does not expose a proxy's target and handler; proxies inspect as their target would.
fn get_proxy_details(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::undefined())
}
