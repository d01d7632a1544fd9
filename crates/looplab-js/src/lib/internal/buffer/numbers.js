'use strict';

// Looplab: Buffer's readX/writeX methods for integers (1 to 6 bytes, and
// 64-bit BigInts) and floats, in both byte orders, with Node's range errors.

const codes = () => require('internal/errors').codes;

function checkOffset(buf, offset, size) {
  if (typeof offset !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('offset', 'number', offset);
  const last = buf.length - size;
  // Node's boundsError: a fraction or NaN is "not an integer"; Infinity is out of range.
  if (Math.floor(offset) !== offset) throw new (codes().ERR_OUT_OF_RANGE)('offset', 'an integer', offset);
  if (last < 0) throw new (codes().ERR_BUFFER_OUT_OF_BOUNDS)();
  if (offset < 0 || offset > last) throw new (codes().ERR_OUT_OF_RANGE)('offset', `>= 0 and <= ${last}`, offset);
}

function checkByteLength(byteLength) {
  if (typeof byteLength !== 'number') throw new (codes().ERR_INVALID_ARG_TYPE)('byteLength', 'number', byteLength);
  const whole = Math.floor(byteLength) === byteLength;
  if (!whole || byteLength < 1 || byteLength > 6) {
    throw new (codes().ERR_OUT_OF_RANGE)('byteLength', whole ? '>= 1 and <= 6' : 'an integer', byteLength);
  }
}

// Node words the allowed range differently above 32 bits.
function rangeText(size, signed) {
  if (size > 4) {
    const bits = size * 8;
    return signed ? `>= -(2 ** ${bits - 1}) and < 2 ** ${bits - 1}` : `>= 0 and < 2 ** ${bits}`;
  }
  const [min, max] = limits(size, signed);
  return `>= ${min} and <= ${max}`;
}

function limits(size, signed) {
  const span = 2 ** (size * 8);
  return signed ? [-span / 2, span / 2 - 1] : [0, span - 1];
}

function readInt(buf, offset, size, little, signed) {
  checkOffset(buf, offset, size);
  let value = 0;
  for (let i = 0; i < size; i++) {
    const byte = buf[offset + (little ? size - 1 - i : i)];
    value = value * 256 + byte;
  }
  if (signed && value >= 2 ** (size * 8 - 1)) value -= 2 ** (size * 8);
  return value;
}

function writeInt(buf, value, offset, size, little, signed) {
  value = +value;
  const [min, max] = limits(size, signed);
  if (value > max || value < min) throw new (codes().ERR_OUT_OF_RANGE)('value', rangeText(size, signed), value);
  checkOffset(buf, offset, size);
  let v = Math.trunc(value) || 0;
  if (v < 0) v += 2 ** (size * 8);
  for (let i = 0; i < size; i++) {
    buf[offset + (little ? i : size - 1 - i)] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + size;
}

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

const methods = {};

for (const [size, bits] of [[1, 8], [2, 16], [4, 32]]) {
  for (const signed of [false, true]) {
    const kind = signed ? 'Int' : 'UInt';
    for (const order of size === 1 ? [''] : ['LE', 'BE']) {
      const little = order !== 'BE';
      methods[`read${kind}${bits}${order}`] = function(offset = 0) {
        return readInt(this, offset, size, little, signed);
      };
      methods[`write${kind}${bits}${order}`] = function(value, offset = 0) {
        return writeInt(this, value, offset, size, little, signed);
      };
    }
  }
}

for (const signed of [false, true]) {
  const kind = signed ? 'Int' : 'UInt';
  for (const order of ['LE', 'BE']) {
    const little = order === 'LE';
    methods[`read${kind}${order}`] = function(offset, byteLength) {
      if (offset === undefined) throw new (codes().ERR_INVALID_ARG_TYPE)('offset', 'number', offset);
      checkByteLength(byteLength);
      return readInt(this, offset, byteLength, little, signed);
    };
    methods[`write${kind}${order}`] = function(value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInt(this, value, offset, byteLength, little, signed);
    };
  }
}

for (const [name, size, get, set] of [['Float', 4, 'getFloat32', 'setFloat32'], ['Double', 8, 'getFloat64', 'setFloat64']]) {
  for (const order of ['LE', 'BE']) {
    const little = order === 'LE';
    methods[`read${name}${order}`] = function(offset = 0) {
      checkOffset(this, offset, size);
      return view(this)[get](offset, little);
    };
    methods[`write${name}${order}`] = function(value, offset = 0) {
      checkOffset(this, offset, size);
      view(this)[set](offset, +value, little);
      return offset + size;
    };
  }
}

for (const signed of [false, true]) {
  const kind = signed ? 'BigInt' : 'BigUInt';
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n : 2n ** 64n;
  const text = signed ? '>= -(2n ** 63n) and < 2n ** 63n' : '>= 0n and < 2n ** 64n';
  for (const order of ['LE', 'BE']) {
    const little = order === 'LE';
    methods[`read${kind}64${order}`] = function(offset = 0) {
      checkOffset(this, offset, 8);
      return signed ? view(this).getBigInt64(offset, little) : view(this).getBigUint64(offset, little);
    };
    methods[`write${kind}64${order}`] = function(value, offset = 0) {
      if (value < min || value >= max) throw new (codes().ERR_OUT_OF_RANGE)('value', text, value);
      checkOffset(this, offset, 8);
      view(this).setBigUint64(offset, BigInt.asUintN(64, value), little);
      return offset + 8;
    };
  }
}

// Node also spells these with a lowercase "int" (readUint8, writeBigUint64LE...).
for (const key of Object.keys(methods)) {
  if (key.includes('UInt')) methods[key.replace('UInt', 'Uint')] = methods[key];
}

module.exports = methods;
