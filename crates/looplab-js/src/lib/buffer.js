'use strict';

// Looplab: Node's `buffer`. A Buffer is a Uint8Array whose prototype is
// Buffer.prototype; encoding, search and compare work is done by the pure-JS
// buffer binding (internal/bindings/buffer), as Node does it in C++.

const binding = require('internal/bindings/buffer');
const numberMethods = require('internal/buffer/numbers');

const { ENC, encodingOf, kMaxLength, kStringMaxLength } = binding;
const codes = () => require('internal/errors').codes;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let inspectMaxBytes = 50;

// The one class every Buffer really is; `Buffer` itself is the public function.
const { FastBuffer } = require('internal/buffer');

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(Buffer.prototype, 'constructor', {
  __proto__: null, value: Buffer, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Buffer, Uint8Array);
// subarray/map/filter build results through the species: make them FastBuffers
// without going through the deprecated `new Buffer()`.
Object.defineProperty(Buffer, Symbol.species, { __proto__: null, get() { return FastBuffer; }, configurable: true });

const isUint8Array = (v) => v instanceof Uint8Array ||
  (ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]');
const isAnyArrayBuffer = (v) => v instanceof ArrayBuffer ||
  (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) ||
  ['[object ArrayBuffer]', '[object SharedArrayBuffer]'].includes(Object.prototype.toString.call(v));

// isUtf8() and isAscii() read a TypedArray's or an ArrayBuffer's bytes, nothing else.
function bytesOf(input) {
  if (ArrayBuffer.isView(input) && !(input instanceof DataView)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new (codes().ERR_INVALID_ARG_TYPE)('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function checkUint8Array(value, name) {
  if (!isUint8Array(value)) throw new (codes().ERR_INVALID_ARG_TYPE)(name, ['Buffer', 'Uint8Array'], value);
}

function encodingOrThrow(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return ENC.utf8;
  const enc = typeof encoding === 'string' ? encodingOf(encoding, -1) : -1;
  if (enc < 0 || enc === ENC.buffer) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  return enc;
}

function checkSize(size) {
  if (typeof size !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) {
    throw new (codes().ERR_OUT_OF_RANGE)('size', `>= 0 && <= ${kMaxLength}`, size);
  }
}

function fromBytes(bytes) {
  const buf = new FastBuffer(bytes.length);
  buf.set(bytes);
  return buf;
}

function fromArrayBuffer(ab, byteOffset, length) {
  const offset = byteOffset === undefined ? 0 : (+byteOffset || 0);
  const max = ab.byteLength - offset;
  if (max < 0) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)('offset');
  let len = max;
  if (length !== undefined) {
    len = +length || 0;
    if (len > 0) {
      if (len > max) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)('length');
    } else {
      len = 0;
    }
  }
  return new FastBuffer(ab, offset, len);
}

Buffer.poolSize = 8 * 1024;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromBytes(binding.stringToBytes(value, encodingOrThrow(encodingOrOffset)));
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const primitive = value.valueOf?.();
    if (primitive !== null && primitive !== undefined && primitive !== value &&
        (typeof primitive === 'string' || typeof primitive === 'object')) {
      return Buffer.from(primitive, encodingOrOffset, length);
    }
    if (ArrayBuffer.isView(value) || typeof value.length === 'number' || Array.isArray(value)) {
      return fromBytes(ArrayBuffer.isView(value) && !isUint8Array(value) ?
        Uint8Array.from(value) : new Uint8Array(value.length === undefined ? 0 : value));
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return fromBytes(new Uint8Array(value.data));
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const p = value[Symbol.toPrimitive]('string');
      if (typeof p === 'string') return Buffer.from(p, encodingOrOffset);
    }
  }
  throw new (codes().ERR_INVALID_ARG_TYPE)('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

// offset and length count the view's elements; both are checked as whole numbers >= 0.
Buffer.copyBytesFrom = function copyBytesFrom(view, offset = undefined, length = undefined) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new (codes().ERR_INVALID_ARG_TYPE)('view', ['TypedArray'], view);
  }
  const { validateInteger } = require('internal/validators');
  if (view.length === 0) return Buffer.alloc(0);
  if (offset !== undefined) {
    validateInteger(offset, 'offset', 0);
    if (offset >= view.length) return Buffer.alloc(0);
  } else {
    offset = 0;
  }
  if (length !== undefined) validateInteger(length, 'length', 0);
  const end = length === undefined ? view.length : Math.min(view.length, offset + length);
  const part = view.subarray(offset, end);
  return fromBytes(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
};

