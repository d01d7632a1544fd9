//! `tasks`: timers, immediates, nextTick, microtasks and thread-pool requests. The model hands out
//! ids and decides when each runs; JavaScript keeps the callbacks keyed by those ids.
use boa_engine::job::{Job, PromiseJob};

use crate::async_context::Resource;
use boa_engine::{Context, JsNativeError, JsResult, JsValue};

use super::{Native, arg, arg_f64, arg_string, host};
use crate::model::{Duration, ImmediateId, RequestKind, TimerId, Work, WorkKind};
use crate::pool_op::{PoolOp, PoolValue};

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
    ("submitOp", submit_op),
    ("takeResult", take_result),
    ("threadpoolEnv", threadpool_env),
    ("charge", charge),
    ("simulatedHosts", simulated_hosts),
];

fn id_arg(args: &[JsValue], context: &mut Context) -> JsResult<u64> {
    Ok(arg_f64(args, 0, context)? as u64)
}

fn set_timeout(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let delay = arg_f64(args, 0, context)?;
    let repeat = arg(args, 1).to_boolean();
    // getLibuvNow reads the clock: the script's work so far has moved it.
    let remaining = context.instructions_remaining();
    let h = host(context);
    let mut h = h.borrow_mut();
    h.charge_work(remaining);
    let id = h.node.set_timeout(delay, repeat);
    h.async_context.keep(Resource::Timer(id.0));
    Ok(JsValue::from(id.0))
}

fn clear_timeout(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = TimerId(id_arg(args, context)?);
    let h = host(context);
    let mut h = h.borrow_mut();
    h.node.clear_timeout(id);
    h.async_context.forget(Resource::Timer(id.0));
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
    crate::call_site::record(context);
    let h = host(context);
    let mut h = h.borrow_mut();
    let id = h.node.set_immediate();
    h.async_context.keep(Resource::Immediate(id.0));
    Ok(JsValue::from(id.0))
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
    crate::call_site::record(context);
    let h = host(context);
    let mut h = h.borrow_mut();
    let id = h.node.next_tick();
    if let Some(id) = id {
        h.async_context.keep(Resource::Tick(id.0));
    }
    Ok(id.map_or(JsValue::undefined(), |id| JsValue::from(id.0)))
}

/// `queueMicrotask(fn)`: a job on the same queue as promise reactions.
fn queue_microtask(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let Some(f) = arg(args, 0).as_callable() else {
        return Err(JsNativeError::typ()
            .with_message("callback must be a function")
            .into());
    };
    // The callback runs in the frame current at queueMicrotask, as a promise reaction would.
    let frame = host(context).borrow().async_context.current.clone();
    let job = PromiseJob::new(move |ctx| {
        crate::async_context::within(frame, ctx, |ctx| f.call(&JsValue::undefined(), &[], ctx))
    });
    context.enqueue_job(Job::from(job));
    Ok(JsValue::undefined())
}

/// `submitWork(op, amount, label)`: a thread-pool request costed by the model's cost table;
/// its callback runs on RequestDone. `amount` is bytes, or iterations for pbkdf2, or N·r for scrypt.
fn submit_work(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
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
    h.async_context.keep(Resource::Request(id.0));
    Ok(JsValue::from(id.0))
}

/// `simulatedHosts(host, family)`: the simulated resolver's [address, family] pairs, or undefined.
/// c-ares queries (`dns.resolve*`) answer from it in every mode: Looplab sends no DNS packets.
fn simulated_hosts(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = arg_string(args, 0, context)?;
    let family = arg_f64(args, 1, context)? as u8;
    Ok(match crate::dns_lookup::simulated(&name, family) {
        Ok(found) => address_pairs(found, context),
        Err(_) => JsValue::undefined(),
    })
}

/// `[[address, family], ...]` for JavaScript.
fn address_pairs(found: crate::dns_lookup::Addresses, context: &mut Context) -> JsValue {
    let pairs = found
        .into_iter()
        .map(|(a, f)| super::array(vec![super::str_value(&a), JsValue::from(f)], context))
        .collect();
    super::array(pairs, context)
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

fn arg_op(name: &str, args: &JsValue, context: &mut Context) -> JsResult<PoolOp> {
    let list = args
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("op arguments must be an array"))?;
    let mut items = Vec::new();
    let len = list
        .get(boa_engine::js_string!("length"), context)?
        .to_length(context)?;
    for i in 0..len {
        items.push(list.get(i, context)?);
    }
    let string = |i: usize, context: &mut Context| arg_string(&items, i, context);
    Ok(match name {
        "read" => PoolOp::Read(string(0, context)?),
        "write" | "append" => PoolOp::Write {
            path: string(0, context)?,
            data: super::arg_bytes(&items, 1, context)?,
            append: name == "append",
        },
        "stat" => PoolOp::Stat(string(0, context)?),
        "readdir" => PoolOp::ReadDir(string(0, context)?),
        "mkdir" => PoolOp::Mkdir {
            path: string(0, context)?,
            recursive: arg(&items, 1).to_boolean(),
            mode: super::fs::mode_arg(&items, 2, 0o777, context)?,
        },
        "lstat" => PoolOp::Lstat(string(0, context)?),
        "rmdir" => PoolOp::Rmdir(string(0, context)?),
        "unlink" => PoolOp::Unlink(string(0, context)?),
        "rename" => PoolOp::Rename(string(0, context)?, string(1, context)?),
        "open" => PoolOp::Open {
            path: string(0, context)?,
            flags: arg_f64(&items, 1, context)? as u32,
            mode: super::fs::mode_arg(&items, 2, 0o666, context)?,
        },
        "close" => PoolOp::Close(arg_f64(&items, 0, context)? as i32),
        "fstat" => PoolOp::Fstat(arg_f64(&items, 0, context)? as i32),
        "readFd" => PoolOp::ReadFd {
            fd: arg_f64(&items, 0, context)? as i32,
            length: arg_f64(&items, 1, context)? as usize,
            position: super::fs::position_arg(&items, 2, context)?,
        },
        "writeFd" => PoolOp::WriteFd {
            fd: arg_f64(&items, 0, context)? as i32,
            data: super::arg_bytes(&items, 1, context)?,
            position: super::fs::position_arg(&items, 2, context)?,
        },
        "randomBytes" => {
            let mut seed = [0u8; 32];
            rand_core::RngCore::fill_bytes(&mut host(context).borrow_mut().rng, &mut seed);
            PoolOp::RandomBytes {
                size: arg_f64(&items, 0, context)? as usize,
                seed,
            }
        }
        "lookup" => PoolOp::Lookup {
            host: string(0, context)?,
            family: arg_f64(&items, 1, context)? as u8,
        },
        "pbkdf2" => PoolOp::Pbkdf2 {
            password: super::arg_bytes(&items, 0, context)?,
            salt: super::arg_bytes(&items, 1, context)?,
            rounds: arg_f64(&items, 2, context)? as u32,
            keylen: arg_f64(&items, 3, context)? as usize,
            digest: string(4, context)?,
        },
        "scrypt" => PoolOp::Scrypt {
            password: super::arg_bytes(&items, 0, context)?,
            salt: super::arg_bytes(&items, 1, context)?,
            keylen: arg_f64(&items, 2, context)? as usize,
            n: arg_f64(&items, 3, context)? as u64,
            r: arg_f64(&items, 4, context)? as u32,
            p: arg_f64(&items, 5, context)? as u32,
        },
        other => {
            return Err(JsNativeError::typ()
                .with_message(format!("unknown pool operation {other}"))
                .into());
        }
    })
}

