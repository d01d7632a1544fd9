'use strict';

// The checks behind assert.throws / rejects / doesNotThrow / doesNotReject:
// run (or await) the code, then compare what it threw with the expectation
// (a class, RegExp, validation function or object of expected properties).

const AssertionError = require('internal/assert/assertion_error');
const { inspect } = require('internal/util/inspect');
const {
  codes: { ERR_AMBIGUOUS_ARGUMENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_RETURN_VALUE },
} = require('internal/errors');
const { isDeepStrictEqual } = require('internal/util/comparisons');
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
    const what = fn.name === 'rejects' ? 'rejection' : 'exception';
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
    const what = fn.name === 'doesNotReject' ? 'rejection' : 'exception';
    raise({
      actual, expected: error, operator: fn.name, stackStartFn: fn,
      message: `Got unwanted ${what}${details}\nActual message: "${actual?.message}"`,
    });
  }
  throw actual;
}

module.exports = { getActual, waitForActual, expectError, expectNoError };
