'use strict';
// Looplab: Node's http module (lib/_http_server.js, _http_client.js, _http_outgoing.js,
// _http_incoming.js, _http_agent.js) in brief, on net. Heads are written as Node writes them
// (Date, Connection, Keep-Alive, Content-Length or chunked Transfer-Encoding), keep-alive
// sockets are pooled by an Agent (the global one keeps them alive, as in Node 19+), and an
// Upgrade request hands the socket to 'upgrade' listeners with the bytes after the head.

const net = require('net');
const EventEmitter = require('events');
const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const { HttpParser } = require('internal/looplab/http_parser');
const { codes } = require('internal/errors');
const { validateObject } = require('internal/validators');
const { getTimerDuration } = require('internal/timers');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted',
  204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  413: 'Payload Too Large', 418: "I'm a Teapot", 426: 'Upgrade Required', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};
const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

// ---- IncomingMessage ---------------------------------------------------------------------------

class IncomingMessage extends Readable {
  constructor(socket) {
    super({ autoDestroy: false });
    this.socket = socket;
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.httpVersion = '1.1';
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.aborted = false;
    this.upgrade = false;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.headers = {};
    this.trailers = {};
  }

  get connection() { return this.socket; }

  _read() {
    if (this.socket && this.socket.isPaused()) this.socket.resume();
  }

  _addInfo(info) {
    this.httpVersionMajor = info.versionMajor;
    this.httpVersionMinor = info.versionMinor;
    this.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
    this.rawHeaders = info.rawHeaders;
    const headers = {};
    for (const key in info.headers) headers[key] = info.headers[key];
    this.headers = headers;
    this.upgrade = info.upgrade;
    if (info.method !== undefined) {
      this.method = info.method;
      this.url = info.url;
    } else {
      this.statusCode = info.statusCode;
      this.statusMessage = info.statusMessage;
    }
  }

  setTimeout(msecs, cb) {
    if (cb) this.on('timeout', cb);
    this.socket.setTimeout(msecs);
    return this;
  }

  // A message cut short is 'aborted'; its error is emitted only to someone who listens for it.
  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    if (this.socket && !this.socket.destroyed && this.aborted) this.socket.destroy(err);
    cb(this.listenerCount('error') === 0 ? null : err);
  }
}

// ---- OutgoingMessage ---------------------------------------------------------------------------

class OutgoingMessage extends Writable {
  constructor() {
    super({ decodeStrings: false, autoDestroy: false });
    this._headers = new Map(); // lower-case name -> [name, value]
    this.headersSent = false;
    this.chunkedEncoding = false;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this.shouldKeepAlive = true;
    this.socket = null;
    this._hasBody = true;
    this.finished = false;
  }

  get connection() { return this.socket; }

