'use strict';

// The `assert` module. Every failure throws AssertionError (or the user's
// own Error passed as the message); the strict variant is `assert.strict`.

const AssertionError = require('internal/assert/assertion_error');
const { inspect } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS } } = require('internal/errors');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');
const { isRegExp } = require('internal/util/types');
const { getActual, waitForActual, expectError, expectNoError } = require('internal/assert/expect_error');

const isError = (value) => value instanceof Error ||
  Object.prototype.toString.call(value) === '[object Error]';

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
