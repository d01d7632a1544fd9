'use strict';
// Looplab: Node's IncomingMessage (lib/_http_incoming.js): a request as a server reads it, or a
// response as a client reads it; a Readable of the body, fed by the parser, with the head's
// fields and the trailers after a chunked body.

const { Readable } = require('stream');

class IncomingMessage extends Readable {
  constructor(socket) {
    super({ autoDestroy: false,
      highWaterMark: socket?.readableHighWaterMark });
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.joinDuplicateHeaders = false;
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.headers = {};
    this.trailers = {};
    this.headersDistinct = {};
    this.trailersDistinct = {};
  }

  get connection() { return this.socket; }
  set connection(socket) { this.socket = socket; }

  _read() {
    if (this.socket && this.socket.isPaused()) this.socket.resume();
  }

  _addInfo(info) {
    this.httpVersionMajor = info.versionMajor;
    this.httpVersionMinor = info.versionMinor;
    this.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
    this.rawHeaders = info.rawHeaders;
    this.headers = fields(info.rawHeaders, this.joinDuplicateHeaders);
    this.headersDistinct = distinct(info.rawHeaders);
    this.upgrade = info.upgrade;
    if (info.method !== undefined) {
      this.method = info.method;
      this.url = info.url;
    } else {
      this.statusCode = info.statusCode;
      this.statusMessage = info.statusMessage;
    }
  }

  _addTrailers(rawTrailers) {
    this.rawTrailers = rawTrailers;
    this.trailers = fields(rawTrailers, this.joinDuplicateHeaders);
    this.trailersDistinct = distinct(rawTrailers);
  }

  // Node's per-field rule for a header seen twice (matchKnownFields).
  _addHeaderLine(field, value, dest) {
    addLine(field.toLowerCase(), value, dest, this.joinDuplicateHeaders);
  }

  setTimeout(msecs, cb) {
    if (cb) this.on('timeout', cb);
    this.socket.setTimeout(msecs);
    return this;
  }

  // Nobody reads the body: it is read and dropped, so the connection can be used again.
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
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

// Duplicates of these are dropped, not joined.
const SINGLE = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from',
  'location', 'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);

function addLine(key, value, dest, join) {
  if (!(key in dest)) {
    dest[key] = key === 'set-cookie' ? [value] : value;
  } else if (key === 'set-cookie') {
    dest[key].push(value);
  } else if (key === 'cookie') {
    dest[key] += '; ' + value;
  } else if (join || !SINGLE.has(key)) {
    dest[key] += ', ' + value;
  }
}

function fields(raw, join) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) addLine(raw[i].toLowerCase(), raw[i + 1], out, join);
  return out;
}

function distinct(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) (out[raw[i].toLowerCase()] ??= []).push(raw[i + 1]);
  return out;
}

module.exports = { IncomingMessage };
