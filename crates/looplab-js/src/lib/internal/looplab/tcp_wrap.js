'use strict';
// Looplab: Node's TCP wrap (src/tcp_wrap.cc, src/stream_wrap.cc) over internalBinding('tcp'):
// one object per uv_tcp_t. It keeps what libuv keeps per stream (the read flag, the queue of
// write requests, a pending connect or shutdown) and turns the poll phase's readiness into the
// callbacks net.js installs: onconnection, onread, and each request's oncomplete.

const handles = require('internal/looplab/handles');
const { Buffer } = require('buffer');
const { errnoByName } = require('internal/util/system_errors');

const tcp = internalBinding('tcp');
const READ_SIZE = 64 * 1024;
const READS_PER_EVENT = 32;
const UV_EOF = errnoByName.get('EOF');
// The binding names a failure ('ECONNREFUSED'); the wrap hands net.js libuv's number for it.
const errno = (code) => errnoByName.get(code) ?? errnoByName.get('EINVAL');

class TCP {
  constructor(label, id) {
    this.id = id ?? tcp.create(label);
    this.label = label;
    handles.register(this.id, this);
    this.reading = false;
    this.listening = false;
    this.closed = false;
    this.writes = [];
    this.connectReq = null;
    this.shutdownReq = null;
    this.onread = null;
    this.onconnection = null;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.port = 0;
    this.unread = null;
    this.missedReadable = false;
    this.readAgain = false;
  }

  // What the poller watches: readable while reading or listening, writable while a connect,
  // a queued write or a shutdown waits.
  updateInterest() {
    if (this.closed) return;
    const readable = this.reading || this.listening;
    const writable = this.connectReq !== null || this.writes.length > 0 || this.shutdownReq !== null;
    if (readable === this.watchR && writable === this.watchW) return;
    this.watchR = readable;
    this.watchW = writable;
    tcp.setInterest(this.id, readable, writable);
  }

  listen(port) {
    try {
      this.port = tcp.listen(this.id, port);
    } catch (code) {
      if (typeof code === 'string') return errno(code);
      throw code;
    }
    this.listening = true;
    this.updateInterest();
    return 0;
  }

  connect(req, address, port) {
    try {
      req.id = tcp.connect(this.id, port, `connect ${address}:${port}`);
    } catch (code) {
      if (typeof code === 'string') return errno(code);
      throw code;
    }
    this.connectReq = req;
    this.updateInterest();
    return 0;
  }

  // Readiness that came while the stream was not reading is still there for a level-triggered
  // poller: reading again hears of it in the next poll phase.
  readStart() {
    this.reading = true;
    this.updateInterest();
    if (this.unread !== null || this.missedReadable) {
      this.missedReadable = false;
      this.readAgain = true;
      tcp.wantReadable(this.id);
    }
    return 0;
  }

  readStop() {
    this.reading = false;
    this.updateInterest();
    return 0;
  }

  // StreamBase::Write: try the write at once (uv_try_write); only what is left becomes a
  // queued write request, completed from the poll phase when the socket is writable.
  writeBuffer(req, data) {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
    req.bytes = buf.length;
    let n = 0;
    if (this.writes.length === 0) {
      try {
        n = tcp.write(this.id, buf);
      } catch (code) {
        if (typeof code === 'string') return errno(code);
        throw code;
      }
    }
    // Counted as dispatched, as Node's stream handles count them, not as the kernel takes them.
    this.bytesWritten += buf.length;
    if (n === buf.length) {
      req.async = false;
      return 0;
    }
    req.async = true;
    req.id = tcp.requestStart(this.id, 'write', `write ${buf.length - n} bytes`);
    this.writes.push({ req, rest: buf.subarray(n) });
    this.updateInterest();
    return 0;
  }

  shutdown(req) {
    req.id = tcp.requestStart(this.id, 'shutdown', 'shutdown');
    this.shutdownReq = req;
    this.updateInterest();
    tcp.wantWritable(this.id);
    return 0;
  }

  close(cb) {
    if (this.closed) return;
    this.closed = true;
    this.closeCb = cb;
    this.reading = false;
    this.listening = false;
    if (this.watchR || this.watchW) tcp.setInterest(this.id, false, false);
    tcp.close(this.id);
  }

  ref() { tcp.setRef(this.id, true); }

  unref() { tcp.setRef(this.id, false); }

  getsockname(out) {
    const [local] = tcp.ports(this.id);
    out.address = this.address ?? (this.mapped ? '::ffff:127.0.0.1' : '127.0.0.1');
    out.family = out.address.includes(':') ? 'IPv6' : 'IPv4';
    out.port = this.listening ? this.port : local;
    return 0;
  }

