'use strict';

// Looplab: the pure-JS stand-in for Node's C++ `internalBinding('buffer')`:
// encoding and decoding, search, compare and fill over Uint8Arrays, with the
// same edge-case results as Node's C++ (src/node_buffer.cc, src/string_bytes.cc).
// The *Slice/*Write functions are installed on Buffer.prototype and take `this`.

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;

const ENC = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, buffer: 6, base64url: 7 };

function encodingOf(enc, fallback) {
  if (typeof enc === 'number') return enc;
  if (typeof enc !== 'string') return fallback;
  switch (enc.toLowerCase()) {
    case 'utf8': case 'utf-8': return ENC.utf8;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return ENC.utf16le;
    case 'latin1': case 'binary': return ENC.latin1;
    case 'ascii': return ENC.ascii;
    case 'hex': return ENC.hex;
    case 'base64': return ENC.base64;
    case 'base64url': return ENC.base64url;
    case 'buffer': return ENC.buffer;
    default: return fallback;
  }
}

// ---- UTF-8 -----------------------------------------------------------------

function byteLengthUtf8(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length &&
             (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Encodes whole characters only, as V8's WriteUtf8 does; lone surrogates become U+FFFD.
function utf8Encode(str, bytes, offset, max) {
  let pos = offset;
  const end = offset + max;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    let pair = false;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (str.charCodeAt(i + 1) - 0xdc00);
        pair = true;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x80) {
      if (pos + 1 > end) break;
      bytes[pos++] = c;
    } else if (c < 0x800) {
      if (pos + 2 > end) break;
      bytes[pos++] = 0xc0 | (c >> 6);
      bytes[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      if (pos + 3 > end) break;
      bytes[pos++] = 0xe0 | (c >> 12);
      bytes[pos++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[pos++] = 0x80 | (c & 0x3f);
    } else {
      if (pos + 4 > end) break;
      bytes[pos++] = 0xf0 | (c >> 18);
      bytes[pos++] = 0x80 | ((c >> 12) & 0x3f);
      bytes[pos++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[pos++] = 0x80 | (c & 0x3f);
    }
    if (pair) i++;
  }
  return pos - offset;
}

// The WHATWG UTF-8 decoder: each maximal invalid subpart becomes one U+FFFD.
function utf8Decode(bytes, start, end) {
  let out = '';
  let chunk = [];
  let i = start;
  while (i < end) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xc2 && b <= 0xf4) {
      const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
      let lower = 0x80;
      let upper = 0xbf;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
      else if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
      let value = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
      let seen = 0;
      while (seen < need && i + 1 + seen < end) {
        const nb = bytes[i + 1 + seen];
        if (nb < lower || nb > upper) break;
        lower = 0x80;
        upper = 0xbf;
        value = (value << 6) | (nb & 0x3f);
        seen++;
      }
      len = 1 + seen;
      if (seen === need) cp = value;
    }
    i += len;
    if (cp > 0xffff) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length > 8190) {
      out += String.fromCharCode.apply(null, chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode.apply(null, chunk);
}

function isUtf8(bytes) {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b < 0xc2 || b > 0xf4) return false;
    const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    let lower = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    let upper = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const nb = bytes[i + k];
      if (nb === undefined || nb < lower || nb > upper) return false;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need;
  }
  return true;
}

// ---- single-byte, UTF-16, hex -------------------------------------------------

function fromCodes(bytes, start, end, mask) {
  let out = '';
  for (let i = start; i < end; i += 8192) {
    const stop = Math.min(end, i + 8192);
    const codes = new Array(stop - i);
    for (let k = i; k < stop; k++) codes[k - i] = bytes[k] & mask;
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

function latin1Encode(str, bytes, offset, max) {
  const n = Math.min(str.length, max);
  for (let i = 0; i < n; i++) bytes[offset + i] = str.charCodeAt(i) & 0xff;
  return n;
}

function ucs2Decode(bytes, start, end) {
  let out = '';
  const codes = [];
  for (let i = start; i + 1 < end; i += 2) {
    codes.push(bytes[i] | (bytes[i + 1] << 8));
    if (codes.length === 8192) {
      out += String.fromCharCode.apply(null, codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, codes);
}

function ucs2Encode(str, bytes, offset, max) {
  const chars = Math.min(str.length, Math.floor(max / 2));
  for (let i = 0; i < chars; i++) {
    const c = str.charCodeAt(i);
    bytes[offset + 2 * i] = c & 0xff;
    bytes[offset + 2 * i + 1] = c >> 8;
  }
  return chars * 2;
}

const HEX = '0123456789abcdef';
function hexDecodeDigit(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function hexEncode(str, bytes, offset, max) {
  const n = Math.min(max, str.length >>> 1);
  let i = 0;
  for (; i < n; i++) {
    const a = hexDecodeDigit(str.charCodeAt(2 * i));
    const b = hexDecodeDigit(str.charCodeAt(2 * i + 1));
    if (a < 0 || b < 0) break;
    bytes[offset + i] = a * 16 + b;
  }
  return i;
}

function hexDecode(bytes, start, end) {
  let out = '';
  for (let i = start; i < end; i++) out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return out;
}

// ---- base64 -----------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UNB64 = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  UNB64[B64.charCodeAt(i)] = i;
  UNB64[B64URL.charCodeAt(i)] = i;
}

function base64Decode(bytes, start, end, url) {
  const alphabet = url ? B64URL : B64;
  let out = '';
  let i = start;
  for (; i + 2 < end; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  const rest = end - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (url ? '' : '==');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (url ? '' : '=');
  }
  return out;
}

// Node's lenient decoder: characters outside both alphabets are skipped and
// '=' ends the input.
function base64Encode(str, bytes, offset, max) {
  let pos = offset;
  const end = offset + max;
  let acc = 0;
  let have = 0;
  for (let i = 0; i < str.length && pos < end; i++) {
    const c = str.charCodeAt(i);
    if (c === 61) break;
    const v = c < 256 ? UNB64[c] : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    have++;
    if (have === 4) {
      bytes[pos++] = (acc >> 16) & 0xff;
      if (pos < end) bytes[pos++] = (acc >> 8) & 0xff;
      if (pos < end) bytes[pos++] = acc & 0xff;
      acc = 0;
      have = 0;
    }
  }
  if (have >= 2 && pos < end) {
    acc <<= 6 * (4 - have);
    bytes[pos++] = (acc >> 16) & 0xff;
    if (have === 3 && pos < end) bytes[pos++] = (acc >> 8) & 0xff;
  }
  return pos - offset;
}

// ---- the prototype methods ----------------------------------------------------

function sliceArgs(buf, start, end) {
  start = start === undefined ? 0 : Math.max(0, Math.trunc(start) || 0);
  end = end === undefined ? buf.length : Math.min(buf.length, Math.trunc(end) || 0);
  if (end < start) end = start;
  if (start > buf.length) throw new RangeError('Index out of range');
  return [start, end];
}

// Like V8, refuse before decoding a string longer than kStringMaxLength: `chars` is the
// length the decoded text would have for `n` bytes.
function slicer(decode, chars = (n) => n) {
  return function(start, end) {
    [start, end] = sliceArgs(this, start, end);
    if (chars(end - start) > kStringMaxLength) {
      const { ERR_STRING_TOO_LONG } = require('internal/errors').codes;
      throw new ERR_STRING_TOO_LONG(kStringMaxLength.toString(16));
    }
    return decode(this, start, end);
  };
}

function writer(encode) {
  return function(string, offset = 0, length = this.length - offset) {
    if (typeof string !== 'string') throw new TypeError('argument must be a string');
    offset = Math.trunc(offset) || 0;
    if (offset > this.length) {
      const { ERR_BUFFER_OUT_OF_BOUNDS } = require('internal/errors').codes;
      throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    }
    const max = Math.min(this.length - offset, Math.trunc(length) || 0);
    return max <= 0 ? 0 : encode(string, this, offset, max);
  };
}

function encodeWith(enc, str, bytes, offset, max) {
  switch (enc) {
    case ENC.utf8: return utf8Encode(str, bytes, offset, max);
    case ENC.utf16le: return ucs2Encode(str, bytes, offset, max);
    case ENC.hex: return hexEncode(str, bytes, offset, max);
    case ENC.base64: case ENC.base64url: return base64Encode(str, bytes, offset, max);
    default: return latin1Encode(str, bytes, offset, max);
  }
}

function stringToBytes(str, enc) {
  let size;
  switch (enc) {
    case ENC.utf8: size = byteLengthUtf8(str); break;
    case ENC.utf16le: size = str.length * 2; break;
    case ENC.hex: size = str.length >>> 1; break;
    case ENC.base64: case ENC.base64url: size = Math.ceil(str.length * 3 / 4); break;
    default: size = str.length;
  }
  const bytes = new Uint8Array(size);
  return bytes.subarray(0, encodeWith(enc, str, bytes, 0, size));
}

// ---- compare, search, fill ------------------------------------------------------

function normalizeCompare(val, aLen, bLen) {
  if (val === 0) return aLen > bLen ? 1 : aLen < bLen ? -1 : 0;
  return val > 0 ? 1 : -1;
}

function memcmp(a, aStart, b, bStart, n) {
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i] - b[bStart + i];
    if (d !== 0) return d;
  }
  return 0;
}

function compare(a, b) {
  const n = Math.min(a.length, b.length);
  return normalizeCompare(memcmp(a, 0, b, 0, n), a.length, b.length);
}

function compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) {
  if (sourceStart > source.length) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('sourceStart', `<= ${source.length}`, sourceStart);
  }
  if (targetStart > target.length) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('targetStart', `<= ${target.length}`, targetStart);
  }
  const n = Math.min(sourceEnd - sourceStart, targetEnd - targetStart, source.length - sourceStart);
  const val = n > 0 ? memcmp(source, sourceStart, target, targetStart, n) : 0;
  return normalizeCompare(val, sourceEnd - sourceStart, targetEnd - targetStart);
}

