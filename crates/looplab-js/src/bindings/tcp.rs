//! `tcp`: libuv's `uv_tcp_t` over the backend's [`Tcp`](looplab_core::uv::Tcp), so the same
//! JavaScript (`net`) runs on the simulated loopback and on real sockets. Handle ids are the
//! model's; readiness comes back as `Task::Io` in the poll phase. Failures throw the libuv error
//! name as a string and JavaScript builds Node's error object from it.
use boa_engine::{Context, JsError, JsResult, JsValue};

use super::{
    Native, arg, arg_bytes, arg_f64, arg_handle, arg_string, array, bytes_value, host, str_value,
};
use crate::host::Host;
use looplab_core::TraceEvent;
use looplab_core::trace::{Direction, SOCKET_DATA_KEPT};
use looplab_core::uv::{HandleId, HandleKind, NetError, ReadResult, RequestId, Tcp};

pub(super) const FNS: &[(&str, Native)] = &[
    ("create", create),
    ("listen", listen),
    ("connect", connect),
    ("connectResult", connect_result),
    ("accept", accept),
    ("write", write),
    ("read", read),
    ("shutdown", shutdown),
    ("close", close),
    ("ports", ports),
    ("setRef", super::set_handle_ref),
    ("setInterest", set_interest),
    ("requestStart", request_start),
    ("requestFinish", request_finish),
    ("setNoDelay", set_no_delay),
    ("wantWritable", want_writable),
    ("wantReadable", want_readable),
];

fn fail(e: NetError) -> JsError {
    JsError::from_opaque(str_value(e.code()))
}

/// Runs `f` on the backend's TCP; a backend without a network fails as libuv would without one.
fn with_tcp<R>(h: &mut Host, f: impl FnOnce(&mut dyn Tcp) -> R) -> JsResult<R> {
    match h.node.uv_mut().backend_mut().tcp() {
        Some(tcp) => Ok(f(tcp)),
        None => Err(fail(NetError::Invalid)),
    }
}

fn record(h: &mut Host, event: TraceEvent) {
    h.node.uv_mut().record(event);
}

fn record_open(h: &mut Host, handle: HandleId, listening: bool) -> JsResult<(u16, u16)> {
    let (local_port, remote_port) = with_tcp(h, |t| t.ports(handle))?;
    record(
        h,
        TraceEvent::SocketOpen {
            handle,
            local_port,
            remote_port,
            listening,
        },
    );
    Ok((local_port, remote_port))
}

/// The trace keeps the first `SOCKET_DATA_KEPT` bytes of a transfer and its length.
fn socket_data(
    handle: HandleId,
    direction: Direction,
    request: Option<RequestId>,
    bytes: &[u8],
) -> TraceEvent {
    let kept = bytes.len().min(SOCKET_DATA_KEPT);
    TraceEvent::SocketData {
        handle,
        direction,
        request,
        bytes: bytes[..kept].to_vec(),
        total: (kept < bytes.len()).then_some(bytes.len() as u64),
    }
}

/// `create(label)`: `uv_tcp_init`; the handle is inactive until it listens, connects or reads.
fn create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    super::init_handle(HandleKind::Tcp, args, context)
}

/// `listen(handle, port)`: bind + listen on 127.0.0.1; returns the port bound.
fn listen(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let handle = arg_handle(args, 0, context)?;
    let port = arg_f64(args, 1, context)? as u16;
    let h = host(context);
    let mut h = h.borrow_mut();
    let bound = with_tcp(&mut h, |t| t.listen(handle, port))?.map_err(fail)?;
    h.node.uv_mut().io_set_active(handle, true);
    record_open(&mut h, handle, true)?;
    Ok(JsValue::from(bound))
}