  setHeader(name, value) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    this._headers.set(String(name).toLowerCase(), [name, value]);
    return this;
  }

  getHeader(name) {
    return this._headers.get(String(name).toLowerCase())?.[1];
  }

  hasHeader(name) {
    return this._headers.has(String(name).toLowerCase());
  }

  removeHeader(name) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('remove');
    this._headers.delete(String(name).toLowerCase());
  }

  getHeaderNames() {
    return [...this._headers.keys()];
  }

  getHeaders() {
    const out = { __proto__: null };
    for (const [key, [, value]] of this._headers) out[key] = value;
    return out;
  }

  // _http_outgoing.js _storeHeader: the user's headers, then what Node adds.
  _head(firstLine, bodyLength) {
    let head = firstLine + '\r\n';
    for (const [, [name, value]] of this._headers) {
      if (Array.isArray(value)) for (const v of value) head += `${name}: ${v}\r\n`;
      else head += `${name}: ${value}\r\n`;
    }
    if (this.sendDate && !this._headers.has('date')) head += `Date: ${new Date().toUTCString()}\r\n`;
    if (!this._headers.has('connection')) {
      // Node promises keep-alive only when the body's end can be told apart from the connection's:
      // a Content-Length of the caller's, chunking allowed, or an agent's socket.
      const sendKeepAlive = this.shouldKeepAlive &&
        (this._headers.has('content-length') || this.useChunkedEncodingByDefault || this.agent);
      if (!sendKeepAlive) this.shouldKeepAlive = false;
      if (sendKeepAlive) {
        head += 'Connection: keep-alive\r\n';
        if (this._keepAliveTimeout) head += `Keep-Alive: timeout=${this._keepAliveTimeout / 1000}\r\n`;
      } else {
        head += 'Connection: close\r\n';
      }
    } else if (/close/i.test(String(this._headers.get('connection')[1]))) {
      this.shouldKeepAlive = false;
    }
    if (this._hasBody && !this._headers.has('content-length') && !this._headers.has('transfer-encoding')) {
      if (bodyLength !== undefined) {
        head += `Content-Length: ${bodyLength}\r\n`;
      } else if (this.useChunkedEncodingByDefault) {
        head += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this.shouldKeepAlive = false;
      }
    } else if (this._headers.has('transfer-encoding')) {
      this.chunkedEncoding = /chunked/i.test(String(this._headers.get('transfer-encoding')[1]));
    }
    this.headersSent = true;
    return head + '\r\n';
  }

  _send(head, body) {
    const parts = [];
    if (head) parts.push(Buffer.from(head, 'latin1'));
    // A response to HEAD, a 204 or a 304 has no body: Node ignores what is written to it.
    if (body && body.length && this._hasBody) {
      if (this.chunkedEncoding) {
        parts.push(Buffer.from(body.length.toString(16) + '\r\n', 'latin1'), body, Buffer.from('\r\n'));
      } else {
        parts.push(body);
      }
    }
    return parts;
  }

  _write(chunk, encoding, cb) {
    const body = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    const head = this.headersSent ? '' : this._firstHead(undefined);
    this._flushTo(this._send(head, body), cb);
  }

  _final(cb) {
    const parts = [];
    if (!this.headersSent) parts.push(...this._send(this._firstHead(0), null));
    if (this._hasBody && this.chunkedEncoding) parts.push(Buffer.from('0\r\n\r\n', 'latin1'));
    this.finished = true;
    this._flushTo(parts, (err) => {
      cb(err);
      this._onFinished();
    });
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = null; }
    else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    // All of the body at once: Node sends it with a Content-Length.
    if (chunk != null && !this.headersSent && !this.writableLength) {
      const body = typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
      const head = this._firstHead(this._hasBody ? body.length : undefined);
      this._pendingParts = this._send(head, this._hasBody ? body : null);
      chunk = null;
    }
    return super.end(chunk, encoding, cb);
  }

  // The head goes out now, before any body: its framing is what a body of unknown length gets.
  flushHeaders() {
    if (this.headersSent) return;
    this._flushTo(this._send(this._firstHead(undefined), null), () => {});
  }

  // The socket may not be there yet (a client request waits for the agent's socket).
  _flushTo(parts, cb) {
    if (this._pendingParts) {
      parts = [...this._pendingParts, ...parts];
      this._pendingParts = null;
    }
    const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (this.socket) {
      if (data.length) this.socket.write(data, () => cb());
      else process.nextTick(cb);
    } else {
      (this._outbox ??= []).push([data, cb]);
    }
  }

  _attach(socket) {
    this.socket = socket;
    for (const [data, cb] of this._outbox ?? []) {
      if (data.length) socket.write(data, () => cb());
      else process.nextTick(cb);
    }
    this._outbox = null;
  }

  _onFinished() {}
}

// ---- ServerResponse ----------------------------------------------------------------------------

class ServerResponse extends OutgoingMessage {
  constructor(req, server, keepAlive) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._server = server;
    this._keepAliveTimeout = server.keepAliveTimeout;
    this.shouldKeepAlive = keepAlive;
    // An HTTP/1.0 client may not know chunking: unless its TE header asks for it, the body is
    // sent as it comes and the connection's end marks where it stops.
    if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
      this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te);
    }
    if (req.method === 'HEAD') this._hasBody = false;
  }

  writeHead(statusCode, reason, headers) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    if (typeof reason !== 'string') {
      headers = reason;
      reason = undefined;
    }
    this.statusCode = statusCode;
    if (reason !== undefined) this.statusMessage = reason;
    // Node stores the head at writeHead(): the body's length is not known by then.
    this._headFixed = true;
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
    return this;
  }

  _firstHead(bodyLength) {
    const msg = this.statusMessage ?? STATUS_CODES[this.statusCode] ?? 'unknown';
    this.statusMessage = msg;
    if (this.statusCode === 204 || this.statusCode === 304) this._hasBody = false;
    if (this._headFixed || !this.useChunkedEncodingByDefault) bodyLength = undefined;
    return this._head(`HTTP/1.1 ${this.statusCode} ${msg}`, bodyLength);
  }

  _onFinished() {
    this._server._responseDone(this);
  }
}

