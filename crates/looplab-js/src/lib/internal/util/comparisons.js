'use strict';

// Deep equality for assert.deepEqual (loose: `==` for primitives, prototypes
// ignored) and assert.deepStrictEqual / util.isDeepStrictEqual (Object.is,
// same prototypes, holes differ from undefined, symbol keys count).

const types = require('internal/util/types');

const objectTag = (value) => Object.prototype.toString.call(value);
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isEnumerable = (object, key) => Object.prototype.propertyIsEnumerable.call(object, key);
const isObjectLike = (value) => value !== null && typeof value === 'object';
const bothNaN = (a, b) => typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || bothNaN(a, b);
}

// The keys both modes compare: own enumerable names, plus enumerable symbols
// in strict mode. Array indices are handled by the caller when skipIndices.
function comparedKeys(value, strict, skipIndices) {
  let keys = Object.keys(value);
  if (skipIndices) keys = keys.filter((key) => !/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= 4294967295);
  if (strict) {
    for (const symbol of Object.getOwnPropertySymbols(value)) {
      if (isEnumerable(value, symbol)) keys.push(symbol);
    }
  }
  return keys;
}

// Pairs being compared higher up the stack: a cycle compares as equal.
class Memo {
  constructor() {
    this.pairs = new Map();
  }
  has(a, b) {
    return this.pairs.get(a)?.has(b) === true;
  }
  add(a, b) {
    let set = this.pairs.get(a);
    if (set === undefined) {
      set = new Set();
      this.pairs.set(a, set);
    }
    set.add(b);
  }
  delete(a, b) {
    this.pairs.get(a)?.delete(b);
  }
}

function innerDeepEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return bothNaN(a, b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (!isObjectLike(a)) return !isObjectLike(b) && primitiveEqual(a, b, false);
    if (!isObjectLike(b)) return false;
  }
  if (objectTag(a) !== objectTag(b)) return false;
  if (memo.has(a, b)) return true;
  memo.add(a, b);
  try {
    return objectEquiv(a, b, strict, memo);
  } finally {
    memo.delete(a, b);
  }
}

function keysEquiv(a, b, strict, memo, skipIndices) {
  const keysA = comparedKeys(a, strict, skipIndices);
  const keysB = comparedKeys(b, strict, skipIndices);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!hasOwn(b, key) || !isEnumerable(b, key)) return false;
  }
  for (const key of keysA) {
    if (!innerDeepEqual(a[key], b[key], strict, memo)) return false;
  }
  return true;
}

function arrayEquiv(a, b, strict, memo) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const inA = hasOwn(a, i);
    const inB = hasOwn(b, i);
    if (strict && inA !== inB) return false;
    if (!innerDeepEqual(a[i], b[i], strict, memo)) return false;
  }
  return true;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function typedArrayEquiv(a, b, strict) {
  if (a.length !== b.length || a.byteLength !== b.byteLength) return false;
  if (types.typedArrayName(a) !== types.typedArrayName(b)) return false;
  // Loose float comparison treats 0 and -0 (and NaN payloads) as numbers.
  if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
    for (let i = 0; i < a.length; i++) if (!primitiveEqual(a[i], b[i], false)) return false;
    return true;
  }
  return bytesEqual(bytesOf(a), bytesOf(b));
}

function boxedEquiv(a, b, strict) {
  for (const [check, proto] of [
    [types.isNumberObject, Number.prototype], [types.isStringObject, String.prototype],
    [types.isBooleanObject, Boolean.prototype], [types.isBigIntObject, BigInt.prototype],
    [types.isSymbolObject, Symbol.prototype]]) {
    if (check(a)) {
      return check(b) && Object.is(proto.valueOf.call(a), proto.valueOf.call(b));
    }
  }
  void strict;
  return false;
}

// Finds (and removes) an unmatched element of `pool` deep-equal to `value`.
function takeMatch(pool, value, strict, memo) {
  for (let i = 0; i < pool.length; i++) {
    if (innerDeepEqual(value, pool[i], strict, memo)) {
      pool.splice(i, 1);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const pool = [];
  for (const value of b) {
    if (isObjectLike(value) || !strict || !a.has(value)) pool.push(value);
  }
  for (const value of a) {
    if (!isObjectLike(value) && strict) {
      if (b.has(value)) continue;
      return false;
    }
    if (!takeMatch(pool, value, strict, memo)) return false;
  }
  return true;
}

function mapEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const pool = [];
  for (const [key, value] of b) {
    if (isObjectLike(key) || !strict || !a.has(key)) pool.push([key, value]);
  }
  for (const [key, value] of a) {
    if (!isObjectLike(key) && strict) {
      if (!b.has(key) || !innerDeepEqual(value, b.get(key), strict, memo)) return false;
      continue;
    }
    const index = pool.findIndex(([k, v]) =>
      innerDeepEqual(key, k, strict, memo) && innerDeepEqual(value, v, strict, memo));
    if (index === -1) return false;
    pool.splice(index, 1);
  }
  return true;
}

function objectEquiv(a, b, strict, memo) {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || !arrayEquiv(a, b, strict, memo)) return false;
    return keysEquiv(a, b, strict, memo, true);
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) {
      return false;
    }
  } else if (types.isNativeError(a) || a instanceof Error) {
    if (!(types.isNativeError(b) || b instanceof Error) || a.message !== b.message || a.name !== b.name) {
      return false;
    }
    if ('cause' in a !== 'cause' in b || ('cause' in a && !innerDeepEqual(a.cause, b.cause, strict, memo))) {
      return false;
    }
    if (Array.isArray(a.errors) && !innerDeepEqual(a.errors, b.errors, strict, memo)) return false;
  } else if (types.isTypedArray(a)) {
    if (!typedArrayEquiv(a, b, strict)) return false;
    return keysEquiv(a, b, strict, memo, true);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || !bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isDataView(a)) {
    if (!types.isDataView(b) || !bytesEqual(bytesOf(a), bytesOf(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!boxedEquiv(a, b, strict)) return false;
  } else if (types.isBoxedPrimitive(b)) {
    return false;
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || !setEquiv(a, b, strict, memo)) return false;
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || !mapEquiv(a, b, strict, memo)) return false;
  }
  return keysEquiv(a, b, strict, memo, types.isStringObject(a));
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false, new Memo());
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true, new Memo());
}

module.exports = { isDeepEqual, isDeepStrictEqual };
