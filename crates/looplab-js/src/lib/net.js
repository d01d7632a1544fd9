'use strict';
// Looplab: Node's net module (lib/net.js, lib/internal/stream_base_commons.js, v20.20.2) on the
// TCP wrap in internal/looplab/tcp_wrap. The control flow follows Node's so events come in
// Node's order: 'listening' and listen errors on nextTick, 'connect' and 'data' from the poll
// phase, 'end' on nextTick after the FIN is read, 'close' from the close phase when a handle is
// closed and on nextTick when there is none. Connections go to 127.0.0.1 (the only host).

const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const { TCP, UV_EOF } = require('internal/looplab/tcp_wrap');
const {
  validateBoolean, validateFunction, validateInt32, validateNumber,
} = require('internal/validators');
const { getTimerDuration } = require('internal/timers');
const {
  codes, ErrnoException, ExceptionWithHostPort, UVExceptionWithHostPort,
} = require('internal/errors');

const kBytesRead = Symbol('kBytesRead');
const kSetKeepAliveDelay = Symbol('kSetKeepAliveDelay');
const kBytesWritten = Symbol('kBytesWritten');
const kTimeout = Symbol('timeout');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const normalizedArgsSymbol = Symbol('normalizedArgs');

// Errors the poll phase delivers carry no JavaScript frames in Node.
function frameless(err) {
  Object.defineProperty(err, 'stack', {
    __proto__: null, value: `Error: ${err.message}`, writable: true, configurable: true,
  });
  return err;
}

const errnoException = (err, syscall, original) =>
  frameless(new ErrnoException(err, syscall, original));
const exceptionWithHostPort = (err, syscall, address, port) =>
  frameless(new ExceptionWithHostPort(err, syscall, address, port));
const uvExceptionWithHostPort = (err, syscall, address, port) =>
  frameless(new UVExceptionWithHostPort(err, syscall, address, port));

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function isIPv4(s) {
  return V4.test(s);
}
// Eight groups of up to four hex digits, one run of zero groups shortened to '::', the last two
// groups optionally written as an IPv4 address, and an optional zone ('%eth0').
function isIPv6(s) {
  if (typeof s !== 'string') s = `${s}`;
  const zone = s.indexOf('%');
  if (zone !== -1) {
    if (!/^%[0-9a-zA-Z\-.:]+$/.test(s.slice(zone))) return false;
    s = s.slice(0, zone);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (text) => (text === '' ? [] : text.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = head.concat(tail);
  let count = all.length;
  // Only the address's last group may be written as IPv4.
  const lastIsV4 = halves.length === 2 ? tail.length > 0 : true;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && lastIsV4 && g.includes('.')) {
      if (!V4.test(g)) return false;
      count++;
    } else if (!/^[0-9a-fA-F]{1,4}$/.test(g)) {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}
// Happy eyeballs (autoSelectFamily) is on by default in Node 20; loopback has one family here.
let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;
function getDefaultAutoSelectFamily() { return autoSelectFamilyDefault; }
function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}
function getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeoutDefault; }
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeoutDefault = Math.max(value, 10);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw new codes.ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }
function isPipeName(s) { return typeof s === 'string' && toNumber(s) === false; }

// Returns an array [options, cb], where options is an object,
// cb is either a function or null.
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  if (typeof cb !== 'function') arr = [options, null];
  else arr = [options, cb];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Socket ----------------------------------------------------------------------------------

function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  if (self._handle) {
    self._handle.owner = self;
    self._handle.onread = onStreamRead;
  }
}

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kTimeout] = null;
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  // A socket carries bytes: object mode is refused.
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) throw new codes.ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
  }
  // Default to *not* allowing half open sockets.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  // For backwards compat do not emit close on destroy.
  options.emitClose = false;
  options.autoDestroy = true;
  // Handle strings directly.
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  if (options.handle) this._handle = options.handle;
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveDelay] = Math.max(0, ~~(options.keepAliveInitialDelay / 1000));
  this.on('end', onReadableStreamEnd);
  initSocketHandle(this);
  this._pendingData = null;
  this._pendingEncoding = '';
  // If we have a handle, then start the flow of data into the
  // buffer.  if not, then this will happen when we connect
  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  this.server = null;
  this._server = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

// Called when the 'end' event is emitted.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  if (this[kTimeout]) clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = globalThis.setTimeout(() => this._onTimeout(), msecs);
    this[kTimeout].unref();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype._onTimeout = function() {
  this.emit('timeout');
};

// setNoDelay() with no argument turns Nagle's algorithm off; the handle hears only of changes.
Socket.prototype.setNoDelay = function(enable) {
  enable = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

// The handle takes the initial delay in whole seconds.
Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() {
  return this._getsockname();
};

Object.defineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

Object.defineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  get() { return !this._handle || this.connecting; },
  configurable: true,
});

