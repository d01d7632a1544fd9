'use strict';

// Looplab: Node's `querystring`: the legacy parser and serializer (unlike
// URLSearchParams it keeps '*' and "'" unescaped and leaves bad escapes as-is).

const { Buffer } = require('buffer');

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch {
    throw new (require('internal/errors').codes.ERR_INVALID_URI)();
  }
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
  const encode = typeof options?.encodeURIComponent === 'function' ? options.encodeURIComponent : qsEscape;
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
  const decode = typeof options?.decodeURIComponent === 'function' ? options.decodeURIComponent : qsUnescape;
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
