'use strict';
// Looplab: an incremental HTTP/1.1 parser in the role of llhttp (Node's src/node_http_parser.cc):
// fed a socket's bytes, it calls onHeaders(info), onBody(chunk) and onComplete() per message, with
// bodies framed by Content-Length, chunked transfer coding, or (responses) the connection's end.

const { Buffer } = require('buffer');
const {
  checkPartialHead, checkStartLine, checkHeaders, invalidChunkSize, unframedRequestBody,
} = require('internal/looplab/http_strict');

class HttpParser {
  constructor(kind) {
    this.initialize(kind);
  }

  // A parser taken from the idle pool starts over for its new connection.
  initialize(kind) {
    this.kind = kind; // 'request' or 'response'
    this.buf = Buffer.alloc(0);
    this.state = 'head';
    this.remaining = 0;
    this.paused = false;
    this.noBodyNext = false; // a response to HEAD has no body
    this.stopped = false;
    this.trailers = null;
    this.incoming = null;
    this.onHeaders = null;
    this.onBody = null;
    this.onTrailers = null;
    this.onComplete = null;
  }

  // Returns the bytes after an upgrade's head (which belong to the new protocol), a parse error
  // (after which the parser takes nothing more, as llhttp), or null.
  execute(chunk) {
    if (this.state === 'error') return null;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      // A client takes one response per request: what follows it is not read (node frees the
      // parser once the response is complete).
      if (this.stopped) return null;
      if (this.state === 'head') {
        // llhttp skips the empty lines a client may send between requests.
        while (this.kind === 'request' && this.buf[0] === 13 && this.buf[1] === 10) {
          this.buf = this.buf.subarray(2);
        }
        if (this.buf.length === 0) return null;
        const end = this.buf.indexOf('\r\n\r\n');
        const text = this.buf.subarray(0, end < 0 ? this.buf.length : end + 4).toString('latin1');
        const early = checkPartialHead(this.kind, text);
        if (early) return this.fail(early);
        if (end < 0) return null;
        const head = text.slice(0, end);
        this.buf = this.buf.subarray(end + 4);
        const info = parseHead(this.kind, head);
        if (info instanceof Error) return this.fail(info);
        const skipBody = this.onHeaders(info) === true;
        if (info.upgrade) {
          const rest = this.buf;
          this.buf = Buffer.alloc(0);
          this.state = 'upgraded';
          this.onComplete();
          return rest;
        }
        const te = (info.headers['transfer-encoding'] || '').toLowerCase();
        const cl = info.headers['content-length'];
        const bodiless = skipBody || (this.kind === 'response' &&
          (info.statusCode === 204 || info.statusCode === 304 || (info.statusCode >= 100 && info.statusCode < 200)));
        if (bodiless) {
          this.onComplete();
        } else if (te && this.kind === 'request' && !te.includes('chunked')) {
          return this.fail(unframedRequestBody());
        } else if (te.includes('chunked')) {
          this.state = 'chunk-size';
        } else if (cl !== undefined) {
          this.remaining = Number(cl);
          if (this.remaining === 0) this.onComplete();
          else this.state = 'body';
        } else if (this.kind === 'response') {
          this.state = 'until-eof';
        } else {
          this.onComplete();
        }
        continue;
      }
      if (this.state === 'body') {
        if (this.buf.length === 0) return null;
        const n = Math.min(this.remaining, this.buf.length);
        const part = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        this.remaining -= n;
        this.onBody(part);
        if (this.remaining === 0) {
          this.state = 'head';
          this.onComplete();
        }
        continue;
      }
      if (this.state === 'chunk-size') {
        const eol = this.buf.indexOf('\r\n');
        if (eol < 0) return null;
        const line = this.buf.subarray(0, eol).toString('latin1');
        if (!/^[0-9A-Fa-f]+[ \t]*(;.*)?$/.test(line)) return this.fail(invalidChunkSize());
        const size = parseInt(line, 16);
        this.buf = this.buf.subarray(eol + 2);
        if (size === 0) {
          this.state = 'trailer';
        } else {
          this.remaining = size;
          this.state = 'chunk-data';
        }
        continue;
      }
      if (this.state === 'chunk-data') {
        if (this.remaining > 0) {
          if (this.buf.length === 0) return null;
          const n = Math.min(this.remaining, this.buf.length);
          const part = this.buf.subarray(0, n);
          this.buf = this.buf.subarray(n);
          this.remaining -= n;
          this.onBody(part);
          continue;
        }
        if (this.buf.length < 2) return null;
        this.buf = this.buf.subarray(2);
        this.state = 'chunk-size';
        continue;
      }
      if (this.state === 'trailer') {
        const eol = this.buf.indexOf('\r\n');
        if (eol < 0) return null;
        const line = this.buf.subarray(0, eol).toString('latin1');
        this.buf = this.buf.subarray(eol + 2);
        if (eol > 0) {
          const colon = line.indexOf(':');
          if (colon > 0) (this.trailers ??= []).push(line.slice(0, colon), line.slice(colon + 1).trim());
          continue;
        }
        this.state = 'head';
        if (this.trailers && this.onTrailers) this.onTrailers(this.trailers);
        this.trailers = null;
        this.onComplete();
        continue;
      }
      if (this.state === 'until-eof') {
        if (this.buf.length === 0) return null;
        const part = this.buf;
        this.buf = Buffer.alloc(0);
        this.onBody(part);
        return null;
      }
      return null;
    }
  }

  fail(err) {
    this.state = 'error';
    this.buf = Buffer.alloc(0);
    return err;
  }

  // The connection ended: a response read until EOF is complete now; a message cut short is an
  // error (llhttp_finish), returned rather than thrown.
  finish() {
    if (this.state === 'until-eof') {
      this.state = 'head';
      this.onComplete();
      return null;
    }
    if (this.state === 'error') return null;
    const midMessage = this.state === 'head' ? this.buf.length > 0 : this.state !== 'upgraded';
    if (!midMessage) return null;
    const err = new Error('Parse Error: Invalid EOF state');
    err.code = 'HPE_INVALID_EOF_STATE';
    err.reason = 'Invalid EOF state';
    err.bytesParsed = 0;
    return err;
  }
}