  getpeername(out) {
    const [, remote] = tcp.ports(this.id);
    if (!remote) return -107;
    out.address = this.mapped ? '::ffff:127.0.0.1' : '127.0.0.1';
    out.family = this.mapped ? 'IPv6' : 'IPv4';
    out.port = remote;
    return 0;
  }

  setNoDelay(enable) {
    tcp.setNoDelay(this.id, !!enable);
    return 0;
  }

  setKeepAlive() { return 0; }

  // ---- what the model runs ---------------------------------------------------------------

  onIo(writable) {
    if (this.closed) return;
    if (this.listening) return this.acceptAll();
    if (this.connectReq !== null) {
      const result = tcp.connectResult(this.id);
      if (result === undefined) return;
      const req = this.connectReq;
      this.connectReq = null;
      this.updateInterest();
      tcp.requestFinish(req.id, result === 0 ? undefined : result);
      req.oncomplete(result === 0 ? 0 : errno(result), this, req, true, true);
      return;
    }
    if (writable) this.flush();
    else if (this.reading) this.readAll();
    else this.missedReadable = true;
  }

  onPending() {
    if (this.closed) return;
    this.flush();
    const again = this.readAgain;
    this.readAgain = false;
    if (this.reading && (this.unread !== null || again)) this.readAll();
  }

  onClose() {
    // uv__stream_destroy: requests still queued end with the handle (ECANCELED).
    for (const req of [this.connectReq, this.shutdownReq, ...this.writes.map((w) => w.req)]) {
      if (req !== null && req.id !== undefined) tcp.requestFinish(req.id, 'ECANCELED');
    }
    this.writes = [];
    if (typeof this.closeCb === 'function') this.closeCb();
  }

  // uv__server_io: accept every connection waiting in the backlog. The connection's handle is
  // made only once a connection was accepted, as Node wraps the accepted socket.
  acceptAll() {
    while (this.listening) {
      const id = tcp.accept(this.id, 'connection');
      if (id < 0) return;
      const conn = new TCP('connection', id);
      // A dual-stack listener ('::') sees IPv4 peers as IPv4-mapped IPv6 addresses.
      conn.mapped = this.address === '::';
      this.onconnection(0, conn);
    }
  }

  // uv__read: up to 32 reads of at most 64 KiB (Node's read buffer) per readiness event, until
  // the socket would block, the peer's FIN, an error, or readStop. What is left waits for the
  // next poll phase. The backend hands over all it has; the slicing happens here.
  readAll() {
    this.readAgain = false;
    for (let count = 0; this.reading && !this.closed; count++) {
      if (count === READS_PER_EVENT) {
        if (this.unread !== null) tcp.wantReadable(this.id);
        return;
      }
      let r = this.unread;
      this.unread = null;
      if (r === null) r = tcp.read(this.id);
      if (r === null) return;
      if (typeof r === 'string') {
        this.reading = false;
        this.updateInterest();
        this.onread(r === 'EOF' ? UV_EOF : errno(r), undefined);
        return;
      }
      let buf = Buffer.from(r.buffer, r.byteOffset, r.byteLength);
      if (buf.length > READ_SIZE) {
        this.unread = buf.subarray(READ_SIZE);
        buf = buf.subarray(0, READ_SIZE);
      }
      this.bytesRead += buf.length;
      this.onread(buf.length, buf);
    }
    // Stopped before the socket would block (a full stream buffer): more may be waiting.
    if (!this.reading && !this.closed) this.missedReadable = true;
  }

  // uv__write and uv__drain: finish queued writes, then a waiting shutdown.
  flush() {
    while (this.writes.length > 0) {
      const w = this.writes[0];
      let n;
      try {
        n = tcp.write(this.id, w.rest, w.req.id);
      } catch (code) {
        if (typeof code !== 'string') throw code;
        this.writes.shift();
        tcp.requestFinish(w.req.id, code);
        this.updateInterest();
        w.req.oncomplete(errno(code));
        continue;
      }
      if (n < w.rest.length) {
        w.rest = w.rest.subarray(n);
        return;
      }
      this.writes.shift();
      tcp.requestFinish(w.req.id);
      this.updateInterest();
      w.req.oncomplete(0);
    }
    if (this.shutdownReq !== null && !this.closed) {
      const req = this.shutdownReq;
      this.shutdownReq = null;
      tcp.shutdown(this.id);
      tcp.requestFinish(req.id);
      this.updateInterest();
      req.oncomplete(0);
    }
  }
}

module.exports = { TCP, UV_EOF, errno };