/// `connect(handle, port, label)`: a connect request; its answer arrives as writability.
fn connect(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    crate::call_site::record(context);
    let handle = arg_handle(args, 0, context)?;
    let port = arg_f64(args, 1, context)? as u16;
    let label = arg_string(args, 2, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    with_tcp(&mut h, |t| t.connect(handle, port))?.map_err(fail)?;
    let uv = h.node.uv_mut();
    uv.io_set_active(handle, true);
    let req = uv.request_start(looplab_core::uv::RequestKind::Connect, label, Some(handle));
    Ok(JsValue::from(req.0))
}

/// `connectResult(handle)`: undefined while undecided, 0 when connected, else the error name.
fn connect_result(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    Ok(match with_tcp(&mut h, |t| t.connect_result(handle))? {
        None => JsValue::undefined(),
        Some(Ok(())) => {
            record_open(&mut h, handle, false)?;
            JsValue::from(0)
        }
        Some(Err(e)) => str_value(e.code()),
    })
}

/// `accept(listener, label)`: the new connection's handle id, or -1 when none waits. The handle
/// is made only for an accepted connection (libuv accepts the socket before Node wraps it).
fn accept(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let listener = arg_handle(args, 0, context)?;
    let label = arg_string(args, 1, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    let conn = h.node.uv().next_handle_id();
    if !with_tcp(&mut h, |t| t.accept(listener, conn))? {
        return Ok(JsValue::from(-1));
    }
    let made = h.node.uv_mut().handle_init(HandleKind::Tcp, label);
    debug_assert_eq!(made, conn, "the accepted connection got the next handle id");
    h.async_context
        .keep(crate::async_context::Resource::Handle(conn.0));
    record_open(&mut h, conn, false)?;
    Ok(JsValue::from(conn.0))
}

/// `write(handle, bytes, request?)`: how many bytes the socket took now (`uv_try_write`).
fn write(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let bytes = arg_bytes(args, 1, context)?;
    let request = match arg(args, 2) {
        v if v.is_number() => Some(RequestId(arg_f64(args, 2, context)? as u32)),
        _ => None,
    };
    let h = host(context);
    let mut h = h.borrow_mut();
    let n = with_tcp(&mut h, |t| t.write(handle, &bytes))?.map_err(fail)?;
    if n > 0 {
        record(
            &mut h,
            socket_data(handle, Direction::Write, request, &bytes[..n]),
        );
    }
    Ok(JsValue::from(n))
}

/// `read(handle)`: a Uint8Array, `'EOF'`, an error name, or null when it would block.
fn read(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    let result = {
        let mut h = h.borrow_mut();
        let result = with_tcp(&mut h, |t| t.read(handle))?;
        let event = match &result {
            ReadResult::Data(bytes) => Some(socket_data(handle, Direction::Read, None, bytes)),
            ReadResult::Eof => Some(TraceEvent::SocketEnd {
                handle,
                error: None,
            }),
            ReadResult::Error(e) => Some(TraceEvent::SocketEnd {
                handle,
                error: Some(e.code().to_string()),
            }),
            ReadResult::WouldBlock => None,
        };
        if let Some(event) = event {
            record(&mut h, event);
        }
        result
    };
    match result {
        ReadResult::Data(bytes) => bytes_value(bytes, context),
        ReadResult::Eof => Ok(str_value("EOF")),
        ReadResult::Error(e) => Ok(str_value(e.code())),
        ReadResult::WouldBlock => Ok(JsValue::null()),
    }
}

fn shutdown(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    with_tcp(&mut h.borrow_mut(), |t| t.shutdown(handle))?;
    Ok(JsValue::undefined())
}

/// `close(handle)`: closes the socket and `uv_close`s the handle; `Task::Close` follows.
fn close(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    let mut h = h.borrow_mut();
    with_tcp(&mut h, |t| t.close(handle))?;
    h.node.uv_mut().close(handle);
    Ok(JsValue::undefined())
}

/// `ports(handle)`: [local port, remote port].
fn ports(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    let (local, remote) = with_tcp(&mut h.borrow_mut(), |t| t.ports(handle))?;
    Ok(array(
        vec![JsValue::from(local), JsValue::from(remote)],
        context,
    ))
}

/// `setInterest(handle, readable, writable)`: what the poller watches the socket for; the handle
/// is active (keeps the loop alive when ref'd) while it watches anything.
fn set_interest(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let readable = arg(args, 1).to_boolean();
    let writable = arg(args, 2).to_boolean();
    let h = host(context);
    let mut h = h.borrow_mut();
    let uv = h.node.uv_mut();
    uv.io_set_active(handle, readable || writable);
    uv.record(TraceEvent::IoInterest {
        handle,
        readable,
        writable,
    });
    Ok(JsValue::undefined())
}

/// `requestStart(handle, kind, label)`: a write or shutdown request on the stream that keeps the
/// loop alive.
fn request_start(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    use looplab_core::uv::RequestKind;
    let handle = arg_handle(args, 0, context)?;
    let kind = match arg_string(args, 1, context)?.as_str() {
        "shutdown" => RequestKind::Shutdown,
        "connect" => RequestKind::Connect,
        _ => RequestKind::Write,
    };
    let label = arg_string(args, 2, context)?;
    let id = host(context)
        .borrow_mut()
        .node
        .uv_mut()
        .request_start(kind, label, Some(handle));
    Ok(JsValue::from(id.0))
}

/// `setNoDelay(handle, enable)`: TCP_NODELAY on a real socket (uv_tcp_nodelay).
fn set_no_delay(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let enable = arg(args, 1).to_boolean();
    let h = host(context);
    with_tcp(&mut h.borrow_mut(), |t| t.set_nodelay(handle, enable))?;
    Ok(JsValue::undefined())
}

/// `requestFinish(request, error?)`: the request's callback is about to run, given `error` (a
/// code such as `ECONNREFUSED`) when it failed.
fn request_finish(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = RequestId(arg_f64(args, 0, context)? as u32);
    let error = match arg(args, 1) {
        v if v.is_undefined() => None,
        _ => Some(arg_string(args, 1, context)?),
    };
    host(context)
        .borrow_mut()
        .node
        .uv_mut()
        .request_finish(id, error);
    Ok(JsValue::undefined())
}

/// `wantReadable(handle)`: data is still buffered after libuv's 32 reads for one event; the
/// poller reports the socket readable again in the next poll phase, as level-triggered epoll
/// does. (A backend without that hook feeds it to the pending phase.)
fn want_readable(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    want(args, context, looplab_core::uv::IoEvent::Readable)
}

/// `wantWritable(handle)`: libuv starts watching for POLLOUT and hears back in the next poll
/// phase (a socket with room is writable at once). The simulated poller reports it then; a
/// backend without that hook feeds the callback to the pending phase, as `uv__io_feed` does.
fn want_writable(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    want(args, context, looplab_core::uv::IoEvent::Writable)
}

fn want(
    args: &[JsValue],
    context: &mut Context,
    event: looplab_core::uv::IoEvent,
) -> JsResult<JsValue> {
    let handle = arg_handle(args, 0, context)?;
    let h = host(context);
    h.borrow_mut().node.uv_mut().io_want(handle, event);
    Ok(JsValue::undefined())
}
