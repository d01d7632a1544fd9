'use strict';

// Node's error codes: each `codes.ERR_X` builds an instance of a built-in
// error class (TypeError, RangeError...) whose message is Node's text, with
// an enumerable `code` and the stack header `Name [ERR_X]: message`.

const {
  determineSpecificType, formatList, addNumericalSeparator, invalidArgTypeMessage,
  outOfRangeMessage, lazyInspect,
} = require('internal/errors/describe');
const { errorMap, errname } = require('internal/util/system_errors');

const kIsNodeError = Symbol('kIsNodeError');
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');
const codes = {};
const messages = new Map();

function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return Object.prototype.hasOwnProperty.call(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

// Fills `%s`-style templates the way util.format would.
function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return Reflect.apply(msg, self, args);
  if (args.length === 0) return msg;
  return require('internal/util/inspect').format(msg, ...args);
}

// Rewrites the first stack line so it names the code, as Node's errors do;
// an engine whose stack has frames only gets the header from inspect.
function setStackHeader(error, name, code) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string' || stack.startsWith('    at ')) return;
  const header = `${name}: ${error.message}`;
  const rest = stack.startsWith(header) ? stack.slice(header.length) :
    stack.slice(stack.indexOf('\n') === -1 ? stack.length : stack.indexOf('\n'));
  const withCode = `${name} [${code}]${error.message === '' ? '' : `: ${error.message}`}${rest}`;
  Object.defineProperty(error, 'stack', { value: withCode, writable: true, enumerable: false, configurable: true });
}

function makeNodeErrorWithCode(Base, key) {
  return function NodeError(...args) {
    const error = new Base();
    // `code` comes first among the own keys, before any a message sets.
    error.code = key;
    const message = getMessage(key, args, error);
    Object.defineProperties(error, {
      [kIsNodeError]: { value: true, enumerable: false, writable: false, configurable: true },
      message: { value: message, enumerable: false, writable: true, configurable: true },
      toString: {
        value() { return `${this.name} [${key}]: ${this.message}`; },
        enumerable: false, writable: true, configurable: true,
      },
    });
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(error, NodeError);
    setStackHeader(error, error.name, key);
    return error;
  };
}

// Registers a code; extra classes become properties of the first (Node's
// `codes.ERR_X.TypeError` style) for the rare callers that want them.
function E(sym, msg, Base, ...otherClasses) {
  messages.set(sym, msg);
  const def = Base === SystemError ? makeSystemErrorWithCode(sym) : makeNodeErrorWithCode(Base, sym);
  for (const clazz of otherClasses) def[clazz.name] = makeNodeErrorWithCode(clazz, sym);
  codes[sym] = def;
}

// Errors from failed system calls in Node's own code (e.g. fs.rmSync on a
// directory): `Prefix: syscall returned CODE (message) path`, with the
// context fields as enumerable accessors over `info`.
function makeSystemErrorWithCode(key) {
  return function NodeError(context) {
    const prefix = messages.get(key);
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    const error = new Error(message);
    Object.setPrototypeOf(error, SystemError.prototype);
    error.code = key;
    Object.defineProperty(error, kIsNodeError, { value: true, configurable: true });
    Object.defineProperty(error, 'info', { value: context, enumerable: true, writable: true, configurable: true });
    for (const field of ['errno', 'syscall', 'path', 'dest']) {
      if (context[field] === undefined) continue;
      Object.defineProperty(error, field, {
        get() { return context[field]; },
        set(value) { context[field] = value; },
        enumerable: true,
        configurable: true,
      });
    }
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(error, NodeError);
    setStackHeader(error, 'SystemError', key);
    return error;
  };
}

class SystemError extends Error {
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Node shows the accessor values when inspecting.
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return require('internal/util/inspect').inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}
Object.defineProperty(SystemError.prototype, 'name', {
  value: 'SystemError', writable: true, enumerable: false, configurable: true,
});

function hideStackFrames(fn) {
  return fn;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// The name of a libuv error number from the one errno table; a name passes through.
const uvErrName = (err) => (typeof err === 'string' ? err : errname(err));

// ` address:port` (or ` address`), as a failed socket call names its peer.
function hostPort(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  return address ? ` ${address}` : '';
}

// An error from a failed system call (fs, net, kill): `syscall code`.
class ErrnoException extends Error {
  constructor(err, syscall, original) {
    const code = uvErrName(err);
    super(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    this.errno = typeof err === 'number' ? err : undefined;
    this.code = code;
    this.syscall = syscall;
  }
}

class ExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port, additional) {
    const code = uvErrName(err);
    const local = additional ? ` - Local (${additional})` : '';
    super(`${syscall} ${code}${hostPort(address, port)}${local}`);
    this.errno = typeof err === 'number' ? err : undefined;
    this.code = code;
    this.syscall = syscall;
    this.address = address;
    if (port) this.port = port;
  }
}

// A failed socket call that quotes libuv's description: `syscall code: description address:port`.
class UVExceptionWithHostPort extends Error {
  constructor(err, syscall, address, port) {
    const [code, uvmsg] = errorMap.get(err) ?? ['UNKNOWN', 'unknown error'];
    super(`${syscall} ${code}: ${uvmsg}${hostPort(address, port)}`);
    Object.assign(this, { code, errno: err, syscall, address });
    if (port) this.port = port;
  }
}

// Node's error classes say their constructor is Error, so inspect prints them as plain errors.
for (const SyscallError of [ErrnoException, ExceptionWithHostPort, UVExceptionWithHostPort]) {
  Object.defineProperty(SyscallError.prototype, 'constructor', {
    __proto__: null, get() { return Error; }, enumerable: false, configurable: true,
  });
}

// Reports both errors when a cleanup fails after a first failure.
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

function genericNodeError(message, errorProperties) {
  return Object.assign(new Error(message), errorProperties);
}

function isStackOverflowError(err) {
  return err instanceof RangeError && /call stack/i.test(String(err.message));
}

function lazyDOMException(message, name) {
  const DOMException = globalThis.DOMException || require('internal/dom_exception').DOMException;
  return new DOMException(message, name);
}

require('internal/errors/codes')(E, SystemError);

module.exports = {
  codes,
  AbortError,
  ErrnoException,
  ExceptionWithHostPort,
  UVExceptionWithHostPort,
  SystemError,
  aggregateTwoErrors,
  genericNodeError,
  hideStackFrames,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  kIsNodeError,
  kEnhanceStackBeforeInspector,
  lazyDOMException,
  determineSpecificType,
  formatList,
  addNumericalSeparator,
  getMessage,
  lazyInspect,
  invalidArgTypeMessage,
  outOfRangeMessage,
};