function indexOfOffset(length, offset, needleLength, forward) {
  offset = Math.trunc(offset) || 0;
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  return forward ? -1 : length - 1;
}

function search(hay, needle, offset, forward, step = 1) {
  const n = needle.length;
  const start = indexOfOffset(hay.length, offset, n, forward);
  if (n === 0) return start;
  if (hay.length === 0 || start <= -1) return -1;
  if (forward) {
    for (let i = start; i + n <= hay.length; i += 1) {
      if (i % step === 0 && memcmp(hay, i, needle, 0, n) === 0) return i;
    }
  } else {
    for (let i = Math.min(start, hay.length - n); i >= 0; i--) {
      if (i % step === 0 && memcmp(hay, i, needle, 0, n) === 0) return i;
    }
  }
  return -1;
}

function indexOfString(buffer, str, offset, enc, forward) {
  const needle = stringToBytes(str, enc);
  return search(buffer, needle, offset, forward, enc === ENC.utf16le ? 2 : 1);
}

function indexOfBuffer(buffer, needle, offset, enc, forward) {
  return search(buffer, needle, offset, forward, enc === ENC.utf16le ? 2 : 1);
}

function indexOfNumber(buffer, num, offset, forward) {
  return search(buffer, [num & 255], offset, forward);
}

function fill(buf, value, start, end, encoding) {
  if (start > end || end > buf.length) return -2;
  const fillLength = end - start;
  let bytes;
  if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else if (typeof value !== 'string') {
    buf.fill((Number(value) >>> 0) & 255, start, end);
    return undefined;
  } else {
    bytes = stringToBytes(value, encodingOf(encoding, ENC.utf8));
  }
  if (bytes.length === 0) return -1;
  for (let i = 0; i < fillLength; i++) buf[start + i] = bytes[i % bytes.length];
  return undefined;
}