Object.defineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  get() {
    if (this.connecting) return 'opening';
    else if (this.readable && this.writable) return 'open';
    else if (this.readable && !this.writable) return 'readOnly';
    else if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Object.defineProperty(Socket.prototype, 'bytesRead', {
  __proto__: null,
  get() { return this._handle ? this._handle.bytesRead : this[kBytesRead]; },
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  __proto__: null,
  get() {
    // What the handle took, and what still waits: in the stream's buffer (corked, or before
    // the connection) and in the write held for 'connect'.
    let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
    const size = (chunk, encoding) =>
      (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length);
    const buffered = this.writableBuffer;
    if (!buffered) return undefined;
    for (const el of buffered) bytes += size(el.chunk, el.encoding);
    const data = this._pendingData;
    if (Array.isArray(data)) {
      for (const el of data) bytes += size(el.chunk, el.encoding);
    } else if (data) {
      bytes += size(data, this._pendingEncoding);
    }
    return bytes;
  },
});

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

// Just call handle.readStart until we have enough in the buffer
Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.resetAndDestroy = function() {
  this.destroy();
  return this;
};

// Node's Socket read, pause and resume start or stop the handle only for a socket with an
// `onread` buffer, which Looplab does not model: otherwise reading follows the stream alone
// (_read starts it, a full buffer stops it), and a socket at EOF is not read again.

// Called when creating new Socket, or when re-using a closed Socket
Socket.prototype._final = function(cb) {
  // If still connecting - defer handling `_final` until 'connect' will happen
  if (this.pending) return this.once('connect', () => this._final(cb));
  if (!this._handle) return cb();
  const req = {
    oncomplete: afterShutdown,
    handle: this._handle,
    callback: cb,
  };
  const err = this._handle.shutdown(req);
  if (err === 1) return cb();
  else if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

function afterShutdown() {
  this.callback();
}

// Provide a better error message when we call end() as a result
// of the other side sending a FIN.  The standard 'write after end'
// is overly vague, and makes it seem like the user's code is to blame.
Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._destroy = function(exception, cb) {
  // A lookup still on the pool finds the socket no longer connecting and stops there.
  this.connecting = false;
  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (this._handle) {
    const isException = exception ? true : false;
    // `bytesRead` and `kBytesWritten` should be accessible after `.destroy()`
    this[kBytesRead] = this._handle.bytesRead;
    this[kBytesWritten] = this._handle.bytesWritten;
    this._handle.close(() => {
      this.emit('close', isException);
    });
    this._handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function noop() {}

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) return this._peername || {};
  else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

function protoGetter(name, callback) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: callback,
  });
}

protoGetter('remoteAddress', function remoteAddress() {
  return this._getpeername().address;
});
protoGetter('remoteFamily', function remoteFamily() {
  return this._getpeername().family;
});
protoGetter('remotePort', function remotePort() {
  return this._getpeername().port;
});

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  else if (!this._sockname) {
    this._sockname = {};
    this._handle.getsockname(this._sockname);
  }
  return this._sockname;
};

protoGetter('localAddress', function localAddress() {
  return this._getsockname().address;
});
protoGetter('localPort', function localPort() {
  return this._getsockname().port;
});
protoGetter('localFamily', function localFamily() {
  return this._getsockname().family;
});

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  // If we are still connecting, then buffer this for later.
  // The Writable logic will buffer up any more writes while
  // waiting for this one to be done.
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    function onClose() {
      cb(new codes.ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    }
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new codes.ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();
  let buf;
  if (writev) {
    buf = Buffer.concat(data.map(({ chunk, encoding: enc }) =>
      (typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk)));
  } else {
    buf = typeof data === 'string' ? Buffer.from(data, encoding) : data;
  }
  const req = { handle: this._handle, oncomplete: onWriteComplete, callback: cb, async: false };
  const err = this._handle.writeBuffer(req, buf);
  // stream_base_commons afterWriteDispatched: a write the socket took at once completes now.
  if (err !== 0) return cb(errnoException(err, 'write'));
  if (!req.async) cb();
};

function onWriteComplete(status) {
  const stream = this.handle.owner;
  if (stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    const ex = errnoException(status, 'write');
    if (typeof this.callback === 'function') this.callback(ex);
    else stream.destroy(ex);
    return;
  }
  stream._unrefTimer();
  if (typeof this.callback === 'function') this.callback(null);
}

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

// stream_base_commons onStreamRead: data from the poll phase goes straight into the stream.
function onStreamRead(nread, buf) {
  const handle = this;
  const stream = this.owner;
  stream._unrefTimer();
  if (nread > 0 && !stream.destroyed) {
    const ret = stream.push(buf);
    if (!ret) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }
  if (nread === 0) return;
  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }
  // Defer this until we actually emit end
  if (stream._readableState.endEmitted) {
    if (stream._maybeDestroy) stream._maybeDestroy();
  } else {
    // Push a null to signal the end of data.
    // Do it before `maybeDestroy` for correct order of events:
    // `end` -> `close`
    stream.push(null);
    stream.read(0);
  }
}

function emitCloseNT(self) {
  self.emit('close');
}

