'use strict';

// Looplab: Node's `string_decoder`, written for Looplab from Node's documentation
// and from what node v20 is seen to return. A decoder turns a stream of byte
// chunks into text, holding back the bytes of a character cut at the end of a
// chunk until the rest arrives.
//
// All of a decoder's state lives in one 7-byte Buffer under the symbol
// `kNativeDecoder`, laid out as node's is (so `util.inspect(decoder)` prints
// the same): bytes 0-3 the held bytes (`lastChar`), 4 how many bytes the held
// character still needs, 5 how many are held, 6 the encoding's number.

const { Buffer } = require('buffer');

const kNativeDecoder = Symbol('kNativeDecoder');

const kNeed = 4;
const kHave = 5;
const kEnc = 6;

// Encoding numbers, as node numbers them in the state buffer.
const ASCII = 0;
const UTF8 = 1;
const BASE64 = 2;
const UTF16LE = 3;
const LATIN1 = 4;
const HEX = 5;
const BASE64URL = 7;

const ENCODING_NUMBER = {
  __proto__: null,
  ascii: ASCII, utf8: UTF8, base64: BASE64, utf16le: UTF16LE, latin1: LATIN1, hex: HEX, base64url: BASE64URL,
};

// Node's spellings of each encoding, by length; matched without case.
const SPELLINGS = {
  __proto__: null,
  3: { hex: 'hex' },
  4: { utf8: 'utf8', ucs2: 'utf16le' },
  5: { 'utf-8': 'utf8', ascii: 'ascii', 'ucs-2': 'utf16le' },
  6: { base64: 'base64', latin1: 'latin1', binary: 'latin1' },
  7: { utf16le: 'utf16le' },
  8: { 'utf-16le': 'utf16le' },
  9: { base64url: 'base64url' },
};

const toLowerCase = String.prototype.toLowerCase;
const hasOwn = Object.prototype.hasOwnProperty;

// The decoding functions Buffers carry, taken once so a user's changes to
// Buffer.prototype do not reach the decoder. Each is called as slice.call(buf, start, end).
const {
  asciiSlice, latin1Slice, hexSlice, utf8Slice, ucs2Slice, base64Slice, base64urlSlice,
} = Buffer.prototype;

const SLICE = {
  __proto__: null,
  [ASCII]: asciiSlice, [UTF8]: utf8Slice, [BASE64]: base64Slice, [UTF16LE]: ucs2Slice,
  [LATIN1]: latin1Slice, [HEX]: hexSlice, [BASE64URL]: base64urlSlice,
};

let codesCache;
function codes() {
  if (codesCache === undefined) codesCache = require('internal/errors').codes;
  return codesCache;
}

// `undefined`, `null` and '' mean utf8; otherwise a string (or anything with a
// string's length that stringifies to a name) spelling an encoding in any case.
function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  const length = encoding.length;
  const names = typeof length === 'number' ? SPELLINGS[length] : undefined;
  if (names !== undefined) {
    if (typeof encoding === 'string' && hasOwn.call(names, encoding)) return names[encoding];
    const lower = toLowerCase.call(encoding);
    if (hasOwn.call(names, lower)) return names[lower];
  }
  throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  const state = Buffer.alloc(7);
  state[kEnc] = ENCODING_NUMBER[this.encoding];
  this[kNativeDecoder] = state;
}

// The bytes of any ArrayBuffer view, as a Buffer over the same memory.
function bytesOf(buf) {
  if (!ArrayBuffer.isView(buf)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (buf instanceof Buffer) return buf;
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function isContinuation(byte) {
  return (byte & 0xC0) === 0x80;
}

// How many bytes a UTF-8 character starting with `byte` has in all; 0 if
// `byte` cannot start a multi-byte character.
function utf8Length(byte) {
  if (byte >= 0xC0 && byte <= 0xDF) return 2;
  if (byte >= 0xE0 && byte <= 0xEF) return 3;
  if (byte >= 0xF0 && byte <= 0xF7) return 4;
  return 0;
}

// Completes the held character with the first bytes of `bytes`. Returns
// [text, bytes used]; text is undefined while the character is still short.
function completeHeld(state, enc, bytes) {
  let need = state[kNeed];
  let have = state[kHave];
  const n = bytes.length;
  let i = 0;
  let cutShort = false;
  while (need > 0 && i < n) {
    const byte = bytes[i];
    if (enc === UTF8 && !isContinuation(byte)) {
      // The held UTF-8 sequence ends early: it is decoded as it stands.
      cutShort = true;
      break;
    }
    state[have++] = byte;
    need--;
    i++;
  }
  if (need > 0 && !cutShort) {
    state[kNeed] = need;
    state[kHave] = have;
    return [undefined, i];
  }
  state[kNeed] = 0;
  state[kHave] = 0;
  return [SLICE[enc].call(state, 0, have), i];
}

// Where the bytes from `start` stop being decodable now: returns [end, need],
// the bytes from `end` on being an unfinished character that needs `need` more.
function splitTail(enc, bytes, start) {
  const n = bytes.length;
  if (enc === UTF8) {
    const stop = Math.max(start, n - 3);
    for (let j = n - 1; j >= stop; j--) {
      const byte = bytes[j];
      if (isContinuation(byte)) continue;
      const total = utf8Length(byte);
      if (total > n - j) return [j, total - (n - j)];
      break;
    }
    return [n, 0];
  }
  if (enc === UTF16LE) {
    if ((n - start) % 2 === 1) return [n - 1, 1];
    // A high surrogate waits for its low half.
    if (n - start >= 2 && bytes[n - 1] >= 0xD8 && bytes[n - 1] <= 0xDB) return [n - 2, 2];
    return [n, 0];
  }
  // base64 and base64url encode whole groups of three bytes.
  const rest = (n - start) % 3;
  return rest === 0 ? [n, 0] : [n - rest, 3 - rest];
}

function decode(state, bytes) {
  const enc = state[kEnc];
  const slice = SLICE[enc];
  if (enc === ASCII || enc === LATIN1 || enc === HEX) return slice.call(bytes, 0, bytes.length);
  let text = '';
  let start = 0;
  if (state[kNeed] > 0) {
    const [held, used] = completeHeld(state, enc, bytes);
    if (held === undefined) return '';
    text = held;
    start = used;
  }
  const [end, need] = splitTail(enc, bytes, start);
  if (end > start) text += slice.call(bytes, start, end);
  if (need > 0) {
    for (let j = end; j < bytes.length; j++) state[j - end] = bytes[j];
    state[kHave] = bytes.length - end;
    state[kNeed] = need;
  }
  return text;
}

// What the held bytes of an unfinished character decode to when the input ends.
function flush(state) {
  const have = state[kHave];
  state[kNeed] = 0;
  state[kHave] = 0;
  if (have === 0) return '';
  return SLICE[state[kEnc]].call(state, 0, have);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  return decode(this[kNativeDecoder], bytesOf(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let text = '';
  if (buf !== undefined) text = this.write(buf);
  return text + flush(this[kNativeDecoder]);
};

// Decodes `buf` from `offset` on, forgetting any held bytes first.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kNativeDecoder];
  state[kNeed] = 0;
  state[kHave] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(0, 4);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kNeed];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const state = this[kNativeDecoder];
      return state[kNeed] + state[kHave];
    },
  },
});

module.exports = { StringDecoder };
