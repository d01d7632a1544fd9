'use strict';
// Looplab: Node's http server (lib/_http_server.js): a net.Server whose connections are read by
// an HTTP parser, one IncomingMessage and ServerResponse per request, answered in turn
// (pipelining), kept alive between requests up to keepAliveTimeout and maxRequestsPerSocket.

const net = require('net');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { validateObject, validateInteger, validateBoolean } = require('internal/validators');
const { OutgoingMessage } = require('_http_outgoing');
const { IncomingMessage } = require('_http_incoming');
const { parsers, continueExpression, chunkExpression, _checkInvalidHeaderChar } = require('_http_common');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK',
  201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported',
  226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');

// A Link header value: <url> then ; parameters (rel=preload, as="style" ...).
const LINK_VALUE = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
function badLink(value) {
  return new codes.ERR_INVALID_ARG_VALUE('hints', value,
    'must be an array or string of format "</styles.css>; rel=preload; as=style"');
}

// ---- ServerResponse ----------------------------------------------------------------------------

class ServerResponse extends OutgoingMessage {
  constructor(req, options) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._keepAliveTimeout = 0;
    this._maxRequestsPerSocket = 0;
    this._defaultKeepAlive = true;
    this.maxRequestsOnConnectionReached = false;
    this._sent100 = false;
    this._rejectBodyWrites = !!options?.rejectNonStandardBodyWrites;
    // An HTTP/1.0 client may not know chunking: unless its TE header asks for it, the body is
    // sent as it comes and the connection's end marks where it stops.
    if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
      this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    }
    if (req.method === 'HEAD') this._hasBody = false;
  }

  // A Keep-Alive header of the caller's replaces Node's.
  setHeader(name, value) {
    super.setHeader(name, value);
    if (String(name).toLowerCase() === 'keep-alive') this._defaultKeepAlive = false;
    return this;
  }

  _keepAliveHeader() {
    if (!this._keepAliveTimeout || !this._defaultKeepAlive) return '';
    const max = ~~this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
    return `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
  }

  _head(firstLine, bodyLength) {
    // The last request a connection may carry is answered with Connection: close.
    if (this.maxRequestsOnConnectionReached && !this._headers.has('connection')) {
      this.shouldKeepAlive = false;
    }
    return super._head(firstLine, bodyLength);
  }

  write(chunk, encoding, cb) {
    if (!this._hasBody && this._rejectBodyWrites && !this.writableEnded) {
      throw new codes.ERR_HTTP_BODY_NOT_ALLOWED();
    }
    return super.write(chunk, encoding, cb);
  }

  writeHead(statusCode, reason, headers) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    if (typeof reason !== 'string') {
      headers ??= reason;
      reason = undefined;
    }
    const code = statusCode | 0;
    if (code < 100 || code > 999) throw new codes.ERR_HTTP_INVALID_STATUS_CODE(statusCode);
    this.statusCode = code;
    if (reason !== undefined) {
      if (_checkInvalidHeaderChar(reason)) throw new codes.ERR_INVALID_CHAR('statusMessage');
      this.statusMessage = reason;
    }
    // Node stores the head at writeHead(): the body's length is not known by then.
    this._headFixed = true;
    if (Array.isArray(headers)) {
      // [name, value, ...] or [[name, value], ...]: these replace earlier values of the same
      // names, and may repeat a name among themselves.
      const pairs = [];
      if (headers.length && Array.isArray(headers[0])) {
        for (const [name, value] of headers) pairs.push([name, value]);
      } else {
        if (headers.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) pairs.push([headers[i], headers[i + 1]]);
      }
      for (const [name] of pairs) if (typeof name === 'string') this.removeHeader(name);
      for (const [name, value] of pairs) if (name) this.appendHeader(name, value);
    } else if (headers) {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
    if (this.statusCode === 204 || this.statusCode === 304) this._hasBody = false;
    if (this._headers.has('content-length') && this.chunkedEncoding === false &&
        this._headers.has('trailer')) {
      throw new codes.ERR_HTTP_TRAILER_INVALID();
    }
    if (this.statusMessage !== undefined && _checkInvalidHeaderChar(this.statusMessage)) {
      throw new codes.ERR_INVALID_CHAR('statusMessage');
    }
    // The head is Node's from here: headers can no longer change.
    this.headersSent = true;
    return this;
  }

  _implicitHeader() {
    this.writeHead(this.statusCode);
  }

  _firstHead(bodyLength) {
    const code = this.statusCode | 0;
    if (code < 100 || code > 999) throw new codes.ERR_HTTP_INVALID_STATUS_CODE(this.statusCode);
    const msg = this.statusMessage ?? STATUS_CODES[this.statusCode] ?? 'unknown';
    if (_checkInvalidHeaderChar(msg)) throw new codes.ERR_INVALID_CHAR('statusMessage');
    this.statusMessage = msg;
    if (this.statusCode === 204 || this.statusCode === 304) this._hasBody = false;
    if (this._headFixed || !this.useChunkedEncodingByDefault) bodyLength = undefined;
    return this._head(`HTTP/1.1 ${this.statusCode} ${msg}`, bodyLength);
  }

  // 1xx informational responses go out at once, before the real head.
  _informational(code, lines, cb) {
    const head = `HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\n${lines}\r\n`;
    this._flushTo([Buffer.from(head, 'latin1')], typeof cb === 'function' ? cb : () => {});
  }

  writeContinue(cb) {
    this._informational(100, '', cb);
    this._sent100 = true;
  }

  writeProcessing(cb) {
    this._informational(102, '', cb);
  }

  writeEarlyHints(hints, cb) {
    validateObject(hints, 'hints');
    if (hints.link === null || hints.link === undefined) return;
    const links = Array.isArray(hints.link) ? hints.link : [hints.link];
    if (typeof hints.link !== 'string' && !Array.isArray(hints.link)) throw badLink(hints.link);
    for (const link of links) {
      if (typeof link !== 'string' || !LINK_VALUE.test(link)) throw badLink(link);
    }
    if (links.length === 0) return;
    let lines = `Link: ${links.join(', ')}\r\n`;
    for (const key of Object.keys(hints)) {
      if (key !== 'link') lines += `${key}: ${hints[key]}\r\n`;
    }
    this._informational(103, lines, cb);
  }

  assignSocket(socket) {
    if (socket._httpMessage) throw new codes.ERR_HTTP_SOCKET_ASSIGNED();
    socket._httpMessage = this;
    this._attach(socket);
    this.emit('socket', socket);
  }

  detachSocket(socket) {
    socket._httpMessage = null;
    this.socket = null;
  }

  _onFinished() {
    this._server?._responseDone(this);
  }

  _emitClose() {
    this._writableState.destroyed = true;
    this._writableState.closed = true;
    this.emit('close');
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
  storeOptions.call(this, options);
  // Node 18+: an http server turns Nagle's algorithm off for every connection unless told not to.
  net.Server.call(this, { allowHalfOpen: true, ...options, noDelay: options.noDelay ?? true });
  if (requestListener) this.on('request', requestListener);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.keepAliveTimeout = options.keepAliveTimeout ?? 5000;
  // The TCP server allows half-open sockets so that HTTP decides: a client's end aborts its
  // requests in progress and ends the connection, unless this is set.
  this.httpAllowHalfOpen = false;
  this._idle = new Set();
  this._httpConnections = new Set();
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
}

// Node checks every connection's request against headersTimeout and requestTimeout on an
// unref'd interval (connectionsCheckingInterval, 30 s by default), not with a timer each.
function setupConnectionsTracking() {
  clearInterval(this[kConnectionsCheckingInterval]);
  this[kConnectionsCheckingInterval] =
    setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
}

function checkConnections() {
  if (this.headersTimeout === 0 && this.requestTimeout === 0) return;
  const now = Date.now();
  for (const socket of this._httpConnections) {
    const state = socket._httpServer;
    if (!state || state.started === null) continue;
    const age = now - state.started;
    const late = (!state.headersDone && this.headersTimeout > 0 && age > this.headersTimeout) ||
      (this.requestTimeout > 0 && age > this.requestTimeout);
    if (late) state.onClientError(new codes.ERR_HTTP_REQUEST_TIMEOUT());
  }
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// The options Node checks and keeps (lib/_http_server.js storeHTTPOptions).
function storeOptions(options) {
  this.IncomingMessage = options.IncomingMessage || IncomingMessage;
  this.ServerResponse = options.ServerResponse || ServerResponse;
  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;
  const insecure = options.insecureHTTPParser;
  if (insecure !== undefined) validateBoolean(insecure, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecure;
  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) validateInteger(requestTimeout, 'requestTimeout', 0);
  this.requestTimeout = requestTimeout ?? 300000;
  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) validateInteger(headersTimeout, 'headersTimeout', 0);
  this.headersTimeout = headersTimeout ?? Math.min(60000, this.requestTimeout);
  if (this.requestTimeout > 0 && this.headersTimeout > 0 && this.headersTimeout > this.requestTimeout) {
    throw new codes.ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }
  const interval = options.connectionsCheckingInterval;
  if (interval !== undefined) validateInteger(interval, 'connectionsCheckingInterval', 0);
  this.connectionsCheckingInterval = interval ?? 30000;
  const join = options.joinDuplicateHeaders;
  if (join !== undefined) validateBoolean(join, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = join;
  const requireHostHeader = options.requireHostHeader;
  if (requireHostHeader !== undefined) validateBoolean(requireHostHeader, 'options.requireHostHeader');
  this.requireHostHeader = requireHostHeader ?? true;
  this.rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites ?? false;
}

function connectionListener(socket) {
  const server = this;
  const parser = parsers.alloc('request');
  const queue = []; // responses waiting for their turn (pipelining)
  let req = null;
  let requests = 0;
  // started: when the request being read began (null between requests).
  socket._httpServer = { parser, queue, current: null, started: Date.now(), headersDone: false };
  socket.parser = parser;
  socket.setEncoding = socketSetEncoding;
  // A new connection counts as busy (its first request is on its way): only one that has
  // finished a response is idle for closeIdleConnections().
  server._httpConnections.add(socket);
  if (server.timeout) socket.setTimeout(server.timeout);
  socket.on('timeout', () => onTimeout(server, socket));
  parser.onHeaders = (info) => {
    server._idle.delete(socket);
    socket._httpServer.headersDone = true;
    // The keep-alive timeout ends with a request; the server's own timeout applies again.
    if (socket._keepAliveTimeoutSet) {
      socket.setTimeout(server.timeout || 0);
      socket._keepAliveTimeoutSet = false;
    }
    limitHeaders(info, server.maxHeadersCount);
    req = new server.IncomingMessage(socket);
    parser.incoming = req;
    if (server.joinDuplicateHeaders) req.joinDuplicateHeaders = true;
    req._addInfo(info);
    if (info.upgrade && server.listenerCount('upgrade') > 0) return false;
    const res = new server.ServerResponse(req,
      { rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites });
    res._server = server;
    res._keepAliveTimeout = server.keepAliveTimeout;
    res._maxRequestsPerSocket = server.maxRequestsPerSocket;
    res.shouldKeepAlive = info.shouldKeepAlive;
    // Pipelined requests are answered in order: a response waits for the socket until the one
    // before it has finished, what it writes meanwhile kept in its own buffer.
    if (socket._httpServer.current) {
      queue.push(res);
    } else {
      res.assignSocket(socket);
      socket._httpServer.current = res;
    }
    dispatch(server, socket, req, res, ++requests);
    return false;
  };
  parser.onBody = (chunk) => req.push(chunk);
  parser.onTrailers = (raw) => req._addTrailers(raw);
  parser.onComplete = () => {
    if (socket._httpServer) socket._httpServer.started = null;
    req.complete = true;
    if (!req.upgrade || server.listenerCount('upgrade') === 0) req.push(null);
  };
  function onData(chunk) {
    const state = socket._httpServer;
    if (state && state.started === null) {
      state.started = Date.now();
      state.headersDone = false;
    }
    const rest = parser.execute(chunk);
    // The next pipelined request began in these bytes: its clock starts now.
    if (state && state.started === null && (parser.buf.length > 0 || parser.state !== 'head')) {
      state.started = Date.now();
      state.headersDone = parser.state !== 'head';
    }
    if (rest instanceof Error) return onClientError(rest);
    if (rest !== null && req.upgrade && server.listenerCount('upgrade') > 0) {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      server._idle.delete(socket);
      // Responses still owed on this connection go out before the new protocol's bytes.
      socket._httpServer.upgraded = true;
      socket.parser = null;
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
      // (A response already ended has, in Node, finished by now: its write went out at once.)
      if (res && !res.req.destroyed && !res.finished) res.req.destroy(connResetException('aborted'));
      if (socket.writable) socket.end();
    } else if (!res) {
      socket.end();
    }
  }
  // socketOnError: unless 'clientError' is handled, a 400 goes out if no response has started,
  // then the socket is destroyed.
  function onClientError(err) {
    // Errors after the first are not told again.
    socket.removeListener('error', onClientError);
    if (socket.listenerCount('error') === 0) socket.on('error', () => {});
    if (server.emit('clientError', err, socket)) return;
    const res = socket._httpServer?.current;
    if (socket.writable && !(res && res.headersSent)) {
      socket.write(err.code === 'HPE_HEADER_OVERFLOW' ? HEADERS_TOO_LARGE :
        err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? REQUEST_TIMEOUT : BAD_REQUEST);
    }
    socket.destroy(err);
  }
  // socketOnClose: a request still waiting for its response is aborted, then the response closes.
  function onClose() {
    server._idle.delete(socket);
    server._httpConnections.delete(socket);
    const res = socket._httpServer?.current;
    if (!res) return;
    socket._httpServer.current = null;
    if (!res.req.destroyed) res.req.destroy(connResetException('aborted'));
    res._closed = true;
    res._emitClose();
  }
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onClose);
  socket.on('error', onClientError);
  socket._httpServer.onClientError = onClientError;
}

// The parser lets go of a request once it is answered and read to its end.
function clearIncoming(parser, req) {
  if (!parser || parser.incoming !== req) return;
  if (req.readableEnded) parser.incoming = null;
  else req.once('end', () => clearIncoming(parser, req));
}

// HTTP reads bytes: a connection's encoding stays as it is.
function socketSetEncoding() {
  throw new codes.ERR_HTTP_SOCKET_ENCODING();
}

// maxHeadersCount: the head's fields past the limit are dropped (2000 when unset, 0 for none).
function limitHeaders(info, max) {
  const limit = typeof max === 'number' && max > 0 ? max : (max === 0 ? Infinity : 2000);
  if (info.rawHeaders.length > limit * 2) info.rawHeaders = info.rawHeaders.slice(0, limit * 2);
}

// parserOnIncoming's checks before 'request': the Host header HTTP/1.1 requires, the connection's
// request limit, and Expect.
function dispatch(server, socket, req, res, count) {
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (server.requireHostHeader && req.headers.host === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return;
    }
    const limited = typeof server.maxRequestsPerSocket === 'number' && server.maxRequestsPerSocket > 0;
    if (limited) res.maxRequestsOnConnectionReached = server.maxRequestsPerSocket <= count;
    if (limited && server.maxRequestsPerSocket < count) {
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
      return;
    }
    if (req.headers.expect !== undefined) {
      if (continueExpression.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
      return;
    }
  }
  server.emit('request', req, res);
}

// socketOnTimeout: the request, the response and the server are told; if none listens, the
// connection is destroyed.
function onTimeout(server, socket) {
  const res = socket._httpServer?.current;
  const reqHeard = res && !res.req.complete ? res.req.emit('timeout', socket) : false;
  const resHeard = res ? res.emit('timeout', socket) : false;
  const serverHeard = server.emit('timeout', socket);
  if (!reqHeard && !resHeard && !serverHeard) socket.destroy();
}

Server.prototype._responseDone = function(res) {
  // A response ended after its connection closed has said 'close' already.
  if (res._closed) return;
  res._closed = true;
  const socket = res.socket;
  res.detachSocket(socket);
  // A request body nobody read is read and dropped, so its 'end' can come.
  if (res.req.readableFlowing === null && !res.req._readableState.resumeScheduled) res.req._dump();
  clearIncoming(socket.parser, res.req);
  // resOnFinish: the response closes on the next tick (emitCloseNT), then its request.
  process.nextTick(() => {
    res._emitClose();
    res.req.emit('close');
  });
  if (!socket._httpServer) return;
  socket._httpServer.current = null;
  const next = socket._httpServer.queue.shift();
  if (socket._httpServer.upgraded) {
    if (next) {
      socket._httpServer.current = next;
      next.assignSocket(socket);
    }
    return;
  }
  // A server being closed still keeps a busy connection alive after its response, as Node does:
  // it closes when idle for keepAliveTimeout (or at closeIdleConnections()).
  if (!res.shouldKeepAlive) {
    socket.end();
  } else if (next) {
    socket._httpServer.current = next;
    next.assignSocket(socket);
  } else {
    this._idle.add(socket);
    // An idle keep-alive connection is closed after keepAliveTimeout, and a second more, so a
    // client told "timeout=5" has closed it first.
    if (this.keepAliveTimeout) {
      socket.setTimeout(this.keepAliveTimeout + 1000);
      socket._keepAliveTimeoutSet = true;
    }
  }
};

Server.prototype.closeIdleConnections = function() {
  for (const socket of this._idle) socket.destroy();
  this._idle.clear();
};

Server.prototype.closeAllConnections = function() {
  this.closeIdleConnections();
  for (const socket of this._httpConnections) socket.destroy();
};

// Node 19+: close() also closes idle keep-alive connections.
Server.prototype.close = function(cb) {
  clearInterval(this[kConnectionsCheckingInterval]);
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

Server.prototype[Symbol.asyncDispose] = function() {
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype.setTimeout = function(msecs, cb) {
  this.timeout = msecs;
  if (cb) this.on('timeout', cb);
  return this;
};

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const HEADERS_TOO_LARGE =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

module.exports = {
  limitHeaders,
  STATUS_CODES,
  Server,
  ServerResponse,
  _connectionListener: connectionListener,
  connResetException,
  kConnectionsCheckingInterval,
};
