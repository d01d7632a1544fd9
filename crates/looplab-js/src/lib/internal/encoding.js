'use strict';

// Looplab: WHATWG TextEncoder/TextDecoder. Node 20 builds them on ICU; Looplab
// has none, so the decoder knows UTF-8, UTF-16LE and latin1 (windows-1252 is
// approximated by latin1), which is what scripts use.

const {
  codes: { ERR_ENCODING_NOT_SUPPORTED, ERR_INVALID_ARG_TYPE, ERR_ENCODING_INVALID_ENCODED_DATA, ERR_INVALID_THIS },
} = require('internal/errors');
const { utf8Decode, byteLengthUtf8, utf8Write, isUtf8 } = require('internal/bindings/buffer');
const { customInspectSymbol: inspectSymbol } = require('internal/util');

const LABELS = {
  'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8', 'unicode20utf8': 'utf-8', 'utf-8': 'utf-8',
  'utf8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le',
  'unicodefeff': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le',
  'ascii': 'windows-1252', 'iso-8859-1': 'windows-1252', 'latin1': 'windows-1252', 'l1': 'windows-1252',
  'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252', 'cp1252': 'windows-1252',
};

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

class TextEncoder {
  get encoding() { return 'utf-8'; }

  encode(input = '') {
    const str = `${input}`;
    const out = new Uint8Array(byteLengthUtf8(str));
    Reflect.apply(utf8Write, out, [str, 0, out.length]);
    return out;
  }

  encodeInto(src, dest) {
    const str = `${src}`;
    // Encode whole characters while they fit, counting UTF-16 units read.
    let read = 0;
    let written = 0;
    for (const ch of str) {
      const n = byteLengthUtf8(ch);
      if (written + n > dest.length) break;
      Reflect.apply(utf8Write, dest, [ch, written, n]);
      written += n;
      read += ch.length;
    }
    return { read, written };
  }

  [inspectSymbol](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    // Node 20 prints a bare object here.
    return require('internal/util/inspect').inspect({ encoding: 'utf-8' }, opts);
  }
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = [];
  #bomSeen = false;

  constructor(encoding = 'utf-8', options = {}) {
    const key = `${encoding}`.trim().toLowerCase();
    const enc = LABELS[key];
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this.#encoding = enc;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = undefined, options = {}) {
    let bytes = toBytes(input);
    if (this.#pending.length > 0) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = [];
    }
    const stream = Boolean(options?.stream);
    let end = bytes.length;
    if (stream) end -= this.#incompleteTail(bytes);
    this.#pending = Array.from(bytes.subarray(end));
    let text;
    const body = bytes.subarray(0, end);
    if (this.#encoding === 'utf-8') {
      if (this.#fatal && !isUtf8(body)) throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding, undefined);
      text = utf8Decode(body, 0, body.length);
    } else if (this.#encoding === 'utf-16le') {
      text = '';
      for (let i = 0; i + 1 < body.length; i += 2) text += String.fromCharCode(body[i] | (body[i + 1] << 8));
      if (body.length % 2 === 1) {
        if (this.#fatal) throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding, undefined);
        text += '\ufffd';
      }
    } else {
      text = '';
      for (let i = 0; i < body.length; i++) text += String.fromCharCode(body[i]);
    }
    if (!this.#ignoreBOM && !this.#bomSeen && text.charCodeAt(0) === 0xFEFF &&
        this.#encoding !== 'windows-1252') {
      text = text.slice(1);
    }
    if (text.length > 0) this.#bomSeen = true;
    if (!stream) this.#bomSeen = false;
    return text;
  }

  // Bytes at the end that may begin a character the next chunk completes.
  #incompleteTail(bytes) {
    if (this.#encoding === 'utf-16le') return bytes.length % 2;
    if (this.#encoding !== 'utf-8') return 0;
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
      const b = bytes[bytes.length - k];
      if ((b & 0xC0) === 0x80) continue;
      const need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return need > k ? k : 0;
    }
    return 0;
  }

  [inspectSymbol](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `${this.constructor.name} ${inspect({
      encoding: this.#encoding, fatal: this.#fatal, ignoreBOM: this.#ignoreBOM,
    }, opts)}`;
  }
}

Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { __proto__: null, value: 'TextEncoder', configurable: true });
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { __proto__: null, value: 'TextDecoder', configurable: true });

module.exports = { TextEncoder, TextDecoder };
