//! `tasks`: timers, immediates, nextTick, microtasks and thread-pool requests. The model hands out
//! ids and decides when each runs; JavaScript keeps the callbacks keyed by those ids.
use boa_engine::job::{Job, PromiseJob};
use boa_engine::{Context, JsNativeError, JsResult, JsValue};

use super::{Native, arg, arg_f64, arg_string, host};
use crate::model::{Duration, ImmediateId, RequestKind, TimerId, Work, WorkKind};

pub(super) const FNS: &[(&str, Native)] = &[
    ("setTimeout", set_timeout),
    ("clearTimeout", clear_timeout),
    ("timerRef", timer_ref),
    ("timerRefresh", timer_refresh),
    ("setImmediate", set_immediate),
    ("clearImmediate", clear_immediate),
    ("immediateRef", immediate_ref),
    ("nextTick", next_tick),
    ("queueMicrotask", queue_microtask),
    ("submitWork", submit_work),
    ("charge", charge),
];

fn id_arg(args: &[JsValue], context: &mut Context) -> JsResult<u64> {
    Ok(arg_f64(args, 0, context)? as u64)
}

fn set_timeout(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let delay = arg_f64(args, 0, context)?;
    let repeat = arg(args, 1).to_boolean();
    let id = host(context).borrow_mut().node.set_timeout(delay, repeat);
    Ok(JsValue::from(id.0 as f64))
}

fn clear_timeout(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = TimerId(id_arg(args, context)?);
    host(context).borrow_mut().node.clear_timeout(id);
    Ok(JsValue::undefined())
}

fn timer_ref(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = TimerId(id_arg(args, context)?);
    let on = arg(args, 1).to_boolean();
    host(context).borrow_mut().node.timer_set_ref(id, on);
    Ok(JsValue::undefined())
}

fn timer_refresh(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = TimerId(id_arg(args, context)?);
    host(context).borrow_mut().node.timer_refresh(id);
    Ok(JsValue::undefined())
}

fn set_immediate(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = host(context).borrow_mut().node.set_immediate();
    Ok(JsValue::from(id.0 as f64))
}

fn clear_immediate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = ImmediateId(id_arg(args, context)?);
    host(context).borrow_mut().node.clear_immediate(id);
    Ok(JsValue::undefined())
}

fn immediate_ref(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = ImmediateId(id_arg(args, context)?);
    let on = arg(args, 1).to_boolean();
    host(context).borrow_mut().node.immediate_set_ref(id, on);
    Ok(JsValue::undefined())
}

/// The tick's id, or undefined once the process is exiting (Node drops the callback).
fn next_tick(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = host(context).borrow_mut().node.next_tick();
    Ok(id.map_or(JsValue::undefined(), |id| JsValue::from(id.0 as f64)))
}

/// `queueMicrotask(fn)`: a job on the same queue as promise reactions.
fn queue_microtask(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let Some(f) = arg(args, 0).as_callable() else {
        return Err(JsNativeError::typ()
            .with_message("callback must be a function")
            .into());
    };
    let job = PromiseJob::new(move |ctx| f.call(&JsValue::undefined(), &[], ctx));
    context.enqueue_job(Job::from(job));
    Ok(JsValue::undefined())
}

/// `submitWork(op, amount, label)`: a thread-pool request costed by the model's cost table;
/// its callback runs on RequestDone. `amount` is bytes, or iterations for pbkdf2, or N·r for scrypt.
fn submit_work(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let op = arg_string(args, 0, context)?;
    let amount = arg_f64(args, 1, context)?.max(0.0);
    let label = arg_string(args, 2, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    let cost = h.node.settings().cost.clone();
    let n = amount as u64;
    let (kind, work) = match op.as_str() {
        "fs" => (
            RequestKind::Fs,
            Work {
                kind: WorkKind::FastIo,
                cpu: cost.fs(n),
                blocked: Duration::ZERO,
            },
        ),
        "dns" => (
            RequestKind::GetAddrInfo,
            Work {
                kind: WorkKind::SlowIo,
                cpu: Duration::from_micros(20),
                blocked: cost.dns_lookup,
            },
        ),
        other => {
            let cpu = match other {
                "pbkdf2" => cost.pbkdf2(n, 1.0),
                "scrypt" => cost.scrypt(n, 1),
                "zlib" => cost.zlib(n),
                _ => cost.hash(n),
            };
            (
                RequestKind::Work,
                Work {
                    kind: WorkKind::Cpu,
                    cpu,
                    blocked: Duration::ZERO,
                },
            )
        }
    };
    let id = h.node.submit_work(kind, work, label);
    Ok(JsValue::from(f64::from(id.0)))
}

/// CPU time a built-in spent synchronously (a sync hash, a sync file read), in microseconds.
fn charge(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let us = arg_f64(args, 0, context)?.max(0.0) as u64;
    host(context)
        .borrow_mut()
        .node
        .charge(Duration::from_micros(us));
    Ok(JsValue::undefined())
}