// ---- Server ------------------------------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  // Node 18+: an http server turns Nagle's algorithm off for every connection unless told not to.
  net.Server.call(this, { allowHalfOpen: true, ...options, noDelay: options.noDelay ?? true });
  if (requestListener) this.on('request', requestListener);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.keepAliveTimeout = 5000;
  this.headersTimeout = 60000;
  this.requestTimeout = 300000;
  // The TCP server allows half-open sockets so that HTTP decides: a client's end aborts its
  // requests in progress and ends the connection, unless this is set.
  this.httpAllowHalfOpen = false;
  this._idle = new Set();
  this.on('connection', connectionListener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function connectionListener(socket) {
  const server = this;
  const parser = new HttpParser('request');
  const queue = []; // responses waiting for their turn (pipelining)
  let req = null;
  socket._httpServer = { parser, queue, current: null };
  server._idle.add(socket);
  parser.onHeaders = (info) => {
    server._idle.delete(socket);
    req = new IncomingMessage(socket);
    req._addInfo(info);
    if (info.upgrade && server.listenerCount('upgrade') > 0) return false;
    const res = new ServerResponse(req, server, info.shouldKeepAlive);
    res._attach(socket);
    socket._httpServer.current = res;
    server.emit('request', req, res);
    return false;
  };
  parser.onBody = (chunk) => req.push(chunk);
  parser.onComplete = () => {
    req.complete = true;
    if (!req.upgrade || server.listenerCount('upgrade') === 0) req.push(null);
  };
  function onData(chunk) {
    const rest = parser.execute(chunk);
    if (rest instanceof Error) return onClientError(rest);
    if (rest !== null && req.upgrade && server.listenerCount('upgrade') > 0) {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      server._idle.delete(socket);
      socket._httpServer = null;
      server.emit('upgrade', req, socket, rest);
    }
  }
  function onEnd() {
    server._idle.delete(socket);
    const err = parser.finish();
    if (err) return onClientError(err);
    const res = socket._httpServer?.current;
    if (!server.httpAllowHalfOpen) {
      // socketOnEnd: the requests still in progress are aborted, then the connection ends.
      if (res && !res.req.destroyed) res.req.destroy(connResetException('aborted'));
      if (socket.writable) socket.end();
    } else if (!res) {
      socket.end();
    }
  }
  // socketOnError: unless 'clientError' is handled, a 400 goes out if no response has started,
  // then the socket is destroyed.
  function onClientError(err) {
    if (server.emit('clientError', err, socket)) return;
    const res = socket._httpServer?.current;
    if (socket.writable && !(res && res.headersSent)) {
      socket.write(err.code === 'HPE_HEADER_OVERFLOW' ? HEADERS_TOO_LARGE : BAD_REQUEST);
    }
    socket.destroy(err);
  }
  // socketOnClose: a request still waiting for its response is aborted, then the response closes.
  function onClose() {
    server._idle.delete(socket);
    const res = socket._httpServer?.current;
    if (!res) return;
    socket._httpServer.current = null;
    if (!res.req.destroyed) res.req.destroy(connResetException('aborted'));
    res._closed = true;
    res.emit('close');
  }
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onClose);
  socket.on('error', () => {});
}

Server.prototype._responseDone = function(res) {
  // A response ended after its connection closed has said 'close' already.
  if (res._closed) return;
  res._closed = true;
  const socket = res.socket;
  res.emit('close');
  res.req.emit('close');
  if (!socket._httpServer) return;
  socket._httpServer.current = null;
  if (!res.shouldKeepAlive || this._closing) {
    socket.end();
  } else {
    this._idle.add(socket);
  }
};

Server.prototype.closeIdleConnections = function() {
  for (const socket of this._idle) socket.destroy();
  this._idle.clear();
};

Server.prototype.closeAllConnections = function() {
  this.closeIdleConnections();
};

