'use strict';
// Looplab: Node's ClientRequest (lib/_http_client.js). The options are checked as Node checks
// them; the request asks its agent for a socket (or makes one, with `createConnection` or no
// agent), and when the socket is its own (onSocket, a tick later) the parser is attached and the
// head and body written so far go out. A response ended on a keep-alive socket hands the socket
// back: 'close' on the request, then 'free' on the socket, which the agent takes.

const net = require('net');
const { Buffer } = require('buffer');
const { URL, urlToHttpOptions } = require('internal/url');
const { codes, AbortError } = require('internal/errors');
const { validateInteger, validateBoolean } = require('internal/validators');
const { getTimerDuration } = require('internal/timers');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { IncomingMessage } = require('_http_incoming');
const agents = require('_http_agent');
const { parsers, _checkIsHttpToken: checkIsHttpToken } = require('_http_common');
const { connResetException, limitHeaders } = require('_http_server');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string') {
      input = urlToHttpOptions(new URL(input));
    } else if (input instanceof URL) {
      input = urlToHttpOptions(input);
    } else {
      cb = options;
      options = input;
      input = null;
    }
    if (typeof options === 'function') {
      cb = options;
      options = input || {};
    } else {
      options = Object.assign(input || {}, options);
    }
    let agent = options.agent;
    const defaultAgent = options._defaultAgent || agents.globalAgent;
    if (agent === false) {
      agent = new defaultAgent.constructor();
    } else if (agent === null || agent === undefined) {
      if (typeof options.createConnection !== 'function') agent = defaultAgent;
    } else if (typeof agent.addRequest !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
    }
    this.agent = agent || null;
    const protocol = options.protocol || defaultAgent.protocol;
    const expectedProtocol = this.agent?.protocol || defaultAgent.protocol;
    if (protocol !== expectedProtocol) throw new codes.ERR_INVALID_PROTOCOL(protocol, expectedProtocol);
    const defaultPort = options.defaultPort || this.agent?.defaultPort || 80;
    const port = options.port = options.port || defaultPort;
    const host = options.host = validateHost(options.hostname, 'hostname') ||
      validateHost(options.host, 'host') || 'localhost';
    const setHost = options.setHost === undefined || Boolean(options.setHost);
    this.socketPath = options.socketPath;
    if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');
    let method = options.method;
    if (method !== null && method !== undefined && typeof method !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.method', 'string', method);
    }
    if (method) {
      if (!checkIsHttpToken(method)) throw new codes.ERR_INVALID_HTTP_TOKEN('Method', method);
      method = method.toUpperCase();
    } else {
      method = 'GET';
    }
    this.method = method;
    if (options.path && INVALID_PATH_REGEX.test(String(options.path))) {
      throw new codes.ERR_UNESCAPED_CHARACTERS('Request path');
    }
    if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
    this.maxHeaderSize = options.maxHeaderSize;
    if (options.insecureHTTPParser !== undefined) {
      validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
    }
    this.insecureHTTPParser = options.insecureHTTPParser;
    if (options.joinDuplicateHeaders !== undefined) {
      validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
    }
    this.joinDuplicateHeaders = options.joinDuplicateHeaders;
    this.path = options.path || '/';
    this.host = host;
    this.protocol = protocol;
    this.aborted = false;
    this.res = null;
    this.reusedSocket = false;
    this.upgradeOrConnect = false;
    this.parser = null;
    this.maxHeadersCount = null;
    this.timeoutCb = null;
    if (cb) this.once('response', cb);
    this.useChunkedEncodingByDefault =
      !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(method);
    this._isHead = method === 'HEAD';
    const headers = options.headers;
    if (Array.isArray(headers)) {
      // A list of headers is the head as it is: no Host is added, and getHeader() does not
      // see them.
      const lines = [];
      if (headers.length && Array.isArray(headers[0])) {
        for (const [key, value] of headers) lines.push([key, value]);
      } else {
        if (headers.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) lines.push([headers[i], headers[i + 1]]);
      }
      for (const [key, value] of lines) {
        validateHeaderName(key);
        validateHeaderValue(key, value);
      }
      this._headerLines = lines;
    } else {
      if (headers) for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
      if (host && !this.getHeader('host') && setHost) {
        let hostHeader = host;
        const colon = hostHeader.indexOf(':');
        if (colon !== -1 && hostHeader.includes(':', colon + 1) && hostHeader.charCodeAt(0) !== 91) {
          hostHeader = `[${hostHeader}]`;
        }
        if (port && +port !== defaultPort) hostHeader += ':' + port;
        this.setHeader('Host', hostHeader);
      }
      if (options.auth && !this.getHeader('Authorization')) {
        this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
      }
    }
    // An agent that never reuses a connection (no keep-alive, no socket limit) asks for close.
    if (this.agent) {
      this.shouldKeepAlive = !(!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets));
    } else {
      this.shouldKeepAlive = false;
    }
    // A request that expects 100-continue sends its head at once, to hear back before its body.
    if (this._headers.has('expect') || (this._headerLines ?? []).some(([k]) => /^expect$/i.test(k))) {
      this.flushHeaders();
    }
    const signal = options.signal;
    let connectOptions = options;
    if (signal) {
      connectOptions = Object.assign({}, options);
      delete connectOptions.signal;
      listenForAbort(this, signal);
    }
    if (this.agent) {
      this.agent.addRequest(this, connectOptions);
    } else if (typeof connectOptions.createConnection === 'function') {
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) process.nextTick(() => this.emit('error', err));
        else this.onSocket(socket);
      };
      try {
        const socket = connectOptions.createConnection(connectOptions, oncreate);
        if (socket) oncreate(null, socket);
      } catch (err) {
        oncreate(err);
      }
    } else {
      this.onSocket(net.createConnection(connectOptions));
    }
  }

  _firstHead(bodyLength) {
    if (!this.useChunkedEncodingByDefault && bodyLength === 0) bodyLength = undefined;
    if (!this.useChunkedEncodingByDefault && bodyLength === undefined) this._hasBody = false;
    const head = this._head(`${this.method} ${this.path} HTTP/1.1`, bodyLength);
    this._hasBody = true;
    return head;
  }

  _implicitHeader() {
    this.flushHeaders();
  }

  // The socket becomes the request's a tick later, when its 'error' can reach the request.
  onSocket(socket, err) {
    process.nextTick(onSocketNT, this, socket, err);
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
    if (this.res) this.res._dump();
    this[kError] = err;
    this.socket?.destroy(err);
    return this;
  }

  // The socket's idle timeout, as the request's: armed once the socket has connected, and its
  // 'timeout' told to the request.
  setTimeout(msecs, cb) {
    if (this._ended) return this;
    listenSocketTimeout(this);
    msecs = getTimerDuration(msecs, 'msecs');
    if (cb) this.once('timeout', cb);
    if (this.socket) setSocketTimeout(this.socket, msecs);
    else this.once('socket', (socket) => setSocketTimeout(socket, msecs));
    return this;
  }

  setNoDelay(noDelay) {
    this._deferToConnect((socket) => socket.setNoDelay(noDelay));
  }

  setSocketKeepAlive(enable, delay) {
    this._deferToConnect((socket) => socket.setKeepAlive(enable, delay));
  }

  _deferToConnect(fn) {
    const run = (socket) => {
      if (socket.connecting) socket.once('connect', () => fn(socket));
      else fn(socket);
    };
    if (this.socket) run(this.socket);
    else this.once('socket', run);
  }

  clearTimeout(cb) {
    this.setTimeout(0, cb);
  }
}