Socket.prototype.connect = function(...args) {
  let normalized;
  // If passed an array, it's treated as an array of arguments that have
  // already been normalized (so we don't normalize more than once). This has
  // been solved before in https://github.com/nodejs/node/pull/12342, but was
  // reverted as it had unintended side effects.
  if (Array.isArray(args[0]) && args[0][normalizedArgsSymbol]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];
  if (cb !== null) this.once('connect', cb);
  if (this._parent && this._parent.connecting) return this;
  if (this.connecting) return this;
  if (options.port === undefined && options.path == null) {
    throw new codes.ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  if (options.path) throw new Error('looplab: net.connect({ path }) (IPC) is not modelled');
  if (!this._handle) {
    this._handle = new TCP(`net.Socket → ${options.host || 'localhost'}:${options.port}`);
    initSocketHandle(this);
  }
  this._unrefTimer();
  this.connecting = true;
  lookupAndConnect(this, options);
  return this;
};

function lookupAndConnect(self, options) {
  const host = options.host || 'localhost';
  let { port } = options;
  const { localAddress, localPort, autoSelectFamily, autoSelectFamilyAttemptTimeout } = options;
  if (localAddress && !isIP(localAddress)) throw new codes.ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
  }
  // If host is an IP, skip performing a lookup
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, addressType);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const hints = options.hints;
  // getaddrinfo's AI_ADDRCONFIG, AI_V4MAPPED and AI_ALL, as glibc numbers them.
  if (hints && (hints & ~(0x20 | 0x08 | 0x10)) !== 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('hints', hints);
  }
  // A name goes through getaddrinfo on the thread pool; this loopback only has 127.0.0.1.
  const lookup = options.lookup || require('dns').lookup;
  lookup(host, { family: 4, hints: options.hints || 0 }, (err, ip, family) => {
    self.emit('lookup', err, ip, family, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self, new codes.ERR_INVALID_IP_ADDRESS(ip));
    } else if (family !== 4 && family !== 6) {
      const error = new codes.ERR_INVALID_ADDRESS_FAMILY(family, options.host, options.port);
      error.host = options.host;
      error.port = options.port;
      process.nextTick(connectErrorNT, self, error);
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, family);
    }
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

function internalConnect(self, address, port, addressType) {
  const req = { oncomplete: afterConnect, address, port };
  const err = self._handle.connect(req, address, port, addressType);
  if (err) self.destroy(exceptionWithHostPort(err, 'connect', address, port));
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle.owner;
  // Callback may come after call to destroy
  if (self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveDelay]);
    }
    self._unrefTimer();
    self.emit('connect');
    self.emit('ready');
    // Start the first read, or get an immediate EOF.
    // this doesn't actually consume any bytes, because len=0.
    if (readable && !self.isPaused()) self.read(0);
  } else {
    self.destroy(exceptionWithHostPort(status, 'connect', req.address, req.port));
  }
}

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  this._handle.unref();
  return this;
};

// ---- Server ----------------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? 16384;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  // Ensure handle hasn't closed
  if (self._handle) self.emit('listening');
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType) {
  if (!address) address = '::';
  const handle = new TCP(`net.Server ${address.includes(':') ? `[${address}]` : address}:${port}`);
  handle.address = address;
  this._handle = handle;
  this._handle.onconnection = onconnection;
  this._handle.owner = this;
  const err = this._handle.listen(port);
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = addressType + ':' + address + ':' + port;
  // Unref the handle if the server was unref'ed prior to listening
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
};

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new codes.ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  // (handle[, backlog][, cb]) and paths are not modelled.
  if (options.path) throw new Error('looplab: listening on a path (IPC) is not modelled');
  // listen(), listen(cb), listen(null[, cb]) and { port: undefined } take a free port, as
  // Node's listen does (it writes the 0 into the caller's options too).
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  if (typeof options.port !== 'number' && typeof options.port !== 'string') {
    if (!('port' in options)) {
      throw new codes.ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
    }
    throw new codes.ERR_INVALID_ARG_VALUE('options', options);
  }
  const port = validatePort(options.port, 'options.port');
  const host = options.host;
  if (host && host !== 'localhost' && host !== '127.0.0.1' && host !== '::' && host !== '0.0.0.0' && host !== '::1') {
    throw new Error(`looplab: only the loopback is modelled; cannot listen on ${host}`);
  }
  const address = host === 'localhost' ? '127.0.0.1' : host;
  this._listen2(address, port, address ? isIP(address) : 6);
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  __proto__: null,
  get() { return !!this._handle; },
  configurable: true,
  enumerable: true,
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    this._handle.getsockname(out);
    return out;
  }
  return null;
};

function onconnection(err, clientHandle) {
  const handle = this;
  const self = handle.owner;
  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections && self._connections >= self.maxConnections) {
    clientHandle.close();
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  // The server's noDelay and keepAlive options, set on the connection and remembered by it.
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}

Server.prototype.getConnections = function(cb) {
  const self = this;
  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }
  end(null, this._connections);
  return this;
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new codes.ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

module.exports = {
  _createServerHandle: undefined,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts() {},
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket, // Legacy naming
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
