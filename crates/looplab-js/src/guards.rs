//! Guards on the engine's built-ins where V8 throws and Boa would abort or overflow its stack.
//!
//! V8 caps a string at 2^29 − 24 characters and throws `RangeError: Invalid string length`
//! past it; Boa allows 2^32 and asks the allocator first, which aborts the process (natively)
//! or traps (in the page). V8 also runs out of stack, catchably, where Boa's built-ins recurse
//! on the native stack without a check (`String()` of a deeply nested array, `JSON.stringify` of
//! a deeply nested object). Each guard wraps the built-in, keeps its name and length, checks, and
//! then calls the original with the arguments already converted, so nothing is converted twice.
use std::cell::Cell;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string,
};
use boa_gc::GcRefCell;

use crate::host::HostRef;

/// V8's `String::kMaxLength` on 64-bit machines, which Node reports as `buffer.constants.MAX_STRING_LENGTH`.
pub const MAX_STRING_LENGTH: u64 = (1 << 29) - 24;

pub fn invalid_string_length() -> boa_engine::JsError {
    JsNativeError::range()
        .with_message("Invalid string length")
        .into()
}

pub fn stack_exceeded() -> boa_engine::JsError {
    JsNativeError::range()
        .with_message("Maximum call stack size exceeded")
        .into()
}

/// Installs every guard on the context's built-ins.
pub fn install(context: &mut Context) {
    let string_proto = context.intrinsics().constructors().string().prototype();
    let array_proto = context.intrinsics().constructors().array().prototype();
    let json = context.intrinsics().objects().json();
    wrap_string(&string_proto, "repeat", repeat, context);
    wrap_string(&string_proto, "padStart", pad, context);
    wrap_string(&string_proto, "padEnd", pad, context);
    wrap_string(&string_proto, "concat", concat, context);
    wrap(&array_proto, "join", join, context);
    wrap(&array_proto, "sort", sort, context);
    wrap(&json, "stringify", stringify, context);
    wrap(&json, "parse", parse, context);
    let regexp_proto = context.intrinsics().constructors().regexp().prototype();
    wrap(&regexp_proto, "exec", exec, context);
}

/// Charges the main thread for a built-in's work over `bytes` bytes at a cost model's rate.
fn charge(
    context: &Context,
    per_kib: impl FnOnce(&looplab_core::CostModel) -> looplab_core::Duration,
    bytes: u64,
) {
    if let Some(host) = context.get_data::<HostRef>() {
        host.borrow_mut().charge_bytes(per_kib, bytes);
    }
}