function parseHead(kind, head) {
  const lines = head.split('\r\n');
  const first = lines.shift();
  const bad = checkStartLine(kind, first);
  if (bad) return bad;
  const info = { rawHeaders: [], headers: { __proto__: null } };
  if (kind === 'request') {
    const m = /^([A-Z-]+) (\S+) HTTP\/(\d)\.(\d)$/.exec(first);
    info.method = m[1];
    info.url = m[2];
    info.versionMajor = Number(m[3]);
    info.versionMinor = Number(m[4]);
  } else {
    const m = /^HTTP\/(\d)\.(\d) (\d{3}) ?(.*)$/.exec(first);
    info.versionMajor = Number(m[1]);
    info.versionMinor = Number(m[2]);
    info.statusCode = Number(m[3]);
    info.statusMessage = m[4] ?? '';
  }
  const pairs = lines.map((line) => {
    const colon = line.indexOf(':');
    return colon < 0 ? [null, ''] : [line.slice(0, colon), line.slice(colon + 1)];
  });
  const wrong = checkHeaders(kind, pairs);
  if (wrong) return wrong;
  for (const [name, value] of pairs) info.rawHeaders.push(name, value.replace(/^[ \t]+|[ \t]+$/g, ''));
  const connection = [];
  for (let i = 0; i < info.rawHeaders.length; i += 2) {
    const key = info.rawHeaders[i].toLowerCase();
    if (key === 'connection') connection.push(info.rawHeaders[i + 1].toLowerCase());
  }
  const conn = connection.join(',');
  info.upgrade = info.rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'upgrade') &&
    conn.includes('upgrade') && (kind === 'request' || info.statusCode === 101);
  info.shouldKeepAlive = info.versionMinor >= 1 ? !conn.includes('close') : conn.includes('keep-alive');
  // llhttp_should_keep_alive: a response whose body lasts until EOF cannot keep the connection.
  if (kind === 'response' && info.shouldKeepAlive && needsEof(info)) info.shouldKeepAlive = false;
  for (let i = 0; i < info.rawHeaders.length; i += 2) {
    const key = info.rawHeaders[i].toLowerCase();
    const value = info.rawHeaders[i + 1];
    if (key in info.headers) {
      if (key === 'set-cookie') info.headers[key].push(value);
      else if (key === 'cookie') info.headers[key] += '; ' + value;
      else if (!SINGLE.has(key)) info.headers[key] += ', ' + value;
    } else {
      info.headers[key] = key === 'set-cookie' ? [value] : value;
    }
  }
  return info;
}

function needsEof(info) {
  const status = info.statusCode;
  if ((status >= 100 && status < 200) || status === 204 || status === 304) return false;
  let framed = false;
  for (let i = 0; i < info.rawHeaders.length; i += 2) {
    const name = info.rawHeaders[i].toLowerCase();
    if (name === 'content-length') framed = true;
    else if (name === 'transfer-encoding') framed = /chunked\s*$/i.test(info.rawHeaders[i + 1]);
  }
  return !framed;
}

// Node's matchKnownFields: duplicates of these are dropped, not joined.
const SINGLE = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from',
  'location', 'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);

module.exports = { HttpParser };
