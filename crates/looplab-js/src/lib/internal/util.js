'use strict';

// Small helpers the built-in modules share: deprecation warnings, promisify,
// lazy properties, encoding names, and a few well-known symbols.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { getOptionValue } = require('internal/options');
const { removeColors } = require('internal/util/inspect/strings');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const customPromisifyArgs = Symbol('customPromisifyArgs');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kEmptyObject = Object.freeze({ __proto__: null });
const kEnumerableProperty = { __proto__: null, enumerable: true };
Object.freeze(kEnumerableProperty);
const SymbolDispose = Symbol.dispose || Symbol.for('nodejs.dispose');
const SymbolAsyncDispose = Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose');

// Codes already warned about: each deprecation code warns once per process.
const codesWarned = new Set();

function deprecate(fn, msg, code, useEmitSync) {
  // Node does not check `fn`: a non-function fails at setPrototypeOf below.
  if (code !== undefined && typeof code !== 'string') throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  void useEmitSync;
  let warned = false;
  function deprecated(...args) {
    if (!getOptionValue('--no-deprecation') && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function promisify(original) {
  if (typeof original !== 'function') throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    if (typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('util.promisify.custom', 'Function', fn);
    }
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  // Callbacks with several results (e.g. dns.lookup) name them here.
  const argumentNames = original[customPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.defineProperty(fn, key, descriptors[key]);
  }
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function isError(e) {
  return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error;
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Getter-backed properties that load their module on first use.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (const key of keys) {
    let value;
    let set = false;
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get() {
        if (!set) {
          mod ??= require(id);
          value = mod[key];
          set = true;
        }
        return value;
      },
      set(v) {
        value = v;
        set = true;
      },
    };
  }
  Object.defineProperties(target, descriptors);
}

function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (!initialized) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

// Encoding names as Buffer knows them, in the numbering of the buffer binding.
const encodingsMap = { __proto__: null, ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, buffer: 6, base64url: 7 };

function slowCases(enc) {
  switch (enc.length) {
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 3:
      if (enc === 'hex' || enc === 'HEX' || `${enc}`.toLowerCase() === 'hex') return 'hex';
      break;
    case 5:
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ASCII') return 'ascii';
      if (enc === 'UCS-2') return 'utf16le';
      enc = `${enc}`.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      if (enc === 'BASE64') return 'base64';
      if (enc === 'LATIN1' || enc === 'BINARY') return 'latin1';
      enc = `${enc}`.toLowerCase();
      if (enc === 'base64') return 'base64';
      if (enc === 'latin1' || enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || `${enc}`.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || `${enc}`.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc === 'BASE64URL' || `${enc}`.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
  return undefined;
}

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function emitExperimentalWarning(feature) {
  process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}

function lazyDOMException(message, name) {
  return require('internal/errors').lazyDOMException(message, name);
}

// String.prototype.replace through a RegExp that user code cannot patch.
function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string, replacement) {
  return RegExp.prototype[Symbol.replace].call(new RegExp(regex.source, regex.flags), string, replacement);
}

function join(output, separator) {
  return output.join(separator);
}

// Lone surrogates become U+FFFD (a loop, not a lookbehind RegExp, so any
// ES2022 engine runs it).
function toUSVString(str) {
  str = String(str);
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
    }
    out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : str[i];
  }
  return out;
}

// Node's older constructors are functions that make an instance when called without `new`
// (`zlib.Gzip()`, `fs.ReadStream(path)`, `http.Agent()`, `crypto.Hash('sha1')`); a class throws
// instead. The proxy makes one, and is the prototype's constructor, so `x.constructor` is it.
function callableWithoutNew(cls) {
  const callable = new Proxy(cls, {
    __proto__: null,
    apply(target, thisArg, args) { return new target(...args); },
  });
  Object.defineProperty(cls.prototype, 'constructor', {
    __proto__: null, value: callable, writable: true, configurable: true,
  });
  return callable;
}

module.exports = {
  callableWithoutNew,
  customInspectSymbol,
  customPromisifyArgs,
  kCustomPromisifiedSymbol,
  kIsEncodingSymbol,
  kEmptyObject,
  kEnumerableProperty,
  SymbolDispose,
  SymbolAsyncDispose,
  deprecate,
  promisify,
  once,
  spliceOne,
  isError,
  getConstructorOf,
  createDeferredPromise,
  defineLazyProperties,
  getLazy,
  encodingsMap,
  normalizeEncoding,
  emitExperimentalWarning,
  lazyDOMException,
  removeColors,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  join,
  toUSVString,
};
