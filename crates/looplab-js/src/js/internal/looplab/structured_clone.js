'use strict';
// Looplab: structuredClone for plain data (objects, arrays, Map, Set, Date, RegExp, typed arrays,
// errors), keeping shared and cyclic references; functions and symbols throw DataCloneError.

function dataCloneError(value) {
  const DOMException = require('internal/dom_exception');
  return new DOMException(`${typeof value === 'function' ? String(value) : String(value)} could not be cloned.`, 'DataCloneError');
}

function clone(value, seen) {
  if (typeof value === 'function' || typeof value === 'symbol') throw dataCloneError(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  let out;
  if (Array.isArray(value)) {
    out = new Array(value.length);
    seen.set(value, out);
    for (const k of Object.keys(value)) out[k] = clone(value[k], seen);
    return out;
  }
  if (value instanceof Date) out = new Date(value.getTime());
  else if (value instanceof RegExp) out = new RegExp(value.source, value.flags);
  else if (value instanceof Map) {
    out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(clone(k, seen), clone(v, seen));
    return out;
  } else if (value instanceof Set) {
    out = new Set();
    seen.set(value, out);
    for (const v of value) out.add(clone(v, seen));
    return out;
  } else if (ArrayBuffer.isView(value)) {
    const C = value instanceof Uint8Array ? Uint8Array : value.constructor;
    out = new C(value);
  } else if (value instanceof ArrayBuffer) out = value.slice(0);
  else if (value instanceof Error) {
    out = new (globalThis[value.name] || Error)(value.message);
    if ('stack' in value) out.stack = value.stack;
  } else {
    out = {};
  }
  seen.set(value, out);
  if (!(value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof Error)) {
    for (const k of Object.keys(value)) out[k] = clone(value[k], seen);
  }
  return out;
}

module.exports = function structuredClone(value) {
  if (arguments.length === 0) throw new TypeError("The \"value\" argument must be specified");
  return clone(value, new Map());
};
