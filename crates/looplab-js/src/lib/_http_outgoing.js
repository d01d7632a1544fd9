'use strict';
// Looplab: Node's OutgoingMessage (lib/_http_outgoing.js), what a server's response and a
// client's request share: the headers, checked as they are set; the head, written as Node writes
// it (the caller's headers, then Date, Connection, Keep-Alive, and Content-Length or chunked
// Transfer-Encoding); the body, framed by that head; and the trailers after a chunked body.

const { Writable } = require('stream');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { validateString } = require('internal/validators');
const { _checkIsHttpToken: checkIsHttpToken, _checkInvalidHeaderChar: checkInvalidHeaderChar } =
  require('_http_common');

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new codes.ERR_INVALID_HTTP_TOKEN(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new codes.ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new codes.ERR_INVALID_CHAR('header content', name);
}

// What write() and end() take: a string, a Buffer or a Uint8Array.
function toBody(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding || 'utf8');
  if (chunk instanceof Uint8Array) return chunk;
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
}

class OutgoingMessage extends Writable {
  constructor() {
    super({ decodeStrings: false, autoDestroy: false });
    this._headers = new Map(); // lower-case name -> [name, value]
    this.headersSent = false; // stored (writeHead) or written
    this._headWritten = false;
    this.chunkedEncoding = false;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this.shouldKeepAlive = true;
    this.socket = null;
    this._hasBody = true;
    this._trailer = '';
    this.strictContentLength = false;
    this._contentLength = null;
    this._bodyBytes = 0;
    this.finished = false;
  }

  get connection() { return this.socket; }
  set connection(socket) { this.socket = socket; }

  setHeader(name, value) {
    if (this._header || this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this._headers.set(name.toLowerCase(), [name, value]);
    return this;
  }

  // A second value joins the first, as a list; set-cookie stays a list.
  appendHeader(name, value) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    const old = this._headers.get(key);
    if (!old) return this.setHeader(name, value);
    const list = Array.isArray(old[1]) ? old[1] : [old[1]];
    this._headers.set(key, [old[0], list.concat(value)]);
    return this;
  }

