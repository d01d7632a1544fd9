'use strict';

// Looplab: URLSearchParams: an ordered list of name/value pairs that reads and
// writes application/x-www-form-urlencoded text, kept in step with its URL.

const codes = () => require('internal/errors').codes;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const kList = Symbol('query');
const kUrl = Symbol('context');
const kSetSearch = Symbol('kSetSearch');

// Bytes kept as-is by the form-urlencoded serializer; space becomes '+'.
function formEncode(str) {
  let out = '';
  const bytes = require('buffer').Buffer.from(toUSVString(str), 'utf8');
  for (const b of bytes) {
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ||
        b === 0x2a || b === 0x2d || b === 0x2e || b === 0x5f) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;
    }
  }
  return out;
}

// Decodes %XX escapes to bytes, then the bytes as UTF-8 (invalid escapes stay).
function percentDecode(str) {
  if (!str.includes('%')) return str;
  const bytes = [];
  const { Buffer } = require('buffer');
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(str.slice(i + 1, i + 3))) {
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = str.codePointAt(i);
      if (code > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(code), 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// Lone surrogates become U+FFFD (a loop: not every engine has lookbehind).
function toUSVString(value) {
  const s = `${value}`;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += `${s.slice(start, i)}\ufffd`;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

function parseForm(input) {
  const list = [];
  if (input === '') return list;
  for (const piece of input.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    list.push(percentDecode(name.replace(/\+/g, ' ')), percentDecode(value.replace(/\+/g, ' ')));
  }
  return list;
}

function serializeForm(list) {
  const parts = [];
  for (let i = 0; i < list.length; i += 2) parts.push(`${formEncode(list[i])}=${formEncode(list[i + 1])}`);
  return parts.join('&');
}

function checkThis(self) {
  if (!self || !(kList in self)) throw new (codes().ERR_INVALID_THIS)('URLSearchParams');
}

function missing(n, ...names) {
  if (n < names.length) throw new (codes().ERR_MISSING_ARGS)(...names);
}

class URLSearchParams {
  constructor(init = undefined) {
    this[kList] = [];
    this[kUrl] = null;
    if (init === undefined || init === null) {
      // empty
    } else if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
          }
          const kv = [...pair];
          if (kv.length !== 2) throw new (codes().ERR_INVALID_TUPLE)('Each query pair', '[name, value]');
          this[kList].push(toUSVString(kv[0]), toUSVString(kv[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (typeof key === 'string' && desc !== undefined && desc.enumerable) {
            this[kList].push(toUSVString(key), toUSVString(init[key]));
          }
        }
      }
    } else {
      const s = toUSVString(init);
      this[kList] = parseForm(s[0] === '?' ? s.slice(1) : s);
    }
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    missing(arguments.length, 'name', 'value');
    this[kList].push(toUSVString(name), toUSVString(value));
    update(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    missing(arguments.length, 'name');
    const list = this[kList];
    name = toUSVString(name);
    const v = value === undefined ? undefined : toUSVString(value);
    for (let i = list.length - 2; i >= 0; i -= 2) {
      if (list[i] === name && (v === undefined || list[i + 1] === v)) list.splice(i, 2);
    }
    update(this);
  }

  get(name) {
    checkThis(this);
    missing(arguments.length, 'name');
    const list = this[kList];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkThis(this);
    missing(arguments.length, 'name');
    const list = this[kList];
    name = toUSVString(name);
    const out = [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    checkThis(this);
    missing(arguments.length, 'name');
    const list = this[kList];
    name = toUSVString(name);
    const v = value === undefined ? undefined : toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (v === undefined || list[i + 1] === v)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    missing(arguments.length, 'name', 'value');
    const list = this[kList];
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) continue;
      if (!found) {
        list[i + 1] = value;
        found = true;
      } else {
        list.splice(i, 2);
        i -= 2;
      }
    }
    if (!found) list.push(name, value);
    update(this);
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Array sort is stable; names compare by UTF-16 code units.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kList] = pairs.flat();
    update(this);
  }

  *entries() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield [this[kList][i], this[kList][i + 1]];
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
    for (let i = 0; i < this[kList].length; i += 2) {
      callback.call(thisArg, this[kList][i + 1], this[kList][i], this);
    }
  }

  *keys() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield this[kList][i];
  }

  *values() {
    checkThis(this);
    for (let i = 0; i < this[kList].length; i += 2) yield this[kList][i + 1];
  }

  toString() {
    checkThis(this);
    return serializeForm(this[kList]);
  }

  [customInspect](recurseTimes, ctx, inspect) {
    if (typeof recurseTimes === 'number' && recurseTimes < 0) return ctx.stylize('[Object]', 'special');
    const opts = { ...ctx };
    if (recurseTimes !== null) opts.depth = recurseTimes - 1;
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i += 2) output.push(`${inspect(list[i], opts)} => ${inspect(list[i + 1], opts)}`);
    const width = output.reduce((n, s) => n + s.replace(/\u001b\[\d\d?m/g, '').length + 2, -2);
    const name = this.constructor.name;
    if (width > ctx.breakLength) return `${name} {\n  ${output.join(',\n  ')} }`;
    if (output.length) return `${name} { ${output.join(', ')} }`;
    return `${name} {}`;
  }
}

URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'URLSearchParams', configurable: true,
});
for (const key of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach',
  'keys', 'values', 'toString']) {
  const desc = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, key, desc);
}
const plainConstructor = URLSearchParams;

// Pushes the list back into the owning URL's query.
function update(params) {
  const url = params[kUrl];
  if (url === null) return;
  const s = serializeForm(params[kList]);
  url[kSetSearch](s === '' ? '' : `?${s}`);
}

function attach(params, url, query) {
  params[kUrl] = url;
  params[kList] = parseForm(query);
}

function reparse(params, query) {
  params[kList] = parseForm(query);
}

module.exports = {
  URLSearchParams: plainConstructor,
  kSetSearch,
  attach,
  reparse,
  parseForm,
  serializeForm,
  percentDecode,
  toUSVString,
};