/// `submitOp(name, args, label)`: a pool request whose operation is data. Simulated, it runs now on
/// the script's file system; with a real file system it runs on a real pool thread.
fn submit_op(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let name = arg_string(args, 0, context)?;
    let op = arg_op(&name, &arg(args, 1), context)?;
    let label = arg_string(args, 2, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    let (kind, work) = op.work(&h.node.settings().cost);
    if h.vfs.is_real() {
        #[cfg(not(target_arch = "wasm32"))]
        let change = crate::real_changes::before(&op);
        let cell = std::sync::Arc::new(std::sync::Mutex::new(None));
        let slot = cell.clone();
        let job = move || {
            #[cfg(not(target_arch = "wasm32"))]
            let result = op.run_real();
            #[cfg(target_arch = "wasm32")]
            let result = Err::<crate::pool_op::PoolValue, String>("EINVAL".into());
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        };
        let id = h.node.submit_job(kind, work, label, Box::new(job));
        h.async_context.keep(Resource::Request(id.0));
        h.real_results.insert(id.0, cell);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(change) = change {
            h.real_changes.insert(id.0, change);
        }
        return Ok(JsValue::from(id.0));
    }
    let result = op.run_on(&mut h.vfs);
    let id = h.node.submit_work(kind, work, label);
    h.async_context.keep(Resource::Request(id.0));
    h.pool_results.insert(id.0, result);
    Ok(JsValue::from(id.0))
}

/// `threadpoolEnv(value)`: `process.env.UV_THREADPOOL_SIZE` (a string, or undefined when unset)
/// just before the process's first pool request. A value the script changed sizes the pool, as
/// libuv reads the environment then; one it left alone keeps the run's setting (`--threadpool`
/// stands in for an unset variable).
fn threadpool_env(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let value = match arg(args, 0) {
        v if v.is_undefined() || v.is_null() => None,
        v => Some(v.to_string(context)?.to_std_string_escaped()),
    };
    let h = host(context);
    let mut h = h.borrow_mut();
    if h.options.env.get("UV_THREADPOOL_SIZE") != value.as_ref() {
        h.node.uv_mut().backend_mut().set_threadpool_env(value);
    }
    Ok(JsValue::undefined())
}

/// `takeResult(id)`: the finished operation's value; a failure throws its code (or message).
fn take_result(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = id_arg(args, context)? as u32;
    let result = {
        let h = host(context);
        let mut h = h.borrow_mut();
        let r = match h.pool_results.remove(&id) {
            Some(r) => Some(r),
            None => h
                .real_results
                .remove(&id)
                .and_then(|cell| cell.lock().unwrap_or_else(|e| e.into_inner()).take()),
        };
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(change) = h.real_changes.remove(&id)
            && let Some(Ok(value)) = &r
        {
            let vfs = &mut h.vfs;
            crate::real_changes::after(change, value, vfs);
        }
        r
    };
    match result {
        None => Err(JsNativeError::error()
            .with_message(format!("pool request {id} has no result"))
            .into()),
        Some(Err(code)) => Err(boa_engine::JsError::from_opaque(super::str_value(&code))),
        Some(Ok(PoolValue::Unit)) => Ok(JsValue::undefined()),
        Some(Ok(PoolValue::Number(n))) => Ok(JsValue::from(n as f64)),
        Some(Ok(PoolValue::Bytes(b))) => super::bytes_value(b, context),
        Some(Ok(PoolValue::Stat(s))) => Ok(super::fs::stat_value(s, context)),
        Some(Ok(PoolValue::Addresses(found))) => Ok(address_pairs(found, context)),
        Some(Ok(PoolValue::Names(names))) => {
            let values = names.iter().map(|n| super::str_value(n)).collect();
            Ok(super::array(values, context))
        }
    }
}