Buffer.of = function of(...items) {
  return fromBytes(new Uint8Array(items));
};

Buffer.alloc = function alloc(size, fill, encoding) {
  checkSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, encoding);
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  checkSize(size);
  return new FastBuffer(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  checkSize(size);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  checkUint8Array(buf1, 'buf1');
  checkUint8Array(buf2, 'buf2');
  return buf1 === buf2 ? 0 : binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingOf(encoding, -1) >= 0 &&
    encodingOf(encoding, -1) !== ENC.buffer;
};

Buffer.concat = function concat(list, totalLength) {
  if (!Array.isArray(list)) throw new (codes().ERR_INVALID_ARG_TYPE)('list', 'Array', list);
  if (list.length === 0) return new FastBuffer(0);
  if (totalLength === undefined) {
    totalLength = 0;
    list.forEach((b, i) => {
      checkUint8Array(b, `list[${i}]`);
      totalLength += b.length;
    });
  } else {
    if (typeof totalLength !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('length', 'number', totalLength);
    totalLength = Math.trunc(totalLength) || 0;
  }
  const out = Buffer.alloc(totalLength);
  let pos = 0;
  list.forEach((b, i) => {
    checkUint8Array(b, `list[${i}]`);
    const n = Math.min(b.length, totalLength - pos);
    if (n > 0) out.set(b.subarray(0, n), pos);
    pos += n;
  });
  return out;
};

function base64ByteLength(str) {
  let n = str.length;
  if (n > 0 && str.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && str.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new (codes().ERR_INVALID_ARG_TYPE)('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  switch (encodingOf(encoding, ENC.utf8)) {
    case ENC.utf16le: return string.length * 2;
    case ENC.latin1: case ENC.ascii: return string.length;
    case ENC.hex: return string.length >>> 1;
    case ENC.base64: case ENC.base64url: return base64ByteLength(string);
    default: return binding.byteLengthUtf8(string);
  }
};

require('internal/buffer/methods')(Buffer, FastBuffer, {
  binding, numberMethods, encodingOrThrow, checkUint8Array, customInspect, inspectMaxBytes: () => inspectMaxBytes,
});

function btoa(input) {
  if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('input');
  const out = binding.btoa(`${input}`);
  if (out === -1) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  return out;
}

function atob(input) {
  if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('input');
  const out = binding.atob(`${input}`);
  if (typeof out !== 'string') {
    const { DOMException } = require('internal/dom_exception');
    throw out === -2 ?
      new DOMException('Invalid character', 'InvalidCharacterError') :
      new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return out;
}

function SlowBuffer(size) {
  return Buffer.allocUnsafeSlow(size);
}
SlowBuffer.prototype = Buffer.prototype;
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function transcode(source, fromEnc, toEnc) {
  checkUint8Array(source, 'source');
  const text = Buffer.prototype.toString.call(Buffer.from(source), fromEnc);
  return Buffer.from(text, toEnc);
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8: (input) => binding.isUtf8(bytesOf(input)),
  isAscii: (input) => binding.isAscii(bytesOf(input)),
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: 50,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return inspectMaxBytes; },
  set(value) {
    if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('INSPECT_MAX_BYTES', 'number', value);
    inspectMaxBytes = value;
  },
});