// Node 19+: close() also closes idle keep-alive connections.
Server.prototype.close = function(cb) {
  this._closing = true;
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

Server.prototype.setTimeout = function(msecs, cb) {
  this.timeout = msecs;
  if (cb) this.on('timeout', cb);
  return this;
};

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// ---- Agent -------------------------------------------------------------------------------------

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    this.keepAlive = this.options.keepAlive || false;
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.maxSockets = this.options.maxSockets || Infinity;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
  }

  getName(options) {
    return `${options.host || 'localhost'}:${options.port || ''}:`;
  }

  addRequest(req, options) {
    const name = this.getName(options);
    const free = this.freeSockets[name];
    if (free && free.length) {
      const socket = free.shift();
      if (free.length === 0) delete this.freeSockets[name];
      socket.ref();
      socket.removeListener('error', freeSocketError);
      (this.sockets[name] ??= []).push(socket);
      req.reusedSocket = true;
      req._onSocket(socket);
      return;
    }
    if ((this.sockets[name]?.length ?? 0) >= this.maxSockets) {
      (this.requests[name] ??= []).push([req, options]);
      return;
    }
    const socket = net.createConnection({ port: options.port, host: options.host || 'localhost',
      noDelay: this.options.noDelay });
    (this.sockets[name] ??= []).push(socket);
    socket.once('close', () => this._remove(name, socket));
    req.reusedSocket = false;
    req._onSocket(socket);
  }

  _remove(name, socket) {
    for (const table of [this.sockets, this.freeSockets]) {
      const list = table[name];
      if (!list) continue;
      const i = list.indexOf(socket);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) delete table[name];
    }
  }

  _free(name, socket, keep) {
    this._remove(name, socket);
    const waiting = this.requests[name];
    if (keep && waiting && waiting.length) {
      const [req] = waiting.shift();
      if (waiting.length === 0) delete this.requests[name];
      (this.sockets[name] ??= []).push(socket);
      req.reusedSocket = true;
      req._onSocket(socket);
      return;
    }
    if (keep && this.keepAlive) {
      (this.freeSockets[name] ??= []).push(socket);
      socket.setKeepAlive(true, this.keepAliveMsecs);
      socket.unref();
      socket.once('error', freeSocketError);
      this.emit('free', socket, {});
    } else {
      socket.destroy();
    }
    if (waiting && waiting.length) {
      const [req, options] = waiting.shift();
      if (waiting.length === 0) delete this.requests[name];
      this.addRequest(req, options);
    }
  }

  destroy() {
    for (const table of [this.sockets, this.freeSockets]) {
      for (const name of Object.keys(table)) for (const s of [...table[name]]) s.destroy();
    }
  }
}