function swap(size) {
  return (buf) => {
    for (let i = 0; i + size <= buf.length; i += size) {
      for (let a = i, b = i + size - 1; a < b; a++, b--) {
        const t = buf[a];
        buf[a] = buf[b];
        buf[b] = t;
      }
    }
    return buf;
  };
}

// ---- atob / btoa: -1 invalid input, -2 invalid character ------------------------

function btoa(input) {
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) > 0xff) return -1;
  const bytes = new Uint8Array(input.length);
  latin1Encode(input, bytes, 0, input.length);
  return base64Decode(bytes, 0, bytes.length, false);
}

function atob(input) {
  let s = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) continue;
    s += input[i];
  }
  if (s.length % 4 === 0) {
    if (s.endsWith('==')) s = s.slice(0, -2);
    else if (s.endsWith('=')) s = s.slice(0, -1);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255 || c === 45 || c === 95 || UNB64[c] < 0) return -2;
  }
  if (s.length % 4 === 1) return -1;
  const bytes = new Uint8Array(s.length);
  const n = base64Encode(s, bytes, 0, bytes.length);
  return fromCodes(bytes, 0, n, 0xff);
}

module.exports = {
  kMaxLength,
  kStringMaxLength,
  byteLengthUtf8,
  compare,
  compareOffset,
  fill,
  isAscii: (bytes) => bytes.every((b) => b < 0x80),
  isUtf8,
  indexOfBuffer,
  indexOfNumber,
  indexOfString,
  swap16: swap(2),
  swap32: swap(4),
  swap64: swap(8),
  atob,
  btoa,
  asciiSlice: slicer((b, s, e) => fromCodes(b, s, e, 0x7f)),
  latin1Slice: slicer((b, s, e) => fromCodes(b, s, e, 0xff)),
  base64Slice: slicer((b, s, e) => base64Decode(b, s, e, false), (n) => Math.ceil(n / 3) * 4),
  base64urlSlice: slicer((b, s, e) => base64Decode(b, s, e, true), (n) => Math.ceil((n * 4) / 3)),
  hexSlice: slicer(hexDecode, (n) => n * 2),
  ucs2Slice: slicer(ucs2Decode, (n) => n >> 1),
  utf8Slice: slicer(utf8Decode),
  asciiWrite: writer(latin1Encode),
  latin1Write: writer(latin1Encode),
  base64Write: writer(base64Encode),
  base64urlWrite: writer(base64Encode),
  hexWrite: writer(hexEncode),
  ucs2Write: writer(ucs2Encode),
  utf8Write: writer(utf8Encode),
  createUnsafeArrayBuffer: (size) => new ArrayBuffer(size),
  // For string_decoder and TextDecoder.
  utf8Decode,
  stringToBytes,
  encodingOf,
  ENC,
};
