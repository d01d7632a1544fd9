'use strict';

// Looplab: Buffer.prototype: strings in and out, search, compare, fill, copy,
// slice, JSON and the `<Buffer 68 69>` form util.inspect prints.

const codes = () => require('internal/errors').codes;

module.exports = function installMethods(Buffer, FastBuffer, deps) {
  const { binding, numberMethods, encodingOrThrow, checkUint8Array, customInspect, inspectMaxBytes } = deps;
  const { ENC } = binding;
  const proto = Buffer.prototype;

  const slicers = {
    [ENC.utf8]: binding.utf8Slice, [ENC.utf16le]: binding.ucs2Slice, [ENC.latin1]: binding.latin1Slice,
    [ENC.ascii]: binding.asciiSlice, [ENC.hex]: binding.hexSlice, [ENC.base64]: binding.base64Slice,
    [ENC.base64url]: binding.base64urlSlice,
  };
  const writers = {
    [ENC.utf8]: binding.utf8Write, [ENC.utf16le]: binding.ucs2Write, [ENC.latin1]: binding.latin1Write,
    [ENC.ascii]: binding.asciiWrite, [ENC.hex]: binding.hexWrite, [ENC.base64]: binding.base64Write,
    [ENC.base64url]: binding.base64urlWrite,
  };

  const define = (name, value) => Object.defineProperty(proto, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable: true,
  });

  for (const name of ['asciiSlice', 'base64Slice', 'base64urlSlice', 'latin1Slice', 'hexSlice', 'ucs2Slice', 'utf8Slice',
    'asciiWrite', 'base64Write', 'base64urlWrite', 'latin1Write', 'hexWrite', 'ucs2Write', 'utf8Write']) {
    define(name, binding[name]);
  }

  function checkRange(value, name, max) {
    if (typeof value !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
    if (!(value >= 0 && value <= max)) throw new (codes().ERR_OUT_OF_RANGE)(name, `>= 0 && <= ${max}`, value);
  }

  define('toString', function toString(encoding, start, end) {
    if (arguments.length === 0) return binding.utf8Slice.call(this, 0, this.length);
    const len = this.length;
    if (start === undefined || start <= 0) start = 0;
    else if (start >= len) return '';
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return '';
    if (encoding === undefined) return binding.utf8Slice.call(this, start, end);
    // toString() takes the encoding's string form, so '' and null are unknown here.
    const name = `${encoding}`;
    if (name === '' || name === 'null') throw new (require('internal/errors').codes.ERR_UNKNOWN_ENCODING)(encoding);
    return slicers[encodingOrThrow(name)].call(this, start, end);
  });

  define('equals', function equals(otherBuffer) {
    checkUint8Array(otherBuffer, 'otherBuffer');
    if (this === otherBuffer) return true;
    return this.length === otherBuffer.length && binding.compare(this, otherBuffer) === 0;
  });

  define('compare', function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    checkUint8Array(target, 'target');
    // An end may not pass its buffer's length; a start only the largest buffer's.
    const bound = (v, name, dflt, max) => {
      if (v === undefined) return dflt;
      checkRange(v, name, max);
      return v;
    };
    targetStart = bound(targetStart, 'targetStart', 0, binding.kMaxLength);
    targetEnd = bound(targetEnd, 'targetEnd', target.length, target.length);
    sourceStart = bound(sourceStart, 'sourceStart', 0, binding.kMaxLength);
    sourceEnd = bound(sourceEnd, 'sourceEnd', this.length, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return binding.compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
  });

  function search(buf, value, byteOffset, encoding, forward) {
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    }
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buf.length;
    if (typeof value === 'number') return binding.indexOfNumber(buf, value >>> 0, byteOffset, forward);
    const enc = encodingOrThrow(encoding);
    if (typeof value === 'string') return binding.indexOfString(buf, value, byteOffset, enc, forward);
    if (isUint8(value)) return binding.indexOfBuffer(buf, value, byteOffset, enc, forward);
    throw new (codes().ERR_INVALID_ARG_TYPE)('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
  }
  const isUint8 = (v) => v instanceof Uint8Array || Object.prototype.toString.call(v) === '[object Uint8Array]';

  define('indexOf', function indexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, true);
  });
  define('lastIndexOf', function lastIndexOf(value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, false);
  });
  define('includes', function includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  });

  define('fill', function fill(value, offset, end, encoding) {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = this.length;
    }
    if (typeof value === 'string') {
      if (encoding !== undefined && typeof encoding !== 'string') {
        throw new (codes().ERR_INVALID_ARG_TYPE)('encoding', 'string', encoding);
      }
      encodingOrThrow(encoding);
      if (value.length === 0) value = 0;
    } else if (typeof value === 'boolean') {
      value = Number(value);
    }
    if (offset === undefined) offset = 0;
    else checkRange(offset, 'offset', binding.kMaxLength);
    if (end === undefined) end = this.length;
    else checkRange(end, 'end', this.length);
    if (offset >= end) return this;
    if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
      // The typed array's own fill: the binding would call back into this method.
      Uint8Array.prototype.fill.call(this, (Number(value) >>> 0) & 255, offset, end);
      return this;
    }
    const r = binding.fill(this, value, offset, end, encoding);
    if (r === -1) throw new (codes().ERR_INVALID_ARG_VALUE)('value', value);
    return this;
  });

  define('write', function write(string, offset, length, encoding) {
    if (typeof string !== 'string') {
      // Node's wording here is not the usual ERR_INVALID_ARG_TYPE sentence.
      const err = new TypeError('argument must be a string');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    if (offset === undefined) {
      return binding.utf8Write.call(this, string, 0, this.length);
    }
    if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      checkRange(offset, 'offset', this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        checkRange(length, 'length', this.length);
        if (length > remaining) length = remaining;
      }
    }
    return writers[encodingOrThrow(encoding)].call(this, string, offset, length);
  });

  define('toJSON', function toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  });

  function sliceBound(v, len, dflt) {
    if (v === undefined) return dflt;
    v = Math.trunc(+v) || 0;
    if (v < 0) return Math.max(len + v, 0);
    return Math.min(v, len);
  }

  define('slice', function slice(start, end) {
    const len = this.length;
    start = sliceBound(start, len, 0);
    end = sliceBound(end, len, len);
    return new FastBuffer(this.buffer, this.byteOffset + start, Math.max(end - start, 0));
  });

  define('copy', function copy(target, targetStart, sourceStart, sourceEnd) {
    checkUint8Array(target, 'target');
    const start = (v, name) => {
      if (v === undefined) return 0;
      v = Math.trunc(+v) || 0;
      if (v < 0) throw new (codes().ERR_OUT_OF_RANGE)(name, '>= 0', v);
      return v;
    };
    targetStart = start(targetStart, 'targetStart');
    sourceStart = start(sourceStart, 'sourceStart');
    if (sourceStart > this.length) throw new (codes().ERR_OUT_OF_RANGE)('sourceStart', `<= ${this.length}`, sourceStart);
    sourceEnd = sourceEnd === undefined ? this.length : Math.trunc(+sourceEnd) || 0;
    if (sourceEnd < 0) throw new (codes().ERR_OUT_OF_RANGE)('sourceEnd', '>= 0', sourceEnd);
    sourceEnd = Math.min(sourceEnd, this.length);
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  });

  for (const [size, bits] of [[2, 16], [4, 32], [8, 64]]) {
    define(`swap${bits}`, function() {
      if (this.length % size !== 0) throw new (codes().ERR_INVALID_BUFFER_SIZE)(`${bits}-bits`);
      return binding[`swap${bits}`](this);
    });
  }

  define('toLocaleString', proto.toString);

  for (const [name, fn] of Object.entries(numberMethods)) define(name, fn);

  for (const [name, get] of [['parent', (b) => b.buffer], ['offset', (b) => b.byteOffset]]) {
    Object.defineProperty(proto, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() { return this instanceof Buffer ? get(this) : undefined; },
    });
  }

  // util.inspect calls this: hex bytes up to INSPECT_MAX_BYTES, then any
  // extra own properties a script attached.
  define(customInspect, function inspectBuffer(recurseTimes, ctx, inspect) {
    const max = inspectMaxBytes();
    const shown = Math.min(max, this.length);
    let str = binding.hexSlice.call(this, 0, shown).replace(/(.{2})/g, '$1 ').trim();
    const remaining = this.length - max;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    if (ctx) {
      const extras = {};
      let any = false;
      for (const key of Object.keys(this)) {
        if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
        extras[key] = this[key];
        any = true;
      }
      if (any) {
        const inner = (inspect ?? require('internal/util/inspect').inspect)(extras,
          { ...ctx, breakLength: Infinity, compact: true }).slice(2, -2);
        str += `${str ? ', ' : ''}${inner}`;
      }
    }
    return `<${this.constructor.name} ${str}>`;
  });
};