function listenForAbort(req, signal) {
  const onAbort = () => req.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function setSocketTimeout(socket, msecs) {
  if (socket.connecting) socket.once('connect', () => socket.setTimeout(msecs));
  else socket.setTimeout(msecs);
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) req.socket.once('timeout', emitRequestTimeout);
  else req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
}

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    req.destroyed = true;
    const done = (error) => {
      if (!req.aborted && !error) error = connResetException('socket hang up');
      if (error) req.emit('error', error);
      req._closed = true;
      req.emit('close');
    };
    if (socket) {
      // A socket the request no longer wants goes back to its agent unharmed.
      if (!err && req.agent && !socket.destroyed) {
        socket.emit('free');
      } else {
        const error = err || req[kError];
        if (socket.destroyed) return done(error);
        socket.once('close', () => done(error));
        socket.destroy(error);
        return;
      }
    }
    done(err || req[kError]);
    return;
  }
  tickOnSocket(req, socket);
  req._attach(socket);
}

function tickOnSocket(req, socket) {
  const parser = parsers.alloc('response');
  parser.freed = false;
  req.socket = socket;
  req.parser = parser;
  socket.parser = parser;
  socket._httpMessage = req;
  parser.onHeaders = (info) => parserOnIncomingClient(socket, parser, info);
  parser.onBody = (chunk) => parser.incoming?.push(chunk);
  parser.onTrailers = (raw) => parser.incoming?._addTrailers(raw);
  parser.onComplete = () => {
    const res = parser.incoming;
    if (!res || res.upgrade || res.statusCode < 200) return;
    parser.stopped = true;
    res.complete = true;
    res.push(null);
  };
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  if (req.timeout !== undefined || req.agent?.options?.timeout) listenSocketTimeout(req);
  req.emit('socket', socket);
}

