'use strict';

// Looplab: the WHATWG URL class and file-URL helpers. Parsing and setters are
// done by the URL binding (internal/bindings/url), which returns canonical
// hrefs; the getters read components back out of that href.

const binding = require('internal/bindings/url');
const {
  URLSearchParams, attach, reparse, toUSVString, kSetSearch,
} = require('internal/url/search_params');

const codes = () => require('internal/errors').codes;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const SPECIAL_ORIGIN = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const ACTION = { protocol: 0, host: 1, hostname: 2, port: 3, username: 4, password: 5, pathname: 6, search: 7, hash: 8, href: 9 };

// Splits a canonical href into its parts.
function split(href) {
  const colon = href.indexOf(':');
  const protocol = href.slice(0, colon + 1);
  let rest = href.slice(colon + 1);
  let hash = '';
  let search = '';
  const h = rest.indexOf('#');
  if (h >= 0) {
    hash = rest.slice(h);
    rest = rest.slice(0, h);
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    search = rest.slice(q);
    rest = rest.slice(0, q);
  }
  let username = '';
  let password = '';
  let hostname = '';
  let port = '';
  let hasAuthority = false;
  if (rest.startsWith('//')) {
    hasAuthority = true;
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    let authority = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      authority = authority.slice(at + 1);
      const c = userinfo.indexOf(':');
      username = c < 0 ? userinfo : userinfo.slice(0, c);
      password = c < 0 ? '' : userinfo.slice(c + 1);
    }
    const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
    hostname = m ? m[1] : authority;
    port = m && m[2] !== undefined ? m[2] : '';
  } else if (rest.startsWith('/.//')) {
    // A host-less path starting with '//' is serialized with a '/.' guard.
    rest = rest.slice(2);
  }
  return { protocol, username, password, hostname, port, pathname: rest, search, hash, hasAuthority };
}

class URL {
  #href;
  #parts;
  #searchParams = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    this.#set(binding.parse(input, base, true));
  }

  #set(href) {
    this.#href = href;
    this.#parts = split(href);
    if (this.#searchParams !== null) reparse(this.#searchParams, this.#parts.search.slice(1));
  }

  #update(action, value) {
    const next = binding.update(this.#href, action, toUSVString(value));
    if (next) this.#set(next);
  }

  // Called by our URLSearchParams when it changes.
  [kSetSearch](search) {
    const p = this.#parts;
    const before = this.#href.slice(0, this.#href.length - p.hash.length - p.search.length);
    this.#href = `${before}${search}${p.hash}`;
    this.#parts = split(this.#href);
  }

  // Like the constructor, but null instead of a throw for bad input.
  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const href = binding.parse(input, base, false);
    return href === undefined ? null : new URL(href);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('url');
    return binding.canParse(toUSVString(input), base === undefined ? undefined : toUSVString(base));
  }

  toString() { return this.#href; }
  get href() { return this.#href; }
  set href(value) {
    const next = binding.update(this.#href, ACTION.href, toUSVString(value));
    this.#set(next);
  }

  get origin() {
    const p = this.#parts;
    if (p.protocol === 'blob:') {
      try {
        const inner = new URL(p.pathname);
        if (inner.protocol === 'http:' || inner.protocol === 'https:') return inner.origin;
      } catch {
        // an opaque blob: URL has an opaque origin
      }
      return 'null';
    }
    if (!SPECIAL_ORIGIN.has(p.protocol)) return 'null';
    return `${p.protocol}//${p.hostname}${p.port ? `:${p.port}` : ''}`;
  }

  get protocol() { return this.#parts.protocol; }
  set protocol(v) { this.#update(ACTION.protocol, v); }
  get username() { return this.#parts.username; }
  set username(v) { this.#update(ACTION.username, v); }
  get password() { return this.#parts.password; }
  set password(v) { this.#update(ACTION.password, v); }
  get host() {
    const p = this.#parts;
    return p.port ? `${p.hostname}:${p.port}` : p.hostname;
  }
  set host(v) { this.#update(ACTION.host, v); }
  get hostname() { return this.#parts.hostname; }
  set hostname(v) { this.#update(ACTION.hostname, v); }
  get port() { return this.#parts.port; }
  set port(v) { this.#update(ACTION.port, v); }
  get pathname() { return this.#parts.pathname; }
  set pathname(v) { this.#update(ACTION.pathname, v); }
  get search() {
    const s = this.#parts.search;
    return s.length <= 1 ? '' : s;
  }
  set search(v) { this.#update(ACTION.search, v); }
  get searchParams() {
    if (this.#searchParams === null) {
      this.#searchParams = new URLSearchParams();
      attach(this.#searchParams, this, this.#parts.search.slice(1));
    }
    return this.#searchParams;
  }
  get hash() {
    const h = this.#parts.hash;
    return h.length <= 1 ? '' : h;
  }
  set hash(v) { this.#update(ACTION.hash, v); }
  toJSON() { return this.#href; }

  [customInspect](depth, opts, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const Shape = ({ [this.constructor.name]: class {} })[this.constructor.name];
    const obj = Object.assign(new Shape(), {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    });
    return inspect(obj, { ...opts, depth });
  }
}

for (const key of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const desc = Object.getOwnPropertyDescriptor(URL.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(URL.prototype, key, desc);
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { __proto__: null, value: 'URL', configurable: true });

function isURL(value) {
  return value !== null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.auth === undefined && value.path === undefined;
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new (codes().ERR_INVALID_ARG_TYPE)('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new (codes().ERR_INVALID_URL_SCHEME)('file');
  if (path.hostname !== '') throw new (codes().ERR_INVALID_FILE_URL_HOST)(process.platform);
  const pathname = path.pathname;
  if (/%2f/i.test(pathname)) {
    throw new (codes().ERR_INVALID_FILE_URL_PATH)('must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('path', 'string', filepath);
  const path = require('path');
  let resolved = path.resolve(filepath);
  // path.resolve drops a trailing slash; a directory URL keeps it.
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return url;
}

function toPathIfFileURL(fileURLOrPath) {
  return isURL(fileURLOrPath) ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url, // a URL's own extra properties (say, headers) go along
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  domainToASCII: binding.domainToASCII,
  domainToUnicode: binding.domainToUnicode,
};
