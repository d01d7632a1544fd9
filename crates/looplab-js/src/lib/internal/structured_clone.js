'use strict';

// Looplab: structuredClone in JavaScript (HTML's StructuredSerialize/Deserialize
// for the types a script can make): shared references and cycles survive,
// class instances become plain objects, and functions, symbols, WeakMaps and
// the like throw a DataCloneError DOMException, as in Node.

const types = require('internal/util/types');
const { DOMException } = require('internal/dom_exception');

const ERROR_TYPES = {
  __proto__: null,
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

function fail(value) {
  let text;
  if (typeof value === 'function') text = Function.prototype.toString.call(value);
  else if (typeof value === 'symbol') text = value.toString();
  else text = `#<${require('internal/bindings/util').getConstructorName(value)}>`;
  return new DOMException(`${text} could not be cloned.`, 'DataCloneError');
}

function cloneValue(value, memory) {
  if (typeof value === 'symbol' || typeof value === 'function') throw fail(value);
  if (value === null || typeof value !== 'object') return value;
  if (memory.has(value)) return memory.get(value);

  let out;
  if (types.isBooleanObject(value)) out = Object(Boolean.prototype.valueOf.call(value));
  else if (types.isNumberObject(value)) out = Object(Number.prototype.valueOf.call(value));
  else if (types.isStringObject(value)) out = Object(String.prototype.valueOf.call(value));
  else if (types.isBigIntObject(value)) out = Object(BigInt.prototype.valueOf.call(value));
  else if (types.isDate(value)) out = new Date(Date.prototype.getTime.call(value));
  else if (types.isRegExp(value)) out = new RegExp(value.source, value.flags);
  else if (types.isArrayBuffer(value)) out = value.slice(0);
  else if (types.isProxy(value) || types.isSymbolObject(value) || types.isWeakMap(value) ||
           types.isWeakSet(value) || types.isPromise(value) || types.isGeneratorObject(value)) {
    throw fail(value);
  }
  if (out !== undefined) {
    memory.set(value, out);
    return out;
  }

  if (ArrayBuffer.isView(value)) {
    const buffer = cloneValue(value.buffer, memory);
    if (types.isDataView(value)) {
      out = new DataView(buffer, value.byteOffset, value.byteLength);
    } else {
      // A Buffer comes back as a plain Uint8Array, as in Node.
      const tag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)
        .get.call(value);
      out = new globalThis[tag](buffer, value.byteOffset, value.length);
    }
    memory.set(value, out);
    return out;
  }

  if (types.isMap(value)) {
    out = new Map();
    memory.set(value, out);
    for (const [k, v] of Map.prototype.entries.call(value)) out.set(cloneValue(k, memory), cloneValue(v, memory));
    return out;
  }
  if (types.isSet(value)) {
    out = new Set();
    memory.set(value, out);
    for (const v of Set.prototype.values.call(value)) out.add(cloneValue(v, memory));
    return out;
  }
  if (types.isNativeError(value)) {
    const name = value.name;
    const Ctor = ERROR_TYPES[name] ?? Error;
    out = Object.create(Ctor.prototype);
    memory.set(value, out);
    const define = (key, v) => Object.defineProperty(out, key, { value: v, writable: true, configurable: true, enumerable: false });
    if (Object.prototype.hasOwnProperty.call(value, 'message')) define('message', `${value.message}`);
    define('stack', value.stack === undefined ? undefined : `${value.stack}`);
    if (Object.prototype.hasOwnProperty.call(value, 'cause')) define('cause', cloneValue(value.cause, memory));
    return out;
  }

  out = Array.isArray(value) ? new Array(value.length) : {};
  memory.set(value, out);
  for (const key of Object.keys(value)) out[key] = cloneValue(value[key], memory);
  return out;
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    // Node's C++ words this one without quotes.
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  // Transfer lists move ArrayBuffers between agents; Looplab has one agent.
  void options;
  return cloneValue(value, new Map());
}

module.exports = { structuredClone };