// The parser has a response's head: 1xx are told and skipped, an upgrade (or CONNECT) hands the
// socket over, anything else is the response.
function parserOnIncomingClient(socket, parser, info) {
  const req = socket._httpMessage;
  limitHeaders(info, req.maxHeadersCount);
  const res = new IncomingMessage(socket);
  res._readableState.autoDestroy = true;
  if (req.joinDuplicateHeaders) res.joinDuplicateHeaders = true;
  res._addInfo(info);
  parser.incoming = res;
  if (req.res) {
    // A second response to one request.
    socket.destroy();
    return true;
  }
  req.res = res;
  if (res.upgrade) return true;
  if (req.method === 'CONNECT') {
    res.upgrade = true;
    return true;
  }
  if (res.statusCode >= 100 && res.statusCode < 200) {
    req.res = null;
    if (res.statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode: res.statusCode, statusMessage: res.statusMessage,
      httpVersion: res.httpVersion, httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor, headers: res.headers, rawHeaders: res.rawHeaders,
    });
    return true;
  }
  if (req.shouldKeepAlive && !info.shouldKeepAlive && !req.upgradeOrConnect) req.shouldKeepAlive = false;
  res.req = req;
  // Our listener first, so the socket is cleaned up before the caller's 'end' listeners run.
  res.on('end', responseOnEnd);
  req.on('prefinish', requestOnPrefinish);
  socket.on('timeout', responseOnTimeout);
  if (req.aborted || !req.emit('response', res)) res._dump();
  if (req._isHead) return true;
  if (res.statusCode === 304) {
    res.complete = true;
    return true;
  }
  return false;
}

function socketOnData(d) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!parser) return;
  const rest = parser.execute(d);
  if (rest instanceof Error) {
    freeParser(parser, req, socket);
    socket.destroy();
    socket._hadError = true;
    req.emit('error', rest);
  } else if (parser.incoming && parser.incoming.upgrade && rest !== null) {
    const res = parser.incoming;
    req.res = res;
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
    freeParser(parser, req, socket);
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(eventName) > 0) {
      req.upgradeOrConnect = true;
      socket.emit('agentRemove');
      socket.removeListener('close', socketCloseListener);
      socket.removeListener('error', socketErrorListener);
      socket._httpMessage = null;
      req.emit(eventName, res, socket, rest);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.complete &&
             !(parser.incoming.statusCode >= 100 && parser.incoming.statusCode < 200 &&
               parser.incoming.statusCode !== 101)) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    freeParser(parser, req, socket);
  }
}

function freeParser(parser, req, socket) {
  if (socket) socket.parser = null;
  if (req) req.parser = null;
  if (parser && !parser.freed) {
    parser.freed = true;
    parsers.free(parser);
  }
}

function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !socket._hadError) {
    // The connection ended before any response: the request failed.
    socket._hadError = true;
    req.emit('error', connResetException('socket hang up'));
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
}

function socketErrorListener(err) {
  const socket = this;
  const req = socket._httpMessage;
  if (req) {
    socket._hadError = true;
    req.emit('error', err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.destroy();
}

function socketCloseListener() {
  const socket = this;
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (res) {
    // The connection closed before the response's end: it is aborted.
    if (!res.complete) res.destroy(connResetException('aborted'));
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    if (!socket._hadError) {
      socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
    socket.removeListener('timeout', responseOnTimeout);
  }
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket.writable) socket.destroySoon();
  } else if (req.finished && !this.aborted) {
    responseKeepAlive(req);
  }
}

// The response ended before the request finished writing: the socket is freed when it has.
function requestOnPrefinish() {
  if (this.shouldKeepAlive && this._ended) responseKeepAlive(this);
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (req && req.res) req.res.emit('timeout');
}

function responseKeepAlive(req) {
  const socket = req.socket;
  if (req.timeoutCb) {
    socket.setTimeout(0, req.timeoutCb);
    req.timeoutCb = null;
  }
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  // The socket is free only after the caller's 'end' listeners have run.
  process.nextTick(emitFreeNT, req);
  req.destroyed = true;
  if (req.res) req.res.socket = null;
}

function emitFreeNT(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

module.exports = { ClientRequest };