function freeSocketError() {}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- ClientRequest -----------------------------------------------------------------------------

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string' || input instanceof URL) {
      const url = new URL(String(input));
      const fromUrl = { protocol: url.protocol, hostname: url.hostname, port: url.port,
        path: url.pathname + url.search };
      if (typeof options === 'function') { cb = options; options = {}; }
      options = { ...fromUrl, ...options };
    } else {
      cb = options;
      options = { ...input };
    }
    const agent = options.agent === undefined ? globalAgent : options.agent;
    this.agent = agent || null;
    this.aborted = false;
    this.method = (options.method || 'GET').toUpperCase();
    this.path = options.path || '/';
    if (options.timeout !== undefined) {
      this.timeout = getTimerDuration(options.timeout, 'timeout');
      this.setTimeout(this.timeout);
    }
    this.host = options.hostname || options.host || 'localhost';
    this.protocol = 'http:';
    const port = options.port || 80;
    this.useChunkedEncodingByDefault = !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(this.method);
    if (this.method === 'HEAD') this._hasBody = true;
    this._isHead = this.method === 'HEAD';
    if (cb) this.once('response', cb);
    const headers = options.headers;
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
    if (!this.hasHeader('host')) this.setHeader('Host', port === 80 ? this.host : `${this.host}:${port}`);
    this.shouldKeepAlive = !!(this.agent && this.agent.keepAlive);
    this.reusedSocket = false;
    this._options = { host: this.host, port };
    if (this.agent) {
      this.agent.addRequest(this, this._options);
    } else {
      // `agent: false` is a fresh Agent in Node, with its default noDelay.
      this._onSocket(net.createConnection({ port, host: this.host, noDelay: true }));
    }
  }

  _firstHead(bodyLength) {
    if (!this.useChunkedEncodingByDefault && bodyLength === 0) bodyLength = undefined;
    if (!this.useChunkedEncodingByDefault && bodyLength === undefined) this._hasBody = false;
    const head = this._head(`${this.method} ${this.path} HTTP/1.1`, bodyLength);
    this._hasBody = true;
    return head;
  }

  _onSocket(socket) {
    process.nextTick(() => {
      if (this.destroyed) return this._destroyBeforeSocket(socket);
      this.emit('socket', socket);
      this._attach(socket);
      this._listen(socket);
    });
  }

  // onSocket for a request destroyed before it had a socket: the socket goes, then the request.
  _destroyBeforeSocket(socket) {
    const done = (err) => {
      if (!this.aborted && !err) err = connResetException('socket hang up');
      if (err) this.emit('error', err);
      this.emit('close');
    };
    const err = this._destroyError;
    if (socket.destroyed) return done(err);
    socket.once('close', () => done(err));
    socket.destroy(err);
  }

  _listen(socket) {
    const parser = new HttpParser('response');
    let res = null;
    const req = this;
    parser.onHeaders = (info) => {
      res = new IncomingMessage(socket);
      res._addInfo(info);
      res.req = req;
      if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
        req.emit('information', { statusCode: info.statusCode, statusMessage: info.statusMessage,
          headers: res.headers, rawHeaders: res.rawHeaders });
        return true;
      }
      if (info.upgrade) return true;
      req.res = res;
      if (!info.shouldKeepAlive) req.shouldKeepAlive = false;
      req.emit('response', res);
      if (req.listenerCount('response') === 0) res.resume();
      return req._isHead;
    };
    parser.onBody = (chunk) => res.push(chunk);
    parser.onComplete = () => {
      if (!res || res.upgrade || res.statusCode < 200) return;
      res.complete = true;
      // responseKeepAlive: a socket going back to the pool is no longer the request's.
      if (req.agent && req.shouldKeepAlive) req.destroyed = true;
      res.push(null);
      cleanup();
      res.once('end', () => {
        res.emit('close');
        req.destroyed = true;
        req.emit('close');
        if (req.agent) req.agent._free(req.agent.getName(req._options), socket, req.shouldKeepAlive);
        else socket.end();
      });
    };
    function onData(chunk) {
      const rest = parser.execute(chunk);
      if (rest instanceof Error) {
        // socketOnData: the parser is done with, the socket destroyed, then the request fails
        // (and closes when the socket has).
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.destroy();
        socket._hadError = true;
        req.emit('error', rest);
        return;
      }
      if (rest !== null && res && res.upgrade) {
        cleanup();
        if (req.agent) req.agent._remove(req.agent.getName(req._options), socket);
        if (req.listenerCount('upgrade') > 0) req.emit('upgrade', res, socket, rest);
        else socket.destroy();
      }
    }
    function hangUp() {
      if (res || socket._hadError) return;
      socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    function onEnd() {
      hangUp();
      parser.finish();
      socket.destroy();
    }
    function onError(err) {
      socket._hadError = true;
      req.emit('error', err);
    }
    function onClose() {
      cleanup();
      req.destroyed = true;
      if (res) {
        if (!res.complete) res.destroy(connResetException('aborted'));
      } else {
        hangUp();
      }
      req.emit('close');
    }
    function cleanup() {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    }
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit('abort'));
    this.destroy();
  }

  // The socket's 'error' and 'close' tell the request; before it has one, onSocket does.
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this._destroyError = err;
    if (this.res) this.res.resume();
    if (this.socket) this.socket.destroy(err);
    return this;
  }

  // The socket's idle timeout, as the request's: armed once the socket has connected, and its
  // 'timeout' told to the request until the request closes.
  setTimeout(msecs, cb) {
    if (this._ended) return this;
    msecs = getTimerDuration(msecs, 'msecs');
    if (cb) this.once('timeout', cb);
    const arm = (socket) => {
      if (!this._timeoutListening) {
        this._timeoutListening = true;
        const relay = () => this.emit('timeout');
        socket.on('timeout', relay);
        this.once('close', () => socket.removeListener('timeout', relay));
      }
      if (socket.connecting) socket.once('connect', () => socket.setTimeout(msecs));
      else socket.setTimeout(msecs);
    };
    if (this.socket) arm(this.socket);
    else this.once('socket', arm);
    return this;
  }
}

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const HEADERS_TOO_LARGE =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

const { callableWithoutNew } = require('internal/util');

module.exports = {
  METHODS,
  STATUS_CODES,
  Agent: callableWithoutNew(Agent),
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  get,
  globalAgent,
  maxHeaderSize: 16384,
  request,
  validateHeaderName() {},
  validateHeaderValue() {},
  setMaxIdleHTTPParsers() {},
};