type Guard = fn(&JsObject, &JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;
/// A guard on a `String.prototype` method: receives `this` already made a string.
type StringGuard = fn(&JsObject, JsString, &[JsValue], &mut Context) -> JsResult<JsValue>;

/// Replaces `holder[name]` with `guard`, which receives the original.
fn wrap(holder: &JsObject, name: &'static str, guard: Guard, context: &mut Context) {
    wrap_with(
        holder,
        name,
        context,
        move |this, args, original, context| guard(original, this, args, context),
    );
}

/// The same for a string method: null and undefined go to the original, which throws its own
/// TypeError; anything else is converted once (RequireObjectCoercible, then ToString).
fn wrap_string(holder: &JsObject, name: &'static str, guard: StringGuard, context: &mut Context) {
    wrap_with(
        holder,
        name,
        context,
        move |this, args, original, context| {
            if this.is_null_or_undefined() {
                return original.call(this, args, context);
            }
            let s = this.to_string(context)?;
            guard(original, s, args, context)
        },
    );
}

fn wrap_with<F>(holder: &JsObject, name: &'static str, context: &mut Context, f: F)
where
    F: Fn(&JsValue, &[JsValue], &JsObject, &mut Context) -> JsResult<JsValue> + Copy + 'static,
{
    let Ok(original) = holder.get(JsString::from(name), context) else {
        return;
    };
    let Some(original) = original.as_object() else {
        return;
    };
    let length = original
        .get(js_string!("length"), context)
        .ok()
        .and_then(|l| l.as_number())
        .unwrap_or(0.0) as usize;
    let function = NativeFunction::from_copy_closure_with_captures(f, original.clone());
    define_method(holder, name, function, length, context);
}

/// Defines `holder[name]` as a built-in method would be: writable, configurable, not enumerable.
pub(crate) fn define_method(
    holder: &JsObject,
    name: &'static str,
    function: NativeFunction,
    length: usize,
    context: &mut Context,
) {
    let function = boa_engine::object::FunctionObjectBuilder::new(context.realm(), function)
        .name(JsString::from(name))
        .length(length)
        .build();
    let _ = holder.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(function)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    );
}

fn repeat(
    original: &JsObject,
    s: JsString,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let count = args.get_or_undefined(0).to_integer_or_infinity(context)?;
    if let boa_engine::value::IntegerOrInfinity::Integer(n) = count
        && n > 0
        && (s.len() as u64).saturating_mul(n as u64) > MAX_STRING_LENGTH
    {
        return Err(invalid_string_length());
    }
    let count = match count {
        boa_engine::value::IntegerOrInfinity::Integer(n) => JsValue::from(n as f64),
        boa_engine::value::IntegerOrInfinity::PositiveInfinity => JsValue::from(f64::INFINITY),
        boa_engine::value::IntegerOrInfinity::NegativeInfinity => JsValue::from(f64::NEG_INFINITY),
    };
    original.call(&JsValue::from(s), &[count], context)
}

fn pad(
    original: &JsObject,
    s: JsString,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let max_length = args.get_or_undefined(0).to_length(context)?;
    let fill = match args.get_or_undefined(1) {
        v if v.is_undefined() => JsValue::undefined(),
        v => JsValue::from(v.to_string(context)?),
    };
    let fills = fill.as_string().is_none_or(|f| !f.is_empty());
    if fills && max_length > s.len() as u64 && max_length > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    original.call(
        &JsValue::from(s),
        &[JsValue::from(max_length as f64), fill],
        context,
    )
}

fn concat(
    original: &JsObject,
    s: JsString,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let mut total = s.len() as u64;
    let mut parts = Vec::with_capacity(args.len());
    for arg in args {
        let part = arg.to_string(context)?;
        total += part.len() as u64;
        parts.push(JsValue::from(part));
    }
    if total > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    original.call(&JsValue::from(s), &parts, context)
}

thread_local! {
    /// Joins in progress on this thread: `String(array)` joins each nested array from inside the
    /// join of its parent, on the native stack.
    static JOINS: Cell<usize> = const { Cell::new(0) };
}

fn native_depth(context: &Context) -> usize {
    context
        .get_data::<HostRef>()
        .map_or(1_000, |host| host.borrow().options.limits.native_depth)
}

fn join(
    original: &JsObject,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let this = JsValue::from(this.to_object(context)?);
    let length = this
        .as_object()
        .map(|o| o.get(js_string!("length"), context))
        .transpose()?
        .unwrap_or_default()
        .to_length(context)?;
    let separator = match args.get_or_undefined(0) {
        v if v.is_undefined() => js_string!(","),
        v => v.to_string(context)?,
    };
    if length > 1 && (length - 1).saturating_mul(separator.len() as u64) > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    let depth = JOINS.get();
    if depth >= native_depth(context) {
        return Err(stack_exceeded());
    }
    JOINS.set(depth + 1);
    let result = original.call(&this, &[JsValue::from(separator)], context);
    JOINS.set(depth);
    result
}

/// The objects being serialized, outermost first: the holder of each property the engine asks
/// the replacer about is on this path, so popping down to it leaves the current depth.
type JsonPath = GcRefCell<Vec<JsObject>>;

fn stringify(
    original: &JsObject,
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let value = args.get_or_undefined(0).clone();
    let replacer = args.get_or_undefined(1).clone();
    let space = args.get_or_undefined(2).clone();
    // An array replacer lists the properties to keep: the engine does not call a function then,
    // so there is nothing to watch the depth with; such output is flat by construction.
    if replacer.as_object().is_some_and(|r| r.is_array()) {
        return original.call(&JsValue::undefined(), &[value, replacer, space], context);
    }
    let user = replacer.as_callable();
    let limit = native_depth(context);
    let watcher = boa_engine::object::FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            move |holder, args, (path, user): &(JsonPath, Option<JsObject>), context| {
                let mut value = args.get_or_undefined(1).clone();
                if let Some(user) = user {
                    value = user.call(holder, args, context)?;
                }
                let mut path = path.borrow_mut();
                if let Some(holder) = holder.as_object() {
                    while path.last().is_some_and(|top| *top != holder) {
                        path.pop();
                    }
                }
                if let Some(object) = value.as_object()
                    && !object.is_callable()
                {
                    if path.len() >= limit {
                        return Err(stack_exceeded());
                    }
                    path.push(object.clone());
                }
                Ok(value)
            },
            (GcRefCell::new(Vec::new()), user),
        ),
    )
    .length(2)
    .build();
    let text = original.call(
        &JsValue::undefined(),
        &[value, watcher.into(), space],
        context,
    )?;
    if let Some(text) = text.as_string() {
        charge(context, |c| c.json_per_kib, text.len() as u64);
    }
    Ok(text)
}

/// `JSON.parse`: the engine parses JSON as it parses source, by recursion, so the same depth
/// limit applies; the work is priced per KiB of text.
fn parse(
    original: &JsObject,
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let text = args.get_or_undefined(0).to_string(context)?;
    let reviver = args.get_or_undefined(1).clone();
    crate::nesting::check(&text.to_std_string_lossy(), context)?;
    charge(context, |c| c.json_per_kib, text.len() as u64);
    original.call(
        &JsValue::undefined(),
        &[JsValue::from(text), reviver],
        context,
    )
}

/// `RegExp.prototype.exec`, which `match`, `replace`, `split` and `test` reach through the
/// `exec` property: priced per KiB of the text scanned from `lastIndex` to the end of the match
/// (or of the text).
fn exec(
    original: &JsObject,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let text = args.get_or_undefined(0).to_string(context)?;
    let from = match this.as_object() {
        Some(re) => re
            .get(js_string!("lastIndex"), context)?
            .to_length(context)?
            .min(text.len() as u64),
        None => 0,
    };
    let result = original.call(this, &[JsValue::from(text.clone())], context)?;
    let end = match result.as_object() {
        Some(m) => {
            let index = m.get(js_string!("index"), context)?.to_length(context)?;
            let matched = m.get(0, context)?.to_string(context)?.len() as u64;
            index + matched
        }
        None => text.len() as u64,
    };
    charge(context, |c| c.regex_per_kib, end.saturating_sub(from));
    Ok(result)
}

/// `Array.prototype.sort`: its own comparisons (n log n of them) are priced per thousand; a
/// comparator's calls are JavaScript and cost as such besides.
fn sort(
    original: &JsObject,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let result = original.call(this, args, context)?;
    if let Some(array) = this.as_object().filter(|o| o.is_array()) {
        let n = array
            .get(js_string!("length"), context)?
            .to_length(context)?;
        if n > 1 {
            let compares = n * (64 - u64::from((n - 1).leading_zeros()));
            charge(context, |c| c.sort_per_kilo_compare, compares * 1024 / 1000);
        }
    }
    Ok(result)
}
