'use strict';
// Looplab: what Node's http server and client share (lib/_http_common.js): the token and header
// value checks every outgoing head goes through, the method list, and the pool of idle parsers.
// The parser itself is Looplab's (internal/looplab/http_parser.js, in llhttp's role).

const { HttpParser } = require('internal/looplab/http_parser');

const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
  'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS',
  'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH',
  'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

// RFC 7230's tchar: what a method or a header name may be made of.
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

// A header value may hold tabs and visible Latin-1, nothing else (no CR, LF or NUL).
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

// Node keeps up to 1000 idle parsers (a FreeList) and gives a new connection one of them.
const parsers = {
  name: 'parsers',
  max: 1000,
  list: [],
  alloc(kind) {
    const parser = this.list.pop();
    if (!parser) return new HttpParser(kind);
    parser.initialize(kind);
    return parser;
  },
  free(parser) {
    if (this.list.length >= this.max) return false;
    parser.initialize(parser.kind);
    this.list.push(parser);
    return true;
  },
};

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  methods: METHODS,
  parsers,
};