  // Node 20: a Headers or a Map, set one by one.
  setHeaders(headers) {
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('set');
    if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
        typeof headers.get !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
    }
    const cookies = [];
    for (const [key, value] of headers) {
      if (key === 'set-cookie') cookies.push(value);
      else this.setHeader(key, value);
    }
    if (cookies.length) this.setHeader('set-cookie', cookies);
    return this;
  }

  getHeader(name) {
    validateString(name, 'name');
    return this._headers.get(name.toLowerCase())?.[1];
  }

  hasHeader(name) {
    validateString(name, 'name');
    return this._headers.has(name.toLowerCase());
  }

  removeHeader(name) {
    validateString(name, 'name');
    if (this.headersSent) throw new codes.ERR_HTTP_HEADERS_SENT('remove');
    const key = name.toLowerCase();
    // A header Node would add is left out once the caller has removed it.
    if (key === 'date') this.sendDate = false;
    else if (key === 'connection') this._removedConnection = true;
    else if (key === 'content-length') this._removedContLen = true;
    else if (key === 'transfer-encoding') this._removedTE = true;
    this._headers.delete(key);
  }

  getHeaderNames() {
    return [...this._headers.keys()];
  }

  getRawHeaderNames() {
    return [...this._headers.values()].map(([name]) => name);
  }

  getHeaders() {
    const out = { __proto__: null };
    for (const [key, [, value]] of this._headers) out[key] = value;
    return out;
  }

  // Trailers go after the last chunk, so only a chunked body has them.
  addTrailers(headers) {
    const pairs = Array.isArray(headers) ? headers : Object.keys(headers).map((k) => [k, headers[k]]);
    let text = '';
    for (const [field, value] of pairs) {
      if (typeof field !== 'string' || !field || !checkIsHttpToken(field)) {
        throw new codes.ERR_INVALID_HTTP_TOKEN('Trailer name', field);
      }
      if (checkInvalidHeaderChar(value)) throw new codes.ERR_INVALID_CHAR('trailer content', field);
      text += `${field}: ${value}\r\n`;
    }
    this._trailer = text;
  }

  // _http_outgoing.js _storeHeader: the user's headers, then what Node adds.
  _head(firstLine, bodyLength) {
    let head = firstLine + '\r\n';
    const lines = this._headerLines ?? [];
    const get = (key) => this._headers.get(key)?.[1] ??
      lines.find(([name]) => name.toLowerCase() === key)?.[1];
    const has = (key) => get(key) !== undefined;
    for (const [name, value] of lines) head += `${name}: ${value}\r\n`;
    for (const [, [name, value]] of this._headers) {
      if (Array.isArray(value)) for (const v of value) head += `${name}: ${v}\r\n`;
      else head += `${name}: ${value}\r\n`;
    }
    if (this.sendDate && !has('date')) head += `Date: ${new Date().toUTCString()}\r\n`;
    if (this._removedConnection) {
      // No Connection header; the connection is kept as HTTP/1.1 would keep it.
    } else if (!has('connection')) {
      // Node promises keep-alive only when the body's end can be told apart from the connection's:
      // a Content-Length of the caller's, chunking allowed, or an agent's socket.
      // A message that may have no body (204, 304) but names a transfer coding cannot keep
      // the connection: its peer could not tell where it ends.
      const sendKeepAlive = this.shouldKeepAlive && !(has('transfer-encoding') && !this._hasBody) &&
        (has('content-length') || this.useChunkedEncodingByDefault || this.agent);
      if (!sendKeepAlive) this.shouldKeepAlive = false;
      if (sendKeepAlive) {
        head += 'Connection: keep-alive\r\n';
        head += this._keepAliveHeader();
      } else {
        head += 'Connection: close\r\n';
      }
    } else if (/close/i.test(String(get('connection')))) {
      this.shouldKeepAlive = false;
    }
    if (this._hasBody && !has('content-length') && !has('transfer-encoding')) {
      // A body announced with a Trailer header is chunked, so the trailers can follow it.
      if (!this.useChunkedEncodingByDefault) {
        this.shouldKeepAlive = false;
      } else if (bodyLength !== undefined && !has('trailer') && !this._removedContLen) {
        head += `Content-Length: ${bodyLength}\r\n`;
      } else if (!this._removedTE) {
        head += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        // Neither framing header: the body lasts until the connection closes.
        this.shouldKeepAlive = false;
      }
    } else if (has('transfer-encoding')) {
      this.chunkedEncoding = this._hasBody && /chunked/i.test(String(get('transfer-encoding')));
    }
    if (has('trailer') && !this.chunkedEncoding) throw new codes.ERR_HTTP_TRAILER_INVALID();
    if (has('content-length')) this._contentLength = Number(get('content-length'));
    else if (bodyLength !== undefined && this._hasBody && !this.chunkedEncoding) this._contentLength = bodyLength;
    this.headersSent = true;
    this._headWritten = true;
    return head + '\r\n';
  }

  _keepAliveHeader() { return ''; }

  // Node's hook to make the head when the body starts: here the head is made as it is written.
  _implicitHeader() {
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
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

  // strictContentLength: the body may not outgrow the Content-Length promised.
  _countBody(length, ending) {
    if (!this.strictContentLength || this._contentLength == null || this.chunkedEncoding) return;
    const total = this._bodyBytes + length;
    if (total > this._contentLength || (ending && total !== this._contentLength)) {
      throw new codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, this._contentLength);
    }
    this._bodyBytes = total;
  }

  // Writing after end() is the caller's error: told to the callback, then as 'error'; the
  // message itself goes on to finish.
  _afterEnd(cb) {
    const err = new codes.ERR_STREAM_WRITE_AFTER_END();
    if (this.destroyed) {
      // A message already closed only tells the callback.
      if (typeof cb === 'function') process.nextTick(cb, err);
      return;
    }
    process.nextTick(() => {
      if (typeof cb === 'function') cb(err);
      if (!this.destroyed) this.emit('error', err);
    });
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
    if (this.writableEnded) {
      this._afterEnd(cb);
      return false;
    }
    const body = toBody(chunk, encoding);
    if (!this._headWritten && this.strictContentLength && this._headers.has('content-length')) {
      this._contentLength = Number(this._headers.get('content-length')[1]);
    }
    this._countBody(body.length, false);
    return super.write(body, cb);
  }

  _write(chunk, encoding, cb) {
    const body = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    const head = this._headWritten ? '' : this._firstHead(undefined);
    this._flushTo(this._send(head, body), cb);
  }

  _final(cb) {
    const parts = [];
    if (!this._headWritten) parts.push(...this._send(this._firstHead(0), null));
    if (this._hasBody && this.chunkedEncoding) parts.push(Buffer.from(`0\r\n${this._trailer}\r\n`, 'latin1'));
    this.finished = true;
    this._flushTo(parts, (err) => {
      cb(err);
      this._onFinished();
    });
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = null; }
    else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    if (this.finished) {
      if (chunk != null) this._afterEnd(cb);
      else if (typeof cb === 'function') process.nextTick(cb, new codes.ERR_STREAM_ALREADY_FINISHED('end'));
      return this;
    }
    if (chunk != null && !this.writableEnded) {
      const body = toBody(chunk, encoding);
      // All of the body at once: Node sends it with a Content-Length.
      if (!this._headWritten && !this.writableLength) {
        if (this.strictContentLength && this._headers.has('content-length')) {
          this._contentLength = Number(this._headers.get('content-length')[1]);
        }
        this._countBody(body.length, true);
        const head = this._firstHead(this._hasBody ? body.length : undefined);
        this._pendingParts = this._send(head, this._hasBody ? body : null);
        chunk = null;
      } else {
        this._countBody(body.length, true);
        chunk = body;
      }
    } else if (!this.writableEnded) {
      this._countBody(0, true);
    }
    super.end(chunk, encoding, cb);
    this.finished = true;
    return this;
  }

  // The head goes out now, before any body: its framing is what a body of unknown length gets.
  flushHeaders() {
    if (this._headWritten) return;
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

  // Destroying a message destroys its connection (or the one it is about to get).
  destroy(error) {
    if (this.destroyed) return this;
    this._writableState.destroyed = true;
    if (error) this._writableState.errored = error;
    if (this.socket) this.socket.destroy(error);
    else this.once('socket', (socket) => socket.destroy(error));
    return this;
  }

  setTimeout(msecs, cb) {
    if (cb) this.on('timeout', cb);
    if (this.socket) this.socket.setTimeout(msecs);
    else this.once('socket', (socket) => socket.setTimeout(msecs));
    return this;
  }
}

// The old map of lower-case names to names as set (DEP0066).
const { deprecate } = require('internal/util');
Object.defineProperty(OutgoingMessage.prototype, '_headerNames', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() {
    const names = { __proto__: null };
    for (const [key, [name]] of this._headers) names[key] = name;
    return names;
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
  set: deprecate(function(names) {
    if (names === null || typeof names !== 'object') return;
    for (const key of Object.keys(names)) {
      const entry = this._headers.get(key);
      if (entry) entry[0] = names[key];
    }
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
});

module.exports = { OutgoingMessage, validateHeaderName, validateHeaderValue };
