'use strict';

// Looplab: the pure-JS stand-in for the parts of Node's C++ `internalBinding('util')`
// that the ported modules use. Promise and proxy internals come from the host.

const engine = internalBinding('engine');

const constants = {
  kPending: 0,
  kFulfilled: 1,
  kRejected: 2,
  kExiting: 0,
  kExitCode: 1,
  kHasExitCode: 2,
  ALL_PROPERTIES: 0,
  ONLY_WRITABLE: 1,
  ONLY_ENUMERABLE: 2,
  ONLY_CONFIGURABLE: 4,
  SKIP_STRINGS: 8,
  SKIP_SYMBOLS: 16,
  kDisallowCloneAndTransfer: 0,
  kTransferable: 1,
  kCloneable: 2,
};

// An array index is a canonical numeric string below 2**32 - 1.
function isArrayIndex(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
  if (key !== '0' && (key[0] < '1' || key[0] > '9')) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

function getOwnNonIndexProperties(obj, filter) {
  const out = [];
  for (const key of Reflect.ownKeys(obj)) {
    if (typeof key === 'symbol') {
      if (filter & constants.SKIP_SYMBOLS) continue;
    } else {
      if (filter & constants.SKIP_STRINGS) continue;
      if (isArrayIndex(key)) continue;
    }
    if (filter & (constants.ONLY_ENUMERABLE | constants.ONLY_WRITABLE | constants.ONLY_CONFIGURABLE)) {
      const desc = Reflect.getOwnPropertyDescriptor(obj, key);
      if (desc === undefined) continue;
      if ((filter & constants.ONLY_ENUMERABLE) && !desc.enumerable) continue;
      if ((filter & constants.ONLY_WRITABLE) && desc.writable === false) continue;
      if ((filter & constants.ONLY_CONFIGURABLE) && !desc.configurable) continue;
    }
    out.push(key);
  }
  return out;
}

function getPromiseDetails(promise) {
  const state = engine.getPromiseState(promise);
  if (state === undefined) return undefined;
  return state[0] === constants.kPending ? [state[0]] : [state[0], state[1]];
}

function getProxyDetails(value, showProxy = true) {
  const details = engine.getProxyDetails(value);
  if (details === undefined) return undefined;
  return showProxy ? details : details[0];
}

// Map/Set iterators and weak collections cannot be read from JavaScript without
// consuming them; a host may offer `engine.previewEntries`, else nothing is shown.
function previewEntries(value, isIterator) {
  if (typeof engine.previewEntries === 'function') {
    return engine.previewEntries(value, isIterator);
  }
  return isIterator ? [[], false] : [];
}

// V8 reports the name of the function that constructed the object.
function getConstructorName(obj) {
  let proto = obj;
  while (proto !== null && proto !== undefined) {
    const desc = Reflect.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value.name;
    }
    proto = Reflect.getPrototypeOf(proto);
  }
  // Like V8, fall back to the tag; the creating class of an object whose
  // prototype chain was cut is not visible from JavaScript.
  try {
    const tag = obj[Symbol.toStringTag];
    if (typeof tag === 'string' && tag !== '') return tag;
  } catch {
    // A throwing getter leaves the default.
  }
  return 'Object';
}

module.exports = {
  constants,
  getOwnNonIndexProperties,
  getPromiseDetails,
  getProxyDetails,
  previewEntries,
  getConstructorName,
  getExternalValue: () => 0n,
  isInsideNodeModules: () => false,
  privateSymbols: {
    arrow_message_private_symbol: Symbol('node:arrowMessage'),
    decorated_private_symbol: Symbol('node:decorated'),
    untransferable_object_private_symbol: Symbol('node:untransferable'),
  },
  sleep() {},
  isArrayBufferDetached(buffer) {
    try {
      new Uint8Array(buffer);
      return false;
    } catch {
      return true;
    }
  },
  guessHandleType: () => 'UNKNOWN',
};
