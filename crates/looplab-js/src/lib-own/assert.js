'use strict';

// The `assert` module. Every failure throws AssertionError (or the user's
// own Error passed as the message); the strict variant is `assert.strict`.

const AssertionError = require('internal/assert/assertion_error');
const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');
const { isPromise, isRegExp } = require('internal/util/types');
const { validateFunction } = require('internal/validators');

const isError = (value) => value instanceof Error ||
  Object.prototype.toString.call(value) === '[object Error]';

// What getActual returns when the function did not throw.
const NO_EXCEPTION = {};

function raise(options) {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}

// The value check behind assert() and assert.ok().
function checkTruthy(fn, argCount, value, message) {
  if (value) return;
  let generated = false;
  if (argCount === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    message = undefined;
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

function ok(...args) {
  checkTruthy(ok, args.length, ...args);
}

const assert = function assert(...args) {
  checkTruthy(assert, args.length, ...args);
};
module.exports = assert;
assert.ok = ok;
assert.AssertionError = AssertionError;

let failWarned = false;

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argCount = arguments.length;
  let defaultMessage = false;
  if (actual == null && argCount <= 1) {
    defaultMessage = true;
    message = 'Failed';
  } else if (argCount === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!failWarned) {
      failWarned = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
    }
    if (argCount === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message,
  });
  if (defaultMessage) err.generatedMessage = true;
  throw err;
};

// The two-operand comparisons share one shape: check, then fail with an
// operator name that selects the message.
function comparison(name, operator, passes) {
  const fn = {
    [name](actual, expected, message) {
      if (arguments.length < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
      if (!passes(actual, expected)) raise({ actual, expected, message, operator, stackStartFn: fn });
    },
  }[name];
  return fn;
}

const bothNaN = (a, b) => Number.isNaN(a) && Number.isNaN(b);
// eslint-disable-next-line eqeqeq
assert.equal = comparison('equal', '==', (a, b) => a == b || bothNaN(a, b));
// eslint-disable-next-line eqeqeq
assert.notEqual = comparison('notEqual', '!=', (a, b) => !(a == b || bothNaN(a, b)));
assert.deepEqual = comparison('deepEqual', 'deepEqual', isDeepEqual);
assert.notDeepEqual = comparison('notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b));
assert.deepStrictEqual = comparison('deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual);
assert.notDeepStrictEqual = comparison('notDeepStrictEqual', 'notDeepStrictEqual',
  (a, b) => !isDeepStrictEqual(a, b));
assert.strictEqual = comparison('strictEqual', 'strictEqual', Object.is);
assert.notStrictEqual = comparison('notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b));

// A copy of the expected keys, shown in the diff as a `Comparison` object;
// a RegExp that matches shows the actual text instead.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (!(key in obj)) continue;
      if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
          obj[key].exec(actual[key]) !== null) {
        this[key] = actual[key];
      } else {
        this[key] = obj[key];
      }
    }
  }
}

function checkKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
  raise({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

// Does the thrown value satisfy `expected` (a class, RegExp, validation
// function or object of expected properties)? Throws AssertionError if not.
function checkThrown(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const text = String(actual);
      if (expected.exec(text) !== null) return;
      if (!message) {
        generated = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) && expected[key].exec(actual[key]) !== null) {
          continue;
        }
        checkKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generated = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = actual.constructor?.name || actual.name;
        message += expected.name === name ? 'an error with identical name but a different prototype.' : `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (!message) {
      generated = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(result)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isPromiseLike(promise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', promise);
    }
  } else if (isPromiseLike(promiseFn)) {
    promise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(value) {
  return isPromise(value) ||
    (value !== null && typeof value === 'object' && typeof value.then === 'function' &&
     typeof value.catch === 'function');
}

const validErrorTypes = ['Object', 'Error', 'Function', 'RegExp'];

function expectError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) throw new ERR_INVALID_ARG_TYPE('error', validErrorTypes, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
          `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', validErrorTypes, error);
  }
  if (actual === NO_EXCEPTION) {
    let details = error && error.name ? ` (${error.name})` : '';
    details += message ? `: ${message}` : '.';
    const what = fn === assert.rejects ? 'rejection' : 'exception';
    raise({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${what}${details}`, stackStartFn: fn });
  }
  if (error) checkThrown(actual, error, message, fn);
}

function matchesError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.exec(String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || matchesError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const what = fn === assert.doesNotReject ? 'rejection' : 'exception';
    raise({
      actual, expected: error, operator: fn.name, stackStartFn: fn,
      message: `Got unwanted ${what}${details}\nActual message: "${actual?.message}"`,
    });
  }
  throw actual;
}

assert.throws = function throws(fn, ...args) {
  expectError(throws, getActual(fn), ...args);
};

assert.rejects = async function rejects(promiseFn, ...args) {
  expectError(rejects, await waitForActual(promiseFn), ...args);
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectNoError(doesNotReject, await waitForActual(fn), ...args);
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  const failure = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  // The original error's frames follow the assertion's own.
  const origStack = err.stack;
  if (typeof origStack === 'string' && typeof failure.stack === 'string') {
    const origFrames = origStack.split('\n').filter((line) => line.startsWith('    at '));
    const ownLines = failure.stack.split('\n');
    const ownHead = ownLines.filter((line) => !line.startsWith('    at '));
    const ownFrames = ownLines.filter((line) => line.startsWith('    at '));
    const kept = ownFrames.filter((line) => !origFrames.includes(line));
    failure.stack = [...ownHead, ...kept, ...origFrames].join('\n');
  }
  throw failure;
};

function checkMatch(string, regexp, message, fn, wantMatch) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  if (typeof string === 'string' && (regexp.exec(string) !== null) === wantMatch) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  if (!message) {
    if (typeof string !== 'string') {
      message = `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`;
    } else {
      message = `${wantMatch ? 'The input did not match the regular expression' :
        'The input was expected to not match the regular expression'} ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

assert.match = function match(string, regexp, message) {
  checkMatch(string, regexp, message, match, true);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  checkMatch(string, regexp, message, doesNotMatch, false);
};

assert.CallTracker = require('internal/assert/calltracker');

// assert.strict: the same API with the loose comparisons made strict.
function strict(...args) {
  checkTruthy(strict, args.length, ...args);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
