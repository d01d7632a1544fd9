'use strict';

// Looplab: Node's `querystring`: the legacy parser and serializer (unlike
// URLSearchParams it keeps '*' and "'" unescaped and leaves bad escapes as-is).

const { Buffer } = require('buffer');

// What escape() keeps as it is: letters, digits and - . _ ~ ! ' ( ) *.
const unreserved = /[A-Za-z0-9\-._~!'()*]/;

// Node's own UTF-8 percent-encoding: a high surrogate takes the next code unit as its low half,
// whatever it is, so only a surrogate at the very end is an error.
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out += unreserved.test(str[i]) ? str[i] : pct(c);
    } else if (c < 0x800) {
      out += pct(0xC0 | (c >> 6)) + pct(0x80 | (c & 0x3F));
    } else if (c < 0xD800 || c >= 0xE000) {
      out += pct(0xE0 | (c >> 12)) + pct(0x80 | ((c >> 6) & 0x3F)) + pct(0x80 | (c & 0x3F));
    } else {
      if (++i >= str.length) throw new (require('internal/errors').codes.ERR_INVALID_URI)();
      c = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
      out += pct(0xF0 | (c >> 18)) + pct(0x80 | ((c >> 12) & 0x3F)) +
        pct(0x80 | ((c >> 6) & 0x3F)) + pct(0x80 | (c & 0x3F));
    }
  }
  return out;
}

function pct(byte) {
  return `%${byte < 16 ? '0' : ''}${byte.toString(16).toUpperCase()}`;
}

const hexValue = (c) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

// Decodes valid %XX escapes into bytes; everything else is kept.
function unescapeBuffer(s, decodeSpaces) {
  const src = Buffer.from(`${s}`);
  const out = Buffer.alloc(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
    } else if (c === 37 && i + 2 < src.length + 0 && hexValue(src[i + 1]) >= 0 && hexValue(src[i + 2]) >= 0) {
      out[n++] = hexValue(src[i + 1]) * 16 + hexValue(src[i + 2]);
      i += 2;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep = '&', eq = '=', options = undefined) {
  sep ||= '&';
  eq ||= '=';
  const encode = typeof options?.encodeURIComponent === 'function' ?
    options.encodeURIComponent : module.exports.escape;
  if (obj === null || typeof obj !== 'object') return '';
  const parts = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const k = `${encode(stringifyPrimitive(key))}${eq}`;
    if (Array.isArray(v)) {
      for (const item of v) parts.push(k + encode(stringifyPrimitive(item)));
    } else {
      parts.push(k + encode(stringifyPrimitive(v)));
    }
  }
  return parts.join(sep);
}

function parse(qs, sep = '&', eq = '=', options = undefined) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let maxKeys = 1000;
  if (typeof options?.maxKeys === 'number') maxKeys = options.maxKeys;
  // module.exports.unescape: a program may replace it, and parse() then uses its own.
  const decode = typeof options?.decodeURIComponent === 'function' ?
    options.decodeURIComponent : module.exports.unescape;
  let pieces = qs.split(sep);
  if (maxKeys > 0) pieces = pieces.slice(0, maxKeys);
  for (const piece of pieces) {
    if (piece === '') continue;
    const at = piece.indexOf(eq);
    const rawKey = (at < 0 ? piece : piece.slice(0, at)).replace(/\+/g, ' ');
    const rawValue = (at < 0 ? '' : piece.slice(at + eq.length)).replace(/\+/g, ' ');
    const key = decodeWith(decode, rawKey);
    const value = decodeWith(decode, rawValue);
    if (!(key in obj)) obj[key] = value;
    else if (Array.isArray(obj[key])) obj[key].push(value);
    else obj[key] = [obj[key], value];
  }
  return obj;
}

function decodeWith(decode, s) {
  try {
    return decode(s);
  } catch {
    return qsUnescape(s, true);
  }
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
