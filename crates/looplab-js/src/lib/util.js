'use strict';

// The `util` module: inspect/format from internal/util/inspect, promisify and
// deprecate from internal/util, and the small legacy helpers.

const { codes: { ERR_INVALID_ARG_TYPE, ERR_FALSY_VALUE_REJECTION, ERR_OUT_OF_RANGE } } = require('internal/errors');
const {
  inspect, format, formatWithOptions, stripVTControlCharacters,
} = require('internal/util/inspect');
const { debuglog } = require('internal/util/debuglog');
const { validateFunction, validateNumber, validateString, validateOneOf } = require('internal/validators');
const { isDeepStrictEqual } = require('internal/util/comparisons');
const { deprecate, promisify, toUSVString, defineLazyProperties } = require('internal/util');
const types = require('internal/util/types');
const { colors } = require('internal/util/inspect/options');
const { errorMap, errname } = require('internal/util/system_errors');

const isError = (e) => types.isNativeError(e) || e instanceof Error;

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// A falsy rejection still has to reach the callback as an error.
function callbackifyOnRejected(reason, cb) {
  if (!reason) reason = new ERR_FALSY_VALUE_REJECTION(reason);
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    // Callbacks run on the next tick, outside the promise's reaction job.
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  return errname(err);
}

function getSystemErrorMap() {
  return new Map(errorMap);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

// `26 Nov 10:56:32 - message`, on stdout.
function log(...args) {
  const d = new Date();
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  internalBinding('stdio').write(1, `${d.getDate()} ${months[d.getMonth()]} ${time} - ${format(...args)}\n`);
}

// Output in Looplab is never a terminal, so the text comes back unstyled once
// the format names are checked.
function styleText(format, text) {
  validateString(text, 'text');
  for (const key of Array.isArray(format) ? format : [format]) {
    validateOneOf(key, 'format', Object.keys(colors));
  }
  return text;
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

function _errnoException(err, syscall, original) {
  const { ErrnoException } = require('internal/errors');
  return new ErrnoException(err, syscall, original);
}

function _exceptionWithHostPort(...args) {
  const { ExceptionWithHostPort } = require('internal/errors');
  return new ExceptionWithHostPort(...args);
}

// `.env` text to an object: KEY=value lines, quotes stripped, # comments.
function parseEnv(content) {
  validateString(content, 'content');
  const out = {};
  const line = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#\r\n]*)?/gm;
  for (const match of content.matchAll(line)) {
    let value = (match[2] || '').trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    }
    out[match[1]] = value;
  }
  return out;
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => require('buffer').Buffer.isBuffer(arg),
  isDeepStrictEqual,
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: types.isRegExp,
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isDate: types.isDate,
  isError,
  isFunction: (arg) => typeof arg === 'function',
  isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  types,
};

// Modules a script rarely needs load on first access.
defineLazyProperties(module.exports, 'internal/abort_controller',
  ['transferableAbortSignal', 'transferableAbortController', 'aborted']);
module.exports.parseEnv = parseEnv;
defineLazyProperties(module.exports, 'internal/util/parse_args/parse_args', ['parseArgs']);
defineLazyProperties(module.exports, 'internal/encoding', ['TextDecoder', 'TextEncoder']);
defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);
