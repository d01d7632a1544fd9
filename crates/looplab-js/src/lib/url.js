'use strict';

// Looplab: Node's `url` module: the WHATWG URL exports, plus the legacy
// url.parse/format/resolve with their Url objects (lenient, no validation).

const {
  URL, URLSearchParams, fileURLToPath, pathToFileURL, urlToHttpOptions, domainToASCII, domainToUnicode, isURL,
} = require('internal/url');
const binding = require('internal/bindings/url');

const codes = () => require('internal/errors').codes;

const SLASHED = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const HOSTLESS = new Set(['javascript', 'javascript:']);
// Characters the legacy parser percent-escapes wherever they appear.
const AUTO_ESCAPE = /[\t\n\r "'<>\\^`{|}]/g;
const escapeChar = (c) => encodeURIComponent(c);

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('url', 'string', url);
  // Backslashes before the query act as forward slashes, as browsers do.
  let rest = url.trim();
  const queryAt = rest.search(/[?#]/);
  const head = queryAt < 0 ? rest : rest.slice(0, queryAt);
  rest = head.replace(/\\/g, '/') + (queryAt < 0 ? '' : rest.slice(queryAt));

  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    this.hash = rest.slice(hashAt).replace(AUTO_ESCAPE, escapeChar);
    rest = rest.slice(0, hashAt);
  }
  const searchAt = rest.indexOf('?');
  if (searchAt >= 0) {
    this.search = rest.slice(searchAt).replace(AUTO_ESCAPE, escapeChar);
    this.query = this.search.slice(1);
    rest = rest.slice(0, searchAt);
  } else if (parseQueryString) {
    this.query = { __proto__: null };
  }
  if (parseQueryString && typeof this.query === 'string') {
    this.query = require('querystring').parse(this.query);
  }

  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (proto) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }
  let slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(lowerProto && HOSTLESS.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    } else {
      slashes = false;
    }
  }
  if (!(lowerProto && HOSTLESS.has(lowerProto)) && (slashes || (lowerProto && !SLASHED.has(lowerProto)))) {
    let end = rest.search(/[/?#]/);
    if (end < 0) end = rest.length;
    let hostPart = rest.slice(0, end);
    rest = rest.slice(end);
    const at = hostPart.lastIndexOf('@');
    if (at >= 0) {
      this.auth = decodeURIComponent(hostPart.slice(0, at));
      hostPart = hostPart.slice(at + 1);
    }
    const port = /:([0-9]*)$/.exec(hostPart);
    if (port) {
      if (port[1] !== '') this.port = port[1];
      hostPart = hostPart.slice(0, port.index);
    }
    let hostname = hostPart.toLowerCase();
    const ipv6 = hostname.startsWith('[') && hostname.endsWith(']');
    if (ipv6) hostname = hostname.slice(1, -1);
    this.hostname = hostname;
    this.host = `${ipv6 ? `[${hostname}]` : hostname}${this.port ? `:${this.port}` : ''}`;
  }
  if (rest !== '') this.pathname = rest.replace(AUTO_ESCAPE, escapeChar);
  if (lowerProto && SLASHED.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = `${this.pathname || ''}${this.search || ''}`;
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ':')}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = require('querystring').stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (this.slashes || ((!protocol || SLASHED.has(protocol)) && host !== '')) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    }
  } else if (protocol === 'file:') {
    // file: URLs always get the empty authority.
    host = '//';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return urlResolve(this.href, relative);
};

Url.prototype.resolveObject = function resolveObject(relative) {
  return urlParse(urlResolve(this.format(), typeof relative === 'string' ? relative : relative.format()));
};

function urlResolve(source, relative) {
  try {
    return new URL(relative, new URL(source)).href;
  } catch {
    // A relative source: resolve against a placeholder origin and strip it.
    try {
      const base = new URL(source, 'resolve://placeholder/');
      const out = new URL(relative, base);
      if (out.protocol !== 'resolve:') return out.href;
      const tail = `${out.pathname}${out.search}${out.hash}`;
      return source.startsWith('/') ? tail : tail.replace(/^\//, '');
    } catch {
      return relative;
    }
  }
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    const o = options || {};
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
    }
    return binding.format(urlObject.href, o.fragment !== false, !!o.unicode, o.search !== false, o.auth !== false);
  }
  return Url.prototype.format.call(urlObject);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: (source, relative) => (source ? urlParse(source, false, true).resolveObject(relative) : relative),
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
