'use strict';

// util.types: the brand checks of internal/bindings/types plus the typed-array
// family, which ECMAScript exposes through %TypedArray%.prototype[@@toStringTag].

const base = require('internal/bindings/types');

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

// The getter answers undefined for anything that is not a typed array.
function typedArrayName(value) {
  return Reflect.apply(typedArrayTag, value, []);
}

const isTypedArray = (value) => typedArrayName(value) !== undefined;
const kind = (name) => (value) => typedArrayName(value) === name;

module.exports = {
  ...base,
  isArrayBufferView: (value) => ArrayBuffer.isView(value),
  isTypedArray,
  isUint8Array: kind('Uint8Array'),
  isUint8ClampedArray: kind('Uint8ClampedArray'),
  isUint16Array: kind('Uint16Array'),
  isUint32Array: kind('Uint32Array'),
  isInt8Array: kind('Int8Array'),
  isInt16Array: kind('Int16Array'),
  isInt32Array: kind('Int32Array'),
  isFloat32Array: kind('Float32Array'),
  isFloat64Array: kind('Float64Array'),
  isBigInt64Array: kind('BigInt64Array'),
  isBigUint64Array: kind('BigUint64Array'),
  isKeyObject: () => false,
  isCryptoKey: () => false,
};
// Not enumerable in Node either: the typed-array name helper for inspect.
Object.defineProperty(module.exports, 'typedArrayName', { value: typedArrayName });
