'use strict';
// Looplab: the checks llhttp makes in its strict mode (Node's default, without
// --insecure-http-parser), with its error codes and reasons. A message that fails one is a parse
// error: a server answers 400 (431 for a head too large) and closes, a client request fails.
// Each check says where llhttp makes it: as bytes arrive (a bad method is refused before its
// line ends) or once the head is whole.

// The methods llhttp knows (Node's http.METHODS).
const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
  'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS',
  'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH',
  'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

// Node's default --max-http-header-size.
const MAX_HEAD = 16 * 1024;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A header value: visible characters, spaces, tabs and obs-text; no other control character.
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

class ParseError extends Error {
  constructor(code, reason) {
    super(`Parse Error: ${reason}`);
    this.code = code;
    this.reason = reason;
    this.bytesParsed = 0;
  }
}

// Checks the start of a head as it arrives (after the CRLFs llhttp skips between messages);
// returns the error, or null while the bytes so far may still make a good head.
function checkPartialHead(kind, text) {
  if (kind === 'request') {
    const space = text.indexOf(' ');
    const method = space < 0 ? text : text.slice(0, space);
    const known = space < 0
      ? METHODS.some((m) => m.startsWith(method))
      : METHODS.includes(method);
    if (!known) return new ParseError('HPE_INVALID_METHOD', 'Invalid method encountered');
  } else {
    const start = text.slice(0, 5);
    if (!'HTTP/'.startsWith(start)) return new ParseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && text.charCodeAt(i - 1) !== 13) {
      return new ParseError('HPE_CR_EXPECTED', 'Missing expected CR after header value');
    }
    if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) !== 10) {
      return new ParseError('HPE_LF_EXPECTED', 'Missing expected LF after header value');
    }
  }
  if (text.length > MAX_HEAD) return new ParseError('HPE_HEADER_OVERFLOW', 'Header overflow');
  return null;
}

function checkStartLine(kind, line) {
  if (kind === 'request') {
    const m = /^([A-Z-]+) ([^\s]+) (.*)$/.exec(line);
    if (!m || !METHODS.includes(m[1])) {
      return new ParseError('HPE_INVALID_METHOD', 'Invalid method encountered');
    }
    if (!/^HTTP\/\d\.\d$/.test(m[3])) {
      return new ParseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
    }
    return null;
  }
  if (!/^HTTP\/\d\.\d /.test(line)) return new ParseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
  if (!/^HTTP\/\d\.\d \d{3}( |$)/.test(line)) {
    return new ParseError('HPE_INVALID_STATUS', 'Invalid status code');
  }
  return null;
}

// The whole head's header lines, as `[name, value]` pairs (a null name: a line without a colon):
// their tokens, values and framing.
function checkHeaders(kind, pairs) {
  let contentLength = null;
  let transferEncoding = null;
  for (const [name, raw] of pairs) {
    const value = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (name === null || !TOKEN.test(name)) {
      return new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
    }
    if (!VALUE.test(raw)) {
      return new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
    }
    const key = name.toLowerCase();
    if (key === 'content-length') {
      if (contentLength !== null) {
        return new ParseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
      }
      if (!/^\d+$/.test(value)) {
        return new ParseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
      }
      contentLength = value;
    } else if (key === 'transfer-encoding') {
      transferEncoding = transferEncoding === null ? value : `${transferEncoding}, ${value}`;
    }
  }
  if (transferEncoding !== null) {
    if (contentLength !== null) {
      return new ParseError('HPE_INVALID_TRANSFER_ENCODING',
        'Transfer-Encoding can\'t be present with Content-Length');
    }
    // chunked, where it is, must be the last coding, once: else where a body ends is unsure.
    const codings = transferEncoding.split(',').map((c) => c.trim().toLowerCase());
    const chunked = codings.filter((c) => c === 'chunked').length;
    if (chunked > 1 || (chunked === 1 && codings[codings.length - 1] !== 'chunked')) {
      return new ParseError('HPE_INVALID_TRANSFER_ENCODING',
        'Invalid `Transfer-Encoding` header value');
    }
  }
  return null;
}

// A request whose Transfer-Encoding has no chunked: llhttp takes its head, then refuses its body.
function unframedRequestBody() {
  return new ParseError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`');
}

function invalidChunkSize() {
  return new ParseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
}

module.exports = {
  METHODS, ParseError, checkPartialHead, checkStartLine, checkHeaders, invalidChunkSize,
  unframedRequestBody,
};
